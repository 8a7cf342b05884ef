#include "common/wire/UserInfo.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

qint64 msFromIsoUtc(const QString &iso)
{
    if (iso.isEmpty())
        return 0;
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

namespace {
QJsonValue optionalTime(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoUtc(ms)) : QJsonValue();
}
QJsonValue optionalText(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

QJsonObject UserInfo::toJson() const
{
    return {{u"id"_s, id},
            {u"username"_s, username},
            {u"displayName"_s, displayName},
            {u"roles"_s, QJsonArray::fromStringList(roleNames(roles))},
            {u"orgUnitId"_s, orgUnitId},
            {u"orgUnitName"_s, orgUnitName},
            {u"orgLevel"_s, orgLevelName(orgLevel)},
            {u"departmentId"_s, optionalText(departmentId)},
            {u"departmentName"_s, optionalText(departmentName)},
            {u"phone"_s, optionalText(phone)},
            {u"active"_s, active},
            {u"mustChangePassword"_s, mustChangePassword},
            {u"lockedUntil"_s, optionalTime(lockedUntilMs)},
            {u"lastLoginAt"_s, optionalTime(lastLoginMs)},
            {u"createdAt"_s, optionalTime(createdMs)},
            {u"updatedAt"_s, optionalTime(updatedMs)},
            {u"version"_s, version}};
}

UserInfo UserInfo::fromJson(const QJsonObject &o)
{
    UserInfo u;
    u.id = o.value(u"id"_s).toString();
    u.username = o.value(u"username"_s).toString();
    u.displayName = o.value(u"displayName"_s).toString();
    QStringList names;
    const QJsonArray roles = o.value(u"roles"_s).toArray();
    for (const QJsonValue &v : roles)
        names.append(v.toString());
    u.roles = rolesFromNames(names);
    u.orgUnitId = o.value(u"orgUnitId"_s).toString();
    u.orgUnitName = o.value(u"orgUnitName"_s).toString();
    u.orgLevel = orgLevelFromName(o.value(u"orgLevel"_s).toString()).value_or(OrgLevel::Village);
    u.departmentId = o.value(u"departmentId"_s).toString();
    u.departmentName = o.value(u"departmentName"_s).toString();
    u.phone = o.value(u"phone"_s).toString();
    u.active = o.value(u"active"_s).toBool(true);
    u.mustChangePassword = o.value(u"mustChangePassword"_s).toBool(false);
    u.lockedUntilMs = msFromIsoUtc(o.value(u"lockedUntil"_s).toString());
    u.lastLoginMs = msFromIsoUtc(o.value(u"lastLoginAt"_s).toString());
    u.createdMs = msFromIsoUtc(o.value(u"createdAt"_s).toString());
    u.updatedMs = msFromIsoUtc(o.value(u"updatedAt"_s).toString());
    u.version = o.value(u"version"_s).toInteger();
    return u;
}

QJsonObject LoginResult::toJson() const
{
    return {{u"token"_s, token}, {u"expiresAt"_s, isoUtc(expiresAtMs)}, {u"user"_s, user.toJson()}};
}

LoginResult LoginResult::fromJson(const QJsonObject &o)
{
    LoginResult r;
    r.token = o.value(u"token"_s).toString();
    r.expiresAtMs = msFromIsoUtc(o.value(u"expiresAt"_s).toString());
    r.user = UserInfo::fromJson(o.value(u"user"_s).toObject());
    return r;
}

} // namespace sunshine
