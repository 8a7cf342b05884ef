#include "common/supervision/AuditTypes.h"
#include "common/supervision/InspectionTypes.h"
#include "common/supervision/RectificationTypes.h"
#include "common/sync/CommonModules.h"

namespace sunshine::modules::supervision {

void registerCommon(sync::CommonModules &modules)
{
    using namespace sunshine::supervision;
    modules.types.push_back(std::make_unique<InspectionType>());
    modules.types.push_back(std::make_unique<InspectionFindingType>());
    modules.types.push_back(std::make_unique<AuditReportType>());
    modules.types.push_back(std::make_unique<AuditFindingType>());
    modules.types.push_back(std::make_unique<RectificationType>());
    modules.types.push_back(std::make_unique<RectificationReportType>());
    modules.types.push_back(std::make_unique<ReferralType>());
    modules.types.push_back(std::make_unique<AccountabilityType>());
    modules.rules.push_back(std::make_unique<InspectionFindingRule>());
}

} // namespace sunshine::modules::supervision
