#include "common/card/CardWarnings.h"

#include "common/card/CardTypes.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::card {

using rules::Finding;
using rules::RuleParameter;
using rules::Severity;

namespace {

const QString kCard = QString::fromUtf16(VillageCardType::kName);
const QString kTxn = QString::fromUtf16(CardTransactionType::kName);
const QString kRequest = QString::fromUtf16(SpendRequestType::kName);
const QString kClaim = QString::fromUtf16(CardClaimType::kName);
const QString kTiers = QString::fromUtf16(CardTierSettingType::kName);

QStringList watched()
{
    return {kCard, kTxn, kRequest, kClaim, kTiers};
}

QString when(const CardTxn &t)
{
    return t.at.toString(u"yyyy-MM-dd HH:mm"_s);
}

QString yuan(Fen fen)
{
    return money::formatYuan(fen) + u" 元"_s;
}

QJsonObject txnEvidence(const CardTxn &t)
{
    return {{u"at"_s, t.at.toString(Qt::ISODate)},
            {u"kind"_s, txnKindName(t.kind)},
            {u"amount"_s, t.amount},
            {u"merchant"_s, t.merchant},
            {u"mcc"_s, t.mcc},
            {u"channel"_s, t.channel}};
}

} // namespace

namespace {

QString labelOf(const rules::RuleRecord &card)
{
    const QString role = sync::RecordTypes::get<VillageCardType>()
                             .field(u"holderRole"_s)
                             ->choiceLabel(card.text(u"holderRole"_s));
    return u"%1的村务卡（尾号 %2）"_s.arg(role, card.text(u"last4"_s));
}

} // namespace

int CardBook::repaymentDay() const
{
    return int(card.fields.value(u"repaymentDay"_s).toInteger());
}

QString CardBook::fundingAccount() const
{
    return card.text(u"fundingAccount"_s);
}

Fen CardBook::monthLimit() const
{
    return sync::RecordType::fenOf(card.fields, u"monthLimit"_s);
}

void readCardBooks(rules::RuleData &data, const QStringList &cardIds,
                   const std::function<void(const CardBook &)> &each)
{
    QHash<QString, CardTiers> tiers;
    data.scan(kTiers, {}, [&](const rules::RuleRecord &r) {
        tiers.insert(r.orgUnitId, CardTierSettingType::tiersOf(r.fields));
    });
    rules::RuleFilter cards;
    cards.ids = cardIds;
    QList<rules::RuleRecord> found;
    data.scan(kCard, cards, [&](const rules::RuleRecord &r) { found.append(r); });
    if (found.isEmpty())
        return;
    rules::RuleFilter ofCards;
    if (!cardIds.isEmpty())
        ofCards.any = {{u"cardId"_s, cardIds}};
    QHash<QString, QList<CardTxn>> txns;
    data.scan(kTxn, ofCards, [&](const rules::RuleRecord &r) {
        CardTxn t = CardTransactionType::txnOf(r.id, r.fields);
        if (t.at.isValid())
            txns[t.cardId].append(std::move(t));
    });
    rules::RuleFilter approved = ofCards;
    approved.equals = {{u"state"_s, requestStateName(RequestState::Approved)}};
    QHash<QString, QHash<QString, Fen>> requests;
    data.scan(kRequest, approved, [&](const rules::RuleRecord &r) {
        requests[r.text(u"cardId"_s)].insert(r.id, sync::RecordType::fenOf(r.fields, u"estimate"_s));
    });
    // A claim covers its lines unless it was returned (a deleted one is not read at all).
    QHash<QString, QSet<QString>> claims;
    data.scan(kClaim, ofCards, [&](const rules::RuleRecord &r) {
        if (r.text(u"state"_s) != claimStateName(ClaimState::Returned))
            claims[r.text(u"cardId"_s)].insert(r.id);
    });
    for (const rules::RuleRecord &card : std::as_const(found)) {
        CardBook book;
        book.card = card;
        book.label = labelOf(card);
        book.txns = txns.value(card.id);
        book.approvedRequests = requests.value(card.id);
        book.liveClaims = claims.value(card.id);
        book.tiers = tiers.value(CardTierSettingType::countyOf(card.orgPath));
        each(book);
    }
}

