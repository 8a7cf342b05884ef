#include "server/api/Services.h"
#include "server/funds/FundRoutes.h"

#include "common/core/Clock.h"
#include "common/funds/FundRules.h"
#include "server/funds/FundDashboard.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

// An optional whole-number parameter within [min, max]; `fallback` when absent. 400 with the field otherwise.
int intParam(const HttpRequest &req, const QString &name, int min, int max, int fallback, const QString &what)
{
    const QString text = req.queryValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int v = text.size() <= 6 ? text.toInt(&ok) : 0;
    if (!ok || v < min || v > max)
        throw ApiError(ErrorCode::BadRequest,
                       u"参数 %1 应为 %2 到 %3 之间的%4"_s.arg(name).arg(min).arg(max).arg(what), name);
    return v;
}

} // namespace

// GET /api/v1/dashboard/funds?year=&quarter=&kind=&department=&org=
// The leaders' fund dashboard for one unit of the caller's area (default: the caller's own unit), read from
// the summary tables only: per child unit (the drill-down city → county → town → village), per month this
// year and last, per fund kind, and per department with entries made late and deadlines overdue.
void registerDashboardRoutes(Router &router, Services &services)
{
    router.add(u"GET"_s, u"/api/v1/dashboard/funds"_s, Router::Access::Authenticated,
               [&services](HttpRequest &req) {
                   const Scope &scope = req.session().scope;
                   const QDate today = chinaDateOf(services.clock.nowMs());
                   DashboardFilter f;
                   f.today = today;
                   f.year = intParam(req, u"year"_s, 2000, 2100, today.year(), u"年份"_s);
                   f.quarter = intParam(req, u"quarter"_s, 1, 4, 0, u"季度"_s);
                   f.kind = req.queryValue(u"kind"_s);
                   if (!f.kind.isEmpty() && !funds::fundKindFromName(f.kind))
                       throw ApiError(ErrorCode::BadRequest,
                                      u"参数 kind 应为 relief-fiscal、relief-donation、relief-other 或 "
                                      u"agricultural"_s,
                                      u"kind"_s);
                   f.department = req.queryValue(u"department"_s);
                   static const QRegularExpression departmentShape(u"^[0-9a-z-]{1,64}$"_s);
                   if (!f.department.isEmpty() && !departmentShape.match(f.department).hasMatch())
                       throw ApiError(ErrorCode::BadRequest, u"参数 department 应为部门编号或部门代码"_s,
                                      u"department"_s);
                   f.orgUnitId = req.queryValue(u"org"_s);
                   if (f.orgUnitId.isEmpty())
                       f.orgUnitId = scope.orgUnitId;
                   static const QRegularExpression orgShape(u"^[0-9]{1,32}$"_s);
                   if (!orgShape.match(f.orgUnitId).hasMatch())
                       throw ApiError(ErrorCode::BadRequest, u"参数 org 应为行政区划代码"_s, u"org"_s);
                   const std::optional<OrgUnit> unit = services.org.unit(f.orgUnitId);
                   if (!unit)
                       throw ApiError(ErrorCode::BadRequest, u"行政区划不存在"_s, u"org"_s);
                   if (!scope.coversOrgPath(unit->path))
                       throw ApiError(ErrorCode::Forbidden, u"无权查看该行政区划的数据"_s, u"org"_s);
                   f.orgPath = unit->path;
                   f.orgLevel = int(unit->level);
                   FundDashboard dashboard(services.store);
                   return HttpResponse::json(dashboard.summary(f));
               });
}

} // namespace sunshine
