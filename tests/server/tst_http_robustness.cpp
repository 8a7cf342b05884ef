// The HTTP front under bad input: plain HTTP on the TLS port, untrusted clients, wrong methods and paths,
// oversized bodies and random garbage. Every answer is a JSON error and the server keeps serving.
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestTls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kDemoPassword = QString::fromUtf16(DemoData::kPassword);
constexpr qint64 kBodyLimit = 64 * 1024;

// Random garbage of several kinds; none of it is a complete valid request body for login or user creation.
class Garbage
{
public:
    explicit Garbage(quint32 seed)
        : m_random(seed)
    {}

    QByteArray next(const QJsonObject &valid)
    {
        switch (m_random.bounded(8)) {
        case 0:
            return randomBytes(int(m_random.bounded(1, 2000)));
        case 1: { // a valid body cut short
            const QByteArray json = QJsonDocument(valid).toJson(QJsonDocument::Compact);
            return json.left(int(m_random.bounded(1, int(json.size()) - 1)));
        }
        case 2: { // a valid body with one byte overwritten by a structural character
            QByteArray json = QJsonDocument(valid).toJson(QJsonDocument::Compact);
            static const char structural[] = "{}[]:,\"\\";
            json[int(m_random.bounded(int(json.size())))] = structural[m_random.bounded(8)];
            // Writing '"' over '"' (and the like) can leave it valid; make sure it is not.
            if (!QJsonDocument::fromJson(json).isNull())
                json.append('}');
            return json;
        }
        case 3: { // every field with a wrong type
            QJsonObject o;
            for (auto it = valid.constBegin(); it != valid.constEnd(); ++it)
                o.insert(it.key(), wrongValueFor(it.value()));
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
        case 4: { // the valid body plus an unknown field
            QJsonObject o = valid;
            o.insert(u"x"_s + QString::fromLatin1(randomBytes(6).toHex()), randomValue());
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
        case 5: { // deep nesting
            const int depth = int(m_random.bounded(200, 5000));
            return QByteArray(depth, '[') + QByteArray(depth, ']');
        }
        case 6: { // not an object
            static const QList<QByteArray> values{"null", "true", "42",    "\"text\"",
                                                  "[]",   "[{}]", "1e999", ""};
            return values.at(int(m_random.bounded(int(values.size()))));
        }
        default: { // a required field missing, or invalid UTF-8 and a NUL inside a key
            QJsonObject o = valid;
            o.remove(m_random.bounded(2) == 0 ? u"username"_s : u"password"_s);
            QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
            if (m_random.bounded(2) == 0) {
                static const char broken[] = "\"bad\xff\xfe\x00name\": 1,";
                json.insert(1, QByteArray(broken, sizeof(broken) - 1));
            }
            return json;
        }
        }
    }

private:
    QByteArray randomBytes(int n)
    {
        QByteArray out(n, Qt::Uninitialized);
        for (char &c : out)
            c = char(m_random.bounded(256));
        return out;
    }
    QJsonValue randomValue()
    {
        switch (m_random.bounded(5)) {
        case 0:
            return QJsonValue();
        case 1:
            return double(m_random.generate());
        case 2:
            return QString::fromLatin1(randomBytes(8).toBase64());
        case 3:
            return QJsonArray{1, u"a"_s};
        default:
            return QJsonObject{{u"k"_s, true}};
        }
    }
    QJsonValue wrongValueFor(const QJsonValue &v)
    {
        if (v.isString())
            return m_random.bounded(2) ? QJsonValue(12345) : QJsonValue(QJsonArray{v});
        if (v.isArray())
            return m_random.bounded(2) ? QJsonValue(u"clerk"_s) : QJsonValue(QJsonArray{QJsonObject{}});
        return QJsonValue(u"not a number"_s);
    }

    QRandomGenerator m_random;
};

} // namespace

class TestHttpRobustness : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_client;

    HttpsClient &client() { return *m_client; }

    void expectHealthy()
    {
        const HttpResult health = client().get(u"/api/v1/health"_s);
        EXPECT_STATUS(health, 200);
        QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);
    }

