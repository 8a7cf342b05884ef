#pragma once

#include "auth/Scope.h"
#include "org/OrgUnit.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace sunshine::sync {

// Attachments: an array of SHA-256 hex names of uploaded files (at most maxLength of them).
enum class FieldKind
{
    Text,
    Integer,
    Boolean,
    Date,
    Choice,
    Phone,
    Mobile,
    Attachments
};

struct FieldSpec
{
    QString name;
    FieldKind kind = FieldKind::Text;
    int maxLength = 0; // Text: characters
    bool required = false;
    QStringList choices; // Choice
};

// What is wrong with a record, as the clerk is told: stable code, Chinese message, the field.
struct FieldProblem
{
    QString code; // an ErrorCode name, e.g. "VALIDATION_FAILED"
    QString message;
    QString field;
};

// Where a record sits: its org unit and department, resolved by the server (or the client's cache).
struct Placement
{
    QString orgUnitId;
    QString orgPath;
    OrgLevel orgLevel = OrgLevel::City;
    QString departmentId;
    QString departmentCode;      // "finance", ...
    QString departmentOrgUnitId; // the org unit the department belongs to
};

// One kind of synced record. The server enforces it; the app runs the same checks while offline.
class RecordType
{
public:
    virtual ~RecordType() = default;

    virtual QString name() const = 0; // wire name, e.g. "department-contact"
    virtual QString chineseName() const = 0;
    virtual QList<FieldSpec> fields() const = 0;

    // The type, length and shape of one field's value (null clears an optional field).
    std::optional<FieldProblem> checkField(const QString &key, const QJsonValue &value) const;
    // A whole record after a change: every field known, required ones present, then the type's own rules.
    std::optional<FieldProblem> checkRecord(const QString &recordId, const QJsonObject &fields,
                                            const Placement &placement) const;
    // Why `actor` may not write a record placed so; nothing when allowed.
    virtual std::optional<QString> writeDenied(const Scope &actor, const Placement &placement) const = 0;
    // When entry for this record closes (UTC ms), if the type has an entry window.
    virtual std::optional<qint64> entryClosesAtMs(const QJsonObject &fields) const;
    // The SHA-256 names of the files a record refers to.
    QStringList attachmentsOf(const QJsonObject &fields) const;

protected:
    virtual std::optional<FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                   const Placement &placement) const;
};

// All record types, by wire name.
class RecordTypes
{
public:
    static const RecordType *find(const QString &name);
    static QStringList names();
    // Adds a type (tests add their own); the registry owns it.
    static void add(std::unique_ptr<RecordType> type);
};

} // namespace sunshine::sync
