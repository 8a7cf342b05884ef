#pragma once

#include <QDate>
#include <QDateTime>
#include <QtGlobal>

// China time: the regulation's days and deadlines are counted in it. China has one time zone, UTC+8, with no
// daylight saving time. The one place that knows the offset.
namespace sunshine {

inline constexpr qint64 kChinaUtcOffsetMs = 8LL * 3600 * 1000;

// The calendar date in China at `utcMs`.
QDate chinaDateOf(qint64 utcMs);
// 00:00 China time on `day`, as UTC milliseconds (0 for an invalid day).
qint64 chinaMidnightUtcMs(QDate day);
// `utcMs` as a date and time in China (for display: "2026-12-07 16:43").
QDateTime chinaDateTimeOf(qint64 utcMs);

} // namespace sunshine
