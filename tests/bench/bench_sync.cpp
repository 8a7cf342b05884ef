// Sync benchmark: 100,000 records entered offline then pushed, and a fresh client pulling 1,000,000 records,
// end to end over TLS against the real server, on SQLite and PostgreSQL, beside the raw SQLite insert rate of
// the same records measured in the same run. The client runs in a child process so its peak memory is its
// own.
//
//   bench_sync [--records 100000] [--pull 1000000] [--stores sqlite,postgresql]
#include "app/net/ApiClient.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"
#include "common/core/Clock.h"
#include "common/core/IdCard.h"
#include "common/funds/FundCatalog.h"
#include "server/cli/ServerInstance.h"
#include "server/demo/DemoData.h"
#include "server/store/BulkInsert.h"
#include "server/warnings/WarningQueueHook.h"
#include "tests/bench/BenchNote.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PgCluster.h"
#include "tests/support/TestStores.h"
#include "tests/support/TestTls.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

const QString kOrg = u"320612000000"_s; // 通州区
const QString kOrgPath = u"/320600000000/320612000000/"_s;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// Peak resident memory of this process in MB (Linux); -1 elsewhere.
double peakRssMb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith("VmHWM:"))
            return l.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

QJsonObject noteFields(int i)
{
    return {{u"title"_s, u"演示拨付 %1"_s.arg(i)},
            {u"amountFen"_s, 10000 + (i % 5000) * 100},
            {u"paidOn"_s, u"2026-03-%1"_s.arg(1 + i % 28, 2, 10, QChar(u'0'))},
            {u"note"_s, u"第 %1 笔，由性能测试生成"_s.arg(i)}};
}

// The raw SQLite insert rate of the same rows: one prepared statement in one transaction.
double rawSqliteInsertRate(const QString &path, int n)
{
    double rate = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA synchronous=NORMAL"_s);
        q.exec(u"CREATE TABLE t (id TEXT PRIMARY KEY, type TEXT, org TEXT, data TEXT)"_s);
        QElapsedTimer t;
        t.start();
        q.exec(u"BEGIN"_s);
        q.prepare(u"INSERT INTO t (id, type, org, data) VALUES (?, ?, ?, ?)"_s);
        for (int i = 0; i < n; ++i) {
            q.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
            q.bindValue(1, u"bench-note"_s);
            q.bindValue(2, kOrg);
            q.bindValue(3, QString::fromUtf8(QJsonDocument(noteFields(i)).toJson(QJsonDocument::Compact)));
            q.exec();
        }
        q.exec(u"COMMIT"_s);
        rate = n / (t.nsecsElapsed() / 1e9);
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return rate;
}

// Disbursements of a person-paid agricultural line pushed over TLS by the 通州区 agriculture clerk in batches
// of 1,000 (the push path the warning rules watch): records/s. `first` numbers the ID numbers apart.
double pushDisbursements(test::HttpsClient &http, const QString &token, int n, int first)
{
    QString line;
    const QList<funds::FundLine> lines = funds::FundCatalog::builtIn().lines();
    for (const funds::FundLine &l : lines) {
        if (l.leadDepartment == u"agriculture"_s && l.recipient == funds::Recipient::Person) {
            line = l.code;
            break;
        }
    }
    const QString village = DemoData::villageId(DemoData::townId(u"320612"_s, 0), 0);
    const QDate paid = chinaDateOf(SystemClock().nowMs());
    QElapsedTimer t;
    t.start();
    for (int from = 0; from < n; from += 1000) {
        QJsonArray ops;
        for (int i = from; i < qMin(n, from + 1000); ++i) {
            const int k = first + i;
            const QString first17 = u"320612"_s + QDate(1940, 1, 1).addDays(k / 900).toString(u"yyyyMMdd"_s) +
                                    u"%1"_s.arg(100 + k % 900, 3, 10, QChar(u'0'));
            const QJsonObject fields{{u"fundCode"_s, line},
                                     {u"recipientKind"_s, u"person"_s},
                                     {u"recipientName"_s, u"王建国"_s},
                                     {u"idNumber"_s, QString(first17 + IdCard::checkCharacter(first17))},
                                     {u"amountFen"_s, 12000 + k % 500},
                                     {u"period"_s, paid.toString(u"yyyy-MM"_s)},
                                     {u"paidOn"_s, paid.toString(Qt::ISODate)}};
            ops.append(QJsonObject{{u"opId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"recordId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"type"_s, u"disbursement"_s},
                                   {u"orgUnitId"_s, village},
                                   {u"departmentId"_s, u"320612000000-agriculture"_s},
                                   {u"kind"_s, u"upsert"_s},
                                   {u"baseVersion"_s, 0},
                                   {u"changedFields"_s, fields},
                                   {u"deviceTime"_s, SystemClock().nowMs()}});
        }
        const test::HttpResult r = http.post(
            u"/api/v1/sync/push"_s, {{u"deviceNow"_s, SystemClock().nowMs()}, {u"operations"_s, ops}}, token);
        if (r.status != 200 || !r.body.contains("applied")) {
            out() << "disbursement push failed: " << r.describe() << Qt::endl;
            return 0;
        }
    }
    return n / (t.nsecsElapsed() / 1e9);
}

