#pragma once

#include "app/sync/LocalCache.h"

#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>
#include <functional>

// The query layer over the local cache: the one place of the client that knows how records are stored (one
// row per record, its fields as JSON in `data`) and writes SQL against them. Views, models and the dashboard
// ask it for records of a type, children by reference, counts, sums and choices.
namespace sunshine::app {

// A condition on the cache's records table: a WHERE fragment and its binds, in order. Made by the functions
// of `cachequery`, combined with `&&`.
struct CacheCondition
{
    QString sql;
    QVariantList binds;

    bool isEmpty() const { return sql.isEmpty(); }
    // Both conditions; an empty one adds nothing.
    friend CacheCondition operator&&(const CacheCondition &a, const CacheCondition &b);
};

namespace cachequery {

// The SQL expression of a record field (`alias`: the records row's name when a query joins). A name that is
// not a plain field name (letters, digits, '_') gives NULL: names are written into the SQL, since an
// expression index only serves a literal JSON path.
QString field(const QString &name, const QString &alias = QString());
// A plain field name (letters, digits, '_'), which may be written into SQL.
bool isFieldName(const QString &name);
// `text` as a LIKE pattern that finds it anywhere ('%', '_' and the backslash escaped; use ESCAPE with a
// backslash).
QString likePattern(const QString &text);
// A list bound as one value, for "IN (SELECT value FROM json_each(?))".
QString jsonList(const QStringList &items);
// The field `targetField` of the record the row's field `refField` refers to (NULL when there is none).
QString referenced(const QString &refField, const QString &targetField);
// The envelope columns.
inline const QString kId = QStringLiteral("id");
inline const QString kOrgUnit = QStringLiteral("org_unit_id");
inline const QString kDepartment = QStringLiteral("department_id");
inline const QString kData = QStringLiteral("data");
inline const QString kState = QStringLiteral("state");
inline const QString kStateMessage = QStringLiteral("state_message");
// Aggregates.
QString count();
QString sum(const QString &expression); // as an integer; 0 over no rows

// `expression op value`; op is one of = <> < <= > >=.
CacheCondition compare(const QString &expression, const QString &op, const QVariant &value);
CacheCondition equals(const QString &expression, const QVariant &value);
CacheCondition isNull(const QString &expression);
// `expression` is one of `values` (none: nothing matches).
CacheCondition among(const QString &expression, const QStringList &values);
CacheCondition idAmong(const QStringList &ids);
CacheCondition unitAmong(const QStringList &orgUnitIds);
// A JSON list field that is absent or empty.
CacheCondition emptyList(const QString &name);
// Any of the fields contains `text` (case-insensitive for ASCII, '%' and '_' taken literally).
CacheCondition containsText(const QStringList &names, const QString &text);
// SQL a rule of `common` generated for the cache (its field expressions from field()), with its binds.
CacheCondition generated(const QString &sql, const QVariantList &binds = {});
// No live record of `childType` refers to the row by its field `refField` and also meets `childCondition`
// (written with field(name, "c")). `sameUnit`: only children in the row's own org unit count.
CacheCondition noChild(const QString &childType, const QString &refField,
                       const CacheCondition &childCondition = {}, bool sameUnit = false);

} // namespace cachequery

// One query over the live (not deleted, locally or on the server) records of a type.
class CacheQuery
{
public:
    CacheQuery(const QSqlDatabase &db, const QString &type);
    CacheQuery(const LocalCache &cache, const QString &type);

    CacheQuery &where(const CacheCondition &condition);
    CacheQuery &orderBy(const QString &expression, Qt::SortOrder order = Qt::AscendingOrder);
    CacheQuery &limit(int rows);
    // Also the records deleted on the server but not yet pruned (lists that show every local row).
    CacheQuery &includeServerDeleted();

    // The columns (field() expressions, envelope columns, aggregates) of each row, to `row`; `groupBy` the
    // first `groupBy` columns. False (and a warning) when the query fails.
    bool forEach(const QStringList &columns, const std::function<void(const QSqlQuery &)> &row,
                 int groupBy = 0) const;
    // The executed query, for QSqlQueryModel; not active when it failed.
    QSqlQuery exec(const QStringList &columns) const;
    qint64 count() const;
    // The stored records in the order asked.
    QList<sync::Record> records() const;
    // The query's text (tests, warnings).
    QString sql(const QStringList &columns, int groupBy = 0) const;
    QString lastError() const { return m_error; }

private:
    // Prepares and runs the query text with its binds; false (with the error kept) when that fails.
    bool run(QSqlQuery &q, const QString &text) const;
    QSqlDatabase m_db;
    QString m_type;
    CacheCondition m_where;
    QStringList m_order;
    int m_limit = -1;
    bool m_serverDeleted = false;
    mutable QString m_error;
};

// The choices of a reference field: (id, the text fields joined by " · ") of the live records of `type` that
// meet `condition`, ordered by `orderField` (else by id), at most `limit`.
QList<QPair<QString, QString>> choices(const LocalCache &cache, const QString &type,
                                       const CacheCondition &condition, const QStringList &textFields,
                                       const QString &orderField = QString(), int limit = 5000);

} // namespace sunshine::app
