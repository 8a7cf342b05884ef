#pragma once

#include <QIdentityProxyModel>
#include <functional>

namespace sunshine::app {

// A record table with one more column computed per record (e.g. a household's per-capita income, a member's
// age from the 身份证号). The column is not sortable: the cache cannot order by it.
class ComputedColumnProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    // (record id, the source row, role) -> value; called only for the roles the view asks for.
    using Compute = std::function<QVariant(const QString &recordId, int sourceRow, int role)>;

    ComputedColumnProxy(QString header, Compute compute, QObject *parent = nullptr);

    int computedColumn() const;
    // Dropped and recomputed when the source model resets.
    void setOnReset(std::function<void()> onReset) { m_onReset = std::move(onReset); }

    void setSourceModel(QAbstractItemModel *model) override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString m_header;
    Compute m_compute;
    std::function<void()> m_onReset;
};

} // namespace sunshine::app
