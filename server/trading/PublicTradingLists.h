#pragma once

#include "server/module/ServerModule.h"

namespace sunshine {

class Store;

// 产权交易挂牌公告 (MODULES.md §3, §7): the listings of an area whose notice is out (state 挂牌中), with what
// a bidder needs to take part — the subject, the right, area and term, the start price, the step, the
// deposit, the qualifications and the notice's days. Never the reserve (底价): the centre keeps it until the
// hammer.
PublicList publicListingNotices(Store &store);

// 产权交易成交公示 (MODULES.md §3, §7): the deals of an area whose result notice has begun (公示中 and after:
// 已签约, 已结算, 已鉴证), with the price per year, the deal's day and the transferee by name, as a result
// notice names it. Never the transferee's ID number or phone, nor anything of the other bidders or their
// bids.
PublicList publicDealNotices(Store &store);

} // namespace sunshine
