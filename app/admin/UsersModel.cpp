#include "app/admin/UsersModel.h"

#include "app/net/ApiClient.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return UsersModel::tr("Clerk");
    case Role::Reviewer:
        return UsersModel::tr("Reviewer");
    case Role::Leader:
        return UsersModel::tr("Leader");
    case Role::Supervisor:
        return UsersModel::tr("Supervisor");
    case Role::Admin:
        return UsersModel::tr("Administrator");
    }
    return {};
}

UsersModel::UsersModel(ApiClient &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

void UsersModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

void UsersModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_users.clear();
    m_total = 0;
    m_loadedOnce = false;
    m_loading = false;
    endResetModel();
    fetchPage(0);
}

void UsersModel::updateUser(const UserInfo &user)
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == user.id) {
            m_users[row] = user;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
}

const UserInfo *UsersModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users.at(row) : nullptr;
}

void UsersModel::fetchPage(int offset)
{
    QUrlQuery q;
    q.addQueryItem(u"offset"_s, QString::number(offset));
    q.addQueryItem(u"limit"_s, QString::number(kPageSize));
    q.addQueryItem(u"sort"_s, m_sortKey);
    q.addQueryItem(u"order"_s, m_descending ? u"desc"_s : u"asc"_s);
    if (!m_filter.search.trimmed().isEmpty())
        q.addQueryItem(u"q"_s, m_filter.search.trimmed());
    if (!m_filter.orgUnitId.isEmpty())
        q.addQueryItem(u"orgUnitId"_s, m_filter.orgUnitId);
    if (m_filter.active)
        q.addQueryItem(u"active"_s, *m_filter.active ? u"true"_s : u"false"_s);

    if (m_loading)
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const int generation = m_generation;
    m_api.get(u"/api/v1/admin/users"_s, q, this, [this, generation, offset](const ApiResult &r) {
        if (generation != m_generation)
            return; // the filter changed meanwhile; a newer request is on its way
        if (!r.ok()) {
            m_loading = false;
            Q_EMIT loadingChanged(false);
            Q_EMIT loadFailed(r.message);
            return;
        }
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        const qint64 total = r.json.value(u"total"_s).toInteger();
        // The page must continue exactly where the rows end; anything else would double or skip rows.
        if (offset == m_users.size() && !items.isEmpty()) {
            // Settle the total first: views may ask canFetchMore() from inside the insertion.
            const qint64 loaded = m_users.size() + items.size();
            m_total = items.size() < kPageSize ? loaded : qMax<qint64>(total, loaded);
            beginInsertRows({}, int(m_users.size()), int(loaded - 1));
            for (const QJsonValue &v : items)
                m_users.append(UserInfo::fromJson(v.toObject()));
            endInsertRows();
        } else if (offset == m_users.size()) {
            m_total = m_users.size();
        }
        m_loadedOnce = true;
        m_loading = false;
        Q_EMIT loadingChanged(false);
        Q_EMIT totalChanged(m_total);
    });
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size() || index.column() >= ColumnCount)
        return {};
    const UserInfo &u = m_users.at(index.row());
    const bool locked = u.lockedUntilMs > QDateTime::currentMSecsSinceEpoch();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Username:
            return u.username;
        case DisplayName:
            return u.displayName;
        case Roles: {
            QStringList names;
            for (const Role r : u.roles)
                names.append(roleDisplayName(r));
            return names.join(u"、"_s);
        }
        case OrgUnit:
            return u.orgUnitName;
        case Department:
            return u.departmentName;
        case Phone:
            return u.phone;
        case Status:
            if (!u.active)
                return tr("Deactivated");
            if (locked)
                return tr("Locked until %1")
                    .arg(QDateTime::fromMSecsSinceEpoch(u.lockedUntilMs).toLocalTime().toString(u"HH:mm"_s));
            return u.mustChangePassword ? tr("Active (must change password)") : tr("Active");
        case LastLogin:
            return u.lastLoginMs > 0 ? QDateTime::fromMSecsSinceEpoch(u.lastLoginMs)
                                           .toLocalTime()
                                           .toString(u"yyyy-MM-dd HH:mm"_s)
                                     : tr("Never");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (!u.active)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (locked)
            return QBrush(QColor(0xb0, 0x00, 0x20));
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Username:
        return tr("User name");
    case DisplayName:
        return tr("Name");
    case Roles:
        return tr("Roles");
    case OrgUnit:
        return tr("Area");
    case Department:
        return tr("Department");
    case Phone:
        return tr("Phone");
    case Status:
        return tr("Status");
    case LastLogin:
        return tr("Last sign-in");
    case ColumnCount:
        break;
    }
    return {};
}

bool UsersModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loadedOnce && !m_loading && m_users.size() < m_total;
}

void UsersModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(int(m_users.size()));
}

void UsersModel::sort(int column, Qt::SortOrder order)
{
    static const QHash<int, QString> keys{{Username, u"username"_s}, {DisplayName, u"displayName"_s},
                                          {OrgUnit, u"orgUnit"_s},   {Department, u"department"_s},
                                          {Status, u"active"_s},     {LastLogin, u"lastLogin"_s}};
    const QString key = keys.value(column);
    if (key.isEmpty())
        return; // roles and phone are not sortable
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_sortKey && descending == m_descending && m_loadedOnce)
        return;
    m_sortKey = key;
    m_descending = descending;
    reload();
}

} // namespace sunshine::app
