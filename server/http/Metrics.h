#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <array>
#include <atomic>
#include <mutex>

namespace sunshine {

// The server's own numbers for monitoring, in the Prometheus text format: requests by route and status, their
// latency, pushed operations and pulled records, database errors, open sessions. Thread-safe; the routes and
// the router count into it, `GET /metrics` on the monitoring listener reads it (MetricsServer).
class Metrics
{
public:
    // Latency buckets, in seconds (the histogram's "le" bounds).
    static constexpr std::array<double, 11> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                     0.5,   1.0,  2.5,   5.0,  10.0};

    // One answered request: its route pattern ("GET /api/v1/records/{id}/disclose", or "unmatched"), status
    // and time taken.
    void request(const QString &route, int status, qint64 micros);
    void databaseError() { ++m_databaseErrors; }
    void pushed(qint64 operations) { m_pushedOperations += operations; }
    void pulled(qint64 records) { m_pulledRecords += records; }

    // The exposition text; `openSessions` is read by the caller (it needs the store).
    QByteArray text(qint64 openSessions) const;

private:
    struct RouteStatus
    {
        QString route;
        int status = 0;
        friend bool operator==(const RouteStatus &a, const RouteStatus &b)
        {
            return a.status == b.status && a.route == b.route;
        }
        friend size_t qHash(const RouteStatus &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.route, k.status);
        }
    };
    mutable std::mutex m_mutex;
    QHash<RouteStatus, qint64> m_requests;
    std::array<qint64, kBuckets.size()> m_bucketCounts{}; // not cumulative; summed when written
    qint64 m_latencyCount = 0;
    double m_latencySum = 0;
    std::atomic<qint64> m_databaseErrors{0};
    std::atomic<qint64> m_pushedOperations{0};
    std::atomic<qint64> m_pulledRecords{0};
};

} // namespace sunshine
