#include "server/sync/PushBatch.h"

#include "common/auth/ServerActor.h"
#include "common/core/Clock.h"
#include "common/core/WorkingCalendar.h"
#include "common/sync/LateSync.h"
#include "common/sync/Masking.h"
#include "server/store/BulkInsert.h"

#include <QJsonDocument>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using namespace sync;

namespace {

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// "x IN <set>" with the whole list as one JSON array parameter: one short statement whatever the list's
// length (SQLite parses long lists of parameters in quadratic time; PostgreSQL would need a statement per
// length).
QString jsonSet(const Store &store)
{
    return store.isSqlite() ? u"(SELECT value FROM json_each(?))"_s
                            : u"(SELECT json_array_elements_text(CAST(? AS json)))"_s;
}

// Rows of `table` (alias t) whose `key` is in a JSON array parameter, looked up by index on both stores:
// SQLite walks the array and probes the index (CROSS JOIN keeps that order; its planner could otherwise scan
// the table).
QString lookupByKeys(const Store &store, const QString &columns, const QString &table, const QString &key,
                     const QString &suffix = {})
{
    if (store.isSqlite())
        return u"SELECT "_s + columns + u" FROM json_each(?) AS j CROSS JOIN "_s + table + u" AS t ON t."_s +
               key + u" = j.value"_s;
    return u"SELECT "_s + columns + u" FROM "_s + table + u" AS t WHERE t."_s + key + u" IN "_s +
           jsonSet(store) + suffix;
}

QString jsonArray(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

OpResult rejected(const QString &opId, const QString &code, const QString &message, const QString &field = {})
{
    OpResult r;
    r.opId = opId;
    r.status = OpStatus::Rejected;
    r.code = code;
    r.message = message;
    r.field = field;
    return r;
}

} // namespace

QList<OpResult> PushBatch::run(const QJsonArray &raw, AuditLog &audit, const QString &address)
{
    QList<OpResult> results(raw.size());
    QList<Operation> ops;
    QList<int> opIndex;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QJsonValue v = raw.at(i);
        const QString opId = v.toObject().value(u"opId"_s).toString().left(64);
        if (!v.isObject()) {
            results[i] = rejected({}, u"INVALID_TYPE"_s, u"每个操作应为一个 JSON 对象"_s);
            continue;
        }
        try {
            ops.append(Operation::fromJson(v.toObject()));
            opIndex.append(int(i));
        } catch (const ApiError &e) {
            results[i] = rejected(opId, e.codeName(), e.message(), e.field());
        }
    }
    prefetch(ops);
    QHash<QString, OpResult> doneInBatch;
    for (qsizetype k = 0; k < ops.size(); ++k) {
        const Operation &op = ops.at(k);
        OpResult r;
        if (const auto it = m_stored.constFind(op.opId); it != m_stored.constEnd()) {
            r = *it; // applied before: the same answer again, nothing applied twice
            if (r.status == OpStatus::Applied) {
                // Later operations of its chain carry the base it was first sent with, or, when the program
                // took in an earlier answer meanwhile and moved them on, the base it carries now.
                for (const qint64 sentBase : {m_storedBase.value(op.opId), op.baseVersion}) {
                    const auto key = qMakePair(m_storedRecord.value(op.opId), sentBase);
                    m_rebase.insert(key, qMax(m_rebase.value(key), r.version));
                }
            }
        } else if (const auto d = doneInBatch.constFind(op.opId); d != doneInBatch.constEnd()) {
            r = *d;
        } else {
            try {
                r = apply(op);
            } catch (const ApiError &e) {
                r = rejected(op.opId, e.codeName(), e.message(), e.field());
            }
            if (r.status != OpStatus::Conflict)
                m_toRemember.append({op, r});
            doneInBatch.insert(op.opId, r);
        }
        results[opIndex.at(k)] = r;
    }
    write(audit, address);
    return results;
}

