#include "app/sync/SyncEngine.h"

#include "app/net/ApiClient.h"
#include "app/sync/LocalCache.h"
#include "common/core/Clock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QNetworkReply>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace sync;

SyncEngine::SyncEngine(ApiClient &api, LocalCache &cache, const Clock &clock, QObject *parent)
    : SyncEngine(api, cache, clock, Options(), parent)
{}

SyncEngine::SyncEngine(ApiClient &api, LocalCache &cache, const Clock &clock, Options options,
                       QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
    , m_clock(clock)
    , m_options(options)
{
    m_timer.setInterval(m_options.intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
}

SyncEngine::~SyncEngine()
{
    if (QNetworkReply *reply = m_reply.data())
        reply->abort();
}

void SyncEngine::start()
{
    m_timer.start();
    connect(&m_api, &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable && !isRunning())
            syncNow();
    });
    syncNow();
}

void SyncEngine::stop()
{
    m_timer.stop();
    m_retry.stop();
    cancel();
}

void SyncEngine::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void SyncEngine::syncNow()
{
    if (isRunning()) {
        m_again = true; // one more round when this one ends, for changes saved meanwhile
        return;
    }
    if (m_api.token().isEmpty())
        return;
    m_retry.stop();
    m_pushed = 0;
    m_pulled = 0;
    m_uploadedBytes = 0;
    m_setAsideError.clear();
    m_uploadOps.clear();
    m_uploadQueue.clear();
    m_batch = m_options.pushBatch;
    m_waiting = m_cache.pendingCount();
    m_again = false;
    m_cancelled = false;
    m_sessionEnded = false;
    setPhase(Phase::Pushing);
    pushNext();
}

void SyncEngine::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    m_again = false;
    if (QNetworkReply *reply = m_reply.data())
        reply->abort(); // its callback sees the abort and finishes the round
    else
        finish(false, tr("Synchronisation cancelled."));
}

void SyncEngine::pushNext()
{
    if (m_phase == Phase::Idle)
        return; // cancelled by a slot of our own signals: the round has ended
    const QList<Operation> ops = m_cache.pendingOperations(m_batch);
    if (ops.isEmpty()) {
        setPhase(Phase::Pulling);
        pullNext();
        return;
    }
    // The files the batch refers to go first: the server refuses a change whose file it does not have
    // completely.
    const QStringList uploads = m_cache.pendingUploads(ops);
    if (!uploads.isEmpty()) {
        m_uploadOps = ops;
        m_uploadQueue = uploads;
        m_uploadConflicts = 0;
        return uploadNext();
    }
    pushBatch(ops);
}

void SyncEngine::pushBatch(const QList<Operation> &ops)
{
    QJsonArray list;
    for (const Operation &op : ops)
        list.append(op.toJson());
    const QJsonObject body{{u"deviceNow"_s, m_clock.nowMs()}, {u"operations"_s, list}};
    m_reply = m_api.post(u"/api/v1/sync/push"_s, body, this, [this, ops](const ApiResult &r) {
        m_reply = nullptr;
        if (!r.ok()) {
            if (r.httpStatus == 401) {
                m_sessionEnded = true;
                Q_EMIT sessionExpired();
            }
            // The server failed on this batch itself (not the network, not a passing store outage): find the
            // operation it cannot take by halving the batch, and set that one aside so the others go on.
            if (r.httpStatus == 500 && !m_cancelled) {
                if (ops.size() > 1) {
                    m_batch = int(qMax<qsizetype>(1, ops.size() / 2));
                    return pushNext();
                }
                if (m_suspect != ops.first().opId) {
                    m_suspect = ops.first().opId; // once may be a passing failure: try it again
                    return pushNext();
                }
                QString error;
                m_cache.setAside(
                    ops.first().opId, r.errorCode,
                    tr("The server could not process this change (%1). It was set aside; correct it "
                       "or ask the administrator.")
                        .arg(r.message),
                    &error);
                Q_EMIT cacheChanged();
                m_batch = m_options.pushBatch;
                return pushNext();
            }
            return finish(false, m_cancelled ? tr("Synchronisation cancelled.") : r.message);
        }
        m_cache.setLastServerContactMs(m_clock.nowMs());
        m_suspect.clear();
        QList<OpResult> results;
        const QJsonArray answers = r.json.value(u"results"_s).toArray();
        for (const QJsonValue &v : answers)
            results.append(OpResult::fromJson(v.toObject()));
        QString error;
        if (!m_cache.applyPushResults(ops, results, &error))
            return finish(false, tr("The local data could not be updated: %1").arg(error));
        m_pushed += ops.size();
        m_waiting = qMax<qint64>(0, m_waiting - ops.size());
        Q_EMIT progress(Phase::Pushing, m_pushed, m_waiting);
        Q_EMIT cacheChanged();
        pushNext();
    });
}

