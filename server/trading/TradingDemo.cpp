#include "server/trading/TradingDemo.h"

#include "common/collective/CollectiveTypes.h"
#include "common/core/IdCard.h"
#include "common/trading/CadreTypes.h"
#include "common/trading/TradingTypes.h"
#include "server/api/Services.h"
#include "server/demo/DemoPush.h"
#include "server/trading/BidRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

using namespace trading;

const QString kCity = u"320600000000"_s;
const QString kListing = QString::fromUtf16(ListingType::kName);
const QString kRegistration = QString::fromUtf16(RegistrationType::kName);
const QString kCadre = QString::fromUtf16(CadreRegisterType::kName);
// The bidders: villagers and neighbours with a demo ID number each. The first is the spouse of the village's
// secretary; the last one wins alone, twice.
const QStringList kBidders{u"朱建华"_s, u"钱玉兰"_s, u"孙国庆"_s, u"李红梅"_s, u"周永刚"_s};
constexpr int kSecretarySpouse = 0;
constexpr int kSoleBidder = 4;
// The cadres' demo ID numbers (idNumber()), apart from the bidders'.
constexpr int kSecretary = 10;
constexpr int kDirector = 11;

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

constexpr Fen yuan(qint64 y)
{
    return y * 100;
}

// One village's listings at its town's trading station (乡镇农村产权交易服务站): the town's clerk records the
// path, its reviewer approves the applications, the bids go through the server's bid service. The days the
// server stamps on each step are today's; the notices the clerk enters are dated so that every step is due.
class DemoTrading
{
public:
    DemoTrading(Services &services, DemoPush &push, const AuthSession &clerk, const AuthSession &reviewer,
                const QString &county, const QString &town, const QString &village, QDate today, int salt)
        : m_services(services)
        , m_push(push)
        , m_bids(services)
        , m_clerk(clerk)
        , m_reviewer(reviewer)
        , m_county(county)
        , m_town(town)
        , m_village(village)
        , m_today(today)
        , m_salt(salt)
    {}

