#include "server/api/Services.h"
#include "server/module/ServerModule.h"
#include "server/trading/BidRoutes.h"
#include "server/trading/PublicTradingLists.h"
#include "server/trading/TradingDemo.h"

namespace sunshine {

namespace {

// Rural property-rights trading on the server: the listings and registrations sync and their rules run in the
// warning engine like any other records; the module takes the bids (the server's alone), hands the listing
// notices and the deals' result notices to the public portal, and adds its demo listings.
class TradingServerModule final : public ServerModule
{
public:
    void start(Services &services) override { m_bids = std::make_unique<BidService>(services); }
    void loadDemo(Services &services) override { TradingDemo::loadIfEmpty(services); }
    void registerRoutes(Router &router, Services &) override
    {
        if (m_bids)
            registerBidRoutes(router, *m_bids);
    }
    QList<PublicList> publicLists(Services &services) const override
    {
        return {publicListingNotices(services.store), publicDealNotices(services.store)};
    }

private:
    std::unique_ptr<BidService> m_bids;
};

} // namespace

namespace modules::trading {
void registerServer(ServerModules &modules)
{
    modules.add([] { return std::make_unique<TradingServerModule>(); });
}
} // namespace modules::trading

} // namespace sunshine
