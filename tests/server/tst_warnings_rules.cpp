// The first warning rules as the server evaluates them, table-driven with records that must and must not
// raise them: pushed by the demo accounts, found through the queue each push fills (incremental) and by the
// full run, never raised twice, and settings (versions, switching off, dry runs) as a city administrator uses
// them.
#include "common/funds/FundFlowTypes.h"
#include "common/relief/ReliefWarnings.h"
#include "tests/server/WarningsTest.h"
#include "tests/support/SyncHarness.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

class TestWarningRules : public WarningsTest
{
    Q_OBJECT

private:
    QString m_allocationClerk; // a clerk of the county poverty office, made once

    QString helpRequest(QDate raisedOn, const QJsonObject &more = {})
    {
        QJsonObject fields{{u"householdId"_s, m_household},
                           {u"raisedOn"_s, iso(raisedOn)},
                           {u"category"_s, u"medical"_s},
                           {u"content"_s, u"住院费用报销后仍有较大缺口"_s},
                           {u"requester"_s, u"王一"_s}};
        for (auto it = more.constBegin(); it != more.constEnd(); ++it)
            fields.insert(it.key(), it.value());
        const QString id = newId();
        fields.insert(u"lookupCode"_s, relief::helpLookupCode(id));
        return create(kTownClerk, kHelpRequest, kVillage, fields, id);
    }

    QJsonObject putRule(const QString &code, const QJsonObject &body, const QString &user = kCityAdmin,
                        int *status = nullptr)
    {
        const HttpResult r =
            m_http->request("PUT", u"/api/v1/admin/warnings/rules/"_s + code, body, token(user));
        if (status)
            *status = r.status;
        return r.json;
    }

private slots:
    void initTestCase() { startWithHouseholds(); }
    void cleanupTestCase() { stopServer(); }

    void commonPlace()
    {
        QCOMPARE(rules::commonOrgPath({u"/a/b/c/"_s, u"/a/b/d/"_s}), u"/a/b/"_s);
        QCOMPARE(rules::commonOrgPath({u"/a/b/c/"_s, u"/a/b/c/"_s}), u"/a/b/c/"_s);
        QCOMPARE(rules::commonOrgPath({u"/a/b/c/"_s, u"/a/x/"_s}), u"/a/"_s);
        QCOMPARE(rules::unitOfPath(u"/a/b/"_s), u"b"_s);
    }

    // --- BENEFICIARY_DUPLICATE ---

    void beneficiaryDuplicate_data()
    {
        QTest::addColumn<QStringList>("places");  // one payment per entry
        QTest::addColumn<QStringList>("periods"); // of each payment
        QTest::addColumn<int>("deleted");         // payments deleted again (the last ones)
        QTest::addColumn<int>("expected");        // payments in the warning; 0: no warning
        QTest::addColumn<QString>("placedAt");
        QTest::newRow("twice in one village")
            << QStringList{kVillage, kVillage} << QStringList{u"2026-05"_s, u"2026-05"_s} << 0 << 2
            << kVillage;
        QTest::newRow("three times") << QStringList{kVillage, kVillage, kVillage2}
                                     << QStringList{u"2026-05"_s, u"2026-05"_s, u"2026-05"_s} << 0 << 3
                                     << kTown;
        QTest::newRow("in two towns of the county")
            << QStringList{kVillage, kOtherTownVillage} << QStringList{u"2026-05"_s, u"2026-05"_s} << 0 << 2
            << kCounty;
        QTest::newRow("different periods") << QStringList{kVillage, kVillage}
                                           << QStringList{u"2026-05"_s, u"2026-06"_s} << 0 << 0 << QString();
        QTest::newRow("paid once") << QStringList{kVillage} << QStringList{u"2026-05"_s} << 0 << 0
                                   << QString();
        QTest::newRow("second payment deleted before the run")
            << QStringList{kVillage, kVillage} << QStringList{u"2026-05"_s, u"2026-05"_s} << 1 << 0
            << QString();
    }

