#pragma once

// In-process sync tests: a client (the real ApiClient, LocalCache and SyncEngine) driven against a
// ServerFixture, a plain test record type for volume, extra users, and the convergence check of a client's
// cache against the server's records of the user's scope.

#include "app/net/ApiClient.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"
#include "common/auth/Role.h"
#include "common/wire/UserInfo.h"
#include "server/store/Store.h"
#include "tests/support/ServerFixture.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTest>
#include <memory>

namespace sunshine::test {

// "test-note": any clerk of the area may write it (title required, amountFen, note). Registered once per
// process; the in-process server sees the same registry.
inline constexpr const char16_t *kTestNoteType = u"test-note";
void registerTestNoteType();

// Adds an account (password Demo@2026) straight into the store; returns its id.
QString addUser(ServerFixture &fixture, const QString &username, Role role, const QString &orgUnitId,
                const QString &departmentId);

QString orgPathOf(Store &store, const QString &orgUnitId);

// A synced record as the server stores it.
struct ServerRow
{
    QString id;
    QString type;
    QString orgUnitId;
    QString departmentId;
    qint64 version = 0;
    bool deleted = false;
    QString updatedBy;
    QJsonObject fields;
};
// The server's records whose org path starts with `pathPrefix` ("" for all).
QHash<QString, ServerRow> serverRecords(Store &store, const QString &pathPrefix = {});
qint64 scalar(Store &store, const QString &sql, const QVariantList &binds = {});

// What differs between a client's cache and the server's records of `scopePath`: the same ids (no more, no
// fewer), and per record the same version, fields (the local view and the confirmed server state), deleted
// flag, state synced and nothing in the outbox. Records in `expectRejected` must instead be in the rejected
// state with their confirmed part equal to the server's (or, when the server never had them, be local only).
// The server's records are compared as `roles` receive them (need-to-know: masked, summarised); no roles: in
// full. Empty when converged.
QString convergenceProblems(const app::LocalCache &cache, Store &store, const QString &scopePath,
                            const QSet<QString> &expectRejected = {}, const RoleSet &roles = {});

// Invariants of the server's history: per record the versions 1..version each exactly once, the last one
// equal to the record; no operation applied twice (op ids unique in the history and in applied_ops). Empty
// when they hold.
QString historyProblems(Store &store);

// One signed-in user on one PC: the program's ApiClient, LocalCache and SyncEngine.
class SyncClient
{
public:
    // Short retry pauses would make rounds start by themselves; tests start rounds themselves.
    static app::SyncEngine::Options quietOptions();

    SyncClient(ServerFixture &fixture, QString username, QString cachePath,
               app::SyncEngine::Options options = quietOptions());
    ~SyncClient();
    SyncClient(const SyncClient &) = delete;
    SyncClient &operator=(const SyncClient &) = delete;

    // Signs in over HTTPS (a token for the ApiClient) and opens the cache and the engine.
    bool start(QString *error);
    // Closes the engine and the cache file (as when the program ends), and opens them again.
    void closeCache();
    bool openCache(QString *error);

    app::ApiClient &api() { return *m_api; }
    app::LocalCache &cache() { return *m_cache; }
    app::SyncEngine &engine() { return *m_engine; }
    const UserInfo &user() const { return m_user; }
    QString username() const { return m_username; }
    QString scopePath() const { return m_scopePath; }
    QString cachePath() const { return m_cachePath; }
    void setOptions(const app::SyncEngine::Options &options) { m_options = options; }

    struct Round
    {
        bool ended = false; // finished() came
        bool ok = false;
        QString message;
        int finishedSignals = 0;
    };
    // One syncNow() to its finished() signal.
    Round sync(int timeoutMs = 60000);

    // Saves a change in the cache as the program does; the operation id, or empty (error says why).
    QString save(const QString &type, const QString &recordId, const QString &orgUnitId,
                 const QString &departmentId, const QJsonObject &changed, QString *error,
                 sync::OpKind kind = sync::OpKind::Upsert);
    // The user's department's contact ("leader" / "liaison").
    QString saveContact(const QString &role, const QJsonObject &changed, QString *error);
    QString contactId(const QString &role) const;
    // A test note in the user's own org unit; an empty id makes a new record (its id in *recordId).
    QString saveNote(QString *recordId, const QJsonObject &changed, QString *error);
    QString removeRecord(const QString &recordId, QString *error);

    QString problems(const QSet<QString> &expectRejected = {});

private:
    ServerFixture &m_fixture;
    QString m_username;
    QString m_cachePath;
    app::SyncEngine::Options m_options;
    std::unique_ptr<app::ApiClient> m_api;
    std::unique_ptr<app::LocalCache> m_cache;
    std::unique_ptr<app::SyncEngine> m_engine;
    UserInfo m_user;
    QString m_scopePath;
};

// An https:// address on 127.0.0.1 where nothing listens (the server "unreachable").
QUrl closedPortUrl();

} // namespace sunshine::test

// In a test class with m_fixture and cacheFile(username): a started SyncClient named `var`.
#define START_CLIENT(var, username, ...)                                                                     \
    auto var = std::make_unique<SyncClient>(*m_fixture, username, cacheFile(username), ##__VA_ARGS__);       \
    do {                                                                                                     \
        QString e_;                                                                                          \
        QVERIFY2(var->start(&e_), qPrintable(e_));                                                           \
    } while (false)

// For test functions: a round that must succeed, a client that must have converged, a save that must work
// (the expression may use `error`, a QString *).
#define SYNC_OK(client)                                                                                      \
    do {                                                                                                     \
        const ::sunshine::test::SyncClient::Round r_ = (client).sync();                                      \
        QVERIFY2(r_.ended, "the sync round did not end");                                                    \
        QVERIFY2(r_.ok, qPrintable(u"sync of %1 failed: %2"_s.arg((client).username(), r_.message)));        \
    } while (false)

#define CONVERGED(client, ...)                                                                               \
    do {                                                                                                     \
        const QString p_ = (client).problems(__VA_ARGS__);                                                   \
        QVERIFY2(p_.isEmpty(), qPrintable(u"%1 has not converged:\n%2"_s.arg((client).username(), p_)));     \
    } while (false)

#define SAVED(expr)                                                                                          \
    do {                                                                                                     \
        QString e_;                                                                                          \
        QString *error = &e_;                                                                                \
        const QString op_ = (expr);                                                                          \
        QVERIFY2(!op_.isEmpty(), qPrintable(u"save failed: "_s + e_));                                       \
    } while (false)
