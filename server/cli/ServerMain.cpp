#include "server/cli/ServerMain.h"

#include "common/auth/AccountRules.h"
#include "common/auth/PasswordPolicy.h"
#include "common/core/EntryClose.h"
#include "common/core/Version.h"
#include "server/accounts/UserAdminService.h"
#include "server/audit/AuditLog.h"
#include "server/cli/ServerInstance.h"
#include "server/cli/ServerOptions.h"
#include "server/demo/BaseData.h"
#include "server/demo/DemoData.h"
#include "server/demo/OrgCatalog.h"
#include "server/demo/ScaleData.h"
#include "server/module/ServerModule.h"
#include "server/store/Migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>
#include <QUuid>
#include <cstdio>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// "HOST:PORT" (an IPv6 host in brackets); false when it is not such.
bool hostAndPort(const QString &text, QHostAddress *host, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const int value = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    QString hostText = colon > 0 ? text.left(colon) : QString();
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    if (!ok || value < 0 || value > 65535 || !host->setAddress(hostText))
        return false;
    *port = quint16(value);
    return true;
}

QString defaultDataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir.isEmpty() ? u"sunshine-data"_s : dir;
}

bool storeConfigFrom(const ServerOptions &p, const QString &dataDir, StoreConfig *config, QString *error)
{
    const QString spec =
        p.isSet(u"database"_s) ? p.value(u"database"_s) : u"sqlite:"_s + dataDir + u"/sunshine.db"_s;
    if (!StoreConfig::parse(spec, config, error))
        return false;
    if (config->kind != StoreConfig::Kind::Postgresql)
        return true;
    QString passwordFile = p.value(u"database-password-file"_s);
    if (passwordFile.isEmpty())
        passwordFile = qEnvironmentVariable("SUNSHINE_DB_PASSWORD_FILE");
    if (!passwordFile.isEmpty()) {
        QFile f(passwordFile);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = u"无法读取数据库密码文件 %1：%2"_s.arg(passwordFile, f.errorString());
            return false;
        }
        config->pgPassword = QString::fromUtf8(f.readAll()).trimmed();
    } else {
        config->pgPassword = qEnvironmentVariable("SUNSHINE_DB_PASSWORD");
    }
    return true;
}

int auditVerify(Store &store)
{
    SystemClock clock;
    AuditLog log(store, clock);
    try {
        const AuditLog::Verification v = log.verify();
        if (v.intact) {
            out() << u"审计日志完整：已校验 %1 条记录。"_s.arg(v.checked) << Qt::endl;
            out() << u"audit log intact: %1 entries checked"_s.arg(v.checked) << Qt::endl;
            return 0;
        }
        err() << u"审计日志已被篡改：%1。已校验 %2 条完好记录。"_s.arg(v.reason).arg(v.checked) << Qt::endl;
        err() << u"audit log BROKEN at entry %1 (%2 entries checked before it)"_s.arg(v.firstBrokenSeq)
                     .arg(v.checked)
              << Qt::endl;
        return 3;
    } catch (const StoreError &e) {
        err() << u"无法读取审计日志：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
        return 2;
    }
}

int createAdmin(Store &store, const QString &username)
{
    if (const QString v = accounts::usernameViolation(username); !v.isEmpty()) {
        err() << v << Qt::endl;
        return 2;
    }
    QString password = qEnvironmentVariable("SUNSHINE_ADMIN_PASSWORD");
    if (password.isEmpty()) {
        out() << u"请输入新管理员的密码（一行）："_s << Qt::flush;
        QTextStream in(stdin);
        password = in.readLine();
    }
    if (const QString v = password::policyViolation(password, username); !v.isEmpty()) {
        err() << v << Qt::endl;
        return 2;
    }
    SystemClock clock;
    PasswordHasher hasher;
    AuditLog audit(store, clock);
    loadBaseOrgData(store);
    try {
        const QByteArray hash = hasher.hash(password);
        Transaction tx(store);
        SqlQuery exists(store, u"SELECT 1 FROM users WHERE username = ?"_s);
        exists.bindText(username.toLower()).exec();
        if (exists.next()) {
            err() << u"用户名“%1”已存在"_s.arg(username) << Qt::endl;
            return 2;
        }
        UserAdminService::NewUser u;
        u.username = username.toLower();
        u.displayName = u"系统管理员"_s;
        u.roles = {Role::Admin};
        u.orgUnitId = catalog::fullCode(QString::fromLatin1(catalog::kCityCode));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        UserAdminService::insertUser(store, id, u, hash, clock.nowMs(), {}, false);
        audit.append({{},
                      u"system"_s,
                      u"user.create"_s,
                      u"user"_s,
                      id,
                      {{u"username"_s, u.username}, {u"via"_s, u"cli"_s}},
                      {}});
        tx.commit();
    } catch (const StoreError &e) {
        err() << u"创建管理员失败：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
        return 2;
    }
    out() << u"已创建市级系统管理员 %1"_s.arg(username) << Qt::endl;
    return 0;
}

