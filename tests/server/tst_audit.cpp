// The hash-chained audit log: intact after real activity, and every kind of tampering found, by
// AuditLog::verify() and by the `sunshine-server audit-verify` command.
#include "server/audit/AuditLog.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kDemoPassword = QString::fromUtf16(DemoData::kPassword);
// demo.load, login admin, user.create, login city-clerk, login.failed, login new user, logout
constexpr qint64 kEntries = 7;

qint64 scalar(Store &store, const QString &sql)
{
    SqlQuery q(store, sql);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;

    AuditLog::Verification verify() { return m_server->services().audit.verify(); }

    // Runs `sunshine-server audit-verify` on the fixture's store.
    CliResult auditVerifyCli()
    {
        CliResult result;
        QProcess p;
        p.start(QString::fromLocal8Bit(SUNSHINE_SERVER_BIN),
                {u"audit-verify"_s, u"--database"_s, m_server->storeConfig().describe()});
        if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
            result.err = p.errorString();
            p.kill();
            p.waitForFinished(5000);
            return result;
        }
        result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        result.out = QString::fromUtf8(p.readAllStandardOutput());
        result.err = QString::fromUtf8(p.readAllStandardError());
        return result;
    }

    // Some real activity through the API: seven entries (six when the demo data is loaded already).
    void makeActivity(const QString &newUsername = u"audited"_s)
    {
        HttpsClient client(*m_server);
        const QString admin = client.login(u"admin"_s, kDemoPassword);
        QVERIFY(!admin.isEmpty());
        const HttpResult created = client.post(u"/api/v1/admin/users"_s,
                                               {{u"username"_s, newUsername},
                                                {u"displayName"_s, u"审计测试"_s},
                                                {u"roles"_s, QJsonArray{u"reviewer"_s}},
                                                {u"orgUnitId"_s, u"320612000000"_s},
                                                {u"password"_s, u"Audit#Pass2026"_s}},
                                               admin);
        EXPECT_STATUS(created, 201);
        m_server->clock().advanceMs(1000);
        QVERIFY(!client.login(u"city-clerk"_s, kDemoPassword).isEmpty());
        QVERIFY(client.login(u"city-clerk"_s, u"Wrong#Pass2026"_s).isEmpty());
        const QString user = client.login(newUsername, u"Audit#Pass2026"_s);
        QVERIFY(!user.isEmpty());
        EXPECT_STATUS(client.request("POST", u"/api/v1/auth/logout"_s, QByteArray(), user), 204);
    }

    void exec(const QString &sql) { SqlQuery(m_server->store(), sql).exec(); }

