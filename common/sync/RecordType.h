#pragma once

#include "common/auth/Scope.h"
#include "common/core/WorkingCalendar.h"
#include "common/org/OrgUnit.h"
#include "common/sync/SyncTypes.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace sunshine::sync {

// Attachments: an array of SHA-256 hex names of uploaded files (at most maxLength of them).
// Money: integer fen. IdNumber: an 18-character 身份证号 (GB 11643). Number: a decimal (e.g. latitude).
// Reference: the id of another record (refType); StepList: a workflow's history (array of objects, checked by
// the record type's own rules).
enum class FieldKind
{
    Text,
    Integer,
    Boolean,
    Date,
    Choice,
    Phone,
    Mobile,
    Attachments,
    Money,
    IdNumber,
    Number,
    Reference,
    StepList
};

// How the desktop program's local cache indexes a field of the records that have it (one index per field
// name, across types, on (type, value)): Lookup finds the records of a type by the value ("the members of
// this parent record"); Order also keeps them in the value's order, for tables that open sorted by it.
enum class CacheIndex
{
    None,
    Lookup,
    Order
};

// One field of a record type, built fluently: FieldSpec(u"name"_s, FieldKind::Text,
// u"姓名"_s).max(40).require().
struct FieldSpec
{
    QString name;
    FieldKind kind = FieldKind::Text;
    int maxLength = 0; // Text: characters; Attachments, StepList: items
    bool required = false;
    QStringList choices;      // Choice: wire values
    QString label;            // Chinese label, as clerks see it and messages name it
    QStringList choiceLabels; // Chinese, one per choice
    QString refType;          // Reference: the record type it points at
    bool personal = false;    // ID numbers and phones: masked for roles that do not need them
    // Confidential (Art. 26: comparison results; a complainant's identity, Art. 24): handed out in full only
    // to those whose work needs them (sync::fieldAccess); everyone else receives its summary: for a list of
    // objects, each item with only the keys in summaryKeys (e.g. the state of each hit); for any other value,
    // null. Each full hand-out is logged as `handoutKind` ("comparison", "complainant").
    bool confidential = false;
    QStringList summaryKeys;
    QString handoutKind;
    // Confidential to the record's own department (a reporter's identity, to the office that keeps the
    // report): its clerks and reviewers receive it in full, supervisors with a reason; nobody else.
    bool ownDepartmentOnly = false;
    // Confidential data a unit keeps itself (a town's register of the people its supervision concerns): the
    // clerks and reviewers of that level, who enter and keep it, receive it in full as well (keptAt).
    std::optional<OrgLevel> keeperLevel;
    bool readOnly = false;      // set by workflow actions or derived, not typed into the form
    bool notAfterToday = false; // Date: a day that has happened (checked against RuleContext::today)
    CacheIndex cacheIndex = CacheIndex::None;

    FieldSpec() = default;
    FieldSpec(QString fieldName, FieldKind fieldKind, QString chineseLabel = {})
        : name(std::move(fieldName))
        , kind(fieldKind)
        , label(std::move(chineseLabel))
    {}
    FieldSpec &max(int n)
    {
        maxLength = n;
        return *this;
    }
    FieldSpec &require()
    {
        required = true;
        return *this;
    }
    // Wire values and their Chinese labels, in pairs: {"leader", "分管领导", "liaison", "联络员"}.
    FieldSpec &options(const QStringList &valueLabelPairs);
    FieldSpec &references(const QString &type)
    {
        refType = type;
        return *this;
    }
    FieldSpec &personalData()
    {
        personal = true;
        return *this;
    }
    FieldSpec &confidentialData(const QStringList &keysInSummary = {},
                                const QString &what = QStringLiteral("comparison"))
    {
        confidential = true;
        summaryKeys = keysInSummary;
        handoutKind = what;
        return *this;
    }
    FieldSpec &ownDepartmentData(const QString &what)
    {
        confidentialData({}, what);
        ownDepartmentOnly = true;
        return *this;
    }
    // Confidential data (confidentialData) that the clerks and reviewers of `level` keep: they receive it in
    // full too. Readers at that level only ever read the records of their own unit.
    FieldSpec &keptAt(OrgLevel level)
    {
        keeperLevel = level;
        return *this;
    }
    // A date of something done (a visit, a payment, a report): it may not lie after today.
    FieldSpec &pastOrToday()
    {
        notAfterToday = true;
        return *this;
    }
    FieldSpec &derived()
    {
        readOnly = true;
        return *this;
    }
    // The local cache finds records by this field (an index on type and value).
    FieldSpec &cacheLookup()
    {
        cacheIndex = CacheIndex::Lookup;
        return *this;
    }
    // The local cache keeps records in this field's order (an index on type, value and id).
    FieldSpec &cacheOrder()
    {
        cacheIndex = CacheIndex::Order;
        return *this;
    }

