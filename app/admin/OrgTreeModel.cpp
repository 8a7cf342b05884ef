#include "app/admin/OrgTreeModel.h"

#include <algorithm>

namespace sunshine::app {

OrgTreeModel::OrgTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void OrgTreeModel::setUnits(const QList<OrgUnit> &units)
{
    beginResetModel();
    m_units = units;
    std::sort(m_units.begin(), m_units.end(),
              [](const OrgUnit &a, const OrgUnit &b) { return a.path < b.path; });
    m_byId.clear();
    for (int i = 0; i < m_units.size(); ++i)
        m_byId.insert(m_units.at(i).id, i);
    m_parentOf = QList<int>(m_units.size(), -1);
    m_rowInParent = QList<int>(m_units.size(), 0);
    m_children = QList<QList<int>>(m_units.size());
    m_roots.clear();
    for (int i = 0; i < m_units.size(); ++i) {
        const int p = m_byId.value(m_units.at(i).parentId, -1);
        m_parentOf[i] = p;
        QList<int> &siblings = p < 0 ? m_roots : m_children[p];
        m_rowInParent[i] = int(siblings.size());
        siblings.append(i);
    }
    endResetModel();
}

QModelIndex OrgTreeModel::indexOfId(const QString &id) const
{
    const int i = m_byId.value(id, -1);
    return i < 0 ? QModelIndex() : createIndex(m_rowInParent.at(i), 0, quintptr(i));
}

const OrgUnit *OrgTreeModel::unitAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_units.at(int(index.internalId()));
}

QModelIndex OrgTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const QList<int> &list = parent.isValid() ? m_children.at(int(parent.internalId())) : m_roots;
    if (row >= list.size())
        return {};
    return createIndex(row, 0, quintptr(list.at(row)));
}

QModelIndex OrgTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_parentOf.at(int(child.internalId()));
    return p < 0 ? QModelIndex() : createIndex(m_rowInParent.at(p), 0, quintptr(p));
}

int OrgTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? m_children.at(int(parent.internalId())).size() : m_roots.size());
}

int OrgTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant OrgTreeModel::data(const QModelIndex &index, int role) const
{
    const OrgUnit *u = unitAt(index);
    if (!u)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return u->name;
    case Qt::ToolTipRole:
        return tr("%1 (code %2)").arg(u->name, u->id);
    case IdRole:
        return u->id;
    case LevelRole:
        return int(u->level);
    case PathRole:
        return u->path;
    default:
        return {};
    }
}

QVariant OrgTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Area");
    return {};
}

} // namespace sunshine::app
