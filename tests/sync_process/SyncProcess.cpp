#include "tests/sync_process/SyncProcess.h"

#include "app/sync/LocalCache.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserAdminService.h"
#include "server/demo/DemoData.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestTls.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMap>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

namespace {

// Children die with the test, also when it crashes: no server left listening, no driver left writing.
void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process);
#endif
}

QJsonObject parseObject(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString syncDriverBinary()
{
    return QString::fromLocal8Bit(SYNC_DRIVER_BIN);
}

QString sunshineServerBinary()
{
    // Another build of the server can be tried with the same tests (e.g. to see that they catch a broken
    // one).
    const QString other = qEnvironmentVariable("SUNSHINE_TEST_SERVER_BIN");
    return other.isEmpty() ? QString::fromLocal8Bit(SUNSHINE_SERVER_BIN) : other;
}

bool prepareStore(const StoreConfig &config, const QList<ClerkSpec> &clerks, QString *error)
{
    ServerFixture::Options options;
    options.store = config;
    ServerFixture fixture(options);
    if (!fixture.start(error))
        return false;
    try {
        Store &store = fixture.store();
        PasswordHasher hasher(PasswordHasher::minimum());
        const QByteArray hash = hasher.hash(QString::fromUtf16(DemoData::kPassword));
        Transaction tx(store);
        for (const ClerkSpec &c : clerks) {
            UserAdminService::NewUser u;
            u.username = c.username;
            u.displayName = u"测试录入员 "_s + c.username;
            u.roles = {Role::Clerk};
            u.orgUnitId = c.departmentId.section(u'-', 0, 0);
            u.departmentId = c.departmentId;
            UserAdminService::insertUser(store, u"test-"_s + c.username, u, hash, fixture.clock().nowMs(), {},
                                         false);
        }
        tx.commit();
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    fixture.stop();
    return true;
}

// --- ServerProcess
// ---------------------------------------------------------------------------------------------

ServerProcess::ServerProcess(StoreConfig store, quint16 port, QString dataDir)
    : m_store(std::move(store))
    , m_port(port)
    , m_dataDir(std::move(dataDir))
{}

ServerProcess::~ServerProcess()
{
    kill();
}

QUrl ServerProcess::baseUrl() const
{
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void ServerProcess::collect()
{
    if (!m_process)
        return;
    const QString chunk = QString::fromUtf8(m_process->readAll());
    // Seen in what came since the start (with the end of the text before, should the line be split); the
    // output itself is cut to its tail below, so positions in it do not last.
    if (!m_listening && QString(m_output.right(40) + chunk).contains(u"listening on"_s))
        m_listening = true;
    m_output += chunk;
    if (m_output.size() > 20000)
        m_output = m_output.right(10000);
}

QString ServerProcess::outputTail() const
{
    return m_output.right(3000);
}

bool ServerProcess::start(QString *error, int timeoutMs)
{
    kill();
    const TestTls &tls = TestTls::instance();
    const QStringList args{u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--database"_s,
                           m_store.describe(), u"--tls-cert"_s, tls.serverCertFile(), u"--tls-key"_s,
                           tls.serverKeyFile(), u"--data-dir"_s, m_dataDir, u"--threads"_s, u"4"_s,
                           // Clients killed and started again log in far more often than people do.
                           u"--public-rate"_s, u"0"_s,
                           // No request lines: the start is recognised by its "listening on" line.
                           u"--quiet"_s};
    // A port just given up by a killed server can take a moment to be free again.
    for (int attempt = 0; attempt < 40; ++attempt) {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardInputFile(QProcess::nullDevice());
        dieWithParent(*m_process);
        QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(), [this] { collect(); });
        m_output += u"--- start %1 ---\n"_s.arg(m_starts + 1);
        m_listening = false;
        m_process->start(sunshineServerBinary(), args);
        if (!m_process->waitForStarted(10000)) {
            *error = u"sunshine-server did not start: "_s + m_process->errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_listening) {
                ++m_starts;
                return true;
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
            m_process->waitForReadyRead(100);
            collect();
        }
        collect();
        // "无法监听 127.0.0.1:PORT：The bound address is already in use"
        const bool portBusy = m_output.right(400).contains(u"无法监听"_s);
        if (m_process->state() != QProcess::NotRunning || !portBusy) {
            *error = u"sunshine-server did not come up: "_s + outputTail();
            kill();
            return false;
        }
        QTest::qWait(100);
    }
    *error = u"port %1 stayed busy: "_s.arg(m_port) + outputTail();
    return false;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    collect();
    m_process.reset();
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
    collect();
    m_process.reset();
}

// --- DriverRun
// -------------------------------------------------------------------------------------------------

DriverRun::DriverRun(QStringList arguments)
    : m_args(std::move(arguments))
{}

DriverRun::~DriverRun()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect();
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void DriverRun::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    dieWithParent(*m_process);
    QProcess *p = m_process.get();
    QObject::connect(p, &QProcess::readyRead, p, [this] { readLines(); });
    QObject::connect(p, &QProcess::finished, p, [this](int code, QProcess::ExitStatus status) {
        readLines();
        if (!m_partial.isEmpty()) {
            m_partial.append('\n');
            readLines();
        }
        m_exitCode = status == QProcess::NormalExit ? code : -1;
        m_killed = m_killRequested && status == QProcess::CrashExit;
        m_finished = true;
    });
    QObject::connect(p, &QProcess::errorOccurred, p, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            m_lines.append(u"FAILED-TO-START"_s);
            m_finished = true;
        }
    });
    m_clock.start();
    p->start(syncDriverBinary(), m_args);
}

