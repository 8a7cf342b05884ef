#pragma once

#include "server/store/Store.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace sunshine::test {

// A throwaway PostgreSQL 15 cluster on a free loopback port with its own socket directory, trust
// authentication and superuser `sunshine`. When the test runs as root (PostgreSQL refuses to), the binaries
// run as user `postgres` and the directories belong to it. One cluster per test process; stopped when the
// process ends, and by a watchdog if the process dies without cleaning up. Binaries: $SUNSHINE_PG_BIN, else
// /usr/lib/postgresql/15/bin.
class PgCluster
{
public:
    // The process-wide cluster, started on first use; nullptr with the reason when it cannot start.
    static PgCluster *instance(QString *error);

    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }

    // Creates an empty database (name made safe: a-z, 0-9, _) and returns its StoreConfig.
    // On failure returns a config with an empty database name and sets `error`.
    StoreConfig createDatabase(const QString &name, QString *error = nullptr);
    // A fresh database with a name unique in this process.
    StoreConfig createUniqueDatabase(QString *error = nullptr);

    void stop();

private:
    PgCluster() = default;
    bool start(QString *error);
    // Runs a PostgreSQL binary (as postgres when root); false with its output.
    bool runPg(const QString &binary, const QStringList &args, QString *error, int timeoutMs = 60000);
    void startWatchdog();

    std::unique_ptr<QTemporaryDir> m_base;
    QString m_binDir;
    QString m_dataDir;
    QString m_socketDir;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false;
    int m_databases = 0;
};

} // namespace sunshine::test
