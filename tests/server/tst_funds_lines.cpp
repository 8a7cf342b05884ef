// Fund lines administrators add to the catalog (issue #5): city administrators add them over TLS, every
// signed-in user reads them, every rule sees them (a disbursement on an added line by a clerk of its lead
// department is applied, by another refused), bad input changes nothing, and a line never disappears while a
// live record uses it. Also the migration that brings the table, from version 4.
#include "common/auth/Role.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "server/demo/DemoData.h"
#include "server/store/Migrator.h"
#include "server/store/Store.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);

const QString kCounty = u"320612000000"_s; // 通州区
const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);
const QString kAgriculture = kCounty + u"-agriculture"_s;
const QString kWater = kCounty + u"-water"_s;

const QString kCityAdmin = u"city-admin"_s;
const QString kCountyAdmin = u"county-admin"_s;
const QString kCountyClerk = u"county-clerk"_s;  // 通州区农业农村局
const QString kWaterClerk = u"tz-water-clerk"_s; // added by the test: 通州区水利局

const QString kAdded = u"agri-test-cooperative"_s; // added in addByCityAdmin, used by a disbursement

constexpr qint64 kHour = 60LL * 60 * 1000;

qint64 chinaMs(QDate date, QTime time = QTime(10, 0))
{
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - 8 * kHour;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject lineJson(const QString &code, const QString &name = u"农民合作社发展补助（测试）"_s)
{
    return {{u"code"_s, code},
            {u"article"_s, u"二十二(十)"_s},
            {u"name"_s, name},
            {u"leadDepartment"_s, u"agriculture"_s},
            {u"kind"_s, u"agricultural"_s},
            {u"cycle"_s, u"per-project"_s},
            {u"recipient"_s, u"project"_s},
            {u"note"_s, u"市级新增的资金项目"_s}};
}

QStringList codesOf(const QJsonArray &items)
{
    QStringList codes;
    for (const QJsonValue &v : items)
        codes.append(v.toObject().value(u"code"_s).toString());
    return codes;
}

} // namespace

