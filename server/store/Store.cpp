#include "server/store/Store.h"

#include <QDebug>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <memory>
#include <unordered_map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

bool StoreConfig::parse(const QString &spec, StoreConfig *out, QString *error)
{
    StoreConfig c;
    if (spec.startsWith(u"sqlite:"_s)) {
        c.kind = Kind::Sqlite;
        c.sqlitePath = spec.mid(7);
        if (c.sqlitePath.isEmpty()) {
            *error =
                u"--database sqlite: 后需给出数据库文件路径，例如 sqlite:/var/lib/sunshine/sunshine.db"_s;
            return false;
        }
        *out = c;
        return true;
    }
    if (spec.startsWith(u"postgresql://"_s) || spec.startsWith(u"postgres://"_s)) {
        const QUrl url(spec, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2) {
            *error = u"PostgreSQL 地址格式应为 postgresql://用户@主机:端口/数据库"_s;
            return false;
        }
        if (!url.password().isEmpty()) {
            *error =
                u"数据库密码不能写在命令行中，请使用环境变量 SUNSHINE_DB_PASSWORD 或 --database-password-file"_s;
            return false;
        }
        c.kind = Kind::Postgresql;
        c.pgUser = url.userName();
        c.pgHost = url.host();
        c.pgPort = url.port(5432);
        c.pgDatabase = url.path().mid(1);
        *out = c;
        return true;
    }
    *error = u"无法识别的数据库地址“%1”：应为 sqlite:路径 或 postgresql://用户@主机:端口/数据库"_s.arg(spec);
    return false;
}

QString StoreConfig::describe() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite:"_s + sqlitePath;
    return u"postgresql://%1@%2:%3/%4"_s.arg(pgUser, pgHost).arg(pgPort).arg(pgDatabase);
}

StoreError::StoreError(const QString &what, bool connectionLost)
    : std::runtime_error(what.toStdString())
    , m_connectionLost(connectionLost)
{}

Store::Store(StoreConfig config)
    : m_config(std::move(config))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Store::~Store()
{
    // Connections of other threads are closed when those threads end (see connection()).
    closeThreadConnection();
}

QString Store::fieldSql(const QString &name, const QString &jsonb) const
{
    static const QRegularExpression plain(u"^[A-Za-z_][A-Za-z0-9_]{0,63}$"_s);
    if (!plain.match(name).hasMatch() || (!jsonb.isEmpty() && !plain.match(jsonb).hasMatch()))
        throw StoreError(u"not a field name: "_s + name.left(64));
    if (isSqlite())
        return u"json_extract(data, '$."_s + name + u"')"_s;
    return u"("_s + (jsonb.isEmpty() ? u"data::jsonb"_s : jsonb) + u" ->> '"_s + name + u"')"_s;
}

QString Store::connectionName() const
{
    // Made once per thread and store (it is asked for on every query).
    thread_local QHash<QString, QString> names;
    QString &name = names[m_id];
    if (name.isEmpty())
        name = u"store-"_s + m_id + u'-' + QString::number(quintptr(QThread::currentThreadId()), 16);
    return name;
}

namespace {

// Removes a thread's connections (and the statements prepared on them first) when the thread ends.
struct ThreadConnections
{
    QStringList names;
    // connection name -> SQL text -> statement
    std::unordered_map<QString, std::unordered_map<QString, std::unique_ptr<QSqlQuery>>> statements;
    ~ThreadConnections()
    {
        statements.clear();
        for (const QString &n : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(n, false);
                if (db.isValid())
                    db.close();
            }
            QSqlDatabase::removeDatabase(n);
        }
    }
};
thread_local ThreadConnections t_connections;

} // namespace

bool Store::open(QString *error)
{
    try {
        connection();
        return true;
    } catch (const StoreError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

QSqlDatabase Store::connection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        if (db.open())
            return db;
        throw StoreError(u"数据库连接失败：%1"_s.arg(db.lastError().text()), true);
    }
    QSqlDatabase db;
    if (isSqlite()) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_config.sqlitePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=15000"_s);
    } else {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(m_config.pgHost);
        db.setPort(m_config.pgPort);
        db.setDatabaseName(m_config.pgDatabase);
        db.setUserName(m_config.pgUser);
        db.setPassword(m_config.pgPassword);
        db.setConnectOptions(u"connect_timeout=10"_s);
    }
    t_connections.names.append(name);
    if (!db.open()) {
        const QString reason = db.lastError().text();
        throw StoreError(u"无法打开数据库 %1：%2"_s.arg(m_config.describe(), reason), true);
    }
    QSqlQuery q(db);
    if (isSqlite()) {
        // A large page cache and memory-mapped reads: the store is read by random ids all the time.
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                      u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=15000"_s,
                                      u"PRAGMA cache_size=-131072"_s, u"PRAGMA mmap_size=2147483648"_s}) {
            if (!q.exec(pragma))
                throw StoreError(u"SQLite 设置失败（%1）：%2"_s.arg(pragma, q.lastError().text()));
        }
    } else {
        if (!q.exec(u"SET TIME ZONE 'UTC'"_s) || !q.exec(u"SET client_min_messages = WARNING"_s))
            throw StoreError(u"PostgreSQL 会话设置失败：%1"_s.arg(q.lastError().text()));
    }
    return db;
}

