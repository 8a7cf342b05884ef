#include "server/accounts/UserAdminService.h"

#include "common/auth/AccountRules.h"
#include "common/auth/PasswordPolicy.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

UserAdminService::UserAdminService(Store &store, AuditLog &audit, const Clock &clock,
                                   const PasswordHasher &hasher)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
    , m_hasher(hasher)
    , m_users(store)
    , m_org(store)
{}

void UserAdminService::requireAdmin(const AuthSession &actor) const
{
    if (!actor.scope.canAdministerUsers())
        throw ApiError(ErrorCode::Forbidden, u"只有系统管理员可以管理用户"_s);
}

UserRecord UserAdminService::loadInScope(const AuthSession &actor, const QString &id)
{
    requireAdmin(actor);
    const auto user = m_users.byId(id);
    if (!user)
        throw ApiError(ErrorCode::NotFound, u"用户不存在"_s);
    if (!actor.scope.coversOrgPath(user->orgPath))
        throw ApiError(ErrorCode::Forbidden, u"该用户不在您的管理范围内"_s);
    return *user;
}

void UserAdminService::checkPlacement(const AuthSession &actor, const QString &orgUnitId,
                                      const QString &departmentId)
{
    const auto unit = m_org.unit(orgUnitId);
    if (!unit)
        throw ApiError(ErrorCode::ValidationFailed, u"所选行政区划不存在"_s, u"orgUnitId"_s);
    if (!actor.scope.coversOrgPath(unit->path))
        throw ApiError(ErrorCode::Forbidden, u"只能在本级及下级行政区划内设置用户"_s, u"orgUnitId"_s);
    if (departmentId.isEmpty())
        return;
    const auto dept = m_org.department(departmentId);
    if (!dept)
        throw ApiError(ErrorCode::ValidationFailed, u"所选部门不存在"_s, u"departmentId"_s);
    const QString deptPath = m_org.pathOf(dept->orgUnitId);
    if (!unit->path.startsWith(deptPath))
        throw ApiError(ErrorCode::ValidationFailed, u"部门“%1”不属于所选行政区划或其上级"_s.arg(dept->name),
                       u"departmentId"_s);
}

UserRepository::Page UserAdminService::list(const AuthSession &actor, UserRepository::ListQuery query)
{
    requireAdmin(actor);
    query.scopePath = actor.scope.orgPath;
    if (!query.orgUnitId.isEmpty()) {
        const QString path = m_org.pathOf(query.orgUnitId);
        if (path.isEmpty())
            throw ApiError(ErrorCode::NotFound, u"行政区划不存在"_s, u"orgUnitId"_s);
        if (!actor.scope.coversOrgPath(path))
            throw ApiError(ErrorCode::Forbidden, u"该行政区划不在您的管理范围内"_s, u"orgUnitId"_s);
        query.scopePath = path;
    }
    return m_users.list(query);
}

UserInfo UserAdminService::get(const AuthSession &actor, const QString &id)
{
    return loadInScope(actor, id).info;
}

void UserAdminService::insertUser(Store &store, const QString &id, const NewUser &user,
                                  const QByteArray &passwordHash, qint64 now, const QString &createdBy,
                                  bool mustChangePassword)
{
    SqlQuery(
        store,
        u"INSERT INTO users (id, username, display_name, password_hash, org_unit_id, department_id, phone, "
        u"active, must_change_password, failed_logins, locked_until, last_login_at, created_at, "
        u"updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 0, 0, 0, ?, ?, ?, 1)"_s)
        .bindText(id)
        .bindText(user.username.trimmed().toLower())
        .bindText(user.displayName.trimmed())
        .bindText(QString::fromLatin1(passwordHash))
        .bindText(user.orgUnitId)
        .bindText(user.departmentId.isEmpty() ? QString() : user.departmentId)
        .bindText(user.phone.trimmed().isEmpty() ? QString() : user.phone.trimmed())
        .bind(mustChangePassword ? 1 : 0)
        .bind(now)
        .bind(now)
        .bindText(createdBy)
        .exec();
    UserRepository(store).replaceRoles(id, user.roles);
}

UserInfo UserAdminService::create(const AuthSession &actor, const NewUser &user, const QString &address)
{
    requireAdmin(actor);
    const QString username = user.username.trimmed().toLower();
    if (QString v = accounts::usernameViolation(username); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"username"_s);
    if (QString v = accounts::displayNameViolation(user.displayName); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"displayName"_s);
    if (QString v = accounts::phoneViolation(user.phone); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"phone"_s);
    if (QString v = accounts::rolesViolation(user.roles); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"roles"_s);
    if (QString v = password::policyViolation(user.password, username); !v.isEmpty())
        throw ApiError(ErrorCode::WeakPassword, v, u"password"_s);
    checkPlacement(actor, user.orgUnitId, user.departmentId);

    const QByteArray hash = m_hasher.hash(user.password);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = m_clock.nowMs();
    {
        Transaction tx(m_store);
        SqlQuery exists(m_store, u"SELECT 1 FROM users WHERE username = ?"_s);
        exists.bindText(username).exec();
        if (exists.next())
            throw ApiError(ErrorCode::UsernameTaken, u"用户名“%1”已被使用"_s.arg(username), u"username"_s);
        NewUser normalised = user;
        normalised.username = username;
        // An account made by an administrator starts with a password only the administrator knows: change it
        // first.
        insertUser(m_store, id, normalised, hash, now, actor.userId, true);
        m_audit.append({actor.userId,
                        actor.username,
                        u"user.create"_s,
                        u"user"_s,
                        id,
                        {{u"username"_s, username},
                         {u"roles"_s, QJsonArray::fromStringList(roleNames(user.roles))},
                         {u"orgUnitId"_s, user.orgUnitId},
                         {u"departmentId"_s, user.departmentId}},
                        address});
        tx.commit();
    }
    return m_users.byId(id)->info;
}

