#include "common/api/JsonReader.h"
#include "server/api/Services.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void registerSyncRoutes(Router &router, Services &services)
{
    const auto auth = Router::Access::Authenticated;

    // {"deviceNow": ms, "operations": [...]} -> {"results": [...]} (same order).
    router.add(u"POST"_s, u"/api/v1/sync/push"_s, auth, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        const qint64 deviceNow = in.requiredInteger(u"deviceNow"_s, 0, 9'999'999'999'999LL);
        const QJsonValue ops = in.object().value(u"operations"_s);
        if (!ops.isArray())
            throw ApiError(ErrorCode::InvalidType, u"字段“operations”应为数组"_s, u"operations"_s);
        if (ops.toArray().size() > sync::kMaxBatchOperations)
            throw ApiError(ErrorCode::TooLong, u"每批最多 %1 个操作"_s.arg(sync::kMaxBatchOperations),
                           u"operations"_s);
        QJsonObject rest = in.object();
        rest.remove(u"operations"_s);
        rest.remove(u"deviceNow"_s);
        if (!rest.isEmpty())
            throw ApiError(ErrorCode::UnknownField, u"无法识别的字段“%1”"_s.arg(rest.keys().first().left(40)),
                           rest.keys().first().left(40));
        QList<sync::OpResult> results =
            services.sync.push(req.session(), ops.toArray(), deviceNow, req.peerAddress);
        services.metrics.pushed(results.size());
        // The server's record in an answer is a read like any other.
        Disclosure disclosure(req.session(), u"sync/push"_s);
        QJsonArray out;
        for (sync::OpResult &r : results) {
            if (r.current)
                disclosure.disclose(r.current->type, r.current->id, r.current->fields,
                                    r.current->departmentId);
            out.append(r.toJson());
        }
        disclosure.log(services.store, services.audit, req.peerAddress);
        return HttpResponse::json(
            QJsonObject{{u"results"_s, out}, {u"serverTime"_s, services.clock.nowMs()}});
    });

    // ?cursor=&limit= -> {"records": [...], "cursor": "...", "hasMore": bool}
    router.add(u"GET"_s, u"/api/v1/sync/pull"_s, auth, [&services](HttpRequest &req) {
        const auto items = req.query.queryItems();
        for (const auto &item : items) {
            if (item.first != u"cursor"_s && item.first != u"limit"_s)
                throw ApiError(ErrorCode::UnknownField, u"无法识别的参数“%1”"_s.arg(item.first.left(40)),
                               item.first.left(40));
        }
        int limit = 1000;
        if (const QString l = req.queryValue(u"limit"_s); !l.isEmpty()) {
            bool ok = false;
            limit = l.toInt(&ok);
            if (!ok || limit < 1 || limit > sync::kMaxPullLimit)
                throw ApiError(ErrorCode::BadRequest,
                               u"参数 limit 应为 1 到 %1 之间的整数"_s.arg(sync::kMaxPullLimit), u"limit"_s);
        }
        Disclosure disclosure(req.session(), u"sync/pull"_s);
        HttpResponse r;
        int count = 0;
        r.body = services.sync.pullJson(req.session(), req.queryValue(u"cursor"_s), limit,
                                        services.clock.nowMs(), disclosure, &count);
        services.metrics.pulled(count);
        disclosure.log(services.store, services.audit, req.peerAddress);
        return r;
    });
}

} // namespace sunshine
