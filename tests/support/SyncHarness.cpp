#include "tests/support/SyncHarness.h"

#include <QTcpServer>

#include "common/sync/DepartmentContact.h"
#include "common/sync/Masking.h"
#include "common/sync/RecordType.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserAdminService.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"

#include <QJsonDocument>
#include <QMap>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

namespace {

class TestNoteType final : public sync::RecordType
{
public:
    TestNoteType()
        : RecordType(QString::fromUtf16(kTestNoteType), u"测试记录"_s)
    {}
    QList<sync::FieldSpec> fields() const override
    {
        return {sync::FieldSpec(u"title"_s, sync::FieldKind::Text).max(60).require(),
                sync::FieldSpec(u"amountFen"_s, sync::FieldKind::Integer),
                sync::FieldSpec(u"note"_s, sync::FieldKind::Text).max(200)};
    }
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &p) const override
    {
        if (!actor.hasRole(Role::Clerk) || !actor.coversOrgPath(p.orgPath))
            return u"只有本辖区录入员可以录入"_s;
        return std::nullopt;
    }
};

QJsonObject parseObject(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

void registerTestNoteType()
{
    static QMutex mutex;
    static bool done = false;
    QMutexLocker lock(&mutex);
    if (done)
        return;
    sync::RecordTypes::add(std::make_unique<TestNoteType>());
    done = true;
}

QString addUser(ServerFixture &fixture, const QString &username, Role role, const QString &orgUnitId,
                const QString &departmentId)
{
    Store &store = fixture.store();
    const QByteArray hash =
        PasswordHasher(PasswordHasher::minimum()).hash(QString::fromUtf16(DemoData::kPassword));
    UserAdminService::NewUser u;
    u.username = username;
    u.displayName = u"测试用户 "_s + username;
    u.roles = RoleSet{role};
    u.orgUnitId = orgUnitId;
    u.departmentId = departmentId;
    const QString id = u"test-"_s + username;
    Transaction tx(store);
    UserAdminService::insertUser(store, id, u, hash, fixture.clock().nowMs(), {}, false);
    tx.commit();
    return id;
}

QString orgPathOf(Store &store, const QString &orgUnitId)
{
    SqlQuery q(store, u"SELECT path FROM org_units WHERE id = ?"_s);
    q.bindText(orgUnitId).exec();
    return q.next() ? q.text(0) : QString();
}

QHash<QString, ServerRow> serverRecords(Store &store, const QString &pathPrefix)
{
    QHash<QString, ServerRow> out;
    SqlQuery q(store, u"SELECT id, type, org_unit_id, department_id, version, deleted, updated_by, data "
                      u"FROM records WHERE org_path LIKE ?"_s);
    q.bindText(pathPrefix + u'%').exec();
    while (q.next()) {
        ServerRow r;
        r.id = q.text(0);
        r.type = q.text(1);
        r.orgUnitId = q.text(2);
        r.departmentId = q.text(3);
        r.version = q.int64(4);
        r.deleted = q.flag(5);
        r.updatedBy = q.text(6);
        r.fields = parseObject(q.text(7));
        out.insert(r.id, r);
    }
    return out;
}

qint64 scalar(Store &store, const QString &sql, const QVariantList &binds)
{
    SqlQuery q(store, sql);
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

QString convergenceProblems(const app::LocalCache &cache, Store &store, const QString &scopePath,
                            const QSet<QString> &expectRejected, const RoleSet &roles)
{
    QStringList problems;
    auto note = [&](const QString &p) {
        if (problems.size() < 25)
            problems.append(p);
    };
    if (scopePath.isEmpty())
        return u"no scope path"_s;
    QHash<QString, ServerRow> server = serverRecords(store, scopePath);
    if (!roles.isEmpty()) {
        const sync::Reader reader{roles, sync::orgLevelOfPath(scopePath), false};
        for (ServerRow &r : server) {
            if (const sync::RecordType *type = sync::RecordTypes::find(r.type))
                sync::discloseFields(*type, r.fields, reader);
        }
    }

    struct Local
    {
        qint64 version;
        bool deleted;
        bool localDeleted;
        QJsonObject serverData;
        QJsonObject data;
        int state;
        int pendingOps;
    };
    QMap<QString, Local> local;
    QSqlQuery q(cache.database());
    if (!q.exec(u"SELECT id, version, deleted, local_deleted, server_data, data, state, pending_ops "
                u"FROM records"_s))
        return u"cannot read the cache"_s;
    while (q.next()) {
        local.insert(q.value(0).toString(),
                     {q.value(1).toLongLong(), q.value(2).toInt() != 0, q.value(3).toInt() != 0,
                      parseObject(q.value(4).toString()), parseObject(q.value(5).toString()),
                      q.value(6).toInt(), q.value(7).toInt()});
    }
    QHash<QString, int> outboxByRecord;
    QSqlQuery ob(cache.database());
    if (!ob.exec(u"SELECT record_id, state FROM outbox"_s))
        return u"cannot read the outbox"_s;
    while (ob.next()) {
        const QString id = ob.value(0).toString();
        outboxByRecord[id] += 1;
        if (!expectRejected.contains(id))
            note(u"record %1: operation left in the outbox (state %2)"_s.arg(id).arg(ob.value(1).toInt()));
        else if (ob.value(1).toInt() != 2)
            note(u"record %1: outbox operation in state %2, expected rejected"_s.arg(id).arg(
                ob.value(1).toInt()));
    }

    qint64 comparable = 0;
    for (auto it = local.constBegin(); it != local.constEnd(); ++it) {
        const QString &id = it.key();
        const Local &l = it.value();
        const auto s = server.constFind(id);
        if (expectRejected.contains(id)) {
            if (l.state != int(app::RecordState::Rejected))
                note(u"record %1: state %2, expected rejected"_s.arg(id).arg(l.state));
            if (!outboxByRecord.contains(id))
                note(u"record %1: expected a rejected change in the outbox"_s.arg(id));
            if (s == server.constEnd()) {
                if (l.version != 0)
                    note(u"record %1: local only but has version %2"_s.arg(id).arg(l.version));
                continue;
            }
            ++comparable;
            if (l.version != s->version)
                note(u"record %1 (rejected): version %2, server %3"_s.arg(id).arg(l.version).arg(s->version));
            if (l.serverData != s->fields)
                note(u"record %1 (rejected): confirmed %2, server %3"_s.arg(id, compact(l.serverData),
                                                                            compact(s->fields)));
            if (l.deleted != s->deleted)
                note(u"record %1 (rejected): deleted %2, server %3"_s.arg(id).arg(l.deleted).arg(s->deleted));
            continue;
        }
        if (s == server.constEnd()) {
            note(u"record %1: in the cache (version %2, state %3, %4) but not on the server in %5"_s.arg(id)
                     .arg(l.version)
                     .arg(l.state)
                     .arg(compact(l.data), scopePath));
            continue;
        }
        ++comparable;
        if (l.version != s->version)
            note(u"record %1: version %2, server %3"_s.arg(id).arg(l.version).arg(s->version));
        if (l.serverData != s->fields)
            note(u"record %1: confirmed fields %2, server %3"_s.arg(id, compact(l.serverData),
                                                                    compact(s->fields)));
        if (l.data != s->fields)
            note(u"record %1: shown fields %2, server %3"_s.arg(id, compact(l.data), compact(s->fields)));
        if (l.deleted != s->deleted || l.localDeleted != s->deleted)
            note(u"record %1: deleted %2/%3, server %4"_s.arg(id)
                     .arg(l.deleted)
                     .arg(l.localDeleted)
                     .arg(s->deleted));
        if (l.state != int(app::RecordState::Synced))
            note(u"record %1: state %2, expected synced"_s.arg(id).arg(l.state));
        if (l.pendingOps != 0)
            note(u"record %1: %2 pending operations"_s.arg(id).arg(l.pendingOps));
    }
    for (auto it = server.constBegin(); it != server.constEnd(); ++it) {
        if (!local.contains(it.key()))
            note(u"record %1 (%2, version %3): on the server but missing in the cache"_s
                     .arg(it.key(), it->type)
                     .arg(it->version));
    }
    if (comparable != server.size())
        note(u"counts differ: %1 comparable records in the cache, %2 on the server"_s.arg(comparable)
                 .arg(server.size()));
    if (cache.pendingCount() != 0)
        note(u"pendingCount() %1"_s.arg(cache.pendingCount()));
    if (cache.conflictCount() != 0)
        note(u"conflictCount() %1"_s.arg(cache.conflictCount()));
    QSet<QString> rejectedWithOps;
    for (const QString &id : expectRejected) {
        if (outboxByRecord.contains(id))
            rejectedWithOps.insert(id);
    }
    if (cache.rejectedCount() != rejectedWithOps.size())
        note(u"rejectedCount() %1, expected %2"_s.arg(cache.rejectedCount()).arg(rejectedWithOps.size()));
    return problems.join(u"\n"_s);
}

QString historyProblems(Store &store)
{
    QStringList problems;
    auto note = [&](const QString &p) {
        if (problems.size() < 25)
            problems.append(p);
    };
    struct Row
    {
        qint64 version;
        bool deleted;
        QJsonObject data;
    };
    QHash<QString, QList<Row>> history;
    {
        SqlQuery q(store, u"SELECT record_id, version, deleted, data FROM record_history ORDER BY record_id, "
                          u"version"_s);
        q.exec();
        while (q.next())
            history[q.text(0)].append({q.int64(1), q.flag(2), parseObject(q.text(3))});
    }
    const QHash<QString, ServerRow> records = serverRecords(store);
    for (auto it = records.constBegin(); it != records.constEnd(); ++it) {
        const QList<Row> rows = history.value(it.key());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).version != i + 1) {
                note(u"record %1: history version %2 at position %3"_s.arg(it.key())
                         .arg(rows.at(i).version)
                         .arg(i + 1));
                break;
            }
        }
        if (rows.size() != it->version)
            note(u"record %1: version %2 but %3 history rows"_s.arg(it.key())
                     .arg(it->version)
                     .arg(rows.size()));
        else if (!rows.isEmpty() && (rows.last().data != it->fields || rows.last().deleted != it->deleted))
            note(u"record %1: last history row differs from the record"_s.arg(it.key()));
    }
    for (auto it = history.constBegin(); it != history.constEnd(); ++it) {
        if (!records.contains(it.key()))
            note(u"history of %1 without its record"_s.arg(it.key()));
    }
    {
        SqlQuery q(store,
                   u"SELECT op_id, COUNT(*) FROM record_history WHERE op_id IS NOT NULL GROUP BY op_id "
                   u"HAVING COUNT(*) > 1"_s);
        q.exec();
        while (q.next())
            note(u"operation %1 applied %2 times"_s.arg(q.text(0)).arg(q.int64(1)));
    }
    {
        // Every change in the history is remembered as applied, so a retry cannot apply it again.
        SqlQuery q(store,
                   u"SELECT h.op_id FROM record_history h LEFT JOIN applied_ops a ON a.op_id = h.op_id "
                   u"WHERE h.op_id IS NOT NULL AND a.op_id IS NULL"_s);
        q.exec();
        while (q.next())
            note(u"operation %1 in the history but not remembered"_s.arg(q.text(0)));
    }
    return problems.join(u"\n"_s);
}

