#include "server/http/ApiServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSemaphore>
#include <QSslServer>
#include <QSslSocket>
#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

// A TLS listener that lets the API server watch each connection before the HTTP parser gets it.
class GuardedSslServer final : public QSslServer
{
public:
    GuardedSslServer(ApiServer *api)
        : QSslServer(nullptr)
        , m_api(api)
    {}
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = QSslServer::nextPendingConnection();
        if (socket)
            m_api->watchSocket(socket);
        return socket;
    }

private:
    ApiServer *m_api;
};

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    default:
        return u"OTHER"_s;
    }
}

// Room for the request line and headers on top of the body limit.
constexpr int kHeaderAllowance = 64 * 1024;

QString sizeText(qint64 bytes)
{
    return bytes >= (1 << 20) ? u"%1 MB"_s.arg(bytes >> 20) : u"%1 KB"_s.arg(bytes >> 10);
}

} // namespace

ApiServer::ApiServer(const Router &router, Limits limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_limits(limits)
{
    m_pool.setMaxThreadCount(qMax(1, limits.workerThreads));
    // Threads keep their database connections; never let them expire.
    m_pool.setExpiryTimeout(-1);
}

ApiServer::~ApiServer()
{
    shutdown();
}

void ApiServer::shutdown()
{
    m_pool.waitForDone();
    if (!m_threadCleanup)
        return;
    // One clean-up task per thread: each holds its thread until all have started, so no thread runs two and
    // every thread the pool may have runs one.
    const int threads = m_pool.maxThreadCount();
    QSemaphore started;
    QSemaphore gate;
    for (int i = 0; i < threads; ++i) {
        m_pool.start([this, &started, &gate] {
            m_threadCleanup();
            started.release();
            gate.acquire();
        });
    }
    started.acquire(threads);
    gate.release(threads);
    m_pool.waitForDone();
}

quint16 ApiServer::listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &tls,
                             QString *error)
{
    auto *server = new GuardedSslServer(this);
    QSslConfiguration config = tls;
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(config);
    server->setHandshakeTimeout(10000);
    if (!server->listen(address, port)) {
        if (error)
            *error = u"无法监听 %1:%2：%3"_s.arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return 0;
    }
    const quint16 actual = server->serverPort();
    bind(server);
    return actual;
}

void ApiServer::watchSocket(QTcpSocket *socket)
{
    m_pendingBytes.insert(socket, 0);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_pendingBytes.remove(socket); });
    // Connected before the HTTP parser's own slot, so this runs first and sees the bytes it is about to read.
    connect(socket, &QIODevice::readyRead, this, [this, socket] {
        qint64 &pending = m_pendingBytes[socket];
        pending += socket->bytesAvailable();
        if (pending <= m_limits.maxBodyBytes + kHeaderAllowance)
            return;
        const ApiError err(ErrorCode::PayloadTooLarge,
                           u"请求内容过大，上限为 %1"_s.arg(sizeText(m_limits.maxBodyBytes)));
        const QByteArray body = HttpResponse::error(err).body;
        socket->readAll();
        socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
                      "Connection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    });
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_pendingBytes[socket] = 0;

    auto req = std::make_shared<HttpRequest>();
    req->method = methodName(request.method());
    req->path = request.url().path();
    req->query = request.query();
    const auto headers = request.headers();
    for (const auto &h : headers)
        req->headers.insert(h.first.toLower(), h.second);
    req->body = request.body();
    req->peerAddress = request.remoteAddress().toString();

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (req->body.size() > m_limits.maxBodyBytes) {
        writeResponse(*responder, HttpResponse::error(ApiError(
                                      ErrorCode::PayloadTooLarge,
                                      u"请求内容过大，上限为 %1"_s.arg(sizeText(m_limits.maxBodyBytes)))));
        return true;
    }

    QPointer<QTcpSocket> guard(socket);
    m_pool.start([this, req, responder, guard] {
        auto response = std::make_shared<HttpResponse>(m_router.dispatch(*req));
        QMetaObject::invokeMethod(
            this,
            [responder, response, guard] {
                if (guard && guard->state() == QAbstractSocket::ConnectedState)
                    writeResponse(*responder, *response);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = makeResponder(request, socket);
    writeResponse(responder, HttpResponse::error(ApiError(ErrorCode::NotFound, u"接口地址不存在"_s)));
}

void ApiServer::writeResponse(QHttpServerResponder &responder, const HttpResponse &response)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.body.isEmpty() || response.status != 204)
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    // Nothing is cached unless the answer says otherwise (the portal's style sheet and script).
    const bool cacheSet = std::any_of(response.headers.cbegin(), response.headers.cend(),
                                      [](const auto &h) { return h.first == "Cache-Control"; });
    if (!cacheSet)
        responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    responder.writeHeader("Strict-Transport-Security", "max-age=31536000");
    for (const auto &h : response.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(response.body);
}

} // namespace sunshine
