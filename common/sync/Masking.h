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

// "138****5678": a phone keeps its first 3 and last 4 characters; shorter ones are masked whole.
QString maskedPhone(const QString &phone);
// Other personal text (a name, an account number): its first character, then at least two '*'.
QString maskedText(const QString &text);
// The masked form of one value of a personal field, as text ("***" for numbers); the value itself for a
// field that is not personal, and null stays null.
QJsonValue maskedValue(const FieldSpec &spec, const QJsonValue &value);
// Masks every personal field of a record of this type in place.
void maskPersonalFields(const RecordType &type, QJsonObject &fields);
// True when the type has any personal field.
bool hasPersonalFields(const RecordType &type);

} // namespace sunshine::sync
