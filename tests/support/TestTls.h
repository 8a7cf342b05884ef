#pragma once

#include <QSslCertificate>
#include <QString>

namespace sunshine::test {

// TLS material for tests, made once per process with the `openssl` command line in a temporary directory:
// a CA (EC P-256, CA:TRUE) and a server certificate for 127.0.0.1 and localhost signed by it. A second,
// unrelated CA is there for tests that check a client refuses a server it does not trust.
class TestTls
{
public:
    // The process-wide instance; qFatal()s when openssl fails (nothing TLS can be tested then).
    static const TestTls &instance();

    QString caCertFile() const { return m_caCert; }
    QString serverCertFile() const { return m_serverCert; }
    QString serverKeyFile() const { return m_serverKey; }
    QSslCertificate caCertificate() const { return m_ca; }
    // A CA that signed nothing the test server uses.
    QSslCertificate otherCaCertificate() const { return m_otherCa; }

private:
    TestTls() = default;
    bool create(QString *error);

    QString m_caCert;
    QString m_serverCert;
    QString m_serverKey;
    QSslCertificate m_ca;
    QSslCertificate m_otherCa;
};

} // namespace sunshine::test
