// The path of a listing on the property-rights trading centre (产权交易, MODULES.md §3), table-driven: who
// may take each step at which level, in which state; the qualified bidders deciding bidding, a second notice
// or open negotiation; bids at least the start price, then the last bid plus the step, and only online; the
// hammer dealing to the highest bid at or above the reserve, otherwise no deal; signing only after the result
// notice of 5 working days, counted across the National Day holiday; suspension and resumption.
#include "common/trading/TradingWorkflow.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::trading;

namespace {

const ListingTerms kTerms{100'000, 90'000, 5'000}; // reserve 1,000, start 900, step 50 yuan

TradingActor actor(Role role, OrgLevel level, bool online = false)
{
    return {RoleSet{role}, level, online};
}

ListingStep step(ListingAction action)
{
    ListingStep s;
    s.action = action;
    return s;
}

ListingStep publish(QDate from, QDate to)
{
    ListingStep s = step(ListingAction::Publish);
    s.from = from;
    s.to = to;
    return s;
}

ListingStep qualify(int n)
{
    ListingStep s = step(ListingAction::Qualify);
    s.qualified = n;
    return s;
}

ListingStep bid(const QString &registration, Fen amount)
{
    ListingStep s = step(ListingAction::Bid);
    s.registrationId = registration;
    s.amount = amount;
    return s;
}

QList<ListingStep> noticed()
{
    return {step(ListingAction::Submit), step(ListingAction::Approve),
            publish(QDate(2026, 9, 21), QDate(2026, 9, 29))};
}

} // namespace

Q_DECLARE_METATYPE(sunshine::trading::ListingStep)

class TestTradingRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whoTakesWhichStep_data()
    {
        QTest::addColumn<QList<ListingStep>>("history");
        QTest::addColumn<ListingStep>("next");
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("centre");
        QTest::addColumn<bool>("allowed");
        const int clerk = int(Role::Clerk);
        const int reviewer = int(Role::Reviewer);
        const int town = int(OrgLevel::Town);
        const int county = int(OrgLevel::County);
        const QList<ListingStep> applied{step(ListingAction::Submit)};
        QTest::newRow("the town clerk applies")
            << QList<ListingStep>{} << step(ListingAction::Submit) << clerk << town << u"town"_s << true;
        QTest::newRow("a reviewer does not apply")
            << QList<ListingStep>{} << step(ListingAction::Submit) << reviewer << town << u"town"_s << false;
        QTest::newRow("the town reviewer approves for the town centre")
            << applied << step(ListingAction::Approve) << reviewer << town << u"town"_s << true;
        QTest::newRow("not for the county centre")
            << applied << step(ListingAction::Approve) << reviewer << town << u"county"_s << false;
        QTest::newRow("the county reviewer for the county centre")
            << applied << step(ListingAction::Approve) << reviewer << county << u"county"_s << true;
        QTest::newRow("a clerk does not approve")
            << applied << step(ListingAction::Approve) << clerk << town << u"town"_s << false;
        QTest::newRow("publish before approval") << applied << publish(QDate(2026, 9, 21), QDate(2026, 9, 29))
                                                 << clerk << town << u"town"_s << false;
        QTest::newRow("the centre's clerk publishes")
            << QList<ListingStep>{step(ListingAction::Submit), step(ListingAction::Approve)}
            << publish(QDate(2026, 9, 21), QDate(2026, 9, 29)) << clerk << town << u"town"_s << true;
        QTest::newRow("a county clerk does not run a town listing")
            << QList<ListingStep>{step(ListingAction::Submit), step(ListingAction::Approve)}
            << publish(QDate(2026, 9, 21), QDate(2026, 9, 29)) << clerk << county << u"town"_s << false;
        QTest::newRow("a bid while still noticed")
            << noticed() << bid(u"r1"_s, 90'000) << clerk << town << u"town"_s << false;
    }
    void whoTakesWhichStep()
    {
        QFETCH(QList<ListingStep>, history);
        QFETCH(ListingStep, next);
        QFETCH(int, role);
        QFETCH(int, level);
        QFETCH(QString, centre);
        QFETCH(bool, allowed);
        const auto why = listingStepProblem(history, next, actor(Role(role), OrgLevel(level)),
                                            centreLevelOf(centre), kTerms, {QDate(2026, 10, 12), nullptr});
        QVERIFY2(why.has_value() != allowed, qPrintable(why.value_or(u"allowed"_s)));
    }

