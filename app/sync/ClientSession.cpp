#include "app/sync/ClientSession.h"

#include "app/net/ApiClient.h"

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
    // The catalog in force is this user's: the added lines as last fetched (none before the first fetch).
    funds::FundCatalog::setAddedLines(funds::fundLinesFromJson(
        QJsonDocument::fromJson(m_cache->metaValue(u"fundLines"_s).toUtf8()).array()));
    connect(m_engine.get(), &SyncEngine::finished, this, [this](bool ok) {
        if (ok)
            refreshFundLines();
    });
    return true;
}

void ClientSession::refreshFundLines()
{
    m_api.get(u"/api/v1/fund-lines"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok())
            return; // offline: keep what the cache remembers
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        m_cache->setMetaValue(u"fundLines"_s,
                              QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
        m_cache->setMetaValue(
            u"fundLineDepartments"_s,
            QString::fromUtf8(
                QJsonDocument(r.json.value(u"departments"_s).toArray()).toJson(QJsonDocument::Compact)));
        funds::FundCatalog::setAddedLines(funds::fundLinesFromJson(items));
        Q_EMIT fundLinesChanged();
    });
}

void ClientSession::rememberFundLine(const funds::FundLine &line)
{
    QJsonArray items = QJsonDocument::fromJson(m_cache->metaValue(u"fundLines"_s).toUtf8()).array();
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        if (items.at(i).toObject().value(u"code"_s).toString() == line.code)
            items.removeAt(i);
    }
    items.append(funds::fundLineToJson(line));
    m_cache->setMetaValue(u"fundLines"_s,
                          QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
    funds::FundCatalog::setAddedLines(funds::fundLinesFromJson(items));
    Q_EMIT fundLinesChanged();
}

QList<ClientSession::LeadDepartment> ClientSession::leadDepartments() const
{
    QList<LeadDepartment> out;
    const QJsonArray saved =
        QJsonDocument::fromJson(m_cache->metaValue(u"fundLineDepartments"_s).toUtf8()).array();
    for (const QJsonValue &v : saved) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"code"_s).toString(), o.value(u"name"_s).toString()});
    }
    return out;
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
