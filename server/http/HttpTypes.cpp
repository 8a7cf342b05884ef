#include "server/http/HttpTypes.h"

#include <QJsonDocument>

namespace sunshine {

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse HttpResponse::error(const ApiError &error)
{
    return json(error.toJson(), error.httpStatus());
}

} // namespace sunshine
