// App start-up benchmark: the real desktop program (build/.../app/sunshine) launched as a fresh process,
// signed in through a remembered session (settings + system keychain) against a server in this process over
// TLS, until its main window is shown and the households table has painted its first page, with 1,000,000
// households in the clerk's local cache. Beside it, measured in the same run: the same program with an empty
// cache, and a bare Qt program (QApplication + QMainWindow + an empty QTableView), so the table shows what
// the program and its data cost above Qt's own start. Each figure is the median of several cold process
// starts (the operating system's file cache stays warm). Linux: peak memory is the child's VmHWM. Needs a
// Secret Service keychain: run it as `tests/support/with-keyring.sh bench_app` (./setup.sh bench app does).
//
//   bench_app [--rows 1000000] [--members 0] [--runs 5] [--user county-clerk] [--keep DIR] [--perf FILE]
// (--keep: work in DIR and leave the caches there; --perf: one more start under `perf record`.)
#include "app/net/ApiClient.h"
#include "app/secrets/CredentialStore.h"
#include "app/settings/AppSettings.h"
#include "app/shell/StartupProbe.h"
#include "app/sync/ClientSession.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"
#include "common/core/Clock.h"
#include "common/org/OrgUnit.h"
#include "server/demo/DemoData.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestTls.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#ifndef SUNSHINE_APP_BINARY
#error "SUNSHINE_APP_BINARY must name the desktop program"
#endif
#ifndef SUNSHINE_BARE_BINARY
#error "SUNSHINE_BARE_BINARY must name the bare Qt baseline program"
#endif

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

constexpr qint64 kTargetMs = 1500;
constexpr double kTargetMb = 200;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

[[noreturn]] void fail(const QString &why)
{
    out() << "bench_app: " << why << Qt::endl;
    std::exit(1);
}

