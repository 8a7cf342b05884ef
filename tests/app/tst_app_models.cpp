// The app's models under QAbstractItemModelTester: the org tree, and the users table that pages from the
// server.
#include "app/admin/OrgTreeModel.h"
#include "app/admin/UsersModel.h"
#include "app/net/ApiClient.h"
#include "server/accounts/UserAdminService.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

class TestAppModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void orgTree();
    void usersPaging();
    void usersSearchSortAndFilter();

private:
    std::unique_ptr<test::ServerFixture> m_server;
    std::unique_ptr<ApiClient> m_api;
};

void TestAppModels::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    // 120 more accounts in 通州区's first demo town, so the table needs several pages.
    {
        Store &store = m_server->store();
        PasswordHasher hasher(PasswordHasher::minimum());
        const QByteArray hash = hasher.hash(u"Demo@2026"_s);
        Transaction tx(store);
        for (int i = 0; i < 120; ++i) {
            UserAdminService::NewUser u;
            u.username = u"clerk%1"_s.arg(i, 3, 10, QChar(u'0'));
            u.displayName = u"录入员%1"_s.arg(i);
            u.roles = {Role::Clerk};
            u.orgUnitId = u"320612101000"_s;
            UserAdminService::insertUser(store, u"bulk-%1"_s.arg(i), u, hash, m_server->clock().nowMs(), {},
                                         false);
        }
        tx.commit();
    }
    test::HttpsClient http(*m_server);
    const QString token = http.login(u"admin"_s, u"Demo@2026"_s);
    QVERIFY(!token.isEmpty());
    m_api = std::make_unique<ApiClient>();
    m_api->setServerUrl(m_server->baseUrl());
    m_api->setExtraCaCertificates({m_server->caCertificate()});
    m_api->setToken(token);
}

void TestAppModels::orgTree()
{
    OrgTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<OrgUnit> units;
    units.append({u"1"_s, {}, OrgLevel::City, u"市"_s, u"/1/"_s});
    for (int c = 0; c < 9; ++c) {
        const QString cid = u"c%1"_s.arg(c);
        units.append({cid, u"1"_s, OrgLevel::County, u"县%1"_s.arg(c), u"/1/"_s + cid + u'/'});
        for (int t = 0; t < 11; ++t) {
            const QString tid = cid + u"t%1"_s.arg(t);
            units.append({tid, cid, OrgLevel::Town, u"镇"_s, u"/1/"_s + cid + u'/' + tid + u'/'});
            for (int v = 0; v < 18; ++v) {
                const QString vid = tid + u"v%1"_s.arg(v);
                units.append(
                    {vid, tid, OrgLevel::Village, u"村"_s, u"/1/"_s + cid + u'/' + tid + u'/' + vid + u'/'});
            }
        }
    }
    std::reverse(units.begin(), units.end()); // order must not matter
    model.setUnits(units);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex city = model.index(0, 0);
    QCOMPARE(model.data(city).toString(), u"市"_s);
    QCOMPARE(model.rowCount(city), 9);
    const QModelIndex county = model.indexOfId(u"c3"_s);
    QCOMPARE(model.parent(county), city);
    QCOMPARE(model.rowCount(county), 11);
    const QModelIndex village = model.indexOfId(u"c3t4v17"_s);
    QCOMPARE(model.data(village, OrgTreeModel::LevelRole).toInt(), int(OrgLevel::Village));
    QCOMPARE(model.parent(model.parent(village)), county);
    QCOMPARE(model.rowCount(village), 0);
    QVERIFY(!model.indexOfId(u"nope"_s).isValid());
}

void TestAppModels::usersPaging()
{
    UsersModel model(*m_api);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), UsersModel::kPageSize, 10000);
    QCOMPARE(model.total(), 136); // 16 demo accounts + 120
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({}) || model.isLoading()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTest::qWait(20);
    }
    QCOMPARE(model.rowCount(), 136);
    QVERIFY(!model.canFetchMore({}));
    // Sorted by user name by default, all distinct.
    QStringList names;
    for (int r = 0; r < model.rowCount(); ++r)
        names.append(model.data(model.index(r, UsersModel::Username)).toString());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 136);
}

void TestAppModels::usersSearchSortAndFilter()
{
    UsersModel model(*m_api);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({u"county-"_s, {}, std::nullopt});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 10000);
    model.sort(UsersModel::Username, Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(0, UsersModel::Username)).toString(),
                              u"county-supervisor"_s, 10000);
    QCOMPARE(model.data(model.index(4, UsersModel::Username)).toString(), u"county-admin"_s);
    QCOMPARE(model.data(model.index(0, UsersModel::Roles)).toString(), roleDisplayName(Role::Supervisor));

    // The org filter: the first demo town of 通州区 holds the 5 town accounts and the 120 bulk clerks.
    model.setFilter({{}, u"320612101000"_s, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(model.total() == 125, 10000);
    model.setFilter({u"town-"_s, u"320612101000"_s, true});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 10000);
    model.setFilter({u"town-"_s, u"320612101000"_s, false});
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestAppModels)
#include "tst_app_models.moc"
