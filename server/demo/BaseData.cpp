#include "server/demo/BaseData.h"

#include "server/demo/OrgCatalog.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

void insertUnit(Store &store, const QString &id, const QString &parent, int level, const QString &name,
                const QString &path, int order)
{
    SqlQuery(
        store,
        u"INSERT INTO org_units (id, parent_id, level, name, path, sort_order) VALUES (?, ?, ?, ?, ?, ?)"_s)
        .bindText(id)
        .bindText(parent)
        .bind(level)
        .bindText(name)
        .bindText(path)
        .bind(order)
        .exec();
}

void insertDepartments(Store &store, const QString &unitId, const QString &placeName, bool city)
{
    int order = 0;
    const auto departments = catalog::departments();
    for (const auto &d : departments) {
        QString shortName = QString::fromUtf16(d.shortName);
        QString name = placeName + shortName;
        if (QLatin1String(d.code) == QLatin1String("youth-league"))
            name = city ? u"共青团南通市委"_s : u"共青团"_s + placeName + u"委员会"_s;
        SqlQuery(
            store,
            u"INSERT INTO departments (id, code, name, org_unit_id, sort_order) VALUES (?, ?, ?, ?, ?)"_s)
            .bindText(unitId + u'-' + QString::fromLatin1(d.code))
            .bindText(QString::fromLatin1(d.code))
            .bindText(name)
            .bindText(unitId)
            .bind(order++)
            .exec();
    }
}

} // namespace

bool loadBaseOrgData(Store &store)
{
    Transaction tx(store);
    SqlQuery any(store, u"SELECT COUNT(*) FROM org_units"_s);
    any.exec();
    if (any.next() && any.int64(0) > 0)
        return false;
    const QString cityId = catalog::fullCode(QString::fromLatin1(catalog::kCityCode));
    const QString cityPath = u'/' + cityId + u'/';
    const QString cityName = QString::fromUtf16(catalog::kCityName);
    insertUnit(store, cityId, {}, 1, cityName, cityPath, 0);
    insertDepartments(store, cityId, cityName, true);
    int order = 0;
    const auto counties = catalog::counties();
    for (const auto &c : counties) {
        const QString id = catalog::fullCode(QString::fromLatin1(c.code));
        const QString name = QString::fromUtf16(c.name);
        insertUnit(store, id, cityId, 2, name, cityPath + id + u'/', order++);
        insertDepartments(store, id, name, false);
    }
    tx.commit();
    return true;
}

} // namespace sunshine
