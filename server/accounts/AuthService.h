#pragma once

#include "common/core/Clock.h"
#include "common/wire/UserInfo.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserRepository.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QHash>
#include <QReadWriteLock>

namespace sunshine {

// Logins, sessions, lockout and password changes. Sessions live in the database (the server keeps no state),
// tokens are random and stored only as their SHA-256.
class AuthService
{
public:
    struct Settings
    {
        qint64 sessionTtlMs = 8LL * 3600 * 1000;
        int maxFailedLogins = 5;
        qint64 lockoutMs = 15LL * 60 * 1000;
        // How long a resolved session is reused without asking the database (0: never). Logout, password
        // changes and account administration in this process drop the cache at once; a change made through
        // another server process on the same database takes effect within this time.
        qint64 sessionCacheMs = 2000;
    };

    AuthService(Store &store, AuditLog &audit, const Clock &clock, const PasswordHasher &hasher,
                Settings settings);

    LoginResult login(const QString &username, const QString &password, const QString &address);
    void logout(const AuthSession &session, const QString &address);
    // Resolves "Authorization: Bearer TOKEN"; throws UNAUTHENTICATED or SESSION_EXPIRED.
    AuthSession authenticate(const QByteArray &authorizationHeader);
    void changePassword(const AuthSession &session, const QString &current, const QString &next,
                        const QString &address);
    UserInfo currentUser(const AuthSession &session);

    // Drops every cached session (after a change to accounts or sessions).
    void forgetSessions();

    static QByteArray tokenHash(const QByteArray &token);
    const Settings &settings() const { return m_settings; }

private:
    Store &m_store;
    AuditLog &m_audit;
    const Clock &m_clock;
    const PasswordHasher &m_hasher;
    Settings m_settings;
    UserRepository m_users;

    AuthSession lookupSession(const QByteArray &hash);
    struct CachedSession
    {
        AuthSession session;
        qint64 cachedAtMs = 0; // steady clock
    };
    QReadWriteLock m_cacheLock;
    QHash<QByteArray, CachedSession> m_cache;
    quint64 m_cacheGeneration = 0; // bumped by forgetSessions(), under the lock
};

// Chinese "until when" text for a lock, in China time: "2026-11-24 15:30".
QString chinaTimeText(qint64 utcMs);

} // namespace sunshine
