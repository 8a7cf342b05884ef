#include "server/api/Services.h"
#include "server/module/ServerModule.h"
#include "server/relief/PublicNoticeList.h"
#include "server/relief/ReliefDemo.h"
#include "server/relief/ReliefRoutes.h"

namespace sunshine {

namespace {

class ReliefServerModule final : public ServerModule
{
public:
    void loadDemo(Services &services) override
    {
        ReliefDemo::loadIfEmpty(services.store, services.clock, services.audit);
    }
    void registerRoutes(Router &router, Services &services) override
    {
        registerHelpLookupRoutes(router, services);
    }
    QList<PublicList> publicLists(Services &services) const override
    {
        return {publicNoticeList(services.store, services.clock)};
    }
};

} // namespace

namespace modules::relief {

void registerServer(ServerModules &registry)
{
    registry.add([] { return std::make_unique<ReliefServerModule>(); });
}

} // namespace modules::relief

} // namespace sunshine
