#pragma once

#include "common/wire/UserInfo.h"

#include <QDialog>
#include <memory>

namespace Ui {
class PasswordDialog;
}

namespace sunshine::app {

class ApiClient;

// Changes one's own password (current + new), or, for an administrator, sets a new one for another account.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        ChangeOwn,
        ResetOther
    };
    PasswordDialog(ApiClient &api, Mode mode, const UserInfo &user, QWidget *parent = nullptr);
    ~PasswordDialog() override;

    QString error() const;
    UserInfo updatedUser() const { return m_updated; }
    void setPasswords(const QString &current, const QString &next, const QString &confirm);

public Q_SLOTS:
    void submit();

private:
    std::unique_ptr<Ui::PasswordDialog> ui;
    ApiClient &m_api;
    Mode m_mode;
    UserInfo m_user;
    UserInfo m_updated;
};

} // namespace sunshine::app
