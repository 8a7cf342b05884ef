#pragma once

#include "common/core/Clock.h"

namespace sunshine {

class AttachmentStore;
class AuditLog;
class Store;

// The 涉农资金 / 扶贫济困资金 demo records: for every fund line of the catalog and every county, allocations
// from central, provincial, city and county level (some reported late, some not reported and overdue),
// disbursements of the last five quarters to persons and households (the relief demo's registered members
// where it is loaded, so payments link to their households), units, villages and projects (some entered late,
// some without vouchers past their due date), allocation plans, returns with their distribution and yearly
// evaluations. Deterministic; dated relative to the clock. Every record carries the fields the server derives
// (computed by the type's derive() as of the day it was entered), the fund summaries are kept, and the
// documents the records refer to are real files in the attachment store.
class FundDemo
{
public:
    struct Counts
    {
        int allocations = 0;
        int disbursements = 0;
        int plans = 0;
        int returns = 0;
        int evaluations = 0;
        int records = 0;
    };
    // Loads into a store that has the demo org tree (and, best, the relief demo) and no fund records yet;
    // returns what it wrote (nothing when fund records are there already).
    static Counts loadIfEmpty(Store &store, const Clock &clock, AuditLog &audit, AttachmentStore &files);
};

} // namespace sunshine
