#include "app/admin/AdminTab.h"

#include "app/account/PasswordDialog.h"
#include "app/admin/OrgTreeModel.h"
#include "app/admin/UserDialog.h"
#include "app/admin/UsersModel.h"
#include "app/net/ApiClient.h"
#include "app/shell/MessageBox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

AdminTab::AdminTab(ApiClient &api, const UserInfo &me, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_me(me)
    , m_org(new OrgTreeModel(this))
    , m_users(new UsersModel(api, this))
    , m_tree(new QTreeView(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_new(new QPushButton(tr("&New account…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_toggle(new QPushButton(tr("&Deactivate"), this))
    , m_reset(new QPushButton(tr("&Reset password…"), this))
    , m_info(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    m_tree->setModel(m_org);
    m_tree->setHeaderHidden(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setMinimumWidth(220);

    m_table->setModel(m_users);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsersModel::Username, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(UsersModel::Username, 140);
    m_table->setColumnWidth(UsersModel::DisplayName, 200);
    m_table->setColumnWidth(UsersModel::OrgUnit, 150);
    m_table->setColumnWidth(UsersModel::Department, 170);
    m_table->setColumnWidth(UsersModel::Status, 150);

    m_search->setPlaceholderText(tr("Search user name, name or phone (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("All accounts"));
    m_status->addItem(tr("Active only"));
    m_status->addItem(tr("Deactivated only"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_new);
    actions->addWidget(m_edit);
    actions->addWidget(m_toggle);
    actions->addWidget(m_reset);
    actions->addStretch(1);
    actions->addWidget(m_info);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(filters);
    rightLayout->addWidget(m_table, 1);
    rightLayout->addLayout(actions);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &AdminTab::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &AdminTab::applyFilter);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &AdminTab::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AdminTab::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, &AdminTab::editSelected);
    connect(m_new, &QPushButton::clicked, this, &AdminTab::createUser);
    connect(m_edit, &QPushButton::clicked, this, &AdminTab::editSelected);
    connect(m_toggle, &QPushButton::clicked, this, &AdminTab::toggleActiveSelected);
    connect(m_reset, &QPushButton::clicked, this, &AdminTab::resetPasswordSelected);
    connect(m_users, &UsersModel::totalChanged, this,
            [this](qint64 total) { m_info->setText(tr("%n account(s)", nullptr, int(total))); });
    connect(m_users, &UsersModel::loadFailed, this,
            [this](const QString &message) { m_info->setText(message); });
    connect(m_users, &QAbstractItemModel::modelReset, this, &AdminTab::updateActions);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] { m_search->setFocus(); });
    auto *add = new QShortcut(QKeySequence::New, this);
    connect(add, &QShortcut::activated, this, &AdminTab::createUser);

    updateActions();
    loadOrgUnits();
    applyFilter();
}

void AdminTab::loadOrgUnits()
{
    m_api.get(u"/api/v1/org/units"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok()) {
            m_info->setText(r.message);
            return;
        }
        QList<OrgUnit> units;
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        for (const QJsonValue &v : items)
            units.append(OrgUnit::fromJson(v.toObject()));
        m_org->setUnits(units);
        const QModelIndex root = m_org->index(0, 0);
        m_tree->expand(root);
        QSignalBlocker block(m_tree->selectionModel());
        m_tree->setCurrentIndex(root);
    });
}

void AdminTab::applyFilter()
{
    UsersModel::Filter f;
    f.search = m_search->text();
    if (const OrgUnit *u = m_org->unitAt(m_tree->currentIndex()))
        f.orgUnitId = u->id;
    if (m_status->currentIndex() == 1)
        f.active = true;
    else if (m_status->currentIndex() == 2)
        f.active = false;
    m_users->setFilter(f);
}

const UserInfo *AdminTab::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_users->userAt(rows.first().row());
}

void AdminTab::updateActions()
{
    const UserInfo *u = selectedUser();
    m_edit->setEnabled(u);
    m_reset->setEnabled(u);
    m_toggle->setEnabled(u && u->id != m_me.id);
    m_toggle->setText(u && !u->active ? tr("&Activate") : tr("&Deactivate"));
}

void AdminTab::createUser()
{
    UserDialog dialog(m_api, m_org->units(), this);
    if (const OrgUnit *u = m_org->unitAt(m_tree->currentIndex()))
        dialog.setInitialOrgUnit(u->id);
    if (dialog.exec() == QDialog::Accepted) {
        m_users->reload();
        m_info->setText(
            tr("Account %1 created. Give the user the initial password; they must change it at the "
               "first sign-in.")
                .arg(dialog.savedUser().username));
    }
}

void AdminTab::editSelected()
{
    const UserInfo *u = selectedUser();
    if (!u)
        return;
    UserDialog dialog(m_api, m_org->units(), this);
    dialog.setUser(*u);
    if (dialog.exec() == QDialog::Accepted)
        m_users->updateUser(dialog.savedUser());
}

void AdminTab::toggleActiveSelected()
{
    const UserInfo *u = selectedUser();
    if (!u)
        return;
    const bool activate = !u->active;
    const QString question = activate
                                 ? tr("Activate the account %1 (%2) again?").arg(u->displayName, u->username)
                                 : tr("Deactivate the account %1 (%2)? The user is signed out everywhere and "
                                      "can no longer sign in.")
                                       .arg(u->displayName, u->username);
    if (MessageBox::question(this, activate ? tr("Activate account") : tr("Deactivate account"), question) !=
        QMessageBox::Yes)
        return;
    const QString path = u"/api/v1/admin/users/"_s + u->id + (activate ? u"/activate"_s : u"/deactivate"_s);
    m_api.post(path, {}, this, [this](const ApiResult &r) {
        if (!r.ok()) {
            MessageBox::warning(this, tr("Not changed"), r.message);
            return;
        }
        m_users->updateUser(UserInfo::fromJson(r.json));
        updateActions();
    });
}

void AdminTab::resetPasswordSelected()
{
    const UserInfo *u = selectedUser();
    if (!u)
        return;
    PasswordDialog dialog(m_api, PasswordDialog::Mode::ResetOther, *u, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_users->updateUser(dialog.updatedUser());
        m_info->setText(tr("New password set for %1.").arg(dialog.updatedUser().username));
    }
}

} // namespace sunshine::app
