#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace sunshine {

// 市 / 县(市)区 / 镇(街) / 村(居).
enum class OrgLevel
{
    City = 1,
    County = 2,
    Town = 3,
    Village = 4
};

QString orgLevelName(OrgLevel level); // "city", "county", "town", "village"
std::optional<OrgLevel> orgLevelFromName(const QString &name);
QString orgLevelChineseName(OrgLevel level);

// A node of the administrative tree. `path` lists the ids from the root, "/a/b/c/", so that a subtree is
// everything whose path starts with its root's path.
struct OrgUnit
{
    QString id; // 统计用区划代码 (12 digits)
    QString parentId;
    OrgLevel level = OrgLevel::City;
    QString name;
    QString path;

    QJsonObject toJson() const;
    static OrgUnit fromJson(const QJsonObject &o);
};

// A department (部门/单位) at city or county level, belonging to that level's org unit.
struct Department
{
    QString id;
    QString code; // the kind of unit: "poverty-office", "finance", ... shared across levels
    QString name;
    QString orgUnitId;
    QString orgUnitName;

    QJsonObject toJson() const;
    static Department fromJson(const QJsonObject &o);
};

// The town 农经站 (农村经营管理站), which keeps the villages' books (村账镇代管): the department code that
// owns the findings about a village's card and collective books.
inline constexpr char16_t kAgriStationCode[] = u"agri-station";

} // namespace sunshine
