#pragma once

#include "server/module/ServerModule.h"

namespace sunshine {

class Store;

// 村集体财务公开 (MODULES.md §2, §7): the quarterly disclosures the villages of a town have posted (postedOn
// set), one row per village and quarter with the report's totals only: income, spending, cash and bank at the
// quarter's end, rent in arrears, and the day it was posted. Drafts and disclosures checked but not posted
// are not listed; nothing of the report's detail (counterparties, single items, vouchers) leaves the record.
PublicList publicDisclosureList(Store &store);

} // namespace sunshine
