// POST /api/v1/audit/views (Art. 26: queries of personal comparison data are lawful, logged and
// confidential): every accepted view becomes a `personal-data.view` entry of the hash-chained audit log with
// who, when, from which address, what and why; a record outside the caller's area (or unknown) is refused on
// its own; a bad body is refused as a whole with the usual error answer and logs nothing.
#include "common/core/IdCard.h"
#include "common/relief/CaseTypes.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kOtherTownVillage = DemoData::villageId(DemoData::townId(u"320612"_s, 1), 0);
const QString kOtherCountyVillage = DemoData::villageId(DemoData::townId(u"320623"_s, 0), 0); // 如东县
const QString kIdentification = QString::fromUtf16(relief::IdentificationCaseType::kName);
const QString kPath = u"/api/v1/audit/views"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString idNumber(int n)
{
    const QString first17 =
        u"320612"_s + QDate(1960, 1, 1).addDays(n * 5).toString(u"yyyyMMdd"_s) + u"%1"_s.arg(300 + n, 3);
    return first17 + IdCard::checkCharacter(first17);
}

QJsonObject view(const QString &recordId, const QString &what = u"comparison"_s,
                 const QString &reason = u"县级审批前核对比对疑点"_s, qint64 at = 1772413200000LL)
{
    return {{u"what"_s, what}, {u"recordId"_s, recordId}, {u"reason"_s, reason}, {u"at"_s, at}};
}

QByteArray body(const QJsonArray &views)
{
    return QJsonDocument(QJsonObject{{u"views"_s, views}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void logsEachView();
    void refusesRecordsOutOfScope();
    void badBodies_data();
    void badBodies();
    void needsSignIn();
    void fullBatch();

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QHash<QString, QString> m_tokens;
    QString m_caseTown;        // in the town reviewer's village
    QString m_caseOtherTown;   // another town of 通州区: the county sees it, the town reviewer does not
    QString m_caseOtherCounty; // 如东县: neither sees it

    QString token(const QString &username)
    {
        if (!m_tokens.contains(username))
            m_tokens.insert(username, m_http->login(username, kPassword));
        return m_tokens.value(username);
    }

    qint64 scalar(const QString &sql)
    {
        SqlQuery q(m_server->store(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
    qint64 viewEntries()
    {
        return scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'personal-data.view'"_s);
    }

    // An identification case pushed by `username`; its id, or empty.
    QString makeCase(const QString &username, const QString &village, int n)
    {
        const QString id = newId();
        const QJsonObject fields{{u"year"_s, 2026},
                                 {u"applicantName"_s, u"赵申请"_s},
                                 {u"applicantIdNumber"_s, idNumber(n)},
                                 {u"members"_s, 3},
                                 {u"perCapitaIncomeFen"_s, 520000},
                                 {u"reason"_s, u"因病致贫"_s},
                                 {u"steps"_s, QJsonArray()},
                                 {u"hits"_s, QJsonArray()}};
        const QJsonObject op{{u"opId"_s, newId()},         {u"recordId"_s, id},
                             {u"type"_s, kIdentification}, {u"orgUnitId"_s, village},
                             {u"kind"_s, u"upsert"_s},     {u"baseVersion"_s, 0},
                             {u"changedFields"_s, fields}, {u"deviceTime"_s, m_server->clock().nowMs()}};
        const HttpResult r =
            m_http->post(u"/api/v1/sync/push"_s,
                         {{u"deviceNow"_s, m_server->clock().nowMs()}, {u"operations"_s, QJsonArray{op}}},
                         token(username));
        const QString status =
            r.json.value(u"results"_s).toArray().first().toObject().value(u"status"_s).toString();
        if (status != u"applied"_s) {
            qWarning("push by %s: %s", qPrintable(username), r.describe().constData());
            return {};
        }
        return id;
    }
};

void TestAccessLog::initTestCase()
{
    m_server = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    qInfo("store: %s", qPrintable(testStoreName()));
    m_http = std::make_unique<HttpsClient>(*m_server);
    m_caseTown = makeCase(u"town-clerk"_s, kVillage, 1);
    m_caseOtherTown = makeCase(u"county-clerk"_s, kOtherTownVillage, 2);
    m_caseOtherCounty = makeCase(u"city-clerk"_s, kOtherCountyVillage, 3);
    QVERIFY(!m_caseTown.isEmpty() && !m_caseOtherTown.isEmpty() && !m_caseOtherCounty.isEmpty());
}

void TestAccessLog::cleanup()
{
    const AuditLog::Verification v = m_server->services().audit.verify();
    QVERIFY2(v.intact, qPrintable(v.reason));
}

void TestAccessLog::cleanupTestCase()
{
    m_http.reset();
    m_server.reset();
}

// Each view is one entry: who, when (the server's time, and the moment of the view as the program reports
// it), from which address, what and the reason; the chain stays intact.
void TestAccessLog::logsEachView()
{
    const QString reviewer = token(u"county-reviewer"_s); // signing in is an entry of its own
    const qint64 before = scalar(u"SELECT seq FROM audit_head WHERE id = 1"_s);
    const HttpResult r = m_http->request(
        "POST", kPath,
        body({view(m_caseTown), view(m_caseOtherTown, u"id-number"_s, u"核实申请人身份"_s, 1772413260000LL)}),
        reviewer);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"logged"_s).toInt(), 2);
    QVERIFY(!r.json.contains(u"refused"_s));
    QCOMPARE(scalar(u"SELECT seq FROM audit_head WHERE id = 1"_s), before + 2);

    SqlQuery q(m_server->store(),
               u"SELECT actor_id, actor_name, action, target_type, target_id, detail, address, "
               u"at_ms FROM audit_log WHERE seq > ? ORDER BY seq"_s);
    q.bind(before).exec();
    QStringList targets;
    QList<QJsonObject> details;
    while (q.next()) {
        QVERIFY(!q.text(0).isEmpty());
        QCOMPARE(q.text(1), u"county-reviewer"_s);
        QCOMPARE(q.text(2), u"personal-data.view"_s);
        QCOMPARE(q.text(3), kIdentification);
        targets.append(q.text(4));
        details.append(QJsonDocument::fromJson(q.text(5).toUtf8()).object());
        QVERIFY2(q.text(6).contains(u"127.0.0.1"_s), qPrintable(q.text(6)));
        QCOMPARE(q.int64(7), m_server->clock().nowMs());
    }
    QCOMPARE(targets, QStringList({m_caseTown, m_caseOtherTown}));
    QCOMPARE(details.at(0).value(u"what"_s).toString(), u"comparison"_s);
    QCOMPARE(details.at(0).value(u"reason"_s).toString(), u"县级审批前核对比对疑点"_s);
    QCOMPARE(details.at(0).value(u"viewedAt"_s).toInteger(), 1772413200000LL);
    QCOMPARE(details.at(1).value(u"what"_s).toString(), u"id-number"_s);
    QCOMPARE(details.at(1).value(u"reason"_s).toString(), u"核实申请人身份"_s);
    QCOMPARE(details.at(1).value(u"viewedAt"_s).toInteger(), 1772413260000LL);
    // The same user id as the session's.
    SqlQuery user(m_server->store(), u"SELECT id FROM users WHERE username = 'county-reviewer'"_s);
    user.exec();
    QVERIFY(user.next());
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE seq > %1 AND actor_id = '%2'"_s.arg(before).arg(
                 user.text(0))),
             2);
}