namespace {

// The books of the cards with `ids` (all when empty), read once per run for the eight rules.
const QList<CardBook> &booksOf(rules::RuleData &data, const QStringList &ids)
{
    return data.shared<QList<CardBook>>(u"card-books:"_s + ids.join(u','), [&data, &ids] {
        QList<CardBook> books;
        readCardBooks(data, ids, [&books](const CardBook &b) { books.append(b); });
        return books;
    });
}

} // namespace

void CardRule::evaluate(rules::RuleData &data, const rules::RuleRun &run,
                        const rules::FindingSink &sink) const
{
    for (const CardBook &book : booksOf(data, {}))
        check(book, run, sink);
}

void CardRule::evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                               const QList<rules::RuleRecord> &touched, const rules::FindingSink &sink) const
{
    // A county's new tiers concern all its cards: the next full run takes them in.
    const QStringList ids = rules::idsOf(touched, kCard, u"cardId"_s);
    if (ids.isEmpty())
        return;
    for (const CardBook &book : booksOf(data, ids))
        check(book, run, sink);
}

Finding CardRule::cardFinding(const CardBook &book, const CardTxn *txn, const QString &period,
                              Severity severity) const
{
    Finding f =
        txn ? finding(kTxn, txn->id, period, severity) : finding(kCard, book.card.id, period, severity);
    f.placeAt(book.card);
    f.ownerDepartment = QString::fromUtf16(kAgriStationCode);
    f.copyToDiscipline = true;
    f.recordIds = {book.card.id};
    if (txn) {
        f.recordIds.append(txn->id);
        f.evidence = txnEvidence(*txn);
    }
    f.evidence.insert(u"card"_s, book.label);
    return f;
}

QStringList cardRuleCodes()
{
    QStringList out;
    for (const rules::Rule *r : rules::RuleRegistry::all()) {
        if (dynamic_cast<const CardRule *>(r))
            out.append(r->code());
    }
    return out;
}

// --- CARD_CASH_WITHDRAWAL ----------------------------------------------------------------------------------

CardCashRule::CardCashRule()
    : CardRule({u"CARD_CASH_WITHDRAWAL"_s, u"村务卡取现"_s, u"第二条、第二十七条"_s,
                u"村务卡取现或在 ATM 上使用：村务卡用于非生产性小额支出的刷卡结算，不得提取现金"_s,
                watched()})
{}

void CardCashRule::check(const CardBook &book, const rules::RuleRun &, const rules::FindingSink &sink) const
{
    for (const CardTxn &t : book.txns) {
        if (!isCashUse(t))
            continue;
        Finding f = cardFinding(book, &t, {}, Severity::Red);
        f.summary = u"%1于 %2 %3 %4"_s.arg(
            book.label, when(t), t.kind == TxnKind::Cash ? u"取现"_s : u"在 ATM 上支出"_s, yuan(t.amount));
        sink(std::move(f));
    }
}

// --- CARD_BANNED_MERCHANT ----------------------------------------------------------------------------------

QString mccParameter(const QString &mcc)
{
    return u"mcc"_s + mcc;
}

CardBannedMerchantRule::CardBannedMerchantRule()
    : CardRule({u"CARD_BANNED_MERCHANT"_s, u"村务卡违规商户消费"_s, u"第二条、第二十七条"_s,
                u"村务卡在禁止类商户（酒吧、歌舞厅、博彩、按摩保健、会所、珠宝等，按商户类别码）消费"_s,
                watched()})
{}

QList<RuleParameter> CardBannedMerchantRule::parameters() const
{
    QList<RuleParameter> out;
    for (const MerchantCategory &c : merchantCategories())
        out.append({mccParameter(c.mcc), u"禁止 %1 %2（1 禁止，0 允许）"_s.arg(c.mcc, c.chinese),
                    c.deniedByDefault ? 1 : 0, 0, 1});
    return out;
}

