#include "server/attachments/AttachmentService.h"

#include "server/access/Disclosure.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

AttachmentService::AttachmentService(Store &store, AttachmentStore &files, AuditLog &audit,
                                     const Clock &clock)
    : m_store(store)
    , m_files(files)
    , m_audit(audit)
    , m_clock(clock)
{}

void AttachmentService::checkSha(const QString &sha256)
{
    static const QRegularExpression re(u"^[0-9a-f]{64}$"_s);
    if (!re.match(sha256).hasMatch())
        throw ApiError(ErrorCode::BadRequest, u"附件编号应为 64 位小写十六进制 SHA-256"_s, u"sha256"_s);
}

QJsonObject AttachmentService::statusOf(const QString &sha256, bool *found)
{
    SqlQuery q(
        m_store,
        u"SELECT size, received, complete, mime_type, uploaded_by FROM attachments WHERE sha256 = ?"_s);
    q.bindText(sha256).exec();
    *found = q.next();
    if (!*found)
        return {};
    return {{u"sha256"_s, sha256},
            {u"size"_s, q.int64(0)},
            {u"received"_s, q.int64(1)},
            {u"complete"_s, q.flag(2)},
            {u"mimeType"_s, q.text(3)}};
}

QJsonObject AttachmentService::begin(const AuthSession &actor, const QString &sha256, qint64 size,
                                     const QString &mimeType)
{
    checkSha(sha256);
    if (size <= 0)
        throw ApiError(ErrorCode::ValidationFailed, u"附件大小应大于 0"_s, u"size"_s);
    if (size > kMaxFileBytes)
        throw ApiError(ErrorCode::PayloadTooLarge, u"附件不能超过 %1 MB"_s.arg(kMaxFileBytes >> 20),
                       u"size"_s);
    // Supervisors attach the documents of their own records (audit reports, referral letters).
    if (!actor.scope.hasRole(Role::Clerk) && !actor.scope.hasRole(Role::Reviewer) &&
        !actor.scope.hasRole(Role::Supervisor))
        throw ApiError(ErrorCode::Forbidden, u"领导只能查看数据，不能上传附件"_s);
    Transaction tx(m_store);
    bool found = false;
    QJsonObject s = statusOf(sha256, &found);
    if (found) {
        if (s.value(u"size"_s).toInteger() != size)
            throw ApiError(ErrorCode::Conflict, u"同一 SHA-256 的附件已登记为不同的大小"_s, u"size"_s);
        tx.commit();
        return s;
    }
    SqlQuery(
        m_store,
        u"INSERT INTO attachments (sha256, size, mime_type, received, complete, uploaded_by, created_at) "
        u"VALUES (?, ?, ?, 0, 0, ?, ?)"_s)
        .bindText(sha256)
        .bind(size)
        .bindText(mimeType.left(100))
        .bindText(actor.userId)
        .bind(m_clock.nowMs())
        .exec();
    tx.commit();
    return {{u"sha256"_s, sha256},
            {u"size"_s, size},
            {u"received"_s, 0},
            {u"complete"_s, false},
            {u"mimeType"_s, mimeType.left(100)}};
}

QJsonObject AttachmentService::status(const AuthSession &, const QString &sha256)
{
    checkSha(sha256);
    bool found = false;
    const QJsonObject s = statusOf(sha256, &found);
    if (!found)
        throw ApiError(ErrorCode::NotFound, u"附件尚未登记"_s);
    return s;
}

