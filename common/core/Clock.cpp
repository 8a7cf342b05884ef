#include "common/core/Clock.h"

#include <QMutexLocker>
#include <QTimeZone>

namespace sunshine {

QDateTime Clock::nowUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), QTimeZone::utc());
}

QDate Clock::todayInChina() const
{
    return chinaDateOf(nowMs());
}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ManualClock::ManualClock(qint64 startMs)
    : m_nowMs(startMs)
{}

qint64 ManualClock::nowMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_nowMs;
}

void ManualClock::setNowMs(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_nowMs = ms;
}

void ManualClock::advanceMs(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_nowMs += ms;
}

} // namespace sunshine
