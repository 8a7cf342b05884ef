#pragma once

// The 阳光扶贫 record types as the server enforces them, shared by tst_relief_registry, tst_relief_assistance
// and tst_relief_cases: every rule answered per operation of a real push over TLS (applied, or rejected with
// its stable code, the field and a Chinese message), with the server's clock set to the dates that matter.
#include "common/core/IdCard.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefRules.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/RuleTestClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <optional>

namespace sunshine::test::reliefrecords {

using namespace Qt::Literals::StringLiterals;

// The demo accounts town-* sit in the first demo town of 通州区 (320612).
inline const QString kCounty = u"320612000000"_s;
inline const QString kTown = DemoData::townId(u"320612"_s, 0);
inline const QString kVillage = DemoData::villageId(kTown, 0);
inline const QString kVillage2 = DemoData::villageId(kTown, 1);
inline const QString kOtherTown = DemoData::townId(u"320612"_s, 1);
inline const QString kOtherTownVillage = DemoData::villageId(kOtherTown, 0);
inline const QString kOtherCountyVillage = DemoData::villageId(DemoData::townId(u"320623"_s, 0), 0); // 如东县
inline const QString kCity = u"320600000000"_s;

inline const QString kHousehold = QString::fromUtf16(relief::HouseholdType::kName);
inline const QString kMember = QString::fromUtf16(relief::MemberType::kName);
inline const QString kIncome = QString::fromUtf16(relief::HouseholdIncomeType::kName);
inline const QString kIdentification = QString::fromUtf16(relief::IdentificationCaseType::kName);
inline const QString kExit = QString::fromUtf16(relief::ExitCaseType::kName);
inline const QString kHelper = QString::fromUtf16(relief::HelperType::kName);
inline const QString kPairing = QString::fromUtf16(relief::PairingType::kName);
inline const QString kVisit = QString::fromUtf16(relief::VisitType::kName);
inline const QString kHelpRequest = QString::fromUtf16(relief::HelpRequestType::kName);

inline const QString kTownClerk = u"town-clerk"_s;
inline const QString kTownReviewer = u"town-reviewer"_s;
inline const QString kCountyReviewer = u"county-reviewer"_s;
inline const QString kCityReviewer = u"city-reviewer"_s;
inline const QString kCityClerk = u"city-clerk"_s;
inline const QString kRudongReviewer = u"rudong-reviewer"_s; // 如东县, made by startWithHouseholds

inline constexpr qint64 kMinute = 60LL * 1000;
inline constexpr qint64 kHour = 60 * kMinute;
inline constexpr qint64 kDay = 24 * kHour;

// --- 身份证号
// -----------------------------------------------------------------------------------------------

// An 18-character number with the right check character for the first 17 (region, yyyyMMdd, sequence).
inline QString idNumber(const QString &region, const QString &birth, int sequence)
{
    const QString first17 = region + birth + u"%1"_s.arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdCard::checkCharacter(first17);
}

// A valid number no other call returns: a different birth date each time.
inline QString freshIdNumber()
{
    static int n = 0;
    ++n;
    return idNumber(u"320612"_s, QDate(1950, 1, 1).addDays(n * 3).toString(u"yyyyMMdd"_s), 100 + n % 800);
}

inline QString withWrongCheck(const QString &number)
{
    return number.left(17) + QChar(number.at(17) == u'0' ? u'1' : u'0');
}

// A valid number whose check character is X.
inline QString idNumberEndingInX()
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

inline QJsonObject householdFields(const QString &head, int registeredYear = 2025)
{
    return {{u"headName"_s, head},
            {u"povertyCause"_s, u"illness"_s},
            {u"registeredYear"_s, registeredYear},
            {u"status"_s, u"registered"_s}};
}

inline QJsonObject memberFields(const QString &householdId, const QString &idNumber,
                                const QString &relation = u"head"_s)
{
    return {{u"householdId"_s, householdId},
            {u"name"_s, u"王建国"_s},
            {u"idNumber"_s, idNumber},
            {u"relation"_s, relation}};
}

inline QJsonObject helperFields()
{
    return {{u"name"_s, u"陈帮扶"_s},
            {u"kind"_s, u"cadre"_s},
            {u"unit"_s, u"通州区农业农村局"_s},
            {u"mobile"_s, u"13912345678"_s}};
}

inline QJsonObject visitFields(const QString &pairingId, const QString &quarter, QDate visitDate)
{
    return {{u"pairingId"_s, pairingId},
            {u"quarter"_s, quarter},
            {u"visitDate"_s, iso(visitDate)},
            {u"notes"_s, u"入户走访，了解生产生活情况，核对一折通发放"_s}};
}

inline QJsonObject identificationFields(qint64 perCapitaIncomeFen = 520000, bool crossRegion = false)
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
inline QJsonObject stepJson(const QString &step, QDate date, const QString &byUserId, QDate noticeStart = {},
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
inline QJsonObject identificationStep(int index, const QString &byUserId)
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
inline QString identificationActor(int index, bool crossRegion)
{
    if (index < 4)
        return kTownReviewer;
    return index == 4 && crossRegion ? kCityReviewer : kCountyReviewer;
}

inline QJsonArray hitsWithStatus(const QString &status, const QString &reason = {})
{
    QJsonObject hit{
        {u"source"_s, u"vehicles"_s}, {u"detail"_s, u"申请人名下登记小型轿车一辆"_s}, {u"status"_s, status}};
    if (!reason.isEmpty())
        hit.insert(u"reason"_s, reason);
    return {hit};
}

// What the tests of each record family stand on: a server over TLS with the demo data, sign-in per demo
// account, pushes and pulls as the program makes them, and records to build scenarios on.
class ReliefRecordsTest : public QObject, protected RuleTestClient
{
protected:
    // Made in initTestCase: households in the town clerk's two villages, in another town and another county
    // (by the city clerk), and a helper of the town.
    QString m_household;
    QString m_householdVillage2;
    QString m_householdOtherTown;
    QString m_householdOtherCounty;

    // --- the store, read directly to check what the answers claim ---

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

    // A household registered before the system, as a county reviewer imports the roster (Art. 9: otherwise
    // households are registered only by an approved identification case).
    QString newHousehold(const QString &village = kVillage, const QString &head = u"王建国"_s)
    {
        const QString registrar = village.startsWith(u"320623"_s) ? kRudongReviewer : kCountyReviewer;
        return create(registrar, kHousehold, village, householdFields(head));
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

    // Starts the server (clock at 2026-03-02) and makes the households every family reads.
    void startWithHouseholds()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        QVERIFY(!addUser(*m_server, kRudongReviewer, Role::Reviewer, u"320623000000"_s, {}).isEmpty());
        setChinaTime(QDate(2026, 3, 2));
        m_household = newHousehold(kVillage, u"王一"_s);
        m_householdVillage2 = newHousehold(kVillage2, u"王二"_s);
        m_householdOtherTown = newHousehold(kOtherTownVillage, u"邻镇户主"_s);
        m_householdOtherCounty = newHousehold(kOtherCountyVillage, u"如东户主"_s);
        QVERIFY(!m_household.isEmpty());
        QVERIFY(!m_householdVillage2.isEmpty());
        QVERIFY(!m_householdOtherTown.isEmpty());
        QVERIFY(!m_householdOtherCounty.isEmpty());
    }
};

} // namespace sunshine::test::reliefrecords
