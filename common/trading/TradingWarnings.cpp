#include "common/trading/TradingWarnings.h"

#include "common/trading/CadreTypes.h"
#include "common/trading/TradingTypes.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::trading {

using rules::Finding;
using rules::RuleParameter;
using rules::RuleRecord;
using rules::Severity;

namespace {

const QString kListing = QString::fromUtf16(ListingType::kName);
const QString kRegistration = QString::fromUtf16(RegistrationType::kName);
const QString kCadre = QString::fromUtf16(CadreRegisterType::kName);

QStringList watched()
{
    return {kListing, kRegistration};
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

QString label(const RuleRecord &l)
{
    return u"挂牌项目 %1（%2）"_s.arg(l.text(u"listingNo"_s), l.text(u"subject"_s));
}

// The day a listing's path ended without a deal (流拍, 终止), or an invalid date.
QDate endedOn(const RuleRecord &l)
{
    const QJsonArray steps = l.fields.value(u"steps"_s).toArray();
    return steps.isEmpty()
               ? QDate()
               : QDate::fromString(steps.last().toObject().value(u"on"_s).toString(), Qt::ISODate);
}

const TradeBook &bookOf(rules::RuleData &data)
{
    return data.shared<TradeBook>(u"trade-book"_s, [&data] {
        TradeBook b;
        data.scan(kListing, {}, [&](const RuleRecord &r) { b.listings.append(r); });
        data.scan(kRegistration, {},
                  [&](const RuleRecord &r) { b.registrations[r.text(u"listingId"_s)].append(r); });
        data.scan(kCadre, {}, [&](const RuleRecord &r) { b.cadres[r.text(u"villageId"_s)].append(r); });
        return b;
    });
}

} // namespace

const RuleRecord *TradeBook::listing(const QString &id) const
{
    for (const RuleRecord &l : listings) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

void TradingRule::evaluate(rules::RuleData &data, const rules::RuleRun &run,
                           const rules::FindingSink &sink) const
{
    check(bookOf(data), run, sink);
}

void TradingRule::evaluateTouched(rules::RuleData &data, const rules::RuleRun &run, const QList<RuleRecord> &,
                                  const rules::FindingSink &sink) const
{
    check(bookOf(data), run, sink);
}

Finding TradingRule::listingFinding(const RuleRecord &listing, const QString &period, Severity severity) const
{
    Finding f = finding(kListing, listing.id, period, severity);
    f.placeAt(listing);
    f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
    f.copyToDiscipline = true;
    f.recordIds = {listing.id};
    f.evidence = {{u"listingNo"_s, listing.text(u"listingNo"_s)}};
    return f;
}

QStringList tradingRuleCodes()
{
    QStringList out;
    for (const rules::Rule *r : rules::RuleRegistry::all()) {
        if (dynamic_cast<const TradingRule *>(r))
            out.append(r->code());
    }
    return out;
}

// --- LISTING_PERIOD_SHORT
// -----------------------------------------------------------------------------------

ListingPeriodShortRule::ListingPeriodShortRule()
    : TradingRule({u"LISTING_PERIOD_SHORT"_s, u"挂牌公告期不足"_s, u"第二条"_s,
                   u"挂牌公告的工作日数少于规定天数"_s, watched()})
{}

QList<RuleParameter> ListingPeriodShortRule::parameters() const
{
    return {{u"minDays"_s, u"公告期下限（工作日）"_s, 7, 1, 60}};
}

void ListingPeriodShortRule::check(const TradeBook &b, const rules::RuleRun &run,
                                   const rules::FindingSink &sink) const
{
    if (!run.calendar)
        return;
    const int minDays = int(run.parameter(u"minDays"_s));
    for (const RuleRecord &l : b.listings) {
        // Every notice of the path (a second notice counts alike).
        const QList<ListingStep> steps = listingStepsFromJson(l.fields.value(u"steps"_s).toArray());
        int round = 0;
        for (const ListingStep &s : steps) {
            if (s.action != ListingAction::Publish)
                continue;
            ++round;
            const int days = workingDaysBetween(*run.calendar, s.from, s.to);
            if (days >= minDays)
                continue;
            Finding f = listingFinding(l, QString::number(round), Severity::Orange);
            f.summary = u"%1第 %2 次公告 %3 至 %4 仅 %5 个工作日，少于 %6 个工作日"_s.arg(
                label(l), QString::number(round), iso(s.from), iso(s.to), QString::number(days),
                QString::number(minDays));
            f.evidence.insert(u"from"_s, iso(s.from));
            f.evidence.insert(u"to"_s, iso(s.to));
            f.evidence.insert(u"workingDays"_s, days);
            sink(std::move(f));
        }
    }
}

// --- DEAL_BELOW_RESERVE
// -------------------------------------------------------------------------------------

DealBelowReserveRule::DealBelowReserveRule()
    : TradingRule(
          {u"DEAL_BELOW_RESERVE"_s, u"成交价低于底价"_s, u"第二条"_s, u"成交价低于挂牌底价"_s, watched()})
{}

QList<RuleParameter> DealBelowReserveRule::parameters() const
{
    return {};
}

void DealBelowReserveRule::check(const TradeBook &b, const rules::RuleRun &,
                                 const rules::FindingSink &sink) const
{
    for (const RuleRecord &l : b.listings) {
        const Fen price = fenOf(l, u"dealPrice"_s);
        const Fen reserve = fenOf(l, u"reserve"_s);
        if (l.text(u"winnerId"_s).isEmpty() || price >= reserve)
            continue;
        Finding f = listingFinding(l, {}, Severity::Red);
        f.summary = u"%1成交价 %2，低于底价 %3"_s.arg(label(l), yuan(price), yuan(reserve));
        f.evidence.insert(u"dealPrice"_s, price);
        f.evidence.insert(u"reserve"_s, reserve);
        sink(std::move(f));
    }
}

// --- SINGLE_BIDDER_REPEAT
// -----------------------------------------------------------------------------------

SingleBidderRepeatRule::SingleBidderRepeatRule()
    : TradingRule({u"SINGLE_BIDDER_REPEAT"_s, u"同一竞买人独家反复成交"_s, u"第二条"_s,
                   u"同一村的项目中，同一人作为唯一合格竞买人多次成交"_s, watched()})
{}

QList<RuleParameter> SingleBidderRepeatRule::parameters() const
{
    return {{u"minWins"_s, u"独家成交次数（达到即预警）"_s, 2, 2, 20}};
}

void SingleBidderRepeatRule::check(const TradeBook &b, const rules::RuleRun &run,
                                   const rules::FindingSink &sink) const
{
    // village → bidder (ID number) → the sole-bidder deals
    QHash<QString, QHash<QString, QList<const RuleRecord *>>> wins;
    for (const RuleRecord &l : b.listings) {
        if (l.text(u"winnerId"_s).isEmpty() || l.fields.value(u"qualified"_s).toInteger() != 1)
            continue;
        for (const RuleRecord &r : b.registrations.value(l.id)) {
            if (r.id == l.text(u"winnerId"_s))
                wins[l.orgUnitId][r.text(u"bidderId"_s).toUpper()].append(&l);
        }
    }
    const qint64 minWins = run.parameter(u"minWins"_s);
    for (auto village = wins.cbegin(); village != wins.cend(); ++village) {
        for (auto bidder = village->cbegin(); bidder != village->cend(); ++bidder) {
            const QList<const RuleRecord *> &deals = bidder.value();
            if (deals.size() < minWins)
                continue;
            Finding f =
                finding(u"person"_s, rules::personSubjectId(bidder.key()), village.key(), Severity::Red);
            f.placeAt(*deals.first());
            f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
            f.copyToDiscipline = true;
            f.idNumber = bidder.key();
            QStringList numbers;
            for (const RuleRecord *d : deals) {
                f.recordIds.append(d->id);
                numbers.append(d->text(u"listingNo"_s));
            }
            f.summary = u"同一竞买人作为唯一合格竞买人在本村成交 %1 次（%2）"_s.arg(
                QString::number(deals.size()), numbers.join(u"、"_s));
            f.evidence = {{u"listings"_s, QJsonArray::fromStringList(numbers)}};
            sink(std::move(f));
        }
    }
}

// --- RELIST_PRICE_DROP
// --------------------------------------------------------------------------------------

RelistPriceDropRule::RelistPriceDropRule()
    : TradingRule({u"RELIST_PRICE_DROP"_s, u"重新挂牌降价未重新决策"_s, u"第二条"_s,
                   u"流拍后重新挂牌，底价降幅超过规定比例，却沿用原来的民主决策"_s, watched()})
{}

QList<RuleParameter> RelistPriceDropRule::parameters() const
{
    return {{u"percent"_s, u"底价降幅上限（%）"_s, 10, 1, 90}};
}

void RelistPriceDropRule::check(const TradeBook &b, const rules::RuleRun &run,
                                const rules::FindingSink &sink) const
{
    const qint64 percent = run.parameter(u"percent"_s);
    for (const RuleRecord &l : b.listings) {
        const RuleRecord *old = b.listing(l.text(u"relistOf"_s));
        if (!old)
            continue;
        const Fen was = fenOf(*old, u"reserve"_s);
        const Fen now = fenOf(l, u"reserve"_s);
        const bool sameDecision = l.text(u"decisionRef"_s) == old->text(u"decisionRef"_s);
        if (!sameDecision || now * 100 >= was * (100 - percent))
            continue;
        Finding f = listingFinding(l, {}, Severity::Red);
        f.recordIds.append(old->id);
        f.summary = u"%1重新挂牌底价由 %2 降至 %3，降幅超过 %4%，沿用原决策 %5"_s.arg(
            label(l), yuan(was), yuan(now), QString::number(percent), l.text(u"decisionRef"_s));
        f.evidence.insert(u"previousReserve"_s, was);
        f.evidence.insert(u"reserve"_s, now);
        sink(std::move(f));
    }
}

// --- DEAL_NOT_SIGNED
// ----------------------------------------------------------------------------------------

DealNotSignedRule::DealNotSignedRule()
    : TradingRule({u"DEAL_NOT_SIGNED"_s, u"成交后未按期签约"_s, u"第二条"_s,
                   u"成交后超过规定的工作日仍未签订合同"_s, watched()})
{}

QList<RuleParameter> DealNotSignedRule::parameters() const
{
    return {{u"signDays"_s, u"签约期限（成交后工作日）"_s, 10, 1, 60}};
}

void DealNotSignedRule::check(const TradeBook &b, const rules::RuleRun &run,
                              const rules::FindingSink &sink) const
{
    if (!run.calendar)
        return;
    const int days = int(run.parameter(u"signDays"_s));
    for (const RuleRecord &l : b.listings) {
        const QString state = l.text(u"state"_s);
        const QDate deal = dateOf(l, u"dealOn"_s);
        if (!deal.isValid() || (state != listingStateName(ListingState::Dealt) &&
                                state != listingStateName(ListingState::Announced)))
            continue;
        const QDate due = run.calendar->addWorkingDays(deal, days);
        if (run.today <= due)
            continue;
        Finding f = listingFinding(l, {}, Severity::Orange);
        f.summary = u"%1于 %2 成交，应在 %3 前签约，至今未签"_s.arg(label(l), iso(deal), iso(due));
        f.evidence.insert(u"dealOn"_s, iso(deal));
        f.evidence.insert(u"due"_s, iso(due));
        sink(std::move(f));
    }
}

// --- DEPOSIT_NOT_REFUNDED
// -----------------------------------------------------------------------------------

DepositNotRefundedRule::DepositNotRefundedRule()
    : TradingRule({u"DEPOSIT_NOT_REFUNDED"_s, u"保证金未按期退还"_s, u"第二条"_s,
                   u"未成交的竞买人的保证金在成交（或流拍、终止）后规定的工作日内未退还"_s, watched()})
{}

QList<RuleParameter> DepositNotRefundedRule::parameters() const
{
    return {{u"refundDays"_s, u"退还期限（工作日）"_s, 5, 1, 60}};
}

void DepositNotRefundedRule::check(const TradeBook &b, const rules::RuleRun &run,
                                   const rules::FindingSink &sink) const
{
    if (!run.calendar)
        return;
    const int days = int(run.parameter(u"refundDays"_s));
    for (const RuleRecord &l : b.listings) {
        const QString state = l.text(u"state"_s);
        QDate from = dateOf(l, u"dealOn"_s);
        if (state == listingStateName(ListingState::Unsold) ||
            state == listingStateName(ListingState::Terminated))
            from = endedOn(l);
        if (!from.isValid())
            continue;
        const QDate due = run.calendar->addWorkingDays(from, days);
        if (run.today <= due)
            continue;
        for (const RuleRecord &r : b.registrations.value(l.id)) {
            if (r.id == l.text(u"winnerId"_s) || fenOf(r, u"depositPaid"_s) <= 0 ||
                dateOf(r, u"refundedOn"_s).isValid())
                continue;
            Finding f = finding(kRegistration, r.id, {}, Severity::Yellow);
            f.placeAt(r);
            f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
            f.copyToDiscipline = true;
            f.recordIds = {r.id, l.id};
            f.summary = u"%1的竞买人保证金 %2 应于 %3 前退还，至今未退"_s.arg(
                label(l), yuan(fenOf(r, u"depositPaid"_s)), iso(due));
            f.evidence = {{u"listingNo"_s, l.text(u"listingNo"_s)},
                          {u"deposit"_s, fenOf(r, u"depositPaid"_s)},
                          {u"due"_s, iso(due)}};
            sink(std::move(f));
        }
    }
}

// --- WINNER_RELATED_TO_CADRE
// -------------------------------------------------------------------------------

WinnerRelatedToCadreRule::WinnerRelatedToCadreRule()
    : TradingRule({u"WINNER_RELATED_TO_CADRE"_s,
                   u"竞得人为村干部或其近亲属"_s,
                   u"第二条"_s,
                   u"成交项目的受让方是本村成交当日在任的村干部本人或其登记的近亲属"_s,
                   {kListing, kRegistration, kCadre}})
{}

QList<RuleParameter> WinnerRelatedToCadreRule::parameters() const
{
    return {};
}

void WinnerRelatedToCadreRule::check(const TradeBook &b, const rules::RuleRun &,
                                     const rules::FindingSink &sink) const
{
    const QString self = QString::fromUtf16(CadreRegisterType::kSelf);
    for (const RuleRecord &l : b.listings) {
        const QString winnerId = l.text(u"winnerId"_s);
        const QDate dealOn = dateOf(l, u"dealOn"_s);
        const auto roster = b.cadres.constFind(l.orgUnitId);
        if (winnerId.isEmpty() || !dealOn.isValid() || roster == b.cadres.constEnd())
            continue;
        QString bidder;
        for (const RuleRecord &r : b.registrations.value(l.id)) {
            if (r.id == winnerId)
                bidder = r.text(u"bidderId"_s).toUpper();
        }
        if (bidder.isEmpty())
            continue;
        // The winner as the register of the listing's own village has them on the day of the deal: the cadre
        // in office, or a relative of one. The evidence names the position and the relation, never a number.
        QStringList ties;
        QJsonArray cadres;
        QStringList entries;
        for (const RuleRecord &c : roster.value()) {
            if (!CadreRegisterType::inOfficeOn(c.fields, dealOn))
                continue;
            QString relation;
            if (c.text(u"cadreIdNumber"_s).toUpper() == bidder)
                relation = self;
            else if (c.text(u"relativeIdNumber"_s).toUpper() == bidder)
                relation = c.text(u"relation"_s);
            else
                continue;
            const QString position = cadrePositionChinese(c.text(u"position"_s));
            const QString tie = relation == self
                                    ? QString(position + u"本人"_s)
                                    : QString(position + u"的"_s + cadreRelationChinese(relation));
            entries.append(c.id);
            if (ties.contains(tie))
                continue;
            ties.append(tie);
            cadres.append(
                QJsonObject{{u"position"_s, position}, {u"relation"_s, cadreRelationChinese(relation)}});
        }
        if (ties.isEmpty())
            continue;
        Finding f = finding(u"person"_s, rules::personSubjectId(bidder), l.id, Severity::Red);
        f.placeAt(l);
        f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
        f.copyToDiscipline = true;
        f.idNumber = bidder;
        f.recordIds = QStringList{l.id} + entries;
        f.summary = u"%1于 %2 成交，受让方为本村在任%3"_s.arg(label(l), iso(dealOn), ties.join(u"、"_s));
        f.evidence = {
            {u"listingNo"_s, l.text(u"listingNo"_s)}, {u"dealOn"_s, iso(dealOn)}, {u"cadres"_s, cadres}};
        sink(std::move(f));
    }
}

} // namespace sunshine::trading
