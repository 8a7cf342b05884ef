#include "app/shell/AppController.h"

#include "app/login/LoginDialog.h"
#include "app/secrets/CredentialStore.h"
#include "app/settings/AppSettings.h"
#include "app/shell/MainWindow.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"

#include <QMessageBox>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

AppController::AppController(AppSettings &settings, CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_credentials(credentials)
{
    m_api.setServerUrl(settings.serverUrl());
    QString error;
    if (!m_api.setCaCertificateFile(settings.caCertificateFile(), &error))
        qWarning("%s", qPrintable(error));
    connect(&m_api, &ApiClient::sessionExpired, this, &AppController::reauthenticate);
}

AppController::~AppController() = default;

void AppController::start()
{
    const QString remembered = m_settings.rememberedUsername();
    if (remembered.isEmpty()) {
        showLogin();
        return;
    }
    const QString key = CredentialStore::tokenKey(m_api.serverUrl().toString(), remembered);
    m_credentials.read(key, this, [this, remembered](std::optional<QString> token, const QString &error) {
        if (!token || !error.isEmpty()) {
            if (!error.isEmpty())
                qWarning("keychain: %s", qPrintable(error));
            showLogin();
            return;
        }
        m_api.setToken(*token);
        m_api.get(u"/api/v1/me"_s, {}, this, [this, remembered, token](const ApiResult &r) {
            if (!r.ok()) {
                // Expired or revoked (or the server is away): sign in normally.
                m_api.setToken({});
                showLogin();
                return;
            }
            LoginResult session;
            session.token = *token;
            session.user = UserInfo::fromJson(r.json);
            session.expiresAtMs = msFromIsoUtc(r.json.value(u"sessionExpiresAt"_s).toString());
            m_username = remembered;
            openMainWindow(session);
        });
    });
}

void AppController::showLogin()
{
    auto *dialog = new LoginDialog(m_api, m_settings);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const LoginResult session = dialog->result();
        m_username = session.user.username;
        rememberSession(session.user.username, session.token, dialog->rememberMe());
        openMainWindow(session);
    });
    connect(dialog, &QDialog::rejected, this, &AppController::finished);
    dialog->show();
}

void AppController::rememberSession(const QString &username, const QString &token, bool remember)
{
    const QString server = m_api.serverUrl().toString();
    const QString previous = m_settings.rememberedUsername();
    if (!previous.isEmpty() && previous != username)
        m_credentials.remove(CredentialStore::tokenKey(server, previous), this, [](const QString &) {});
    if (!remember) {
        m_settings.setRememberedUsername({});
        m_credentials.remove(CredentialStore::tokenKey(server, username), this, [](const QString &) {});
        return;
    }
    m_credentials.write(
        CredentialStore::tokenKey(server, username), token, this, [this, username](const QString &error) {
            if (error.isEmpty()) {
                m_settings.setRememberedUsername(username);
            } else {
                m_settings.setRememberedUsername({});
                MessageBox::warning(
                    m_window.get(), tr("Session not remembered"),
                    tr("The system keychain could not store the session (%1). You will be asked to "
                       "sign in next time.")
                        .arg(error));
            }
        });
}

void AppController::openMainWindow(const LoginResult &session)
{
    const QString user = session.user.username;
    const QString path = m_cacheDir.isEmpty() ? LocalCache::defaultPath(m_api.serverUrl(), user)
                                              : m_cacheDir + u'/' + user + u".sqlite"_s;
    m_client = std::make_unique<ClientSession>(m_api, session.user, path, m_clock);
    QString error;
    if (!m_client->open(&error)) {
        MessageBox::critical(nullptr, tr("Local data unavailable"),
                             tr("The local data file %1 cannot be opened: %2").arg(path, error));
        m_client.reset();
        showLogin();
        return;
    }
    m_window = std::make_unique<MainWindow>(m_api, m_settings, *m_client, session);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &AppController::signOut);
    m_window->show();
    m_client->refreshDepartments();
    m_client->refreshOrgUnits();
    m_client->refreshModules();
    m_client->engine().start();
}

void AppController::signOut()
{
    m_api.post(u"/api/v1/auth/logout"_s, {}, this, [](const ApiResult &) {});
    const QString server = m_api.serverUrl().toString();
    m_credentials.remove(CredentialStore::tokenKey(server, m_username), this, [](const QString &) {});
    m_settings.setRememberedUsername({});
    m_api.setToken({});
    if (m_client)
        m_client->engine().stop(); // the cache file and its outbox stay for the next sign-in
    if (m_window) {
        m_window->close();
        m_window.release()->deleteLater();
    }
    if (m_client)
        m_client.release()->deleteLater();
    showLogin();
}

void AppController::reauthenticate()
{
    if (m_reauthenticating || !m_window)
        return;
    m_reauthenticating = true;
    // Let the failing call finish first; the window and everything in it stay as they are.
    QTimer::singleShot(0, this, [this] {
        LoginDialog dialog(m_api, m_settings, m_window.get());
        dialog.setReauthentication(m_username,
                                   tr("Your session has ended (it expired or was revoked). Enter your "
                                      "password to continue where you were."));
        const bool ok = dialog.exec() == QDialog::Accepted;
        m_reauthenticating = false;
        if (!ok) {
            signOut();
            return;
        }
        if (!m_settings.rememberedUsername().isEmpty())
            rememberSession(m_username, dialog.result().token, true);
        if (m_client)
            m_client->engine().syncNow(); // the outbox was kept; send it now
    });
}

} // namespace sunshine::app
