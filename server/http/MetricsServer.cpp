#include "server/http/MetricsServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

// Compared in time independent of where the first difference lies.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

MetricsServer::MetricsServer(QByteArray token, std::function<QByteArray()> text)
    : m_token(std::move(token))
    , m_text(std::move(text))
{
    m_server.route(u"/metrics"_s, [this](const QHttpServerRequest &request) {
        const QByteArray given = request.value("authorization");
        if (m_token.isEmpty() || !given.startsWith("Bearer ") || !sameSecret(given.mid(7).trimmed(), m_token))
            return QHttpServerResponse("text/plain; charset=utf-8", "unauthorized\n",
                                       QHttpServerResponse::StatusCode::Unauthorized);
        return QHttpServerResponse("text/plain; version=0.0.4; charset=utf-8", m_text());
    });
}

quint16 MetricsServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = m_server.listen(address, port);
    if (bound == 0 && error)
        *error = u"监控地址 %1:%2 无法监听"_s.arg(address.toString()).arg(port);
    return bound;
}

} // namespace sunshine
