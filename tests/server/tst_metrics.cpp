// Operations: the monitoring listener (GET /metrics in the Prometheus text format) on an address of its own
// and only with its token; the numbers it reports follow what the API served (requests by route and status,
// the latency histogram, pushed operations, pulled records, database errors, open sessions); every API answer
// carries X-Request-Id; the public TLS port does not serve /metrics.
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QByteArray kToken = "metrics-token-for-the-test-0123456789";

struct Scrape
{
    int status = 0;
    QString body;
};

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onlyWithTheToken();
    void countsWhatWasServed();
    void requestIds();

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QNetworkAccessManager m_nam;

    Scrape scrape(const QByteArray &authorization, const QString &path = u"/metrics"_s)
    {
        QNetworkRequest request(
            QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->server().metricsPort()).arg(path)));
        if (!authorization.isNull())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = m_nam.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        Scrape s{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 QString::fromUtf8(reply->readAll())};
        reply->deleteLater();
        return s;
    }

    // The value of one sample line ("name{labels} value"), or -1 when absent.
    static double sample(const QString &text, const QString &series)
    {
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(series + u' '))
                return line.mid(series.size() + 1).toDouble();
        }
        return -1;
    }
};

void TestMetrics::initTestCase()
{
    ServerFixture::Options options;
    options.metricsToken = kToken;
    m_server = std::make_unique<ServerFixture>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    qInfo("store: %s", qPrintable(testStoreName()));
    QVERIFY(m_server->server().metricsPort() != 0);
    QVERIFY(m_server->server().metricsPort() != m_server->port());
    m_http = std::make_unique<HttpsClient>(*m_server);
}

void TestMetrics::cleanupTestCase()
{
    m_http.reset();
    m_server.reset();
}

void TestMetrics::onlyWithTheToken()
{
    QCOMPARE(scrape(QByteArray()).status, 401);
    QCOMPARE(scrape("Bearer wrong-token-of-the-same-shape-000000").status, 401);
    QCOMPARE(scrape("Basic " + kToken).status, 401);
    QCOMPARE(scrape("Bearer " + kToken, u"/"_s).status, 404);
    const Scrape ok = scrape("Bearer " + kToken);
    QCOMPARE(ok.status, 200);
    QVERIFY(ok.body.contains(u"# TYPE sunshine_http_requests_total counter"_s));
    // The public port has no such route.
    QCOMPARE(m_http->get(u"/metrics"_s).status, 404);
}

void TestMetrics::countsWhatWasServed()
{
    const Scrape before = scrape("Bearer " + kToken);
    const QString login = u"sunshine_http_requests_total{route=\"POST /api/v1/auth/login\",status=\"200\"}"_s;
    const QString badLogin =
        u"sunshine_http_requests_total{route=\"POST /api/v1/auth/login\",status=\"401\"}"_s;
    const QString unmatched = u"sunshine_http_requests_total{route=\"unmatched\",status=\"404\"}"_s;
    const QString pull = u"sunshine_http_requests_total{route=\"GET /api/v1/sync/pull\",status=\"200\"}"_s;
    const double loginsBefore = qMax(0.0, sample(before.body, login));
    const double requestsBefore = sample(before.body, u"sunshine_http_request_duration_seconds_count"_s);

    const QString token = m_http->login(u"town-clerk"_s, QString::fromUtf16(DemoData::kPassword));
    QVERIFY(!token.isEmpty());
    QVERIFY(m_http->login(u"town-clerk"_s, u"wrong password"_s).isEmpty());
    QCOMPARE(m_http->get(u"/api/v1/no-such-thing"_s).status, 404);
    // Two operations pushed (a helper entered, one refused on its own), then pulled.
    const QJsonObject op{{u"opId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {u"recordId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {u"type"_s, u"helper"_s},
                         {u"orgUnitId"_s, DemoData::townId(u"320612"_s, 0)},
                         {u"kind"_s, u"upsert"_s},
                         {u"baseVersion"_s, 0},
                         {u"changedFields"_s, QJsonObject{{u"name"_s, u"周帮扶"_s},
                                                          {u"kind"_s, u"cadre"_s},
                                                          {u"unit"_s, u"区农业农村局"_s},
                                                          {u"mobile"_s, u"13900001111"_s}}},
                         {u"deviceTime"_s, m_server->clock().nowMs()}};
    const HttpResult pushed =
        m_http->post(u"/api/v1/sync/push"_s,
                     {{u"deviceNow"_s, m_server->clock().nowMs()},
                      {u"operations"_s, QJsonArray{op, QJsonObject{{u"opId"_s, u"x"_s}}}}},
                     token);
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.json.value(u"results"_s).toArray().first().toObject().value(u"status"_s).toString(),
             u"applied"_s);
    const HttpResult pulled = m_http->get(u"/api/v1/sync/pull?limit=500"_s, token);
    QCOMPARE(pulled.status, 200);
    const qsizetype records = pulled.json.value(u"records"_s).toArray().size();
    QVERIFY(records >= 1);

    const Scrape after = scrape("Bearer " + kToken);
    QCOMPARE(after.status, 200);
    QCOMPARE(sample(after.body, login), loginsBefore + 1);
    QVERIFY(sample(after.body, badLogin) >= 1);
    QVERIFY(sample(after.body, unmatched) >= 1);
    QVERIFY(sample(after.body, pull) >= 1);
    QCOMPARE(sample(after.body, u"sunshine_sync_pulled_records_total"_s),
             qMax(0.0, sample(before.body, u"sunshine_sync_pulled_records_total"_s)) + double(records));
    QCOMPARE(sample(after.body, u"sunshine_sync_pushed_operations_total"_s),
             qMax(0.0, sample(before.body, u"sunshine_sync_pushed_operations_total"_s)) + 2);
    QVERIFY(sample(after.body, u"sunshine_open_sessions"_s) >= 1);
    QCOMPARE(sample(after.body, u"sunshine_database_errors_total"_s), 0.0);
    // The histogram: cumulative buckets, +Inf equal to the count, at least the five requests above.
    const double count = sample(after.body, u"sunshine_http_request_duration_seconds_count"_s);
    QVERIFY(count >= requestsBefore + 5);
    QCOMPARE(sample(after.body, u"sunshine_http_request_duration_seconds_bucket{le=\"+Inf\"}"_s), count);
    double previous = 0;
    static const QRegularExpression bucket(
        u"^sunshine_http_request_duration_seconds_bucket\\{le=\"([^\"]+)\"\\} (\\d+)$"_s);
    for (const QString &line : after.body.split(u'\n')) {
        const QRegularExpressionMatch m = bucket.match(line);
        if (!m.hasMatch())
            continue;
        QVERIFY(m.captured(2).toDouble() >= previous);
        previous = m.captured(2).toDouble();
    }

    // A database that fails is counted.
    m_server->store().failAccessNumber(1);
    QCOMPARE(m_http->get(u"/api/v1/sync/pull?limit=1"_s, token).status / 100, 5);
    m_server->store().failAccessNumber(0);
    QVERIFY(sample(scrape("Bearer " + kToken).body, u"sunshine_database_errors_total"_s) >= 1);
}

void TestMetrics::requestIds()
{
    const HttpResult a = m_http->get(u"/api/v1/health"_s);
    const HttpResult b = m_http->get(u"/api/v1/health"_s);
    QVERIFY(!a.header("X-Request-Id").isEmpty());
    QVERIFY(a.header("X-Request-Id") != b.header("X-Request-Id"));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
