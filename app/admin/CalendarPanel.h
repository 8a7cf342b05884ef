#pragma once

#include "common/wire/UserInfo.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace sunshine::app {

class ApiClient;
class ClientSession;

// The working-day calendar in the administration tab: which years the official schedule covers, a warning
// when this year's or (from November) next year's is missing, and, for city administrators, loading a year's
// schedule from a CSV file ("date,type,name" lines, as resources/calendar/holidays-cn.csv). The server stores
// it and every program receives it with its next sync.
class CalendarPanel : public QWidget
{
    Q_OBJECT
public:
    CalendarPanel(ClientSession &session, ApiClient &api, const UserInfo &me, QWidget *parent = nullptr);

    // Reads, checks and sends a schedule file (what the button does after the file dialog). False when it was
    // not sent or the server refused it; the reason is shown.
    bool loadFile(const QString &path);
    QString statusText() const;

private:
    void showStatus();
    void chooseFile();

    ClientSession &m_session;
    ApiClient &m_api;
    UserInfo m_me;
    QLabel *m_status = nullptr;
    QLabel *m_warning = nullptr;
    QPushButton *m_load = nullptr;
};

} // namespace sunshine::app
