// The records of the money's way after receipt (fund-plan 分配方案, fund-return 资金收益, fund-evaluation
// 绩效评价) as the server enforces them over TLS: who may write (rule 14, 谁发放、谁录入), amounts and dates,
// a plan against the allocation it distributes, the distribution of returns against the income, one
// evaluation per fund line, year and area, and the dates the server derives and stores (entered, documents
// due within 5 working days across the 2026 Mid-Autumn and National Day holidays, documents attached) with
// the deadline state read from them.
#include "common/auth/Role.h"
#include "common/core/IdCard.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundFlowTypes.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/RuleTestClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kCity = u"320600000000"_s;
const QString kCounty = u"320612000000"_s; // 通州区
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kOtherCounty = u"320623000000"_s; // 如东县
const QString kOtherCountyVillage = DemoData::villageId(DemoData::townId(u"320623"_s, 0), 0);

const QString kPlan = QString::fromUtf16(funds::PlanType::kName);
const QString kReturn = QString::fromUtf16(funds::ReturnType::kName);
const QString kEvaluation = QString::fromUtf16(funds::EvaluationType::kName);
const QString kAllocation = QString::fromUtf16(funds::AllocationType::kName);

QString department(const QString &orgUnitId, const QString &code)
{
    return orgUnitId + u'-' + code;
}
const QString kAgriculture = department(kCounty, u"agriculture"_s);
const QString kPovertyOffice = department(kCounty, u"poverty-office"_s);
const QString kOtherAgriculture = department(kOtherCounty, u"agriculture"_s);

const QString kCountyClerk = u"county-clerk"_s; // 通州区农业农村局
const QString kCountyReviewer = u"county-reviewer"_s;
const QString kCountySupervisor = u"county-supervisor"_s;
const QString kCityClerk = u"city-clerk"_s; // 南通市扶贫办
const QString kTownClerk = u"town-clerk"_s; // no department
// Added by the test.
const QString kOtherCountyClerk = u"rudong-agri-clerk"_s; // 如东县农业农村局
const QString kSecondCountyClerk = u"tz-agri-clerk-2"_s;  // 通州区农业农村局, another clerk

std::optional<funds::FundLine> firstLine(const std::function<bool(const funds::FundLine &)> &wanted)
{
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &line : lines) {
        if (wanted(line))
            return line;
    }
    return std::nullopt;
}

// Two agriculture lines (the county clerk's department) and one led by the poverty office.
QString agriLine(int n = 0)
{
    int seen = 0;
    const auto line = firstLine(
        [&](const funds::FundLine &l) { return l.leadDepartment == u"agriculture"_s && seen++ == n; });
    return line ? line->code : QString();
}

QString povertyLine()
{
    const auto line =
        firstLine([](const funds::FundLine &l) { return l.leadDepartment == u"poverty-office"_s; });
    return line ? line->code : QString();
}

QJsonObject planFields(const QString &fundCode, QDate approvedOn, qint64 amountFen = 30000000)
{
    return {{u"fundCode"_s, fundCode},
            {u"year"_s, approvedOn.year()},
            {u"amountFen"_s, amountFen},
            {u"content"_s, u"按各镇耕地面积和项目申报情况分配（测试）"_s},
            {u"meetingKind"_s, u"joint-review"_s},
            {u"approvedOn"_s, iso(approvedOn)},
            {u"approvedBy"_s, u"区农业农村局、区财政局联席会议"_s},
            {u"approvalDocNo"_s, u"通农〔2026〕8号"_s}};
}

QJsonObject returnFields(const QString &fundCode, QDate receivedOn, qint64 incomeFen = 1000000)
{
    return {{u"fundCode"_s, fundCode},
            {u"year"_s, receivedOn.year()},
            {u"asset"_s, u"光伏电站（测试）"_s},
            {u"incomeFen"_s, incomeFen},
            {u"receivedOn"_s, iso(receivedOn)}};
}

QJsonObject share(const QString &kind, const QString &target, qint64 amountFen)
{
    return {{u"targetKind"_s, kind}, {u"targetId"_s, target}, {u"amountFen"_s, amountFen}};
}

} // namespace

class TestFundFlowRecords : public QObject, protected RuleTestClient
{
    Q_OBJECT

private:
    QString m_document;  // SHA-256 of a file uploaded in initTestCase
    QString m_household; // a registered household of kVillage
    int m_evaluationVillage = 1;

