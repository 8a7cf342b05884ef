#include "common/collective/CollectiveWarnings.h"

#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::collective {

using rules::Finding;
using rules::RuleParameter;
using rules::RuleRecord;
using rules::Severity;

namespace {

const QString kBook = QString::fromUtf16(LedgerBookType::kName);
const QString kEntry = QString::fromUtf16(LedgerEntryType::kName);
const QString kAsset = QString::fromUtf16(CollectiveAssetType::kName);
const QString kResource = QString::fromUtf16(CollectiveResourceType::kName);
const QString kContract = QString::fromUtf16(CollectiveContractType::kName);
const QString kInstalment = QString::fromUtf16(InstalmentType::kName);
const QString kReference = QString::fromUtf16(RentReferenceType::kName);
const QString kDisclosure = QString::fromUtf16(DisclosureType::kName);
const QString kSettings = QString::fromUtf16(CollectiveSettingsType::kName);

QStringList watched()
{
    return {kBook, kEntry, kAsset, kResource, kContract, kInstalment, kReference, kDisclosure, kSettings};
}

QDate dateOf(const RuleRecord &r, const QString &field)
{
    return sync::RecordType::dateOf(r.fields, field);
}

Fen fenOf(const RuleRecord &r, const QString &field)
{
    return sync::RecordType::fenOf(r.fields, field);
}

QString yuan(Fen fen)
{
    return money::formatYuan(fen) + u" 元"_s;
}

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// The town of a village's org path ("/city/county/town/village/" → "/city/county/town/").
QString townPathOf(const QString &villagePath)
{
    const qsizetype cut = villagePath.lastIndexOf(u'/', villagePath.size() - 2);
    return cut > 0 ? villagePath.left(cut + 1) : QString();
}

QString contractLabel(const RuleRecord &c)
{
    return u"合同 %1（%2）"_s.arg(c.text(u"contractNo"_s), c.text(u"counterpartyName"_s));
}

bool signedContract(const RuleRecord &c)
{
    const QString state = c.text(u"state"_s);
    return !state.isEmpty() && state != u"draft"_s && state != u"review"_s;
}

} // namespace

const RuleRecord *VillageBooks::resource(const QString &id) const
{
    const auto it =
        std::find_if(resources.begin(), resources.end(), [&](const RuleRecord &r) { return r.id == id; });
    return it == resources.end() ? nullptr : &*it;
}

const RuleRecord *VillageBooks::contract(const QString &id) const
{
    const auto it =
        std::find_if(contracts.begin(), contracts.end(), [&](const RuleRecord &r) { return r.id == id; });
    return it == contracts.end() ? nullptr : &*it;
}

QList<VillageBooks> readVillageBooks(rules::RuleData &data, const QStringList &villagePaths)
{
    QMap<QString, VillageBooks> byPath; // in org order
    const auto place = [&](const RuleRecord &r) -> VillageBooks & {
        VillageBooks &v = byPath[r.orgPath];
        v.villageId = r.orgUnitId;
        v.orgPath = r.orgPath;
        return v;
    };
    const QList<std::pair<QString, QList<RuleRecord> VillageBooks::*>> lists{
        {kBook, &VillageBooks::books},
        {kEntry, &VillageBooks::entries},
        {kAsset, &VillageBooks::assets},
        {kResource, &VillageBooks::resources},
        {kContract, &VillageBooks::contracts},
        {kInstalment, &VillageBooks::instalments},
        {kDisclosure, &VillageBooks::disclosures}};
    const QStringList paths = villagePaths.isEmpty() ? QStringList{QString()} : villagePaths;
    for (const QString &path : paths) {
        rules::RuleFilter filter;
        filter.orgPath = path;
        for (const auto &[type, list] : lists)
            data.scan(type, filter, [&](const RuleRecord &r) { (place(r).*list).append(r); });
    }
    QHash<QString, QHash<QString, QMap<int, Fen>>> references; // town path → kind → year → price
    data.scan(kReference, {}, [&](const RuleRecord &r) {
        references[r.orgPath][r.text(u"kind"_s)].insert(int(r.fields.value(u"year"_s).toInteger()),
                                                        fenOf(r, u"pricePerMu"_s));
    });
    QHash<QString, QJsonObject> settings; // county id → its figures
    data.scan(kSettings, {}, [&](const RuleRecord &r) { settings.insert(r.orgUnitId, r.fields); });
    QList<VillageBooks> out;
    for (VillageBooks &v : byPath) {
        v.referenceRents = references.value(townPathOf(v.orgPath));
        const QStringList units = v.orgPath.split(u'/', Qt::SkipEmptyParts);
        const QJsonObject county = units.size() >= 2 ? settings.value(units.at(1)) : QJsonObject();
        if (county.contains(u"cashLimit"_s))
            v.cashLimit = sync::RecordType::fenOf(county, u"cashLimit"_s);
        if (county.contains(u"tradingThreshold"_s))
            v.tradingThreshold = sync::RecordType::fenOf(county, u"tradingThreshold"_s);
        std::sort(v.entries.begin(), v.entries.end(), [](const RuleRecord &a, const RuleRecord &b) {
            const qint64 sa = a.fields.value(u"seq"_s).toInteger();
            const qint64 sb = b.fields.value(u"seq"_s).toInteger();
            return sa != sb ? sa < sb : a.id < b.id;
        });
        out.append(std::move(v));
    }
    return out;
}

