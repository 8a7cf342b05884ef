#pragma once

#include "common/core/Clock.h"
#include "server/module/ServerModule.h"

namespace sunshine {

class Store;

// 精准识别公示 (Art. 9; MODULES.md §7): the identification cases of an area whose notice is being held today
// (relief::noticeInForce), with the applicant's name masked (sync::publicName), the household size and the
// notice's days; nothing of income, health, ID number or address.
PublicList publicNoticeList(Store &store, const Clock &clock);

} // namespace sunshine