// Runs one engine round to the end.
bool runRound(app::SyncEngine &engine, QString *error)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&engine, &app::SyncEngine::finished, &loop, [&](bool success, const QString &message) {
        ok = success;
        *error = message;
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    return ok;
}

int clientMain(const QStringList &args)
{
    auto value = [&](const QString &key) {
        return args.value(args.indexOf(key) + 1);
    };
    const QString mode = value(u"--client"_s);
    const int n = value(u"--n"_s).toInt();
    const QString dir = value(u"--dir"_s);
    app::ApiClient api;
    api.setServerUrl(QUrl(value(u"--url"_s)));
    QString error;
    if (!api.setCaCertificateFile(value(u"--ca"_s), &error))
        return 2;
    api.setToken(value(u"--token"_s));
    SystemClock clock;
    QJsonObject result;

    app::LocalCache cache(dir + u"/cache-"_s + mode + u".sqlite"_s);
    if (!cache.open(&error)) {
        out() << error << Qt::endl;
        return 2;
    }
    app::SyncEngine::Options options;
    options.pushBatch = 1000;
    options.pullLimit = 5000;
    app::SyncEngine engine(api, cache, clock, options);

    if (mode == u"push"_s) {
        result.insert(u"rawInsertPerSec"_s, rawSqliteInsertRate(dir + u"/raw.sqlite"_s, n));
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i) {
            app::LocalCache::Change c;
            c.type = u"bench-note"_s;
            c.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            c.orgUnitId = kOrg;
            c.changedFields = noteFields(i);
            if (cache.save(c, clock.nowMs(), &error).isEmpty()) {
                out() << error << Qt::endl;
                return 2;
            }
        }
        result.insert(u"entryPerSec"_s, n / (t.nsecsElapsed() / 1e9));
        // Push only: stop the round when it turns to pulling.
        QElapsedTimer push;
        QEventLoop loop;
        QObject::connect(&engine, &app::SyncEngine::phaseChanged, &loop, [&](app::SyncEngine::Phase p) {
            if (p == app::SyncEngine::Phase::Pulling)
                loop.quit();
        });
        QObject::connect(&engine, &app::SyncEngine::finished, &loop, [&](bool ok, const QString &message) {
            if (!ok)
                error = message;
            loop.quit();
        });
        push.start();
        engine.syncNow();
        loop.exec();
        const double seconds = push.nsecsElapsed() / 1e9;
        engine.cancel();
        if (cache.pendingCount() != 0) {
            out() << "push incomplete: " << cache.pendingCount() << " left; " << error << Qt::endl;
            return 3;
        }
        result.insert(u"pushPerSec"_s, n / seconds);
    } else {
        QElapsedTimer t;
        t.start();
        if (!runRound(engine, &error)) {
            out() << error << Qt::endl;
            return 3;
        }
        const qint64 count = cache.recordCount();
        result.insert(u"pulled"_s, count);
        result.insert(u"pullPerSec"_s, count / (t.nsecsElapsed() / 1e9));
    }
    result.insert(u"peakRssMb"_s, peakRssMb());
    out() << "RESULT " << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
    return 0;
}

