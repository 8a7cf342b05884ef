#include "server/http/Metrics.h"

#include <QList>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

void Metrics::request(const QString &route, int status, qint64 micros)
{
    const double seconds = double(micros) / 1e6;
    std::lock_guard lock(m_mutex);
    ++m_requests[RouteStatus{route, status}];
    ++m_latencyCount;
    m_latencySum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++m_bucketCounts[i];
            break;
        }
    }
}

namespace {

// A label value: backslash, quote and newline escaped.
QByteArray label(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

// A series of one value, with its HELP and TYPE lines.
void single(QByteArray &out, const char *name, const char *help, const char *type, qint64 value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' ' +
           QByteArray::number(value) + '\n';
}

} // namespace

QByteArray Metrics::text(qint64 openSessions) const
{
    QByteArray out;
    std::lock_guard lock(m_mutex);
    out += "# HELP sunshine_http_requests_total Requests answered, by route and status.\n"
           "# TYPE sunshine_http_requests_total counter\n";
    QList<RouteStatus> keys = m_requests.keys();
    std::sort(keys.begin(), keys.end(), [](const RouteStatus &a, const RouteStatus &b) {
        return a.route != b.route ? a.route < b.route : a.status < b.status;
    });
    for (const RouteStatus &k : std::as_const(keys))
        out += "sunshine_http_requests_total{route=\"" + label(k.route) + "\",status=\"" +
               QByteArray::number(k.status) + "\"} " + QByteArray::number(m_requests.value(k)) + '\n';

    out += "# HELP sunshine_http_request_duration_seconds Time to answer a request.\n"
           "# TYPE sunshine_http_request_duration_seconds histogram\n";
    qint64 cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_bucketCounts[i];
        out += "sunshine_http_request_duration_seconds_bucket{le=\"" +
               QByteArray::number(kBuckets[i], 'g', 6) + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    out += "sunshine_http_request_duration_seconds_bucket{le=\"+Inf\"} " +
           QByteArray::number(m_latencyCount) + '\n';
    out += "sunshine_http_request_duration_seconds_sum " + QByteArray::number(m_latencySum, 'f', 6) + '\n';
    out += "sunshine_http_request_duration_seconds_count " + QByteArray::number(m_latencyCount) + '\n';

    single(out, "sunshine_sync_pushed_operations_total", "Operations received by push.", "counter",
           m_pushedOperations.load());
    single(out, "sunshine_sync_pulled_records_total", "Records handed out by pull.", "counter",
           m_pulledRecords.load());
    single(out, "sunshine_database_errors_total", "Requests that failed on the database.", "counter",
           m_databaseErrors.load());
    single(out, "sunshine_open_sessions", "Sign-in sessions not expired or revoked.", "gauge", openSessions);
    return out;
}

} // namespace sunshine
