#include "tests/support/RuleTestClient.h"

#include "common/core/ChinaTime.h"
#include "server/demo/DemoData.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

qint64 chinaMs(QDate date, QTime time)
{
    return chinaMidnightUtcMs(date) + time.msecsSinceStartOfDay();
}

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

RuleTestClient::~RuleTestClient() = default;

bool RuleTestClient::startServer(QString *error)
{
    m_server = std::make_unique<ServerFixture>();
    if (!m_server->start(error))
        return false;
    m_http = std::make_unique<HttpsClient>(*m_server);
    return true;
}

void RuleTestClient::stopServer()
{
    m_http.reset();
    m_server.reset();
}

qint64 RuleTestClient::now() const
{
    return m_server->clock().nowMs();
}

void RuleTestClient::setChinaTime(QDate date, QTime time)
{
    setNowMs(chinaMs(date, time));
}

void RuleTestClient::setNowMs(qint64 ms)
{
    m_server->clock().setNowMs(ms);
    m_tokens.clear();
}

QString RuleTestClient::token(const QString &username)
{
    if (!m_tokens.contains(username)) {
        const QString t = m_http->login(username, QString::fromUtf16(DemoData::kPassword));
        if (t.isEmpty())
            qWarning("login of %s failed: %s", qPrintable(username),
                     m_http->lastLogin().describe().constData());
        m_tokens.insert(username, t);
        m_userIds.insert(username,
                         m_http->lastLogin().json.value(u"user"_s).toObject().value(u"id"_s).toString());
    }
    return m_tokens.value(username);
}

QString RuleTestClient::userId(const QString &username)
{
    token(username);
    return m_userIds.value(username);
}

qint64 RuleTestClient::version(const QString &id)
{
    SqlQuery q(m_server->store(), u"SELECT version FROM records WHERE id = ?"_s);
    q.bindText(id).exec();
    return q.next() ? q.int64(0) : 0;
}

QJsonObject RuleTestClient::storedFields(const QString &id)
{
    SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE id = ?"_s);
    q.bindText(id).exec();
    return q.next() ? QJsonDocument::fromJson(q.text(0).toUtf8()).object() : QJsonObject();
}

QList<PushAnswer> RuleTestClient::push(const QString &username, const QJsonArray &ops,
                                       std::optional<qint64> deviceNowMs)
{
    const HttpResult r = m_http->post(u"/api/v1/sync/push"_s,
                                      {{u"deviceNow"_s, deviceNowMs.value_or(now())}, {u"operations"_s, ops}},
                                      token(username));
    QList<PushAnswer> out;
    if (r.status != 200) {
        qWarning("push by %s failed: %s", qPrintable(username), r.describe().constData());
        return out;
    }
    const QJsonArray results = r.json.value(u"results"_s).toArray();
    for (const QJsonValue &v : results)
        out.append(PushAnswer{v.toObject()});
    if (out.size() != ops.size())
        qWarning("push by %s: %d answers to %d operations", qPrintable(username), int(out.size()),
                 int(ops.size()));
    return out;
}

PushAnswer RuleTestClient::pushOne(const QString &username, const QJsonObject &op,
                                   std::optional<qint64> deviceNowMs)
{
    const QList<PushAnswer> answers = push(username, QJsonArray{op}, deviceNowMs);
    return answers.size() == 1 ? answers.first() : PushAnswer{};
}

QList<QJsonObject> RuleTestClient::pullAll(const QString &username)
{
    QList<QJsonObject> out;
    QString cursor = u"0"_s;
    for (int page = 0; page < 1000; ++page) {
        QUrlQuery q;
        q.addQueryItem(u"cursor"_s, cursor);
        q.addQueryItem(u"limit"_s, u"200"_s);
        const HttpResult r =
            m_http->get(u"/api/v1/sync/pull?"_s + q.toString(QUrl::FullyEncoded), token(username));
        if (r.status != 200) {
            qWarning("pull by %s failed: %s", qPrintable(username), r.describe().constData());
            return {};
        }
        const QJsonArray records = r.json.value(u"records"_s).toArray();
        for (const QJsonValue &v : records)
            out.append(v.toObject());
        cursor = r.json.value(u"cursor"_s).toString();
        if (!r.json.value(u"hasMore"_s).toBool())
            break;
    }
    return out;
}

} // namespace sunshine::test
