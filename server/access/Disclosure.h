#pragma once

#include "common/sync/Masking.h"
#include "common/sync/RecordType.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sunshine {

// Need-to-know on every read path of the server (pull, record pages, a record disclosed with a reason,
// attachments): one object per answer, for one reader. It hands out each record's fields as the reader may
// receive them (sync::fieldAccess: personal data masked, confidential data summarised for those whose work
// does not need it) and remembers what it handed out in full: an unmasked ID number or comparison data. log()
// then writes one audit entry per such record ("personal-data.handout": who, when, which record, by which
// route, why) before the answer leaves the server.
class Disclosure
{
public:
    // `route` names the read path in the audit entry ("sync/pull", "records", "records/disclose" …);
    // `reason` is the reader's stated reason, if any (it lets a supervisor receive what is otherwise
    // withheld from them).
    Disclosure(const AuthSession &reader, QString route, QString reason = {});

    // Appends the fields of a record, given as its stored JSON text, as the reader receives them: the text as
    // it is when nothing in it is withheld, otherwise with the withheld values replaced (without parsing the
    // whole text where it can).
    // `departmentId`: the record's department (what only it receives, FieldSpec::ownDepartmentOnly).
    void appendFields(QByteArray &out, const QString &typeName, const QString &recordId,
                      const QByteArray &stored, const QString &departmentId);
    // The same on a parsed record.
    void disclose(const QString &typeName, const QString &recordId, QJsonObject &fields,
                  const QString &departmentId);
    // Whether the reader may download an attachment that this record holds in an attachment field: only when
    // it is in a field they receive in full (the hand-out noted when that field is personal or
    // confidential).
    bool receivesAttachment(const QString &typeName, const QString &recordId, const QJsonObject &fields,
                            const QString &departmentId, const QString &sha256);

    // One audit entry per record handed out, in a transaction of its own; nothing when there is none.
    void log(Store &store, AuditLog &audit, const QString &address);

private:
    struct Item
    {
        QByteArray key; // quoted, as in the stored JSON text
        sync::FieldSpec spec;
        sync::FieldAccess access = sync::FieldAccess::Full;
        bool logged = false; // handing it out in full is logged
    };
    struct Plan
    {
        const sync::RecordType *type = nullptr;
        QList<Item> items;      // the fields that are withheld or logged
        bool withholds = false; // some field is not handed out in full
    };
    const Plan &planFor(const QString &typeName, bool ownDepartment);
    // The reader as they read a record of this department.
    sync::Reader readerFor(const QString &departmentId) const;
    void note(const QString &typeName, const QString &recordId, const sync::Handout &handout);

    AuthSession m_session;
    QString m_route;
    QString m_reason;
    sync::Reader m_reader;
    QHash<QString, Plan> m_plans;
    struct Entry
    {
        QString type;
        QString recordId;
        sync::Handout handout;
    };
    QList<Entry> m_handouts;
};

} // namespace sunshine
