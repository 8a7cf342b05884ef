#pragma once

#include "common/sync/SyncTypes.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

namespace sunshine::app {

enum class RecordState
{
    Synced,
    Pending,
    Rejected,
    Conflict
};
QString recordStateName(RecordState s);

// A record as the clerk's program holds it: the server's version with the clerk's unsent changes on top.
struct CachedRecord
{
    sync::Record record;      // the local view
    QJsonObject serverFields; // the last state the server confirmed
    RecordState state = RecordState::Synced;
    QString stateCode;    // rejected: the server's code
    QString stateMessage; // rejected/conflict: the reason
    QString stateField;
    std::optional<sync::Record> theirs; // conflict: the server's record
    QJsonObject mine;                   // conflict: the clerk's changed fields
};

// The program's own SQLite file (WAL) for one server and one user: the records of the user's scope and the
// outbox of changes not yet accepted by the server. Every entry is one local transaction (record + outbox
// operation). Nothing unsent is ever deleted; each user on a PC has a file of their own.
class LocalCache
{
public:
    // <app data>/caches/<host>_<port>/<username>.sqlite
    static QString defaultPath(const QUrl &server, const QString &username);

    explicit LocalCache(QString path);
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    bool open(QString *error);
    QString path() const { return m_path; }
    QSqlDatabase database() const;

    struct Change
    {
        QString type;
        QString recordId;
        QString orgUnitId;
        QString departmentId;
        sync::OpKind kind = sync::OpKind::Upsert;
        QJsonObject changedFields;
    };
    // The fields that differ from `before` to `after`, those removed as null: what a form's save sends.
    static QJsonObject changedFields(const QJsonObject &before, const QJsonObject &after);
    // Records a change made by the clerk, online or not. Returns the operation id, or empty with the reason.
    QString save(const Change &change, qint64 deviceNowMs, QString *error);
    // Records many changes in ONE transaction (a bulk import): all of them or none. Each is an entry as
    // save() makes it (record + outbox operation). `progress` counts changes; returning false rolls
    // everything back. Returns the number saved (changes.size()), or -1 with the reason (nothing is then
    // saved).
    qsizetype saveAll(const QList<Change> &changes, qint64 deviceNowMs, QString *error,
                      const std::function<bool(qint64 done, qint64 total)> &progress = {});

    std::optional<CachedRecord> record(const QString &id) const;
    QList<CachedRecord> records(const QString &type) const;

    // Outbox operations waiting to be sent, oldest first.
    QList<sync::Operation> pendingOperations(int limit) const;
    // Sets one operation aside as returned, when the server cannot process it at all (so it stops blocking
    // others).
    bool setAside(const QString &opId, const QString &code, const QString &message, QString *error);
    // The server's answers to `sent` (same order), in one transaction.
    bool applyPushResults(const QList<sync::Operation> &sent, const QList<sync::OpResult> &results,
                          QString *error);
    // One page of changes and its cursor, in one transaction.
    bool applyPull(const sync::PullPage &page, QString *error);

    // The clerk's choice per field after a conflict: the chosen values go to the server as a new change made
    // on top of the server's version. Returns the new operation id.
    QString resolveConflict(const QString &recordId, const QJsonObject &chosenFields, qint64 deviceNowMs,
                            QString *error);
    // Takes the server's version as it is (also a deletion) and drops the clerk's conflicting changes.
    bool acceptTheirs(const QString &recordId, QString *error);
    // After fixing a rejected record: the rejected operations are replaced by one carrying the corrected
    // fields.
    QString resend(const QString &recordId, const QJsonObject &correctedFields, qint64 deviceNowMs,
                   QString *error);

    QString cursor() const;
    qint64 lastSyncMs() const;
    void setLastSyncMs(qint64 ms);
    qint64 lastServerContactMs() const;
    void setLastServerContactMs(qint64 ms);

    // Small values the program keeps with the data (e.g. the departments of the area, for offline forms).
    QString metaValue(const QString &key) const { return meta(key); }
    void setMetaValue(const QString &key, const QString &value);

    // --- Attachments: files the clerk adds to records, kept beside the cache file (<cache>.files/<sha256>)
    // so they survive the original being moved, stored once per content, and uploaded by the sync engine
    // before the changes that refer to them.
    static constexpr qint64 kMaxAttachmentBytes = 50LL * 1024 * 1024;
    // Hashes the file (SHA-256), copies it into the cache's folder and remembers the name the clerk sees.
    // Returns the lower-case hex SHA-256, or empty with a Chinese reason (too large, unreadable).
    QString addAttachment(const QString &sourcePath, QString *error);
    // Where the stored copy lives (whether or not it exists).
    QString attachmentPath(const QString &sha256) const;
    // The file name shown to the clerk; empty when the file is not known here.
    QString attachmentName(const QString &sha256) const;
    // Whether the file was added here (and not yet known to be on the server).
    bool hasAttachment(const QString &sha256) const;
    // SHA-256 names referred to by outbox operations waiting to be sent whose file is not marked uploaded,
    // oldest first, each once.
    QStringList pendingUploads() const;
    // The same for some operations only (a push batch).
    QStringList pendingUploads(const QList<sync::Operation> &ops) const;
    bool markUploaded(const QString &sha256);
    // The SHA-256 names an operation refers to (its record type's Attachments fields among its changes).
    static QStringList attachmentsOf(const sync::Operation &op);

    int pendingCount() const;
    int rejectedCount() const;
    int conflictCount() const;
    qint64 recordCount(bool includeDeleted = false) const;
    // The records of a type that are neither deleted nor deleted here, counted from an index alone.
    qint64 liveCount(const QString &type) const;

private:
    bool migrate(QString *error);
    QString meta(const QString &key) const;
    QString filesDir() const;
    void setMeta(const QString &key, const QString &value);
    bool recompute(const QString &recordId);
    QString enqueue(const CachedRecord &rec, sync::OpKind kind, const QJsonObject &changed,
                    qint64 baseVersion, qint64 deviceNowMs);

    QString m_path;
    QString m_connection;
};

} // namespace sunshine::app
