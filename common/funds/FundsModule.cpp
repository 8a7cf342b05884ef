#include "common/funds/FundFlowTypes.h"
#include "common/funds/FundTypes.h"

namespace sunshine::modules::funds {

void registerCommon(sync::RecordTypeList &types)
{
    using namespace sunshine::funds;
    types.push_back(std::make_unique<AllocationType>());
    types.push_back(std::make_unique<DisbursementType>());
    types.push_back(std::make_unique<PlanType>());
    types.push_back(std::make_unique<ReturnType>());
    types.push_back(std::make_unique<EvaluationType>());
}

} // namespace sunshine::modules::funds
