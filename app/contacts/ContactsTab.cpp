#include "app/contacts/ContactsTab.h"

#include "app/contacts/ConflictDialog.h"
#include "app/contacts/ContactDialog.h"
#include "app/contacts/ContactsModel.h"
#include "app/sync/ClientSession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ContactsTab::ContactsTab(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ContactsModel(session, this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_leader(new QPushButton(tr("My department's &leader in charge…"), this))
    , m_liaison(new QPushButton(tr("My department's l&iaison…"), this))
{
    m_search->setPlaceholderText(tr("Search name, post or phone"));
    m_search->setClearButtonEnabled(true);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->hideColumn(ContactsModel::Id);
    m_view->hideColumn(ContactsModel::StateMessage);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ContactsModel::Department, 200);
    m_view->setColumnWidth(ContactsModel::Post, 160);
    m_view->setColumnWidth(ContactsModel::OfficePhone, 130);
    m_view->setColumnWidth(ContactsModel::Mobile, 120);

    const UserInfo &me = session.user();
    const bool canEnter = me.roles.contains(Role::Clerk) && !me.departmentId.isEmpty();
    m_leader->setVisible(canEnter);
    m_liaison->setVisible(canEnter);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_leader);
    top->addWidget(m_liaison);
    auto *hint =
        new QLabel(tr("Each unit names one leader in charge and one liaison (Art. 22). Double-click a record "
                      "that was returned or is in conflict to settle it."),
                   this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);

    connect(m_search, &QLineEdit::textChanged, m_model, &ContactsModel::setSearch);
    connect(m_leader, &QPushButton::clicked, this, [this] { editOwn(u"leader"_s); });
    connect(m_liaison, &QPushButton::clicked, this, [this] { editOwn(u"liaison"_s); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(&session.engine(), &SyncEngine::cacheChanged, m_model, &ContactsModel::reload);
    connect(&session, &ClientSession::departmentsChanged, m_model, &ContactsModel::reload);
}

void ContactsTab::editOwn(const QString &contactRole)
{
    ContactDialog dialog(m_session, m_session.user().departmentId, contactRole, this);
    if (dialog.exec() == QDialog::Accepted)
        m_model->reload();
}

void ContactsTab::openRow(int row)
{
    const QString id = m_model->recordIdAt(row);
    const std::optional<CachedRecord> rec = m_session.cache().record(id);
    if (!rec)
        return;
    if (rec->state == RecordState::Conflict) {
        ConflictDialog dialog(m_session, id, this);
        if (dialog.exec() == QDialog::Accepted)
            m_model->reload();
        return;
    }
    const UserInfo &me = m_session.user();
    if (me.roles.contains(Role::Clerk) && rec->record.departmentId == me.departmentId) {
        ContactDialog dialog(m_session, rec->record.departmentId,
                             rec->record.fields.value(u"contactRole"_s).toString(), this);
        if (dialog.exec() == QDialog::Accepted)
            m_model->reload();
    }
}

} // namespace sunshine::app
