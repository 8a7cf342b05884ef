#include "app/admin/UserDialog.h"

#include "app/net/ApiClient.h"
#include "common/auth/AccountRules.h"
#include "common/auth/PasswordPolicy.h"
#include "ui_UserDialog.h"

#include <QCompleter>
#include <QJsonArray>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

UserDialog::UserDialog(ApiClient &api, const QList<OrgUnit> &units, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::UserDialog>())
    , m_api(api)
{
    ui->setupUi(this);
    setWindowTitle(tr("New user account"));
    m_errorLabels = {{u"username"_s, ui->usernameError},
                     {u"displayName"_s, ui->displayNameError},
                     {u"roles"_s, ui->rolesError},
                     {u"orgUnitId"_s, ui->orgUnitError},
                     {u"departmentId"_s, ui->departmentError},
                     {u"phone"_s, ui->phoneError},
                     {u"password"_s, ui->passwordError}};
    for (QLabel *l : std::as_const(m_errorLabels))
        l->setStyleSheet(u"color: #b00020;"_s);
    ui->messageLabel->setStyleSheet(u"color: #b00020;"_s);
    clearErrors();

    ui->orgUnitCombo->addItem(tr("– choose an area –"), QString());
    for (const OrgUnit &u : units) {
        const int depth = int(u.path.count(u'/')) - 2;
        ui->orgUnitCombo->addItem(QString(qMax(0, depth) * 2, u'\u3000') + u.name, u.id);
        ui->orgUnitCombo->setItemData(ui->orgUnitCombo->count() - 1, u.id, Qt::ToolTipRole);
    }
    ui->orgUnitCombo->completer()->setFilterMode(Qt::MatchContains);
    ui->orgUnitCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    ui->departmentCombo->addItem(tr("(none)"), QString());

    connect(ui->orgUnitCombo, &QComboBox::currentIndexChanged, this,
            [this] { loadDepartments(selectedOrgUnitId(), ui->departmentCombo->currentData().toString()); });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &UserDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Check a field as soon as the clerk leaves it.
    connect(ui->usernameEdit, &QLineEdit::editingFinished, this, [this] {
        if (!isEditing() && !ui->usernameEdit->text().isEmpty())
            setFieldError(u"username"_s, accounts::usernameViolation(ui->usernameEdit->text().trimmed()));
    });
    connect(ui->phoneEdit, &QLineEdit::editingFinished, this,
            [this] { setFieldError(u"phone"_s, accounts::phoneViolation(ui->phoneEdit->text())); });
}

UserDialog::~UserDialog() = default;

void UserDialog::setInitialOrgUnit(const QString &orgUnitId)
{
    const int i = ui->orgUnitCombo->findData(orgUnitId);
    if (i >= 0)
        ui->orgUnitCombo->setCurrentIndex(i);
}

void UserDialog::setUser(const UserInfo &user)
{
    m_original = user;
    setWindowTitle(tr("Edit user account %1").arg(user.username));
    ui->usernameEdit->setText(user.username);
    ui->usernameEdit->setReadOnly(true);
    ui->displayNameEdit->setText(user.displayName);
    ui->phoneEdit->setText(user.phone);
    ui->clerkCheck->setChecked(user.roles.contains(Role::Clerk));
    ui->reviewerCheck->setChecked(user.roles.contains(Role::Reviewer));
    ui->leaderCheck->setChecked(user.roles.contains(Role::Leader));
    ui->supervisorCheck->setChecked(user.roles.contains(Role::Supervisor));
    ui->adminCheck->setChecked(user.roles.contains(Role::Admin));
    for (QWidget *w : {static_cast<QWidget *>(ui->passwordLabel), static_cast<QWidget *>(ui->passwordEdit),
                       static_cast<QWidget *>(ui->confirmLabel), static_cast<QWidget *>(ui->confirmEdit)})
        w->hide();
    const int i = ui->orgUnitCombo->findData(user.orgUnitId);
    if (i >= 0) {
        QSignalBlocker block(ui->orgUnitCombo);
        ui->orgUnitCombo->setCurrentIndex(i);
    }
    loadDepartments(user.orgUnitId, user.departmentId);
}

QString UserDialog::selectedOrgUnitId() const
{
    // The text may have been typed: accept it when it names one unit exactly.
    const int i = ui->orgUnitCombo->findText(ui->orgUnitCombo->currentText(), Qt::MatchExactly);
    return i >= 0 ? ui->orgUnitCombo->itemData(i).toString() : ui->orgUnitCombo->currentData().toString();
}

RoleSet UserDialog::selectedRoles() const
{
    RoleSet roles;
    if (ui->clerkCheck->isChecked())
        roles.append(Role::Clerk);
    if (ui->reviewerCheck->isChecked())
        roles.append(Role::Reviewer);
    if (ui->leaderCheck->isChecked())
        roles.append(Role::Leader);
    if (ui->supervisorCheck->isChecked())
        roles.append(Role::Supervisor);
    if (ui->adminCheck->isChecked())
        roles.append(Role::Admin);
    return roles;
}

