#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;

namespace sunshine::test {

class ServerFixture;

// One answer. status is 0 when no HTTP answer came (TLS failure, connection closed, timeout).
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;                      // the body when it is a JSON object
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    bool isJson() const { return !json.isEmpty(); }
    // {"error":{"code":...}} members.
    QString errorCode() const;
    QString errorMessage() const;
    QString errorField() const;
    QJsonObject error() const;
    // "status 401, body {...}" for failure messages.
    QByteArray describe() const;
};

// A synchronous HTTPS client for tests. It trusts only the CA it is given (never ignores TLS errors) and
// waits for each answer in a local event loop, so an in-process server keeps serving meanwhile.
class HttpsClient
{
public:
    // Trusts the fixture's test CA, talks to the fixture's server.
    explicit HttpsClient(const ServerFixture &fixture);
    HttpsClient(QUrl base, const QList<QSslCertificate> &trustedCas);
    ~HttpsClient();
    HttpsClient(const HttpsClient &) = delete;
    HttpsClient &operator=(const HttpsClient &) = delete;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    QUrl base() const { return m_base; }

    // path may carry a query ("/api/v1/admin/users?limit=5"); an empty token sends no Authorization header.
    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QString &token = {}, const QByteArray &contentType = "application/json");
    HttpResult request(const QByteArray &method, const QString &path, const QJsonObject &body,
                       const QString &token = {});
    // Sends an arbitrary Authorization header value (or none when null).
    HttpResult requestWithAuthorization(const QByteArray &method, const QString &path, const QByteArray &body,
                                        const QByteArray &authorization,
                                        const QByteArray &contentType = "application/json");

    HttpResult get(const QString &path, const QString &token = {})
    {
        return request("GET", path, QByteArray(), token);
    }
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return request("POST", path, body, token);
    }
    HttpResult patch(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return request("PATCH", path, body, token);
    }

    // Uploads a whole file in one chunk as the token's user; its SHA-256, or empty when the server refused.
    QString upload(const QByteArray &bytes, const QString &token,
                   const QString &mimeType = QStringLiteral("text/plain"));

    // POST /api/v1/auth/login; the token, or an empty string (lastLogin() has the answer).
    QString login(const QString &username, const QString &password);
    const HttpResult &lastLogin() const { return m_lastLogin; }

private:
    QUrl m_base;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<QSslCertificate> m_cas;
    int m_timeoutMs = 30000;
    HttpResult m_lastLogin;
};

} // namespace sunshine::test

// Checks a result's status (and error code), printing the answer when it differs. For void test functions.
#define EXPECT_STATUS(result, expectedStatus)                                                                \
    do {                                                                                                     \
        const auto &r_ = (result);                                                                           \
        QVERIFY2(                                                                                            \
            r_.status == (expectedStatus),                                                                   \
            QByteArray("expected status " + QByteArray::number(expectedStatus) + ", got " + r_.describe())   \
                .constData());                                                                               \
    } while (false)

#define EXPECT_ERROR(result, expectedStatus, expectedCode)                                                   \
    do {                                                                                                     \
        const auto &r_ = (result);                                                                           \
        QVERIFY2(r_.status == (expectedStatus) && r_.errorCode() == QLatin1String(expectedCode),             \
                 QByteArray("expected " + QByteArray::number(expectedStatus) + " " +                         \
                            QByteArray(expectedCode) + ", got " + r_.describe())                             \
                     .constData());                                                                          \
    } while (false)
