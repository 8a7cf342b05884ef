#pragma once

#include "app/collective/CollectiveQueries.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QWidget>
#include <optional>

class QComboBox;
class QTableView;

namespace sunshine::app {

class ClientSession;

// 租金收缴: the rent instalments of the contracts by due date, with what was received and when, and where
// each stands today: due, paid, or in arrears (its due day passed with less received; shown in red).
class RentCalendarModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        VillageColumn,
        ContractColumn,
        CounterpartyColumn,
        NumberColumn,
        DueOnColumn,
        AmountDueColumn,
        ReceivedColumn,
        ReceivedOnColumn,
        StateColumn,
        ColumnCount
    };
    // The colour of an instalment in arrears.
    static QColor arrearsColor();
    static QString stateName(collectivequery::RentState state);

    explicit RentCalendarModel(ClientSession &session, QObject *parent = nullptr);
    // Only one village (empty: all); only one state (nothing: all). Both read the cache again.
    void setVillage(const QString &villageId);
    void setState(std::optional<collectivequery::RentState> state);
    const collectivequery::RentRow &rowAt(int row) const { return m_rows.at(row); }
    // The row of an instalment, or -1.
    int rowOf(const QString &instalmentId) const;
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClientSession &m_session;
    QString m_village;
    std::optional<collectivequery::RentState> m_state;
    QList<collectivequery::RentRow> m_rows;
};

// The rent calendar with filters by village and state, the receipt of an instalment recorded by clerks, and
// export to .xlsx.
class RentCalendarView : public QWidget
{
    Q_OBJECT
public:
    explicit RentCalendarView(ClientSession &session, QWidget *parent = nullptr);
    RentCalendarModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Opens the chosen instalment to record what was received and when.
    void recordPayment();
    void exportTable();

private:
    void fillVillages();

    ClientSession &m_session;
    RentCalendarModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_village = nullptr;
    QComboBox *m_state = nullptr;
};

} // namespace sunshine::app
