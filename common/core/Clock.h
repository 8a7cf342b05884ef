#pragma once

#include "common/core/ChinaTime.h"

#include <QDate>
#include <QDateTime>
#include <QMutex>

namespace sunshine {

// Every rule takes "now" from a Clock, never from the system date directly, so tests can move time.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the epoch, UTC.
    virtual qint64 nowMs() const = 0;

    QDateTime nowUtc() const;
    // The calendar date in China (UTC+8), which the regulation's deadlines are counted in.
    QDate todayInChina() const;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to; thread-safe so an in-process server can share it with a test.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0);
    qint64 nowMs() const override;
    void setNowMs(qint64 ms);
    void advanceMs(qint64 ms);

private:
    mutable QMutex m_mutex;
    qint64 m_nowMs;
};

} // namespace sunshine
