#pragma once

#include "common/core/Clock.h"

#include <QHash>
#include <QString>
#include <mutex>

namespace sunshine {

// Requests per address on the public routes (no sign-in: a lookup by code, the login, later the
// portal): a token bucket per key ("address route"), refilled at `perMinute` tokens a minute and holding at
// most `perMinute`, so a burst of a minute's allowance passes and a steady guesser gets one request every
// 60/perMinute seconds. Thread-safe; memory stays bounded (full buckets are dropped when the table grows).
class RateLimiter
{
public:
    struct Settings
    {
        int perMinute = 60; // 0: no limit
    };
    static constexpr qsizetype kMaxKeys = 20'000;

    RateLimiter(const Clock &clock, Settings settings);

    // Counts one request under `key`: 0 when it may go on, otherwise the milliseconds until it may.
    qint64 take(const QString &key);
    const Settings &settings() const { return m_settings; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 atMs = 0;
    };
    void refill(Bucket &b, qint64 now) const;
    void sweep(qint64 now);

    const Clock &m_clock;
    Settings m_settings;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace sunshine
