#include "server/portal/PublicRoutes.h"

#include "common/core/ChinaTime.h"
#include "common/portal/PublicationTypes.h"
#include "server/api/Services.h"
#include "server/portal/PortalSite.h"

#include <QJsonDocument>
#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kPageSize = 20;
constexpr int kMaxPage = 100'000;

HttpResponse publicJson(const QJsonObject &body)
{
    HttpResponse r = HttpResponse::json(body);
    addPublicHeaders(r);
    return r;
}

int pageOf(const HttpRequest &req)
{
    const QString text = req.queryValue(u"page"_s);
    if (text.isEmpty())
        return 1;
    bool ok = false;
    const int page = text.toInt(&ok);
    if (!ok || page < 1 || page > kMaxPage)
        throw ApiError(ErrorCode::BadRequest, u"页码应为正整数"_s, u"page"_s);
    return page;
}

struct Unit
{
    QString id;
    QString name;
    QString path;
    OrgLevel level = OrgLevel::City;
};

std::optional<Unit> unitOf(Store &store, const QString &id)
{
    SqlQuery q(store, u"SELECT id, name, path, level FROM org_units WHERE id = ?"_s);
    q.bindText(id.left(64)).exec();
    if (!q.next())
        return std::nullopt;
    return Unit{q.text(0), q.text(1), q.text(2), OrgLevel(q.int64(3))};
}

// A unit's name with the names above it below the city ("通州区 石港镇 …村").
QString fullName(Store &store, const QString &path)
{
    QStringList names;
    const QStringList ids = path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < ids.size(); ++i) {
        if (auto u = unitOf(store, ids.at(i)))
            names.append(u->name);
    }
    return names.isEmpty() ? (ids.isEmpty() ? QString() : unitOf(store, ids.first()).value_or(Unit{}).name)
                           : names.join(u' ');
}

// The live published records of a publication type, newest first, as the portal shows them.
QList<QJsonObject> published(Services &services, const portal::PublicationType &type,
                             const std::function<bool(const QJsonObject &, const QString &)> &keep)
{
    const QDate today = chinaDateOf(services.clock.nowMs());
    QList<QJsonObject> out;
    SqlQuery q(services.store, u"SELECT r.data, r.org_path, d.name FROM records r LEFT JOIN departments d ON "
                               u"d.id = r.department_id WHERE r.type = ? AND r.deleted = 0"_s);
    q.bindText(type.name()).exec();
    const QStringList fields = type.publicFields();
    QHash<QString, QString> unitNames;
    while (q.next()) {
        const QJsonObject f = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
        if (portal::publicationState(f, today) != portal::PublicationState::Published)
            continue;
        if (!keep(f, q.text(1)))
            continue;
        QJsonObject item;
        for (const QString &k : fields) {
            if (f.contains(k))
                item.insert(k, f.value(k));
        }
        for (const QString &k : {u"category"_s, u"kind"_s}) {
            if (const auto spec = type.field(k); spec && f.contains(k))
                item.insert(k + u"Text"_s, spec->choiceLabel(f.value(k).toString()));
        }
        // The unit's name, asked of the store once per unit.
        auto name = unitNames.constFind(q.text(1));
        if (name == unitNames.constEnd())
            name = unitNames.insert(q.text(1), fullName(services.store, q.text(1)));
        item.insert(u"unit"_s, *name);
        item.insert(u"department"_s, q.text(2));
        out.append(item);
    }
    std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString pa = a.value(u"publishedOn"_s).toString(), pb = b.value(u"publishedOn"_s).toString();
        return pa != pb ? pa > pb : a.value(u"title"_s).toString() < b.value(u"title"_s).toString();
    });
    return out;
}

// What a place filter may name: a unit at `level` or below it.
QString placePathFor(Store &store, const HttpRequest &req, const QJsonObject &filter)
{
    const QString id = req.queryValue(filter.value(u"key"_s).toString());
    const QString label = filter.value(u"label"_s).toString();
    if (id.isEmpty())
        throw ApiError(ErrorCode::MissingField, u"请选择%1"_s.arg(label), filter.value(u"key"_s).toString());
    const std::optional<Unit> unit = unitOf(store, id);
    if (!unit)
        throw ApiError(ErrorCode::NotFound, u"没有这个地方，请重新选择"_s, filter.value(u"key"_s).toString());
    const auto least = orgLevelFromName(filter.value(u"level"_s).toString());
    if (least && int(unit->level) < int(*least))
        throw ApiError(ErrorCode::BadRequest, u"请选择到%1"_s.arg(orgLevelChineseName(*least)),
                       filter.value(u"key"_s).toString());
    return unit->path;
}

} // namespace

