#pragma once

#include "common/wire/UserInfo.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace sunshine::app {

class ApiClient;
class OrgTreeModel;

// 我的账户: who is signed in, with which roles, for which area and department, until when; the area's tree;
// the password change.
class AccountTab : public QWidget
{
    Q_OBJECT
public:
    AccountTab(ApiClient &api, const UserInfo &me, qint64 sessionExpiresMs, QWidget *parent = nullptr);

Q_SIGNALS:
    void changePasswordRequested();

private:
    void loadArea();

    ApiClient &m_api;
    OrgTreeModel *m_org;
    QTreeView *m_tree;
    QLabel *m_areaSummary;
};

} // namespace sunshine::app
