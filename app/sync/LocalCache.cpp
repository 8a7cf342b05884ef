#include "app/sync/LocalCache.h"

#include "app/sync/CacheSql.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include "common/sync/RecordType.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace sync;
using namespace cachesql;

QString recordStateName(RecordState s)
{
    switch (s) {
    case RecordState::Synced:
        return u"synced"_s;
    case RecordState::Pending:
        return u"pending"_s;
    case RecordState::Rejected:
        return u"rejected"_s;
    case RecordState::Conflict:
        return u"conflict"_s;
    }
    return {};
}

QJsonObject LocalCache::changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key()))
            changed.insert(it.key(), QJsonValue::Null);
    }
    return changed;
}

QString LocalCache::defaultPath(const QUrl &server, const QString &username)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString host = server.host().isEmpty() ? u"server"_s : server.host();
    QString dir = host + u'_' + QString::number(server.port(443));
    dir.replace(u':', u'_');
    return base + u"/caches/"_s + dir + u'/' + username + u".sqlite"_s;
}

LocalCache::LocalCache(QString path)
    : m_path(std::move(path))
    , m_connection(u"local-cache-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

LocalCache::~LocalCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase LocalCache::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool LocalCache::open(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    try {
        run(db, u"PRAGMA journal_mode=WAL"_s);
        run(db, u"PRAGMA synchronous=NORMAL"_s);
        // 32 MB of page cache: a county's records are looked up by random ids; the default 2 MB reads pages
        // from the operating system nearly every time. Bounded so the program stays well under its memory
        // target.
        run(db, u"PRAGMA cache_size=-32768"_s);
        // Reads of large tables through the operating system's page cache, without copying (64 MB window, so
        // the program stays well under its memory target).
        run(db, u"PRAGMA mmap_size=67108864"_s);
    } catch (const Failure &f) {
        *error = f.what;
        return false;
    }
    return migrate(error);
}

QString LocalCache::meta(const QString &key) const
{
    try {
        QSqlQuery q = run(database(), u"SELECT value FROM meta WHERE key = ?"_s, {key});
        return q.next() ? q.value(0).toString() : QString();
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
        return {};
    }
}

void LocalCache::setMeta(const QString &key, const QString &value)
{
    // Throws Failure inside transactions; callers outside one catch it.
    run(database(),
        u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s,
        {key, value});
}

void LocalCache::setMetaValue(const QString &key, const QString &value)
{
    try {
        setMeta(key, value);
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
    }
}

QString LocalCache::cursor() const
{
    return meta(u"cursor"_s);
}

qint64 LocalCache::lastSyncMs() const
{
    return meta(u"lastSync"_s).toLongLong();
}

void LocalCache::setLastSyncMs(qint64 ms)
{
    try {
        setMeta(u"lastSync"_s, QString::number(ms));
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
    }
}

qint64 LocalCache::lastServerContactMs() const
{
    return meta(u"lastServerContact"_s).toLongLong();
}

void LocalCache::setLastServerContactMs(qint64 ms)
{
    try {
        setMeta(u"lastServerContact"_s, QString::number(ms));
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
    }
}

bool LocalCache::recompute(const QString &recordId)
{
    const QSqlDatabase db = database();
    QSqlQuery r = run(db, u"SELECT server_data, deleted FROM records WHERE id = ?"_s, {recordId});
    if (!r.next())
        return false;
    QJsonObject data = object(r.value(0).toString());
    bool deleted = r.value(1).toInt() != 0;
    QSqlQuery ops = run(
        db,
        u"SELECT kind, changed, state, code, message, field FROM outbox WHERE record_id = ? ORDER BY seq"_s,
        {recordId});
    int count = 0;
    int state = 0; // RecordState
    QString code, message, field;
    while (ops.next()) {
        ++count;
        if (OpKind(ops.value(0).toInt()) == OpKind::Delete)
            deleted = true;
        else
            overlay(data, object(ops.value(1).toString()));
        const int s = ops.value(2).toInt();
        if (s == kOpConflict && state != int(RecordState::Conflict)) {
            state = int(RecordState::Conflict);
            message = ops.value(4).toString();
            code.clear();
            field.clear();
        } else if (s == kOpRejected && state < int(RecordState::Rejected)) {
            state = int(RecordState::Rejected);
            code = ops.value(3).toString();
            message = ops.value(4).toString();
            field = ops.value(5).toString();
        } else if (state == int(RecordState::Synced)) {
            state = int(RecordState::Pending);
        }
    }
    run(db,
        u"UPDATE records SET data = ?, local_deleted = ?, state = ?, state_code = ?, state_message = ?, "
        u"state_field = ?, pending_ops = ? WHERE id = ?"_s,
        {json(data), deleted ? 1 : 0, state, nullable(code), nullable(message), nullable(field), count,
         recordId});
    return true;
}

QString LocalCache::enqueue(const CachedRecord &rec, OpKind kind, const QJsonObject &changed,
                            qint64 baseVersion, qint64 deviceNowMs)
{
    const QString opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run(database(),
        u"INSERT INTO outbox (op_id, record_id, type, org_unit_id, department_id, kind, base_version, "
        u"changed, "
        u"device_time, last_contact, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"_s,
        {opId, rec.record.id, rec.record.type, rec.record.orgUnitId, nullable(rec.record.departmentId),
         int(kind), baseVersion, json(changed), deviceNowMs, lastServerContactMs()});
    return opId;
}

QString LocalCache::save(const Change &change, qint64 deviceNowMs, QString *error)
{
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        QSqlQuery existing =
            run(db, u"SELECT type, org_unit_id, department_id, version FROM records WHERE id = ?"_s,
                {change.recordId});
        qint64 base = 0;
        if (existing.next()) {
            if (existing.value(0).toString() != change.type ||
                existing.value(1).toString() != change.orgUnitId ||
                existing.value(2).toString() != change.departmentId) {
                *error = u"记录的类型、行政区划和部门创建后不能更改"_s;
                return {};
            }
            base = existing.value(3).toLongLong();
        } else {
            run(db, u"INSERT INTO records (id, type, org_unit_id, department_id) VALUES (?, ?, ?, ?)"_s,
                {change.recordId, change.type, change.orgUnitId, nullable(change.departmentId)});
        }
        CachedRecord rec;
        rec.record.id = change.recordId;
        rec.record.type = change.type;
        rec.record.orgUnitId = change.orgUnitId;
        rec.record.departmentId = change.departmentId;
        const QString opId = enqueue(rec, change.kind, change.changedFields, base, deviceNowMs);
        recompute(change.recordId);
        tx.commit();
        return opId;
    } catch (const Failure &f) {
        *error = f.what;
        return {};
    }
}

