#pragma once

namespace sunshine {

struct Services;

// With --demo: in one village of every county, three cards (two active, one applied for), spend requests in
// every state, a month and a half of statement lines with a refund, claims booked, checked and returned, and
// one case of each card warning (cash, a banned merchant, split payments, a day off, no request, over the
// month's limit, unclaimed, private money).
namespace CardDemo {
void loadIfEmpty(Services &services);
}

} // namespace sunshine