namespace {

const QList<VillageBooks> &villagesOf(rules::RuleData &data, const QStringList &paths)
{
    return data.shared<QList<VillageBooks>>(u"collective-books:"_s + paths.join(u','),
                                            [&data, &paths] { return readVillageBooks(data, paths); });
}

} // namespace

void CollectiveRule::evaluate(rules::RuleData &data, const rules::RuleRun &run,
                              const rules::FindingSink &sink) const
{
    for (const VillageBooks &v : villagesOf(data, {}))
        check(v, run, sink);
}

void CollectiveRule::evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                                     const QList<RuleRecord> &touched, const rules::FindingSink &sink) const
{
    // A town's new reference rent or a county's figures concern all its villages: the next full run takes
    // them in.
    QStringList paths;
    for (const RuleRecord &r : touched) {
        if (r.type != kReference && r.type != kSettings && !paths.contains(r.orgPath))
            paths.append(r.orgPath);
    }
    if (paths.isEmpty())
        return;
    std::sort(paths.begin(), paths.end());
    for (const VillageBooks &v : villagesOf(data, paths))
        check(v, run, sink);
}

Finding CollectiveRule::bookFinding(const RuleRecord &record, const QString &period, Severity severity,
                                    bool toDiscipline) const
{
    Finding f = finding(record.type, record.id, period, severity);
    f.placeAt(record);
    f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
    f.copyToDiscipline = toDiscipline;
    f.recordIds = {record.id};
    return f;
}

QStringList collectiveRuleCodes()
{
    QStringList out;
    for (const rules::Rule *r : rules::RuleRegistry::all()) {
        if (dynamic_cast<const CollectiveRule *>(r))
            out.append(r->code());
    }
    return out;
}

// --- RENT_OVERDUE
// -------------------------------------------------------------------------------------------

RentOverdueRule::RentOverdueRule()
    : CollectiveRule({u"RENT_OVERDUE"_s, u"租金逾期未收"_s, u"第二条"_s,
                      u"合同的一期租金（承包费）超过宽限期仍未收齐：集体收入流失"_s, watched()})
{}

QList<RuleParameter> RentOverdueRule::parameters() const
{
    return {{u"graceDays"_s, u"宽限天数（日历日）"_s, 30, 0, 365}};
}

void RentOverdueRule::check(const VillageBooks &v, const rules::RuleRun &run,
                            const rules::FindingSink &sink) const
{
    const qint64 grace = run.parameter(u"graceDays"_s);
    for (const RuleRecord &i : v.instalments) {
        const Fen owed = InstalmentType::outstanding(i.fields);
        const QDate due = dateOf(i, u"dueOn"_s);
        if (owed <= 0 || !due.isValid() || due.addDays(grace) >= run.today)
            continue;
        const RuleRecord *c = v.contract(i.text(u"contractId"_s));
        if (!c || !signedContract(*c) || c->text(u"state"_s) == u"ended"_s)
            continue;
        Finding f = bookFinding(i, {}, Severity::Yellow, false);
        f.recordIds.append(c->id);
        f.summary = u"%1第 %2 期租金应于 %3 收取，逾期 %4 天仍欠 %5"_s.arg(
            contractLabel(*c), QString::number(i.fields.value(u"number"_s).toInteger()), iso(due),
            QString::number(due.daysTo(run.today)), yuan(owed));
        f.evidence = {{u"contractNo"_s, c->text(u"contractNo"_s)},
                      {u"dueOn"_s, iso(due)},
                      {u"amountDue"_s, fenOf(i, u"amountDue"_s)},
                      {u"received"_s, fenOf(i, u"received"_s)}};
        sink(std::move(f));
    }
}

