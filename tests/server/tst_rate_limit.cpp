// Public routes (no sign-in) are rate-limited per address and route: the help-request lookup cannot be
// guessed at full speed, and a guesser does not lock the login out. Too many requests answer 429 with a
// stable code, a Chinese message and Retry-After; the allowance comes back with time (a token bucket).
#include "server/http/RateLimiter.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

class TestRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucket();
    void memoryStaysBounded();
    void noLimit();
    void publicRoutes();
};

void TestRateLimit::bucket()
{
    ManualClock clock(1'000'000);
    RateLimiter limiter(clock, {30}); // one every 2 seconds, a burst of 30
    for (int i = 0; i < 30; ++i)
        QCOMPARE(limiter.take(u"a"_s), 0);
    QCOMPARE(limiter.take(u"a"_s), 2000);
    QCOMPARE(limiter.take(u"b"_s), 0); // another address has its own
    clock.advanceMs(1000);
    QCOMPARE(limiter.take(u"a"_s), 1000);
    clock.advanceMs(1000);
    QCOMPARE(limiter.take(u"a"_s), 0);
    QCOMPARE(limiter.take(u"a"_s), 2000);
    // After a quiet minute the whole burst is back, and no more.
    clock.advanceMs(10 * 60'000);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(limiter.take(u"a"_s), 0);
    QVERIFY(limiter.take(u"a"_s) > 0);
}

void TestRateLimit::memoryStaysBounded()
{
    ManualClock clock(0);
    RateLimiter limiter(clock, {60});
    for (int i = 0; i < 3 * int(RateLimiter::kMaxKeys); ++i) {
        QCOMPARE(limiter.take(QString::number(i)), 0);
        clock.advanceMs(5); // old buckets fill up again and are dropped
    }
    // A busy address keeps its count across the sweeps.
    for (int i = 0; i < 60; ++i)
        limiter.take(u"busy"_s);
    QVERIFY(limiter.take(u"busy"_s) > 0);
}

void TestRateLimit::noLimit()
{
    ManualClock clock(0);
    RateLimiter limiter(clock, {0});
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(limiter.take(u"a"_s), 0);
}

void TestRateLimit::publicRoutes()
{
    ServerFixture::Options options;
    options.publicRate = {10};
    ServerFixture server(options);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    qInfo("store: %s", qPrintable(testStoreName()));
    HttpsClient http(server);

    const QString lookup = u"/api/v1/public/help-requests/QZ22222222"_s;
    for (int i = 0; i < 10; ++i)
        QCOMPARE(http.get(lookup).status, 404); // an unknown code counts too
    HttpResult r = http.get(lookup);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), u"TOO_MANY_REQUESTS"_s);
    QVERIFY2(r.errorMessage().contains(u"请 6 秒后再试"_s), qPrintable(r.errorMessage()));
    QCOMPARE(r.header("Retry-After"), QByteArray("6"));
    // Another shape of the same route is the same route.
    QCOMPARE(http.get(u"/api/v1/public/help-requests/QZ33333333"_s).status, 429);

    // The login is a route of its own: the guesser does not lock it out.
    QVERIFY(!http.login(u"town-clerk"_s, u"Demo@2026"_s).isEmpty());
    // Signed-in routes are not limited here.
    const QString token = http.login(u"county-clerk"_s, u"Demo@2026"_s);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(http.get(u"/api/v1/me"_s, token).status, 200);

    // Six seconds later one more lookup may go.
    server.clock().advanceMs(6000);
    QCOMPARE(http.get(lookup).status, 404);
    QCOMPARE(http.get(lookup).status, 429);
}

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_rate_limit.moc"
