#include "server/card/CardDemo.h"

#include "common/card/CardTypes.h"
#include "common/core/IdCard.h"
#include "common/core/WorkingCalendar.h"
#include "server/api/Services.h"
#include "server/demo/DemoPush.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

using namespace card;

const QString kCity = u"320600000000"_s;

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// The last day before `from` that is not a working day (a weekend or a holiday).
QDate lastDayOff(QDate from)
{
    const WorkingCalendar &calendar = WorkingCalendar::current();
    QDate d = from.addDays(-1);
    while (calendar.isWorkingDay(d))
        d = d.addDays(-1);
    return d;
}

// The last working day on or before `from`.
QDate lastWorkingDay(QDate from)
{
    const WorkingCalendar &calendar = WorkingCalendar::current();
    QDate d = from;
    while (!calendar.isWorkingDay(d))
        d = d.addDays(-1);
    return d;
}

class VillageCards
{
public:
    VillageCards(DemoPush &push, const AuthSession &clerk, const AuthSession &reviewer,
                 const QString &village, QDate today, int salt)
        : m_push(push)
        , m_clerk(clerk)
        , m_reviewer(reviewer)
        , m_village(village)
        , m_today(today)
        , m_salt(salt)
    {}

    QString card(const QString &holder, const QString &idNumber, const QString &role, const QString &state,
                 const QString &kind, Fen limit, int repaymentDay, const QString &last4)
    {
        QJsonObject f{{u"holderName"_s, holder},
                      {u"holderId"_s, idNumber},
                      {u"holderRole"_s, role},
                      {u"bank"_s, u"江苏南通农村商业银行"_s},
                      {u"last4"_s, last4},
                      {u"kind"_s, kind},
                      {u"monthLimit"_s, double(limit)},
                      {u"repaymentDay"_s, repaymentDay},
                      {u"fundingAccount"_s, fundingAccount()},
                      {u"state"_s, state}};
        if (state == u"active"_s)
            f.insert(u"issuedOn"_s, iso(m_today.addDays(-200)));
        return m_push.put(m_clerk, QString::fromUtf16(VillageCardType::kName), {}, m_village, {}, f);
    }

    QString fundingAccount() const { return u"演示村股份经济合作社"_s; }

    QString request(const QString &card, const QString &purpose, const QString &category, Fen estimate,
                    QDate planned, const QJsonArray &steps)
    {
        const QString type = QString::fromUtf16(SpendRequestType::kName);
        const QString id = m_push.put(m_clerk, type, {}, m_village, {},
                                      {{u"cardId"_s, card},
                                       {u"purpose"_s, purpose},
                                       {u"category"_s, category},
                                       {u"estimate"_s, double(estimate)},
                                       {u"plannedOn"_s, iso(planned)}});
        for (const QJsonValue &s : steps) {
            // After the steps as stored (the server stamps each with its day and author).
            QJsonArray taken = m_push.fieldsOf(id).value(u"steps"_s).toArray();
            taken.append(s);
            const bool town = s.toObject().value(u"action"_s).toString() == u"town-approve"_s;
            m_push.put(town ? m_reviewer : m_clerk, type, id, m_village, {}, {{u"steps"_s, taken}});
        }
        return id;
    }

    QString txn(const QString &card, QDate on, const QString &at, TxnKind kind, Fen amount,
                const QString &merchant, const QString &mcc, const QString &channel,
                const QString &counterparty = {}, const QString &requestId = {})
    {
        const QString ref = u"%1%2%3"_s.arg(on.toString(u"yyyyMMdd"_s))
                                .arg(m_salt, 2, 10, QChar(u'0'))
                                .arg(++m_ref, 6, 10, QChar(u'0'));
        QJsonObject f{
            {u"cardId"_s, card},           {u"on"_s, iso(on)}, {u"at"_s, at}, {u"kind"_s, txnKindName(kind)},
            {u"amount"_s, double(amount)}, {u"bankRef"_s, ref}};
        if (!merchant.isEmpty())
            f.insert(u"merchant"_s, merchant);
        if (!mcc.isEmpty())
            f.insert(u"mcc"_s, mcc);
        if (!channel.isEmpty())
            f.insert(u"channel"_s, channel);
        if (!counterparty.isEmpty())
            f.insert(u"counterparty"_s, counterparty);
        if (!requestId.isEmpty())
            f.insert(u"requestId"_s, requestId);
        return m_push.put(m_clerk, QString::fromUtf16(CardTransactionType::kName),
                          CardTransactionType::recordIdFor(card, ref), m_village, {}, f);
    }