// generate: Nantong-scale benchmark data on the demo org tree (loaded first when missing).
int generate(Store &store, const ServerOptions &p)
{
    ScaleData::Options o;
    bool ok = true;
    auto number = [&](const QString &name, qint64 fallback, qint64 max) -> qint64 {
        if (!p.isSet(name))
            return fallback;
        bool good = false;
        const qint64 v = p.value(name).toLongLong(&good);
        if (!good || v < 0 || v > max) {
            err() << u"--%1 应为 0 到 %2 之间的整数"_s.arg(name).arg(max) << Qt::endl;
            ok = false;
        }
        return v;
    };
    o.seed = quint64(number(u"seed"_s, qint64(o.seed), std::numeric_limits<qint64>::max()));
    o.disbursements = number(u"disbursements"_s, o.disbursements, 1'000'000'000);
    o.households = int(number(u"households"_s, o.households, 10'000'000));
    o.members = int(number(u"members"_s, o.members, 30'000'000));
    if (p.isSet(u"today"_s)) {
        o.today = QDate::fromString(p.value(u"today"_s), Qt::ISODate);
        if (!o.today.isValid()) {
            err() << u"--today 应为日期，例如 2026-11-24"_s << Qt::endl;
            ok = false;
        }
    }
    o.history = !p.isSet(u"no-history"_s);
    if (!ok)
        return 2;
    try {
        SystemClock clock;
        PasswordHasher hasher;
        AuditLog audit(store, clock);
        loadBaseOrgData(store);
        DemoData::loadIfEmpty(store, hasher, clock, audit);
        SqlQuery any(store, u"SELECT COUNT(*) FROM records WHERE type IN ('household', 'disbursement')"_s);
        any.exec();
        if (any.next() && any.int64(0) > 0) {
            err() << u"该数据库中已有户或资金记录，generate 只写入空库"_s << Qt::endl;
            return 2;
        }
        const ScaleData::Result r =
            ScaleData::generate(store, o, [](const QString &line) { out() << line << Qt::endl; });
        out() << u"generated %1 records in %2 s (%3 records/s): %4 households, %5 members, %6 helpers, "
                 u"%7 pairings, %8 visits, %9 disbursements"_s.arg(r.records)
                     .arg(r.seconds, 0, 'f', 1)
                     .arg(qRound64(r.records / qMax(r.seconds, 0.001)))
                     .arg(r.households)
                     .arg(r.members)
                     .arg(r.helpers)
                     .arg(r.pairings)
                     .arg(r.visits)
                     .arg(r.disbursements)
              << Qt::endl;
        return 0;
    } catch (const std::exception &e) {
        err() << u"生成数据失败：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
        return 2;
    }
}

} // namespace

