// Assistance as the server enforces it: pairings of helpers and households, visits in their quarter's window
// and the late-sync rule when entry closes, help requests and their public lookup.
#include "tests/server/ReliefRecordsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::reliefrecords;

class TestReliefAssistance : public ReliefRecordsTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startWithHouseholds(); }
    void cleanupTestCase() { stopServer(); }

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

    // --- weak villages (Art. 19): the city designates its own and pairs each with a city department ---

    void weakVillage_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("designation");
        QTest::addColumn<QString>("department"); // "city", "county", "unknown" or "" (none)
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString ok;
        QTest::newRow("city: by the city, a city department")
            << kCityClerk << u"city"_s << u"city"_s << ok << ok;
        QTest::newRow("city: by a county reviewer")
            << kCountyReviewer << u"city"_s << u"city"_s << u"FORBIDDEN"_s << u"designation"_s;
        QTest::newRow("city: a county department")
            << kCityClerk << u"city"_s << u"county"_s << u"VALIDATION_FAILED"_s << u"pairedDepartmentId"_s;
        QTest::newRow("city: no department")
            << kCityReviewer << u"city"_s << QString() << u"VALIDATION_FAILED"_s << u"pairedDepartmentId"_s;
        QTest::newRow("city: an unknown department")
            << kCityClerk << u"city"_s << u"unknown"_s << u"NOT_FOUND"_s << u"pairedDepartmentId"_s;
        QTest::newRow("provincial: by a county reviewer")
            << kCountyReviewer << u"provincial"_s << QString() << ok << ok;
        QTest::newRow("provincial: a county department")
            << kCountyReviewer << u"provincial"_s << u"county"_s << ok << ok;
        QTest::newRow("provincial: by a town clerk")
            << kTownClerk << u"provincial"_s << QString() << u"FORBIDDEN"_s << QString();
    }

    void weakVillage()
    {
        QFETCH(QString, username);
        QFETCH(QString, designation);
        QFETCH(QString, department);
        QFETCH(QString, code);
        QFETCH(QString, field);
        setChinaTime(QDate(2026, 3, 2));
        // A village of the demo county the demo did not designate.
        QString village, id;
        for (int n = 0; n < 18 && village.isEmpty(); ++n) {
            const QString candidate = DemoData::villageId(kOtherTown, n);
            const QString candidateId = relief::WeakVillageType::recordIdFor(candidate);
            if (version(candidateId) == 0 && !m_weakVillagesUsed.contains(candidate)) {
                village = candidate;
                id = candidateId;
            }
        }
        QVERIFY(!village.isEmpty());
        m_weakVillagesUsed.insert(village);
        QJsonObject fields{{u"designation"_s, designation}, {u"year"_s, 2025}};
        if (department == u"city"_s)
            fields.insert(u"pairedDepartmentId"_s, QString(kCity + u"-agriculture"_s));
        else if (department == u"county"_s)
            fields.insert(u"pairedDepartmentId"_s, QString(kCounty + u"-agriculture"_s));
        else if (department == u"unknown"_s)
            fields.insert(u"pairedDepartmentId"_s, QString(kCity + u"-no-such-office"_s));
        EXPECT_OUTCOME(pushOne(username, upsert(u"weak-village"_s, id, village, fields)), code, field);
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

private:
    QSet<QString> m_weakVillagesUsed;
};

QTEST_GUILESS_MAIN(TestReliefAssistance)
#include "tst_relief_assistance.moc"
