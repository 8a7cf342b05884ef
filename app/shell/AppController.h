#pragma once

#include "app/net/ApiClient.h"
#include "common/core/Clock.h"
#include "common/wire/UserInfo.h"

#include <QObject>
#include <memory>

namespace sunshine::app {

class AppSettings;
class CredentialStore;
class MainWindow;
class ClientSession;

// The program's course: restore a remembered session or sign in, open the main window, sign in again when the
// session ends (the window and its work stay), sign out.
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(AppSettings &settings, CredentialStore &credentials, QObject *parent = nullptr);
    ~AppController() override;

    void start();
    ApiClient &api() { return m_api; }
    MainWindow *mainWindow() const { return m_window.get(); }
    ClientSession *clientSession() const { return m_client.get(); }
    // Where the per-user caches go (tests); empty: the platform's app-data location.
    void setCacheDirectory(const QString &dir) { m_cacheDir = dir; }

Q_SIGNALS:
    // No one is signed in and the user closed the sign-in dialog.
    void finished();

private:
    void showLogin();
    void openMainWindow(const LoginResult &session);
    void rememberSession(const QString &username, const QString &token, bool remember);
    void signOut();
    void reauthenticate();

    AppSettings &m_settings;
    CredentialStore &m_credentials;
    ApiClient m_api;
    SystemClock m_clock;
    std::unique_ptr<ClientSession> m_client;
    std::unique_ptr<MainWindow> m_window;
    QString m_cacheDir;
    QString m_username;
    bool m_reauthenticating = false;
};

} // namespace sunshine::app
