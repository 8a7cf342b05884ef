#include "app/sync/ClientSession.h"

#include "app/net/ApiClient.h"
#include "common/core/EntryClose.h"
#include "common/core/WorkingCalendar.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ClientSession::ClientSession(ApiClient &api, const UserInfo &user, QString cachePath, const Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_user(user)
    , m_clock(clock)
    , m_cache(std::make_unique<LocalCache>(std::move(cachePath)))
{}

ClientSession::~ClientSession()
{
    if (m_engine)
        m_engine->stop();
}

bool ClientSession::open(QString *error)
{
    if (!m_cache->open(error))
        return false;
    m_engine = std::make_unique<SyncEngine>(m_api, *m_cache, m_clock);
    const QJsonArray saved = QJsonDocument::fromJson(m_cache->metaValue(u"departments"_s).toUtf8()).array();
    for (const QJsonValue &v : saved)
        m_departments.append(Department::fromJson(v.toObject()));
    setOrgUnits(QJsonDocument::fromJson(m_cache->metaValue(u"orgUnits"_s).toUtf8()).array());
    applyCalendar(calendarStatus());
    ClientModules modules;
    registerAllClientModules(modules);
    for (const auto &entry : modules.factories()) {
        m_modules.push_back(entry.second(*this));
        m_modules.back()->setObjectName(entry.first);
        m_modules.back()->opened();
    }
    connect(m_engine.get(), &SyncEngine::finished, this, [this](bool ok) {
        if (ok) {
            refreshCalendar();
            refreshModules();
        }
    });
    return true;
}

void ClientSession::refreshModules()
{
    for (const auto &m : m_modules)
        m->refresh();
}

void ClientSession::setOrgUnits(const QJsonArray &items)
{
    m_orgUnits.clear();
    m_orgIndex.clear();
    for (const QJsonValue &v : items) {
        m_orgIndex.insert(v.toObject().value(u"id"_s).toString(), m_orgUnits.size());
        m_orgUnits.append(OrgUnit::fromJson(v.toObject()));
    }
}

std::optional<OrgUnit> ClientSession::orgUnit(const QString &id) const
{
    const auto it = m_orgIndex.constFind(id);
    if (it == m_orgIndex.constEnd())
        return std::nullopt;
    return m_orgUnits.at(*it);
}

QString ClientSession::orgUnitName(const QString &id) const
{
    const auto it = m_orgIndex.constFind(id);
    return it == m_orgIndex.constEnd() ? id : m_orgUnits.at(*it).name;
}

QList<OrgUnit> ClientSession::orgUnitsAt(OrgLevel level) const
{
    QList<OrgUnit> out;
    for (const OrgUnit &u : m_orgUnits) {
        if (u.level == level)
            out.append(u);
    }
    return out;
}

void ClientSession::refreshOrgUnits()
{
    m_api.get(u"/api/v1/org/units"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok())
            return; // offline: keep what the cache remembers
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        setOrgUnits(items);
        m_cache->setMetaValue(u"orgUnits"_s,
                              QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
        Q_EMIT orgUnitsChanged();
    });
}

bool ClientSession::applyCalendar(const QJsonObject &answer)
{
    // The server's close moment of "entry closes on day D", so that offline checks judge as it does.
    if (const std::optional<int> minute = EntryClose::parse(answer.value(u"entryCloseTime"_s).toString()))
        EntryClose::setMinuteOfDay(*minute);
    QList<QByteArray> years;
    const QJsonArray items = answer.value(u"items"_s).toArray();
    for (const QJsonValue &v : items)
        years.append(v.toObject().value(u"csv"_s).toString().toUtf8());
    return WorkingCalendar::putYearsInForce(years);
}

QJsonObject ClientSession::calendarStatus() const
{
    return QJsonDocument::fromJson(m_cache->metaValue(u"calendar"_s).toUtf8()).object();
}

void ClientSession::refreshCalendar()
{
    m_api.get(u"/api/v1/calendar"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok() || !r.json.value(u"items"_s).isArray())
            return; // offline: keep what the cache remembers
        if (r.json == calendarStatus())
            return;
        if (!applyCalendar(r.json))
            return;
        m_cache->setMetaValue(u"calendar"_s,
                              QString::fromUtf8(QJsonDocument(r.json).toJson(QJsonDocument::Compact)));
        Q_EMIT calendarChanged();
    });
}

bool ClientSession::saveFields(const QString &type, const QString &recordId, const QString &orgUnitId,
                               const QString &departmentId, const QJsonObject &changedFields, QString *error)
{
    LocalCache::Change change;
    change.type = type;
    change.recordId = recordId;
    change.orgUnitId = orgUnitId;
    change.departmentId = departmentId;
    change.changedFields = changedFields;
    if (m_cache->save(change, m_clock.nowMs(), error).isEmpty())
        return false;
    m_engine->syncNow();
    return true;
}

QString ClientSession::departmentName(const QString &id) const
{
    for (const Department &d : m_departments) {
        if (d.id == id)
            return d.name;
    }
    return id;
}

void ClientSession::refreshDepartments()
{
    m_api.get(u"/api/v1/org/departments"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok())
            return; // offline: keep what the cache remembers
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        m_departments.clear();
        for (const QJsonValue &v : items)
            m_departments.append(Department::fromJson(v.toObject()));
        m_cache->setMetaValue(u"departments"_s,
                              QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
        Q_EMIT departmentsChanged();
    });
}

} // namespace sunshine::app
