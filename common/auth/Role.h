#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sunshine {

// 录入员, 审核员, 领导, 监督 (纪检/审计/财政), 管理员.
enum class Role
{
    Clerk,
    Reviewer,
    Leader,
    Supervisor,
    Admin
};

QString roleName(Role role); // wire name: "clerk", ...
std::optional<Role> roleFromName(const QString &name);
QString roleChineseName(Role role); // 录入员, ...
QList<Role> allRoles();

using RoleSet = QList<Role>;
QStringList roleNames(const RoleSet &roles);
// Parses wire names; unknown names are reported in `unknown`.
RoleSet rolesFromNames(const QStringList &names, QString *unknown = nullptr);

} // namespace sunshine
