#pragma once

#include "app/collective/CollectiveQueries.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace sunshine::app {

class ClientSession;

// The books of the villages per unit below the one looked at (counties for the city, towns for a county,
// villages for a town): the year's income and spending, cash and bank balances, the assets in the register
// and their net value, the contracts in force and their value, the rent in arrears and the warnings still
// open (collectivequery::overview); the unit's own total last.
class CollectiveOverviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        UnitColumn,
        IncomeColumn,
        SpendingColumn,
        CashColumn,
        BankColumn,
        AssetsColumn,
        NetAssetsColumn,
        ContractsColumn,
        ContractValueColumn,
        ArrearsColumn,
        WarningsColumn,
        ColumnCount
    };
    // The figure of a cell as a number (fen for the amounts, a count otherwise; the name in the first
    // column).
    static constexpr int ValueRole = Qt::UserRole;
    // Whether a column holds an amount (fen).
    static bool isAmount(int column);

    explicit CollectiveOverviewModel(ClientSession &session, QObject *parent = nullptr);
    void show(const QString &orgUnitId, int year);
    const QString &orgUnitId() const { return m_unit; }
    int year() const { return m_year; }
    // The unit rows (not the total, which is the last row of the table).
    int unitRows() const { return int(m_overview.rows.size()); }
    const collectivequery::OverviewRow &rowAt(int row) const { return m_overview.rows.at(row); }
    // The row of a unit, or -1.
    int rowOf(const QString &orgUnitId) const;
    const collectivequery::OverviewRow &total() const { return m_overview.total; }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClientSession &m_session;
    QString m_unit;
    int m_year = 0;
    collectivequery::Overview m_overview;
};

// The overview with a year, going down a level on a double click and back up with "Up a level", and export
// of the table to .xlsx.
class CollectiveOverviewView : public QWidget
{
    Q_OBJECT
public:
    explicit CollectiveOverviewView(ClientSession &session, QWidget *parent = nullptr);
    CollectiveOverviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setYear(int year);
    // Shows the units below the one in `row` (nothing when it is a village, or the total).
    void openRow(int row);
    void up();
    // Writes the table as shown, amounts in yuan as numbers, to an .xlsx file; false with the reason.
    bool exportTo(const QString &path, QString *error) const;
    // Asks where to save the table, then writes it.
    void exportTable();

private:
    void showUnit(const QString &orgUnitId);

    ClientSession &m_session;
    QComboBox *m_year = nullptr;
    QLabel *m_where = nullptr;
    QPushButton *m_up = nullptr;
    CollectiveOverviewModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sunshine::app
