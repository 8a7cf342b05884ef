#pragma once

#include <QList>
#include <QString>

namespace sunshine::catalog {

// Nantong and its nine county-level units (real names and 统计用区划代码 prefixes).
struct CountyEntry
{
    const char *code; // six digits
    const char16_t *name;
};
inline constexpr const char *kCityCode = "320600";
inline constexpr char16_t kCityName[] = u"南通市";
QList<CountyEntry> counties();

// The departments of Art. 3 and Art. 22 (plus audit), as they exist at city and county level.
struct DepartmentEntry
{
    const char *code;
    const char16_t *shortName; // appended to the place name: 南通市 + 财政局
};
QList<DepartmentEntry> departments();

// The town offices that enter data for their villages (the demo's towns have them): 农经站 (agency
// bookkeeping of the villages' collectives and cards), 财政所, 民政办, and the town's 纪委.
QList<DepartmentEntry> townDepartments();

// "320612" -> "320612000000".
QString fullCode(const QString &prefix);

} // namespace sunshine::catalog
