#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/core/WorkingCalendar.h"
#include "common/relief/ReliefRules.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;
using sunshine::test::HttpResult;

// The working-day calendar as data: a city administrator loads a year's schedule through the API, the server
// stores it and counts deadlines with it at once, and a client receives it, remembers it and counts the same
// days offline. On SQLite and PostgreSQL.
//
// The 2027 schedule below is TEST DATA, made up for this test: the State Council has not published 2027's.
class TestCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesWhatIsNotAYearSchedule();
    void cityAdministratorLoadsAYear();
    void clientReceivesAndRemembersIt();

private:
    HttpResult put(const QString &year, const QByteArray &csv, const QString &token);

    std::unique_ptr<test::ServerFixture> m_server;
    std::unique_ptr<test::HttpsClient> m_http;
    QString m_cityAdmin, m_countyAdmin, m_clerk;
    QTemporaryDir m_dir;
};

namespace {

const QByteArray kTest2027 = "date,type,name\n"
                             "2027-01-01,holiday,测试元旦\n"
                             "2027-01-04,holiday,测试假期\n"
                             "2027-01-05,holiday,测试假期\n"
                             "2027-01-06,holiday,测试假期\n"
                             "2027-01-07,holiday,测试假期\n"
                             "2027-01-08,holiday,测试假期\n"
                             "2027-01-09,workday,测试调休\n";

qint64 chinaMs(int y, int m, int d)
{
    return chinaMidnightUtcMs(QDate(y, m, d)) + 10 * 3600 * 1000;
}

} // namespace

HttpResult TestCalendar::put(const QString &year, const QByteArray &csv, const QString &token)
{
    return m_http->request("PUT", u"/api/v1/admin/calendar/"_s + year, csv, token, "text/csv");
}

void TestCalendar::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    // Mid-November 2026, when next year's schedule is due.
    m_server->clock().setNowMs(chinaMs(2026, 11, 16));
    m_http = std::make_unique<test::HttpsClient>(*m_server);
    m_cityAdmin = m_http->login(u"city-admin"_s, u"Demo@2026"_s);
    m_countyAdmin = m_http->login(u"county-admin"_s, u"Demo@2026"_s);
    m_clerk = m_http->login(u"town-clerk"_s, u"Demo@2026"_s);
    QVERIFY(!m_cityAdmin.isEmpty() && !m_countyAdmin.isEmpty() && !m_clerk.isEmpty());
}

void TestCalendar::refusesWhatIsNotAYearSchedule()
{
    QCOMPARE(put(u"2027"_s, kTest2027, QString()).status, 401);
    HttpResult r = put(u"2027"_s, kTest2027, m_countyAdmin);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"FORBIDDEN"_s);
    QCOMPARE(put(u"2027"_s, kTest2027, m_clerk).status, 403);
    r = put(u"27"_s, kTest2027, m_cityAdmin);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.errorMessage().contains(u"四位数字"_s), r.describe().constData());
    r = put(u"2027"_s, "date,type,name\n2026-10-01,holiday,国庆节\n", m_cityAdmin);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().contains(u"2027"_s), r.describe().constData());
    r = put(u"2027"_s, "2027-01-09,workday,调休\n", m_cityAdmin);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().contains(u"节假日"_s), r.describe().constData());
    r = put(u"2027"_s, "2027-01-01,day off,元旦\n", m_cityAdmin);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().contains(u"第 1 行"_s), r.describe().constData());
    r = put(u"2027"_s, kTest2027 + "2027-01-04,holiday,again\n", m_cityAdmin);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().contains(u"2027-01-04"_s), r.describe().constData());
    r = put(u"2031"_s, "2031-01-01,holiday,元旦\n", m_cityAdmin);
    QCOMPARE(r.status, 422); // too far ahead
    // Nothing was stored.
    const HttpResult status = m_http->get(u"/api/v1/calendar"_s, m_clerk);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json.value(u"items"_s).toArray().size(), 0);
}

