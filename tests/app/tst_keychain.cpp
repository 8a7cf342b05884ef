// The real system keychain (Secret Service through QtKeychain), in a private D-Bus session with an unlocked
// keyring.
#include "app/secrets/CredentialStore.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine::app;

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
};

void TestKeychain::roundTrip()
{
    KeychainCredentialStore store(u"Sunshine+ test"_s);
    const QString key = CredentialStore::tokenKey(u"https://127.0.0.1:8443"_s, u"town-clerk"_s);

    QString writeError = u"pending"_s;
    store.write(key, u"token-123"_s, this, [&](const QString &e) { writeError = e; });
    QTRY_VERIFY_WITH_TIMEOUT(writeError != u"pending"_s, 20000);
    QVERIFY2(writeError.isEmpty(), qPrintable(writeError));

    std::optional<QString> read;
    bool done = false;
    store.read(key, this, [&](std::optional<QString> s, const QString &e) {
        QVERIFY2(e.isEmpty(), qPrintable(e));
        read = s;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QCOMPARE(read.value_or(QString()), u"token-123"_s);

    QString removeError = u"pending"_s;
    store.remove(key, this, [&](const QString &e) { removeError = e; });
    QTRY_VERIFY_WITH_TIMEOUT(removeError != u"pending"_s, 20000);
    QVERIFY2(removeError.isEmpty(), qPrintable(removeError));

    done = false;
    store.read(key, this, [&](std::optional<QString> s, const QString &e) {
        QVERIFY(e.isEmpty());
        read = s;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY(!read.has_value());
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
