// Killing the program or the server at any moment loses nothing and duplicates nothing (DESIGN.md "Sync").
// The clerk's program is sync_driver (the real LocalCache and SyncEngine); the server is the real
// sunshine-server binary on a SQLite file or on the run's PostgreSQL database.
//  (a) the client process is killed at 100+ random points while pushing and pulling; after each few kills a
//      normal run must converge: the cache equals the server's records of the user's scope, and every change
//      the driver saved was applied exactly once;
//  (b) the server process is killed at 50+ random points while two clients push, and started again on the
//  same
//      store; the clients converge, nothing lost, nothing doubled.
#include "common/sync/DepartmentContact.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/TestStores.h"
#include "tests/support/TestTls.h"
#include "tests/sync_process/SyncProcess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kType = QString::fromUtf16(sync::DepartmentContactType::kName);
const QStringList kRoles{u"leader"_s, u"liaison"_s};

// A clerk whose program the test runs, and what the test knows of the changes it saved.
struct Clerk
{
    QString username;
    QString department;
    QString scopePath;
    QString cachePath;
    QString token;
    QList<SavedOp> confirmed; // SAVED lines, in order
    QSet<QString> confirmedIds;
    int unconfirmed = 0; // SAVING lines without SAVED: committed or not
    QSet<QString> uncertainRecords;

    QString orgUnitId() const { return department.section(u'-', 0, 0); }
    QStringList recordIds() const
    {
        return {sync::DepartmentContactType::recordIdFor(department, kRoles.at(0)),
                sync::DepartmentContactType::recordIdFor(department, kRoles.at(1))};
    }
};

// What a record must look like after the confirmed changes, as the server applies them.
struct Expected
{
    QJsonObject fields;
    bool deleted = false;
    bool known = false;
};

QJsonObject contactOp(const QString &department, const QString &role, qint64 base, const QJsonObject &fields)
{
    return {{u"opId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"recordId"_s, sync::DepartmentContactType::recordIdFor(department, role)},
            {u"type"_s, kType},
            {u"orgUnitId"_s, department.section(u'-', 0, 0)},
            {u"departmentId"_s, department},
            {u"kind"_s, u"upsert"_s},
            {u"baseVersion"_s, base},
            {u"changedFields"_s, fields},
            {u"deviceTime"_s, QDateTime::currentMSecsSinceEpoch()}};
}

} // namespace

class TestSyncCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    StoreConfig m_config;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ServerProcess> m_server;
    QList<Clerk> m_clerks;
    QList<ClerkSpec> m_background;
    QHash<QString, QString> m_backgroundTokens;
    QRandomGenerator m_rng;
    quint32 m_nextSeed = 1000;
    // How long the phases of a run took lately (ms), to aim the kills.
    qint64 m_pushMs = 30;
    qint64 m_pullMs = 30;
    qint64 m_totalMs = 150;
    int m_churn = 0;
    QStringList m_previousRuns; // the output of the last runs, for failure messages

    QStringList driverArgs(const Clerk &c, int changes, int pushBatch, int pullLimit)
    {
        return {u"--server"_s,
                m_server->baseUrl().toString(),
                u"--ca"_s,
                TestTls::instance().caCertFile(),
                u"--cache"_s,
                c.cachePath,
                u"--token"_s,
                c.token,
                u"--department"_s,
                c.department,
                u"--changes"_s,
                QString::number(changes),
                u"--seed"_s,
                QString::number(m_nextSeed++),
                u"--delete-percent"_s,
                u"6"_s,
                u"--push-batch"_s,
                QString::number(pushBatch),
                u"--pull-limit"_s,
                QString::number(pullLimit),
                u"--retry-ms"_s,
                u"30"_s,
                u"--timeout-ms"_s,
                u"90000"_s};
    }

    void learnDurations(const DriverRun &run)
    {
        const qint64 push = run.msAt(u"PHASE pushing"_s);
        const qint64 pull = run.msAt(u"PHASE pulling"_s);
        const qint64 idle = run.msAt(u"PHASE idle"_s);
        if (push < 0 || pull < push || idle < pull)
            return;
        m_pushMs = (3 * m_pushMs + (pull - push)) / 4;
        m_pullMs = (3 * m_pullMs + (idle - pull)) / 4;
        m_totalMs = (3 * m_totalMs + idle) / 4;
    }

    // Takes in what a finished run saved.
    void absorb(const DriverRun &run, Clerk &c)
    {
        m_previousRuns.append(u"--- %1 (%2) ---"_s.arg(c.username, run.killed() ? u"killed"_s : u"ended"_s));
        m_previousRuns.append(run.lines());
        if (m_previousRuns.size() > 400)
            m_previousRuns = m_previousRuns.mid(m_previousRuns.size() - 300);
        const QList<SavedOp> ops = run.savedOps();
        for (const SavedOp &op : ops) {
            c.confirmed.append(op);
            c.confirmedIds.insert(op.opId);
            if (!op.isDelete)
                c.uncertainRecords.remove(op.recordId); // every change sets every field
        }
        const QList<int> open = run.unconfirmedSaves();
        for (int i : open) {
            ++c.unconfirmed;
            c.uncertainRecords.insert(run.recordOfSaving(i));
        }
    }

    // For a failure message: what the server knows of the operations a run reported in conflict.
    QString conflictDiagnosis(const DriverRun &run)
    {
        QString out;
        QSet<QString> records;
        for (const QString &line : run.lines()) {
            if (line.startsWith(u"CONFLICT "_s))
                records.insert(line.section(u' ', 1, 1));
        }
        for (const QString &id : std::as_const(records)) {
            out += u"\n  history of %1:"_s.arg(id);
            SqlQuery h(*m_store, u"SELECT version, op_id, changed, updated_at FROM record_history WHERE "
                                 u"record_id = ? ORDER BY version"_s);
            h.bindText(id).exec();
            while (h.next())
                out += u"\n    v%1 %2 %3 at %4"_s.arg(h.int64(0)).arg(h.text(1), h.text(2)).arg(h.int64(3));
        }
        if (!records.isEmpty()) {
            out += u"\n  previous runs:"_s;
            for (const QString &l : std::as_const(m_previousRuns))
                out += u"\n    "_s + l;
            out += u"\n  this run:\n    "_s + run.lines().join(u"\n    "_s);
        }
        for (const QString &line : run.lines()) {
            if (!line.startsWith(u"CONFLICT-OP "_s))
                continue;
            const QString opId = line.section(u' ', 1, 1);
            SqlQuery q(*m_store, u"SELECT record_id, version FROM record_history WHERE op_id = ?"_s);
            q.bindText(opId).exec();
            out += u"\n  operation %1 (%2):"_s.arg(opId, line.section(u' ', 2, 2));
            bool any = false;
            while (q.next()) {
                out += u" applied as version %1;"_s.arg(q.int64(1));
                any = true;
            }
            if (!any)
                out += u" not applied on the server"_s;
        }
        return out;
    }

    // A normal run that must converge, then the cache must equal the server's view.
    void convergeAndCompare(Clerk &c, int changes)
    {
        DriverRun run(driverArgs(c, changes, 4, 5));
        run.start();
        QVERIFY2(run.wait(90000), qPrintable(run.describe()));
        absorb(run, c);
        if (!run.converged())
            qInfo("%s", qPrintable(conflictDiagnosis(run)));
        QVERIFY2(run.converged(), qPrintable(c.username + u": "_s + run.describe()));
        learnDurations(run);
        const QString diff = compareCacheWithServer(c.cachePath, *m_store, c.scopePath);
        QVERIFY2(diff.isEmpty(), qPrintable(c.username + u": "_s + diff));
    }

    // Changes by other clerks, so every pull has pages to fetch.
    void churn(int n)
    {
        HttpsClient http(m_server->baseUrl(), {TestTls::instance().caCertificate()});
        for (int i = 0; i < n; ++i) {
            const ClerkSpec &bg = m_background.at(int(m_rng.bounded(qsizetype(m_background.size()))));
            const QString role = kRoles.at(int(m_rng.bounded(2)));
            const QString id = sync::DepartmentContactType::recordIdFor(bg.departmentId, role);
            SqlQuery q(*m_store, u"SELECT version FROM records WHERE id = ?"_s);
            q.bindText(id).exec();
            const qint64 version = q.next() ? q.int64(0) : 0;
            const QJsonObject op =
                contactOp(bg.departmentId, role, version, {{u"name"_s, u"bg%1"_s.arg(++m_churn)}});
            const HttpResult r = http.post(
                u"/api/v1/sync/push"_s,
                {{u"deviceNow"_s, QDateTime::currentMSecsSinceEpoch()}, {u"operations"_s, QJsonArray{op}}},
                m_backgroundTokens.value(bg.username));
            EXPECT_STATUS(r, 200);
            QCOMPARE(r.json.value(u"results"_s).toArray().at(0).toObject().value(u"status"_s).toString(),
                     u"applied"_s);
        }
    }

    // Every change a clerk's program confirmed saving was applied exactly once; nothing else was applied to
    // its records but the few saves that were cut off by a kill; the records hold the last confirmed values.
    void checkExactlyOnce()
    {
        const QList<HistoryRow> history = recordHistory(*m_store);
        const QHash<QString, QString> answers = appliedOps(*m_store);
        const QHash<QString, ServerRecord> records = serverRecords(*m_store);
        int total = 0, cutOff = 0, cutOffApplied = 0;
        for (const Clerk &c : std::as_const(m_clerks)) {
            const QStringList ids = c.recordIds();
            QHash<QString, int> seen;
            for (const HistoryRow &h : history) {
                if (ids.contains(h.recordId))
                    ++seen[h.opId];
            }
            for (const QString &opId : c.confirmedIds) {
                QVERIFY2(seen.value(opId) == 1, qPrintable(u"%1: operation %2 applied %3 times"_s.arg(
                                                    c.username, opId, QString::number(seen.value(opId)))));
                QCOMPARE(answers.value(opId), u"applied"_s);
            }
            int extra = 0;
            for (auto it = seen.constBegin(); it != seen.constEnd(); ++it) {
                QVERIFY2(it.value() == 1,
                         qPrintable(u"operation %1 applied %2 times"_s.arg(it.key()).arg(it.value())));
                if (!c.confirmedIds.contains(it.key()))
                    ++extra;
            }
            cutOff += c.unconfirmed;
            cutOffApplied += extra;
            QVERIFY2(extra <= c.unconfirmed,
                     qPrintable(u"%1: %2 operations applied that the program never saved (%3 cut-off saves)"_s
                                    .arg(c.username)
                                    .arg(extra)
                                    .arg(c.unconfirmed)));
            QCOMPARE(qsizetype(c.confirmedIds.size()), c.confirmed.size()); // no operation id twice
            total += int(c.confirmed.size());

            // Replay the confirmed changes as the server applies them: fields overlaid, a delete keeps the
            // fields.
            QHash<QString, Expected> expected;
            for (const SavedOp &op : c.confirmed) {
                Expected &e = expected[op.recordId];
                e.known = true;
                if (op.isDelete) {
                    e.deleted = true;
                    continue;
                }
                e.deleted = false;
                for (auto f = op.fields.constBegin(); f != op.fields.constEnd(); ++f) {
                    if (f.value().isNull())
                        e.fields.remove(f.key());
                    else
                        e.fields.insert(f.key(), f.value());
                }
            }
            for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
                QVERIFY2(records.contains(it.key()), qPrintable(u"record %1 lost"_s.arg(it.key())));
                if (c.uncertainRecords.contains(it.key()))
                    continue;
                const ServerRecord &s = records[it.key()];
                QVERIFY2(s.fields == it->fields,
                         qPrintable(u"%1 record %2: server %3, expected %4"_s.arg(
                             c.username, it.key(), QString::fromUtf8(QJsonDocument(s.fields).toJson()),
                             QString::fromUtf8(QJsonDocument(it->fields).toJson()))));
                QCOMPARE(s.deleted, it->deleted);
            }
        }
        const QString invariants = checkHistoryInvariants(*m_store);
        QVERIFY2(invariants.isEmpty(), qPrintable(invariants));
        qInfo(
            "%d changes saved by the clerks' programs, each applied once; %d saves cut off by a kill, %d of "
            "them committed and applied; %lld history rows in all",
            total, cutOff, cutOffApplied, qlonglong(history.size()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const quint32 seed = qEnvironmentVariableIsSet("SUNSHINE_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("SUNSHINE_TEST_SEED"))
                                 : 20260302u;
        m_rng.seed(seed);
        qInfo("store %s, random seed %u (SUNSHINE_TEST_SEED)", qPrintable(testStoreName()), seed);

        const QList<ClerkSpec> clerks{{u"county-clerk"_s, u"320612000000-agriculture"_s},
                                      {u"city-clerk"_s, u"320600000000-poverty-office"_s},
                                      {u"crash-finance"_s, u"320612000000-finance"_s},
                                      {u"crash-education"_s, u"320602000000-education"_s}};
        for (const ClerkSpec &spec : clerks) {
            Clerk c;
            c.username = spec.username;
            c.department = spec.departmentId;
            m_clerks.append(c);
        }
        QList<ClerkSpec> extra = clerks.mid(2);
        for (const QString &county : {u"320612"_s, u"320602"_s}) {
            for (const QString &code :
                 {u"civil-affairs"_s, u"housing"_s, u"water"_s, u"health"_s, u"audit"_s}) {
                const ClerkSpec bg{u"bg-%1-%2"_s.arg(county, code), county + u"000000-"_s + code};
                m_background.append(bg);
                extra.append(bg);
            }
        }
        QString error;
        m_config = freshStoreConfig();
        QVERIFY2(prepareStore(m_config, extra, &error), qPrintable(error));
        m_store = std::make_unique<Store>(m_config);
        QVERIFY2(m_store->open(&error), qPrintable(error));

        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        m_server = std::make_unique<ServerProcess>(m_config, port, m_dir.filePath(u"server-data"_s));
        QVERIFY2(m_server->start(&error), qPrintable(error));

        for (Clerk &c : m_clerks) {
            c.cachePath = m_dir.filePath(c.username + u".sqlite"_s);
            c.scopePath = orgPathOf(*m_store, c.orgUnitId());
            QVERIFY(!c.scopePath.isEmpty());
        }
        // The background clerks' records, so a first pull has many pages.
        HttpsClient http(m_server->baseUrl(), {TestTls::instance().caCertificate()});
        for (const ClerkSpec &bg : std::as_const(m_background)) {
            const QString token = http.login(bg.username, kPassword);
            QVERIFY2(!token.isEmpty(), http.lastLogin().describe().constData());
            m_backgroundTokens.insert(bg.username, token);
            QJsonArray ops;
            for (const QString &role : kRoles)
                ops.append(contactOp(bg.departmentId, role, 0,
                                     {{u"contactRole"_s, role},
                                      {u"name"_s, QString(u"背景 "_s + bg.username)},
                                      {u"mobile"_s, u"13900000000"_s}}));
            const HttpResult r = http.post(
                u"/api/v1/sync/push"_s,
                {{u"deviceNow"_s, QDateTime::currentMSecsSinceEpoch()}, {u"operations"_s, ops}}, token);
            EXPECT_STATUS(r, 200);
            for (const QJsonValue &v : r.json.value(u"results"_s).toArray())
                QCOMPARE(v.toObject().value(u"status"_s).toString(), u"applied"_s);
        }

        // Each clerk's program signs in by itself once (the test keeps the token), enters two changes and
        // syncs.
        for (Clerk &c : m_clerks) {
            DriverRun run({u"--server"_s, m_server->baseUrl().toString(), u"--ca"_s,
                           TestTls::instance().caCertFile(), u"--cache"_s, c.cachePath, u"--username"_s,
                           c.username, u"--password"_s, kPassword, u"--changes"_s, u"2"_s, u"--seed"_s,
                           QString::number(m_nextSeed++), u"--pull-limit"_s, u"3"_s});
            run.start();
            QVERIFY2(run.wait(60000), qPrintable(run.describe()));
            QVERIFY2(run.converged(), qPrintable(run.describe()));
            const QString signedIn = run.lastLine(u"SIGNED-IN "_s);
            QCOMPARE(signedIn.section(u' ', 2, 2), c.department);
            c.token = run.lastLine(u"TOKEN "_s).section(u' ', 1, 1);
            QVERIFY(!c.token.isEmpty());
            absorb(run, c);
            QCOMPARE(c.confirmed.size(), 2);
            const QString diff = compareCacheWithServer(c.cachePath, *m_store, c.scopePath);
            QVERIFY2(diff.isEmpty(), qPrintable(c.username + u": "_s + diff));
        }
        // The city clerk sees every record, a county clerk the county's: the background clerks' and those the
        // first runs created.
        auto created = [this](const QStringList &departments) {
            QSet<QString> ids;
            for (const Clerk &c : std::as_const(m_clerks)) {
                if (departments.contains(c.department)) {
                    for (const SavedOp &op : c.confirmed)
                        ids.insert(op.recordId);
                }
            }
            return qsizetype(ids.size());
        };
        QCOMPARE(serverRecords(*m_store, m_clerks.at(1).scopePath).size(),
                 2 * 10 + created({u"320612000000-agriculture"_s, u"320600000000-poverty-office"_s,
                                   u"320612000000-finance"_s, u"320602000000-education"_s}));
        QCOMPARE(serverRecords(*m_store, m_clerks.at(0).scopePath).size(),
                 2 * 5 + created({u"320612000000-agriculture"_s, u"320612000000-finance"_s}));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
        m_server.reset();
        m_store.reset();
    }

    // The program was killed after the server applied a batch but before it took the answers in; started
    // again, it sends the same changes split differently, and it takes in an earlier answer before sending
    // the rest (which moves their base on). The rest must continue the chain, not conflict with the clerk's
    // own changes.
    void lostAnswersResentInOtherBatches()
    {
        // A background clerk's record: the clerks' programs of the other tests keep their own records.
        const QString department = m_background.at(0).departmentId;
        const QString token = m_backgroundTokens.value(m_background.at(0).username);
        const QString role = u"leader"_s;
        const QString id = sync::DepartmentContactType::recordIdFor(department, role);
        qint64 v = 0;
        {
            SqlQuery q(*m_store, u"SELECT version FROM records WHERE id = ?"_s);
            q.bindText(id).exec();
            QVERIFY(q.next());
            v = q.int64(0);
        }
        HttpsClient http(m_server->baseUrl(), {TestTls::instance().caCertificate()});
        auto fields = [&](int n) {
            return QJsonObject{{u"contactRole"_s, role},
                               {u"name"_s, u"lost-%1"_s.arg(n)},
                               {u"mobile"_s, u"1390000000%1"_s.arg(n)}};
        };
        auto push = [&](const QJsonArray &ops) {
            const HttpResult r = http.post(
                u"/api/v1/sync/push"_s,
                {{u"deviceNow"_s, QDateTime::currentMSecsSinceEpoch()}, {u"operations"_s, ops}}, token);
            QList<QPair<QString, qint64>> out;
            for (const QJsonValue &a : r.json.value(u"results"_s).toArray())
                out.append({a.toObject().value(u"status"_s).toString(),
                            a.toObject().value(u"version"_s).toInteger()});
            return out;
        };
        QJsonObject b = contactOp(department, role, v, fields(1));
        QJsonObject cc = contactOp(department, role, v, fields(2));
        QJsonObject d = contactOp(department, role, v, fields(3));
        // Sent and applied; the answers never arrive.
        QCOMPARE(push({b, cc}),
                 (QList<QPair<QString, qint64>>{{u"applied"_s, v + 1}, {u"applied"_s, v + 2}}));
        // Again, the first alone: its answer comes, and the program moves the rest of the chain onto v + 1.
        QCOMPARE(push({b}), (QList<QPair<QString, qint64>>{{u"applied"_s, v + 1}}));
        cc.insert(u"baseVersion"_s, v + 1);
        d.insert(u"baseVersion"_s, v + 1);
        QCOMPARE(push({cc, d}),
                 (QList<QPair<QString, qint64>>{{u"applied"_s, v + 2}, {u"applied"_s, v + 3}}));
        {
            SqlQuery now(*m_store, u"SELECT version, data FROM records WHERE id = ?"_s);
            now.bindText(id).exec();
            QVERIFY(now.next());
            QCOMPARE(now.int64(0), v + 3);
            QCOMPARE(QJsonDocument::fromJson(now.text(1).toUtf8()).object().value(u"name"_s).toString(),
                     u"lost-3"_s);
        }
        const QString invariants = checkHistoryInvariants(*m_store);
        QVERIFY2(invariants.isEmpty(), qPrintable(invariants));
    }

    // (a) The clerk's program killed at random points while pushing and pulling.
    void clientKilledWhilePushingAndPulling()
    {
        int kills = 0, pushKills = 0, pullKills = 0, otherKills = 0, survived = 0;
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 150 && (kills < 160 || pushKills < 50 || pullKills < 50); ++round) {
            Clerk &c = m_clerks[round % m_clerks.size()];
            for (int k = 0; k < 4; ++k) {
                churn(int(m_rng.bounded(3, 7)));
                if (QTest::currentTestFailed())
                    return;
                DriverRun run(driverArgs(c, int(m_rng.bounded(3, 10)), int(m_rng.bounded(1, 4)),
                                         int(m_rng.bounded(1, 3))));
                run.start();
                // Kill points spread over the phases, by how long they took in the last runs that were not
                // killed.
                const int mode = int(m_rng.bounded(20));
                if (mode < 2) // anywhere: opening, saving, signing the first request, pushing, pulling
                    run.killAfter(int(m_rng.bounded(qint64(0), qMax<qint64>(20, m_totalMs + 20))));
                else if (mode == 2) // while the clerk's entry is being saved locally
                    run.killOnLine(u"SAVING "_s, int(m_rng.bounded(1, 4)), 0);
                else if (mode < 10)
                    run.killOnLine(u"PHASE pushing"_s, 1,
                                   int(m_rng.bounded(qint64(0), qMax<qint64>(5, m_pushMs))));
                else if (mode < 12) // right after an answer was taken in
                    run.killOnLine(u"PUSHED "_s, 1, int(m_rng.bounded(0, 3)));
                else if (mode < 18)
                    run.killOnLine(u"PHASE pulling"_s, 1,
                                   int(m_rng.bounded(qint64(0), qMax<qint64>(5, m_pullMs))));
                else
                    run.killOnLine(u"PULLED "_s, 1, int(m_rng.bounded(0, 3)));
                QVERIFY2(run.wait(90000), qPrintable(run.describe()));
                absorb(run, c);
                if (run.killed()) {
                    ++kills;
                    const QString phase = run.phaseAtEnd();
                    if (phase == u"pushing"_s)
                        ++pushKills;
                    else if (phase == u"pulling"_s)
                        ++pullKills;
                    else
                        ++otherKills;
                } else {
                    // Not reached by the kill: then it must have converged on its own.
                    ++survived;
                    if (!run.converged())
                        qInfo("%s", qPrintable(conflictDiagnosis(run)));
                    QVERIFY2(run.converged(), qPrintable(c.username + u": "_s + run.describe()));
                    learnDurations(run);
                }
            }
            convergeAndCompare(c, int(m_rng.bounded(0, 3)));
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("client kills: %d (%d while pushing, %d while pulling, %d elsewhere); %d runs outlived their "
              "kill; "
              "%lld ms",
              kills, pushKills, pullKills, otherKills, survived, qlonglong(timer.elapsed()));
        QVERIFY2(kills >= 160, qPrintable(QString::number(kills)));
        QVERIFY(pushKills >= 50);
        QVERIFY(pullKills >= 50);

        for (Clerk &c : m_clerks) {
            convergeAndCompare(c, 0);
            if (QTest::currentTestFailed())
                return;
        }
        checkExactlyOnce();
    }

    // (b) The server killed at random points while two clerks' programs push, then started on the same store.
    void serverKilledWhilePushing()
    {
        Clerk &a = m_clerks[2];
        Clerk &b = m_clerks[3];
        int kills = 0, pushKills = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 160 && pushKills < 65; ++i) {
            DriverRun runA(driverArgs(a, int(m_rng.bounded(6, 15)), int(m_rng.bounded(1, 4)), 5));
            DriverRun runB(driverArgs(b, int(m_rng.bounded(6, 15)), int(m_rng.bounded(1, 4)), 5));
            runA.start();
            runB.start();
            QVERIFY(
                QTest::qWaitFor([&] { return runA.hasLine(u"PHASE pushing"_s) || runA.finished(); }, 30000));
            QTest::qWait(int(m_rng.bounded(0, 30)));
            const bool pushing = (runA.running() && runA.phaseAtEnd() == u"pushing"_s) ||
                                 (runB.running() && runB.phaseAtEnd() == u"pushing"_s);
            m_server->kill();
            ++kills;
            pushKills += pushing ? 1 : 0;
            QTest::qWait(int(m_rng.bounded(0, 150)));
            QString error;
            QVERIFY2(m_server->start(&error), qPrintable(error));
            QVERIFY2(runA.wait(90000), qPrintable(runA.describe()));
            QVERIFY2(runB.wait(90000), qPrintable(runB.describe()));
            absorb(runA, a);
            absorb(runB, b);
            for (const DriverRun *run : {&runA, &runB}) {
                if (!run->converged())
                    qInfo("%s", qPrintable(conflictDiagnosis(*run)));
                QVERIFY2(run->converged(), qPrintable(run->describe()));
            }
            for (const Clerk *c : {&a, &b}) {
                const QString diff = compareCacheWithServer(c->cachePath, *m_store, c->scopePath);
                QVERIFY2(diff.isEmpty(), qPrintable(c->username + u": "_s + diff));
            }
        }
        qInfo("server kills: %d (%d while a client was pushing), %d server starts; %lld ms", kills, pushKills,
              m_server->starts(), qlonglong(timer.elapsed()));
        QVERIFY2(pushKills >= 65, qPrintable(QString::number(pushKills)));

        for (Clerk &c : m_clerks) {
            convergeAndCompare(c, 0);
            if (QTest::currentTestFailed())
                return;
        }
        checkExactlyOnce();
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_sync_crash.moc"
