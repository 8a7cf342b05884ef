// Schema migrations on both stores: from empty, from the previous version with data kept, re-run, and refusal
// of a store written by a newer program.
#include "server/cli/ServerInstance.h"
#include "server/store/Migrator.h"
#include "server/store/Store.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"
#include "tests/support/TestTls.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

qint64 scalar(Store &store, const QString &sql)
{
    SqlQuery q(store, sql);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

// True when `table` can be read (exists).
bool tableExists(Store &store, const QString &table)
{
    QSqlQuery q(store.connection());
    return q.exec(u"SELECT COUNT(*) FROM "_s + table);
}

void insertCoreRows(Store &store)
{
    Transaction tx(store);
    SqlQuery(
        store,
        u"INSERT INTO org_units (id, parent_id, level, name, path, sort_order) VALUES (?, ?, 1, ?, ?, 0)"_s)
        .bindText(u"320600000000"_s)
        .bindText(QString())
        .bindText(u"南通市"_s)
        .bindText(u"/320600000000/"_s)
        .exec();
    SqlQuery(store,
             u"INSERT INTO departments (id, code, name, org_unit_id, sort_order) VALUES (?, ?, ?, ?, 0)"_s)
        .bindText(u"320600000000-finance"_s)
        .bindText(u"finance"_s)
        .bindText(u"南通市财政局"_s)
        .bindText(u"320600000000"_s)
        .exec();
    SqlQuery(
        store,
        u"INSERT INTO users (id, username, display_name, password_hash, org_unit_id, department_id, phone, "
        u"created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 3)"_s)
        .bindText(u"u-1"_s)
        .bindText(u"old-user"_s)
        .bindText(u"老用户"_s)
        .bindText(u"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"_s)
        .bindText(u"320600000000"_s)
        .bindText(u"320600000000-finance"_s)
        .bindText(u"13812345678"_s)
        .bind(1700000000000LL)
        .bind(1700000001000LL)
        .exec();
    SqlQuery(store, u"INSERT INTO user_roles (user_id, role) VALUES (?, ?)"_s)
        .bindText(u"u-1"_s)
        .bindText(u"clerk"_s)
        .exec();
    SqlQuery(store,
             u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at, address) "
             u"VALUES (?, ?, ?, ?, 0, ?)"_s)
        .bindText(u"abc123"_s)
        .bindText(u"u-1"_s)
        .bind(1700000000000LL)
        .bind(1700028800000LL)
        .bindText(u"127.0.0.1"_s)
        .exec();
    tx.commit();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> freshStore()
    {
        auto store = std::make_unique<Store>(freshStoreConfig());
        QString error;
        if (!store->open(&error))
            qWarning("cannot open store: %s", qPrintable(error));
        return store;
    }

private slots:
    void initTestCase()
    {
        qInfo("store: %s", qPrintable(testStoreName()));
        QVERIFY(Migrator::latestVersion() >= 2);
    }

    void fromEmptyToLatest()
    {
        auto store = freshStore();
        QString error;
        QVERIFY2(store->open(&error), qPrintable(error));
        Migrator migrator(*store);
        QCOMPARE(migrator.currentVersion(), 0);
        QVERIFY(!tableExists(*store, u"users"_s));
        QVERIFY2(migrator.migrate(&error), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), Migrator::latestVersion());
        QCOMPARE(scalar(*store, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrator::latestVersion()));
        for (const QString &table : {u"org_units"_s, u"departments"_s, u"users"_s, u"user_roles"_s,
                                     u"sessions"_s, u"audit_log"_s, u"audit_head"_s})
            QVERIFY2(tableExists(*store, table), qPrintable(table));
        QCOMPARE(scalar(*store, u"SELECT COUNT(*) FROM users"_s), 0);
        QCOMPARE(scalar(*store, u"SELECT seq FROM audit_head WHERE id = 1"_s), 0);
        // Constraints are in place: a user in an unknown org unit is refused.
        bool refused = false;
        try {
            SqlQuery(
                *store,
                u"INSERT INTO users (id, username, display_name, password_hash, org_unit_id, created_at, "
                u"updated_at) VALUES ('x', 'x', 'x', 'x', 'nowhere', 0, 0)"_s)
                .exec();
        } catch (const StoreError &) {
            refused = true;
        }
        QVERIFY(refused);
    }

    void fromOneToTwoKeepsData()
    {
        auto store = freshStore();
        QString error;
        Migrator migrator(*store);
        QVERIFY2(migrator.migrate(&error, 1), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), 1);
        QVERIFY(tableExists(*store, u"users"_s));
        QVERIFY(!tableExists(*store, u"audit_log"_s));
        insertCoreRows(*store);

        QVERIFY2(migrator.migrate(&error, 2), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), 2);
        QVERIFY(tableExists(*store, u"audit_log"_s));
        QCOMPARE(scalar(*store, u"SELECT seq FROM audit_head WHERE id = 1"_s), 0);
        QCOMPARE(scalar(*store, u"SELECT COUNT(*) FROM users"_s), 1);
        // Then each later migration from its predecessor, up to the latest.
        for (int v = 3; v <= Migrator::latestVersion(); ++v) {
            QVERIFY2(migrator.migrate(&error, v), qPrintable(error));
            QCOMPARE(migrator.currentVersion(), v);
        }
        QVERIFY2(migrator.migrate(&error), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), Migrator::latestVersion());

        SqlQuery q(
            *store,
            u"SELECT u.username, u.display_name, u.phone, u.version, r.role, d.name, o.name "
            u"FROM users u JOIN user_roles r ON r.user_id = u.id "
            u"JOIN departments d ON d.id = u.department_id JOIN org_units o ON o.id = u.org_unit_id"_s);
        q.exec();
        QVERIFY(q.next());
        QCOMPARE(q.text(0), u"old-user"_s);
        QCOMPARE(q.text(1), u"老用户"_s);
        QCOMPARE(q.text(2), u"13812345678"_s);
        QCOMPARE(q.int64(3), 3);
        QCOMPARE(q.text(4), u"clerk"_s);
        QCOMPARE(q.text(5), u"南通市财政局"_s);
        QCOMPARE(q.text(6), u"南通市"_s);
        QVERIFY(!q.next());
        QCOMPARE(scalar(*store, u"SELECT expires_at FROM sessions WHERE token_hash = 'abc123'"_s),
                 1700028800000LL);
    }

    void rerunIsNoOp()
    {
        auto store = freshStore();
        QString error;
        {
            Migrator migrator(*store);
            QVERIFY2(migrator.migrate(&error), qPrintable(error));
        }
        insertCoreRows(*store);
        const qint64 appliedSum = scalar(*store, u"SELECT SUM(applied_at) FROM schema_version"_s);
        for (int i = 0; i < 2; ++i) {
            Migrator again(*store);
            QVERIFY2(again.migrate(&error), qPrintable(error));
            QCOMPARE(again.currentVersion(), Migrator::latestVersion());
        }
        QCOMPARE(scalar(*store, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrator::latestVersion()));
        QCOMPARE(scalar(*store, u"SELECT SUM(applied_at) FROM schema_version"_s), appliedSum);
        QCOMPARE(scalar(*store, u"SELECT COUNT(*) FROM users"_s), 1);
        QCOMPARE(scalar(*store, u"SELECT COUNT(*) FROM audit_head"_s), 1);

        // A second store object (another server process) on the same database finds nothing to do either.
        Store second(store->config());
        QVERIFY2(second.open(&error), qPrintable(error));
        Migrator other(second);
        QVERIFY2(other.migrate(&error), qPrintable(error));
        QCOMPARE(scalar(second, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrator::latestVersion()));
    }

    void newerSchemaIsRefused()
    {
        auto store = freshStore();
        QString error;
        Migrator migrator(*store);
        QVERIFY2(migrator.migrate(&error), qPrintable(error));
        const int latest = Migrator::latestVersion();
        const int newer = latest + 5;
        SqlQuery(*store, u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s)
            .bind(newer)
            .bind(1)
            .exec();

        error.clear();
        Migrator old(*store);
        QVERIFY(!old.migrate(&error));
        QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
        QVERIFY2(error.contains(QString::number(latest)), qPrintable(error));
        QVERIFY2(error.contains(u"版本"_s), qPrintable(error));
        // Nothing was changed.
        QCOMPARE(scalar(*store, u"SELECT MAX(version) FROM schema_version"_s), qint64(newer));

        // The server refuses to start on it, with the same reason.
        ServerFixture::Options options;
        options.store = store->config();
        ServerFixture server(options);
        QString startError;
        QVERIFY(!server.start(&startError));
        QVERIFY2(startError.contains(QString::number(newer)) && startError.contains(QString::number(latest)),
                 qPrintable(startError));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
