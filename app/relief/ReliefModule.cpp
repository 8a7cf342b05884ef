#include "app/relief/ReliefTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::relief {

void registerApp(app::AppModules &registry)
{
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::MainWindow", "Sunshine assistance"); },
         {},
         {},
         [](app::ClientSession &session, app::ApiClient &, QWidget *parent) -> QWidget * {
             return new app::ReliefTab(session, parent);
         }});
}

} // namespace sunshine::modules::relief
