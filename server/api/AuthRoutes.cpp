#include "common/api/JsonReader.h"
#include "common/auth/PasswordPolicy.h"
#include "server/api/Services.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void registerAuthRoutes(Router &router, Services &services)
{
    router.add(u"POST"_s, u"/api/v1/auth/login"_s, Router::Access::Public, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        const QString username = in.requiredString(u"username"_s, 64);
        const QString password = in.requiredString(u"password"_s, password::kMaxLength);
        in.finish();
        return HttpResponse::json(services.auth.login(username, password, req.peerAddress).toJson());
    });

    router.add(u"POST"_s, u"/api/v1/auth/logout"_s, Router::Access::Authenticated,
               [&services](HttpRequest &req) {
                   if (!req.body.trimmed().isEmpty())
                       JsonReader::fromBody(req.body).finish();
                   services.auth.logout(req.session(), req.peerAddress);
                   return HttpResponse::noContent();
               });

    router.add(u"GET"_s, u"/api/v1/me"_s, Router::Access::Authenticated, [&services](HttpRequest &req) {
        QJsonObject me = services.auth.currentUser(req.session()).toJson();
        me.insert(u"sessionExpiresAt"_s, isoUtc(req.session().expiresAtMs));
        return HttpResponse::json(me);
    });

    router.add(u"POST"_s, u"/api/v1/me/password"_s, Router::Access::Authenticated,
               [&services](HttpRequest &req) {
                   JsonReader in = JsonReader::fromBody(req.body);
                   const QString current = in.requiredString(u"currentPassword"_s, password::kMaxLength);
                   const QString next = in.requiredString(u"newPassword"_s, password::kMaxLength);
                   in.finish();
                   services.auth.changePassword(req.session(), current, next, req.peerAddress);
                   return HttpResponse::noContent();
               });
}

} // namespace sunshine
