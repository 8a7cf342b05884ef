#include "server/sync/SyncService.h"

#include "common/sync/RecordType.h"
#include "server/http/JsonText.h"
#include "server/sync/PushBatch.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using namespace sync;

SyncService::SyncService(Store &store, AuditLog &audit, const Clock &clock, Settings settings)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
    , m_settings(settings)
{}

QList<OpResult> SyncService::push(const AuthSession &actor, const QJsonArray &operations, qint64 deviceNowMs,
                                  const QString &address)
{
    Transaction tx(m_store);
    QList<OpResult> results = pushWithin(actor, operations, deviceNowMs, address);
    tx.commit();
    return results;
}

QList<OpResult> SyncService::pushWithin(const AuthSession &actor, const QJsonArray &operations,
                                        qint64 deviceNowMs, const QString &address) const
{
    PushBatch batch(m_store, actor, m_clock, m_settings, m_hooks, deviceNowMs);
    return batch.run(operations, m_audit, address);
}

namespace {

qint64 parseCursor(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    bool ok = false;
    const qint64 after = cursor.size() <= 18 ? cursor.toLongLong(&ok) : 0;
    if (!ok || after < 0)
        throw ApiError(ErrorCode::BadRequest, u"同步游标无效，请重新完整同步"_s, u"cursor"_s);
    return after;
}

// The types whose records also go to the users below their unit (RecordType::sharedBelow).
const QStringList &sharedBelowTypes()
{
    static const QStringList names = [] {
        QStringList out;
        const QStringList all = sync::RecordTypes::names();
        for (const QString &name : all) {
            if (const sync::RecordType *type = sync::RecordTypes::find(name); type && type->sharedBelow())
                out.append(name);
        }
        return out;
    }();
    return names;
}

// The units strictly above an org path ("/a/b/c/" → "/a/", "/a/b/").
QStringList pathsAbove(const QString &orgPath)
{
    QStringList out;
    for (qsizetype i = 1; i + 1 < orgPath.size(); ++i) {
        if (orgPath.at(i) == u'/')
            out.append(orgPath.left(i + 1));
    }
    return out;
}

// The page query: records after the cursor, in the caller's subtree (and the shared records of the units
// above it), in commit order; one row more than the limit tells whether more follow.
SqlQuery pageQuery(Store &store, const AuthSession &actor, qint64 after, int limit)
{
    const QStringList above = pathsAbove(actor.scope.orgPath);
    const QStringList &shared = sharedBelowTypes();
    QString sql =
        u"SELECT id, type, org_unit_id, department_id, version, seq, updated_at, updated_by, deleted, "
        u"late_synced, data FROM records WHERE seq > ? AND (org_path LIKE ?"_s;
    if (!above.isEmpty() && !shared.isEmpty()) {
        const auto marks = [](qsizetype n) {
            return QStringList(n, u"?"_s).join(u", "_s);
        };
        sql += u" OR (org_path IN ("_s + marks(above.size()) + u") AND type IN ("_s + marks(shared.size()) +
               u"))"_s;
    }
    sql += u") ORDER BY seq LIMIT ?"_s;
    SqlQuery q(store, sql);
    q.raw().setForwardOnly(true);
    q.bind(after).bindText(actor.scope.orgPath + u'%');
    if (!above.isEmpty() && !shared.isEmpty()) {
        for (const QString &path : above)
            q.bindText(path);
        for (const QString &type : shared)
            q.bindText(type);
    }
    q.bind(limit + 1).exec();
    return q;
}

} // namespace

QByteArray SyncService::pullJson(const AuthSession &actor, const QString &cursor, int limit,
                                 qint64 serverTimeMs, Disclosure &disclosure, int *recordCount)
{
    const qint64 after = parseCursor(cursor);
    SqlQuery q = pageQuery(m_store, actor, after, limit);
    QByteArray out;
    out.reserve(limit * 320);
    out += "{\"records\":[";
    qint64 last = after;
    int count = 0;
    bool more = false;
    while (q.next()) {
        if (count == limit) {
            more = true;
            break;
        }
        if (count++ > 0)
            out += ',';
        out += "{\"id\":";
        appendJsonString(out, q.text(0));
        out += ",\"type\":";
        appendJsonString(out, q.text(1));
        out += ",\"orgUnitId\":";
        appendJsonString(out, q.text(2));
        out += ",\"departmentId\":";
        if (q.text(3).isEmpty())
            out += "null";
        else
            appendJsonString(out, q.text(3));
        out += ",\"version\":" + QByteArray::number(q.int64(4));
        last = q.int64(5);
        out += ",\"updatedAt\":" + QByteArray::number(q.int64(6));
        out += ",\"updatedBy\":";
        if (q.text(7).isEmpty())
            out += "null";
        else
            appendJsonString(out, q.text(7));
        out += q.flag(8) ? ",\"deleted\":true" : ",\"deleted\":false";
        if (q.flag(9))
            out += ",\"lateSynced\":true";
        // Stored as compact JSON by the push, so it goes out as it is, unless something in it is withheld.
        out += ",\"fields\":";
        disclosure.appendFields(out, q.text(1), q.text(0), q.text(10).toUtf8(), q.text(3));
        out += '}';
    }
    if (recordCount)
        *recordCount = count;
    out += "],\"cursor\":\"" + QByteArray::number(last) + "\",\"hasMore\":" + (more ? "true" : "false") +
           ",\"serverTime\":" + QByteArray::number(serverTimeMs) + '}';
    return out;
}

} // namespace sunshine
