#include "server/demo/OrgCatalog.h"

namespace sunshine::catalog {

QList<CountyEntry> counties()
{
    return {{"320602", u"崇川区"},      {"320612", u"通州区"},
            {"320614", u"海门区"},      {"320623", u"如东县"},
            {"320681", u"启东市"},      {"320682", u"如皋市"},
            {"320685", u"海安市"},      {"320671", u"南通经济技术开发区"},
            {"320691", u"通州湾示范区"}};
}

QList<DepartmentEntry> departments()
{
    return {{"discipline", u"纪委监委"},
            {"poverty-office", u"扶贫办"},
            {"education", u"教育局"},
            {"civil-affairs", u"民政局"},
            {"finance", u"财政局"},
            {"human-resources", u"人社局"},
            {"natural-resources", u"自然资源和规划局"},
            {"ecology", u"生态环境局"},
            {"housing", u"住建局"},
            {"water", u"水利局"},
            {"agriculture", u"农业农村局"},
            {"health", u"卫健委"},
            {"veterans", u"退役军人事务局"},
            {"emergency", u"应急管理局"},
            {"medical-security", u"医疗保障局"},
            {"audit", u"审计局"},
            {"youth-league", u"团委"},
            {"women", u"妇联"},
            {"disabled", u"残联"},
            {"red-cross", u"红十字会"},
            {"charity", u"慈善总会"},
            {"old-area", u"老促会"}};
}

QList<DepartmentEntry> townDepartments()
{
    return {{"agri-station", u"农经站"},
            {"finance-office", u"财政所"},
            {"civil-office", u"民政办"},
            {"discipline", u"纪委"}};
}

QString fullCode(const QString &prefix)
{
    return prefix + QString(12 - prefix.size(), u'0');
}

} // namespace sunshine::catalog
