#include "common/sync/SyncTypes.h"

#include "common/api/JsonReader.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

namespace {
QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

QJsonObject Record::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"type"_s, type},
                  {u"orgUnitId"_s, orgUnitId},
                  {u"departmentId"_s, text(departmentId)},
                  {u"version"_s, version},
                  {u"updatedAt"_s, updatedAtMs},
                  {u"updatedBy"_s, text(updatedBy)},
                  {u"deleted"_s, deleted},
                  {u"fields"_s, fields}};
    if (lateSynced)
        o.insert(u"lateSynced"_s, true);
    return o;
}

Record Record::fromJson(const QJsonObject &o)
{
    Record r;
    r.id = o.value(u"id"_s).toString();
    r.type = o.value(u"type"_s).toString();
    r.orgUnitId = o.value(u"orgUnitId"_s).toString();
    r.departmentId = o.value(u"departmentId"_s).toString();
    r.version = o.value(u"version"_s).toInteger();
    r.updatedAtMs = o.value(u"updatedAt"_s).toInteger();
    r.updatedBy = o.value(u"updatedBy"_s).toString();
    r.deleted = o.value(u"deleted"_s).toBool();
    r.lateSynced = o.value(u"lateSynced"_s).toBool();
    r.fields = o.value(u"fields"_s).toObject();
    return r;
}

QJsonObject Operation::toJson() const
{
    return {{u"opId"_s, opId},
            {u"recordId"_s, recordId},
            {u"type"_s, type},
            {u"orgUnitId"_s, orgUnitId},
            {u"departmentId"_s, text(departmentId)},
            {u"kind"_s, kind == OpKind::Delete ? u"delete"_s : u"upsert"_s},
            {u"baseVersion"_s, baseVersion},
            {u"changedFields"_s, changedFields},
            {u"deviceTime"_s, deviceTimeMs},
            {u"lastServerContact"_s, lastServerContactMs}};
}

Operation Operation::fromJson(const QJsonObject &o)
{
    JsonReader in(o);
    Operation op;
    op.opId = in.requiredString(u"opId"_s, 64);
    op.recordId = in.requiredString(u"recordId"_s, 64);
    op.type = in.requiredString(u"type"_s, 48);
    op.orgUnitId = in.requiredString(u"orgUnitId"_s, 32);
    op.departmentId = in.optionalString(u"departmentId"_s, 64).value_or(QString());
    const QString kind = in.requiredString(u"kind"_s, 16);
    if (kind != u"upsert"_s && kind != u"delete"_s)
        throw ApiError(ErrorCode::ValidationFailed, u"操作类型应为 upsert 或 delete"_s, u"kind"_s);
    op.kind = kind == u"delete"_s ? OpKind::Delete : OpKind::Upsert;
    op.baseVersion = in.requiredInteger(u"baseVersion"_s, 0, std::numeric_limits<qint32>::max());
    // Each changed field is checked against the record type's schema by the server.
    op.changedFields = in.optionalObject(u"changedFields"_s).value_or(QJsonObject());
    op.deviceTimeMs = in.requiredInteger(u"deviceTime"_s, 0, 9'999'999'999'999LL);
    op.lastServerContactMs = in.optionalInteger(u"lastServerContact"_s, 0, 9'999'999'999'999LL).value_or(0);
    in.finish();
    return op;
}

QString opStatusName(OpStatus s)
{
    switch (s) {
    case OpStatus::Applied:
        return u"applied"_s;
    case OpStatus::Rejected:
        return u"rejected"_s;
    case OpStatus::Conflict:
        return u"conflict"_s;
    }
    return {};
}

QJsonObject OpResult::toJson() const
{
    QJsonObject o{{u"opId"_s, opId}, {u"status"_s, opStatusName(status)}};
    if (status == OpStatus::Applied)
        o.insert(u"version"_s, version);
    if (!code.isEmpty())
        o.insert(u"code"_s, code);
    if (!message.isEmpty())
        o.insert(u"message"_s, message);
    if (!field.isEmpty())
        o.insert(u"field"_s, field);
    if (lateSynced)
        o.insert(u"lateSynced"_s, true);
    if (current)
        o.insert(u"current"_s, current->toJson());
    return o;
}

OpResult OpResult::fromJson(const QJsonObject &o)
{
    OpResult r;
    r.opId = o.value(u"opId"_s).toString();
    const QString s = o.value(u"status"_s).toString();
    r.status = s == u"applied"_s    ? OpStatus::Applied
               : s == u"conflict"_s ? OpStatus::Conflict
                                    : OpStatus::Rejected;
    r.version = o.value(u"version"_s).toInteger();
    r.code = o.value(u"code"_s).toString();
    r.message = o.value(u"message"_s).toString();
    r.field = o.value(u"field"_s).toString();
    r.lateSynced = o.value(u"lateSynced"_s).toBool();
    if (o.value(u"current"_s).isObject())
        r.current = Record::fromJson(o.value(u"current"_s).toObject());
    return r;
}

QJsonObject PullPage::toJson() const
{
    QJsonArray items;
    for (const Record &r : records)
        items.append(r.toJson());
    return {{u"records"_s, items}, {u"cursor"_s, cursor}, {u"hasMore"_s, hasMore}};
}

PullPage PullPage::fromJson(const QJsonObject &o)
{
    PullPage p;
    const QJsonArray items = o.value(u"records"_s).toArray();
    p.records.reserve(items.size());
    for (const QJsonValue &v : items)
        p.records.append(Record::fromJson(v.toObject()));
    p.cursor = o.value(u"cursor"_s).toString();
    p.hasMore = o.value(u"hasMore"_s).toBool();
    return p;
}

} // namespace sunshine::sync
