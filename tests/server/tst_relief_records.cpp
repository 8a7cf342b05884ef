// The 阳光扶贫 record types as the server enforces them: every rule answered per operation of a real push
// over TLS (applied, or rejected with its stable code, the field and a Chinese message), with the server's
// clock set to the dates that matter: households and members (身份证号 valid and unique across the city),
// quarterly income, pairings, visits in their window and the late-sync rule when entry closes, help requests,
// identification and exit cases step by step, and who may write and read what.
#include "common/core/IdCard.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefRules.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);

// The demo accounts town-* sit in the first demo town of 通州区 (320612).
const QString kCounty = u"320612000000"_s;
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kVillage2 = DemoData::villageId(kTown, 1);
const QString kOtherTown = DemoData::townId(u"320612"_s, 1);
const QString kOtherTownVillage = DemoData::villageId(kOtherTown, 0);
const QString kOtherCountyVillage = DemoData::villageId(DemoData::townId(u"320623"_s, 0), 0); // 如东县
const QString kCity = u"320600000000"_s;

const QString kHousehold = QString::fromUtf16(relief::HouseholdType::kName);
const QString kMember = QString::fromUtf16(relief::MemberType::kName);
const QString kIncome = QString::fromUtf16(relief::HouseholdIncomeType::kName);
const QString kIdentification = QString::fromUtf16(relief::IdentificationCaseType::kName);
const QString kExit = QString::fromUtf16(relief::ExitCaseType::kName);
const QString kHelper = QString::fromUtf16(relief::HelperType::kName);
const QString kPairing = QString::fromUtf16(relief::PairingType::kName);
const QString kVisit = QString::fromUtf16(relief::VisitType::kName);
const QString kHelpRequest = QString::fromUtf16(relief::HelpRequestType::kName);

const QString kTownClerk = u"town-clerk"_s;
const QString kTownReviewer = u"town-reviewer"_s;
const QString kCountyReviewer = u"county-reviewer"_s;
const QString kCityReviewer = u"city-reviewer"_s;
const QString kCityClerk = u"city-clerk"_s;

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// A moment in China (UTC+8) as UTC milliseconds.
qint64 chinaMs(QDate date, QTime time = QTime(10, 0))
{
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - 8 * kHour;
}

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// --- 身份证号
// -----------------------------------------------------------------------------------------------

// An 18-character number with the right check character for the first 17 (region, yyyyMMdd, sequence).
QString idNumber(const QString &region, const QString &birth, int sequence)
{
    const QString first17 = region + birth + u"%1"_s.arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdCard::checkCharacter(first17);
}

// A valid number no other call returns: a different birth date each time.
QString freshIdNumber()
{
    static int n = 0;
    ++n;
    return idNumber(u"320612"_s, QDate(1950, 1, 1).addDays(n * 3).toString(u"yyyyMMdd"_s), 100 + n % 800);
}

QString withWrongCheck(const QString &number)
{
    return number.left(17) + QChar(number.at(17) == u'0' ? u'1' : u'0');
}

// A valid number whose check character is X.
QString idNumberEndingInX()
{
    for (int seq = 1; seq < 1000; ++seq) {
        const QString n = idNumber(u"320612"_s, u"19770707"_s, seq);
        if (n.endsWith(u'X'))
            return n;
    }
    return {};
}

// --- what the server answers
// --------------------------------------------------------------------------------

using Answer = test::PushAnswer;

// --- record fields
// ------------------------------------------------------------------------------------------

QJsonObject householdFields(const QString &head, int registeredYear = 2025)
{
    return {{u"headName"_s, head},
            {u"povertyCause"_s, u"illness"_s},
            {u"registeredYear"_s, registeredYear},
            {u"status"_s, u"registered"_s}};
}

QJsonObject memberFields(const QString &householdId, const QString &idNumber,
                         const QString &relation = u"head"_s)
{
    return {{u"householdId"_s, householdId},
            {u"name"_s, u"王建国"_s},
            {u"idNumber"_s, idNumber},
            {u"relation"_s, relation}};
}

QJsonObject helperFields()
{
    return {{u"name"_s, u"陈帮扶"_s},
            {u"kind"_s, u"cadre"_s},
            {u"unit"_s, u"通州区农业农村局"_s},
            {u"mobile"_s, u"13912345678"_s}};
}

QJsonObject visitFields(const QString &pairingId, const QString &quarter, QDate visitDate)
{
    return {{u"pairingId"_s, pairingId},
            {u"quarter"_s, quarter},
            {u"visitDate"_s, iso(visitDate)},
            {u"notes"_s, u"入户走访，了解生产生活情况，核对一折通发放"_s}};
}

QJsonObject identificationFields(qint64 perCapitaIncomeFen = 520000, bool crossRegion = false)
{
    return {{u"year"_s, 2026},
            {u"applicantName"_s, u"赵申请"_s},
            {u"applicantIdNumber"_s, freshIdNumber()},
            {u"members"_s, 3},
            {u"perCapitaIncomeFen"_s, perCapitaIncomeFen},
            {u"reason"_s, u"因病致贫，家庭主要劳动力长期住院"_s},
            {u"crossRegion"_s, crossRegion},
            {u"steps"_s, QJsonArray()},
            {u"hits"_s, QJsonArray()}};
}

// One entry of a case's history as the program writes it.
QJsonObject stepJson(const QString &step, QDate date, const QString &byUserId, QDate noticeStart = {},
                     QDate noticeEnd = {}, bool passed = true, const QString &opinion = u"同意"_s)
{
    QJsonObject o{{u"step"_s, step},          {u"passed"_s, passed},   {u"date"_s, iso(date)},
                  {u"person"_s, u"李审核"_s}, {u"opinion"_s, opinion}, {u"by"_s, byUserId}};
    if (noticeStart.isValid())
        o.insert(u"noticeStart"_s, iso(noticeStart));
    if (noticeEnd.isValid())
        o.insert(u"noticeEnd"_s, iso(noticeEnd));
    return o;
}

// The identification steps of a case that passes, taken in May 2026.
QJsonObject identificationStep(int index, const QString &byUserId)
{
    switch (index) {
    case 0:
        return stepJson(u"group-review"_s, QDate(2026, 5, 1), byUserId);
    case 1:
        return stepJson(u"village-review"_s, QDate(2026, 5, 3), byUserId);
    case 2:
        return stepJson(u"village-notice"_s, QDate(2026, 5, 8), byUserId, QDate(2026, 5, 4),
                        QDate(2026, 5, 8));
    case 3:
        return stepJson(u"town-review"_s, QDate(2026, 5, 15), byUserId, QDate(2026, 5, 10),
                        QDate(2026, 5, 14));
    case 4:
        return stepJson(u"comparison"_s, QDate(2026, 5, 20), byUserId);
    default:
        return stepJson(u"county-approval"_s, QDate(2026, 5, 25), byUserId);
    }
}

// Who takes identification step `index`: village and town steps the town reviewer, comparison and approval
// the county (a cross-region comparison the city).
QString identificationActor(int index, bool crossRegion)
{
    if (index < 4)
        return kTownReviewer;
    return index == 4 && crossRegion ? kCityReviewer : kCountyReviewer;
}

QJsonArray hitsWithStatus(const QString &status, const QString &reason = {})
{
    QJsonObject hit{
        {u"source"_s, u"vehicles"_s}, {u"detail"_s, u"申请人名下登记小型轿车一辆"_s}, {u"status"_s, status}};
    if (!reason.isEmpty())
        hit.insert(u"reason"_s, reason);
    return {hit};
}

} // namespace

