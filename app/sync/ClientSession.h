#pragma once

#include "app/sync/ClientModule.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"
#include "common/core/Clock.h"
#include "common/org/OrgUnit.h"
#include "common/wire/UserInfo.h"

#include <QHash>
#include <QObject>
#include <memory>
#include <optional>
#include <vector>

namespace sunshine::app {

class ApiClient;

// Everything of one signed-in user on this PC: their local cache (a file of their own) and its sync engine,
// and the departments of their area, kept in the cache so forms work offline too.
class ClientSession : public QObject
{
    Q_OBJECT
public:
    ClientSession(ApiClient &api, const UserInfo &user, QString cachePath, const Clock &clock,
                  QObject *parent = nullptr);
    ~ClientSession() override;

    bool open(QString *error);
    ApiClient &api() const { return m_api; }
    LocalCache &cache() { return *m_cache; }
    SyncEngine &engine() { return *m_engine; }
    const UserInfo &user() const { return m_user; }
    const Clock &clock() const { return m_clock; }

    // Saves a change of some fields of a record (a step appended, a date stamped) to the cache and its
    // outbox, the record staying where it is, and asks the engine to sync; false with the reason.
    bool saveFields(const QString &type, const QString &recordId, const QString &orgUnitId,
                    const QString &departmentId, const QJsonObject &changedFields, QString *error);

    // Departments in the user's area (fetched when online, remembered in the cache).
    QList<Department> departments() const { return m_departments; }
    QString departmentName(const QString &id) const;
    void refreshDepartments();

    // The org units of the user's area (own unit and below, in path order), fetched when online and
    // remembered.
    QList<OrgUnit> orgUnits() const { return m_orgUnits; }
    std::optional<OrgUnit> orgUnit(const QString &id) const;
    // "XX村", or the id when unknown.
    QString orgUnitName(const QString &id) const;
    // Units of one level, in path order (e.g. the villages a record can be placed in).
    QList<OrgUnit> orgUnitsAt(OrgLevel level) const;
    void refreshOrgUnits();

    // The working-day calendar: the years the server's administrators loaded, fetched when online (after each
    // sync round that went through), remembered in the cache and put in force (WorkingCalendar::current), so
    // deadlines offline count the same days as the server's. The server's last answer: covered years and
    // whether this or next year is missing (GET /api/v1/calendar).
    void refreshCalendar();
    QJsonObject calendarStatus() const;

    // Each module's part of this session (ClientModule), made at open(). refreshModules() asks each to fetch
    // what the server has now; it runs by itself after each sync round that went through.
    void refreshModules();
    template <class T>
    T *module() const
    {
        for (const auto &m : m_modules) {
            if (auto *t = qobject_cast<T *>(m.get()))
                return t;
        }
        return nullptr;
    }

Q_SIGNALS:
    void departmentsChanged();
    void orgUnitsChanged();
    void calendarChanged();

private:
    ApiClient &m_api;
    UserInfo m_user;
    const Clock &m_clock;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
    QList<Department> m_departments;
    QList<OrgUnit> m_orgUnits;
    QHash<QString, qsizetype> m_orgIndex;
    std::vector<std::unique_ptr<ClientModule>> m_modules;
    void setOrgUnits(const QJsonArray &items);
    // Puts the years of a GET /api/v1/calendar answer in force; false when they cannot be read.
    static bool applyCalendar(const QJsonObject &answer);
};

} // namespace sunshine::app
