#pragma once

#include "common/core/Clock.h"
#include "common/funds/FundCatalog.h"
#include "common/org/OrgUnit.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"
#include "common/wire/UserInfo.h"

#include <QHash>
#include <QObject>
#include <memory>
#include <optional>

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
    // Units of one level, in path order (e.g. the villages a household can be placed in).
    QList<OrgUnit> orgUnitsAt(OrgLevel level) const;
    void refreshOrgUnits();

    // The fund lines administrators added (GET /api/v1/fund-lines), kept in the cache and set into the
    // catalog in force (funds::FundCatalog::setAddedLines) at open(), so rules and forms see them offline
    // too. Fetched after sign-in and after each sync round that went through.
    void refreshFundLines();
    // A line just added by this user, in force at once (the next refresh confirms it).
    void rememberFundLine(const funds::FundLine &line);
    // The department codes a fund line may name as its lead department, with their names ("农业农村局").
    struct LeadDepartment
    {
        QString code;
        QString name;
    };
    QList<LeadDepartment> leadDepartments() const;

Q_SIGNALS:
    void departmentsChanged();
    void orgUnitsChanged();
    void fundLinesChanged();

private:
    ApiClient &m_api;
    UserInfo m_user;
    const Clock &m_clock;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
    QList<Department> m_departments;
    QList<OrgUnit> m_orgUnits;
    QHash<QString, qsizetype> m_orgIndex;
    void setOrgUnits(const QJsonArray &items);
};

} // namespace sunshine::app
