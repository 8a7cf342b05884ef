#include "common/portal/ComplaintType.h"
#include "common/portal/ComplaintWarnings.h"
#include "common/portal/PublicationTypes.h"
#include "common/sync/CommonModules.h"

namespace sunshine::modules::portal {

void registerCommon(sync::CommonModules &modules)
{
    using namespace sunshine::portal;
    modules.types.push_back(std::make_unique<ComplaintType>());
    modules.types.push_back(std::make_unique<AnnouncementType>());
    modules.types.push_back(std::make_unique<PolicyType>());
    modules.rules.push_back(std::make_unique<ComplaintOverdueRule>());
}

} // namespace sunshine::modules::portal
