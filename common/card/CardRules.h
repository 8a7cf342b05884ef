#pragma once

#include "common/core/Money.h"
#include "common/core/WorkingCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

// 村务卡 (MODULES.md §1): the rules of a village's card that do not depend on how records are stored. A
// village pays small non-production spending by card instead of cash; the card is its imprest (备用金):
// claims refill it, it never holds private money, and nothing is bought on credit.
namespace sunshine::card {

// --- Approval tiers of a spend request (报备)
// --------------------------------------------------------------- Who approves spending of a given amount.
// The tiers are parameters of the county (CardTierSettingType); these defaults are MODULES.md §1's: up to 500
// yuan the director (村主任), up to 1,000 yuan the two committees (两委), above that the villager
// representatives' meeting (村民代表会议) and the town's 三资 centre (农经站).
struct CardTiers
{
    Fen directorMax = 50'000;    // 500.00 yuan
    Fen committeesMax = 100'000; // 1,000.00 yuan
};

enum class ApprovalBody
{
    Director,       // 村主任
    Committees,     // 村两委
    Representatives // 村民代表会议 (and the town 三资 centre)
};
QString approvalBodyName(ApprovalBody body);    // "director", "committees", "representatives"
QString approvalBodyChinese(ApprovalBody body); // "村主任", "村两委", "村民代表会议"
std::optional<ApprovalBody> approvalBodyFromName(const QString &name);
// The body an estimate of `amount` needs.
ApprovalBody requiredBody(Fen amount, const CardTiers &tiers);
// Whether `body` may approve what `required` must: a higher body may approve a lower tier.
bool bodyCovers(ApprovalBody body, ApprovalBody required);

// --- Transactions ------------------------------------------------------------------------------------------
// A statement line's kind: 消费 purchase, 取现 cash, 转出 transfer out, 转入 transfer in, 退款 refund, 还款
// repayment (the collective refilling the card).
enum class TxnKind
{
    Purchase,
    Cash,
    TransferOut,
    TransferIn,
    Refund,
    Repayment
};
QString txnKindName(TxnKind kind); // "purchase", "cash", "transfer-out", "transfer-in", "refund", "repayment"
QString txnKindChinese(TxnKind kind);
std::optional<TxnKind> txnKindFromName(const QString &name);
// The kind a statement's own word stands for (消费, 支取现金, ATM取款, 消费退货, 转账支出 …), or nothing.
std::optional<TxnKind> txnKindFromStatement(const QString &text);
// Money leaving the card (purchase, cash, transfer out).
bool isOutflow(TxnKind kind);
// The wire names of those kinds (for a query of the spending).
QStringList outflowKindNames();

// One card transaction as the rules read it.
struct CardTxn
{
    QString id;
    QString cardId;
    QDateTime at;           // China time, as the bank states it (kept as Qt::UTC: no zone conversion)
    bool timeKnown = false; // the statement gave the time of day (else `at` is the day's midnight)
    TxnKind kind = TxnKind::Purchase;
    Fen amount = 0; // always positive; the kind gives the direction
    QString merchant;
    QString mcc;
    QString channel; // "pos", "qr", "atm", "online", "counter", or empty
    QString counterparty;
    QString requestId;
    QString claimId;
};

// Purchases a later refund of the same card, merchant and amount cancels (within `days` days), with the
// refunds that cancel them: each refund cancels one purchase, the latest one before it. The ids of both.
QSet<QString> cancelledByRefunds(const QList<CardTxn> &txns, int days = 30);

// CARD_CASH_WITHDRAWAL: cash taken out, or any use of an ATM.
bool isCashUse(const CardTxn &txn);
// CARD_OFF_DAY: a purchase or cash use on a day that is not a working day, or at night (from `nightStartHour`
// to `nightEndHour`, e.g. 22:00–06:00) when the statement gave the time.
bool isOffHours(const CardTxn &txn, const WorkingCalendar &calendar, int nightStartHour, int nightEndHour);
// CARD_SPLIT: purchases of one card at one merchant, each within a body's authority (at most the tier: the
// director's or the two committees'), at least two within `windowDays` × 24 hours of the first, together
// above the tier (to dodge the approval a single payment would need). Cancelled purchases do not count. Each
// group in time order; a purchase is in one group.
QList<QList<CardTxn>> splitGroups(const QList<CardTxn> &txns, Fen tierMax, int windowDays,
                                  const QSet<QString> &cancelled);
// CARD_OVER_LIMIT: per month ("2026-11"), what left the card, less refunds.
QHash<QString, Fen> monthlyNetOutflow(const QList<CardTxn> &txns);
// CARD_PRIVATE_MONEY: money paid in by anyone but the collective's own account (the card is refilled by the
// collective; a refund from a merchant is not paid in). Names are compared without spaces and brackets.
bool isPrivateMoney(const CardTxn &txn, const QString &fundingAccount);

// --- Claims (报账) -----------------------------------------------------------------------------------------
// The day a claim for spending on `spentOn` is due: `leadDays` working days before the card's repayment date
// (the `repaymentDay` of the month after the spending, or of a later month when that leaves no working day
// after the spending; a day past the month's end is its last day).
// MODULES.md §1: 10 working days by default.
QDate claimDueOn(QDate spentOn, int repaymentDay, int leadDays, const WorkingCalendar &calendar);

// --- Matching a transaction with the spend request that allowed it ---------------------------------------
struct ApprovedRequest
{
    QString id;
    QString cardId;
    QDate plannedOn;
    Fen estimate = 0;
};
// For purchases without a request: the approved request of the same card planned on or before the day of the
// purchase (at most `days` days before) with enough of its estimate left, the one planned latest first. The
// requests' estimates are used up by what `txns` already refer to. Transaction id → request id.
QHash<QString, QString> matchRequests(const QList<CardTxn> &txns, const QList<ApprovedRequest> &requests,
                                      int days = 30);

// Normalises a merchant or account name for comparison: no spaces, full-width brackets as ASCII.
QString comparableName(const QString &name);

// The MCCs CARD_BANNED_MERCHANT knows, with their Chinese names, and whether each is on the deny list by
// default (MODULES.md §1: bars, dance halls, gambling, massage and spa, clubs, jewellery). Administrators
// switch each on or off as a parameter of the rule.
struct MerchantCategory
{
    QString mcc;
    QString chinese;
    bool deniedByDefault = false;
};
const QList<MerchantCategory> &merchantCategories();

} // namespace sunshine::card
