#include "server/audit/AuditLog.h"

#include "server/store/BulkInsert.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

AuditLog::AuditLog(Store &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{}

QByteArray AuditLog::entryHash(const QByteArray &prevHash, qint64 seq, qint64 atMs, const AuditEntry &e,
                               const QString &detailJson)
{
    // Unit separators keep field boundaries unambiguous.
    const QString canonical = QStringList{QString::fromLatin1(prevHash),
                                          QString::number(seq),
                                          QString::number(atMs),
                                          e.actorId,
                                          e.actorName,
                                          e.action,
                                          e.targetType,
                                          e.targetId,
                                          detailJson,
                                          e.address}
                                  .join(QChar(0x1f));
    return QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex();
}

void AuditLog::append(const AuditEntry &entry)
{
    append(QList<AuditEntry>{entry});
}

void AuditLog::append(const QList<AuditEntry> &entries)
{
    if (entries.isEmpty())
        return;
    // Serialises writers: SQLite holds the write lock already (BEGIN IMMEDIATE); PostgreSQL locks the head
    // row, across server processes too.
    SqlQuery head(m_store, m_store.isPostgres()
                               ? u"SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"_s
                               : u"SELECT seq, hash FROM audit_head WHERE id = 1"_s);
    head.exec();
    if (!head.next())
        throw StoreError(u"audit_head row missing"_s);
    qint64 seq = head.int64(0);
    QByteArray prev = head.text(1).toLatin1();
    const qint64 at = m_clock.nowMs();
    BulkInsert insert(m_store, u"audit_log"_s,
                      {u"seq"_s, u"at_ms"_s, u"actor_id"_s, u"actor_name"_s, u"action"_s, u"target_type"_s,
                       u"target_id"_s, u"detail"_s, u"address"_s, u"prev_hash"_s, u"hash"_s});
    auto text = [](const QString &s) {
        return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
    };
    for (const AuditEntry &e : entries) {
        ++seq;
        const QString detail = QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
        const QByteArray hash = entryHash(prev, seq, at, e, detail);
        insert.add({seq, at, text(e.actorId), text(e.actorName), text(e.action), text(e.targetType),
                    text(e.targetId), detail, text(e.address), QString::fromLatin1(prev),
                    QString::fromLatin1(hash)});
        prev = hash;
    }
    insert.flush();
    SqlQuery(m_store, u"UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"_s)
        .bind(seq)
        .bindText(QString::fromLatin1(prev))
        .exec();
}

AuditLog::Verification AuditLog::verify()
{
    Verification v;
    Transaction tx(m_store, Transaction::Mode::Read);
    SqlQuery q(m_store,
               u"SELECT seq, at_ms, actor_id, actor_name, action, target_type, target_id, detail, address, "
               u"prev_hash, hash FROM audit_log ORDER BY seq"_s);
    q.raw().setForwardOnly(true);
    q.exec();
    QByteArray prev = "genesis";
    qint64 expectedSeq = 1;
    while (q.next()) {
        const qint64 seq = q.int64(0);
        AuditEntry e{q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), {}, q.text(8)};
        const QString detail = q.text(7);
        const QByteArray storedPrev = q.text(9).toLatin1();
        const QByteArray stored = q.text(10).toLatin1();
        if (seq != expectedSeq) {
            v.firstBrokenSeq = expectedSeq;
            v.reason = u"第 %1 条记录缺失（下一条为第 %2 条）"_s.arg(expectedSeq).arg(seq);
            return v;
        }
        if (storedPrev != prev) {
            v.firstBrokenSeq = seq;
            v.reason = u"第 %1 条记录与前一条的链接不符（前一条被修改或删除）"_s.arg(seq);
            return v;
        }
        if (entryHash(prev, seq, q.int64(1), e, detail) != stored) {
            v.firstBrokenSeq = seq;
            v.reason = u"第 %1 条记录的内容与其哈希不符（记录被修改）"_s.arg(seq);
            return v;
        }
        prev = stored;
        ++expectedSeq;
        ++v.checked;
    }
    SqlQuery head(m_store, u"SELECT seq, hash FROM audit_head WHERE id = 1"_s);
    head.exec();
    if (!head.next()) {
        v.firstBrokenSeq = expectedSeq;
        v.reason = u"审计日志头记录缺失"_s;
        return v;
    }
    if (head.int64(0) != expectedSeq - 1 || head.text(1).toLatin1() != prev) {
        v.firstBrokenSeq = expectedSeq;
        v.reason =
            u"审计日志应有 %1 条，实际只有 %2 条（末尾记录被删除）"_s.arg(head.int64(0)).arg(expectedSeq - 1);
        return v;
    }
    v.intact = true;
    return v;
}

} // namespace sunshine