    void beneficiaryDuplicate()
    {
        QFETCH(QStringList, places);
        QFETCH(QStringList, periods);
        QFETCH(int, deleted);
        QFETCH(int, expected);
        QFETCH(QString, placedAt);
        setChinaTime(QDate(2026, 6, 15));
        const QString person = freshIdNumber();
        QStringList ids;
        for (qsizetype i = 0; i < places.size(); ++i) {
            ids.append(pay(places.at(i), paymentFields(person, periods.at(i), QDate(2026, 6, 10))));
            QVERIFY(!ids.last().isEmpty());
        }
        for (int i = 0; i < deleted; ++i) {
            QJsonObject op =
                remove(kDisbursement, ids.at(ids.size() - 1 - i), places.at(places.size() - 1 - i));
            op.insert(u"departmentId"_s, kAgriculture);
            EXPECT_APPLIED(pushOne(kCountyClerk, op));
        }
        QVERIFY(queued() > 0);
        const QJsonObject report = drain();
        QCOMPARE(queued(), 0);
        const QString k = key(u"BENEFICIARY_DUPLICATE"_s, u"person"_s, rules::personSubjectId(person),
                              personLine().code + u'/' + periods.first());
        const QJsonObject w = warning(k);
        if (expected == 0) {
            QVERIFY2(w.isEmpty(), report.value(u"raised"_s).toVariant().toByteArray().constData());
            fullRun(); // the full run agrees: nothing about this person
            QVERIFY(warning(k).isEmpty());
            return;
        }
        QCOMPARE(w.value(u"severity"_s).toString(), u"red"_s);
        QCOMPARE(w.value(u"state"_s).toString(), u"new"_s);
        QCOMPARE(w.value(u"idNumber"_s).toString(), person);
        QCOMPARE(w.value(u"disciplineCopy"_s).toBool(), true);
        QCOMPARE(w.value(u"ownerDepartment"_s).toString(), u"agriculture"_s);
        QVERIFY(!w.value(u"summary"_s).toString().contains(person));
        const QJsonObject evidence =
            QJsonDocument::fromJson(w.value(u"evidence"_s).toString().toUtf8()).object();
        QCOMPARE(evidence.value(u"count"_s).toInt(), expected);
        QCOMPARE(evidence.value(u"records"_s).toArray().size(), expected);
        QVERIFY(!w.value(u"evidence"_s).toString().contains(person));
        SqlQuery q(m_server->store(), u"SELECT org_unit_id, department_id FROM records WHERE id = ?"_s);
        q.bindText(warnings::WarningType::recordIdFor(k)).exec();
        QVERIFY(q.next());
        QCOMPARE(q.text(0), placedAt);
        QCOMPARE(q.text(1), kAgriculture);
        // Raised once: the full run finds it again and raises nothing for it.
        const qint64 before = warningCount();
        fullRun();
        QCOMPARE(version(warnings::WarningType::recordIdFor(k)), 1);
        QVERIFY(warningCount() >= before);
    }

    // --- ENTRY_OVERDUE ---

    void entryOverdue_data()
    {
        QTest::addColumn<QString>("village");
        QTest::addColumn<QList<QDate>>("paidOn"); // one payment each, entered on 2026-06-15
        QTest::addColumn<int>("expected");        // late payments in the day's batch; 0: no warning
        // Entry due 7 working days after payment (rule 5): 06-01 → 06-10; 06-10 → 06-22 (06-19 端午节).
        QTest::newRow("one entered late") << kVillage << QList<QDate>{QDate(2026, 6, 1)} << 1;
        QTest::newRow("two late, one batch")
            << kVillage2 << QList<QDate>{QDate(2026, 6, 1), QDate(2026, 6, 2)} << 2;
        QTest::newRow("on time (due after the holiday)")
            << kOtherTownVillage << QList<QDate>{QDate(2026, 6, 10)} << 0;
    }

