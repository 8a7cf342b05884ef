// The 涉农资金 / 扶贫济困资金 record types (fund-allocation, disbursement) as the server enforces them: every
// rule answered per operation of a real push over TLS (applied, or rejected with its stable code and field),
// with the server's clock set to the China dates that matter: who may write (rule 14, 谁发放、谁录入), the
// fields of a disbursement, the year rule (rule 6), the relief quarter close with the late-sync rule (rule 4)
// and allocations.
#include "common/auth/Role.h"
#include "common/core/IdCard.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/RuleTestClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kCounty = u"320612000000"_s; // 通州区
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kOtherCounty = u"320623000000"_s; // 如东县
const QString kCity = u"320600000000"_s;

const QString kAllocation = QString::fromUtf16(funds::AllocationType::kName);
const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);

QString department(const QString &orgUnitId, const QString &code)
{
    return orgUnitId + u'-' + code;
}
const QString kAgriculture = department(kCounty, u"agriculture"_s);
const QString kPovertyOffice = department(kCounty, u"poverty-office"_s);

const QString kCountyClerk = u"county-clerk"_s; // 通州区农业农村局
const QString kCountyReviewer = u"county-reviewer"_s;
const QString kCountyLeader = u"county-leader"_s;
const QString kCountySupervisor = u"county-supervisor"_s;
const QString kCityClerk = u"city-clerk"_s; // 南通市扶贫办
// Added by the test: a clerk of 如东县农业农村局, and clerks of 通州区 departments no demo account belongs
// to.
const QString kOtherCountyClerk = u"rudong-agri-clerk"_s;

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;

// An 18-character 身份证号 with the right check character.
QString idNumber(int sequence)
{
    const QString first17 = u"320612"_s + u"19680415"_s + u"%1"_s.arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdCard::checkCharacter(first17);
}

QString withWrongCheck(const QString &number)
{
    return number.left(17) + QChar(number.at(17) == u'0' ? u'1' : u'0');
}

// --- the fund catalog, read by kind and cycle ---

std::optional<funds::FundLine> firstLine(const std::function<bool(const funds::FundLine &)> &wanted)
{
    const QList<funds::FundLine> lines = funds::FundCatalog::builtIn().lines();
    for (const funds::FundLine &line : lines) {
        if (wanted(line))
            return line;
    }
    return std::nullopt;
}

// A line of the county clerk's department (agriculture) paid per project, and one paid once to a person.
funds::FundLine agriProjectLine()
{
    return firstLine([](const funds::FundLine &l) {
               return l.leadDepartment == u"agriculture"_s && l.kind == funds::FundKind::Agricultural &&
                      l.cycle == funds::PaymentCycle::PerProject;
           })
        .value_or(funds::FundLine());
}

funds::FundLine agriPersonLine()
{
    return firstLine([](const funds::FundLine &l) {
               return l.leadDepartment == u"agriculture"_s && l.recipient == funds::Recipient::Person;
           })
        .value_or(funds::FundLine());
}

// A line led by another department than agriculture.
funds::FundLine povertyOfficeReliefLine()
{
    return firstLine([](const funds::FundLine &l) {
               return l.leadDepartment == u"poverty-office"_s && funds::isReliefFund(l.kind);
           })
        .value_or(funds::FundLine());
}

// --- what the server answers ---

using Answer = test::PushAnswer;

// --- record fields ---

QJsonObject disbursementFields(const funds::FundLine &line, const QString &period, QDate paidOn,
                               qint64 amountFen = 125000)
{
    QJsonObject f{{u"fundCode"_s, line.code},
                  {u"recipientKind"_s, funds::recipientName(line.recipient)},
                  {u"recipientName"_s, u"王建国"_s},
                  {u"amountFen"_s, amountFen},
                  {u"period"_s, period},
                  {u"paidOn"_s, iso(paidOn)},
                  {u"account"_s, u"6228480012345678"_s}};
    if (line.recipient == funds::Recipient::Person)
        f.insert(u"idNumber"_s, idNumber(101));
    return f;
}

QJsonObject allocationFields(const funds::FundLine &line, QDate receivedOn, QDate reportedOn,
                             qint64 amountFen = 50000000)
{
    QJsonObject f{{u"fundCode"_s, line.code},
                  {u"sourceLevel"_s, u"central"_s},
                  {u"year"_s, receivedOn.year()},
                  {u"amountFen"_s, amountFen},
                  {u"documentNo"_s, u"通财农〔2026〕12号"_s},
                  {u"receivedOn"_s, iso(receivedOn)},
                  {u"account"_s, u"agriculture"_s}};
    if (reportedOn.isValid())
        f.insert(u"reportedOn"_s, iso(reportedOn));
    return f;
}

} // namespace