bool DriverRun::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void DriverRun::doKill()
{
    if (!running() || m_finished)
        return;
    m_killRequested = true;
    m_process->kill();
}

void DriverRun::killAfter(int delayMs)
{
    QTimer::singleShot(qMax(0, delayMs), m_process.get(), [this] { doKill(); });
}

void DriverRun::killOnLine(const QString &prefix, int nth, int delayMs)
{
    m_killPrefix = prefix;
    m_killNth = nth;
    m_killDelay = delayMs;
}

void DriverRun::readLines()
{
    if (!m_process)
        return;
    m_partial += m_process->readAll();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(nl)).trimmed();
        m_partial.remove(0, nl + 1);
        m_lines.append(line);
        m_lineMs.append(m_clock.elapsed());
        if (line.startsWith(u"PHASE "_s))
            m_phase = line.mid(6);
        if (!m_killPrefix.isEmpty() && line.startsWith(m_killPrefix) && ++m_seen == m_killNth) {
            if (m_killDelay <= 0)
                doKill();
            else
                QTimer::singleShot(m_killDelay, m_process.get(), [this] { doKill(); });
        }
        if (m_onLine)
            m_onLine(line);
    }
}

bool DriverRun::wait(int timeoutMs)
{
    if (QTest::qWaitFor([this] { return m_finished; }, timeoutMs))
        return true;
    if (running()) {
        m_process->kill();
        (void)QTest::qWaitFor([this] { return m_finished; }, 5000);
    }
    return false;
}

bool DriverRun::converged() const
{
    return m_finished && !m_killed && m_exitCode == 0 && hasLine(u"DONE "_s);
}

bool DriverRun::hasLine(const QString &prefix) const
{
    return countLines(prefix) > 0;
}

int DriverRun::countLines(const QString &prefix) const
{
    int n = 0;
    for (const QString &l : m_lines)
        n += l.startsWith(prefix) ? 1 : 0;
    return n;
}

QString DriverRun::lastLine(const QString &prefix) const
{
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        if (m_lines.at(i).startsWith(prefix))
            return m_lines.at(i);
    }
    return {};
}

qint64 DriverRun::msAt(const QString &prefix) const
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).startsWith(prefix))
            return m_lineMs.at(i);
    }
    return -1;
}

