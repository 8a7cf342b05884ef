#pragma once

#include "app/sync/CacheQuery.h"
#include "common/card/CardRules.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

// 村务卡's questions to the local cache: a card's stored lines and approved requests (for the statement
// import's matching), the warnings found on each line, and the monthly summary.
namespace sunshine::app::cardquery {

// "赵书记（书记）尾号 4101": how a card is named in lists and choices ("" when not in the cache).
QString cardLabel(const LocalCache &cache, const QString &cardId);
// The cards of a village (all villages when empty), for a reference choice or the import: (id, label).
QList<QPair<QString, QString>> cardChoices(const LocalCache &cache, const QString &villageId,
                                           bool activeOnly = false);

// The card's transactions in the cache, as the rules read them.
QList<card::CardTxn> transactionsOf(const LocalCache &cache, const QString &cardId);
// The card's approved spend requests.
QList<card::ApprovedRequest> approvedRequestsOf(const LocalCache &cache, const QString &cardId);
// The rule names of the open warnings raised on each transaction (by id), as the cache has them: the line a
// warning is about, and every line of its evidence's "transactionIds" (the payments of a split).
QHash<QString, QStringList> warningsByTransaction(const LocalCache &cache);
// Purchases a later refund cancelled, and the refunds that cancelled them (card::cancelledByRefunds).
QSet<QString> refundedTransactions(const LocalCache &cache);
// The card's outflows no claim covers yet, oldest first: (id, "date · merchant · amount").
QList<QPair<QString, QString>> unclaimedOf(const LocalCache &cache, const QString &cardId);
// The transactions a claim covers, and their total outflow.
QStringList transactionsOfClaim(const LocalCache &cache, const QString &claimId);

// A village's card figures of one year: what was spent (less refunds), the lines spent, those not claimed
// (refunded purchases aside), and the card warnings still open.
struct VillageFigures
{
    Fen spent = 0;
    qint64 lines = 0;
    qint64 unclaimed = 0;
    qint64 openWarnings = 0;
};
QHash<QString, VillageFigures> villageFigures(const LocalCache &cache, int year);

// One row of the monthly summary: a village and a category (the matched request's; "" for spending without a
// request) with the month's spending.
struct MonthRow
{
    QString orgUnitId;
    QString category;
    qint64 count = 0;
    Fen outflow = 0;
    Fen refunds = 0;
};
QList<MonthRow> monthSummary(const LocalCache &cache, const QString &month);
// The condition for the transactions of one summary row (the drill-down).
CacheCondition monthRowCondition(const QString &month, const QString &orgUnitId, const QString &category);

} // namespace sunshine::app::cardquery
