#include "app/funds/FundQueries.h"

#include "common/core/Money.h"
#include "common/funds/DisbursementImport.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundFlowTypes.h"
#include "common/funds/FundTypes.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::fundquery {

using namespace cachequery;

namespace {

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString typeName(const char16_t *name)
{
    return QString::fromUtf16(name);
}

QString fieldOf(const QString &name)
{
    return field(name);
}

} // namespace

CacheCondition dueDone(const QString &dueField, const QString &doneField, funds::EntryStatus status,
                       QDate today, const WorkingCalendar &calendar)
{
    const funds::SqlCondition c =
        funds::entryStatusSql(field(dueField), field(doneField), status, today, calendar);
    QVariantList binds;
    for (const QString &b : c.binds)
        binds.append(b);
    return generated(c.sql, binds);
}

CacheCondition enteredLate()
{
    return generated(funds::DisbursementType::enteredLateSql(&fieldOf));
}

CacheCondition allocationDeadline(funds::EntryStatus status, QDate today, const WorkingCalendar &calendar)
{
    const funds::SqlCondition c = funds::AllocationType::deadlineStateSql(&fieldOf, status, today, calendar);
    QVariantList binds;
    for (const QString &b : c.binds)
        binds.append(b);
    return generated(c.sql, binds);
}

CacheCondition paidLate()
{
    return generated(funds::DisbursementType::paidLateSql(&fieldOf));
}

CacheCondition disbursementDeadline(funds::EntryStatus status, QDate today, const WorkingCalendar &calendar)
{
    // The voucher deadline grows with the payment date: the payments overdue today are those paid on or
    // before one day, those due soon the ones paid after it up to another. Both days come from the rules
    // themselves (documentDue, entryStatus), looking back from today.
    QDate overdueUpTo, soonUpTo;
    for (QDate paid = today; paid >= today.addDays(-90); paid = paid.addDays(-1)) {
        const funds::EntryStatus s =
            funds::entryStatus(funds::documentDue(paid, calendar), std::nullopt, today, calendar);
        if (s != funds::EntryStatus::OnTime && !soonUpTo.isValid())
            soonUpTo = paid;
        if (s == funds::EntryStatus::Overdue) {
            overdueUpTo = paid;
            break;
        }
    }
    const QString paid = field(u"paidOn"_s);
    const QString late = enteredLate().sql;
    const QString open = u"COALESCE("_s + paid + u", '') <> '' AND ("_s + emptyList(u"vouchers"_s).sql + u')';
    const QString over = iso(overdueUpTo), soon = iso(soonUpTo);
    switch (status) {
    case funds::EntryStatus::EnteredLate:
        return generated(late);
    case funds::EntryStatus::Overdue:
        return generated(u"NOT ("_s + late + u") AND "_s + open + u" AND "_s + paid + u" <= ?"_s, {over});
    case funds::EntryStatus::DueSoon:
        return generated(u"NOT ("_s + late + u") AND "_s + open + u" AND "_s + paid + u" > ? AND "_s + paid +
                             u" <= ?"_s,
                         {over, soon});
    case funds::EntryStatus::OnTime:
        return generated(u"NOT ("_s + late + u") AND NOT ("_s + open + u" AND "_s + paid + u" <= ?)"_s,
                         {soon});
    }
    return {};
}

QString periodYear()
{
    return funds::DisbursementType::periodYearSql(field(u"period"_s));
}

QString periodMonth()
{
    return funds::DisbursementType::periodMonthSql(field(u"period"_s));
}

CacheCondition periodIn(int year, int quarter, int month)
{
    CacheCondition c = equals(periodYear(), year);
    if (month >= 1 && month <= 12)
        return c && equals(periodMonth(), month);
    if (quarter >= 1 && quarter <= 4)
        return c && generated(periodMonth() + u" BETWEEN ? AND ?"_s, {(quarter - 1) * 3 + 1, quarter * 3});
    return c;
}

CacheCondition ofKind(const QString &kind)
{
    const std::optional<funds::FundKind> k = funds::fundKindFromName(kind);
    if (!k)
        return {};
    QStringList codes;
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &l : lines) {
        if (l.kind == *k)
            codes.append(l.code);
    }
    return among(field(u"fundCode"_s), codes);
}

