#include "common/card/CardTypes.h"
#include "common/card/CardWarnings.h"
#include "common/sync/CommonModules.h"

namespace sunshine::modules::card {

void registerCommon(sync::CommonModules &modules)
{
    using namespace sunshine::card;
    modules.types.push_back(std::make_unique<VillageCardType>());
    modules.types.push_back(std::make_unique<CardTierSettingType>());
    modules.types.push_back(std::make_unique<SpendRequestType>());
    modules.types.push_back(std::make_unique<CardTransactionType>());
    modules.types.push_back(std::make_unique<CardClaimType>());
    modules.rules.push_back(std::make_unique<CardCashRule>());
    modules.rules.push_back(std::make_unique<CardBannedMerchantRule>());
    modules.rules.push_back(std::make_unique<CardSplitRule>());
    modules.rules.push_back(std::make_unique<CardOffDayRule>());
    modules.rules.push_back(std::make_unique<CardNoRequestRule>());
    modules.rules.push_back(std::make_unique<CardOverLimitRule>());
    modules.rules.push_back(std::make_unique<CardUnclaimedRule>());
    modules.rules.push_back(std::make_unique<CardPrivateMoneyRule>());
}

} // namespace sunshine::modules::card