    // The label, or the wire name when there is none.
    QString displayName() const { return label.isEmpty() ? name : label; }
    // The Chinese label of a choice value (the value itself when unknown).
    QString choiceLabel(const QString &value) const;
};

// What a rule may need beyond the record: the time, the working-day calendar, who acts, what was there
// before.
struct RuleContext
{
    qint64 nowMs = 0; // the server's time (the device's when checked offline)
    QDate today;      // nowMs as a date in China
    // The day the clerk made the entry: today, or, for an offline entry synced within the late-sync grace
    // period from a device whose clock is trusted, the device's day (rule 6 counts the year of entry).
    QDate entryDay;
    const WorkingCalendar *calendar = nullptr;
    const Scope *actor = nullptr;
    const QJsonObject *before = nullptr; // the record's fields before this change; null for a new record
    // Set by the server only: records a rule may look up (e.g. the record another one refers to).
    std::function<std::optional<Record>(const QString &recordId)> lookup;
    // Set by the server only: the live record holding a city-wide unique key ("person:<身份证号>"), when it
    // lies in the caller's area.
    std::function<std::optional<Record>(const QString &uniqueKey)> lookupKey;
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

// A record the server writes because another was written ("the server decides": an order that follows from a
// decision, a registration that follows from an approval). Written in the same push and transaction, with
// the server's authority, and checked by the rules of its own type like any record; when it cannot be written
// the change that caused it is refused.
struct Consequence
{
    QString type;
    QString recordId;     // fixed by what it is (derivedRecordId), so a consequence is never written twice
    QString orgUnitId;    // where a new record is placed
    QString departmentId; // and under which department
    QJsonObject fields; // set on the record: a new one is created with them, an existing one takes them over
    bool createOnly = false; // an existing live record is left as it is
};

// One kind of synced record. The server enforces it; the app runs the same checks while offline.
class RecordType
{
public:
    virtual ~RecordType() = default;

    // What the rules of every record type read and write.
    static FieldProblem problem(const QString &field, const QString &message,
                                const QString &code = QStringLiteral("VALIDATION_FAILED"));
    // A stored ISO date, or an invalid date when absent or not a date.
    static QDate dateOf(const QJsonObject &fields, const QString &field);
    // Stores a date as ISO text; an invalid date removes the field.
    static void setDate(QJsonObject &fields, const QString &field, QDate date);
    // A stored amount in fen; 0 when absent or not a number.
    static qint64 fenOf(const QJsonObject &fields, const QString &field);

    const QString &name() const { return m_name; } // wire name, e.g. "department-contact"
    const QString &chineseName() const { return m_chineseName; }
    virtual QList<FieldSpec> fields() const = 0;
    // fields(), built once per type (the checks run for every field of every record).
    const QList<FieldSpec> &fieldSpecs() const;

