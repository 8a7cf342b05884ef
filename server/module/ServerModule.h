#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

class QTextStream;

namespace sunshine {

class PushHook;
struct HttpRequest;
class Router;
class Store;
struct Services;

// A list a module hands over to the public layer (MODULES.md §7: payment lists, notices, disclosures), shown
// by the portal without sign-in. The module keeps it need-to-know: rows carry only what the public may see,
// masked as sync::publicName() and its siblings mask.
struct PublicList
{
    QString name;        // in /api/v1/public/lists/{name}
    QString title;       // "资金发放名单"
    QString description; // one sentence for the visitor
    // How the visitor narrows it: [{"key","label","kind":"place","level":"village"|"county",...},
    // {"key","label","kind":"choice","options":[{"value","label"}]}]. A place filter is required.
    QJsonArray filters;
    QJsonArray columns; // [{"key","label","kind":"text"|"money"|"date"|"number"}]
    // One page as {"rows":[…], "total", "page", "pageSize"}; the filters are the request's query items (the
    // place resolved to its org path in "placePath"). Throws ApiError for a bad filter.
    std::function<QJsonObject(const HttpRequest &request, const QString &placePath, int page, int pageSize)>
        page;

    // A column of `columns`.
    static QJsonObject column(const QString &key, const QString &label,
                              const QString &kind = QStringLiteral("text"));
    // The answer of one page: {"rows", "total", "page", "pageSize"}.
    static QJsonObject answer(const QJsonArray &rows, qint64 total, int page, int pageSize);
    // The answer of one page of `all` (rows the page function found in full).
    static QJsonObject pageOf(const QList<QJsonObject> &all, int page, int pageSize);
};

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

    // The lists the module hands over to the public layer (after start()).
    virtual QList<PublicList> publicLists(Services &) const { return {}; }
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
