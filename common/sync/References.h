#pragma once

#include "common/sync/RecordType.h"

namespace sunshine::sync {

// Why the record that `field` of `fields` refers to will not do, or nothing: it must exist, be live, lie in
// the caller's area and be of the field's type (NOT_FOUND otherwise); with `sameUnitMessage` ("“%1”…", %1 the
// field's label) it must also sit at the unit of `placement`. Only the server looks records up: offline (no
// lookup) nothing is checked.
std::optional<FieldProblem> referenceProblem(const RecordType &type, const RuleContext &context,
                                             const QJsonObject &fields, const QString &field,
                                             const Placement &placement, const QString &sameUnitMessage = {});

} // namespace sunshine::sync
