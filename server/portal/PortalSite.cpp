#include "server/portal/PortalSite.h"

#include "server/http/Router.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

QByteArray contentTypeOf(const QString &file)
{
    if (file.endsWith(u".html"_s))
        return "text/html; charset=utf-8";
    if (file.endsWith(u".js"_s))
        return "text/javascript; charset=utf-8";
    if (file.endsWith(u".css"_s))
        return "text/css; charset=utf-8";
    if (file.endsWith(u".svg"_s))
        return "image/svg+xml";
    if (file.endsWith(u".png"_s))
        return "image/png";
    if (file.endsWith(u".txt"_s))
        return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

HttpResponse fileResponse(const QString &name)
{
    QFile file(u":/portal/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        throw ApiError(ErrorCode::NotFound, u"页面不存在"_s);
    HttpResponse r;
    r.body = file.readAll();
    r.contentType = contentTypeOf(name);
    addPublicHeaders(r, name != u"index.html"_s);
    return r;
}

} // namespace

void addPublicHeaders(HttpResponse &r, bool cacheable)
{
    r.headers.append(
        {QByteArrayLiteral("Content-Security-Policy"),
         QByteArrayLiteral(
             "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
             "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")});
    r.headers.append({QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")});
    r.headers.append({QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")});
    if (cacheable)
        r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=300")});
}

void registerPortalSite(Router &router)
{
    router.add(u"GET"_s, u"/"_s, Router::Access::Public,
               [](HttpRequest &) { return fileResponse(u"index.html"_s); });
    router.add(u"GET"_s, u"/assets/{file}"_s, Router::Access::Public, [](HttpRequest &req) {
        const QString file = req.pathParams.value(u"file"_s);
        static const QRegularExpression safe(u"^[a-z0-9-]+\\.(js|css|svg|png|txt)$"_s);
        if (!safe.match(file).hasMatch())
            throw ApiError(ErrorCode::NotFound, u"页面不存在"_s);
        return fileResponse(file);
    });
}

} // namespace sunshine
