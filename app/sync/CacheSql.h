#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
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

// A statement prepared once and run many times inside one transaction.
class Prepared
{
public:
    Prepared(const QSqlDatabase &db, const QString &sql)
        : m_query(db)
    {
        if (!m_query.prepare(sql))
            throw Failure{m_query.lastError().text() + QStringLiteral(" [") + sql + QLatin1Char(']')};
    }
    QSqlQuery &run(const QVariantList &binds)
    {
        for (int i = 0; i < binds.size(); ++i)
            m_query.bindValue(i, binds.at(i));
        if (!m_query.exec())
            throw Failure{m_query.lastError().text()};
        return m_query;
    }

private:
    QSqlQuery m_query;
};

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

// Outbox operation states.
inline constexpr int kOpPending = 0;
inline constexpr int kOpRejected = 2;
inline constexpr int kOpConflict = 3;

inline QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QJsonObject object(const QString &s)
{
    return s.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(s.toUtf8()).object();
}

inline void overlay(QJsonObject &target, const QJsonObject &changes)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (it.value().isNull())
            target.remove(it.key());
        else
            target.insert(it.key(), it.value());
    }
}

inline QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace sunshine::app::cachesql
