#include "app/dashboard/DashboardTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::dashboard {

void registerApp(app::AppModules &registry)
{
    // Tab titles keep the translation context they had when the main window added the tabs itself.
    // The 首页 dashboard: the first tab for leaders, also shown to supervisors.
    registry.addTab({[] { return QCoreApplication::translate("sunshine::app::MainWindow", "Home"); },
                     &app::seesDashboard, &app::dashboardFirst,
                     [](app::ClientSession &session, app::ApiClient &, QWidget *parent) -> QWidget * {
                         return new app::DashboardTab(session, parent);
                     }});
}

} // namespace sunshine::modules::dashboard