template <typename Wait>
bool waitFor(int timeoutMs, Wait &&setUp)
{
    QEventLoop loop;
    bool done = false;
    setUp([&] {
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done;
}

QString grouped(qint64 n)
{
    QString s = QString::number(n);
    for (qsizetype i = s.size() - 3; i > 0; i -= 3)
        s.insert(i, u',');
    return s;
}

// --- Data a real sync would leave: the server's records through the program's own cache code.

const QStringList kSurnames{u"张"_s, u"王"_s, u"李"_s, u"赵"_s, u"陈"_s, u"刘"_s, u"杨"_s, u"黄"_s,
                            u"周"_s, u"吴"_s, u"徐"_s, u"孙"_s, u"朱"_s, u"马"_s, u"胡"_s, u"郭"_s};
const QStringList kGiven{u"建国"_s, u"秀英"_s, u"桂兰"_s, u"志强"_s, u"玉梅"_s, u"国华"_s,
                         u"海燕"_s, u"德明"_s, u"春花"_s, u"永红"_s, u"金宝"_s, u"小军"_s};

QJsonObject householdFields(QRandomGenerator &rng, const QString &villageId, qint64 n)
{
    static const QStringList causes{u"illness"_s,   u"illness"_s,   u"disability"_s, u"schooling"_s,
                                    u"no-labour"_s, u"no-labour"_s, u"no-skills"_s,  u"no-funds"_s,
                                    u"disaster"_s,  u"other"_s};
    const auto pick = [&rng](int k) {
        return int(rng.bounded(k));
    };
    return {{u"householdNo"_s, QString(villageId.right(6) + u"%1"_s.arg(n, 7, 10, QChar(u'0')))},
            {u"headName"_s,
             QString(kSurnames.at(pick(int(kSurnames.size()))) + kGiven.at(pick(int(kGiven.size()))))},
            {u"address"_s, u"%1组%2号"_s.arg(1 + pick(12)).arg(1 + pick(80))},
            {u"phone"_s, u"13%1"_s.arg(pick(1000000000), 9, 10, QChar(u'0'))},
            {u"povertyCause"_s, causes.at(pick(int(causes.size())))},
            {u"registeredYear"_s, 2016 + pick(10)},
            {u"status"_s, pick(30) == 0 ? u"exited"_s : u"registered"_s},
            {u"passbookBank"_s, pick(2) ? u"江苏南通农村商业银行"_s : u"邮储银行南通分行"_s},
            {u"passbookAccount"_s,
             u"6228%1%2"_s.arg(pick(100000000), 8, 10, QChar(u'0')).arg(pick(10000000), 7, 10, QChar(u'0'))},
            {u"educationOk"_s, pick(3) ? u"none"_s : u"yes"_s},
            {u"medicalInsured"_s, pick(50) != 0},
            {u"familyDoctor"_s, pick(8) != 0},
            {u"seriousIllnessCover"_s, pick(10) != 0},
            {u"housing"_s, pick(5) == 0 ? u"renovated"_s : u"safe"_s},
            {u"drinkingWaterSafe"_s, pick(60) != 0}};
}

QJsonObject memberFields(QRandomGenerator &rng, const QString &householdId, int m)
{
    static const QStringList relations{u"head"_s, u"spouse"_s, u"child"_s, u"child"_s, u"parent"_s};
    const auto pick = [&rng](int k) {
        return int(rng.bounded(k));
    };
    return {
        {u"householdId"_s, householdId},
        {u"name"_s, QString(kSurnames.at(pick(int(kSurnames.size()))) + kGiven.at(pick(int(kGiven.size()))))},
        {u"idNumber"_s, u"320612%1%2"_s.arg(19400101 + pick(800000), 8, 10, QChar(u'0'))
                            .arg(pick(10000), 4, 10, QChar(u'0'))},
        {u"relation"_s, relations.at(m % relations.size())},
        {u"health"_s, pick(4) == 0 ? u"chronic"_s : u"healthy"_s},
        {u"labour"_s, pick(4) == 0 ? u"partial"_s : u"full"_s},
        {u"medicalInsured"_s, pick(50) != 0}};
}

// Appends households (and members) to the cache as pulled pages, exactly as a sync with the server would:
// LocalCache::applyPull, the cursor kept. Returns records per second.
double addHouseholds(app::LocalCache &cache, const QList<OrgUnit> &villages, const UserInfo &user, qint64 n,
                     int membersPer, qint64 nowMs)
{
    QRandomGenerator rng(20260302);
    const QString cursor = cache.cursor();
    sync::PullPage page;
    page.cursor = cursor;
    qint64 version = 1'000'000;
    qint64 written = 0;
    QElapsedTimer t;
    t.start();
    const auto flush = [&] {
        QString error;
        if (!cache.applyPull(page, &error))
            fail(u"writing the cache: "_s + error);
        written += page.records.size();
        page.records.clear();
    };
    for (qint64 i = 0; i < n; ++i) {
        const OrgUnit &village = villages.at(qsizetype(i % villages.size()));
        sync::Record h;
        h.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        h.type = u"household"_s;
        h.orgUnitId = village.id;
        h.version = ++version;
        h.updatedAtMs = nowMs - (n - i) * 1000;
        h.updatedBy = user.id;
        h.fields = householdFields(rng, village.id, i + 1);
        page.records.append(h);
        for (int m = 0; m < membersPer; ++m) {
            sync::Record r;
            r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.type = u"member"_s;
            r.orgUnitId = village.id;
            r.version = ++version;
            r.updatedAtMs = h.updatedAtMs;
            r.updatedBy = user.id;
            r.fields = memberFields(rng, h.id, m);
            page.records.append(r);
        }
        if (page.records.size() >= 5000)
            flush();
        if ((i + 1) % 200000 == 0)
            out() << "  " << grouped(i + 1) << " households written" << Qt::endl;
    }
    flush();
    return written / (t.nsecsElapsed() / 1e9);
}

// --- One cold start of a program.

struct Run
{
    double toMain = 0;   // process start -> main() (loading the program and its libraries)
    double toApp = 0;    // -> QApplication made, options read
    double toBuilt = 0;  // -> main window constructed (tabs, first pages) and shown
    double toWindow = 0; // -> first paint of the main window
    double toTable = 0;  // -> the households table has painted its first page
    double peakMb = 0;
    int rows = 0;
};

Run launch(const QString &program, const QStringList &args, const QProcessEnvironment &env,
           const QString &report)
{
    QFile::remove(report);
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    const qint64 t0 = app::StartupProbe::nowNs();
    p.start();
    loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        fail(u"%1 did not show its table within 60 s"_s.arg(program));
    }
    QFile f(report);
    const QByteArray messages = p.readAllStandardError();
    if (p.exitCode() != 0 || !f.open(QIODevice::ReadOnly))
        fail(QString::fromLocal8Bit(messages) +
             u"%1 ended with %2 and no report (%3)"_s.arg(program).arg(p.exitCode()).arg(p.errorString()));
    QHash<QByteArray, qint64> v;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> kv = line.split(' ');
        if (kv.size() == 2)
            v.insert(kv.at(0), kv.at(1).toLongLong());
        if (kv.value(0) == "prompt")
            fail(u"%1 showed %2 instead of its main window (no remembered session?)"_s.arg(
                program, QString::fromLatin1(kv.value(1))));
    }
    const auto ms = [&](const char *key) {
        return v.contains(key) ? (v.value(key) - t0) / 1e6 : -1.0;
    };
    Run r;
    r.toMain = ms("main");
    r.toApp = ms("app");
    r.toBuilt = ms("window-built");
    r.toWindow = ms("window");
    r.toTable = ms("table");
    r.peakMb = v.value("vmhwm", -1024) / 1024.0;
    r.rows = int(v.value("rows"));
    return r;
}

