#pragma once

#include "common/core/Clock.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserRepository.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/org/OrgService.h"

#include <functional>

namespace sunshine {

// Account administration: only admins, and only for accounts whose org unit lies in their own subtree.
class UserAdminService
{
public:
    UserAdminService(Store &store, AuditLog &audit, const Clock &clock, const PasswordHasher &hasher);

    struct NewUser
    {
        QString username;
        QString displayName;
        RoleSet roles;
        QString orgUnitId;
        QString departmentId;
        QString phone;
        QString password;
    };
    struct Changes
    {
        std::optional<QString> displayName;
        std::optional<RoleSet> roles;
        std::optional<QString> orgUnitId;
        std::optional<QString> departmentId; // "" clears it
        std::optional<QString> phone;
        qint64 expectedVersion = 0;
    };

    UserRepository::Page list(const AuthSession &actor, UserRepository::ListQuery query);
    UserInfo get(const AuthSession &actor, const QString &id);
    UserInfo create(const AuthSession &actor, const NewUser &user, const QString &address);
    UserInfo update(const AuthSession &actor, const QString &id, const Changes &changes,
                    const QString &address);
    UserInfo setActive(const AuthSession &actor, const QString &id, bool active, const QString &address);
    UserInfo resetPassword(const AuthSession &actor, const QString &id, const QString &password,
                           const QString &address);

    // Called after every committed change to an account (roles, placement, activity, password), so that
    // cached sessions are dropped.
    void setOnAccountsChanged(std::function<void()> callback) { m_onChanged = std::move(callback); }

    // Shared with the demo loader: inserts a user row and its roles (no checks, no audit).
    static void insertUser(Store &store, const QString &id, const NewUser &user,
                           const QByteArray &passwordHash, qint64 now, const QString &createdBy,
                           bool mustChangePassword);

private:
    void requireAdmin(const AuthSession &actor) const;
    UserRecord loadInScope(const AuthSession &actor, const QString &id);
    void checkPlacement(const AuthSession &actor, const QString &orgUnitId, const QString &departmentId);

    Store &m_store;
    AuditLog &m_audit;
    const Clock &m_clock;
    const PasswordHasher &m_hasher;
    UserRepository m_users;
    OrgService m_org;
    std::function<void()> m_onChanged;
    void changed() const
    {
        if (m_onChanged)
            m_onChanged();
    }
};

} // namespace sunshine
