#pragma once

#include "common/wire/ViewLogLimits.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;

namespace sunshine::app {

class ApiClient;
class ClientSession;
class LocalCache;
class SyncEngine;

// Views of personal comparison data (Art. 26: queries are lawful, logged and confidential), reported to the
// server's audit log through POST /api/v1/audit/views. Each view is first kept in the cache (meta
// "pendingViewLog", a JSON array), so nothing is lost offline or when the program ends; the queue is sent at
// once when the server can be reached, and otherwise after the next successful sync. Views of records the
// server does not have yet (entered offline, version 0) wait until the record has been synced. Entries the
// server refuses (a record outside the user's area) are dropped.
class ViewLog : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString what; // "comparison" or "id-number"
        QString recordId;
        QString reason;
        qint64 atMs = 0;

        QJsonObject toJson() const; // the wire form: {"what","recordId","reason","at"}
        static Entry fromJson(const QJsonObject &o);
        friend bool operator==(const Entry &a, const Entry &b)
        {
            return a.what == b.what && a.recordId == b.recordId && a.reason == b.reason && a.atMs == b.atMs;
        }
    };

    static constexpr int kMaxPerRequest = wire::kMaxViewsPerRequest;
    static constexpr int kMaxReasonLength = wire::kMaxViewReasonLength;
    static QString metaKey(); // "pendingViewLog"

    // `engine` may be null (then the queue is only sent when entries are recorded or flush() is called).
    ViewLog(ApiClient &api, LocalCache &cache, SyncEngine *engine, QObject *parent = nullptr);
    ~ViewLog() override;

    // The log of a signed-in user's session: a child of the session, made on first use, sending after each
    // successful sync of its engine. The session must be open.
    static ViewLog &of(ClientSession &session);

    // Keeps the entries in the cache and tries to send them. False (with the reason) when an entry is not
    // valid (unknown kind, no record, no reason or a reason over 200 characters); nothing is kept then.
    bool record(const QList<Entry> &entries, QString *error);
    // What is waiting to be sent, oldest first.
    QList<Entry> pending() const;
    int pendingCount() const { return int(pending().size()); }
    bool isSending() const { return !m_reply.isNull(); }

public Q_SLOTS:
    // Sends up to 500 waiting entries (one request at a time; more follow when the answer came).
    void flush();

Q_SIGNALS:
    // The server answered: `logged` entries are in its audit log, `refused` were dropped.
    void delivered(int logged, int refused);
    // Sending failed (offline, session ended, ...); the entries wait for the next successful sync.
    void sendFailed(const QString &message);

private:
    void writeQueue(const QList<Entry> &entries);
    bool waitsForSync(const QString &recordId) const;

    ApiClient &m_api;
    LocalCache &m_cache;
    QPointer<QNetworkReply> m_reply;
    bool m_again = false;
};

} // namespace sunshine::app
