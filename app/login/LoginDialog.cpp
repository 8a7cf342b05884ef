#include "app/login/LoginDialog.h"

#include "app/net/ApiClient.h"
#include "app/settings/AppSettings.h"
#include "app/shell/FileDialog.h"
#include "ui_LoginDialog.h"

#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

LoginDialog::LoginDialog(ApiClient &api, AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::LoginDialog>())
    , m_api(api)
    , m_settings(settings)
{
    ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/sunshine.svg"_s));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    ui->serverEdit->setText(settings.serverUrl().toString());
    ui->caFileEdit->setText(settings.caCertificateFile());
    ui->usernameEdit->setText(settings.lastUsername());
    ui->rememberCheck->setChecked(!settings.rememberedUsername().isEmpty());
    ui->messageLabel->hide();
    if (!ui->usernameEdit->text().isEmpty())
        ui->passwordEdit->setFocus();

    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->browseCaButton, &QToolButton::clicked, this, &LoginDialog::browseCa);
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setReauthentication(const QString &username, const QString &reason)
{
    m_reauth = true;
    ui->usernameEdit->setText(username);
    ui->usernameEdit->setReadOnly(true);
    ui->connectionGroup->hide();
    ui->rememberCheck->hide();
    ui->passwordEdit->setFocus();
    showMessage(reason);
}

bool LoginDialog::rememberMe() const
{
    return ui->rememberCheck->isChecked();
}

void LoginDialog::setCredentials(const QString &username, const QString &password)
{
    ui->usernameEdit->setText(username);
    ui->passwordEdit->setText(password);
}

QString LoginDialog::message() const
{
    return ui->messageLabel->isHidden() ? QString() : ui->messageLabel->text();
}

void LoginDialog::browseCa()
{
    const QString file =
        FileDialog::getOpenFileName(this, tr("Choose the certificate authority file"), ui->caFileEdit->text(),
                                    tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        ui->caFileEdit->setText(file);
}

void LoginDialog::setBusy(bool busy)
{
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    ui->usernameEdit->setEnabled(!busy);
    ui->passwordEdit->setEnabled(!busy);
    ui->connectionGroup->setEnabled(!busy);
    if (busy)
        showMessage(tr("Signing in…"));
    Q_EMIT busyChanged(busy);
}

void LoginDialog::showMessage(const QString &text)
{
    ui->messageLabel->setText(text);
    ui->messageLabel->setVisible(!text.isEmpty());
}

void LoginDialog::submit()
{
    const QString username = ui->usernameEdit->text().trimmed();
    const QString password = ui->passwordEdit->text();
    if (username.isEmpty()) {
        showMessage(tr("Enter your user name."));
        ui->usernameEdit->setFocus();
        return;
    }
    if (password.isEmpty()) {
        showMessage(tr("Enter your password."));
        ui->passwordEdit->setFocus();
        return;
    }
    if (!m_reauth) {
        const QUrl url = QUrl::fromUserInput(ui->serverEdit->text().trimmed());
        if (!url.isValid() || url.host().isEmpty()) {
            showMessage(tr("The server address is not valid. Example: https://127.0.0.1:8443"));
            ui->serverEdit->setFocus();
            return;
        }
        if (url.scheme() != u"https"_s) {
            showMessage(
                tr("The server address must start with https:// – the program only talks to the server "
                   "over an encrypted connection."));
            ui->serverEdit->setFocus();
            return;
        }
        QString error;
        if (!m_api.setCaCertificateFile(ui->caFileEdit->text().trimmed(), &error)) {
            showMessage(error);
            ui->caFileEdit->setFocus();
            return;
        }
        m_api.setServerUrl(url);
        m_settings.setServerUrl(url);
        m_settings.setCaCertificateFile(ui->caFileEdit->text().trimmed());
    }

    setBusy(true);
    m_api.setToken({});
    m_api.post(u"/api/v1/auth/login"_s, QJsonObject{{u"username"_s, username}, {u"password"_s, password}},
               this, [this, username](const ApiResult &r) {
                   setBusy(false);
                   if (!r.ok()) {
                       showMessage(r.message);
                       ui->passwordEdit->selectAll();
                       ui->passwordEdit->setFocus();
                       return;
                   }
                   m_result = LoginResult::fromJson(r.json);
                   m_api.setToken(m_result.token);
                   m_settings.setLastUsername(username);
                   showMessage({});
                   accept();
               });
}

} // namespace sunshine::app
