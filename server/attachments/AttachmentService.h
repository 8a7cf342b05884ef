#pragma once

#include "common/core/Clock.h"
#include "server/attachments/AttachmentStore.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QJsonObject>

namespace sunshine {

// Resumable uploads by SHA-256 and scoped downloads.
class AttachmentService
{
public:
    static constexpr qint64 kMaxFileBytes = 50LL * 1024 * 1024;
    static constexpr qint64 kMaxChunkBytes = 4LL * 1024 * 1024;

    AttachmentService(Store &store, AttachmentStore &files, AuditLog &audit, const Clock &clock);

    // Announces an upload (or finds it already there): {sha256, size, received, complete}.
    QJsonObject begin(const AuthSession &actor, const QString &sha256, qint64 size, const QString &mimeType);
    QJsonObject status(const AuthSession &actor, const QString &sha256);
    // Appends a chunk at `offset` (which must be what the server has received so far).
    QJsonObject append(const AuthSession &actor, const QString &sha256, qint64 offset,
                       const QByteArray &chunk, const QString &address);
    // The file, for a user who uploaded it, or who receives in full (need-to-know) a field of a record of
    // their area that refers to it; a hand-out of personal or confidential data is logged. `reason`: the
    // reader's stated reason, if any (a supervisor's, Art. 26).
    QByteArray download(const AuthSession &actor, const QString &sha256, QString *mimeType,
                        const QString &address, const QString &reason = {});

    static void checkSha(const QString &sha256);

private:
    QJsonObject statusOf(const QString &sha256, bool *found);

    Store &m_store;
    AttachmentStore &m_files;
    AuditLog &m_audit;
    const Clock &m_clock;
};

} // namespace sunshine
