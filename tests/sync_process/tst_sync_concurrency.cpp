// The pull cursor never skips a change while many writers commit concurrently through two server processes on
// one PostgreSQL database (DESIGN.md "Sync"). Writers: four threads with their own HTTPS clients, two per
// server process, each entering and changing contacts of its own departments plus one department it shares
// with a writer on the other process; and two clerks' programs (sync_driver, the real SyncEngine) on one
// department, one per process, resolving their conflicts. Meanwhile a supervisor pulls repeatedly with pages
// of 1 to 3 records, alternating between the processes with one cursor. At the end the puller has seen every
// record at its final version; the cursor only moved forwards, and with one record per page the sequence
// numbers rose strictly.
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/TestStores.h"
#include "tests/support/TestTls.h"
#include "tests/sync_process/SyncApi.h"
#include "tests/sync_process/SyncProcess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QStringList kRoles{u"leader"_s, u"liaison"_s};
const QStringList kCodes{u"discipline"_s,      u"education"_s,         u"civil-affairs"_s, u"finance"_s,
                         u"human-resources"_s, u"natural-resources"_s, u"ecology"_s,       u"housing"_s,
                         u"water"_s,           u"agriculture"_s,       u"health"_s,        u"veterans"_s,
                         u"emergency"_s,       u"medical-security"_s,  u"audit"_s,         u"youth-league"_s,
                         u"women"_s,           u"disabled"_s,          u"red-cross"_s,     u"charity"_s};
const QString kDriverDepartment = u"320682000000-health"_s;
constexpr int kSteps = 300; // changes per writer thread

struct WriterClerk
{
    QString username;
    QString department;
    QString token;
};

struct WriterResult
{
    int pushes = 0;
    int applied = 0;
    int conflicts = 0;
    int retried = 0; // answers other than 200: the same operation again
    QStringList problems;
};

// One writer: `steps` changes, each pushed until it is applied (a conflict is redone on top of the server's
// version). Runs on its own thread with its own connection.
void runWriter(const QUrl &server, const QList<WriterClerk> &clerks, quint32 seed, int steps,
               WriterResult *out)
{
    HttpsClient http(server, {TestTls::instance().caCertificate()});
    http.setTimeoutMs(60000);
    QRandomGenerator rng(seed);
    QHash<QString, qint64> known;
    for (int step = 0; step < steps; ++step) {
        const WriterClerk &c = clerks.at(int(rng.bounded(qsizetype(clerks.size()))));
        const QString role = kRoles.at(int(rng.bounded(2)));
        const QString id = contactId(c.department, role);
        const QString name = u"W%1S%2"_s.arg(seed).arg(step);
        QJsonObject fields;
        if (known.value(id) == 0) {
            fields = newContactFields(role, name, u"13%1"_s.arg(rng.bounded(100000000, 999999999)));
        } else {
            if (rng.bounded(2))
                fields.insert(u"name"_s, name);
            if (rng.bounded(2))
                fields.insert(u"post"_s, u"post-%1-%2"_s.arg(seed).arg(step));
            if (fields.isEmpty() || rng.bounded(3) == 0)
                fields.insert(u"officePhone"_s, u"0513-8%1"_s.arg(rng.bounded(1000000, 9999999)));
        }
        QJsonObject op =
            contactOp(c.department, role, known.value(id), fields, QDateTime::currentMSecsSinceEpoch());
        bool done = false;
        for (int attempt = 0; attempt < 30 && !done; ++attempt) {
            const HttpResult r = pushOps(http, c.token, QJsonArray{op}, QDateTime::currentMSecsSinceEpoch());
            ++out->pushes;
            const QList<QJsonObject> results = pushResults(r);
            if (results.size() != 1) {
                ++out->retried; // applied at most once, so sending the same operation again is safe
                if (out->problems.size() < 5 && r.status != 500 && r.status != 503)
                    out->problems.append(u"push answered %1"_s.arg(QString::fromUtf8(r.describe())));
                QThread::msleep(10);
                continue;
            }
            const QJsonObject &a = results.first();
            const QString status = a.value(u"status"_s).toString();
            if (status == u"applied"_s) {
                known.insert(id, a.value(u"version"_s).toInteger());
                ++out->applied;
                done = true;
            } else if (status == u"conflict"_s) {
                ++out->conflicts;
                const qint64 theirs = a.value(u"current"_s).toObject().value(u"version"_s).toInteger();
                known.insert(id, theirs);
                // The clerk keeps their own values: a new change on top of the server's version.
                op = contactOp(c.department, role, theirs, fields, QDateTime::currentMSecsSinceEpoch());
            } else {
                out->problems.append(u"rejected: "_s +
                                     QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
                done = true;
            }
        }
        if (!done)
            out->problems.append(u"step %1 never applied"_s.arg(step));
    }
}

} // namespace

class TestSyncConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (testStoreKind() != StoreConfig::Kind::Postgresql)
            QSKIP("several server processes share one database only on PostgreSQL");
    }

    void pullNeverSkipsWithConcurrentWritersOnTwoProcesses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Writers' departments: twenty of their own each, and one shared with a writer on the other process.
        QList<QList<WriterClerk>> writers(4);
        QList<ClerkSpec> specs;
        const QStringList counties{u"320612"_s, u"320602"_s, u"320614"_s, u"320623"_s};
        for (int i = 0; i < 80; ++i) {
            const QString county = counties.at(i / 20);
            const QString dept = county + u"000000-"_s + kCodes.at(i % 20);
            const QString user = u"w%1-%2"_s.arg(i % 4).arg(i);
            specs.append({user, dept});
            writers[i % 4].append({user, dept, {}});
        }
        const QStringList shared{u"320681000000-finance"_s, u"320681000000-water"_s};
        for (int w = 0; w < 4; ++w) {
            const QString user = u"w%1-shared"_s.arg(w);
            specs.append({user, shared.at(w % 2)});
            writers[w].append({user, shared.at(w % 2), {}});
        }
        specs.append({u"driver-a"_s, kDriverDepartment});
        specs.append({u"driver-b"_s, kDriverDepartment});

        QString error;
        const StoreConfig config = freshStoreConfig();
        QVERIFY2(prepareStore(config, specs, &error), qPrintable(error));
        Store store(config);
        QVERIFY2(store.open(&error), qPrintable(error));

        ServerProcess serverA(config, freeLoopbackPort(), dir.filePath(u"data"_s));
        ServerProcess serverB(config, freeLoopbackPort(), dir.filePath(u"data"_s));
        QVERIFY2(serverA.start(&error), qPrintable(error));
        QVERIFY2(serverB.start(&error), qPrintable(error));
        const QList<QSslCertificate> ca{TestTls::instance().caCertificate()};
        HttpsClient httpA(serverA.baseUrl(), ca);
        HttpsClient httpB(serverB.baseUrl(), ca);
        for (int w = 0; w < 4; ++w) {
            for (WriterClerk &c : writers[w]) {
                c.token = (w % 2 ? httpB : httpA).login(c.username, kPassword);
                QVERIFY2(!c.token.isEmpty(), httpA.lastLogin().describe().constData());
            }
        }
        // A session made by one process is good on the other: sessions live in the database.
        const QString supervisor = httpA.login(u"city-supervisor"_s, kPassword);
        QVERIFY(!supervisor.isEmpty());
        EXPECT_STATUS(httpB.get(u"/api/v1/me"_s, supervisor), 200);

        // Writers on threads, two per process.
        QList<WriterResult> results(4);
        QList<QThread *> threads;
        for (int w = 0; w < 4; ++w) {
            const QUrl url = (w % 2 ? serverB : serverA).baseUrl();
            const QList<WriterClerk> clerks = writers.at(w);
            WriterResult *out = &results[w];
            threads.append(QThread::create(
                [url, clerks, w, out] { runWriter(url, clerks, 7000u + quint32(w), kSteps, out); }));
        }
        // Two clerks' programs on one department, one per process, three runs each.
        struct Program
        {
            QString username;
            QUrl server;
            QString cache;
            int runsLeft = 3;
            std::unique_ptr<DriverRun> run;
            QStringList failures;
            int resolved = 0;
        };
        QList<std::shared_ptr<Program>> programs;
        for (const auto &[user, url] :
             {qMakePair(u"driver-a"_s, serverA.baseUrl()), qMakePair(u"driver-b"_s, serverB.baseUrl())}) {
            auto p = std::make_shared<Program>();
            p->username = user;
            p->server = url;
            p->cache = dir.filePath(user + u".sqlite"_s);
            programs.append(p);
        }
        quint32 seed = 9000;
        auto nextRun = [&](Program &p) {
            p.run =
                std::make_unique<DriverRun>(QStringList{u"--server"_s,     p.server.toString(),
                                                        u"--ca"_s,         TestTls::instance().caCertFile(),
                                                        u"--cache"_s,      p.cache,
                                                        u"--username"_s,   p.username,
                                                        u"--password"_s,   kPassword,
                                                        u"--changes"_s,    u"15"_s,
                                                        u"--seed"_s,       QString::number(++seed),
                                                        u"--partial"_s,    u"--resolve-conflicts"_s,
                                                        u"--push-batch"_s, u"2"_s,
                                                        u"--pull-limit"_s, u"3"_s,
                                                        u"--retry-ms"_s,   u"50"_s,
                                                        u"--timeout-ms"_s, u"150000"_s});
            p.run->start();
            --p.runsLeft;
        };

        QElapsedTimer timer;
        timer.start();
        for (QThread *t : std::as_const(threads))
            t->start();
        for (const auto &p : std::as_const(programs))
            nextRun(*p);

        // The puller: one cursor, pages of 1..3 records, from either process in turn.
        QRandomGenerator rng(4242);
        QString cursor;
        QHash<QString, qint64> seen; // record -> version
        QStringList pullProblems;
        int pages = 0, received = 0, pagesA = 0, pagesB = 0, singles = 0;
        qint64 lastSingleSeq = 0;
        auto pullOnce = [&](bool fromA, int limit) -> bool {
            const HttpResult r = pullPage(fromA ? httpA : httpB, supervisor, cursor, limit);
            ++pages;
            (fromA ? pagesA : pagesB)++;
            if (r.status != 200) {
                pullProblems.append(u"pull answered "_s + QString::fromUtf8(r.describe()));
                return false;
            }
            const QJsonArray records = r.json.value(u"records"_s).toArray();
            const QString next = r.json.value(u"cursor"_s).toString();
            const qint64 before = cursor.isEmpty() ? 0 : cursor.toLongLong();
            const qint64 after = next.toLongLong();
            if (records.isEmpty() && after != before)
                pullProblems.append(u"empty page moved the cursor from %1 to %2"_s.arg(before).arg(after));
            if (!records.isEmpty() && after <= before)
                pullProblems.append(
                    u"page of %1 records did not move the cursor past %2 (%3)"_s.arg(records.size())
                        .arg(before)
                        .arg(after));
            if (records.size() > limit)
                pullProblems.append(u"page of %1 records for limit %2"_s.arg(records.size()).arg(limit));
            if (limit == 1 && records.size() == 1) {
                // One record per page: the cursor is that record's sequence number.
                ++singles;
                if (after <= lastSingleSeq)
                    pullProblems.append(u"sequence %1 after %2"_s.arg(after).arg(lastSingleSeq));
                lastSingleSeq = after;
            }
            for (const QJsonValue &v : records) {
                const QJsonObject rec = v.toObject();
                const QString id = rec.value(u"id"_s).toString();
                const qint64 version = rec.value(u"version"_s).toInteger();
                if (version <= seen.value(id, 0))
                    pullProblems.append(
                        u"record %1 came again at version %2 after %3"_s.arg(id).arg(version).arg(
                            seen.value(id)));
                seen.insert(id, version);
                ++received;
            }
            cursor = next;
            return r.json.value(u"hasMore"_s).toBool();
        };

        auto writersRunning = [&] {
            for (QThread *t : std::as_const(threads)) {
                if (!t->isFinished())
                    return true;
            }
            for (const auto &p : std::as_const(programs)) {
                if (p->run && !p->run->finished())
                    return true;
                if (p->run && p->run->finished()) {
                    p->resolved += p->run->countLines(u"RESOLVED "_s);
                    if (!p->run->converged())
                        p->failures.append(p->run->describe());
                    p->run.reset();
                    if (p->runsLeft > 0) {
                        nextRun(*p);
                        return true;
                    }
                }
            }
            return false;
        };
        while (writersRunning() && timer.elapsed() < 200000 && pullProblems.size() < 20) {
            pullOnce(rng.bounded(2) == 0, int(rng.bounded(1, 4)));
            QTest::qWait(int(rng.bounded(0, 3)));
        }
        const bool allEnded = !writersRunning();
        for (QThread *t : std::as_const(threads)) {
            t->wait(60000);
            delete t;
        }
        for (const auto &p : std::as_const(programs)) {
            if (p->run)
                p->run->wait(10000);
        }
        QVERIFY2(allEnded, "the writers did not finish in time");
        // Drain from both processes.
        for (int i = 0; i < 5000 && pullOnce(i % 2 == 0, 3); ++i) {
        }
        QVERIFY(!pullOnce(true, 5000));
        QVERIFY(!pullOnce(false, 5000));
        const qint64 elapsed = timer.elapsed();

        // Every writer got every change through; no unexpected answers.
        int pushes = 0, conflicts = 0, retried = 0, applied = 0;
        for (const WriterResult &w : std::as_const(results)) {
            if (!w.problems.isEmpty())
                qInfo("server output:\n%s\n%s", qPrintable(serverA.outputTail()),
                      qPrintable(serverB.outputTail()));
            QVERIFY2(w.problems.isEmpty(), qPrintable(w.problems.join(u"\n"_s)));
            pushes += w.pushes;
            conflicts += w.conflicts;
            retried += w.retried;
            applied += w.applied;
        }
        QCOMPARE(applied, 4 * kSteps);
        int resolved = 0;
        for (const auto &p : std::as_const(programs)) {
            QVERIFY2(p->failures.isEmpty(), qPrintable(p->username + u": "_s + p->failures.join(u"\n"_s)));
            QCOMPARE(p->runsLeft, 0);
            resolved += p->resolved;
        }
        QVERIFY2(pullProblems.isEmpty(), qPrintable(pullProblems.join(u"\n"_s)));

        // The puller saw every record at its final version: nothing skipped.
        const QHash<QString, ServerRecord> server = serverRecords(store);
        QVERIFY(server.size() >= 160);
        QStringList missed;
        for (auto it = server.constBegin(); it != server.constEnd(); ++it) {
            if (seen.value(it.key(), -1) != it->version)
                missed.append(u"%1 at version %2 (seen %3)"_s.arg(it.key())
                                  .arg(it->version)
                                  .arg(seen.value(it.key(), -1)));
        }
        QVERIFY2(missed.isEmpty(), qPrintable(u"missed: "_s + missed.join(u", "_s)));
        QCOMPARE(seen.size(), server.size());
        QVERIFY(pagesA > 10);
        QVERIFY(pagesB > 10);
        QVERIFY(singles > 10);

        const QString invariants = checkHistoryInvariants(store);
        QVERIFY2(invariants.isEmpty(), qPrintable(invariants));
        const QString scope = orgPathOf(store, kDriverDepartment.section(u'-', 0, 0));
        for (const auto &p : std::as_const(programs)) {
            // One more round now that nobody writes: the program takes in what the others did since its last
            // one.
            DriverRun last({u"--server"_s, p->server.toString(), u"--ca"_s, TestTls::instance().caCertFile(),
                            u"--cache"_s, p->cache, u"--username"_s, p->username, u"--password"_s, kPassword,
                            u"--pull-limit"_s, u"2"_s});
            last.start();
            QVERIFY2(last.wait(60000), qPrintable(last.describe()));
            QVERIFY2(last.converged(), qPrintable(last.describe()));
            const QString diff = compareCacheWithServer(p->cache, store, scope);
            QVERIFY2(diff.isEmpty(), qPrintable(p->username + u": "_s + diff));
        }
        qInfo("%d records; %d pushes by the writer threads (%d conflicts redone, %d answers other than 200 "
              "sent "
              "again); %d conflicts resolved by the programs; %d pages pulled (%d/%d from the two processes, "
              "%d "
              "single-record pages), %d records received; %lld ms",
              int(server.size()), pushes, conflicts, retried, resolved, pages, pagesA, pagesB, singles,
              received, qlonglong(elapsed));
        serverA.stop();
        serverB.stop();
    }

    // A program that timed out sends its batch again while the server still works on the first copy; with two
    // processes the copies can run at the same moment. Each operation is applied once, and both copies get
    // the same answer: "applied" with the same version, never a conflict with the clerk's own change. (A copy
    // may fail as a whole while the other holds the rows; sent again, it gets the remembered answers.)
    void sameBatchRacingThroughBothProcessesAppliesOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // One clerk changes its department's records again and again; for rounds that create records, a clerk
        // of a fresh department each time.
        const QString dept = u"320612000000-finance"_s;
        QList<ClerkSpec> specs{{u"dup-clerk"_s, dept}};
        for (int i = 0; i < 30; ++i)
            specs.append({u"dup-c%1"_s.arg(i),
                          (i < 20 ? u"320602000000-"_s : u"320681000000-"_s) + kCodes.at(i % 20)});
        QString error;
        const StoreConfig config = freshStoreConfig();
        QVERIFY2(prepareStore(config, specs, &error), qPrintable(error));
        Store store(config);
        QVERIFY2(store.open(&error), qPrintable(error));
        ServerProcess serverA(config, freeLoopbackPort(), dir.filePath(u"data"_s));
        ServerProcess serverB(config, freeLoopbackPort(), dir.filePath(u"data"_s));
        QVERIFY2(serverA.start(&error), qPrintable(error));
        QVERIFY2(serverB.start(&error), qPrintable(error));
        const QList<QSslCertificate> ca{TestTls::instance().caCertificate()};
        HttpsClient http(serverA.baseUrl(), ca);
        QHash<QString, QString> tokens;
        for (const ClerkSpec &c : std::as_const(specs)) {
            tokens.insert(c.username, http.login(c.username, kPassword));
            QVERIFY2(!tokens.value(c.username).isEmpty(), http.lastLogin().describe().constData());
        }

        auto version = [&](const QString &id) {
            SqlQuery q(store, u"SELECT version FROM records WHERE id = ?"_s);
            q.bindText(id).exec();
            return q.next() ? q.int64(0) : 0;
        };
        QStringList problems;
        int failedCopies = 0, rounds = 0;
        for (int round = 0; round < 60 && problems.size() < 10; ++round, ++rounds) {
            // Odd rounds create records (nothing to lock yet), even rounds change existing ones.
            const bool create = round % 2 == 1;
            const ClerkSpec &clerk = create ? specs.at(1 + round / 2) : specs.at(0);
            const QString d = clerk.departmentId;
            const QString token = tokens.value(clerk.username);
            const qint64 leader = version(contactId(d, u"leader"_s));
            const qint64 liaison = version(contactId(d, u"liaison"_s));
            QJsonArray ops;
            for (int k = 0; k < 3; ++k) {
                const QString role = k == 2 ? u"liaison"_s : u"leader"_s;
                ops.append(contactOp(d, role, role == u"leader"_s ? leader : liaison,
                                     newContactFields(role, u"R%1K%2"_s.arg(round).arg(k)),
                                     QDateTime::currentMSecsSinceEpoch()));
            }
            const QByteArray body =
                QJsonDocument(QJsonObject{{u"deviceNow"_s, QDateTime::currentMSecsSinceEpoch()},
                                          {u"operations"_s, ops}})
                    .toJson(QJsonDocument::Compact);

            std::atomic<int> ready{0};
            QSemaphore go;
            HttpResult answers[2];
            QList<QThread *> copies;
            for (int c = 0; c < 2; ++c) {
                const QUrl url = (c ? serverB : serverA).baseUrl();
                HttpResult *out = &answers[c];
                copies.append(QThread::create([url, &ready, &go, out, body, token] {
                    HttpsClient client(url, {TestTls::instance().caCertificate()});
                    client.get(u"/api/v1/health"_s); // connection and TLS session first
                    ++ready;
                    go.acquire();
                    *out = client.request("POST", u"/api/v1/sync/push"_s, body, token);
                }));
                copies.last()->start();
            }
            QVERIFY(QTest::qWaitFor([&] { return ready.load() == 2; }, 30000));
            go.release(2);
            for (QThread *c : copies) {
                c->wait(60000);
                delete c;
            }
            QList<QList<QJsonObject>> results;
            for (const HttpResult &a : answers) {
                HttpResult r = a;
                for (int again = 0; again < 10 && r.status != 200; ++again) {
                    ++failedCopies;
                    if (r.status != 500 && r.status != 503)
                        problems.append(
                            u"round %1: copy answered %2"_s.arg(round).arg(QString::fromUtf8(r.describe())));
                    r = http.request("POST", u"/api/v1/sync/push"_s, body, token);
                }
                results.append(pushResults(r));
            }
            for (int k = 0; k < 3; ++k) {
                const QJsonObject first = results.at(0).value(k);
                const QJsonObject second = results.at(1).value(k);
                if (first.value(u"status"_s).toString() != u"applied"_s ||
                    second.value(u"status"_s).toString() != u"applied"_s ||
                    first.value(u"version"_s).toInteger() != second.value(u"version"_s).toInteger())
                    problems.append(
                        u"round %1 (%2), operation %3: %4 / %5"_s.arg(round)
                            .arg(create ? u"new records"_s : u"existing records"_s)
                            .arg(k)
                            .arg(QString::fromUtf8(QJsonDocument(first).toJson(QJsonDocument::Compact)),
                                 QString::fromUtf8(QJsonDocument(second).toJson(QJsonDocument::Compact))));
            }
        }
        const QString invariants = checkHistoryInvariants(store);
        qInfo("%d rounds of two racing copies; %d copies failed as a whole and were sent again", rounds,
              failedCopies);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        QVERIFY2(invariants.isEmpty(), qPrintable(invariants));
        serverA.stop();
        serverB.stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncConcurrency)
#include "tst_sync_concurrency.moc"
