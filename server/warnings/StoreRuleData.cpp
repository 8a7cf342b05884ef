#include "server/warnings/StoreRuleData.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using rules::RuleFilter;
using rules::RuleRecord;

namespace {

const QString kColumns = u"id, type, org_unit_id, org_path, department_id, data"_s;

QString literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

RuleRecord recordOf(const QSqlQuery &q)
{
    RuleRecord r;
    r.id = q.value(0).toString();
    r.type = q.value(1).toString();
    r.orgUnitId = q.value(2).toString();
    r.orgPath = q.value(3).toString();
    r.departmentId = q.value(4).toString();
    r.fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    return r;
}

// The list a filter's statement is split on: 0 the ids, i + 1 the i-th `any`; -1 none.
int longestList(const RuleFilter &filter)
{
    int best = -1;
    qsizetype size = 0;
    if (filter.ids.size() > size) {
        best = 0;
        size = filter.ids.size();
    }
    for (qsizetype i = 0; i < filter.any.size(); ++i) {
        if (filter.any.at(i).second.size() > size) {
            best = int(i) + 1;
            size = filter.any.at(i).second.size();
        }
    }
    return best;
}

} // namespace

QPair<QString, QString> StoreRuleData::source(const QString &type, const RuleFilter &filter) const
{
    if (!m_store.isPostgres() || !filter.ids.isEmpty() || !filter.any.isEmpty())
        return {u"records"_s, QString()};
    return {u"(SELECT id, type, org_unit_id, org_path, department_id, deleted, data, data::jsonb AS j "_s
            u"FROM records WHERE type = "_s +
                literal(type) + u" AND deleted = 0 OFFSET 0) records"_s,
            u"j"_s};
}

StoreRuleData::Where StoreRuleData::where(const QString &type, const RuleFilter &filter,
                                          const QStringList *chunk, const QString &jsonb) const
{
    const int split = longestList(filter);
    Where w;
    w.sql = u"type = "_s + literal(type) + u" AND deleted = 0"_s;
    const auto field = [this, jsonb](const QString &name) {
        return m_store.fieldSql(name, jsonb);
    };
    if (!filter.ids.isEmpty()) {
        const QStringList &ids = split == 0 && chunk ? *chunk : filter.ids;
        w.sql += u" AND id IN ("_s + placeholders(ids.size()) + u')';
        for (const QString &id : ids)
            w.binds.append(id);
    }
    for (qsizetype i = 0; i < filter.any.size(); ++i) {
        const QStringList &values = split == int(i) + 1 && chunk ? *chunk : filter.any.at(i).second;
        w.sql += u" AND "_s + field(filter.any.at(i).first) + u" IN ("_s + placeholders(values.size()) + u')';
        for (const QString &v : values)
            w.binds.append(v);
    }
    for (const auto &[name, value] : filter.equals) {
        w.sql += u" AND "_s + field(name) + u" = ?"_s;
        w.binds.append(value);
    }
    for (const QString &name : filter.nonEmpty)
        w.sql += u" AND COALESCE("_s + field(name) + u", '') <> ''"_s;
    if (!filter.orgPath.isEmpty()) {
        w.sql += u" AND org_path = ?"_s;
        w.binds.append(filter.orgPath);
    }
    if (filter.sql) {
        const rules::SqlCondition c = filter.sql(field);
        w.sql += u" AND ("_s + c.sql + u')';
        for (const QString &b : c.binds)
            w.binds.append(b);
    }
    return w;
}

void StoreRuleData::forEachChunk(const RuleFilter &filter,
                                 const std::function<void(const QStringList *)> &run) const
{
    for (const auto &any : filter.any) {
        if (any.second.isEmpty())
            return; // matches nothing
    }
    const int split = longestList(filter);
    const QStringList *list = split < 0    ? nullptr
                              : split == 0 ? &filter.ids
                                           : &filter.any.at(split - 1).second;
    if (!list || list->size() <= kChunk) {
        run(nullptr);
        return;
    }
    for (qsizetype from = 0; from < list->size(); from += kChunk) {
        const QStringList part = list->mid(from, kChunk);
        run(&part);
    }
}

