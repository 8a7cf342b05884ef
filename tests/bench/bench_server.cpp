// Server benchmark: authenticated small reads, a page of 50 households (GET /api/v1/records), at 64
// concurrent TLS keep-alive connections, beside nginx serving a static JSON file of the same size over TLS
// with the same certificate, measured in the same run with the same load generator (wrk) on the same machine.
//
// The real server runs in this process (release build, the SQLite store with the demo data); the benchmark
// logs in once and drives the page read of one account's area, cycling through its full pages. wrk and nginx
// (Debian packages wrk, nginx-light) are installed with apt-get when missing; nginx gets its own
// configuration, pid, log and temporary paths in a temporary directory, listens on a free loopback port as
// the current user and is stopped at the end.
//
//   bench_server [--seconds 10] [--connections 64] [--wrk-threads 2] [--workers 3] [--user county-clerk]
//                [--also-user county-leader] [--warmup 2] [--no-install]
#include "common/core/Clock.h"
#include "server/cli/ServerInstance.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/TestTls.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void say(const QString &line)
{
    out() << line << Qt::endl;
}

// Runs a program to the end while this thread's event loop keeps serving (the server lives on it).
struct RunResult
{
    int exitCode = -1;
    QByteArray output;
};

RunResult runServing(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    p.start(program, args);
    loop.exec();
    RunResult r;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        r.output = p.readAll();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = p.readAll();
    return r;
}

bool installIfMissing(bool allowInstall)
{
    QStringList missing;
    if (QStandardPaths::findExecutable(u"wrk"_s).isEmpty())
        missing << u"wrk"_s;
    if (QStandardPaths::findExecutable(u"nginx"_s).isEmpty() &&
        QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s}).isEmpty())
        missing << u"nginx-light"_s;
    if (missing.isEmpty())
        return true;
    if (!allowInstall) {
        say(u"missing: %1 (install them, or run without --no-install)"_s.arg(missing.join(u' ')));
        return false;
    }
    say(u"installing %1 with apt-get"_s.arg(missing.join(u' ')));
    QStringList args{u"env"_s, u"DEBIAN_FRONTEND=noninteractive"_s, u"apt-get"_s, u"install"_s,
                     u"-y"_s,  u"--no-install-recommends"_s};
    args << missing;
    QString program = args.takeFirst();
    if (getuid() != 0) {
        args.prepend(program);
        program = u"sudo"_s;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(program, args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        say(u"apt-get install failed"_s);
        return false;
    }
    return true;
}

QString nginxBinary()
{
    QString bin = QStandardPaths::findExecutable(u"nginx"_s);
    if (bin.isEmpty())
        bin = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s});
    return bin;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

struct WrkFigures
{
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 requests = 0;
    qint64 errors = 0; // non-2xx answers and socket errors
    bool ok = false;
    QByteArray raw;
};

double durationMs(const QString &value, const QString &unit)
{
    const double v = value.toDouble();
    if (unit == u"us"_s)
        return v / 1000.0;
    if (unit == u"s"_s)
        return v * 1000.0;
    if (unit == u"m"_s)
        return v * 60000.0;
    return v; // ms
}

WrkFigures parseWrk(const QByteArray &output)
{
    WrkFigures f;
    f.raw = output;
    const QString text = QString::fromUtf8(output);
    const auto rps = QRegularExpression(u"Requests/sec:\\s+([0-9.]+)"_s).match(text);
    const auto p50 = QRegularExpression(u"\\n\\s+50%\\s+([0-9.]+)(us|ms|s|m)\\b"_s).match(text);
    const auto p99 = QRegularExpression(u"\\n\\s+99%\\s+([0-9.]+)(us|ms|s|m)\\b"_s).match(text);
    const auto total = QRegularExpression(u"(\\d+) requests in"_s).match(text);
    const auto non2xx = QRegularExpression(u"Non-2xx or 3xx responses:\\s+(\\d+)"_s).match(text);
    const auto sockets =
        QRegularExpression(u"Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"_s)
            .match(text);
    if (!rps.hasMatch() || !p50.hasMatch() || !p99.hasMatch())
        return f;
    f.requestsPerSecond = rps.captured(1).toDouble();
    f.p50Ms = durationMs(p50.captured(1), p50.captured(2));
    f.p99Ms = durationMs(p99.captured(1), p99.captured(2));
    f.requests = total.captured(1).toLongLong();
    if (non2xx.hasMatch())
        f.errors += non2xx.captured(1).toLongLong();
    if (sockets.hasMatch()) {
        for (int i = 1; i <= 4; ++i)
            f.errors += sockets.captured(i).toLongLong();
    }
    f.ok = true;
    return f;
}