void SyncEngine::setAsideReferring(const QString &code, const QString &message)
{
    const QString sha = m_uploadQueue.first();
    for (const Operation &op : std::as_const(m_uploadOps)) {
        if (LocalCache::attachmentsOf(op).contains(sha)) {
            QString error;
            if (!m_cache.setAside(op.opId, code, message, &error)) {
                // Not recorded: the same file would come up again at once; the round ends and is retried.
                m_setAsideError = error;
                return;
            }
        }
    }
    Q_EMIT cacheChanged();
}

void SyncEngine::uploadNext()
{
    if (m_phase == Phase::Idle)
        return; // cancelled by a slot of our own signals: the round has ended
    if (m_cancelled)
        return finish(false, tr("Synchronisation cancelled."));
    if (!m_setAsideError.isEmpty())
        return finish(false, tr("The local data could not be updated: %1").arg(m_setAsideError));
    if (m_uploadQueue.isEmpty()) {
        // Operations whose file could not be sent are set aside by now; the others are sent (read again).
        m_uploadOps.clear();
        return pushNext();
    }
    const QString sha = m_uploadQueue.first();
    const QString name = m_cache.attachmentName(sha);
    const QFileInfo file(m_cache.attachmentPath(sha));
    if (!file.isFile() || file.size() <= 0) {
        setAsideReferring(
            u"ATTACHMENT_MISSING"_s,
            u"附件“%1”在本机已找不到，这项修改已暂存退回，请重新添加该文件后再提交"_s.arg(name));
        m_uploadQueue.removeFirst();
        return uploadNext();
    }
    if (file.size() > LocalCache::kMaxAttachmentBytes) {
        setAsideReferring(
            u"PAYLOAD_TOO_LARGE"_s,
            u"附件“%1”超过 %2 MB，服务器不接收，这项修改已暂存退回，请换一个较小的文件"_s.arg(name).arg(
                LocalCache::kMaxAttachmentBytes >> 20));
        m_uploadQueue.removeFirst();
        return uploadNext();
    }
    m_uploadSize = file.size();
    // Where the server stands (an interrupted upload continues from there).
    m_reply = m_api.get(
        u"/api/v1/attachments/%1/status"_s.arg(sha), {}, this, [this, sha, name](const ApiResult &r) {
            m_reply = nullptr;
            if (r.ok())
                return uploadDone(r.json);
            if (r.httpStatus != 404 || m_cancelled)
                return uploadFailed(r);
            // Not known yet: announce it.
            const QJsonObject body{
                {u"sha256"_s, sha},
                {u"size"_s, m_uploadSize},
                {u"mimeType"_s, QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension).name()}};
            m_reply = m_api.post(u"/api/v1/attachments"_s, body, this, [this](const ApiResult &b) {
                m_reply = nullptr;
                if (!b.ok())
                    return uploadFailed(b);
                uploadDone(b.json);
            });
        });
}

void SyncEngine::uploadDone(const QJsonObject &status)
{
    if (m_phase == Phase::Idle)
        return;
    const QString sha = m_uploadQueue.first();
    m_cache.setLastServerContactMs(m_clock.nowMs());
    const qint64 received = status.value(u"received"_s).toInteger();
    if (status.value(u"complete"_s).toBool()) {
        if (!m_cache.markUploaded(sha))
            return finish(false, tr("The local data could not be updated."));
        Q_EMIT uploadProgress(sha, m_cache.attachmentName(sha), m_uploadSize, m_uploadSize);
        if (m_phase == Phase::Idle)
            return; // cancelled by a slot of the signal above
        m_uploadQueue.removeFirst();
        m_uploadConflicts = 0;
        return uploadNext();
    }
    if (status.value(u"size"_s).toInteger() != m_uploadSize) {
        setAsideReferring(
            u"CONFLICT"_s,
            u"服务器上已有同一编号但大小不同的附件“%1”，这项修改已暂存退回，请重新添加该文件"_s.arg(
                m_cache.attachmentName(sha)));
        m_uploadQueue.removeFirst();
        return uploadNext();
    }
    uploadFrom(received);
}

