// User administration over HTTPS: listing, creation and its validation, edits with versions, deactivation,
// password resets, and who may do what (roles and org scope).
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kDemoPassword = QString::fromUtf16(DemoData::kPassword);
const QString kUsers = u"/api/v1/admin/users"_s;
const QString kCity = u"320600000000"_s;
const QString kTongzhou = u"320612000000"_s;   // 通州区: scope of county-admin
const QString kChongchuan = u"320602000000"_s; // 崇川区: another county
const int kDemoAccounts = 16;

QJsonObject newUser(const QString &username, const QString &orgUnitId = kTongzhou)
{
    return {{u"username"_s, username},
            {u"displayName"_s, u"测试用户"_s},
            {u"roles"_s, QJsonArray{u"clerk"_s}},
            {u"orgUnitId"_s, orgUnitId},
            {u"departmentId"_s, QString(orgUnitId + u"-agriculture"_s)},
            {u"phone"_s, u"13912345678"_s},
            {u"password"_s, u"Start#Pass2026"_s}};
}

QStringList usernames(const HttpResult &r)
{
    QStringList out;
    const QJsonArray items = r.json.value(u"items"_s).toArray();
    for (const QJsonValue &v : items)
        out.append(v.toObject().value(u"username"_s).toString());
    return out;
}

