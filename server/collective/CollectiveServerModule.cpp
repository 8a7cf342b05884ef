#include "server/collective/CollectiveDemo.h"
#include "server/module/ServerModule.h"

namespace sunshine {

namespace {

// A village collective's books on the server: their records sync and their rules run in the warning engine
// like any other; the module adds its demo records.
class CollectiveServerModule final : public ServerModule
{
public:
    void loadDemo(Services &services) override { CollectiveDemo::loadIfEmpty(services); }
};

} // namespace

namespace modules::collective {
void registerServer(ServerModules &modules)
{
    modules.add([] { return std::make_unique<CollectiveServerModule>(); });
}
} // namespace modules::collective

} // namespace sunshine
