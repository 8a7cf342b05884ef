#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace sunshine::app {

class ClientSession;

// What a module keeps for one signed-in user beside the records (reference data such as added catalog lines),
// without widgets. A ClientSession makes one of each registered module at open().
class ClientModule : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ClientModule() override;
    // The cache has opened: what the module remembered comes into force (offline too).
    virtual void opened() {}
    // After sign-in and after each sync round that went through: fetch what the server has now.
    virtual void refresh() {}
};

// What a module's registerClient() fills: a name and how to make the module's part for a session.
class ClientModules
{
public:
    using Factory = std::function<std::unique_ptr<ClientModule>(ClientSession &session)>;
    void add(const QString &name, Factory factory) { m_factories.append({name, std::move(factory)}); }
    const QList<QPair<QString, Factory>> &factories() const { return m_factories; }

private:
    QList<QPair<QString, Factory>> m_factories;
};

} // namespace sunshine::app

namespace sunshine {
// Generated from the module list of app/CMakeLists.txt (sunshine_add_modules).
void registerAllClientModules(app::ClientModules &registry);
} // namespace sunshine
