#include "common/core/WorkingCalendar.h"

#include <QFile>
#include <QList>
#include <QMutex>
#include <algorithm>
#include <atomic>
#include <deque>

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

namespace {

// Every calendar that was ever in force: kept, so references to an earlier one stay valid.
struct Current
{
    QMutex mutex;
    std::deque<WorkingCalendar> all;
    std::atomic<const WorkingCalendar *> inForce{nullptr};
};

Current &current()
{
    static Current c;
    return c;
}

} // namespace

const WorkingCalendar &WorkingCalendar::current()
{
    if (const WorkingCalendar *c = sunshine::current().inForce.load(std::memory_order_acquire))
        return *c;
    return builtIn();
}

void WorkingCalendar::setCurrent(WorkingCalendar calendar)
{
    Current &c = sunshine::current();
    QMutexLocker lock(&c.mutex);
    c.all.push_back(std::move(calendar));
    c.inForce.store(&c.all.back(), std::memory_order_release);
}

bool WorkingCalendar::withYears(const QList<QByteArray> &yearCsvs, WorkingCalendar *out, QString *error)
{
    WorkingCalendar result = builtIn();
    for (const QByteArray &csv : yearCsvs) {
        WorkingCalendar loaded;
        if (!loaded.loadCsv(csv, error))
            return false;
        const QSet<int> years = loaded.m_years;
        for (auto it = result.m_days.begin(); it != result.m_days.end();) {
            if (years.contains(it.key().year())) {
                result.m_names.remove(it.key());
                it = result.m_days.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = loaded.m_days.constBegin(); it != loaded.m_days.constEnd(); ++it)
            result.addDay(it.key(), it.value(), loaded.m_names.value(it.key()));
    }
    *out = std::move(result);
    return true;
}

bool WorkingCalendar::putYearsInForce(const QList<QByteArray> &yearCsvs)
{
    WorkingCalendar calendar;
    QString error;
    if (!withYears(yearCsvs, &calendar, &error)) {
        qWarning("working calendar: a loaded year cannot be read: %s", qPrintable(error));
        return false;
    }
    setCurrent(std::move(calendar));
    return true;
}

std::optional<QString> WorkingCalendar::yearProblem(int year, const QByteArray &csv)
{
    WorkingCalendar loaded;
    QString error;
    if (!loaded.loadCsv(csv, &error))
        return u"日历文件第 %1 行格式不对，应为“日期,holiday 或 workday,名称”，例如 2027-01-01,holiday,元旦"_s
            .arg(error.section(u':', 0, 0).section(u' ', 1));
    if (loaded.m_years != QSet<int>{year})
        return u"日历文件只能包含 %1 年的日期"_s.arg(year);
    bool holiday = false;
    for (auto it = loaded.m_days.constBegin(); it != loaded.m_days.constEnd(); ++it)
        holiday = holiday || it.value() == DayType::Holiday;
    if (!holiday)
        return u"日历文件中没有节假日，请导入国务院办公厅发布的全年放假安排"_s;
    QSet<QByteArray> seen;
    for (const QByteArray &raw : csv.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith("date,"))
            continue;
        const QByteArray date = line.split(',').value(0);
        if (seen.contains(date))
            return u"日期 %1 在日历文件中出现了两次"_s.arg(QString::fromLatin1(date));
        seen.insert(date);
    }
    return std::nullopt;
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
        const QString name =
            parts.size() > 2 ? QString::fromUtf8(parts.mid(2).join(',')).trimmed() : QString();
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
    m_years.insert(date.year());
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
    return date.isValid() && m_years.contains(date.year());
}

QString WorkingCalendar::uncoveredNote(QDate due) const
{
    return due.isValid() && !covers(due) ? u"日历未更新"_s : QString();
}

QList<int> WorkingCalendar::years() const
{
    QList<int> out(m_years.constBegin(), m_years.constEnd());
    std::sort(out.begin(), out.end());
    return out;
}

QByteArray WorkingCalendar::yearCsv(int year) const
{
    QList<QDate> dates;
    for (auto it = m_days.constBegin(); it != m_days.constEnd(); ++it) {
        if (it.key().year() == year)
            dates.append(it.key());
    }
    std::sort(dates.begin(), dates.end());
    QByteArray out = "date,type,name\n";
    for (const QDate &d : dates)
        out += d.toString(Qt::ISODate).toLatin1() + ',' +
               (m_days.value(d) == DayType::Holiday ? QByteArray("holiday") : QByteArray("workday")) + ',' +
               m_names.value(d).toUtf8() + '\n';
    return out;
}

} // namespace sunshine
