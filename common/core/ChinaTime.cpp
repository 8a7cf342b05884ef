#include "common/core/ChinaTime.h"

#include <QTimeZone>

namespace sunshine {

QDate chinaDateOf(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + kChinaUtcOffsetMs, QTimeZone::utc()).date();
}

qint64 chinaMidnightUtcMs(QDate day)
{
    if (!day.isValid())
        return 0;
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() - kChinaUtcOffsetMs;
}

QDateTime chinaDateTimeOf(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone(int(kChinaUtcOffsetMs / 1000)));
}

} // namespace sunshine
