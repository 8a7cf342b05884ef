#include "app/shell/AppModule.h"
#include "app/warnings/WarningsTab.h"

#include <QCoreApplication>

namespace sunshine::modules::warnings {

void registerApp(app::AppModules &registry)
{
    // Everyone reads the warnings of the area (the server sends them in sync); clerks and reviewers handle
    // them; supervisors follow them.
    registry.addTab({[] { return QCoreApplication::translate("sunshine::app::WarningsTab", "Warnings"); },
                     {},
                     {},
                     [](app::ClientSession &session, app::ApiClient &api, QWidget *parent) -> QWidget * {
                         return new app::WarningsTab(session, api, parent);
                     }});
}

} // namespace sunshine::modules::warnings
