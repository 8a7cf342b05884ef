#pragma once

#include "common/core/Clock.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <optional>

namespace sunshine {

// The working-day calendar as data (table working_calendar): city administrators load each year's official
// schedule, the server stores it with a version and an audit entry, puts it in force in this process
// (WorkingCalendar::setCurrent) and hands it to every client (GET /api/v1/calendar). Other server processes
// on the same database take it up at start and at their next GET of the calendar.
class CalendarService
{
public:
    CalendarService(Store &store, AuditLog &audit, const Clock &clock);

    struct StoredYear
    {
        int year = 0;
        QByteArray csv;
        qint64 version = 0;
        qint64 loadedAtMs = 0;
        QString loadedBy;
    };
    QList<StoredYear> stored();
    // The stored years over the shipped calendar, put in force here. False with a warning when a stored year
    // cannot be read (the calendar in force is then unchanged).
    bool apply();
    // Stores one year's schedule (city administrators; the text checked by WorkingCalendar::yearProblem) and
    // puts it in force.
    StoredYear load(const AuthSession &actor, int year, const QByteArray &csv, const QString &address);
    // What GET /api/v1/calendar answers: the stored years with their text, the years covered, the calendar's
    // version (the sum of the stored versions) and whether next year is missing from November on.
    QJsonObject status();

    // From this month on administrators are told that next year's schedule is missing (a parameter: the State
    // Council publishes it in late autumn).
    static constexpr int kWarnFromMonth = 11;

private:
    // The stored years put in force, unless they are the ones in force already.
    bool putInForce(const QList<StoredYear> &years);

    Store &m_store;
    AuditLog &m_audit;
    const Clock &m_clock;
    QMutex m_mutex;
    std::optional<QString> m_inForce; // the years and versions in force ("2027:2;")
};

} // namespace sunshine
