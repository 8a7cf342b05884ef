#pragma once

#include "common/sync/SyncTypes.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QNetworkReply;

namespace sunshine {
class Clock;
}

namespace sunshine::app {

class ApiClient;
class LocalCache;
struct ApiResult;

// Moves changes between the local cache and the server: push the outbox in batches, then pull what changed
// after the cursor. Runs at start, on a timer, when the server becomes reachable again, and on demand; can be
// cancelled; retries with growing pauses after network failures. A rejected or conflicting record never holds
// up the others.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Idle,
        Pushing,
        Pulling
    };
    struct Options
    {
        int pushBatch = 500;
        int pullLimit = 2000;
        int intervalMs = 5 * 60 * 1000;
        int firstRetryMs = 5000;
        int maxRetryMs = 5 * 60 * 1000;
        // Bytes per attachment upload request (at most 1 MiB; tests use small ones to stop mid-file).
        int uploadChunkBytes = 1024 * 1024;
    };
    static constexpr int kMaxUploadChunkBytes = 1024 * 1024;

    SyncEngine(ApiClient &api, LocalCache &cache, const Clock &clock, QObject *parent = nullptr);
    SyncEngine(ApiClient &api, LocalCache &cache, const Clock &clock, Options options,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    // Starts the timer and reacts to reachability; syncs once at once.
    void start();
    void stop();

    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase != Phase::Idle; }
    QString lastError() const { return m_lastError; }
    // Attachment bytes sent in the current (or last) round.
    qint64 uploadedBytes() const { return m_uploadedBytes; }

public Q_SLOTS:
    void syncNow();
    void cancel();

Q_SIGNALS:
    void phaseChanged(sunshine::app::SyncEngine::Phase phase);
    // Operations sent / still waiting while pushing; records received while pulling.
    void progress(sunshine::app::SyncEngine::Phase phase, qint64 done, qint64 remaining);
    // While pushing, before the changes that refer to it: `sent` of `size` bytes of one attached file (named
    // `name` for the clerk) are on the server.
    void uploadProgress(const QString &sha256, const QString &name, qint64 sent, qint64 size);
    // A whole round ended. ok: both push and pull went through.
    void finished(bool ok, const QString &message);
    // The cache changed (records pulled or answers applied): views reload.
    void cacheChanged();
    // The server said the session has ended: sign in again, the outbox stays.
    void sessionExpired();

private:
    void pushNext();
    void pushBatch(const QList<sync::Operation> &ops);
    // Attachments of the batch, one after the other, before the batch itself.
    void uploadNext();
    void uploadFrom(qint64 offset);
    void uploadDone(const QJsonObject &status); // a status or chunk answer; continues or goes on
    void uploadFailed(const ApiResult &r);
    // The operations of the batch that refer to the current file are set aside with `message`.
    void setAsideReferring(const QString &code, const QString &message);
    void pullNext();
    void finish(bool ok, const QString &message);
    void setPhase(Phase phase);
    void scheduleRetry();

    ApiClient &m_api;
    LocalCache &m_cache;
    const Clock &m_clock;
    Options m_options;
    Phase m_phase = Phase::Idle;
    bool m_again = false;
    bool m_cancelled = false;    // by the clerk: no automatic retry
    bool m_sessionEnded = false; // 401: no retry until signed in again
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QTimer m_retry;
    int m_retryMs = 0;
    int m_batch = 0;   // current push batch size; halved while the server fails on a batch
    QString m_suspect; // a lone operation the server failed on once; set aside if it fails again
    qint64 m_pushed = 0;
    qint64 m_waiting = 0; // changes still to send in this round (counted once, then decremented)
    qint64 m_pulled = 0;
    QString m_lastError;
    // Attachment upload of the current batch.
    QList<sync::Operation> m_uploadOps;
    QStringList m_uploadQueue;
    qint64 m_uploadSize = 0;
    int m_uploadConflicts = 0;
    qint64 m_uploadedBytes = 0;
    QString m_setAsideError; // setting an operation aside failed: the round ends
};

} // namespace sunshine::app
