#include "tests/support/PgCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>
#include <cstdlib>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

namespace {

PgCluster *g_cluster = nullptr;
bool g_failed = false;
QString g_failure;

void destroyCluster()
{
    delete g_cluster;
    g_cluster = nullptr;
}

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

bool runProcess(const QString &program, const QStringList &args, QString *error, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *error = u"cannot run %1: %2"_s.arg(program, p.errorString());
        return false;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        *error = u"%1 %2 did not finish in %3 ms"_s.arg(program, args.join(u' ')).arg(timeoutMs);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"%1 %2 failed (exit %3): %4"_s.arg(program, args.join(u' '))
                     .arg(p.exitCode())
                     .arg(QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

} // namespace

PgCluster *PgCluster::instance(QString *error)
{
    if (g_cluster)
        return g_cluster;
    if (g_failed) {
        if (error)
            *error = g_failure;
        return nullptr;
    }
    auto *cluster = new PgCluster;
    QString why;
    if (!cluster->start(&why)) {
        delete cluster;
        g_failed = true;
        g_failure = u"PostgreSQL test cluster cannot start: "_s + why;
        if (error)
            *error = g_failure;
        return nullptr;
    }
    g_cluster = cluster;
    // Stopped while the application object still exists (QProcess needs it), or at exit without one.
    if (QCoreApplication::instance())
        qAddPostRoutine(destroyCluster);
    else
        std::atexit(destroyCluster);
    return g_cluster;
}

PgCluster::~PgCluster()
{
    stop();
}

bool PgCluster::runPg(const QString &binary, const QStringList &args, QString *error, int timeoutMs)
{
    const QString path = m_binDir + u'/' + binary;
    if (m_asPostgres)
        return runProcess(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, path} + args, error,
                          timeoutMs);
    return runProcess(path, args, error, timeoutMs);
}

bool PgCluster::start(QString *error)
{
    m_binDir = qEnvironmentVariable("SUNSHINE_PG_BIN", u"/usr/lib/postgresql/15/bin"_s);
    if (!QFileInfo(m_binDir + u"/initdb"_s).isExecutable() ||
        !QFileInfo(m_binDir + u"/pg_ctl"_s).isExecutable()) {
        *error = u"no initdb/pg_ctl in %1 (install postgresql-15 or set SUNSHINE_PG_BIN)"_s.arg(m_binDir);
        return false;
    }
    m_asPostgres = runningAsRoot();
    // The postgres user must be able to reach the directory: when root, keep it directly under /tmp.
    const QString base = m_asPostgres ? u"/tmp"_s : QDir::tempPath();
    m_base = std::make_unique<QTemporaryDir>(base + u"/sunshine-pg-XXXXXX"_s);
    if (!m_base->isValid()) {
        *error = u"no temporary directory: %1"_s.arg(m_base->errorString());
        return false;
    }
    m_dataDir = m_base->path() + u"/data"_s;
    m_socketDir = m_base->path() + u"/sock"_s;
    if (!QDir().mkpath(m_socketDir)) {
        *error = u"cannot create %1"_s.arg(m_socketDir);
        return false;
    }
    if (m_asPostgres &&
        !runProcess(u"chown"_s, {u"-R"_s, u"postgres:postgres"_s, m_base->path()}, error, 30000))
        return false;

    if (!runPg(u"initdb"_s,
               {u"-D"_s, m_dataDir, u"-U"_s, u"sunshine"_s, u"-A"_s, u"trust"_s, u"-E"_s, u"UTF8"_s,
                u"--locale=C.UTF-8"_s, u"--no-sync"_s},
               error, 120000))
        return false;

    // A port found free can be taken before the server binds it: try a few.
    QString lastError;
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0)
            continue;
        // Speed over durability: the cluster is thrown away.
        const QString options =
            u"-k %1 -h 127.0.0.1 -p %2 -c fsync=off -c synchronous_commit=off "
            u"-c full_page_writes=off -c shared_buffers=16MB -c max_connections=60"_s.arg(m_socketDir)
                .arg(m_port);
        if (runPg(u"pg_ctl"_s,
                  {u"-D"_s, m_dataDir, u"-l"_s, m_base->path() + u"/server.log"_s, u"-w"_s, u"-t"_s, u"60"_s,
                   u"-o"_s, options, u"start"_s},
                  &lastError, 90000)) {
            m_running = true;
            startWatchdog();
            return true;
        }
    }
    QFile log(m_base->path() + u"/server.log"_s);
    const QString logText =
        log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll().right(2000)) : QString();
    *error = lastError + u"\n"_s + logText;
    return false;
}

void PgCluster::startWatchdog()
{
#ifdef Q_OS_UNIX
    // If this process dies without stopping the cluster (crash, CTest timeout), the watchdog stops it and
    // removes its files once the process is gone.
    const QString runAs = m_asPostgres ? u"runuser -u postgres -- "_s : QString();
    const QString script = u"while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                           u"if [ -f \"$2/postmaster.pid\" ]; then "_s +
                           runAs + u"\"$3/pg_ctl\" -D \"$2\" -m immediate -w stop; fi; rm -rf \"$4\""_s;
    QProcess watchdog;
    watchdog.setProgram(u"/bin/sh"_s);
    watchdog.setArguments({u"-c"_s, script, u"pg-watchdog"_s,
                           QString::number(QCoreApplication::applicationPid()), m_dataDir, m_binDir,
                           m_base->path()});
    watchdog.setStandardInputFile(QProcess::nullDevice());
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    watchdog.startDetached();
#endif
}

void PgCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString error;
    if (!runPg(u"pg_ctl"_s, {u"-D"_s, m_dataDir, u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s}, &error, 60000)) {
        qWarning("PgCluster: stop failed: %s", qPrintable(error));
        runPg(u"pg_ctl"_s, {u"-D"_s, m_dataDir, u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s}, &error, 30000);
    }
}

StoreConfig PgCluster::createDatabase(const QString &nameIn, QString *error)
{
    QString name = nameIn.toLower();
    static const QRegularExpression unsafe(u"[^a-z0-9_]"_s);
    name.replace(unsafe, u"_"_s);
    if (name.isEmpty() || !name.at(0).isLetter())
        name.prepend(u"db_"_s);
    name = name.left(60);

    StoreConfig config;
    config.kind = StoreConfig::Kind::Postgresql;
    config.pgUser = u"sunshine"_s;
    config.pgHost = u"127.0.0.1"_s;
    config.pgPort = m_port;

    const QString connection = u"pgcluster-admin-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(config.pgHost);
        db.setPort(m_port);
        db.setUserName(config.pgUser);
        db.setDatabaseName(u"postgres"_s);
        if (!db.open()) {
            failure =
                u"cannot connect to the test cluster on port %1: %2"_s.arg(m_port).arg(db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(u"CREATE DATABASE \"%1\" TEMPLATE template0 ENCODING 'UTF8'"_s.arg(name)))
                failure = u"CREATE DATABASE %1 failed: %2"_s.arg(name, q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return config;
    }
    config.pgDatabase = name;
    return config;
}

StoreConfig PgCluster::createUniqueDatabase(QString *error)
{
    return createDatabase(u"sunshine_test_%1"_s.arg(++m_databases), error);
}

} // namespace sunshine::test
