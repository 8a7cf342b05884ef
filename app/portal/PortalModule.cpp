#include "app/portal/PortalTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::portal {

void registerApp(app::AppModules &registry)
{
    // Complaints, announcements and policies are kept at the city and the counties: their offices,
    // departments, leaders and supervisors work them (towns receive none).
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::PortalTab", "Complaints && public"); },
         [](const UserInfo &user) {
             return user.orgLevel == OrgLevel::City || user.orgLevel == OrgLevel::County;
         },
         {},
         [](app::ClientSession &session, app::ApiClient &api, QWidget *parent) -> QWidget * {
             return new app::PortalTab(session, api, parent);
         }});
}

} // namespace sunshine::modules::portal
