#pragma once

namespace sunshine {

struct Services;

// With --demo: in one village of every county (the second village of the county's first town), a year of the
// collective's books kept by the town 农经站: a cash and a bank journal in date order with daily and monthly
// cash closes, the asset register with two disposals, the land, pond and wasteland, the town's reference
// rents, contracts taken through review and signing with their rent collected, and the quarterly disclosures;
// one case of each warning of the books (cash over the limit, an unapproved disposal, rent overdue, a low
// price, a term too long, a contract not traded, one expiring, a disclosure not posted).
namespace CollectiveDemo {
void loadIfEmpty(Services &services);
}

} // namespace sunshine
