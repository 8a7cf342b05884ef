#pragma once

namespace sunshine {

struct Services;

// With --demo: in the village whose collective books the 集体三资 demo keeps (the second village of each
// county), the listings of its town's trading station along every path, taken through the real push (and
// the bids through the server's bid service) by the town's clerk and reviewer: a tractor lease auctioned
// among three qualified bidders and announced; wasteland that found no bidder, relisted at 80 % of the
// reserve under the same decision (RELIST_PRICE_DROP); a shopfront on a notice of only five working days
// (LISTING_PERIOD_SHORT); two plots let by open negotiation to the same sole bidder after a second notice,
// the first below the reserve (DEAL_BELOW_RESERVE, SINGLE_BIDDER_REPEAT); and a forest listing suspended.
// Left alone when the village has listings already.
namespace TradingDemo {
void loadIfEmpty(Services &services);
}

} // namespace sunshine
