#pragma once

namespace sunshine {

class Router;
class SpotCheckService;
struct Services;

// POST /api/v1/supervision/inspections/{id}/draw   supervisors: draws the spot check's villages and
// households GET  /api/v1/supervision/inspections/{id}/draw   anyone who may read it: the draw re-done from
// its seed
void registerSupervisionRoutes(Router &router, Services &services, SpotCheckService &draws);

} // namespace sunshine
