#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace sunshine {

class Clock;
class Store;
class WarningEngine;

// The warning runs on a thread of their own: the queue drained every interval, and the full run once a day
// from 01:00 China time (and at start when today's has not run), so a deadline that passed overnight raises
// its warning with no new record. A failed run is logged and tried again at the next interval.
class WarningScheduler final : public QThread
{
public:
    WarningScheduler(WarningEngine &engine, Store &store, const Clock &clock, int intervalMs);
    ~WarningScheduler() override;
    void stopAndWait();

protected:
    void run() override;

private:
    bool fullRunDue();

    WarningEngine &m_engine;
    Store &m_store;
    const Clock &m_clock;
    int m_intervalMs;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;
};

} // namespace sunshine