// A wrk script that cycles through the paths, with the bearer token on every request.
QString writeScript(const QString &dir, const QString &name, const QStringList &paths, const QString &token)
{
    const QString file = dir + u'/' + name;
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QByteArray s = "paths = {\n";
    for (const QString &p : paths)
        s += "  \"" + p.toUtf8() + "\",\n";
    s += "}\ncount = #paths\ni = math.random(count)\n";
    s += "headers = {}\n";
    if (!token.isEmpty())
        s += "headers[\"Authorization\"] = \"Bearer " + token.toUtf8() + "\"\n";
    s += "request = function()\n  i = i % count + 1\n  return wrk.format(\"GET\", paths[i], headers)\nend\n";
    f.write(s);
    return file;
}

WrkFigures runWrk(const QString &url, const QString &script, int connections, int threads, int seconds)
{
    const QStringList args{u"-t"_s + QString::number(threads),
                           u"-c"_s + QString::number(connections),
                           u"-d"_s + QString::number(seconds) + u's',
                           u"--timeout"_s,
                           u"5s"_s,
                           u"--latency"_s,
                           u"-s"_s,
                           script,
                           url};
    const RunResult r = runServing(u"wrk"_s, args, (seconds + 30) * 1000);
    WrkFigures f = parseWrk(r.output);
    if (!f.ok)
        f.raw = r.output;
    return f;
}

