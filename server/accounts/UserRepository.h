#pragma once

#include "common/wire/UserInfo.h"
#include "server/store/Store.h"

#include <QList>
#include <optional>

namespace sunshine {

// A user row with what only the server may see.
struct UserRecord
{
    UserInfo info;
    QString orgPath;
    QByteArray passwordHash;
    int failedLogins = 0;
};

// SQL for accounts, shared by authentication and administration.
class UserRepository
{
public:
    explicit UserRepository(Store &store);

    std::optional<UserRecord> byId(const QString &id);
    std::optional<UserRecord> byUsername(const QString &username);

    struct ListQuery
    {
        QString scopePath; // only users whose org unit is in this subtree
        QString orgUnitId; // narrows the scope to this unit's subtree (resolved by the admin service)
        QString search;    // user name, display name or phone contains
        std::optional<bool> active;
        std::optional<Role> role;
        QString sortKey =
            QStringLiteral("username"); // username, displayName, orgUnit, department, lastLogin, updated
        bool descending = false;
        int offset = 0;
        int limit = 50;
    };
    struct Page
    {
        QList<UserInfo> items;
        qint64 total = 0;
    };
    Page list(const ListQuery &query);

    void replaceRoles(const QString &userId, const RoleSet &roles);

private:
    std::optional<UserRecord> one(const QString &where, const QString &value);
    void loadRoles(QList<UserInfo *> users);

    Store &m_store;
};

// LIKE pattern that matches `text` anywhere, with % _ and \ escaped (use with ESCAPE '\').
QString containsPattern(const QString &text);

} // namespace sunshine
