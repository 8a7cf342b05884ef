#include "server/supervision/SupervisionRoutes.h"

#include "common/api/JsonReader.h"
#include "server/api/Services.h"
#include "server/supervision/SpotCheckService.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void registerSupervisionRoutes(Router &router, Services &services, SpotCheckService &draws)
{
    const auto auth = Router::Access::Authenticated;
    router.add(u"POST"_s, u"/api/v1/supervision/inspections/{id}/draw"_s, auth, [&draws](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body.isEmpty() ? QByteArray("{}") : req.body);
        in.finish(); // the draw takes nothing from the caller: the seed is the server's
        return HttpResponse::json(draws.draw(req.session(), req.pathParams.value(u"id"_s), req.peerAddress),
                                  201);
    });
    router.add(u"GET"_s, u"/api/v1/supervision/inspections/{id}/draw"_s, auth, [&draws](HttpRequest &req) {
        return HttpResponse::json(draws.verify(req.session(), req.pathParams.value(u"id"_s)));
    });
    Q_UNUSED(services)
}

} // namespace sunshine
