#include "app/sync/CacheQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

// The live rows of a query, served by the (type, local_deleted, deleted) index.
const QString kLive = u"local_deleted = 0 AND deleted = 0"_s;
// The live children of a correlated subquery: the unary "+" keeps SQLite from preferring the
// (type, local_deleted, deleted) index over the child type's field index on the reference.
const QString kLiveChild = u"+c.deleted = 0 AND +c.local_deleted = 0"_s;

} // namespace

CacheCondition operator&&(const CacheCondition &a, const CacheCondition &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return {u'(' + a.sql + u") AND ("_s + b.sql + u')', a.binds + b.binds};
}

namespace cachequery {

bool isFieldName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]{0,63}$"_s);
    return re.match(name).hasMatch();
}

QString likePattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return u'%' + escaped + u'%';
}

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

QString field(const QString &name, const QString &alias)
{
    if (!isFieldName(name) || (!alias.isEmpty() && !isFieldName(alias))) {
        qWarning("cache query: not a field name: %s", qPrintable(name.left(64)));
        return u"NULL"_s;
    }
    // The same expression as the cache's field indexes (LocalCacheSchema), so that they serve it.
    return u"json_extract("_s + (alias.isEmpty() ? QString() : alias + u'.') + u"data, '$."_s + name +
           u"')"_s;
}

QString referenced(const QString &refField, const QString &targetField)
{
    return u"(SELECT "_s + field(targetField, u"t"_s) + u" FROM records t WHERE t.id = "_s +
           field(refField, u"records"_s) + u')';
}

QString count()
{
    return u"COUNT(*)"_s;
}

QString sum(const QString &expression)
{
    return u"COALESCE(SUM(CAST("_s + expression + u" AS INTEGER)), 0)"_s;
}

CacheCondition compare(const QString &expression, const QString &op, const QVariant &value)
{
    static const QStringList ops{u"="_s, u"<>"_s, u"<"_s, u"<="_s, u">"_s, u">="_s};
    if (!ops.contains(op)) {
        qWarning("cache query: not a comparison: %s", qPrintable(op.left(8)));
        return {u"0"_s, {}};
    }
    return {expression + u' ' + op + u" ?"_s, {value}};
}

CacheCondition equals(const QString &expression, const QVariant &value)
{
    return compare(expression, u"="_s, value);
}

CacheCondition isNull(const QString &expression)
{
    return {expression + u" IS NULL"_s, {}};
}

CacheCondition among(const QString &expression, const QStringList &values)
{
    return {expression + u" IN (SELECT value FROM json_each(?))"_s, {jsonList(values)}};
}

CacheCondition idAmong(const QStringList &ids)
{
    return among(kId, ids);
}

CacheCondition unitAmong(const QStringList &orgUnitIds)
{
    return among(kOrgUnit, orgUnitIds);
}

CacheCondition emptyList(const QString &name)
{
    return {u"json_array_length(COALESCE("_s + field(name) + u", '[]')) = 0"_s, {}};
}

CacheCondition containsText(const QStringList &names, const QString &text)
{
    CacheCondition out;
    QStringList terms;
    for (const QString &name : names) {
        terms.append(field(name) + u" LIKE ? ESCAPE '\\'"_s);
        out.binds.append(likePattern(text));
    }
    out.sql = terms.isEmpty() ? u"1"_s : terms.join(u" OR "_s);
    return out;
}

CacheCondition generated(const QString &sql, const QVariantList &binds)
{
    return {sql, binds};
}

CacheCondition noChild(const QString &childType, const QString &refField,
                       const CacheCondition &childCondition, bool sameUnit)
{
    // "+records.id" drops the column's TEXT affinity, so the child type's expression index on `refField`
    // serves the comparison instead of a scan of every child for each row.
    CacheCondition out{u"NOT EXISTS (SELECT 1 FROM records c WHERE c.type = ? AND "_s + kLiveChild +
                           u" AND "_s + field(refField, u"c"_s) + u" = +records.id"_s +
                           (sameUnit ? u" AND c.org_unit_id = records.org_unit_id"_s : QString()),
                       {childType}};
    if (!childCondition.isEmpty()) {
        out.sql += u" AND ("_s + childCondition.sql + u')';
        out.binds.append(childCondition.binds);
    }
    out.sql += u')';
    return out;
}

} // namespace cachequery