void SyncEngine::uploadFrom(qint64 offset)
{
    if (m_phase == Phase::Idle)
        return;
    if (m_cancelled)
        return finish(false, tr("Synchronisation cancelled."));
    const QString sha = m_uploadQueue.first();
    const int chunkBytes = qBound(1, m_options.uploadChunkBytes, kMaxUploadChunkBytes);
    QFile file(m_cache.attachmentPath(sha));
    QByteArray chunk;
    if (file.open(QIODevice::ReadOnly) && file.size() == m_uploadSize && file.seek(offset))
        chunk = file.read(qMin<qint64>(chunkBytes, m_uploadSize - offset));
    if (chunk.isEmpty() || offset < 0 || offset >= m_uploadSize) {
        setAsideReferring(
            u"ATTACHMENT_MISSING"_s,
            u"附件“%1”在本机无法读取或已被改动，这项修改已暂存退回，请重新添加该文件后再提交"_s.arg(
                m_cache.attachmentName(sha)));
        m_uploadQueue.removeFirst();
        return uploadNext();
    }
    QUrlQuery query;
    query.addQueryItem(u"offset"_s, QString::number(offset));
    const qint64 sent = chunk.size();
    m_reply =
        m_api.put(u"/api/v1/attachments/%1/content"_s.arg(sha), query, chunk, this,
                  [this, sha, sent](const ApiResult &r) {
                      m_reply = nullptr;
                      if (r.ok()) {
                          m_uploadedBytes += sent;
                          const qint64 received = r.json.value(u"received"_s).toInteger();
                          if (!r.json.value(u"complete"_s).toBool()) {
                              Q_EMIT uploadProgress(sha, m_cache.attachmentName(sha), received, m_uploadSize);
                              Q_EMIT progress(Phase::Pushing, m_pushed, m_waiting);
                          }
                          return uploadDone(r.json);
                      }
                      // The server has a different part than we thought (e.g. another PC of the same
                      // user): ask again where it stands, a few times.
                      if (r.httpStatus == 409 && !m_cancelled && ++m_uploadConflicts <= 3)
                          return uploadNext();
                      uploadFailed(r);
                  });
}

void SyncEngine::uploadFailed(const ApiResult &r)
{
    if (m_phase == Phase::Idle)
        return;
    if (m_cancelled)
        return finish(false, tr("Synchronisation cancelled."));
    if (r.httpStatus == 401) {
        m_sessionEnded = true;
        Q_EMIT sessionExpired();
        return finish(false, r.message);
    }
    // Refused for the file itself (too large, not matching its SHA-256, not allowed): the changes that refer
    // to it are set aside with the reason; the others go on.
    if (r.httpStatus == 400 || r.httpStatus == 403 || r.httpStatus == 409 || r.httpStatus == 413 ||
        r.httpStatus == 422) {
        const QString sha = m_uploadQueue.first();
        setAsideReferring(
            r.errorCode.isEmpty() ? u"ATTACHMENT_REFUSED"_s : r.errorCode,
            u"服务器不接收附件“%1”：%2。这项修改已暂存退回"_s.arg(m_cache.attachmentName(sha), r.message));
        m_uploadQueue.removeFirst();
        m_uploadConflicts = 0;
        return uploadNext();
    }
    // The network or the server failing: the round ends and is tried again later, from where the server is.
    finish(false, r.message);
}

void SyncEngine::pullNext()
{
    if (m_phase == Phase::Idle)
        return; // cancelled by a slot of our own signals: the round has ended
    QUrlQuery query;
    query.addQueryItem(u"cursor"_s, m_cache.cursor());
    query.addQueryItem(u"limit"_s, QString::number(m_options.pullLimit));
    m_reply = m_api.get(u"/api/v1/sync/pull"_s, query, this, [this](const ApiResult &r) {
        m_reply = nullptr;
        if (!r.ok()) {
            if (r.httpStatus == 401) {
                m_sessionEnded = true;
                Q_EMIT sessionExpired();
            }
            return finish(false, m_cancelled ? tr("Synchronisation cancelled.") : r.message);
        }
        m_cache.setLastServerContactMs(m_clock.nowMs());
        const PullPage page = PullPage::fromJson(r.json);
        bool cursorOk = false;
        page.cursor.toLongLong(&cursorOk);
        if (!cursorOk)
            return finish(false,
                          tr("The server's answer had no valid sync position; nothing was taken from it."));
        QString error;
        if (!m_cache.applyPull(page, &error))
            return finish(false, tr("The local data could not be updated: %1").arg(error));
        m_pulled += page.records.size();
        Q_EMIT progress(Phase::Pulling, m_pulled, page.hasMore ? -1 : 0);
        if (!page.records.isEmpty())
            Q_EMIT cacheChanged();
        if (m_phase == Phase::Idle)
            return; // cancelled by a slot of the signals above
        if (page.hasMore)
            return pullNext();
        m_cache.setLastSyncMs(m_clock.nowMs());
        finish(true, {});
    });
}

void SyncEngine::finish(bool ok, const QString &message)
{
    if (m_phase == Phase::Idle)
        return; // already ended (cancelled from a slot while a callback was running): one finished() per
                // round
    m_lastError = ok ? QString() : message;
    setPhase(Phase::Idle);
    Q_EMIT finished(ok, message);
    if (ok) {
        m_retryMs = 0;
        if (m_again)
            QTimer::singleShot(0, this, &SyncEngine::syncNow);
    } else if (!m_cancelled && !m_sessionEnded && !m_api.token().isEmpty()) {
        scheduleRetry();
    }
}

void SyncEngine::scheduleRetry()
{
    m_retryMs = m_retryMs == 0 ? m_options.firstRetryMs : qMin(m_retryMs * 2, m_options.maxRetryMs);
    m_retry.start(m_retryMs);
}

} // namespace sunshine::app
