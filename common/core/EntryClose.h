#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace sunshine {

// When "the system closes entry on day D" (Art. 6 (三): 系统将于每季度末月20日关闭扶贫济困资金数据录入;
// Art. 20: 系统于每季度首月11日关闭系统走访录入功能). Both articles are read the same way: D is the first day
// on which entry is closed. Entry closes at a moment of that day, China time: by default its start (00:00),
// so the day before D is the last day of entry. The moment is a server setting (--entry-close-time HH:MM,
// 00:00–24:00; 24:00 keeps D itself open), handed to the programs with the calendar so that they judge
// offline as the server does. Thread-safe.
class EntryClose
{
public:
    // Minutes after midnight on the named day; 0 by default, at most 24 * 60.
    static int minuteOfDay();
    static void setMinuteOfDay(int minute);
    // "HH:MM" (00:00 … 24:00), or nothing when the text is not such a time.
    static std::optional<int> parse(const QString &text);
    static QString format(int minute); // "HH:MM"

    // The moment entry closes on `namedDay`, as UTC milliseconds; 0 for an invalid day.
    static qint64 atMs(QDate namedDay);
    // The last day on which entry is open: the day before the named day when entry closes at its start,
    // otherwise the named day itself.
    static QDate lastOpenDay(QDate namedDay);
    // The same in words for messages: "2026-03-20 00:00".
    static QString describe(QDate namedDay);
};

} // namespace sunshine