void PushBatch::prefetch(const QList<Operation> &ops)
{
    QStringList opIds, recordIds, orgIds, deptIds;
    for (const Operation &op : ops) {
        opIds.append(op.opId);
        if (!recordIds.contains(op.recordId))
            recordIds.append(op.recordId);
        if (!orgIds.contains(op.orgUnitId))
            orgIds.append(op.orgUnitId);
        if (!op.departmentId.isEmpty() && !deptIds.contains(op.departmentId))
            deptIds.append(op.departmentId);
    }
    if (ops.isEmpty())
        return;
    if (m_store.isPostgres()) {
        // Pushes touching the same records take turns from here on, also for records that do not exist yet (a
        // program sending its batch again while the first copy still runs, perhaps on another server process;
        // two clerks entering the same contact). The one that waited then reads what the other applied and
        // remembered: the same answer again, not a conflict with the clerk's own change or a failed insert.
        // Locks in key order, so two batches never wait for each other.
        SqlQuery lock(m_store,
                      u"SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 7063) "
                      u"AS k FROM json_array_elements_text(CAST(? AS json)) AS id ORDER BY k) AS keys"_s);
        lock.bindText(jsonArray(recordIds)).exec();
    }
    {
        SqlQuery q(m_store, lookupByKeys(m_store, u"t.op_id, t.result, t.record_id, t.base_version"_s,
                                         u"applied_ops"_s, u"op_id"_s));
        q.bindText(jsonArray(opIds)).exec();
        while (q.next()) {
            m_stored.insert(q.text(0), OpResult::fromJson(parseObject(q.text(1))));
            m_storedRecord.insert(q.text(0), q.text(2));
            m_storedBase.insert(q.text(0), q.int64(3));
        }
    }
    loadRecords(recordIds);
    loadPlaces(orgIds, deptIds);
}

void PushBatch::loadRecords(const QStringList &recordIds)
{
    const QString lock = m_store.isPostgres() ? u" FOR UPDATE"_s : QString();
    SqlQuery q(m_store, lookupByKeys(m_store,
                                     u"t.id, t.type, t.org_unit_id, t.org_path, t.department_id, t.version, "
                                     u"t.updated_at, t.updated_by, t.deleted, t.late_synced, t.created_at, "
                                     u"t.created_by, t.data"_s,
                                     u"records"_s, u"id"_s, lock));
    q.bindText(jsonArray(recordIds)).exec();
    while (q.next()) {
        StoredRecord s;
        s.record.id = q.text(0);
        s.record.type = q.text(1);
        s.record.orgUnitId = q.text(2);
        s.orgPath = q.text(3);
        s.record.departmentId = q.text(4);
        s.record.version = q.int64(5);
        s.record.updatedAtMs = q.int64(6);
        s.record.updatedBy = q.text(7);
        s.record.deleted = q.flag(8);
        s.record.lateSynced = q.flag(9);
        s.createdAt = q.int64(10);
        s.createdBy = q.text(11);
        s.record.fields = parseObject(q.text(12));
        s.existsInStore = true;
        m_records.insert(s.record.id, s);
        if (concernsAHook(s.record.type))
            m_before.insert(s.record.id, s);
    }
}

void PushBatch::loadPlaces(const QStringList &orgIds, const QStringList &deptIds)
{
    if (!orgIds.isEmpty()) {
        SqlQuery q(m_store, lookupByKeys(m_store, u"t.id, t.path, t.level"_s, u"org_units"_s, u"id"_s));
        q.bindText(jsonArray(orgIds)).exec();
        while (q.next())
            m_orgs.insert(q.text(0), {q.text(1), OrgLevel(q.int64(2))});
    }
    if (!deptIds.isEmpty()) {
        SqlQuery q(m_store,
                   lookupByKeys(m_store, u"t.id, t.code, t.org_unit_id"_s, u"departments"_s, u"id"_s));
        q.bindText(jsonArray(deptIds)).exec();
        while (q.next())
            m_depts.insert(q.text(0), {q.text(1), q.text(2)});
    }
}

bool PushBatch::concernsAHook(const QString &type) const
{
    for (const PushHook *hook : m_hooks) {
        if (hook->concerns(type))
            return true;
    }
    return false;
}

