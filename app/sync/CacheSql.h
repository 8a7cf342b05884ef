#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

// The local cache's SQL helpers, shared by the files of LocalCache (records and outbox, schema, attachments).
namespace sunshine::app::cachesql {

// A query that reports failure by exception, so every multi-statement change is all or nothing.
struct Failure
{
    QString what;
};

inline QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw Failure{q.lastError().text() + QStringLiteral(" [") + sql + QLatin1Char(']')};
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        throw Failure{q.lastError().text() + QStringLiteral(" [") + sql + QLatin1Char(']')};
    return q;
}

class LocalTransaction
{
public:
    explicit LocalTransaction(const QSqlDatabase &db)
        : m_db(db)
    {
        run(m_db, QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~LocalTransaction()
    {
        if (!m_done) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    void commit()
    {
        run(m_db, QStringLiteral("COMMIT"));
        m_done = true;
    }

private:
    QSqlDatabase m_db;
    bool m_done = false;
};

} // namespace sunshine::app::cachesql
