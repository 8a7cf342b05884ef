#include "server/module/ServerModule.h"

namespace sunshine {

std::vector<std::unique_ptr<ServerModule>> ServerModules::create()
{
    ServerModules registry;
    registerAllServerModules(registry);
    std::vector<std::unique_ptr<ServerModule>> out;
    for (const Factory &make : registry.m_factories)
        out.push_back(make());
    return out;
}

} // namespace sunshine