QList<SavedOp> DriverRun::savedOps() const
{
    QList<SavedOp> out;
    for (const QString &l : m_lines) {
        if (!l.startsWith(u"SAVED "_s))
            continue;
        SavedOp op;
        op.index = l.section(u' ', 1, 1).toInt();
        op.opId = l.section(u' ', 2, 2);
        op.recordId = l.section(u' ', 3, 3);
        op.isDelete = l.section(u' ', 4, 4) == u"delete"_s;
        op.fields = parseObject(l.section(u' ', 5));
        out.append(op);
    }
    return out;
}

QList<int> DriverRun::unconfirmedSaves() const
{
    QSet<int> saved;
    QList<int> saving;
    for (const QString &l : m_lines) {
        if (l.startsWith(u"SAVED "_s))
            saved.insert(l.section(u' ', 1, 1).toInt());
        else if (l.startsWith(u"SAVING "_s))
            saving.append(l.section(u' ', 1, 1).toInt());
    }
    QList<int> out;
    for (int i : saving) {
        if (!saved.contains(i))
            out.append(i);
    }
    return out;
}

QString DriverRun::recordOfSaving(int index) const
{
    const QString prefix = u"SAVING %1 "_s.arg(index);
    return lastLine(prefix).section(u' ', 2, 2);
}

QString DriverRun::describe() const
{
    return u"exit %1%2, last lines:\n  %3"_s.arg(m_exitCode)
        .arg(m_killed ? u" (killed)"_s : QString())
        .arg(m_lines.mid(qMax<qsizetype>(0, m_lines.size() - 12)).join(u"\n  "_s));
}

// --- Server state
// ----------------------------------------------------------------------------------------------

QHash<QString, ServerRecord> serverRecords(Store &store, const QString &orgPathPrefix)
{
    QHash<QString, ServerRecord> out;
    SqlQuery q(store,
               u"SELECT id, type, org_unit_id, org_path, department_id, version, seq, deleted, updated_by, "
               u"data FROM records WHERE org_path LIKE ?"_s);
    q.bindText(orgPathPrefix + u'%').exec();
    while (q.next()) {
        ServerRecord r;
        r.id = q.text(0);
        r.type = q.text(1);
        r.orgUnitId = q.text(2);
        r.orgPath = q.text(3);
        r.departmentId = q.text(4);
        r.version = q.int64(5);
        r.seq = q.int64(6);
        r.deleted = q.flag(7);
        r.updatedBy = q.text(8);
        r.fields = parseObject(q.text(9));
        out.insert(r.id, r);
    }
    return out;
}

QString orgPathOf(Store &store, const QString &orgUnitId)
{
    SqlQuery q(store, u"SELECT path FROM org_units WHERE id = ?"_s);
    q.bindText(orgUnitId).exec();
    return q.next() ? q.text(0) : QString();
}

QList<HistoryRow> recordHistory(Store &store)
{
    QList<HistoryRow> out;
    SqlQuery q(store, u"SELECT record_id, version, op_id, updated_by, deleted, data FROM record_history "
                      u"ORDER BY record_id, version"_s);
    q.exec();
    while (q.next())
        out.append({q.text(0), q.int64(1), q.text(2), q.text(3), q.flag(4), parseObject(q.text(5))});
    return out;
}

QHash<QString, QString> appliedOps(Store &store)
{
    QHash<QString, QString> out;
    SqlQuery q(store, u"SELECT op_id, result FROM applied_ops"_s);
    q.exec();
    while (q.next())
        out.insert(q.text(0), parseObject(q.text(1)).value(u"status"_s).toString());
    return out;
}