    void qualifiedBiddersDecide_data()
    {
        QTest::addColumn<QList<ListingStep>>("history");
        QTest::addColumn<int>("state");
        QList<ListingStep> three = noticed();
        three.append(qualify(3));
        QTest::newRow("three: bidding") << three << int(ListingState::Bidding);
        QList<ListingStep> two = noticed();
        two.append(qualify(2));
        QTest::newRow("two at the first notice: a second notice") << two << int(ListingState::Approved);
        QList<ListingStep> again = two;
        again << publish(QDate(2026, 10, 12), QDate(2026, 10, 20)) << qualify(1);
        QTest::newRow("one at the second notice: negotiation") << again << int(ListingState::Negotiating);
        QList<ListingStep> none = noticed();
        none.append(qualify(0));
        QTest::newRow("none: unsold") << none << int(ListingState::Unsold);
        QList<ListingStep> hammerLow = three;
        hammerLow << bid(u"a"_s, 90'000) << bid(u"b"_s, 95'000) << step(ListingAction::Hammer);
        QTest::newRow("highest bid below the reserve: no deal") << hammerLow << int(ListingState::Unsold);
        QList<ListingStep> hammerNone = three;
        hammerNone << step(ListingAction::Hammer);
        QTest::newRow("no bid: no deal") << hammerNone << int(ListingState::Unsold);
        QList<ListingStep> hammerDeal = three;
        hammerDeal << bid(u"a"_s, 90'000) << bid(u"b"_s, 100'000) << step(ListingAction::Hammer);
        QTest::newRow("at the reserve: a deal") << hammerDeal << int(ListingState::Dealt);
        QList<ListingStep> suspended = three;
        suspended << step(ListingAction::Suspend);
        QTest::newRow("suspended") << suspended << int(ListingState::Suspended);
        suspended << step(ListingAction::Resume);
        QTest::newRow("resumed where it was") << suspended << int(ListingState::Bidding);
    }
    void qualifiedBiddersDecide()
    {
        QFETCH(QList<ListingStep>, history);
        QFETCH(int, state);
        QCOMPARE(int(replayListing(history, kTerms).state), state);
    }

