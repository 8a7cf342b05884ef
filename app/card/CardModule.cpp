#include "app/card/CardDashboardPanel.h"
#include "app/card/CardTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::card {

void registerApp(app::AppModules &registry)
{
    // Town clerks keep the villages' cards (agency bookkeeping); leaders and supervisors of every level read.
    registry.addTab({[] { return QCoreApplication::translate("sunshine::app::CardTab", "Village cards"); },
                     [](const UserInfo &) { return true; },
                     {},
                     [](app::ClientSession &session, app::ApiClient &api, QWidget *parent) -> QWidget * {
                         return new app::CardTab(session, api, parent);
                     }});
    registry.addHomePanel(
        {[] { return QCoreApplication::translate("sunshine::app::CardDashboardPanel", "Village cards"); },
         {},
         [](app::ClientSession &session, QWidget *parent) -> app::HomePanel * {
             return new app::CardDashboardPanel(session, parent);
         }});
}

} // namespace sunshine::modules::card