class TestReliefRecords : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QHash<QString, QString> m_tokens;
    QHash<QString, QString> m_userIds;

    // Made in initTestCase: households in the town clerk's two villages, in another town and another county
    // (by the city clerk), and a helper of the town.
    QString m_household;
    QString m_householdVillage2;
    QString m_householdOtherTown;
    QString m_householdOtherCounty;

    qint64 now() const { return m_server->clock().nowMs(); }

    // Moves the server's clock to a moment in China. Sessions last 8 hours, so everyone signs in again.
    void setChinaTime(QDate date, QTime time = QTime(10, 0)) { setNowMs(chinaMs(date, time)); }
    void setNowMs(qint64 ms)
    {
        m_server->clock().setNowMs(ms);
        m_tokens.clear();
    }

    QString token(const QString &username)
    {
        if (!m_tokens.contains(username)) {
            const QString t = m_http->login(username, kPassword);
            if (t.isEmpty())
                qWarning("login of %s failed: %s", qPrintable(username),
                         m_http->lastLogin().describe().constData());
            m_tokens.insert(username, t);
            m_userIds.insert(username,
                             m_http->lastLogin().json.value(u"user"_s).toObject().value(u"id"_s).toString());
        }
        return m_tokens.value(username);
    }

    QString userId(const QString &username)
    {
        token(username);
        return m_userIds.value(username);
    }

    // --- the store, read directly to check what the answers claim ---

    qint64 version(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT version FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.int64(0) : 0;
    }

    QJsonObject storedFields(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? QJsonDocument::fromJson(q.text(0).toUtf8()).object() : QJsonObject();
    }

    qint64 keyHolders(const QString &key)
    {
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM record_keys WHERE key = ?"_s);
        q.bindText(key).exec();
        return q.next() ? q.int64(0) : -1;
    }

    // --- operations, as the program's outbox sends them ---

    // An upsert made on the version the server has now (0: a new record), saved now.
    QJsonObject upsert(const QString &type, const QString &id, const QString &orgUnitId,
                       const QJsonObject &changedFields)
    {
        return {{u"opId"_s, newId()},
                {u"recordId"_s, id},
                {u"type"_s, type},
                {u"orgUnitId"_s, orgUnitId},
                {u"kind"_s, u"upsert"_s},
                {u"baseVersion"_s, version(id)},
                {u"changedFields"_s, changedFields},
                {u"deviceTime"_s, now()}};
    }

    QJsonObject remove(const QString &type, const QString &id, const QString &orgUnitId)
    {
        QJsonObject op = upsert(type, id, orgUnitId, {});
        op.insert(u"kind"_s, u"delete"_s);
        return op;
    }

    // The same operation saved offline at `savedAtMs` (device clock), the device's last server contact
    // before.
    static QJsonObject savedOffline(QJsonObject op, qint64 savedAtMs, qint64 lastServerContactMs)
    {
        op.insert(u"deviceTime"_s, savedAtMs);
        op.insert(u"lastServerContact"_s, lastServerContactMs);
        return op;
    }

    // POST /api/v1/sync/push; one answer per operation, or none when the push as a whole failed.
    QList<Answer> push(const QString &username, const QJsonArray &ops, std::optional<qint64> deviceNowMs = {})
    {
        const HttpResult r = m_http->post(
            u"/api/v1/sync/push"_s, {{u"deviceNow"_s, deviceNowMs.value_or(now())}, {u"operations"_s, ops}},
            token(username));
        QList<Answer> out;
        if (r.status != 200) {
            qWarning("push by %s failed: %s", qPrintable(username), r.describe().constData());
            return out;
        }
        const QJsonArray results = r.json.value(u"results"_s).toArray();
        for (const QJsonValue &v : results)
            out.append(Answer{v.toObject()});
        if (out.size() != ops.size())
            qWarning("push by %s: %d answers to %d operations", qPrintable(username), int(out.size()),
                     int(ops.size()));
        return out;
    }

    Answer pushOne(const QString &username, const QJsonObject &op, std::optional<qint64> deviceNowMs = {})
    {
        const QList<Answer> answers = push(username, QJsonArray{op}, deviceNowMs);
        return answers.size() == 1 ? answers.first() : Answer{};
    }

    // Everything the user's pull returns, page by page from the start.
    QList<QJsonObject> pullAll(const QString &username)
    {
        QList<QJsonObject> out;
        QString cursor = u"0"_s;
        for (int page = 0; page < 1000; ++page) {
            QUrlQuery q;
            q.addQueryItem(u"cursor"_s, cursor);
            q.addQueryItem(u"limit"_s, u"200"_s);
            const HttpResult r =
                m_http->get(u"/api/v1/sync/pull?"_s + q.toString(QUrl::FullyEncoded), token(username));
            if (r.status != 200) {
                qWarning("pull by %s failed: %s", qPrintable(username), r.describe().constData());
                return {};
            }
            const QJsonArray records = r.json.value(u"records"_s).toArray();
            for (const QJsonValue &v : records)
                out.append(v.toObject());
            cursor = r.json.value(u"cursor"_s).toString();
            if (!r.json.value(u"hasMore"_s).toBool())
                break;
        }
        return out;
    }

    // The newest copy of a record in the user's pull (empty when the pull does not return it).
    QJsonObject pulled(const QString &username, const QString &id)
    {
        QJsonObject found;
        const QList<QJsonObject> records = pullAll(username);
        for (const QJsonObject &r : records) {
            if (r.value(u"id"_s).toString() == id)
                found = r;
        }
        return found;
    }

    // --- records a scenario stands on; empty when the server did not apply them ---

    QString create(const QString &username, const QString &type, const QString &orgUnitId,
                   const QJsonObject &fields, QString id = {})
    {
        if (id.isEmpty())
            id = newId();
        const Answer a = pushOne(username, upsert(type, id, orgUnitId, fields));
        if (a.status() != u"applied"_s) {
            qWarning("%s by %s in %s not applied: %s", qPrintable(type), qPrintable(username),
                     qPrintable(orgUnitId), a.describe().constData());
            return {};
        }
        return id;
    }

    QString newHousehold(const QString &village = kVillage, const QString &username = kTownClerk,
                         const QString &head = u"王建国"_s)
    {
        return create(username, kHousehold, village, householdFields(head));
    }

    QString newHelper() { return create(kTownClerk, kHelper, kTown, helperFields()); }

    // A new household of the village paired with a new helper of the town, since 2026-01-05.
    QString newPairing(const QString &village = kVillage)
    {
        const QString household = newHousehold(village);
        const QString helper = newHelper();
        if (household.isEmpty() || helper.isEmpty())
            return {};
        return create(
            kTownClerk, kPairing, village,
            {{u"helperId"_s, helper}, {u"householdId"_s, household}, {u"startDate"_s, u"2026-01-05"_s}},
            relief::PairingType::recordIdFor(helper, household));
    }

    // A new identification case of kVillage that has passed its first `stepsTaken` steps.
    QString identificationCaseAt(int stepsTaken, bool crossRegion)
    {
        const QString id =
            create(kTownClerk, kIdentification, kVillage, identificationFields(520000, crossRegion));
        if (id.isEmpty())
            return {};
        for (int i = 0; i < stepsTaken; ++i) {
            const QString actor = identificationActor(i, crossRegion);
            QJsonArray steps = storedFields(id).value(u"steps"_s).toArray();
            steps.append(identificationStep(i, userId(actor)));
            const Answer a = pushOne(actor, upsert(kIdentification, id, kVillage, {{u"steps"_s, steps}}));
            if (a.status() != u"applied"_s) {
                qWarning("identification step %d by %s not applied: %s", i, qPrintable(actor),
                         a.describe().constData());
                return {};
            }
        }
        return id;
    }

    // Appends one entry to a case's history (and changes `alsoChanged`) as `username`.
    Answer appendStep(const QString &username, const QString &type, const QString &caseId,
                      const QJsonObject &step, QJsonObject alsoChanged = {})
    {
        if (!step.isEmpty()) {
            QJsonArray steps = storedFields(caseId).value(u"steps"_s).toArray();
            steps.append(step);
            alsoChanged.insert(u"steps"_s, steps);
        }
        return pushOne(username, upsert(type, caseId, kVillage, alsoChanged));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpsClient>(*m_server);
        setChinaTime(QDate(2026, 3, 2));
        m_household = newHousehold(kVillage, kTownClerk, u"王一"_s);
        m_householdVillage2 = newHousehold(kVillage2, kTownClerk, u"王二"_s);
        m_householdOtherTown = newHousehold(kOtherTownVillage, kCityClerk, u"邻镇户主"_s);
        m_householdOtherCounty = newHousehold(kOtherCountyVillage, kCityClerk, u"如东户主"_s);
        QVERIFY(!m_household.isEmpty());
        QVERIFY(!m_householdVillage2.isEmpty());
        QVERIFY(!m_householdOtherTown.isEmpty());
        QVERIFY(!m_householdOtherCounty.isEmpty());
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    // --- households: in a village, within the writer's area, by clerks and reviewers only ---

    void householdPlacement_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("orgUnitId");
        QTest::addColumn<int>("registeredYear");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("town clerk, own village") << kTownClerk << kVillage << 2025 << QString() << QString();
        QTest::newRow("town reviewer, own village")
            << kTownReviewer << kVillage2 << 2014 << QString() << QString();
        QTest::newRow("city clerk, any village")
            << kCityClerk << kOtherCountyVillage << 2026 << QString() << QString();
        QTest::newRow("town clerk, town level") << kTownClerk << kTown << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("county clerk, county level")
            << u"county-clerk"_s << kCounty << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("city clerk, city level") << kCityClerk << kCity << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("town clerk, another town's village")
            << kTownClerk << kOtherTownVillage << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("town clerk, another county's village")
            << kTownClerk << kOtherCountyVillage << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("county clerk, another county's village")
            << u"county-clerk"_s << kOtherCountyVillage << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("no such org unit")
            << kTownClerk << u"320612101299"_s << 2025 << u"VALIDATION_FAILED"_s << u"orgUnitId"_s;
        QTest::newRow("registered next year")
            << kTownClerk << kVillage << 2027 << u"VALIDATION_FAILED"_s << u"registeredYear"_s;
        QTest::newRow("registered before 2014")
            << kTownClerk << kVillage << 2013 << u"VALIDATION_FAILED"_s << u"registeredYear"_s;
    }

    void householdPlacement()
    {
        QFETCH(QString, username);
        QFETCH(QString, orgUnitId);
        QFETCH(int, registeredYear);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 3, 2));
        const QString id = newId();
        const Answer a =
            pushOne(username, upsert(kHousehold, id, orgUnitId, householdFields(u"张三"_s, registeredYear)));
        EXPECT_OUTCOME(a, code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
        if (code == u"FORBIDDEN"_s && (orgUnitId == kTown || orgUnitId == kCounty || orgUnitId == kCity))
            QVERIFY2(a.message().contains(u"村（社区）一级"_s), a.describe().constData());
    }

    void townClerkCannotChangeAnotherTownsHousehold()
    {
        setChinaTime(QDate(2026, 3, 2));
        const Answer a = pushOne(kTownClerk, upsert(kHousehold, m_householdOtherTown, kOtherTownVillage,
                                                    {{u"address"_s, u"越权修改"_s}}));
        EXPECT_REJECTED(a, "FORBIDDEN", "");
        QCOMPARE(version(m_householdOtherTown), 1);
        QVERIFY(!storedFields(m_householdOtherTown).contains(u"address"_s));
    }

    void readersCannotWrite_data()
    {
        QTest::addColumn<QString>("username");
        for (const char *user : {"town-leader", "town-supervisor", "town-admin", "county-leader",
                                 "county-supervisor", "city-leader", "city-supervisor", "admin"})
            QTest::newRow(user) << QString::fromLatin1(user);
    }

    void readersCannotWrite()
    {
        QFETCH(QString, username);
        setChinaTime(QDate(2026, 3, 2));
        const QString household = newId();
        const QJsonArray ops{
            upsert(kHousehold, household, kVillage, householdFields(u"不应写入"_s)),
            upsert(kMember, newId(), kVillage, memberFields(m_household, freshIdNumber(), u"child"_s)),
            upsert(kHousehold, m_household, kVillage, {{u"address"_s, u"不应写入"_s}}),
        };
        const QList<Answer> answers = push(username, ops);
        QCOMPARE(answers.size(), 3);
        for (const Answer &a : answers)
            EXPECT_REJECTED(a, "FORBIDDEN", "");
        QCOMPARE(version(household), 0);
        QVERIFY(!storedFields(m_household).contains(u"address"_s));
    }

    // --- members: a valid 身份证号, unique across the city ---

    void memberIdNumber_data()
    {
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QString>("code");
        const QString invalid = u"INVALID_ID_NUMBER"_s;
        QTest::newRow("valid") << freshIdNumber() << QString();
        QTest::newRow("valid, check character X") << idNumberEndingInX() << QString();
        QTest::newRow("born today") << idNumber(u"320612"_s, u"20260302"_s, 11) << QString();
        QTest::newRow("wrong check digit") << withWrongCheck(freshIdNumber()) << invalid;
        QTest::newRow("lower-case x") << idNumberEndingInX().toLower() << invalid;
        QTest::newRow("February 30") << idNumber(u"320612"_s, u"19800230"_s, 21) << invalid;
        QTest::newRow("month 13") << idNumber(u"320612"_s, u"19801301"_s, 21) << invalid;
        QTest::newRow("born before 1900") << idNumber(u"320612"_s, u"18991231"_s, 21) << invalid;
        QTest::newRow("born tomorrow") << idNumber(u"320612"_s, u"20260303"_s, 21) << invalid;
        QTest::newRow("born next year") << idNumber(u"320612"_s, u"20270101"_s, 21) << invalid;
        QTest::newRow("no such province") << idNumber(u"990612"_s, u"19800101"_s, 21) << invalid;
        QTest::newRow("17 characters") << freshIdNumber().left(17) << invalid;
        QTest::newRow("letter inside") << u"32061219800101A12X"_s << invalid;
    }

    void memberIdNumber()
    {
        QFETCH(QString, idNumber);
        QFETCH(QString, code);
        setChinaTime(QDate(2026, 3, 2), QTime(9, 0));
        const QString id = newId();
        const Answer a = pushOne(
            kTownClerk, upsert(kMember, id, kVillage, memberFields(m_household, idNumber, u"child"_s)));
        EXPECT_OUTCOME(a, code, code.isEmpty() ? QString() : u"idNumber"_s);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
        if (!code.isEmpty())
            QCOMPARE(keyHolders(u"person:"_s + idNumber), 0);
    }

    void memberHousehold_data()
    {
        QTest::addColumn<QString>("household"); // which of the fixture's households, or "none"
        QTest::addColumn<QString>("code");
        QTest::newRow("own village") << u"own"_s << QString();
        QTest::newRow("no such household") << u"none"_s << u"NOT_FOUND"_s;
        QTest::newRow("not a household") << u"helper"_s << u"NOT_FOUND"_s;
        QTest::newRow("deleted household") << u"deleted"_s << u"NOT_FOUND"_s;
        QTest::newRow("another village of the town") << u"village2"_s << u"VALIDATION_FAILED"_s;
        // Outside the clerk's area: answered as if it did not exist.
        QTest::newRow("another town") << u"otherTown"_s << u"NOT_FOUND"_s;
        QTest::newRow("another county") << u"otherCounty"_s << u"NOT_FOUND"_s;
    }

    void memberHousehold()
    {
        QFETCH(QString, household);
        QFETCH(QString, code);
        setChinaTime(QDate(2026, 3, 2));
        QString target = household == u"own"_s           ? m_household
                         : household == u"village2"_s    ? m_householdVillage2
                         : household == u"otherTown"_s   ? m_householdOtherTown
                         : household == u"otherCounty"_s ? m_householdOtherCounty
                                                         : newId();
        if (household == u"helper"_s) {
            target = newHelper();
            QVERIFY(!target.isEmpty());
        } else if (household == u"deleted"_s) {
            target = newHousehold();
            QVERIFY(!target.isEmpty());
            EXPECT_APPLIED(pushOne(kTownClerk, remove(kHousehold, target, kVillage)));
        }
        const QString id = newId();
        const QString number = freshIdNumber();
        const Answer a = pushOne(kTownClerk, upsert(kMember, id, kVillage, memberFields(target, number)));
        EXPECT_OUTCOME(a, code, code.isEmpty() ? QString() : u"householdId"_s);
        QCOMPARE(keyHolders(u"person:"_s + number), code.isEmpty() ? 1 : 0);
    }

    void memberCannotMoveToAnotherHousehold()
    {
        setChinaTime(QDate(2026, 3, 2));
        const QString other = newHousehold();
        QVERIFY(!other.isEmpty());
        const QString member =
            create(kTownClerk, kMember, kVillage, memberFields(m_household, freshIdNumber(), u"spouse"_s));
        QVERIFY(!member.isEmpty());
        const Answer a = pushOne(kTownClerk, upsert(kMember, member, kVillage, {{u"householdId"_s, other}}));
        EXPECT_REJECTED(a, "VALIDATION_FAILED", "householdId");
        QCOMPARE(storedFields(member).value(u"householdId"_s).toString(), m_household);
    }

    void idNumberUniqueAcrossCity()
    {
        setChinaTime(QDate(2026, 3, 2));
        const QString number = freshIdNumber();
        const QString first = create(kTownClerk, kMember, kVillage, memberFields(m_household, number));
        QVERIFY(!first.isEmpty());

        // Again in the same household, in another household of the village, in another village of the town,
        // and by the city clerk in another county: refused, without a word about where the person is
        // registered.
        struct Attempt
        {
            const char *what;
            QString username;
            QString village;
            QString household;
        };
        const QList<Attempt> attempts{
            {"same household", kTownClerk, kVillage, m_household},
            {"another village of the town", kTownClerk, kVillage2, m_householdVillage2},
            {"another town", kCityClerk, kOtherTownVillage, m_householdOtherTown},
            {"another county", kCityClerk, kOtherCountyVillage, m_householdOtherCounty},
        };
        for (const Attempt &attempt : attempts) {
            const QString id = newId();
            const Answer a =
                pushOne(attempt.username, upsert(kMember, id, attempt.village,
                                                 memberFields(attempt.household, number, u"child"_s)));
            const QByteArray why = outcomeMismatch(a, u"DUPLICATE"_s, u"idNumber"_s);
            QVERIFY2(why.isEmpty(), QByteArray(QByteArray(attempt.what) + ": " + why).constData());
            for (const QString &secret :
                 {first, m_household, kVillage, u"王一"_s, u"王建国"_s, kTown.left(9)})
                QVERIFY2(!a.message().contains(secret),
                         QByteArray(QByteArray(attempt.what) + ": " + a.describe()).constData());
            QVERIFY2(a.message().contains(u"身份证号"_s), a.describe().constData());
            QCOMPARE(version(id), 0);
        }
        QCOMPARE(keyHolders(u"person:"_s + number), 1);

        // Two new members with one number in the same batch: the first one holds it.
        const QString twice = freshIdNumber();
        const QString a1 = newId(), a2 = newId();
        QList<Answer> answers =
            push(kTownClerk,
                 {upsert(kMember, a1, kVillage, memberFields(m_household, twice, u"child"_s)),
                  upsert(kMember, a2, kVillage2, memberFields(m_householdVillage2, twice, u"child"_s))});
        QCOMPARE(answers.size(), 2);
        EXPECT_APPLIED(answers.at(0));
        EXPECT_REJECTED(answers.at(1), "DUPLICATE", "idNumber");

        // The same across counties in one batch of the city clerk.
        const QString across = freshIdNumber();
        answers = push(kCityClerk,
                       {upsert(kMember, newId(), kOtherCountyVillage,
                               memberFields(m_householdOtherCounty, across, u"child"_s)),
                        upsert(kMember, newId(), kVillage, memberFields(m_household, across, u"child"_s))});
        QCOMPARE(answers.size(), 2);
        EXPECT_APPLIED(answers.at(0));
        EXPECT_REJECTED(answers.at(1), "DUPLICATE", "idNumber");

        // A member refused for another reason holds nothing: the next one in the batch gets the number.
        const QString freeNumber = freshIdNumber();
        const QString b2 = newId();
        answers =
            push(kTownClerk,
                 {upsert(kMember, newId(), kVillage, memberFields(m_household, freeNumber, u"cousin"_s)),
                  upsert(kMember, b2, kVillage2, memberFields(m_householdVillage2, freeNumber, u"child"_s))});
        QCOMPARE(answers.size(), 2);
        EXPECT_REJECTED(answers.at(0), "VALIDATION_FAILED", "relation");
        EXPECT_APPLIED(answers.at(1));
        QCOMPARE(keyHolders(u"person:"_s + freeNumber), 1);
    }

    void deletingOrChangingFreesIdNumber()
    {
        setChinaTime(QDate(2026, 3, 2));

        // Deleted: the number can be registered elsewhere, also in another county; the deleted member cannot
        // come back with it then.
        const QString number = freshIdNumber();
        const QString first =
            create(kTownClerk, kMember, kVillage, memberFields(m_household, number, u"child"_s));
        QVERIFY(!first.isEmpty());
        EXPECT_APPLIED(pushOne(kTownClerk, remove(kMember, first, kVillage)));
        QCOMPARE(keyHolders(u"person:"_s + number), 0);
        const QString elsewhere = newId();
        EXPECT_APPLIED(pushOne(kCityClerk, upsert(kMember, elsewhere, kOtherCountyVillage,
                                                  memberFields(m_householdOtherCounty, number, u"child"_s))));
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kMember, first, kVillage, {{u"name"_s, u"王建设"_s}})),
                        "DUPLICATE", "idNumber");

        // Changed: the old number is free, the new one taken.
        const QString oldNumber = freshIdNumber(), newNumber = freshIdNumber();
        const QString changed =
            create(kTownClerk, kMember, kVillage, memberFields(m_household, oldNumber, u"child"_s));
        QVERIFY(!changed.isEmpty());
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kMember, changed, kVillage, {{u"idNumber"_s, newNumber}})));
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kMember, newId(), kVillage2,
                                                  memberFields(m_householdVillage2, oldNumber, u"child"_s))));
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kMember, newId(), kVillage2,
                                                   memberFields(m_householdVillage2, newNumber, u"child"_s))),
                        "DUPLICATE", "idNumber");

        // Changed and registered elsewhere in one batch (a clerk's offline corrections synced together).
        const QString before = freshIdNumber(), after = freshIdNumber();
        const QString corrected =
            create(kTownClerk, kMember, kVillage, memberFields(m_household, before, u"child"_s));
        QVERIFY(!corrected.isEmpty());
        QList<Answer> answers = push(
            kTownClerk,
            {upsert(kMember, corrected, kVillage, {{u"idNumber"_s, after}}),
             upsert(kMember, newId(), kVillage2, memberFields(m_householdVillage2, before, u"child"_s))});
        QCOMPARE(answers.size(), 2);
        EXPECT_APPLIED(answers.at(0));
        EXPECT_APPLIED(answers.at(1));
        QCOMPARE(keyHolders(u"person:"_s + before), 1);
        QCOMPARE(keyHolders(u"person:"_s + after), 1);

        // Deleted and registered elsewhere in one batch (moved house while offline).
        const QString moving = freshIdNumber();
        const QString moved =
            create(kTownClerk, kMember, kVillage, memberFields(m_household, moving, u"child"_s));
        QVERIFY(!moved.isEmpty());
        const QString arrived = newId();
        answers = push(kTownClerk, {remove(kMember, moved, kVillage),
                                    upsert(kMember, arrived, kVillage2,
                                           memberFields(m_householdVillage2, moving, u"child"_s))});
        QCOMPARE(answers.size(), 2);
        EXPECT_APPLIED(answers.at(0));
        QVERIFY2(answers.at(1).status() == u"applied"_s, answers.at(1).describe().constData());
    }

    // --- quarterly income: one record per household and quarter, only business income may be negative ---

    void householdIncome_data()
    {
        QTest::addColumn<QString>("quarter");
        QTest::addColumn<QString>("recordId");  // "derived", "random", "otherHousehold"
        QTest::addColumn<QString>("household"); // "own", "village2", "none"
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("last quarter")
            << u"2025Q4"_s << u"derived"_s << u"own"_s << QJsonObject() << QString() << QString();
        QTest::newRow("current quarter")
            << u"2026Q1"_s << u"derived"_s << u"own"_s << QJsonObject() << QString() << QString();
        QTest::newRow("business loss") << u"2025Q3"_s << u"derived"_s << u"own"_s
                                       << QJsonObject{{u"businessFen"_s, -50000}} << QString() << QString();
        QTest::newRow("next quarter")
            << u"2026Q2"_s << u"derived"_s << u"own"_s << QJsonObject() << invalid << u"quarter"_s;
        QTest::newRow("random record id")
            << u"2025Q2"_s << u"random"_s << u"own"_s << QJsonObject() << invalid << u"quarter"_s;
        QTest::newRow("another household's id")
            << u"2025Q2"_s << u"otherHousehold"_s << u"own"_s << QJsonObject() << invalid << u"quarter"_s;
        QTest::newRow("malformed quarter")
            << u"2025-4"_s << u"derived"_s << u"own"_s << QJsonObject() << invalid << u"quarter"_s;
        QTest::newRow("negative wages") << u"2025Q2"_s << u"derived"_s << u"own"_s
                                        << QJsonObject{{u"wagesFen"_s, -1}} << invalid << u"wagesFen"_s;
        QTest::newRow("negative property income")
            << u"2025Q2"_s << u"derived"_s << u"own"_s << QJsonObject{{u"propertyFen"_s, -100}} << invalid
            << u"propertyFen"_s;
        QTest::newRow("negative transfers")
            << u"2025Q2"_s << u"derived"_s << u"own"_s << QJsonObject{{u"transferFen"_s, -100}} << invalid
            << u"transferFen"_s;
        QTest::newRow("money not in whole fen")
            << u"2025Q2"_s << u"derived"_s << u"own"_s << QJsonObject{{u"wagesFen"_s, 10.5}}
            << u"INVALID_TYPE"_s << u"wagesFen"_s;
        QTest::newRow("no members") << u"2025Q2"_s << u"derived"_s << u"own"_s
                                    << QJsonObject{{u"members"_s, 0}} << invalid << u"members"_s;
        QTest::newRow("household of another village")
            << u"2025Q2"_s << u"derived"_s << u"village2"_s << QJsonObject() << invalid << u"householdId"_s;
        QTest::newRow("no such household") << u"2025Q2"_s << u"derived"_s << u"none"_s << QJsonObject()
                                           << u"NOT_FOUND"_s << u"householdId"_s;
    }

    void householdIncome()
    {
        QFETCH(QString, quarter);
        QFETCH(QString, recordId);
        QFETCH(QString, household);
        QFETCH(QJsonObject, changes);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 3, 2));
        const QString target = household == u"own"_s        ? m_household
                               : household == u"village2"_s ? m_householdVillage2
                                                            : newId();
        const QString id = recordId == u"derived"_s
                               ? relief::HouseholdIncomeType::recordIdFor(target, quarter)
                           : recordId == u"random"_s
                               ? newId()
                               : relief::HouseholdIncomeType::recordIdFor(m_householdVillage2, quarter);
        QJsonObject fields{{u"householdId"_s, target}, {u"quarter"_s, quarter}, {u"wagesFen"_s, 300000},
                           {u"businessFen"_s, 20000},  {u"propertyFen"_s, 0},   {u"transferFen"_s, 45000},
                           {u"members"_s, 3}};
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            fields.insert(it.key(), it.value());
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kIncome, id, kVillage, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // --- pairings: one per helper and household, the household of the pairing's village ---

    void pairing_data()
    {
        QTest::addColumn<QString>("recordId");  // "derived", "random"
        QTest::addColumn<QString>("household"); // "own", "village2"
        QTest::addColumn<bool>("helperExists");
        QTest::addColumn<QString>("orgUnitId");
        QTest::addColumn<QString>("startDate");
        QTest::addColumn<QString>("endDate");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("open-ended") << u"derived"_s << u"own"_s << true << kVillage << u"2026-01-05"_s
                                    << QString() << QString() << QString();
        QTest::newRow("ended") << u"derived"_s << u"own"_s << true << kVillage << u"2025-06-01"_s
                               << u"2026-02-28"_s << QString() << QString();
        QTest::newRow("ends the day it starts")
            << u"derived"_s << u"own"_s << true << kVillage << u"2026-01-05"_s << u"2026-01-05"_s << QString()
            << QString();
        QTest::newRow("starts today") << u"derived"_s << u"own"_s << true << kVillage << u"2026-03-02"_s
                                      << QString() << QString() << QString();
        QTest::newRow("ends before it starts")
            << u"derived"_s << u"own"_s << true << kVillage << u"2026-01-05"_s << u"2026-01-04"_s << invalid
            << u"endDate"_s;
        QTest::newRow("starts tomorrow") << u"derived"_s << u"own"_s << true << kVillage << u"2026-03-03"_s
                                         << QString() << invalid << u"startDate"_s;
        QTest::newRow("random record id") << u"random"_s << u"own"_s << true << kVillage << u"2026-01-05"_s
                                          << QString() << invalid << u"householdId"_s;
        QTest::newRow("household of another village")
            << u"derived"_s << u"village2"_s << true << kVillage << u"2026-01-05"_s << QString() << invalid
            << u"householdId"_s;
        QTest::newRow("no such helper") << u"derived"_s << u"own"_s << false << kVillage << u"2026-01-05"_s
                                        << QString() << u"NOT_FOUND"_s << u"helperId"_s;
        QTest::newRow("placed at the town") << u"derived"_s << u"own"_s << true << kTown << u"2026-01-05"_s
                                            << QString() << u"FORBIDDEN"_s << QString();
    }

    void pairing()
    {
        QFETCH(QString, recordId);
        QFETCH(QString, household);
        QFETCH(bool, helperExists);
        QFETCH(QString, orgUnitId);
        QFETCH(QString, startDate);
        QFETCH(QString, endDate);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 3, 2));
        const QString helper = helperExists ? newHelper() : newId();
        QVERIFY(!helper.isEmpty());
        const QString target = household == u"own"_s ? m_household : m_householdVillage2;
        const QString id =
            recordId == u"derived"_s ? relief::PairingType::recordIdFor(helper, target) : newId();
        QJsonObject fields{{u"helperId"_s, helper}, {u"householdId"_s, target}, {u"startDate"_s, startDate}};
        if (!endDate.isEmpty())
            fields.insert(u"endDate"_s, endDate);
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kPairing, id, orgUnitId, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // --- visits: inside the quarter's window, one per pairing and quarter, entry closed from the 11th ---

    void visitWindow_data()
    {
        QTest::addColumn<QString>("quarter");
        QTest::addColumn<QDate>("visitDate");
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        // The clock: 2026-04-10 20:00 in China, the last evening of 2026Q1's window.
        QTest::newRow("first day of the window")
            << u"2026Q1"_s << QDate(2026, 3, 21) << QJsonObject() << QString() << QString();
        QTest::newRow("last day of the window")
            << u"2026Q1"_s << QDate(2026, 4, 10) << QJsonObject() << QString() << QString();
        QTest::newRow("with location and income") << u"2026Q1"_s << QDate(2026, 4, 1)
                                                  << QJsonObject{{u"latitude"_s, 32.06},
                                                                 {u"longitude"_s, 121.07},
                                                                 {u"incomeWagesFen"_s, 120000},
                                                                 {u"incomeBusinessFen"_s, -3000}}
                                                  << QString() << QString();
        QTest::newRow("day before the window")
            << u"2026Q1"_s << QDate(2026, 3, 20) << QJsonObject() << invalid << u"visitDate"_s;
        QTest::newRow("day after the window")
            << u"2026Q1"_s << QDate(2026, 4, 11) << QJsonObject() << invalid << u"visitDate"_s;
        QTest::newRow("middle of the quarter")
            << u"2026Q1"_s << QDate(2026, 2, 15) << QJsonObject() << invalid << u"visitDate"_s;
        QTest::newRow("next quarter's window not open")
            << u"2026Q2"_s << QDate(2026, 4, 10) << QJsonObject() << invalid << u"visitDate"_s;
        QTest::newRow("last quarter, entry long closed")
            << u"2025Q4"_s << QDate(2026, 1, 8) << QJsonObject() << u"ENTRY_CLOSED"_s << QString();
        QTest::newRow("malformed quarter")
            << u"2026-1"_s << QDate(2026, 4, 1) << QJsonObject() << invalid << u"quarter"_s;
        QTest::newRow("latitude without longitude")
            << u"2026Q1"_s << QDate(2026, 4, 1) << QJsonObject{{u"latitude"_s, 32.06}} << invalid
            << u"longitude"_s;
        QTest::newRow("location outside China")
            << u"2026Q1"_s << QDate(2026, 4, 1)
            << QJsonObject{{u"latitude"_s, 60.0}, {u"longitude"_s, 121.07}} << invalid << u"latitude"_s;
        QTest::newRow("negative wages")
            << u"2026Q1"_s << QDate(2026, 4, 1) << QJsonObject{{u"incomeWagesFen"_s, -1}} << invalid
            << u"incomeWagesFen"_s;
    }

    void visitWindow()
    {
        QFETCH(QString, quarter);
        QFETCH(QDate, visitDate);
        QFETCH(QJsonObject, extra);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 4, 10), QTime(20, 0));
        const QString pairing = newPairing();
        QVERIFY(!pairing.isEmpty());
        QJsonObject fields = visitFields(pairing, quarter, visitDate);
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            fields.insert(it.key(), it.value());
        const QString id = relief::VisitType::recordIdFor(pairing, quarter);
        const Answer a = pushOne(kTownClerk, upsert(kVisit, id, kVillage, fields));
        EXPECT_OUTCOME(a, code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
        if (code.isEmpty())
            QVERIFY(!a.lateSynced());
    }

    void onePerPairingAndQuarter()
    {
        setChinaTime(QDate(2026, 4, 10), QTime(20, 0));
        const QString pairing = newPairing();
        QVERIFY(!pairing.isEmpty());
        const QJsonObject fields = visitFields(pairing, u"2026Q1"_s, QDate(2026, 4, 2));
        const QString id = relief::VisitType::recordIdFor(pairing, u"2026Q1"_s);

        // Any other id is refused: the id says which pairing and quarter.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kVisit, newId(), kVillage, fields)), "VALIDATION_FAILED",
                        "quarter");
        EXPECT_REJECTED(
            pushOne(kTownClerk,
                    upsert(kVisit, relief::VisitType::recordIdFor(pairing, u"2025Q4"_s), kVillage, fields)),
            "VALIDATION_FAILED", "quarter");
        EXPECT_REJECTED(
            pushOne(kTownClerk,
                    upsert(kVisit, relief::VisitType::recordIdFor(newId(), u"2026Q1"_s), kVillage, fields)),
            "VALIDATION_FAILED", "quarter");
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kVisit, id, kVillage, fields)));

        // A second visit entered as new (by a colleague who had not synced) is a conflict, not a second
        // visit.
        QJsonObject second =
            upsert(kVisit, id, kVillage, visitFields(pairing, u"2026Q1"_s, QDate(2026, 4, 5)));
        second.insert(u"baseVersion"_s, 0);
        const Answer a = pushOne(kTownReviewer, second);
        QVERIFY2(a.status() == u"conflict"_s, a.describe().constData());
        QCOMPARE(version(id), 1);
        QCOMPARE(storedFields(id).value(u"visitDate"_s).toString(), u"2026-04-02"_s);

        // The same pairing's next quarter is its own record.
        setChinaTime(QDate(2026, 6, 25));
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kVisit, relief::VisitType::recordIdFor(pairing, u"2026Q2"_s), kVillage,
                                       visitFields(pairing, u"2026Q2"_s, QDate(2026, 6, 22)))));
    }

    void visitPairing_data()
    {
        QTest::addColumn<QString>("pairing"); // "sameVillage", "otherVillage", "none", "household"
        QTest::addColumn<QString>("code");
        QTest::newRow("pairing of the village") << u"sameVillage"_s << QString();
        QTest::newRow("pairing of another village") << u"otherVillage"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("no such pairing") << u"none"_s << u"NOT_FOUND"_s;
        QTest::newRow("not a pairing") << u"household"_s << u"NOT_FOUND"_s;
    }

    void visitPairing()
    {
        QFETCH(QString, pairing);
        QFETCH(QString, code);
        setChinaTime(QDate(2026, 4, 10), QTime(20, 0));
        const QString target = pairing == u"sameVillage"_s    ? newPairing(kVillage)
                               : pairing == u"otherVillage"_s ? newPairing(kVillage2)
                               : pairing == u"household"_s    ? m_household
                                                              : newId();
        QVERIFY(!target.isEmpty());
        const QString id = relief::VisitType::recordIdFor(target, u"2026Q1"_s);
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kVisit, id, kVillage,
                                                  visitFields(target, u"2026Q1"_s, QDate(2026, 4, 3)))),
                       code, code.isEmpty() ? QString() : u"pairingId"_s);
    }

    // 2026Q1's entry closes at 2026-04-11 00:00 in China (2026-04-10 16:00 UTC). A visit saved offline before
    // then is taken within 3 days if the device's clock is plausible, and flagged late-synced.
    void visitEntryCloses_data()
    {
        QTest::addColumn<qint64>("serverNow");
        QTest::addColumn<qint64>("deviceNow");
        QTest::addColumn<qint64>("savedAt");
        QTest::addColumn<qint64>("lastContact");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("late");
        const qint64 closes = chinaMs(QDate(2026, 4, 11), QTime(0, 0));
        const QString closed = u"ENTRY_CLOSED"_s;
        auto row = [&](const char *name, qint64 server, qint64 skew, qint64 saved, qint64 contact,
                       const QString &code, bool late) {
            QTest::newRow(name) << server << server + skew << saved << contact << code << late;
        };
        row("a minute before the close, online", closes - kMinute, 0, closes - kMinute, closes - kMinute,
            QString(), false);
        row("a minute after the close, online", closes + kMinute, 0, closes + kMinute, closes + kMinute,
            closed, false);
        row("the 11th at 01:00, still the 10th in UTC", closes + kHour, 0, closes + kHour, closes + kHour,
            closed, false);
        row("saved offline the evening before, synced next morning", closes + 9 * kHour, 0,
            closes - 4 * kHour, closes - 10 * kHour, QString(), true);
        row("saved offline, synced just inside the grace period", closes + 3 * kDay - kMinute, 0,
            closes - kHour, closes - 2 * kDay, QString(), true);
        row("saved offline, device clock 5 minutes fast", closes + kDay, 5 * kMinute,
            closes - kHour + 5 * kMinute, closes - 5 * kHour, QString(), true);
        row("saved offline, synced after the grace period", closes + 3 * kDay + kMinute, 0, closes - kHour,
            closes - 2 * kDay, closed, false);
        row("device clock 20 minutes off", closes + kDay, 20 * kMinute, closes - kHour, closes - 5 * kHour,
            closed, false);
        row("saved before the last server contact", closes + kDay, 0, closes - 2 * kHour, closes - kHour,
            closed, false);
        row("saved after the close by the device's clock", closes + kDay, 0, closes + kHour,
            closes - 5 * kHour, closed, false);
        row("saved later than the device's now", closes + kDay, 0, closes + kDay + kHour, closes - 5 * kHour,
            closed, false);
    }

    void visitEntryCloses()
    {
        QFETCH(qint64, serverNow);
        QFETCH(qint64, deviceNow);
        QFETCH(qint64, savedAt);
        QFETCH(qint64, lastContact);
        QFETCH(QString, code);
        QFETCH(bool, late);
        setChinaTime(QDate(2026, 4, 10), QTime(9, 0));
        const QString pairing = newPairing();
        QVERIFY(!pairing.isEmpty());
        setNowMs(serverNow);
        const QString id = relief::VisitType::recordIdFor(pairing, u"2026Q1"_s);
        const QJsonObject op =
            savedOffline(upsert(kVisit, id, kVillage, visitFields(pairing, u"2026Q1"_s, QDate(2026, 4, 9))),
                         savedAt, lastContact);
        const Answer a = pushOne(kTownClerk, op, deviceNow);
        EXPECT_OUTCOME(a, code, QString());
        if (!code.isEmpty()) {
            QVERIFY2(a.message().contains(u"2026-04-11 00:00"_s), a.describe().constData());
            QCOMPARE(version(id), 0);
            return;
        }
        QCOMPARE(a.lateSynced(), late);
        // Pulled back with the flag, for supervisors to see.
        const QJsonObject record = pulled(kTownClerk, id);
        QCOMPARE(record.value(u"version"_s).toInteger(), 1);
        QCOMPARE(record.value(u"lateSynced"_s).toBool(), late);
        QCOMPARE(pulled(u"county-supervisor"_s, id).value(u"lateSynced"_s).toBool(), late);
    }

    // --- help requests: dates in order, an answer and a result written down when dated ---

    void helpRequest_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        const QJsonObject accepted{{u"acceptedOn"_s, u"2026-05-07"_s}};
        auto with = [](QJsonObject o, const QJsonObject &more) {
            for (auto it = more.constBegin(); it != more.constEnd(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };
        const QJsonObject answered =
            with(accepted, {{u"answeredOn"_s, u"2026-05-08"_s}, {u"answer"_s, u"已联系镇卫生院"_s}});
        const QJsonObject assigned =
            with(accepted, {{u"assignedOn"_s, u"2026-05-08"_s}, {u"assignedTo"_s, u"镇民政办"_s}});
        QTest::newRow("just raised") << QJsonObject() << QString() << QString();
        QTest::newRow("accepted") << accepted << QString() << QString();
        QTest::newRow("answered") << answered << QString() << QString();
        QTest::newRow("result entered")
            << with(assigned, {{u"resultOn"_s, u"2026-05-18"_s}, {u"result"_s, u"已纳入临时救助"_s}})
            << QString() << QString();
        QTest::newRow("raised tomorrow")
            << QJsonObject{{u"raisedOn"_s, u"2026-05-21"_s}} << invalid << u"raisedOn"_s;
        QTest::newRow("accepted before raised")
            << QJsonObject{{u"acceptedOn"_s, u"2026-05-05"_s}} << invalid << u"acceptedOn"_s;
        QTest::newRow("answered without accepting")
            << QJsonObject{{u"answeredOn"_s, u"2026-05-08"_s}, {u"answer"_s, u"答复"_s}} << invalid
            << u"answeredOn"_s;
        QTest::newRow("answered before accepted")
            << with(answered, {{u"answeredOn"_s, u"2026-05-06"_s}}) << invalid << u"answeredOn"_s;
        QTest::newRow("answer date without an answer")
            << with(accepted, {{u"answeredOn"_s, u"2026-05-08"_s}}) << invalid << u"answer"_s;
        QTest::newRow("blank answer") << with(answered, {{u"answer"_s, u"   "_s}}) << invalid << u"answer"_s;
        QTest::newRow("answered tomorrow")
            << with(answered, {{u"answeredOn"_s, u"2026-05-21"_s}}) << invalid << u"answeredOn"_s;
        QTest::newRow("assigned without a unit")
            << with(accepted, {{u"assignedOn"_s, u"2026-05-08"_s}}) << invalid << u"assignedTo"_s;
        QTest::newRow("assigned before accepted")
            << with(assigned, {{u"assignedOn"_s, u"2026-05-06"_s}}) << invalid << u"assignedOn"_s;
        QTest::newRow("result date without a result")
            << with(assigned, {{u"resultOn"_s, u"2026-05-18"_s}}) << invalid << u"result"_s;
        QTest::newRow("result before the assignment")
            << with(assigned, {{u"resultOn"_s, u"2026-05-07"_s}, {u"result"_s, u"已办结"_s}}) << invalid
            << u"resultOn"_s;
        QTest::newRow("result without an assignment")
            << with(accepted, {{u"resultOn"_s, u"2026-05-18"_s}, {u"result"_s, u"已办结"_s}}) << invalid
            << u"resultOn"_s;
        QTest::newRow("household of another village")
            << QJsonObject{{u"householdId"_s, u"village2"_s}} << invalid << u"householdId"_s;
    }

    void helpRequest()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 5, 20));
        QJsonObject fields{{u"householdId"_s, m_household},
                           {u"raisedOn"_s, u"2026-05-06"_s},
                           {u"category"_s, u"medical"_s},
                           {u"content"_s, u"住院费用报销后仍有较大缺口"_s},
                           {u"requester"_s, u"王一"_s}};
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            fields.insert(it.key(), it.value());
        if (fields.value(u"householdId"_s).toString() == u"village2"_s)
            fields.insert(u"householdId"_s, m_householdVillage2);
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kHelpRequest, id, kVillage, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    // Comparison hits are written only by county or city reviewers; a case links its household only when
    // approved.
    void comparisonDataOnlyByCountyOrCity()
    {
        setChinaTime(QDate(2026, 3, 2));
        QJsonObject withHits = identificationFields();
        withHits.insert(u"hits"_s, hitsWithStatus(u"open"_s));
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kIdentification, newId(), kVillage, withHits)),
                       u"FORBIDDEN"_s, u"hits"_s);
        const QString id = create(kTownClerk, kIdentification, kVillage, identificationFields());
        QVERIFY(!id.isEmpty());
        const QJsonObject addHit{{u"hits"_s, hitsWithStatus(u"open"_s)}};
        EXPECT_OUTCOME(pushOne(kTownReviewer, upsert(kIdentification, id, kVillage, addHit)), u"FORBIDDEN"_s,
                       u"hits"_s);
        EXPECT_APPLIED(pushOne(kCountyReviewer, upsert(kIdentification, id, kVillage, addHit)));
        // A clerk cannot clear it either.
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kIdentification, id, kVillage,
                                                  {{u"hits"_s, hitsWithStatus(u"cleared"_s, u"已报废"_s)}})),
                       u"FORBIDDEN"_s, u"hits"_s);
        EXPECT_OUTCOME(
            pushOne(kTownClerk, upsert(kIdentification, id, kVillage, {{u"householdId"_s, m_household}})),
            u"VALIDATION_FAILED"_s, u"householdId"_s);
    }

    // The requester's side looks a request up by its code, without signing in, and sees no personal data.
    void helpRequestLookup()
    {
        setChinaTime(QDate(2026, 5, 20));
        const QString id = newId();
        const QString code = relief::helpLookupCode(id);
        QJsonObject fields{{u"householdId"_s, m_household},
                           {u"raisedOn"_s, u"2026-05-06"_s},
                           {u"category"_s, u"medical"_s},
                           {u"content"_s, u"住院费用报销后仍有较大缺口"_s},
                           {u"requester"_s, u"王一"_s},
                           {u"requesterPhone"_s, u"13800138000"_s},
                           {u"acceptedOn"_s, u"2026-05-07"_s},
                           {u"answeredOn"_s, u"2026-05-08"_s},
                           {u"answer"_s, u"已受理，转镇社会事业局核实"_s},
                           {u"lookupCode"_s, code}};
        QCOMPARE(create(kTownClerk, kHelpRequest, kVillage, fields, id), id);

        const HttpResult r = m_http->get(u"/api/v1/public/help-requests/"_s + code.toLower());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"status"_s).toString(), u"answered"_s);
        QCOMPARE(r.json.value(u"answer"_s).toString(), u"已受理，转镇社会事业局核实"_s);
        // 5 working days after May 6: 7, 8, 9 (a make-up Saturday), 11, 12.
        QCOMPARE(r.json.value(u"answerDue"_s).toString(), u"2026-05-12"_s);
        const QByteArray body = QJsonDocument(r.json).toJson();
        for (const QString &secret : {u"王一"_s, u"13800138000"_s, m_household, id})
            QVERIFY2(!body.contains(secret.toUtf8()), qPrintable(secret));

        QCOMPARE(m_http->get(u"/api/v1/public/help-requests/QZ22222222"_s).status, 404);
        QCOMPARE(m_http->get(u"/api/v1/public/help-requests/x'%20OR%201=1"_s).status, 400);
        // A code that is not this request's own is refused, and a second request cannot take it.
        fields.insert(u"lookupCode"_s, relief::helpLookupCode(newId()));
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kHelpRequest, newId(), kVillage, fields)),
                       u"VALIDATION_FAILED"_s, u"lookupCode"_s);
        fields.insert(u"lookupCode"_s, code);
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kHelpRequest, newId(), kVillage, fields)),
                       u"VALIDATION_FAILED"_s, u"lookupCode"_s);
    }

    // --- identification: under the income line, step by step by the right reviewers ---

    void identificationCreated_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("orgUnitId");
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        QTest::newRow("clerk, empty history")
            << kTownClerk << kVillage << QJsonObject() << QString() << QString();
        QTest::newRow("reviewer, no history field")
            << kTownReviewer << kVillage << QJsonObject{{u"steps"_s, QJsonValue()}, {u"hits"_s, QJsonValue()}}
            << QString() << QString();
        QTest::newRow("just under the line")
            << kTownClerk << kVillage << QJsonObject{{u"perCapitaIncomeFen"_s, 699999}} << QString()
            << QString();
        QTest::newRow("at the line") << kTownClerk << kVillage
                                     << QJsonObject{{u"perCapitaIncomeFen"_s, 700000}} << invalid
                                     << u"perCapitaIncomeFen"_s;
        QTest::newRow("above the line")
            << kTownClerk << kVillage << QJsonObject{{u"perCapitaIncomeFen"_s, 1200000}} << invalid
            << u"perCapitaIncomeFen"_s;
        QTest::newRow("negative income")
            << kTownClerk << kVillage << QJsonObject{{u"perCapitaIncomeFen"_s, -1}} << invalid
            << u"perCapitaIncomeFen"_s;
        QTest::newRow("no members") << kTownClerk << kVillage << QJsonObject{{u"members"_s, 0}} << invalid
                                    << u"members"_s;
        QTest::newRow("applicant's number wrong")
            << kTownClerk << kVillage
            << QJsonObject{{u"applicantIdNumber"_s, withWrongCheck(freshIdNumber())}}
            << u"INVALID_ID_NUMBER"_s << u"applicantIdNumber"_s;
        QTest::newRow("placed at the town")
            << kTownClerk << kTown << QJsonObject() << u"FORBIDDEN"_s << QString();
        QTest::newRow("leader") << u"town-leader"_s << kVillage << QJsonObject() << u"FORBIDDEN"_s
                                << QString();
    }

    void identificationCreated()
    {
        QFETCH(QString, username);
        QFETCH(QString, orgUnitId);
        QFETCH(QJsonObject, changes);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 6, 15));
        QJsonObject fields = identificationFields();
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            fields.insert(it.key(), it.value());
        const QString id = newId();
        EXPECT_OUTCOME(pushOne(username, upsert(kIdentification, id, orgUnitId, fields)), code, field);
        QCOMPARE(version(id), code.isEmpty() ? 1 : 0);
    }

    void identificationWorkflow()
    {
        setChinaTime(QDate(2026, 6, 15));
        const QString caseId = identificationCaseAt(0, false);
        QVERIFY(!caseId.isEmpty());
        const QString tc = kTownClerk, tr = kTownReviewer, cr = kCountyReviewer, ci = kCityReviewer;
        const QString by = userId(tr);
        QVERIFY(!by.isEmpty() && by != userId(cr));
        const auto stepBy = [this](int index, const QString &username) {
            return identificationStep(index, userId(username));
        };
        QJsonObject noPerson = stepBy(0, tr);
        noPerson.insert(u"person"_s, u" "_s);

        // In order; each attempt on the case as the previous ones left it. An empty step changes only `also`.
        struct Attempt
        {
            const char *what;
            QString username;
            QJsonObject step;
            QJsonObject also;
            QString code;
            QString field;
        };
        const QString flow = u"WORKFLOW_STEP"_s, invalid = u"VALIDATION_FAILED"_s, steps = u"steps"_s;
        const QList<Attempt> attempts{
            {"clerk takes a step", tc, stepBy(0, tc), {}, u"FORBIDDEN"_s, steps},
            {"county reviewer takes a village step", cr, stepBy(0, cr), {}, flow, steps},
            {"village review before group review", tr, stepBy(1, tr), {}, flow, steps},
            {"step recorded as someone else's", tr, stepBy(0, cr), {}, invalid, steps},
            {"step dated tomorrow", tr, stepJson(u"group-review"_s, QDate(2026, 6, 16), by), {}, flow, steps},
            {"no such step", tr, stepJson(u"interview"_s, QDate(2026, 5, 1), by), {}, flow, steps},
            {"step without a person", tr, noPerson, {}, flow, steps},
            {"group review", tr, stepBy(0, tr), {}, QString(), QString()},
            {"dated before the previous step",
             tr,
             stepJson(u"village-review"_s, QDate(2026, 4, 30), by),
             {},
             flow,
             steps},
            {"refused without a reason",
             tr,
             stepJson(u"village-review"_s, QDate(2026, 5, 3), by, {}, {}, false, QString()),
             {},
             flow,
             steps},
            {"village review", tr, stepBy(1, tr), {}, QString(), QString()},
            {"notice of four days",
             tr,
             stepJson(u"village-notice"_s, QDate(2026, 5, 8), by, QDate(2026, 5, 4), QDate(2026, 5, 7)),
             {},
             flow,
             steps},
            {"notice without dates",
             tr,
             stepJson(u"village-notice"_s, QDate(2026, 5, 8), by),
             {},
             flow,
             steps},
            {"decided before the notice ended",
             tr,
             stepJson(u"village-notice"_s, QDate(2026, 5, 7), by, QDate(2026, 5, 3), QDate(2026, 5, 8)),
             {},
             flow,
             steps},
            {"village notice of five days", tr, stepBy(2, tr), {}, QString(), QString()},
            {"county reviewer takes the town review", cr, stepBy(3, cr), {}, flow, steps},
            {"town review without its notice",
             tr,
             stepJson(u"town-review"_s, QDate(2026, 5, 15), by),
             {},
             flow,
             steps},
            {"town review", tr, stepBy(3, tr), {}, QString(), QString()},
            {"town reviewer compares", tr, stepBy(4, tr), {}, flow, steps},
            {"city reviewer compares a case of one county", ci, stepBy(4, ci), {}, flow, steps},
            {"approval before the comparison", cr, stepBy(5, cr), {}, flow, steps},
            {"comparison with an open hit",
             cr,
             stepBy(4, cr),
             {{u"hits"_s, hitsWithStatus(u"open"_s)}},
             QString(),
             QString()},
            {"approval with the hit open", cr, stepBy(5, cr), {}, flow, steps},
            {"hit cleared without a reason",
             cr,
             {},
             {{u"hits"_s, hitsWithStatus(u"cleared"_s)}},
             invalid,
             u"hits"_s},
            {"hit removed", cr, {}, {{u"hits"_s, QJsonArray()}}, invalid, u"hits"_s},
            {"hit cleared with a reason",
             cr,
             {},
             {{u"hits"_s, hitsWithStatus(u"cleared"_s, u"车辆系同名他人所有"_s)}},
             QString(),
             QString()},
            {"town reviewer approves", tr, stepBy(5, tr), {}, flow, steps},
            {"city reviewer approves", ci, stepBy(5, ci), {}, flow, steps},
            {"county approval", cr, stepBy(5, cr), {}, QString(), QString()},
            {"a step after the end",
             cr,
             stepJson(u"county-approval"_s, QDate(2026, 5, 26), userId(cr)),
             {},
             flow,
             steps},
        };
        for (const Attempt &attempt : attempts) {
            const Answer a =
                appendStep(attempt.username, kIdentification, caseId, attempt.step, attempt.also);
            const QByteArray why = outcomeMismatch(a, attempt.code, attempt.field);
            QVERIFY2(why.isEmpty(), QByteArray(QByteArray(attempt.what) + ": " + why).constData());
        }

        // The history as it stands: six steps, each by the one who pushed it; the case is finished.
        const QJsonObject stored = storedFields(caseId);
        const QJsonArray history = stored.value(u"steps"_s).toArray();
        QCOMPARE(history.size(), 6);
        QCOMPARE(history.at(4).toObject().value(u"by"_s).toString(), userId(cr));
        QVERIFY(relief::caseState(relief::CaseKind::Identification, relief::stepsFromJson(history)).finished);
        QCOMPARE(relief::unresolvedHits(relief::hitsFromJson(stored.value(u"hits"_s).toArray())), 0);

        // Nothing in the history changes later: not a word of an earlier step, not its removal, not two at
        // once.
        QJsonArray edited = history;
        QJsonObject first = edited.at(0).toObject();
        first.insert(u"opinion"_s, u"改过的意见"_s);
        edited.replace(0, first);
        EXPECT_REJECTED(pushOne(cr, upsert(kIdentification, caseId, kVillage, {{u"steps"_s, edited}})),
                        "VALIDATION_FAILED", "steps");
        QJsonArray shorter = history;
        shorter.removeLast();
        EXPECT_REJECTED(pushOne(cr, upsert(kIdentification, caseId, kVillage, {{u"steps"_s, shorter}})),
                        "VALIDATION_FAILED", "steps");
        const QString fresh = identificationCaseAt(0, false);
        QVERIFY(!fresh.isEmpty());
        EXPECT_REJECTED(pushOne(tr, upsert(kIdentification, fresh, kVillage,
                                           {{u"steps"_s, QJsonArray{stepBy(0, tr), stepBy(1, tr)}}})),
                        "VALIDATION_FAILED", "steps");
        QCOMPARE(storedFields(caseId).value(u"steps"_s).toArray(), history);
    }

    void identificationCrossRegion()
    {
        setChinaTime(QDate(2026, 6, 15));
        const QString caseId = identificationCaseAt(4, true);
        QVERIFY(!caseId.isEmpty());
        EXPECT_REJECTED(appendStep(kCountyReviewer, kIdentification, caseId,
                                   identificationStep(4, userId(kCountyReviewer))),
                        "WORKFLOW_STEP", "steps");
        EXPECT_REJECTED(
            appendStep(kTownReviewer, kIdentification, caseId, identificationStep(4, userId(kTownReviewer))),
            "WORKFLOW_STEP", "steps");
        EXPECT_APPLIED(
            appendStep(kCityReviewer, kIdentification, caseId, identificationStep(4, userId(kCityReviewer))));
        // The approval stays with the county.
        EXPECT_REJECTED(
            appendStep(kCityReviewer, kIdentification, caseId, identificationStep(5, userId(kCityReviewer))),
            "WORKFLOW_STEP", "steps");
        EXPECT_APPLIED(appendStep(kCountyReviewer, kIdentification, caseId,
                                  identificationStep(5, userId(kCountyReviewer))));
    }

    void identificationConfirmedHitBlocksApproval()
    {
        setChinaTime(QDate(2026, 6, 15));
        const QString caseId = identificationCaseAt(4, false);
        QVERIFY(!caseId.isEmpty());
        // The comparison finds a car and it is confirmed: per CaseTypes.h the case is then to be rejected.
        EXPECT_APPLIED(appendStep(
            kCountyReviewer, kIdentification, caseId, identificationStep(4, userId(kCountyReviewer)),
            {{u"hits"_s, hitsWithStatus(u"confirmed"_s, u"经核实，车辆为申请人所有"_s)}}));
        const Answer a = appendStep(kCountyReviewer, kIdentification, caseId,
                                    identificationStep(5, userId(kCountyReviewer)));
        QVERIFY2(a.status() == u"rejected"_s && a.code() == u"WORKFLOW_STEP"_s, a.describe().constData());
    }

    // --- exit: only through a finished exit case, and exit steps only at year end ---

    void exitAtYearEnd()
    {
        setChinaTime(QDate(2026, 6, 15));
        const QString household = newHousehold(kVillage, kTownClerk, u"退出户"_s);
        QVERIFY(!household.isEmpty());
        const QString caseId = relief::ExitCaseType::recordIdFor(household, 2026);
        const QJsonObject caseFields{{u"householdId"_s, household},
                                     {u"year"_s, 2026},
                                     {u"perCapitaIncomeFen"_s, 1250000},
                                     {u"reason"_s, u"务工收入稳定，两不愁三保障均已实现"_s},
                                     {u"steps"_s, QJsonArray()}};
        const QString tr = kTownReviewer, cr = kCountyReviewer;
        auto exitStep = [this](const QString &code, QDate date, const QString &username) {
            return stepJson(code, date, userId(username));
        };

        // Not without a case, not with a case that does not exist or is not finished.
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kHousehold, household, kVillage, {{u"status"_s, u"exited"_s}})),
            "VALIDATION_FAILED", "status");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kHousehold, household, kVillage,
                                                   {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}})),
                        "NOT_FOUND", "exitCaseId");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kExit, newId(), kVillage, caseFields)),
                        "VALIDATION_FAILED", "year");
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kExit, caseId, kVillage, caseFields)));
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kHousehold, household, kVillage,
                                                   {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}})),
                        "VALIDATION_FAILED", "status");
        // In June no exit step is taken.
        EXPECT_REJECTED(appendStep(tr, kExit, caseId, exitStep(u"village-review"_s, QDate(2026, 6, 10), tr)),
                        "WORKFLOW_STEP", "steps");

        // December: village, town, county.
        setChinaTime(QDate(2026, 12, 10));
        EXPECT_REJECTED(appendStep(tr, kExit, caseId, exitStep(u"village-review"_s, QDate(2026, 11, 30), tr)),
                        "WORKFLOW_STEP", "steps");
        EXPECT_REJECTED(appendStep(kTownClerk, kExit, caseId,
                                   exitStep(u"village-review"_s, QDate(2026, 12, 1), kTownClerk)),
                        "FORBIDDEN", "steps");
        EXPECT_APPLIED(appendStep(tr, kExit, caseId, exitStep(u"village-review"_s, QDate(2026, 12, 1), tr)));
        EXPECT_REJECTED(appendStep(cr, kExit, caseId, exitStep(u"town-review"_s, QDate(2026, 12, 3), cr)),
                        "WORKFLOW_STEP", "steps");
        EXPECT_REJECTED(
            appendStep(tr, kExit, caseId, exitStep(u"county-confirmation"_s, QDate(2026, 12, 3), tr)),
            "WORKFLOW_STEP", "steps");
        EXPECT_APPLIED(appendStep(tr, kExit, caseId, exitStep(u"town-review"_s, QDate(2026, 12, 3), tr)));
        EXPECT_REJECTED(
            appendStep(tr, kExit, caseId, exitStep(u"county-confirmation"_s, QDate(2026, 12, 5), tr)),
            "WORKFLOW_STEP", "steps");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kHousehold, household, kVillage,
                                                   {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}})),
                        "VALIDATION_FAILED", "status");
        EXPECT_APPLIED(
            appendStep(cr, kExit, caseId, exitStep(u"county-confirmation"_s, QDate(2026, 12, 5), cr)));

        // Confirmed: the household leaves the registry, and does not come back by a change of status.
        EXPECT_APPLIED(
            pushOne(kTownClerk,
                    upsert(kHousehold, household, kVillage,
                           {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}, {u"exitYear"_s, 2026}})));
        QCOMPARE(storedFields(household).value(u"status"_s).toString(), u"exited"_s);
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kHousehold, household, kVillage, {{u"status"_s, u"registered"_s}})),
            "VALIDATION_FAILED", "status");

        // Another household of the village cannot leave on this household's confirmed case.
        const QString other = newHousehold(kVillage, kTownClerk, u"搭车退出户"_s);
        QVERIFY(!other.isEmpty());
        const Answer a = pushOne(kTownClerk, upsert(kHousehold, other, kVillage,
                                                    {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}}));
        QVERIFY2(a.status() == u"rejected"_s && a.field() == u"exitCaseId"_s, a.describe().constData());

        // The window runs to January 31 (judged by the step's date); February 1 is outside.
        const QString late = newHousehold(kVillage, kTownClerk, u"次年退出户"_s);
        QVERIFY(!late.isEmpty());
        const QString lateCase = relief::ExitCaseType::recordIdFor(late, 2026);
        QJsonObject lateFields = caseFields;
        lateFields.insert(u"householdId"_s, late);
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kExit, lateCase, kVillage, lateFields)));
        setChinaTime(QDate(2027, 2, 1));
        EXPECT_REJECTED(appendStep(tr, kExit, lateCase, exitStep(u"village-review"_s, QDate(2027, 2, 1), tr)),
                        "WORKFLOW_STEP", "steps");
        EXPECT_APPLIED(
            appendStep(tr, kExit, lateCase, exitStep(u"village-review"_s, QDate(2027, 1, 31), tr)));
    }

    // --- reading: a town's pull holds its own town only ---

    void pullStaysInTown()
    {
        setChinaTime(QDate(2027, 2, 2));
        const QList<QJsonObject> town = pullAll(kTownClerk);
        QVERIFY(!town.isEmpty());
        QSet<QString> ids;
        for (const QJsonObject &r : town) {
            ids.insert(r.value(u"id"_s).toString());
            QVERIFY2(r.value(u"orgUnitId"_s).toString().startsWith(kTown.left(9)),
                     QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        }
        QVERIFY(ids.contains(m_household));
        QVERIFY(ids.contains(m_householdVillage2));
        QVERIFY(!ids.contains(m_householdOtherTown));
        QVERIFY(!ids.contains(m_householdOtherCounty));

        // The county sees its towns, not another county.
        QSet<QString> county;
        const QList<QJsonObject> countyRecords = pullAll(u"county-clerk"_s);
        for (const QJsonObject &r : countyRecords)
            county.insert(r.value(u"id"_s).toString());
        QVERIFY(county.contains(m_household));
        QVERIFY(county.contains(m_householdOtherTown));
        QVERIFY(!county.contains(m_householdOtherCounty));
    }
};

QTEST_GUILESS_MAIN(TestReliefRecords)
#include "tst_relief_records.moc"
