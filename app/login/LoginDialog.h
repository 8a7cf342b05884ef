#pragma once

#include "common/wire/UserInfo.h"

#include <QDialog>
#include <memory>

namespace Ui {
class LoginDialog;
}

namespace sunshine::app {

class ApiClient;
class AppSettings;

// Asks for server, user name and password and signs in. A TLS problem is explained, never ignored.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(ApiClient &api, AppSettings &settings, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Re-login after a session ended: the user name is fixed and connection settings are hidden.
    void setReauthentication(const QString &username, const QString &reason);

    LoginResult result() const { return m_result; }
    bool rememberMe() const;

    // Visible for tests.
    void setCredentials(const QString &username, const QString &password);
    QString message() const;

public Q_SLOTS:
    void submit();

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);
    void showMessage(const QString &text);
    void browseCa();

    std::unique_ptr<Ui::LoginDialog> ui;
    ApiClient &m_api;
    AppSettings &m_settings;
    LoginResult m_result;
    bool m_reauth = false;
};

} // namespace sunshine::app