class TestFundRecords : public QObject, protected RuleTestClient
{
    Q_OBJECT

private:
    // A clerk of the 通州区 department `code` (added once); its username.
    QString countyClerkOf(const QString &code)
    {
        if (code == u"agriculture"_s)
            return kCountyClerk;
        const QString username = u"tz-"_s + code + u"-clerk"_s;
        SqlQuery q(m_server->store(), u"SELECT 1 FROM users WHERE username = ?"_s);
        q.bindText(username).exec();
        if (!q.next())
            addUser(*m_server, username, Role::Clerk, kCounty, department(kCounty, code));
        return username;
    }

    bool stored(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT version FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() && q.int64(0) > 0;
    }

    bool storedLateSynced(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT late_synced FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() && q.flag(0);
    }

    // A new record's upsert, saved now, placed in `orgUnitId` under `departmentId`.
    QJsonObject upsert(const QString &type, const QString &id, const QString &orgUnitId,
                       const QString &departmentId, const QJsonObject &fields)
    {
        QJsonObject op{{u"opId"_s, newId()},         {u"recordId"_s, id},      {u"type"_s, type},
                       {u"orgUnitId"_s, orgUnitId},  {u"kind"_s, u"upsert"_s}, {u"baseVersion"_s, 0},
                       {u"changedFields"_s, fields}, {u"deviceTime"_s, now()}};
        if (!departmentId.isEmpty())
            op.insert(u"departmentId"_s, departmentId);
        return op;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        setChinaTime(QDate(2026, 5, 12));
        addUser(*m_server, kOtherCountyClerk, Role::Clerk, kOtherCounty,
                department(kOtherCounty, u"agriculture"_s));
        QVERIFY(!agriProjectLine().code.isEmpty());
        QVERIFY(!agriPersonLine().code.isEmpty());
        QVERIFY(!povertyOfficeReliefLine().code.isEmpty());
        QVERIFY(!token(kOtherCountyClerk).isEmpty());
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
        const QString agri = agriProjectLine().code;
        const QString poverty = povertyOfficeReliefLine().code;
        const QString forbidden = u"FORBIDDEN"_s;
        const QString d = kDisbursement, a = kAllocation;
        QTest::newRow("disbursement: county clerk, agricultural line of his department, county")
            << d << kCountyClerk << agri << kCounty << kAgriculture << QString() << QString();
        QTest::newRow("disbursement: county clerk, agricultural line of his department, village")
            << d << kCountyClerk << agri << kVillage << kAgriculture << QString() << QString();
        QTest::newRow("disbursement: county clerk, line led by the poverty office")
            << d << kCountyClerk << poverty << kCounty << kAgriculture << forbidden << u"fundCode"_s;
        QTest::newRow("disbursement: county clerk, record in the poverty office")
            << d << kCountyClerk << agri << kCounty << kPovertyOffice << forbidden << QString();
        QTest::newRow("disbursement: county clerk, record in no department")
            << d << kCountyClerk << agri << kCounty << QString() << forbidden << QString();
        QTest::newRow("disbursement: county reviewer of the lead department")
            << d << kCountyReviewer << poverty << kCounty << kPovertyOffice << forbidden << QString();
        QTest::newRow("disbursement: county leader")
            << d << kCountyLeader << poverty << kCounty << kPovertyOffice << forbidden << QString();
        QTest::newRow("disbursement: county supervisor")
            << d << kCountySupervisor << agri << kCounty << kAgriculture << forbidden << QString();
        QTest::newRow("disbursement: 如东 agriculture clerk, 通州 agriculture department")
            << d << kOtherCountyClerk << agri << kCounty << kAgriculture << forbidden << QString();
        QTest::newRow("disbursement: 如东 agriculture clerk, own department, placed in 通州")
            << d << kOtherCountyClerk << agri << kVillage << department(kOtherCounty, u"agriculture"_s)
            << forbidden << QString();
        QTest::newRow("disbursement: 如东 agriculture clerk, own county")
            << d << kOtherCountyClerk << agri << kOtherCounty << department(kOtherCounty, u"agriculture"_s)
            << QString() << QString();
        QTest::newRow("disbursement: city poverty-office clerk, 通州 poverty office")
            << d << kCityClerk << poverty << kCounty << kPovertyOffice << forbidden << QString();
        QTest::newRow("allocation: county clerk, agricultural line of his department")
            << a << kCountyClerk << agri << kCounty << kAgriculture << QString() << QString();
        QTest::newRow("allocation: county clerk, line led by the poverty office")
            << a << kCountyClerk << poverty << kCounty << kAgriculture << forbidden << u"fundCode"_s;
        QTest::newRow("allocation: county clerk, record in the poverty office")
            << a << kCountyClerk << agri << kCounty << kPovertyOffice << forbidden << QString();
        QTest::newRow("allocation: county reviewer")
            << a << kCountyReviewer << poverty << kCounty << kPovertyOffice << forbidden << QString();
        QTest::newRow("allocation: 如东 agriculture clerk in 通州")
            << a << kOtherCountyClerk << agri << kCounty << kAgriculture << forbidden << QString();
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
        const funds::FundLine line = *funds::FundCatalog::builtIn().find(fundCode);
        QJsonObject fields = type == kDisbursement
                                 ? disbursementFields(line, u"2026-05"_s, QDate(2026, 5, 8))
                                 : allocationFields(line, QDate(2026, 5, 6), QDate(2026, 5, 8));
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(username, upsert(type, id, orgUnitId, departmentId, fields)), code, field);
        QCOMPARE(stored(id), code.isEmpty());
    }

    // --- the fields of a disbursement ---

    void disbursementFieldRules_data()
    {
        QTest::addColumn<QString>("fundCode");
        QTest::addColumn<QString>("change"); // which field to change
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString project = agriProjectLine().code;
        const QString person = agriPersonLine().code;
        const QString invalid = u"VALIDATION_FAILED"_s;
        auto row = [&](const char *name, const QString &fundCode, const QString &change,
                       const QJsonValue &value, const QString &code, const QString &field) {
            QTest::newRow(name) << fundCode << change << value << code << field;
        };
        row("as entered", project, QString(), QJsonValue(), QString(), QString());
        row("unknown fund line", project, u"fundCode"_s, u"agri-no-such-line"_s, invalid, u"fundCode"_s);
        row("amount 0", project, u"amountFen"_s, 0, invalid, u"amountFen"_s);
        row("amount negative", project, u"amountFen"_s, -100, invalid, u"amountFen"_s);
        row("amount 1 fen", project, u"amountFen"_s, 1, QString(), QString());
        row("period month 13", project, u"period"_s, u"2026-13"_s, invalid, u"period"_s);
        row("period quarter 5", project, u"period"_s, u"2026Q5"_s, invalid, u"period"_s);
        row("period without dash", project, u"period"_s, u"202604"_s, invalid, u"period"_s);
        row("period single-digit month", project, u"period"_s, u"2026-4"_s, invalid, u"period"_s);
        row("period a date", project, u"period"_s, u"2026-04-01"_s, u"TOO_LONG"_s, u"period"_s);
        row("period lower-case quarter", project, u"period"_s, u"2026q2"_s, invalid, u"period"_s);
        row("period a quarter, per-project line", project, u"period"_s, u"2026Q2"_s, QString(), QString());
        row("paid tomorrow", project, u"paidOn"_s, u"2026-05-13"_s, invalid, u"paidOn"_s);
        row("paid today", project, u"paidOn"_s, u"2026-05-12"_s, QString(), QString());
        row("person, with 身份证号", person, QString(), QJsonValue(), QString(), QString());
        row("person, without 身份证号", person, u"idNumber"_s, QJsonValue(), invalid, u"idNumber"_s);
        row("person, empty 身份证号", person, u"idNumber"_s, QString(), invalid, u"idNumber"_s);
        row("person, wrong check character", person, u"idNumber"_s, withWrongCheck(idNumber(102)),
            u"INVALID_ID_NUMBER"_s, u"idNumber"_s);
        row("person, 17 characters", person, u"idNumber"_s, idNumber(103).left(17), u"INVALID_ID_NUMBER"_s,
            u"idNumber"_s);
        row(
            "person, born in the future", person, u"idNumber"_s,
            []() -> QString {
                const QString first17 = u"32061220300101"_s + u"123"_s;
                return first17 + IdCard::checkCharacter(first17);
            }(),
            u"INVALID_ID_NUMBER"_s, u"idNumber"_s);
    }

    void disbursementFieldRules()
    {
        QFETCH(QString, fundCode);
        QFETCH(QString, change);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        const funds::FundLine line = *funds::FundCatalog::builtIn().find(fundCode);
        QJsonObject fields = disbursementFields(line, u"2026-04"_s, QDate(2026, 5, 8));
        if (!change.isEmpty()) {
            if (value.isUndefined() || value.isNull())
                fields.remove(change);
            else
                fields.insert(change, value);
        }
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(kCountyClerk, upsert(kDisbursement, id, kCounty, kAgriculture, fields)), code,
                       field);
        QCOMPARE(stored(id), code.isEmpty());
    }

    // --- the period against the line's cycle, lines picked from the catalog by their cycle ---

    void periodMatchesCycle_data()
    {
        QTest::addColumn<QString>("cycle");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("code");
        QTest::newRow("monthly line, a month") << u"monthly"_s << u"2026-04"_s << QString();
        QTest::newRow("monthly line, a quarter") << u"monthly"_s << u"2026Q2"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("quarterly line, a quarter") << u"quarterly"_s << u"2026Q2"_s << QString();
        QTest::newRow("quarterly line, a month") << u"quarterly"_s << u"2026-04"_s << u"VALIDATION_FAILED"_s;
    }

    void periodMatchesCycle()
    {
        QFETCH(QString, cycle);
        QFETCH(QString, period);
        QFETCH(QString, code);
        const funds::PaymentCycle wanted = *funds::paymentCycleFromName(cycle);
        const std::optional<funds::FundLine> line =
            firstLine([wanted](const funds::FundLine &l) { return l.cycle == wanted; });
        if (!line)
            QSKIP("the built-in fund catalog has no line with this payment cycle");
        setChinaTime(QDate(2026, 5, 12));
        const QString clerk = countyClerkOf(line->leadDepartment);
        const QString id = newId();
        const Answer a =
            pushOne(clerk, upsert(kDisbursement, id, kCounty, department(kCounty, line->leadDepartment),
                                  disbursementFields(*line, period, QDate(2026, 5, 8))));
        EXPECT_OUTCOME(a, code, code.isEmpty() ? QString() : u"period"_s);
        QCOMPARE(stored(id), code.isEmpty());
    }

    // --- rule 6: money paid in a year is entered in that year ---

    void yearRule_data()
    {
        QTest::addColumn<QDate>("paidOn");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QDate>("enteredOn");
        QTest::addColumn<qint64>("savedOfflineAt"); // 0: entered online
        QTest::addColumn<QString>("code");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("paid 2025-12-30, entered 2026-01-04")
            << QDate(2025, 12, 30) << u"2025-12"_s << QDate(2026, 1, 4) << qint64(0) << invalid;
        QTest::newRow("paid 2025-12-31, entered 2026-01-01")
            << QDate(2025, 12, 31) << u"2025-12"_s << QDate(2026, 1, 1) << qint64(0) << invalid;
        QTest::newRow("paid 2025-12-30, entered 2025-12-31")
            << QDate(2025, 12, 30) << u"2025-12"_s << QDate(2025, 12, 31) << qint64(0) << QString();
        QTest::newRow("paid 2026-01-02, entered 2026-01-04")
            << QDate(2026, 1, 2) << u"2026-01"_s << QDate(2026, 1, 4) << qint64(0) << QString();
        // Saved offline on 12-31 and synced on 01-02: entered in the year it was paid.
        QTest::newRow("paid 2025-12-31, saved offline 12-31 16:00, synced 01-02")
            << QDate(2025, 12, 31) << u"2025-12"_s << QDate(2026, 1, 2)
            << chinaMs(QDate(2025, 12, 31), QTime(16, 0)) << QString();
        // Beyond the grace period the device's time no longer counts.
        QTest::newRow("paid 2025-12-31, saved offline 12-31 16:00, synced 01-05")
            << QDate(2025, 12, 31) << u"2025-12"_s << QDate(2026, 1, 5)
            << chinaMs(QDate(2025, 12, 31), QTime(16, 0)) << invalid;
    }

    void yearRule()
    {
        QFETCH(QDate, paidOn);
        QFETCH(QString, period);
        QFETCH(QDate, enteredOn);
        QFETCH(qint64, savedOfflineAt);
        QFETCH(QString, code);
        setChinaTime(enteredOn);
        const QString id = newId();
        QJsonObject op = upsert(kDisbursement, id, kCounty, kAgriculture,
                                disbursementFields(agriProjectLine(), period, paidOn));
        if (savedOfflineAt) {
            op.insert(u"deviceTime"_s, savedOfflineAt);
            op.insert(u"lastServerContact"_s, savedOfflineAt - kHour);
        }
        const Answer a = pushOne(kCountyClerk, op);
        EXPECT_OUTCOME(a, code, code.isEmpty() ? QString() : u"paidOn"_s);
        QCOMPARE(stored(id), code.isEmpty());
    }

    // --- rule 4: relief entry for a quarter closes on the 20th of its last month (from 00:00) ---

    void reliefQuarterClose_data()
    {
        QTest::addColumn<qint64>("serverNow");
        QTest::addColumn<qint64>("savedAt");
        QTest::addColumn<qint64>("lastContact");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("late");
        const qint64 close = chinaMs(QDate(2026, 3, 20), QTime(0, 0));
        const QString closed = u"ENTRY_CLOSED"_s;
        QTest::newRow("online, 03-19 23:59")
            << close - kMinute << close - kMinute << close - kMinute << QString() << false;
        QTest::newRow("online, 03-20 00:00") << close << close << close << closed << false;
        QTest::newRow("online, 03-20 00:01")
            << close + kMinute << close + kMinute << close + kMinute << closed << false;
        QTest::newRow("saved offline 03-19 15:00, pushed 03-21")
            << chinaMs(QDate(2026, 3, 21)) << chinaMs(QDate(2026, 3, 19), QTime(15, 0))
            << chinaMs(QDate(2026, 3, 19), QTime(9, 0)) << QString() << true;
        QTest::newRow("saved offline 03-20 08:00, pushed 03-21")
            << chinaMs(QDate(2026, 3, 21)) << chinaMs(QDate(2026, 3, 20), QTime(8, 0))
            << chinaMs(QDate(2026, 3, 19), QTime(9, 0)) << closed << false;
        QTest::newRow("saved offline 03-19 15:00, pushed after the grace period")
            << chinaMs(QDate(2026, 3, 23), QTime(0, 1)) << chinaMs(QDate(2026, 3, 19), QTime(15, 0))
            << chinaMs(QDate(2026, 3, 19), QTime(9, 0)) << closed << false;
    }

    void reliefQuarterClose()
    {
        QFETCH(qint64, serverNow);
        QFETCH(qint64, savedAt);
        QFETCH(qint64, lastContact);
        QFETCH(QString, code);
        QFETCH(bool, late);
        const funds::FundLine line = povertyOfficeReliefLine();
        QVERIFY(funds::isReliefFund(line.kind));
        const QString clerk = countyClerkOf(line.leadDepartment);
        setNowMs(serverNow);
        QJsonObject op = upsert(kDisbursement, newId(), kCounty, department(kCounty, line.leadDepartment),
                                disbursementFields(line, u"2026Q1"_s, QDate(2026, 3, 18)));
        op.insert(u"deviceTime"_s, savedAt);
        op.insert(u"lastServerContact"_s, lastContact);
        const QString id = op.value(u"recordId"_s).toString();
        const Answer a = pushOne(clerk, op);
        EXPECT_OUTCOME(a, code, QString());
        if (!code.isEmpty())
            return;
        QCOMPARE(a.lateSynced(), late);
        QCOMPARE(storedLateSynced(id), late);
    }

    // An agricultural line has no quarter close.
    void agriculturalLineHasNoQuarterClose()
    {
        setChinaTime(QDate(2026, 3, 25));
        EXPECT_APPLIED(pushOne(
            kCountyClerk, upsert(kDisbursement, newId(), kCounty, kAgriculture,
                                 disbursementFields(agriProjectLine(), u"2026Q1"_s, QDate(2026, 3, 10)))));
    }

    // --- allocations ---

    void allocation_data()
    {
        QTest::addColumn<QDate>("receivedOn");
        QTest::addColumn<QDate>("reportedOn");
        QTest::addColumn<qint64>("amountFen");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("received and reported")
            << QDate(2026, 5, 6) << QDate(2026, 5, 8) << qint64(50000000) << QString() << QString();
        QTest::newRow("reported the day received")
            << QDate(2026, 5, 6) << QDate(2026, 5, 6) << qint64(50000000) << QString() << QString();
        QTest::newRow("not reported yet")
            << QDate(2026, 5, 6) << QDate() << qint64(50000000) << QString() << QString();
        QTest::newRow("reported before received")
            << QDate(2026, 5, 6) << QDate(2026, 5, 5) << qint64(50000000) << invalid << u"reportedOn"_s;
        QTest::newRow("amount 0") << QDate(2026, 5, 6) << QDate(2026, 5, 8) << qint64(0) << invalid
                                  << u"amountFen"_s;
        QTest::newRow("amount negative")
            << QDate(2026, 5, 6) << QDate(2026, 5, 8) << qint64(-100) << invalid << u"amountFen"_s;
        QTest::newRow("received tomorrow")
            << QDate(2026, 5, 13) << QDate() << qint64(50000000) << invalid << u"receivedOn"_s;
        QTest::newRow("received today")
            << QDate(2026, 5, 12) << QDate() << qint64(50000000) << QString() << QString();
    }

    void allocation()
    {
        QFETCH(QDate, receivedOn);
        QFETCH(QDate, reportedOn);
        QFETCH(qint64, amountFen);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 12));
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(kCountyClerk, upsert(kAllocation, id, kCounty, kAgriculture,
                                                    allocationFields(agriProjectLine(), receivedOn,
                                                                     reportedOn, amountFen))),
                       code, field);
        QCOMPARE(stored(id), code.isEmpty());
    }

    // --- the dates the server derives and stores with a disbursement (rules 2-5, 7) ---

    void disbursementDerivedFields_data()
    {
        QTest::addColumn<QString>("line"); // "agri-project", "relief-monthly", "relief-once"
        QTest::addColumn<QString>("period");
        QTest::addColumn<QDate>("paidOn");
        QTest::addColumn<QDate>("enteredOn");
        QTest::addColumn<QDate>("payDueOn"); // invalid: none stored
        QTest::addColumn<QDate>("entryDueOn");
        // Agricultural: paid Wednesday 09-30, just before National Day (10-01..07); 7 working days: 10-08,
        // 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14, 10-15. No payment date.
        QTest::newRow("agricultural, paid 2026-09-30, entered 10-09")
            << u"agri-project"_s << u"2026Q3"_s << QDate(2026, 9, 30) << QDate(2026, 10, 9) << QDate()
            << QDate(2026, 10, 15);
        // Relief, monthly: paid by the 15th, entered by the 20th of the period month (calendar dates); in a
        // quarter's last month the close on the 20th (from 00:00) makes it the 19th.
        QTest::newRow("relief monthly, period 2026-09, paid 09-14, entered 09-18")
            << u"relief-monthly"_s << u"2026-09"_s << QDate(2026, 9, 14) << QDate(2026, 9, 18)
            << QDate(2026, 9, 15) << QDate(2026, 9, 19);
        QTest::newRow("relief monthly, period 2026-09, paid late 09-17, entered 09-18")
            << u"relief-monthly"_s << u"2026-09"_s << QDate(2026, 9, 17) << QDate(2026, 9, 18)
            << QDate(2026, 9, 15) << QDate(2026, 9, 19);
        // Relief, once: paid + 5 working days (Friday 09-11: 09-14 .. 09-18), never after the quarter close.
        QTest::newRow("relief once, paid 2026-09-11, entered 09-16")
            << u"relief-once"_s << u"2026Q3"_s << QDate(2026, 9, 11) << QDate(2026, 9, 16) << QDate()
            << QDate(2026, 9, 18);
        // Thursday 09-17: 09-18, 09-20 (make-up Sunday), 09-21, 09-22, 09-23, capped by the close on 09-20:
        // the 19th is the last day of entry.
        QTest::newRow("relief once, paid 2026-09-17, entered 09-18: the quarter close caps it")
            << u"relief-once"_s << u"2026Q3"_s << QDate(2026, 9, 17) << QDate(2026, 9, 18) << QDate()
            << QDate(2026, 9, 19);
    }

    void disbursementDerivedFields()
    {
        QFETCH(QString, line);
        QFETCH(QString, period);
        QFETCH(QDate, paidOn);
        QFETCH(QDate, enteredOn);
        QFETCH(QDate, payDueOn);
        QFETCH(QDate, entryDueOn);
        const std::optional<funds::FundLine> fund =
            line == u"agri-project"_s ? std::optional<funds::FundLine>(agriProjectLine())
            : line == u"relief-monthly"_s
                ? firstLine([](const funds::FundLine &l) {
                      return funds::isReliefFund(l.kind) && l.cycle == funds::PaymentCycle::Monthly;
                  })
                : firstLine([](const funds::FundLine &l) {
                      return funds::isReliefFund(l.kind) && l.cycle == funds::PaymentCycle::Once;
                  });
        QVERIFY(fund && !fund->code.isEmpty());
        const QString clerk = countyClerkOf(fund->leadDepartment);
        setChinaTime(enteredOn);
        QJsonObject fields = disbursementFields(*fund, period, paidOn);
        // Derived fields sent by a client are replaced by the server's.
        fields.insert(u"enteredOn"_s, u"2020-01-01"_s);
        fields.insert(u"entryDueOn"_s, u"2030-12-31"_s);
        const QString id = newId();
        EXPECT_APPLIED(pushOne(
            clerk, upsert(kDisbursement, id, kCounty, department(kCounty, fund->leadDepartment), fields)));
        const QJsonObject stored = storedFields(id);
        QCOMPARE(stored.value(u"enteredOn"_s).toString(), iso(enteredOn));
        QCOMPARE(stored.value(u"payDueOn"_s).toString(), payDueOn.isValid() ? iso(payDueOn) : QString());
        QCOMPARE(stored.contains(u"payDueOn"_s), payDueOn.isValid());
        QCOMPARE(stored.value(u"entryDueOn"_s).toString(), iso(entryDueOn));

        // A later change keeps the day first entered.
        setChinaTime(enteredOn.addDays(1));
        EXPECT_APPLIED(pushOne(clerk, [&] {
            QJsonObject op = upsert(kDisbursement, id, kCounty, department(kCounty, fund->leadDepartment),
                                    {{u"recipientName"_s, u"王建华"_s}});
            op.insert(u"baseVersion"_s, 1);
            return op;
        }()));
        QCOMPARE(storedFields(id).value(u"enteredOn"_s).toString(), iso(enteredOn));
    }

    // A person paid who is a registered member: the payment is linked to the member's household; a person who
    // is not gets no household.
    void personLinkedToRegisteredHousehold()
    {
        setChinaTime(QDate(2026, 5, 12));
        const QString household = newId();
        EXPECT_APPLIED(pushOne(u"county-reviewer"_s, upsert(u"household"_s, household, kVillage, {},
                                                            {{u"headName"_s, u"王建国"_s},
                                                             {u"povertyCause"_s, u"illness"_s},
                                                             {u"registeredYear"_s, 2024},
                                                             {u"status"_s, u"registered"_s}})));
        const QString member = idNumber(701);
        EXPECT_APPLIED(pushOne(u"town-clerk"_s, upsert(u"member"_s, newId(), kVillage, {},
                                                       {{u"householdId"_s, household},
                                                        {u"name"_s, u"王建国"_s},
                                                        {u"idNumber"_s, member},
                                                        {u"relation"_s, u"head"_s}})));
        const funds::FundLine line = agriPersonLine();
        QJsonObject fields = disbursementFields(line, u"2026-05"_s, QDate(2026, 5, 8));
        fields.insert(u"idNumber"_s, member);
        // A client cannot link a payment itself.
        fields.insert(u"householdId"_s, newId());
        const QString linked = newId();
        EXPECT_APPLIED(pushOne(kCountyClerk, upsert(kDisbursement, linked, kVillage, kAgriculture, fields)));
        QCOMPARE(storedFields(linked).value(u"householdId"_s).toString(), household);

        fields.insert(u"idNumber"_s, idNumber(702));
        const QString unlinked = newId();
        EXPECT_APPLIED(
            pushOne(kCountyClerk, upsert(kDisbursement, unlinked, kVillage, kAgriculture, fields)));
        QVERIFY(!storedFields(unlinked).contains(u"householdId"_s));

        // The recipient's 身份证号 corrected to the member's: linked then.
        EXPECT_APPLIED(pushOne(kCountyClerk, [&] {
            QJsonObject op =
                upsert(kDisbursement, unlinked, kVillage, kAgriculture, {{u"idNumber"_s, member}});
            op.insert(u"baseVersion"_s, 1);
            return op;
        }()));
        QCOMPARE(storedFields(unlinked).value(u"householdId"_s).toString(), household);
    }
};

QTEST_GUILESS_MAIN(TestFundRecords)
#include "tst_funds_records.moc"
