#pragma once

#include "common/org/OrgUnit.h"
#include "common/wire/UserInfo.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QComboBox;
class QPushButton;
class QTableView;
class QTreeView;
class QTimer;

namespace sunshine::app {

class ApiClient;
class OrgTreeModel;
class UsersModel;

// 系统管理: the org tree of the administrator's scope beside the accounts in the chosen area, with search,
// sort and the account dialogs. Only administrators get this tab.
class AdminTab : public QWidget
{
    Q_OBJECT
public:
    AdminTab(ApiClient &api, const UserInfo &me, QWidget *parent = nullptr);

    UsersModel *usersModel() const { return m_users; }
    OrgTreeModel *orgModel() const { return m_org; }
    QTableView *usersView() const { return m_table; }

public Q_SLOTS:
    void createUser();
    void editSelected();
    void toggleActiveSelected();
    void resetPasswordSelected();

private:
    void loadOrgUnits();
    void applyFilter();
    void updateActions();
    const UserInfo *selectedUser() const;

    ApiClient &m_api;
    UserInfo m_me;
    OrgTreeModel *m_org;
    UsersModel *m_users;
    QTreeView *m_tree;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_status;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    QPushButton *m_reset;
    QLabel *m_info;
    QTimer *m_searchDelay;
};

} // namespace sunshine::app