CacheQuery::CacheQuery(const QSqlDatabase &db, const QString &type)
    : m_db(db)
    , m_type(type)
{}

CacheQuery::CacheQuery(const LocalCache &cache, const QString &type)
    : CacheQuery(cache.database(), type)
{}

CacheQuery &CacheQuery::where(const CacheCondition &condition)
{
    m_where = m_where && condition;
    return *this;
}

CacheQuery &CacheQuery::orderBy(const QString &expression, Qt::SortOrder order)
{
    m_order.append(expression + (order == Qt::DescendingOrder ? u" DESC"_s : QString()));
    return *this;
}

CacheQuery &CacheQuery::limit(int rows)
{
    m_limit = rows;
    return *this;
}

CacheQuery &CacheQuery::includeServerDeleted()
{
    m_serverDeleted = true;
    return *this;
}

QString CacheQuery::sql(const QStringList &columns, int groupBy) const
{
    QString s = u"SELECT "_s + columns.join(u", "_s) + u" FROM records WHERE type = ? AND "_s +
                (m_serverDeleted ? u"local_deleted = 0"_s : kLive);
    if (!m_where.isEmpty())
        s += u" AND ("_s + m_where.sql + u')';
    if (groupBy > 0) {
        QStringList numbers;
        for (int i = 1; i <= groupBy && i <= columns.size(); ++i)
            numbers.append(QString::number(i));
        s += u" GROUP BY "_s + numbers.join(u", "_s);
    }
    if (!m_order.isEmpty())
        s += u" ORDER BY "_s + m_order.join(u", "_s);
    if (m_limit >= 0)
        s += u" LIMIT "_s + QString::number(m_limit);
    return s;
}

bool CacheQuery::run(QSqlQuery &q, const QString &text) const
{
    bool ok = q.prepare(text);
    if (ok) {
        q.addBindValue(m_type);
        for (const QVariant &b : m_where.binds)
            q.addBindValue(b);
        ok = q.exec();
    }
    if (!ok) {
        m_error = q.lastError().text();
        qWarning("cache query: %s [%s]", qPrintable(m_error), qPrintable(text));
    }
    return ok;
}

QSqlQuery CacheQuery::exec(const QStringList &columns) const
{
    QSqlQuery q(m_db);
    run(q, sql(columns));
    return q;
}

bool CacheQuery::forEach(const QStringList &columns, const std::function<void(const QSqlQuery &)> &row,
                         int groupBy) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, sql(columns, groupBy)))
        return false;
    while (q.next())
        row(q);
    return true;
}

qint64 CacheQuery::count() const
{
    qint64 n = 0;
    forEach({cachequery::count()}, [&n](const QSqlQuery &q) { n = q.value(0).toLongLong(); });
    return n;
}

QList<sync::Record> CacheQuery::records() const
{
    QList<sync::Record> out;
    forEach({cachequery::kId, cachequery::kOrgUnit, cachequery::kDepartment, u"version"_s, cachequery::kData},
            [&](const QSqlQuery &q) {
                sync::Record r;
                r.id = q.value(0).toString();
                r.type = m_type;
                r.orgUnitId = q.value(1).toString();
                r.departmentId = q.value(2).toString();
                r.version = q.value(3).toLongLong();
                r.fields = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
                out.append(r);
            });
    return out;
}

QList<QPair<QString, QString>> choices(const LocalCache &cache, const QString &type,
                                       const CacheCondition &condition, const QStringList &textFields,
                                       const QString &orderField, int limit)
{
    QList<QPair<QString, QString>> out;
    QStringList columns{cachequery::kId};
    for (const QString &f : textFields)
        columns.append(cachequery::field(f));
    CacheQuery(cache, type)
        .where(condition)
        .orderBy(orderField.isEmpty() ? cachequery::kId : cachequery::field(orderField))
        .limit(limit)
        .forEach(columns, [&](const QSqlQuery &q) {
            QStringList parts;
            for (int i = 1; i < columns.size(); ++i)
                parts.append(q.value(i).toString());
            out.append({q.value(0).toString(), parts.join(u" · "_s)});
        });
    return out;
}

} // namespace sunshine::app
