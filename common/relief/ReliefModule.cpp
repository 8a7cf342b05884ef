#include "common/relief/AssistanceTypes.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefWarnings.h"
#include "common/sync/CommonModules.h"

namespace sunshine::modules::relief {

void registerCommon(sync::CommonModules &modules)
{
    auto &types = modules.types;
    using namespace sunshine::relief;
    types.push_back(std::make_unique<HouseholdType>());
    types.push_back(std::make_unique<MemberType>());
    types.push_back(std::make_unique<HouseholdIncomeType>());
    types.push_back(std::make_unique<IdentificationCaseType>());
    types.push_back(std::make_unique<ExitCaseType>());
    types.push_back(std::make_unique<WeakVillageType>());
    types.push_back(std::make_unique<HelperType>());
    types.push_back(std::make_unique<PairingType>());
    types.push_back(std::make_unique<VisitType>());
    types.push_back(std::make_unique<HelpRequestType>());
    modules.rules.push_back(std::make_unique<HelpRequestOverdueRule>());
    modules.rules.push_back(std::make_unique<VisitMissingRule>());
    modules.rules.push_back(std::make_unique<HouseholdAboveLineRule>());
}

} // namespace sunshine::modules::relief
