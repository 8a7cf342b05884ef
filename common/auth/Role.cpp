#include "common/auth/Role.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

QString roleName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return u"clerk"_s;
    case Role::Reviewer:
        return u"reviewer"_s;
    case Role::Leader:
        return u"leader"_s;
    case Role::Supervisor:
        return u"supervisor"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const Role r : allRoles()) {
        if (roleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QString roleChineseName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return u"录入员"_s;
    case Role::Reviewer:
        return u"审核员"_s;
    case Role::Leader:
        return u"领导"_s;
    case Role::Supervisor:
        return u"监督人员"_s;
    case Role::Admin:
        return u"管理员"_s;
    }
    return {};
}

QList<Role> allRoles()
{
    return {Role::Clerk, Role::Reviewer, Role::Leader, Role::Supervisor, Role::Admin};
}

QStringList roleNames(const RoleSet &roles)
{
    QStringList out;
    for (const Role r : roles)
        out.append(roleName(r));
    return out;
}

RoleSet rolesFromNames(const QStringList &names, QString *unknown)
{
    RoleSet out;
    for (const QString &n : names) {
        const auto r = roleFromName(n);
        if (!r) {
            if (unknown)
                *unknown = n;
            continue;
        }
        if (!out.contains(*r))
            out.append(*r);
    }
    return out;
}

} // namespace sunshine
