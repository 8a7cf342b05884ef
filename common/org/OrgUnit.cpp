#include "common/org/OrgUnit.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

QString orgLevelName(OrgLevel level)
{
    switch (level) {
    case OrgLevel::City:
        return u"city"_s;
    case OrgLevel::County:
        return u"county"_s;
    case OrgLevel::Town:
        return u"town"_s;
    case OrgLevel::Village:
        return u"village"_s;
    }
    return {};
}

std::optional<OrgLevel> orgLevelFromName(const QString &name)
{
    for (const OrgLevel l : {OrgLevel::City, OrgLevel::County, OrgLevel::Town, OrgLevel::Village}) {
        if (orgLevelName(l) == name)
            return l;
    }
    return std::nullopt;
}

QString orgLevelChineseName(OrgLevel level)
{
    switch (level) {
    case OrgLevel::City:
        return u"市"_s;
    case OrgLevel::County:
        return u"县(市)区"_s;
    case OrgLevel::Town:
        return u"镇(街)"_s;
    case OrgLevel::Village:
        return u"村(居)"_s;
    }
    return {};
}

QJsonObject OrgUnit::toJson() const
{
    return {{u"id"_s, id},
            {u"parentId"_s, parentId.isEmpty() ? QJsonValue() : QJsonValue(parentId)},
            {u"level"_s, orgLevelName(level)},
            {u"name"_s, name},
            {u"path"_s, path}};
}

OrgUnit OrgUnit::fromJson(const QJsonObject &o)
{
    OrgUnit u;
    u.id = o.value(u"id"_s).toString();
    u.parentId = o.value(u"parentId"_s).toString();
    u.level = orgLevelFromName(o.value(u"level"_s).toString()).value_or(OrgLevel::Village);
    u.name = o.value(u"name"_s).toString();
    u.path = o.value(u"path"_s).toString();
    return u;
}

QJsonObject Department::toJson() const
{
    return {{u"id"_s, id},
            {u"code"_s, code},
            {u"name"_s, name},
            {u"orgUnitId"_s, orgUnitId},
            {u"orgUnitName"_s, orgUnitName}};
}

Department Department::fromJson(const QJsonObject &o)
{
    Department d;
    d.id = o.value(u"id"_s).toString();
    d.code = o.value(u"code"_s).toString();
    d.name = o.value(u"name"_s).toString();
    d.orgUnitId = o.value(u"orgUnitId"_s).toString();
    d.orgUnitName = o.value(u"orgUnitName"_s).toString();
    return d;
}

} // namespace sunshine
