#include "app/card/CardQueries.h"

#include "common/card/CardTypes.h"
#include "common/card/CardWarnings.h"
#include "common/core/Money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::cardquery {

using namespace cachequery;

namespace {

const QString kTxn = QString::fromUtf16(card::CardTransactionType::kName);
const QString kRequest = QString::fromUtf16(card::SpendRequestType::kName);

CacheCondition inMonth(const QString &month)
{
    const QDate first = QDate::fromString(month + u"-01"_s, Qt::ISODate);
    if (!first.isValid())
        return equals(field(u"on"_s), QString());
    return compare(field(u"on"_s), u">="_s, first.toString(Qt::ISODate)) &&
           compare(field(u"on"_s), u"<"_s, first.addMonths(1).toString(Qt::ISODate));
}

QString categoryExpression()
{
    return u"COALESCE("_s + referenced(u"requestId"_s, u"category"_s) + u", '')"_s;
}

} // namespace

QString cardLabel(const LocalCache &cache, const QString &cardId)
{
    const std::optional<CachedRecord> rec = cache.record(cardId);
    if (!rec)
        return {};
    const QJsonObject &f = rec->record.fields;
    const auto &type = sync::RecordTypes::get<card::VillageCardType>();
    return u"%1（%2）尾号 %3"_s.arg(
        f.value(u"holderName"_s).toString(),
        type.field(u"holderRole"_s)->choiceLabel(f.value(u"holderRole"_s).toString()),
        f.value(u"last4"_s).toString());
}

QList<QPair<QString, QString>> cardChoices(const LocalCache &cache, const QString &villageId, bool activeOnly)
{
    CacheCondition where;
    if (!villageId.isEmpty())
        where = equals(kOrgUnit, villageId);
    if (activeOnly)
        where = where && equals(field(u"state"_s), u"active"_s);
    QList<QPair<QString, QString>> out;
    CacheQuery(cache, QString::fromUtf16(card::VillageCardType::kName))
        .where(where)
        .orderBy(field(u"holderName"_s))
        .forEach({kId}, [&](const QSqlQuery &q) {
            out.append({q.value(0).toString(), cardLabel(cache, q.value(0).toString())});
        });
    return out;
}

QList<card::CardTxn> transactionsOf(const LocalCache &cache, const QString &cardId)
{
    QList<card::CardTxn> out;
    for (const sync::Record &r : CacheQuery(cache, kTxn).where(equals(field(u"cardId"_s), cardId)).records())
        out.append(card::CardTransactionType::txnOf(r.id, r.fields));
    return out;
}

QList<card::ApprovedRequest> approvedRequestsOf(const LocalCache &cache, const QString &cardId)
{
    QList<card::ApprovedRequest> out;
    const CacheCondition approved =
        equals(field(u"cardId"_s), cardId) &&
        equals(field(u"state"_s), card::requestStateName(card::RequestState::Approved));
    for (const sync::Record &r : CacheQuery(cache, kRequest).where(approved).records())
        out.append({r.id, cardId, sync::RecordType::dateOf(r.fields, u"plannedOn"_s),
                    sync::RecordType::fenOf(r.fields, u"estimate"_s)});
    return out;
}

QHash<QString, QStringList> warningsByTransaction(const LocalCache &cache)
{
    QHash<QString, QStringList> out;
    CacheQuery(cache, u"warning"_s)
        .where(equals(field(u"subjectType"_s), kTxn) && compare(field(u"state"_s), u"<>"_s, u"closed"_s))
        .orderBy(field(u"ruleName"_s))
        .forEach(
            {field(u"subjectId"_s), field(u"ruleName"_s), field(u"evidence"_s)}, [&out](const QSqlQuery &q) {
                const QString rule = q.value(1).toString();
                QStringList ids{q.value(0).toString()};
                const QJsonObject evidence = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
                for (const QJsonValue &id : evidence.value(u"transactionIds"_s).toArray()) {
                    if (!ids.contains(id.toString()))
                        ids.append(id.toString());
                }
                for (const QString &id : std::as_const(ids)) {
                    if (!out.value(id).contains(rule))
                        out[id].append(rule);
                }
            });
    return out;
}

QSet<QString> refundedTransactions(const LocalCache &cache)
{
    QHash<QString, QList<card::CardTxn>> byCard;
    const CacheCondition kinds = among(field(u"kind"_s), {card::txnKindName(card::TxnKind::Purchase),
                                                          card::txnKindName(card::TxnKind::Refund)});
    // Only cards that have a refund can have a cancelled purchase.
    QStringList cards;
    CacheQuery(cache, kTxn)
        .where(equals(field(u"kind"_s), card::txnKindName(card::TxnKind::Refund)))
        .forEach(
            {field(u"cardId"_s)}, [&cards](const QSqlQuery &q) { cards.append(q.value(0).toString()); }, 1);
    if (cards.isEmpty())
        return {};
    for (const sync::Record &r :
         CacheQuery(cache, kTxn).where(kinds && among(field(u"cardId"_s), cards)).records())
        byCard[r.fields.value(u"cardId"_s).toString()].append(
            card::CardTransactionType::txnOf(r.id, r.fields));
    QSet<QString> out;
    for (const QList<card::CardTxn> &txns : std::as_const(byCard))
        out.unite(card::cancelledByRefunds(txns));
    return out;
}