void Store::closeThreadConnection()
{
    const QString name = connectionName();
    t_connections.statements.erase(name);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    t_connections.names.removeAll(name);
}

QSqlQuery &Store::cachedStatement(const QString &sql)
{
    // Keyed by connection name; a connection's statements go when it closes, so a cached one is open.
    const QString name = connectionName();
    auto &mine = t_connections.statements[name];
    auto it = mine.find(sql);
    if (it != mine.end())
        return *it->second;
    QSqlDatabase db = connection();
    auto query = std::make_unique<QSqlQuery>(db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        throw StoreError(u"SQL prepare failed: %1 [%2]"_s.arg(query->lastError().text(), sql));
    return *mine.emplace(sql, std::move(query)).first->second;
}

void Store::failAccessNumber(qint64 n)
{
    m_failAt.store(n > 0 ? m_accesses.load() + n : 0);
}

void Store::countAccess()
{
    const qint64 n = ++m_accesses;
    const qint64 failAt = m_failAt.load();
    if (failAt != 0 && n == failAt)
        throw StoreError(u"injected database failure at access %1"_s.arg(n));
}

std::optional<QJsonObject> liveFieldsByKey(Store &store, const QString &type, const QString &uniqueKey)
{
    SqlQuery q(store, u"SELECT r.data FROM record_keys k JOIN records r ON r.id = k.record_id "
                      u"WHERE k.key = ? AND r.deleted = 0 AND r.type = ?"_s);
    q.bindText(uniqueKey).bindText(type).exec();
    if (!q.next())
        return std::nullopt;
    return QJsonDocument::fromJson(q.text(0).toUtf8()).object();
}

QString placeholders(qsizetype n, const QString &one)
{
    return QStringList(n, one).join(u", "_s);
}

SqlQuery::SqlQuery(Store &store, const QString &sql)
    : m_store(store)
    , m_sql(sql)
    , m_query(store.connection())
{
    if (!m_query.prepare(sql))
        throw StoreError(u"SQL prepare failed: %1 [%2]"_s.arg(m_query.lastError().text(), sql));
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    m_query.addBindValue(value);
    return *this;
}

SqlQuery &SqlQuery::bindText(const QString &value)
{
    m_query.addBindValue(value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value));
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    m_store.countAccess();
    if (!m_query.exec()) {
        const QSqlError err = m_query.lastError();
        const bool lost = err.type() == QSqlError::ConnectionError;
        if (lost)
            m_store.closeThreadConnection();
        throw StoreError(u"SQL failed: %1 [%2]"_s.arg(err.text(), m_sql), lost);
    }
    return *this;
}

CachedQuery::CachedQuery(Store &store, const QString &sql)
    : m_store(store)
    , m_sql(sql)
    , m_query(&store.cachedStatement(sql))
{}

CachedQuery::~CachedQuery()
{
    if (m_query)
        m_query->finish();
}

CachedQuery &CachedQuery::bind(const QVariant &value)
{
    m_query->bindValue(m_position++, value);
    return *this;
}

CachedQuery &CachedQuery::bindText(const QString &value)
{
    return bind(value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value));
}

CachedQuery &CachedQuery::exec()
{
    m_store.countAccess();
    if (!m_query->exec()) {
        const QSqlError err = m_query->lastError();
        const bool lost = err.type() == QSqlError::ConnectionError;
        m_query->finish();
        if (lost) {
            m_query = nullptr; // closing the connection deletes the statement
            m_store.closeThreadConnection();
        }
        throw StoreError(u"SQL failed: %1 [%2]"_s.arg(err.text(), m_sql), lost);
    }
    return *this;
}

Transaction::Transaction(Store &store, Mode mode)
    : m_store(store)
{
    QSqlQuery q(store.connection());
    store.countAccess();
    const QString begin =
        store.isSqlite() ? (mode == Mode::Write ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s) : u"BEGIN"_s;
    if (!q.exec(begin)) {
        const bool lost = q.lastError().type() == QSqlError::ConnectionError;
        if (lost)
            store.closeThreadConnection();
        throw StoreError(u"BEGIN failed: %1"_s.arg(q.lastError().text()), lost);
    }
    m_open = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    try {
        QSqlQuery q(m_store.connection());
        if (!q.exec(u"ROLLBACK"_s))
            qWarning("ROLLBACK failed: %s", qPrintable(q.lastError().text()));
    } catch (const StoreError &e) {
        // The connection is gone, and with it the transaction.
        qWarning("ROLLBACK skipped: %s", e.what());
    }
}

void Transaction::commit()
{
    QSqlQuery q(m_store.connection());
    m_store.countAccess();
    if (!q.exec(u"COMMIT"_s))
        throw StoreError(u"COMMIT failed: %1"_s.arg(q.lastError().text()));
    m_open = false;
}

} // namespace sunshine
