// Warning benchmark: Nantong-scale data (default 10,000,000 disbursements, 100,000 households with 300,000
// members, helpers, pairings, visits: the generator's) in a fresh store on SQLite and on PostgreSQL, then a
// full evaluation of every warning rule, each rule timed, beside a plain scan of the same rows (every record
// of the types the rules read, fetched and its JSON parsed) measured in the same run; then the full run that
// raises the warnings, and a second full run that must raise nothing.
//
//   bench_warnings [--disbursements 10000000] [--stores sqlite,postgresql] [--households 100000]
//                  [--members 300000] [--seed N] [--today 2026-11-24] [--no-history]
#include "common/core/Clock.h"
#include "common/rules/Rules.h"
#include "server/accounts/PasswordHasher.h"
#include "server/audit/AuditLog.h"
#include "server/demo/BaseData.h"
#include "server/demo/DemoData.h"
#include "server/demo/ScaleData.h"
#include "server/store/Migrator.h"
#include "server/sync/SyncService.h"
#include "server/warnings/StoreRuleData.h"
#include "server/warnings/WarningEngine.h"
#include "tests/bench/BenchScale.h"
#include "tests/support/PgCluster.h"
#include "tests/support/TestStores.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString fmt(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

// The baseline: every live record of the rules' types read and its JSON parsed, nothing evaluated.
qint64 plainScan(Store &store, const QStringList &types, double *seconds)
{
    QElapsedTimer t;
    t.start();
    qint64 rows = 0;
    Transaction read(store, Transaction::Mode::Read);
    for (const QString &type : types) {
        SqlQuery q(store, u"SELECT id, type, org_unit_id, org_path, department_id, data FROM records "
                          u"WHERE type = ? AND deleted = 0"_s);
        q.raw().setForwardOnly(true);
        q.bindText(type).exec();
        while (q.next()) {
            const QJsonObject o = QJsonDocument::fromJson(q.text(5).toUtf8()).object();
            rows += o.isEmpty() ? 0 : 1;
        }
    }
    read.commit();
    *seconds = t.nsecsElapsed() / 1e9;
    return rows;
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
    ScaleData::Options o = bench::scaleOptions(args);
    if (!args.contains(u"--today"_s))
        o.today = QDate(2026, 11, 24); // the day the figures in the README were measured for
    const QStringList stores = option(u"--stores"_s, u"sqlite,postgresql"_s).split(u',');

    out() << "Sunshine+ warning benchmark: " << o.disbursements << " disbursements, " << o.households
          << " households, " << o.members << " members (seed " << o.seed << ", today "
          << o.today.toString(Qt::ISODate) << ")" << Qt::endl;

    QStringList watched;
    const QList<const rules::Rule *> all = rules::RuleRegistry::all();
    for (const rules::Rule *r : all) {
        for (const QString &t : r->watchedTypes()) {
            if (!watched.contains(t))
                watched.append(t);
        }
    }
    QList<QStringList> rows;
    for (const QString &storeName : stores) {
        QString error;
        // The day the data is generated for: the rules judge deadlines on it.
        ManualClock clock(QDateTime(o.today, QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());
        const std::unique_ptr<Store> owned = bench::freshScaleStore(storeName, clock, &error);
        if (!owned) {
            out() << storeName << ": " << error << Qt::endl;
            continue;
        }
        Store &store = *owned;
        AuditLog audit(store, clock);
        out() << storeName << ": generating…" << Qt::endl;
        const ScaleData::Result g = ScaleData::generate(
            store, o, [&](const QString &line) { out() << "  " << storeName << ": " << line << Qt::endl; });
        out() << storeName << ": " << g.records << " records in " << fmt(g.seconds) << " s" << Qt::endl;
        {
            QSqlQuery analyze(store.connection());
            analyze.exec(u"ANALYZE"_s);
        }
        double scanSeconds = 0;
        const qint64 scanned = plainScan(store, watched, &scanSeconds);
        rows.append({storeName, u"plain scan of the rules' records (baseline)"_s, QString::number(scanned),
                     fmt(scanSeconds, 2), u"-"_s, u"1.00"_s});
        out() << storeName << ": plain scan " << scanned << " rows in " << fmt(scanSeconds, 2) << " s"
              << Qt::endl;

        double evaluateSeconds = 0;
        for (const rules::Rule *rule : all) {
            rules::RuleRun run;
            run.today = o.today;
            run.calendar = &WorkingCalendar::current();
            run.parameters = rule->withDefaults({});
            QElapsedTimer t;
            t.start();
            Transaction read(store, Transaction::Mode::Read);
            StoreRuleData data(store);
            qint64 findings = 0;
            rule->evaluate(data, run, [&](rules::Finding &&) { ++findings; });
            read.commit();
            const double s = t.nsecsElapsed() / 1e9;
            evaluateSeconds += s;
            rows.append({storeName, u"evaluate "_s + rule->code(), QString::number(data.rowsRead()),
                         fmt(s, 2), QString::number(findings), fmt(s / scanSeconds, 2)});
            out() << storeName << ": " << rule->code() << " " << fmt(s, 2) << " s, " << findings
                  << " findings" << Qt::endl;
        }
        rows.append({storeName, u"every rule (target < 60 s)"_s, u"-"_s, fmt(evaluateSeconds, 2), u"-"_s,
                     fmt(evaluateSeconds / scanSeconds, 2)});

        SyncService sync(store, audit, clock, SyncService::Settings{});
        WarningEngine engine(store, audit, clock, sync);
        for (const QString &which : {u"first full run (raises)"_s, u"second full run (raises nothing)"_s}) {
            QElapsedTimer t;
            t.start();
            const WarningEngine::Report r = engine.runFull();
            const double s = t.nsecsElapsed() / 1e9;
            rows.append({storeName, which, QString::number(r.recordsRead), fmt(s, 2),
                         QString::number(r.raised) + u" raised"_s, fmt(s / scanSeconds, 2)});
            out() << storeName << ": " << which << " " << fmt(s, 2) << " s, " << r.raised << " raised"
                  << Qt::endl;
        }
    }
    out() << Qt::endl
          << "| store | measure | rows read | seconds | findings | ratio to the plain scan |" << Qt::endl
          << "|---|---|---|---|---|---|" << Qt::endl;
    for (const QStringList &r : std::as_const(rows))
        out() << "| " << r.join(u" | "_s) << " |" << Qt::endl;
    return rows.isEmpty() ? 1 : 0;
}
