// The registry as the server enforces it: households placed in a village of the writer's area, members with a
// valid 身份证号 unique across the city, quarterly income; who may write, and what a town's pull holds.
#include "tests/server/ReliefRecordsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::reliefrecords;

class TestReliefRegistry : public ReliefRecordsTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startWithHouseholds(); }
    void cleanupTestCase() { stopServer(); }

    // --- households: in a village, within the writer's area, by clerks and reviewers only ---

    void householdPlacement_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("orgUnitId");
        QTest::addColumn<int>("registeredYear");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString ok;
        // Art. 9: registered only by an approved identification case (the server's consequence), or imported
        // by a county reviewer for households registered before the system.
        QTest::newRow("county reviewer, a village of the county")
            << kCountyReviewer << kVillage << 2025 << ok << ok;
        QTest::newRow("county reviewer, registered in 2014")
            << kCountyReviewer << kVillage2 << 2014 << ok << ok;
        QTest::newRow("rudong reviewer, a village of 如东县")
            << kRudongReviewer << kOtherCountyVillage << 2026 << ok << ok;
        QTest::newRow("town clerk, own village: only through identification")
            << kTownClerk << kVillage << 2025 << u"FORBIDDEN"_s << u"status"_s;
        QTest::newRow("town reviewer, own village: only through identification")
            << kTownReviewer << kVillage2 << 2025 << u"FORBIDDEN"_s << u"status"_s;
        QTest::newRow("county clerk, a village of the county: only through identification")
            << u"county-clerk"_s << kVillage << 2025 << u"FORBIDDEN"_s << u"status"_s;
        QTest::newRow("city reviewer, any village: only through identification")
            << kCityReviewer << kOtherCountyVillage << 2025 << u"FORBIDDEN"_s << u"status"_s;
        QTest::newRow("county reviewer, county level")
            << kCountyReviewer << kCounty << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("county reviewer, town level")
            << kCountyReviewer << kTown << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("town clerk, another town's village")
            << kTownClerk << kOtherTownVillage << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("county reviewer, another county's village")
            << kCountyReviewer << kOtherCountyVillage << 2025 << u"FORBIDDEN"_s << QString();
        QTest::newRow("no such org unit")
            << kCountyReviewer << u"320612101299"_s << 2025 << u"VALIDATION_FAILED"_s << u"orgUnitId"_s;
        QTest::newRow("registered next year")
            << kCountyReviewer << kVillage << 2027 << u"VALIDATION_FAILED"_s << u"registeredYear"_s;
        QTest::newRow("registered before 2014")
            << kCountyReviewer << kVillage << 2013 << u"VALIDATION_FAILED"_s << u"registeredYear"_s;
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

QTEST_GUILESS_MAIN(TestReliefRegistry)
#include "tst_relief_registry.moc"
