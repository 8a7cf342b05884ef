#pragma once

#include "server/warnings/WarningEngine.h"

namespace sunshine {

class Router;
struct Services;

// GET  /api/v1/warnings/rules                        signed in: every rule with its settings in force, the
//                                                    handling days, the queue length and the last full run
// PUT  /api/v1/admin/warnings/rules/{code}           city administrators: {enabled?, parameters?} → a new
//                                                    version of the rule's settings
// POST /api/v1/admin/warnings/rules/{code}/dry-run   city administrators: {parameters} → what the rule would
//                                                    raise today: {findings, alreadyRaised, new,
//                                                    sample:[...]}
// PUT  /api/v1/admin/warnings/handling               city administrators: {replyDays, resultDays}
// POST /api/v1/admin/warnings/run                    city administrators: {kind: "full" | "queue"} → the
// report
void registerWarningRoutes(Router &router, Services &services, WarningEngine &engine);

} // namespace sunshine