QList<QPair<QString, QString>> unclaimedOf(const LocalCache &cache, const QString &cardId)
{
    QList<QPair<QString, QString>> out;
    const CacheCondition open = equals(field(u"cardId"_s), cardId) &&
                                among(field(u"kind"_s), card::outflowKindNames()) &&
                                generated(u"COALESCE("_s + field(u"claimId"_s) + u", '') = ''"_s);
    CacheQuery(cache, kTxn)
        .where(open)
        .orderBy(field(u"on"_s))
        .forEach({kId, field(u"on"_s), field(u"merchant"_s), field(u"amount"_s)}, [&out](const QSqlQuery &q) {
            out.append({q.value(0).toString(),
                        u"%1 · %2 · %3 元"_s.arg(q.value(1).toString(), q.value(2).toString(),
                                                 money::formatYuan(q.value(3).toLongLong()))});
        });
    return out;
}

QStringList transactionsOfClaim(const LocalCache &cache, const QString &claimId)
{
    QStringList out;
    CacheQuery(cache, kTxn)
        .where(equals(field(u"claimId"_s), claimId))
        .forEach({kId}, [&out](const QSqlQuery &q) { out.append(q.value(0).toString()); });
    return out;
}

QHash<QString, VillageFigures> villageFigures(const LocalCache &cache, int year)
{
    QHash<QString, VillageFigures> out;
    const CacheCondition inYear = compare(field(u"on"_s), u">="_s, u"%1-01-01"_s.arg(year)) &&
                                  compare(field(u"on"_s), u"<"_s, u"%1-01-01"_s.arg(year + 1));
    const QSet<QString> refunded = refundedTransactions(cache);
    CacheQuery(cache, kTxn)
        .where(inYear)
        .forEach({kId, kOrgUnit, field(u"kind"_s), field(u"amount"_s), field(u"claimId"_s)},
                 [&](const QSqlQuery &q) {
                     const auto kind = card::txnKindFromName(q.value(2).toString());
                     if (!kind)
                         return;
                     VillageFigures &v = out[q.value(1).toString()];
                     if (card::isOutflow(*kind)) {
                         v.spent += q.value(3).toLongLong();
                         ++v.lines;
                         if (q.value(4).toString().isEmpty() && !refunded.contains(q.value(0).toString()))
                             ++v.unclaimed;
                     } else if (*kind == card::TxnKind::Refund) {
                         v.spent -= q.value(3).toLongLong();
                     }
                 });
    CacheQuery(cache, u"warning"_s)
        .where(among(field(u"rule"_s), card::cardRuleCodes()) &&
               compare(field(u"state"_s), u"<>"_s, u"closed"_s))
        .forEach(
            {kOrgUnit, count()},
            [&](const QSqlQuery &q) { out[q.value(0).toString()].openWarnings += q.value(1).toLongLong(); },
            1);
    return out;
}

QList<MonthRow> monthSummary(const LocalCache &cache, const QString &month)
{
    QMap<QPair<QString, QString>, MonthRow> rows;
    CacheQuery(cache, kTxn)
        .where(inMonth(month))
        .forEach(
            {kOrgUnit, categoryExpression(), field(u"kind"_s), count(), sum(field(u"amount"_s))},
            [&rows](const QSqlQuery &q) {
                const auto key = qMakePair(q.value(0).toString(), q.value(1).toString());
                MonthRow &row = rows[key];
                row.orgUnitId = key.first;
                row.category = key.second;
                const auto kind = card::txnKindFromName(q.value(2).toString());
                if (!kind)
                    return;
                if (card::isOutflow(*kind)) {
                    row.count += q.value(3).toLongLong();
                    row.outflow += q.value(4).toLongLong();
                } else if (*kind == card::TxnKind::Refund) {
                    row.refunds += q.value(4).toLongLong();
                }
            },
            3);
    QList<MonthRow> out;
    for (const MonthRow &r : std::as_const(rows)) {
        if (r.count > 0 || r.refunds > 0)
            out.append(r);
    }
    return out;
}

CacheCondition monthRowCondition(const QString &month, const QString &orgUnitId, const QString &category)
{
    return inMonth(month) && equals(kOrgUnit, orgUnitId) && equals(categoryExpression(), category);
}

} // namespace sunshine::app::cardquery
