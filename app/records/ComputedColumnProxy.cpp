#include "app/records/ComputedColumnProxy.h"

#include "app/records/RecordTableModel.h"

namespace sunshine::app {

ComputedColumnProxy::ComputedColumnProxy(QString header, Compute compute, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_header(std::move(header))
    , m_compute(std::move(compute))
{}

void ComputedColumnProxy::setSourceModel(QAbstractItemModel *model)
{
    QIdentityProxyModel::setSourceModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_onReset)
            m_onReset();
    });
}

int ComputedColumnProxy::computedColumn() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

int ComputedColumnProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount() + 1;
}

QModelIndex ComputedColumnProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (column == computedColumn() && !parent.isValid() && row >= 0 && row < rowCount())
        return createIndex(row, column);
    return QIdentityProxyModel::index(row, column, parent);
}

QModelIndex ComputedColumnProxy::sibling(int row, int column, const QModelIndex &idx) const
{
    return index(row, column, idx.parent());
}

QModelIndex ComputedColumnProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (proxyIndex.isValid() && proxyIndex.column() == computedColumn())
        return {};
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

QVariant ComputedColumnProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != computedColumn())
        return QIdentityProxyModel::data(index, role);
    const QString id = sourceModel()->index(index.row(), 0).data(RecordTableModel::RecordIdRole).toString();
    if (role == RecordTableModel::RecordIdRole)
        return id;
    return m_compute(id, index.row(), role);
}

QVariant ComputedColumnProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == computedColumn() && role == Qt::DisplayRole)
        return m_header;
    return QIdentityProxyModel::headerData(section, orientation, role);
}

Qt::ItemFlags ComputedColumnProxy::flags(const QModelIndex &index) const
{
    if (index.isValid() && index.column() == computedColumn())
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return QIdentityProxyModel::flags(index);
}

void ComputedColumnProxy::sort(int column, Qt::SortOrder order)
{
    if (column != computedColumn())
        QIdentityProxyModel::sort(column, order);
}

} // namespace sunshine::app
