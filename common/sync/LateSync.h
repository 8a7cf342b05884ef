#pragma once

#include <QString>
#include <optional>

namespace sunshine::sync {

// The late-sync rule (DESIGN.md "Sync"): an entry recorded offline before its window closed is accepted when
// it arrives within the grace period after the close and the device's clock is plausible; it is flagged
// late-synced.
struct LateSyncInput
{
    qint64 serverNowMs = 0;
    std::optional<qint64> closesAtMs; // none: the record has no entry window
    qint64 deviceTimeMs = 0;          // when the clerk saved it, by the device's clock
    qint64 lastServerContactMs = 0;   // the device's last server contact before it saved (device's record)
    qint64 deviceNowMs = 0;           // the device's clock when it pushed
    qint64 graceMs = 3LL * 24 * 3600 * 1000;
    qint64 maxClockSkewMs = 10LL * 60 * 1000;
};

struct LateSyncVerdict
{
    enum class Kind
    {
        OnTime,
        AcceptedLate,
        Refused
    };
    Kind kind = Kind::OnTime;
    QString reason; // Chinese, for Refused
};

LateSyncVerdict judgeLateSync(const LateSyncInput &in);

// When the clerk made the entry, in server time: the device's time corrected by its clock's offset when that
// can be trusted (clock within the skew, entry neither after the device's now nor before its last server
// contact, and within the grace period); otherwise the server's now.
qint64 trustedEntryTimeMs(const LateSyncInput &in);

} // namespace sunshine::sync
