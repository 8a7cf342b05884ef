#include "server/cli/ServerInstance.h"

#include "common/core/EntryClose.h"
#include "server/demo/BaseData.h"
#include "server/demo/DemoData.h"
#include "server/store/Migrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

ServerInstance::ServerInstance(ServerConfig config, const Clock &clock)
    : m_config(std::move(config))
    , m_clock(clock)
{}

ServerInstance::~ServerInstance()
{
    stop();
}

bool ServerInstance::loadTls(const QString &certFile, const QString &keyFile, QSslConfiguration *out,
                             QString *error)
{
    if (certFile.isEmpty() || keyFile.isEmpty()) {
        QStringList missing;
        if (certFile.isEmpty())
            missing << u"证书文件（--tls-cert）"_s;
        if (keyFile.isEmpty())
            missing << u"私钥文件（--tls-key）"_s;
        *error = u"缺少 TLS 材料：%1。服务器只通过 HTTPS 提供服务，请提供 PEM 格式的证书和私钥。"_s.arg(
            missing.join(u"、"_s));
        return false;
    }
    QFile cert(certFile);
    if (!cert.open(QIODevice::ReadOnly)) {
        *error = u"无法读取 TLS 证书文件 %1：%2"_s.arg(certFile, cert.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        *error = u"TLS 证书文件 %1 中没有 PEM 格式的证书"_s.arg(certFile);
        return false;
    }
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly)) {
        *error = u"无法读取 TLS 私钥文件 %1：%2"_s.arg(keyFile, keyIn.errorString());
        return false;
    }
    const QByteArray keyPem = keyIn.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = u"TLS 私钥文件 %1 无法读取（应为未加密的 PEM 格式 RSA 或 EC 私钥）"_s.arg(keyFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    *out = config;
    return true;
}

bool ServerInstance::start(QString *error)
{
    QSslConfiguration tls;
    if (!loadTls(m_config.tlsCertFile, m_config.tlsKeyFile, &tls, error))
        return false;
    if (!m_config.dataDir.isEmpty() && !QDir().mkpath(m_config.dataDir)) {
        *error = u"无法创建数据目录 %1"_s.arg(m_config.dataDir);
        return false;
    }
    if (m_config.store.kind == StoreConfig::Kind::Sqlite) {
        const QString dir = QFileInfo(m_config.store.sqlitePath).absolutePath();
        if (!QDir().mkpath(dir)) {
            *error = u"无法创建数据库目录 %1"_s.arg(dir);
            return false;
        }
    }

    m_store = std::make_unique<Store>(m_config.store);
    if (!m_store->open(error))
        return false;
    Migrator migrator(*m_store);
    const int schemaBefore = migrator.currentVersion();
    if (!migrator.migrate(error))
        return false;
    m_schema = migrator.currentVersion();

    try {
        m_hasher = std::make_unique<PasswordHasher>(m_config.hashCost);
        QString dataDir = m_config.dataDir;
        if (dataDir.isEmpty()) {
            m_scratch = std::make_unique<QTemporaryDir>();
            dataDir = m_scratch->path();
        }
        m_services = std::make_unique<Services>(*m_store, m_clock, *m_hasher, m_config.auth, m_config.sync,
                                                dataDir + u"/attachments"_s);
        m_services->schemaVersion = m_schema;
        m_services->backgroundWork = m_config.backgroundWork;
        try {
            for (const auto &m : m_services->modules)
                m->migrated(*m_store, schemaBefore, m_schema);
        } catch (const StoreError &e) {
            *error = u"迁移后更新模块数据失败：%1"_s.arg(QString::fromUtf8(e.what()));
            return false;
        }
        loadBaseOrgData(*m_store);
        m_services->calendar.apply(); // the years administrators loaded, over the shipped calendar
        EntryClose::setMinuteOfDay(m_config.entryCloseMinute);
        if (m_config.demo)
            DemoData::loadIfEmpty(*m_store, *m_hasher, m_clock, m_services->audit);
        for (const auto &m : m_services->modules) {
            if (m_config.demo && m_config.demoRecords)
                m->loadDemo(*m_services);
            m->start(*m_services);
        }
    } catch (const std::exception &e) {
        *error = u"初始化数据失败：%1"_s.arg(QString::fromUtf8(e.what()));
        return false;
    }

    registerAllRoutes(m_router, *m_services);
    m_publicLimiter = std::make_unique<RateLimiter>(m_clock, m_config.publicRate);
    m_router.setPublicLimiter(m_publicLimiter.get());
    m_http = std::make_unique<ApiServer>(m_router, m_config.limits);
    m_http->setThreadCleanup([store = m_store.get()] { store->closeThreadConnection(); });
    m_port = m_http->listenTls(m_config.host, m_config.port, tls, error);
    if (m_port == 0)
        return false;
    if (!m_config.metricsToken.isEmpty()) {
        Store *store = m_store.get();
        Services *services = m_services.get();
        const Clock *clock = &m_clock;
        m_metricsServer = std::make_unique<MetricsServer>(m_config.metricsToken, [store, services, clock] {
            SqlQuery q(*store, u"SELECT COUNT(*) FROM sessions WHERE revoked_at = 0 AND expires_at > ?"_s);
            q.bind(clock->nowMs()).exec();
            const qint64 open = q.next() ? q.int64(0) : 0;
            return services->metrics.text(open);
        });
        m_metricsPort = m_metricsServer->listen(m_config.metricsHost, m_config.metricsPort, error);
        if (m_metricsPort == 0)
            return false;
    }
    return true;
}

void ServerInstance::stop()
{
    m_metricsServer.reset();
    if (m_http) {
        m_http->shutdown();
        m_http.reset();
    }
    if (m_services) {
        for (const auto &m : m_services->modules)
            m->stop();
    }
}

} // namespace sunshine
