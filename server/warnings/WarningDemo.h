#pragma once

namespace sunshine {

struct Services;

// With --demo: the warnings the rules raise on the demo records, some of those in 通州区 taken through their
// handling by the demo accounts so that every state can be seen (新生成, 已派发, 核实中, 待复核, 已销号).
class WarningDemo
{
public:
    static void loadIfEmpty(Services &services);
};

} // namespace sunshine
