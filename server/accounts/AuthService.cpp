#include "server/accounts/AuthService.h"

#include "common/auth/PasswordPolicy.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>
#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

QString chinaTimeText(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + 8LL * 3600 * 1000, QTimeZone::utc())
        .toString(u"yyyy-MM-dd HH:mm"_s);
}

AuthService::AuthService(Store &store, AuditLog &audit, const Clock &clock, const PasswordHasher &hasher,
                         Settings settings)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
    , m_hasher(hasher)
    , m_settings(settings)
    , m_users(store)
{}

QByteArray AuthService::tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

LoginResult AuthService::login(const QString &usernameIn, const QString &password, const QString &address)
{
    const QString username = usernameIn.trimmed().toLower();
    const qint64 now = m_clock.nowMs();

    // Read, then hash outside any transaction (Argon2 takes a while), then write in one transaction.
    std::optional<UserRecord> user = m_users.byUsername(username);
    if (!user) {
        m_hasher.verify(m_hasher.dummyHash(), password);
        Transaction tx(m_store);
        m_audit.append({{},
                        username.left(64),
                        u"login.failed"_s,
                        u"user"_s,
                        {},
                        {{u"reason"_s, u"unknown-user"_s}},
                        address});
        tx.commit();
        throw ApiError(ErrorCode::InvalidCredentials);
    }
    const QString userId = user->info.id;
    if (user->info.lockedUntilMs > now) {
        const qint64 until = user->info.lockedUntilMs;
        Transaction tx(m_store);
        m_audit.append({userId, username, u"login.refused-locked"_s, u"user"_s, userId, {}, address});
        tx.commit();
        throw ApiError(ErrorCode::AccountLocked,
                       u"连续登录失败次数过多，账户已锁定至 %1（北京时间），请届时再试或联系管理员"_s.arg(
                           chinaTimeText(until)))
            .withDetail(u"lockedUntil"_s, isoUtc(until));
    }

    const bool ok = m_hasher.verify(user->passwordHash, password);

    Transaction tx(m_store);
    // Re-read the counter inside the transaction so concurrent failures are all counted.
    SqlQuery cur(m_store, u"SELECT failed_logins, locked_until FROM users WHERE id = ?"_s);
    cur.bindText(userId).exec();
    const int failed = cur.next() ? int(cur.int64(0)) : 0;
    if (!ok) {
        const int nowFailed = failed + 1;
        const bool lock = nowFailed >= m_settings.maxFailedLogins;
        const qint64 until = lock ? now + m_settings.lockoutMs : 0;
        SqlQuery(m_store, u"UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?"_s)
            .bind(lock ? 0 : nowFailed)
            .bind(until)
            .bindText(userId)
            .exec();
        m_audit.append({userId,
                        username,
                        lock ? u"login.locked"_s : u"login.failed"_s,
                        u"user"_s,
                        userId,
                        {{u"failedInARow"_s, nowFailed}},
                        address});
        tx.commit();
        if (lock)
            throw ApiError(
                ErrorCode::AccountLocked,
                u"连续 %1 次密码错误，账户已锁定至 %2（北京时间），请届时再试或联系管理员"_s.arg(nowFailed)
                    .arg(chinaTimeText(until)))
                .withDetail(u"lockedUntil"_s, isoUtc(until));
        throw ApiError(ErrorCode::InvalidCredentials, u"用户名或密码错误（再错 %1 次账户将被锁定 %2 分钟）"_s
                                                          .arg(m_settings.maxFailedLogins - nowFailed)
                                                          .arg(m_settings.lockoutMs / 60000));
    }
    if (!user->info.active) {
        m_audit.append({userId, username, u"login.refused-disabled"_s, u"user"_s, userId, {}, address});
        tx.commit();
        throw ApiError(ErrorCode::AccountDisabled);
    }

    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 expires = now + m_settings.sessionTtlMs;
    SqlQuery(m_store,
             u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at, address) "
             u"VALUES (?, ?, ?, ?, 0, ?)"_s)
        .bindText(QString::fromLatin1(tokenHash(token)))
        .bindText(userId)
        .bind(now)
        .bind(expires)
        .bindText(address)
        .exec();
    SqlQuery(m_store,
             u"UPDATE users SET failed_logins = 0, locked_until = 0, last_login_at = ? WHERE id = ?"_s)
        .bind(now)
        .bindText(userId)
        .exec();
    m_audit.append({userId, username, u"login"_s, u"user"_s, userId, {}, address});
    tx.commit();

    LoginResult result;
    result.token = QString::fromLatin1(token);
    result.expiresAtMs = expires;
    result.user = user->info;
    result.user.lastLoginMs = now;
    result.user.lockedUntilMs = 0;
    return result;
}

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr qsizetype kMaxCachedSessions = 20000;

} // namespace

void AuthService::forgetSessions()
{
    QWriteLocker lock(&m_cacheLock);
    ++m_cacheGeneration;
    m_cache.clear();
}