// --- CONTRACT_TERM_EXCEEDS
// ----------------------------------------------------------------------------------

ContractTermRule::ContractTermRule()
    : CollectiveRule({u"CONTRACT_TERM_EXCEEDS"_s, u"合同期限过长"_s, u"第二条"_s,
                      u"合同期限达到上限年数，或超出土地剩余承包期"_s, watched()})
{}

QList<RuleParameter> ContractTermRule::parameters() const
{
    return {{u"maxYears"_s, u"期限上限（年，达到即预警）"_s, 15, 1, 70}};
}

void ContractTermRule::check(const VillageBooks &v, const rules::RuleRun &run,
                             const rules::FindingSink &sink) const
{
    const qint64 maxMonths = run.parameter(u"maxYears"_s) * 12;
    for (const RuleRecord &c : v.contracts) {
        if (c.text(u"state"_s) == u"draft"_s)
            continue;
        const RentTerms terms = CollectiveContractType::termsOf(c.fields);
        const int months = termMonths(terms);
        const RuleRecord *resource = v.resource(c.text(u"resourceId"_s));
        const QDate landEnds = resource ? dateOf(*resource, u"termEndsOn"_s) : QDate();
        const bool beyondLand = landEnds.isValid() && terms.endOn > landEnds;
        if (months < maxMonths && !beyondLand)
            continue;
        Finding f = bookFinding(c, {}, Severity::Yellow, false);
        f.summary = beyondLand ? u"%1至 %2，超出土地承包期（%3 届满）"_s.arg(contractLabel(c),
                                                                             iso(terms.endOn), iso(landEnds))
                               : u"%1期限 %2 年 %3 个月，达到 %4 年的上限"_s.arg(
                                     contractLabel(c), QString::number(months / 12),
                                     QString::number(months % 12), QString::number(maxMonths / 12));
        f.evidence = {
            {u"startOn"_s, iso(terms.startOn)}, {u"endOn"_s, iso(terms.endOn)}, {u"months"_s, months}};
        if (beyondLand)
            f.evidence.insert(u"landTermEndsOn"_s, iso(landEnds));
        sink(std::move(f));
    }
}

// --- CONTRACT_LOW_PRICE
// -------------------------------------------------------------------------------------

ContractLowPriceRule::ContractLowPriceRule()
    : CollectiveRule({u"CONTRACT_LOW_PRICE"_s, u"合同价格偏低"_s, u"第二条"_s,
                      u"资源发包的每亩年租金低于乡镇同类资源指导价的一定比例"_s, watched()})
{}

QList<RuleParameter> ContractLowPriceRule::parameters() const
{
    return {{u"percent"_s, u"低于指导价的百分之几即预警"_s, 80, 1, 100}};
}

void ContractLowPriceRule::check(const VillageBooks &v, const rules::RuleRun &run,
                                 const rules::FindingSink &sink) const
{
    const qint64 percent = run.parameter(u"percent"_s);
    for (const RuleRecord &c : v.contracts) {
        if (c.text(u"state"_s) == u"draft"_s)
            continue;
        const RuleRecord *resource = v.resource(c.text(u"resourceId"_s));
        const Fen price = fenOf(c, u"pricePerMu"_s);
        const QDate start = dateOf(c, u"startOn"_s);
        if (!resource || price <= 0 || !start.isValid())
            continue;
        // The reference in force when the contract starts: the latest year not after its start.
        const QMap<int, Fen> byYear = v.referenceRents.value(resource->text(u"kind"_s));
        auto it = byYear.upperBound(start.year());
        if (it == byYear.begin())
            continue;
        --it;
        const Fen reference = it.value();
        if (price * 100 >= reference * percent)
            continue;
        Finding f = bookFinding(c, {}, Severity::Red, true);
        f.summary = u"%1每亩年租金 %2，低于乡镇 %3 年指导价 %4 的 %5%"_s.arg(
            contractLabel(c), yuan(price), QString::number(it.key()), yuan(reference),
            QString::number(percent));
        f.evidence = {{u"pricePerMu"_s, price}, {u"reference"_s, reference}, {u"referenceYear"_s, it.key()}};
        sink(std::move(f));
    }
}

// --- CONTRACT_NOT_TRADED
// ------------------------------------------------------------------------------------

ContractNotTradedRule::ContractNotTradedRule()
    : CollectiveRule({u"CONTRACT_NOT_TRADED"_s, u"应进场未进场交易"_s, u"第二条"_s,
                      u"合同总金额达到进场交易标准，却没有产权交易成交记录，也未说明免于进场的理由"_s,
                      watched()})
{}