QJsonObject AttachmentService::append(const AuthSession &actor, const QString &sha256, qint64 offset,
                                      const QByteArray &chunk, const QString &address)
{
    checkSha(sha256);
    if (chunk.isEmpty())
        throw ApiError(ErrorCode::BadRequest, u"上传内容为空"_s);
    if (chunk.size() > kMaxChunkBytes)
        throw ApiError(ErrorCode::PayloadTooLarge, u"每次最多上传 %1 MB"_s.arg(kMaxChunkBytes >> 20));
    // One writer per file at a time: the transaction holds the row (and on SQLite the whole store) until
    // done.
    Transaction tx(m_store);
    SqlQuery q(m_store,
               m_store.isPostgres()
                   ? u"SELECT size, received, complete FROM attachments WHERE sha256 = ? FOR UPDATE"_s
                   : u"SELECT size, received, complete FROM attachments WHERE sha256 = ?"_s);
    q.bindText(sha256).exec();
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, u"附件尚未登记，请先开始上传"_s);
    const qint64 size = q.int64(0);
    const qint64 received = q.int64(1);
    if (q.flag(2))
        return {{u"sha256"_s, sha256}, {u"size"_s, size}, {u"received"_s, size}, {u"complete"_s, true}};
    if (offset != received)
        throw ApiError(ErrorCode::Conflict,
                       u"上传位置不符：服务器已收到 %1 字节，请从该位置继续"_s.arg(received))
            .withDetail(u"received"_s, received);
    if (offset + chunk.size() > size)
        throw ApiError(ErrorCode::PayloadTooLarge, u"上传内容超过了登记的附件大小"_s);
    QString error;
    if (!m_files.writePartial(sha256, offset, chunk, &error))
        throw StoreError(u"attachment write failed: "_s + error);
    const qint64 now = offset + chunk.size();
    bool complete = false;
    if (now == size) {
        if (!m_files.complete(sha256, &error)) {
            SqlQuery(m_store, u"UPDATE attachments SET received = 0 WHERE sha256 = ?"_s)
                .bindText(sha256)
                .exec();
            tx.commit();
            throw ApiError(ErrorCode::ValidationFailed, u"附件内容与其 SHA-256 不符，请重新上传"_s,
                           u"sha256"_s);
        }
        complete = true;
        m_audit.append({actor.userId,
                        actor.username,
                        u"attachment.upload"_s,
                        u"attachment"_s,
                        sha256,
                        {{u"size"_s, size}},
                        address});
    }
    SqlQuery(m_store,
             u"UPDATE attachments SET received = ?, complete = ?, completed_at = ? WHERE sha256 = ?"_s)
        .bind(now)
        .bind(complete ? 1 : 0)
        .bind(complete ? m_clock.nowMs() : 0)
        .bindText(sha256)
        .exec();
    tx.commit();
    return {{u"sha256"_s, sha256}, {u"size"_s, size}, {u"received"_s, now}, {u"complete"_s, complete}};
}

QByteArray AttachmentService::download(const AuthSession &actor, const QString &sha256, QString *mimeType,
                                       const QString &address, const QString &reason)
{
    checkSha(sha256);
    SqlQuery q(m_store, u"SELECT complete, mime_type, uploaded_by FROM attachments WHERE sha256 = ?"_s);
    q.bindText(sha256).exec();
    if (!q.next() || !q.flag(0))
        throw ApiError(ErrorCode::NotFound, u"附件不存在"_s);
    *mimeType = q.text(1);
    bool allowed = q.text(2) == actor.userId;
    Disclosure disclosure(actor, u"attachments"_s, reason);
    if (!allowed) {
        // A record of the reader's area refers to it, in a field they receive in full (need-to-know).
        SqlQuery refs(m_store,
                      u"SELECT r.id, r.type, r.data, r.department_id FROM attachment_refs a JOIN records r "
                      u"ON r.id = a.record_id WHERE a.sha256 = ? AND r.deleted = 0 AND r.org_path LIKE ?"_s);
        refs.bindText(sha256).bindText(actor.scope.orgPath + u'%').exec();
        while (!allowed && refs.next()) {
            allowed = disclosure.receivesAttachment(refs.text(1), refs.text(0),
                                                    QJsonDocument::fromJson(refs.text(2).toUtf8()).object(),
                                                    refs.text(3), sha256);
        }
        while (refs.next()) {
        }
    }
    if (!allowed)
        throw ApiError(ErrorCode::Forbidden, u"没有权限查看该附件"_s);
    const std::unique_ptr<QIODevice> file = m_files.open(sha256);
    if (!file)
        throw StoreError(u"attachment file missing: "_s + sha256);
    const QByteArray content = file->readAll();
    disclosure.log(m_store, m_audit, address);
    return content;
}

} // namespace sunshine
