#pragma once

#include "common/auth/Role.h"
#include "common/org/OrgUnit.h"

#include <QString>

namespace sunshine {

// A user's reach: their org unit's subtree (own unit and below), their department, and their roles.
struct Scope
{
    QString userId;
    QString orgUnitId;
    QString orgPath; // "/320600000000/320612000000/"
    QString departmentId;
    RoleSet roles;

    bool hasRole(Role role) const { return roles.contains(role); }
    // True when the org unit with `targetPath` is this scope's unit or below it.
    bool coversOrgPath(const QString &targetPath) const;
    // Administers accounts in the org subtree.
    bool canAdministerUsers() const { return hasRole(Role::Admin); }
};

// Who loads the working-day calendar's yearly schedules: administrators at city level (the calendar is
// city-wide, as the State Council's schedule is national).
bool canLoadCalendar(const RoleSet &roles, OrgLevel level);

} // namespace sunshine
