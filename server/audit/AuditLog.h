#pragma once

#include "common/core/Clock.h"
#include "server/store/Store.h"

#include <QJsonObject>
#include <QString>

namespace sunshine {

struct AuditEntry
{
    QString actorId;
    QString actorName;
    QString action; // "login", "login.failed", "user.create", ...
    QString targetType;
    QString targetId;
    QJsonObject detail;
    QString address;
};

// The append-only audit log. Each entry's hash covers its content and the previous entry's hash, and the
// newest hash is kept in audit_head, so changing, removing or truncating entries is detected by verify().
class AuditLog
{
public:
    AuditLog(Store &store, const Clock &clock);

    // Appends inside the caller's write transaction (so the entry commits or rolls back with the change).
    void append(const AuditEntry &entry);
    // Many entries at once (one head update, multi-row inserts), in order.
    void append(const QList<AuditEntry> &entries);

    struct Verification
    {
        bool intact = false;
        qint64 checked = 0;
        qint64 firstBrokenSeq = 0; // 0 when intact
        QString reason;
    };
    Verification verify();

    static QByteArray entryHash(const QByteArray &prevHash, qint64 seq, qint64 atMs, const AuditEntry &e,
                                const QString &detailJson);

private:
    Store &m_store;
    const Clock &m_clock;
};

} // namespace sunshine