// --- SyncClient
// --------------------------------------------------------------------------------------------------

app::SyncEngine::Options SyncClient::quietOptions()
{
    app::SyncEngine::Options o;
    o.intervalMs = 24 * 3600 * 1000;
    o.firstRetryMs = 24 * 3600 * 1000;
    o.maxRetryMs = 24 * 3600 * 1000;
    return o;
}

SyncClient::SyncClient(ServerFixture &fixture, QString username, QString cachePath,
                       app::SyncEngine::Options options)
    : m_fixture(fixture)
    , m_username(std::move(username))
    , m_cachePath(std::move(cachePath))
    , m_options(options)
    , m_api(std::make_unique<app::ApiClient>())
{
    m_api->setServerUrl(fixture.baseUrl());
    m_api->setExtraCaCertificates({fixture.caCertificate()});
}

SyncClient::~SyncClient()
{
    closeCache();
}

bool SyncClient::start(QString *error)
{
    HttpsClient http(m_fixture);
    const QString token = http.login(m_username, QString::fromUtf16(DemoData::kPassword));
    if (token.isEmpty()) {
        *error =
            u"sign-in of %1 failed: %2"_s.arg(m_username, QString::fromUtf8(http.lastLogin().describe()));
        return false;
    }
    m_user = LoginResult::fromJson(http.lastLogin().json).user;
    m_scopePath = orgPathOf(m_fixture.store(), m_user.orgUnitId);
    m_api->setToken(token);
    return openCache(error);
}

