#pragma once

#include <QDate>
#include <QHash>
#include <QString>

namespace sunshine {

// The official working-day calendar: Monday to Friday, minus public holidays, plus the weekend days that are
// worked instead (调休). Fed from the State Council's schedule (resources/calendar/holidays-cn.csv).
class WorkingCalendar
{
public:
    enum class DayType
    {
        Holiday,
        MakeUpWorkday
    };

    WorkingCalendar() = default;

    // The calendar shipped inside the program.
    static const WorkingCalendar &builtIn();

    // Parses "date,type,name" lines; '#' starts a comment. Returns false and sets error on a bad line.
    bool loadCsv(const QByteArray &csv, QString *error = nullptr);
    void addDay(QDate date, DayType type, const QString &name);

    bool isWorkingDay(QDate date) const;
    bool isHoliday(QDate date) const;
    bool isMakeUpWorkday(QDate date) const;
    QString holidayName(QDate date) const;

    // The date n working days after `from` (n >= 1); `from` itself is never counted.
    // n == 0 gives `from`. Negative n counts backwards.
    QDate addWorkingDays(QDate from, int n) const;
    // Working days in the half-open range (from, to]: how many working days `to` is after `from`.
    // Negative when `to` is before `from`.
    int workingDaysBetween(QDate from, QDate to) const;
    // The first working day on or after `date`.
    QDate nextWorkingDayOnOrAfter(QDate date) const;

    // Years the official schedule covers; outside them only weekends are known.
    int firstYear() const { return m_firstYear; }
    int lastYear() const { return m_lastYear; }
    bool covers(QDate date) const;

private:
    QHash<QDate, DayType> m_days;
    QHash<QDate, QString> m_names;
    int m_firstYear = 0;
    int m_lastYear = 0;
};

} // namespace sunshine
