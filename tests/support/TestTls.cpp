#include "tests/support/TestTls.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

namespace {

bool openssl(const QString &dir, const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForStarted(10000)) {
        *error = u"cannot run openssl: %1"_s.arg(p.errorString());
        return false;
    }
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"openssl %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        *error = u"cannot write %1: %2"_s.arg(path, f.errorString());
        return false;
    }
    return true;
}

QSslCertificate loadCert(const QString &path)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
    return certs.isEmpty() ? QSslCertificate() : certs.first();
}

// Creates an EC P-256 self-signed CA as NAME.key / NAME.crt.
bool makeCa(const QString &dir, const QString &name, const QString &subject, QString *error)
{
    return openssl(dir,
                   {u"ecparam"_s, u"-name"_s, u"prime256v1"_s, u"-genkey"_s, u"-noout"_s, u"-out"_s,
                    name + u".key"_s},
                   error) &&
           openssl(dir,
                   {u"req"_s, u"-x509"_s, u"-new"_s, u"-key"_s, name + u".key"_s, u"-sha256"_s, u"-days"_s,
                    u"3650"_s, u"-subj"_s, subject, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                    u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s, u"-out"_s, name + u".crt"_s},
                   error);
}

} // namespace

const TestTls &TestTls::instance()
{
    static std::unique_ptr<TestTls> tls;
    if (!tls) {
        auto made = std::unique_ptr<TestTls>(new TestTls);
        QString error;
        if (!made->create(&error))
            qFatal("TestTls: %s", qPrintable(error));
        tls = std::move(made);
    }
    return *tls;
}

bool TestTls::create(QString *error)
{
    // Lives as long as the process; the files are removed at exit.
    static QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = u"no temporary directory: %1"_s.arg(dir.errorString());
        return false;
    }
    const QString d = dir.path();
    // Subjects must not contain '+': openssl reads it as a multi-valued RDN separator.
    if (!makeCa(d, u"ca"_s, u"/O=Sunshine Test/CN=Sunshine Test CA"_s, error) ||
        !makeCa(d, u"other-ca"_s, u"/O=Somebody Else/CN=Untrusted Test CA"_s, error))
        return false;
    if (!writeFile(d + u"/server.ext"_s,
                   "basicConstraints=critical,CA:FALSE\n"
                   "keyUsage=critical,digitalSignature,keyAgreement\n"
                   "extendedKeyUsage=serverAuth\n"
                   "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
                   error))
        return false;
    if (!openssl(d,
                 {u"ecparam"_s, u"-name"_s, u"prime256v1"_s, u"-genkey"_s, u"-noout"_s, u"-out"_s,
                  u"server.key"_s},
                 error) ||
        !openssl(d,
                 {u"req"_s, u"-new"_s, u"-key"_s, u"server.key"_s, u"-subj"_s,
                  u"/O=Sunshine Test/CN=localhost"_s, u"-out"_s, u"server.csr"_s},
                 error) ||
        !openssl(d,
                 {u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s,
                  u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"825"_s, u"-sha256"_s, u"-extfile"_s,
                  u"server.ext"_s, u"-out"_s, u"server.crt"_s},
                 error))
        return false;

    m_caCert = d + u"/ca.crt"_s;
    m_serverCert = d + u"/server.crt"_s;
    m_serverKey = d + u"/server.key"_s;
    m_ca = loadCert(m_caCert);
    m_otherCa = loadCert(d + u"/other-ca.crt"_s);
    if (m_ca.isNull() || m_otherCa.isNull() || loadCert(m_serverCert).isNull()) {
        *error = u"openssl wrote certificates Qt cannot read"_s;
        return false;
    }
    return true;
}

} // namespace sunshine::test