QSet<QString> PushBatch::changedSince(const QString &recordId, qint64 fromVersion, qint64 toVersion)
{
    QSet<QString> names;
    SqlQuery q(m_store,
               u"SELECT changed FROM record_history WHERE record_id = ? AND version > ? AND version <= ?"_s);
    q.bindText(recordId).bind(fromVersion).bind(toVersion).exec();
    while (q.next()) {
        const QJsonArray a = QJsonDocument::fromJson(q.text(0).toUtf8()).array();
        for (const QJsonValue &v : a)
            names.insert(v.toString());
    }
    for (const HistoryRow &h : std::as_const(m_history)) {
        if (h.recordId == recordId && h.version > fromVersion && h.version <= toVersion) {
            for (const QString &n : h.changed)
                names.insert(n);
        }
    }
    return names;
}

std::optional<Record> PushBatch::lookupRecord(const QString &id)
{
    // A record outside the caller's area is as good as missing: rules never learn of it, nor does the caller.
    if (const auto it = m_records.constFind(id); it != m_records.constEnd())
        return it->record.deleted || !sync::readableBy(m_actor.scope, it->record.type, it->orgPath)
                   ? std::nullopt
                   : std::optional<Record>(it->record);
    SqlQuery q(m_store, u"SELECT id, type, org_unit_id, department_id, version, data, org_path FROM records "
                        u"WHERE id = ? AND deleted = 0"_s);
    q.bindText(id.left(64)).exec();
    if (!q.next()) {
        // A department (org data every user may read) answers as a record of type "department".
        SqlQuery d(m_store, u"SELECT d.code, d.name, d.org_unit_id, o.level FROM departments d "
                            u"JOIN org_units o ON o.id = d.org_unit_id WHERE d.id = ?"_s);
        d.bindText(id.left(64)).exec();
        if (!d.next())
            return std::nullopt;
        Record r;
        r.id = id;
        r.type = u"department"_s;
        r.orgUnitId = d.text(2);
        r.fields = {{u"code"_s, d.text(0)},
                    {u"name"_s, d.text(1)},
                    {u"orgLevel"_s, orgLevelName(OrgLevel(d.int64(3)))}};
        return r;
    }
    if (!sync::readableBy(m_actor.scope, q.text(1), q.text(6)))
        return std::nullopt;
    Record r;
    r.id = q.text(0);
    r.type = q.text(1);
    r.orgUnitId = q.text(2);
    r.departmentId = q.text(3);
    r.version = q.int64(4);
    r.fields = parseObject(q.text(5));
    return r;
}

std::optional<Record> PushBatch::lookupKey(const QString &key)
{
    QString owner;
    if (const auto it = m_keyOwner.constFind(key); it != m_keyOwner.constEnd()) {
        owner = *it;
    } else {
        SqlQuery q(m_store, u"SELECT record_id FROM record_keys WHERE key = ?"_s);
        q.bindText(key).exec();
        if (q.next())
            owner = q.text(0);
    }
    return owner.isEmpty() ? std::nullopt : lookupRecord(owner);
}

// The city-wide unique keys of a record (a person's 身份证号): refused when another live record holds one.
std::optional<FieldProblem> PushBatch::claimKeys(const RecordType &type, const QString &recordId,
                                                 const Record *before, const Record &after)
{
    const QList<QPair<QString, QString>> keys = type.uniqueKeys(after.fields);
    for (const auto &[key, field] : keys) {
        QString owner;
        if (const auto it = m_keyOwner.constFind(key); it != m_keyOwner.constEnd()) {
            owner = *it;
        } else {
            SqlQuery q(m_store, u"SELECT record_id FROM record_keys WHERE key = ?"_s);
            q.bindText(key).exec();
            if (q.next())
                owner = q.text(0);
        }
        if (!owner.isEmpty() && owner != recordId) {
            const QString label = type.field(field) ? type.field(field)->displayName() : field;
            // Says nothing about where: the other record may be outside the clerk's area.
            return FieldProblem{u"DUPLICATE"_s,
                                u"该%1已在本市其他记录中登记，同一人只能登记一次"_s.arg(label), field};
        }
    }
    if (before && !before->deleted) {
        const QList<QPair<QString, QString>> old = type.uniqueKeys(before->fields);
        for (const auto &entry : old)
            m_keyOwner.insert(entry.first, QString());
    }
    for (const auto &entry : keys)
        m_keyOwner.insert(entry.first, recordId);
    return std::nullopt;
}

