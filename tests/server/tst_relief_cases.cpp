// Identification and exit cases as the server enforces them: step by step by the right reviewers, comparison
// hits by county or city reviewers only, registration on approval, exits at the year end.
#include "tests/server/ReliefRecordsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::reliefrecords;

class TestReliefCases : public ReliefRecordsTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startWithHouseholds(); }
    void cleanupTestCase() { stopServer(); }

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
        // The county's approval registered the household, with the applicant as its head, in the same push.
        const QString registered = relief::IdentificationCaseType::householdIdFor(caseId);
        QCOMPARE(stored.value(u"householdId"_s).toString(), registered);
        QCOMPARE(storedFields(registered).value(u"status"_s).toString(), u"registered"_s);
        QCOMPARE(storedFields(registered).value(u"headName"_s).toString(),
                 stored.value(u"applicantName"_s).toString());
        const QJsonObject head = storedFields(relief::IdentificationCaseType::headIdFor(caseId));
        QCOMPARE(head.value(u"householdId"_s).toString(), registered);
        QCOMPARE(head.value(u"idNumber"_s).toString(), stored.value(u"applicantIdNumber"_s).toString());
        QCOMPARE(head.value(u"relation"_s).toString(), u"head"_s);

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

    void approvalOfSomeoneRegisteredIsRefused()
    {
        // The applicant is registered in another household meanwhile: the approval cannot register them
        // twice, so it is refused whole (the case stays at its last step; no household is made).
        setChinaTime(QDate(2026, 6, 15));
        const QString caseId = identificationCaseAt(5, false);
        QVERIFY(!caseId.isEmpty());
        const QString applicant = storedFields(caseId).value(u"applicantIdNumber"_s).toString();
        QVERIFY(!create(kTownClerk, kMember, kVillage, memberFields(m_household, applicant, u"other"_s))
                     .isEmpty());
        const Answer a = appendStep(kCountyReviewer, kIdentification, caseId,
                                    identificationStep(5, userId(kCountyReviewer)));
        QVERIFY2(a.status() == u"rejected"_s && a.code() == u"DUPLICATE"_s, a.describe().constData());
        QCOMPARE(storedFields(caseId).value(u"steps"_s).toArray().size(), 5);
        QCOMPARE(version(relief::IdentificationCaseType::householdIdFor(caseId)), 0);
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
        const QString household = newHousehold(kVillage, u"退出户"_s);
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
        // Art. 8, 10: not below the income line (6,999.99 yuan is), at it yes.
        QJsonObject below = caseFields;
        below.insert(u"perCapitaIncomeFen"_s, 699999);
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kExit, caseId, kVillage, below)), "VALIDATION_FAILED",
                        "perCapitaIncomeFen");
        QJsonObject atLine = caseFields;
        atLine.insert(u"perCapitaIncomeFen"_s, 700000);
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kExit, caseId, kVillage, atLine)));
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
        // The county's confirmation marked the household exited, in the same push (Art. 10).
        QCOMPARE(storedFields(household).value(u"status"_s).toString(), u"exited"_s);
        QCOMPARE(storedFields(household).value(u"exitCaseId"_s).toString(), caseId);
        QCOMPARE(storedFields(household).value(u"exitYear"_s).toInt(), 2026);

        // Confirmed: the household stays out of the registry, and does not come back by a change of status.
        EXPECT_APPLIED(
            pushOne(kTownClerk,
                    upsert(kHousehold, household, kVillage,
                           {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}, {u"exitYear"_s, 2026}})));
        QCOMPARE(storedFields(household).value(u"status"_s).toString(), u"exited"_s);
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kHousehold, household, kVillage, {{u"status"_s, u"registered"_s}})),
            "VALIDATION_FAILED", "status");

        // Another household of the village cannot leave on this household's confirmed case.
        const QString other = newHousehold(kVillage, u"搭车退出户"_s);
        QVERIFY(!other.isEmpty());
        const Answer a = pushOne(kTownClerk, upsert(kHousehold, other, kVillage,
                                                    {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}}));
        QVERIFY2(a.status() == u"rejected"_s && a.field() == u"exitCaseId"_s, a.describe().constData());

        // The window runs to January 31 (judged by the step's date); February 1 is outside.
        const QString late = newHousehold(kVillage, u"次年退出户"_s);
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
};

QTEST_GUILESS_MAIN(TestReliefCases)
#include "tst_relief_cases.moc"
