#include "server/org/OrgService.h"

#include "common/api/ApiError.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {
const QString kUnitSelect = u"SELECT id, parent_id, level, name, path FROM org_units "_s;
const QString kDeptSelect = u"SELECT d.id, d.code, d.name, d.org_unit_id, o.name FROM departments d "
                            u"JOIN org_units o ON o.id = d.org_unit_id "_s;
} // namespace

OrgService::OrgService(Store &store)
    : m_store(store)
{}

QList<OrgUnit> OrgService::read(SqlQuery &q)
{
    QList<OrgUnit> out;
    while (q.next())
        out.append({q.text(0), q.text(1), OrgLevel(q.int64(2)), q.text(3), q.text(4)});
    return out;
}

QList<Department> OrgService::readDepartments(SqlQuery &q)
{
    QList<Department> out;
    while (q.next())
        out.append({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
}

std::optional<OrgUnit> OrgService::unit(const QString &id)
{
    SqlQuery q(m_store, kUnitSelect + u"WHERE id = ?"_s);
    q.bindText(id).exec();
    const QList<OrgUnit> units = read(q);
    if (units.isEmpty())
        return std::nullopt;
    return units.first();
}

QString OrgService::pathOf(const QString &orgUnitId)
{
    const auto u = unit(orgUnitId);
    return u ? u->path : QString();
}

QList<OrgUnit> OrgService::subtree(const Scope &scope)
{
    SqlQuery q(m_store, kUnitSelect + u"WHERE path LIKE ? ORDER BY path"_s);
    q.bindText(scope.orgPath + u'%').exec();
    return read(q);
}

QList<OrgUnit> OrgService::children(const Scope &scope, const QString &parentId)
{
    const QString parentPath = pathOf(parentId);
    if (parentPath.isEmpty())
        throw ApiError(ErrorCode::NotFound, u"行政区划不存在"_s, u"parentId"_s);
    if (!scope.coversOrgPath(parentPath))
        throw ApiError(ErrorCode::Forbidden, u"无权查看该行政区划"_s);
    SqlQuery q(m_store, kUnitSelect + u"WHERE parent_id = ? ORDER BY sort_order, id"_s);
    q.bindText(parentId).exec();
    return read(q);
}

QList<Department> OrgService::departmentsFor(const Scope &scope, const QString &orgUnitId)
{
    const QString path = pathOf(orgUnitId);
    if (path.isEmpty())
        throw ApiError(ErrorCode::NotFound, u"行政区划不存在"_s, u"orgUnitId"_s);
    if (!scope.coversOrgPath(path))
        throw ApiError(ErrorCode::Forbidden, u"无权查看该行政区划"_s);
    // Units on the path from the root to orgUnitId.
    const QStringList ids = path.split(u'/', Qt::SkipEmptyParts);
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks.append(u"?"_s);
    SqlQuery q(m_store,
               kDeptSelect + u"WHERE d.org_unit_id IN (%1) ORDER BY o.level DESC, d.sort_order, d.name"_s.arg(
                                 marks.join(u',')));
    for (const QString &id : ids)
        q.bindText(id);
    q.exec();
    return readDepartments(q);
}

QList<Department> OrgService::departmentsInScope(const Scope &scope)
{
    SqlQuery q(m_store, kDeptSelect + u"WHERE o.path LIKE ? ORDER BY o.path, d.sort_order"_s);
    q.bindText(scope.orgPath + u'%').exec();
    return readDepartments(q);
}

std::optional<Department> OrgService::department(const QString &id)
{
    SqlQuery q(m_store, kDeptSelect + u"WHERE d.id = ?"_s);
    q.bindText(id).exec();
    const QList<Department> d = readDepartments(q);
    if (d.isEmpty())
        return std::nullopt;
    return d.first();
}

} // namespace sunshine
