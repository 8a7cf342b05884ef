#pragma once

#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/ServerFixture.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>
#include <memory>
#include <optional>

namespace sunshine::test {

// A moment in China (UTC+8) as UTC milliseconds.
qint64 chinaMs(QDate date, QTime time = QTime(10, 0));
QString iso(QDate date);
// A new random record or operation id.
QString newId();

// What the server's rule tests share: the server in this process over TLS with the demo data, its clock set
// to a moment in China, sign-in per demo account (kept until the clock moves: sessions last 8 hours), the
// stored records read directly to check what the answers claim, and pushes and pulls as the program makes
// them. A test class derives from QObject and from this.
class RuleTestClient
{
public:
    virtual ~RuleTestClient();

protected:
    // Starts the server and the client; false with the reason.
    bool startServer(QString *error);
    void stopServer();

    qint64 now() const;
    // Moves the server's clock to a moment in China; everyone signs in again.
    void setChinaTime(QDate date, QTime time = QTime(10, 0));
    void setNowMs(qint64 ms);

    // The session token of a demo account (password Demo@2026), signing in when needed.
    QString token(const QString &username);
    // The account's user id (signs in when needed).
    QString userId(const QString &username);

    // The stored version of a record (0: none) and its data.
    qint64 version(const QString &id);
    QJsonObject storedFields(const QString &id);

    // POST /api/v1/sync/push; one answer per operation, or none when the push as a whole failed.
    QList<PushAnswer> push(const QString &username, const QJsonArray &ops,
                           std::optional<qint64> deviceNowMs = {});
    PushAnswer pushOne(const QString &username, const QJsonObject &op,
                       std::optional<qint64> deviceNowMs = {});
    // Everything the user's pull returns, page by page from the start.
    QList<QJsonObject> pullAll(const QString &username);

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;

private:
    QHash<QString, QString> m_tokens;
    QHash<QString, QString> m_userIds;
};

} // namespace sunshine::test
