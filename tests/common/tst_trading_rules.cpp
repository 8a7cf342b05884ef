// The path of a listing on the property-rights trading centre (产权交易, MODULES.md §3), table-driven: who
// may take each step at which level, in which state; the qualified bidders deciding bidding, a second notice
// or open negotiation; bids at least the start price, then the last bid plus the step, and only online; the
// hammer dealing to the highest bid at or above the reserve, otherwise no deal; signing only after the result
// notice of 5 working days, counted across the National Day holiday; suspension and resumption. Then the
// towns' register of village cadres and their relatives (what a valid entry is, who writes it, who receives
// its names and ID numbers) and WINNER_RELATED_TO_CADRE over records held in memory: the winner registered
// for the listing's own village and in office on the deal day, or not.
#include "common/core/IdCard.h"
#include "common/rules/Rules.h"
#include "common/sync/Masking.h"
#include "common/trading/CadreTypes.h"
#include "common/trading/TradingTypes.h"
#include "common/trading/TradingWarnings.h"
#include "common/trading/TradingWorkflow.h"

#include <QJsonArray>
#include <QJsonDocument>
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

// --- the register of village cadres

const QString kCadreTown = u"320612101000"_s;
const QString kCadreTownPath = u"/320600000000/320612000000/320612101000/"_s;
const QString kCadreVillage = u"320612101201"_s;
const QString kCadreVillage2 = u"320612101202"_s;
const QDate kDealOn(2026, 11, 11);