void UserDialog::loadDepartments(const QString &orgUnitId, const QString &selectId)
{
    ui->departmentCombo->clear();
    ui->departmentCombo->addItem(tr("(none)"), QString());
    m_departmentsLoaded = false;
    if (orgUnitId.isEmpty())
        return;
    ui->departmentCombo->setEnabled(false);
    const int request = ++m_departmentRequest;
    QUrlQuery q;
    q.addQueryItem(u"forOrgUnit"_s, orgUnitId);
    m_api.get(u"/api/v1/org/departments"_s, q, this, [this, request, selectId](const ApiResult &r) {
        if (request != m_departmentRequest)
            return;
        ui->departmentCombo->setEnabled(true);
        if (!r.ok()) {
            setFieldError(u"departmentId"_s, r.message);
            return;
        }
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        for (const QJsonValue &v : items) {
            const Department d = Department::fromJson(v.toObject());
            ui->departmentCombo->addItem(d.name, d.id);
        }
        const int i = ui->departmentCombo->findData(selectId);
        ui->departmentCombo->setCurrentIndex(i >= 0 ? i : 0);
        m_departmentsLoaded = true;
    });
}

QHash<QString, QString> UserDialog::fieldErrors() const
{
    QHash<QString, QString> out;
    for (auto it = m_errorLabels.constBegin(); it != m_errorLabels.constEnd(); ++it) {
        if (!it.value()->isHidden())
            out.insert(it.key(), it.value()->text());
    }
    return out;
}

void UserDialog::setFieldError(const QString &field, const QString &message)
{
    QLabel *label = m_errorLabels.value(field);
    if (!label) {
        ui->messageLabel->setText(message);
        ui->messageLabel->setVisible(!message.isEmpty());
        return;
    }
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void UserDialog::clearErrors()
{
    for (QLabel *l : std::as_const(m_errorLabels))
        l->hide();
    ui->messageLabel->hide();
}

bool UserDialog::validate()
{
    clearErrors();
    if (!isEditing())
        setFieldError(u"username"_s, accounts::usernameViolation(ui->usernameEdit->text().trimmed()));
    setFieldError(u"displayName"_s, accounts::displayNameViolation(ui->displayNameEdit->text()));
    setFieldError(u"roles"_s, accounts::rolesViolation(selectedRoles()));
    setFieldError(u"orgUnitId"_s,
                  selectedOrgUnitId().isEmpty() ? tr("Choose the area the account belongs to.") : QString());
    setFieldError(u"phone"_s, accounts::phoneViolation(ui->phoneEdit->text()));
    if (!isEditing()) {
        QString problem =
            password::policyViolation(ui->passwordEdit->text(), ui->usernameEdit->text().trimmed());
        if (problem.isEmpty() && ui->passwordEdit->text() != ui->confirmEdit->text())
            problem = tr("The two passwords differ.");
        setFieldError(u"password"_s, problem);
    }
    return fieldErrors().isEmpty();
}

QJsonObject UserDialog::changes() const
{
    QJsonObject body;
    const QString displayName = ui->displayNameEdit->text().trimmed();
    const QString phone = ui->phoneEdit->text().trimmed();
    const QString orgUnitId = selectedOrgUnitId();
    const QString departmentId = ui->departmentCombo->currentData().toString();
    const RoleSet roles = selectedRoles();
    if (!isEditing()) {
        body.insert(u"username"_s, ui->usernameEdit->text().trimmed().toLower());
        body.insert(u"displayName"_s, displayName);
        body.insert(u"roles"_s, QJsonArray::fromStringList(roleNames(roles)));
        body.insert(u"orgUnitId"_s, orgUnitId);
        if (!departmentId.isEmpty())
            body.insert(u"departmentId"_s, departmentId);
        if (!phone.isEmpty())
            body.insert(u"phone"_s, phone);
        body.insert(u"password"_s, ui->passwordEdit->text());
        return body;
    }
    body.insert(u"version"_s, m_original.version);
    if (displayName != m_original.displayName)
        body.insert(u"displayName"_s, displayName);
    if (phone != m_original.phone)
        body.insert(u"phone"_s, phone);
    if (orgUnitId != m_original.orgUnitId)
        body.insert(u"orgUnitId"_s, orgUnitId);
    // Until the list has arrived the combo shows no department: that is no choice of the clerk's.
    if (m_departmentsLoaded && departmentId != m_original.departmentId)
        body.insert(u"departmentId"_s, departmentId);
    if (roles != m_original.roles)
        body.insert(u"roles"_s, QJsonArray::fromStringList(roleNames(roles)));
    return body;
}

void UserDialog::submit()
{
    if (!validate())
        return;
    const QJsonObject body = changes();
    if (isEditing() && body.size() == 1) {
        reject(); // nothing changed
        return;
    }
    ui->buttonBox->setEnabled(false);
    auto done = [this](const ApiResult &r) {
        ui->buttonBox->setEnabled(true);
        if (!r.ok()) {
            setFieldError(r.field, r.message);
            return;
        }
        m_saved = UserInfo::fromJson(r.json);
        accept();
    };
    if (isEditing())
        m_api.patch(u"/api/v1/admin/users/"_s + m_original.id, body, this, done);
    else
        m_api.post(u"/api/v1/admin/users"_s, body, this, done);
}

} // namespace sunshine::app