AuthSession AuthService::authenticate(const QByteArray &authorizationHeader)
{
    if (!authorizationHeader.startsWith("Bearer ") || authorizationHeader.size() < 8 ||
        authorizationHeader.size() > 200)
        throw ApiError(ErrorCode::Unauthenticated, u"请先登录（请求缺少有效的登录凭据）"_s);
    const QByteArray hash = tokenHash(authorizationHeader.mid(7).trimmed());
    if (m_settings.sessionCacheMs <= 0)
        return lookupSession(hash);

    const qint64 now = steadyMs();
    quint64 generation = 0;
    {
        QReadLocker lock(&m_cacheLock);
        const auto it = m_cache.constFind(hash);
        if (it != m_cache.constEnd() && now - it->cachedAtMs < m_settings.sessionCacheMs &&
            it->session.expiresAtMs > m_clock.nowMs())
            return it->session;
        generation = m_cacheGeneration;
    }
    AuthSession session = lookupSession(hash);
    QWriteLocker lock(&m_cacheLock);
    // A change to accounts while the database was read: do not keep what may be the state before it.
    if (generation == m_cacheGeneration) {
        if (m_cache.size() >= kMaxCachedSessions)
            m_cache.clear();
        m_cache.insert(hash, {session, now});
    }
    return session;
}

AuthSession AuthService::lookupSession(const QByteArray &hash)
{
    SqlQuery q(m_store,
               u"SELECT s.user_id, s.expires_at, s.revoked_at, u.username, u.display_name, u.active, "
               u"u.org_unit_id, o.path, u.department_id "
               u"FROM sessions s JOIN users u ON u.id = s.user_id JOIN org_units o ON o.id = u.org_unit_id "
               u"WHERE s.token_hash = ?"_s);
    q.bindText(QString::fromLatin1(hash)).exec();
    if (!q.next())
        throw ApiError(ErrorCode::SessionExpired);
    if (q.int64(2) != 0 || q.int64(1) <= m_clock.nowMs() || !q.flag(5))
        throw ApiError(ErrorCode::SessionExpired);
    AuthSession s;
    s.tokenHash = hash;
    s.userId = q.text(0);
    s.expiresAtMs = q.int64(1);
    s.username = q.text(3);
    s.displayName = q.text(4);
    s.scope.userId = s.userId;
    s.scope.orgUnitId = q.text(6);
    s.scope.orgPath = q.text(7);
    s.scope.departmentId = q.text(8);
    SqlQuery roles(m_store, u"SELECT role FROM user_roles WHERE user_id = ?"_s);
    roles.bindText(s.userId).exec();
    QStringList names;
    while (roles.next())
        names.append(roles.text(0));
    s.scope.roles = rolesFromNames(names);
    return s;
}

void AuthService::logout(const AuthSession &session, const QString &address)
{
    Transaction tx(m_store);
    SqlQuery(m_store, u"UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at = 0"_s)
        .bind(m_clock.nowMs())
        .bindText(QString::fromLatin1(session.tokenHash))
        .exec();
    m_audit.append({session.userId, session.username, u"logout"_s, u"user"_s, session.userId, {}, address});
    tx.commit();
    forgetSessions();
}

UserInfo AuthService::currentUser(const AuthSession &session)
{
    const auto user = m_users.byId(session.userId);
    if (!user)
        throw ApiError(ErrorCode::SessionExpired);
    return user->info;
}

void AuthService::changePassword(const AuthSession &session, const QString &current, const QString &next,
                                 const QString &address)
{
    const auto user = m_users.byId(session.userId);
    if (!user)
        throw ApiError(ErrorCode::SessionExpired);
    if (!m_hasher.verify(user->passwordHash, current))
        throw ApiError(ErrorCode::WrongPassword, u"当前密码不正确"_s, u"currentPassword"_s);
    const QString violation = password::policyViolation(next, user->info.username);
    if (!violation.isEmpty())
        throw ApiError(ErrorCode::WeakPassword, violation, u"newPassword"_s);
    if (next == current)
        throw ApiError(ErrorCode::WeakPassword, u"新密码不能与当前密码相同"_s, u"newPassword"_s);
    const QByteArray hash = m_hasher.hash(next);
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_store);
    SqlQuery(m_store,
             u"UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ?, updated_by = ?, "
             u"version = version + 1 WHERE id = ?"_s)
        .bindText(QString::fromLatin1(hash))
        .bind(now)
        .bindText(session.userId)
        .bindText(session.userId)
        .exec();
    // Every other session of this user ends; the one that changed the password stays.
    SqlQuery(m_store,
             u"UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND token_hash <> ? AND revoked_at = 0"_s)
        .bind(now)
        .bindText(session.userId)
        .bindText(QString::fromLatin1(session.tokenHash))
        .exec();
    m_audit.append(
        {session.userId, session.username, u"password.change"_s, u"user"_s, session.userId, {}, address});
    tx.commit();
    forgetSessions();
}

} // namespace sunshine
