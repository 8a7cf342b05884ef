#include "store/BulkInsert.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

BulkInsert::BulkInsert(Store &store, const QString &table, const QStringList &columns, const QString &suffix,
                       int rowsPerStatement)
    : m_store(store)
    , m_head(u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s) + u") VALUES "_s)
    , m_suffix(suffix)
    , m_columns(int(columns.size()))
    , m_rowsPerStatement(rowsPerStatement)
{
    QStringList marks;
    for (int i = 0; i < m_columns; ++i)
        marks.append(u"?"_s);
    m_rowMarks = u'(' + marks.join(u',') + u')';
}

void BulkInsert::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns);
    m_pending.append(row);
    if (m_pending.size() >= qsizetype(m_columns) * m_rowsPerStatement)
        flush();
}

void BulkInsert::flush()
{
    if (m_pending.isEmpty())
        return;
    const qsizetype rows = m_pending.size() / m_columns;
    QString sql = m_head;
    sql.reserve(sql.size() + rows * (m_rowMarks.size() + 1) + m_suffix.size() + 1);
    for (qsizetype i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u',';
        sql += m_rowMarks;
    }
    if (!m_suffix.isEmpty())
        sql += u' ' + m_suffix;
    SqlQuery q(m_store, sql);
    for (const QVariant &v : std::as_const(m_pending))
        q.bind(v);
    q.exec();
    m_written += rows;
    m_pending.clear();
}

} // namespace sunshine
