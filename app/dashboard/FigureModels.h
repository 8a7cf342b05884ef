#pragma once

#include "app/dashboard/DashboardData.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

// The dashboard's tables: its figures per unit and per department, for the views and their drill-down.
namespace sunshine::app {

// The children of the unit looked at, one row each (and one for the records placed on the unit itself): the
// money, the registry, pairing and visit coverage, overdue help requests and fund entries. Clicking a row
// drills down.
class UnitFiguresModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Place,
        Disbursed,
        Payments,
        Households,
        Exits,
        PairingCoverage,
        VisitCoverage,
        HelpOverdue,
        Overdue,
        EnteredLate,
        ColumnCount
    };
    enum Roles
    {
        OrgUnitIdRole = Qt::UserRole + 1,
        OwnRole,      // bool: the row of the records placed on the unit itself
        RawValueRole, // the number behind the cell (fen, count, or per mille for the coverages)
    };
    explicit UnitFiguresModel(QObject *parent = nullptr);
    void setFigures(const DashboardFigures &figures);
    const UnitFigures &unitAt(int row) const { return m_rows.at(row); }
    // The last row is the total of the unit looked at.
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Which figure a column shows (Place: none).
    static std::optional<Figure> figureOf(int column);

private:
    QList<UnitFigures> m_rows;
};

// Overdue and late fund entries per department.
class DepartmentFiguresModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Department,
        Overdue,
        EnteredLate,
        PaidLate,
        ColumnCount
    };
    enum Roles
    {
        DepartmentIdRole = Qt::UserRole + 1,
    };
    explicit DepartmentFiguresModel(QObject *parent = nullptr);
    void setFigures(const DashboardFigures &figures);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DepartmentFigures> m_rows;
};

} // namespace sunshine::app