QString compareCacheWithServer(const QString &cachePath, Store &store, const QString &scopePath)
{
    QStringList problems;
    auto note = [&](const QString &p) {
        if (problems.size() < 12)
            problems.append(p);
    };
    app::LocalCache cache(cachePath);
    QString error;
    if (!cache.open(&error))
        return u"cache %1 does not open: %2"_s.arg(cachePath, error);
    if (cache.pendingCount() != 0)
        note(u"%1 operations still pending"_s.arg(cache.pendingCount()));
    if (cache.rejectedCount() != 0 || cache.conflictCount() != 0)
        note(u"%1 rejected, %2 in conflict"_s.arg(cache.rejectedCount()).arg(cache.conflictCount()));
    const QHash<QString, ServerRecord> server = serverRecords(store, scopePath);
    const QList<app::CachedRecord> local = cache.records(u"department-contact"_s);
    QSet<QString> seen;
    for (const app::CachedRecord &c : local) {
        const QString &id = c.record.id;
        if (seen.contains(id))
            note(u"record %1 twice in the cache"_s.arg(id));
        seen.insert(id);
        const auto it = server.constFind(id);
        if (it == server.constEnd()) {
            note(u"record %1 (version %2) in the cache but not on the server in scope %3"_s.arg(id)
                     .arg(c.record.version)
                     .arg(scopePath));
            continue;
        }
        const ServerRecord &s = *it;
        if (c.record.version != s.version)
            note(u"record %1: cache version %2, server %3"_s.arg(id).arg(c.record.version).arg(s.version));
        if (c.record.deleted != s.deleted)
            note(u"record %1: cache deleted=%2, server %3"_s.arg(id).arg(c.record.deleted).arg(s.deleted));
        if (c.record.fields != s.fields || c.serverFields != s.fields)
            note(u"record %1: cache fields %2 / server state %3, server %4"_s.arg(
                id, compact(c.record.fields), compact(c.serverFields), compact(s.fields)));
        if (c.record.orgUnitId != s.orgUnitId || c.record.departmentId != s.departmentId ||
            c.record.type != s.type)
            note(u"record %1: placement differs"_s.arg(id));
        if (c.state != app::RecordState::Synced)
            note(u"record %1: state %2"_s.arg(id, app::recordStateName(c.state)));
    }
    for (auto it = server.constBegin(); it != server.constEnd(); ++it) {
        if (!seen.contains(it.key()))
            note(u"record %1 (version %2) on the server but not in the cache"_s.arg(it.key()).arg(
                it->version));
    }
    if (cache.recordCount(true) != server.size())
        note(u"cache holds %1 records, server scope %2"_s.arg(cache.recordCount(true)).arg(server.size()));
    return problems.join(u"; "_s);
}

QString checkHistoryInvariants(Store &store)
{
    QStringList problems;
    auto note = [&](const QString &p) {
        if (problems.size() < 12)
            problems.append(p);
    };
    const QHash<QString, ServerRecord> records = serverRecords(store);
    const QList<HistoryRow> rows = recordHistory(store);
    QMap<QString, QList<HistoryRow>> byRecord;
    QHash<QString, int> opCount;
    for (const HistoryRow &h : rows) {
        byRecord[h.recordId].append(h);
        if (!h.opId.isEmpty() && ++opCount[h.opId] == 2)
            note(u"operation %1 applied more than once (record %2)"_s.arg(h.opId, h.recordId));
    }
    for (auto it = records.constBegin(); it != records.constEnd(); ++it) {
        const QList<HistoryRow> versions = byRecord.value(it.key());
        if (versions.size() != it->version) {
            note(u"record %1 is at version %2 with %3 history rows"_s.arg(it.key())
                     .arg(it->version)
                     .arg(versions.size()));
            continue;
        }
        for (qsizetype i = 0; i < versions.size(); ++i) {
            if (versions.at(i).version != i + 1)
                note(u"record %1: history versions not 1..%2"_s.arg(it.key()).arg(it->version));
        }
        if (!versions.isEmpty() &&
            (versions.last().data != it->fields || versions.last().deleted != it->deleted))
            note(u"record %1: last history row differs from the record"_s.arg(it.key()));
    }
    for (auto it = byRecord.constBegin(); it != byRecord.constEnd(); ++it) {
        if (!records.contains(it.key()))
            note(u"history of record %1 which does not exist"_s.arg(it.key()));
    }
    return problems.join(u"; "_s);
}

} // namespace sunshine::test