    QJsonObject upsert(const QString &type, const QString &id, const QString &orgUnitId,
                       const QString &departmentId, const QJsonObject &fields, qint64 baseVersion = 0)
    {
        QJsonObject op{
            {u"opId"_s, newId()},         {u"recordId"_s, id},      {u"type"_s, type},
            {u"orgUnitId"_s, orgUnitId},  {u"kind"_s, u"upsert"_s}, {u"baseVersion"_s, baseVersion},
            {u"changedFields"_s, fields}, {u"deviceTime"_s, now()}};
        if (!departmentId.isEmpty())
            op.insert(u"departmentId"_s, departmentId);
        return op;
    }

    // A new record by `username`; its id when applied, else empty.
    QString create(const QString &username, const QString &type, const QString &orgUnitId,
                   const QString &departmentId, const QJsonObject &fields, QString id = {})
    {
        if (id.isEmpty())
            id = newId();
        const PushAnswer a = pushOne(username, upsert(type, id, orgUnitId, departmentId, fields));
        if (a.status() != u"applied"_s) {
            qWarning("create %s failed: %s", qPrintable(type), a.describe().constData());
            return {};
        }
        return id;
    }

    qint64 version(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT version FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.int64(0) : 0;
    }

    // Uploads `bytes` as `username`; the file's SHA-256.
    QString upload(const QString &username, const QByteArray &bytes)
    {
        return m_http->upload(bytes, token(username));
    }

    // The fields of a valid evaluation of `fundCode` for `year`.
    QJsonObject evaluationFields(const QString &fundCode, int year, QDate evaluatedOn) const
    {
        return {{u"fundCode"_s, fundCode},
                {u"year"_s, year},
                {u"score"_s, 86.5},
                {u"grade"_s, u"good"_s},
                {u"conclusion"_s, u"资金拨付及时，项目绩效目标基本实现（测试）"_s},
                {u"evaluator"_s, u"区财政局绩效评价中心"_s},
                {u"evaluatedOn"_s, iso(evaluatedOn)},
                {u"report"_s, QJsonArray{m_document}}};
    }

    // A village of 通州区 not used by another evaluation of this test run (evaluations are one per area).
    QString freshEvaluationVillage()
    {
        const int n = m_evaluationVillage++;
        return DemoData::villageId(DemoData::townId(u"320612"_s, n / DemoData::kVillagesPerTown),
                                   n % DemoData::kVillagesPerTown);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        setChinaTime(QDate(2026, 5, 12));
        addUser(*m_server, kOtherCountyClerk, Role::Clerk, kOtherCounty, kOtherAgriculture);
        addUser(*m_server, kSecondCountyClerk, Role::Clerk, kCounty, kAgriculture);
        QVERIFY(!agriLine(0).isEmpty());
        QVERIFY(!agriLine(1).isEmpty());
        QVERIFY(!povertyLine().isEmpty());
        m_document = upload(kCountyClerk, "分配方案及会议纪要（测试）");
        QVERIFY(!m_document.isEmpty());
        m_household = create(u"county-reviewer"_s, u"household"_s, kVillage, {},
                             {{u"headName"_s, u"王建国"_s},
                              {u"povertyCause"_s, u"illness"_s},
                              {u"registeredYear"_s, 2024},
                              {u"status"_s, u"registered"_s}});
        QVERIFY(!m_household.isEmpty());
    }

    void cleanupTestCase() { stopServer(); }

    // --- rule 14: only clerks of the fund line's lead department, in their department and area ---

