// Logins, lockout, session expiry, logout and password changes, over real TLS against an in-process server.
#include "common/wire/UserInfo.h"
#include "server/demo/DemoData.h"
#include "server/store/Migrator.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {
const QString kDemoPassword = QString::fromUtf16(DemoData::kPassword);
constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;

QJsonObject credentials(const QString &username, const QString &password)
{
    return {{u"username"_s, username}, {u"password"_s, password}};
}

bool hasChinese(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}
} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_client;

    HttpsClient &client() { return *m_client; }
    HttpResult login(const QString &username, const QString &password)
    {
        return client().post(u"/api/v1/auth/login"_s, credentials(username, password));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = std::make_unique<HttpsClient>(*m_server);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void health()
    {
        const HttpResult r = client().get(u"/api/v1/health"_s);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(r.json.value(u"store"_s).toString(), testStoreName());
        QCOMPARE(r.json.value(u"schema"_s).toInt(-1), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 2);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
    }

    void loginReturnsTokenAndUser()
    {
        const qint64 now = m_server->clock().nowMs();
        const HttpResult r = login(u"city-clerk"_s, kDemoPassword);
        EXPECT_STATUS(r, 200);
        const QString token = r.json.value(u"token"_s).toString();
        QVERIFY2(token.size() >= 40, qPrintable(token));
        QCOMPARE(r.json.value(u"expiresAt"_s).toString(), isoUtc(now + 8 * kHour));
        const QJsonObject user = r.json.value(u"user"_s).toObject();
        QCOMPARE(user.value(u"username"_s).toString(), u"city-clerk"_s);
        QCOMPARE(user.value(u"id"_s).toString(), u"demo-city-clerk"_s);
        QCOMPARE(user.value(u"roles"_s).toArray(), QJsonArray{u"clerk"_s});
        QCOMPARE(user.value(u"orgUnitId"_s).toString(), u"320600000000"_s);
        QCOMPARE(user.value(u"orgLevel"_s).toString(), u"city"_s);
        QCOMPARE(user.value(u"departmentId"_s).toString(), u"320600000000-poverty-office"_s);
        QCOMPARE(user.value(u"active"_s).toBool(false), true);
        QVERIFY(!user.contains(u"passwordHash"_s));
        QVERIFY(!r.body.contains("argon2"));

        // The token works, and user names are case-insensitive.
        EXPECT_STATUS(client().get(u"/api/v1/me"_s, token), 200);
        const HttpResult upper = login(u"  City-Clerk "_s, kDemoPassword);
        EXPECT_STATUS(upper, 200);
        QVERIFY(upper.json.value(u"token"_s).toString() != token);

        // Roles of another account.
        const HttpResult admin = login(u"county-admin"_s, kDemoPassword);
        EXPECT_STATUS(admin, 200);
        QCOMPARE(admin.json.value(u"user"_s).toObject().value(u"roles"_s).toArray(), QJsonArray{u"admin"_s});
        QCOMPARE(admin.json.value(u"user"_s).toObject().value(u"orgUnitId"_s).toString(), u"320612000000"_s);
    }

    void wrongPasswordAndUnknownUser()
    {
        const HttpResult wrong = login(u"city-clerk"_s, u"Demo@2025"_s);
        EXPECT_ERROR(wrong, 401, "INVALID_CREDENTIALS");
        QVERIFY(!wrong.json.contains(u"token"_s));
        QVERIFY(hasChinese(wrong.errorMessage()));
        const HttpResult unknown = login(u"no-such-user"_s, kDemoPassword);
        EXPECT_ERROR(unknown, 401, "INVALID_CREDENTIALS");
        // Missing fields are a bad request, not a failed login.
        EXPECT_ERROR(client().post(u"/api/v1/auth/login"_s, QJsonObject{{u"username"_s, u"city-clerk"_s}}),
                     400, "MISSING_FIELD");
    }

    void lockoutAfterFiveFailures()
    {
        const qint64 start = m_server->clock().nowMs();
        for (int i = 1; i <= 4; ++i) {
            const HttpResult r = login(u"county-clerk"_s, u"Wrong@Pass%1"_s.arg(i));
            EXPECT_ERROR(r, 401, "INVALID_CREDENTIALS");
        }
        const HttpResult locked = login(u"county-clerk"_s, u"Wrong@Pass5"_s);
        EXPECT_ERROR(locked, 423, "ACCOUNT_LOCKED");
        const QString until = locked.error().value(u"lockedUntil"_s).toString();
        QCOMPARE(until, isoUtc(start + 15 * kMinute));
        QVERIFY2(hasChinese(locked.errorMessage()), qPrintable(locked.errorMessage()));
        QVERIFY2(locked.errorMessage().contains(u"锁定"_s), qPrintable(locked.errorMessage()));
        // 01:15 UTC is 09:15 in China.
        QVERIFY2(locked.errorMessage().contains(u"2026-03-02 09:15"_s), qPrintable(locked.errorMessage()));

        // The right password is refused too while locked, and other accounts are not affected.
        EXPECT_ERROR(login(u"county-clerk"_s, kDemoPassword), 423, "ACCOUNT_LOCKED");
        EXPECT_STATUS(login(u"county-reviewer"_s, kDemoPassword), 200);

        m_server->clock().advanceMs(15 * kMinute - 1000);
        EXPECT_ERROR(login(u"county-clerk"_s, kDemoPassword), 423, "ACCOUNT_LOCKED");
        m_server->clock().advanceMs(1000);
        const HttpResult ok = login(u"county-clerk"_s, kDemoPassword);
        EXPECT_STATUS(ok, 200);

        // A success resets the counter: four more failures do not lock.
        for (int i = 0; i < 4; ++i)
            EXPECT_ERROR(login(u"county-clerk"_s, u"Wrong@Again1"_s), 401, "INVALID_CREDENTIALS");
        EXPECT_STATUS(login(u"county-clerk"_s, kDemoPassword), 200);
    }

    void sessionExpiresAfterEightHours()
    {
        const QString token = client().login(u"town-clerk"_s, kDemoPassword);
        QVERIFY2(!token.isEmpty(), client().lastLogin().describe().constData());
        m_server->clock().advanceMs(8 * kHour - 1);
        const HttpResult before = client().get(u"/api/v1/me"_s, token);
        EXPECT_STATUS(before, 200);
        m_server->clock().advanceMs(1);
        EXPECT_ERROR(client().get(u"/api/v1/me"_s, token), 401, "SESSION_EXPIRED");
        // A new login gives a new session.
        const QString again = client().login(u"town-clerk"_s, kDemoPassword);
        QVERIFY(!again.isEmpty());
        EXPECT_STATUS(client().get(u"/api/v1/me"_s, again), 200);
    }

    void logoutRevokesToken()
    {
        const QString token = client().login(u"city-leader"_s, kDemoPassword);
        const QString other = client().login(u"city-leader"_s, kDemoPassword);
        QVERIFY(!token.isEmpty() && !other.isEmpty());
        const HttpResult out = client().request("POST", u"/api/v1/auth/logout"_s, QByteArray(), token);
        EXPECT_STATUS(out, 204);
        QVERIFY(out.body.isEmpty());
        EXPECT_ERROR(client().get(u"/api/v1/me"_s, token), 401, "SESSION_EXPIRED");
        EXPECT_ERROR(client().request("POST", u"/api/v1/auth/logout"_s, QByteArray(), token), 401,
                     "SESSION_EXPIRED");
        // Only that session ends.
        EXPECT_STATUS(client().get(u"/api/v1/me"_s, other), 200);
    }

    void me()
    {
        const qint64 now = m_server->clock().nowMs();
        const QString token = client().login(u"county-supervisor"_s, kDemoPassword);
        QVERIFY(!token.isEmpty());
        const HttpResult r = client().get(u"/api/v1/me"_s, token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"username"_s).toString(), u"county-supervisor"_s);
        QCOMPARE(r.json.value(u"roles"_s).toArray(), QJsonArray{u"supervisor"_s});
        QCOMPARE(r.json.value(u"orgUnitId"_s).toString(), u"320612000000"_s);
        QCOMPARE(r.json.value(u"orgUnitName"_s).toString(), u"通州区"_s);
        QCOMPARE(r.json.value(u"departmentId"_s).toString(), u"320612000000-audit"_s);
        QCOMPARE(r.json.value(u"sessionExpiresAt"_s).toString(), isoUtc(now + 8 * kHour));
        QCOMPARE(r.json.value(u"lastLoginAt"_s).toString(), isoUtc(now));
    }

    void changePassword()
    {
        const QString token = client().login(u"city-reviewer"_s, kDemoPassword);
        const QString second = client().login(u"city-reviewer"_s, kDemoPassword);
        QVERIFY(!token.isEmpty() && !second.isEmpty());
        const QString path = u"/api/v1/me/password"_s;
        const QString next = u"Neues#Passwort9"_s;

        const HttpResult wrong =
            client().post(path, {{u"currentPassword"_s, u"Demo@2027"_s}, {u"newPassword"_s, next}}, token);
        EXPECT_ERROR(wrong, 422, "WRONG_PASSWORD");
        QCOMPARE(wrong.errorField(), u"currentPassword"_s);

        for (const QString &weak :
             {u"short1A"_s, u"alllowercaseletters"_s, u"city-reviewer"_s, kDemoPassword}) {
            const HttpResult r =
                client().post(path, {{u"currentPassword"_s, kDemoPassword}, {u"newPassword"_s, weak}}, token);
            EXPECT_ERROR(r, 422, "WEAK_PASSWORD");
            QCOMPARE(r.errorField(), u"newPassword"_s);
            QVERIFY(hasChinese(r.errorMessage()));
        }
        EXPECT_ERROR(
            client().post(path, {{u"currentPassword"_s, kDemoPassword}, {u"newPassword"_s, 12345678}}, token),
            400, "INVALID_TYPE");
        // Nothing changed so far.
        QVERIFY(!client().login(u"city-reviewer"_s, kDemoPassword).isEmpty());

        const HttpResult ok =
            client().post(path, {{u"currentPassword"_s, kDemoPassword}, {u"newPassword"_s, next}}, token);
        EXPECT_STATUS(ok, 204);
        EXPECT_ERROR(login(u"city-reviewer"_s, kDemoPassword), 401, "INVALID_CREDENTIALS");
        EXPECT_STATUS(login(u"city-reviewer"_s, next), 200);
        // The session that changed it goes on; the other sessions end.
        EXPECT_STATUS(client().get(u"/api/v1/me"_s, token), 200);
        EXPECT_ERROR(client().get(u"/api/v1/me"_s, second), 401, "SESSION_EXPIRED");
    }

    void missingOrGarbageBearer()
    {
        const QString path = u"/api/v1/me"_s;
        EXPECT_ERROR(client().get(path), 401, "UNAUTHENTICATED");
        EXPECT_ERROR(client().get(path, u"not-a-token"_s), 401, "SESSION_EXPIRED");
        EXPECT_ERROR(client().requestWithAuthorization("GET", path, {}, "Basic YWRtaW46RGVtb0AyMDI2"), 401,
                     "UNAUTHENTICATED");
        EXPECT_ERROR(client().requestWithAuthorization("GET", path, {}, "Bearer"), 401, "UNAUTHENTICATED");
        EXPECT_ERROR(client().requestWithAuthorization("GET", path, {}, "Bearer " + QByteArray(400, 'a')),
                     401, "UNAUTHENTICATED");
        EXPECT_ERROR(client().requestWithAuthorization("GET", path, {}, "bearer abc"), 401,
                     "UNAUTHENTICATED");
        // A real token with one character changed is not accepted.
        QString token = client().login(u"city-clerk"_s, kDemoPassword);
        QVERIFY(!token.isEmpty());
        token[5] = token.at(5) == u'A' ? u'B' : u'A';
        EXPECT_ERROR(client().get(path, token), 401, "SESSION_EXPIRED");
        EXPECT_ERROR(client().get(u"/api/v1/admin/users"_s), 401, "UNAUTHENTICATED");
        EXPECT_ERROR(client().request("POST", u"/api/v1/auth/logout"_s), 401, "UNAUTHENTICATED");
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
