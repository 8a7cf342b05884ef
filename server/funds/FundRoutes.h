#pragma once

namespace sunshine {

class FundLineService;
class Router;
struct Services;

// GET /api/v1/fund-lines, POST and DELETE /api/v1/admin/fund-lines (the lines administrators add).
void registerFundLineRoutes(Router &router, Services &services, FundLineService &fundLines);
// GET /api/v1/dashboard/funds (from the summary tables).
void registerDashboardRoutes(Router &router, Services &services);

} // namespace sunshine
