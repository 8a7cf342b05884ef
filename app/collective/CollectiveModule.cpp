#include "app/collective/CollectiveDashboardPanel.h"
#include "app/collective/CollectiveTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::collective {

void registerApp(app::AppModules &registry)
{
    // The town 农经站 keeps the villages' books (村账镇代管); leaders and supervisors of every level read
    // them.
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::CollectiveTab", "Collective assets"); },
         [](const UserInfo &) { return true; },
         {},
         [](app::ClientSession &session, app::ApiClient &api, QWidget *parent) -> QWidget * {
             return new app::CollectiveTab(session, api, parent);
         }});
    registry.addHomePanel({[] {
                               return QCoreApplication::translate("sunshine::app::CollectiveDashboardPanel",
                                                                  "Collective assets");
                           },
                           {},
                           [](app::ClientSession &session, QWidget *parent) -> app::HomePanel * {
                               return new app::CollectiveDashboardPanel(session, parent);
                           }});
}

} // namespace sunshine::modules::collective
