#pragma once

#include "server/funds/SummaryUpdater.h"
#include "server/store/BulkInsert.h"

#include <QJsonObject>
#include <QString>

namespace sunshine {

class Store;

// Demo records written in bulk as a push would leave them: the record (version 1, next sync sequence), its
// history row, its city-wide unique keys, its attachment references and its share of the fund summaries.
// finish() writes what is pending and moves the sync head.
class DemoRecordWriter
{
public:
    explicit DemoRecordWriter(Store &store);

    // `departmentId` may be empty (records without a department); `atMs` is its created and updated time.
    void add(const QString &type, const QString &id, const QString &orgUnitId, const QString &orgPath,
             const QString &departmentId, const QJsonObject &fields, const QString &by, qint64 atMs,
             bool lateSynced = false);
    // The number of records written.
    int finish();

    qint64 sequence() const { return m_seq; }

private:
    Store &m_store;
    qint64 m_seq = 0;
    int m_count = 0;
    BulkInsert m_records;
    BulkInsert m_history;
    BulkInsert m_keys;
    BulkInsert m_refs;
    SummaryUpdater m_summaries;
};

} // namespace sunshine
