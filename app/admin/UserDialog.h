#pragma once

#include "common/org/OrgUnit.h"
#include "common/wire/UserInfo.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QLabel;

namespace Ui {
class UserDialog;
}

namespace sunshine::app {

class ApiClient;

// Creates an account, or edits one (user name fixed, no password). Each field's problem is shown beside it
// before anything is sent; the server's verdict lands beside the field it names.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    UserDialog(ApiClient &api, const QList<OrgUnit> &units, QWidget *parent = nullptr);
    ~UserDialog() override;

    void setUser(const UserInfo &user);
    void setInitialOrgUnit(const QString &orgUnitId);
    UserInfo savedUser() const { return m_saved; }
    bool isEditing() const { return !m_original.id.isEmpty(); }

    // The errors currently shown, by field name ("username", "password", ...). For tests.
    QHash<QString, QString> fieldErrors() const;

public Q_SLOTS:
    void submit();

private:
    bool validate();
    void setFieldError(const QString &field, const QString &message);
    void clearErrors();
    void loadDepartments(const QString &orgUnitId, const QString &selectId);
    QString selectedOrgUnitId() const;
    RoleSet selectedRoles() const;
    QJsonObject changes() const;

    std::unique_ptr<Ui::UserDialog> ui;
    ApiClient &m_api;
    UserInfo m_original;
    UserInfo m_saved;
    QHash<QString, QLabel *> m_errorLabels;
    int m_departmentRequest = 0;
    bool m_departmentsLoaded = false;
};

} // namespace sunshine::app
