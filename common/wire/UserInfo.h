#pragma once

#include "common/auth/Role.h"
#include "common/org/OrgUnit.h"

#include <QJsonObject>
#include <QString>

namespace sunshine {

// A user account as the API shows it (never the password hash).
struct UserInfo
{
    QString id;
    QString username;
    QString displayName;
    RoleSet roles;
    QString orgUnitId;
    QString orgUnitName;
    OrgLevel orgLevel = OrgLevel::City;
    QString departmentId;
    QString departmentName;
    QString phone;
    bool active = true;
    bool mustChangePassword = false;
    qint64 lockedUntilMs = 0; // 0: not locked
    qint64 lastLoginMs = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 version = 0;

    QJsonObject toJson() const;
    static UserInfo fromJson(const QJsonObject &o);
};

// The answer to POST /api/v1/auth/login.
struct LoginResult
{
    QString token;
    qint64 expiresAtMs = 0;
    UserInfo user;

    QJsonObject toJson() const;
    static LoginResult fromJson(const QJsonObject &o);
};

QString isoUtc(qint64 ms);
qint64 msFromIsoUtc(const QString &iso); // 0 when empty or invalid

} // namespace sunshine
