#pragma once

#include "common/wire/UserInfo.h"

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace sunshine::app {

class ApiClient;
class ClientSession;

// One tab a module adds to the main window.
struct ModuleTab
{
    // The tab's title, translated when the window is built.
    std::function<QString()> title;
    // Whether this user sees the tab (default: everyone).
    std::function<bool(const UserInfo &user)> visible;
    // Whether the tab comes first and is shown at sign-in for this user (default: no).
    std::function<bool(const UserInfo &user)> leading;
    // Builds the tab.
    std::function<QWidget *(ClientSession &session, ApiClient &api, QWidget *parent)> build;
};

// What a module's registerApp() fills: its tabs, in the order of the module list.
class AppModules
{
public:
    void addTab(ModuleTab tab) { m_tabs.append(std::move(tab)); }
    const QList<ModuleTab> &tabs() const { return m_tabs; }

private:
    QList<ModuleTab> m_tabs;
};

} // namespace sunshine::app

namespace sunshine {
// Generated from the module list of app/CMakeLists.txt (sunshine_add_modules).
void registerAllAppModules(app::AppModules &registry);
} // namespace sunshine