void CardBannedMerchantRule::check(const CardBook &book, const rules::RuleRun &run,
                                   const rules::FindingSink &sink) const
{
    for (const CardTxn &t : book.txns) {
        if (t.mcc.isEmpty() || !isOutflow(t.kind) || run.parameter(mccParameter(t.mcc)) != 1)
            continue;
        QString category = t.mcc;
        for (const MerchantCategory &c : merchantCategories()) {
            if (c.mcc == t.mcc)
                category = c.chinese;
        }
        Finding f = cardFinding(book, &t, {}, Severity::Red);
        f.summary =
            u"%1于 %2 在“%3”（%4）消费 %5"_s.arg(book.label, when(t), t.merchant, category, yuan(t.amount));
        sink(std::move(f));
    }
}

// --- CARD_SPLIT --------------------------------------------------------------------------------------------

CardSplitRule::CardSplitRule()
    : CardRule({u"CARD_SPLIT"_s, u"村务卡拆分支付"_s, u"第二条、第二十七条"_s,
                u"同一张村务卡在同一商户短期内多笔支付，每笔低于村主任审批上限、合计超过该上限（规避审批）"_s,
                watched()})
{}

QList<RuleParameter> CardSplitRule::parameters() const
{
    return {{u"windowDays"_s, u"时间窗口（天）"_s, 3, 1, 31}};
}

void CardSplitRule::check(const CardBook &book, const rules::RuleRun &run,
                          const rules::FindingSink &sink) const
{
    const QSet<QString> cancelled = cancelledByRefunds(book.txns);
    const int window = int(run.parameter(u"windowDays"_s));
    // Against each tier a body approves up to: payments each within the director's limit together above it,
    // and payments each within the two committees' limit together above theirs (a group of payments all
    // within the director's limit is found at the first tier already).
    const struct
    {
        Fen limit;
        const char16_t *body;
    } tiers[] = {{book.tiers.directorMax, u"村主任"}, {book.tiers.committeesMax, u"村两委"}};
    for (const auto &tier : tiers) {
        const auto groups = splitGroups(book.txns, tier.limit, window, cancelled);
        for (const QList<CardTxn> &group : groups) {
            const bool lowerTier = std::all_of(group.begin(), group.end(), [&](const CardTxn &t) {
                return t.amount <= book.tiers.directorMax;
            });
            if (tier.limit != book.tiers.directorMax && lowerTier)
                continue;
            Fen total = 0;
            QJsonArray items;
            for (const CardTxn &t : group) {
                total += t.amount;
                items.append(txnEvidence(t));
            }
            Finding f = cardFinding(book, &group.first(), {}, Severity::Orange);
            QJsonArray ids;
            for (qsizetype i = 0; i < group.size(); ++i) {
                if (i > 0)
                    f.recordIds.append(group.at(i).id);
                ids.append(group.at(i).id);
            }
            // Every line of the group shows the finding, not only the first.
            f.evidence.insert(u"transactionIds"_s, ids);
            f.evidence.insert(u"payments"_s, items);
            f.evidence.insert(u"total"_s, total);
            f.evidence.insert(u"tier"_s, tier.limit);
            f.summary = u"%1自 %2 起在“%3”分 %4 笔支付共 %5，超过%6审批上限 %7"_s.arg(
                book.label, when(group.first()), group.first().merchant, QString::number(group.size()),
                yuan(total), QString::fromUtf16(tier.body), yuan(tier.limit));
            sink(std::move(f));
        }
    }
}

// --- CARD_OFF_DAY ------------------------------------------------------------------------------------------

CardOffDayRule::CardOffDayRule()
    : CardRule({u"CARD_OFF_DAY"_s, u"村务卡非工作时间使用"_s, u"第二条、第二十七条"_s,
                u"村务卡在节假日、休息日（按工作日历）或夜间消费、取现"_s, watched()})
{}

