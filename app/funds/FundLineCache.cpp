#include "app/funds/FundLineCache.h"

#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

QString compact(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

FundLineCache::FundLineCache(ClientSession &session)
    : m_session(session)
{}

FundLineCache *FundLineCache::of(const ClientSession &session)
{
    return session.module<FundLineCache>();
}

void FundLineCache::opened()
{
    // The catalog in force is this user's: the added lines as last fetched (none before the first fetch).
    funds::FundCatalog::setAddedLines(funds::fundLinesFromJson(
        QJsonDocument::fromJson(m_session.cache().metaValue(u"fundLines"_s).toUtf8()).array()));
}

void FundLineCache::refresh()
{
    m_session.api().get(u"/api/v1/fund-lines"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok())
            return; // offline: keep what the cache remembers
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        m_session.cache().setMetaValue(u"fundLines"_s, compact(items));
        m_session.cache().setMetaValue(u"fundLineDepartments"_s,
                                       compact(r.json.value(u"departments"_s).toArray()));
        funds::FundCatalog::setAddedLines(funds::fundLinesFromJson(items));
        Q_EMIT changed();
    });
}

void FundLineCache::remember(const funds::FundLine &line)
{
    QJsonArray items = QJsonDocument::fromJson(m_session.cache().metaValue(u"fundLines"_s).toUtf8()).array();
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        if (items.at(i).toObject().value(u"code"_s).toString() == line.code)
            items.removeAt(i);
    }
    items.append(funds::fundLineToJson(line));
    m_session.cache().setMetaValue(u"fundLines"_s, compact(items));
    funds::FundCatalog::setAddedLines(funds::fundLinesFromJson(items));
    Q_EMIT changed();
}

QList<FundLineCache::LeadDepartment> FundLineCache::leadDepartments() const
{
    QList<LeadDepartment> out;
    const QJsonArray saved =
        QJsonDocument::fromJson(m_session.cache().metaValue(u"fundLineDepartments"_s).toUtf8()).array();
    for (const QJsonValue &v : saved) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"code"_s).toString(), o.value(u"name"_s).toString()});
    }
    return out;
}

} // namespace sunshine::app

// The funds module's part of the client library (app/CMakeLists.txt's module list).
namespace sunshine::modules::funds {

void registerClient(app::ClientModules &registry)
{
    registry.add(QStringLiteral("funds"),
                 [](app::ClientSession &session) { return std::make_unique<app::FundLineCache>(session); });
}

} // namespace sunshine::modules::funds