    void entryOverdue()
    {
        QFETCH(QString, village);
        QFETCH(QList<QDate>, paidOn);
        QFETCH(int, expected);
        setChinaTime(QDate(2026, 6, 15));
        for (const QDate &d : paidOn)
            QVERIFY(!pay(village, paymentFields(freshIdNumber(), u"2026-06"_s, d)).isEmpty());
        drain();
        const QString k =
            key(u"ENTRY_OVERDUE"_s, u"village"_s, village, personLine().code + u"/2026-06/2026-06-15"_s);
        const QJsonObject w = warning(k);
        if (expected == 0) {
            QVERIFY(w.isEmpty());
            fullRun();
            QVERIFY(warning(k).isEmpty());
            return;
        }
        QCOMPARE(w.value(u"severity"_s).toString(), u"yellow"_s);
        const QJsonObject evidence =
            QJsonDocument::fromJson(w.value(u"evidence"_s).toString().toUtf8()).object();
        QCOMPARE(evidence.value(u"count"_s).toInt(), expected);
        QCOMPARE(evidence.value(u"enteredOn"_s).toString(), u"2026-06-15"_s);
    }

    void allocationReport_data()
    {
        QTest::addColumn<QDate>("reportedOn"); // invalid: not reported
        QTest::addColumn<QString>("expected"); // words of the summary; empty: no warning
        // Central money received 2026-05-06 is reported within 5 working days: by 2026-05-12 (Saturday 05-09
        // is a make-up workday).
        QTest::newRow("not reported") << QDate() << u"至今未报"_s;
        QTest::newRow("reported late") << QDate(2026, 5, 20) << u"才报"_s;
        QTest::newRow("reported on the last day") << QDate(2026, 5, 12) << QString();
        QTest::newRow("a day after (make-up Saturday counted)") << QDate(2026, 5, 13) << u"才报"_s;
    }

    void allocationReport()
    {
        QFETCH(QDate, reportedOn);
        QFETCH(QString, expected);
        setChinaTime(QDate(2026, 6, 15));
        // Central relief money (慰问金, the poverty office's line): Art. 6 (一) asks for the report.
        const QString poverty = kCounty + u"-poverty-office"_s;
        const QString clerk = u"tz-poverty-allocations"_s;
        if (m_allocationClerk.isEmpty())
            m_allocationClerk = addUser(*m_server, clerk, Role::Clerk, kCounty, poverty);
        QJsonObject fields{{u"fundCode"_s, u"any-condolence-money"_s},
                           {u"sourceLevel"_s, u"central"_s},
                           {u"year"_s, 2026},
                           {u"amountFen"_s, 50000000},
                           {u"documentNo"_s, u"通财社〔2026〕12号"_s},
                           {u"receivedOn"_s, u"2026-05-06"_s},
                           {u"account"_s, u"social-security"_s}};
        if (reportedOn.isValid())
            fields.insert(u"reportedOn"_s, iso(reportedOn));
        const QString id = newId();
        QJsonObject op = upsert(QString::fromUtf16(funds::AllocationType::kName), id, kCounty, fields);
        op.insert(u"departmentId"_s, poverty);
        EXPECT_APPLIED(pushOne(clerk, op));
        drain();
        const QJsonObject w = warning(key(u"ENTRY_OVERDUE"_s, u"fund-allocation"_s, id, QString()));
        if (expected.isEmpty()) {
            QVERIFY(w.isEmpty());
            return;
        }
        QVERIFY2(w.value(u"summary"_s).toString().contains(expected),
                 qPrintable(w.value(u"summary"_s).toString()));
    }

    // Agricultural money from the centre has no report to the city (Art. 6 (一) is about relief funds): no
    // warning, even entered late.
    void agriculturalAllocationHasNoReport()
    {
        setChinaTime(QDate(2026, 6, 15));
        const QString id = newId();
        QJsonObject op = upsert(QString::fromUtf16(funds::AllocationType::kName), id, kCounty,
                                {{u"fundCode"_s, personLine().code},
                                 {u"sourceLevel"_s, u"central"_s},
                                 {u"year"_s, 2026},
                                 {u"amountFen"_s, 50000000},
                                 {u"documentNo"_s, u"通财农〔2026〕13号"_s},
                                 {u"receivedOn"_s, u"2026-05-06"_s},
                                 {u"account"_s, u"agriculture"_s}});
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_APPLIED(pushOne(kCountyClerk, op));
        drain();
        QVERIFY(warning(key(u"ENTRY_OVERDUE"_s, u"fund-allocation"_s, id, QString())).isEmpty());
        SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        QVERIFY(q.next());
        const QJsonObject stored = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
        QVERIFY(!stored.contains(u"reportDueOn"_s));
        // Its documents were due within 5 working days of receipt (Art. 7): 05-12 (Saturday 05-09 is a
        // make-up workday).
        QCOMPARE(stored.value(u"entryDueOn"_s).toString(), u"2026-05-12"_s);
    }

