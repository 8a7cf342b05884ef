#include "app/shell/MainWindow.h"

#include "app/account/AccountTab.h"
#include "app/account/PasswordDialog.h"
#include "app/admin/AdminTab.h"
#include "app/admin/CalendarPanel.h"
#include "app/contacts/ContactsTab.h"
#include "app/net/ApiClient.h"
#include "app/settings/AppSettings.h"
#include "app/shell/AppModule.h"
#include "app/shell/SettingsDialog.h"
#include "app/shell/SyncStatusWidget.h"
#include "app/sync/ClientSession.h"
#include "common/core/Version.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

MainWindow::MainWindow(ApiClient &api, AppSettings &settings, ClientSession &client,
                       const LoginResult &session, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_settings(settings)
    , m_me(session.user)
    , m_tabs(new QTabWidget(this))
    , m_connection(new QLabel(this))
    , m_user(new QLabel(this))
    , m_healthTimer(new QTimer(this))
    , m_sync(new SyncStatusWidget(client, this))
{
    setWindowTitle(tr("Sunshine+ Poverty-Relief Supervision – %1").arg(m_me.orgUnitName));
    setWindowIcon(QIcon(u":/icons/sunshine.svg"_s));
    setCentralWidget(m_tabs);
    m_tabs->setDocumentMode(true);

    // The modules' tabs, in the order of the module list; a leading tab goes first and is shown at sign-in.
    for (const ModuleTab &tab : AppModules::installed().tabs()) {
        if (tab.visible && !tab.visible(m_me))
            continue;
        QWidget *widget = tab.build(client, api, m_tabs);
        if (tab.leading && tab.leading(m_me)) {
            m_tabs->insertTab(0, widget, tab.title());
            m_tabs->setCurrentIndex(0);
        } else {
            m_tabs->addTab(widget, tab.title());
        }
    }
    if (m_me.roles.contains(Role::Admin)) {
        // Accounts and the org tree, with the working-day calendar above them.
        auto *admin = new QWidget(m_tabs);
        auto *adminLayout = new QVBoxLayout(admin);
        adminLayout->addWidget(new CalendarPanel(client, api, m_me, admin));
        adminLayout->addWidget(new AdminTab(api, m_me, admin), 1);
        m_tabs->addTab(admin, tr("Administration"));
    }
    m_tabs->addTab(new ContactsTab(client, m_tabs), tr("Department contacts"));
    auto *account = new AccountTab(api, m_me, session.expiresAtMs, m_tabs);
    connect(account, &AccountTab::changePasswordRequested, this, &MainWindow::changePassword);
    m_tabs->addTab(account, tr("My account"));

    buildMenus();

    m_user->setText(tr("%1 (%2) · %3").arg(m_me.displayName, m_me.username, m_me.orgUnitName));
    statusBar()->addWidget(m_user);
    statusBar()->addPermanentWidget(m_sync);
    statusBar()->addPermanentWidget(new QLabel(api.serverUrl().toString(QUrl::RemoveUserInfo), this));
    statusBar()->addPermanentWidget(m_connection);
    setOnline(true);

    connect(&api, &ApiClient::reachabilityChanged, this, &MainWindow::setOnline);
    m_healthTimer->setInterval(15000);
    connect(m_healthTimer, &QTimer::timeout, this, &MainWindow::checkConnection);
    m_healthTimer->start();

    if (!restoreGeometry(settings.mainWindowGeometry()))
        resize(1280, 800);
    if (m_me.mustChangePassword)
        QTimer::singleShot(0, this, &MainWindow::changePassword);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Change password…"), this, &MainWindow::changePassword);
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Preferences…"), this, [this] {
        SettingsDialog dialog(m_settings, this);
        dialog.exec();
    });
    tools->addAction(tr("Check &connection"), this, &MainWindow::checkConnection);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sunshine+"), this, [this] {
        QMessageBox::about(
            this, tr("About Sunshine+"),
            tr("<b>Sunshine+ Poverty-Relief Supervision</b> %1<br>Supervises the money and the work of "
               "rural poverty relief, following the Nantong regulation of 2019-12-10.")
                .arg(QString::fromLatin1(kVersion)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QString MainWindow::connectionText() const
{
    return m_connection->text();
}

void MainWindow::setOnline(bool online)
{
    m_online = online;
    const QString icon = online ? u":/icons/online.svg"_s : u":/icons/offline.svg"_s;
    m_connection->setText(
        u"<img src=\"%1\" width=12 height=12> %2"_s.arg(icon, online ? tr("Online") : tr("Offline")));
    m_connection->setToolTip(online ? tr("The server is reachable.")
                                    : tr("The server cannot be reached. The program keeps trying."));
}

void MainWindow::checkConnection()
{
    m_api.get(u"/api/v1/health"_s, {}, this, [](const ApiResult &) {
        // ApiClient reports reachability itself.
    });
}

void MainWindow::changePassword()
{
    PasswordDialog dialog(m_api, PasswordDialog::Mode::ChangeOwn, m_me, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_me.mustChangePassword = false;
        statusBar()->showMessage(tr("Your password has been changed."), 8000);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setMainWindowGeometry(saveGeometry());
    event->accept();
}

} // namespace sunshine::app
