#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace sunshine::app {

class ClientSession;
class ContactsModel;

// 部门联络人: each department's leader in charge and liaison (Art. 22) in the user's area, from the local
// cache, with their sync state. The department's clerks enter their own; a returned change or a conflict is
// settled here.
class ContactsTab : public QWidget
{
    Q_OBJECT
public:
    ContactsTab(ClientSession &session, QWidget *parent = nullptr);

    ContactsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void editOwn(const QString &contactRole);
    void openRow(int row);

private:
    ClientSession &m_session;
    ContactsModel *m_model;
    QTableView *m_view;
    QLineEdit *m_search;
    QPushButton *m_leader;
    QPushButton *m_liaison;
};

} // namespace sunshine::app
