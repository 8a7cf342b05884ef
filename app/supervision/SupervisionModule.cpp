#include "app/shell/AppModule.h"
#include "app/supervision/SupervisionTab.h"

#include <QCoreApplication>

namespace sunshine::modules::supervision {

void registerApp(app::AppModules &registry)
{
    // Supervisors keep it; reviewers and clerks follow the rectifications they must make; leaders read it.
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::SupervisionTab", "Supervision"); },
         {},
         [](const UserInfo &user) { return user.roles.contains(Role::Supervisor); },
         [](app::ClientSession &session, app::ApiClient &api, QWidget *parent) -> QWidget * {
             return new app::SupervisionTab(session, api, parent);
         }});
}

} // namespace sunshine::modules::supervision