    void load()
    {
        cadreRegister();
        auctioned();
        relisted();
        shortNotice();
        // Two plots let by open negotiation to the same sole bidder after a second notice: the fish pond
        // below its reserve (DEAL_BELOW_RESERVE), then the greenhouse land (SINGLE_BIDDER_REPEAT).
        soleDeal(u"村北小鱼塘（8 亩）水面养殖权"_s, u"water"_s, 8.0, yuan(7'200 + m_salt * 100), 9, false);
        soleDeal(u"村东设施大棚用地（12 亩）"_s, u"facility"_s, 12.0, yuan(9'600 + m_salt * 100), 10, true);
        suspended();
    }

private:
    // The id of the village's 三资 record of `type` with this name (empty when there is none).
    QString named(const char16_t *type, const QString &name)
    {
        SqlQuery q(m_services.store,
                   u"SELECT id, data FROM records WHERE type = ? AND org_unit_id = ? AND deleted = 0"_s);
        q.bindText(QString::fromUtf16(type)).bindText(m_village).exec();
        while (q.next()) {
            if (QJsonDocument::fromJson(q.text(1).toUtf8()).object().value(u"name"_s).toString() == name)
                return q.text(0);
        }
        return {};
    }

    // The first day of a notice that ran some `daysAgo` (a working day).
    QDate noticeStart(int daysAgo) const
    {
        return m_calendar.nextWorkingDayOnOrAfter(m_today.addDays(-daysAgo));
    }

    // A demo ID number: the county's region code, born 1970–1974, with its check character.
    QString idNumber(int n) const
    {
        const QString body = m_county.left(6) +
                             QDate(1970 + n, 1 + (m_salt + n) % 12, 5 + m_salt + n).toString(u"yyyyMMdd"_s) +
                             QString::number(600 + m_salt * 10 + n);
        return body + IdCard::checkCharacter(body);
    }

    // A listing applied for by the town's clerk for the village (its first step), on the terms given: the
    // start price is the reserve, the deposit a tenth of it; `extra` adds to or overrides the terms.
    QString listing(const QString &subject, const QString &rightKind, int years, Fen reserve, Fen increment,
                    const QJsonObject &extra = {})
    {
        const int no = ++m_listingNo;
        QJsonObject f{{u"listingNo"_s,
                       u"CQ%1-%2-%3"_s.arg(m_county.left(6)).arg(m_today.year()).arg(no, 3, 10, QChar(u'0'))},
                      {u"subject"_s, subject},
                      {u"rightKind"_s, rightKind},
                      {u"termYears"_s, years},
                      {u"reserve"_s, double(reserve)},
                      {u"startPrice"_s, double(reserve)},
                      {u"step"_s, double(increment)},
                      {u"deposit"_s, double(reserve / 1000 * 100)},
                      {u"qualifications"_s, u"具有农业生产经营能力的自然人、家庭农场或农民专业合作社"_s},
                      {u"decisionRef"_s, u"村民代表会议决议〔%1〕%2号"_s.arg(m_today.year()).arg(10 + no)},
                      {u"decisionOn"_s, iso(m_today.addDays(-75))},
                      {u"consentFor"_s, 31 + m_salt},
                      {u"consentTotal"_s, 35 + m_salt},
                      {u"centreLevel"_s, u"town"_s},
                      {u"steps"_s, QJsonArray{QJsonObject{{u"action"_s, u"submit"_s}}}}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            f.insert(it.key(), it.value());
        return m_push.put(m_clerk, kListing, {}, m_village, {}, f);
    }

    // Appends a step to the listing's path, as the clerk unless another actor is given.
    void step(const QString &listingId, const QJsonObject &s, const AuthSession *actor = nullptr)
    {
        QJsonArray steps = m_push.fieldsOf(listingId).value(u"steps"_s).toArray();
        steps.append(s);
        m_push.put(actor ? *actor : m_clerk, kListing, listingId, m_village, {}, {{u"steps"_s, steps}});
    }

    void approve(const QString &listingId) { step(listingId, {{u"action"_s, u"approve"_s}}, &m_reviewer); }

    void publish(const QString &listingId, QDate from, QDate to)
    {
        step(listingId, {{u"action"_s, u"publish"_s}, {u"from"_s, iso(from)}, {u"to"_s, iso(to)}});
    }

    void qualify(const QString &listingId, int qualified)
    {
        step(listingId, {{u"action"_s, u"qualify"_s}, {u"qualified"_s, qualified}});
    }

    // A notice of ten working days from `from`.
    void publishTenDays(const QString &listingId, QDate from)
    {
        publish(listingId, from, periodEnd(m_calendar, from, 10));
    }

    // Bidder `n` registers during the notice and pays the deposit on `paidOn`; qualified or not.
    QString registration(const QString &listingId, int n, QDate paidOn, bool qualified = true)
    {
        const QString bidderId = idNumber(n);
        return m_push.put(m_clerk, kRegistration, RegistrationType::recordIdFor(listingId, bidderId),
                          m_village, {},
                          {{u"listingId"_s, listingId},
                           {u"bidderName"_s, kBidders.at(n)},
                           {u"bidderId"_s, bidderId},
                           {u"depositPaid"_s, m_push.fieldsOf(listingId).value(u"deposit"_s)},
                           {u"depositPaidOn"_s, iso(paidOn)},
                           {u"qualified"_s, qualified}});
    }

    // The winner's deposit goes towards the price.
    void depositToPayment(const QString &registrationId)
    {
        m_push.put(m_clerk, kRegistration, registrationId, m_village, {}, {{u"depositToPayment"_s, true}});
    }

    // A bid the station's clerk takes at the centre, through the server's bid service.
    void bid(const QString &listingId, const QString &registrationId, Fen amount)
    {
        try {
            if (!m_bids.placeWithin(listingId, registrationId, amount, m_clerk.userId, m_clerk.scope,
                                    u"demo"_s, m_clerk.username))
                qWarning("demo bid of %lld fen not taken: another bid came first", amount);
        } catch (const ApiError &e) {
            qWarning("demo bid of %lld fen not taken: %s", amount, qPrintable(e.message()));
        }
    }

    // The town's register of the village's cadres and their close relatives, kept by the town's clerk: the
    // secretary in office since the 2021 election, her spouse, and the director.
    void cadreRegister()
    {
        const QJsonObject inOffice{{u"villageId"_s, m_village}, {u"inOfficeFrom"_s, u"2021-12-28"_s}};
        const auto entry = [&](const QString &position, const QString &cadre, int cadreNo,
                               const QString &relation, const QString &relative, int relativeNo) {
            QJsonObject f = inOffice;
            f.insert(u"position"_s, position);
            f.insert(u"cadreName"_s, cadre);
            f.insert(u"cadreIdNumber"_s, idNumber(cadreNo));
            f.insert(u"relation"_s, relation);
            f.insert(u"relativeName"_s, relative);
            f.insert(u"relativeIdNumber"_s, idNumber(relativeNo));
            m_push.put(m_clerk, kCadre, {}, m_town, {}, f);
        };
        const QString self = QString::fromUtf16(CadreRegisterType::kSelf);
        const QString secretary = u"王桂芳"_s;
        entry(u"secretary"_s, secretary, kSecretary, self, secretary, kSecretary);
        entry(u"secretary"_s, secretary, kSecretary, u"spouse"_s, kBidders.at(kSecretarySpouse),
              kSecretarySpouse);
        entry(u"director"_s, u"陆志强"_s, kDirector, self, u"陆志强"_s, kDirector);
    }

    // The tractor's lease, ending soon, let again by auction: three qualified bidders, four bids, the highest
    // above the reserve wins (the secretary's spouse: WINNER_RELATED_TO_CADRE); the result notice runs from
    // today. Signing has to wait until the notice has run five working days after the deal (the server dates
    // the deal today), so it stays 公示中; the two losers' deposits are not refunded yet
    // (DEPOSIT_NOT_REFUNDED once five working days have passed, and DEAL_NOT_SIGNED after ten if nobody
    // signs).
    void auctioned()
    {
        QJsonObject extra;
        if (const QString tractor = named(collective::CollectiveAssetType::kName, u"东方红拖拉机"_s);
            !tractor.isEmpty())
            extra.insert(u"assetId"_s, tractor);
        const Fen reserve = yuan(6'000 + m_salt * 100);
        const QString id = listing(u"东方红拖拉机三年租赁权"_s, u"other"_s, 3, reserve, yuan(200), extra);
        approve(id);
        const QDate from = noticeStart(30);
        publishTenDays(id, from);
        const QStringList bidders{registration(id, 0, from.addDays(1)), registration(id, 1, from.addDays(2)),
                                  registration(id, 2, from.addDays(3))};
        qualify(id, 3);
        const QList<QPair<int, Fen>> bids{
            {0, reserve}, {1, reserve + yuan(200)}, {2, reserve + yuan(600)}, {0, reserve + yuan(800)}};
        for (const auto &[who, amount] : bids)
            bid(id, bidders.at(who), amount);
        step(id, {{u"action"_s, u"hammer"_s}});
        depositToPayment(bidders.at(0));
        step(id, {{u"action"_s, u"announce"_s}, {u"from"_s, iso(m_today)}});
    }

    // Old brickworks land that nobody registered for (流拍), listed again at 80 % of the reserve under the
    // same decision of the representatives (RELIST_PRICE_DROP: beyond 10 % they must decide again).
    void relisted()
    {
        const Fen reserve = yuan(4'500 + m_salt * 100);
        const QString subject = u"村西废弃砖窑场地（15 亩）"_s;
        const QString first = listing(subject, u"wasteland"_s, 10, reserve, yuan(100), {{u"areaMu"_s, 15.0}});
        approve(first);
        publishTenDays(first, noticeStart(40));
        qualify(first, 0);
        const QJsonObject was = m_push.fieldsOf(first);
        const QString second = listing(subject, u"wasteland"_s, 10, reserve * 4 / 5, yuan(100),
                                       {{u"areaMu"_s, 15.0},
                                        {u"relistOf"_s, first},
                                        {u"decisionRef"_s, was.value(u"decisionRef"_s)},
                                        {u"decisionOn"_s, was.value(u"decisionOn"_s)}});
        approve(second);
        publishTenDays(second, m_today);
    }

    // The shopfront of the village office let for five years, on a notice of five working days from today
    // (LISTING_PERIOD_SHORT: at least seven).
    void shortNotice()
    {
        QJsonObject extra;
        if (const QString office = named(collective::CollectiveAssetType::kName, u"村部办公楼"_s);
            !office.isEmpty())
            extra.insert(u"assetId"_s, office);
        const QString id = listing(u"村部办公楼一楼临街门面房"_s, u"building"_s, 5,
                                   yuan(12'000 + m_salt * 200), yuan(500), extra);
        approve(id);
        publish(id, m_today, periodEnd(m_calendar, m_today, 5));
    }

    // A plot that only one bidder qualified for, twice: a second notice, then open negotiation at
    // `tenthsOfReserve` tenths of the reserve; announced from today when `announce`.
    void soleDeal(const QString &subject, const QString &rightKind, double mu, Fen reserve,
                  int tenthsOfReserve, bool announce)
    {
        const QString id = listing(subject, rightKind, 5, reserve, yuan(100), {{u"areaMu"_s, mu}});
        approve(id);
        const QDate from = noticeStart(60);
        const QDate to = periodEnd(m_calendar, from, 10);
        publish(id, from, to);
        const QString sole = registration(id, kSoleBidder, from.addDays(1));
        qualify(id, 1); // one: a second notice
        publishTenDays(id, m_calendar.nextWorkingDayOnOrAfter(to.addDays(1)));
        qualify(id, 1); // still one: open negotiation
        step(id, {{u"action"_s, u"negotiate"_s},
                  {u"registrationId"_s, sole},
                  {u"amount"_s, double(reserve * tenthsOfReserve / 10)}});
        depositToPayment(sole);
        if (announce)
            step(id, {{u"action"_s, u"announce"_s}, {u"from"_s, iso(m_today)}});
    }

    // Forest land on notice, suspended after a villager objected to the reserve.
    void suspended()
    {
        const QString id = listing(u"村西林地（30 亩）经营权"_s, u"forest"_s, 10, yuan(15'000 + m_salt * 300),
                                   yuan(500), {{u"areaMu"_s, 30.0}});
        approve(id);
        const QDate from = noticeStart(5);
        publishTenDays(id, from);
        registration(id, 3, std::min(from, m_today));
        step(id, {{u"action"_s, u"suspend"_s}, {u"reason"_s, u"有村民对挂牌底价提出异议，暂停挂牌核实"_s}});
    }

    Services &m_services;
    DemoPush &m_push;
    BidService m_bids;
    AuthSession m_clerk;
    AuthSession m_reviewer;
    QString m_county;
    QString m_town;
    QString m_village;
    QDate m_today;
    int m_salt;
    const WorkingCalendar &m_calendar = WorkingCalendar::current();
    int m_listingNo = 0;
};

// The village of the collective demo (the second of the county's first town), at its town's station; left
// alone when it has listings already.
void loadVillage(Services &services, DemoPush &push, const QString &county, int salt, QDate today)
{
    const QString village = push.villagesUnder(county, 2).value(1);
    if (village.isEmpty())
        return;
    SqlQuery listings(services.store, u"SELECT COUNT(*) FROM records WHERE type = ? AND org_unit_id = ?"_s);
    listings.bindText(kListing).bindText(village).exec();
    if (listings.next() && listings.int64(0) > 0)
        return;
    const QString town = push.townOf(village);
    const QString townPath = u"/"_s + kCity + u'/' + county + u'/' + town + u'/';
    const AuthSession clerk = demoActor(u"town-clerk"_s, Role::Clerk, town, townPath, {});
    const AuthSession reviewer = demoActor(u"town-reviewer"_s, Role::Reviewer, town, townPath, {});
    DemoTrading(services, push, clerk, reviewer, county, town, village, today, salt).load();
}

} // namespace

void TradingDemo::loadIfEmpty(Services &services)
{
    const QDate today = services.clock.todayInChina();
    Transaction tx(services.store);
    DemoPush push(services);
    const QStringList counties = push.counties();
    int salt = 0;
    for (const QString &county : std::as_const(counties))
        loadVillage(services, push, county, ++salt, today);
    tx.commit();
}

} // namespace sunshine
