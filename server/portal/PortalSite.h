#pragma once

namespace sunshine {

class Router;
struct HttpResponse;

// The portal's pages (server/portal/web, built into the server): "/" and "/assets/{file}", each with the
// security headers of publicHeaders().
void registerPortalSite(Router &router);

// What every public answer carries beside the server's own (nosniff, HSTS, no caching unless `cacheable`): a
// strict Content-Security-Policy (no inline script, nothing from another origin, no framing) and no referrer.
void addPublicHeaders(HttpResponse &response, bool cacheable = false);

} // namespace sunshine
