#pragma once

#include "server/module/ServerModule.h"

namespace sunshine {

class Router;
struct Services;

// The portal's read routes, without sign-in and rate-limited per address (Router's public limiter):
// GET /api/v1/public/places?parent= (the org tree by name), /lists and /lists/{name}?place=&page= (what the
// modules hand over), /announcements, /policies. Nothing they answer names a person unmasked.
void registerPublicRoutes(Router &router, Services &services, QList<PublicList> lists);

// The complaint form and the complainant's lookup: POST /api/v1/public/complaints, GET
// /api/v1/public/complaints/{code}.
void registerComplaintRoutes(Router &router, Services &services);

} // namespace sunshine