class TestFundLines : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QHash<QString, QString> m_tokens;

    QString token(const QString &username)
    {
        if (!m_tokens.contains(username)) {
            const QString t = m_http->login(username, kPassword);
            if (t.isEmpty())
                qWarning("login of %s failed: %s", qPrintable(username),
                         m_http->lastLogin().describe().constData());
            m_tokens.insert(username, t);
        }
        return m_tokens.value(username);
    }

    qint64 scalar(const QString &sql, const QString &arg = QString())
    {
        SqlQuery q(m_server->store(), sql);
        if (!arg.isNull())
            q.bindText(arg);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
    qint64 storedLines() { return scalar(u"SELECT COUNT(*) FROM fund_lines"_s); }
    // Entries about fund lines (sign-ins are logged too).
    qint64 auditEntries()
    {
        return scalar(u"SELECT COUNT(*) FROM audit_log WHERE target_type = 'fund-line'"_s);
    }

    QStringList listedCodes(const QString &username)
    {
        const HttpResult r = m_http->get(u"/api/v1/fund-lines"_s, token(username));
        if (r.status != 200)
            qWarning("GET /api/v1/fund-lines failed: %s", r.describe().constData());
        return codesOf(r.json.value(u"items"_s).toArray());
    }

    HttpResult remove(const QString &code, const QString &username)
    {
        return m_http->request("DELETE", u"/api/v1/admin/fund-lines/"_s + code, QByteArray(),
                               token(username));
    }

    QJsonObject disbursement(const QString &fundCode, const QString &departmentId, const QString &id)
    {
        const QJsonObject fields{{u"fundCode"_s, fundCode},
                                 {u"recipientKind"_s, u"project"_s},
                                 {u"recipientName"_s, u"通州区某合作社项目"_s},
                                 {u"amountFen"_s, 125000},
                                 {u"period"_s, u"2026-05"_s},
                                 {u"paidOn"_s, u"2026-05-08"_s},
                                 {u"account"_s, u"6228480012345678"_s}};
        return {{u"opId"_s, newId()},
                {u"recordId"_s, id},
                {u"type"_s, kDisbursement},
                {u"orgUnitId"_s, kCounty},
                {u"departmentId"_s, departmentId},
                {u"kind"_s, u"upsert"_s},
                {u"baseVersion"_s, 0},
                {u"changedFields"_s, fields},
                {u"deviceTime"_s, now()}};
    }

    qint64 now() const { return m_server->clock().nowMs(); }

    PushAnswer pushOne(const QString &username, const QJsonObject &op)
    {
        const HttpResult r =
            m_http->post(u"/api/v1/sync/push"_s, {{u"deviceNow"_s, now()}, {u"operations"_s, QJsonArray{op}}},
                         token(username));
        if (r.status != 200) {
            qWarning("push by %s failed: %s", qPrintable(username), r.describe().constData());
            return {};
        }
        const QJsonArray results = r.json.value(u"results"_s).toArray();
        return results.size() == 1 ? PushAnswer{results.first().toObject()} : PushAnswer{};
    }

    bool stored(const QString &id) { return scalar(u"SELECT COUNT(*) FROM records WHERE id = ?"_s, id) == 1; }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpsClient>(*m_server);
        m_server->clock().setNowMs(chinaMs(QDate(2026, 5, 12)));
        addUser(*m_server, kWaterClerk, Role::Clerk, kCounty, kWater);
        QVERIFY(!token(kWaterClerk).isEmpty());
        QVERIFY(!funds::FundCatalog::isBuiltIn(kAdded));
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void nothingAddedAtFirst()
    {
        QCOMPARE(storedLines(), 0);
        const HttpResult r = m_http->get(u"/api/v1/fund-lines"_s, token(kCountyClerk));
        EXPECT_STATUS(r, 200);
        QVERIFY(r.json.value(u"items"_s).toArray().isEmpty());
        // The lead departments an administrator may name, by code with their short Chinese name.
        QString agriculture;
        for (const QJsonValue &v : r.json.value(u"departments"_s).toArray()) {
            if (v.toObject().value(u"code"_s).toString() == u"agriculture"_s)
                agriculture = v.toObject().value(u"name"_s).toString();
        }
        QCOMPARE(agriculture, u"农业农村局"_s);
        QCOMPARE(m_http->get(u"/api/v1/fund-lines"_s).status, 401);
        QCOMPARE(funds::allFundLines().size(), funds::FundCatalog::builtIn().lines().size());
    }

    void addByCityAdmin()
    {
        const qint64 audits = auditEntries();
        const HttpResult r = m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(kAdded), token(kCityAdmin));
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.json.value(u"code"_s).toString(), kAdded);
        QCOMPARE(r.json.value(u"kind"_s).toString(), u"agricultural"_s);
        QVERIFY(r.json.value(u"createdAt"_s).toInteger() > 0);
        QCOMPARE(storedLines(), 1);
        // Visible to a county clerk, and in the catalog in force.
        QCOMPARE(listedCodes(kCountyClerk), QStringList{kAdded});
        const std::optional<funds::FundLine> line = funds::findFundLine(kAdded);
        QVERIFY(line);
        QCOMPARE(line->leadDepartment, u"agriculture"_s);
        QCOMPARE(line->cycle, funds::PaymentCycle::PerProject);
        QCOMPARE(line->recipient, funds::Recipient::Project);
        QCOMPARE(funds::allFundLines().size(), funds::FundCatalog::builtIn().lines().size() + 1);
        QCOMPARE(funds::allFundLines().last().code, kAdded);
        // Audit-logged, and the chain still holds.
        QCOMPARE(auditEntries(), audits + 1);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'fund-line.create' AND target_id = ?"_s,
                   kAdded),
            1);
        QVERIFY(m_server->services().audit.verify().intact);
    }

    void refusedForOthers_data()
    {
        QTest::addColumn<QString>("username");
        QTest::newRow("county administrator") << kCountyAdmin;
        QTest::newRow("town administrator") << u"town-admin"_s;
        QTest::newRow("city clerk") << u"city-clerk"_s;
        QTest::newRow("city leader") << u"city-leader"_s;
        QTest::newRow("city supervisor") << u"city-supervisor"_s;
        QTest::newRow("county clerk") << kCountyClerk;
    }

    void refusedForOthers()
    {
        QFETCH(QString, username);
        const qint64 lines = storedLines();
        const qint64 audits = auditEntries();
        const HttpResult r =
            m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(u"agri-by-others"_s), token(username));
        EXPECT_ERROR(r, 403, "FORBIDDEN");
        QVERIFY(isChinese(r.errorMessage()));
        EXPECT_ERROR(remove(kAdded, username), 403, "FORBIDDEN");
        QCOMPARE(storedLines(), lines);
        QCOMPARE(auditEntries(), audits);
        QVERIFY(!funds::findFundLine(u"agri-by-others"_s));
        QVERIFY(funds::findFundLine(kAdded));
    }

    void withoutSession()
    {
        QCOMPARE(m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(u"agri-anonymous"_s)).status, 401);
        QCOMPARE(storedLines(), 1);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("key"); // the member to change; "-name" removes it, "+x" adds x
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString invalid = u"VALIDATION_FAILED"_s;
        auto row = [](const char *name, const QString &key, const QJsonValue &value, int status,
                      const QString &code, const QString &field) {
            QTest::newRow(name) << key << value << status << code << field;
        };
        row("unknown kind", u"kind"_s, u"relief"_s, 422, invalid, u"kind"_s);
        row("kind in Chinese", u"kind"_s, u"涉农资金"_s, 422, invalid, u"kind"_s);
        row("unknown cycle", u"cycle"_s, u"yearly"_s, 422, invalid, u"cycle"_s);
        row("unknown recipient", u"recipient"_s, u"family"_s, 422, invalid, u"recipient"_s);
        row("empty name", u"name"_s, u""_s, 422, invalid, u"name"_s);
        row("blank name", u"name"_s, u"   "_s, 422, invalid, u"name"_s);
        row("name too long", u"name"_s, QString(101, u'补'), 422, invalid, u"name"_s);
        row("empty article", u"article"_s, u""_s, 422, invalid, u"article"_s);
        row("empty code", u"code"_s, u""_s, 422, invalid, u"code"_s);
        row("non-ASCII code", u"code"_s, u"农业补贴"_s, 422, invalid, u"code"_s);
        row("upper-case code", u"code"_s, u"Agri-Test"_s, 422, invalid, u"code"_s);
        row("code with a space", u"code"_s, u"agri test"_s, 422, invalid, u"code"_s);
        row("code too long", u"code"_s, QString(65, u'a'), 422, invalid, u"code"_s);
        row("duplicate of an added code", u"code"_s, kAdded, 409, u"DUPLICATE_CODE"_s, u"code"_s);
        row("a built-in code", u"code"_s, funds::FundCatalog::builtIn().lines().first().code, 409,
            u"DUPLICATE_CODE"_s, u"code"_s);
        row("unknown department", u"leadDepartment"_s, u"no-such-bureau"_s, 422, invalid,
            u"leadDepartment"_s);
        row("empty department", u"leadDepartment"_s, u""_s, 422, invalid, u"leadDepartment"_s);
        row("department by Chinese name", u"leadDepartment"_s, u"农业农村局"_s, 422, invalid,
            u"leadDepartment"_s);
        row("kind not a string", u"kind"_s, 3, 400, u"INVALID_TYPE"_s, u"kind"_s);
        row("name missing", u"-name"_s, QJsonValue(), 400, u"MISSING_FIELD"_s, u"name"_s);
        row("unknown member", u"+budget"_s, 100, 400, u"UNKNOWN_FIELD"_s, u"budget"_s);
        row("note too long", u"note"_s, QString(501, u'注'), 422, invalid, u"note"_s);
    }

    void badInput()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QJsonObject body = lineJson(u"agri-bad-input"_s);
        if (key.startsWith(u'-'))
            body.remove(key.mid(1));
        else
            body.insert(key.startsWith(u'+') ? key.mid(1) : key, value);
        const QString tried = body.value(u"code"_s).toString();
        const qint64 lines = storedLines();
        const qint64 audits = auditEntries();
        const qint64 inForce = funds::allFundLines().size();
        const HttpResult r = m_http->post(u"/api/v1/admin/fund-lines"_s, body, token(kCityAdmin));
        QVERIFY2(r.status == status && r.errorCode() == code && r.errorField() == field,
                 r.describe().constData());
        QVERIFY2(isChinese(r.errorMessage()), r.describe().constData());
        // Nothing changed.
        QCOMPARE(storedLines(), lines);
        QCOMPARE(auditEntries(), audits);
        QCOMPARE(funds::allFundLines().size(), inForce);
        QCOMPARE(listedCodes(kCountyClerk), QStringList{kAdded});
        if (tried != kAdded && !funds::FundCatalog::isBuiltIn(tried))
            QVERIFY(!funds::findFundLine(tried));
    }

    void malformedBody()
    {
        const HttpResult r =
            m_http->request("POST", u"/api/v1/admin/fund-lines"_s, "{\"code\":", token(kCityAdmin));
        EXPECT_ERROR(r, 400, "MALFORMED_JSON");
        QCOMPARE(storedLines(), 1);
    }

    // Rule 14 holds for an added line as for a built-in one.
    void disbursementOnAddedLine()
    {
        const QString id = newId();
        EXPECT_APPLIED(pushOne(kCountyClerk, disbursement(kAdded, kAgriculture, id)));
        QVERIFY(stored(id));

        const QString other = newId();
        EXPECT_REJECTED(pushOne(kWaterClerk, disbursement(kAdded, kWater, other)), "FORBIDDEN", "fundCode");
        QVERIFY(!stored(other));
    }

    // Another server process on the same database added a line this one has not loaded yet: the first
    // lookup of its code reads it from the table.
    void lineAddedElsewhereIsFound()
    {
        const QString code = u"agri-test-elsewhere"_s;
        EXPECT_STATUS(m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(code, u"异地新增（测试）"_s),
                                   token(kCityAdmin)),
                      201);
        const QList<funds::FundLine> before = funds::FundCatalog::addedLines();
        funds::FundCatalog::setAddedLines({}); // as in a process that started before the line was added
        QVERIFY(funds::FundCatalog::addedLines().isEmpty());
        const QString id = newId();
        EXPECT_APPLIED(pushOne(kCountyClerk, disbursement(code, kAgriculture, id)));
        QVERIFY(stored(id));
        QVERIFY(funds::FundCatalog::addedLines().size() >= 1);
        funds::FundCatalog::setAddedLines(before);
    }

    void deleteUsedLineRefused()
    {
        const qint64 audits = auditEntries();
        const HttpResult r = remove(kAdded, kCityAdmin);
        EXPECT_ERROR(r, 409, "IN_USE");
        QCOMPARE(r.error().value(u"records"_s).toInteger(), 1);
        QVERIFY(isChinese(r.errorMessage()));
        QVERIFY(listedCodes(kCountyClerk).contains(kAdded));
        QVERIFY(funds::findFundLine(kAdded));
        QCOMPARE(auditEntries(), audits);
        // Records on it still take changes.
        const QString id = newId();
        EXPECT_APPLIED(pushOne(kCountyClerk, disbursement(kAdded, kAgriculture, id)));
        EXPECT_ERROR(remove(kAdded, kCityAdmin), 409, "IN_USE");
        QCOMPARE(remove(kAdded, kCityAdmin).error().value(u"records"_s).toInteger(), 2);
    }

    void deleteBuiltInRefused()
    {
        const funds::FundLine builtIn = funds::FundCatalog::builtIn().lines().first();
        const HttpResult r = remove(builtIn.code, kCityAdmin);
        EXPECT_ERROR(r, 403, "FORBIDDEN");
        QVERIFY(isChinese(r.errorMessage()));
        QVERIFY(funds::findFundLine(builtIn.code));
        EXPECT_ERROR(remove(u"agri-no-such-line"_s, kCityAdmin), 404, "NOT_FOUND");
    }

    void deleteUnusedLine()
    {
        const QString code = u"agri-test-unused"_s;
        EXPECT_STATUS(m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(code, u"误加的项目（测试）"_s),
                                   token(kCityAdmin)),
                      201);
        QVERIFY(listedCodes(kCountyClerk).contains(code));
        const qint64 lines = storedLines();
        const qint64 audits = auditEntries();
        const HttpResult r = remove(code, kCityAdmin);
        EXPECT_STATUS(r, 200);
        QCOMPARE(storedLines(), lines - 1);
        QCOMPARE(auditEntries(), audits + 1);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'fund-line.delete' AND target_id = ?"_s,
                   code),
            1);
        QVERIFY(!listedCodes(kCountyClerk).contains(code));
        QVERIFY(!funds::findFundLine(code));
        // Gone for the rules too.
        const QString id = newId();
        EXPECT_REJECTED(pushOne(kCountyClerk, disbursement(code, kAgriculture, id)), "VALIDATION_FAILED",
                        "fundCode");
        QVERIFY(!stored(id));
        EXPECT_ERROR(remove(code, kCityAdmin), 404, "NOT_FOUND");
        // The code may be used again.
        EXPECT_STATUS(m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(code), token(kCityAdmin)), 201);
        QVERIFY(m_server->services().audit.verify().intact);
    }

    // Only live records hold a line: once its only record is deleted, the line may go.
    void deletedRecordDoesNotHoldTheLine()
    {
        const QString code = u"agri-test-deleted-record"_s;
        EXPECT_STATUS(m_http->post(u"/api/v1/admin/fund-lines"_s, lineJson(code), token(kCityAdmin)), 201);
        const QString id = newId();
        const PushAnswer applied = pushOne(kCountyClerk, disbursement(code, kAgriculture, id));
        EXPECT_APPLIED(applied);
        EXPECT_ERROR(remove(code, kCityAdmin), 409, "IN_USE");
        const QJsonObject del{{u"opId"_s, newId()},
                              {u"recordId"_s, id},
                              {u"type"_s, kDisbursement},
                              {u"orgUnitId"_s, kCounty},
                              {u"departmentId"_s, kAgriculture},
                              {u"kind"_s, u"delete"_s},
                              {u"baseVersion"_s, applied.version()},
                              {u"changedFields"_s, QJsonObject()},
                              {u"deviceTime"_s, now()}};
        EXPECT_APPLIED(pushOne(kCountyClerk, del));
        EXPECT_STATUS(remove(code, kCityAdmin), 200);
        QVERIFY(!funds::findFundLine(code));
    }

    // A store at version 4 (before fund lines) migrates with its data kept, and the table works on it.
    void migrationFromVersion4()
    {
        Store store(freshStoreConfig());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        Migrator migrator(store);
        QVERIFY2(migrator.migrate(&error, 4), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), 4);
        {
            QSqlQuery probe(store.connection());
            QVERIFY(!probe.exec(u"SELECT COUNT(*) FROM fund_lines"_s));
        }
        SqlQuery(store, u"INSERT INTO record_keys (key, record_id) VALUES (?, ?)"_s)
            .bindText(u"person:x"_s)
            .bindText(u"r-1"_s)
            .exec();
        QVERIFY2(migrator.migrate(&error, 5), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), 5);
        SqlQuery(store,
                 u"INSERT INTO fund_lines (code, article, name, lead_department, kind, cycle, recipient, "
                 u"created_at, created_by) VALUES ('a-1', '二十二(十)', '测试', 'agriculture', "
                 u"'agricultural', 'once', 'project', 1, NULL)"_s)
            .exec();
        SqlQuery q(store,
                   u"SELECT note, (SELECT COUNT(*) FROM record_keys) FROM fund_lines WHERE code = 'a-1'"_s);
        q.exec();
        QVERIFY(q.next());
        QCOMPARE(q.text(0), QString());
        QCOMPARE(q.int64(1), 1);
        bool refused = false;
        try {
            SqlQuery(store, u"INSERT INTO fund_lines (code, article, name, lead_department, kind, cycle, "
                            u"recipient, created_at) VALUES ('a-1', 'x', 'x', 'x', 'x', 'x', 'x', 1)"_s)
                .exec();
        } catch (const StoreError &) {
            refused = true;
        }
        QVERIFY(refused); // codes are unique
        QVERIFY2(migrator.migrate(&error), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), Migrator::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestFundLines)
#include "tst_funds_lines.moc"
