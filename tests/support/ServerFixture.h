#pragma once

#include "common/core/Clock.h"
#include "server/cli/ServerInstance.h"

#include <QSslCertificate>
#include <QUrl>
#include <memory>
#include <optional>

namespace sunshine::test {

// A server running in this process: 127.0.0.1 on a free port, TLS from TestTls, a fresh store from
// TestStores, the demo data, the cheapest password hashing and a ManualClock the test moves. Requests are
// served while the test thread waits in an event loop (HttpsClient does).
class ServerFixture
{
public:
    struct Options
    {
        bool demo = true;
        ApiServer::Limits limits{8 * 1024 * 1024, 4};
        // Off: tests sign in far more often than people do, on a clock that stands still.
        RateLimiter::Settings publicRate{0};
        // Non-empty: the monitoring listener runs on a free port of 127.0.0.1 with this token.
        QByteArray metricsToken;
        AuthService::Settings auth;
        // Empty: a fresh store of the run's kind (SUNSHINE_TEST_STORE).
        std::optional<StoreConfig> store;
    };

    // 2026-03-02 09:00 in China, a Monday.
    static qint64 defaultStartMs();

    ServerFixture();
    explicit ServerFixture(Options options);
    ~ServerFixture();
    ServerFixture(const ServerFixture &) = delete;
    ServerFixture &operator=(const ServerFixture &) = delete;

    // Creates the store and starts the server; false with the reason.
    bool start(QString *error);
    void stop();

    ManualClock &clock() { return m_clock; }
    ServerInstance &server() { return *m_server; }
    Store &store() { return m_server->store(); }
    Services &services() { return m_server->services(); }
    const ServerConfig &config() const { return m_config; }
    const StoreConfig &storeConfig() const { return m_config.store; }
    quint16 port() const { return m_server ? m_server->port() : 0; }
    // https://127.0.0.1:PORT
    QUrl baseUrl() const;
    QSslCertificate caCertificate() const;

private:
    Options m_options;
    ManualClock m_clock;
    ServerConfig m_config;
    std::unique_ptr<ServerInstance> m_server;
};

} // namespace sunshine::test
