#pragma once

#include "common/core/Clock.h"

namespace sunshine {

class AuditLog;
class Store;

// The 阳光扶贫 demo records: a few thousand households across the counties with members, quarterly incomes,
// helpers and pairings, visits of the last quarters (some missing, some late), identification and exit cases
// at every step, weak villages and help requests in every deadline state. Deterministic; dated relative to
// the clock, so the demo always shows open windows, due and overdue items.
class ReliefDemo
{
public:
    struct Counts
    {
        int households = 0;
        int members = 0;
        int records = 0;
    };
    // Loads into a store that has the demo org tree and no module records yet; returns what it wrote.
    static Counts loadIfEmpty(Store &store, const Clock &clock, AuditLog &audit);
};

} // namespace sunshine