void registerPublicRoutes(Router &router, Services &services, QList<PublicList> lists)
{
    const auto Public = Router::Access::Public;
    router.add(u"GET"_s, u"/api/v1/public/places"_s, Public, [&services](HttpRequest &req) {
        const QString parent = req.queryValue(u"parent"_s);
        SqlQuery q(services.store, parent.isEmpty()
                                       ? u"SELECT id, name, level FROM org_units WHERE level = 2 "
                                         u"ORDER BY sort_order, id"_s
                                       : u"SELECT id, name, level FROM org_units WHERE parent_id = ? "
                                         u"ORDER BY sort_order, id"_s);
        if (!parent.isEmpty()) {
            if (!unitOf(services.store, parent))
                throw ApiError(ErrorCode::NotFound, u"没有这个地方"_s, u"parent"_s);
            q.bindText(parent);
        }
        q.exec();
        QJsonArray places;
        while (q.next())
            places.append(QJsonObject{{u"id"_s, q.text(0)},
                                      {u"name"_s, q.text(1)},
                                      {u"level"_s, orgLevelName(OrgLevel(q.int64(2)))}});
        return publicJson({{u"places"_s, places}});
    });

    auto shared = std::make_shared<QList<PublicList>>(std::move(lists));
    router.add(u"GET"_s, u"/api/v1/public/lists"_s, Public, [shared](HttpRequest &) {
        QJsonArray out;
        for (const PublicList &l : std::as_const(*shared))
            out.append(QJsonObject{{u"name"_s, l.name},
                                   {u"title"_s, l.title},
                                   {u"description"_s, l.description},
                                   {u"filters"_s, l.filters},
                                   {u"columns"_s, l.columns}});
        return publicJson({{u"lists"_s, out}});
    });
    router.add(u"GET"_s, u"/api/v1/public/lists/{name}"_s, Public, [shared, &services](HttpRequest &req) {
        const QString name = req.pathParams.value(u"name"_s);
        const auto it = std::find_if(shared->cbegin(), shared->cend(),
                                     [&name](const PublicList &l) { return l.name == name; });
        if (it == shared->cend())
            throw ApiError(ErrorCode::NotFound, u"没有这个公开名单"_s);
        QString path;
        for (const QJsonValue &f : it->filters) {
            if (f.toObject().value(u"kind"_s).toString() == u"place"_s)
                path = placePathFor(services.store, req, f.toObject());
        }
        return publicJson(it->page(req, path, pageOf(req), kPageSize));
    });

    router.add(u"GET"_s, u"/api/v1/public/announcements"_s, Public, [&services](HttpRequest &req) {
        const int page = pageOf(req);
        const auto &type = sync::RecordTypes::get<portal::AnnouncementType>();
        return publicJson(PublicList::pageOf(
            published(services, type, [](const QJsonObject &, const QString &) { return true; }), page,
            kPageSize));
    });
    router.add(u"GET"_s, u"/api/v1/public/policies"_s, Public, [&services](HttpRequest &req) {
        const int page = pageOf(req);
        const auto &type = sync::RecordTypes::get<portal::PolicyType>();
        // A county's visitor sees the city's and that county's departments.
        QString county;
        if (const QString id = req.queryValue(u"place"_s); !id.isEmpty()) {
            const std::optional<Unit> unit = unitOf(services.store, id);
            if (!unit)
                throw ApiError(ErrorCode::NotFound, u"没有这个地方，请重新选择"_s, u"place"_s);
            county = unit->path;
        }
        const QString kind = req.queryValue(u"kind"_s);
        if (!kind.isEmpty() && !type.field(u"kind"_s)->choices.contains(kind))
            throw ApiError(ErrorCode::BadRequest, u"没有这个类别"_s, u"kind"_s);
        return publicJson(PublicList::pageOf(
            published(services, type,
                      [&](const QJsonObject &f, const QString &path) {
                          if (!kind.isEmpty() && f.value(u"kind"_s).toString() != kind)
                              return false;
                          return county.isEmpty() || county.startsWith(path) || path.startsWith(county);
                      }),
            page, kPageSize));
    });
}

} // namespace sunshine
