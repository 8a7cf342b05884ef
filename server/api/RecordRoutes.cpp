// GET /api/v1/records?type=household&org=<orgUnitId>&after=<recordId>&limit=50
//
// A keyset page of the live records of one type in the caller's area (or in the area of `org`, when that unit
// lies inside the caller's), in id order: {"records":[{id,type,orgUnitId,version,fields}],"next":id|null}.
// Pass `next` as `after` for the following page; null means the last page. What each reader receives of
// personal and confidential data is decided by Disclosure (need-to-know), which logs each hand-out.
//
// This is a hot read: the session comes from AuthService's short cache, the statements stay prepared per
// worker thread, and the page is written from the stored JSON text without parsing it (unless something in
// it is withheld).
#include "common/api/JsonReader.h"
#include "common/org/OrgUnit.h"
#include "common/sync/RecordType.h"
#include "common/wire/ViewLogLimits.h"
#include "server/access/Disclosure.h"
#include "server/api/Services.h"
#include "server/http/JsonText.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;
constexpr qsizetype kMaxIdLength = 64;

// Ids (UUIDs, org unit codes) are plain ASCII: letters, digits, '-' and '_'.
bool plainId(const QString &s)
{
    if (s.isEmpty() || s.size() > kMaxIdLength)
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'-' ||
              u == u'_'))
            return false;
    }
    return true;
}

struct PageRequest
{
    const sync::RecordType *type = nullptr;
    QString orgPath;
    QString after = u" "_s; // sorts before every id (a null string would bind SQL NULL)
    int limit = kDefaultLimit;
};

ApiError badParameter(const QString &name, const QString &message)
{
    return ApiError(ErrorCode::BadRequest, message, name);
}

PageRequest parseRequest(const HttpRequest &req, Store &store)
{
    static const QStringList known{u"type"_s, u"org"_s, u"after"_s, u"limit"_s};
    const auto items = req.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!known.contains(item.first))
            throw badParameter(
                item.first.left(32),
                u"不支持的查询参数“%1”，可用参数：type、org、after、limit"_s.arg(item.first.left(32)));
    }

    PageRequest p;
    const QString typeName = req.queryValue(u"type"_s);
    if (typeName.isEmpty())
        throw badParameter(u"type"_s, u"请用参数 type 指明记录类型，例如 type=household"_s);
    p.type = typeName.size() <= kMaxIdLength ? sync::RecordTypes::find(typeName) : nullptr;
    if (!p.type)
        throw badParameter(u"type"_s, u"未知的记录类型“%1”"_s.arg(typeName.left(kMaxIdLength)));

    if (req.query.hasQueryItem(u"limit"_s)) {
        const QString text = req.queryValue(u"limit"_s);
        bool ok = false;
        const int limit = text.size() <= 4 ? text.toInt(&ok) : 0;
        if (!ok || limit < 1 || limit > kMaxLimit)
            throw badParameter(u"limit"_s, u"参数 limit 应为 1 到 %1 之间的整数"_s.arg(kMaxLimit));
        p.limit = limit;
    }

    if (req.query.hasQueryItem(u"after"_s)) {
        p.after = req.queryValue(u"after"_s);
        if (!plainId(p.after))
            throw badParameter(u"after"_s, u"参数 after 应为上一页答复中的 next 值（记录编号）"_s);
    }

    const Scope &scope = req.session().scope;
    p.orgPath = scope.orgPath;
    if (req.query.hasQueryItem(u"org"_s)) {
        const QString org = req.queryValue(u"org"_s);
        if (!plainId(org))
            throw badParameter(u"org"_s, u"参数 org 应为单位编码（12 位区划代码）"_s);
        QString path;
        if (org == scope.orgUnitId) {
            path = scope.orgPath;
        } else {
            CachedQuery q(store, u"SELECT path FROM org_units WHERE id = ?"_s);
            q.bindText(org).exec();
            if (q.next())
                path = q.text(0);
        }
        // An unknown unit and one outside the area get the same answer: nothing about it is revealed.
        if (path.isEmpty() || !scope.coversOrgPath(path))
            throw ApiError(ErrorCode::Forbidden, u"无权查看该单位的记录：只能查看本单位及下级单位的记录"_s,
                           u"org"_s);
        p.orgPath = path;
    }
    if (p.orgPath.isEmpty() || !p.orgPath.endsWith(u'/'))
        throw ApiError(ErrorCode::Forbidden, u"账户未分配所属单位，无法查看记录"_s);
    return p;
}

// The page's SQL for this store and area. On SQLite the plan is chosen by the area's level: a city or county
// area holds a large share of the records, so walking records_type_id in id order finds a page after a few
// hundred index entries; a town or village holds few, so they are found through records_type_path and sorted.
// PostgreSQL's planner chooses with its statistics.
QString pageSql(const Store &store, const QString &orgPath)
{
    if (store.isPostgres())
        return u"SELECT id, org_unit_id, version, data, department_id FROM records "
               u"WHERE type = ? AND id > ? AND org_path LIKE ? AND deleted = 0 ORDER BY id LIMIT ?"_s;
    // Text read as BLOB comes back as the stored UTF-8 bytes: Qt's SQLite driver would otherwise convert
    // every value to UTF-16 and this code back to UTF-8.
    const OrgLevel level = sync::orgLevelOfPath(orgPath);
    if (level == OrgLevel::City || level == OrgLevel::County)
        return u"SELECT CAST(id AS BLOB), CAST(org_unit_id AS BLOB), version, CAST(data AS BLOB), "
               u"department_id "
               u"FROM records INDEXED BY records_type_id "
               u"WHERE type = ? AND id > ? AND org_path >= ? AND org_path < ? AND deleted = 0 "
               u"ORDER BY id LIMIT ?"_s;
    return u"SELECT CAST(id AS BLOB), CAST(org_unit_id AS BLOB), version, CAST(data AS BLOB), department_id "
           u"FROM records INDEXED BY records_type_path "
           u"WHERE type = ? AND org_path >= ? AND org_path < ? AND id > ? AND deleted = 0 "
           u"ORDER BY id LIMIT ?"_s;
}

