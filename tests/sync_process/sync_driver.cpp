// A headless clerk's program for process-level sync tests: the real LocalCache and SyncEngine of the client
// library, driven from the command line. It opens a cache file, signs in (or takes a token), optionally
// enters department-contact changes (deterministic from a seed), then syncs until the outbox is empty and a
// pull is complete. Every step is one line on stdout, flushed at once, so a test can follow (and kill) it:
//
//   OPENED pending=N records=N cursor=C
//   SIGNED-IN userId departmentId orgUnitId / TOKEN t
//   SAVING i recordId upsert|delete          (before the local transaction)
//   SAVED i opId recordId upsert|delete {changedFields}   (after it committed)
//   SAVES-DONE n
//   PHASE pushing|pulling|idle
//   PUSHED done remaining / PULLED done more
//   ROUND ok|fail message
//   CONFLICT recordId / RESOLVED recordId opId
//   DONE pending=0 records=N cursor=C
//
// Exit codes: 0 converged, 2 usage, 3 cache or sign-in failure, 4 session expired, 5 rejected operations,
// 6 time limit, 7 conflicts (without --resolve-conflicts).
#include "app/net/ApiClient.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"
#include "common/core/Clock.h"
#include "common/sync/DepartmentContact.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimer>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// Ends the program with `code` when control is back in the event loop; the first call decides the code.
bool g_ending = false;
void quit(int code, const QString &line)
{
    say(line);
    if (g_ending)
        return;
    g_ending = true;
    QCoreApplication::exit(code);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString phaseName(SyncEngine::Phase phase)
{
    switch (phase) {
    case SyncEngine::Phase::Idle:
        return u"idle"_s;
    case SyncEngine::Phase::Pushing:
        return u"pushing"_s;
    case SyncEngine::Phase::Pulling:
        return u"pulling"_s;
    }
    return {};
}

// The fields of one change. Full: every field (a fresh, unique name, so the change always changes something).
// Partial: a random non-empty subset of the editable fields (a new record always gets them all).
QJsonObject changeFields(QRandomGenerator &rng, const QString &role, quint32 seed, int index, bool full)
{
    const QString name = u"S%1C%2"_s.arg(seed).arg(index);
    const QString post = u"post-%1"_s.arg(rng.bounded(1000));
    const QString mobile = u"13%1"_s.arg(rng.bounded(100000000, 999999999));
    const QString office = u"0513-8%1"_s.arg(rng.bounded(1000000, 9999999));
    const bool withPost = rng.bounded(3) != 0;
    const bool withOffice = rng.bounded(2) != 0;
    if (full) {
        return {{u"contactRole"_s, role},
                {u"name"_s, name},
                {u"post"_s, withPost ? QJsonValue(post) : QJsonValue(QJsonValue::Null)},
                {u"officePhone"_s, withOffice ? QJsonValue(office) : QJsonValue(QJsonValue::Null)},
                {u"mobile"_s, mobile}};
    }
    QJsonObject o;
    while (o.isEmpty()) {
        if (rng.bounded(2))
            o.insert(u"name"_s, name);
        if (rng.bounded(3) == 0)
            o.insert(u"post"_s, withPost ? QJsonValue(post) : QJsonValue(QJsonValue::Null));
        if (rng.bounded(3) == 0)
            o.insert(u"officePhone"_s, withOffice ? QJsonValue(office) : QJsonValue(QJsonValue::Null));
        if (rng.bounded(3) == 0)
            o.insert(u"mobile"_s, mobile);
    }
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(u"Sunshine+ sync test driver"_s);
    p.addHelpOption();
    p.addOptions({
        {u"server"_s, u"https://127.0.0.1:PORT"_s, u"URL"_s},
        {u"ca"_s, u"PEM file of the CA that signed the server's certificate"_s, u"FILE"_s},
        {u"cache"_s, u"Local cache file"_s, u"FILE"_s},
        {u"username"_s, u"Sign in as this user (with --password)"_s, u"NAME"_s},
        {u"password"_s, u"Password for --username"_s, u"PASSWORD"_s},
        {u"token"_s, u"Session token instead of signing in"_s, u"TOKEN"_s},
        {u"department"_s, u"Department of the contacts entered (default: the user's)"_s, u"ID"_s},
        {u"changes"_s, u"Department-contact changes to enter before syncing"_s, u"N"_s, u"0"_s},
        {u"seed"_s, u"Seed of the changes"_s, u"N"_s, u"1"_s},
        {u"partial"_s, u"Change random subsets of fields instead of every field"_s},
        {u"delete-percent"_s, u"Share of changes that delete the record"_s, u"P"_s, u"0"_s},
        {u"push-batch"_s, u"Operations per push"_s, u"N"_s, u"500"_s},
        {u"pull-limit"_s, u"Records per pull page"_s, u"N"_s, u"2000"_s},
        {u"retry-ms"_s, u"First pause after a network failure"_s, u"MS"_s, u"100"_s},
        {u"timeout-ms"_s, u"Give up after this long"_s, u"MS"_s, u"120000"_s},
        {u"resolve-conflicts"_s, u"Keep the clerk's own values when a conflict comes back"_s},
    });
    p.process(app);
    for (const char *required : {"server", "ca", "cache"}) {
        if (!p.isSet(QString::fromLatin1(required))) {
            say(u"USAGE missing --%1"_s.arg(QString::fromLatin1(required)));
            return 2;
        }
    }
    if (!p.isSet(u"token"_s) && !(p.isSet(u"username"_s) && p.isSet(u"password"_s))) {
        say(u"USAGE need --token or --username and --password"_s);
        return 2;
    }

    const int changes = p.value(u"changes"_s).toInt();
    const quint32 seed = p.value(u"seed"_s).toUInt();
    const bool partial = p.isSet(u"partial"_s);
    const int deletePercent = p.value(u"delete-percent"_s).toInt();
    const bool resolve = p.isSet(u"resolve-conflicts"_s);
    SyncEngine::Options options;
    options.pushBatch = qMax(1, p.value(u"push-batch"_s).toInt());
    options.pullLimit = qMax(1, p.value(u"pull-limit"_s).toInt());
    options.firstRetryMs = qMax(1, p.value(u"retry-ms"_s).toInt());
    options.maxRetryMs = options.firstRetryMs * 4;
    options.intervalMs = 24 * 3600 * 1000;

    LocalCache cache(p.value(u"cache"_s));
    QString error;
    if (!cache.open(&error)) {
        say(u"CACHE-ERROR "_s + error);
        return 3;
    }
    say(u"OPENED pending=%1 records=%2 cursor=%3"_s.arg(cache.pendingCount())
            .arg(cache.recordCount(true))
            .arg(cache.cursor()));

    ApiClient api;
    api.setServerUrl(QUrl(p.value(u"server"_s)));
    if (!api.setCaCertificateFile(p.value(u"ca"_s), &error)) {
        say(u"CA-ERROR "_s + error);
        return 3;
    }
    SystemClock clock;
    QString department = p.value(u"department"_s);

    QTimer::singleShot(p.value(u"timeout-ms"_s).toInt(), &app, [] { quit(6, u"TIMEOUT"_s); });

    // Enters the changes, then syncs until everything is through.
    SyncEngine engine(api, cache, clock, options);
    auto enterAndSync = [&] {
        if (changes > 0 && department.isEmpty())
            return quit(2, u"USAGE no department to enter contacts for"_s);
        const QString orgUnitId = department.section(u'-', 0, 0);
        QRandomGenerator rng(seed);
        for (int i = 0; i < changes; ++i) {
            const QString role = rng.bounded(2) ? u"leader"_s : u"liaison"_s;
            LocalCache::Change change;
            change.type = QString::fromUtf16(sync::DepartmentContactType::kName);
            change.recordId = sync::DepartmentContactType::recordIdFor(department, role);
            change.orgUnitId = orgUnitId;
            change.departmentId = department;
            const std::optional<CachedRecord> existing = cache.record(change.recordId);
            const bool known = existing && existing->record.version > 0;
            const bool remove = known && !existing->record.deleted && int(rng.bounded(100)) < deletePercent;
            change.kind = remove ? sync::OpKind::Delete : sync::OpKind::Upsert;
            if (!remove)
                change.changedFields = changeFields(rng, role, seed, i, !partial || !existing);
            const QString kind = remove ? u"delete"_s : u"upsert"_s;
            say(u"SAVING %1 %2 %3"_s.arg(i).arg(change.recordId, kind));
            const QString opId = cache.save(change, clock.nowMs(), &error);
            if (opId.isEmpty())
                return quit(3, u"SAVE-ERROR "_s + error);
            say(u"SAVED %1 %2 %3 %4 %5"_s.arg(i).arg(opId, change.recordId, kind,
                                                     compact(change.changedFields)));
        }
        say(u"SAVES-DONE %1"_s.arg(changes));
        engine.syncNow();
    };

    QObject::connect(&engine, &SyncEngine::phaseChanged, &app,
                     [](SyncEngine::Phase phase) { say(u"PHASE "_s + phaseName(phase)); });
    QObject::connect(
        &engine, &SyncEngine::progress, &app, [](SyncEngine::Phase phase, qint64 done, qint64 remaining) {
            say(u"%1 %2 %3"_s.arg(phase == SyncEngine::Phase::Pushing ? u"PUSHED"_s : u"PULLED"_s)
                    .arg(done)
                    .arg(remaining));
        });
    QObject::connect(&engine, &SyncEngine::sessionExpired, &app, [] { quit(4, u"SESSION-EXPIRED"_s); });
    QObject::connect(&engine, &SyncEngine::finished, &app, [&](bool ok, const QString &message) {
        say(u"ROUND %1 %2"_s.arg(ok ? u"ok"_s : u"fail"_s, message.simplified()));
        if (!ok)
            return; // the engine tries again by itself
        if (cache.rejectedCount() > 0) {
            const QList<CachedRecord> all =
                cache.records(QString::fromUtf16(sync::DepartmentContactType::kName));
            for (const CachedRecord &r : all) {
                if (r.state == RecordState::Rejected)
                    say(u"REJECTED %1 %2 %3 %4"_s.arg(r.record.id, r.stateCode, r.stateField,
                                                      r.stateMessage));
            }
            return quit(5, u"FAILED rejected=%1"_s.arg(cache.rejectedCount()));
        }
        if (cache.conflictCount() > 0) {
            const QList<CachedRecord> all =
                cache.records(QString::fromUtf16(sync::DepartmentContactType::kName));
            for (const CachedRecord &listed : all) {
                if (listed.state != RecordState::Conflict)
                    continue;
                say(u"CONFLICT %1 theirs=%2"_s.arg(listed.record.id)
                        .arg(listed.theirs ? listed.theirs->version : -1));
                {
                    QSqlQuery q(cache.database());
                    q.prepare(u"SELECT op_id, base_version FROM outbox WHERE record_id = ? AND state = 3"_s);
                    q.addBindValue(listed.record.id);
                    q.exec();
                    while (q.next())
                        say(u"CONFLICT-OP %1 base=%2"_s.arg(q.value(0).toString())
                                .arg(q.value(1).toLongLong()));
                }
                if (!resolve)
                    continue;
                const std::optional<CachedRecord> r = cache.record(listed.record.id);
                const QString opId =
                    r ? cache.resolveConflict(r->record.id, r->mine, clock.nowMs(), &error) : QString();
                if (opId.isEmpty())
                    return quit(3, u"RESOLVE-ERROR "_s + error);
                say(u"RESOLVED %1 %2"_s.arg(listed.record.id, opId));
            }
            if (!resolve)
                return quit(7, u"FAILED conflicts=%1"_s.arg(cache.conflictCount()));
            QTimer::singleShot(0, &engine, &SyncEngine::syncNow);
            return;
        }
        if (cache.pendingCount() > 0) {
            QTimer::singleShot(0, &engine, &SyncEngine::syncNow);
            return;
        }
        quit(0, u"DONE pending=0 records=%1 cursor=%2"_s.arg(cache.recordCount(true)).arg(cache.cursor()));
    });

    if (p.isSet(u"token"_s)) {
        api.setToken(p.value(u"token"_s));
        QTimer::singleShot(0, &app, enterAndSync);
    } else {
        // Signing in is retried like a sync round while the server cannot be reached.
        auto login = std::make_shared<std::function<void()>>();
        *login = [&, login] {
            api.post(
                u"/api/v1/auth/login"_s,
                QJsonObject{{u"username"_s, p.value(u"username"_s)}, {u"password"_s, p.value(u"password"_s)}},
                &app, [&, login](const ApiResult &r) {
                    if (r.unreachable()) {
                        say(u"LOGIN-RETRY "_s + r.message.simplified());
                        QTimer::singleShot(options.firstRetryMs, &app, *login);
                        return;
                    }
                    if (!r.ok())
                        return quit(3, u"LOGIN-ERROR %1 %2"_s.arg(r.errorCode, r.message.simplified()));
                    const QJsonObject user = r.json.value(u"user"_s).toObject();
                    api.setToken(r.json.value(u"token"_s).toString());
                    if (department.isEmpty())
                        department = user.value(u"departmentId"_s).toString();
                    say(u"SIGNED-IN %1 %2 %3"_s.arg(user.value(u"id"_s).toString(),
                                                    user.value(u"departmentId"_s).toString(),
                                                    user.value(u"orgUnitId"_s).toString()));
                    say(u"TOKEN "_s + api.token());
                    enterAndSync();
                });
        };
        QTimer::singleShot(0, &app, *login);
    }
    return QCoreApplication::exec();
}
