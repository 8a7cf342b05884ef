#include "app/sync/ViewLog.h"

#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "app/sync/LocalCache.h"
#include "app/sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

QJsonObject ViewLog::Entry::toJson() const
{
    return {{u"what"_s, what}, {u"recordId"_s, recordId}, {u"reason"_s, reason}, {u"at"_s, atMs}};
}

ViewLog::Entry ViewLog::Entry::fromJson(const QJsonObject &o)
{
    return {o.value(u"what"_s).toString(), o.value(u"recordId"_s).toString(), o.value(u"reason"_s).toString(),
            o.value(u"at"_s).toInteger()};
}

QString ViewLog::metaKey()
{
    return u"pendingViewLog"_s;
}

ViewLog::ViewLog(ApiClient &api, LocalCache &cache, SyncEngine *engine, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
{
    if (engine) {
        connect(engine, &SyncEngine::finished, this, [this](bool ok, const QString &) {
            if (ok)
                flush();
        });
    }
}

ViewLog::~ViewLog() = default;

ViewLog &ViewLog::of(ClientSession &session)
{
    if (auto *log = session.findChild<ViewLog *>(QString(), Qt::FindDirectChildrenOnly))
        return *log;
    return *new ViewLog(session.api(), session.cache(), &session.engine(), &session);
}

QList<ViewLog::Entry> ViewLog::pending() const
{
    QList<Entry> out;
    const QJsonArray items = QJsonDocument::fromJson(m_cache.metaValue(metaKey()).toUtf8()).array();
    for (const QJsonValue &v : items)
        out.append(Entry::fromJson(v.toObject()));
    return out;
}

void ViewLog::writeQueue(const QList<Entry> &entries)
{
    QJsonArray items;
    for (const Entry &e : entries)
        items.append(e.toJson());
    m_cache.setMetaValue(metaKey(), QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
}

bool ViewLog::record(const QList<Entry> &entries, QString *error)
{
    QList<Entry> checked;
    for (Entry e : entries) {
        e.reason = e.reason.trimmed();
        if (e.what != u"comparison"_s && e.what != u"id-number"_s) {
            *error = tr("Unknown kind of view: %1").arg(e.what);
            return false;
        }
        if (e.recordId.isEmpty() || e.recordId.size() > 64) {
            *error = tr("The view names no record.");
            return false;
        }
        if (e.reason.isEmpty()) {
            *error = tr("Give the reason of the query.");
            return false;
        }
        if (e.reason.size() > kMaxReasonLength) {
            *error = tr("The reason may have at most %1 characters.").arg(kMaxReasonLength);
            return false;
        }
        if (e.atMs < 0) {
            *error = tr("The time of the view is not valid.");
            return false;
        }
        checked.append(e);
    }
    if (checked.isEmpty())
        return true;
    writeQueue(pending() + checked);
    flush();
    return true;
}

bool ViewLog::waitsForSync(const QString &recordId) const
{
    const std::optional<CachedRecord> r = m_cache.record(recordId);
    return r && r->record.version == 0 && !r->record.deleted;
}

void ViewLog::flush()
{
    if (m_reply) {
        m_again = true; // entries recorded while a request is out go with the next one
        return;
    }
    m_again = false;
    const QList<Entry> queue = pending();
    QList<Entry> sent;
    QJsonArray views;
    for (const Entry &e : queue) {
        if (sent.size() >= kMaxPerRequest)
            break;
        if (waitsForSync(e.recordId))
            continue;
        sent.append(e);
        views.append(e.toJson());
    }
    if (sent.isEmpty())
        return;
    m_reply =
        m_api.post(u"/api/v1/audit/views"_s, {{u"views"_s, views}}, this, [this, sent](const ApiResult &r) {
            m_reply.clear();
            if (!r.ok()) {
                // Kept for the next successful sync.
                Q_EMIT sendFailed(r.message);
                return;
            }
            // Everything sent is done with: logged, or refused for good (a record the user cannot see).
            QList<Entry> rest = pending();
            for (const Entry &e : sent) {
                const qsizetype i = rest.indexOf(e);
                if (i >= 0)
                    rest.removeAt(i);
            }
            writeQueue(rest);
            const int refused = int(r.json.value(u"refused"_s).toArray().size());
            Q_EMIT delivered(r.json.value(u"logged"_s).toInt(), refused);
            const bool more = std::any_of(rest.cbegin(), rest.cend(),
                                          [this](const Entry &e) { return !waitsForSync(e.recordId); });
            if (more || m_again)
                flush();
        });
}

} // namespace sunshine::app
