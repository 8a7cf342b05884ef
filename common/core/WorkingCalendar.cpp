#include "common/core/WorkingCalendar.h"

#include <QFile>
#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

const WorkingCalendar &WorkingCalendar::builtIn()
{
    static const WorkingCalendar calendar = [] {
        WorkingCalendar c;
        QFile file(u":/calendar/holidays-cn.csv"_s);
        QString error;
        if (!file.open(QIODevice::ReadOnly) || !c.loadCsv(file.readAll(), &error))
            qFatal("The built-in working-day calendar cannot be read: %s", qPrintable(error));
        return c;
    }();
    return calendar;
}

bool WorkingCalendar::loadCsv(const QByteArray &csv, QString *error)
{
    const QList<QByteArray> lines = csv.split('\n');
    int lineNo = 0;
    for (const QByteArray &rawLine : lines) {
        ++lineNo;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith("date,"))
            continue;
        const QList<QByteArray> parts = line.split(',');
        const QDate date =
            parts.isEmpty() ? QDate() : QDate::fromString(QString::fromLatin1(parts[0]), Qt::ISODate);
        if (parts.size() < 2 || !date.isValid() || (parts[1] != "holiday" && parts[1] != "workday")) {
            if (error)
                *error = u"line %1: expected date,holiday|workday,name"_s.arg(lineNo);
            return false;
        }
        const QString name = parts.size() > 2 ? QString::fromUtf8(parts.mid(2).join(',')) : QString();
        addDay(date, parts[1] == "holiday" ? DayType::Holiday : DayType::MakeUpWorkday, name);
    }
    return true;
}

void WorkingCalendar::addDay(QDate date, DayType type, const QString &name)
{
    m_days.insert(date, type);
    if (!name.isEmpty())
        m_names.insert(date, name);
    if (m_firstYear == 0 || date.year() < m_firstYear)
        m_firstYear = date.year();
    if (date.year() > m_lastYear)
        m_lastYear = date.year();
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    const auto it = m_days.constFind(date);
    if (it != m_days.constEnd())
        return *it == DayType::MakeUpWorkday;
    return date.dayOfWeek() <= 5;
}

bool WorkingCalendar::isHoliday(QDate date) const
{
    const auto it = m_days.constFind(date);
    return it != m_days.constEnd() && *it == DayType::Holiday;
}

bool WorkingCalendar::isMakeUpWorkday(QDate date) const
{
    const auto it = m_days.constFind(date);
    return it != m_days.constEnd() && *it == DayType::MakeUpWorkday;
}

QString WorkingCalendar::holidayName(QDate date) const
{
    return m_names.value(date);
}

QDate WorkingCalendar::addWorkingDays(QDate from, int n) const
{
    if (!from.isValid())
        return {};
    const int step = n >= 0 ? 1 : -1;
    int remaining = n >= 0 ? n : -n;
    QDate d = from;
    while (remaining > 0) {
        d = d.addDays(step);
        if (isWorkingDay(d))
            --remaining;
    }
    return d;
}

int WorkingCalendar::workingDaysBetween(QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid() || from == to)
        return 0;
    const bool forward = from < to;
    QDate a = forward ? from : to;
    const QDate b = forward ? to : from;
    int count = 0;
    while (a < b) {
        a = a.addDays(1);
        if (isWorkingDay(a))
            ++count;
    }
    return forward ? count : -count;
}

QDate WorkingCalendar::nextWorkingDayOnOrAfter(QDate date) const
{
    QDate d = date;
    while (d.isValid() && !isWorkingDay(d))
        d = d.addDays(1);
    return d;
}

bool WorkingCalendar::covers(QDate date) const
{
    return date.year() >= m_firstYear && date.year() <= m_lastYear;
}

} // namespace sunshine
