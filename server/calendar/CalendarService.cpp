#include "server/calendar/CalendarService.h"

#include "common/auth/Scope.h"
#include "common/core/ChinaTime.h"
#include "common/core/EntryClose.h"
#include "common/core/WorkingCalendar.h"
#include "common/sync/RecordType.h"

#include <QJsonArray>
#include <QMutexLocker>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

CalendarService::CalendarService(Store &store, AuditLog &audit, const Clock &clock)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
{}

QList<CalendarService::StoredYear> CalendarService::stored()
{
    SqlQuery q(m_store,
               u"SELECT year, csv, version, loaded_at, loaded_by FROM working_calendar ORDER BY year"_s);
    q.exec();
    QList<StoredYear> out;
    while (q.next())
        out.append({int(q.int64(0)), q.text(1).toUtf8(), q.int64(2), q.int64(3), q.text(4)});
    return out;
}

bool CalendarService::apply()
{
    return putInForce(stored());
}

bool CalendarService::putInForce(const QList<StoredYear> &years)
{
    // Only when the stored years changed: every calendar once in force is kept alive, and every client asks
    // for the calendar after each sync round.
    QString key;
    QList<QByteArray> csvs;
    for (const StoredYear &y : years) {
        key += u"%1:%2;"_s.arg(y.year).arg(y.version);
        csvs.append(y.csv);
    }
    QMutexLocker lock(&m_mutex);
    if (m_inForce && *m_inForce == key)
        return true;
    if (!WorkingCalendar::putYearsInForce(csvs))
        return false;
    m_inForce = key;
    return true;
}

CalendarService::StoredYear CalendarService::load(const AuthSession &actor, int year, const QByteArray &csv,
                                                  const QString &address)
{
    // The calendar is city-wide: only administrators of the city set it.
    if (!canLoadCalendar(actor.scope.roles, sync::orgLevelOfPath(actor.scope.orgPath)))
        throw ApiError(ErrorCode::Forbidden, u"只有市级系统管理员可以导入工作日历"_s);
    const int thisYear = chinaDateOf(m_clock.nowMs()).year();
    if (year < 2000 || year > thisYear + 2)
        throw ApiError(ErrorCode::ValidationFailed,
                       u"年份 %1 不在可导入的范围内（2000 年至 %2 年）"_s.arg(year).arg(thisYear + 2),
                       u"year"_s);
    if (const std::optional<QString> problem = WorkingCalendar::yearProblem(year, csv))
        throw ApiError(ErrorCode::ValidationFailed, *problem, u"csv"_s);
    StoredYear s{year, csv, 1, m_clock.nowMs(), actor.userId};
    {
        Transaction tx(m_store);
        SqlQuery v(m_store, u"SELECT version FROM working_calendar WHERE year = ?"_s);
        v.bind(year).exec();
        if (v.next()) {
            s.version = v.int64(0) + 1;
            SqlQuery(m_store,
                     u"UPDATE working_calendar SET csv = ?, version = ?, loaded_at = ?, loaded_by = ? "
                     u"WHERE year = ?"_s)
                .bindText(QString::fromUtf8(csv))
                .bind(s.version)
                .bind(s.loadedAtMs)
                .bindText(actor.userId)
                .bind(year)
                .exec();
        } else {
            SqlQuery(m_store, u"INSERT INTO working_calendar (year, csv, version, loaded_at, loaded_by) "
                              u"VALUES (?, ?, ?, ?, ?)"_s)
                .bind(year)
                .bindText(QString::fromUtf8(csv))
                .bind(s.version)
                .bind(s.loadedAtMs)
                .bindText(actor.userId)
                .exec();
        }
        WorkingCalendar parsed;
        parsed.loadCsv(csv);
        m_audit.append({actor.userId, actor.username, u"calendar.load"_s, u"calendar"_s,
                        QString::number(year),
                        QJsonObject{{u"version"_s, s.version},
                                    {u"holidays"_s, qint64(parsed.yearCsv(year).count(",holiday,"))},
                                    {u"workdays"_s, qint64(parsed.yearCsv(year).count(",workday,"))}},
                        address});
        tx.commit();
    }
    apply();
    return s;
}

QJsonObject CalendarService::status()
{
    const QList<StoredYear> years = stored();
    QJsonArray items;
    qint64 version = 0;
    for (const StoredYear &y : years) {
        items.append(QJsonObject{{u"year"_s, y.year},
                                 {u"csv"_s, QString::fromUtf8(y.csv)},
                                 {u"version"_s, y.version},
                                 {u"loadedAt"_s, y.loadedAtMs},
                                 {u"loadedBy"_s, y.loadedBy}});
        version += y.version;
    }
    // What another server process loaded reaches this one here too.
    putInForce(years);
    const WorkingCalendar &calendar = WorkingCalendar::current();
    QJsonArray covered;
    for (int y : calendar.years())
        covered.append(y);
    const QDate today = chinaDateOf(m_clock.nowMs());
    const bool nextMissing =
        today.month() >= kWarnFromMonth && !calendar.covers(QDate(today.year() + 1, 1, 1));
    const bool thisMissing = !calendar.covers(today);
    return QJsonObject{{u"items"_s, items},
                       {u"version"_s, version},
                       {u"covered"_s, covered},
                       {u"missingThisYear"_s, thisMissing},
                       {u"missingNextYear"_s, nextMissing},
                       // The close moment of "entry closes on day D" (EntryClose), for the programs' checks.
                       {u"entryCloseTime"_s, EntryClose::format(EntryClose::minuteOfDay())}};
}

} // namespace sunshine