int serverMain(const QStringList &arguments)
{
    out().setEncoding(QStringConverter::Utf8);
    err().setEncoding(QStringConverter::Utf8);

    // The modules' commands (summary-check ...), beside the server's own.
    const std::vector<std::unique_ptr<ServerModule>> modules = ServerModules::create();
    QStringList commands{u"serve"_s, u"audit-verify"_s, u"create-admin"_s, u"generate"_s};
    QString moduleHelp;
    const ServerModule::Command *moduleCommand = nullptr;
    QList<ServerModule::Command> moduleCommands;
    for (const auto &m : modules)
        moduleCommands.append(m->commands());
    for (const ServerModule::Command &c : std::as_const(moduleCommands)) {
        commands.append(c.name);
        moduleHelp += u"  %1  %2\n"_s.arg(c.name.leftJustified(13), c.help);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"阳光扶贫+ 监管系统服务器 (Sunshine+ server)\n\n"
        u"Commands:\n"
        u"  serve          run the HTTPS API server (default)\n"
        u"  audit-verify   check the hash chain of the audit log; exit 0 when intact\n"
        u"  create-admin   create a city-level administrator (password from SUNSHINE_ADMIN_PASSWORD or "
        u"stdin)\n"
        u"  generate       Nantong-scale benchmark data on the demo org tree (--seed, --disbursements, "
        u"...)\n"_s +
        moduleHelp +
        u"\n"
        u"PostgreSQL password: environment variable SUNSHINE_DB_PASSWORD, or a file given by\n"
        u"--database-password-file or SUNSHINE_DB_PASSWORD_FILE. Never on the command line."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, commands.join(u" | "_s), u"[command]"_s);
    const QList<QCommandLineOption> options{
        {u"config"_s,
         u"INI file with any of these options as name=value (also SUNSHINE_CONFIG); the command line wins."_s,
         u"FILE"_s},
        {u"listen"_s, u"Address and port to listen on (default 127.0.0.1:8443)."_s, u"HOST:PORT"_s},
        {u"metrics-listen"_s,
         u"Address and port of the monitoring listener (GET /metrics, Prometheus text); off when not given. "
         u"Keep it off the public network."_s,
         u"HOST:PORT"_s},
        {u"metrics-token-file"_s, u"File holding the bearer token /metrics requires."_s, u"FILE"_s},
        {u"quiet"_s, u"No line per request in the log (category sunshine.request)."_s},
        {u"database"_s,
         u"sqlite:PATH or postgresql://USER@HOST:PORT/DB (default sqlite:DATA_DIR/sunshine.db)."_s,
         u"SPEC"_s},
        {u"database-password-file"_s, u"File holding the PostgreSQL password."_s, u"FILE"_s},
        {u"tls-cert"_s, u"PEM certificate (chain) of the server."_s, u"FILE"_s},
        {u"tls-key"_s, u"PEM private key of the server."_s, u"FILE"_s},
        {u"data-dir"_s, u"Directory for the embedded store and attachments."_s, u"DIR"_s},
        {u"demo"_s, u"Fill an empty store with the demo data (org tree, accounts, module records)."_s},
        {u"session-hours"_s, u"Lifetime of a login session in hours (default 8)."_s, u"HOURS"_s, u"8"_s},
        {u"threads"_s, u"Worker threads for requests (default 8)."_s, u"N"_s, u"8"_s},
        {u"entry-close-time"_s,
         u"When entry closes on the day the regulation names (the 20th of a quarter's last month for relief "
         u"funds, the 11th of its first month for visits), China time, 00:00-24:00 (default 00:00: that day "
         u"is "
         u"closed; 24:00: it stays open)."_s,
         u"HH:MM"_s, u"00:00"_s},
        {u"public-rate"_s,
         u"Requests a minute per address on each public route: help-request lookup, login (default 60; 0: no "
         u"limit)."_s,
         u"N"_s, u"60"_s},
        {u"username"_s, u"User name for create-admin."_s, u"NAME"_s},
        {u"seed"_s, u"generate: seed of the generated data (default 20191210)."_s, u"N"_s},
        {u"disbursements"_s, u"generate: disbursement records (default 10000000)."_s, u"N"_s},
        {u"households"_s, u"generate: households (default 100000)."_s, u"N"_s},
        {u"members"_s, u"generate: household members (default 300000)."_s, u"N"_s},
        {u"today"_s, u"generate: the day the data is dated against (default today in China)."_s, u"DATE"_s},
        {u"no-history"_s, u"generate: no record_history rows."_s},
    };
    parser.addOptions(options);
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl << u"用法见 --help"_s << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText() << Qt::flush;
        return 0;
    }
    if (parser.isSet(u"version"_s)) {
        out() << u"sunshine-server "_s << QString::fromLatin1(kVersion) << Qt::endl;
        return 0;
    }
    ServerOptions p(parser);
    {
        QStringList known;
        for (const QCommandLineOption &o : options)
            known.append(o.names());
        QString why;
        if (!p.load(known, &why)) {
            err() << why << Qt::endl;
            return 2;
        }
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.isEmpty() ? u"serve"_s : positional.first();
    if (positional.size() > 1 || !commands.contains(command)) {
        err() << u"未知命令“%1”，可用命令：%2"_s.arg(positional.join(u' '), commands.join(u"、"_s))
              << Qt::endl;
        return 2;
    }
    for (const ServerModule::Command &c : std::as_const(moduleCommands)) {
        if (c.name == command)
            moduleCommand = &c;
    }

    const QString dataDir = p.isSet(u"data-dir"_s) ? p.value(u"data-dir"_s) : defaultDataDir();
    ServerConfig config;
    config.dataDir = dataDir;
    QString error;
    if (!storeConfigFrom(p, dataDir, &config.store, &error)) {
        err() << error << Qt::endl;
        return 2;
    }

    if (command != u"serve"_s) {
        Store store(config.store);
        if (!store.open(&error)) {
            err() << error << Qt::endl;
            return 2;
        }
        Migrator migrator(store);
        if (command == u"audit-verify"_s) {
            const int schema = migrator.currentVersion();
            if (schema > Migrator::latestVersion()) {
                err() << u"数据库由较新版本写入（架构 %1），请使用新版本的 audit-verify"_s.arg(schema)
                      << Qt::endl;
                return 2;
            }
            if (schema < 2) {
                err() << u"该数据库还没有审计日志（架构版本 %1）"_s.arg(schema) << Qt::endl;
                return 2;
            }
            return auditVerify(store);
        }
        const int schemaBefore = migrator.currentVersion();
        if (!migrator.migrate(&error)) {
            err() << error << Qt::endl;
            return 2;
        }
        if (!moduleCommand || !moduleCommand->skipMigratedHooks) {
            try {
                for (const auto &m : modules)
                    m->migrated(store, schemaBefore, migrator.currentVersion());
            } catch (const StoreError &e) {
                err() << u"迁移后更新模块数据失败：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
                return 2;
            }
        }
        if (moduleCommand)
            return moduleCommand->run(store, out(), err());
        if (command == u"generate"_s)
            return generate(store, p);
        if (!p.isSet(u"username"_s)) {
            err() << u"create-admin 需要 --username"_s << Qt::endl;
            return 2;
        }
        return createAdmin(store, p.value(u"username"_s));
    }

    const QString listen = p.isSet(u"listen"_s) ? p.value(u"listen"_s) : u"127.0.0.1:8443"_s;
    quint16 port = 0;
    if (!hostAndPort(listen, &config.host, &port)) {
        err() << u"--listen 应为 主机:端口，例如 127.0.0.1:8443 或 0.0.0.0:8443"_s << Qt::endl;
        return 2;
    }
    config.port = port;
    if (p.isSet(u"metrics-listen"_s)) {
        if (!hostAndPort(p.value(u"metrics-listen"_s), &config.metricsHost, &config.metricsPort) ||
            config.metricsPort == 0) {
            err() << u"--metrics-listen 应为 主机:端口，例如 127.0.0.1:9464"_s << Qt::endl;
            return 2;
        }
        QFile tokenFile(p.value(u"metrics-token-file"_s));
        if (!p.isSet(u"metrics-token-file"_s) || !tokenFile.open(QIODevice::ReadOnly)) {
            err() << u"监控地址须有令牌：请用 --metrics-token-file 指定存放令牌的文件"_s << Qt::endl;
            return 2;
        }
        config.metricsToken = tokenFile.readAll().trimmed();
        if (config.metricsToken.size() < 16) {
            err() << u"监控令牌至少 16 个字符"_s << Qt::endl;
            return 2;
        }
    }
    if (!p.isSet(u"quiet"_s))
        QLoggingCategory::setFilterRules(u"sunshine.request.info=true"_s);
    config.tlsCertFile = p.value(u"tls-cert"_s);
    config.tlsKeyFile = p.value(u"tls-key"_s);
    config.demo = p.isSet(u"demo"_s);
    config.demoRecords = config.demo;
    config.backgroundWork = true;
    bool ok = false;
    const double hours = p.value(u"session-hours"_s).toDouble(&ok);
    if (!ok || hours <= 0 || hours > 24 * 30) {
        err() << u"--session-hours 应为 0 到 720 之间的数字"_s << Qt::endl;
        return 2;
    }
    config.auth.sessionTtlMs = qint64(hours * 3600 * 1000);
    const int threads = p.value(u"threads"_s).toInt(&ok);
    if (!ok || threads < 1 || threads > 256) {
        err() << u"--threads 应为 1 到 256 之间的整数"_s << Qt::endl;
        return 2;
    }
    config.limits.workerThreads = threads;
    const int publicRate = p.value(u"public-rate"_s).toInt(&ok);
    if (!ok || publicRate < 0 || publicRate > 100'000) {
        err() << u"--public-rate 应为 0 到 100000 之间的整数"_s << Qt::endl;
        return 2;
    }
    config.publicRate.perMinute = publicRate;
    const std::optional<int> closeMinute = EntryClose::parse(p.value(u"entry-close-time"_s));
    if (!closeMinute) {
        err() << u"--entry-close-time 应为 00:00 到 24:00 之间的时刻，例如 17:30"_s << Qt::endl;
        return 2;
    }
    config.entryCloseMinute = *closeMinute;

    static SystemClock clock;
    ServerInstance server(config, clock);
    if (!server.start(&error)) {
        err() << u"服务器无法启动：%1"_s.arg(error) << Qt::endl;
        return 1;
    }
    out() << u"Sunshine+ server %1 listening on https://%2:%3 (store %4, schema %5)"_s
                 .arg(QString::fromLatin1(kVersion))
                 .arg(config.host.toString())
                 .arg(server.port())
                 .arg(config.store.describe())
                 .arg(server.schemaVersion())
          << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace sunshine