void SyncClient::closeCache()
{
    m_engine.reset();
    m_cache.reset();
}

bool SyncClient::openCache(QString *error)
{
    closeCache();
    m_cache = std::make_unique<app::LocalCache>(m_cachePath);
    if (!m_cache->open(error))
        return false;
    m_engine = std::make_unique<app::SyncEngine>(*m_api, *m_cache, m_fixture.clock(), m_options);
    return true;
}

SyncClient::Round SyncClient::sync(int timeoutMs)
{
    Round r;
    QSignalSpy spy(m_engine.get(), &app::SyncEngine::finished);
    m_engine->syncNow();
    if (spy.isEmpty())
        spy.wait(timeoutMs);
    r.finishedSignals = int(spy.size());
    if (!spy.isEmpty()) {
        r.ended = true;
        r.ok = spy.first().at(0).toBool();
        r.message = spy.first().at(1).toString();
    }
    return r;
}

QString SyncClient::save(const QString &type, const QString &recordId, const QString &orgUnitId,
                         const QString &departmentId, const QJsonObject &changed, QString *error,
                         sync::OpKind kind)
{
    app::LocalCache::Change c;
    c.type = type;
    c.recordId = recordId;
    c.orgUnitId = orgUnitId;
    c.departmentId = departmentId;
    c.kind = kind;
    c.changedFields = changed;
    return m_cache->save(c, m_fixture.clock().nowMs(), error);
}

