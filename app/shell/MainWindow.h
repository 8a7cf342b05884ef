#pragma once

#include "common/wire/UserInfo.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;
class QTimer;

namespace sunshine::app {

class ApiClient;
class AppSettings;
class ClientSession;
class SyncStatusWidget;

// The main window: one tab per module the user may use, a status bar that always shows server, user and
// whether the server is reachable.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ApiClient &api, AppSettings &settings, ClientSession &client, const LoginResult &session,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    bool isOnline() const { return m_online; }
    QString connectionText() const;
    SyncStatusWidget *syncStatus() const { return m_sync; }

public Q_SLOTS:
    void changePassword();
    void checkConnection();

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void setOnline(bool online);

    ApiClient &m_api;
    AppSettings &m_settings;
    UserInfo m_me;
    QTabWidget *m_tabs;
    QLabel *m_connection;
    QLabel *m_user;
    QTimer *m_healthTimer;
    SyncStatusWidget *m_sync;
    bool m_online = true;
};

} // namespace sunshine::app
