#include "common/collective/CollectiveTypes.h"
#include "common/collective/CollectiveWarnings.h"
#include "common/collective/LedgerTypes.h"
#include "common/sync/CommonModules.h"

namespace sunshine::modules::collective {

void registerCommon(sync::CommonModules &modules)
{
    using namespace sunshine::collective;
    modules.types.push_back(std::make_unique<LedgerBookType>());
    modules.types.push_back(std::make_unique<LedgerEntryType>());
    modules.types.push_back(std::make_unique<CashCloseType>());
    modules.types.push_back(std::make_unique<CollectiveAssetType>());
    modules.types.push_back(std::make_unique<CollectiveResourceType>());
    modules.types.push_back(std::make_unique<CollectiveContractType>());
    modules.types.push_back(std::make_unique<InstalmentType>());
    modules.types.push_back(std::make_unique<RentReferenceType>());
    modules.types.push_back(std::make_unique<DisclosureType>());
    modules.types.push_back(std::make_unique<CollectiveSettingsType>());
    modules.rules.push_back(std::make_unique<RentOverdueRule>());
    modules.rules.push_back(std::make_unique<ContractTermRule>());
    modules.rules.push_back(std::make_unique<ContractLowPriceRule>());
    modules.rules.push_back(std::make_unique<ContractNotTradedRule>());
    modules.rules.push_back(std::make_unique<AssetDisposalRule>());
    modules.rules.push_back(std::make_unique<CashOverLimitRule>());
    modules.rules.push_back(std::make_unique<DisclosureLateRule>());
    modules.rules.push_back(std::make_unique<ContractExpiringRule>());
}

} // namespace sunshine::modules::collective
