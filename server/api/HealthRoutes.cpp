#include "api/Services.h"
#include "core/Version.h"
#include "store/Migrator.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void registerHealthRoutes(Router &router, Services &services)
{
    router.add(u"GET"_s, u"/api/v1/health"_s, Router::Access::Public, [&services](HttpRequest &) {
        const int schema = Migrator(services.store).currentVersion();
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ok"_s},
                                              {u"version"_s, QString::fromLatin1(kVersion)},
                                              {u"store"_s, services.store.config().kindName()},
                                              {u"schema"_s, schema}});
    });
}

} // namespace sunshine