OpResult PushBatch::apply(const Operation &op)
{
    const RecordType *type = RecordTypes::find(op.type);
    if (!type)
        return rejected(op.opId, u"VALIDATION_FAILED"_s, u"未知的记录类型“%1”"_s.arg(op.type.left(48)),
                        u"type"_s);
    const Scope &scope = m_actor.scope;
    const bool asServer = m_consequenceDepth > 0; // a consequence: written with the server's authority
    if (!asServer && !scope.hasRole(Role::Clerk) && !scope.hasRole(Role::Reviewer) &&
        !(scope.hasRole(Role::Supervisor) && type->supervisorsWrite()))
        return rejected(op.opId, u"FORBIDDEN"_s, u"领导和监督人员只能查看数据，不能录入或修改"_s);

    const auto found = m_records.find(op.recordId);
    const bool exists = found != m_records.end();
    if (exists && (found->record.type != op.type || found->record.orgUnitId != op.orgUnitId ||
                   found->record.departmentId != op.departmentId)) {
        if (!asServer && !scope.coversOrgPath(found->orgPath))
            return rejected(op.opId, u"FORBIDDEN"_s, u"没有权限修改该记录"_s);
        return rejected(op.opId, u"VALIDATION_FAILED"_s, u"记录的类型、行政区划和部门创建后不能更改"_s);
    }
    const auto org = m_orgs.constFind(op.orgUnitId);
    if (org == m_orgs.constEnd())
        return rejected(op.opId, u"VALIDATION_FAILED"_s, u"行政区划不存在"_s, u"orgUnitId"_s);
    Placement placement;
    placement.orgUnitId = op.orgUnitId;
    placement.orgPath = org->path;
    placement.orgLevel = org->level;
    placement.departmentId = op.departmentId;
    if (!op.departmentId.isEmpty()) {
        const auto dept = m_depts.constFind(op.departmentId);
        if (dept == m_depts.constEnd())
            return rejected(op.opId, u"VALIDATION_FAILED"_s, u"部门不存在"_s, u"departmentId"_s);
        placement.departmentCode = dept->code;
        placement.departmentOrgUnitId = dept->orgUnitId;
    }
    // Outside the caller's area: refused without a word about the record.
    if (!asServer && !scope.coversOrgPath(placement.orgPath))
        return rejected(op.opId, u"FORBIDDEN"_s, u"没有权限在该行政区划录入数据"_s);
    if (!asServer) {
        if (const auto denied = type->writeDenied(scope, placement))
            return rejected(op.opId, u"FORBIDDEN"_s, *denied);
    }

    // A field the actor receives masked or summarised (need-to-know) keeps its stored value when they send
    // back their own view of it: that is not a change. Anything else they send is a change, for the rules.
    QJsonObject changedFields = op.changedFields;
    if (exists && !found->record.deleted && !asServer && !isServerActor(scope)) {
        const Reader reader{scope.roles, orgLevelOfPath(scope.orgPath), false};
        for (const FieldSpec &spec : type->fieldSpecs()) {
            if (!spec.personal && !spec.confidential)
                continue;
            const FieldAccess access = fieldAccess(spec, reader);
            const auto sent = changedFields.constFind(spec.name);
            if (access != FieldAccess::Full && sent != changedFields.constEnd() &&
                *sent == disclosedValue(spec, found->record.fields.value(spec.name), access))
                changedFields.remove(spec.name);
        }
    }

    for (auto it = changedFields.constBegin(); it != changedFields.constEnd(); ++it) {
        if (const auto problem = type->checkField(it.key(), it.value()))
            return rejected(op.opId, problem->code, problem->message, problem->field);
    }

    // Operations of one chain (made on top of each other offline) carry the same base; continue the chain.
    qint64 base = op.baseVersion;
    if (const auto it = m_rebase.constFind(qMakePair(op.recordId, op.baseVersion)); it != m_rebase.constEnd())
        base = *it;

    StoredRecord next;
    QStringList changedNames;
    if (!exists) {
        if (op.kind == OpKind::Delete || base != 0)
            return rejected(op.opId, u"NOT_FOUND"_s, u"要修改的记录在服务器上不存在"_s);
        next.record.id = op.recordId;
        next.record.type = op.type;
        next.record.orgUnitId = op.orgUnitId;
        next.record.departmentId = op.departmentId;
        next.orgPath = placement.orgPath;
        next.createdAt = m_now;
        next.createdBy = m_actor.userId;
        for (auto it = changedFields.constBegin(); it != changedFields.constEnd(); ++it) {
            if (!it.value().isNull())
                next.record.fields.insert(it.key(), it.value());
            changedNames.append(it.key());
        }
    } else {
        next = *found;
        const qint64 current = found->record.version;
        if (base != current) {
            if (base > current)
                return rejected(op.opId, u"VALIDATION_FAILED"_s, u"操作的基础版本比服务器上的还新"_s);
            // Merge by field: a conflict only when someone else changed one of the same fields meanwhile.
            const QSet<QString> theirs = changedSince(op.recordId, base, current);
            bool overlap = op.kind == OpKind::Delete || found->record.deleted;
            for (auto it = changedFields.constBegin(); !overlap && it != changedFields.constEnd(); ++it)
                overlap = theirs.contains(it.key());
            if (overlap) {
                OpResult r;
                r.opId = op.opId;
                r.status = OpStatus::Conflict;
                r.message = u"该记录已被他人修改，请对照双方内容后选择保留哪一方"_s;
                r.current = found->record;
                return r;
            }
        }
        if (op.kind == OpKind::Delete) {
            next.record.deleted = true;
            changedNames = next.record.fields.keys();
        } else {
            for (auto it = changedFields.constBegin(); it != changedFields.constEnd(); ++it) {
                if (next.record.fields.value(it.key()) == it.value() ||
                    (it.value().isNull() && !next.record.fields.contains(it.key())))
                    continue;
                if (it.value().isNull())
                    next.record.fields.remove(it.key());
                else
                    next.record.fields.insert(it.key(), it.value());
                changedNames.append(it.key());
            }
            // An entry made on top of a deletion the clerk has seen brings the record back: its id is fixed
            // by what it is (a department's leader), so there is no other way to enter it again.
            next.record.deleted = false;
            if (changedNames.isEmpty() && !found->record.deleted) {
                OpResult r; // nothing to change: applied, same version
                r.opId = op.opId;
                r.status = OpStatus::Applied;
                r.version = current;
                m_rebase.insert(qMakePair(op.recordId, op.baseVersion), current);
                return r;
            }
        }
    }

    // Deadlines are judged here, by the server, with the late-sync rule for offline entries.
    LateSyncInput late;
    late.serverNowMs = m_now;
    late.closesAtMs = type->entryClosesAtMs(next.record.fields);
    late.deviceTimeMs = op.deviceTimeMs;
    late.lastServerContactMs = op.lastServerContactMs;
    late.deviceNowMs = m_deviceNow;
    late.graceMs = m_settings.lateGraceMs;
    late.maxClockSkewMs = m_settings.maxClockSkewMs;
    const LateSyncVerdict verdict = judgeLateSync(late);
    if (verdict.kind == LateSyncVerdict::Kind::Refused)
        return rejected(op.opId, u"ENTRY_CLOSED"_s, verdict.reason);
    const bool isLate = verdict.kind == LateSyncVerdict::Kind::AcceptedLate;

    const QJsonObject before = exists && !found->record.deleted ? found->record.fields : QJsonObject();
    RuleContext context;
    context.nowMs = m_now;
    context.today = chinaDateOf(m_now);
    context.entryDay = chinaDateOf(trustedEntryTimeMs(late));
    context.calendar = &WorkingCalendar::current();
    // A consequence is written by the server: its type's rules see the server actor (and the user's roles).
    Scope serverScope;
    if (asServer) {
        serverScope = scope;
        serverScope.userId = QString::fromUtf16(kConsequenceActorId);
    }
    context.actor = asServer ? &serverScope : &scope;
    context.before = exists && !found->record.deleted ? &before : nullptr;
    context.lookup = [this](const QString &id) {
        return lookupRecord(id);
    };
    context.lookupKey = [this](const QString &key) {
        return lookupKey(key);
    };
    QList<Consequence> consequences;
    std::unique_ptr<Saved>
        saved; // the batch as it was before this change, while its consequences are pending
    if (next.record.deleted && context.before) {
        if (const auto problem = type->deleteProblem(op.recordId, before, context))
            return rejected(op.opId, problem->code, problem->message, problem->field);
    }
    if (!next.record.deleted) {
        if (const auto problem = type->checkRecord(op.recordId, next.record.fields, placement, context))
            return rejected(op.opId, problem->code, problem->message, problem->field);
        type->derive(next.record.fields, context);
        consequences = type->consequences(op.recordId, next.record.fields, placement, context);
        if (!consequences.isEmpty())
            saved = std::make_unique<Saved>(Saved{m_records, m_before, m_rebase, m_history, m_touched,
                                                  m_touchedSet, m_audit, m_keyOwner});
        if (auto duplicate = claimKeys(*type, op.recordId, exists ? &found->record : nullptr, next.record)) {
            if (saved)
                m_keyOwner = saved->keyOwner;
            return rejected(op.opId, duplicate->code, duplicate->message, duplicate->field);
        }
        const QStringList files = type->attachmentsOf(next.record.fields);
        for (const QString &sha : files) {
            SqlQuery q(m_store, u"SELECT complete FROM attachments WHERE sha256 = ?"_s);
            q.bindText(sha).exec();
            if (!q.next() || !q.flag(0)) {
                if (saved)
                    m_keyOwner = saved->keyOwner;
                return rejected(op.opId, u"ATTACHMENT_MISSING"_s,
                                u"附件 %1… 尚未上传完成，请先上传附件"_s.arg(sha.left(12)), u"documents"_s);
            }
        }
    }

    if (next.record.deleted && exists && !found->record.deleted) {
        // A deleted record's unique keys are free for the rest of the batch (and after it).
        const QList<QPair<QString, QString>> held = type->uniqueKeys(found->record.fields);
        for (const auto &entry : held)
            m_keyOwner.insert(entry.first, QString());
    }

    next.record.version = (exists ? found->record.version : 0) + 1;
    next.record.updatedAtMs = m_now;
    next.record.updatedBy = m_actor.userId;
    next.record.lateSynced = isLate;
    m_records.insert(op.recordId, next);
    if (!m_touchedSet.contains(op.recordId)) {
        m_touchedSet.insert(op.recordId);
        m_touched.append(op.recordId);
    }
    m_history.append({op.recordId, next.record.version, changedNames, next.record.fields, next.record.deleted,
                      isLate, m_now, m_actor.userId, op.opId});
    m_rebase.insert(qMakePair(op.recordId, op.baseVersion), next.record.version);
    const QString action = next.record.deleted ? u"record.delete"_s
                           : exists            ? u"record.update"_s
                                               : u"record.create"_s;
    QJsonObject detail{{u"type"_s, op.type},
                       {u"version"_s, next.record.version},
                       {u"fields"_s, QJsonArray::fromStringList(changedNames)},
                       {u"opId"_s, op.opId}};
    if (isLate)
        detail.insert(u"lateSynced"_s, true);
    if (asServer)
        detail.insert(u"consequenceOf"_s, m_consequenceOf);
    m_audit.append({m_actor.userId, m_actor.username, action, op.type, op.recordId, detail, {}});

    if (saved) {
        if (auto failed = applyConsequences(op, consequences)) {
            // The change stands or falls with its consequences.
            m_records = std::move(saved->records);
            m_before = std::move(saved->before);
            m_rebase = std::move(saved->rebase);
            m_history = std::move(saved->history);
            m_touched = std::move(saved->touched);
            m_touchedSet = std::move(saved->touchedSet);
            m_audit = std::move(saved->audit);
            m_keyOwner = std::move(saved->keyOwner);
            return *failed;
        }
    }

    OpResult r;
    r.opId = op.opId;
    r.status = OpStatus::Applied;
    r.version = next.record.version;
    r.lateSynced = isLate;
    return r;
}

