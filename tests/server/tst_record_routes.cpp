// GET /api/v1/records: keyset pages of one record type within the caller's area, over real TLS against an
// in-process server with the demo households. Paging yields every record of the area exactly once (city,
// county, town areas and an `org` inside the area), never one outside it; an org outside the area is refused
// without saying whether it exists; leaders and supervisors see personal data masked as the app masks it; bad
// parameters get 400 with a stable code; no or a dead session gets 401, also right after logout and password
// changes (the session cache never outlives them). On SQLite and PostgreSQL.
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"

#include "common/core/IdCard.h"
#include "common/sync/Masking.h"
#include "common/sync/RecordType.h"
#include "server/api/Services.h"
#include "server/demo/DemoData.h"
#include "server/relief/ReliefDemo.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kCity = u"320600000000"_s;
const QString kTongzhou = u"320612000000"_s; // the demo county accounts' county
const QString kRudong = u"320623000000"_s;   // another county

} // namespace

class TestRecordRoutes : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<HttpsClient> m_client;
    QHash<QString, QString> m_tokens;

    HttpsClient &client() { return *m_client; }

    QString token(const QString &user)
    {
        if (!m_tokens.contains(user))
            m_tokens.insert(user, client().login(user, kPassword));
        return m_tokens.value(user);
    }

    // The live households the store holds under an org path.
    QSet<QString> householdsUnder(const QString &path)
    {
        SqlQuery q(m_server.store(),
                   u"SELECT id FROM records WHERE type = 'household' AND deleted = 0 AND org_path LIKE ?"_s);
        q.bindText(path + u'%').exec();
        QSet<QString> ids;
        while (q.next())
            ids.insert(q.text(0));
        return ids;
    }

    QString pathOf(const QString &orgUnitId)
    {
        SqlQuery q(m_server.store(), u"SELECT path FROM org_units WHERE id = ?"_s);
        q.bindText(orgUnitId).exec();
        return q.next() ? q.text(0) : QString();
    }

    // A town of the county that has households, other than `except`.
    QString townWithHouseholds(const QString &countyId, const QString &except = {})
    {
        SqlQuery q(
            m_server.store(),
            u"SELECT o.id FROM org_units o WHERE o.level = 3 AND o.parent_id = ? AND o.id <> ? AND EXISTS "
            u"(SELECT 1 FROM records r WHERE r.type = 'household' AND r.org_path LIKE o.path || '%') "
            u"ORDER BY o.id"_s);
        q.bindText(countyId).bindText(except.isEmpty() ? u"-"_s : except).exec();
        return q.next() ? q.text(0) : QString();
    }

    // Reads every page; fails the test on any error. Returns the records in the order received.
    QList<QJsonObject> readAll(const QString &user, const QString &org, int limit, int *pages)
    {
        QList<QJsonObject> all;
        QString after;
        *pages = 0;
        for (;;) {
            QUrlQuery query;
            query.addQueryItem(u"type"_s, u"household"_s);
            if (!org.isEmpty())
                query.addQueryItem(u"org"_s, org);
            if (!after.isEmpty())
                query.addQueryItem(u"after"_s, after);
            query.addQueryItem(u"limit"_s, QString::number(limit));
            const HttpResult r =
                client().get(u"/api/v1/records?"_s + query.toString(QUrl::FullyEncoded), token(user));
            if (r.status != 200) {
                qWarning("page %d: %s", *pages, r.describe().constData());
                return {};
            }
            ++*pages;
            const QJsonArray records = r.json.value(u"records"_s).toArray();
            for (const QJsonValue &v : records)
                all.append(v.toObject());
            const QJsonValue next = r.json.value(u"next"_s);
            if (next.isNull()) {
                if (records.size() > limit)
                    qWarning("page larger than the limit");
                return all;
            }
            if (records.size() != limit ||
                next.toString() != records.last().toObject().value(u"id"_s).toString()) {
                qWarning("a page with a next cursor must be full and end at it");
                return {};
            }
            after = next.toString();
            if (*pages > 10000)
                return {};
        }
    }

    void checkArea(const QString &user, const QString &org, const QString &areaPath, int limit)
    {
        int pages = 0;
        const QList<QJsonObject> got = readAll(user, org, limit, &pages);
        const QSet<QString> expected = householdsUnder(areaPath);
        QVERIFY2(!expected.isEmpty(), qPrintable(areaPath));
        QSet<QString> seen;
        QString previous;
        for (const QJsonObject &r : got) {
            const QString id = r.value(u"id"_s).toString();
            QVERIFY2(!seen.contains(id), qPrintable(u"twice: "_s + id));
            QVERIFY2(id > previous, "pages are in id order");
            QVERIFY2(expected.contains(id), qPrintable(u"outside the area or deleted: "_s + id));
            QCOMPARE(r.value(u"type"_s).toString(), u"household"_s);
            QVERIFY(r.value(u"version"_s).toInteger() > 0);
            QVERIFY(!r.value(u"orgUnitId"_s).toString().isEmpty());
            QVERIFY(r.value(u"fields"_s).isObject());
            seen.insert(id);
            previous = id;
        }
        QCOMPARE(seen.size(), expected.size());
        QCOMPARE(pages, qMax(1, (int(expected.size()) + limit - 1) / limit));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        const ReliefDemo::Counts counts =
            ReliefDemo::loadIfEmpty(m_server.store(), m_server.clock(), m_server.services().audit);
        QVERIFY(counts.households > 2000);
        m_client = std::make_unique<HttpsClient>(m_server);
    }

    void pagesCoverTheCountyOnce() { checkArea(u"county-clerk"_s, {}, pathOf(kTongzhou), 50); }

    void pagesCoverTheCityOnce() { checkArea(u"city-clerk"_s, {}, pathOf(kCity), 200); }

    void pagesCoverATownOnce()
    {
        checkArea(u"town-clerk"_s, {}, pathOf(DemoData::townId(u"320612"_s, 0)), 7);
    }

    void orgInsideTheArea()
    {
        // A city user narrowing to a county and to a town of another county; a county user to one of its
        // towns.
        checkArea(u"city-leader"_s, kRudong, pathOf(kRudong), 33);
        const QString town = townWithHouseholds(kRudong);
        QVERIFY(!town.isEmpty());
        checkArea(u"city-supervisor"_s, town, pathOf(town), 10);
        const QString own = townWithHouseholds(kTongzhou, DemoData::townId(u"320612"_s, 0));
        QVERIFY(!own.isEmpty());
        checkArea(u"county-clerk"_s, own, pathOf(own), 50);
        // Its own unit named explicitly.
        checkArea(u"county-clerk"_s, kTongzhou, pathOf(kTongzhou), 100);
    }

    void tombstonesAreLeftOut()
    {
        const QString path = pathOf(DemoData::townId(u"320612"_s, 0));
        const QStringList ids = householdsUnder(path).values();
        QVERIFY(!ids.isEmpty());
        const QString gone = ids.first();
        SqlQuery(m_server.store(), u"UPDATE records SET deleted = 1 WHERE id = ?"_s).bindText(gone).exec();
        int pages = 0;
        const QList<QJsonObject> got = readAll(u"town-clerk"_s, {}, 200, &pages);
        SqlQuery(m_server.store(), u"UPDATE records SET deleted = 0 WHERE id = ?"_s).bindText(gone).exec();
        QCOMPARE(got.size(), ids.size() - 1);
        for (const QJsonObject &r : got)
            QVERIFY(r.value(u"id"_s).toString() != gone);
    }

    void outsideTheAreaIsRefused()
    {
        const QString county = token(u"county-clerk"_s);
        const QString otherCounty = u"/api/v1/records?type=household&org="_s + kRudong;
        const HttpResult other = client().get(otherCounty, county);
        EXPECT_ERROR(other, 403, "FORBIDDEN");
        QCOMPARE(other.errorField(), u"org"_s);
        QVERIFY(!other.body.contains("records"));
        // The unit above, and a unit that does not exist: the same answer.
        const HttpResult above = client().get(u"/api/v1/records?type=household&org="_s + kCity, county);
        EXPECT_ERROR(above, 403, "FORBIDDEN");
        const HttpResult missing = client().get(u"/api/v1/records?type=household&org=329999999999"_s, county);
        EXPECT_ERROR(missing, 403, "FORBIDDEN");
        QCOMPARE(missing.body, other.body);
        QCOMPARE(above.body, other.body);
        // A town user cannot read a sibling town, nor its own county.
        const QString town = token(u"town-clerk"_s);
        EXPECT_ERROR(
            client().get(u"/api/v1/records?type=household&org="_s + DemoData::townId(u"320612"_s, 1), town),
            403, "FORBIDDEN");
        EXPECT_ERROR(client().get(u"/api/v1/records?type=household&org="_s + kTongzhou, town), 403,
                     "FORBIDDEN");
    }

    void personalDataMaskedForLeadersAndSupervisors()
    {
        const QString page = u"/api/v1/records?type=household&limit=200"_s;
        const HttpResult clerk = client().get(page, token(u"county-clerk"_s));
        EXPECT_STATUS(clerk, 200);
        const sync::RecordType *type = sync::RecordTypes::find(u"household"_s);
        QVERIFY(type);
        for (const QString &user : {u"county-leader"_s, u"county-supervisor"_s, u"county-reviewer"_s}) {
            const HttpResult r = client().get(page, token(user));
            EXPECT_STATUS(r, 200);
            const bool masked = user != u"county-reviewer"_s;
            const QJsonArray mine = r.json.value(u"records"_s).toArray();
            const QJsonArray full = clerk.json.value(u"records"_s).toArray();
            QCOMPARE(mine.size(), full.size());
            int phones = 0;
            for (qsizetype i = 0; i < mine.size(); ++i) {
                const QJsonObject a = mine.at(i).toObject().value(u"fields"_s).toObject();
                const QJsonObject b = full.at(i).toObject().value(u"fields"_s).toObject();
                QCOMPARE(a.keys(), b.keys());
                for (const sync::FieldSpec &spec : type->fieldSpecs()) {
                    if (!b.contains(spec.name))
                        continue;
                    const QJsonValue expected =
                        masked ? sync::maskedValue(spec, b.value(spec.name)) : b.value(spec.name);
                    QCOMPARE(a.value(spec.name), expected);
                    if (spec.name == u"phone"_s && b.value(spec.name).toString().size() > 7) {
                        ++phones;
                        QCOMPARE(a.value(spec.name).toString() == b.value(spec.name).toString(), !masked);
                    }
                }
            }
            QVERIFY2(phones > 0, "the demo households have phones");
        }
        // The shared rule: the app's table shows the same.
        QCOMPARE(sync::maskedPhone(u"13812345678"_s), u"138****5678"_s);
        QCOMPARE(sync::maskedValue(sync::FieldSpec(u"id"_s, sync::FieldKind::IdNumber).personalData(),
                                   u"320612199001011234"_s),
                 QJsonValue(IdCard::masked(u"320612199001011234"_s)));
        QCOMPARE(sync::maskedValue(sync::FieldSpec(u"x"_s, sync::FieldKind::Text), u"abc"_s),
                 QJsonValue(u"abc"_s));
        QVERIFY(!sync::needsPersonalData({Role::Leader, Role::Supervisor}));
        QVERIFY(sync::needsPersonalData({Role::Leader, Role::Clerk}));
    }

    void badParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("no type") << u""_s << u"type"_s;
        QTest::newRow("empty type") << u"type="_s << u"type"_s;
        QTest::newRow("unknown type") << u"type=nope"_s << u"type"_s;
        QTest::newRow("long type") << u"type="_s + QString(5000, u'x') << u"type"_s;
        QTest::newRow("limit 0") << u"type=household&limit=0"_s << u"limit"_s;
        QTest::newRow("limit 201") << u"type=household&limit=201"_s << u"limit"_s;
        QTest::newRow("limit -1") << u"type=household&limit=-1"_s << u"limit"_s;
        QTest::newRow("limit text") << u"type=household&limit=abc"_s << u"limit"_s;
        QTest::newRow("limit empty") << u"type=household&limit="_s << u"limit"_s;
        QTest::newRow("limit huge") << u"type=household&limit=99999999999999999999"_s << u"limit"_s;
        QTest::newRow("org empty") << u"type=household&org="_s << u"org"_s;
        QTest::newRow("org quote") << u"type=household&org=3206%27%20OR%201=1"_s << u"org"_s;
        QTest::newRow("org long") << u"type=household&org="_s + QString(65, u'1') << u"org"_s;
        QTest::newRow("org chinese") << u"type=household&org=%E9%80%9A%E5%B7%9E"_s << u"org"_s;
        QTest::newRow("after quote") << u"type=household&after=a%27b"_s << u"after"_s;
        QTest::newRow("after empty") << u"type=household&after="_s << u"after"_s;
        QTest::newRow("after nul") << u"type=household&after=a%00b"_s << u"after"_s;
        QTest::newRow("unknown parameter") << u"type=household&page=2"_s << u"page"_s;
    }

    void badParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResult r = client().get(u"/api/v1/records?"_s + query, token(u"county-clerk"_s));
        EXPECT_ERROR(r, 400, "BAD_REQUEST");
        QCOMPARE(r.errorField(), field);
        QVERIFY(!r.errorMessage().isEmpty());
        QVERIFY2(r.errorMessage().contains(QRegularExpression(u"[\\x{4e00}-\\x{9fff}]"_s)),
                 "a Chinese message");
        // The server goes on serving.
        EXPECT_STATUS(client().get(u"/api/v1/records?type=household&limit=1"_s, token(u"county-clerk"_s)),
                      200);
    }

    void limitsAndEnds()
    {
        const QString t = token(u"town-clerk"_s);
        const HttpResult one = client().get(u"/api/v1/records?type=household&limit=1"_s, t);
        EXPECT_STATUS(one, 200);
        QCOMPARE(one.json.value(u"records"_s).toArray().size(), 1);
        QVERIFY(one.json.value(u"next"_s).isString());
        const HttpResult def = client().get(u"/api/v1/records?type=household"_s, t);
        EXPECT_STATUS(def, 200);
        const qsizetype n = householdsUnder(pathOf(DemoData::townId(u"320612"_s, 0))).size();
        QCOMPARE(def.json.value(u"records"_s).toArray().size(), qMin<qsizetype>(50, n));
        // After the last id: an empty last page. After an id that does not exist: the records after it.
        const HttpResult end = client().get(u"/api/v1/records?type=household&after=zzzz"_s, t);
        EXPECT_STATUS(end, 200);
        QCOMPARE(end.json.value(u"records"_s).toArray().size(), 0);
        QVERIFY(end.json.value(u"next"_s).isNull());
        // A type with no records in the area.
        const HttpResult none = client().get(u"/api/v1/records?type=department-contact"_s, t);
        EXPECT_STATUS(none, 200);
        QVERIFY(none.json.value(u"records"_s).isArray());
    }

    void unauthenticated()
    {
        const QString page = u"/api/v1/records?type=household"_s;
        EXPECT_ERROR(client().get(page), 401, "UNAUTHENTICATED");
        EXPECT_ERROR(client().requestWithAuthorization("GET", page, {}, "Bearer nonsense"), 401,
                     "SESSION_EXPIRED");
        EXPECT_ERROR(client().requestWithAuthorization("GET", page, {}, "Basic abc"), 401, "UNAUTHENTICATED");
        // Bad parameters from a caller without a session: 401 first, nothing about the parameters.
        EXPECT_ERROR(client().get(u"/api/v1/records?type=nope&limit=0"_s), 401, "UNAUTHENTICATED");
    }

    void cachedSessionsEndAtOnce()
    {
        const QString page = u"/api/v1/records?type=household&limit=1"_s;
        // Logout.
        const QString a = client().login(u"county-leader"_s, kPassword);
        EXPECT_STATUS(client().get(page, a), 200);
        EXPECT_STATUS(client().request("POST", u"/api/v1/auth/logout"_s, QByteArray(), a), 204);
        EXPECT_ERROR(client().get(page, a), 401, "SESSION_EXPIRED");
        // A password change ends the user's other sessions.
        const QString b = client().login(u"town-reviewer"_s, kPassword);
        const QString c = client().login(u"town-reviewer"_s, kPassword);
        EXPECT_STATUS(client().get(page, b), 200);
        EXPECT_STATUS(client().get(page, c), 200);
        EXPECT_STATUS(
            client().post(u"/api/v1/me/password"_s,
                          {{u"currentPassword"_s, kPassword}, {u"newPassword"_s, u"Anderes#Wort42"_s}}, b),
            204);
        EXPECT_ERROR(client().get(page, c), 401, "SESSION_EXPIRED");
        EXPECT_STATUS(client().get(page, b), 200);
        // Session expiry is judged on every request, cached or not.
        const QString d = client().login(u"town-leader"_s, kPassword);
        EXPECT_STATUS(client().get(page, d), 200);
        m_server.clock().advanceMs(m_server.config().auth.sessionTtlMs);
        EXPECT_ERROR(client().get(page, d), 401, "SESSION_EXPIRED");
        m_tokens.clear();
    }
};

QTEST_GUILESS_MAIN(TestRecordRoutes)
#include "tst_record_routes.moc"
