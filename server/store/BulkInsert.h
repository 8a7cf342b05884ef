#pragma once

#include "server/store/Store.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>
#include <memory>

namespace sunshine {

// Inserts (or upserts) many rows inside the caller's transaction, as fast as the store allows: on SQLite one
// prepared single-row statement run per row (SQLite parses statements with thousands of parameters in
// quadratic time); on PostgreSQL multi-row statements, prepared once per chunk size, to save round trips.
// Call flush() before commit.
class BulkInsert
{
public:
    // `suffix` follows the VALUES list, e.g. "ON CONFLICT (id) DO UPDATE SET version = excluded.version".
    BulkInsert(Store &store, const QString &table, const QStringList &columns, const QString &suffix = {},
               int rowsPerStatement = 100);
    ~BulkInsert();

    void add(const QVariantList &row);
    void flush();
    qint64 rowsWritten() const { return m_written; }

private:
    QSqlQuery &statementFor(int rows);
    void execute(QSqlQuery &q, qsizetype firstValue, int rows);

    Store &m_store;
    QString m_head;
    QString m_rowMarks;
    QString m_suffix;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_pending;
    std::unique_ptr<QSqlQuery> m_full; // the statement for a full chunk, reused
    std::unique_ptr<QSqlQuery> m_partial;
    qint64 m_written = 0;
};

} // namespace sunshine
