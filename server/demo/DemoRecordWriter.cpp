#include "server/demo/DemoRecordWriter.h"

#include "common/sync/RecordType.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

DemoRecordWriter::DemoRecordWriter(Store &store)
    : m_store(store)
    , m_records(store, u"records"_s,
                {u"id"_s, u"type"_s, u"org_unit_id"_s, u"org_path"_s, u"department_id"_s, u"version"_s,
                 u"seq"_s, u"updated_at"_s, u"updated_by"_s, u"deleted"_s, u"late_synced"_s, u"created_at"_s,
                 u"created_by"_s, u"data"_s})
    , m_history(store, u"record_history"_s,
                {u"record_id"_s, u"version"_s, u"changed"_s, u"data"_s, u"deleted"_s, u"late_synced"_s,
                 u"updated_at"_s, u"updated_by"_s, u"op_id"_s})
    , m_keys(store, u"record_keys"_s, {u"key"_s, u"record_id"_s})
    , m_refs(store, u"attachment_refs"_s, {u"sha256"_s, u"record_id"_s})
    , m_summaries(store)
{
    SqlQuery head(store, u"SELECT seq FROM sync_head WHERE id = 1"_s);
    head.exec();
    head.next();
    m_seq = head.int64(0);
}

void DemoRecordWriter::add(const QString &type, const QString &id, const QString &orgUnitId,
                           const QString &orgPath, const QString &departmentId, const QJsonObject &fields,
                           const QString &by, qint64 atMs, bool lateSynced)
{
    const QVariant noText(QMetaType::fromType<QString>());
    const QVariant department = departmentId.isEmpty() ? noText : QVariant(departmentId);
    const int late = lateSynced ? 1 : 0;
    const QString data = QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    m_records.add({id, type, orgUnitId, orgPath, department, 1, ++m_seq, atMs, by, 0, late, atMs, by, data});
    m_history.add(
        {id, 1,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(fields.keys())).toJson(QJsonDocument::Compact)),
         data, 0, late, atMs, by, noText});
    if (const sync::RecordType *t = sync::RecordTypes::find(type)) {
        const QList<QPair<QString, QString>> keys = t->uniqueKeys(fields);
        for (const auto &k : keys)
            m_keys.add({k.first, id});
        const QStringList files = t->attachmentsOf(fields);
        for (const QString &sha : files)
            m_refs.add({sha, id});
    }
    if (SummaryUpdater::concerns(type)) {
        const SummaryRecord r{type, orgPath, departmentId, fields, false, id};
        m_summaries.change(nullptr, &r);
    }
    ++m_count;
}

int DemoRecordWriter::finish()
{
    m_records.flush();
    m_history.flush();
    m_keys.flush();
    m_refs.flush();
    m_summaries.flush();
    SqlQuery(m_store, u"UPDATE sync_head SET seq = ? WHERE id = 1"_s).bind(m_seq).exec();
    return m_count;
}

} // namespace sunshine
