#include "app/net/ApiClient.h"

#include <QEventLoop>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{}

ApiClient::~ApiClient() = default;

void ApiClient::setServerUrl(const QUrl &url)
{
    if (url != m_server) {
        m_server = url;
        // Connections already trusted for another server must not be reused.
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_reachable = -1;
    }
}

bool ApiClient::setCaCertificateFile(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        setExtraCaCertificates({});
        return true;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The certificate authority file %1 cannot be read: %2").arg(path, f.errorString());
        return false;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error = tr("The file %1 holds no certificate in PEM format.").arg(path);
        return false;
    }
    setExtraCaCertificates(certs);
    return true;
}

void ApiClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCa = certificates;
    // A reused manager would keep connections trusted under the old configuration.
    m_nam = std::make_unique<QNetworkAccessManager>();
}

QNetworkReply *ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context,
                              Callback callback)
{
    return send("GET", path, query, nullptr, {}, context, std::move(callback));
}

QNetworkReply *ApiClient::post(const QString &path, const QJsonObject &body, QObject *context,
                               Callback callback)
{
    const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send("POST", path, {}, &data, "application/json", context, std::move(callback));
}

QNetworkReply *ApiClient::patch(const QString &path, const QJsonObject &body, QObject *context,
                                Callback callback)
{
    const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send("PATCH", path, {}, &data, "application/json", context, std::move(callback));
}

QNetworkReply *ApiClient::put(const QString &path, const QUrlQuery &query, const QByteArray &body,
                              QObject *context, Callback callback)
{
    return send("PUT", path, query, &body, "application/octet-stream", context, std::move(callback));
}

ApiResult ApiClient::wait(const QByteArray &verb, const QString &path, const QByteArray &body,
                          const QByteArray &contentType)
{
    ApiResult answer;
    bool done = false;
    QEventLoop loop;
    send(verb, path, {}, verb == "GET" ? nullptr : &body, contentType, &loop, [&](const ApiResult &r) {
        answer = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return answer;
}

QNetworkReply *ApiClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                               const QByteArray *body, const QByteArray &contentType, QObject *context,
                               Callback callback)
{
    QUrl url = m_server;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30000);
    const bool authenticated = !m_token.isEmpty();
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_extraCa.isEmpty()) {
        QList<QSslCertificate> cas = tls.caCertificates();
        cas.append(m_extraCa);
        tls.setCaCertificates(cas);
    }
    request.setSslConfiguration(tls);

    QNetworkReply *reply =
        body ? m_nam->sendCustomRequest(request, verb, *body) : m_nam->sendCustomRequest(request, verb);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, reply,
            [sslErrors](const QList<QSslError> &errors) { *sslErrors = errors; });
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sslErrors, guard, callback, authenticated] {
        reply->deleteLater();
        const ApiResult result = resultOf(reply, *sslErrors);
        noteReachable(result.kind != ApiResult::Kind::NetworkError);
        if (authenticated && result.httpStatus == 401)
            Q_EMIT sessionExpired();
        if (guard)
            callback(result);
    });
    return reply;
}

void ApiClient::noteReachable(bool reachable)
{
    if (m_reachable == int(reachable))
        return;
    m_reachable = int(reachable);
    Q_EMIT reachabilityChanged(reachable);
}

ApiResult ApiClient::resultOf(QNetworkReply *reply, const QList<QSslError> &sslErrors) const
{
    ApiResult r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    if (doc.isObject())
        r.json = doc.object();

    if (!sslErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        r.kind = ApiResult::Kind::TlsError;
        r.message =
            sslErrors.isEmpty()
                ? tr("A secure connection to the server could not be established. The server may not be a "
                     "Sunshine+ server, or it does not speak TLS 1.2 or newer.")
                : explainTlsErrors(sslErrors);
        return r;
    }
    if (r.httpStatus == 0) {
        r.kind = ApiResult::Kind::NetworkError;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            r.message =
                tr("The server at %1 refused the connection: it is not running, or the address or port is "
                   "wrong.")
                    .arg(m_server.toString());
            break;
        case QNetworkReply::HostNotFoundError:
            r.message = tr("The server name %1 is unknown. Check the server address.").arg(m_server.host());
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            r.message = tr("The server did not answer in time. Check the network connection.");
            break;
        default:
            r.message = tr("The server cannot be reached (%1).").arg(reply->errorString());
        }
        return r;
    }
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        // A success only when the whole answer arrived: a connection cut after the headers still carries the
        // status, and an empty or broken body is no answer at all.
        const bool jsonExpected =
            reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(u"application/json"_s);
        if (reply->error() != QNetworkReply::NoError || (jsonExpected && !doc.isObject()) ||
            (r.httpStatus != 204 && jsonExpected && data.isEmpty())) {
            r.kind = ApiResult::Kind::NetworkError;
            r.message = tr("The server's answer was cut off (%1). Nothing was taken from it; the program "
                           "tries again.")
                            .arg(reply->errorString());
            return r;
        }
        r.kind = ApiResult::Kind::Ok;
        return r;
    }
    r.kind = ApiResult::Kind::HttpError;
    const QJsonObject error = r.json.value(u"error"_s).toObject();
    r.errorCode = error.value(u"code"_s).toString();
    r.message = error.value(u"message"_s).toString();
    r.field = error.value(u"field"_s).toString();
    if (r.message.isEmpty())
        r.message = tr("The server answered with error %1.").arg(r.httpStatus);
    return r;
}

QString ApiClient::explainTlsErrors(const QList<QSslError> &errors)
{
    QStringList lines;
    for (const QSslError &e : errors) {
        QString line;
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::UnableToVerifyFirstCertificate:
            line = tr(
                "The server's certificate was not issued by a certificate authority this computer trusts. "
                "Ask your system administrator for your unit's certificate authority file (CA) and choose it "
                "under \"Connection settings\".");
            break;
        case QSslError::HostNameMismatch:
            line =
                tr("The server's certificate is for a different name than the address you entered. Check the "
                   "server address.");
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            line =
                tr("The server's certificate is outside its validity period. Check this computer's date and "
                   "time; if they are right, ask the administrator to renew the certificate.");
            break;
        case QSslError::CertificateRevoked:
            line = tr("The server's certificate has been revoked.");
            break;
        default:
            line = e.errorString();
        }
        if (!lines.contains(line))
            lines.append(line);
    }
    lines.append(tr("For your data's safety the connection was not made."));
    return lines.join(u'\n');
}

} // namespace sunshine::app
