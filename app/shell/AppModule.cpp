#include "app/shell/AppModule.h"

namespace sunshine::app {

const AppModules &AppModules::installed()
{
    static const AppModules modules = [] {
        AppModules m;
        registerAllAppModules(m);
        return m;
    }();
    return modules;
}

} // namespace sunshine::app
