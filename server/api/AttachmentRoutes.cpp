#include "common/api/JsonReader.h"
#include "common/wire/ViewLogLimits.h"
#include "server/api/Services.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void registerAttachmentRoutes(Router &router, Services &services)
{
    const auto auth = Router::Access::Authenticated;

    // {"sha256","size","mimeType"} -> {"sha256","size","received","complete"}: where to continue (0 for a new
    // file).
    router.add(u"POST"_s, u"/api/v1/attachments"_s, auth, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        const QString sha = in.requiredString(u"sha256"_s, 64);
        const qint64 size = in.requiredInteger(u"size"_s, 0, 1LL << 40);
        const QString mime = in.optionalString(u"mimeType"_s, 100).value_or(QString());
        in.finish();
        return HttpResponse::json(services.attachments.begin(req.session(), sha, size, mime));
    });

    router.add(u"GET"_s, u"/api/v1/attachments/{sha}/status"_s, auth, [&services](HttpRequest &req) {
        return HttpResponse::json(services.attachments.status(req.session(), req.pathParams.value(u"sha"_s)));
    });

    // The raw bytes of one chunk at ?offset=N.
    router.add(u"PUT"_s, u"/api/v1/attachments/{sha}/content"_s, auth, [&services](HttpRequest &req) {
        bool ok = false;
        const qint64 offset = req.queryValue(u"offset"_s).toLongLong(&ok);
        if (!ok || offset < 0)
            throw ApiError(ErrorCode::BadRequest, u"参数 offset 应为非负整数"_s, u"offset"_s);
        return HttpResponse::json(services.attachments.append(req.session(), req.pathParams.value(u"sha"_s),
                                                              offset, req.body, req.peerAddress));
    });

    // ?reason=…: a supervisor's stated reason, which lets them receive a file of comparison data (Art. 26).
    router.add(u"GET"_s, u"/api/v1/attachments/{sha}"_s, auth, [&services](HttpRequest &req) {
        const QString reason = req.queryValue(u"reason"_s);
        if (reason.size() > wire::kMaxViewReasonLength)
            throw ApiError(ErrorCode::TooLong, u"理由最多 %1 个字"_s.arg(wire::kMaxViewReasonLength),
                           u"reason"_s);
        QString mime;
        HttpResponse r;
        r.body = services.attachments.download(req.session(), req.pathParams.value(u"sha"_s), &mime,
                                               req.peerAddress, reason);
        r.contentType = mime.isEmpty() ? QByteArray("application/octet-stream") : mime.toLatin1();
        return r;
    });
}

} // namespace sunshine
