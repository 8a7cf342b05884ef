#include "app/funds/FundsTab.h"
#include "app/shell/AppModule.h"

#include <QCoreApplication>

namespace sunshine::modules::funds {

void registerApp(app::AppModules &registry)
{
    // Tab titles keep the translation context they had when the main window added the tabs itself.
    // Every role reads the fund records of its area (the server sends them in sync); clerks of the lead
    // department write them.
    registry.addTab(
        {[] { return QCoreApplication::translate("sunshine::app::MainWindow", "Agricultural funds"); },
         {},
         {},
         [](app::ClientSession &session, app::ApiClient &, QWidget *parent) -> QWidget * {
             return new app::FundsTab(session, parent);
         }});
}

} // namespace sunshine::modules::funds
