#include "tests/support/ServerFixture.h"

#include "tests/support/TestStores.h"
#include "tests/support/TestTls.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

qint64 ServerFixture::defaultStartMs()
{
    return QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

ServerFixture::ServerFixture()
    : ServerFixture(Options())
{}

ServerFixture::ServerFixture(Options options)
    : m_options(std::move(options))
    , m_clock(defaultStartMs())
{}

ServerFixture::~ServerFixture()
{
    stop();
}

bool ServerFixture::start(QString *error)
{
    stop();
    const TestTls &tls = TestTls::instance();
    ServerConfig config;
    if (m_options.store) {
        config.store = *m_options.store;
    } else {
        QString why;
        config.store = freshStoreConfig(&why);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    config.host = QHostAddress::LocalHost;
    config.port = 0;
    config.tlsCertFile = tls.serverCertFile();
    config.tlsKeyFile = tls.serverKeyFile();
    config.demo = m_options.demo;
    config.auth = m_options.auth;
    config.limits = m_options.limits;
    config.publicRate = m_options.publicRate;
    config.metricsToken = m_options.metricsToken;
    config.hashCost = PasswordHasher::minimum();
    m_config = config;
    m_server = std::make_unique<ServerInstance>(config, m_clock);
    QString why;
    if (!m_server->start(&why)) {
        *error = u"server did not start on %1: %2"_s.arg(config.store.describe(), why);
        m_server.reset();
        return false;
    }
    return true;
}

void ServerFixture::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
}

QUrl ServerFixture::baseUrl() const
{
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

QSslCertificate ServerFixture::caCertificate() const
{
    return TestTls::instance().caCertificate();
}

} // namespace sunshine::test
