#include "app/relief/ReliefTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::relief {

void registerApp(app::AppModules &registry)
{
    // Tab titles keep the translation context they had when the main window added the tabs itself.
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::MainWindow", "Sunshine assistance"); },
         {},
         {},
         [](app::ClientSession &session, app::ApiClient &, QWidget *parent) -> QWidget * {
             return new app::ReliefTab(session, parent);
         }});
}

} // namespace sunshine::modules::relief
