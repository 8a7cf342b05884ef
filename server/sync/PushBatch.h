#pragma once

#include "common/sync/RecordType.h"
#include "common/sync/SyncTypes.h"
#include "server/audit/AuditLog.h"
#include "server/sync/SyncService.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace sunshine {

// One push: everything the batch needs, loaded up front, changed in memory, written in bulk at the end, in
// the caller's transaction (SyncService::push).
class PushBatch
{
public:
    PushBatch(Store &store, const AuthSession &actor, const Clock &clock,
              const SyncService::Settings &settings, const QList<const PushHook *> &hooks, qint64 deviceNowMs)
        : m_store(store)
        , m_hooks(hooks)
        , m_actor(actor)
        , m_now(clock.nowMs())
        , m_settings(settings)
        , m_deviceNow(deviceNowMs)
    {}

    QList<sync::OpResult> run(const QJsonArray &raw, AuditLog &audit, const QString &address);

private:
    struct StoredRecord
    {
        sync::Record record;
        QString orgPath;
        qint64 createdAt = 0;
        QString createdBy;
        bool existsInStore = false;
    };

    struct HistoryRow
    {
        QString recordId;
        qint64 version;
        QStringList changed;
        QJsonObject data;
        bool deleted;
        bool late;
        qint64 at;
        QString by;
        QString opId;
    };

    struct OrgInfo
    {
        QString path;
        OrgLevel level;
    };

    struct DeptInfo
    {
        QString code;
        QString orgUnitId;
    };

    void prefetch(const QList<sync::Operation> &ops);
    // Reads these records, and these org units and departments, into the batch (those already in it stay).
    void loadRecords(const QStringList &recordIds);
    void loadPlaces(const QStringList &orgIds, const QStringList &deptIds);
    // Writes the records a change entails (RecordType::consequences) with the server's authority; the
    // refusal of the change when one cannot be written.
    std::optional<sync::OpResult> applyConsequences(const sync::Operation &cause,
                                                    const QList<sync::Consequence> &consequences);
    sync::OpResult apply(const sync::Operation &op);
    QSet<QString> changedSince(const QString &recordId, qint64 fromVersion, qint64 toVersion);
    std::optional<sync::Record> lookupRecord(const QString &id);
    std::optional<sync::Record> lookupKey(const QString &key);
    std::optional<sync::FieldProblem> claimKeys(const sync::RecordType &type, const QString &recordId,
                                                const sync::Record *before, const sync::Record &after);
    void write(AuditLog &audit, const QString &address);
    // Removes the rows of `table` (keyed by record_id) that belong to the records this batch touched.
    void deleteRowsOfTouched(const QString &table);

    bool concernsAHook(const QString &type) const;

    Store &m_store;
    const QList<const PushHook *> &m_hooks;
    const AuthSession &m_actor;
    qint64 m_now;
    const SyncService::Settings &m_settings;
    qint64 m_deviceNow;

    QHash<QString, sync::OpResult> m_stored; // results of operations applied before
    QHash<QString, qint64> m_storedBase;     // their base versions
    QHash<QString, QString> m_storedRecord;  // their record ids
    QHash<QString, StoredRecord> m_records;  // current state, updated as operations apply
    QHash<QString, StoredRecord> m_before;   // as stored before this batch (for the push hooks)
    QHash<QString, OrgInfo> m_orgs;
    QHash<QString, DeptInfo> m_depts;
    QHash<QPair<QString, qint64>, qint64> m_rebase; // (record, base version sent) -> version it became here
    QList<HistoryRow> m_history;
    QStringList m_touched; // records with a new version, in order
    QSet<QString> m_touchedSet;
    QList<QPair<sync::Operation, sync::OpResult>> m_toRemember; // applied and rejected answers to keep
    QList<AuditEntry> m_audit;
    QHash<QString, QString> m_keyOwner; // unique key -> record holding it after this batch ("" = freed)
    int m_consequenceDepth = 0;         // > 0 while consequences are written (with the server's authority)
    QString m_consequenceOf;            // the record whose change they follow

    // What a change may have to take back when one of its consequences cannot be written.
    struct Saved
    {
        QHash<QString, StoredRecord> records;
        QHash<QString, StoredRecord> before;
        QHash<QPair<QString, qint64>, qint64> rebase;
        QList<HistoryRow> history;
        QStringList touched;
        QSet<QString> touchedSet;
        QList<AuditEntry> audit;
        QHash<QString, QString> keyOwner;
    };
};

} // namespace sunshine
