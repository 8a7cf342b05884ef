// Dashboard benchmark: Nantong-scale data (default 10,000,000 disbursements over five years, 100,000
// households with 300,000 members, helpers, pairings, visits) generated into a fresh store on SQLite and on
// PostgreSQL (a throwaway cluster), then the leaders' fund dashboard for the city (by county) and one
// drill-down (a county by town, and a town by village), each timed through the summary tables and as plain
// GROUP BY queries over the raw rows (the baseline), median of several runs. The two answers are compared as
// well.
//
//   bench_dashboard [--disbursements 10000000] [--stores sqlite,postgresql] [--runs 9] [--raw-runs 3]
//                   [--households 100000] [--members 300000] [--seed N] [--today 2026-11-24] [--no-history]
//                   [--check]
#include "common/core/Clock.h"
#include "server/accounts/PasswordHasher.h"
#include "server/audit/AuditLog.h"
#include "server/demo/BaseData.h"
#include "server/demo/DemoData.h"
#include "server/demo/ScaleData.h"
#include "server/funds/FundDashboard.h"
#include "server/funds/SummaryUpdater.h"
#include "server/store/Migrator.h"
#include "tests/bench/BenchScale.h"
#include "tests/support/PgCluster.h"
#include "tests/support/TestStores.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>
#include <QUuid>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty()
               ? 0
               : (v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2);
}

// Median milliseconds of `runs` calls; the answer of the last call in `answer`.
double timeMs(int runs, const std::function<QJsonObject()> &call, QJsonObject *answer)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        *answer = call();
        ms.append(t.nsecsElapsed() / 1e6);
    }
    return median(ms);
}

// The raw SQLite insert rate of rows like the generator's: one prepared statement in one transaction.
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
        const QString data =
            u"{\"amountFen\":52300,\"enteredOn\":\"2026-03-09\",\"entryDueOn\":\"2026-03-12\",\"fundCode\":"
            u"\"agri-cultivated-land\",\"idNumber\":\"320612197001010113\",\"paidOn\":\"2026-03-05\","
            u"\"period\":"
            u"\"2026-03\",\"recipientKind\":\"person\",\"recipientName\":\"王建国\"}"_s;
        QElapsedTimer t;
        t.start();
        q.exec(u"BEGIN"_s);
        q.prepare(u"INSERT INTO t (id, type, org, data) VALUES (?, ?, ?, ?)"_s);
        for (int i = 0; i < n; ++i) {
            q.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
            q.bindValue(1, u"disbursement"_s);
            q.bindValue(2, u"320612101201"_s);
            q.bindValue(3, data);
            q.exec();
        }
        q.exec(u"COMMIT"_s);
        rate = n / (t.nsecsElapsed() / 1e9);
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return rate;
}