// A record outside the caller's area, or one that does not exist, is refused on its own with the same answer
// (nothing about the record); the others are logged.
void TestAccessLog::refusesRecordsOutOfScope()
{
    const qint64 entries = viewEntries();
    const QString unknown = newId();
    HttpResult r = m_http->request("POST", kPath,
                                   body({view(m_caseTown), view(m_caseOtherTown), view(unknown),
                                         view(m_caseOtherCounty, u"id-number"_s)}),
                                   token(u"town-reviewer"_s));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"logged"_s).toInt(), 1);
    const QJsonArray refused = r.json.value(u"refused"_s).toArray();
    QCOMPARE(refused.size(), 3);
    const QStringList expected{m_caseOtherTown, unknown, m_caseOtherCounty};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject o = refused.at(i).toObject();
        QCOMPARE(o.value(u"index"_s).toInt(), i + 1);
        QCOMPARE(o.value(u"recordId"_s).toString(), expected.at(i));
        QCOMPARE(o.value(u"code"_s).toString(), u"FORBIDDEN"_s);
        QCOMPARE(o.value(u"message"_s).toString(), refused.at(0).toObject().value(u"message"_s).toString());
        QVERIFY(!o.contains(u"type"_s));
    }
    QCOMPARE(viewEntries(), entries + 1);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'personal-data.view' AND actor_name = "
                    u"'town-reviewer' AND target_id <> '%1'"_s.arg(m_caseTown)),
             0);

    // The county sees its own towns, not another county; the city sees everything.
    r = m_http->request("POST", kPath, body({view(m_caseOtherCounty)}), token(u"county-reviewer"_s));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"logged"_s).toInt(), 0);
    QCOMPARE(r.json.value(u"refused"_s).toArray().size(), 1);
    r = m_http->request("POST", kPath, body({view(m_caseOtherCounty), view(m_caseTown)}),
                        token(u"city-reviewer"_s));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"logged"_s).toInt(), 2);
    QCOMPARE(viewEntries(), entries + 3);
}