QList<RuleParameter> CardOffDayRule::parameters() const
{
    return {{u"nightStart"_s, u"夜间开始（时）"_s, 22, 0, 23},
            {u"nightEnd"_s, u"夜间结束（时）"_s, 6, 0, 23}};
}

void CardOffDayRule::check(const CardBook &book, const rules::RuleRun &run,
                           const rules::FindingSink &sink) const
{
    const int start = int(run.parameter(u"nightStart"_s));
    const int end = int(run.parameter(u"nightEnd"_s));
    for (const CardTxn &t : book.txns) {
        if (!isOffHours(t, *run.calendar, start, end))
            continue;
        Finding f = cardFinding(book, &t, {}, Severity::Yellow);
        const QDate day = t.at.date();
        const QString why =
            !run.calendar->isWorkingDay(day)
                ? (run.calendar->isHoliday(day) ? run.calendar->holidayName(day) : u"休息日"_s)
                : u"夜间"_s;
        f.evidence.insert(u"reason"_s, why);
        f.summary =
            u"%1于 %2（%3）%4 %5"_s.arg(book.label, when(t), why, txnKindChinese(t.kind), yuan(t.amount));
        sink(std::move(f));
    }
}

// --- CARD_NO_REQUEST ---------------------------------------------------------------------------------------

CardNoRequestRule::CardNoRequestRule()
    : CardRule({u"CARD_NO_REQUEST"_s, u"村务卡未报备消费"_s, u"第二条、第二十七条"_s,
                u"超过村主任审批上限的消费没有对应的已批准报备，或超出报备的批准金额"_s, watched()})
{}

void CardNoRequestRule::check(const CardBook &book, const rules::RuleRun &,
                              const rules::FindingSink &sink) const
{
    const QSet<QString> cancelled = cancelledByRefunds(book.txns);
    // What each approved request still allows, used up by its purchases in time order: a request approved
    // for 300 yuan does not cover a purchase of 5,000.
    QList<const CardTxn *> ordered;
    for (const CardTxn &t : book.txns) {
        if (t.kind == TxnKind::Purchase && !cancelled.contains(t.id))
            ordered.append(&t);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const CardTxn *a, const CardTxn *b) {
        return a->at != b->at ? a->at < b->at : a->id < b->id;
    });
    QHash<QString, Fen> left = book.approvedRequests;
    for (const CardTxn *t : std::as_const(ordered)) {
        const bool approved = left.contains(t->requestId);
        const bool covered = approved && left.value(t->requestId) >= t->amount;
        if (approved)
            left[t->requestId] -= t->amount;
        if (t->amount <= book.tiers.directorMax || covered)
            continue;
        Finding f = cardFinding(book, t, {}, Severity::Orange);
        f.evidence.insert(u"tier"_s, book.tiers.directorMax);
        f.summary =
            approved ? u"%1于 %2 在“%3”消费 %4，超出对应报备的批准金额"_s.arg(book.label, when(*t),
                                                                              t->merchant, yuan(t->amount))
                     : u"%1于 %2 在“%3”消费 %4，超过村主任审批上限 %5，没有已批准的报备"_s.arg(
                           book.label, when(*t), t->merchant, yuan(t->amount), yuan(book.tiers.directorMax));
        sink(std::move(f));
    }
}

// --- CARD_OVER_LIMIT ---------------------------------------------------------------------------------------

CardOverLimitRule::CardOverLimitRule()
    : CardRule({u"CARD_OVER_LIMIT"_s, u"村务卡超限额"_s, u"第二条、第二十七条"_s,
                u"村务卡一个月的支出（扣除退款）超过该卡的月度限额"_s, watched()})
{}

