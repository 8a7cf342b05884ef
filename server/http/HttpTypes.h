#pragma once

#include "common/api/ApiError.h"
#include "common/auth/Scope.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <optional>

namespace sunshine {

// Who is calling: resolved from the bearer token on every authenticated request (sessions live in the
// database).
struct AuthSession
{
    QByteArray tokenHash;
    QString userId;
    QString username;
    QString displayName;
    qint64 expiresAtMs = 0;
    Scope scope;
};

// A request copied off the socket so that it can be handled on a worker thread.
struct HttpRequest
{
    QString method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QString peerAddress;
    QHash<QString, QString> pathParams; // filled by the router
    std::optional<AuthSession> auth;    // filled by the router for authenticated routes

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    const AuthSession &session() const { return *auth; }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse noContent();
    static HttpResponse error(const ApiError &error);
};

} // namespace sunshine
