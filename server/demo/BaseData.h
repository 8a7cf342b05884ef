#pragma once

#include "server/store/Store.h"

namespace sunshine {

// The real part of the org tree, loaded into every empty store: Nantong, its nine county-level units, and the
// departments of each. Returns false when the store already had an org tree.
bool loadBaseOrgData(Store &store);

} // namespace sunshine