    // --- HELP_REQUEST_OVERDUE ---

    void helpRequestOverdue_data()
    {
        QTest::addColumn<QDate>("raisedOn");
        QTest::addColumn<QJsonObject>("handled");
        QTest::addColumn<QString>("expected"); // the deadline let pass; empty: no warning
        const QJsonObject answered{{u"acceptedOn"_s, u"2026-06-02"_s},
                                   {u"answeredOn"_s, u"2026-06-03"_s},
                                   {u"answer"_s, u"已受理，转镇民政办核实"_s}};
        QJsonObject assigned = answered;
        assigned.insert(u"assignedOn"_s, u"2026-06-03"_s);
        assigned.insert(u"assignedTo"_s, u"镇民政办"_s);
        QJsonObject assignedEarly{{u"acceptedOn"_s, u"2026-05-19"_s},
                                  {u"answeredOn"_s, u"2026-05-19"_s},
                                  {u"answer"_s, u"已受理，转镇民政办核实"_s}};
        assignedEarly.insert(u"assignedOn"_s, u"2026-05-20"_s);
        assignedEarly.insert(u"assignedTo"_s, u"镇民政办"_s);
        // Answer due 5 working days after raising; result 10 after the slip (06-03 → 06-18; 05-20 → 06-03).
        QTest::newRow("not answered in 5 working days") << QDate(2026, 6, 1) << QJsonObject() << u"answer"_s;
        QTest::newRow("answered in time") << QDate(2026, 6, 1) << answered << QString();
        QTest::newRow("result not yet due") << QDate(2026, 6, 1) << assigned << QString();
        QTest::newRow("result overdue") << QDate(2026, 5, 18) << assignedEarly << u"result"_s;
        QTest::newRow("raised today") << QDate(2026, 6, 15) << QJsonObject() << QString();
    }

    void helpRequestOverdue()
    {
        QFETCH(QDate, raisedOn);
        QFETCH(QJsonObject, handled);
        QFETCH(QString, expected);
        setChinaTime(QDate(2026, 6, 15));
        const QString id = helpRequest(raisedOn, handled);
        QVERIFY(!id.isEmpty());
        drain();
        for (const QString &deadline : {u"answer"_s, u"result"_s}) {
            const QJsonObject w = warning(key(u"HELP_REQUEST_OVERDUE"_s, kHelpRequest, id, deadline));
            QCOMPARE(!w.isEmpty(), deadline == expected);
            if (!w.isEmpty())
                QCOMPARE(w.value(u"severity"_s).toString(), u"orange"_s);
        }
    }

    // A deadline that passes overnight raises in the full run, with no new record and nothing queued.
    void deadlinePassedOvernight()
    {
        setChinaTime(QDate(2026, 6, 15));
        const QString id = helpRequest(QDate(2026, 6, 15));
        drain();
        const QString k = key(u"HELP_REQUEST_OVERDUE"_s, kHelpRequest, id, u"answer"_s);
        QVERIFY(warning(k).isEmpty());
        setChinaTime(QDate(2026, 6, 24)); // answer due 06-23 (06-19 to 06-21 端午节)
        drain();
        QCOMPARE(queued(), 0);
        QVERIFY(warning(k).isEmpty());
        const QJsonObject report = fullRun();
        QVERIFY(report.value(u"raised"_s).toInteger() >= 1);
        QCOMPARE(warning(k).value(u"raisedOn"_s).toString(), u"2026-06-24"_s);
    }

    // --- VISIT_MISSING ---

