#include "app/sync/LocalCache.h"

#include "app/sync/CacheSql.h"
#include "common/sync/RecordType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

// What the server answered, applied to the cache: the results of a push, a page of a pull, the operations set
// aside; and the clerk's answers to a conflict or a returned change.
namespace sunshine::app {

using namespace sync;
using namespace cachesql;

bool LocalCache::applyPushResults(const QList<Operation> &sent, const QList<OpResult> &results,
                                  QString *error)
{
    if (sent.size() != results.size()) {
        *error = u"服务器的应答数量与发送的操作不符"_s;
        return false;
    }
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        // Each applied change, in one statement: the confirmed fields merged into the server's state
        // (json_patch has the outbox's meaning: null removes a field); when it was the record's last
        // outstanding change, the local view becomes the server's and the record is synced. Others are
        // replayed from the outbox below.
        Prepared confirm(db,
                         u"UPDATE records SET server_data = json_patch(server_data, ?), "
                         u"data = CASE WHEN pending_ops <= 1 THEN json_patch(server_data, ?) ELSE data END, "
                         u"version = MAX(version, ?), deleted = ?, "
                         u"local_deleted = CASE WHEN pending_ops <= 1 THEN ? ELSE local_deleted END, "
                         u"late_synced = ?, "
                         u"state = CASE WHEN pending_ops <= 1 THEN 0 ELSE state END, "
                         u"state_code = CASE WHEN pending_ops <= 1 THEN NULL ELSE state_code END, "
                         u"state_message = CASE WHEN pending_ops <= 1 THEN NULL ELSE state_message END, "
                         u"state_field = CASE WHEN pending_ops <= 1 THEN NULL ELSE state_field END, "
                         u"pending_ops = MAX(pending_ops - 1, 0) WHERE id = ? RETURNING pending_ops"_s);
        Prepared rebase(
            db,
            u"UPDATE outbox SET base_version = ? WHERE record_id = ? AND base_version < ? AND state = 0"_s);
        QSet<QString> replay;
        QStringList applied;
        // Which answered operations are still in the outbox (a retried push may repeat answers already
        // applied).
        QSet<QString> outstanding;
        {
            QStringList ids;
            for (const Operation &op : sent)
                ids.append(op.opId);
            QSqlQuery q =
                run(db, u"SELECT op_id FROM outbox WHERE op_id IN (SELECT value FROM json_each(?))"_s,
                    {QString::fromUtf8(
                        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact))});
            while (q.next())
                outstanding.insert(q.value(0).toString());
        }
        for (qsizetype i = 0; i < sent.size(); ++i) {
            const Operation &op = sent.at(i);
            const OpResult &r = results.at(i);
            if (r.opId != op.opId)
                throw Failure{u"服务器的应答顺序与发送的操作不符"_s};
            if (!outstanding.contains(op.opId))
                continue;
            switch (r.status) {
            case OpStatus::Applied: {
                applied.append(op.opId);
                const int deleted = op.kind == OpKind::Delete ? 1 : 0;
                const QString patch = json(op.changedFields);
                QSqlQuery &q = confirm.run(
                    {patch, patch, r.version, deleted, deleted, r.lateSynced ? 1 : 0, op.recordId});
                const int left = q.next() ? q.value(0).toInt() : 0;
                q.finish();
                if (left > 0) {
                    // Later changes made on top of this one continue from the version it became. Not only
                    // those still carrying its base: an earlier answer of this batch may have moved them on
                    // already.
                    rebase.run({r.version, op.recordId, r.version});
                    replay.insert(op.recordId);
                }
                break;
            }
            case OpStatus::Rejected:
                run(db, u"UPDATE outbox SET state = ?, code = ?, message = ?, field = ? WHERE op_id = ?"_s,
                    {kOpRejected, r.code, r.message, nullable(r.field), op.opId});
                replay.insert(op.recordId);
                break;
            case OpStatus::Conflict:
                run(db, u"UPDATE outbox SET state = ?, message = ? WHERE op_id = ?"_s,
                    {kOpConflict, r.message, op.opId});
                if (r.current)
                    run(db, u"UPDATE records SET theirs = ? WHERE id = ?"_s,
                        {json(r.current->toJson()), op.recordId});
                replay.insert(op.recordId);
                break;
            }
        }
        if (!applied.isEmpty())
            run(db,
                u"DELETE FROM outbox WHERE rowid IN (SELECT o.rowid FROM json_each(?) AS j CROSS JOIN outbox "
                u"AS o "
                u"ON o.op_id = j.value)"_s,
                {QString::fromUtf8(
                    QJsonDocument(QJsonArray::fromStringList(applied)).toJson(QJsonDocument::Compact))});
        for (const QString &id : std::as_const(replay))
            recompute(id);
        tx.commit();
        return true;
    } catch (const Failure &f) {
        *error = f.what;
        return false;
    }
}

bool LocalCache::setAside(const QString &opId, const QString &code, const QString &message, QString *error)
{
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        QSqlQuery q = run(db, u"SELECT record_id FROM outbox WHERE op_id = ?"_s, {opId});
        if (!q.next())
            return true;
        const QString recordId = q.value(0).toString();
        run(db, u"UPDATE outbox SET state = ?, code = ?, message = ? WHERE op_id = ?"_s,
            {kOpRejected, code, message, opId});
        recompute(recordId);
        tx.commit();
        return true;
    } catch (const Failure &f) {
        *error = f.what;
        return false;
    }
}

