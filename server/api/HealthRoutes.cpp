#include "common/core/Version.h"
#include "server/api/Services.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void registerHealthRoutes(Router &router, Services &services)
{
    router.add(u"GET"_s, u"/api/v1/health"_s, Router::Access::Public, [&services](HttpRequest &) {
        // A cheap read proves the store answers; nothing is created or changed (replicas are read-only).
        SqlQuery(services.store, u"SELECT 1"_s).exec();
        const int schema = services.schemaVersion;
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ok"_s},
                                              {u"version"_s, QString::fromLatin1(kVersion)},
                                              {u"store"_s, services.store.config().kindName()},
                                              {u"schema"_s, schema}});
    });
}

} // namespace sunshine
