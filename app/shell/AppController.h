#pragma once

#include "net/ApiClient.h"
#include "wire/UserInfo.h"

#include <QObject>
#include <memory>

namespace sunshine::app {

class AppSettings;
class CredentialStore;
class MainWindow;

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
    std::unique_ptr<MainWindow> m_window;
    QString m_username;
    bool m_reauthenticating = false;
};

} // namespace sunshine::app