    // A claim covering `txns`, taken through `actions` ("village-check", "town-check", "book", "return").
    QString claim(const QString &card, QDate on, const QString &purpose, const QStringList &txns, Fen amount,
                  const QStringList &actions)
    {
        const QString type = QString::fromUtf16(CardClaimType::kName);
        const QString id = m_push.put(m_clerk, type, {}, m_village, {},
                                      {{u"cardId"_s, card},
                                       {u"claimedOn"_s, iso(on)},
                                       {u"amount"_s, double(amount)},
                                       {u"purpose"_s, purpose},
                                       {u"handler"_s, u"周会计"_s},
                                       {u"witness"_s, u"吴主任"_s}});
        for (const QString &t : txns)
            m_push.put(m_clerk, QString::fromUtf16(CardTransactionType::kName), t, m_village, {},
                       {{u"claimId"_s, id}});
        for (const QString &a : actions) {
            QJsonArray steps = m_push.fieldsOf(id).value(u"steps"_s).toArray();
            QJsonObject step{{u"action"_s, a}};
            if (a == u"village-check"_s)
                step.insert(u"checker"_s, u"钱监委"_s);
            else if (a == u"book"_s)
                step.insert(u"voucherNo"_s,
                            u"记-%1-%2"_s.arg(on.toString(u"yyyyMM"_s)).arg(++m_voucher, 3, 10, QChar(u'0')));
            else if (a == u"return"_s)
                step.insert(u"reason"_s, u"缺少接待审批单，请补齐后重新提交"_s);
            steps.append(step);
            const bool reviewer = a == u"town-check"_s || (a == u"return"_s && steps.size() > 1);
            m_push.put(reviewer ? m_reviewer : m_clerk, type, id, m_village, {}, {{u"steps"_s, steps}});
        }
        return id;
    }

private:
    DemoPush &m_push;
    AuthSession m_clerk;
    AuthSession m_reviewer;
    QString m_village;
    QDate m_today;
    int m_salt;
    int m_ref = 0;
    int m_voucher = 0;
};