bool LocalCache::applyPull(const PullPage &page, QString *error)
{
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        QSet<QString> withOps;
        {
            // Records with changes in the outbox: read from the (small) outbox, not by scanning all records.
            QSqlQuery q = run(db, u"SELECT DISTINCT record_id FROM outbox"_s);
            while (q.next())
                withOps.insert(q.value(0).toString());
        }
        QSqlQuery upsert(db);
        if (!upsert.prepare(
                u"INSERT INTO records (id, type, org_unit_id, department_id, version, updated_at, "
                u"updated_by, "
                u"deleted, late_synced, server_data, data, local_deleted, state) "
                u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO UPDATE SET "
                u"version = excluded.version, updated_at = excluded.updated_at, "
                u"updated_by = excluded.updated_by, deleted = excluded.deleted, "
                u"late_synced = excluded.late_synced, server_data = excluded.server_data, "
                u"data = CASE WHEN records.pending_ops = 0 THEN excluded.data ELSE records.data END, "
                u"local_deleted = CASE WHEN records.pending_ops = 0 THEN excluded.local_deleted "
                u"ELSE records.local_deleted END "
                u"WHERE excluded.version >= records.version"_s))
            throw Failure{upsert.lastError().text()};
        QStringList conflicted;
        for (const Record &r : page.records) {
            const QString data = json(r.fields);
            const QVariantList binds{r.id,
                                     r.type,
                                     r.orgUnitId,
                                     nullable(r.departmentId),
                                     r.version,
                                     r.updatedAtMs,
                                     nullable(r.updatedBy),
                                     r.deleted ? 1 : 0,
                                     r.lateSynced ? 1 : 0,
                                     data,
                                     data,
                                     r.deleted ? 1 : 0};
            for (int i = 0; i < binds.size(); ++i)
                upsert.bindValue(i, binds.at(i));
            if (!upsert.exec())
                throw Failure{upsert.lastError().text()};
            if (withOps.contains(r.id)) {
                // Keep a conflict's "theirs" at the newest server state.
                run(db, u"UPDATE records SET theirs = ? WHERE id = ? AND state = ?"_s,
                    {json(r.toJson()), r.id, int(RecordState::Conflict)});
                recompute(r.id);
            }
        }
        setMeta(u"cursor"_s, page.cursor);
        tx.commit();
        return true;
    } catch (const Failure &f) {
        *error = f.what;
        return false;
    }
}

QString LocalCache::resolveConflict(const QString &recordId, const QJsonObject &chosen, qint64 deviceNowMs,
                                    QString *error)
{
    const std::optional<CachedRecord> rec = record(recordId);
    if (!rec || rec->state != RecordState::Conflict || !rec->theirs) {
        *error = u"该记录没有待处理的冲突"_s;
        return {};
    }
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        const Record &theirs = *rec->theirs;
        run(db, u"UPDATE records SET version = ?, server_data = ?, deleted = ?, theirs = NULL WHERE id = ?"_s,
            {theirs.version, json(theirs.fields), theirs.deleted ? 1 : 0, recordId});
        run(db, u"DELETE FROM outbox WHERE record_id = ? AND state = ?"_s, {recordId, kOpConflict});
        run(db, u"UPDATE outbox SET base_version = ? WHERE record_id = ? AND state = 0"_s,
            {theirs.version, recordId});
        QJsonObject changed;
        for (auto it = chosen.constBegin(); it != chosen.constEnd(); ++it) {
            if (theirs.fields.value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        }
        QString opId;
        if (!changed.isEmpty() || theirs.deleted)
            opId = enqueue(*rec, OpKind::Upsert, changed, theirs.version, deviceNowMs);
        recompute(recordId);
        tx.commit();
        return opId.isEmpty() ? u"none"_s : opId;
    } catch (const Failure &f) {
        *error = f.what;
        return {};
    }
}

bool LocalCache::acceptTheirs(const QString &recordId, QString *error)
{
    const std::optional<CachedRecord> rec = record(recordId);
    if (!rec || rec->state != RecordState::Conflict || !rec->theirs) {
        *error = u"该记录没有待处理的冲突"_s;
        return false;
    }
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        const Record &theirs = *rec->theirs;
        run(db, u"UPDATE records SET version = ?, server_data = ?, deleted = ?, theirs = NULL WHERE id = ?"_s,
            {theirs.version, json(theirs.fields), theirs.deleted ? 1 : 0, recordId});
        run(db, u"DELETE FROM outbox WHERE record_id = ? AND state = ?"_s, {recordId, kOpConflict});
        run(db, u"UPDATE outbox SET base_version = ? WHERE record_id = ? AND state = 0"_s,
            {theirs.version, recordId});
        recompute(recordId);
        tx.commit();
        return true;
    } catch (const Failure &f) {
        *error = f.what;
        return false;
    }
}

QString LocalCache::resend(const QString &recordId, const QJsonObject &corrected, qint64 deviceNowMs,
                           QString *error)
{
    const std::optional<CachedRecord> rec = record(recordId);
    if (!rec || rec->state != RecordState::Rejected) {
        *error = u"该记录没有被退回的修改"_s;
        return {};
    }
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        run(db, u"DELETE FROM outbox WHERE record_id = ? AND state = ?"_s, {recordId, kOpRejected});
        QJsonObject changed;
        for (auto it = corrected.constBegin(); it != corrected.constEnd(); ++it) {
            if (rec->serverFields.value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        }
        for (auto it = rec->serverFields.constBegin(); it != rec->serverFields.constEnd(); ++it) {
            if (!corrected.contains(it.key()))
                changed.insert(it.key(), QJsonValue::Null);
        }
        const QString opId = enqueue(*rec, OpKind::Upsert, changed, rec->record.version, deviceNowMs);
        recompute(recordId);
        tx.commit();
        return opId;
    } catch (const Failure &f) {
        *error = f.what;
        return {};
    }
}

// --- Attachments

} // namespace sunshine::app
