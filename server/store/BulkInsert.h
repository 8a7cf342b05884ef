#pragma once

#include "store/Store.h"

#include <QStringList>
#include <QVariantList>

namespace sunshine {

// Multi-row INSERT (optionally an upsert) in chunks, so a batch of thousands of rows costs a few statements
// instead of one round trip each. Runs inside the caller's transaction. Flushes on destruction is NOT done:
// call flush() before commit.
class BulkInsert
{
public:
    // `suffix` follows the VALUES list, e.g. "ON CONFLICT (id) DO UPDATE SET version = excluded.version".
    BulkInsert(Store &store, const QString &table, const QStringList &columns, const QString &suffix = {},
               int rowsPerStatement = 200);

    void add(const QVariantList &row);
    void flush();
    qint64 rowsWritten() const { return m_written; }

private:
    Store &m_store;
    QString m_head;
    QString m_rowMarks;
    QString m_suffix;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_pending;
    qint64 m_written = 0;
};

} // namespace sunshine