// A valid 身份证号 of 通州区, one per n.
QString personId(int n)
{
    const QString first17 = u"320612"_s + QDate(1968, 3, 1).addDays(n * 401).toString(u"yyyyMMdd"_s) +
                            u"%1"_s.arg(310 + n, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

const QString kCadreId = personId(1);    // the secretary
const QString kRelativeId = personId(2); // her spouse
const QString kStrangerId = personId(3);

// The secretary's spouse, registered for the first village, in office from the 2021 election.
QJsonObject spouseEntry(const QJsonObject &changes = {})
{
    QJsonObject f{{u"villageId"_s, kCadreVillage},      {u"position"_s, u"secretary"_s},
                  {u"cadreName"_s, u"王桂芳"_s},        {u"cadreIdNumber"_s, kCadreId},
                  {u"relation"_s, u"spouse"_s},         {u"relativeName"_s, u"朱建华"_s},
                  {u"relativeIdNumber"_s, kRelativeId}, {u"inOfficeFrom"_s, u"2021-12-28"_s}};
    // A null removes the field.
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (it.value().isNull())
            f.remove(it.key());
        else
            f.insert(it.key(), it.value());
    }
    return f;
}

sync::Placement placedAt(const QString &orgPath)
{
    sync::Placement p;
    p.orgPath = orgPath;
    p.orgUnitId = orgPath.split(u'/', Qt::SkipEmptyParts).last();
    p.orgLevel = sync::orgLevelOfPath(orgPath);
    return p;
}

Scope staff(const QString &orgPath, Role role)
{
    Scope s;
    s.userId = u"u1"_s;
    s.orgPath = orgPath;
    s.orgUnitId = orgPath.split(u'/', Qt::SkipEmptyParts).last();
    s.roles = {role};
    return s;
}

// The records the trading rules read, held in memory.
class MemoryRuleData final : public rules::RuleData
{
public:
    void add(const QString &type, const QString &id, const QString &orgPath, const QJsonObject &fields)
    {
        const QString unit = orgPath.split(u'/', Qt::SkipEmptyParts).last();
        m_records.append(rules::RuleRecord{id, type, unit, orgPath, QString(), fields});
    }
    void scan(const QString &type, const rules::RuleFilter &,
              const std::function<void(const rules::RuleRecord &)> &each) override
    {
        for (const rules::RuleRecord &r : std::as_const(m_records)) {
            if (r.type == type)
                each(r);
        }
    }
    void groups(const QString &, const QStringList &, const rules::RuleFilter &,
                const std::function<void(const QList<rules::RuleRecord> &)> &) override
    {}
    QHash<QString, qint64> totals(const QString &, const rules::RuleFilter &, const QString &) override
    {
        return {};
    }

private:
    QList<rules::RuleRecord> m_records;
};

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

    // --- the register of village cadres and WINNER_RELATED_TO_CADRE

    void cadreEntryChecks_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("placed");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("field"); // of the problem
        const QString town = kCadreTownPath;
        QTest::newRow("a spouse") << QJsonObject() << town << true << QString();
        QTest::newRow("the cadre") << QJsonObject{{u"relation"_s, u"self"_s},
                                                  {u"relativeName"_s, QJsonValue::Null},
                                                  {u"relativeIdNumber"_s, QJsonValue::Null}}
                                   << town << true << QString();
        QTest::newRow("the cadre as himself") << QJsonObject{{u"relation"_s, u"self"_s},
                                                             {u"relativeName"_s, u"王桂芳"_s},
                                                             {u"relativeIdNumber"_s, kCadreId}}
                                              << town << true << QString();
        QTest::newRow("the cadre with another number")
            << QJsonObject{{u"relation"_s, u"self"_s}, {u"relativeName"_s, QJsonValue::Null}} << town << false
            << u"relativeIdNumber"_s;
        QTest::newRow("a spouse without a name")
            << QJsonObject{{u"relativeName"_s, QJsonValue::Null}} << town << false << u"relativeName"_s;
        QTest::newRow("a spouse without a number") << QJsonObject{{u"relativeIdNumber"_s, QJsonValue::Null}}
                                                   << town << false << u"relativeIdNumber"_s;
        QTest::newRow("a spouse with the cadre's number")
            << QJsonObject{{u"relativeIdNumber"_s, kCadreId}} << town << false << u"relativeIdNumber"_s;
        QTest::newRow("a village of another town")
            << QJsonObject{{u"villageId"_s, u"320612102201"_s}} << town << false << u"villageId"_s;
        QTest::newRow("the town itself")
            << QJsonObject{{u"villageId"_s, kCadreTown}} << town << false << u"villageId"_s;
        QTest::newRow("a name, not a code")
            << QJsonObject{{u"villageId"_s, u"东圩村"_s}} << town << false << u"villageId"_s;
        QTest::newRow("a term ending before it starts")
            << QJsonObject{{u"inOfficeFrom"_s, u"2024-01-01"_s}, {u"inOfficeTo"_s, u"2023-12-31"_s}} << town
            << false << u"inOfficeTo"_s;
        QTest::newRow("a term of one day")
            << QJsonObject{{u"inOfficeFrom"_s, u"2024-01-01"_s}, {u"inOfficeTo"_s, u"2024-01-01"_s}} << town
            << true << QString();
        QTest::newRow("kept at the village")
            << QJsonObject() << QString(kCadreTownPath + kCadreVillage + u'/') << false << QString();
    }

    void cadreEntryChecks()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QString, placed);
        QFETCH(bool, valid);
        QFETCH(QString, field);
        const CadreRegisterType type;
        sync::RuleContext context;
        context.today = QDate(2026, 11, 20);
        const auto problem = type.checkRecord(u"c1"_s, spouseEntry(changes), placedAt(placed), context);
        QVERIFY2(problem.has_value() != valid, problem ? qPrintable(problem->message) : "valid");
        if (problem)
            QCOMPARE(problem->field, field);
    }

    void cadreEntryOfTheCadreHimself()
    {
        // 本人: the person is the cadre, whatever was left empty.
        const CadreRegisterType type;
        QJsonObject f = spouseEntry({{u"relation"_s, u"self"_s},
                                     {u"relativeName"_s, QJsonValue::Null},
                                     {u"relativeIdNumber"_s, QJsonValue::Null}});
        type.derive(f, {});
        QCOMPARE(f.value(u"relativeName"_s).toString(), u"王桂芳"_s);
        QCOMPARE(f.value(u"relativeIdNumber"_s).toString(), kCadreId);
        QCOMPARE(cadreRelationChinese(u"child-spouse"_s), u"子女配偶"_s);
        QCOMPARE(cadrePositionChinese(u"accountant"_s), u"会计/记账员"_s);
    }

    void cadreRegisterKeptByTheTown()
    {
        const CadreRegisterType type;
        const sync::Placement town = placedAt(kCadreTownPath);
        const QString county = u"/320600000000/320612000000/"_s;
        QVERIFY(!type.writeDenied(staff(kCadreTownPath, Role::Clerk), town));
        QVERIFY(!type.writeDenied(staff(kCadreTownPath, Role::Reviewer), town));
        QVERIFY(type.writeDenied(staff(kCadreTownPath, Role::Leader), town));
        QVERIFY(type.writeDenied(staff(kCadreTownPath, Role::Supervisor), town));
        QVERIFY(type.writeDenied(staff(county, Role::Clerk), town));
        QVERIFY(type.writeDenied(staff(county, Role::Reviewer), town));
        QVERIFY(type.writeDenied(staff(u"/320600000000/320612000000/320612102000/"_s, Role::Clerk), town));
    }

    // Who receives the names and ID numbers in full: the town's clerks and reviewers, who keep the register;
    // the reviewers of the county and the city; supervisors who give a reason. Everyone else nothing of them.
    void cadreRegisterNeedToKnow_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("reason");
        QTest::addColumn<bool>("full");
        const int town = int(OrgLevel::Town);
        const int county = int(OrgLevel::County);
        const int city = int(OrgLevel::City);
        QTest::newRow("town clerk") << int(Role::Clerk) << town << false << true;
        QTest::newRow("town reviewer") << int(Role::Reviewer) << town << false << true;
        QTest::newRow("town leader") << int(Role::Leader) << town << false << false;
        QTest::newRow("town supervisor") << int(Role::Supervisor) << town << false << false;
        QTest::newRow("town supervisor, a reason") << int(Role::Supervisor) << town << true << true;
        QTest::newRow("town leader, a reason") << int(Role::Leader) << town << true << false;
        QTest::newRow("county clerk") << int(Role::Clerk) << county << false << false;
        QTest::newRow("county reviewer") << int(Role::Reviewer) << county << false << true;
        QTest::newRow("county supervisor, a reason") << int(Role::Supervisor) << county << true << true;
        QTest::newRow("city clerk") << int(Role::Clerk) << city << false << false;
        QTest::newRow("city reviewer") << int(Role::Reviewer) << city << false << true;
        QTest::newRow("city admin") << int(Role::Admin) << city << false << false;
    }

    void cadreRegisterNeedToKnow()
    {
        QFETCH(int, role);
        QFETCH(int, level);
        QFETCH(bool, reason);
        QFETCH(bool, full);
        const CadreRegisterType type;
        sync::Reader reader;
        reader.roles = {Role(role)};
        reader.level = OrgLevel(level);
        reader.reasonGiven = reason;
        for (const QString &name :
             {u"cadreName"_s, u"cadreIdNumber"_s, u"relativeName"_s, u"relativeIdNumber"_s}) {
            const sync::FieldSpec spec = *type.field(name);
            QVERIFY(spec.confidential);
            QCOMPARE(spec.handoutKind, QString::fromUtf16(CadreRegisterType::kHandoutKind));
            QVERIFY2((sync::fieldAccess(spec, reader) == sync::FieldAccess::Full) == full, qPrintable(name));
        }
        // What the rest receive: nothing of them, the position, village, relation and term as they are.
        QJsonObject f = spouseEntry();
        sync::Handout handout;
        sync::discloseFields(type, f, reader, &handout);
        QCOMPARE(f.value(u"cadreIdNumber"_s).isNull(), !full);
        QCOMPARE(f.value(u"relativeName"_s).isNull(), !full);
        QCOMPARE(f.value(u"position"_s).toString(), u"secretary"_s);
        QCOMPARE(f.value(u"relation"_s).toString(), u"spouse"_s);
        QCOMPARE(f.value(u"villageId"_s).toString(), kCadreVillage);
        QCOMPARE(handout.what(), full ? QStringList{u"cadre-register"_s} : QStringList());
    }

    void winnerRelatedToCadre_data()
    {
        QTest::addColumn<QString>("registeredFor"); // the village of the register entry
        QTest::addColumn<QString>("relation");
        QTest::addColumn<QString>("winner"); // "relative", "cadre", "stranger", "relative lost"
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("tie"); // the relation the evidence names; empty: nothing found
        const QDate openEnd;
        const QDate elected(2021, 12, 28);
        const QString v1 = kCadreVillage;
        const QString spouse = u"spouse"_s;
        const QString relative = u"relative"_s;
        QTest::newRow("the spouse, in office") << v1 << spouse << relative << elected << openEnd << u"配偶"_s;
        QTest::newRow("the spouse, for another village")
            << kCadreVillage2 << spouse << relative << elected << openEnd << QString();
        QTest::newRow("the spouse, the term ended the day before")
            << v1 << spouse << relative << elected << kDealOn.addDays(-1) << QString();
        QTest::newRow("the spouse, the term ends on the deal day")
            << v1 << spouse << relative << elected << kDealOn << u"配偶"_s;
        QTest::newRow("the spouse, the term begins the day after")
            << v1 << spouse << relative << kDealOn.addDays(1) << openEnd << QString();
        QTest::newRow("the spouse, the term begins on the deal day")
            << v1 << spouse << relative << kDealOn << openEnd << u"配偶"_s;
        QTest::newRow("the spouse, no term recorded")
            << v1 << spouse << relative << openEnd << openEnd << u"配偶"_s;
        QTest::newRow("a child") << v1 << u"child"_s << relative << elected << openEnd << u"子女"_s;
        QTest::newRow("the cadre, registered with a relative")
            << v1 << spouse << u"cadre"_s << elected << openEnd << u"本人"_s;
        QTest::newRow("someone else") << v1 << spouse << u"stranger"_s << elected << openEnd << QString();
        QTest::newRow("the spouse bid and lost")
            << v1 << spouse << u"relative lost"_s << elected << openEnd << QString();
    }

    void winnerRelatedToCadre()
    {
        QFETCH(QString, registeredFor);
        QFETCH(QString, relation);
        QFETCH(QString, winner);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, tie);
        const QString villagePath = kCadreTownPath + kCadreVillage + u'/';
        QJsonObject entry = spouseEntry({{u"villageId"_s, registeredFor},
                                         {u"relation"_s, relation},
                                         {u"inOfficeFrom"_s, QJsonValue::Null}});
        if (from.isValid())
            entry.insert(u"inOfficeFrom"_s, from.toString(Qt::ISODate));
        if (to.isValid())
            entry.insert(u"inOfficeTo"_s, to.toString(Qt::ISODate));
        const QString winnerId = winner == u"relative"_s ? kRelativeId
                                 : winner == u"cadre"_s  ? kCadreId
                                                         : kStrangerId;
        const QString loserId = winner == u"relative lost"_s ? kRelativeId : personId(4);

        MemoryRuleData data;
        data.add(QString::fromUtf16(ListingType::kName), u"l1"_s, villagePath,
                 {{u"listingNo"_s, u"CQ-2026-001"_s},
                  {u"subject"_s, u"东圩耕地经营权（20 亩）"_s},
                  {u"state"_s, u"dealt"_s},
                  {u"winnerId"_s, u"r1"_s},
                  {u"dealPrice"_s, 1'000'000},
                  {u"reserve"_s, 1'000'000},
                  {u"dealOn"_s, kDealOn.toString(Qt::ISODate)}});
        const QString registrationType = QString::fromUtf16(RegistrationType::kName);
        data.add(registrationType, u"r1"_s, villagePath,
                 {{u"listingId"_s, u"l1"_s}, {u"bidderName"_s, u"甲"_s}, {u"bidderId"_s, winnerId}});
        data.add(registrationType, u"r2"_s, villagePath,
                 {{u"listingId"_s, u"l1"_s}, {u"bidderName"_s, u"乙"_s}, {u"bidderId"_s, loserId}});
        data.add(QString::fromUtf16(CadreRegisterType::kName), u"c1"_s, kCadreTownPath, entry);

        const WinnerRelatedToCadreRule rule;
        rules::RuleRun run;
        run.today = QDate(2026, 11, 20);
        run.calendar = &WorkingCalendar::current();
        QList<rules::Finding> found;
        rule.evaluate(data, run, [&found](rules::Finding &&f) { found.append(std::move(f)); });
        QCOMPARE(found.size(), tie.isEmpty() ? 0 : 1);
        if (tie.isEmpty())
            return;
        const rules::Finding &f = found.first();
        QCOMPARE(f.rule, u"WINNER_RELATED_TO_CADRE"_s);
        QCOMPARE(f.subjectType, u"person"_s);
        QCOMPARE(f.subjectId, rules::personSubjectId(winnerId));
        QCOMPARE(f.period, u"l1"_s);
        QCOMPARE(f.idNumber, winnerId);
        QVERIFY(f.severity == rules::Severity::Red);
        QVERIFY(f.copyToDiscipline);
        QCOMPARE(f.ownerDepartment, QString::fromUtf16(kAgriStationCode));
        QCOMPARE(f.orgUnitId, kCadreVillage);
        QCOMPARE(f.recordIds, (QStringList{u"l1"_s, u"c1"_s}));
        const QJsonArray cadres = f.evidence.value(u"cadres"_s).toArray();
        QCOMPARE(cadres.size(), 1);
        QCOMPARE(cadres.at(0).toObject().value(u"position"_s).toString(), u"书记"_s);
        QCOMPARE(cadres.at(0).toObject().value(u"relation"_s).toString(), tie);
        // What everyone reading the warning sees names the position and the relation, never a number or name.
        const QByteArray shown = QJsonDocument(f.evidence).toJson() + f.summary.toUtf8();
        for (const QString &secret : {kCadreId, kRelativeId, u"王桂芳"_s, u"朱建华"_s})
            QVERIFY2(!shown.contains(secret.toUtf8()), shown.constData());
    }
};

QTEST_GUILESS_MAIN(TestTradingRules)
#include "tst_trading_rules.moc"
