#include "server/api/Services.h"
#include "server/module/ServerModule.h"
#include "server/warnings/WarningDemo.h"
#include "server/warnings/WarningEngine.h"
#include "server/warnings/WarningQueueHook.h"
#include "server/warnings/WarningRoutes.h"
#include "server/warnings/WarningScheduler.h"

#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kIntervalMs = 15 * 1000; // the queue is drained this often

// warnings-run: a full run of every enabled rule on the store, as the scheduler makes it daily.
int warningsRun(Store &store, QTextStream &out, QTextStream &err)
{
    try {
        SystemClock clock;
        AuditLog audit(store, clock);
        SyncService sync(store, audit, clock, SyncService::Settings{});
        WarningEngine engine(store, audit, clock, sync);
        const WarningEngine::Report queue = engine.drainQueue();
        const WarningEngine::Report full = engine.runFull();
        out << u"预警全量运行完成：读取 %1 条记录，发现 %2 项，新生成预警 %3 条，督办 %4 条，用时 %5 毫秒。"_s
                   .arg(full.recordsRead + queue.recordsRead)
                   .arg(full.findings)
                   .arg(full.raised + queue.raised)
                   .arg(full.escalated)
                   .arg(full.finishedAtMs - full.startedAtMs)
            << Qt::endl;
        return 0;
    } catch (const std::exception &e) {
        err << u"预警运行失败：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
        return 2;
    }
}

class WarningsServerModule final : public ServerModule
{
public:
    const PushHook *pushHook() const override { return &m_queue; }
    void start(Services &services) override
    {
        m_engine =
            std::make_unique<WarningEngine>(services.store, services.audit, services.clock, services.sync);
        if (services.backgroundWork) {
            m_scheduler =
                std::make_unique<WarningScheduler>(*m_engine, services.store, services.clock, kIntervalMs);
            m_scheduler->start();
        }
    }
    void stop() override
    {
        if (m_scheduler)
            m_scheduler->stopAndWait();
        m_scheduler.reset();
    }
    void loadDemo(Services &services) override { WarningDemo::loadIfEmpty(services); }
    void registerRoutes(Router &router, Services &services) override
    {
        if (m_engine)
            registerWarningRoutes(router, services, *m_engine);
    }
    QList<Command> commands() const override
    {
        return {{u"warnings-run"_s, u"evaluate every enabled warning rule now and raise what they find"_s,
                 &warningsRun, false}};
    }

private:
    WarningQueueHook m_queue;
    std::unique_ptr<WarningEngine> m_engine;
    std::unique_ptr<WarningScheduler> m_scheduler;
};

} // namespace

namespace modules::warnings {

void registerServer(ServerModules &registry)
{
    registry.add([] { return std::make_unique<WarningsServerModule>(); });
}

} // namespace modules::warnings

} // namespace sunshine
