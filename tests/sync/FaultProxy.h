#pragma once

// A TCP proxy on 127.0.0.1 in front of the test server that breaks connections: each new connection is
// dropped at once, delayed, cut after K bytes in one direction (the bytes up to K get through), or passed
// through, as a plan function decides. TLS runs end to end through it (the proxy never sees plain text).
// Cutting the server's direction lets requests arrive whole and loses (part of) the answers: the server has
// applied what the client never hears of.

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <functional>

namespace sunshine::test {

class FaultProxy : public QObject
{
public:
    enum class Mode
    {
        Pass,
        Drop,
        Delay,
        Cut,
        CutAnswer
    };
    struct Plan
    {
        Mode mode = Mode::Pass;
        int delayMs = 0;            // Delay: before the connection to the server is made
        qint64 cutAfter = -1;       // Cut: bytes forwarded in one direction before both ends are cut
        bool serverToClient = true; // Cut: the direction counted
        // CutAnswer: the server's n-th burst of data (each one answers a burst of the client's: the TLS
        // handshake, then requests) is cut after `cutAfter` of its bytes.
        int answer = 0;
    };

    explicit FaultProxy(quint16 targetPort, QObject *parent = nullptr)
        : QObject(parent)
        , m_target(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    // Decides what happens to each new connection (the default passes everything).
    void setPlanner(std::function<Plan()> planner) { m_planner = std::move(planner); }
    // Cuts every open connection (as when the network goes away for a moment).
    void cutAll()
    {
        const QList<QPointer<Link>> links = m_links;
        for (const QPointer<Link> &l : links) {
            if (l)
                l->cut();
        }
    }
    int connections(Mode mode) const { return m_counts.value(int(mode)); }
    int totalConnections() const { return m_total; }

private:
    class Link : public QObject
    {
    public:
        Link(QTcpSocket *client, quint16 target, const Plan &plan, QObject *parent)
            : QObject(parent)
            , m_client(client)
            , m_upstream(new QTcpSocket(this))
            , m_downBudget(plan.mode == Mode::Cut && plan.serverToClient ? plan.cutAfter : -1)
            , m_upBudget(plan.mode == Mode::Cut && !plan.serverToClient ? plan.cutAfter : -1)
            , m_answer(plan.mode == Mode::CutAnswer ? plan.answer : 0)
            , m_answerCut(plan.cutAfter)
        {
            client->setParent(this);
            connect(m_client, &QTcpSocket::readyRead, this, [this] {
                m_toServer += m_client->readAll();
                flushToServer();
            });
            connect(m_upstream, &QTcpSocket::readyRead, this, [this] {
                QByteArray data = m_upstream->readAll();
                if (!m_serverTalking) {
                    m_serverTalking = true;
                    if (++m_answers == m_answer)
                        m_downBudget = m_answerCut;
                }
                forward(data, m_client, m_downBudget);
            });
            connect(m_upstream, &QTcpSocket::connected, this, [this] {
                m_connected = true;
                flushToServer();
            });
            for (QTcpSocket *s : {m_client, m_upstream}) {
                connect(s, &QTcpSocket::disconnected, this, &Link::close);
                connect(s, &QTcpSocket::errorOccurred, this, &Link::close);
            }
            if (plan.mode == Mode::Delay && plan.delayMs > 0)
                QTimer::singleShot(plan.delayMs, this, [this, target] { connectUpstream(target); });
            else
                connectUpstream(target);
            if (m_downBudget == 0 || m_upBudget == 0)
                QTimer::singleShot(0, this, &Link::cut);
        }

        void cut()
        {
            if (m_done)
                return;
            m_done = true;
            m_client->abort();
            m_upstream->abort();
            deleteLater();
        }

    private:
        void connectUpstream(quint16 target)
        {
            if (!m_done)
                m_upstream->connectToHost(QHostAddress::LocalHost, target);
        }
        void flushToServer()
        {
            if (m_connected && !m_toServer.isEmpty()) {
                m_serverTalking = false;
                forward(m_toServer, m_upstream, m_upBudget);
            }
        }
        void forward(QByteArray &data, QTcpSocket *to, qint64 &budget)
        {
            if (m_done) {
                data.clear();
                return;
            }
            if (budget >= 0 && data.size() >= budget) {
                to->write(data.left(budget));
                to->flush();
                data.clear();
                cut();
                return;
            }
            to->write(data);
            if (budget >= 0)
                budget -= data.size();
            data.clear();
        }
        // One side ended: pass on what is left, then end the other side too.
        void close()
        {
            if (m_done)
                return;
            if (m_upstream->bytesAvailable() > 0) {
                QByteArray data = m_upstream->readAll();
                forward(data, m_client, m_downBudget);
            }
            if (m_done)
                return;
            m_done = true;
            m_client->disconnectFromHost();
            m_upstream->disconnectFromHost();
            // Give the last bytes a moment to leave, then let go.
            QTimer::singleShot(2000, this, [this] {
                m_client->abort();
                m_upstream->abort();
                deleteLater();
            });
        }

        QTcpSocket *m_client;
        QTcpSocket *m_upstream;
        QByteArray m_toServer;
        qint64 m_downBudget;
        qint64 m_upBudget;
        int m_answer;
        qint64 m_answerCut;
        int m_answers = 0;
        bool m_serverTalking = false;
        bool m_connected = false;
        bool m_done = false;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            const Plan plan = m_planner ? m_planner() : Plan();
            ++m_total;
            ++m_counts[int(plan.mode)];
            if (plan.mode == Mode::Drop) {
                client->abort();
                client->deleteLater();
                continue;
            }
            m_links.removeAll(QPointer<Link>());
            m_links.append(new Link(client, m_target, plan, this));
        }
    }

    quint16 m_target;
    QTcpServer m_server;
    std::function<Plan()> m_planner;
    QList<QPointer<Link>> m_links;
    QHash<int, int> m_counts;
    int m_total = 0;
};

} // namespace sunshine::test