std::optional<OpResult> PushBatch::applyConsequences(const Operation &cause, const QList<Consequence> &list)
{
    // Consequences of consequences are followed, to a bounded depth (a loop of rules is a defect, not a
    // hang).
    if (m_consequenceDepth >= 4)
        return rejected(cause.opId, u"INTERNAL_ERROR"_s, u"后续处理层级过深，操作未执行"_s);
    QStringList ids, orgIds, deptIds;
    for (const Consequence &c : list) {
        if (!m_records.contains(c.recordId))
            ids.append(c.recordId);
        if (!m_orgs.contains(c.orgUnitId))
            orgIds.append(c.orgUnitId);
        if (!c.departmentId.isEmpty() && !m_depts.contains(c.departmentId))
            deptIds.append(c.departmentId);
    }
    if (!ids.isEmpty())
        loadRecords(ids);
    loadPlaces(orgIds, deptIds);

    const QString outerCause = m_consequenceOf;
    m_consequenceOf = cause.recordId;
    ++m_consequenceDepth;
    std::optional<OpResult> failed;
    for (const Consequence &c : list) {
        const auto stored = m_records.constFind(c.recordId);
        const bool live = stored != m_records.constEnd() && !stored->record.deleted;
        if (live && c.createOnly)
            continue;
        Operation op;
        op.opId = cause.opId; // the audit trail names the operation that caused it
        op.recordId = c.recordId;
        op.type = c.type;
        op.orgUnitId = stored != m_records.constEnd() ? stored->record.orgUnitId : c.orgUnitId;
        op.departmentId = stored != m_records.constEnd() ? stored->record.departmentId : c.departmentId;
        op.baseVersion = stored != m_records.constEnd() ? stored->record.version : 0;
        op.changedFields = c.fields;
        op.deviceTimeMs = m_now; // written now, by the server: no late-sync question
        op.lastServerContactMs = m_now;
        const OpResult r = apply(op);
        if (r.status != OpStatus::Applied) {
            OpResult refused = rejected(cause.opId, r.code.isEmpty() ? u"VALIDATION_FAILED"_s : r.code,
                                        u"后续记录无法写入（%1）：%2"_s.arg(c.type, r.message));
            failed = refused;
            break;
        }
    }
    --m_consequenceDepth;
    m_consequenceOf = outerCause;
    return failed;
}

