#include "server/collective/CollectiveDemo.h"

#include "common/collective/CollectiveTypes.h"
#include "common/collective/DisclosureReport.h"
#include "common/collective/LedgerTypes.h"
#include "common/core/IdCard.h"
#include "server/api/Services.h"
#include "server/demo/DemoPush.h"

#include <QHash>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

using namespace collective;

const QString kCity = u"320600000000"_s;
const QString kBankAccount = u"农商银行基本户"_s;
// The counterparties: villagers (with a demo ID number each) and firms (with a credit code).
const QStringList kPeople{u"顾海林"_s, u"陈建国"_s, u"施卫东"_s, u"黄志强"_s, u"陆美华"_s};
const QStringList kFirms{u"南通绿源蔬菜专业合作社"_s, u"通州区丰收农机服务专业合作社"_s,
                         u"南通恒泰纺织有限公司"_s};
// The month of the books (counted from their opening) when the cash for the festive visits stayed in the safe
// overnight: that day ends above the cash limit (CASH_OVER_LIMIT).
constexpr int kVisitMonth = 6;

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

QDate firstOfMonth(QDate d)
{
    return QDate(d.year(), d.month(), 1);
}

constexpr Fen yuan(qint64 y)
{
    return y * 100;
}

// One line of a journal as it happened, or a cash close; all are written in date order.
struct BookEvent
{
    QDate on;
    int rank = 0;      // within a day: 0 the entries, 1 the day's close, 2 the month's close
    bool cash = false; // the cash journal (a close always is), else the bank account's
    bool debit = false;
    Fen amount = 0;
    QString entryClass;
    QString summary;
    QString counterparty;
    bool sameVoucher = false; // the second half of a transfer, on the first half's voucher
};

// One village's books as the town 农经站 keeps them (村账镇代管): its clerk enters, its reviewer signs the
// contracts off. Figures vary with the county's salt.
class DemoBooks
{
public:
    DemoBooks(DemoPush &push, const AuthSession &clerk, const AuthSession &reviewer, const QString &county,
              const QString &town, const QString &village, QDate today, int salt)
        : m_push(push)
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
        resources();
        assets();
        for (int year = m_today.year() - 1; year <= m_today.year(); ++year) {
            const int rise = (year - m_today.year()) * 20; // last year's was a little lower
            reference(u"land"_s, year, yuan(800 + rise + m_salt * 10));
            reference(u"water"_s, year, yuan(990 + rise * 2 + m_salt * 10));
        }
        contracts();
        leases();
        journals();
        disclosures();
    }

