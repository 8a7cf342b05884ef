#pragma once

#include "common/wire/UserInfo.h"

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace sunshine::app {

class ApiClient;
class ClientSession;
class HomePanel;

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

// One panel a module adds to the leaders' 首页, under its own figures.
struct ModuleHomePanel
{
    std::function<QString()> title; // translated when the 首页 is built
    // Whether this user sees the panel (default: everyone).
    std::function<bool(const UserInfo &user)> visible;
    std::function<HomePanel *(ClientSession &session, QWidget *parent)> build;
};

// What a module's registerApp() fills: its tabs and 首页 panels, in the order of the module list.
class AppModules
{
public:
    void addTab(ModuleTab tab) { m_tabs.append(std::move(tab)); }
    const QList<ModuleTab> &tabs() const { return m_tabs; }
    void addHomePanel(ModuleHomePanel panel) { m_panels.append(std::move(panel)); }
    const QList<ModuleHomePanel> &homePanels() const { return m_panels; }

    // Every module of the app's module list, registered once.
    static const AppModules &installed();

private:
    QList<ModuleTab> m_tabs;
    QList<ModuleHomePanel> m_panels;
};

} // namespace sunshine::app

namespace sunshine {
// Generated from the module list of app/CMakeLists.txt (sunshine_add_modules).
void registerAllAppModules(app::AppModules &registry);
} // namespace sunshine