QString currentUserName()
{
    const passwd *pw = getpwuid(getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

// nginx under our own prefix: configuration, pid, logs and temporary paths in `dir`, two workers (the cores
// of the target machine), keep-alive without a request cap, the static page in dir/www.
bool writeNginxConfig(const QString &dir, quint16 port, const QString &cert, const QString &key, int workers)
{
    QDir().mkpath(dir + u"/www/api"_s);
    QDir().mkpath(dir + u"/tmp"_s);
    QDir().mkpath(dir + u"/logs"_s);
    QString conf;
    if (getuid() == 0)
        conf += u"user %1;\n"_s.arg(currentUserName());
    conf += u"worker_processes %1;\n"_s.arg(workers);
    conf += u"daemon off;\nmaster_process on;\n"_s;
    conf += u"pid %1/nginx.pid;\nerror_log %1/logs/error.log warn;\n"_s.arg(dir);
    conf += u"events { worker_connections 4096; }\n"_s;
    conf += u"http {\n"_s;
    conf += u"  access_log off;\n  sendfile on;\n  tcp_nodelay on;\n"_s;
    conf += u"  keepalive_timeout 120s;\n  keepalive_requests 100000000;\n"_s;
    for (const char *t : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        conf += u"  %1_temp_path %2/tmp/%1;\n"_s.arg(QLatin1StringView(t), dir);
    conf += u"  types { application/json json; }\n  default_type application/json;\n"_s;
    conf += u"  server {\n    listen 127.0.0.1:%1 ssl;\n"_s.arg(port);
    conf += u"    ssl_certificate %1;\n    ssl_certificate_key %2;\n"_s.arg(cert, key);
    conf += u"    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_session_cache shared:SSL:1m;\n"_s;
    conf += u"    location / { root %1/www; }\n  }\n}\n"_s.arg(dir);
    QFile f(dir + u"/nginx.conf"_s);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(conf.toUtf8());
    return true;
}

QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({{u"seconds"_s, u"Measured seconds per run."_s, u"N"_s, u"10"_s},
                  {u"warmup"_s, u"Warm-up seconds before each run."_s, u"N"_s, u"2"_s},
                  {u"connections"_s, u"Concurrent keep-alive TLS connections."_s, u"N"_s, u"64"_s},
                  {u"wrk-threads"_s, u"wrk threads."_s, u"N"_s, u"2"_s},
                  {u"workers"_s, u"Server worker threads."_s, u"N"_s, u"3"_s},
                  {u"nginx-workers"_s, u"nginx worker processes."_s, u"N"_s, u"2"_s},
                  {u"user"_s, u"Demo account whose area is read."_s, u"NAME"_s, u"county-clerk"_s},
                  {u"also-user"_s, u"A second account measured too (masked pages); 'none' skips it."_s,
                   u"NAME"_s, u"county-leader"_s},
                  {u"no-install"_s, u"Do not install wrk or nginx when missing."_s}});
    p.process(app);
    const int seconds = qMax(1, p.value(u"seconds"_s).toInt());
    const int warmup = qMax(0, p.value(u"warmup"_s).toInt());
    const int connections = qMax(1, p.value(u"connections"_s).toInt());
    const int wrkThreads = qMax(1, p.value(u"wrk-threads"_s).toInt());
    const int workers = qMax(1, p.value(u"workers"_s).toInt());
    const int nginxWorkers = qMax(1, p.value(u"nginx-workers"_s).toInt());

    if (!installIfMissing(!p.isSet(u"no-install"_s)))
        return 1;

    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        say(u"no temporary directory"_s);
        return 1;
    }
    const test::TestTls &tls = test::TestTls::instance();

    // The server: SQLite store with the demo org tree, accounts and households.
    SystemClock clock;
    ServerConfig config;
    if (!StoreConfig::parse(u"sqlite:"_s + tmp.path() + u"/server/sunshine.db"_s, &config.store, nullptr))
        return 1;
    config.port = 0;
    config.tlsCertFile = tls.serverCertFile();
    config.tlsKeyFile = tls.serverKeyFile();
    config.dataDir = tmp.path() + u"/server"_s;
    config.demo = true;
    config.demoRecords = true;
    config.limits.workerThreads = workers;
    ServerInstance server(config, clock);
    QString error;
    say(u"starting the server (SQLite store, demo data)…"_s);
    if (!server.start(&error)) {
        say(u"server failed to start: "_s + error);
        return 1;
    }
    const QString base = u"https://127.0.0.1:%1"_s.arg(server.port());
    test::HttpsClient client(QUrl(base), {tls.caCertificate()});

    struct Target
    {
        QString user;
        QStringList paths;
        double meanBytes = 0;
        QString token;
    };
    QList<Target> targets;
    QStringList users{p.value(u"user"_s)};
    if (p.value(u"also-user"_s) != u"none"_s && p.value(u"also-user"_s) != users.first())
        users << p.value(u"also-user"_s);
    for (const QString &user : users) {
        Target t;
        t.user = user;
        t.token = client.login(user, QString::fromUtf16(DemoData::kPassword));
        if (t.token.isEmpty()) {
            say(u"login of %1 failed: %2"_s.arg(user, QString::fromUtf8(client.lastLogin().describe())));
            return 1;
        }
        // The full pages of the account's area: the paths the load cycles through.
        QString after;
        qint64 bytes = 0;
        for (;;) {
            const QString path = u"/api/v1/records?type=household&limit=50"_s +
                                 (after.isEmpty() ? QString() : u"&after="_s + after);
            const test::HttpResult r = client.get(path, t.token);
            if (r.status != 200) {
                say(u"page read failed: "_s + QString::fromUtf8(r.describe()));
                return 1;
            }
            if (r.json.value(u"records"_s).toArray().size() == 50) {
                t.paths << path;
                bytes += r.body.size();
            }
            const QJsonValue next = r.json.value(u"next"_s);
            if (!next.isString())
                break;
            after = next.toString();
        }
        if (t.paths.isEmpty()) {
            say(u"no full page of households in the area of "_s + user);
            return 1;
        }
        t.meanBytes = double(bytes) / t.paths.size();
        targets << t;
    }

    // nginx with a static file of the (mean) size of the first account's pages.
    const QString ngDir = tmp.path() + u"/nginx"_s;
    const quint16 ngPort = freePort();
    if (!writeNginxConfig(ngDir, ngPort, tls.serverCertFile(), tls.serverKeyFile(), nginxWorkers))
        return 1;
    {
        QFile page(ngDir + u"/www/api/page.json"_s);
        if (!page.open(QIODevice::WriteOnly))
            return 1;
        const qint64 size = qint64(targets.first().meanBytes + 0.5);
        QByteArray body = "{\"records\":[],\"next\":null,\"pad\":\"";
        body += QByteArray(qMax<qint64>(0, size - body.size() - 2), 'x');
        body += "\"}";
        page.write(body);
    }
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::MergedChannels);
    nginx.start(nginxBinary(),
                {u"-p"_s, ngDir, u"-c"_s, ngDir + u"/nginx.conf"_s, u"-e"_s, ngDir + u"/logs/error.log"_s});
    if (!nginx.waitForStarted(5000)) {
        say(u"nginx did not start"_s);
        return 1;
    }
    QThread::msleep(300);
    const QString ngBase = u"https://127.0.0.1:%1"_s.arg(ngPort);
    {
        test::HttpsClient probe(QUrl(ngBase), {tls.caCertificate()});
        const test::HttpResult r = probe.get(u"/api/page.json"_s);
        if (r.status != 200) {
            say(u"nginx does not answer: %1 %2"_s.arg(QString::fromUtf8(r.describe()),
                                                      QString::fromUtf8(nginx.readAll())));
            nginx.kill();
            return 1;
        }
    }

    auto measure = [&](const QString &url, const QString &script) {
        if (warmup > 0)
            runWrk(url, script, connections, wrkThreads, warmup);
        return runWrk(url, script, connections, wrkThreads, seconds);
    };
    const QString ngScript = writeScript(tmp.path(), u"nginx.lua"_s, {u"/api/page.json"_s}, {});
    say(u"measuring nginx (static file over TLS)…"_s);
    const WrkFigures ng = measure(ngBase + u"/api/page.json"_s, ngScript);
    nginx.terminate();
    if (!nginx.waitForFinished(5000))
        nginx.kill();

    QList<WrkFigures> figures;
    for (const Target &t : std::as_const(targets)) {
        const QString script = writeScript(tmp.path(), t.user + u".lua"_s, t.paths, t.token);
        say(u"measuring sunshine-server (%1, %2 pages)…"_s.arg(t.user).arg(t.paths.size()));
        figures << measure(base + t.paths.first(), script);
    }
    server.stop();

    for (const WrkFigures &f : std::as_const(figures) + QList<WrkFigures>{ng}) {
        if (!f.ok) {
            say(u"wrk failed:\n"_s + QString::fromUtf8(f.raw));
            return 1;
        }
    }

    const int cores = QThread::idealThreadCount();
    say({});
    say(u"Server benchmark: GET /api/v1/records?type=household&limit=50 (a page of 50 households), %1 "
        u"concurrent TLS keep-alive connections, %2 s per run after %3 s warm-up, wrk -t%4, %5 cores, "
        u"server with %6 worker threads on SQLite (demo data), nginx %7 workers"_s.arg(connections)
            .arg(seconds)
            .arg(warmup)
            .arg(wrkThreads)
            .arg(cores)
            .arg(workers)
            .arg(nginxWorkers));
    say({});
    const QString header = u"| %1 | %2 | %3 | %4 | %5 | %6 |"_s;
    say(header.arg(u"what"_s, -52)
            .arg(u"bytes"_s, 6)
            .arg(u"requests/s"_s, 10)
            .arg(u"p50 ms"_s, 7)
            .arg(u"p99 ms"_s, 7)
            .arg(u"errors"_s, 6));
    say(u"|%1|%2|%3|%4|%5|%6|"_s.arg(QString(54, u'-'), QString(8, u'-'), QString(11, u'-') + u':',
                                     QString(8, u'-') + u':', QString(8, u'-') + u':',
                                     QString(7, u'-') + u':'));
    auto row = [&](const QString &what, double bytes, const WrkFigures &f) {
        say(header.arg(what, -52)
                .arg(QString::number(qint64(bytes + 0.5)), 6)
                .arg(fixed(f.requestsPerSecond, 0), 10)
                .arg(fixed(f.p50Ms, 2), 7)
                .arg(fixed(f.p99Ms, 2), 7)
                .arg(QString::number(f.errors), 6));
    };
    row(u"nginx, static file of the same size (baseline)"_s, targets.first().meanBytes, ng);
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const Target &t = targets.at(i);
        const bool masked = !t.user.contains(u"clerk"_s) && !t.user.contains(u"reviewer"_s);
        row(u"sunshine-server, %1 (%2 pages%3)"_s.arg(t.user)
                .arg(t.paths.size())
                .arg(masked ? u", masked"_s : QString()),
            t.meanBytes, figures.at(i));
    }
    say(header.arg(u"target (issue #6)"_s, -52)
            .arg(QString(), 6)
            .arg(u">= 10000"_s, 10)
            .arg(QString(), 7)
            .arg(u"< 20"_s, 7)
            .arg(u"0"_s, 6));
    say({});
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const WrkFigures &f = figures.at(i);
        say(u"%1: %2 of nginx's rate, p99 %3 x nginx's; target %4 (rate %5 %, p99 %6 ms)"_s
                .arg(targets.at(i).user)
                .arg(fixed(f.requestsPerSecond / ng.requestsPerSecond, 2))
                .arg(fixed(ng.p99Ms > 0 ? f.p99Ms / ng.p99Ms : 0, 1))
                .arg(f.requestsPerSecond >= 10000 && f.p99Ms < 20 && f.errors == 0 ? u"met"_s : u"missed"_s)
                .arg(fixed(100.0 * f.requestsPerSecond / 10000.0, 0))
                .arg(fixed(f.p99Ms, 1)));
    }
    return 0;
}