    void theWinnerIsTheHighestBid()
    {
        QList<ListingStep> h = noticed();
        h << qualify(4) << bid(u"a"_s, 90'000) << bid(u"b"_s, 95'000) << bid(u"a"_s, 110'000)
          << step(ListingAction::Hammer);
        const ListingHandling r = replayListing(h, kTerms);
        QCOMPARE(r.state, ListingState::Dealt);
        QCOMPARE(r.winnerRegistration, u"a"_s);
        QCOMPARE(r.dealPrice, 110'000);
        QCOMPARE(r.bids, 3);
    }

    void bidsRise_data()
    {
        QTest::addColumn<QList<Fen>>("before");
        QTest::addColumn<Fen>("amount");
        QTest::addColumn<bool>("online");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("first at the start price") << QList<Fen>{} << Fen(90'000) << true << true;
        QTest::newRow("first below the start price") << QList<Fen>{} << Fen(89'999) << true << false;
        QTest::newRow("the last plus the step") << QList<Fen>{90'000} << Fen(95'000) << true << true;
        QTest::newRow("less than a step up") << QList<Fen>{90'000} << Fen(94'999) << true << false;
        QTest::newRow("the same amount again") << QList<Fen>{90'000, 95'000} << Fen(95'000) << true << false;
        QTest::newRow("offline, never") << QList<Fen>{} << Fen(100'000) << false << false;
    }
    void bidsRise()
    {
        QFETCH(QList<Fen>, before);
        QFETCH(Fen, amount);
        QFETCH(bool, online);
        QFETCH(bool, allowed);
        QList<ListingStep> h = noticed();
        h.append(qualify(3));
        for (Fen b : before)
            h.append(bid(u"r"_s, b));
        const auto why =
            listingStepProblem(h, bid(u"r"_s, amount), actor(Role::Clerk, OrgLevel::Town, online),
                               OrgLevel::Town, kTerms, {QDate(2026, 10, 12), nullptr});
        QVERIFY2(why.has_value() != allowed, qPrintable(why.value_or(u"allowed"_s)));
    }

    void qualifyAfterTheNotice()
    {
        const TradingActor clerk = actor(Role::Clerk, OrgLevel::Town);
        QVERIFY(listingStepProblem(noticed(), qualify(3), clerk, OrgLevel::Town, kTerms,
                                   {QDate(2026, 9, 29), nullptr}));
        QVERIFY(!listingStepProblem(noticed(), qualify(3), clerk, OrgLevel::Town, kTerms,
                                    {QDate(2026, 9, 30), nullptr}));
    }

    // A result notice from 30 September 2026 lasts 5 working days across the National Day holiday (1–7
    // October): 30 September, 8, 9, 10 (a make-up Saturday) and 12 October; signing is possible from the
    // 13th.
    void signAfterTheResultNotice_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("during the holiday") << QDate(2026, 10, 5) << false;
        QTest::newRow("the notice's last day") << QDate(2026, 10, 12) << false;
        QTest::newRow("the day after") << QDate(2026, 10, 13) << true;
    }
    void signAfterTheResultNotice()
    {
        QFETCH(QDate, today);
        QFETCH(bool, allowed);
        const WorkingCalendar &c = WorkingCalendar::current();
        QCOMPARE(periodEnd(c, QDate(2026, 9, 30), kResultNoticeDays), QDate(2026, 10, 12));
        QList<ListingStep> h = noticed();
        ListingStep announce = step(ListingAction::Announce);
        announce.from = QDate(2026, 9, 30);
        h << qualify(3) << bid(u"a"_s, 100'000) << step(ListingAction::Hammer) << announce;
        ListingStep sign = step(ListingAction::Sign);
        sign.contractNo = u"HT-1"_s;
        const auto why = listingStepProblem(h, sign, actor(Role::Clerk, OrgLevel::Town), OrgLevel::Town,
                                            kTerms, {today, &c});
        QVERIFY2(why.has_value() != allowed, qPrintable(why.value_or(u"allowed"_s)));
    }

    void noticeLengthInWorkingDays()
    {
        const WorkingCalendar &c = WorkingCalendar::current();
        // 28 September – 9 October 2026: 28, 29, 30 September, 8 and 9 October.
        QCOMPARE(workingDaysBetween(c, QDate(2026, 9, 28), QDate(2026, 10, 9)), 5);
        // 21–29 September: the Mid-Autumn holiday (25–27) leaves six.
        QCOMPARE(workingDaysBetween(c, QDate(2026, 9, 21), QDate(2026, 9, 29)), 6);
        // A make-up Sunday counts: 20–25 September is five.
        QCOMPARE(workingDaysBetween(c, QDate(2026, 9, 20), QDate(2026, 9, 24)), 5);
    }

    void stepsRoundTrip()
    {
        ListingStep s = bid(u"r9"_s, 123'400);
        s.on = QDate(2026, 10, 12);
        s.atMs = 1'790'000'000'000;
        s.byUserId = u"server:bid:u1"_s;
        const auto back = ListingStep::fromJson(s.toJson());
        QVERIFY(back);
        QCOMPARE(back->amount, s.amount);
        QCOMPARE(back->atMs, s.atMs);
        QCOMPARE(back->registrationId, s.registrationId);
        QCOMPARE(listingActionFromName(u"hammer"_s), std::optional<ListingAction>(ListingAction::Hammer));
        QVERIFY(!listingActionFromName(u"steal"_s));
    }

    void actionsOffered()
    {
        const QList<ListingStep> applied{step(ListingAction::Submit)};
        const QList<ListingAction> reviewer =
            listingActionsFor(applied, actor(Role::Reviewer, OrgLevel::Town), OrgLevel::Town);
        QVERIFY(reviewer.contains(ListingAction::Approve));
        QVERIFY(reviewer.contains(ListingAction::Reject));
        QVERIFY(!reviewer.contains(ListingAction::Bid));
        const QList<ListingAction> clerk =
            listingActionsFor(applied, actor(Role::Clerk, OrgLevel::Town), OrgLevel::Town);
        QVERIFY(!clerk.contains(ListingAction::Approve));
        QVERIFY(clerk.contains(ListingAction::Terminate));
    }
};

QTEST_GUILESS_MAIN(TestTradingRules)
#include "tst_trading_rules.moc"
