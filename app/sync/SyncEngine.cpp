#include "sync/SyncEngine.h"

#include "core/Clock.h"
#include "net/ApiClient.h"
#include "sync/LocalCache.h"

#include <QJsonArray>
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