private:
    QString put(const char16_t *type, const QJsonObject &f, const QString &id = {},
                const AuthSession *actor = nullptr)
    {
        return m_push.put(actor ? *actor : m_clerk, QString::fromUtf16(type), id, m_village, {}, f);
    }

    QString resource(const QString &name, const QString &kind, const QString &location, double mu,
                     QDate termEndsOn = {})
    {
        QJsonObject f{{u"name"_s, name},
                      {u"kind"_s, kind},
                      {u"location"_s, location},
                      {u"areaMu"_s, mu},
                      {u"state"_s, u"let"_s}};
        if (termEndsOn.isValid())
            f.insert(u"termEndsOn"_s, iso(termEndsOn));
        return put(CollectiveResourceType::kName, f);
    }

    // The reserved land's term ends with the second-round contracts (二轮承包, 2027-12-31), extended by
    // thirty years once that day is near (到期后再延长三十年).
    void resources()
    {
        const QDate secondRound(2027, 12, 31);
        m_landEnd = m_today <= QDate(2027, 6, 30) ? secondRound : secondRound.addYears(30);
        m_farmland = resource(u"村东片机动地"_s, u"land"_s, u"村东组"_s, 120.0 + m_salt * 2, m_landEnd);
        m_pond = resource(u"村南养殖鱼塘"_s, u"water"_s, u"南河边"_s, m_pondArea);
        m_wasteland = resource(u"北圩荒滩"_s, u"wasteland"_s, u"北圩"_s, m_wasteArea);
    }

    QString asset(const QString &name, const QString &category, Fen value, const QString &acquiredBy,
                  int yearsAgo, int usefulYears, const QString &status, const QJsonObject &extra = {})
    {
        const QDate start = firstOfMonth(m_today.addYears(-yearsAgo));
        QJsonObject f{
            {u"code"_s, u"ZC%1-%2"_s.arg(start.year()).arg(int(m_assets.size()) + 1, 3, 10, QChar(u'0'))},
            {u"name"_s, name},
            {u"category"_s, category},
            {u"quantity"_s, 1},
            {u"originalValue"_s, double(value)},
            {u"acquiredBy"_s, acquiredBy},
            {u"startOn"_s, iso(start)},
            {u"usefulYears"_s, usefulYears},
            {u"status"_s, status},
            {u"custodian"_s, u"村委会"_s}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            f.insert(it.key(), it.value());
        m_assets.append(put(CollectiveAssetType::kName, f));
        return m_assets.last();
    }

    // The asset leaves the register `daysAgo`, its proceeds paid into the bank; the village committees
    // decided it 20 days before, unless `decided` is false.
    void dispose(const QString &assetId, const QString &kind, int daysAgo, Fen proceeds, bool decided)
    {
        const QDate on = m_today.addDays(-daysAgo);
        QJsonObject f{{u"status"_s, kind == u"scrap"_s ? u"scrapped"_s : u"disposed"_s},
                      {u"disposedOn"_s, iso(on)},
                      {u"disposalKind"_s, kind},
                      {u"disposalAmount"_s, double(proceeds)}};
        if (decided) {
            f.insert(u"decisionRef"_s, u"村两委会议纪要〔%1〕%2号"_s.arg(on.year()).arg(3 + m_salt));
            f.insert(u"decisionOn"_s, iso(on.addDays(-20)));
        }
        put(CollectiveAssetType::kName, f, assetId);
        const bool scrap = kind == u"scrap"_s;
        line(on, false, true, proceeds, u"other-income"_s,
             u"%1%2"_s.arg(scrap ? u"报废残值收入："_s : u"出售资产："_s,
                           m_push.fieldsOf(assetId).value(u"name"_s).toString()),
             scrap ? u"废旧物资回收站"_s : u"通州区二手车交易市场"_s);
    }

    void assets()
    {
        asset(u"村部办公楼"_s, u"building"_s, yuan(680'000 + m_salt * 5'000), u"built"_s, 12, 30,
              u"own-use"_s, {{u"location"_s, u"村部"_s}});
        m_tractor = asset(u"东方红拖拉机"_s, u"machinery"_s, yuan(86'000), u"bought"_s, 6, 10, u"leased"_s);
        m_greenhouse =
            asset(u"扶贫蔬菜大棚（8 栋）"_s, u"relief-asset"_s, yuan(420'000 + m_salt * 10'000), u"project"_s,
                  3, 15, u"leased"_s,
                  {{u"projectRef"_s, u"%1年度衔接资金设施蔬菜大棚项目"_s.arg(m_today.year() - 3)}});
        m_factory = asset(u"标准厂房"_s, u"building"_s, yuan(1'200'000), u"built"_s, 8, 30, u"leased"_s,
                          {{u"location"_s, u"村工业集中区"_s}});
        // The worn-out pump scrapped as the committees decided; the old van sold without any decision
        // (ASSET_DISPOSED_UNAPPROVED).
        dispose(asset(u"灌溉水泵（旧）"_s, u"water-works"_s, yuan(12'000), u"bought"_s, 14, 10, u"idle"_s),
                u"scrap"_s, 150, yuan(300), true);
        dispose(asset(u"金杯面包车"_s, u"vehicle"_s, yuan(56'000), u"bought"_s, 11, 8, u"idle"_s), u"sale"_s,
                60, yuan(8'000 + m_salt * 200), false);
    }

    // A town's reference rent per mu (left alone when the town has set it).
    void reference(const QString &kind, int year, Fen price)
    {
        const QString id = RentReferenceType::recordIdFor(m_town, kind, year);
        if (m_push.fieldsOf(id).isEmpty())
            m_push.put(m_clerk, QString::fromUtf16(RentReferenceType::kName), id, m_town, {},
                       {{u"kind"_s, kind}, {u"year"_s, year}, {u"pricePerMu"_s, double(price)}});
    }

    QDate landUntil(QDate start, int years) const
    {
        return std::min(start.addYears(years).addDays(-1), m_landEnd);
    }

    // A contract as the villagers' meeting decided it: a resource contracted out per mu (`mu` > 0) or an
    // asset leased for a yearly sum (`price`), to a villager or a firm of the lists above.
    QJsonObject deal(const QString &subject, const QString &party, QDate start, QDate end, double mu,
                     Fen price)
    {
        const bool lease = mu <= 0;
        const int no = ++m_contractNo;
        QJsonObject f{
            {u"contractNo"_s,
             u"%1%2-%3"_s.arg(lease ? u"ZL"_s : u"FB"_s).arg(start.year()).arg(no, 3, 10, QChar(u'0'))},
            {u"kind"_s, lease ? u"lease"_s : u"contracting-out"_s},
            {lease ? u"assetId"_s : u"resourceId"_s, subject},
            {u"counterpartyName"_s, party},
            {u"startOn"_s, iso(start)},
            {u"endOn"_s, iso(end)},
            {u"decisionRef"_s, u"村民代表会议决议〔%1〕%2号"_s.arg(start.year()).arg(no)},
            {u"decisionOn"_s, iso(std::min(start.addDays(-45), m_today))},
            {u"attendance"_s,
             u"应到 %1 人，实到 %2 人，同意 %3 人"_s.arg(35 + m_salt).arg(31 + m_salt).arg(29 + m_salt)}};
        if (lease) {
            f.insert(u"yearlyRent"_s, double(price));
        } else {
            f.insert(u"areaMu"_s, mu);
            f.insert(u"pricePerMu"_s, double(price));
        }
        if (const int firm = int(kFirms.indexOf(party)); firm >= 0)
            f.insert(u"counterpartyCode"_s,
                     u"91%1MA%2"_s.arg(m_county.left(6)).arg(10'000'000 + m_salt * 10 + firm));
        else
            f.insert(u"counterpartyId"_s, idNumber(int(kPeople.indexOf(party))));
        return f;
    }

    // Demo ID numbers: the county's region code, born 1962–1966, with their check character.
    QString idNumber(int n) const
    {
        const QString body = m_county.left(6) +
                             QDate(1962 + n, 1 + (m_salt + n) % 12, 3 + m_salt + n).toString(u"yyyyMMdd"_s) +
                             QString::number(300 + m_salt * 10 + n);
        return body + IdCard::checkCharacter(body);
    }

    // Let through the rural property exchange (农村产权交易) on `on`.
    void traded(QJsonObject &f, QDate on) const
    {
        f.insert(u"dealNo"_s,
                 u"NTCQ-%1-%2"_s.arg(on.toString(u"yyyyMMdd"_s)).arg(m_contractNo, 3, 10, QChar(u'0')));
        f.insert(u"dealOn"_s, iso(on));
    }

    // Drafted by the clerk, sent for review, signed off by the town's reviewer (the server schedules the rent
    // instalments), then running: taken as far as `until`. Then the rent of every instalment due by today is
    // received in full on its due day (`lateDays` later for some), save instalment `unpaid`, and paid into
    // the bank.
    QString let(QJsonObject f, const QString &until, const QString &summary,
                const QHash<int, int> &lateDays = {}, int unpaid = 0)
    {
        f.insert(u"state"_s, u"draft"_s);
        const QString id = put(CollectiveContractType::kName, f);
        m_contracts.append(id);
        const QStringList steps{u"review"_s, u"signed"_s, u"running"_s};
        for (const QString &state : steps) {
            if (until == u"draft"_s)
                break;
            put(CollectiveContractType::kName, {{u"state"_s, state}}, id,
                state == u"signed"_s ? &m_reviewer : nullptr);
            if (state == until)
                break;
        }
        const QString income = f.contains(u"assetId"_s) ? u"operating-income"_s : u"contracting-income"_s;
        for (int n = 1;; ++n) {
            const QString instalment = InstalmentType::recordIdFor(id, n);
            const QJsonObject due = m_push.fieldsOf(instalment);
            if (due.isEmpty())
                return id;
            m_instalments.append(instalment);
            const QDate dueOn = QDate::fromString(due.value(u"dueOn"_s).toString(), Qt::ISODate);
            if (n == unpaid || dueOn > m_today)
                continue;
            const QDate on = std::min(dueOn.addDays(lateDays.value(n, 0)), m_today);
            const Fen amount = due.value(u"amountDue"_s).toInteger();
            put(InstalmentType::kName, {{u"received"_s, double(amount)}, {u"receivedOn"_s, iso(on)}},
                instalment);
            line(on, false, true, amount, income, summary, f.value(u"counterpartyName"_s).toString());
        }
    }

    // The land, the pond and the wasteland contracted out per mu.
    void contracts()
    {
        const QDate t = m_today;
        // The fish pond, let by tender for five years; the second year's rent came three weeks late.
        QDate start = firstOfMonth(t.addMonths(-30));
        QJsonObject f = deal(m_pond, kPeople[0], start, start.addYears(5).addDays(-1), m_pondArea,
                             yuan(1'050 + m_salt * 10));
        f.insert(u"deposit"_s, double(yuan(10'000)));
        traded(f, start.addDays(-20));
        let(f, u"running"_s, u"收鱼塘承包费"_s, {{2, 21}});
        // 40 mu to a villager well under the town's reference rent (CONTRACT_LOW_PRICE), kept off the
        // exchange.
        start = firstOfMonth(t.addDays(-100));
        f = deal(m_farmland, kPeople[1], start, landUntil(start, 3), 40, yuan(500 + m_salt * 5));
        f.insert(u"exemptReason"_s, u"本村村民承包，经村民代表会议同意不进场交易"_s);
        let(f, u"running"_s, u"收机动地承包费"_s);
        // The wasteland let for twenty years (CONTRACT_TERM_EXCEEDS).
        start = firstOfMonth(t.addDays(-300));
        f = deal(m_wasteland, kPeople[2], start, start.addYears(20).addDays(-1), m_wasteArea,
                 yuan(200 + m_salt * 5));
        traded(f, start.addDays(-20));
        let(f, u"running"_s, u"收荒滩承包费"_s);
        // 70 mu let for over 50,000 yuan without going through the exchange (CONTRACT_NOT_TRADED).
        start = firstOfMonth(t.addDays(-200));
        f = deal(m_farmland, kPeople[3], start, landUntil(start, 5), 70, yuan(820 + m_salt * 10));
        let(f, u"running"_s, u"收机动地承包费"_s);
        // The last 10 mu, still being drafted.
        start = firstOfMonth(t.addMonths(1));
        let(deal(m_farmland, kPeople[4], start, landUntil(start, 3), 10, yuan(800 + m_salt * 10)), u"draft"_s,
            {});
    }

    // The greenhouses, the tractor and the factory building leased for a yearly rent.
    void leases()
    {
        const QDate t = m_today;
        // The relief greenhouses leased to a co-operative: the second year's rent owed for 45 days
        // (RENT_OVERDUE).
        QDate start = t.addDays(-45).addYears(-1);
        QJsonObject f = deal(m_greenhouse, kFirms[0], start, start.addYears(3).addDays(-1), 0,
                             yuan(36'000 + m_salt * 500));
        traded(f, start.addDays(-20));
        let(f, u"running"_s, u"收扶贫大棚租金"_s, {}, 2);
        // The tractor's three-year lease ends in 40 days with no renewal yet (CONTRACT_EXPIRING).
        QDate end = t.addDays(40);
        f = deal(m_tractor, kFirms[1], end.addDays(1).addYears(-3), end, 0, yuan(6'000 + m_salt * 100));
        let(f, u"running"_s, u"收拖拉机租金"_s);
        // The factory's lease ends in 25 days and is renewed at a higher rent rising 3 % a year: once the
        // renewal is signed, the server marks the old lease renewed.
        end = t.addDays(25);
        start = end.addDays(1);
        f = deal(m_factory, kFirms[2], start.addYears(-3), end, 0, yuan(48'000 + m_salt * 1'000));
        traded(f, start.addYears(-3).addDays(-20));
        const QString old = let(f, u"running"_s, u"收标准厂房租金"_s);
        f = deal(m_factory, kFirms[2], start, start.addYears(3).addDays(-1), 0,
                 yuan(52'000 + m_salt * 1'000));
        f.insert(u"yearlyIncreasePercent"_s, 3.0);
        f.insert(u"renews"_s, old);
        traded(f, t.addDays(-10));
        let(f, u"signed"_s, u"收标准厂房租金"_s);
    }

    // A journal line, unless it falls before the books were opened or after today.
    void line(QDate on, bool cash, bool debit, Fen amount, const QString &entryClass, const QString &summary,
              const QString &counterparty = {}, bool sameVoucher = false)
    {
        if (on >= m_opening && on <= m_today)
            m_events.append({on, 0, cash, debit, amount, entryClass, summary, counterparty, sameVoucher});
    }

    // 提取现金: out of the bank and into the cash, on one voucher.
    void transfer(QDate on, Fen amount, const QString &summary)
    {
        line(on, false, false, amount, u"transfer"_s, summary, u"库存现金"_s);
        line(on, true, true, amount, u"transfer"_s, summary, kBankAccount, true);
    }

    // A year of village business, month by month: cash drawn on payday for the cleaners' wages and the
    // month's office supplies, the town's grant each quarter, the bank's interest, two road repairs, the
    // festive visits.
    void monthly()
    {
        int i = 0;
        for (QDate month = m_opening; month <= m_today; month = month.addMonths(1), ++i) {
            const Fen wages = yuan(1'800 + m_salt * 20);
            const Fen supplies = yuan(120 + (i * 37 + m_salt * 11) % 160);
            const QDate payday = month.addDays(9);
            transfer(payday, wages + supplies, u"提取现金备发保洁工资"_s);
            line(payday, true, false, wages, u"public-welfare"_s, u"支付%1月保洁工资"_s.arg(month.month()),
                 u"村保洁员"_s);
            line(month.addDays(17), true, false, supplies, u"management"_s, u"购买办公用品"_s,
                 u"通州文具商店"_s);
            if (month.month() % 3 == 2)
                line(month.addDays(5), false, true, yuan(60'000 + m_salt * 1'000), u"subsidy-income"_s,
                     u"上级补助（村级组织运转经费）"_s, u"镇财政所"_s);
            if (month.month() % 3 == 0)
                line(month.addDays(20), false, true, yuan(150 + m_salt * 7 + i), u"other-income"_s,
                     u"第%1季度存款利息"_s.arg(month.month() / 3), u"江苏南通农村商业银行"_s);
            if (i == 3 || i == 9)
                line(month.addDays(24), false, false, yuan(i == 3 ? 32'000 + m_salt * 500 : 18'500),
                     u"public-welfare"_s, u"村道维修"_s, u"通州区路桥工程队"_s);
            if (i == kVisitMonth) {
                transfer(month.addDays(19), yuan(4'500 + m_salt * 50), u"提取现金备发慰问金"_s);
                line(month.addDays(20), true, false, yuan(4'500 + m_salt * 50), u"public-welfare"_s,
                     u"走访慰问困难群众"_s);
            }
        }
    }

    // 日清月结: the cash counted at the end of every day it moved, and on every month's last day.
    void closes()
    {
        QList<QDate> days;
        for (const BookEvent &e : std::as_const(m_events)) {
            if (e.cash && !days.contains(e.on))
                days.append(e.on);
        }
        for (const QDate &d : std::as_const(days))
            m_events.append({d, 1, true, false, 0, {}, {}, {}, false});
        for (QDate m = m_opening; QDate(m.year(), m.month(), m.daysInMonth()) <= m_today; m = m.addMonths(1))
            m_events.append(
                {QDate(m.year(), m.month(), m.daysInMonth()), 2, true, false, 0, {}, {}, {}, false});
    }

    void entry(const BookEvent &e)
    {
        if (!e.sameVoucher) {
            const QString month = e.on.toString(u"yyyyMM"_s);
            m_voucherSeq = month == m_voucherMonth ? m_voucherSeq + 1 : 1;
            m_voucherMonth = month;
            m_voucher = u"记-%1-%2"_s.arg(month).arg(m_voucherSeq, 3, 10, QChar(u'0'));
        }
        QJsonObject f{{u"bookId"_s, e.cash ? m_cash : m_bank},
                      {u"on"_s, iso(e.on)},
                      {u"voucherNo"_s, m_voucher},
                      {u"summary"_s, e.summary},
                      {u"direction"_s, e.debit ? u"debit"_s : u"credit"_s},
                      {u"amount"_s, double(e.amount)},
                      {u"entryClass"_s, e.entryClass}};
        if (!e.counterparty.isEmpty())
            f.insert(u"counterparty"_s, e.counterparty);
        m_entries.append(put(LedgerEntryType::kName, f));
    }

    // The cash counted agrees with the journal.
    void cashClose(const BookEvent &e)
    {
        const Fen balance = m_push.fieldsOf(m_cash).value(u"balance"_s).toInteger();
        put(CashCloseType::kName, {{u"bookId"_s, m_cash},
                                   {u"period"_s, e.rank == 1 ? u"day"_s : u"month"_s},
                                   {u"on"_s, iso(e.on)},
                                   {u"counted"_s, double(balance)},
                                   {u"countedBy"_s, u"周会计、钱监委"_s}});
    }

    QString book(const QString &kind, const QString &name, Fen opening)
    {
        return put(LedgerBookType::kName, {{u"kind"_s, kind},
                                           {u"name"_s, name},
                                           {u"openingOn"_s, iso(m_opening)},
                                           {u"openingBalance"_s, double(opening)}});
    }

    void journals()
    {
        m_cash = book(u"cash"_s, u"库存现金"_s, yuan(3'000 + m_salt * 20));
        m_bank = book(u"bank"_s, kBankAccount, yuan(200'000 + m_salt * 3'000));
        monthly();
        closes();
        std::stable_sort(m_events.begin(), m_events.end(), [](const BookEvent &a, const BookEvent &b) {
            return a.on != b.on ? a.on < b.on : a.rank < b.rank;
        });
        for (const BookEvent &e : std::as_const(m_events)) {
            if (e.rank == 0)
                entry(e);
            else
                cashClose(e);
        }
    }

    // The records as stored, each with its "id" when `withIds`.
    QList<QJsonObject> read(const QStringList &ids, bool withIds)
    {
        QList<QJsonObject> out;
        for (const QString &id : ids) {
            out.append(m_push.fieldsOf(id));
            if (withIds)
                out.last().insert(u"id"_s, id);
        }
        return out;
    }

    // Every quarter since the books were opened disclosed on time, save the latest ended one: generated and
    // checked by the finance group, but not posted (DISCLOSURE_LATE once the 15th has passed).
    void disclosures()
    {
        DisclosureInput in;
        in.books = read({m_cash, m_bank}, true);
        in.entries = read(m_entries, false);
        in.assets = read(m_assets, false);
        in.contracts = read(m_contracts, true);
        in.instalments = read(m_instalments, false);
        const Quarter latest = Quarter::of(m_today).previous();
        for (Quarter q = Quarter::of(m_opening); q < latest; q = q.next())
            disclose(in, q, true);
        disclose(in, latest, false);
    }

    // Checked on the 8th of the next quarter's first month and, when `post`, posted on the 12th.
    void disclose(DisclosureInput &in, const Quarter &q, bool post)
    {
        in.quarter = q;
        const QByteArray report = QJsonDocument(buildDisclosure(in)).toJson(QJsonDocument::Compact);
        QJsonObject f{{u"quarter"_s, q.toString()}, {u"report"_s, QString::fromUtf8(report)}};
        if (q.lastDay().addDays(8) <= m_today) {
            f.insert(u"checkedOn"_s, iso(q.lastDay().addDays(8)));
            f.insert(u"checkedBy"_s, u"钱国平"_s);
        }
        if (post) {
            f.insert(u"postedOn"_s, iso(q.lastDay().addDays(12)));
            f.insert(u"postedAt"_s, u"村务公开栏"_s);
        }
        put(DisclosureType::kName, f, DisclosureType::recordIdFor(m_village, q.toString()));
    }

    DemoPush &m_push;
    AuthSession m_clerk;
    AuthSession m_reviewer;
    QString m_county;
    QString m_town;
    QString m_village;
    QDate m_today;
    int m_salt;
    QDate m_opening = firstOfMonth(m_today.addDays(-400)); // both journals opened some 400 days ago
    QDate m_landEnd;
    double m_pondArea = 40.0 + m_salt;
    double m_wasteArea = 25.0 + m_salt;
    QString m_farmland, m_pond, m_wasteland, m_tractor, m_greenhouse, m_factory, m_cash, m_bank;
    int m_contractNo = 0;
    int m_voucherSeq = 0;
    QString m_voucherMonth, m_voucher;
    QList<BookEvent> m_events;
    QStringList m_entries, m_assets, m_contracts, m_instalments;
};

// The second village of the county's first town (the first shows the village cards), kept by that town's
// clerk and reviewer; left alone when it keeps books already.
void loadVillage(Services &services, DemoPush &push, const QString &county, int salt, QDate today)
{
    const QString village = push.villagesUnder(county, 2).value(1);
    SqlQuery books(services.store, u"SELECT COUNT(*) FROM records WHERE type = ? AND org_unit_id = ?"_s);
    books.bindText(QString::fromUtf16(LedgerBookType::kName)).bindText(village).exec();
    if (village.isEmpty() || (books.next() && books.int64(0) > 0))
        return;
    const QString town = push.townOf(village);
    const QString townPath = u"/"_s + kCity + u'/' + county + u'/' + town + u'/';
    const AuthSession clerk = demoActor(u"town-clerk"_s, Role::Clerk, town, townPath, {});
    const AuthSession reviewer = demoActor(u"town-reviewer"_s, Role::Reviewer, town, townPath, {});
    DemoBooks(push, clerk, reviewer, county, town, village, today, salt).load();
}

} // namespace

void CollectiveDemo::loadIfEmpty(Services &services)
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
