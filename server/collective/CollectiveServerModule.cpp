#include "server/api/Services.h"
#include "server/collective/CollectiveDemo.h"
#include "server/collective/PublicDisclosureList.h"
#include "server/module/ServerModule.h"

namespace sunshine {

namespace {

// A village collective's books on the server: their records sync and their rules run in the warning engine
// like any other; the module adds its demo records and hands the posted disclosures to the public portal.
class CollectiveServerModule final : public ServerModule
{
public:
    void loadDemo(Services &services) override { CollectiveDemo::loadIfEmpty(services); }
    QList<PublicList> publicLists(Services &services) const override
    {
        return {publicDisclosureList(services.store)};
    }
};

} // namespace

namespace modules::collective {
void registerServer(ServerModules &modules)
{
    modules.add([] { return std::make_unique<CollectiveServerModule>(); });
}
} // namespace modules::collective

} // namespace sunshine
