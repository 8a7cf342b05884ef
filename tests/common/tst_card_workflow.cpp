// 村务卡 (MODULES.md §1), the two workflows step by step and actor by actor, table-driven: a spend request's
// approval (the body its tier needs, the town 三资 centre's approval of the top tier, refusal) and a claim's
// checks (村监委, 农经站, booking, return and resubmission), each refused to the wrong role or level.
#include "tests/common/CardRuleSupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::card;
using namespace sunshine::cardtest;

class TestCardWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- the spend request's approval ---

    void requestSteps_data()
    {
        QTest::addColumn<QStringList>("history");
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<qint64>("estimate");
        QTest::addColumn<bool>("allowed");
        const QString clerk = u"town-clerk"_s, reviewer = u"town-reviewer"_s;
        QTest::newRow("director, 300 yuan")
            << QStringList{} << u"approve:director"_s << clerk << qint64(30'000) << true;
        QTest::newRow("director, 500 yuan")
            << QStringList{} << u"approve:director"_s << clerk << qint64(50'000) << true;
        QTest::newRow("director, 800 yuan: needs the committees")
            << QStringList{} << u"approve:director"_s << clerk << qint64(80'000) << false;
        QTest::newRow("committees, 800 yuan")
            << QStringList{} << u"approve:committees"_s << clerk << qint64(80'000) << true;
        QTest::newRow("committees, 300 yuan (a higher body)")
            << QStringList{} << u"approve:committees"_s << clerk << qint64(30'000) << true;
        QTest::newRow("committees, 1,200 yuan")
            << QStringList{} << u"approve:committees"_s << clerk << qint64(120'000) << false;
        QTest::newRow("representatives, 1,200 yuan")
            << QStringList{} << u"approve:representatives"_s << clerk << qint64(120'000) << true;
        QTest::newRow("recorded by a town reviewer")
            << QStringList{} << u"approve:director"_s << reviewer << qint64(30'000) << true;
        QTest::newRow("no body") << QStringList{} << u"approve:"_s << clerk << qint64(30'000) << false;
        QTest::newRow("unknown body")
            << QStringList{} << u"approve:mayor"_s << clerk << qint64(30'000) << false;
        QTest::newRow("no signer") << QStringList{} << u"approve:director:"_s << clerk << qint64(30'000)
                                   << false;
        QTest::newRow("by a county reviewer")
            << QStringList{} << u"approve:director"_s << u"county-reviewer"_s << qint64(30'000) << false;
        QTest::newRow("by a village clerk")
            << QStringList{} << u"approve:director"_s << u"village-clerk"_s << qint64(30'000) << false;
        QTest::newRow("by a town leader")
            << QStringList{} << u"approve:director"_s << u"town-leader"_s << qint64(30'000) << false;
        QTest::newRow("approved twice") << QStringList{u"approve:director"_s} << u"approve:director"_s
                                        << clerk << qint64(30'000) << false;
        QTest::newRow("town approves after the representatives")
            << QStringList{u"approve:representatives"_s} << u"town-approve"_s << reviewer << qint64(120'000)
            << true;
        QTest::newRow("town approval by a town clerk")
            << QStringList{u"approve:representatives"_s} << u"town-approve"_s << clerk << qint64(120'000)
            << false;
        QTest::newRow("town approval by a county reviewer")
            << QStringList{u"approve:representatives"_s} << u"town-approve"_s << u"county-reviewer"_s
            << qint64(120'000) << false;
        QTest::newRow("town approval before the village's")
            << QStringList{} << u"town-approve"_s << reviewer << qint64(120'000) << false;
        QTest::newRow("town approval after the director's")
            << QStringList{u"approve:director"_s} << u"town-approve"_s << reviewer << qint64(30'000) << false;
        QTest::newRow("town approval twice") << QStringList{u"approve:representatives"_s, u"town-approve"_s}
                                             << u"town-approve"_s << reviewer << qint64(120'000) << false;
        QTest::newRow("rejected while pending, by the clerk")
            << QStringList{} << u"reject"_s << clerk << qint64(30'000) << true;
        QTest::newRow("rejected without a reason")
            << QStringList{} << u"reject:"_s << clerk << qint64(30'000) << false;
        QTest::newRow("rejected by the town after the representatives")
            << QStringList{u"approve:representatives"_s} << u"reject"_s << reviewer << qint64(120'000)
            << true;
        QTest::newRow("the clerk cannot reject what the town is to approve")
            << QStringList{u"approve:representatives"_s} << u"reject"_s << clerk << qint64(120'000) << false;
        QTest::newRow("rejected after approval")
            << QStringList{u"approve:director"_s} << u"reject"_s << reviewer << qint64(30'000) << false;
    }
    void requestSteps()
    {
        QFETCH(QStringList, history);
        QFETCH(QString, step);
        QFETCH(QString, actor);
        QFETCH(qint64, estimate);
        QFETCH(bool, allowed);
        QList<RequestStep> steps;
        for (const QString &h : std::as_const(history))
            steps.append(requestStepOf(h));
        const std::optional<QString> why =
            requestStepProblem(steps, requestStepOf(step), actorNamed(actor), estimate, CardTiers());
        QVERIFY2(why.has_value() != allowed, qPrintable(why.value_or(u"allowed"_s)));
        if (why)
            QVERIFY(!why->isEmpty());
    }

    void requestDirectorRefusalNamesTheBody()
    {
        const auto why = requestStepProblem({}, requestStepOf(u"approve:director"_s),
                                            actorNamed(u"town-clerk"_s), 80'000, CardTiers());
        QVERIFY(why);
        QVERIFY2(why->contains(u"村两委"_s), qPrintable(*why));
        // With a county's tiers of 1,000 yuan for the director, the same approval stands.
        CardTiers tiers;
        tiers.directorMax = 100'000;
        tiers.committeesMax = 200'000;
        QVERIFY(!requestStepProblem({}, requestStepOf(u"approve:director"_s), actorNamed(u"town-clerk"_s),
                                    80'000, tiers));
    }

    void requestPath()
    {
        const CardActor clerk = actorNamed(u"town-clerk"_s);
        const CardActor reviewer = actorNamed(u"town-reviewer"_s);
        QList<RequestStep> steps;
        QCOMPARE(replayRequest(steps).state, RequestState::Pending);
        QVERIFY(requestActionsFor(steps, clerk, 120'000, {}).contains(RequestAction::Approve));
        QVERIFY(!requestActionsFor(steps, reviewer, 120'000, {}).contains(RequestAction::TownApprove));

        RequestStep village = requestStepOf(u"approve:representatives"_s);
        village.on = QDate(2026, 11, 16);
        QVERIFY(!requestStepProblem(steps, village, clerk, 120'000, {}));
        steps.append(village);
        RequestHandling h = replayRequest(steps);
        QCOMPARE(h.state, RequestState::VillageApproved);
        QCOMPARE(h.body, u"representatives"_s);
        QVERIFY(!h.approvedOn.isValid());
        QCOMPARE(requestStateName(h.state), u"village-approved"_s);
        QVERIFY(requestActionsFor(steps, reviewer, 120'000, {}).contains(RequestAction::TownApprove));
        QVERIFY(!requestActionsFor(steps, clerk, 120'000, {}).contains(RequestAction::TownApprove));

        RequestStep town = requestStepOf(u"town-approve"_s);
        town.on = QDate(2026, 11, 18);
        QVERIFY(!requestStepProblem(steps, town, reviewer, 120'000, {}));
        steps.append(town);
        h = replayRequest(steps);
        QCOMPARE(h.state, RequestState::Approved);
        QCOMPARE(h.approvedOn, QDate(2026, 11, 18));
        QCOMPARE(h.body, u"representatives"_s);
        QVERIFY(requestActionsFor(steps, reviewer, 120'000, {}).isEmpty());

        // The director's approval is final at once.
        RequestStep director = requestStepOf(u"approve:director"_s);
        director.on = QDate(2026, 11, 17);
        h = replayRequest({director});
        QCOMPARE(h.state, RequestState::Approved);
        QCOMPARE(h.approvedOn, QDate(2026, 11, 17));
        QCOMPARE(h.body, u"director"_s);
        QCOMPARE(replayRequest({requestStepOf(u"reject"_s)}).state, RequestState::Rejected);
    }

    void requestStepJson()
    {
        RequestStep s = requestStepOf(u"approve:committees"_s);
        s.byUserId = u"u1"_s;
        const QJsonObject json = s.toJson();
        QCOMPARE(json.value(u"action"_s).toString(), u"approve"_s);
        QCOMPARE(json.value(u"on"_s).toString(), u"2026-11-19"_s);
        const auto back = RequestStep::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->body, u"committees"_s);
        QCOMPARE(back->signer, u"吴主任"_s);
        QCOMPARE(back->on, QDate(2026, 11, 19));
        QCOMPARE(back->byUserId, u"u1"_s);
        QVERIFY(!RequestStep::fromJson(QJsonObject{{u"action"_s, u"sign"_s}}));
        // Steps the list cannot read are left out.
        QCOMPARE(requestStepsFromJson(QJsonArray{json, QJsonObject{{u"action"_s, u"x"_s}}}).size(), 1);
    }

    // --- the claim's checks ---

    void claimSteps_data()
    {
        QTest::addColumn<QStringList>("history");
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<bool>("allowed");
        const QString clerk = u"town-clerk"_s, reviewer = u"town-reviewer"_s;
        const QString vc = u"village-check"_s, tc = u"town-check"_s, book = u"book"_s;
        QTest::newRow("village check by the town clerk") << QStringList{} << vc << clerk << true;
        QTest::newRow("village check by a reviewer only") << QStringList{} << vc << reviewer << false;
        QTest::newRow("village check without the checker")
            << QStringList{} << u"village-check:"_s << clerk << false;
        QTest::newRow("village check by a county clerk") << QStringList{} << vc << u"county-clerk"_s << false;
        QTest::newRow("village check twice") << QStringList{vc} << vc << clerk << false;
        QTest::newRow("town check before the village check") << QStringList{} << tc << reviewer << false;
        QTest::newRow("town check by the town reviewer") << QStringList{vc} << tc << reviewer << true;
        QTest::newRow("town check by a clerk") << QStringList{vc} << tc << clerk << false;
        QTest::newRow("town check by a county reviewer")
            << QStringList{vc} << tc << u"county-reviewer"_s << false;
        QTest::newRow("booked before the town check") << QStringList{vc} << book << clerk << false;
        QTest::newRow("booked without a voucher") << QStringList{vc, tc} << u"book:"_s << clerk << false;
        QTest::newRow("booked with a voucher") << QStringList{vc, tc} << book << clerk << true;
        QTest::newRow("booked by a reviewer") << QStringList{vc, tc} << book << reviewer << false;
        QTest::newRow("booked twice") << QStringList{vc, tc, book} << book << clerk << false;
        QTest::newRow("returned by the village (recorded by the clerk)")
            << QStringList{} << u"return"_s << clerk << true;
        QTest::newRow("a reviewer cannot record the village's return")
            << QStringList{} << u"return"_s << reviewer << false;
        QTest::newRow("returned by the town") << QStringList{vc} << u"return"_s << reviewer << true;
        QTest::newRow("the clerk cannot return for the town")
            << QStringList{vc} << u"return"_s << clerk << false;
        QTest::newRow("returned after the town check")
            << QStringList{vc, tc} << u"return"_s << reviewer << true;
        QTest::newRow("returned without a reason") << QStringList{vc} << u"return:"_s << reviewer << false;
        QTest::newRow("a booked claim is not returned")
            << QStringList{vc, tc, book} << u"return"_s << reviewer << false;
        QTest::newRow("resubmitted after return")
            << QStringList{vc, u"return"_s} << u"resubmit"_s << clerk << true;
        QTest::newRow("resubmitted by a reviewer")
            << QStringList{vc, u"return"_s} << u"resubmit"_s << reviewer << false;
        QTest::newRow("resubmitted without a return") << QStringList{vc} << u"resubmit"_s << clerk << false;
        QTest::newRow("checked again after resubmission")
            << QStringList{vc, u"return"_s, u"resubmit"_s} << vc << clerk << true;
    }
    void claimSteps()
    {
        QFETCH(QStringList, history);
        QFETCH(QString, step);
        QFETCH(QString, actor);
        QFETCH(bool, allowed);
        QList<ClaimStep> steps;
        for (const QString &h : std::as_const(history))
            steps.append(claimStepOf(h));
        const std::optional<QString> why = claimStepProblem(steps, claimStepOf(step), actorNamed(actor));
        QVERIFY2(why.has_value() != allowed, qPrintable(why.value_or(u"allowed"_s)));
    }

    void claimPath()
    {
        const CardActor clerk = actorNamed(u"town-clerk"_s);
        const CardActor reviewer = actorNamed(u"town-reviewer"_s);
        QList<ClaimStep> steps;
        QCOMPARE(replayClaim(steps).state, ClaimState::Submitted);
        const QList<std::pair<ClaimStep, CardActor>> path{{claimStepOf(u"village-check"_s), clerk},
                                                          {claimStepOf(u"town-check"_s), reviewer},
                                                          {claimStepOf(u"book:记-202611-007"_s), clerk}};
        const QList<ClaimState> states{ClaimState::VillageChecked, ClaimState::TownChecked,
                                       ClaimState::Booked};
        for (qsizetype i = 0; i < path.size(); ++i) {
            const auto why = claimStepProblem(steps, path.at(i).first, path.at(i).second);
            QVERIFY2(!why, qPrintable(why.value_or(QString())));
            steps.append(path.at(i).first);
            QCOMPARE(replayClaim(steps).state, states.at(i));
        }
        const ClaimHandling h = replayClaim(steps);
        QCOMPARE(h.voucherNo, u"记-202611-007"_s);
        QCOMPARE(h.bookedOn, QDate(2026, 11, 19));
        QCOMPARE(claimStateName(h.state), u"booked"_s);
        // Nothing is left to do on a booked claim.
        QVERIFY(claimActionsFor(steps, clerk).isEmpty());
        QVERIFY(claimActionsFor(steps, reviewer).isEmpty());
    }

    void claimReturnAndResubmit()
    {
        const CardActor clerk = actorNamed(u"town-clerk"_s);
        const CardActor reviewer = actorNamed(u"town-reviewer"_s);
        QList<ClaimStep> steps{claimStepOf(u"village-check"_s)};
        QCOMPARE(claimActionsFor(steps, reviewer),
                 (QList<ClaimAction>{ClaimAction::TownCheck, ClaimAction::Return}));
        QVERIFY(!claimStepProblem(steps, claimStepOf(u"return"_s), reviewer));
        steps.append(claimStepOf(u"return"_s));
        QCOMPARE(replayClaim(steps).state, ClaimState::Returned);
        QCOMPARE(claimActionsFor(steps, clerk), QList<ClaimAction>{ClaimAction::Resubmit});
        QVERIFY(claimActionsFor(steps, reviewer).isEmpty());
        steps.append(claimStepOf(u"resubmit"_s));
        QCOMPARE(replayClaim(steps).state, ClaimState::Submitted);
        QVERIFY(claimActionsFor(steps, clerk).contains(ClaimAction::VillageCheck));
        // A voucher of an earlier try is not kept by a return.
        QVERIFY(replayClaim(steps).voucherNo.isEmpty());
    }

    void claimStepJson()
    {
        ClaimStep s = claimStepOf(u"book:记-202611-001"_s);
        s.byUserId = u"u2"_s;
        const auto back = ClaimStep::fromJson(s.toJson());
        QVERIFY(back);
        QCOMPARE(back->action, ClaimAction::Book);
        QCOMPARE(back->voucherNo, u"记-202611-001"_s);
        QCOMPARE(back->on, QDate(2026, 11, 19));
        QCOMPARE(back->byUserId, u"u2"_s);
        QCOMPARE(claimActionName(ClaimAction::TownCheck), u"town-check"_s);
        QCOMPARE(claimActionFromName(u"village-check"_s),
                 std::optional<ClaimAction>(ClaimAction::VillageCheck));
    }

    void cardActorFromScope()
    {
        const CardActor town = cardActorOf(scopeOf(kTownPath, Role::Clerk));
        QCOMPARE(town.level, OrgLevel::Town);
        QVERIFY(town.has(Role::Clerk));
        QVERIFY(!town.has(Role::Reviewer));
        QCOMPARE(cardActorOf(scopeOf(kCountyPath, Role::Reviewer)).level, OrgLevel::County);
        QCOMPARE(cardActorOf(scopeOf(kCityPath, Role::Reviewer)).level, OrgLevel::City);
    }
};

QTEST_GUILESS_MAIN(TestCardWorkflow)
#include "tst_card_workflow.moc"
