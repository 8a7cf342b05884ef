#pragma once

#include "app/card/CardQueries.h"
#include "common/org/OrgUnit.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace sunshine::app {

class ClientSession;

// The card figures of one year per unit below the one looked at (counties for the city, towns for a county,
// villages for a town): spending less refunds, lines, lines not claimed and their share, open card warnings;
// the unit's own total last.
class CardOverviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Row
    {
        QString orgUnitId;
        QString name;
        cardquery::VillageFigures figures;
    };
    explicit CardOverviewModel(ClientSession &session, QObject *parent = nullptr);
    void show(const QString &orgUnitId, int year);
    const QString &orgUnitId() const { return m_unit; }
    int year() const { return m_year; }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const Row &total() const { return m_total; }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClientSession &m_session;
    QString m_unit;
    int m_year = 0;
    QList<Row> m_rows;
    Row m_total;
};

// The overview with a year, going down a level on a double click and back up with 上一级.
class CardOverviewView : public QWidget
{
    Q_OBJECT
public:
    explicit CardOverviewView(ClientSession &session, QWidget *parent = nullptr);
    CardOverviewModel *model() const { return m_model; }
    // Shows the units below the one in `row` (nothing when it is a village).
    void openRow(int row);
    void up();

private:
    void showUnit(const QString &orgUnitId);

    ClientSession &m_session;
    QComboBox *m_year = nullptr;
    QLabel *m_where = nullptr;
    QPushButton *m_up = nullptr;
    CardOverviewModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sunshine::app