UserInfo UserAdminService::update(const AuthSession &actor, const QString &id, const Changes &changes,
                                  const QString &address)
{
    const UserRecord before = loadInScope(actor, id);
    if (changes.expectedVersion != before.info.version)
        throw ApiError(ErrorCode::VersionConflict).withDetail(u"current"_s, before.info.toJson());

    const QString displayName = changes.displayName.value_or(before.info.displayName);
    const QString phone = changes.phone.value_or(before.info.phone);
    const QString orgUnitId = changes.orgUnitId.value_or(before.info.orgUnitId);
    const QString departmentId = changes.departmentId.value_or(before.info.departmentId);
    const RoleSet roles = changes.roles.value_or(before.info.roles);
    if (QString v = accounts::displayNameViolation(displayName); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"displayName"_s);
    if (QString v = accounts::phoneViolation(phone); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"phone"_s);
    if (QString v = accounts::rolesViolation(roles); !v.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, v, u"roles"_s);
    if (id == actor.userId && !roles.contains(Role::Admin))
        throw ApiError(ErrorCode::ValidationFailed, u"不能取消自己的管理员角色"_s, u"roles"_s);
    if (changes.orgUnitId || changes.departmentId)
        checkPlacement(actor, orgUnitId, departmentId);

    QJsonObject diff;
    if (displayName != before.info.displayName)
        diff.insert(u"displayName"_s, QJsonArray{before.info.displayName, displayName});
    if (phone.trimmed() != before.info.phone)
        diff.insert(u"phone"_s,
                    QJsonArray{accounts::maskedPhone(before.info.phone), accounts::maskedPhone(phone)});
    if (orgUnitId != before.info.orgUnitId)
        diff.insert(u"orgUnitId"_s, QJsonArray{before.info.orgUnitId, orgUnitId});
    if (departmentId != before.info.departmentId)
        diff.insert(u"departmentId"_s, QJsonArray{before.info.departmentId, departmentId});
    if (roles != before.info.roles)
        diff.insert(u"roles"_s, QJsonArray{QJsonArray::fromStringList(roleNames(before.info.roles)),
                                           QJsonArray::fromStringList(roleNames(roles))});

    Transaction tx(m_store);
    SqlQuery upd(m_store,
                 u"UPDATE users SET display_name = ?, phone = ?, org_unit_id = ?, department_id = ?, "
                 u"updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?"_s);
    upd.bindText(displayName.trimmed())
        .bindText(phone.trimmed().isEmpty() ? QString() : phone.trimmed())
        .bindText(orgUnitId)
        .bindText(departmentId.isEmpty() ? QString() : departmentId)
        .bind(m_clock.nowMs())
        .bindText(actor.userId)
        .bindText(id)
        .bind(changes.expectedVersion)
        .exec();
    if (upd.numRowsAffected() != 1)
        throw ApiError(ErrorCode::VersionConflict);
    m_users.replaceRoles(id, roles);
    m_audit.append({actor.userId, actor.username, u"user.update"_s, u"user"_s, id, diff, address});
    tx.commit();
    changed();
    return m_users.byId(id)->info;
}

UserInfo UserAdminService::setActive(const AuthSession &actor, const QString &id, bool active,
                                     const QString &address)
{
    const UserRecord before = loadInScope(actor, id);
    if (id == actor.userId && !active)
        throw ApiError(ErrorCode::ValidationFailed, u"不能停用自己的账户"_s);
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_store);
    SqlQuery(m_store, u"UPDATE users SET active = ?, failed_logins = 0, locked_until = 0, updated_at = ?, "
                      u"updated_by = ?, version = version + 1 WHERE id = ?"_s)
        .bind(active ? 1 : 0)
        .bind(now)
        .bindText(actor.userId)
        .bindText(id)
        .exec();
    if (!active) {
        SqlQuery(m_store, u"UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at = 0"_s)
            .bind(now)
            .bindText(id)
            .exec();
    }
    m_audit.append({actor.userId,
                    actor.username,
                    active ? u"user.activate"_s : u"user.deactivate"_s,
                    u"user"_s,
                    id,
                    {{u"username"_s, before.info.username}},
                    address});
    tx.commit();
    changed();
    return m_users.byId(id)->info;
}

UserInfo UserAdminService::resetPassword(const AuthSession &actor, const QString &id, const QString &password,
                                         const QString &address)
{
    const UserRecord before = loadInScope(actor, id);
    if (QString v = password::policyViolation(password, before.info.username); !v.isEmpty())
        throw ApiError(ErrorCode::WeakPassword, v, u"password"_s);
    const QByteArray hash = m_hasher.hash(password);
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_store);
    SqlQuery(m_store,
             u"UPDATE users SET password_hash = ?, must_change_password = 1, failed_logins = 0, "
             u"locked_until = 0, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?"_s)
        .bindText(QString::fromLatin1(hash))
        .bind(now)
        .bindText(actor.userId)
        .bindText(id)
        .exec();
    SqlQuery(m_store, u"UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at = 0"_s)
        .bind(now)
        .bindText(id)
        .exec();
    m_audit.append({actor.userId,
                    actor.username,
                    u"user.reset-password"_s,
                    u"user"_s,
                    id,
                    {{u"username"_s, before.info.username}},
                    address});
    tx.commit();
    changed();
    return m_users.byId(id)->info;
}

} // namespace sunshine
