#include "common/sync/CommonModules.h"
#include "common/warnings/WarningType.h"

namespace sunshine::modules::warnings {

void registerCommon(sync::CommonModules &modules)
{
    modules.types.push_back(std::make_unique<sunshine::warnings::WarningType>());
}

} // namespace sunshine::modules::warnings