QString sumsPerUnitAndLine(const LocalCache &cache, const QString &type, const CacheCondition &condition,
                           const std::function<void(const QString &, const QString &, qint64, qint64)> &row)
{
    CacheQuery query(cache, type);
    query.where(condition).forEach(
        {kOrgUnit, field(u"fundCode"_s), sum(field(u"amountFen"_s)), count()},
        [&](const QSqlQuery &q) {
            row(q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                q.value(3).toLongLong());
        },
        2);
    return query.lastError();
}

CacheCondition paidIn(int year)
{
    return compare(field(u"paidOn"_s), u">="_s, iso(QDate(year, 1, 1))) &&
           compare(field(u"paidOn"_s), u"<"_s, iso(QDate(year + 1, 1, 1)));
}

CacheCondition budgetYear(int year)
{
    return equals(u"CAST("_s + field(u"year"_s) + u" AS INTEGER)"_s, year);
}

QHash<QString, QPair<QString, QString>> overdueEntries(const LocalCache &cache, const QStringList &orgUnitIds,
                                                       const CacheCondition &condition, QDate today,
                                                       const WorkingCalendar &calendar)
{
    QHash<QString, QPair<QString, QString>> out;
    const auto collect = [&](const QString &type, const CacheCondition &candidates,
                             const std::function<bool(const QJsonObject &)> &overdue) {
        CacheQuery(cache, type)
            .where(unitAmong(orgUnitIds) && candidates && condition)
            .forEach({kId, kOrgUnit, kDepartment, kData}, [&](const QSqlQuery &q) {
                if (overdue(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()))
                    out.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString()});
            });
    };
    // Disbursements whose vouchers are not attached past the Art. 7 time (5 working days after payment),
    // unless entered late: such a record counts as late, not as overdue.
    collect(typeName(funds::DisbursementType::kName),
            emptyList(u"vouchers"_s) && compare(field(u"paidOn"_s), u"<"_s, iso(today)),
            [&](const QJsonObject &d) {
                return funds::DisbursementType::deadlineState(d, today, calendar).status ==
                       funds::EntryStatus::Overdue;
            });
    // Provincial-or-higher allocations not reported to the city in time (rule 1).
    collect(typeName(funds::AllocationType::kName),
            isNull(field(u"reportedOn"_s)) && compare(field(u"reportDueOn"_s), u"<"_s, iso(today)),
            [&](const QJsonObject &d) {
                return funds::AllocationType::deadlineState(d, today, calendar).status ==
                       funds::EntryStatus::Overdue;
            });
    return out;
}

QList<QPair<QString, QString>> allocationChoices(const LocalCache &cache, const QString &departmentId)
{
    QList<QPair<QString, QString>> out;
    CacheQuery(cache, typeName(funds::AllocationType::kName))
        .where(equals(kDepartment, departmentId))
        .orderBy(field(u"receivedOn"_s), Qt::DescendingOrder)
        .forEach({kId, field(u"documentNo"_s), field(u"fundCode"_s), field(u"amountFen"_s)},
                 [&](const QSqlQuery &q) {
                     const std::optional<funds::FundLine> line = funds::findFundLine(q.value(2).toString());
                     out.append({q.value(0).toString(),
                                 u"%1 · %2 · %3"_s.arg(q.value(1).toString(),
                                                       line ? line->name : q.value(2).toString(),
                                                       money::formatYuan(q.value(3).toLongLong()))});
                 });
    return out;
}

QSet<QString> disbursementKeys(const QString &cachePath, const QString &departmentId)
{
    QSet<QString> keys;
    const QString connection = u"disbursement-keys-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(cachePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (db.open()) {
            CacheQuery(db, typeName(funds::DisbursementType::kName))
                .where(equals(kDepartment, departmentId))
                .forEach({field(u"fundCode"_s), field(u"period"_s), field(u"idNumber"_s),
                          field(u"recipientName"_s)},
                         [&](const QSqlQuery &q) {
                             keys.insert(funds::disbursementKey(q.value(0).toString(), q.value(1).toString(),
                                                                q.value(2).toString(),
                                                                q.value(3).toString()));
                         });
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return keys;
}

} // namespace sunshine::app::fundquery