void TestCalendar::cityAdministratorLoadsAYear()
{
    // In November the missing next year is announced.
    HttpResult status = m_http->get(u"/api/v1/calendar"_s, m_clerk);
    QCOMPARE(status.json.value(u"missingNextYear"_s).toBool(), true);
    QCOMPARE(status.json.value(u"missingThisYear"_s).toBool(), false);

    // A help request raised on 31 December 2026 is answered within working days that run into 2027: with
    // weekends only before the schedule is loaded, later with it.
    const QDate raised(2026, 12, 31);
    QVERIFY(!WorkingCalendar::current().covers(QDate(2027, 1, 4)));
    const QDate dueBefore = relief::helpAnswerDue(raised, WorkingCalendar::current());

    const HttpResult r =
        put(u"2027"_s, "\xEF\xBB\xBF" + kTest2027, m_cityAdmin); // with a BOM, as Excel saves
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json.value(u"version"_s).toInteger(), 1);
    QVERIFY(WorkingCalendar::current().covers(QDate(2027, 1, 4)));
    QVERIFY(!WorkingCalendar::current().isWorkingDay(QDate(2027, 1, 4)));
    QVERIFY(WorkingCalendar::current().isWorkingDay(QDate(2027, 1, 9)));
    const QDate dueAfter = relief::helpAnswerDue(raised, WorkingCalendar::current());
    QVERIFY2(dueAfter > dueBefore,
             qPrintable(dueBefore.toString(Qt::ISODate) + u" / "_s + dueAfter.toString(Qt::ISODate)));
    // The shipped years stay as they were.
    QVERIFY(!WorkingCalendar::current().isWorkingDay(QDate(2026, 10, 1)));

    status = m_http->get(u"/api/v1/calendar"_s, m_clerk);
    QCOMPARE(status.json.value(u"missingNextYear"_s).toBool(), false);
    QVERIFY(status.json.value(u"covered"_s).toArray().contains(2027));
    QCOMPARE(status.json.value(u"items"_s).toArray().size(), 1);

    // Loaded again: a new version, and each load in the audit log.
    QCOMPARE(put(u"2027"_s, kTest2027, m_cityAdmin).json.value(u"version"_s).toInteger(), 2);
    SqlQuery q(m_server->store(),
               u"SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.load' AND target_id = '2027'"_s);
    q.exec();
    QVERIFY(q.next());
    QCOMPARE(q.int64(0), 2);
}

void TestCalendar::clientReceivesAndRemembersIt()
{
    UserInfo user;
    user.id = u"u-clerk"_s;
    user.username = u"town-clerk"_s;
    const QString cachePath = m_dir.filePath(u"clerk.sqlite"_s);
    {
        ApiClient api;
        api.setServerUrl(m_server->baseUrl());
        api.setExtraCaCertificates({m_server->caCertificate()});
        api.setToken(m_clerk);
        ClientSession session(api, user, cachePath, m_server->clock());
        QString error;
        QVERIFY2(session.open(&error), qPrintable(error));
        QVERIFY(!WorkingCalendar::current().covers(QDate(2027, 1, 4))); // a fresh cache: the shipped calendar
        QSignalSpy changed(&session, &ClientSession::calendarChanged);
        session.refreshCalendar();
        QVERIFY(changed.wait(10000));
        QVERIFY(WorkingCalendar::current().covers(QDate(2027, 1, 4)));
        QCOMPARE(session.calendarStatus().value(u"version"_s).toInteger(), 2);
    }
    // Offline, in a later run of the program: the remembered calendar is in force as soon as the cache opens.
    WorkingCalendar::setCurrent(WorkingCalendar::builtIn());
    ApiClient offline;
    offline.setServerUrl(QUrl(u"https://127.0.0.1:9"_s));
    ClientSession session(offline, user, cachePath, m_server->clock());
    QString error;
    QVERIFY2(session.open(&error), qPrintable(error));
    QVERIFY(WorkingCalendar::current().covers(QDate(2027, 1, 4)));
    QVERIFY(!WorkingCalendar::current().isWorkingDay(QDate(2027, 1, 5)));
}

QTEST_GUILESS_MAIN(TestCalendar)
#include "tst_calendar.moc"
