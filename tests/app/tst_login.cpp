// The sign-in dialog and the remembered session, offscreen, against the real server in-process over TLS.
#include "app/login/LoginDialog.h"
#include "app/net/ApiClient.h"
#include "app/secrets/MemoryCredentialStore.h"
#include "app/settings/AppSettings.h"
#include "app/shell/AppController.h"
#include "app/shell/MainWindow.h"
#include "app/sync/ClientSession.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestTls.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {
LoginDialog *visibleLoginDialog()
{
    const auto tops = QApplication::topLevelWidgets();
    for (QWidget *w : tops) {
        if (auto *d = qobject_cast<LoginDialog *>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}
} // namespace

class TestLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void refusesEmptyFieldsAndPlainHttp();
    void signsIn();
    void wrongPasswordAndLockout();
    void explainsUntrustedServer();
    void remembersSessionInCredentialStore();
    void nonAdminHasNoAdministrationTab();

private:
    std::unique_ptr<test::ServerFixture> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    int m_ini = 0;
    SystemClock m_clock;
};

void TestLogin::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestLogin::init()
{
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_ini)));
    m_settings->setServerUrl(m_server->baseUrl());
    m_settings->setCaCertificateFile(test::TestTls::instance().caCertFile());
}

void TestLogin::refusesEmptyFieldsAndPlainHttp()
{
    ApiClient api;
    LoginDialog dialog(api, *m_settings);
    dialog.setCredentials({}, {});
    dialog.submit();
    QVERIFY(dialog.message().contains(u"user name"_s));
    dialog.setCredentials(u"admin"_s, {});
    dialog.submit();
    QVERIFY(dialog.message().contains(u"password"_s));

    auto *server = dialog.findChild<QLineEdit *>(u"serverEdit"_s);
    QVERIFY(server);
    server->setText(u"http://127.0.0.1:%1"_s.arg(m_server->port()));
    dialog.setCredentials(u"admin"_s, u"Demo@2026"_s);
    dialog.submit();
    QVERIFY2(dialog.message().contains(u"https://"_s), qPrintable(dialog.message()));
    QCOMPARE(dialog.result().token, QString());
}

void TestLogin::signsIn()
{
    ApiClient api;
    LoginDialog dialog(api, *m_settings);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setCredentials(u"county-clerk"_s, u"Demo@2026"_s);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QVERIFY(!dialog.result().token.isEmpty());
    QCOMPARE(api.token(), dialog.result().token);
    QCOMPARE(dialog.result().user.username, u"county-clerk"_s);
    QCOMPARE(dialog.result().user.roles, RoleSet{Role::Clerk});
    QCOMPARE(dialog.result().user.orgUnitName, u"通州区"_s);
    QCOMPARE(m_settings->lastUsername(), u"county-clerk"_s);
}

void TestLogin::wrongPasswordAndLockout()
{
    ApiClient api;
    LoginDialog dialog(api, *m_settings);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    for (int i = 1; i <= 5; ++i) {
        dialog.setCredentials(u"town-leader"_s, u"Wrong@2026"_s);
        const QString before = dialog.message();
        dialog.submit();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.message().isEmpty() && dialog.message() != before &&
                                     !dialog.message().contains(u"Signing in"_s),
                                 15000);
        if (i < 5)
            QVERIFY2(dialog.message().contains(u"用户名或密码错误"_s), qPrintable(dialog.message()));
    }
    QVERIFY2(dialog.message().contains(u"锁定"_s), qPrintable(dialog.message()));
    // Even the right password is refused while locked.
    dialog.setCredentials(u"town-leader"_s, u"Demo@2026"_s);
    dialog.submit();
    QTest::qWait(500);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.message().contains(u"Signing in"_s), 15000);
    QVERIFY(dialog.message().contains(u"锁定"_s));
    QCOMPARE(accepted.count(), 0);
}

void TestLogin::explainsUntrustedServer()
{
    // No CA configured: the test server's certificate is untrusted and the dialog says why, in plain words.
    m_settings->setCaCertificateFile({});
    ApiClient api;
    LoginDialog dialog(api, *m_settings);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setCredentials(u"admin"_s, u"Demo@2026"_s);
    dialog.submit();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.message().contains(u"certificate authority"_s), 15000);
    QVERIFY(dialog.message().contains(u"connection was not made"_s));
    QCOMPARE(accepted.count(), 0);
    QVERIFY(api.token().isEmpty());
}

void TestLogin::remembersSessionInCredentialStore()
{
    MemoryCredentialStore credentials;
    {
        AppController controller(*m_settings, credentials);
        controller.setCacheDirectory(m_dir.path());
        controller.start();
        LoginDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleLoginDialog()), 5000);
        dialog->findChild<QCheckBox *>(u"rememberCheck"_s)->setChecked(true);
        dialog->setCredentials(u"city-admin"_s, u"Demo@2026"_s);
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow(), 15000);
        const QString key = CredentialStore::tokenKey(m_server->baseUrl().toString(), u"city-admin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(credentials.secrets().contains(key), 5000);
        QCOMPARE(credentials.secrets().value(key), controller.api().token());
        QTRY_COMPARE(m_settings->rememberedUsername(), u"city-admin"_s);
        // Nothing secret in the settings file.
        m_settings->sync();
        QFile ini(m_dir.filePath(u"settings-%1.ini"_s.arg(m_ini)));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(controller.api().token().toLatin1()));
    }
    // Next start: the remembered session opens the main window without asking.
    AppController again(*m_settings, credentials);
    again.setCacheDirectory(m_dir.path());
    again.start();
    QTRY_VERIFY_WITH_TIMEOUT(again.mainWindow(), 15000);
    QStringList tabs;
    for (int i = 0; i < again.mainWindow()->tabs()->count(); ++i)
        tabs.append(again.mainWindow()->tabs()->tabText(i));
    QVERIFY2(tabs.contains(u"Administration"_s), qPrintable(tabs.join(u", "_s)));
    QVERIFY(!visibleLoginDialog());
}

void TestLogin::nonAdminHasNoAdministrationTab()
{
    ApiClient api;
    QString error;
    QVERIFY(api.setCaCertificateFile(test::TestTls::instance().caCertFile(), &error));
    api.setServerUrl(m_server->baseUrl());
    LoginDialog dialog(api, *m_settings);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setCredentials(u"city-supervisor"_s, u"Demo@2026"_s);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    ClientSession client(api, dialog.result().user, m_dir.filePath(u"supervisor.sqlite"_s), m_clock);
    QString cacheError;
    QVERIFY2(client.open(&cacheError), qPrintable(cacheError));
    MainWindow window(api, *m_settings, client, dialog.result());
    QStringList tabs;
    for (int i = 0; i < window.tabs()->count(); ++i)
        tabs.append(window.tabs()->tabText(i));
    // A supervisor keeps the supervision (first) and reads the modules and the dashboard; administration is
    // not among them.
    QCOMPARE(tabs, QStringList({u"Supervision"_s, u"Sunshine assistance"_s, u"Agricultural funds"_s,
                                u"Village cards"_s, u"Collective assets"_s, u"Property trading"_s, u"Home"_s,
                                u"Warnings"_s, u"Complaints && public"_s, u"Department contacts"_s,
                                u"My account"_s}));
    QVERIFY(window.connectionText().contains(u"Online"_s));
}

QTEST_MAIN(TestLogin)
#include "tst_login.moc"