// Writes `n` records straight into the server's store (the server is the one that pulls them out again).
void seedRecords(Store &store, int n)
{
    Transaction tx(store);
    SqlQuery head(store, u"SELECT seq FROM sync_head WHERE id = 1"_s);
    head.exec();
    head.next();
    qint64 seq = head.int64(0);
    BulkInsert insert(store, u"records"_s,
                      {u"id"_s, u"type"_s, u"org_unit_id"_s, u"org_path"_s, u"department_id"_s, u"version"_s,
                       u"seq"_s, u"updated_at"_s, u"updated_by"_s, u"deleted"_s, u"late_synced"_s,
                       u"created_at"_s, u"created_by"_s, u"data"_s},
                      {}, 200);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < n; ++i) {
        insert.add({u"seed-%1"_s.arg(i, 8, 10, QChar(u'0')), u"bench-note"_s, kOrg, kOrgPath,
                    QVariant(QMetaType::fromType<QString>()), 1, ++seq, now, u"demo-county-clerk"_s, 0, 0,
                    now, u"demo-county-clerk"_s,
                    QString::fromUtf8(QJsonDocument(noteFields(i)).toJson(QJsonDocument::Compact))});
    }
    insert.flush();
    SqlQuery(store, u"UPDATE sync_head SET seq = ? WHERE id = 1"_s).bind(seq).exec();
    tx.commit();
}

