#include "server/card/CardDemo.h"
#include "server/module/ServerModule.h"

namespace sunshine {

namespace {

// The village card on the server: its records sync and its rules run in the warning engine like any other;
// the module adds its demo records.
class CardServerModule final : public ServerModule
{
public:
    void loadDemo(Services &services) override { CardDemo::loadIfEmpty(services); }
};

} // namespace

namespace modules::card {
void registerServer(ServerModules &modules)
{
    modules.add([] { return std::make_unique<CardServerModule>(); });
}
} // namespace modules::card

} // namespace sunshine