    void ownership_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("fundCode");
        QTest::addColumn<QString>("orgUnitId");
        QTest::addColumn<QString>("departmentId");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString agri = agriLine();
        const QString poverty = povertyLine();
        const QString forbidden = u"FORBIDDEN"_s;
        const QString cityPoverty = department(kCity, u"poverty-office"_s);
        for (const QString &type : {kPlan, kReturn, kEvaluation}) {
            auto row = [&](const char *what, const QString &user, const QString &fund, const QString &org,
                           const QString &dept, const QString &code, const QString &field = {}) {
                QTest::addRow("%s: %s", qPrintable(type), what)
                    << type << user << fund << org << dept << code << field;
            };
            row("county clerk, own line, county", kCountyClerk, agri, kCounty, kAgriculture, {});
            row("county clerk, own line, village", kCountyClerk, agri, kVillage, kAgriculture, {});
            row("county clerk, line led by the poverty office", kCountyClerk, poverty, kCounty, kAgriculture,
                forbidden, u"fundCode"_s);
            row("county clerk, record in the poverty office", kCountyClerk, agri, kCounty, kPovertyOffice,
                forbidden);
            row("county clerk, record in no department", kCountyClerk, agri, kCounty, {}, forbidden);
            row("county reviewer", kCountyReviewer, poverty, kCounty, kPovertyOffice, forbidden);
            row("county supervisor", kCountySupervisor, agri, kCounty, kAgriculture, forbidden);
            row("town clerk (no department)", kTownClerk, agri, kVillage, kAgriculture, forbidden);
            row("如东 clerk, 通州 department", kOtherCountyClerk, agri, kCounty, kAgriculture, forbidden);
            row("如东 clerk, own department placed in 通州", kOtherCountyClerk, agri, kVillage,
                kOtherAgriculture, forbidden);
            row("如东 clerk, own county", kOtherCountyClerk, agri, kOtherCounty, kOtherAgriculture, {});
            row("city poverty-office clerk, city level", kCityClerk, poverty, kCity, cityPoverty, {});
            row("city poverty-office clerk, county poverty office", kCityClerk, poverty, kCounty,
                kPovertyOffice, forbidden);
            row("city poverty-office clerk, agriculture line at the city", kCityClerk, agri, kCity,
                cityPoverty, forbidden, u"fundCode"_s);
        }
    }

    void ownership()
    {
        QFETCH(QString, type);
        QFETCH(QString, username);
        QFETCH(QString, fundCode);
        QFETCH(QString, orgUnitId);
        QFETCH(QString, departmentId);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        QString id = newId();
        QJsonObject fields;
        if (type == kPlan) {
            fields = planFields(fundCode, QDate(2026, 5, 6));
        } else if (type == kReturn) {
            fields = returnFields(fundCode, QDate(2026, 5, 6));
        } else {
            // The id is fixed by line, year and area: refused rows take a year no applied row uses, so that
            // they meet no stored evaluation.
            const int year = code.isEmpty() ? 2025 : 2019;
            fields = evaluationFields(fundCode, year, QDate(2026, 5, 6));
            id = funds::EvaluationType::recordIdFor(fundCode, year, orgUnitId);
        }
        if (type == kReturn)
            fields.insert(u"documents"_s, QJsonArray{m_document});
        EXPECT_OUTCOME(pushOne(username, upsert(type, id, orgUnitId, departmentId, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // --- a plan: amount, dates, meeting ---

    void planRules_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("valid") << QString() << QJsonValue() << QString() << QString();
        QTest::newRow("amount 0") << u"amountFen"_s << QJsonValue(0) << invalid << u"amountFen"_s;
        QTest::newRow("amount negative") << u"amountFen"_s << QJsonValue(-500) << invalid << u"amountFen"_s;
        QTest::newRow("amount in yuan with decimals")
            << u"amountFen"_s << QJsonValue(1234.5) << u"INVALID_TYPE"_s << u"amountFen"_s;
        QTest::newRow("approved today")
            << u"approvedOn"_s << QJsonValue(u"2026-05-12"_s) << QString() << QString();
        QTest::newRow("approved tomorrow")
            << u"approvedOn"_s << QJsonValue(u"2026-05-13"_s) << invalid << u"approvedOn"_s;
        QTest::newRow("approval date not a date")
            << u"approvedOn"_s << QJsonValue(u"2026-02-30"_s) << invalid << u"approvedOn"_s;
        QTest::newRow("meeting unknown")
            << u"meetingKind"_s << QJsonValue(u"phone-call"_s) << invalid << u"meetingKind"_s;
        QTest::newRow("meeting missing")
            << u"meetingKind"_s << QJsonValue() << u"MISSING_FIELD"_s << u"meetingKind"_s;
        QTest::newRow("village representatives' meeting")
            << u"meetingKind"_s << QJsonValue(u"villagers"_s) << QString() << QString();
        QTest::newRow("approved by nobody")
            << u"approvedBy"_s << QJsonValue(u"  "_s) << u"MISSING_FIELD"_s << u"approvedBy"_s;
        QTest::newRow("content missing")
            << u"content"_s << QJsonValue() << u"MISSING_FIELD"_s << u"content"_s;
        QTest::newRow("year 2013") << u"year"_s << QJsonValue(2013) << invalid << u"year"_s;
        QTest::newRow("year two years ahead") << u"year"_s << QJsonValue(2028) << invalid << u"year"_s;
        QTest::newRow("year ahead (next budget)") << u"year"_s << QJsonValue(2027) << QString() << QString();
        QTest::newRow("no document number") << u"approvalDocNo"_s << QJsonValue() << QString() << QString();
        QTest::newRow("a document that was never uploaded")
            << u"documents"_s << QJsonValue(QJsonArray{QString(64, u'a')}) << u"ATTACHMENT_MISSING"_s
            << u"documents"_s;
    }

    void planRules()
    {
        QFETCH(QString, change);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        QJsonObject fields = planFields(agriLine(), QDate(2026, 5, 6));
        if (!change.isEmpty()) {
            if (value.isNull() || value.isUndefined())
                fields.remove(change);
            else
                fields.insert(change, value);
        }
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(kCountyClerk, upsert(kPlan, id, kCounty, kAgriculture, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // --- a plan against the allocation it distributes ---

    void planAgainstAllocation_data()
    {
        QTest::addColumn<QString>("allocation"); // "own", "other-line", "other-county", "missing", "plan"
        QTest::addColumn<qint64>("amountFen");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("part of the allocation") << u"own"_s << qint64(20000000) << QString() << QString();
        QTest::newRow("all of the allocation") << u"own"_s << qint64(50000000) << QString() << QString();
        QTest::newRow("one fen more than the allocation")
            << u"own"_s << qint64(50000001) << invalid << u"amountFen"_s;
        QTest::newRow("allocation of another fund line")
            << u"other-line"_s << qint64(100) << invalid << u"allocationId"_s;
        QTest::newRow("allocation of another county")
            << u"other-county"_s << qint64(100) << invalid << u"allocationId"_s;
        QTest::newRow("allocation that does not exist")
            << u"missing"_s << qint64(100) << invalid << u"allocationId"_s;
        QTest::newRow("a record that is not an allocation")
            << u"plan"_s << qint64(100) << invalid << u"allocationId"_s;
    }

    void planAgainstAllocation()
    {
        QFETCH(QString, allocation);
        QFETCH(qint64, amountFen);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        auto allocationOf = [&](const QString &user, const QString &fund, const QString &org,
                                const QString &dept) {
            return create(user, kAllocation, org, dept,
                          {{u"fundCode"_s, fund},
                           {u"sourceLevel"_s, u"provincial"_s},
                           {u"year"_s, 2026},
                           {u"amountFen"_s, qint64(50000000)},
                           {u"documentNo"_s, u"苏财农〔2026〕21号"_s},
                           {u"receivedOn"_s, u"2026-04-20"_s},
                           {u"reportedOn"_s, u"2026-04-22"_s},
                           {u"account"_s, u"agriculture"_s}});
        };
        QString target;
        if (allocation == u"own"_s)
            target = allocationOf(kCountyClerk, agriLine(), kCounty, kAgriculture);
        else if (allocation == u"other-line"_s)
            target = allocationOf(kCountyClerk, agriLine(1), kCounty, kAgriculture);
        else if (allocation == u"other-county"_s)
            target = allocationOf(kOtherCountyClerk, agriLine(), kOtherCounty, kOtherAgriculture);
        else if (allocation == u"plan"_s)
            target =
                create(kCountyClerk, kPlan, kCounty, kAgriculture, planFields(agriLine(), QDate(2026, 5, 6)));
        else
            target = newId();
        QVERIFY(!target.isEmpty());
        QJsonObject fields = planFields(agriLine(), QDate(2026, 5, 8), amountFen);
        fields.insert(u"allocationId"_s, target);
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(kCountyClerk, upsert(kPlan, id, kCounty, kAgriculture, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // --- returns and their distribution ---

    void returnDistribution_data()
    {
        QTest::addColumn<qint64>("incomeFen");
        QTest::addColumn<QJsonValue>("distribution"); // undefined: none
        QTest::addColumn<QString>("receivedOn");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        const QString d = u"distribution"_s;
        const QString village2 = DemoData::villageId(kTown, 1);
        const QString otherTownVillage = DemoData::villageId(DemoData::townId(u"320612"_s, 4), 3);
        const QString may = u"2026-05-06"_s;
        // The household is created in initTestCase: "@household" stands for its id.
        const QString hh = u"@household"_s;
        QTest::newRow("not distributed yet")
            << qint64(1000000) << QJsonValue() << may << QString() << QString();
        QTest::newRow("empty distribution")
            << qint64(1000000) << QJsonValue(QJsonArray()) << may << QString() << QString();
        QTest::newRow("two villages, all of the income")
            << qint64(1000000)
            << QJsonValue(
                   QJsonArray{share(u"village"_s, kVillage, 600000), share(u"village"_s, village2, 400000)})
            << may << QString() << QString();
        QTest::newRow("two villages, one fen more than the income")
            << qint64(1000000)
            << QJsonValue(
                   QJsonArray{share(u"village"_s, kVillage, 600000), share(u"village"_s, village2, 400001)})
            << may << invalid << d;
        QTest::newRow("a village of another town of the county")
            << qint64(1000000) << QJsonValue(QJsonArray{share(u"village"_s, otherTownVillage, 1000)}) << may
            << QString() << QString();
        QTest::newRow("a village of another county")
            << qint64(1000000) << QJsonValue(QJsonArray{share(u"village"_s, kOtherCountyVillage, 1000)})
            << may << invalid << d;
        QTest::newRow("a town as a village")
            << qint64(1000000) << QJsonValue(QJsonArray{share(u"village"_s, kTown, 1000)}) << may << invalid
            << d;
        QTest::newRow("a registered household and a village")
            << qint64(1000000)
            << QJsonValue(QJsonArray{share(u"household"_s, hh, 20000), share(u"village"_s, kVillage, 980000)})
            << may << QString() << QString();
        QTest::newRow("a household that does not exist")
            << qint64(1000000) << QJsonValue(QJsonArray{share(u"household"_s, newId(), 20000)}) << may
            << invalid << d;
        QTest::newRow("the same village twice") << qint64(1000000)
                                                << QJsonValue(QJsonArray{share(u"village"_s, kVillage, 1000),
                                                                         share(u"village"_s, kVillage, 1000)})
                                                << may << invalid << d;
        QTest::newRow("amount 0") << qint64(1000000)
                                  << QJsonValue(QJsonArray{share(u"village"_s, kVillage, 0)}) << may
                                  << invalid << d;
        QTest::newRow("amount in yuan with decimals")
            << qint64(1000000)
            << QJsonValue(QJsonArray{QJsonObject{
                   {u"targetKind"_s, u"village"_s}, {u"targetId"_s, kVillage}, {u"amountFen"_s, 12.5}}})
            << may << invalid << d;
        QTest::newRow("a target of unknown kind")
            << qint64(1000000) << QJsonValue(QJsonArray{share(u"person"_s, kVillage, 1000)}) << may << invalid
            << d;
        QTest::newRow("no target") << qint64(1000000)
                                   << QJsonValue(QJsonArray{share(u"village"_s, QString(), 1000)}) << may
                                   << invalid << d;
        QTest::newRow("an unknown key in an item")
            << qint64(1000000)
            << QJsonValue(QJsonArray{QJsonObject{{u"targetKind"_s, u"village"_s},
                                                 {u"targetId"_s, kVillage},
                                                 {u"amountFen"_s, 1000},
                                                 {u"bonus"_s, 5}}})
            << may << invalid << d;
        QTest::newRow("an item that is not an object")
            << qint64(1000000) << QJsonValue(QJsonArray{1000}) << may << u"INVALID_TYPE"_s << d;
        QTest::newRow("a distribution that is not a list")
            << qint64(1000000) << QJsonValue(u"全部分到村"_s) << may << u"INVALID_TYPE"_s << d;
        QTest::newRow("income 0") << qint64(0) << QJsonValue() << may << invalid << u"incomeFen"_s;
        QTest::newRow("received tomorrow")
            << qint64(1000000) << QJsonValue() << u"2026-05-13"_s << invalid << u"receivedOn"_s;
    }

    void returnDistribution()
    {
        QFETCH(qint64, incomeFen);
        QFETCH(QJsonValue, distribution);
        QFETCH(QString, receivedOn);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        QJsonObject fields = returnFields(agriLine(), QDate::fromString(receivedOn, Qt::ISODate), incomeFen);
        if (distribution.isArray()) {
            QJsonArray items = distribution.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                QJsonObject item = items.at(i).toObject();
                if (item.value(u"targetId"_s).toString() == u"@household"_s) {
                    item.insert(u"targetId"_s, m_household);
                    items[i] = item;
                }
            }
            fields.insert(u"distribution"_s, items);
        } else if (!distribution.isUndefined() && !distribution.isNull()) {
            fields.insert(u"distribution"_s, distribution);
        }
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(kCountyClerk, upsert(kReturn, id, kCounty, kAgriculture, fields)), code,
                       field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
        if (code.isEmpty())
            QCOMPARE(funds::ReturnType::distributedFen(storedFields(id)),
                     funds::ReturnType::distributedFen(fields));
    }

    // A village-level return distributes to its own village only.
    void villageReturnDistributesInItsVillage()
    {
        setChinaTime(QDate(2026, 5, 12));
        QJsonObject fields = returnFields(agriLine(), QDate(2026, 5, 6));
        fields.insert(u"distribution"_s,
                      QJsonArray{share(u"village"_s, DemoData::villageId(kTown, 1), 1000)});
        EXPECT_REJECTED(pushOne(kCountyClerk, upsert(kReturn, newId(), kVillage, kAgriculture, fields)),
                        "VALIDATION_FAILED", "distribution");
        fields.insert(u"distribution"_s, QJsonArray{share(u"village"_s, kVillage, 1000)});
        EXPECT_APPLIED(pushOne(kCountyClerk, upsert(kReturn, newId(), kVillage, kAgriculture, fields)));
    }

    // --- evaluations ---

    void evaluationRules_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the field
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("valid") << QString() << QJsonValue() << QString() << QString();
        QTest::newRow("score 100, 优")
            << u"score+grade"_s << QJsonValue(QJsonArray{100, u"excellent"_s}) << QString() << QString();
        QTest::newRow("score 90, 优")
            << u"score+grade"_s << QJsonValue(QJsonArray{90, u"excellent"_s}) << QString() << QString();
        QTest::newRow("score 89.9, 优")
            << u"score+grade"_s << QJsonValue(QJsonArray{89.9, u"excellent"_s}) << invalid << u"grade"_s;
        QTest::newRow("score 59.5, 差")
            << u"score+grade"_s << QJsonValue(QJsonArray{59.5, u"poor"_s}) << QString() << QString();
        QTest::newRow("score 60, 差")
            << u"score+grade"_s << QJsonValue(QJsonArray{60, u"poor"_s}) << invalid << u"grade"_s;
        QTest::newRow("score 101") << u"score"_s << QJsonValue(101) << invalid << u"score"_s;
        QTest::newRow("score -1") << u"score"_s << QJsonValue(-1) << invalid << u"score"_s;
        QTest::newRow("grade only") << u"score"_s << QJsonValue() << QString() << QString();
        QTest::newRow("score only") << u"grade"_s << QJsonValue() << QString() << QString();
        QTest::newRow("neither score nor grade")
            << u"score+grade"_s << QJsonValue(QJsonArray{}) << u"MISSING_FIELD"_s << u"score"_s;
        QTest::newRow("grade unknown") << u"grade"_s << QJsonValue(u"A"_s) << invalid << u"grade"_s;
        QTest::newRow("no report") << u"report"_s << QJsonValue() << u"MISSING_FIELD"_s << u"report"_s;
        QTest::newRow("empty report")
            << u"report"_s << QJsonValue(QJsonArray()) << u"MISSING_FIELD"_s << u"report"_s;
        QTest::newRow("no conclusion")
            << u"conclusion"_s << QJsonValue() << u"MISSING_FIELD"_s << u"conclusion"_s;
        QTest::newRow("evaluated tomorrow")
            << u"evaluatedOn"_s << QJsonValue(u"2026-05-13"_s) << invalid << u"evaluatedOn"_s;
        QTest::newRow("evaluating the current year")
            << u"year"_s << QJsonValue(2026) << QString() << QString();
        QTest::newRow("evaluating next year") << u"year"_s << QJsonValue(2027) << invalid << u"year"_s;
    }

    void evaluationRules()
    {
        QFETCH(QString, change);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        QJsonObject fields = evaluationFields(agriLine(), 2025, QDate(2026, 4, 28));
        if (change == u"score+grade"_s) {
            fields.remove(u"score"_s);
            fields.remove(u"grade"_s);
            const QJsonArray pair = value.toArray();
            if (pair.size() == 2) {
                fields.insert(u"score"_s, pair.at(0));
                fields.insert(u"grade"_s, pair.at(1));
            }
        } else if (!change.isEmpty()) {
            if (value.isUndefined() || value.isNull())
                fields.remove(change);
            else
                fields.insert(change, value);
        }
        const QString village = freshEvaluationVillage();
        const QString id =
            funds::EvaluationType::recordIdFor(agriLine(), fields.value(u"year"_s).toInt(), village);
        EXPECT_OUTCOME(pushOne(kCountyClerk, upsert(kEvaluation, id, village, kAgriculture, fields)), code,
                       field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // One evaluation per fund line, year and area: its id is fixed by them.
    void evaluationOncePerLineYearAndArea()
    {
        setChinaTime(QDate(2026, 5, 12));
        const QString line = agriLine();
        const QString id = funds::EvaluationType::recordIdFor(line, 2024, kCounty);
        EXPECT_APPLIED(pushOne(kCountyClerk, upsert(kEvaluation, id, kCounty, kAgriculture,
                                                    evaluationFields(line, 2024, QDate(2026, 5, 6)))));
        // Another id for the same line, year and area.
        const QString other = newId();
        EXPECT_REJECTED(pushOne(kCountyClerk, upsert(kEvaluation, other, kCounty, kAgriculture,
                                                     evaluationFields(line, 2024, QDate(2026, 5, 8)))),
                        "VALIDATION_FAILED", "year");
        QCOMPARE(version(other), 0);
        // The id of another year, area or line does not fit these fields either.
        EXPECT_REJECTED(
            pushOne(kCountyClerk,
                    upsert(kEvaluation, funds::EvaluationType::recordIdFor(line, 2023, kCounty), kCounty,
                           kAgriculture, evaluationFields(line, 2024, QDate(2026, 5, 8)))),
            "VALIDATION_FAILED", "year");
        EXPECT_REJECTED(
            pushOne(kCountyClerk,
                    upsert(kEvaluation, funds::EvaluationType::recordIdFor(line, 2024, kVillage), kCounty,
                           kAgriculture, evaluationFields(line, 2024, QDate(2026, 5, 8)))),
            "VALIDATION_FAILED", "year");
        // A second clerk entering the same evaluation as new meets the first one: a conflict, nothing lost.
        QJsonObject second = evaluationFields(line, 2024, QDate(2026, 5, 8));
        second.insert(u"score"_s, 72);
        second.insert(u"grade"_s, u"fair"_s);
        const PushAnswer a =
            pushOne(kSecondCountyClerk, upsert(kEvaluation, id, kCounty, kAgriculture, second));
        QCOMPARE(a.status(), u"conflict"_s);
        QCOMPARE(version(id), 1);
        QCOMPARE(storedFields(id).value(u"score"_s).toDouble(), 86.5);
        // The same line and year in another area, and another year in the same area, are separate
        // evaluations.
        EXPECT_APPLIED(pushOne(
            kCountyClerk, upsert(kEvaluation, funds::EvaluationType::recordIdFor(line, 2023, kCounty),
                                 kCounty, kAgriculture, evaluationFields(line, 2023, QDate(2026, 5, 8)))));
        EXPECT_APPLIED(pushOne(
            kOtherCountyClerk,
            upsert(kEvaluation, funds::EvaluationType::recordIdFor(line, 2024, kOtherCounty), kOtherCounty,
                   kOtherAgriculture, evaluationFields(line, 2024, QDate(2026, 5, 8)))));
        // Changing the year of a stored evaluation would make it another one: refused.
        EXPECT_REJECTED(
            pushOne(kCountyClerk, upsert(kEvaluation, id, kCounty, kAgriculture, {{u"year"_s, 2022}}, 1)),
            "VALIDATION_FAILED", "year");
    }

    // --- the dates the server derives and stores (rule 7: documents within 5 working days) ---

    void derivedDates_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QDate>("finished");
        QTest::addColumn<QDate>("entered");
        QTest::addColumn<bool>("documents");
        QTest::addColumn<QDate>("documentsDueOn");
        QTest::addColumn<QString>("status"); // deadline state on the day entered
        for (const QString &type : {kPlan, kReturn, kEvaluation}) {
            const bool always = type == kEvaluation; // the report is required
            // Tuesday 09-29 + 5 working days: 09-30, (National Day 10-01..07), 10-08, 10-09, 10-10 (make-up
            // Saturday), 10-12.
            QTest::addRow("%s: finished 2026-09-29, entered 10-09 with documents", qPrintable(type))
                << type << QDate(2026, 9, 29) << QDate(2026, 10, 9) << true << QDate(2026, 10, 12)
                << u"on-time"_s;
            // Wednesday 09-30: 10-08, 10-09, 10-10, 10-12, 10-13.
            QTest::addRow("%s: finished 2026-09-30, entered 10-14 with documents", qPrintable(type))
                << type << QDate(2026, 9, 30) << QDate(2026, 10, 14) << true << QDate(2026, 10, 13)
                << u"entered-late"_s;
            // Thursday 09-24, before Mid-Autumn (09-25..27): 09-28, 09-29, 09-30, 10-08, 10-09.
            QTest::addRow("%s: finished 2026-09-24, entered 09-28", qPrintable(type))
                << type << QDate(2026, 9, 24) << QDate(2026, 9, 28) << always << QDate(2026, 10, 9)
                << u"on-time"_s;
            if (!always) {
                QTest::addRow("%s: finished 2026-09-30, entered 10-12 without documents", qPrintable(type))
                    << type << QDate(2026, 9, 30) << QDate(2026, 10, 12) << false << QDate(2026, 10, 13)
                    << u"due-soon"_s;
                QTest::addRow("%s: finished 2026-09-30, entered 10-14 without documents", qPrintable(type))
                    << type << QDate(2026, 9, 30) << QDate(2026, 10, 14) << false << QDate(2026, 10, 13)
                    << u"overdue"_s;
            }
        }
    }

    void derivedDates()
    {
        QFETCH(QString, type);
        QFETCH(QDate, finished);
        QFETCH(QDate, entered);
        QFETCH(bool, documents);
        QFETCH(QDate, documentsDueOn);
        QFETCH(QString, status);
        setChinaTime(entered);
        QString id = newId();
        QJsonObject fields;
        QString docField = u"documents"_s;
        if (type == kPlan) {
            fields = planFields(agriLine(), finished);
        } else if (type == kReturn) {
            fields = returnFields(agriLine(), finished);
        } else {
            docField = u"report"_s;
            const QString village = freshEvaluationVillage();
            fields = evaluationFields(agriLine(), 2025, finished);
            id = funds::EvaluationType::recordIdFor(agriLine(), 2025, village);
            fields.insert(u"enteredOn"_s, u"2020-01-01"_s); // derived fields sent by a client are ignored
            fields.insert(u"documentsDueOn"_s, u"2030-01-01"_s);
            EXPECT_APPLIED(pushOne(kCountyClerk, upsert(type, id, village, kAgriculture, fields)));
        }
        if (type != kEvaluation) {
            if (documents)
                fields.insert(docField, QJsonArray{m_document});
            fields.insert(u"documentsOn"_s, u"2020-01-01"_s);
            EXPECT_APPLIED(pushOne(kCountyClerk, upsert(type, id, kCounty, kAgriculture, fields)));
        }
        const QJsonObject stored = storedFields(id);
        QCOMPARE(stored.value(u"enteredOn"_s).toString(), iso(entered));
        QCOMPARE(stored.value(u"documentsDueOn"_s).toString(), iso(documentsDueOn));
        QCOMPARE(stored.value(u"documentsOn"_s).toString(), documents ? iso(entered) : QString());
        QCOMPARE(stored.contains(u"documentsOn"_s), documents);
        const WorkingCalendar &calendar = WorkingCalendar::builtIn();
        const funds::DeadlineState state =
            type == kPlan     ? funds::PlanType::deadlineState(stored, entered, calendar)
            : type == kReturn ? funds::ReturnType::deadlineState(stored, entered, calendar)
                              : funds::EvaluationType::deadlineState(stored, entered, calendar);
        QCOMPARE(funds::entryStatusName(state.status), status);
        QCOMPARE(state.due, documentsDueOn);
    }

    // Documents attached later: the day entered stays, the day attached is the later one, and the deadline
    // state follows it; a change of the finishing date moves the due date.
    void documentsAttachedLater()
    {
        setChinaTime(QDate(2026, 10, 9));
        const QString id =
            create(kCountyClerk, kPlan, kCounty, kAgriculture, planFields(agriLine(), QDate(2026, 9, 30)));
        QVERIFY(!id.isEmpty());
        const WorkingCalendar &calendar = WorkingCalendar::builtIn();
        QCOMPARE(funds::PlanType::deadlineState(storedFields(id), QDate(2026, 10, 14), calendar).status,
                 funds::EntryStatus::Overdue);

        setChinaTime(QDate(2026, 10, 15));
        EXPECT_APPLIED(pushOne(kCountyClerk, upsert(kPlan, id, kCounty, kAgriculture,
                                                    {{u"documents"_s, QJsonArray{m_document}}}, 1)));
        QJsonObject stored = storedFields(id);
        QCOMPARE(stored.value(u"enteredOn"_s).toString(), u"2026-10-09"_s);
        QCOMPARE(stored.value(u"documentsOn"_s).toString(), u"2026-10-15"_s);
        QCOMPARE(funds::PlanType::deadlineState(stored, QDate(2026, 10, 20), calendar).status,
                 funds::EntryStatus::EnteredLate);

        // Another change later keeps both days.
        setChinaTime(QDate(2026, 10, 20));
        EXPECT_APPLIED(pushOne(
            kCountyClerk, upsert(kPlan, id, kCounty, kAgriculture, {{u"approvedOn"_s, u"2026-10-12"_s}}, 2)));
        stored = storedFields(id);
        QCOMPARE(stored.value(u"enteredOn"_s).toString(), u"2026-10-09"_s);
        QCOMPARE(stored.value(u"documentsOn"_s).toString(), u"2026-10-15"_s);
        // 10-12 (Monday) + 5 working days: 10-13 .. 10-16, 10-19.
        QCOMPARE(stored.value(u"documentsDueOn"_s).toString(), u"2026-10-19"_s);
        QCOMPARE(funds::PlanType::deadlineState(stored, QDate(2026, 10, 20), calendar).status,
                 funds::EntryStatus::OnTime);
    }
};

QTEST_GUILESS_MAIN(TestFundFlowRecords)
#include "tst_funds_flow_records.moc"
