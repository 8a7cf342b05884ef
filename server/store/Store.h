#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <atomic>
#include <optional>
#include <stdexcept>

namespace sunshine {

// Where the data lives: "sqlite:PATH" or "postgresql://USER@HOST:PORT/DB".
struct StoreConfig
{
    enum class Kind
    {
        Sqlite,
        Postgresql
    };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString pgUser;
    QString pgHost;
    int pgPort = 5432;
    QString pgDatabase;
    QString pgPassword; // from the environment or a file, never the command line

    // Parses a --database value; on failure returns false with a Chinese reason in `error`.
    static bool parse(const QString &spec, StoreConfig *out, QString *error);
    QString kindName() const
    {
        return kind == Kind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    }
    // The spec without any password, for logs.
    QString describe() const;
};

// A database failure inside a request. The server answers 500/503 and keeps running.
class StoreError : public std::runtime_error
{
public:
    StoreError(const QString &what, bool connectionLost = false);
    bool connectionLost() const { return m_connectionLost; }

private:
    bool m_connectionLost;
};

// The database. Each thread gets its own connection (Qt's rule), opened on first use.
// Thread-safe; stateless apart from the connections.
class Store
{
public:
    explicit Store(StoreConfig config);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    const StoreConfig &config() const { return m_config; }
    bool isSqlite() const { return m_config.kind == StoreConfig::Kind::Sqlite; }
    bool isPostgres() const { return !isSqlite(); }
    // The text of a record field in this dialect's SQL: from the `data` column, or on PostgreSQL from a jsonb
    // column `jsonb` a query has parsed once per row. `name` must be a plain field name (letters, digits, _).
    QString fieldSql(const QString &name, const QString &jsonb = QString()) const;

    // Opens (or checks) this thread's connection; returns false with the reason.
    bool open(QString *error);
    // This thread's connection; throws StoreError when it cannot be opened.
    QSqlDatabase connection();
    // Closes this thread's connection (the next use opens a fresh one).
    void closeThreadConnection();
    // This thread's prepared statement for `sql`, prepared on first use; valid until the connection closes.
    QSqlQuery &cachedStatement(const QString &sql);

    // Fault injection for tests: the Nth database access from now (1-based) fails; 0 switches it off.
    void failAccessNumber(qint64 n);
    qint64 accessCount() const { return m_accesses.load(); }
    // Called by every query before it runs; throws when the injected fault is due.
    void countAccess();

private:
    QString connectionName() const;

    StoreConfig m_config;
    QString m_id;
    std::atomic<qint64> m_accesses{0};
    std::atomic<qint64> m_failAt{0};
};

// The fields of the live record of `type` that holds a city-wide unique key (a lookup code's key), if any.
std::optional<QJsonObject> liveFieldsByKey(Store &store, const QString &type, const QString &uniqueKey);

// "?, ?, ?": `n` placeholders (each `one`, e.g. "(?, ?)" for a row of two) for an IN list or a VALUES list.
QString placeholders(qsizetype n, const QString &one = QStringLiteral("?"));

// A prepared statement with positional bindings that throws StoreError instead of returning false.
class SqlQuery
{
public:
    SqlQuery(Store &store, const QString &sql);
    SqlQuery &bind(const QVariant &value);
    SqlQuery &bindText(const QString &value); // NULL for a null QString, '' for an empty one
    SqlQuery &exec();
    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    QString text(int i) const { return m_query.value(i).toString(); }
    qint64 int64(int i) const { return m_query.value(i).toLongLong(); }
    bool flag(int i) const { return m_query.value(i).toLongLong() != 0; }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &raw() { return m_query; }

private:
    Store &m_store;
    QString m_sql;
    QSqlQuery m_query;
};

// A statement prepared once on this thread's connection and kept for the next use of the same SQL text (hot
// read paths). Binds by position like SqlQuery; the statement is reset when this goes out of scope. Do not
// nest two of the same SQL text on one thread.
class CachedQuery
{
public:
    CachedQuery(Store &store, const QString &sql);
    ~CachedQuery();
    CachedQuery(const CachedQuery &) = delete;
    CachedQuery &operator=(const CachedQuery &) = delete;
    CachedQuery &bind(const QVariant &value);
    CachedQuery &bindText(const QString &value); // NULL for a null QString
    CachedQuery &exec();
    bool next() { return m_query->next(); }
    QVariant value(int i) const { return m_query->value(i); }
    QString text(int i) const { return m_query->value(i).toString(); }
    qint64 int64(int i) const { return m_query->value(i).toLongLong(); }

private:
    Store &m_store;
    QString m_sql;
    QSqlQuery *m_query = nullptr;
    int m_position = 0;
};

// One database transaction on this thread's connection. Rolls back unless commit() was called.
// On SQLite a write transaction takes the write lock at once (BEGIN IMMEDIATE) so two writers never deadlock.
class Transaction
{
public:
    enum class Mode
    {
        Read,
        Write
    };
    explicit Transaction(Store &store, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Store &m_store;
    bool m_open = false;
};

} // namespace sunshine
