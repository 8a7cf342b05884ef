#pragma once

#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

class QTextStream;

namespace sunshine {

class PushHook;
class Router;
class Store;
struct Services;

// What a module adds to the server. One instance per Services (an in-process test may run several servers),
// made from the factories that the modules' registerServer() add; the command-line tools make their own.
class ServerModule
{
public:
    virtual ~ServerModule() = default;

    // After the store was migrated from schema `from` to `to` (e.g. rebuilding the module's summaries from
    // its records). Throws StoreError.
    virtual void migrated(Store &, int /*from*/, int /*to*/) {}
    // The consequences the module keeps in each push's transaction, if any.
    virtual const PushHook *pushHook() const { return nullptr; }
    // The server starts with these services: what the module keeps in force comes into force.
    virtual void start(Services &) {}
    // The server stops (undoes start()).
    virtual void stop() {}
    // With --demo: the module's demo records, when the store has none yet.
    virtual void loadDemo(Services &) {}
    // The module's routes.
    virtual void registerRoutes(Router &, Services &) {}

    // Subcommands of sunshine-server that work on the store ("summary-check"): exit code.
    struct Command
    {
        QString name;
        QString help;
        std::function<int(Store &store, QTextStream &out, QTextStream &err)> run;
        // Runs on the store as migrated, without the modules' migrated() (a check of what is stored).
        bool skipMigratedHooks = false;
    };
    virtual QList<Command> commands() const { return {}; }
};

// What the modules' registerServer() fill: how to make each module's part.
class ServerModules
{
public:
    using Factory = std::function<std::unique_ptr<ServerModule>()>;
    void add(Factory factory) { m_factories.push_back(std::move(factory)); }

    // One instance of every module of the server's module list, in its order.
    static std::vector<std::unique_ptr<ServerModule>> create();

private:
    std::vector<Factory> m_factories;
};

void registerAllServerModules(ServerModules &registry);

} // namespace sunshine
