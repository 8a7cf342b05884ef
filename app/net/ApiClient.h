#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace sunshine::app {

// What a call to the server came to.
struct ApiResult
{
    enum class Kind
    {
        Ok,
        HttpError,
        NetworkError,
        TlsError
    };
    Kind kind = Kind::NetworkError;
    int httpStatus = 0;
    QJsonObject json;
    QString errorCode; // the server's stable code, e.g. "INVALID_CREDENTIALS"
    QString message;   // a sentence for the clerk
    QString field;     // the request field the error is about, if any

    bool ok() const { return kind == Kind::Ok; }
    // The server could not be reached at all (as opposed to answering with an error).
    bool unreachable() const { return kind == Kind::NetworkError; }
};

// HTTPS calls to the Sunshine+ server. Trusts the system's certificate authorities plus the one configured
// for the unit; TLS errors are explained, never ignored.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const { return m_server; }
    // Loads the unit's CA from a PEM file; false with a reason when it holds no certificate.
    bool setCaCertificateFile(const QString &path, QString *error);
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    using Callback = std::function<void(const ApiResult &)>;
    // The callback runs on this thread, and not at all when `context` is destroyed first. The reply may be
    // aborted (the callback then gets a network error).
    QNetworkReply *get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback);
    QNetworkReply *post(const QString &path, const QJsonObject &body, QObject *context, Callback callback);
    QNetworkReply *patch(const QString &path, const QJsonObject &body, QObject *context, Callback callback);
    // Raw bytes (attachment chunks).
    QNetworkReply *put(const QString &path, const QUrlQuery &query, const QByteArray &body, QObject *context,
                       Callback callback);

    // The same call, waited for while the event loop runs: for dialogs that must know the answer before they
    // close. `body` is sent with POST and PUT, as `contentType`.
    ApiResult wait(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                   const QByteArray &contentType = "application/json");

    // Plain-language explanation of TLS failures, for the login dialog and the status bar.
    static QString explainTlsErrors(const QList<QSslError> &errors);

Q_SIGNALS:
    // A call made with a token was answered "session expired": the user must log in again.
    void sessionExpired();
    // Emitted when the server becomes reachable or unreachable.
    void reachabilityChanged(bool reachable);

private:
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                        const QByteArray *body, const QByteArray &contentType, QObject *context,
                        Callback callback);
    ApiResult resultOf(QNetworkReply *reply, const QList<QSslError> &sslErrors) const;
    void noteReachable(bool reachable);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    QUrl m_server;
    QString m_token;
    QList<QSslCertificate> m_extraCa;
    int m_reachable = -1; // unknown
};

} // namespace sunshine::app
