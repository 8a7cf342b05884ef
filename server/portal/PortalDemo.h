#pragma once

namespace sunshine {

struct Services;

// With --demo: announcements and policies on the portal, and complaints of 通州区 and the city in every state
// of their handling (one of them late, so that COMPLAINT_OVERDUE has something to follow up).
namespace PortalDemo {
void loadIfEmpty(Services &services);
}

} // namespace sunshine
