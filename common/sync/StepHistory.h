#pragma once

#include "common/sync/RecordType.h"

#include <QJsonArray>

// A workflow's history kept in a StepList field (how a case was handled, step by step): the steps stored
// before stay as they are and new ones are appended, each checked by the record type's own workflow rule; the
// server stamps every new step with the day and the one who took it.
namespace sunshine::sync {

// The steps appended to `field` since context.before (all of them for a new record); a FORBIDDEN problem on
// the field when a stored step was removed or changed.
std::optional<FieldProblem> appendedSteps(const QJsonObject &fields, const QString &field,
                                          const RuleContext &context, QJsonArray *appended);
// Stamps the steps appended since context.before with "on" (context.entryDay) and "by" (the actor's id).
void stampAppendedSteps(QJsonObject &fields, const QString &field, const RuleContext &context);

} // namespace sunshine::sync
