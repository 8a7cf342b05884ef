#pragma once

#include "server/store/Store.h"
#include "server/sync/PushHook.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>

namespace sunshine {

// One record as the summaries see it.
using SummaryRecord = RecordSnapshot;

// The summary tables of the fund records (migration 0006): fund_summary (live disbursements per level of the
// org tree, year and month of the period, department and fund line) and fund_pending (deadlines still open,
// by due date). Every writer goes through this class, so what the push, the loaders and the generator write,
// and what summary-check and summary-rebuild recompute, come from one function (contribute()).
//
// Use: for each record written, change(before, after) (nullptr or a deleted record for "none"); then flush()
// inside the transaction that writes the records. Deltas are summed in memory first, so a batch of any size
// costs one upsert per summary row it touches, written in key order (two writers never lock rows in opposite
// orders).
class SummaryUpdater
{
public:
    struct SumKey
    {
        int lvl = 0;
        QString unitId;
        int year = 0;
        int month = 0;
        QString departmentId;
        QString fundCode;
        bool operator<(const SumKey &o) const;
        bool operator==(const SumKey &o) const;
    };
    struct SumValue
    {
        QString parentId;
        QString unitPath;
        qint64 count = 0;
        qint64 amountFen = 0;
        qint64 lateCount = 0; // entered late
        qint64 lateFen = 0;
        qint64 paidLateCount = 0; // paid after the pay-by date
        qint64 paidLateFen = 0;
        bool isZero() const
        {
            return count == 0 && amountFen == 0 && lateCount == 0 && lateFen == 0 && paidLateCount == 0 &&
                   paidLateFen == 0;
        }
    };
    struct PendKey
    {
        QString unitId;
        QString departmentId;
        QString fundCode;
        QString what; // "voucher" | "report"
        QString dueOn;
        bool operator<(const PendKey &o) const;
    };
    struct PendValue
    {
        QString unitPath;
        qint64 count = 0;
        qint64 amountFen = 0;
        bool isZero() const { return count == 0 && amountFen == 0; }
    };
    using SumMap = std::map<SumKey, SumValue>;
    using PendMap = std::map<PendKey, PendValue>;

    explicit SummaryUpdater(Store &store);

    // Record types the summaries count: disbursement and fund-allocation.
    static bool concerns(const QString &type);

    // Adds (sign +1) or subtracts (sign -1) what a live record contributes; a deleted record contributes
    // nothing.
    void add(const SummaryRecord &record, int sign = 1);
    // What changed between two states of one record (either may be nullptr: created, or gone).
    void change(const SummaryRecord *before, const SummaryRecord *after);
    // Writes the summed deltas in the caller's transaction and forgets them.
    void flush();
    bool isEmpty() const { return m_sums.empty() && m_pending.empty(); }

    const SumMap &sums() const { return m_sums; }
    const PendMap &pending() const { return m_pending; }

    // --- whole tables (summary-check / summary-rebuild) ---

    // The summaries as the raw rows say they should be (live records only, through contribute()).
    struct Computed
    {
        SumMap sums;
        PendMap pending;
        qint64 records = 0;
    };
    static Computed computeFromRecords(Store &store);
    // Every difference between the stored summaries and the raw rows, one line each (at most `maxLines`;
    // `count` gets them all). Rows whose figures are all zero count as absent.
    static QStringList check(Store &store, int maxLines, qint64 *count, qint64 *recordsRead = nullptr);
    // Rewrites both tables from the raw rows in one transaction; returns the number of records read.
    static qint64 rebuild(Store &store);
    // After migrating a store with records from before the summaries (schema < 6) to 6 or later: rebuilds
    // them.
    static void rebuildAfterMigration(Store &store, int fromVersion, int toVersion);

private:
    void contribute(const SummaryRecord &record, int sign);
    QString voucherDue(const QString &paidOn);

    Store &m_store;
    SumMap m_sums;
    PendMap m_pending;
    QHash<QString, QString> m_voucherDue; // paid on -> due on (cached: the calendar walk is not free)
};

} // namespace sunshine