namespace {
CachedRecord readCached(const QSqlQuery &q)
{
    CachedRecord c;
    c.record.id = q.value(0).toString();
    c.record.type = q.value(1).toString();
    c.record.orgUnitId = q.value(2).toString();
    c.record.departmentId = q.value(3).toString();
    c.record.version = q.value(4).toLongLong();
    c.record.updatedAtMs = q.value(5).toLongLong();
    c.record.updatedBy = q.value(6).toString();
    c.record.lateSynced = q.value(7).toInt() != 0;
    c.serverFields = object(q.value(8).toString());
    c.record.fields = object(q.value(9).toString());
    c.record.deleted = q.value(10).toInt() != 0;
    c.state = RecordState(q.value(11).toInt());
    c.stateCode = q.value(12).toString();
    c.stateMessage = q.value(13).toString();
    c.stateField = q.value(14).toString();
    if (!q.value(15).toString().isEmpty())
        c.theirs = Record::fromJson(object(q.value(15).toString()));
    return c;
}
const QString kCachedSelect =
    u"SELECT id, type, org_unit_id, department_id, version, updated_at, updated_by, "
    u"late_synced, server_data, data, local_deleted, state, state_code, state_message, "
    u"state_field, theirs FROM records "_s;
} // namespace

std::optional<CachedRecord> LocalCache::record(const QString &id) const
try {
    QSqlQuery q = run(database(), kCachedSelect + u"WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    CachedRecord c = readCached(q);
    if (c.state == RecordState::Conflict) {
        QSqlQuery ops =
            run(database(), u"SELECT changed FROM outbox WHERE record_id = ? AND state = ? ORDER BY seq"_s,
                {id, kOpConflict});
        // Kept as sent, nulls included: a field the clerk cleared is part of their side.
        while (ops.next()) {
            const QJsonObject changed = object(ops.value(0).toString());
            for (auto it = changed.constBegin(); it != changed.constEnd(); ++it)
                c.mine.insert(it.key(), it.value());
        }
    }
    return c;
} catch (const Failure &f) {
    qWarning("local cache: %s", qPrintable(f.what));
    return std::nullopt;
}

QList<CachedRecord> LocalCache::records(const QString &type) const
try {
    QList<CachedRecord> out;
    QSqlQuery q = run(database(), kCachedSelect + u"WHERE type = ? ORDER BY id"_s, {type});
    while (q.next())
        out.append(readCached(q));
    return out;
} catch (const Failure &f) {
    qWarning("local cache: %s", qPrintable(f.what));
    return {};
}

QList<Operation> LocalCache::pendingOperations(int limit) const
try {
    QList<Operation> out;
    // A record with a returned or conflicting change waits for the clerk; the others go on. Walks the outbox
    // in order and stops at the limit (`+state` keeps SQLite from sorting every pending row through the state
    // index); each candidate's record is probed for a returned or conflicting change.
    QSqlQuery q =
        run(database(),
            u"SELECT o.op_id, o.record_id, o.type, o.org_unit_id, o.department_id, o.kind, o.base_version, "
            u"o.changed, o.device_time, o.last_contact FROM outbox AS o WHERE +o.state = 0 AND NOT EXISTS "
            u"(SELECT 1 FROM outbox AS b WHERE b.record_id = o.record_id AND b.state <> 0) "
            u"ORDER BY o.seq LIMIT ?"_s,
            {limit});
    while (q.next()) {
        Operation op;
        op.opId = q.value(0).toString();
        op.recordId = q.value(1).toString();
        op.type = q.value(2).toString();
        op.orgUnitId = q.value(3).toString();
        op.departmentId = q.value(4).toString();
        op.kind = OpKind(q.value(5).toInt());
        op.baseVersion = q.value(6).toLongLong();
        op.changedFields = object(q.value(7).toString());
        op.deviceTimeMs = q.value(8).toLongLong();
        op.lastServerContactMs = q.value(9).toLongLong();
        out.append(op);
    }
    return out;
} catch (const Failure &f) {
    qWarning("local cache: %s", qPrintable(f.what));
    return {};
}

qsizetype LocalCache::saveAll(const QList<Change> &changes, qint64 deviceNowMs, QString *error,
                              const std::function<bool(qint64 done, qint64 total)> &progress)
{
    const QSqlDatabase db = database();
    try {
        LocalTransaction tx(db);
        const qint64 lastContact = lastServerContactMs();
        Prepared existing(db,
                          u"SELECT type, org_unit_id, department_id, version FROM records WHERE id = ?"_s);
        // A new record's local view is its first change: what recompute() makes of one pending operation.
        Prepared insertNew(db, u"INSERT INTO records (id, type, org_unit_id, department_id, data, state, "
                               u"pending_ops) VALUES (?, ?, ?, ?, ?, ?, 1)"_s);
        Prepared insertRecord(
            db, u"INSERT INTO records (id, type, org_unit_id, department_id) VALUES (?, ?, ?, ?)"_s);
        Prepared insertOp(db,
                          u"INSERT INTO outbox (op_id, record_id, type, org_unit_id, department_id, kind, "
                          u"base_version, changed, device_time, last_contact, state) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"_s);
        const qsizetype total = changes.size();
        for (qsizetype i = 0; i < total; ++i) {
            if (progress && (i & 511) == 0 && !progress(i, total)) {
                *error = u"已取消，未保存任何记录"_s;
                return -1; // rolled back
            }
            const Change &c = changes.at(i);
            QSqlQuery &found = existing.run({c.recordId});
            const bool exists = found.next();
            qint64 base = 0;
            if (exists) {
                if (found.value(0).toString() != c.type || found.value(1).toString() != c.orgUnitId ||
                    found.value(2).toString() != c.departmentId) {
                    *error = u"记录的类型、行政区划和部门创建后不能更改"_s;
                    return -1;
                }
                base = found.value(3).toLongLong();
            }
            found.finish();
            const QString changed = json(c.changedFields);
            const bool plainNew = !exists && c.kind == OpKind::Upsert;
            if (plainNew) {
                // Without nulls (fields cleared) the local view is the change itself.
                bool clears = false;
                for (auto it = c.changedFields.constBegin(); it != c.changedFields.constEnd() && !clears;
                     ++it)
                    clears = it.value().isNull();
                QString data = changed;
                if (clears) {
                    QJsonObject fields;
                    overlay(fields, c.changedFields);
                    data = json(fields);
                }
                insertNew.run({c.recordId, c.type, c.orgUnitId, nullable(c.departmentId), data,
                               int(RecordState::Pending)});
            } else if (!exists) {
                insertRecord.run({c.recordId, c.type, c.orgUnitId, nullable(c.departmentId)});
            }
            insertOp.run({QUuid::createUuid().toString(QUuid::WithoutBraces), c.recordId, c.type, c.orgUnitId,
                          nullable(c.departmentId), int(c.kind), base, changed, deviceNowMs, lastContact});
            if (!plainNew)
                recompute(c.recordId);
        }
        tx.commit();
        if (progress)
            progress(total, total);
        return total;
    } catch (const Failure &f) {
        *error = f.what;
        return -1;
    }
}

namespace {
qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    try {
        QSqlQuery q = run(db, sql, binds);
        return q.next() ? q.value(0).toLongLong() : 0;
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
        return 0;
    }
}
} // namespace

int LocalCache::pendingCount() const
{
    return int(scalar(database(), u"SELECT COUNT(*) FROM outbox WHERE state = 0"_s));
}

int LocalCache::rejectedCount() const
{
    return int(
        scalar(database(), u"SELECT COUNT(DISTINCT record_id) FROM outbox WHERE state = ?"_s, {kOpRejected}));
}

int LocalCache::conflictCount() const
{
    return int(
        scalar(database(), u"SELECT COUNT(DISTINCT record_id) FROM outbox WHERE state = ?"_s, {kOpConflict}));
}

qint64 LocalCache::liveCount(const QString &type) const
{
    return scalar(database(),
                  u"SELECT COUNT(*) FROM records WHERE type = ? AND local_deleted = 0 AND deleted = 0"_s,
                  {type});
}

qint64 LocalCache::recordCount(bool includeDeleted) const
{
    return scalar(database(), includeDeleted ? u"SELECT COUNT(*) FROM records"_s
                                             : u"SELECT COUNT(*) FROM records WHERE local_deleted = 0"_s);
}

} // namespace sunshine::app
