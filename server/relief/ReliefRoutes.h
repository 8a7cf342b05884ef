#pragma once

namespace sunshine {

class Router;
struct Services;

// GET /api/v1/public/help-requests/{code}: a help request's state by its lookup code (Art. 21), no sign-in.
void registerHelpLookupRoutes(Router &router, Services &services);

} // namespace sunshine