QString fmt(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    out().setEncoding(QStringConverter::Utf8);
    const QStringList args = app.arguments();
    auto option = [&](const QString &key, const QString &fallback) {
        const qsizetype i = args.indexOf(key);
        return i >= 0 ? args.value(i + 1) : fallback;
    };
    const ScaleData::Options o = bench::scaleOptions(args);
    const QStringList stores = option(u"--stores"_s, u"sqlite,postgresql"_s).split(u',');
    const int runs = qMax(1, option(u"--runs"_s, u"9"_s).toInt());
    const int rawRuns = qMax(1, option(u"--raw-runs"_s, u"3"_s).toInt());
    const bool check = args.contains(u"--check"_s);

    out() << "Sunshine+ dashboard benchmark: " << o.disbursements << " disbursements over five years, "
          << o.households << " households, " << o.members << " members (seed " << o.seed << ", today "
          << o.today.toString(Qt::ISODate) << (o.history ? "" : ", no history") << ")" << Qt::endl;

    const QString city = u"320600000000"_s;
    const QString county = u"320612000000"_s; // 通州区
    const QString town = DemoData::townId(u"320612"_s, 0);
    QList<QStringList> rows;
    QList<QStringList> generation;
    for (const QString &storeName : stores) {
        QString error;
        SystemClock clock;
        const std::unique_ptr<Store> owned = bench::freshScaleStore(storeName, clock, &error);
        if (!owned) {
            out() << storeName << ": " << error << Qt::endl;
            continue;
        }
        Store &store = *owned;
        const StoreConfig &config = store.config();

        out() << storeName << ": generating…" << Qt::endl;
        const ScaleData::Result g = ScaleData::generate(
            store, o, [&](const QString &line) { out() << "  " << storeName << ": " << line << Qt::endl; });
        const double rate = g.records / g.seconds;
        out() << storeName << ": " << g.records << " records in " << fmt(g.seconds) << " s ("
              << qRound64(rate) << " records/s): " << g.households << " households, " << g.members
              << " members, " << g.helpers << " helpers, " << g.pairings << " pairings, " << g.visits
              << " visits, " << g.disbursements << " disbursements" << Qt::endl;
        {
            QSqlQuery analyze(store.connection()); // fresh statistics for the planner (not preparable)
            analyze.exec(u"ANALYZE"_s);
        }
        qint64 summaryRows = 0;
        {
            SqlQuery q(store, u"SELECT COUNT(*) FROM fund_summary"_s);
            q.exec();
            q.next();
            summaryRows = q.int64(0);
        }
        QString baseline = u"-"_s;
        if (store.isSqlite()) {
            const QString rawPath = QFileInfo(config.sqlitePath).absolutePath() + u"/raw-insert.db"_s;
            baseline = QString::number(qRound64(rawSqliteInsertRate(rawPath, 500000)));
            QFile::remove(rawPath);
        }
        generation.append({storeName, QString::number(g.disbursements), QString::number(g.records),
                           fmt(g.seconds), QString::number(qRound64(rate)),
                           QString::number(qRound64(g.disbursements / g.seconds)), baseline,
                           QString::number(summaryRows)});

        FundDashboard dashboard(store);
        auto filterFor = [&](const QString &org, int level, const QString &path) {
            DashboardFilter f;
            f.year = o.today.year();
            f.orgUnitId = org;
            f.orgLevel = level;
            f.orgPath = path;
            f.today = o.today;
            return f;
        };
        struct Query
        {
            QString name;
            DashboardFilter filter;
        };
        const QList<Query> queries{
            {u"city summary (9 counties, months this/last year, kinds, departments)"_s,
             filterFor(city, 1, u"/320600000000/"_s)},
            {u"drill-down 通州区 → 11 towns"_s, filterFor(county, 2, u"/320600000000/320612000000/"_s)},
            {u"drill-down town → 18 villages"_s,
             filterFor(town, 3, u"/320600000000/320612000000/"_s + town + u'/')},
        };
        for (const Query &q : queries) {
            QJsonObject viaSummary, viaRaw;
            dashboard.summary(q.filter); // warm
            const double s = timeMs(
                runs, [&] { return dashboard.summary(q.filter); }, &viaSummary);
            const double r = timeMs(
                rawRuns, [&] { return dashboard.raw(q.filter); }, &viaRaw);
            rows.append({storeName, q.name, fmt(s, 2), fmt(r, 1), fmt(r / qMax(s, 0.001), 0),
                         viaSummary == viaRaw ? u"yes"_s : u"NO"_s, s < 100 ? u"met"_s : u"MISSED"_s});
            out() << storeName << ": " << q.name << ": summaries " << fmt(s, 2) << " ms, raw GROUP BY "
                  << fmt(r, 1) << " ms" << Qt::endl;
        }
        if (check) {
            QElapsedTimer t;
            t.start();
            qint64 count = 0, records = 0;
            SummaryUpdater::check(store, 10, &count, &records);
            out() << storeName << ": summary-check read " << records << " fund records in "
                  << fmt(t.nsecsElapsed() / 1e9) << " s: " << count << " differences" << Qt::endl;
        }
    }
    out()
        << Qt::endl
        << u"| store | disbursements | records written | seconds | records/s | disbursements/s | raw SQLite "
           u"insert/s (baseline) | fund_summary rows |"_s
        << Qt::endl
        << u"|---|---|---|---|---|---|---|---|"_s << Qt::endl;
    for (const QStringList &r : std::as_const(generation))
        out() << u"| "_s << r.join(u" | "_s) << u" |"_s << Qt::endl;
    out() << Qt::endl
          << u"| store | query | through summaries, median ms | plain GROUP BY over raw rows (baseline), "
             u"median ms | "
             u"speed-up | same answer | target < 100 ms |"_s
          << Qt::endl
          << u"|---|---|---|---|---|---|---|"_s << Qt::endl;
    for (const QStringList &r : std::as_const(rows))
        out() << u"| "_s << r.join(u" | "_s) << u" |"_s << Qt::endl;
    return rows.isEmpty() ? 1 : 0;
}
