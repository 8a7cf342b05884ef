#pragma once

#include "common/core/Clock.h"
#include "server/accounts/AuthService.h"
#include "server/accounts/PasswordHasher.h"
#include "server/api/Services.h"
#include "server/http/ApiServer.h"
#include "server/http/MetricsServer.h"
#include "server/http/RateLimiter.h"
#include "server/http/Router.h"
#include "server/store/Store.h"

#include <QHostAddress>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace sunshine {

struct ServerConfig
{
    StoreConfig store;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8443;
    QString tlsCertFile;
    QString tlsKeyFile;
    QString dataDir;
    bool demo = false;
    bool demoRecords = false; // with demo: the module records too (households, visits, ...)
    // The modules' scheduled work on their own threads (the warning runs); off in the tests, which run it
    // through the API when they mean to.
    bool backgroundWork = false;
    AuthService::Settings auth;
    SyncService::Settings sync;
    ApiServer::Limits limits;
    RateLimiter::Settings publicRate; // requests a minute per address on each public route
    int entryCloseMinute = 0;         // EntryClose: minutes after midnight of the named day
    // The monitoring listener (GET /metrics): on when a token is given (port 0: any free port).
    QHostAddress metricsHost = QHostAddress::LocalHost;
    quint16 metricsPort = 0;
    QByteArray metricsToken;
    PasswordHasher::Cost hashCost = PasswordHasher::interactive();
};

// One running server: store opened and migrated, base (and demo) data loaded, TLS listening.
// Used by main() and, in-process, by the tests.
class ServerInstance
{
public:
    ServerInstance(ServerConfig config, const Clock &clock);
    ~ServerInstance();

    // Returns false with a Chinese reason that says what is missing or wrong.
    bool start(QString *error);
    void stop();
    quint16 port() const { return m_port; }
    quint16 metricsPort() const { return m_metricsPort; }
    Store &store() { return *m_store; }
    Services &services() { return *m_services; }
    int schemaVersion() const { return m_schema; }

    // Reads PEM certificate chain and key; false with a reason.
    static bool loadTls(const QString &certFile, const QString &keyFile, QSslConfiguration *out,
                        QString *error);

private:
    ServerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<RateLimiter> m_publicLimiter;
    std::unique_ptr<MetricsServer> m_metricsServer;
    Router m_router;
    std::unique_ptr<ApiServer> m_http;
    std::unique_ptr<QTemporaryDir> m_scratch; // data directory when none was given
    quint16 m_port = 0;
    quint16 m_metricsPort = 0;
    int m_schema = 0;
};

} // namespace sunshine
