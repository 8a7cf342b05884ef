#pragma once

#include "common/org/OrgUnit.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace sunshine::app {

// The administrative tree of the user's scope, built from the flat list the server sends.
class OrgTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        LevelRole,
        PathRole
    };

    explicit OrgTreeModel(QObject *parent = nullptr);

    // Units in any order; a unit whose parent is not in the list becomes a root.
    void setUnits(const QList<OrgUnit> &units);
    const QList<OrgUnit> &units() const { return m_units; }
    QModelIndex indexOfId(const QString &id) const;
    const OrgUnit *unitAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<OrgUnit> m_units; // sorted by path
    QList<int> m_parentOf;  // index into m_units, -1 for roots
    QList<int> m_rowInParent;
    QList<QList<int>> m_children; // per unit
    QList<int> m_roots;
    QHash<QString, int> m_byId;
};

} // namespace sunshine::app
