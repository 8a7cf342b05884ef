#include "app/sync/LocalCache.h"

#include "app/sync/CacheQuery.h"
#include "app/sync/CacheSql.h"
#include "common/sync/RecordType.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

// The cache file's schema: the tables, the numbered migrations (PRAGMA user_version), the field indexes the
// record types declare and the query planner's statistics.
namespace sunshine::app {

using namespace sync;
using namespace cachesql;

namespace {

constexpr const char16_t *kSchema[] = {
    u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    u"CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT NOT NULL, org_unit_id TEXT NOT NULL, "
    u"department_id TEXT, "
    u"version INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0, updated_by TEXT, "
    u"deleted INTEGER NOT NULL DEFAULT 0, late_synced INTEGER NOT NULL DEFAULT 0, "
    u"server_data TEXT NOT NULL DEFAULT '{}', data TEXT NOT NULL DEFAULT '{}', "
    u"local_deleted INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0, state_code TEXT, "
    u"state_message TEXT, state_field TEXT, theirs TEXT, pending_ops INTEGER NOT NULL DEFAULT 0)",
    u"CREATE INDEX records_type ON records(type, state)",
    u"CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE, "
    u"record_id TEXT NOT NULL, type TEXT NOT NULL, org_unit_id TEXT NOT NULL, department_id TEXT, "
    u"kind INTEGER NOT NULL, base_version INTEGER NOT NULL, changed TEXT NOT NULL, device_time INTEGER NOT "
    u"NULL, "
    u"last_contact INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0, code TEXT, message TEXT, field TEXT)",
    u"CREATE INDEX outbox_record ON outbox(record_id, state)",
};

// One index on a record field, as a record type declares it (FieldSpec::cacheIndex).
struct FieldIndex
{
    QString name; // records_by_<field> | records_order_<field>
    QString createSql;
    QString stat; // its line in sqlite_stat1
};

QList<FieldIndex> fieldIndexes()
{
    // One partial index per type and field (WHERE type = '<type>'): a record is entered only in the indexes
    // of its own type's fields, so each new module's indexes cost nothing to the records of the others. The
    // queries of the cache name the type (type = ?), and SQLite plans with the bound type.
    static const QRegularExpression plainName(u"^[A-Za-z][A-Za-z0-9_]*$"_s);
    static const QRegularExpression plainType(u"^[a-z][a-z0-9-]*$"_s);
    QMap<QString, FieldIndex> byName;
    for (const QString &typeName : sync::RecordTypes::names()) {
        if (!plainType.match(typeName).hasMatch())
            continue;
        for (const sync::FieldSpec &f : sync::RecordTypes::find(typeName)->fieldSpecs()) {
            if (f.cacheIndex == sync::CacheIndex::None || !plainName.match(f.name).hasMatch())
                continue;
            const bool order = f.cacheIndex == sync::CacheIndex::Order;
            const QString name = (order ? u"records_order_"_s : u"records_by_"_s) + f.name + u"__"_s +
                                 QString(typeName).replace(u'-', u'_');
            byName.insert(name,
                          {name,
                           u"CREATE INDEX IF NOT EXISTS %1 ON records(type, %2%3) WHERE type = '%4'"_s.arg(
                               name, cachequery::field(f.name), order ? u", id"_s : QString(), typeName),
                           order ? u"1000000 100000 2 1"_s : u"1000000 100000 5"_s});
        }
    }
    return byName.values();
}

} // namespace

bool LocalCache::migrate(QString *error)
{
    const QSqlDatabase db = database();
    try {
        QSqlQuery v = run(db, u"PRAGMA user_version"_s);
        const int version = v.next() ? v.value(0).toInt() : 0;
        v.finish(); // an open statement would lock the schema against the migration below
        if (version > 7) {
            *error = u"本机缓存由较新版本的程序创建（版本 %1），请升级程序"_s.arg(version);
            return false;
        }
        if (version == 0) {
            LocalTransaction tx(db);
            for (const char16_t *sql : kSchema)
                run(db, QString::fromUtf16(sql));
            run(db, u"PRAGMA user_version = 1"_s);
            tx.commit();
        }
        if (version < 2) {
            // Version 2: the outbox's returned and conflicting changes are found without walking the whole
            // outbox.
            LocalTransaction tx(db);
            run(db, u"CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, record_id)"_s);
            run(db, u"PRAGMA user_version = 2"_s);
            tx.commit();
        }
        if (version < 3) {
            // Version 3: the live records of a type counted and paged from an index alone (record tables).
            LocalTransaction tx(db);
            run(db, u"CREATE INDEX IF NOT EXISTS records_live ON records(type, local_deleted, deleted)"_s);
            run(db, u"PRAGMA user_version = 3"_s);
            tx.commit();
        }
        if (version < 4) {
            // Version 4: the files the clerk attached (copied beside the cache file) and whether the server
            // has them completely.
            LocalTransaction tx(db);
            run(db, u"CREATE TABLE IF NOT EXISTS attachments (sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, "
                    u"size INTEGER NOT NULL, uploaded INTEGER NOT NULL DEFAULT 0)"_s);
            run(db, u"PRAGMA user_version = 4"_s);
            tx.commit();
        }
        if (version < 6) {
            // Version 6: the indexes on record fields are declared by the fields (FieldSpec::cacheLookup,
            // cacheOrder) and made below under names taken from the field; the hand-named ones of versions 3
            // and 5 go. (Version 5 had no other change.)
            LocalTransaction tx(db);
            for (const QString &old :
                 {u"records_household"_s, u"records_pairing"_s, u"records_household_no"_s})
                run(db, u"DROP INDEX IF EXISTS "_s + old);
            run(db, u"PRAGMA user_version = 6"_s);
            tx.commit();
        }
        // Version 7: the field indexes are partial, one per type (see fieldIndexes()); those of version 6
        // over every type, and any field index no type declares any more, go.
        const QList<FieldIndex> indexes = fieldIndexes();
        {
            QSet<QString> declared;
            for (const FieldIndex &i : indexes)
                declared.insert(i.name);
            QStringList stale;
            QSqlQuery q =
                run(db, u"SELECT name FROM sqlite_master WHERE type = 'index' AND (name LIKE "
                        u"'records\\_by\\_%' ESCAPE '\\' OR name LIKE 'records\\_order\\_%' ESCAPE '\\')"_s);
            while (q.next()) {
                if (!declared.contains(q.value(0).toString()))
                    stale.append(q.value(0).toString());
            }
            q.finish();
            QSqlQuery stat = run(db, u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"_s);
            const bool hasStat = stat.next() && stat.value(0).toInt() > 0;
            stat.finish();
            LocalTransaction tx(db);
            for (const QString &name : std::as_const(stale)) {
                run(db, u"DROP INDEX IF EXISTS "_s + name);
                if (hasStat)
                    run(db, u"DELETE FROM sqlite_stat1 WHERE idx = ?"_s, {name});
            }
            if (version < 7)
                run(db, u"PRAGMA user_version = 7"_s);
            tx.commit();
        }
        // The field indexes the record types declare: a table opens in a field's order and reads its first
        // page in order instead of sorting them all (1.3 s for a million households), and the records of one
        // parent are found at once (members, incomes, visits). Made when missing (after an update that
        // declares a new one); a no-op otherwise.
        {
            LocalTransaction tx(db);
            for (const FieldIndex &i : indexes)
                run(db, i.createSql);
            tx.commit();
        }
        // Caches written while live records were counted by triggers: the triggers go.
        for (const QString &t :
             {u"records_count_insert"_s, u"records_count_delete"_s, u"records_count_update"_s})
            run(db, u"DROP TRIGGER IF EXISTS "_s + t);
        run(db, u"DROP TABLE IF EXISTS live_counts"_s);
        // The query planner's picture of the records table (SQLite's sqlite_stat1), written by hand instead
        // of measured by ANALYZE, which would read the whole file: many records per type and per state, a few
        // per value of a lookup field (the children of one parent record), one per id and per value of an
        // order field. Without it SQLite takes the index on (type, local_deleted, deleted) for "the children
        // of this record" and reads every child of every parent (2.8 s per query with 3,000,000 children).
        // Each declared field index gets its line from fieldIndexes().
        const auto count = [&db](const QString &sql) {
            QSqlQuery q = run(db, sql);
            return q.next() ? q.value(0).toInt() : 0;
        };
        bool planned = count(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"_s) > 0 &&
                       count(u"SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'records_live'"_s) > 0;
        for (const FieldIndex &i : indexes) {
            if (planned)
                planned = count(u"SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = '%1'"_s.arg(i.name)) > 0;
        }
        if (!planned) {
            run(db, u"ANALYZE meta"_s); // creates sqlite_stat1 (meta holds a few rows)
            LocalTransaction tx(db);
            run(db, u"DELETE FROM sqlite_stat1 WHERE tbl = 'records'"_s);
            QList<QPair<QString, QString>> lines{{u"sqlite_autoindex_records_1"_s, u"1000000 1"_s},
                                                 {u"records_type"_s, u"1000000 100000 50000"_s},
                                                 {u"records_live"_s, u"1000000 100000 100000 100000"_s}};
            for (const FieldIndex &i : indexes)
                lines.append({i.name, i.stat});
            for (const auto &l : lines)
                run(db, u"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('records', ?, ?)"_s,
                    {l.first, l.second});
            tx.commit();
            run(db, u"ANALYZE sqlite_schema"_s); // this connection plans with them at once
        }
        return true;
    } catch (const Failure &f) {
        *error = f.what;
        return false;
    }
}

} // namespace sunshine::app
