#include "common/funds/ComparisonList.h"
#include "common/funds/FundFlowTypes.h"
#include "common/funds/FundFlowWarnings.h"
#include "common/funds/FundTypes.h"
#include "common/funds/FundWarnings.h"
#include "common/sync/CommonModules.h"

namespace sunshine::modules::funds {

void registerCommon(sync::CommonModules &modules)
{
    auto &types = modules.types;
    using namespace sunshine::funds;
    types.push_back(std::make_unique<AllocationType>());
    types.push_back(std::make_unique<DisbursementType>());
    types.push_back(std::make_unique<PlanType>());
    types.push_back(std::make_unique<ReturnType>());
    types.push_back(std::make_unique<EvaluationType>());
    types.push_back(std::make_unique<StandardType>());
    types.push_back(std::make_unique<ComparisonEntryType>());
    modules.rules.push_back(std::make_unique<BeneficiaryDuplicateRule>());
    modules.rules.push_back(std::make_unique<EntryOverdueRule>());
    modules.rules.push_back(std::make_unique<PaidAfterExitRule>());
    modules.rules.push_back(std::make_unique<ReturnsUndistributedRule>());
    modules.rules.push_back(std::make_unique<FundHeldTooLongRule>());
    modules.rules.push_back(std::make_unique<PaymentOverStandardRule>());
    modules.rules.push_back(std::make_unique<BeneficiaryOnListRule>());
}

} // namespace sunshine::modules::funds
