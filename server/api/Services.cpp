#include "server/api/Services.h"

namespace sunshine {

Services::Services(Store &s, const Clock &c, const PasswordHasher &h, AuthService::Settings authSettings,
                   SyncService::Settings syncSettings, const QString &attachmentDir)
    : store(s)
    , clock(c)
    , hasher(h)
    , audit(s, c)
    , auth(s, audit, c, h, authSettings)
    , users(s, audit, c, h)
    , org(s)
    , calendar(s, audit, c)
    , sync(s, audit, c, syncSettings)
    , files(attachmentDir)
    , attachments(s, files, audit, c)
    , modules(ServerModules::create())
{
    users.setOnAccountsChanged([this] { auth.forgetSessions(); });
    for (const auto &m : modules) {
        if (const PushHook *hook = m->pushHook())
            sync.addPushHook(hook);
    }
}

void registerAllRoutes(Router &router, Services &services)
{
    router.setAuthenticator([&services](const HttpRequest &request) {
        return services.auth.authenticate(request.header("authorization"));
    });
    router.setMetrics(&services.metrics);
    registerHealthRoutes(router, services);
    registerAuthRoutes(router, services);
    registerAdminRoutes(router, services);
    registerOrgRoutes(router, services);
    registerSyncRoutes(router, services);
    registerAttachmentRoutes(router, services);
    registerAccessLogRoutes(router, services);
    registerAuditRoutes(router, services);
    registerRecordRoutes(router, services);
    registerCalendarRoutes(router, services);
    for (const auto &m : services.modules)
        m->registerRoutes(router, services);
}

} // namespace sunshine