void PushBatch::deleteRowsOfTouched(const QString &table)
{
    const QString sql =
        m_store.isSqlite()
            ? QString(u"DELETE FROM "_s + table + u" WHERE rowid IN ("_s +
                      lookupByKeys(m_store, u"t.rowid"_s, table, u"record_id"_s) + u')')
            : QString(u"DELETE FROM "_s + table + u" WHERE record_id IN "_s + jsonSet(m_store));
    SqlQuery(m_store, sql).bindText(jsonArray(m_touched)).exec();
}

void PushBatch::write(AuditLog &audit, const QString &address)
{
    if (!m_touched.isEmpty()) {
        // The commit-order lock: held from here to commit, so sequence numbers become visible in order.
        const qint64 n = m_touched.size();
        SqlQuery(m_store, u"UPDATE sync_head SET seq = seq + ? WHERE id = 1"_s).bind(n).exec();
        SqlQuery head(m_store, u"SELECT seq FROM sync_head WHERE id = 1"_s);
        head.exec();
        head.next();
        qint64 seq = head.int64(0) - n;

        BulkInsert records(
            m_store, u"records"_s,
            {u"id"_s, u"type"_s, u"org_unit_id"_s, u"org_path"_s, u"department_id"_s, u"version"_s, u"seq"_s,
             u"updated_at"_s, u"updated_by"_s, u"deleted"_s, u"late_synced"_s, u"created_at"_s,
             u"created_by"_s, u"data"_s},
            u"ON CONFLICT (id) DO UPDATE SET version = excluded.version, seq = excluded.seq, "
            u"updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
            u"deleted = excluded.deleted, late_synced = excluded.late_synced, data = excluded.data"_s,
            100);
        QStringList touchedWithFiles;
        for (const QString &id : std::as_const(m_touched)) {
            const StoredRecord &s = m_records.value(id);
            records.add({id, s.record.type, s.record.orgUnitId, s.orgPath,
                         nullableText(s.record.departmentId), s.record.version, ++seq, s.record.updatedAtMs,
                         nullableText(s.record.updatedBy), s.record.deleted ? 1 : 0,
                         s.record.lateSynced ? 1 : 0, s.createdAt, nullableText(s.createdBy),
                         compactJson(s.record.fields)});
        }
        records.flush();

        BulkInsert history(m_store, u"record_history"_s,
                           {u"record_id"_s, u"version"_s, u"changed"_s, u"data"_s, u"deleted"_s,
                            u"late_synced"_s, u"updated_at"_s, u"updated_by"_s, u"op_id"_s});
        for (const HistoryRow &h : std::as_const(m_history))
            history.add(
                {h.recordId, h.version,
                 QString::fromUtf8(
                     QJsonDocument(QJsonArray::fromStringList(h.changed)).toJson(QJsonDocument::Compact)),
                 compactJson(h.data), h.deleted ? 1 : 0, h.late ? 1 : 0, h.at, nullableText(h.by), h.opId});
        history.flush();

        // What each record refers to now.
        deleteRowsOfTouched(u"attachment_refs"_s);
        BulkInsert refs(m_store, u"attachment_refs"_s, {u"sha256"_s, u"record_id"_s});
        for (const QString &id : std::as_const(m_touched)) {
            const StoredRecord &s = m_records.value(id);
            if (s.record.deleted)
                continue;
            const RecordType *type = RecordTypes::find(s.record.type);
            const QStringList files = type ? type->attachmentsOf(s.record.fields) : QStringList();
            for (const QString &sha : files)
                refs.add({sha, id});
        }
        refs.flush();

        // The unique keys each touched record holds now.
        deleteRowsOfTouched(u"record_keys"_s);
        BulkInsert keys(m_store, u"record_keys"_s, {u"key"_s, u"record_id"_s});
        for (const QString &id : std::as_const(m_touched)) {
            const StoredRecord &s = m_records.value(id);
            const RecordType *type = RecordTypes::find(s.record.type);
            if (s.record.deleted || !type)
                continue;
            const QList<QPair<QString, QString>> held = type->uniqueKeys(s.record.fields);
            for (const auto &entry : held)
                keys.add({entry.first, id});
        }
        keys.flush();

        // The modules' consequences, in this transaction: each hook gets its touched records, before and
        // after.
        for (const PushHook *hook : m_hooks) {
            QList<QPair<RecordSnapshot, RecordSnapshot>> changes;
            for (const QString &id : std::as_const(m_touched)) {
                const StoredRecord &s = m_records.value(id);
                if (!hook->concerns(s.record.type))
                    continue;
                const auto old = m_before.constFind(id);
                RecordSnapshot before;
                if (old != m_before.constEnd())
                    before = {old->record.type,   old->orgPath,        old->record.departmentId,
                              old->record.fields, old->record.deleted, id};
                changes.append({before,
                                {s.record.type, s.orgPath, s.record.departmentId, s.record.fields,
                                 s.record.deleted, id}});
            }
            if (!changes.isEmpty())
                hook->apply(m_store, changes);
        }
    }

    BulkInsert remembered(
        m_store, u"applied_ops"_s,
        {u"op_id"_s, u"user_id"_s, u"record_id"_s, u"base_version"_s, u"result"_s, u"applied_at"_s});
    for (const auto &entry : std::as_const(m_toRemember))
        remembered.add({entry.first.opId, m_actor.userId, entry.first.recordId, entry.first.baseVersion,
                        compactJson(entry.second.toJson()), m_now});
    remembered.flush();

    for (AuditEntry &e : m_audit)
        e.address = address;
    audit.append(m_audit);
}

} // namespace sunshine
