#pragma once

// Support for the process-level sync tests: the real sunshine-server binary as a killable process, the
// sync_driver client program as a killable process that reports what it did, stores prepared with extra
// clerks, and comparisons of a client's cache with the server's tables.

#include "server/store/Store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>

namespace sunshine::test {

quint16 freeLoopbackPort();

// A clerk to add to a prepared store (password Demo@2026).
struct ClerkSpec
{
    QString username;
    QString departmentId; // "<orgUnitId>-<code>"; the org unit is taken from it
};

// Makes the store behind `config` ready: migrated, base and demo data, plus `clerks`. Runs an in-process
// server once (cheap password hashing, so signing in stays fast) and stops it again.
bool prepareStore(const StoreConfig &config, const QList<ClerkSpec> &clerks, QString *error);

// The real `sunshine-server serve` on a store, on a fixed loopback port, so it can be killed and started
// again at the same address.
class ServerProcess
{
public:
    ServerProcess(StoreConfig store, quint16 port, QString dataDir);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts it and waits until it says it is listening; false with the reason (and its output).
    bool start(QString *error, int timeoutMs = 30000);
    // SIGKILL, no chance to finish anything.
    void kill();
    void stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    int starts() const { return m_starts; }
    QString outputTail() const;

private:
    void collect();

    StoreConfig m_store;
    quint16 m_port;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QString m_output;
    bool m_listening = false; // the server said "listening on" since its last start
    int m_starts = 0;
};

// One operation the driver saved in its cache.
struct SavedOp
{
    int index = -1;
    QString opId;
    QString recordId;
    bool isDelete = false;
    QJsonObject fields;
};

// One run of sync_driver. Lines are read as they come; the run can be killed after a delay or when a chosen
// line arrives. Waiting spins the event loop.
class DriverRun
{
public:
    explicit DriverRun(QStringList arguments);
    ~DriverRun();
    DriverRun(const DriverRun &) = delete;
    DriverRun &operator=(const DriverRun &) = delete;

    void start();
    // Kills the driver `delayMs` after its start.
    void killAfter(int delayMs);
    // Kills the driver `delayMs` after the `nth` line (1-based) that starts with `prefix`.
    void killOnLine(const QString &prefix, int nth, int delayMs);
    // Calls `fn` for every line as it arrives (after the kill triggers).
    void onLine(std::function<void(const QString &)> fn) { m_onLine = std::move(fn); }

    // Waits until the driver has ended; false on timeout (the driver is killed then).
    bool wait(int timeoutMs);
    bool finished() const { return m_finished; }
    bool running() const;
    // Ended by our kill while it was still running.
    bool killed() const { return m_killed; }
    int exitCode() const { return m_exitCode; }
    // Exited 0 after saying DONE.
    bool converged() const;

    const QStringList &lines() const { return m_lines; }
    bool hasLine(const QString &prefix) const;
    int countLines(const QString &prefix) const;
    QString lastLine(const QString &prefix) const;
    // Milliseconds from the start to the first line starting with `prefix`, or -1.
    qint64 msAt(const QString &prefix) const;
    // The sync phase ("pushing", "pulling", "idle" or "" before any) when the driver ended.
    QString phaseAtEnd() const { return m_phase; }
    // Operations confirmed saved (a SAVED line), and SAVING lines without their SAVED line (the local
    // transaction may or may not have committed when the driver was killed).
    QList<SavedOp> savedOps() const;
    QList<int> unconfirmedSaves() const;
    QString recordOfSaving(int index) const;
    QString describe() const; // exit and the last lines, for failure messages

private:
    void readLines();
    void doKill();

    QStringList m_args;
    std::unique_ptr<QProcess> m_process;
    QStringList m_lines;
    QList<qint64> m_lineMs;
    QElapsedTimer m_clock;
    QByteArray m_partial;
    QString m_phase;
    std::function<void(const QString &)> m_onLine;
    QString m_killPrefix;
    int m_killNth = 0;
    int m_killDelay = -1;
    int m_seen = 0;
    bool m_finished = false;
    bool m_killed = false;
    bool m_killRequested = false;
    int m_exitCode = -1;
};

QString syncDriverBinary();
QString sunshineServerBinary();

// A synced record as the server stores it.
struct ServerRecord
{
    QString id;
    QString type;
    QString orgUnitId;
    QString orgPath;
    QString departmentId;
    qint64 version = 0;
    qint64 seq = 0;
    bool deleted = false;
    QString updatedBy;
    QJsonObject fields;
};

// The server's records under an org path prefix ("" for all).
QHash<QString, ServerRecord> serverRecords(Store &store, const QString &orgPathPrefix = {});
QString orgPathOf(Store &store, const QString &orgUnitId);

struct HistoryRow
{
    QString recordId;
    qint64 version = 0;
    QString opId;
    QString updatedBy;
    bool deleted = false;
    QJsonObject data;
};
QList<HistoryRow> recordHistory(Store &store);
// op_id -> status of the remembered answer ("applied", "rejected").
QHash<QString, QString> appliedOps(Store &store);

// Compares a client's cache file with the server's records of its scope: same ids, versions, fields (the
// local view and the last confirmed server state), deleted flags, nothing waiting in the outbox. Empty when
// equal; otherwise what differs.
QString compareCacheWithServer(const QString &cachePath, Store &store, const QString &scopePath);

// General invariants of the history: for every record, versions 1..version each once, the last one matching
// the record; no operation id twice. Empty when they hold.
QString checkHistoryInvariants(Store &store);

} // namespace sunshine::test
