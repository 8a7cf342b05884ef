#include "tests/support/HttpsClient.h"

#include "tests/support/ServerFixture.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

QJsonObject HttpResult::error() const
{
    return json.value(u"error"_s).toObject();
}

QString HttpResult::errorCode() const
{
    return error().value(u"code"_s).toString();
}

QString HttpResult::errorMessage() const
{
    return error().value(u"message"_s).toString();
}

QString HttpResult::errorField() const
{
    return error().value(u"field"_s).toString();
}

QByteArray HttpResult::describe() const
{
    QByteArray out = "status " + QByteArray::number(status);
    if (networkError != QNetworkReply::NoError)
        out += " (network error " + QByteArray::number(int(networkError)) + ": " + errorString.toUtf8() + ")";
    if (timedOut)
        out += " (timed out)";
    for (const QSslError &e : sslErrors)
        out += " [TLS: " + e.errorString().toUtf8() + "]";
    out += ", body " + (body.size() > 600 ? body.left(600) + "..." : body);
    return out;
}

HttpsClient::HttpsClient(const ServerFixture &fixture)
    : HttpsClient(fixture.baseUrl(), {fixture.caCertificate()})
{}

HttpsClient::HttpsClient(QUrl base, const QList<QSslCertificate> &trustedCas)
    : m_base(std::move(base))
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_cas(trustedCas)
{}

HttpsClient::~HttpsClient() = default;

HttpResult HttpsClient::request(const QByteArray &method, const QString &path, const QJsonObject &body,
                                const QString &token)
{
    return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpResult HttpsClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                const QString &token, const QByteArray &contentType)
{
    return requestWithAuthorization(method, path, body,
                                    token.isEmpty() ? QByteArray() : QByteArray("Bearer " + token.toLatin1()),
                                    contentType);
}

HttpResult HttpsClient::requestWithAuthorization(const QByteArray &method, const QString &path,
                                                 const QByteArray &body, const QByteArray &authorization,
                                                 const QByteArray &contentType)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_cas); // replaces the system CAs: only the test CA is trusted
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!authorization.isNull())
        request.setRawHeader("Authorization", authorization);

    HttpResult result;
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&result](const QList<QSslError> &errors) { result.sslErrors = errors; });
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        result.timedOut = true;
        loop.quit();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs + 2000);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.networkError = reply->error();
    result.errorString = reply->errorString();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        result.headers.insert(pair.first.toLower(), pair.second);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject())
        result.json = doc.object();
    reply->disconnect();
    reply->deleteLater();
    return result;
}

QString HttpsClient::upload(const QByteArray &bytes, const QString &token, const QString &mimeType)
{
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const HttpResult begin =
        post(u"/api/v1/attachments"_s,
             {{u"sha256"_s, sha}, {u"size"_s, qint64(bytes.size())}, {u"mimeType"_s, mimeType}}, token);
    if (begin.status != 200)
        return {};
    const HttpResult put = request("PUT", u"/api/v1/attachments/%1/content?offset=0"_s.arg(sha), bytes, token,
                                   "application/octet-stream");
    return put.status == 200 && put.json.value(u"complete"_s).toBool() ? sha : QString();
}

QString HttpsClient::login(const QString &username, const QString &password)
{
    m_lastLogin =
        post(u"/api/v1/auth/login"_s, QJsonObject{{u"username"_s, username}, {u"password"_s, password}});
    if (m_lastLogin.status != 200)
        return {};
    return m_lastLogin.json.value(u"token"_s).toString();
}

} // namespace sunshine::test