    void visitMissing()
    {
        setChinaTime(QDate(2026, 3, 2));
        const QString visited = newPairing();
        const QString notVisited = newPairing();
        QVERIFY(!visited.isEmpty() && !notVisited.isEmpty());
        setChinaTime(QDate(2026, 3, 25));
        QVERIFY(!create(kTownClerk, kVisit, kVillage, visitFields(visited, u"2026Q1"_s, QDate(2026, 3, 25)),
                        relief::VisitType::recordIdFor(visited, u"2026Q1"_s))
                     .isEmpty());
        setChinaTime(QDate(2026, 5, 4));
        const QString lateStart = newPairing(); // from 2026-01-05 too, but made now: the rule reads the dates
        QVERIFY(!lateStart.isEmpty());
        // Before entry for Q1 closes (04-11) nothing is due; the last quarter due on 04-10 is 2025Q4.
        QCOMPARE(relief::VisitMissingRule::quarterDue(QDate(2026, 4, 10)).toString(), u"2025Q4"_s);
        QCOMPARE(relief::VisitMissingRule::quarterDue(QDate(2026, 4, 11)).toString(), u"2026Q1"_s);
        fullRun();
        QVERIFY(!warning(key(u"VISIT_MISSING"_s, kPairing, notVisited, u"2026Q1"_s)).isEmpty());
        QVERIFY(!warning(key(u"VISIT_MISSING"_s, kPairing, lateStart, u"2026Q1"_s)).isEmpty());
        QVERIFY(warning(key(u"VISIT_MISSING"_s, kPairing, visited, u"2026Q1"_s)).isEmpty());
        // A pairing ended before the window opened owes no visit.
        const QJsonObject ended{{u"endDate"_s, u"2026-03-10"_s}};
        const QString endedEarly = newPairing();
        QVERIFY(!endedEarly.isEmpty());
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kPairing, endedEarly, kVillage, ended)));
        drain();
        QVERIFY(warning(key(u"VISIT_MISSING"_s, kPairing, endedEarly, u"2026Q1"_s)).isEmpty());
    }

    // --- HOUSEHOLD_ABOVE_LINE ---

    void householdAboveLine_data()
    {
        QTest::addColumn<qint64>("wagesPerQuarter"); // one member, four quarters of 2026
        QTest::addColumn<bool>("exitBegun");
        QTest::addColumn<bool>("expected");
        QTest::newRow("8,000 a year") << qint64(200000) << false << true;
        QTest::newRow("exactly 7,000") << qint64(175000) << false << true;
        QTest::newRow("6,000 a year") << qint64(150000) << false << false;
        QTest::newRow("above, exit under way") << qint64(200000) << true << false;
    }

    void householdAboveLine()
    {
        QFETCH(qint64, wagesPerQuarter);
        QFETCH(bool, exitBegun);
        QFETCH(bool, expected);
        setChinaTime(QDate(2026, 11, 2));
        const QString household = newHousehold();
        QVERIFY(!household.isEmpty());
        if (exitBegun) {
            QVERIFY(!create(kTownClerk, kExit, kVillage,
                            {{u"householdId"_s, household},
                             {u"year"_s, 2026},
                             {u"perCapitaIncomeFen"_s, wagesPerQuarter * 4},
                             {u"reason"_s, u"务工收入稳定"_s},
                             {u"steps"_s, QJsonArray()}},
                            relief::ExitCaseType::recordIdFor(household, 2026))
                         .isEmpty());
        }
        for (int q = 1; q <= 4; ++q) {
            const QString quarter = u"2026Q"_s + QString::number(q);
            QVERIFY(!create(kTownClerk, kIncome, kVillage,
                            {{u"householdId"_s, household},
                             {u"quarter"_s, quarter},
                             {u"wagesFen"_s, wagesPerQuarter},
                             {u"members"_s, 1}},
                            relief::HouseholdIncomeType::recordIdFor(household, quarter))
                         .isEmpty());
        }
        drain();
        const QString k = key(u"HOUSEHOLD_ABOVE_LINE"_s, kHousehold, household, u"2026Q4"_s);
        QCOMPARE(!warning(k).isEmpty(), expected);
        fullRun();
        QCOMPARE(!warning(k).isEmpty(), expected);
    }

    // --- PAID_AFTER_EXIT ---

    void paidAfterExit()
    {
        setChinaTime(QDate(2026, 12, 10));
        const QString household = newHousehold(kVillage, u"退出户"_s);
        QVERIFY(!household.isEmpty());
        // Payments reach the household through its members' ID numbers.
        const QString head = freshIdNumber();
        QVERIFY(!create(kTownClerk, kMember, kVillage, memberFields(household, head)).isEmpty());
        const QString caseId = relief::ExitCaseType::recordIdFor(household, 2026);
        QVERIFY(!create(kTownClerk, kExit, kVillage,
                        {{u"householdId"_s, household},
                         {u"year"_s, 2026},
                         {u"perCapitaIncomeFen"_s, 1250000},
                         {u"reason"_s, u"务工收入稳定"_s},
                         {u"steps"_s, QJsonArray()}},
                        caseId)
                     .isEmpty());
        const QList<std::tuple<QString, QDate, QString>> steps{
            {u"village-review"_s, QDate(2026, 12, 1), kTownReviewer},
            {u"town-review"_s, QDate(2026, 12, 3), kTownReviewer},
            {u"county-confirmation"_s, QDate(2026, 12, 5), kCountyReviewer}};
        for (const auto &[step, day, who] : steps)
            EXPECT_APPLIED(appendStep(who, kExit, caseId, stepJson(step, day, userId(who))));
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kHousehold, household, kVillage,
                                                  {{u"status"_s, u"exited"_s}, {u"exitCaseId"_s, caseId}})));
        // 慰问金 (relief, poverty office, once, to households), entered by a clerk of the county poverty
        // office.
        const QString poverty = kCounty + u"-poverty-office"_s;
        const QString povertyClerk = u"tz-poverty-office-clerk"_s;
        addUser(*m_server, povertyClerk, Role::Clerk, kCounty, poverty);
        auto condolence = [&](QDate paidOn) {
            return pay(kVillage,
                       {{u"fundCode"_s, u"any-condolence-money"_s},
                        {u"recipientKind"_s, u"household"_s},
                        {u"recipientName"_s, u"退出户"_s},
                        {u"idNumber"_s, head},
                        {u"amountFen"_s, 50000},
                        {u"period"_s, u"2026-12"_s},
                        {u"paidOn"_s, iso(paidOn)}},
                       povertyClerk, poverty);
        };
        const QString before = condolence(QDate(2026, 12, 4));
        const QString after = condolence(QDate(2026, 12, 8));
        QVERIFY(!before.isEmpty() && !after.isEmpty());
        // Agricultural money goes to every farming household, exited or not.
        const QString farming = pay(kVillage, paymentFields(head, u"2026-12"_s, QDate(2026, 12, 8)));
        QVERIFY(!farming.isEmpty());
        // With a grace of 5 days the payment three days after the confirmation is not found.
        const HttpResult dry =
            m_http->post(u"/api/v1/admin/warnings/rules/PAID_AFTER_EXIT/dry-run"_s,
                         {{u"parameters"_s, QJsonObject{{u"graceDays"_s, 5}}}}, token(kCityAdmin));
        QCOMPARE(dry.status, 200);
        QCOMPARE(dry.json.value(u"findings"_s).toInteger(), 0);
        QCOMPARE(storedFields(after).value(u"householdId"_s).toString(), household);
        QCOMPARE(storedFields(farming).value(u"householdId"_s).toString(), household);
        drain();
        QVERIFY(!warning(key(u"PAID_AFTER_EXIT"_s, kDisbursement, after, QString())).isEmpty());
        QVERIFY(warning(key(u"PAID_AFTER_EXIT"_s, kDisbursement, before, QString())).isEmpty());
        QVERIFY(warning(key(u"PAID_AFTER_EXIT"_s, kDisbursement, farming, QString())).isEmpty());
        const QJsonObject w = warning(key(u"PAID_AFTER_EXIT"_s, kDisbursement, after, QString()));
        QCOMPARE(w.value(u"severity"_s).toString(), u"red"_s);
        QCOMPARE(w.value(u"ownerDepartment"_s).toString(), u"poverty-office"_s);
    }

    // --- RETURNS_UNDISTRIBUTED ---

    void returnsUndistributed_data()
    {
        QTest::addColumn<QDate>("receivedOn");
        QTest::addColumn<qint64>("distributedFen"); // of an income of 10,000 yuan, to one village
        QTest::addColumn<bool>("expected");
        // Distributed within 90 days (the default) of confirming the income; today 2026-06-15.
        QTest::newRow("105 days, nothing distributed") << QDate(2026, 3, 2) << qint64(0) << true;
        QTest::newRow("105 days, half distributed") << QDate(2026, 3, 2) << qint64(500000) << true;
        QTest::newRow("105 days, all distributed") << QDate(2026, 3, 2) << qint64(1000000) << false;
        QTest::newRow("90 days, nothing distributed yet") << QDate(2026, 3, 17) << qint64(0) << false;
    }

    void returnsUndistributed()
    {
        QFETCH(QDate, receivedOn);
        QFETCH(qint64, distributedFen);
        QFETCH(bool, expected);
        setChinaTime(QDate(2026, 6, 15));
        QJsonObject fields{{u"fundCode"_s, personLine().code},
                           {u"year"_s, 2026},
                           {u"asset"_s, u"光伏电站（测试）"_s},
                           {u"incomeFen"_s, 1000000},
                           {u"receivedOn"_s, iso(receivedOn)}};
        if (distributedFen > 0)
            fields.insert(u"distribution"_s, QJsonArray{QJsonObject{{u"targetKind"_s, u"village"_s},
                                                                    {u"targetId"_s, kVillage},
                                                                    {u"amountFen"_s, distributedFen}}});
        const QString id = newId();
        QJsonObject op = upsert(QString::fromUtf16(funds::ReturnType::kName), id, kCounty, fields);
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_APPLIED(pushOne(kCountyClerk, op));
        drain();
        const QString k = key(u"RETURNS_UNDISTRIBUTED"_s, u"fund-return"_s, id, QString());
        QCOMPARE(!warning(k).isEmpty(), expected);
        if (expected)
            QVERIFY(warning(k).value(u"disciplineCopy"_s).toBool()); // Art. 28: the 纪委 is informed
    }

    // --- runs ---

    void secondRunRaisesNothing()
    {
        setChinaTime(QDate(2026, 6, 16));
        fullRun();
        const qint64 count = warningCount();
        const QJsonObject again = fullRun();
        QCOMPARE(again.value(u"raised"_s).toInteger(), 0);
        QVERIFY(again.value(u"findings"_s).toInteger() > 0);
        QCOMPARE(warningCount(), count);
    }

    // --- settings ---

    void switchedOffRaisesNothing()
    {
        setChinaTime(QDate(2026, 6, 16));
        QJsonObject s = putRule(u"BENEFICIARY_DUPLICATE"_s, {{u"enabled"_s, false}});
        QCOMPARE(s.value(u"enabled"_s).toBool(), false);
        const int version = s.value(u"version"_s).toInt();
        QVERIFY(version >= 1);
        const QString person = freshIdNumber();
        for (int i = 0; i < 2; ++i)
            QVERIFY(!pay(kVillage, paymentFields(person, u"2026-04"_s, QDate(2026, 6, 12))).isEmpty());
        drain();
        fullRun();
        const QString k = key(u"BENEFICIARY_DUPLICATE"_s, u"person"_s, rules::personSubjectId(person),
                              personLine().code + u"/2026-04"_s);
        QVERIFY(warning(k).isEmpty());
        s = putRule(u"BENEFICIARY_DUPLICATE"_s, {{u"enabled"_s, true}});
        QCOMPARE(s.value(u"version"_s).toInt(), version + 1);
        fullRun();
        QVERIFY(!warning(k).isEmpty());
    }

    void dryRun()
    {
        setChinaTime(QDate(2026, 6, 17));
        // A batch of two late payments, not yet evaluated (the queue is not drained).
        const QString village = DemoData::villageId(kOtherTown, 1);
        for (int i = 0; i < 2; ++i)
            QVERIFY(!pay(village, paymentFields(freshIdNumber(), u"2026-06"_s, QDate(2026, 6, 2))).isEmpty());
        const qint64 count = warningCount();
        const auto sampleHas = [&](const QJsonObject &answer) {
            const QJsonArray sample = answer.value(u"sample"_s).toArray();
            return std::any_of(sample.begin(), sample.end(), [&](const QJsonValue &v) {
                return v.toObject().value(u"subjectId"_s).toString() == village;
            });
        };
        const QString path = u"/api/v1/admin/warnings/rules/ENTRY_OVERDUE/dry-run"_s;
        HttpResult r =
            m_http->post(path, {{u"parameters"_s, QJsonObject{{u"minCount"_s, 2}}}}, token(kCityAdmin));
        QCOMPARE(r.status, 200);
        QVERIFY(sampleHas(r.json));
        QVERIFY(r.json.value(u"alreadyRaised"_s).toInteger() > 0); // the earlier batches of two
        r = m_http->post(path, {{u"parameters"_s, QJsonObject{{u"minCount"_s, 3}}}}, token(kCityAdmin));
        QCOMPARE(r.status, 200);
        QVERIFY(!sampleHas(r.json));
        QCOMPARE(warningCount(), count); // nothing written
        const QJsonArray sample = r.json.value(u"sample"_s).toArray();
        for (const QJsonValue &v : sample)
            QVERIFY(!v.toObject().contains(u"idNumber"_s)); // no ID numbers in a dry run
    }

    void settingsRefused_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("county administrator") << u"county-admin"_s << u"ENTRY_OVERDUE"_s
                                              << QJsonObject{{u"enabled"_s, false}} << 403 << u"FORBIDDEN"_s;
        QTest::newRow("city clerk") << u"city-clerk"_s << u"ENTRY_OVERDUE"_s
                                    << QJsonObject{{u"enabled"_s, false}} << 403 << u"FORBIDDEN"_s;
        QTest::newRow("unknown rule")
            << kCityAdmin << u"NO_SUCH_RULE"_s << QJsonObject{{u"enabled"_s, false}} << 404 << u"NOT_FOUND"_s;
        QTest::newRow("out of range") << kCityAdmin << u"ENTRY_OVERDUE"_s
                                      << QJsonObject{{u"parameters"_s, QJsonObject{{u"minCount"_s, 0}}}}
                                      << 422 << u"VALIDATION_FAILED"_s;
        QTest::newRow("unknown parameter")
            << kCityAdmin << u"ENTRY_OVERDUE"_s << QJsonObject{{u"parameters"_s, QJsonObject{{u"days"_s, 3}}}}
            << 422 << u"VALIDATION_FAILED"_s;
        QTest::newRow("not an integer")
            << kCityAdmin << u"ENTRY_OVERDUE"_s
            << QJsonObject{{u"parameters"_s, QJsonObject{{u"minCount"_s, 1.5}}}} << 400 << u"INVALID_TYPE"_s;
        QTest::newRow("unknown field")
            << kCityAdmin << u"ENTRY_OVERDUE"_s << QJsonObject{{u"on"_s, true}} << 400 << u"UNKNOWN_FIELD"_s;
    }

    void settingsRefused()
    {
        QFETCH(QString, user);
        QFETCH(QString, code);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        setChinaTime(QDate(2026, 6, 17));
        const HttpResult r =
            m_http->request("PUT", u"/api/v1/admin/warnings/rules/"_s + code, body, token(user));
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), error);
        QVERIFY(isChinese(r.errorMessage()));
        // Every signed-in user may read the rules.
        const HttpResult list = m_http->get(u"/api/v1/warnings/rules"_s, token(user));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(u"items"_s).toArray().size(), rules::RuleRegistry::all().size());
    }
};

QTEST_GUILESS_MAIN(TestWarningRules)
#include "tst_warnings_rules.moc"