void StoreRuleData::scan(const QString &type, const RuleFilter &filter,
                         const std::function<void(const RuleRecord &)> &each)
{
    const auto [from, jsonb] = source(type, filter);
    forEachChunk(filter, [&](const QStringList *chunk) {
        const Where w = where(type, filter, chunk, jsonb);
        SqlQuery q(m_store, u"SELECT "_s + kColumns + u" FROM "_s + from + u" WHERE "_s + w.sql);
        q.raw().setForwardOnly(true);
        for (const QVariant &b : w.binds)
            q.bind(b);
        q.exec();
        while (q.next()) {
            ++m_rows;
            each(recordOf(q.raw()));
        }
    });
}

QHash<QString, qint64> StoreRuleData::totals(const QString &type, const RuleFilter &filter,
                                             const QString &field)
{
    QHash<QString, qint64> out;
    const auto [from, jsonb] = source(type, filter);
    const QString value = u"CAST("_s + m_store.fieldSql(field, jsonb) + u" AS BIGINT)"_s;
    forEachChunk(filter, [&](const QStringList *chunk) {
        const Where w = where(type, filter, chunk, jsonb);
        SqlQuery q(m_store, u"SELECT org_path, SUM("_s + value + u"), COUNT(*) FROM "_s + from +
                                u" WHERE "_s + w.sql + u" GROUP BY org_path"_s);
        q.raw().setForwardOnly(true);
        for (const QVariant &b : w.binds)
            q.bind(b);
        q.exec();
        while (q.next()) {
            m_rows += q.int64(2);
            out[q.text(0)] += q.int64(1);
        }
    });
    return out;
}

void StoreRuleData::groups(const QString &type, const QStringList &keyFields, const RuleFilter &filter,
                           const std::function<void(const QList<RuleRecord> &)> &each)
{
    RuleFilter keyed = filter;
    keyed.nonEmpty += keyFields;
    const auto [from, jsonb] = source(type, keyed);
    QStringList keys, grouped, on, order;
    for (qsizetype i = 0; i < keyFields.size(); ++i) {
        const QString field = m_store.fieldSql(keyFields.at(i), jsonb);
        const QString alias = u"k"_s + QString::number(i);
        keys.append(field + u" AS "_s + alias);
        grouped.append(field);
        // The records' own field, as the store's index on it has it: the index serves the join.
        on.append(m_store.fieldSql(keyFields.at(i)) + u" = g."_s + alias);
        order.append(u"g."_s + alias);
    }
    forEachChunk(keyed, [&](const QStringList *chunk) {
        const Where inner = where(type, keyed, chunk, jsonb);
        const Where outer = where(type, keyed, chunk);
        // The keys shared by two or more records first (an aggregate over the keys alone), then those records
        // found by their keys, in key order.
        const QString sql = u"SELECT id, type, org_unit_id, org_path, department_id, data FROM (SELECT "_s +
                            keys.join(u", "_s) + u" FROM "_s + from + u" WHERE "_s + inner.sql +
                            u" GROUP BY "_s + grouped.join(u", "_s) +
                            u" HAVING COUNT(*) > 1) g JOIN records ON "_s + on.join(u" AND "_s) +
                            u" WHERE "_s + outer.sql + u" ORDER BY "_s + order.join(u", "_s) + u", id"_s;
        SqlQuery q(m_store, sql);
        q.raw().setForwardOnly(true);
        for (const QVariant &b : inner.binds)
            q.bind(b);
        for (const QVariant &b : outer.binds)
            q.bind(b);
        q.exec();
        QList<RuleRecord> group;
        QStringList groupKey;
        while (q.next()) {
            ++m_rows;
            RuleRecord r = recordOf(q.raw());
            QStringList key;
            for (const QString &k : keyFields)
                key.append(r.fields.value(k).toString());
            if (!group.isEmpty() && key != groupKey) {
                each(group);
                group.clear();
            }
            groupKey = key;
            group.append(std::move(r));
        }
        if (!group.isEmpty())
            each(group);
    });
}

} // namespace sunshine
