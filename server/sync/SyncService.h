#pragma once

#include "common/core/Clock.h"
#include "common/sync/SyncTypes.h"
#include "server/access/Disclosure.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"
#include "server/sync/PushHook.h"

#include <QJsonArray>

namespace sunshine {

// Push and pull of synced records.
// Push: each operation applied at most once (operation ids are remembered), the whole batch in one
// transaction, an answer per operation. Pull: the changes after a cursor within the caller's scope, in commit
// order: sequence numbers are handed out under a lock taken just before commit, so a reader never sees number
// N+1 before N.
class SyncService
{
public:
    struct Settings
    {
        qint64 lateGraceMs = 3LL * 24 * 3600 * 1000;
        qint64 maxClockSkewMs = 10LL * 60 * 1000;
    };

    SyncService(Store &store, AuditLog &audit, const Clock &clock, Settings settings);

    // `operations` as sent; the answers are in the same order.
    QList<sync::OpResult> push(const AuthSession &actor, const QJsonArray &operations, qint64 deviceNowMs,
                               const QString &address);
    // The same in the caller's transaction: what the server writes itself (warnings it raises, a draw, the
    // demo records), as a push would, with the checks, history, hooks and audit log.
    QList<sync::OpResult> pushWithin(const AuthSession &actor, const QJsonArray &operations,
                                     qint64 deviceNowMs, const QString &address) const;
    // A page of changes as the JSON answer body, composed from the stored JSON without parsing it again;
    // each record's fields as `disclosure` hands them to the caller (the caller logs the hand-outs).
    QByteArray pullJson(const AuthSession &actor, const QString &cursor, int limit, qint64 serverTimeMs,
                        Disclosure &disclosure, int *recordCount = nullptr);

    const Settings &settings() const { return m_settings; }
    // A module's consequences of pushed records, kept in each push's transaction (set up before serving).
    void addPushHook(const PushHook *hook) { m_hooks.append(hook); }
    const QList<const PushHook *> &pushHooks() const { return m_hooks; }
    // Benchmarks only (before serving): a push without one module's consequence.
    void removePushHook(const PushHook *hook) { m_hooks.removeAll(hook); }

private:
    Store &m_store;
    AuditLog &m_audit;
    const Clock &m_clock;
    Settings m_settings;
    QList<const PushHook *> m_hooks;
};

} // namespace sunshine
