#pragma once

#include "server/module/ServerModule.h"

namespace sunshine {

class Store;

// 资金发放名单 (MODULES.md §7): the payments of one village, by fund line and year, as the public may see
// them: people's names and ID numbers masked (sync::publicName, sync::publicIdNumber), no account numbers.
PublicList publicPaymentList(Store &store);

} // namespace sunshine