QList<RuleParameter> ContractNotTradedRule::parameters() const
{
    return {{u"thresholdYuan"_s, u"进场交易标准（合同总金额，元）"_s, 50'000, 1, 100'000'000}};
}

void ContractNotTradedRule::check(const VillageBooks &v, const rules::RuleRun &run,
                                  const rules::FindingSink &sink) const
{
    const Fen threshold = v.tradingThreshold.value_or(run.parameter(u"thresholdYuan"_s) * 100);
    for (const RuleRecord &c : v.contracts) {
        if (!signedContract(c) || fenOf(c, u"value"_s) < threshold || !c.text(u"dealNo"_s).isEmpty() ||
            !c.text(u"exemptReason"_s).trimmed().isEmpty())
            continue;
        Finding f = bookFinding(c, {}, Severity::Red, true);
        f.summary = u"%1总金额 %2，达到 %3 的进场交易标准，没有产权交易成交记录"_s.arg(
            contractLabel(c), yuan(fenOf(c, u"value"_s)), yuan(threshold));
        f.evidence = {{u"value"_s, fenOf(c, u"value"_s)}, {u"threshold"_s, threshold}};
        sink(std::move(f));
    }
}

// --- ASSET_DISPOSED_UNAPPROVED
// ------------------------------------------------------------------------------

AssetDisposalRule::AssetDisposalRule()
    : CollectiveRule({u"ASSET_DISPOSED_UNAPPROVED"_s, u"资产处置未经民主决策"_s, u"第二条"_s,
                      u"集体资产出售、报废或毁损处置，没有处置前作出的集体决议"_s, watched()})
{}

QList<RuleParameter> AssetDisposalRule::parameters() const
{
    return {};
}

void AssetDisposalRule::check(const VillageBooks &v, const rules::RuleRun &,
                              const rules::FindingSink &sink) const
{
    for (const RuleRecord &a : v.assets) {
        const QDate disposed = dateOf(a, u"disposedOn"_s);
        if (!disposed.isValid())
            continue;
        const QDate decided = dateOf(a, u"decisionOn"_s);
        const bool noDecision = a.text(u"decisionRef"_s).trimmed().isEmpty() || !decided.isValid();
        if (!noDecision && decided <= disposed)
            continue;
        Finding f = bookFinding(a, {}, Severity::Red, true);
        f.summary = noDecision ? u"资产“%1”（原值 %2）于 %3 处置，没有集体决议"_s.arg(
                                     a.text(u"name"_s), yuan(fenOf(a, u"originalValue"_s)), iso(disposed))
                               : u"资产“%1”于 %2 处置，集体决议 %3 在处置之后"_s.arg(
                                     a.text(u"name"_s), iso(disposed), iso(decided));
        f.evidence = {{u"disposedOn"_s, iso(disposed)},
                      {u"disposalKind"_s, a.text(u"disposalKind"_s)},
                      {u"originalValue"_s, fenOf(a, u"originalValue"_s)}};
        sink(std::move(f));
    }
}

// --- CASH_OVER_LIMIT
// ----------------------------------------------------------------------------------------

CashOverLimitRule::CashOverLimitRule()
    : CollectiveRule({u"CASH_OVER_LIMIT"_s, u"库存现金超限额"_s, u"第二条"_s,
                      u"现金日记账某日终了的余额超过库存现金限额"_s, watched()})
{}

QList<RuleParameter> CashOverLimitRule::parameters() const
{
    return {{u"limitYuan"_s, u"库存现金限额（元）"_s, 5'000, 0, 1'000'000}};
}

void CashOverLimitRule::check(const VillageBooks &v, const rules::RuleRun &run,
                              const rules::FindingSink &sink) const
{
    const Fen limit = v.cashLimit.value_or(run.parameter(u"limitYuan"_s) * 100);
    for (const RuleRecord &book : v.books) {
        if (book.text(u"kind"_s) != u"cash"_s)
            continue;
        // The balance at each day's end: the last entry of the day (entries are in the server's order).
        QMap<QDate, const RuleRecord *> endOfDay;
        for (const RuleRecord &e : v.entries) {
            if (e.text(u"bookId"_s) == book.id && e.fields.contains(u"balance"_s))
                endOfDay.insert(dateOf(e, u"on"_s), &e);
        }
        for (auto it = endOfDay.cbegin(); it != endOfDay.cend(); ++it) {
            const Fen balance = fenOf(*it.value(), u"balance"_s);
            if (balance <= limit)
                continue;
            Finding f = bookFinding(book, iso(it.key()), Severity::Yellow, false);
            f.recordIds.append(it.value()->id);
            f.summary =
                u"%1 日终库存现金 %2，超过 %3 的限额"_s.arg(iso(it.key()), yuan(balance), yuan(limit));
            f.evidence = {{u"on"_s, iso(it.key())}, {u"balance"_s, balance}, {u"limit"_s, limit}};
            sink(std::move(f));
        }
    }
}

// --- DISCLOSURE_LATE
// ----------------------------------------------------------------------------------------

DisclosureLateRule::DisclosureLateRule()
    : CollectiveRule({u"DISCLOSURE_LATE"_s, u"财务公开不及时"_s, u"第二条"_s,
                      u"村集体的季度财务公开未在次季度首月规定日之前公开"_s, watched()})
{}

QList<RuleParameter> DisclosureLateRule::parameters() const
{
    return {{u"postDay"_s, u"公开截止日（次季度首月的第几日）"_s, 15, 1, 28}};
}

void DisclosureLateRule::check(const VillageBooks &v, const rules::RuleRun &run,
                               const rules::FindingSink &sink) const
{
    // A village keeps books from its first journal's opening; every quarter from then on is disclosed.
    QDate opened;
    for (const RuleRecord &b : v.books) {
        const QDate d = dateOf(b, u"openingOn"_s);
        if (d.isValid() && (!opened.isValid() || d < opened))
            opened = d;
    }
    if (!opened.isValid())
        return;
    const int postDay = int(run.parameter(u"postDay"_s));
    QHash<QString, const RuleRecord *> byQuarter;
    for (const RuleRecord &d : v.disclosures)
        byQuarter.insert(d.text(u"quarter"_s), &d);
    for (Quarter q = Quarter::of(opened); disclosureDeadline(q, postDay) < run.today; q = q.next()) {
        const QDate deadline = disclosureDeadline(q, postDay);
        const RuleRecord *d = byQuarter.value(q.toString());
        const QDate posted = d ? dateOf(*d, u"postedOn"_s) : QDate();
        if (posted.isValid() && posted <= deadline)
            continue;
        Finding f = finding(u"village"_s, v.villageId, q.toString(), Severity::Yellow);
        f.orgUnitId = v.villageId;
        f.orgPath = v.orgPath;
        f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
        if (d)
            f.recordIds = {d->id};
        f.summary =
            posted.isValid()
                ? u"%1的财务于 %2 公开，晚于 %3 的期限"_s.arg(q.chineseName(), iso(posted), iso(deadline))
                : u"%1的财务应于 %2 前公开，至今未公开"_s.arg(q.chineseName(), iso(deadline));
        f.evidence = {{u"quarter"_s, q.toString()}, {u"deadline"_s, iso(deadline)}};
        if (posted.isValid())
            f.evidence.insert(u"postedOn"_s, iso(posted));
        sink(std::move(f));
    }
}

// --- CONTRACT_EXPIRING
// --------------------------------------------------------------------------------------

ContractExpiringRule::ContractExpiringRule()
    : CollectiveRule({u"CONTRACT_EXPIRING"_s, u"合同即将到期"_s, u"第二条"_s,
                      u"履行中的合同即将到期，尚无续签合同：提前安排续签或重新发包"_s, watched()})
{}

QList<RuleParameter> ContractExpiringRule::parameters() const
{
    return {{u"daysAhead"_s, u"提前天数（日历日）"_s, 60, 1, 365}};
}

void ContractExpiringRule::check(const VillageBooks &v, const rules::RuleRun &run,
                                 const rules::FindingSink &sink) const
{
    QSet<QString> renewed;
    for (const RuleRecord &c : v.contracts) {
        if (!c.text(u"renews"_s).isEmpty())
            renewed.insert(c.text(u"renews"_s));
    }
    const QDate horizon = run.today.addDays(run.parameter(u"daysAhead"_s));
    for (const RuleRecord &c : v.contracts) {
        const QDate end = dateOf(c, u"endOn"_s);
        if (!CollectiveContractType::inForce(c.text(u"state"_s)) || renewed.contains(c.id) ||
            !end.isValid() || end < run.today || end > horizon)
            continue;
        Finding f = bookFinding(c, iso(end), Severity::Yellow, false);
        f.summary = u"%1将于 %2 到期（还有 %3 天），尚无续签合同"_s.arg(
            contractLabel(c), iso(end), QString::number(run.today.daysTo(end)));
        f.evidence = {{u"endOn"_s, iso(end)}};
        sink(std::move(f));
    }
}

} // namespace sunshine::collective