QString SyncClient::contactId(const QString &role) const
{
    return sync::DepartmentContactType::recordIdFor(m_user.departmentId, role);
}

QString SyncClient::saveContact(const QString &role, const QJsonObject &changed, QString *error)
{
    QJsonObject fields = changed;
    const std::optional<app::CachedRecord> existing = m_cache->record(contactId(role));
    if (!existing)
        fields.insert(u"contactRole"_s, role);
    return save(QString::fromUtf16(sync::DepartmentContactType::kName), contactId(role), m_user.orgUnitId,
                m_user.departmentId, fields, error);
}

QString SyncClient::saveNote(QString *recordId, const QJsonObject &changed, QString *error)
{
    if (recordId->isEmpty())
        *recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return save(QString::fromUtf16(kTestNoteType), *recordId, m_user.orgUnitId, {}, changed, error);
}

QString SyncClient::removeRecord(const QString &recordId, QString *error)
{
    const std::optional<app::CachedRecord> existing = m_cache->record(recordId);
    if (!existing) {
        *error = u"no record %1 in the cache"_s.arg(recordId);
        return {};
    }
    return save(existing->record.type, recordId, existing->record.orgUnitId, existing->record.departmentId,
                {}, error, sync::OpKind::Delete);
}

QString SyncClient::problems(const QSet<QString> &expectRejected)
{
    return convergenceProblems(*m_cache, m_fixture.store(), m_scopePath, expectRejected, m_user.roles);
}

QUrl closedPortUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port);
    return url;
}

} // namespace sunshine::test