// One village of a county with three cards and a month and a half of statements: ordinary spending with its
// requests and claims, and one case of each warning.
void loadVillage(DemoPush &push, const QString &county, int salt, QDate today)
{
    const QString village = push.villagesUnder(county, 1).value(0);
    if (village.isEmpty())
        return;
    const QString town = push.townOf(village);
    const QString townPath = u"/"_s + kCity + u'/' + county + u'/' + town + u'/';
    const AuthSession clerk = demoActor(u"town-clerk"_s, Role::Clerk, town, townPath, {});
    const AuthSession reviewer = demoActor(u"town-reviewer"_s, Role::Reviewer, town, townPath, {});
    VillageCards v(push, clerk, reviewer, village, today, salt);
    // Demo ID numbers: the county's region code, born 1968–1970, with their check character.
    auto idNumber = [&](int n) {
        const QString body = county.left(6) + QString::number(19680311 + n * 10000 + salt) +
                             QString::number(100 + salt * 3 + n);
        return QString(body + IdCard::checkCharacter(body));
    };
    const QString secretary = v.card(u"赵书记"_s, idNumber(0), u"secretary"_s, u"active"_s, u"credit"_s,
                                     300'000, 20, u"%1"_s.arg(4100 + salt));
    const QString director = v.card(u"吴主任"_s, idNumber(1), u"director"_s, u"active"_s, u"debit"_s, 120'000,
                                    25, u"%1"_s.arg(5200 + salt));
    v.card(u"周会计"_s, idNumber(2), u"bookkeeper"_s, u"applied"_s, u"debit"_s, 100'000, 25,
           u"%1"_s.arg(6300 + salt));

    const QDate d40 = lastWorkingDay(today.addDays(-40));
    const QDate d12 = lastWorkingDay(today.addDays(-12));
    const QDate d8 = lastWorkingDay(today.addDays(-8));
    const QDate d5 = lastWorkingDay(today.addDays(-5));
    const QDate d3 = lastWorkingDay(today.addDays(-3));
    const QDate off = lastDayOff(today.addDays(-2));

    // Requests: the director's tier, the representatives' meeting with the town, one waiting, one refused.
    const QJsonObject byDirector{
        {u"action"_s, u"approve"_s}, {u"body"_s, u"director"_s}, {u"signer"_s, u"吴主任"_s}};
    const QString office = v.request(secretary, u"购买办公用品（打印纸、墨盒）"_s, u"office"_s, 45'000, d40,
                                     QJsonArray{byDirector});
    const QString training = v.request(secretary, u"村干部赴县农经培训差旅"_s, u"travel"_s, 180'000, d12,
                                       QJsonArray{QJsonObject{{u"action"_s, u"approve"_s},
                                                              {u"body"_s, u"representatives"_s},
                                                              {u"signer"_s, u"村民代表会议"_s}},
                                                  QJsonObject{{u"action"_s, u"town-approve"_s}}});
    v.request(director, u"村部电费及通讯费"_s, u"utilities"_s, 80'000, today, {});
    v.request(director, u"村庆活动接待"_s, u"hospitality"_s, 150'000, d8,
              QJsonArray{QJsonObject{{u"action"_s, u"reject"_s}, {u"reason"_s, u"不属于村务卡支出范围"_s}}});

    // The statement: the collective refills the card, ordinary spending, a refund that cancels a purchase.
    v.txn(secretary, d40, u"09:12:00"_s, TxnKind::Repayment, 300'000, {}, {}, u"counter"_s,
          v.fundingAccount());
    const QString paper = v.txn(secretary, d40, u"10:05:31"_s, TxnKind::Purchase, 42'800, u"通州文具商店"_s,
                                u"5943"_s, u"pos"_s, {}, office);
    const QString phone = v.txn(secretary, d40.addDays(1), u"15:40:02"_s, TxnKind::Purchase, 12'000,
                                u"中国移动通州营业厅"_s, u"4814"_s, u"pos"_s);
    const QString old = v.txn(secretary, lastWorkingDay(today.addDays(-55)), u"11:20:45"_s, TxnKind::Purchase,
                              16'500, u"兴旺印刷社"_s, u"2741"_s, u"qr"_s);
    v.txn(secretary, d12, u"14:02:10"_s, TxnKind::Purchase, 45'000, u"苏果超市"_s, u"5411"_s, u"pos"_s);
    v.txn(secretary, d12.addDays(1), u"09:30:00"_s, TxnKind::Refund, 45'000, u"苏果超市"_s, u"5411"_s,
          u"pos"_s);
    const QString trip = v.txn(secretary, d8, u"08:15:22"_s, TxnKind::Purchase, 168'000, u"南通汽车客运站"_s,
                               u"4131"_s, u"pos"_s, {}, training);
    // One case of each warning.
    v.txn(director, d5, u"16:48:09"_s, TxnKind::Cash, 50'000, u"农商银行自助银行"_s, u"6011"_s, u"atm"_s);
    const QString bar =
        v.txn(director, d8, u"21:05:40"_s, TxnKind::Purchase, 38'000, u"夜色酒吧"_s, u"5813"_s, u"pos"_s);
    for (int i = 0; i < 3; ++i)
        v.txn(director, d3.addDays(i == 2 ? 1 : 0).addDays(-1), i == 1 ? u"23:40:00"_s : u"10:10:00"_s,
              TxnKind::Purchase, 40'000 + i * 1'000, u"润发农资店"_s, u"5200"_s, u"qr"_s);
    const QString meal =
        v.txn(secretary, off, u"11:26:18"_s, TxnKind::Purchase, 26'000, u"濠河饭店"_s, u"5812"_s, u"pos"_s);
    v.txn(director, d5, u"10:00:00"_s, TxnKind::Purchase, 96'000, u"五金建材城"_s, u"5251"_s, u"pos"_s);
    v.txn(director, d12, u"10:30:00"_s, TxnKind::TransferIn, 20'000, {}, {}, u"online"_s, u"吴某某"_s);
    // Claims: one booked, one checked by the town, one waiting for the committee, one it returned.
    v.claim(secretary, d40.addDays(3), u"办公用品及通讯费"_s, {paper, phone}, 54'800,
            {u"village-check"_s, u"town-check"_s, u"book"_s});
    v.claim(secretary, d5, u"培训差旅"_s, {trip}, 168'000, {u"village-check"_s, u"town-check"_s});
    v.claim(secretary, today, u"公务接待用餐"_s, {meal}, 26'000, {});
    v.claim(director, d3, u"村务接待"_s, {bar}, 38'000, {u"return"_s});
    Q_UNUSED(old) // left unclaimed: its claim is overdue (CARD_UNCLAIMED)
}

} // namespace

void CardDemo::loadIfEmpty(Services &services)
{
    {
        SqlQuery any(services.store, u"SELECT COUNT(*) FROM records WHERE type = 'village-card'"_s);
        any.exec();
        if (any.next() && any.int64(0) > 0)
            return;
    }
    const QDate today = services.clock.todayInChina();
    Transaction tx(services.store);
    DemoPush push(services);
    const QStringList counties = push.counties();
    // 通州区 sets its own tiers (600 and 1,200 yuan); the other counties keep the defaults.
    const QString tongzhou = u"320612000000"_s;
    const AuthSession countyReviewer =
        demoActor(u"county-reviewer"_s, Role::Reviewer, tongzhou, u"/"_s + kCity + u'/' + tongzhou + u'/',
                  tongzhou + u"-poverty-office"_s);
    push.put(countyReviewer, QString::fromUtf16(card::CardTierSettingType::kName),
             card::CardTierSettingType::recordIdFor(tongzhou), tongzhou, {},
             {{u"directorMax"_s, 60'000},
              {u"committeesMax"_s, 120'000},
              {u"note"_s, u"通州区村务卡管理实施细则（演示）"_s}});
    int salt = 0;
    for (const QString &county : std::as_const(counties))
        loadVillage(push, county, ++salt, today);
    tx.commit();
}

} // namespace sunshine