std::optional<QJsonObject> runChild(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    p.start(QCoreApplication::applicationFilePath(), args);
    loop.exec(); // the in-process server keeps serving meanwhile
    const QList<QByteArray> lines = p.readAll().split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith("RESULT "))
            return QJsonDocument::fromJson(l.mid(7)).object();
        if (!l.trimmed().isEmpty())
            out() << "  client: " << QString::fromUtf8(l) << Qt::endl;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    sync::RecordTypes::add(std::make_unique<bench::BenchNoteType>());
    const QStringList args = app.arguments();
    if (args.contains(u"--client"_s))
        return clientMain(args);

    auto option = [&](const QString &key, const QString &fallback) {
        const qsizetype i = args.indexOf(key);
        return i >= 0 ? args.value(i + 1) : fallback;
    };
    const int records = option(u"--records"_s, u"100000"_s).toInt();
    const int pull = option(u"--pull"_s, u"1000000"_s).toInt();
    const QStringList stores = option(u"--stores"_s, u"sqlite,postgresql"_s).split(u',');

    out() << "Sunshine+ sync benchmark: " << records
          << " records entered offline and pushed; a fresh client pulls " << pull << " + " << records
          << " records. Server in this process, client in a child process, TLS on 127.0.0.1." << Qt::endl;
    QList<QStringList> rows;
    for (const QString &storeName : stores) {
        QString error;
        const StoreConfig storeConfig = test::freshStoreConfig(
            storeName == u"postgresql"_s ? StoreConfig::Kind::Postgresql : StoreConfig::Kind::Sqlite, &error);
        if (!error.isEmpty()) {
            out() << storeName << ": " << error << Qt::endl;
            continue;
        }
        SystemClock clock;
        ServerConfig config;
        config.store = storeConfig;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.tlsCertFile = test::TestTls::instance().serverCertFile();
        config.tlsKeyFile = test::TestTls::instance().serverKeyFile();
        config.demo = true;
        config.hashCost = PasswordHasher::minimum();
        config.limits.maxBodyBytes = 64 * 1024 * 1024;
        config.limits.workerThreads = 2;
        QTemporaryDir dir;
        config.dataDir = dir.path();
        ServerInstance server(config, clock);
        if (!server.start(&error)) {
            out() << storeName << ": server: " << error << Qt::endl;
            continue;
        }
        const QString url = u"https://127.0.0.1:%1"_s.arg(server.port());
        test::HttpsClient http(QUrl(url), {test::TestTls::instance().caCertificate()});
        const QString token = http.login(u"county-clerk"_s, u"Demo@2026"_s);
        const QStringList common{u"--url"_s,   url,
                                 u"--ca"_s,    test::TestTls::instance().caCertFile(),
                                 u"--token"_s, token,
                                 u"--dir"_s,   dir.path(),
                                 u"--n"_s,     QString::number(records)};

        out() << storeName << ": entering and pushing…" << Qt::endl;
        const auto push = runChild(QStringList{u"--client"_s, u"push"_s} + common);
        out() << storeName << ": seeding " << pull << " records into the server store…" << Qt::endl;
        QElapsedTimer seedTimer;
        seedTimer.start();
        seedRecords(server.store(), pull);
        const double seedRate = pull / (seedTimer.nsecsElapsed() / 1e9);
        out() << storeName << ": pulling into a fresh client…" << Qt::endl;
        const auto pulled = runChild(QStringList{u"--client"_s, u"pull"_s} + common);
        if (!push || !pulled) {
            out() << storeName << ": a client run failed" << Qt::endl;
            continue;
        }
        const double raw = push->value(u"rawInsertPerSec"_s).toDouble();
        auto rate = [](double v) {
            return QString::number(qRound64(v));
        };
        auto ratio = [raw](double v) {
            return QString::number(v / raw, 'f', 3);
        };
        rows.append({storeName, u"raw SQLite insert (baseline)"_s, rate(raw), u"1.000"_s, u"-"_s});
        rows.append(
            {storeName, u"server store bulk insert (seeding)"_s, rate(seedRate), ratio(seedRate), u"-"_s});
        rows.append({storeName, u"offline entry (record + outbox, 1 tx each)"_s,
                     rate(push->value(u"entryPerSec"_s).toDouble()),
                     ratio(push->value(u"entryPerSec"_s).toDouble()), u"-"_s});
        rows.append({storeName, u"push over TLS (target >= 20000/s)"_s,
                     rate(push->value(u"pushPerSec"_s).toDouble()),
                     ratio(push->value(u"pushPerSec"_s).toDouble()),
                     QString::number(push->value(u"peakRssMb"_s).toDouble(), 'f', 0)});
        rows.append({storeName, u"pull over TLS, fresh client (target >= 50000/s)"_s,
                     rate(pulled->value(u"pullPerSec"_s).toDouble()),
                     ratio(pulled->value(u"pullPerSec"_s).toDouble()),
                     QString::number(pulled->value(u"peakRssMb"_s).toDouble(), 'f', 0)});
        // The incremental warning check's cost on push: the same disbursement pushes with the warning queue
        // kept in each push's transaction and without it, alternating, two rounds each.
        const int payments = qMin(records, 20000);
        const PushHook *queue = nullptr;
        for (const auto &m : server.services().modules) {
            if (dynamic_cast<const WarningQueueHook *>(m->pushHook()))
                queue = m->pushHook();
        }
        double with = 0, without = 0;
        for (int round = 0; round < 4 && queue; ++round) {
            const bool kept = round % 2 == 1;
            if (kept)
                server.services().sync.addPushHook(queue);
            else
                server.services().sync.removePushHook(queue);
            const double perSecond = pushDisbursements(http, token, payments / 2, round * payments);
            (kept ? with : without) += perSecond / 2;
        }
        const QString admin = http.login(u"city-admin"_s, u"Demo@2026"_s);
        QElapsedTimer drain;
        drain.start();
        const test::HttpResult drained =
            http.post(u"/api/v1/admin/warnings/run"_s, {{u"kind"_s, u"queue"_s}}, admin);
        const double drainSeconds = drain.nsecsElapsed() / 1e9;
        rows.append({storeName, u"push of disbursements without the warning queue"_s, rate(without),
                     ratio(without), u"-"_s});
        rows.append(
            {storeName,
             u"push of disbursements with the warning queue (target: under 20 % more time; here %1 % more)"_s
                 .arg(QString::number(without > 0 && with > 0 ? (without / with - 1) * 100 : 0, 'f', 1)),
             rate(with), ratio(with), u"-"_s});
        rows.append({storeName,
                     u"the queue evaluated afterwards, off the push path (%1 raised)"_s.arg(
                         drained.json.value(u"raised"_s).toInteger()),
                     rate(payments / 2 / drainSeconds), ratio(payments / 2 / drainSeconds), u"-"_s});
        server.stop();
    }
    out() << Qt::endl
          << u"| store | measure | records/s | ratio to raw insert | client peak MB (target < 200) |"_s
          << Qt::endl
          << u"|---|---|---|---|---|"_s << Qt::endl;
    for (const QStringList &r : std::as_const(rows))
        out() << u"| "_s << r.join(u" | "_s) << u" |"_s << Qt::endl;
    return rows.isEmpty() ? 1 : 0;
}