QString usersQuery(const QList<std::pair<QString, QString>> &items)
{
    QUrlQuery q;
    for (const auto &item : items)
        q.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    return kUsers + u'?' + q.toString(QUrl::FullyEncoded);
}

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_client;
    QString m_admin; // token of "admin" (city level)

    HttpsClient &client() { return *m_client; }
    QString tokenOf(const QString &username)
    {
        const QString token = client().login(username, kDemoPassword);
        if (token.isEmpty())
            qWarning("login of %s failed: %s", qPrintable(username),
                     client().lastLogin().describe().constData());
        return token;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = std::make_unique<HttpsClient>(*m_server);
        m_admin = tokenOf(u"admin"_s);
        QVERIFY(!m_admin.isEmpty());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void listPagingAndTotal()
    {
        const HttpResult all = client().get(kUsers, m_admin);
        EXPECT_STATUS(all, 200);
        QCOMPARE(all.json.value(u"total"_s).toInt(), kDemoAccounts);
        QCOMPARE(all.json.value(u"items"_s).toArray().size(), kDemoAccounts);
        const QStringList names = usernames(all);
        QVERIFY(names.contains(u"town-supervisor"_s));
        QStringList sorted = names;
        sorted.sort();
        QCOMPARE(names, sorted); // by user name by default
        // No secrets in the list.
        QVERIFY(!all.body.contains("argon2"));
        QVERIFY(!all.body.contains("password"));

        QStringList paged;
        for (int offset = 0; offset < kDemoAccounts; offset += 5) {
            const HttpResult page = client().get(
                usersQuery({{u"limit"_s, u"5"_s}, {u"offset"_s, QString::number(offset)}}), m_admin);
            EXPECT_STATUS(page, 200);
            QCOMPARE(page.json.value(u"total"_s).toInt(), kDemoAccounts);
            QCOMPARE(page.json.value(u"offset"_s).toInt(), offset);
            QCOMPARE(usernames(page).size(), qMin(5, kDemoAccounts - offset));
            paged += usernames(page);
        }
        QCOMPARE(paged, names);
        const HttpResult beyond = client().get(usersQuery({{u"offset"_s, u"100"_s}}), m_admin);
        EXPECT_STATUS(beyond, 200);
        QCOMPARE(beyond.json.value(u"total"_s).toInt(), kDemoAccounts);
        QVERIFY(usernames(beyond).isEmpty());

        EXPECT_ERROR(client().get(usersQuery({{u"limit"_s, u"0"_s}}), m_admin), 400, "BAD_REQUEST");
        EXPECT_ERROR(client().get(usersQuery({{u"limit"_s, u"201"_s}}), m_admin), 400, "BAD_REQUEST");
        EXPECT_ERROR(client().get(usersQuery({{u"offset"_s, u"-1"_s}}), m_admin), 400, "BAD_REQUEST");
        EXPECT_ERROR(client().get(usersQuery({{u"limit"_s, u"ten"_s}}), m_admin), 400, "BAD_REQUEST");
        EXPECT_ERROR(client().get(usersQuery({{u"pageSize"_s, u"10"_s}}), m_admin), 400, "UNKNOWN_FIELD");
    }

    void searchFilterAndSort()
    {
        const HttpResult county = client().get(usersQuery({{u"q"_s, u"county"_s}}), m_admin);
        EXPECT_STATUS(county, 200);
        QCOMPARE(usernames(county), (QStringList{u"county-admin"_s, u"county-clerk"_s, u"county-leader"_s,
                                                 u"county-reviewer"_s, u"county-supervisor"_s}));
        QCOMPARE(county.json.value(u"total"_s).toInt(), 5);

        // Chinese display names, and LIKE wildcards taken literally.
        const HttpResult tongzhou = client().get(usersQuery({{u"q"_s, u"通州区"_s}}), m_admin);
        EXPECT_STATUS(tongzhou, 200);
        QCOMPARE(tongzhou.json.value(u"total"_s).toInt(), 5);
        const HttpResult percent = client().get(usersQuery({{u"q"_s, u"%"_s}}), m_admin);
        EXPECT_STATUS(percent, 200);
        QCOMPARE(percent.json.value(u"total"_s).toInt(), 0);
        const HttpResult underscore = client().get(usersQuery({{u"q"_s, u"_"_s}}), m_admin);
        EXPECT_STATUS(underscore, 200);
        QCOMPARE(underscore.json.value(u"total"_s).toInt(), 0);

        const HttpResult admins = client().get(usersQuery({{u"role"_s, u"admin"_s}}), m_admin);
        EXPECT_STATUS(admins, 200);
        QCOMPARE(usernames(admins),
                 (QStringList{u"admin"_s, u"city-admin"_s, u"county-admin"_s, u"town-admin"_s}));
        EXPECT_ERROR(client().get(usersQuery({{u"role"_s, u"emperor"_s}}), m_admin), 400, "BAD_REQUEST");

        const HttpResult desc =
            client().get(usersQuery({{u"sort"_s, u"username"_s}, {u"order"_s, u"desc"_s}}), m_admin);
        EXPECT_STATUS(desc, 200);
        QStringList expected = usernames(desc);
        std::sort(expected.begin(), expected.end(), std::greater<QString>());
        QCOMPARE(usernames(desc), expected);
        QCOMPARE(usernames(desc).first(), u"town-supervisor"_s);

        // By org unit: the city users come before the county's, the county's before the town's.
        const HttpResult byOrg =
            client().get(usersQuery({{u"sort"_s, u"orgUnit"_s}, {u"limit"_s, u"200"_s}}), m_admin);
        EXPECT_STATUS(byOrg, 200);
        const QJsonArray items = byOrg.json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), kDemoAccounts);
        QCOMPARE(items.first().toObject().value(u"orgLevel"_s).toString(), u"city"_s);
        QCOMPARE(items.last().toObject().value(u"orgLevel"_s).toString(), u"town"_s);

        EXPECT_ERROR(client().get(usersQuery({{u"sort"_s, u"password_hash"_s}}), m_admin), 400,
                     "BAD_REQUEST");
        EXPECT_ERROR(client().get(usersQuery({{u"order"_s, u"sideways"_s}}), m_admin), 400, "BAD_REQUEST");
        EXPECT_ERROR(client().get(usersQuery({{u"q"_s, QString(65, u'x')}}), m_admin), 400, "TOO_LONG");
    }

    void createUser()
    {
        const qint64 now = m_server->clock().nowMs();
        const HttpResult r = client().post(kUsers, newUser(u"Zhang.San"_s), m_admin);
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.json.value(u"username"_s).toString(), u"zhang.san"_s);
        QCOMPARE(r.json.value(u"displayName"_s).toString(), u"测试用户"_s);
        QCOMPARE(r.json.value(u"roles"_s).toArray(), QJsonArray{u"clerk"_s});
        QCOMPARE(r.json.value(u"orgUnitId"_s).toString(), kTongzhou);
        QCOMPARE(r.json.value(u"departmentId"_s).toString(), kTongzhou + u"-agriculture"_s);
        QCOMPARE(r.json.value(u"mustChangePassword"_s).toBool(false), true);
        QCOMPARE(r.json.value(u"active"_s).toBool(false), true);
        QCOMPARE(r.json.value(u"version"_s).toInt(), 1);
        QCOMPARE(r.json.value(u"createdAt"_s).toString(), isoUtc(now));
        QVERIFY(!r.json.value(u"id"_s).toString().isEmpty());
        QVERIFY(!r.body.contains("Start#Pass2026"));

        const HttpResult list = client().get(kUsers, m_admin);
        QCOMPARE(list.json.value(u"total"_s).toInt(), kDemoAccounts + 1);
        const HttpResult one = client().get(kUsers + u'/' + r.json.value(u"id"_s).toString(), m_admin);
        EXPECT_STATUS(one, 200);
        QCOMPARE(one.json.value(u"username"_s).toString(), u"zhang.san"_s);

        // The new account can sign in with the password the administrator set.
        const HttpResult login = client().post(
            u"/api/v1/auth/login"_s, {{u"username"_s, u"zhang.san"_s}, {u"password"_s, u"Start#Pass2026"_s}});
        EXPECT_STATUS(login, 200);
        QCOMPARE(login.json.value(u"user"_s).toObject().value(u"mustChangePassword"_s).toBool(false), true);
    }

    void createValidation()
    {
        // Duplicates, also in another case.
        EXPECT_ERROR(client().post(kUsers, newUser(u"city-clerk"_s), m_admin), 409, "USERNAME_TAKEN");
        EXPECT_ERROR(client().post(kUsers, newUser(u"City-Clerk"_s), m_admin), 409, "USERNAME_TAKEN");

        QJsonObject unknown = newUser(u"new-one"_s);
        unknown.insert(u"isRoot"_s, true);
        HttpResult r = client().post(kUsers, unknown, m_admin);
        EXPECT_ERROR(r, 400, "UNKNOWN_FIELD");
        QCOMPARE(r.errorField(), u"isRoot"_s);

        QJsonObject wrongType = newUser(u"new-one"_s);
        wrongType.insert(u"roles"_s, u"clerk"_s);
        r = client().post(kUsers, wrongType, m_admin);
        EXPECT_ERROR(r, 400, "INVALID_TYPE");
        QCOMPARE(r.errorField(), u"roles"_s);
        wrongType = newUser(u"new-one"_s);
        wrongType.insert(u"displayName"_s, 42);
        EXPECT_ERROR(client().post(kUsers, wrongType, m_admin), 400, "INVALID_TYPE");
        wrongType = newUser(u"new-one"_s);
        wrongType.insert(u"roles"_s, QJsonArray{1, 2});
        EXPECT_ERROR(client().post(kUsers, wrongType, m_admin), 400, "INVALID_TYPE");

        QJsonObject overlong = newUser(u"new-one"_s);
        overlong.insert(u"displayName"_s, QString(41, u'张'));
        r = client().post(kUsers, overlong, m_admin);
        EXPECT_ERROR(r, 400, "TOO_LONG");
        QCOMPARE(r.errorField(), u"displayName"_s);
        overlong = newUser(QString(33, u'a'));
        EXPECT_ERROR(client().post(kUsers, overlong, m_admin), 400, "TOO_LONG");

        EXPECT_ERROR(client().request("POST", kUsers, QByteArray(R"({"username": "x", )"), m_admin), 400,
                     "MALFORMED_JSON");
        EXPECT_ERROR(client().request("POST", kUsers, QByteArray("[1,2,3]"), m_admin), 400, "MALFORMED_JSON");
        EXPECT_ERROR(client().request("POST", kUsers, QByteArray(), m_admin), 400, "MALFORMED_JSON");

        QJsonObject missing = newUser(u"new-one"_s);
        missing.remove(u"password"_s);
        EXPECT_ERROR(client().post(kUsers, missing, m_admin), 400, "MISSING_FIELD");

        QJsonObject badRole = newUser(u"new-one"_s);
        badRole.insert(u"roles"_s, QJsonArray{u"clerk"_s, u"superuser"_s});
        r = client().post(kUsers, badRole, m_admin);
        EXPECT_ERROR(r, 422, "VALIDATION_FAILED");
        QCOMPARE(r.errorField(), u"roles"_s);
        badRole.insert(u"roles"_s, QJsonArray{});
        EXPECT_ERROR(client().post(kUsers, badRole, m_admin), 422, "VALIDATION_FAILED");

        QJsonObject badName = newUser(u"9lives"_s);
        EXPECT_ERROR(client().post(kUsers, badName, m_admin), 422, "VALIDATION_FAILED");
        QJsonObject badPhone = newUser(u"new-one"_s);
        badPhone.insert(u"phone"_s, u"12345"_s);
        EXPECT_ERROR(client().post(kUsers, badPhone, m_admin), 422, "VALIDATION_FAILED");
        QJsonObject weak = newUser(u"new-one"_s);
        weak.insert(u"password"_s, u"password"_s);
        EXPECT_ERROR(client().post(kUsers, weak, m_admin), 422, "WEAK_PASSWORD");
        QJsonObject noUnit = newUser(u"new-one"_s);
        noUnit.insert(u"orgUnitId"_s, u"999999999999"_s);
        EXPECT_ERROR(client().post(kUsers, noUnit, m_admin), 422, "VALIDATION_FAILED");
        // A department of another county does not fit the unit.
        QJsonObject wrongDept = newUser(u"new-one"_s);
        wrongDept.insert(u"departmentId"_s, QString(kChongchuan + u"-finance"_s));
        r = client().post(kUsers, wrongDept, m_admin);
        EXPECT_ERROR(r, 422, "VALIDATION_FAILED");
        QCOMPARE(r.errorField(), u"departmentId"_s);

        // None of these created anything.
        QCOMPARE(client().get(kUsers, m_admin).json.value(u"total"_s).toInt(), kDemoAccounts);
    }

    void editWithVersion()
    {
        const QString id = u"demo-county-clerk"_s;
        const HttpResult before = client().get(kUsers + u'/' + id, m_admin);
        EXPECT_STATUS(before, 200);
        const int version = before.json.value(u"version"_s).toInt();
        QCOMPARE(version, 1);

        const HttpResult edited = client().patch(kUsers + u'/' + id,
                                                 {{u"version"_s, version},
                                                  {u"displayName"_s, u"改过的名字"_s},
                                                  {u"roles"_s, QJsonArray{u"clerk"_s, u"reviewer"_s}}},
                                                 m_admin);
        EXPECT_STATUS(edited, 200);
        QCOMPARE(edited.json.value(u"version"_s).toInt(), version + 1);
        QCOMPARE(edited.json.value(u"displayName"_s).toString(), u"改过的名字"_s);
        QCOMPARE(edited.json.value(u"roles"_s).toArray(), (QJsonArray{u"clerk"_s, u"reviewer"_s}));

        // A second edit based on the old version is refused, and the current record comes back.
        const HttpResult stale = client().patch(
            kUsers + u'/' + id, {{u"version"_s, version}, {u"displayName"_s, u"另一个名字"_s}}, m_admin);
        EXPECT_ERROR(stale, 409, "VERSION_CONFLICT");
        QCOMPARE(stale.error().value(u"current"_s).toObject().value(u"displayName"_s).toString(),
                 u"改过的名字"_s);
        QCOMPARE(client().get(kUsers + u'/' + id, m_admin).json.value(u"displayName"_s).toString(),
                 u"改过的名字"_s);

        EXPECT_ERROR(client().patch(kUsers + u'/' + id, {{u"displayName"_s, u"x"_s}}, m_admin), 400,
                     "MISSING_FIELD");
        EXPECT_ERROR(client().patch(kUsers + u'/' + id, {{u"version"_s, u"2"_s}}, m_admin), 400,
                     "INVALID_TYPE");
        EXPECT_ERROR(
            client().patch(kUsers + u'/' + id, {{u"version"_s, 2}, {u"username"_s, u"renamed"_s}}, m_admin),
            400, "UNKNOWN_FIELD");
        EXPECT_ERROR(client().patch(kUsers + u"/no-such-user"_s, {{u"version"_s, 1}}, m_admin), 404,
                     "NOT_FOUND");
        // An admin cannot take away their own admin role.
        EXPECT_ERROR(client().patch(kUsers + u"/demo-admin"_s,
                                    {{u"version"_s, 1}, {u"roles"_s, QJsonArray{u"clerk"_s}}}, m_admin),
                     422, "VALIDATION_FAILED");
    }

    void deactivateEndsSessionsAndLogins()
    {
        const QString user = tokenOf(u"town-clerk"_s);
        QVERIFY(!user.isEmpty());
        EXPECT_STATUS(client().get(u"/api/v1/me"_s, user), 200);

        const HttpResult off =
            client().request("POST", kUsers + u"/demo-town-clerk/deactivate"_s, QByteArray(), m_admin);
        EXPECT_STATUS(off, 200);
        QCOMPARE(off.json.value(u"active"_s).toBool(true), false);
        EXPECT_ERROR(client().get(u"/api/v1/me"_s, user), 401, "SESSION_EXPIRED");
        const HttpResult refused = client().post(
            u"/api/v1/auth/login"_s, {{u"username"_s, u"town-clerk"_s}, {u"password"_s, kDemoPassword}});
        EXPECT_ERROR(refused, 403, "ACCOUNT_DISABLED");
        const HttpResult inactive = client().get(usersQuery({{u"active"_s, u"false"_s}}), m_admin);
        QCOMPARE(usernames(inactive), QStringList{u"town-clerk"_s});

        // An admin cannot deactivate themself.
        EXPECT_ERROR(client().request("POST", kUsers + u"/demo-admin/deactivate"_s, QByteArray(), m_admin),
                     422, "VALIDATION_FAILED");

        EXPECT_STATUS(
            client().request("POST", kUsers + u"/demo-town-clerk/activate"_s, QByteArray(), m_admin), 200);
        QVERIFY(!tokenOf(u"town-clerk"_s).isEmpty());
        EXPECT_ERROR(client().request("POST", kUsers + u"/demo-town-clerk/activate"_s,
                                      QByteArray("{\"x\":1}"), m_admin),
                     400, "UNKNOWN_FIELD");
    }

    void resetPassword()
    {
        const QString user = tokenOf(u"county-leader"_s);
        QVERIFY(!user.isEmpty());
        const QString path = kUsers + u"/demo-county-leader/reset-password"_s;
        EXPECT_ERROR(client().post(path, {{u"password"_s, u"weak"_s}}, m_admin), 422, "WEAK_PASSWORD");
        const HttpResult r = client().post(path, {{u"password"_s, u"Reset&Pass2026"_s}}, m_admin);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"mustChangePassword"_s).toBool(false), true);
        EXPECT_ERROR(client().get(u"/api/v1/me"_s, user), 401, "SESSION_EXPIRED");
        EXPECT_ERROR(client().post(u"/api/v1/auth/login"_s,
                                   {{u"username"_s, u"county-leader"_s}, {u"password"_s, kDemoPassword}}),
                     401, "INVALID_CREDENTIALS");
        EXPECT_STATUS(client().post(u"/api/v1/auth/login"_s, {{u"username"_s, u"county-leader"_s},
                                                              {u"password"_s, u"Reset&Pass2026"_s}}),
                      200);
    }

    void nonAdminsAreForbidden()
    {
        for (const QString &name : {u"city-supervisor"_s, u"city-clerk"_s, u"county-leader"_s}) {
            const QString token = tokenOf(name);
            QVERIFY(!token.isEmpty());
            EXPECT_ERROR(client().get(kUsers, token), 403, "FORBIDDEN");
            EXPECT_ERROR(client().get(kUsers + u"/demo-town-clerk"_s, token), 403, "FORBIDDEN");
            EXPECT_ERROR(client().post(kUsers, newUser(u"made-by-"_s + name), token), 403, "FORBIDDEN");
            EXPECT_ERROR(client().patch(kUsers + u"/demo-town-clerk"_s,
                                        {{u"version"_s, 1}, {u"displayName"_s, u"x"_s}}, token),
                         403, "FORBIDDEN");
            EXPECT_ERROR(
                client().request("POST", kUsers + u"/demo-town-clerk/deactivate"_s, QByteArray(), token), 403,
                "FORBIDDEN");
            EXPECT_ERROR(client().post(kUsers + u"/demo-town-clerk/reset-password"_s,
                                       {{u"password"_s, u"Reset&Pass2026"_s}}, token),
                         403, "FORBIDDEN");
        }
        // Nothing happened.
        const HttpResult list = client().get(kUsers, m_admin);
        QCOMPARE(list.json.value(u"total"_s).toInt(), kDemoAccounts);
        const HttpResult clerk = client().get(kUsers + u"/demo-town-clerk"_s, m_admin);
        QCOMPARE(clerk.json.value(u"version"_s).toInt(), 1);
        QCOMPARE(clerk.json.value(u"active"_s).toBool(false), true);
    }

    void countyAdminStaysInCounty()
    {
        const QString county = tokenOf(u"county-admin"_s);
        QVERIFY(!county.isEmpty());
        const HttpResult list = client().get(usersQuery({{u"limit"_s, u"200"_s}}), county);
        EXPECT_STATUS(list, 200);
        QStringList expected{u"county-admin"_s,    u"county-clerk"_s,      u"county-leader"_s,
                             u"county-reviewer"_s, u"county-supervisor"_s, u"town-admin"_s,
                             u"town-clerk"_s,      u"town-leader"_s,       u"town-reviewer"_s,
                             u"town-supervisor"_s};
        QCOMPARE(usernames(list), expected);
        QCOMPARE(list.json.value(u"total"_s).toInt(), 10);

        // City-level accounts are out of reach.
        EXPECT_ERROR(client().get(kUsers + u"/demo-city-clerk"_s, county), 403, "FORBIDDEN");
        EXPECT_ERROR(client().patch(kUsers + u"/demo-city-clerk"_s,
                                    {{u"version"_s, 1}, {u"displayName"_s, u"x"_s}}, county),
                     403, "FORBIDDEN");
        EXPECT_ERROR(
            client().request("POST", kUsers + u"/demo-city-clerk/deactivate"_s, QByteArray(), county), 403,
            "FORBIDDEN");
        EXPECT_ERROR(client().post(kUsers + u"/demo-admin/reset-password"_s,
                                   {{u"password"_s, u"Reset&Pass2026"_s}}, county),
                     403, "FORBIDDEN");
        EXPECT_ERROR(client().get(usersQuery({{u"orgUnitId"_s, kCity}}), county), 403, "FORBIDDEN");
        // Nor can they place a user in another county, at city level, or move one of theirs out.
        EXPECT_ERROR(client().post(kUsers, newUser(u"elsewhere"_s, kChongchuan), county), 403, "FORBIDDEN");
        QJsonObject cityUser = newUser(u"up-high"_s, kCity);
        EXPECT_ERROR(client().post(kUsers, cityUser, county), 403, "FORBIDDEN");
        EXPECT_ERROR(client().patch(kUsers + u"/demo-town-clerk"_s,
                                    {{u"version"_s, 1}, {u"orgUnitId"_s, kChongchuan}}, county),
                     403, "FORBIDDEN");

        // Within the county they can.
        const HttpResult created = client().post(kUsers, newUser(u"tz-clerk"_s), county);
        EXPECT_STATUS(created, 201);
        QCOMPARE(created.json.value(u"orgUnitId"_s).toString(), kTongzhou);
        EXPECT_STATUS(client().patch(kUsers + u"/demo-town-clerk"_s,
                                     {{u"version"_s, 1}, {u"displayName"_s, u"镇录入员"_s}}, county),
                      200);
        // The city admin sees the county admin's new user; the city clerk remains untouched.
        QCOMPARE(client().get(kUsers, m_admin).json.value(u"total"_s).toInt(), kDemoAccounts + 1);
        QCOMPARE(client().get(kUsers + u"/demo-city-clerk"_s, m_admin).json.value(u"version"_s).toInt(), 1);
    }

    void orgUnitsOnlyOwnSubtree()
    {
        struct Case
        {
            QString user;
            QString rootPath;
            int count; // own unit + towns + villages (+ counties for the city)
        };
        const int towns = DemoData::kTownsPerCounty;
        const int villages = DemoData::kVillagesPerTown;
        const QString townId = DemoData::townId(u"320612"_s, 0);
        const QList<Case> cases{
            {u"admin"_s, u'/' + kCity + u'/', 1 + 9 + 9 * towns + 9 * towns * villages},
            {u"county-clerk"_s, u'/' + kCity + u'/' + kTongzhou + u'/', 1 + towns + towns * villages},
            {u"town-admin"_s, u'/' + kCity + u'/' + kTongzhou + u'/' + townId + u'/', 1 + villages},
        };
        for (const Case &c : cases) {
            const QString token = tokenOf(c.user);
            QVERIFY(!token.isEmpty());
            const HttpResult r = client().get(u"/api/v1/org/units"_s, token);
            EXPECT_STATUS(r, 200);
            const QJsonArray items = r.json.value(u"items"_s).toArray();
            QCOMPARE(items.size(), c.count);
            for (const QJsonValue &v : items) {
                const QString path = v.toObject().value(u"path"_s).toString();
                QVERIFY2(path.startsWith(c.rootPath), qPrintable(c.user + u": "_s + path));
            }
            QCOMPARE(items.first().toObject().value(u"path"_s).toString(), c.rootPath);
        }

        const QString county = tokenOf(u"county-admin"_s);
        EXPECT_ERROR(client().get(u"/api/v1/org/units/"_s + kCity + u"/children"_s, county), 403,
                     "FORBIDDEN");
        EXPECT_ERROR(client().get(u"/api/v1/org/units/"_s + kChongchuan + u"/children"_s, county), 403,
                     "FORBIDDEN");
        const HttpResult children =
            client().get(u"/api/v1/org/units/"_s + kTongzhou + u"/children"_s, county);
        EXPECT_STATUS(children, 200);
        QCOMPARE(children.json.value(u"items"_s).toArray().size(), towns);
        EXPECT_ERROR(client().get(u"/api/v1/org/units/000000000000/children"_s, county), 404, "NOT_FOUND");
        EXPECT_ERROR(client().get(u"/api/v1/org/units"_s), 401, "UNAUTHENTICATED");
    }
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
