#include "common/core/EntryClose.h"

#include "common/core/ChinaTime.h"

#include <QRegularExpression>
#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
std::atomic<int> g_minute{0};

} // namespace

int EntryClose::minuteOfDay()
{
    return g_minute.load();
}

void EntryClose::setMinuteOfDay(int minute)
{
    g_minute.store(qBound(0, minute, kMinutesPerDay));
}

std::optional<int> EntryClose::parse(const QString &text)
{
    static const QRegularExpression shape(u"^([01]?\\d|2[0-4]):([0-5]\\d)$"_s);
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int minute = m.captured(1).toInt() * 60 + m.captured(2).toInt();
    if (minute > kMinutesPerDay)
        return std::nullopt;
    return minute;
}

QString EntryClose::format(int minute)
{
    return u"%1:%2"_s.arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

qint64 EntryClose::atMs(QDate namedDay)
{
    if (!namedDay.isValid())
        return 0;
    return chinaMidnightUtcMs(namedDay) + qint64(minuteOfDay()) * 60'000;
}

QDate EntryClose::lastOpenDay(QDate namedDay)
{
    return minuteOfDay() == 0 ? namedDay.addDays(-1) : namedDay;
}

QString EntryClose::describe(QDate namedDay)
{
    return namedDay.toString(Qt::ISODate) + u' ' + format(minuteOfDay());
}

} // namespace sunshine
