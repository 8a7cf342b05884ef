#include "server/api/Services.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {
template <typename T>
QJsonArray toArray(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}
} // namespace

void registerOrgRoutes(Router &router, Services &services)
{
    const auto auth = Router::Access::Authenticated;

    // The caller's own unit and everything below it.
    router.add(u"GET"_s, u"/api/v1/org/units"_s, auth, [&services](HttpRequest &req) {
        return HttpResponse::json(
            QJsonObject{{u"items"_s, toArray(services.org.subtree(req.session().scope))}});
    });

    router.add(u"GET"_s, u"/api/v1/org/units/{id}/children"_s, auth, [&services](HttpRequest &req) {
        return HttpResponse::json(QJsonObject{
            {u"items"_s,
             toArray(services.org.children(req.session().scope, req.pathParams.value(u"id"_s)))}});
    });

    // ?forOrgUnit=ID: the departments a user of that unit may belong to; without it, all departments in
    // scope.
    router.add(u"GET"_s, u"/api/v1/org/departments"_s, auth, [&services](HttpRequest &req) {
        const QString unit = req.queryValue(u"forOrgUnit"_s);
        if (unit.size() > 32)
            throw ApiError(ErrorCode::TooLong, u"参数 forOrgUnit 过长"_s, u"forOrgUnit"_s);
        const QList<Department> departments = unit.isEmpty()
                                                  ? services.org.departmentsInScope(req.session().scope)
                                                  : services.org.departmentsFor(req.session().scope, unit);
        return HttpResponse::json(QJsonObject{{u"items"_s, toArray(departments)}});
    });
}

} // namespace sunshine
