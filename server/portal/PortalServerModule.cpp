#include "server/api/Services.h"
#include "server/module/ServerModule.h"
#include "server/portal/PortalDemo.h"
#include "server/portal/PortalSite.h"
#include "server/portal/PublicRoutes.h"

namespace sunshine {

namespace {

class PortalServerModule final : public ServerModule
{
public:
    void loadDemo(Services &services) override { PortalDemo::loadIfEmpty(services); }
    void registerRoutes(Router &router, Services &services) override
    {
        // What every module hands over to the public layer, the portal's own lists among them.
        QList<PublicList> lists;
        for (const auto &m : services.modules)
            lists += m->publicLists(services);
        registerPortalSite(router);
        registerPublicRoutes(router, services, lists);
        registerComplaintRoutes(router, services);
    }
};

} // namespace

namespace modules::portal {
void registerServer(ServerModules &modules)
{
    modules.add([] { return std::make_unique<PortalServerModule>(); });
}
} // namespace modules::portal

} // namespace sunshine
