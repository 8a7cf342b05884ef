#include "server/sync/SyncService.h"

#include "server/sync/PushBatch.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using namespace sync;

namespace {

QJsonObject parseObject(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

} // namespace

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

// The page query: records after the cursor, in the caller's subtree, in commit order; one row more than the
// limit tells whether more follow.
SqlQuery pageQuery(Store &store, const AuthSession &actor, qint64 after, int limit)
{
    SqlQuery q(store,
               u"SELECT id, type, org_unit_id, department_id, version, seq, updated_at, updated_by, deleted, "
               u"late_synced, data FROM records WHERE seq > ? AND org_path LIKE ? ORDER BY seq LIMIT ?"_s);
    q.raw().setForwardOnly(true);
    q.bind(after).bindText(actor.scope.orgPath + u'%').bind(limit + 1).exec();
    return q;
}

void appendJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[u >> 4];
            out += "0123456789abcdef"[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace

PullPage SyncService::pull(const AuthSession &actor, const QString &cursor, int limit)
{
    const qint64 after = parseCursor(cursor);
    PullPage page;
    SqlQuery q = pageQuery(m_store, actor, after, limit);
    qint64 last = after;
    while (q.next()) {
        if (page.records.size() == limit) {
            page.hasMore = true;
            break;
        }
        Record r;
        r.id = q.text(0);
        r.type = q.text(1);
        r.orgUnitId = q.text(2);
        r.departmentId = q.text(3);
        r.version = q.int64(4);
        last = q.int64(5);
        r.updatedAtMs = q.int64(6);
        r.updatedBy = q.text(7);
        r.deleted = q.flag(8);
        r.lateSynced = q.flag(9);
        r.fields = parseObject(q.text(10));
        page.records.append(r);
    }
    page.cursor = QString::number(last);
    return page;
}

QByteArray SyncService::pullJson(const AuthSession &actor, const QString &cursor, int limit,
                                 qint64 serverTimeMs)
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
        // Stored as compact JSON by the push, so it goes out as it is.
        out += ",\"fields\":" + q.text(10).toUtf8() + '}';
    }
    out += "],\"cursor\":\"" + QByteArray::number(last) + "\",\"hasMore\":" + (more ? "true" : "false") +
           ",\"serverTime\":" + QByteArray::number(serverTimeMs) + '}';
    return out;
}

} // namespace sunshine