void CardOverLimitRule::check(const CardBook &book, const rules::RuleRun &,
                              const rules::FindingSink &sink) const
{
    const Fen limit = book.monthLimit();
    if (limit <= 0)
        return;
    const QHash<QString, Fen> months = monthlyNetOutflow(book.txns);
    QStringList keys = months.keys();
    keys.sort();
    for (const QString &month : std::as_const(keys)) {
        const Fen spent = months.value(month);
        if (spent <= limit)
            continue;
        Finding f = cardFinding(book, nullptr, month, Severity::Orange);
        f.evidence.insert(u"month"_s, month);
        f.evidence.insert(u"spent"_s, spent);
        f.evidence.insert(u"limit"_s, limit);
        const QDate first = QDate::fromString(month + u"-01"_s, Qt::ISODate);
        for (const CardTxn &t : book.txns) {
            const QDate d = t.at.date();
            if (d.year() == first.year() && d.month() == first.month() &&
                (isOutflow(t.kind) || t.kind == TxnKind::Refund))
                f.recordIds.append(t.id);
        }
        f.summary = u"%1 %2 支出 %3，超过月度限额 %4"_s.arg(book.label, month, yuan(spent), yuan(limit));
        sink(std::move(f));
    }
}

// --- CARD_UNCLAIMED ----------------------------------------------------------------------------------------

CardUnclaimedRule::CardUnclaimedRule()
    : CardRule({u"CARD_UNCLAIMED"_s, u"村务卡逾期未报账"_s, u"第二条、第二十七条"_s,
                u"村务卡支出到报账期限（还款日前若干个工作日）仍未报账"_s, watched()})
{}

QList<RuleParameter> CardUnclaimedRule::parameters() const
{
    return {{u"leadDays"_s, u"还款日前报账（工作日）"_s, 10, 0, 30}};
}

void CardUnclaimedRule::check(const CardBook &book, const rules::RuleRun &run,
                              const rules::FindingSink &sink) const
{
    const int lead = int(run.parameter(u"leadDays"_s));
    const QSet<QString> cancelled = cancelledByRefunds(book.txns);
    // The due date depends only on the month spent in.
    QHash<int, QDate> dueByMonth;
    for (const CardTxn &t : book.txns) {
        if (!isOutflow(t.kind) || book.liveClaims.contains(t.claimId) || cancelled.contains(t.id))
            continue;
        const QDate spent = t.at.date();
        const int month = spent.year() * 100 + spent.month();
        auto it = dueByMonth.find(month);
        if (it == dueByMonth.end())
            it = dueByMonth.insert(month, claimDueOn(spent, book.repaymentDay(), lead, *run.calendar));
        const QDate due = *it;
        if (!due.isValid() || run.today <= due)
            continue;
        Finding f = cardFinding(book, &t, {}, Severity::Yellow);
        f.evidence.insert(u"claimDueOn"_s, due.toString(Qt::ISODate));
        f.summary = u"%1于 %2 %3 %4，应于 %5 前报账，至今未报账"_s.arg(
            book.label, when(t), txnKindChinese(t.kind), yuan(t.amount), due.toString(Qt::ISODate));
        sink(std::move(f));
    }
}

// --- CARD_PRIVATE_MONEY ------------------------------------------------------------------------------------

CardPrivateMoneyRule::CardPrivateMoneyRule()
    : CardRule({u"CARD_PRIVATE_MONEY"_s, u"村务卡存入私款"_s, u"第二条、第二十七条"_s,
                u"村务卡收到集体备用金账户以外的款项（个人存入或转入）：村务卡不得存放私人资金"_s, watched()})
{}

void CardPrivateMoneyRule::check(const CardBook &book, const rules::RuleRun &,
                                 const rules::FindingSink &sink) const
{
    for (const CardTxn &t : book.txns) {
        if (!isPrivateMoney(t, book.fundingAccount()))
            continue;
        Finding f = cardFinding(book, &t, {}, Severity::Red);
        f.evidence.insert(u"counterparty"_s, t.counterparty);
        f.summary = u"%1于 %2 收到“%3”%4 %5，不是集体备用金账户"_s.arg(
            book.label, when(t), t.counterparty.isEmpty() ? u"未具名付款人"_s : t.counterparty,
            txnKindChinese(t.kind), yuan(t.amount));
        sink(std::move(f));
    }
}

} // namespace sunshine::card
