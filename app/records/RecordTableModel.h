#pragma once

#include "app/sync/CacheQuery.h"
#include "common/sync/RecordType.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <vector>

namespace sunshine::app {

class LocalCache;

// One column of a record table: a field of the record type, or one of the envelope keys "@state" (sync
// state),
// "@updatedAt" (last change confirmed by the server), "@orgUnit" (the record's org unit), "@lateSynced".
// An empty header takes the field's label.
struct RecordColumn
{
    QString key;
    QString header;
};

// The live records of one type in the clerk's cache (not deleted, not deleted locally), read with SQL and
// fetched in pages of kPageSize as the view scrolls, so a type with a hundred thousand records opens at once.
// Sorting, the search and the filters are done by SQLite (bound parameters only); the display follows the
// field kinds (money in yuan, Chinese choice labels, masked personal data unless setShowPersonal(true)).
//
// Paging is by key ("the rows after the last one loaded" in the sort order, with the record id as
// tie-breaker), so deep pages cost no more than the first and a change arriving meanwhile neither repeats nor
// skips a row. Unsorted, the rows come in the order they came into the cache (the server's order, records
// entered on this computer last), which an index on (type, local_deleted, deleted) serves without sorting.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        RawValueRole = Qt::UserRole + 1, // the value as stored: QString, qint64 (money in fen), double, bool;
                                         // invalid when absent. "@state": int, "@updatedAt": ms,
                                         // "@orgUnit": the id, "@lateSynced": bool
        RecordIdRole,
        StateRole, // int(RecordState)
    };
    static constexpr int kPageSize = 256;

    // Turns an id (an org unit's, a referenced record's) into the text shown.
    using Resolver = std::function<QString(const QString &id)>;

    RecordTableModel(LocalCache &cache, const sync::RecordType &type, QList<RecordColumn> columns,
                     QObject *parent = nullptr);
    // The same with filters (as setEquals) in place before the first read: a list only ever shown filtered
    // (the members of the chosen household) never reads all the records of its type.
    RecordTableModel(LocalCache &cache, const sync::RecordType &type, QList<RecordColumn> columns,
                     const QMap<QString, QVariant> &equals, QObject *parent = nullptr);
    ~RecordTableModel() override;

    const sync::RecordType &recordType() const { return m_type; }
    QList<RecordColumn> columns() const { return m_columns; }
    // The column showing `key`, or -1.
    int columnOf(const QString &key) const;

    // The fields setSearch() looks in. A Choice field also matches by its Chinese labels; a personal field
    // matches only its whole value while personal data is masked (so digits cannot be probed).
    void setSearchFields(const QStringList &fields);
    // Case-insensitive "contains" in any search field; empty shows all. Reloads.
    void setSearch(const QString &text);
    QString search() const { return m_search; }
    // Only records whose `field` (or envelope key "@orgUnit", "@state", "@lateSynced") equals `value`;
    // several fields may be set at once; an invalid or empty value removes the filter. Reloads.
    void setEquals(const QString &field, const QVariant &value);
    void clearEquals();
    // Only records of these org units; empty: all. Reloads.
    void setOrgUnits(const QStringList &orgUnitIds);
    // Shows ID numbers and phones in full (for roles that need them).
    void setShowPersonal(bool show);
    bool showPersonal() const { return m_showPersonal; }
    void setOrgUnitResolver(Resolver resolver);
    // For one Reference field; an empty `field` sets the resolver of every Reference field without its own.
    // Results are remembered until the next reload.
    void setReferenceResolver(const QString &field, Resolver resolver);
    // A Text field whose values stand for something with a name (e.g. a fund line's code): shown by its
    // label, and the search matches the labels as it does a Choice field's. (value, label) pairs.
    void setValueLabels(const QString &field, const QList<QPair<QString, QString>> &valueLabels);
    // A further condition named `name` on the records, e.g. a deadline state, from the query layer
    // (app/sync/CacheQuery). An empty condition removes it. Reloads.
    void setCondition(const QString &name, const CacheCondition &condition);

    // Reads the cache again, keeping the sort, the filters and the number of rows already loaded.
    void reload();

    QString recordIdAt(int row) const;
    // The row of a loaded record, or -1.
    int rowOf(const QString &recordId) const;
    // All records that match the filters (also those not loaded yet).
    qint64 totalCount() const { return m_total; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The last SQL failure (empty when the last read worked).
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Column -1: the default order (as the records came into the cache).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void totalCountChanged(qint64 total);

private:
    enum class Envelope
    {
        None,
        State,
        UpdatedAt,
        OrgUnit,
        Department, // resolved by the reference resolver of "@department"
        LateSynced
    };
    struct Column
    {
        RecordColumn column;
        Envelope envelope = Envelope::None;
        std::optional<sync::FieldSpec> spec;
        QString sql; // the expression selecting it
    };
    struct Row
    {
        qint64 rowid = 0; // the default order: as the records came into the cache
        QString id;
        int state = 0;
        QString stateMessage;
        QVariantList values; // one per column, as SQLite returned them
    };
    struct Filter
    {
        QString sql; // " AND ..." terms
        QVariantList binds;
    };

    QString expressionFor(const QString &key, std::optional<sync::FieldSpec> *spec, Envelope *envelope) const;
    Filter filter() const;
    bool load(int limit, bool withCount);
    bool queryRows(const Filter &filter, const Row *after, int limit, bool windowCount, std::vector<Row> *out,
                   qint64 *count);
    // recount false: only the order changed, the count stays.
    void restart(bool keepLoaded, bool recount = true);
    QString display(const Column &column, const Row &row, const QVariant &raw) const;
    QVariant rawValue(const Column &column, const QVariant &raw) const;
    QString resolve(const Column &column, const QString &id) const;

    LocalCache &m_cache;
    const sync::RecordType &m_type;
    QList<RecordColumn> m_columns;
    std::vector<Column> m_cols;
    std::vector<Row> m_rows;
    qint64 m_total = 0;
    bool m_atEnd = true;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QStringList m_searchFields;
    QString m_search;
    QMap<QString, QVariant> m_equals;
    QStringList m_orgUnits;
    bool m_showPersonal = false;
    Resolver m_orgUnitResolver;
    QHash<QString, Resolver> m_referenceResolvers;              // "" = every Reference field
    QHash<QString, QHash<QString, QString>> m_valueLabels;      // field -> value -> label
    QMap<QString, QPair<QString, QVariantList>> m_conditions;   // name -> (sql, binds)
    mutable QHash<QString, QHash<QString, QString>> m_resolved; // column key -> id -> text, per reload
    QString m_error;
};

// "138****5678": a phone keeps its first 3 and last 4 characters; shorter ones are masked whole.
QString maskedPhone(const QString &phone);

} // namespace sunshine::app
