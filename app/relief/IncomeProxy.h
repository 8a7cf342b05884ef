#pragma once

#include "relief/ReliefRules.h"

#include <QHash>
#include <QIdentityProxyModel>

namespace sunshine::app {

class ClientSession;

// The households table with one more column: the per-capita annual income of the last four quarters
// recorded (Art. 8), from the household's quarterly incomes in the cache; at or above 7,000 yuan it is
// flagged.
class IncomeProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    IncomeProxy(ClientSession &session, QObject *parent = nullptr);

    // The figure for one household (computed from the cache, remembered until the table reloads).
    relief::PerCapitaIncome incomeOf(const QString &householdId) const;
    int incomeColumn() const;

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
    ClientSession &m_session;
    mutable QHash<QString, relief::PerCapitaIncome> m_cache;
};

} // namespace sunshine::app
