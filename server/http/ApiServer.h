#pragma once

#include "server/http/Router.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QThreadPool>
#include <functional>

class QTcpSocket;

namespace sunshine {

// The HTTPS front: parses requests on the main thread, runs each handler on a worker thread (database work
// and password hashing block), and writes the answer back on the main thread only while the client is
// connected. Plain HTTP fails the TLS handshake and gets no data.
class ApiServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        int workerThreads = 8;
    };

    ApiServer(const Router &router, Limits limits, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens with TLS 1.2 or newer. Returns the port, or 0 with the reason in `error`.
    quint16 listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &tls,
                      QString *error);
    // Waits for running handlers; answers to them are dropped. Then every worker thread runs the clean-up.
    void shutdown();
    // What each worker thread lets go of at shutdown (its database connections), while everything it uses is
    // still alive: left to the thread's own exit, it would race with the program's teardown.
    void setThreadCleanup(std::function<void()> cleanup) { m_threadCleanup = std::move(cleanup); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class GuardedSslServer;
    void watchSocket(QTcpSocket *socket);
    static void writeResponse(QHttpServerResponder &responder, const HttpResponse &response);

    const Router &m_router;
    Limits m_limits;
    QThreadPool m_pool;
    std::function<void()> m_threadCleanup;
    // Bytes received on each connection since its last complete request, to cut off oversized bodies early.
    QHash<QTcpSocket *, qint64> m_pendingBytes;
};

} // namespace sunshine
