#include "common/api/JsonReader.h"
#include "common/auth/AccountRules.h"
#include "common/auth/PasswordPolicy.h"
#include "server/api/Services.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

RoleSet readRoles(const QStringList &names)
{
    QString unknown;
    const RoleSet roles = rolesFromNames(names, &unknown);
    if (!unknown.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, u"未知角色“%1”"_s.arg(unknown.left(32)), u"roles"_s);
    return roles;
}

int queryInt(const HttpRequest &req, const QString &key, int fallback, int min, int max)
{
    const QString raw = req.queryValue(key);
    if (raw.isEmpty())
        return fallback;
    bool ok = false;
    const int v = raw.toInt(&ok);
    if (!ok || v < min || v > max)
        throw ApiError(ErrorCode::BadRequest,
                       u"参数“%1”应为 %2 到 %3 之间的整数"_s.arg(key).arg(min).arg(max), key);
    return v;
}

UserRepository::ListQuery listQueryOf(const HttpRequest &req)
{
    static const QStringList knownParams{u"q"_s,     u"offset"_s, u"limit"_s, u"sort"_s,
                                         u"order"_s, u"active"_s, u"role"_s,  u"orgUnitId"_s};
    const auto items = req.query.queryItems();
    for (const auto &item : items) {
        if (!knownParams.contains(item.first))
            throw ApiError(ErrorCode::UnknownField, u"无法识别的参数“%1”"_s.arg(item.first.left(40)),
                           item.first.left(40));
    }
    UserRepository::ListQuery q;
    q.search = req.queryValue(u"q"_s);
    if (q.search.size() > 64)
        throw ApiError(ErrorCode::TooLong, u"搜索内容不能超过 64 个字符"_s, u"q"_s);
    q.offset = queryInt(req, u"offset"_s, 0, 0, 100'000'000);
    q.orgUnitId = req.queryValue(u"orgUnitId"_s);
    if (q.orgUnitId.size() > 32)
        throw ApiError(ErrorCode::TooLong, u"参数 orgUnitId 过长"_s, u"orgUnitId"_s);
    q.limit = queryInt(req, u"limit"_s, 50, 1, 200);
    const QString sort = req.queryValue(u"sort"_s);
    static const QStringList sorts{u"username"_s, u"displayName"_s, u"orgUnit"_s, u"department"_s,
                                   u"active"_s,   u"lastLogin"_s,   u"updated"_s};
    if (!sort.isEmpty() && !sorts.contains(sort))
        throw ApiError(ErrorCode::BadRequest, u"无法按“%1”排序"_s.arg(sort.left(32)), u"sort"_s);
    if (!sort.isEmpty())
        q.sortKey = sort;
    const QString order = req.queryValue(u"order"_s);
    if (!order.isEmpty() && order != u"asc"_s && order != u"desc"_s)
        throw ApiError(ErrorCode::BadRequest, u"参数 order 应为 asc 或 desc"_s, u"order"_s);
    q.descending = order == u"desc"_s;
    const QString active = req.queryValue(u"active"_s);
    if (active == u"true"_s)
        q.active = true;
    else if (active == u"false"_s)
        q.active = false;
    else if (!active.isEmpty())
        throw ApiError(ErrorCode::BadRequest, u"参数 active 应为 true 或 false"_s, u"active"_s);
    const QString role = req.queryValue(u"role"_s);
    if (!role.isEmpty()) {
        q.role = roleFromName(role);
        if (!q.role)
            throw ApiError(ErrorCode::BadRequest, u"未知角色“%1”"_s.arg(role.left(32)), u"role"_s);
    }
    return q;
}

} // namespace

void registerAdminRoutes(Router &router, Services &services)
{
    const auto auth = Router::Access::Authenticated;

    router.add(u"GET"_s, u"/api/v1/admin/users"_s, auth, [&services](HttpRequest &req) {
        const UserRepository::ListQuery query = listQueryOf(req);
        const UserRepository::Page page = services.users.list(req.session(), query);
        QJsonArray items;
        for (const UserInfo &u : page.items)
            items.append(u.toJson());
        return HttpResponse::json(
            QJsonObject{{u"items"_s, items}, {u"total"_s, page.total}, {u"offset"_s, query.offset}});
    });

    router.add(u"POST"_s, u"/api/v1/admin/users"_s, auth, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        UserAdminService::NewUser user;
        user.username = in.requiredString(u"username"_s, accounts::kUsernameMax);
        user.displayName = in.requiredString(u"displayName"_s, accounts::kDisplayNameMax);
        user.roles = readRoles(in.requiredStringList(u"roles"_s, 5, 16));
        user.orgUnitId = in.requiredString(u"orgUnitId"_s, 32);
        user.departmentId = in.optionalString(u"departmentId"_s, 64).value_or(QString());
        user.phone = in.optionalString(u"phone"_s, accounts::kPhoneMax).value_or(QString());
        user.password = in.requiredString(u"password"_s, password::kMaxLength);
        in.finish();
        return HttpResponse::json(services.users.create(req.session(), user, req.peerAddress).toJson(), 201);
    });

    router.add(u"GET"_s, u"/api/v1/admin/users/{id}"_s, auth, [&services](HttpRequest &req) {
        return HttpResponse::json(services.users.get(req.session(), req.pathParams.value(u"id"_s)).toJson());
    });

    router.add(u"PATCH"_s, u"/api/v1/admin/users/{id}"_s, auth, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        UserAdminService::Changes c;
        c.expectedVersion = in.requiredInteger(u"version"_s, 1, std::numeric_limits<qint32>::max());
        c.displayName = in.optionalString(u"displayName"_s, accounts::kDisplayNameMax);
        if (const auto roles = in.optionalStringList(u"roles"_s, 5, 16))
            c.roles = readRoles(*roles);
        c.orgUnitId = in.optionalString(u"orgUnitId"_s, 32);
        c.departmentId = in.optionalString(u"departmentId"_s, 64);
        c.phone = in.optionalString(u"phone"_s, accounts::kPhoneMax);
        in.finish();
        return HttpResponse::json(
            services.users.update(req.session(), req.pathParams.value(u"id"_s), c, req.peerAddress).toJson());
    });

    for (const bool active : {false, true}) {
        router.add(u"POST"_s,
                   active ? u"/api/v1/admin/users/{id}/activate"_s : u"/api/v1/admin/users/{id}/deactivate"_s,
                   auth, [&services, active](HttpRequest &req) {
                       if (!req.body.trimmed().isEmpty())
                           JsonReader::fromBody(req.body).finish();
                       return HttpResponse::json(services.users
                                                     .setActive(req.session(), req.pathParams.value(u"id"_s),
                                                                active, req.peerAddress)
                                                     .toJson());
                   });
    }

    router.add(u"POST"_s, u"/api/v1/admin/users/{id}/reset-password"_s, auth, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        const QString password = in.requiredString(u"password"_s, password::kMaxLength);
        in.finish();
        return HttpResponse::json(
            services.users
                .resetPassword(req.session(), req.pathParams.value(u"id"_s), password, req.peerAddress)
                .toJson());
    });
}

} // namespace sunshine