private slots:
    void init()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        makeActivity();
    }

    void cleanup() { m_server.reset(); }

    void intactAfterActivity()
    {
        const AuditLog::Verification v = verify();
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.checked, kEntries);
        QCOMPARE(v.firstBrokenSeq, 0);
        QCOMPARE(scalar(m_server->store(), u"SELECT COUNT(*) FROM audit_log"_s), kEntries);
        QCOMPARE(scalar(m_server->store(), u"SELECT seq FROM audit_head WHERE id = 1"_s), kEntries);

        // The entries say what happened, in order.
        SqlQuery q(m_server->store(), u"SELECT action, actor_name, target_id FROM audit_log ORDER BY seq"_s);
        q.exec();
        QStringList actions;
        while (q.next())
            actions.append(q.text(0));
        QCOMPARE(actions, (QStringList{u"demo.load"_s, u"login"_s, u"user.create"_s, u"login"_s,
                                       u"login.failed"_s, u"login"_s, u"logout"_s}));
        SqlQuery create(m_server->store(),
                        u"SELECT actor_id, detail, address FROM audit_log WHERE seq = 3"_s);
        create.exec();
        QVERIFY(create.next());
        QCOMPARE(create.text(0), u"demo-admin"_s);
        const QJsonObject detail = QJsonDocument::fromJson(create.text(1).toUtf8()).object();
        QCOMPARE(detail.value(u"username"_s).toString(), u"audited"_s);
        QCOMPARE(create.text(2), u"127.0.0.1"_s);
        // Passwords are never logged.
        QCOMPARE(
            scalar(m_server->store(), u"SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Pass2026%'"_s), 0);
    }

    void editedEntryIsFound()
    {
        exec(u"UPDATE audit_log SET detail = '{\"username\":\"someone-else\"}' WHERE seq = 3"_s);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 3);
        QCOMPARE(v.checked, 2);
        QVERIFY2(v.reason.contains(u"3"_s), qPrintable(v.reason));
    }

    void editedTimestampIsFound()
    {
        exec(u"UPDATE audit_log SET at_ms = at_ms - 3600000 WHERE seq = 5"_s);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 5);
    }

    void rehashedEntryBreaksTheNextLink()
    {
        // A forger who also recomputes the edited entry's own hash is caught at the following entry.
        Store &store = m_server->store();
        SqlQuery row(
            store, u"SELECT at_ms, actor_id, actor_name, action, target_type, target_id, address, prev_hash "
                   u"FROM audit_log WHERE seq = 4"_s);
        row.exec();
        QVERIFY(row.next());
        AuditEntry e{row.text(1), u"nobody"_s, row.text(3), row.text(4), row.text(5), {}, row.text(6)};
        const QString detail = u"{}"_s;
        const QByteArray forged = AuditLog::entryHash(row.text(7).toLatin1(), 4, row.int64(0), e, detail);
        SqlQuery(store, u"UPDATE audit_log SET actor_name = ?, detail = ?, hash = ? WHERE seq = 4"_s)
            .bindText(e.actorName)
            .bindText(detail)
            .bindText(QString::fromLatin1(forged))
            .exec();
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 5);
        QCOMPARE(v.checked, 4);
    }

    void deletedMiddleEntryIsFound()
    {
        exec(u"DELETE FROM audit_log WHERE seq = 4"_s);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 4);
        QCOMPARE(v.checked, 3);
    }

    void deletedFirstEntryIsFound()
    {
        exec(u"DELETE FROM audit_log WHERE seq = 1"_s);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 1);
    }

    void deletedLastEntryIsFound()
    {
        exec(u"DELETE FROM audit_log WHERE seq = %1"_s.arg(kEntries));
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, kEntries);
        QCOMPARE(v.checked, kEntries - 1);
        QVERIFY2(v.reason.contains(QString::number(kEntries)), qPrintable(v.reason));

        // Truncating the log and resetting the head to match is caught as well: the head's hash no longer
        // fits.
        exec(u"UPDATE audit_head SET seq = %1 WHERE id = 1"_s.arg(kEntries - 1));
        const AuditLog::Verification again = verify();
        QVERIFY(!again.intact);
        QCOMPARE(again.firstBrokenSeq, kEntries);
    }

    void appendingAfterVerifyKeepsChain()
    {
        // More activity after a verification continues the same chain.
        QVERIFY(verify().intact);
        makeActivity(u"audited-too"_s);
        if (QTest::currentTestFailed())
            return;
        const AuditLog::Verification v = verify();
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.checked, kEntries + 6); // the second round has no demo.load
    }

    void cliReportsIntactAndTampered()
    {
        CliResult r = auditVerifyCli();
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(u"audit log intact: %1 entries checked"_s.arg(kEntries)), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"审计日志完整"_s), qPrintable(r.out));

        exec(u"UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 6"_s);
        r = auditVerifyCli();
        QVERIFY2(r.exitCode != 0, qPrintable(r.out + r.err));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"BROKEN at entry 6"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"第 6 条"_s), qPrintable(r.err));
        QVERIFY(!r.out.contains(u"intact"_s));
    }

    void cliReportsDeletedLastEntry()
    {
        exec(u"DELETE FROM audit_log WHERE seq = %1"_s.arg(kEntries));
        const CliResult r = auditVerifyCli();
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"BROKEN at entry %1"_s.arg(kEntries)), qPrintable(r.err));
    }

    void cliRefusesMissingStore()
    {
        QProcess p;
        p.start(QString::fromLocal8Bit(SUNSHINE_SERVER_BIN),
                {u"audit-verify"_s, u"--database"_s, u"sqlite:/nonexistent-dir/for/sure/x.db"_s});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
