#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServer>
#include <QString>
#include <functional>

namespace sunshine {

// The monitoring listener: `GET /metrics` in the Prometheus text format, on an address of its own (never the
// public one) and only with `Authorization: Bearer <token>`; anything else answers 401 or 404.
class MetricsServer
{
public:
    MetricsServer(QByteArray token, std::function<QByteArray()> text);

    // Returns the port listened on, or 0 with the reason.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

private:
    QByteArray m_token;
    std::function<QByteArray()> m_text;
    QHttpServer m_server;
};

} // namespace sunshine
