#pragma once

namespace sunshine {

struct Services;

// With --demo: inspections in their windows (a spot check drawn), findings, an audit report whose findings
// ordered rectifications and a referral, a rectification in each state, and an accountability decision; all
// written through the push path as the demo supervisors and clerks would, so the server's consequences
// follow.
class SupervisionDemo
{
public:
    static void loadIfEmpty(Services &services);
};

} // namespace sunshine
