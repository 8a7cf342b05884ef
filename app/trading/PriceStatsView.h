#pragma once

#include "app/trading/TradingQueries.h"

#include <QAbstractTableModel>
#include <QWidget>

class QTableView;

namespace sunshine::app {

class ClientSession;

// The prices of the deals per town and kind of right (tradingquery::priceStats): how many deals, how many
// of them with an area, and the price per mu and year of those: the median, the lowest and highest, and the
// quartiles. Read again when the cache changes.
class PriceStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TownColumn,
        KindColumn,
        DealsColumn,
        PricedColumn,
        MedianColumn,
        MinimumColumn,
        MaximumColumn,
        LowerQuartileColumn,
        UpperQuartileColumn,
        ColumnCount
    };
    // The figure of a cell as a number (fen for the prices, a count otherwise; the name in the first two
    // columns); invalid for a price when no deal has an area.
    static constexpr int ValueRole = Qt::UserRole;
    static bool isPrice(int column);

    explicit PriceStatsModel(ClientSession &session, QObject *parent = nullptr);
    const tradingquery::PriceStat &rowAt(int row) const { return m_rows.at(row); }
    // The row of a town and kind of right, or -1.
    int rowOf(const QString &townId, const QString &rightKind) const;
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClientSession &m_session;
    QList<tradingquery::PriceStat> m_rows;
};

// The price statistics with export of the table to .xlsx (prices as numbers of yuan).
class PriceStatsView : public QWidget
{
    Q_OBJECT
public:
    explicit PriceStatsView(ClientSession &session, QWidget *parent = nullptr);
    PriceStatsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Writes the table to an .xlsx file; false with the reason.
    bool exportTo(const QString &path, QString *error) const;
    // Asks where to save the table, then writes it.
    void exportTable();

private:
    PriceStatsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sunshine::app