QByteArray readPage(Store &store, const PageRequest &p, Disclosure &disclosure)
{
    const QString sql = pageSql(store, p.orgPath);
    CachedQuery q(store, sql);
    // Everything under "/a/b/" sorts from "/a/b/" up to (not including) "/a/b0" ('0' follows '/').
    QString upper = p.orgPath;
    upper.back() = QChar(u'0');
    if (store.isPostgres()) {
        q.bindText(p.type->name()).bindText(p.after).bindText(p.orgPath + u'%');
    } else if (sql.contains(u"records_type_id"_s)) {
        q.bindText(p.type->name()).bindText(p.after).bindText(p.orgPath).bindText(upper);
    } else {
        q.bindText(p.type->name()).bindText(p.orgPath).bindText(upper).bindText(p.after);
    }
    q.bind(p.limit + 1).exec();

    QByteArray typeJson;
    appendJsonString(typeJson, p.type->name());

    QByteArray out;
    out.reserve(p.limit * 700 + 64);
    out += "{\"records\":[";
    int count = 0;
    QByteArray lastId;
    bool more = false;
    const bool pg = store.isPostgres();
    const auto utf8 = [&q, pg](int i) {
        return pg ? q.value(i).toString().toUtf8() : q.value(i).toByteArray();
    };
    while (q.next()) {
        if (count == p.limit) {
            more = true;
            break;
        }
        if (count++ > 0)
            out += ',';
        lastId = utf8(0);
        out += "{\"id\":";
        appendJsonUtf8(out, lastId);
        out += ",\"type\":";
        out += typeJson;
        out += ",\"orgUnitId\":";
        appendJsonUtf8(out, utf8(1));
        out += ",\"version\":";
        out += QByteArray::number(q.int64(2));
        out += ",\"fields\":";
        disclosure.appendFields(out, p.type->name(), QString::fromUtf8(lastId), utf8(3), q.text(4));
        out += '}';
    }
    out += "],\"next\":";
    if (more)
        appendJsonUtf8(out, lastId);
    else
        out += "null";
    out += '}';
    return out;
}

} // namespace

void registerRecordRoutes(Router &router, Services &services)
{
    router.add(u"GET"_s, u"/api/v1/records"_s, Router::Access::Authenticated, [&services](HttpRequest &req) {
        const PageRequest page = parseRequest(req, services.store);
        Disclosure disclosure(req.session(), u"records"_s);
        HttpResponse r;
        r.body = readPage(services.store, page, disclosure);
        disclosure.log(services.store, services.audit, req.peerAddress);
        return r;
    });

    // {"reason": "…"} -> {id,type,orgUnitId,version,fields}: one record of the caller's area, read with a
    // stated reason. A supervisor receives its personal and comparison data in full this way (Art. 26); any
    // other reader receives what the record pages give them. The hand-out is logged with the reason.
    router.add(
        u"POST"_s, u"/api/v1/records/{id}/disclose"_s, Router::Access::Authenticated,
        [&services](HttpRequest &req) {
            const QString id = req.pathParams.value(u"id"_s);
            JsonReader in = JsonReader::fromBody(req.body);
            const QString reason = in.requiredString(u"reason"_s, wire::kMaxViewReasonLength).trimmed();
            in.finish();
            if (reason.isEmpty())
                throw ApiError(ErrorCode::MissingField, u"请写明查看的理由"_s, u"reason"_s);
            if (!plainId(id))
                throw ApiError(ErrorCode::NotFound, u"记录不存在"_s);
            SqlQuery q(services.store, u"SELECT type, org_unit_id, version, org_path, data, department_id "
                                       u"FROM records WHERE id = ? AND deleted = 0"_s);
            q.bindText(id).exec();
            // An unknown record and one outside the area get the same answer.
            if (!q.next() || !req.session().scope.coversOrgPath(q.text(3)))
                throw ApiError(ErrorCode::NotFound, u"记录不存在或不在本单位范围内"_s);
            const QString type = q.text(0);
            QJsonObject fields = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
            const QJsonObject head{
                {u"id"_s, id}, {u"type"_s, type}, {u"orgUnitId"_s, q.text(1)}, {u"version"_s, q.int64(2)}};
            const QString department = q.text(5);
            q.raw().finish();
            Disclosure disclosure(req.session(), u"records/disclose"_s, reason);
            disclosure.disclose(type, id, fields, department);
            disclosure.log(services.store, services.audit, req.peerAddress);
            QJsonObject answer = head;
            answer.insert(u"fields"_s, fields);
            return HttpResponse::json(answer);
        });
}

} // namespace sunshine
