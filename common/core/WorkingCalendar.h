#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

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

    // The calendar shipped inside the program (the official schedules of the years it was built with).
    static const WorkingCalendar &builtIn();
    // The calendar in force: the shipped one with the years loaded at run time over it (on the server the
    // years administrators stored, on a client those it received). Every rule asks this one. A replaced
    // calendar stays alive, so a reference taken before a replacement stays valid.
    static const WorkingCalendar &current();
    static void setCurrent(WorkingCalendar calendar);
    // The shipped calendar with whole years over it: each year found in `yearCsvs` replaces that year's
    // shipped days. False (and `error`) when a text cannot be read.
    static bool withYears(const QList<QByteArray> &yearCsvs, WorkingCalendar *out, QString *error);
    // withYears() put in force; false (with a warning, the calendar in force unchanged) when a text cannot be
    // read.
    static bool putYearsInForce(const QList<QByteArray> &yearCsvs);
    // Checks one year's official schedule before it is stored: "date,type,name" lines of that year only, each
    // date once, at least one holiday. The problem in Chinese, or nothing.
    static std::optional<QString> yearProblem(int year, const QByteArray &csv);

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

    // Years the official schedule covers; outside them only weekends are known, and a deadline computed there
    // is flagged "日历未更新".
    int firstYear() const { return m_firstYear; }
    int lastYear() const { return m_lastYear; }
    bool covers(QDate date) const;
    QList<int> years() const;
    // How a deadline in a year not covered is flagged wherever it is shown: "日历未更新" (weekends only were
    // counted). Empty for a covered or invalid date.
    QString uncoveredNote(QDate due) const;
    // The days of one year as "date,type,name" lines.
    QByteArray yearCsv(int year) const;

private:
    QHash<QDate, DayType> m_days;
    QHash<QDate, QString> m_names;
    QSet<int> m_years;
    int m_firstYear = 0;
    int m_lastYear = 0;
};

} // namespace sunshine