private slots:
    void initTestCase()
    {
        ServerFixture::Options options;
        options.limits.maxBodyBytes = kBodyLimit;
        m_server = std::make_unique<ServerFixture>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = std::make_unique<HttpsClient>(*m_server);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void plainHttpGetsNoData()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
        socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n");
        QByteArray received;
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        // The server drops the connection (failed handshake); give it up to its handshake timeout.
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 15000);
        received += socket.readAll();
        QVERIFY2(!received.contains("HTTP/"), received.constData());
        QVERIFY2(!received.contains('{'), received.toHex().constData());
        QVERIFY2(!received.contains("ok"), received.toHex().constData());
        expectHealthy();
    }

    void untrustedClientRefusesServer()
    {
        // A client that does not trust the test CA must fail the handshake; this shows the client really
        // verifies.
        HttpsClient stranger(m_server->baseUrl(), {TestTls::instance().otherCaCertificate()});
        stranger.setTimeoutMs(10000);
        const HttpResult r = stranger.get(u"/api/v1/health"_s);
        QCOMPARE(r.status, 0);
        QCOMPARE(r.networkError, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(!r.sslErrors.isEmpty());
        QVERIFY(r.body.isEmpty());
        // By name, "localhost" is covered by the certificate too.
        QUrl byName = m_server->baseUrl();
        byName.setHost(u"localhost"_s);
        HttpsClient named(byName, {m_server->caCertificate()});
        const HttpResult ok = named.get(u"/api/v1/health"_s);
        // localhost may resolve to ::1 first where nothing listens; Qt then tries 127.0.0.1.
        EXPECT_STATUS(ok, 200);
    }

    void wrongMethodIs405WithAllow()
    {
        HttpResult r = client().request("DELETE", u"/api/v1/health"_s);
        EXPECT_ERROR(r, 405, "METHOD_NOT_ALLOWED");
        QCOMPARE(r.header("allow"), QByteArray("GET"));
        r = client().request("GET", u"/api/v1/auth/login"_s);
        EXPECT_ERROR(r, 405, "METHOD_NOT_ALLOWED");
        QCOMPARE(r.header("allow"), QByteArray("POST"));
        r = client().request("PUT", u"/api/v1/admin/users"_s, QByteArray("{}"));
        EXPECT_ERROR(r, 405, "METHOD_NOT_ALLOWED");
        const QList<QByteArray> allowed = r.header("allow").split(',');
        QCOMPARE(allowed.size(), 2);
        QVERIFY(allowed.contains("GET") || allowed.contains(" GET"));
        QVERIFY(allowed.contains("POST") || allowed.contains(" POST"));
        // An authenticated route with the wrong method does not ask for a login first.
        EXPECT_ERROR(client().request("DELETE", u"/api/v1/admin/users/demo-admin"_s), 405,
                     "METHOD_NOT_ALLOWED");
    }

    void unknownPathIs404Json()
    {
        for (const QString &path :
             {u"/api/v1/nothing-here"_s, u"/index.html"_s, u"/api/v2/health"_s, u"/api/v1/health/extra"_s,
              u"/api/v1/%E4%B8%AD%E6%96%87"_s, u"/api/v1/admin/users/a/b/c"_s}) {
            const HttpResult r = client().get(path);
            EXPECT_ERROR(r, 404, "NOT_FOUND");
            QVERIFY(r.header("content-type").startsWith("application/json"));
            QVERIFY(!r.errorMessage().isEmpty());
        }
    }

    void bodyOverLimit()
    {
        // Just over the limit: a proper 413 answer.
        const QByteArray over(kBodyLimit + 1024, 'a');
        HttpResult r = client().request("POST", u"/api/v1/auth/login"_s, over);
        EXPECT_ERROR(r, 413, "PAYLOAD_TOO_LARGE");
        expectHealthy();

        // Far over it (1 MiB): a 413, or the connection is cut before the body is read.
        const QByteArray huge(1024 * 1024, '{');
        r = client().request("POST", u"/api/v1/auth/login"_s, huge);
        QVERIFY2(r.status == 413 ||
                     (r.status == 0 && r.networkError != QNetworkReply::NoError && !r.timedOut),
                 r.describe().constData());
        qInfo("1 MiB body: %s", r.describe().left(200).constData());
        if (r.status == 413)
            QCOMPARE(r.errorCode(), u"PAYLOAD_TOO_LARGE"_s);
        expectHealthy();

        // Authenticated routes too, and the server still logs people in afterwards.
        const QString admin = client().login(u"admin"_s, kDemoPassword);
        QVERIFY(!admin.isEmpty());
        r = client().request("POST", u"/api/v1/admin/users"_s, huge, admin);
        QVERIFY2(r.status == 413 ||
                     (r.status == 0 && r.networkError != QNetworkReply::NoError && !r.timedOut),
                 r.describe().constData());
        EXPECT_STATUS(client().get(u"/api/v1/me"_s, admin), 200);
        // Just under the limit is read (and refused for what it is).
        r = client().request("POST", u"/api/v1/auth/login"_s, QByteArray(kBodyLimit - 1024, ' ') + "[]");
        EXPECT_ERROR(r, 400, "MALFORMED_JSON");
    }

    void garbageBodiesGetJsonErrors()
    {
        const QString admin = client().login(u"admin"_s, kDemoPassword);
        QVERIFY(!admin.isEmpty());
        const HttpResult before = client().get(u"/api/v1/admin/users"_s, admin);
        EXPECT_STATUS(before, 200);
        const int usersBefore = before.json.value(u"total"_s).toInt();

        const QJsonObject login{{u"username"_s, u"fuzz-nobody"_s}, {u"password"_s, u"Fuzz#Pass2026"_s}};
        const QJsonObject create{{u"username"_s, u"fuzz-user"_s},
                                 {u"displayName"_s, u"模糊测试"_s},
                                 {u"roles"_s, QJsonArray{u"clerk"_s}},
                                 {u"orgUnitId"_s, u"320612000000"_s},
                                 {u"departmentId"_s, u"320612000000-agriculture"_s},
                                 {u"phone"_s, u"13912345678"_s},
                                 {u"password"_s, u"Fuzz#Pass2026"_s}};
        const quint32 seed = 20260302;
        Garbage garbage(seed);
        QHash<QString, int> codes;
        for (int i = 0; i < 400; ++i) {
            const bool toLogin = i % 2 == 0;
            const QByteArray body = garbage.next(toLogin ? login : create);
            const HttpResult r =
                client().request("POST", toLogin ? u"/api/v1/auth/login"_s : u"/api/v1/admin/users"_s, body,
                                 toLogin ? QString() : admin);
            QVERIFY2(r.status >= 400 && r.status < 500 && !r.errorCode().isEmpty() &&
                         !r.errorMessage().isEmpty(),
                     QByteArray("seed " + QByteArray::number(seed) + " case " + QByteArray::number(i) +
                                " body " + body.left(200).toHex() + ": " + r.describe())
                         .constData());
            ++codes[r.errorCode()];
        }
        qInfo() << "error codes seen:" << codes;
        QVERIFY(codes.value(u"MALFORMED_JSON"_s) > 0);
        QVERIFY(codes.value(u"INVALID_TYPE"_s) > 0);
        QVERIFY(codes.value(u"UNKNOWN_FIELD"_s) > 0);
        QVERIFY(codes.value(u"MISSING_FIELD"_s) > 0);

        // Still serving, nothing created, the admin session intact.
        expectHealthy();
        const HttpResult after = client().get(u"/api/v1/admin/users"_s, admin);
        EXPECT_STATUS(after, 200);
        QCOMPARE(after.json.value(u"total"_s).toInt(), usersBefore);
        EXPECT_STATUS(client().post(u"/api/v1/auth/login"_s,
                                    {{u"username"_s, u"city-clerk"_s}, {u"password"_s, kDemoPassword}}),
                      200);
    }

    void garbageHeadersAndQueries()
    {
        const QString admin = client().login(u"admin"_s, kDemoPassword);
        QVERIFY(!admin.isEmpty());
        EXPECT_ERROR(client().get(u"/api/v1/admin/users?limit=%FF%FE"_s, admin), 400, "BAD_REQUEST");
        EXPECT_ERROR(client().get(u"/api/v1/admin/users?sort=%27%3B%20DROP%20TABLE%20users%3B--"_s, admin),
                     400, "BAD_REQUEST");
        const HttpResult injection =
            client().get(u"/api/v1/admin/users?q=%27%20OR%20%271%27%3D%271"_s, admin);
        EXPECT_STATUS(injection, 200);
        QCOMPARE(injection.json.value(u"total"_s).toInt(), 0);
        EXPECT_ERROR(client().requestWithAuthorization("GET", u"/api/v1/me"_s, {}, "Bearer \xff\xfe"), 401,
                     "SESSION_EXPIRED");
        expectHealthy();
    }
};

QTEST_GUILESS_MAIN(TestHttpRobustness)
#include "tst_http_robustness.moc"
