#include "server/http/RateLimiter.h"

#include <cmath>

namespace sunshine {

RateLimiter::RateLimiter(const Clock &clock, Settings settings)
    : m_clock(clock)
    , m_settings(settings)
{}

void RateLimiter::refill(Bucket &b, qint64 now) const
{
    const double perMs = m_settings.perMinute / 60'000.0;
    if (now > b.atMs)
        b.tokens = std::min<double>(m_settings.perMinute, b.tokens + double(now - b.atMs) * perMs);
    b.atMs = std::max(b.atMs, now);
}

void RateLimiter::sweep(qint64 now)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(*it, now);
        if (it->tokens >= m_settings.perMinute)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

qint64 RateLimiter::take(const QString &key)
{
    if (m_settings.perMinute <= 0)
        return 0;
    const qint64 now = m_clock.nowMs();
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kMaxKeys)
            sweep(now);
        it = m_buckets.insert(key, Bucket{double(m_settings.perMinute), now});
    }
    refill(*it, now);
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return 0;
    }
    const double perMs = m_settings.perMinute / 60'000.0;
    return qint64(std::ceil((1.0 - it->tokens) / perMs));
}

} // namespace sunshine
