#include "server/demo/DemoData.h"

#include "server/accounts/UserAdminService.h"
#include "server/demo/OrgCatalog.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr char16_t kFirst[] = u"东西南北新兴长安丰和平宁石金沙余三五双永福高明太清红";
constexpr char16_t kSecond[] = u"港河桥庄湾沟口圩垛岸塘林园泉滩场坝集洲墩";

// Deterministic, distinct two-character names for the n-th item of a list.
QString inventedName(int n, int salt)
{
    const int firsts = int(std::size(kFirst)) - 1;
    const int seconds = int(std::size(kSecond)) - 1;
    const int k = (n * 7 + salt * 13) % (firsts * seconds);
    return QString(QChar(kFirst[k % firsts])) + QChar(kSecond[(k / firsts) % seconds]);
}

const QString kCounty = u"320612"_s; // 通州区: home of the county and town demo accounts

} // namespace

QString DemoData::townId(const QString &countyPrefix, int n)
{
    return catalog::fullCode(countyPrefix + QString::number(101 + n));
}

QString DemoData::villageId(const QString &town, int n)
{
    return town.left(9) + QString::number(201 + n);
}

QList<DemoData::Account> DemoData::accounts()
{
    const QString city = catalog::fullCode(QString::fromLatin1(catalog::kCityCode));
    const QString county = catalog::fullCode(kCounty);
    const QString town = townId(kCounty, 0);
    auto dept = [](const QString &unit, const char *code) -> QString {
        return unit + u'-' + QString::fromLatin1(code);
    };
    return {
        {u"admin"_s, u"系统管理员"_s, u"admin"_s, city, dept(city, "poverty-office")},
        {u"city-admin"_s, u"市级管理员（演示）"_s, u"admin"_s, city, dept(city, "poverty-office")},
        {u"city-clerk"_s, u"市扶贫办录入员（演示）"_s, u"clerk"_s, city, dept(city, "poverty-office")},
        {u"city-reviewer"_s, u"市扶贫办审核员（演示）"_s, u"reviewer"_s, city, dept(city, "poverty-office")},
        {u"city-leader"_s, u"市领导（演示）"_s, u"leader"_s, city, dept(city, "poverty-office")},
        {u"city-supervisor"_s, u"市纪委监委监督员（演示）"_s, u"supervisor"_s, city,
         dept(city, "discipline")},
        {u"county-admin"_s, u"通州区管理员（演示）"_s, u"admin"_s, county, dept(county, "poverty-office")},
        {u"county-clerk"_s, u"通州区农业农村局录入员（演示）"_s, u"clerk"_s, county,
         dept(county, "agriculture")},
        {u"county-reviewer"_s, u"通州区扶贫办审核员（演示）"_s, u"reviewer"_s, county,
         dept(county, "poverty-office")},
        {u"county-leader"_s, u"通州区领导（演示）"_s, u"leader"_s, county, dept(county, "poverty-office")},
        {u"county-supervisor"_s, u"通州区审计局监督员（演示）"_s, u"supervisor"_s, county,
         dept(county, "audit")},
        {u"town-admin"_s, u"镇管理员（演示）"_s, u"admin"_s, town, {}},
        {u"town-clerk"_s, u"镇录入员（演示）"_s, u"clerk"_s, town, {}},
        {u"town-reviewer"_s, u"镇审核员（演示）"_s, u"reviewer"_s, town, {}},
        {u"town-leader"_s, u"镇领导（演示）"_s, u"leader"_s, town, {}},
        {u"town-supervisor"_s, u"镇纪委监督员（演示）"_s, u"supervisor"_s, town, {}},
    };
}

bool DemoData::loadIfEmpty(Store &store, const PasswordHasher &hasher, const Clock &clock, AuditLog &audit)
{
    {
        SqlQuery q(store, u"SELECT COUNT(*) FROM org_units WHERE level >= 3"_s);
        q.exec();
        if (q.next() && q.int64(0) > 0)
            return false;
    }
    // Hash before the transaction: Argon2 is slow on purpose.
    const QList<Account> accounts = DemoData::accounts();
    QList<QByteArray> hashes;
    for (qsizetype i = 0; i < accounts.size(); ++i)
        hashes.append(hasher.hash(QString::fromUtf16(kPassword)));

    const qint64 now = clock.nowMs();
    Transaction tx(store);
    const QString cityPath = u'/' + catalog::fullCode(QString::fromLatin1(catalog::kCityCode)) + u'/';
    int salt = 0;
    const auto counties = catalog::counties();
    for (const auto &c : counties) {
        const QString prefix = QString::fromLatin1(c.code);
        const QString countyId = catalog::fullCode(prefix);
        const QString countyPath = cityPath + countyId + u'/';
        ++salt;
        for (int t = 0; t < kTownsPerCounty; ++t) {
            const QString tid = townId(prefix, t);
            const QString tpath = countyPath + tid + u'/';
            const QString tname = inventedName(t, salt) + (t % 3 == 2 ? u"街道（演示）"_s : u"镇（演示）"_s);
            SqlQuery(
                store,
                u"INSERT INTO org_units (id, parent_id, level, name, path, sort_order) VALUES (?, ?, 3, ?, ?, ?)"_s)
                .bindText(tid)
                .bindText(countyId)
                .bindText(tname)
                .bindText(tpath)
                .bind(t)
                .exec();
            int order = 0;
            const auto offices = catalog::townDepartments();
            for (const auto &d : offices) {
                SqlQuery(
                    store,
                    u"INSERT INTO departments (id, code, name, org_unit_id, sort_order) VALUES (?, ?, ?, ?, ?)"_s)
                    .bindText(tid + u'-' + QString::fromLatin1(d.code))
                    .bindText(QString::fromLatin1(d.code))
                    .bindText(tname + QString::fromUtf16(d.shortName))
                    .bindText(tid)
                    .bind(order++)
                    .exec();
            }
            for (int v = 0; v < kVillagesPerTown; ++v) {
                const QString vid = villageId(tid, v);
                const QString vname =
                    inventedName(v, salt * 31 + t) + (v % 5 == 4 ? u"社区（演示）"_s : u"村（演示）"_s);
                SqlQuery(
                    store,
                    u"INSERT INTO org_units (id, parent_id, level, name, path, sort_order) VALUES (?, ?, 4, ?, ?, ?)"_s)
                    .bindText(vid)
                    .bindText(tid)
                    .bindText(vname)
                    .bindText(tpath + vid + u'/')
                    .bind(v)
                    .exec();
            }
        }
    }
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const Account &a = accounts.at(i);
        SqlQuery exists(store, u"SELECT 1 FROM users WHERE username = ?"_s);
        exists.bindText(a.username).exec();
        if (exists.next())
            continue;
        UserAdminService::NewUser u;
        u.username = a.username;
        u.displayName = a.displayName;
        u.roles = {*roleFromName(a.role)};
        u.orgUnitId = a.orgUnitId;
        u.departmentId = a.departmentId;
        UserAdminService::insertUser(store, u"demo-"_s + a.username, u, hashes.at(i), now, {}, false);
    }
    audit.append({{},
                  u"system"_s,
                  u"demo.load"_s,
                  u"store"_s,
                  {},
                  {{u"towns"_s, int(counties.size()) * kTownsPerCounty},
                   {u"villages"_s, int(counties.size()) * kTownsPerCounty * kVillagesPerTown},
                   {u"accounts"_s, int(accounts.size())}},
                  {}});
    tx.commit();
    return true;
}

} // namespace sunshine
