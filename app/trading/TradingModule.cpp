#include "app/shell/AppModule.h"
#include "app/trading/TradingTab.h"

#include <QCoreApplication>

namespace sunshine::modules::trading {

void registerApp(app::AppModules &registry)
{
    // The trading centre's staff (the town's or the county's clerks and reviewers) record the listings' path;
    // leaders and supervisors of every level read the listings, the deals and their prices.
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::TradingTab", "Property trading"); },
         [](const UserInfo &) { return true; },
         {},
         [](app::ClientSession &session, app::ApiClient &api, QWidget *parent) -> QWidget * {
             return new app::TradingTab(session, api, parent);
         }});
}

} // namespace sunshine::modules::trading
