#include "common/sync/LateSync.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

namespace {
QString chinaTime(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + 8LL * 3600 * 1000, QTimeZone::utc())
        .toString(u"yyyy-MM-dd HH:mm"_s);
}
} // namespace

LateSyncVerdict judgeLateSync(const LateSyncInput &in)
{
    using Kind = LateSyncVerdict::Kind;
    if (!in.closesAtMs || in.serverNowMs < *in.closesAtMs)
        return {Kind::OnTime, {}};
    const qint64 closes = *in.closesAtMs;
    const QString closed = u"录入已于 %1（北京时间）截止"_s.arg(chinaTime(closes));
    if (in.serverNowMs > closes + in.graceMs)
        return {Kind::Refused,
                closed + u"，离线录入的数据也须在截止后 %1 小时内同步"_s.arg(in.graceMs / 3600000)};
    // The device's clock now must agree with the server's; otherwise its times cannot be trusted.
    if (in.deviceNowMs <= 0 || qAbs(in.deviceNowMs - in.serverNowMs) > in.maxClockSkewMs)
        return {Kind::Refused,
                closed + u"；本机时钟与服务器相差过大，无法确认离线录入时间，请校准电脑时间"_s};
    // Corrected to server time by the device's current offset.
    const qint64 entryAt = in.deviceTimeMs + (in.serverNowMs - in.deviceNowMs);
    if (in.deviceTimeMs > in.deviceNowMs ||
        (in.lastServerContactMs > 0 && in.deviceTimeMs < in.lastServerContactMs))
        return {Kind::Refused,
                closed + u"；离线录入时间不可信（早于本机上次连接服务器的时间或晚于当前时间）"_s};
    if (entryAt >= closes)
        return {Kind::Refused, closed};
    return {Kind::AcceptedLate, {}};
}

qint64 trustedEntryTimeMs(const LateSyncInput &in)
{
    if (in.deviceTimeMs <= 0 || in.deviceNowMs <= 0 ||
        qAbs(in.deviceNowMs - in.serverNowMs) > in.maxClockSkewMs)
        return in.serverNowMs;
    if (in.deviceTimeMs > in.deviceNowMs ||
        (in.lastServerContactMs > 0 && in.deviceTimeMs < in.lastServerContactMs))
        return in.serverNowMs;
    const qint64 entryAt = in.deviceTimeMs + (in.serverNowMs - in.deviceNowMs);
    return in.serverNowMs - entryAt <= in.graceMs ? entryAt : in.serverNowMs;
}

} // namespace sunshine::sync
