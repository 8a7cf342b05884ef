#pragma once

#include "common/core/Clock.h"
#include "server/accounts/AuthService.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserAdminService.h"
#include "server/attachments/AttachmentService.h"
#include "server/attachments/AttachmentStore.h"
#include "server/audit/AuditLog.h"
#include "server/calendar/CalendarService.h"
#include "server/http/Metrics.h"
#include "server/http/Router.h"
#include "server/module/ServerModule.h"
#include "server/org/OrgService.h"
#include "server/store/Store.h"
#include "server/sync/SyncService.h"

namespace sunshine {

// Everything a route handler may use. Thread-safe: handlers run on worker threads.
struct Services
{
    Services(Store &store, const Clock &clock, const PasswordHasher &hasher,
             AuthService::Settings authSettings, SyncService::Settings syncSettings,
             const QString &attachmentDir);

    Store &store;
    const Clock &clock;
    const PasswordHasher &hasher;
    AuditLog audit;
    AuthService auth;
    UserAdminService users;
    OrgService org;
    CalendarService calendar;
    SyncService sync;
    DirectoryAttachmentStore files;
    AttachmentService attachments;
    Metrics metrics; // what the monitoring listener reports
    // Each module's part of this server (server/CMakeLists.txt lists the modules), its push hooks installed.
    std::vector<std::unique_ptr<ServerModule>> modules;
    int schemaVersion = 0;       // what this server migrated the store to at start
    bool backgroundWork = false; // modules may start their scheduled work (ServerConfig::backgroundWork)
};

void registerHealthRoutes(Router &router, Services &services);
void registerAuthRoutes(Router &router, Services &services);
void registerAdminRoutes(Router &router, Services &services);
void registerOrgRoutes(Router &router, Services &services);
void registerSyncRoutes(Router &router, Services &services);
void registerAttachmentRoutes(Router &router, Services &services);
void registerAccessLogRoutes(Router &router, Services &services); // POST /api/v1/audit/views (Art. 26)
void registerAuditRoutes(Router &router, Services &services);     // GET /api/v1/audit/entries (supervisors)
void registerRecordRoutes(Router &router, Services &services);    // GET /api/v1/records (keyset pages)
void registerCalendarRoutes(Router &router, Services &services);  // the working-day calendar as data

// All of the above, the modules' routes, and the authenticator.
void registerAllRoutes(Router &router, Services &services);

} // namespace sunshine
