#pragma once

#include "common/rules/Rules.h"
#include "server/store/Store.h"

namespace sunshine {

// The records the warning rules read, from the store, on the caller's connection and transaction. The rule's
// filter becomes SQL here (fields through Store::fieldSql); the type is written into the SQL as a literal so
// that the store's partial indexes on a type apply.
class StoreRuleData final : public rules::RuleData
{
public:
    explicit StoreRuleData(Store &store)
        : m_store(store)
    {}
    void scan(const QString &type, const rules::RuleFilter &filter,
              const std::function<void(const rules::RuleRecord &)> &each) override;
    void groups(const QString &type, const QStringList &keyFields, const rules::RuleFilter &filter,
                const std::function<void(const QList<rules::RuleRecord> &)> &each) override;
    QHash<QString, qint64> totals(const QString &type, const rules::RuleFilter &filter,
                                  const QString &field) override;

    qint64 rowsRead() const { return m_rows; }

    // Lists longer than this are asked for in several statements.
    static constexpr int kChunk = 500;

private:
    struct Where
    {
        QString sql;
        QVariantList binds;
    };
    // The WHERE clause for records of `type` passing `filter`, with `chunk` in place of its longest list; the
    // fields read from the jsonb column `jsonb` when given (see source()).
    Where where(const QString &type, const rules::RuleFilter &filter, const QStringList *chunk,
                const QString &jsonb = {}) const;
    // What a query over the records of `type` reads from, and the jsonb column its fields come from (none:
    // the fields are read from `data` as the store's indexes do). On PostgreSQL a scan of every record of a
    // type parses each record's JSON once (a subquery that is not flattened) instead of once per field; a
    // query for given records or values keeps the plain expressions, which the store's expression indexes
    // serve.
    QPair<QString, QString> source(const QString &type, const rules::RuleFilter &filter) const;
    // Calls `run` once per chunk of the filter's longest list (once when it has none); nothing when a list
    // is given empty.
    void forEachChunk(const rules::RuleFilter &filter,
                      const std::function<void(const QStringList *)> &run) const;

    Store &m_store;
    qint64 m_rows = 0;
};

} // namespace sunshine
