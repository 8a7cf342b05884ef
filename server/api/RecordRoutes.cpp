// GET /api/v1/records?type=household&org=<orgUnitId>&after=<recordId>&limit=50
//
// A keyset page of the live records of one type in the caller's area (or in the area of `org`, when that unit
// lies inside the caller's), in id order: {"records":[{id,type,orgUnitId,version,fields}],"next":id|null}.
// Pass `next` as `after` for the following page; null means the last page. Personal data (ID numbers, phones)
// is masked for roles that do not need it (leaders, supervisors), as the app masks it.
//
// This is a hot read: the session comes from AuthService's short cache, the statements stay prepared per
// worker thread, and the page is written from the stored JSON text without parsing it (unless it must be
// masked).
#include "common/org/OrgUnit.h"
#include "common/sync/Masking.h"
#include "common/sync/RecordType.h"
#include "server/api/Services.h"

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

void appendJsonUtf8(QByteArray &out, const QByteArray &utf8)
{
    out += '"';
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

void appendJsonString(QByteArray &out, const QString &s)
{
    appendJsonUtf8(out, s.toUtf8());
}

// The personal fields of a type with their JSON key (quoted, as they appear in stored JSON text).
using PersonalFields = QList<QPair<QByteArray, sync::FieldSpec>>;
PersonalFields personalFields(const sync::RecordType &type)
{
    PersonalFields out;
    for (const sync::FieldSpec &spec : type.fieldSpecs()) {
        if (spec.personal)
            out.append({'"' + spec.name.toUtf8() + '"', spec});
    }
    return out;
}

const sync::FieldSpec *personalSpec(const PersonalFields &personal, QByteArrayView key)
{
    for (const auto &entry : personal) {
        if (QByteArrayView(entry.first) == key)
            return &entry.second;
    }
    return nullptr;
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        ++p;
    return p;
}

// The end of the JSON string starting at p (on its opening quote), or null.
const char *skipString(const char *p, const char *end, bool *escaped)
{
    for (++p; p < end; ++p) {
        if (*p == '\\') {
            *escaped = true;
            ++p;
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return nullptr;
}

// The end of the JSON value starting at p, or null.
const char *skipValue(const char *p, const char *end)
{
    int depth = 0;
    bool escaped = false;
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            p = skipString(p, end, &escaped);
            if (!p)
                return nullptr;
        } else if (c == '{' || c == '[') {
            ++depth;
            ++p;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return p;
            --depth;
            ++p;
        } else if (c == ',' && depth == 0) {
            return p;
        } else {
            ++p;
        }
        if (depth == 0 && (p >= end || *p == ',' || *p == '}' || *p == ']' || *p == ' '))
            return p;
    }
    return depth == 0 ? p : nullptr;
}

// Masks the personal fields of a record's stored JSON text by walking its top-level members (no full parse):
// each personal value is replaced by sync::maskedValue of it, everything else is copied as it is. False when
// the text is not a JSON object as expected; the caller then masks the parsed object instead.
bool appendMasked(QByteArray &out, const QByteArray &json, const PersonalFields &personal)
{
    const char *p = json.constData();
    const char *const end = p + json.size();
    p = skipSpace(p, end);
    if (p == end || *p != '{')
        return false;
    const qsizetype start = out.size();
    out += '{';
    ++p;
    p = skipSpace(p, end);
    if (p < end && *p == '}') {
        out += '}';
        return skipSpace(p + 1, end) == end;
    }
    for (;;) {
        p = skipSpace(p, end);
        if (p == end || *p != '"')
            break;
        bool keyEscaped = false;
        const char *keyEnd = skipString(p, end, &keyEscaped);
        if (!keyEnd)
            break;
        const QByteArrayView key(p, keyEnd - p);
        p = skipSpace(keyEnd, end);
        if (p == end || *p != ':')
            break;
        p = skipSpace(p + 1, end);
        const char *valueEnd = skipValue(p, end);
        if (!valueEnd || valueEnd == p)
            break;
        const QByteArrayView raw(p, valueEnd - p);
        out += key;
        out += ':';
        const sync::FieldSpec *spec = keyEscaped ? nullptr : personalSpec(personal, key);
        if (!spec) {
            out += raw;
        } else {
            // A plain string (the usual case: digits) is read directly; anything else through the JSON
            // parser.
            const bool plainString = raw.size() >= 2 && raw.startsWith('"') && !raw.contains('\\');
            const QJsonValue value =
                plainString ? QJsonValue(QString::fromUtf8(raw.constData() + 1, raw.size() - 2))
                            : QJsonDocument::fromJson('[' + raw.toByteArray() + ']').array().at(0);
            const QJsonValue masked = sync::maskedValue(*spec, value);
            if (masked.isString())
                appendJsonString(out, masked.toString());
            else
                out += QJsonDocument(QJsonArray{masked}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
        }
        p = skipSpace(valueEnd, end);
        if (p < end && *p == ',') {
            out += ',';
            ++p;
            continue;
        }
        if (p < end && *p == '}' && skipSpace(p + 1, end) == end) {
            out += '}';
            return true;
        }
        break;
    }
    out.truncate(start);
    return false;
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
        return u"SELECT id, org_unit_id, version, data FROM records "
               u"WHERE type = ? AND id > ? AND org_path LIKE ? AND deleted = 0 ORDER BY id LIMIT ?"_s;
    // Text read as BLOB comes back as the stored UTF-8 bytes: Qt's SQLite driver would otherwise convert
    // every value to UTF-16 and this code back to UTF-8.
    const OrgLevel level = sync::orgLevelOfPath(orgPath);
    if (level == OrgLevel::City || level == OrgLevel::County)
        return u"SELECT CAST(id AS BLOB), CAST(org_unit_id AS BLOB), version, CAST(data AS BLOB) "
               u"FROM records INDEXED BY records_type_id "
               u"WHERE type = ? AND id > ? AND org_path >= ? AND org_path < ? AND deleted = 0 "
               u"ORDER BY id LIMIT ?"_s;
    return u"SELECT CAST(id AS BLOB), CAST(org_unit_id AS BLOB), version, CAST(data AS BLOB) "
           u"FROM records INDEXED BY records_type_path "
           u"WHERE type = ? AND org_path >= ? AND org_path < ? AND id > ? AND deleted = 0 "
           u"ORDER BY id LIMIT ?"_s;
}

QByteArray readPage(Store &store, const PageRequest &p, bool mask)
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

    const PersonalFields personal = mask ? personalFields(*p.type) : PersonalFields();
    const bool maskHere = !personal.isEmpty();
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
        const QByteArray data = utf8(3);
        if (maskHere) {
            if (!appendMasked(out, data, personal)) {
                QJsonObject fields = QJsonDocument::fromJson(data).object();
                sync::maskPersonalFields(*p.type, fields);
                out += QJsonDocument(fields).toJson(QJsonDocument::Compact);
            }
        } else {
            out += data.isEmpty() ? QByteArray("{}") : data;
        }
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
        HttpResponse r;
        r.body = readPage(services.store, page, !sync::needsPersonalData(req.session().scope.roles));
        return r;
    });
}

} // namespace sunshine
