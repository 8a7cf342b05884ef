#pragma once

#include "server/http/HttpTypes.h"
#include "server/http/Metrics.h"
#include "server/http/RateLimiter.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace sunshine {

// Maps "METHOD /path/{param}" to handlers. A path that exists under another method answers 405 with Allow;
// an unknown path 404. Authenticated routes get the caller's session before the handler runs.
class Router
{
public:
    enum class Access
    {
        Public,
        Authenticated
    };
    using Handler = std::function<HttpResponse(HttpRequest &)>;
    using Authenticator = std::function<AuthSession(const HttpRequest &)>;

    void setAuthenticator(Authenticator authenticator) { m_authenticator = std::move(authenticator); }
    // Public routes count each address's requests here, per route; too many answer 429 with Retry-After.
    void setPublicLimiter(RateLimiter *limiter) { m_publicLimiter = limiter; }
    void add(const QString &method, const QString &pattern, Access access, Handler handler);

    // Requests are counted here by route and status, with their latency (the monitoring listener's numbers).
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }

    // Routes the request, runs its handler and turns every failure into an error answer. Never throws. Each
    // answer carries X-Request-Id, and one line per request goes to the log category "sunshine.request".
    HttpResponse dispatch(HttpRequest &request) const;

private:
    struct Route
    {
        QString method;
        QStringList segments;
        Access access;
        Handler handler;
    };
    static bool match(const Route &route, const QStringList &segments, QHash<QString, QString> *params);
    HttpResponse route(HttpRequest &request, QString *routeKey) const;

    QList<Route> m_routes;
    Authenticator m_authenticator;
    RateLimiter *m_publicLimiter = nullptr;
    Metrics *m_metrics = nullptr;
};

} // namespace sunshine
