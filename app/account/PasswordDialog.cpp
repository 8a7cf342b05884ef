#include "app/account/PasswordDialog.h"

#include "app/net/ApiClient.h"
#include "common/auth/PasswordPolicy.h"
#include "ui_PasswordDialog.h"

#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

PasswordDialog::PasswordDialog(ApiClient &api, Mode mode, const UserInfo &user, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::PasswordDialog>())
    , m_api(api)
    , m_mode(mode)
    , m_user(user)
{
    ui->setupUi(this);
    ui->errorLabel->hide();
    if (mode == Mode::ChangeOwn) {
        setWindowTitle(tr("Change my password"));
        ui->introLabel->setText(
            user.mustChangePassword
                ? tr("Your password was set by an administrator. Choose your own password now.")
                : tr("Choose a new password: at least 8 characters with three of upper-case "
                     "letters, lower-case letters, digits and symbols."));
    } else {
        setWindowTitle(tr("Reset password of %1").arg(user.username));
        ui->introLabel->setText(
            tr("Set a new password for %1 (%2). All of this account's sessions end, and the "
               "user must choose their own password at the next sign-in.")
                .arg(user.displayName, user.username));
        ui->currentLabel->hide();
        ui->currentEdit->hide();
    }
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &PasswordDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PasswordDialog::~PasswordDialog() = default;

QString PasswordDialog::error() const
{
    return ui->errorLabel->isHidden() ? QString() : ui->errorLabel->text();
}

void PasswordDialog::setPasswords(const QString &current, const QString &next, const QString &confirm)
{
    ui->currentEdit->setText(current);
    ui->newEdit->setText(next);
    ui->confirmEdit->setText(confirm);
}

void PasswordDialog::submit()
{
    auto fail = [this](const QString &message) {
        ui->errorLabel->setText(message);
        ui->errorLabel->setVisible(!message.isEmpty());
    };
    const QString next = ui->newEdit->text();
    if (m_mode == Mode::ChangeOwn && ui->currentEdit->text().isEmpty())
        return fail(tr("Enter your current password."));
    if (const QString v = password::policyViolation(next, m_user.username); !v.isEmpty())
        return fail(v);
    if (next != ui->confirmEdit->text())
        return fail(tr("The two new passwords differ."));
    fail({});
    ui->buttonBox->setEnabled(false);
    auto done = [this, fail](const ApiResult &r) {
        ui->buttonBox->setEnabled(true);
        if (!r.ok())
            return fail(r.message);
        if (!r.json.isEmpty())
            m_updated = UserInfo::fromJson(r.json);
        accept();
    };
    if (m_mode == Mode::ChangeOwn)
        m_api.post(u"/api/v1/me/password"_s,
                   QJsonObject{{u"currentPassword"_s, ui->currentEdit->text()}, {u"newPassword"_s, next}},
                   this, done);
    else
        m_api.post(u"/api/v1/admin/users/"_s + m_user.id + u"/reset-password"_s,
                   QJsonObject{{u"password"_s, next}}, this, done);
}

} // namespace sunshine::app
