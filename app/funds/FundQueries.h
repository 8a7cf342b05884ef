#pragma once

#include "app/sync/CacheQuery.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/FundRules.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QStringList>
#include <functional>

// 涉农资金's questions to the local cache: the deadline states of the fund records as conditions, the period
// and kind of a disbursement, the summaries per place and fund line, the form's choices and the import's
// duplicate check. The dashboard and the fund views ask them here, so each is answered one way.
namespace sunshine::app::fundquery {

// The records whose deadline state on `today` is `status`, as a condition on the cache.
using DeadlineCondition =
    std::function<CacheCondition(funds::EntryStatus status, QDate today, const WorkingCalendar &calendar)>;
// Judged by a due date and the day the thing was done (allocations: reportDueOn and reportedOn; plans,
// returns and evaluations: documentsDueOn and documentsOn), by funds::entryStatus.
CacheCondition dueDone(const QString &dueField, const QString &doneField, funds::EntryStatus status,
                       QDate today, const WorkingCalendar &calendar);
// Disbursements (DisbursementType::deadlineState): entered late after the entry due date; otherwise, while no
// voucher is attached, the voucher deadline (5 working days after payment).
CacheCondition disbursementDeadline(funds::EntryStatus status, QDate today, const WorkingCalendar &calendar);
// Disbursements entered after their entry due date (DisbursementType::enteredLate).
CacheCondition enteredLate();
// Allocations in a deadline state (funds::AllocationType::deadlineStateSql).
CacheCondition allocationDeadline(funds::EntryStatus status, QDate today, const WorkingCalendar &calendar);
// Paid after the pay-by date (funds::DisbursementType::paidLate, its generated SQL).
CacheCondition paidLate();

// Disbursements of a 所属期 in `year`, one `quarter` (1..4) or one `month` (1..12; before the quarter).
CacheCondition periodIn(int year, int quarter = 0, int month = 0);
// The year and first month of a disbursement's period (DisbursementType::periodStart), as SQL columns.
QString periodYear();
QString periodMonth();
// Records of the fund lines of a kind (funds::fundKindName(); empty: every kind).
CacheCondition ofKind(const QString &kind);

// The sums of the records of `type` in a condition, per place and fund line: (org unit, fund code, fen,
// count). The query's error, or nothing.
QString sumsPerUnitAndLine(const LocalCache &cache, const QString &type, const CacheCondition &condition,
                           const std::function<void(const QString &orgUnitId, const QString &fundCode,
                                                    qint64 fen, qint64 count)> &row);
// Disbursements paid in a calendar year.
CacheCondition paidIn(int year);
// Allocations of a budget year.
CacheCondition budgetYear(int year);

// Fund records overdue on `today` (vouchers of disbursements, reports of allocations to the city) in the org
// units and condition: id -> (org unit, department).
QHash<QString, QPair<QString, QString>> overdueEntries(const LocalCache &cache, const QStringList &orgUnitIds,
                                                       const CacheCondition &condition, QDate today,
                                                       const WorkingCalendar &calendar);

// The allocations of a department for a reference field: (id, "文号 · fund line · amount"), latest first.
QList<QPair<QString, QString>> allocationChoices(const LocalCache &cache, const QString &departmentId);
// The duplicate keys (funds::disbursementKey) of a department's disbursements in the cache file at
// `cachePath`, over a read-only connection of their own: the import's worker thread asks (the cache is in WAL
// mode).
QSet<QString> disbursementKeys(const QString &cachePath, const QString &departmentId);

} // namespace sunshine::app::fundquery