    // The type, length and shape of one field's value (null clears an optional field).
    std::optional<FieldProblem> checkField(const QString &key, const QJsonValue &value) const;
    // A whole record after a change: every field known, required ones present, then the type's own rules.
    std::optional<FieldProblem> checkRecord(const QString &recordId, const QJsonObject &fields,
                                            const Placement &placement, const RuleContext &context) const;
    // The spec of one field.
    std::optional<FieldSpec> field(const QString &name) const;
    // Why `actor` may not write a record placed so; nothing when allowed.
    virtual std::optional<QString> writeDenied(const Scope &actor, const Placement &placement) const = 0;
    // Whether supervisors (纪委, audit, finance) write records of this type: the supervision's own records.
    // Leaders and supervisors only read every other type (default).
    virtual bool supervisorsWrite() const { return false; }
    // Whether records of this type are also sent to the users below their unit, read-only: a county's
    // settings that its towns' computers apply offline (a county's approval thresholds). Default: no, a
    // record goes to its unit's subtree only.
    virtual bool sharedBelow() const { return false; }
    // The records the server writes as consequences of this one's change (`context.before`: as stored before;
    // `fields`: as written, derived fields included). Server only; the app never writes them. Default none.
    virtual QList<Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                            const Placement &placement, const RuleContext &context) const;
    // When entry for this record closes (UTC ms), if the type has an entry window.
    virtual std::optional<qint64> entryClosesAtMs(const QJsonObject &fields) const;
    // The SHA-256 names of the files a record refers to.
    QStringList attachmentsOf(const QJsonObject &fields) const;
    // Keys that no two live records may share across the whole city (e.g. "person:<身份证号>"), with the
    // field each belongs to. The server keeps them unique.
    virtual QList<QPair<QString, QString>> uniqueKeys(const QJsonObject &fields) const;
    // Fields the type computes from the others and stores with the record (the day entered, due dates):
    // read-only in the form, set by the server after the checks pass on every write (whatever the client
    // sent for them). `context.before` is the stored record, if any. Default: nothing derived.
    virtual void derive(QJsonObject &fields, const RuleContext &context) const;
    // Why the record may not be deleted (e.g. a catalog entry that records use); nothing when it may.
    virtual std::optional<FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                      const RuleContext &context) const;

protected:
    // The wire name and the name clerks read ("部门联络人").
    RecordType(QString name, QString chineseName)
        : m_name(std::move(name))
        , m_chineseName(std::move(chineseName))
    {}

private:
    QString m_name;
    QString m_chineseName;
    mutable std::once_flag m_specsOnce;
    mutable QList<FieldSpec> m_specs;

protected:
    virtual std::optional<FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                   const Placement &placement,
                                                   const RuleContext &context) const;
};

// A record id fixed by what the record is (one per parent record and period): UUID v5 of type and key.
QString derivedRecordId(const QString &typeName, const QString &key);
// The level of the org unit with this path ("/320600000000/" is the city).
OrgLevel orgLevelOfPath(const QString &orgPath);

// The record types a module's registerCommon() adds (common/sync/CommonModules.h).
using RecordTypeList = std::vector<std::unique_ptr<RecordType>>;

// All record types, by wire name: the core's and those of every module in common's module list.
// Whether a user with `scope` reads a record of `type` placed at `orgPath`: in their subtree, or a shared
// record (RecordType::sharedBelow) of a unit above them.
bool readableBy(const Scope &scope, const QString &type, const QString &orgPath);

class RecordTypes
{
public:
    static const RecordType *find(const QString &name);
    static QStringList names();
    // Adds a type (tests add their own); the registry owns it.
    static void add(std::unique_ptr<RecordType> type);
    // The registered type T (a class with a kName), typed: RecordTypes::get<SomeModuleType>().
    template <class T>
    static const T &get()
    {
        const RecordType *type = find(QString::fromUtf16(T::kName));
        Q_ASSERT(type && dynamic_cast<const T *>(type));
        return static_cast<const T &>(*type);
    }
};

} // namespace sunshine::sync
