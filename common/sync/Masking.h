#pragma once

#include "common/auth/Role.h"
#include "common/sync/RecordType.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace sunshine::sync {

// Personal data (FieldSpec::personal: ID numbers, phones, account numbers) as roles that do not need it see
// it. The app's tables and the server's record pages mask the same way.

// True when the roles need full ID numbers and phones: those who enter and review data (clerks, reviewers).
// Leaders and supervisors see them masked.
bool needsPersonalData(const RoleSet &roles);

// Need-to-know: how much of a field a reader receives (the one rule every read path of the server applies).
enum class FieldAccess
{
    Full,    // the value as stored
    Masked,  // personal data, masked (maskedValue)
    Summary, // confidential data, summarised (summaryValue)
};

// Who reads: their roles, the level of their area, and whether they gave a reason for this read (a
// supervisor's disclosure request, Art. 26).
struct Reader
{
    RoleSet roles;
    OrgLevel level = OrgLevel::Village;
    bool reasonGiven = false;
    bool ownDepartment = false; // the reader belongs to the record's department
};

// Personal fields: in full to clerks and reviewers, and to supervisors who give a reason; masked to everyone
// else. Confidential fields (comparison results, Art. 26): in full to reviewers of a county or the city, and
// to supervisors who give a reason; summarised for everyone else; those of the record's own department only
// (FieldSpec::ownDepartmentOnly) in full to that department's clerks and reviewers and to supervisors who
// give a reason; those kept at a level (FieldSpec::keeperLevel) also to that level's clerks and reviewers.
// Other fields: in full.
FieldAccess fieldAccess(const FieldSpec &spec, const Reader &reader);
// The summary of a confidential value: a list of objects keeps only each item's summaryKeys (at most the
// count and state of comparison hits); anything else becomes null.
QJsonValue summaryValue(const FieldSpec &spec, const QJsonValue &value);
// The value as a reader with this access receives it.
QJsonValue disclosedValue(const FieldSpec &spec, const QJsonValue &value, FieldAccess access);

// What a full hand-out of a record gives away, for the server's audit entry: an unmasked ID number, or
// confidential data of a kind (FieldSpec::handoutKind: comparison data, a complainant's identity). A field
// counts when it holds something (not null, "", [] or {}).
struct Handout
{
    // Notes that `spec` (one with handoutLogged()) went out in full.
    void add(const FieldSpec &spec);
    bool any() const { return !m_what.isEmpty(); }
    QStringList what() const { return m_what; } // "id-number", "comparison", "complainant"

private:
    QStringList m_what;
};
// Whether handing out this field in full gives away something the audit log must record.
bool handoutLogged(const FieldSpec &spec);
// The fields of a record as the reader receives them, in place; `handout` (optional) learns what went out
// in full.
void discloseFields(const RecordType &type, QJsonObject &fields, const Reader &reader,
                    Handout *handout = nullptr);

// "138****5678": a phone keeps its first 3 and last 4 characters; shorter ones are masked whole.
QString maskedPhone(const QString &phone);
// Other personal text (a name, an account number): its first character, then at least two '*'.
QString maskedText(const QString &text);
// The masked form of one value of a personal field, as text ("***" for numbers); the value itself for a
// field that is not personal, and null stays null.
QJsonValue maskedValue(const FieldSpec &spec, const QJsonValue &value);
// As the public layer shows people (MODULES.md §7), never more: a name keeps its first and, from three
// characters, its last character (张*, 张*明, 欧**明); an ID number its first 6 and last 4 characters around
// 8 '*'; a phone its first 3 and last 4. Addresses, health and disability are never shown at all.
QString publicName(const QString &name);
QString publicIdNumber(const QString &idNumber);
QString publicPhone(const QString &phone);

// Masks every personal field of a record of this type in place.
void maskPersonalFields(const RecordType &type, QJsonObject &fields);
// True when the type has any personal field.
bool hasPersonalFields(const RecordType &type);

} // namespace sunshine::sync
