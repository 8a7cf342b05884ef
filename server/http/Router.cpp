#include "server/http/Router.h"

#include "server/store/Store.h"

#include <QDebug>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <atomic>

using namespace Qt::Literals::StringLiterals;

// One line per request at info level: off unless enabled (the server's `serve` enables it; tests do not).
Q_LOGGING_CATEGORY(lcRequest, "sunshine.request", QtWarningMsg)

namespace sunshine {

void Router::add(const QString &method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append({method, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler)});
}

bool Router::match(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{') && want.endsWith(u'}')) {
            found.insert(want.mid(1, want.size() - 2), segments.at(i));
        } else if (want != segments.at(i)) {
            return false;
        }
    }
    *params = found;
    return true;
}

HttpResponse Router::dispatch(HttpRequest &request) const
{
    static std::atomic<quint64> counter{0};
    static const QByteArray prefix = QByteArray::number(QRandomGenerator::global()->generate(), 16);
    const QByteArray id = prefix + '-' + QByteArray::number(++counter);
    QElapsedTimer timer;
    timer.start();
    QString routeKey = u"unmatched"_s;
    HttpResponse response = route(request, &routeKey);
    const qint64 micros = timer.nsecsElapsed() / 1000;
    if (m_metrics)
        m_metrics->request(routeKey, response.status, micros);
    response.headers.append({"X-Request-Id", id});
    qCInfo(lcRequest).noquote() << id << request.peerAddress << request.method << request.path.left(200)
                                << response.status
                                << QString::number(double(micros) / 1000.0, 'f', 1) + u"ms"_s
                                << (request.auth ? request.auth->username : QString());
    return response;
}

HttpResponse Router::route(HttpRequest &request, QString *routeKey) const
{
    try {
        const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
        QStringList allowed;
        for (const Route &route : m_routes) {
            QHash<QString, QString> params;
            if (!match(route, segments, &params))
                continue;
            if (route.method != request.method) {
                allowed.append(route.method);
                continue;
            }
            request.pathParams = params;
            *routeKey = route.method + u' ' + u'/' + route.segments.join(u'/');
            if (route.access == Access::Public && m_publicLimiter) {
                const qint64 waitMs = m_publicLimiter->take(request.peerAddress + u' ' + route.method + u' ' +
                                                            route.segments.join(u'/'));
                if (waitMs > 0) {
                    const qint64 seconds = (waitMs + 999) / 1000;
                    HttpResponse r = HttpResponse::error(
                        ApiError(ErrorCode::TooManyRequests, u"查询过于频繁，请 %1 秒后再试"_s.arg(seconds)));
                    r.headers.append({"Retry-After", QByteArray::number(seconds)});
                    return r;
                }
            }
            if (route.access == Access::Authenticated)
                request.auth = m_authenticator(request);
            return route.handler(request);
        }
        if (!allowed.isEmpty()) {
            HttpResponse r = HttpResponse::error(ApiError(
                ErrorCode::MethodNotAllowed,
                u"该地址不支持 %1 方法，可用方法：%2"_s.arg(request.method.left(16), allowed.join(u", "_s))));
            r.headers.append({"Allow", allowed.join(u", "_s).toLatin1()});
            return r;
        }
        return HttpResponse::error(ApiError(ErrorCode::NotFound, u"接口地址不存在"_s));
    } catch (const ApiError &e) {
        return HttpResponse::error(e);
    } catch (const StoreError &e) {
        if (m_metrics)
            m_metrics->databaseError();
        qWarning("store error on %s %s: %s", qPrintable(request.method), qPrintable(request.path), e.what());
        return HttpResponse::error(
            ApiError(e.connectionLost() ? ErrorCode::StoreUnavailable : ErrorCode::Internal));
    } catch (const std::exception &e) {
        qWarning("error on %s %s: %s", qPrintable(request.method), qPrintable(request.path), e.what());
        return HttpResponse::error(ApiError(ErrorCode::Internal));
    }
}

} // namespace sunshine
