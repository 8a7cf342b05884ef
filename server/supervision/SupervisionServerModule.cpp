#include "server/api/Services.h"
#include "server/module/ServerModule.h"
#include "server/supervision/SpotCheckService.h"
#include "server/supervision/SupervisionDemo.h"
#include "server/supervision/SupervisionRoutes.h"

namespace sunshine {

namespace {

class SupervisionServerModule final : public ServerModule
{
public:
    void start(Services &services) override { m_draws = std::make_unique<SpotCheckService>(services); }
    void loadDemo(Services &services) override { SupervisionDemo::loadIfEmpty(services); }
    void registerRoutes(Router &router, Services &services) override
    {
        if (m_draws)
            registerSupervisionRoutes(router, services, *m_draws);
    }

private:
    std::unique_ptr<SpotCheckService> m_draws;
};

} // namespace

namespace modules::supervision {
void registerServer(ServerModules &modules)
{
    modules.add([] { return std::make_unique<SupervisionServerModule>(); });
}
} // namespace modules::supervision

} // namespace sunshine
