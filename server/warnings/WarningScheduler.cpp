#include "server/warnings/WarningScheduler.h"

#include "common/core/ChinaTime.h"
#include "common/core/Clock.h"
#include "server/store/Store.h"
#include "server/warnings/WarningEngine.h"

#include <QMutexLocker>

namespace sunshine {

WarningScheduler::WarningScheduler(WarningEngine &engine, Store &store, const Clock &clock, int intervalMs)
    : m_engine(engine)
    , m_store(store)
    , m_clock(clock)
    , m_intervalMs(intervalMs)
{}

WarningScheduler::~WarningScheduler()
{
    stopAndWait();
}

void WarningScheduler::stopAndWait()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    wait();
}

bool WarningScheduler::fullRunDue()
{
    const qint64 now = m_clock.nowMs();
    const QDate today = chinaDateOf(now);
    const std::optional<WarningEngine::Report> last = m_engine.lastFullRun();
    if (!last)
        return true;
    if (chinaDateOf(last->startedAtMs) >= today)
        return false;
    // From 01:00 China time: the day's entries of the evening before are in.
    return chinaDateOf(now - 3600LL * 1000) == today;
}

void WarningScheduler::run()
{
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_stop)
                break;
        }
        try {
            m_engine.drainQueue();
            if (fullRunDue())
                m_engine.runFull();
        } catch (const std::exception &e) {
            qWarning("warning run failed, tried again at the next interval: %s", e.what());
        }
        QMutexLocker lock(&m_mutex);
        if (m_stop)
            break;
        m_wake.wait(&m_mutex, m_intervalMs);
    }
    m_store.closeThreadConnection();
}

} // namespace sunshine