double median(QList<double> xs)
{
    std::sort(xs.begin(), xs.end());
    const qsizetype n = xs.size();
    return n == 0 ? 0 : (n % 2 ? xs.at(n / 2) : (xs.at(n / 2 - 1) + xs.at(n / 2)) / 2);
}

struct Config
{
    QString label;
    QString program;
    QStringList args;
    QProcessEnvironment env;
    qint64 households = 0;
    QList<Run> runs;
    Run median() const
    {
        Run m;
        const auto of = [this](double Run::*field) {
            QList<double> xs;
            for (const Run &r : runs)
                xs.append(r.*field);
            return ::median(xs);
        };
        m.toMain = of(&Run::toMain);
        m.toApp = of(&Run::toApp);
        m.toBuilt = of(&Run::toBuilt);
        m.toWindow = of(&Run::toWindow);
        m.toTable = of(&Run::toTable);
        m.peakMb = of(&Run::peakMb);
        m.rows = runs.isEmpty() ? 0 : runs.first().rows;
        return m;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication qapp(argc, argv);
    // The program's own names: its settings file and cache folders are found where it looks for them.
    QCoreApplication::setOrganizationName(u"Sunshine"_s);
    QCoreApplication::setApplicationName(u"Sunshine+"_s);
    const QStringList args = QCoreApplication::arguments();
    const auto value = [&](const QString &key, const QString &fallback) {
        const qsizetype i = args.indexOf(key);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const qint64 rows = value(u"--rows"_s, u"1000000"_s).toLongLong();
    const int membersPer = value(u"--members"_s, u"0"_s).toInt();
    const int runs = qMax(1, value(u"--runs"_s, u"5"_s).toInt());
    const QString username = value(u"--user"_s, u"county-clerk"_s);
    const QString keep = value(u"--keep"_s, {});
    const QString perfFile = value(u"--perf"_s, {});

    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : QDir(keep).absolutePath();
    QDir().mkpath(dir);
    const QString configHome = dir + u"/config"_s;
    const QString fullData = dir + u"/data-full"_s;
    const QString emptyData = dir + u"/data-empty"_s;
    qputenv("XDG_CONFIG_HOME", configHome.toLocal8Bit());
    qputenv("XDG_DATA_HOME", fullData.toLocal8Bit());

    out() << "== preparing: server, remembered session, caches" << Qt::endl;
    test::ServerFixture server;
    QString error;
    if (!server.start(&error))
        fail(error);
    const QString ca = test::TestTls::instance().caCertFile();

    app::ApiClient api;
    api.setServerUrl(server.baseUrl());
    if (!api.setCaCertificateFile(ca, &error))
        fail(error);
    LoginResult session;
    waitFor(30000, [&](auto done) {
        api.post(
            u"/api/v1/auth/login"_s,
            QJsonObject{{u"username"_s, username}, {u"password"_s, QString::fromUtf16(DemoData::kPassword)}},
            &qapp, [&, done](const app::ApiResult &r) {
                if (!r.ok())
                    fail(u"sign-in of %1: %2"_s.arg(username, r.message));
                session = LoginResult::fromJson(r.json);
                done();
            });
    });
    if (session.token.isEmpty())
        fail(u"no answer to the sign-in"_s);
    api.setToken(session.token);

    // The remembered session: settings as the program leaves them, the token in the system keychain.
    {
        app::AppSettings settings;
        settings.setServerUrl(server.baseUrl());
        settings.setCaCertificateFile(ca);
        settings.setLastUsername(username);
        settings.setRememberedUsername(username);
        settings.sync();
        app::KeychainCredentialStore keychain;
        QString keyError = u"no answer"_s;
        waitFor(30000, [&](auto done) {
            keychain.write(app::CredentialStore::tokenKey(settings.serverUrl().toString(), username),
                           session.token, &qapp, [&, done](const QString &e) {
                               keyError = e;
                               done();
                           });
        });
        if (!keyError.isEmpty())
            fail(u"the system keychain cannot store the session (%1); run under "
                 u"tests/support/with-keyring.sh"_s.arg(keyError));
    }

    // The cache a sync leaves: the server's records of the user's area, departments and org units.
    const QString fullPath = app::LocalCache::defaultPath(server.baseUrl(), username);
    qputenv("XDG_DATA_HOME", emptyData.toLocal8Bit());
    const QString emptyPath = app::LocalCache::defaultPath(server.baseUrl(), username);
    qputenv("XDG_DATA_HOME", fullData.toLocal8Bit());
    if (!fullPath.startsWith(fullData) || !emptyPath.startsWith(emptyData))
        fail(u"the cache location does not follow XDG_DATA_HOME: "_s + fullPath);
    SystemClock clock;
    QList<OrgUnit> villages;
    {
        QFile::remove(fullPath);
        app::ClientSession client(api, session.user, fullPath, clock);
        if (!client.open(&error))
            fail(error);
        int answers = 0;
        QObject::connect(&client, &app::ClientSession::departmentsChanged, &qapp, [&] { ++answers; });
        QObject::connect(&client, &app::ClientSession::orgUnitsChanged, &qapp, [&] { ++answers; });
        client.refreshDepartments();
        client.refreshOrgUnits();
        waitFor(30000, [&](auto done) {
            QObject::connect(&client.engine(), &app::SyncEngine::finished, &qapp,
                             [&, done](bool ok, const QString &message) {
                                 if (!ok)
                                     fail(u"first sync: "_s + message);
                                 done();
                             });
            client.engine().syncNow();
        });
        for (int i = 0; i < 100 && answers < 2; ++i)
            waitFor(100, [](auto) {});
        villages = client.orgUnitsAt(OrgLevel::Village);
        if (villages.isEmpty())
            fail(u"%1 has no villages in their area"_s.arg(username));
    }
    QDir().mkpath(QFileInfo(emptyPath).absolutePath());
    QFile::remove(emptyPath);
    if (!QFile::copy(fullPath, emptyPath))
        fail(u"cannot copy the cache to "_s + emptyPath);

    qint64 households = 0;
    {
        app::LocalCache cache(fullPath);
        if (!cache.open(&error))
            fail(error);
        out() << "  writing " << grouped(rows) << " households";
        if (membersPer > 0)
            out() << " and " << grouped(rows * membersPer) << " members";
        out() << " in " << villages.size() << " villages through LocalCache::applyPull" << Qt::endl;
        const double rate = addHouseholds(cache, villages, session.user, rows, membersPer, clock.nowMs());
        out() << "  " << qRound64(rate) << " records/s" << Qt::endl;
        QSqlQuery q(cache.database());
        q.exec(
            u"SELECT COUNT(*) FROM records WHERE type = 'household' AND deleted = 0 AND local_deleted = 0"_s);
        households = q.next() ? q.value(0).toLongLong() : 0;
        q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    out() << "  cache file: " << qRound64(QFileInfo(fullPath).size() / 1048576.0) << " MB" << Qt::endl;

    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    base.insert(u"XDG_CONFIG_HOME"_s, configHome);
    QProcessEnvironment emptyEnv = base;
    emptyEnv.insert(u"XDG_DATA_HOME"_s, emptyData);
    QProcessEnvironment fullEnv = base;
    fullEnv.insert(u"XDG_DATA_HOME"_s, fullData);
    const QString report = dir + u"/startup-report.txt"_s;
    const QString appBinary = QString::fromUtf8(SUNSHINE_APP_BINARY);
    // The households table of 阳光扶贫, the first tab a clerk sees.
    const QStringList appArgs{u"--benchmark-startup"_s, report, u"--benchmark-table"_s, u"households"_s};

    QList<Config> configs{
        {u"baseline: bare Qt (QMainWindow + empty QTableView)"_s,
         QString::fromUtf8(SUNSHINE_BARE_BINARY),
         {report},
         base,
         0,
         {}},
        {u"app, empty cache"_s, appBinary, appArgs, emptyEnv, 0, {}},
        {u"app, %1 households cached"_s.arg(grouped(households)),
         appBinary,
         appArgs,
         fullEnv,
         households,
         {}},
    };

    out() << "== measuring: " << runs << " cold starts each (after one warm-up start), interleaved"
          << Qt::endl;
    for (Config &c : configs)
        launch(c.program, c.args, c.env, report); // warm-up: the OS file cache, the keyring's first unlock
    for (int i = 0; i < runs; ++i) {
        for (Config &c : configs) {
            c.runs.append(launch(c.program, c.args, c.env, report));
            const Run &r = c.runs.last();
            out() << "  " << c.label << ": window " << qRound(r.toWindow) << " ms, table "
                  << qRound(r.toTable) << " ms, peak " << qRound(r.peakMb) << " MB" << Qt::endl;
        }
    }

    if (!perfFile.isEmpty()) {
        // One more start of the full configuration under `perf record`, for finding where the time goes.
        launch(u"perf"_s,
               QStringList{u"record"_s, u"-F"_s, u"4000"_s, u"-g"_s, u"-o"_s, perfFile, u"--"_s, appBinary} +
                   appArgs,
               fullEnv, report);
        out() << "  profile of one start with the full cache: " << perfFile << Qt::endl;
    }

    const Run bare = configs.at(0).median();
    const Run empty = configs.at(1).median();
    const Run full = configs.at(2).median();
    const auto cell = [](double x, int width) {
        return QString::number(qRound(x)).rightJustified(width);
    };
    out() << Qt::endl
          << "App start-up, median of " << runs
          << " cold process starts (Qt offscreen; remembered session checked with the server over TLS)"
          << Qt::endl;
    out() << u"%1 %2 %3 %4 %5  %6"_s.arg(u"configuration"_s, -56)
                 .arg(u"to window ms"_s, 12)
                 .arg(u"to table ms"_s, 11)
                 .arg(u"peak MB"_s, 7)
                 .arg(u"rows"_s, 5)
                 .arg(u"target (< %1 ms to table, < %2 MB)"_s.arg(kTargetMs).arg(kTargetMb))
          << Qt::endl;
    for (const Config &c : configs) {
        const Run m = c.median();
        QString target = u"-"_s;
        if (c.program == appBinary) {
            const bool timeOk = m.toTable < kTargetMs;
            const bool memOk = m.peakMb < kTargetMb;
            target = timeOk && memOk ? u"met"_s : u"MISSED"_s;
            if (!timeOk)
                target += u", %1 ms over"_s.arg(qRound(m.toTable - kTargetMs));
            if (!memOk)
                target += u", %1 MB over"_s.arg(qRound(m.peakMb - kTargetMb));
        }
        out() << c.label.leftJustified(56) << ' ' << cell(m.toWindow, 12) << ' ' << cell(m.toTable, 11) << ' '
              << cell(m.peakMb, 7) << ' ' << cell(m.rows, 5) << "  " << target << Qt::endl;
    }
    out() << Qt::endl
          << "Ratios: app (empty cache) / bare Qt: " << QString::number(empty.toTable / bare.toTable, 'f', 1)
          << "x time, " << QString::number(empty.peakMb / bare.peakMb, 'f', 1) << "x memory; "
          << grouped(households)
          << " households / empty cache: " << QString::number(full.toTable / empty.toTable, 'f', 2)
          << "x time (+" << qRound(full.toTable - empty.toTable) << " ms), "
          << QString::number(full.peakMb / empty.peakMb, 'f', 2) << "x memory (+"
          << qRound(full.peakMb - empty.peakMb) << " MB)" << Qt::endl;
    out() << Qt::endl << "Where the time goes (medians, ms from process start):" << Qt::endl;
    out() << u"%1 %2 %3 %4 %5 %6"_s.arg(u"configuration"_s, -56)
                 .arg(u"main()"_s, 7)
                 .arg(u"QApp"_s, 7)
                 .arg(u"built"_s, 7)
                 .arg(u"painted"_s, 8)
                 .arg(u"table"_s, 7)
          << Qt::endl;
    for (const Config &c : configs) {
        const Run m = c.median();
        out() << c.label.leftJustified(56) << ' ' << cell(m.toMain, 7) << ' ' << cell(m.toApp, 7) << ' '
              << cell(m.toBuilt, 7) << ' ' << cell(m.toWindow, 8) << ' ' << cell(m.toTable, 7) << Qt::endl;
    }
    out() << "(main(): the program and its libraries loaded; QApp: QApplication made, options read; built: "
             "the main window constructed with its tabs' first pages (after the keychain and the server's "
             "check of the session) and shown; painted: its first paint; table: the households table's "
             "first page painted)"
          << Qt::endl;
    server.stop();
    return 0;
}
