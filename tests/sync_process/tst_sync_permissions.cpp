// Sync within the caller's scope only: a pull never returns a record outside the caller's org subtree; a push
// outside the scope, or by someone who may not write, is refused per operation while the batch's other
// operations apply; malformed operations are answered per operation or with 400, and the server keeps
// serving.
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserAdminService.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"
#include "tests/sync_process/SyncApi.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
// 通州区 (320612) and 崇川区 (320602), two counties of the city 320600.
const QString kTzFinance = u"320612000000-finance"_s;
const QString kTzAgriculture = u"320612000000-agriculture"_s; // county-clerk's
const QString kCcFinance = u"320602000000-finance"_s;
const QString kCityPoverty = u"320600000000-poverty-office"_s; // city-clerk's

QSet<QString> idsOf(const QList<QJsonObject> &records)
{
    QSet<QString> out;
    for (const QJsonObject &r : records)
        out.insert(r.value(u"id"_s).toString());
    return out;
}

QString statusOf(const QJsonObject &result)
{
    return result.value(u"status"_s).toString();
}

QString codeOf(const QJsonObject &result)
{
    return result.value(u"code"_s).toString();
}

} // namespace

class TestSyncPermissions : public QObject
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

    qint64 now() { return m_server->clock().nowMs(); }

    HttpResult push(const QString &username, const QJsonArray &ops)
    {
        return pushOps(*m_http, token(username), ops, now());
    }

    qint64 serverVersion(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT version FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.int64(0) : 0;
    }

    qint64 scalar(const QString &sql)
    {
        SqlQuery q(m_server->store(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QString orgPath(const QString &orgUnitId)
    {
        SqlQuery q(m_server->store(), u"SELECT path FROM org_units WHERE id = ?"_s);
        q.bindText(orgUnitId).exec();
        return q.next() ? q.text(0) : QString();
    }

    QList<QJsonObject> pullEverything(const QString &username, int limit)
    {
        QString cursor;
        bool ok = false;
        const QList<QJsonObject> out = pullAll(*m_http, token(username), &cursor, limit, &ok, 1000);
        if (!ok)
            qWarning("pull of %s failed", qPrintable(username));
        return out;
    }

    // Pushes one operation that must apply; returns the new version.
    qint64 pushApplied(const QString &username, const QJsonObject &op)
    {
        const QList<QJsonObject> results = pushResults(push(username, QJsonArray{op}));
        if (results.size() != 1 || statusOf(results.first()) != u"applied"_s) {
            qWarning("push by %s not applied: %s", qPrintable(username),
                     results.isEmpty()
                         ? "no answer"
                         : QJsonDocument(results.first()).toJson(QJsonDocument::Compact).constData());
            return 0;
        }
        return results.first().value(u"version"_s).toInteger();
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        {
            Store &store = m_server->store();
            PasswordHasher hasher(PasswordHasher::minimum());
            const QByteArray hash = hasher.hash(kPassword);
            Transaction tx(store);
            const QList<QPair<QString, QString>> clerks{{u"tz-finance"_s, kTzFinance},
                                                        {u"cc-finance"_s, kCcFinance}};
            for (const auto &c : clerks) {
                UserAdminService::NewUser u;
                u.username = c.first;
                u.displayName = u"测试录入员"_s;
                u.roles = {Role::Clerk};
                u.orgUnitId = c.second.section(u'-', 0, 0);
                u.departmentId = c.second;
                UserAdminService::insertUser(store, u"test-"_s + c.first, u, hash, now(), {}, false);
            }
            tx.commit();
        }
        m_http = std::make_unique<HttpsClient>(*m_server);

        // Records in both counties and at city level, each by a clerk of its department.
        QVERIFY(pushApplied(u"tz-finance"_s,
                            contactOp(kTzFinance, u"leader"_s, 0,
                                      newContactFields(u"leader"_s, u"通州财政分管"_s), now())) == 1);
        QVERIFY(pushApplied(u"tz-finance"_s,
                            contactOp(kTzFinance, u"liaison"_s, 0,
                                      newContactFields(u"liaison"_s, u"通州财政联络"_s), now())) == 1);
        QVERIFY(pushApplied(u"cc-finance"_s,
                            contactOp(kCcFinance, u"leader"_s, 0,
                                      newContactFields(u"leader"_s, u"崇川财政分管"_s), now())) == 1);
        QVERIFY(pushApplied(u"cc-finance"_s,
                            contactOp(kCcFinance, u"liaison"_s, 0,
                                      newContactFields(u"liaison"_s, u"崇川财政联络"_s), now())) == 1);
        QVERIFY(pushApplied(u"county-clerk"_s,
                            contactOp(kTzAgriculture, u"leader"_s, 0,
                                      newContactFields(u"leader"_s, u"通州农业分管"_s), now())) == 1);
        QVERIFY(pushApplied(u"city-clerk"_s,
                            contactOp(kCityPoverty, u"liaison"_s, 0,
                                      newContactFields(u"liaison"_s, u"市扶贫办联络"_s), now())) == 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM records"_s), 6);
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void pullStaysInScope_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("limit");
        const QStringList tongzhou{contactId(kTzFinance, u"leader"_s), contactId(kTzFinance, u"liaison"_s),
                                   contactId(kTzAgriculture, u"leader"_s)};
        const QStringList chongchuan{contactId(kCcFinance, u"leader"_s), contactId(kCcFinance, u"liaison"_s)};
        const QStringList everything =
            tongzhou + chongchuan + QStringList{contactId(kCityPoverty, u"liaison"_s)};
        QTest::newRow("tongzhou clerk") << u"tz-finance"_s << tongzhou << 1;
        QTest::newRow("tongzhou clerk, one page") << u"tz-finance"_s << tongzhou << 1000;
        QTest::newRow("other tongzhou department") << u"county-clerk"_s << tongzhou << 2;
        QTest::newRow("tongzhou supervisor") << u"county-supervisor"_s << tongzhou << 1;
        QTest::newRow("chongchuan clerk") << u"cc-finance"_s << chongchuan << 1;
        QTest::newRow("city clerk") << u"city-clerk"_s << everything << 1;
        QTest::newRow("city supervisor") << u"city-supervisor"_s << everything << 4;
        // A town below 通州区 sees nothing of the county's own records.
        QTest::newRow("town clerk") << u"town-clerk"_s << QStringList() << 1;
    }

    void pullStaysInScope()
    {
        QFETCH(QString, username);
        QFETCH(QStringList, expected);
        QFETCH(int, limit);
        QVERIFY2(!token(username).isEmpty(), qPrintable(username));
        const QList<QJsonObject> records = pullEverything(username, limit);
        QCOMPARE(records.size(), expected.size()); // nothing twice either
        QCOMPARE(idsOf(records), QSet<QString>(expected.begin(), expected.end()));

        // Every record lies in the caller's subtree.
        SqlQuery me(m_server->store(), u"SELECT org_unit_id FROM users WHERE username = ?"_s);
        me.bindText(username).exec();
        QVERIFY(me.next());
        const QString scope = orgPath(me.text(0));
        QVERIFY(!scope.isEmpty());
        for (const QJsonObject &r : records) {
            QVERIFY2(orgPath(r.value(u"orgUnitId"_s).toString()).startsWith(scope),
                     qPrintable(r.value(u"id"_s).toString()));
            QCOMPARE(r.value(u"version"_s).toInteger(), serverVersion(r.value(u"id"_s).toString()));
        }

        // All in one page from the start: the same.
        const HttpResult page = pullPage(*m_http, token(username), u"0"_s, 5000);
        EXPECT_STATUS(page, 200);
        QCOMPARE(page.json.value(u"records"_s).toArray().size(), expected.size());
    }

    void pushOutsideScopeRejectedPerOperation()
    {
        const qint64 ccLeader = serverVersion(contactId(kCcFinance, u"leader"_s));
        const qint64 agriLeader = serverVersion(contactId(kTzAgriculture, u"leader"_s));
        const qint64 ownLeader = serverVersion(contactId(kTzFinance, u"leader"_s));
        const qint64 ownLiaison = serverVersion(contactId(kTzFinance, u"liaison"_s));
        QCOMPARE(ccLeader, 1);

        // Another county's record, claimed as if it were placed in the caller's own department.
        QJsonObject hijack = contactOp(kTzFinance, u"leader"_s, ccLeader, {{u"name"_s, u"劫持"_s}}, now());
        hijack.insert(u"recordId"_s, contactId(kCcFinance, u"leader"_s));

        const QJsonArray ops{
            contactOp(kTzFinance, u"leader"_s, ownLeader, {{u"name"_s, u"通州财政分管二"_s}}, now()),
            // another county's department
            contactOp(kCcFinance, u"leader"_s, ccLeader, {{u"name"_s, u"越权修改"_s}}, now()),
            // another department of the same county
            contactOp(kTzAgriculture, u"leader"_s, agriLeader, {{u"name"_s, u"越权修改"_s}}, now()),
            // a new record for another county's department
            contactOp(u"320602000000-water"_s, u"leader"_s, 0, newContactFields(u"leader"_s, u"越权新增"_s),
                      now()),
            hijack,
            contactOp(kTzFinance, u"liaison"_s, ownLiaison, {{u"post"_s, u"科长"_s}}, now()),
        };
        const HttpResult r = push(u"tz-finance"_s, ops);
        EXPECT_STATUS(r, 200);
        const QList<QJsonObject> results = pushResults(r);
        QCOMPARE(results.size(), 6);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(results.at(i).value(u"opId"_s).toString(),
                     ops.at(i).toObject().value(u"opId"_s).toString());
        QCOMPARE(statusOf(results.at(0)), u"applied"_s);
        QCOMPARE(results.at(0).value(u"version"_s).toInteger(), ownLeader + 1);
        for (int i = 1; i <= 4; ++i) {
            QCOMPARE(statusOf(results.at(i)), u"rejected"_s);
            QCOMPARE(codeOf(results.at(i)), u"FORBIDDEN"_s);
            QVERIFY(!results.at(i).value(u"message"_s).toString().isEmpty());
            // Nothing of the other county's record comes back with the refusal.
            QVERIFY(!results.at(i).contains(u"current"_s));
        }
        QCOMPARE(statusOf(results.at(5)), u"applied"_s);
        QCOMPARE(results.at(5).value(u"version"_s).toInteger(), ownLiaison + 1);

        // The refused ones changed nothing; the applied ones did.
        QCOMPARE(serverVersion(contactId(kCcFinance, u"leader"_s)), ccLeader);
        QCOMPARE(serverVersion(contactId(kTzAgriculture, u"leader"_s)), agriLeader);
        QCOMPARE(serverVersion(contactId(u"320602000000-water"_s, u"leader"_s)), 0);
        QCOMPARE(serverVersion(contactId(kTzFinance, u"leader"_s)), ownLeader + 1);
        SqlQuery data(m_server->store(), u"SELECT data FROM records WHERE id = ?"_s);
        data.bindText(contactId(kCcFinance, u"leader"_s)).exec();
        QVERIFY(data.next());
        QCOMPARE(QJsonDocument::fromJson(data.text(0).toUtf8()).object().value(u"name"_s).toString(),
                 u"崇川财政分管"_s);

        // The same batch again: the same answers, nothing applied twice.
        const QList<QJsonObject> again = pushResults(push(u"tz-finance"_s, ops));
        QCOMPARE(again.size(), 6);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(statusOf(again.at(i)), statusOf(results.at(i)));
            QCOMPARE(codeOf(again.at(i)), codeOf(results.at(i)));
        }
        QCOMPARE(serverVersion(contactId(kTzFinance, u"leader"_s)), ownLeader + 1);
        QCOMPARE(serverVersion(contactId(kTzFinance, u"liaison"_s)), ownLiaison + 1);
    }

    void readersAndUnitsWithoutDepartmentCannotPush_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("department");
        QTest::newRow("city supervisor") << u"city-supervisor"_s << kCityPoverty;
        QTest::newRow("county supervisor") << u"county-supervisor"_s << kTzAgriculture;
        QTest::newRow("city leader") << u"city-leader"_s << kCityPoverty;
        QTest::newRow("city reviewer") << u"city-reviewer"_s << kCityPoverty;
        QTest::newRow("town clerk, no department") << u"town-clerk"_s << kTzAgriculture;
        QTest::newRow("admin") << u"admin"_s << kCityPoverty;
    }

    void readersAndUnitsWithoutDepartmentCannotPush()
    {
        QFETCH(QString, username);
        QFETCH(QString, department);
        const qint64 records = scalar(u"SELECT COUNT(*) FROM records"_s);
        const qint64 history = scalar(u"SELECT COUNT(*) FROM record_history"_s);
        const qint64 existing = serverVersion(contactId(department, u"leader"_s));
        const QJsonArray ops{
            contactOp(department, u"leader"_s, existing, newContactFields(u"leader"_s, u"不应写入"_s), now()),
            contactOp(department, u"liaison"_s, serverVersion(contactId(department, u"liaison"_s)),
                      newContactFields(u"liaison"_s, u"不应写入"_s), now())};
        const HttpResult r = push(username, ops);
        EXPECT_STATUS(r, 200);
        const QList<QJsonObject> results = pushResults(r);
        QCOMPARE(results.size(), 2);
        for (const QJsonObject &result : results) {
            QCOMPARE(statusOf(result), u"rejected"_s);
            QCOMPARE(codeOf(result), u"FORBIDDEN"_s);
        }
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM records"_s), records);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM record_history"_s), history);
        QCOMPARE(serverVersion(contactId(department, u"leader"_s)), existing);
    }

    void malformedBatchesAnsweredWith400()
    {
        const QString t = token(u"tz-finance"_s);
        // Not JSON, not an object, wrong or missing members.
        EXPECT_ERROR(m_http->request("POST", u"/api/v1/sync/push"_s,
                                     QByteArray("{\"deviceNow\": 1, \"operations\": ["), t),
                     400, "MALFORMED_JSON");
        EXPECT_STATUS(m_http->request("POST", u"/api/v1/sync/push"_s, QByteArray("[1,2,3]"), t), 400);
        EXPECT_ERROR(m_http->post(u"/api/v1/sync/push"_s, {{u"deviceNow"_s, now()}}, t), 400, "INVALID_TYPE");
        EXPECT_ERROR(
            m_http->post(u"/api/v1/sync/push"_s, {{u"deviceNow"_s, now()}, {u"operations"_s, u"x"_s}}, t),
            400, "INVALID_TYPE");
        EXPECT_ERROR(m_http->post(u"/api/v1/sync/push"_s, {{u"operations"_s, QJsonArray()}}, t), 400,
                     "MISSING_FIELD");
        EXPECT_ERROR(m_http->post(u"/api/v1/sync/push"_s,
                                  {{u"deviceNow"_s, now()}, {u"operations"_s, QJsonArray()}, {u"extra"_s, 1}},
                                  t),
                     400, "UNKNOWN_FIELD");
        EXPECT_ERROR(m_http->post(u"/api/v1/sync/push"_s,
                                  {{u"deviceNow"_s, u"now"_s}, {u"operations"_s, QJsonArray()}}, t),
                     400, "INVALID_TYPE");

        // More than 1000 operations: the whole batch is refused; exactly 1000 are answered one by one.
        QJsonArray tooMany;
        for (int i = 0; i < 1001; ++i)
            tooMany.append(i);
        EXPECT_ERROR(pushOps(*m_http, t, tooMany, now()), 400, "TOO_LONG");
        tooMany.removeLast();
        const HttpResult thousand = pushOps(*m_http, t, tooMany, now());
        EXPECT_STATUS(thousand, 200);
        const QList<QJsonObject> answers = pushResults(thousand);
        QCOMPARE(answers.size(), 1000);
        for (const QJsonObject &a : answers) {
            QCOMPARE(statusOf(a), u"rejected"_s);
            QCOMPARE(codeOf(a), u"INVALID_TYPE"_s);
        }

        // Without a session: 401, nothing else.
        EXPECT_ERROR(pushOps(*m_http, QString(), QJsonArray(), now()), 401, "UNAUTHENTICATED");

        // Pull parameters.
        EXPECT_ERROR(pullPage(*m_http, t, u"abc"_s, 10), 400, "BAD_REQUEST");
        EXPECT_ERROR(pullPage(*m_http, t, u"-5"_s, 10), 400, "BAD_REQUEST");
        EXPECT_ERROR(pullPage(*m_http, t, u"99999999999999999999999"_s, 10), 400, "BAD_REQUEST");
        EXPECT_ERROR(pullPage(*m_http, t, u"0"_s, 0), 400, "BAD_REQUEST");
        EXPECT_ERROR(pullPage(*m_http, t, u"0"_s, 5001), 400, "BAD_REQUEST");
        EXPECT_ERROR(m_http->get(u"/api/v1/sync/pull?cursor=0&limit=5&since=1"_s, t), 400, "UNKNOWN_FIELD");
        EXPECT_ERROR(m_http->get(u"/api/v1/sync/pull?limit=ten"_s, t), 400, "BAD_REQUEST");
    }

    void malformedOperationsAnsweredPerOperation()
    {
        const QString t = token(u"tz-finance"_s);
        const qint64 leader = serverVersion(contactId(kTzFinance, u"leader"_s));
        const qint64 history = scalar(u"SELECT COUNT(*) FROM record_history"_s);
        auto base = [&] {
            return contactOp(kTzFinance, u"leader"_s, leader, {{u"post"_s, u"副局长"_s}}, now());
        };

        QJsonObject missingRecord = base();
        missingRecord.remove(u"recordId"_s);
        QJsonObject unknownMember = base();
        unknownMember.insert(u"priority"_s, 1);
        QJsonObject unknownField = base();
        unknownField.insert(u"changedFields"_s, QJsonObject{{u"nickname"_s, u"x"_s}});
        QJsonObject tooLongName = base();
        tooLongName.insert(u"changedFields"_s, QJsonObject{{u"name"_s, QString(41, u'名')}});
        QJsonObject unknownType = base();
        unknownType.insert(u"type"_s, u"alien-record"_s);
        QJsonObject badKind = base();
        badKind.insert(u"kind"_s, u"merge"_s);
        QJsonObject badBase = base();
        badBase.insert(u"baseVersion"_s, u"three"_s);
        QJsonObject badMobile = base();
        badMobile.insert(u"changedFields"_s, QJsonObject{{u"mobile"_s, u"12345"_s}});
        QJsonObject longOpId = base();
        longOpId.insert(u"opId"_s, QString(65, u'a'));
        QJsonObject fieldsNotObject = base();
        fieldsNotObject.insert(u"changedFields"_s, QJsonArray{1, 2});
        QJsonObject wrongFieldType = base();
        wrongFieldType.insert(u"changedFields"_s, QJsonObject{{u"name"_s, 42}});
        QJsonObject badDocuments = base();
        badDocuments.insert(u"changedFields"_s, QJsonObject{{u"documents"_s, QJsonArray{u"not-a-sha"_s}}});
        QJsonObject unknownOrg = base(); // a new record in an org unit that does not exist
        unknownOrg.insert(u"recordId"_s, newOpId());
        unknownOrg.insert(u"orgUnitId"_s, u"999999999999"_s);
        QJsonObject movedRecord = base(); // an existing record cannot change its department
        movedRecord.insert(u"departmentId"_s, u"320612000000-water"_s);
        const QJsonObject valid = base();

        const QJsonArray ops{u"not an object"_s, missingRecord, unknownMember,   unknownField,
                             tooLongName,        unknownType,   badKind,         badBase,
                             badMobile,          longOpId,      fieldsNotObject, wrongFieldType,
                             badDocuments,       unknownOrg,    movedRecord,     valid};
        const QList<QPair<QString, QString>> expected{
            {u"INVALID_TYPE"_s, QString()},
            {u"MISSING_FIELD"_s, u"recordId"_s},
            {u"UNKNOWN_FIELD"_s, u"priority"_s},
            {u"UNKNOWN_FIELD"_s, u"nickname"_s},
            {u"TOO_LONG"_s, u"name"_s},
            {u"VALIDATION_FAILED"_s, u"type"_s},
            {u"VALIDATION_FAILED"_s, u"kind"_s},
            {u"INVALID_TYPE"_s, u"baseVersion"_s},
            {u"VALIDATION_FAILED"_s, u"mobile"_s},
            {u"TOO_LONG"_s, u"opId"_s},
            {u"INVALID_TYPE"_s, u"changedFields"_s},
            {u"INVALID_TYPE"_s, u"name"_s},
            {u"VALIDATION_FAILED"_s, u"documents"_s},
            {u"VALIDATION_FAILED"_s, u"orgUnitId"_s},
            {u"VALIDATION_FAILED"_s, QString()},
        };
        const HttpResult r = pushOps(*m_http, t, ops, now());
        EXPECT_STATUS(r, 200);
        const QList<QJsonObject> results = pushResults(r);
        QCOMPARE(results.size(), ops.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject &a = results.at(i);
            const QByteArray where =
                "operation " + QByteArray::number(i) + ": " + QJsonDocument(a).toJson(QJsonDocument::Compact);
            QVERIFY2(statusOf(a) == u"rejected"_s, where.constData());
            QVERIFY2(codeOf(a) == expected.at(i).first, where.constData());
            if (!expected.at(i).second.isEmpty())
                QVERIFY2(a.value(u"field"_s).toString() == expected.at(i).second, where.constData());
            QVERIFY2(!a.value(u"message"_s).toString().isEmpty(), where.constData());
        }
        QCOMPARE(statusOf(results.last()), u"applied"_s);
        QCOMPARE(results.last().value(u"version"_s).toInteger(), leader + 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM record_history"_s), history + 1);

        // The server keeps serving: health, sign-in, pull.
        EXPECT_STATUS(m_http->get(u"/api/v1/health"_s), 200);
        QVERIFY(!m_http->login(u"cc-finance"_s, kPassword).isEmpty());
        QCOMPARE(pullEverything(u"tz-finance"_s, 2).size(), 3);
    }

    // A department's leader removed and later named again: the record (its id is fixed by department and
    // role) comes back to life with the new values, as the clerk's program shows it after its push was
    // applied.
    void deletedContactCanBeEnteredAgain()
    {
        const QString dept = u"320612000000-water"_s;
        QVERIFY(!token(u"tz-finance"_s).isEmpty());
        {
            Store &store = m_server->store();
            PasswordHasher hasher(PasswordHasher::minimum());
            Transaction tx(store);
            UserAdminService::NewUser u;
            u.username = u"tz-water"_s;
            u.displayName = u"测试录入员"_s;
            u.roles = {Role::Clerk};
            u.orgUnitId = u"320612000000"_s;
            u.departmentId = dept;
            UserAdminService::insertUser(store, u"test-tz-water"_s, u, hasher.hash(kPassword), now(), {},
                                         false);
            tx.commit();
        }
        const QString id = contactId(dept, u"leader"_s);
        QCOMPARE(pushApplied(u"tz-water"_s, contactOp(dept, u"leader"_s, 0,
                                                      newContactFields(u"leader"_s, u"原分管领导"_s), now())),
                 1);
        QJsonObject remove = contactOp(dept, u"leader"_s, 1, {}, now());
        remove.insert(u"kind"_s, u"delete"_s);
        QCOMPARE(pushApplied(u"tz-water"_s, remove), 2);
        QCOMPARE(scalar(u"SELECT deleted FROM records WHERE id = '%1'"_s.arg(id)), 1);

        // Named again on top of the deletion the clerk has seen.
        QCOMPARE(pushApplied(u"tz-water"_s, contactOp(dept, u"leader"_s, 2,
                                                      newContactFields(u"leader"_s, u"新分管领导"_s), now())),
                 3);
        QCOMPARE(scalar(u"SELECT deleted FROM records WHERE id = '%1'"_s.arg(id)), 0);
        const QList<QJsonObject> pulled = pullEverything(u"tz-water"_s, 100);
        bool found = false;
        for (const QJsonObject &r : pulled) {
            if (r.value(u"id"_s).toString() != id)
                continue;
            found = true;
            QCOMPARE(r.value(u"deleted"_s).toBool(), false);
            QCOMPARE(r.value(u"version"_s).toInteger(), 3);
            QCOMPARE(r.value(u"fields"_s).toObject().value(u"name"_s).toString(), u"新分管领导"_s);
        }
        QVERIFY(found);

        // Someone who had not seen the deletion gets a conflict, not a silent revival.
        QJsonObject stale = contactOp(dept, u"leader"_s, 1, {{u"post"_s, u"局长"_s}}, now());
        QJsonObject removeAgain = contactOp(dept, u"leader"_s, 3, {}, now());
        removeAgain.insert(u"kind"_s, u"delete"_s);
        QCOMPARE(pushApplied(u"tz-water"_s, removeAgain), 4);
        const QList<QJsonObject> answer = pushResults(push(u"tz-water"_s, QJsonArray{stale}));
        QCOMPARE(answer.size(), 1);
        QCOMPARE(statusOf(answer.first()), u"conflict"_s);
        QCOMPARE(answer.first().value(u"current"_s).toObject().value(u"deleted"_s).toBool(), true);
        QCOMPARE(scalar(u"SELECT deleted FROM records WHERE id = '%1'"_s.arg(id)), 1);
    }

    void sameOperationTwiceAppliesOnce()
    {
        const qint64 liaison = serverVersion(contactId(kTzFinance, u"liaison"_s));
        const QJsonObject op =
            contactOp(kTzFinance, u"liaison"_s, liaison, {{u"name"_s, u"重复发送"_s}}, now());
        const QList<QJsonObject> first = pushResults(push(u"tz-finance"_s, QJsonArray{op, op}));
        QCOMPARE(first.size(), 2);
        QCOMPARE(statusOf(first.at(0)), u"applied"_s);
        QCOMPARE(statusOf(first.at(1)), u"applied"_s);
        QCOMPARE(first.at(0).value(u"version"_s).toInteger(), liaison + 1);
        QCOMPARE(first.at(1).value(u"version"_s).toInteger(), liaison + 1);
        const QList<QJsonObject> again = pushResults(push(u"tz-finance"_s, QJsonArray{op}));
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.at(0).value(u"version"_s).toInteger(), liaison + 1);
        QCOMPARE(serverVersion(contactId(kTzFinance, u"liaison"_s)), liaison + 1);
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM record_history WHERE op_id = ?"_s);
        q.bindText(op.value(u"opId"_s).toString()).exec();
        QVERIFY(q.next());
        QCOMPARE(q.int64(0), 1);

        // Another user sending the same operation id gets no answer meant for someone else applied to its
        // data.
        const QList<QJsonObject> stolen = pushResults(push(u"cc-finance"_s, QJsonArray{op}));
        QCOMPARE(stolen.size(), 1);
        QCOMPARE(serverVersion(contactId(kTzFinance, u"liaison"_s)), liaison + 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncPermissions)
#include "tst_sync_permissions.moc"
