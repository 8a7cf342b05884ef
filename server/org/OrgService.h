#pragma once

#include "common/auth/Scope.h"
#include "common/org/OrgUnit.h"
#include "server/store/Store.h"

#include <QList>
#include <optional>

namespace sunshine {

// The administrative tree and the departments, always read within a caller's scope.
class OrgService
{
public:
    explicit OrgService(Store &store);

    std::optional<OrgUnit> unit(const QString &id);
    // The caller's whole subtree (own unit first, then in path order).
    QList<OrgUnit> subtree(const Scope &scope);
    // Children of `parentId`, which must be within the scope.
    QList<OrgUnit> children(const Scope &scope, const QString &parentId);
    // Departments at `orgUnitId` or above it that the scope can see, i.e. those a user of that unit may
    // belong to.
    QList<Department> departmentsFor(const Scope &scope, const QString &orgUnitId);
    // Departments whose own org unit is inside the scope.
    QList<Department> departmentsInScope(const Scope &scope);
    std::optional<Department> department(const QString &id);
    QString pathOf(const QString &orgUnitId);

private:
    QList<OrgUnit> read(SqlQuery &q);
    QList<Department> readDepartments(SqlQuery &q);

    Store &m_store;
};

} // namespace sunshine