void TestAccessLog::badBodies_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QJsonObject ok = view(u"00000000-0000-0000-0000-000000000001"_s);
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = ok;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return body({ok, o});
    };
    QTest::newRow("not json") << QByteArray("{\"views\": [") << 400 << u"MALFORMED_JSON"_s << QString();
    QTest::newRow("array body") << QByteArray("[]") << 400 << u"MALFORMED_JSON"_s << QString();
    QTest::newRow("no views") << QByteArray("{}") << 400 << u"MISSING_FIELD"_s << u"views"_s;
    QTest::newRow("views not array") << QByteArray("{\"views\":{}}") << 400 << u"INVALID_TYPE"_s
                                     << u"views"_s;
    QTest::newRow("views empty") << body({}) << 400 << u"BAD_REQUEST"_s << u"views"_s;
    QJsonArray many;
    for (int i = 0; i < 501; ++i)
        many.append(ok);
    QTest::newRow("501 views") << body(many) << 400 << u"TOO_LONG"_s << u"views"_s;
    QTest::newRow("unknown top field")
        << QJsonDocument(QJsonObject{{u"views"_s, QJsonArray{ok}}, {u"user"_s, u"admin"_s}}).toJson() << 400
        << u"UNKNOWN_FIELD"_s << u"user"_s;
    QTest::newRow("item not object") << body({ok, u"x"_s}) << 400 << u"INVALID_TYPE"_s << u"views[1]"_s;
    QTest::newRow("unknown item field")
        << with(u"who"_s, u"someone"_s) << 400 << u"UNKNOWN_FIELD"_s << u"views[1].who"_s;
    QTest::newRow("what unknown") << with(u"what"_s, u"household"_s) << 400 << u"BAD_REQUEST"_s
                                  << u"views[1].what"_s;
    QTest::newRow("what not string") << with(u"what"_s, 1) << 400 << u"INVALID_TYPE"_s << u"views[1].what"_s;
    QTest::newRow("recordId missing")
        << with(u"recordId"_s, QJsonValue::Undefined) << 400 << u"MISSING_FIELD"_s << u"views[1].recordId"_s;
    QTest::newRow("recordId too long")
        << with(u"recordId"_s, QString(65, u'a')) << 400 << u"TOO_LONG"_s << u"views[1].recordId"_s;
    QTest::newRow("reason missing") << with(u"reason"_s, QJsonValue::Undefined) << 400 << u"MISSING_FIELD"_s
                                    << u"views[1].reason"_s;
    QTest::newRow("reason blank") << with(u"reason"_s, u"   "_s) << 400 << u"MISSING_FIELD"_s
                                  << u"views[1].reason"_s;
    QTest::newRow("reason too long") << with(u"reason"_s, QString(201, u'查')) << 400 << u"TOO_LONG"_s
                                     << u"views[1].reason"_s;
    QTest::newRow("reason not string")
        << with(u"reason"_s, true) << 400 << u"INVALID_TYPE"_s << u"views[1].reason"_s;
    QTest::newRow("at string") << with(u"at"_s, u"2026-03-02"_s) << 400 << u"INVALID_TYPE"_s
                               << u"views[1].at"_s;
    QTest::newRow("at fraction") << with(u"at"_s, 1.5) << 400 << u"INVALID_TYPE"_s << u"views[1].at"_s;
    QTest::newRow("at negative") << with(u"at"_s, -1) << 422 << u"VALIDATION_FAILED"_s << u"views[1].at"_s;
    QTest::newRow("at missing") << with(u"at"_s, QJsonValue::Undefined) << 400 << u"MISSING_FIELD"_s
                                << u"views[1].at"_s;
}

// The whole request is refused with a stable code, a Chinese message and the field; nothing is logged, not
// even the good entries before the bad one.
void TestAccessLog::badBodies()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    // The good entry of the payloads names a record in scope.
    payload.replace("00000000-0000-0000-0000-000000000001", m_caseTown.toLatin1());
    const qint64 entries = scalar(u"SELECT COUNT(*) FROM audit_log"_s);
    const HttpResult r = m_http->request("POST", kPath, payload, token(u"county-reviewer"_s));
    QVERIFY2(r.status == status && r.errorCode() == code,
             qPrintable(u"expected %1 %2, got "_s.arg(status).arg(code) + QString::fromUtf8(r.describe())));
    QCOMPARE(r.errorField(), field);
    const QString message = r.errorMessage();
    QVERIFY2(std::any_of(message.begin(), message.end(),
                         [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; }),
             qPrintable(message));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log"_s), entries);
}

void TestAccessLog::needsSignIn()
{
    const qint64 entries = viewEntries();
    HttpResult r = m_http->request("POST", kPath, body({view(m_caseTown)}));
    EXPECT_ERROR(r, 401, "UNAUTHENTICATED");
    r = m_http->request("POST", kPath, body({view(m_caseTown)}), u"not-a-token"_s);
    QCOMPARE(r.status, 401);
    r = m_http->get(kPath, token(u"county-reviewer"_s));
    QCOMPARE(r.status, 405);
    QCOMPARE(viewEntries(), entries);
}

// 500 views in one request: all logged in one go, the chain intact (checked in cleanup()).
void TestAccessLog::fullBatch()
{
    const qint64 entries = viewEntries();
    QJsonArray views;
    for (int i = 0; i < 500; ++i)
        views.append(view(i % 2 ? m_caseTown : m_caseOtherTown, u"comparison"_s, u"批量核对 %1"_s.arg(i)));
    const HttpResult r = m_http->request("POST", kPath, body(views), token(u"county-reviewer"_s));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"logged"_s).toInt(), 500);
    QCOMPARE(viewEntries(), entries + 500);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%批量核对 499%'"_s), 1);
}

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_access_log.moc"
