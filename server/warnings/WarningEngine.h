#pragma once

#include "common/core/Clock.h"
#include "common/rules/Rules.h"
#include "common/warnings/WarningWorkflow.h"
#include "server/http/HttpTypes.h"
#include "server/sync/SyncService.h"

#include <QJsonObject>
#include <QMutex>
#include <optional>

namespace sunshine {

class AuditLog;
class Store;

// Evaluates the warning rules over the store and raises their findings as warning records, written as the
// server's own push (server actor), so that every check, the history, the audit log and sync apply to them.
// - drainQueue(): the records pushes touched (queued in the push's transaction by WarningQueueHook); each
// batch
//   is evaluated, raised and taken off the queue in one transaction, so an item is never lost: a failure
//   leaves it queued for the next drain.
// - runFull(): every enabled rule over all records (a deadline that passed overnight raises with no new
// record),
//   then the escalation of overdue warnings.
// A warning's id is fixed by its dedup key (rule, subject, period): a key is raised once, ever.
// One run at a time per engine; thread-safe.
class WarningEngine
{
public:
    WarningEngine(Store &store, AuditLog &audit, const Clock &clock, const SyncService &sync);

    // A rule's settings in force: the latest version (version 0: never changed, the defaults).
    struct RuleSetting
    {
        QString code;
        int version = 0;
        bool enabled = true;
        rules::ParameterValues parameters; // every parameter, defaults filled in
        qint64 setAtMs = 0;
        QString setBy;
    };
    RuleSetting setting(const rules::Rule &rule);
    // A new version of a rule's settings; ApiError on unknown rules or parameters out of range.
    RuleSetting update(const AuthSession &actor, const QString &code, std::optional<bool> enabled,
                       const std::optional<rules::ParameterValues> &parameters, const QString &address);
    // The handling deadlines (a setting too, versioned the same way under the code "HANDLING").
    warnings::HandlingDays handlingDays();
    warnings::HandlingDays updateHandlingDays(const AuthSession &actor, const warnings::HandlingDays &days,
                                              const QString &address);

    struct Report
    {
        QString kind; // "queue" or "full"
        qint64 startedAtMs = 0;
        qint64 finishedAtMs = 0;
        qint64 recordsRead = 0;
        qint64 findings = 0;
        qint64 raised = 0; // new warnings
        qint64 escalated = 0;
        QJsonObject toJson() const;
    };
    Report drainQueue();
    Report runFull();
    // The last full run, if any.
    std::optional<Report> lastFullRun();
    qint64 queued();

    // What a rule would raise with `parameters` on today's data, nothing written: the findings (at most
    // `sampleLimit` of the new ones), how many in all and how many of them were raised before.
    struct DryRun
    {
        qint64 findings = 0;
        qint64 alreadyRaised = 0;
        QList<rules::Finding> sample;
    };
    DryRun dryRun(const QString &code, const rules::ParameterValues &parameters, int sampleLimit = 100);

    // A change of a warning as a push carries it (the server's own, the demo's steps).
    static QJsonObject warningOp(const QString &opId, const QString &recordId, const QString &orgUnitId,
                                 const QString &departmentId, qint64 baseVersion, const QJsonObject &changed,
                                 qint64 deviceNowMs);

private:
    // Pushes `ops` as the server, in the caller's transaction; how many were applied (the others are logged).
    qint64 pushAsServer(const QJsonArray &ops);
    // A new version of the settings kept under `code`, with its audit entry, in the caller's transaction.
    void storeVersion(const AuthSession &actor, const QString &code, int version, bool enabled,
                      const rules::ParameterValues &values, qint64 atMs, const QJsonObject &auditDetail,
                      const QString &address);
    rules::RuleRun runFor(const rules::Rule &rule, const rules::ParameterValues &parameters) const;
    // Writes the findings not raised before as new warnings, in the caller's transaction; returns how many.
    qint64 raise(const QList<rules::Finding> &findings);
    // Overdue warnings: marked 督办 one level up; red ones five working days late copied to the 纪委.
    qint64 escalate();
    QSet<QString> existingIds(const QStringList &ids);
    QString departmentFor(const QString &orgPath, const QString &code);
    void recordRun(const Report &report);
    AuthSession serverActor();
    std::optional<RuleSetting> storedSetting(const QString &code);

    Store &m_store;
    AuditLog &m_audit;
    const Clock &m_clock;
    const SyncService &m_sync;
    QMutex m_running;
    // Departments by unit and code, as looked up during one run.
    QHash<QString, QString> m_departments;
};

} // namespace sunshine
