#pragma once

#include "app/card/CardQueries.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QTableView;

namespace sunshine::app {

class ClientSession;
class RecordListView;

// The card spending of one month per village and category (the category of the request a purchase was
// matched with; "未报备" without one): lines, spending, refunds, net.
class MonthSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit MonthSummaryModel(ClientSession &session, QObject *parent = nullptr);
    void setMonth(const QString &month);
    QString month() const { return m_month; }
    const cardquery::MonthRow &rowAt(int row) const { return m_rows.at(row); }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClientSession &m_session;
    QString m_month;
    QList<cardquery::MonthRow> m_rows;
};

// The monthly summary with drill-down: choosing a row lists its transactions below; both export to .xlsx.
class MonthSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit MonthSummaryView(ClientSession &session, QWidget *parent = nullptr);
    MonthSummaryModel *model() const { return m_model; }
    RecordListView *transactions() const { return m_transactions; }
    void setMonth(const QString &month);
    // Shows the transactions of a summary row.
    void drillDown(int row);
    void exportSummary();

private:
    ClientSession &m_session;
    QComboBox *m_month = nullptr;
    MonthSummaryModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    RecordListView *m_transactions = nullptr;
};

} // namespace sunshine::app
