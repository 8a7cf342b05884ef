#pragma once

#include "common/rules/Rules.h"
#include "common/sync/RecordType.h"

namespace sunshine::sync {

// What a module's registerCommon() fills: its record types and the rules that evaluate them.
struct CommonModules
{
    RecordTypeList types;
    rules::RuleList rules;
};

} // namespace sunshine::sync

namespace sunshine {
// Generated from the module list of common/CMakeLists.txt (sunshine_add_modules).
void registerAllCommonModules(sync::CommonModules &registry);
} // namespace sunshine
