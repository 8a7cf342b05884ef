#include "common/auth/Scope.h"

namespace sunshine {

bool Scope::coversOrgPath(const QString &targetPath) const
{
    return !orgPath.isEmpty() && targetPath.startsWith(orgPath);
}

bool canLoadCalendar(const RoleSet &roles, OrgLevel level)
{
    return roles.contains(Role::Admin) && level == OrgLevel::City;
}

} // namespace sunshine
