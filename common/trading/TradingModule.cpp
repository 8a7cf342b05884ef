#include "common/sync/CommonModules.h"
#include "common/trading/CadreTypes.h"
#include "common/trading/TradingTypes.h"
#include "common/trading/TradingWarnings.h"

namespace sunshine::modules::trading {

void registerCommon(sync::CommonModules &modules)
{
    using namespace sunshine::trading;
    modules.types.push_back(std::make_unique<ListingType>());
    modules.types.push_back(std::make_unique<RegistrationType>());
    modules.types.push_back(std::make_unique<CadreRegisterType>());
    modules.rules.push_back(std::make_unique<ListingPeriodShortRule>());
    modules.rules.push_back(std::make_unique<DealBelowReserveRule>());
    modules.rules.push_back(std::make_unique<SingleBidderRepeatRule>());
    modules.rules.push_back(std::make_unique<RelistPriceDropRule>());
    modules.rules.push_back(std::make_unique<DealNotSignedRule>());
    modules.rules.push_back(std::make_unique<DepositNotRefundedRule>());
    modules.rules.push_back(std::make_unique<WinnerRelatedToCadreRule>());
}

} // namespace sunshine::modules::trading
