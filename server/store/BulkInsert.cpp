#include "server/store/BulkInsert.h"

#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

BulkInsert::BulkInsert(Store &store, const QString &table, const QStringList &columns, const QString &suffix,
                       int rowsPerStatement)
    : m_store(store)
    , m_head(u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s) + u") VALUES "_s)
    , m_suffix(suffix)
    , m_columns(int(columns.size()))
    , m_rowsPerStatement(store.isSqlite() ? 1 : qMax(1, rowsPerStatement))
{
    QStringList marks;
    for (int i = 0; i < m_columns; ++i)
        marks.append(u"?"_s);
    m_rowMarks = u'(' + marks.join(u',') + u')';
}

BulkInsert::~BulkInsert() = default;

QSqlQuery &BulkInsert::statementFor(int rows)
{
    if (rows == m_rowsPerStatement && m_full)
        return *m_full;
    QString sql = m_head;
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u',';
        sql += m_rowMarks;
    }
    if (!m_suffix.isEmpty())
        sql += u' ' + m_suffix;
    auto q = std::make_unique<QSqlQuery>(m_store.connection());
    if (!q->prepare(sql))
        throw StoreError(u"SQL prepare failed: %1 [%2]"_s.arg(q->lastError().text(), sql.left(200)));
    if (rows == m_rowsPerStatement) {
        m_full = std::move(q);
        return *m_full;
    }
    // A last, shorter chunk: its own statement.
    m_partial = std::move(q);
    return *m_partial;
}

void BulkInsert::execute(QSqlQuery &q, qsizetype firstValue, int rows)
{
    const int count = rows * m_columns;
    for (int i = 0; i < count; ++i)
        q.bindValue(i, m_pending.at(firstValue + i));
    m_store.countAccess();
    if (!q.exec()) {
        const QSqlError err = q.lastError();
        throw StoreError(u"SQL failed: %1 [%2]"_s.arg(err.text(), m_head.left(120)),
                         err.type() == QSqlError::ConnectionError);
    }
    m_written += rows;
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
    const qsizetype rows = m_pending.size() / m_columns;
    qsizetype done = 0;
    while (rows - done >= m_rowsPerStatement) {
        execute(statementFor(m_rowsPerStatement), done * m_columns, m_rowsPerStatement);
        done += m_rowsPerStatement;
    }
    if (rows > done) {
        QSqlQuery &q = statementFor(int(rows - done));
        execute(q, done * m_columns, int(rows - done));
    }
    m_pending.clear();
}

} // namespace sunshine
