#include "app/dashboard/FigureModels.h"

#include <QColor>
#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

// --- UnitFiguresModel ---

UnitFiguresModel::UnitFiguresModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void UnitFiguresModel::setFigures(const DashboardFigures &figures)
{
    beginResetModel();
    m_rows = figures.children;
    if (figures.valid) {
        UnitFigures total = figures.total;
        total.name = tr("Total");
        m_rows.append(total);
    }
    endResetModel();
}

int UnitFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UnitFiguresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<Figure> UnitFiguresModel::figureOf(int column)
{
    switch (column) {
    case Disbursed:
    case Payments:
        return Figure::Disbursed;
    case Households:
        return Figure::Households;
    case Exits:
        return Figure::Exits;
    case PairingCoverage:
        return Figure::Unpaired;
    case VisitCoverage:
        return Figure::NotVisited;
    case HelpOverdue:
        return Figure::HelpOverdue;
    case Overdue:
        return Figure::Overdue;
    case EnteredLate:
        return Figure::EnteredLate;
    default:
        return std::nullopt;
    }
}

namespace {

// Per mille, so that a share is an integer.
qint64 perMille(qint64 part, qint64 whole)
{
    return whole > 0 ? (part * 1000 + whole / 2) / whole : 1000;
}

QString percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return u"—"_s;
    const qint64 pm = perMille(part, whole);
    return u"%1.%2%"_s.arg(pm / 10).arg(pm % 10);
}

} // namespace

QVariant UnitFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const UnitFigures &r = m_rows.at(index.row());
    const bool isTotal = index.row() == m_rows.size() - 1;
    switch (role) {
    case OrgUnitIdRole:
        return r.orgUnitId;
    case OwnRole:
        return r.own;
    case Qt::TextAlignmentRole:
        return index.column() == Place ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                       : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        if (isTotal) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == HelpOverdue && r.helpOverdue > 0) ||
            (index.column() == Overdue && r.overdue > 0) ||
            (index.column() == EnteredLate && r.enteredLate > 0))
            return QColor(0xb3, 0x26, 0x1e);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PairingCoverage)
            return tr("%1 of %2 registered households have a helper").arg(r.paired).arg(r.households);
        if (index.column() == VisitCoverage)
            return tr("%1 of %2 pairings visited").arg(r.visited).arg(r.pairings);
        if (index.column() == Place && !isTotal && !r.own)
            return tr("Click to look at %1").arg(r.name);
        return {};
    case RawValueRole:
    case Qt::DisplayRole: {
        const bool raw = role == RawValueRole;
        switch (index.column()) {
        case Place:
            return r.name;
        case Disbursed:
            return raw ? QVariant(r.disbursedFen) : QVariant(wanYuan(r.disbursedFen));
        case Payments:
            return r.disbursements;
        case Households:
            return r.households;
        case Exits:
            return r.exits;
        case PairingCoverage:
            return raw ? QVariant(perMille(r.paired, r.households))
                       : QVariant(percent(r.paired, r.households));
        case VisitCoverage:
            return raw ? QVariant(perMille(r.visited, r.pairings)) : QVariant(percent(r.visited, r.pairings));
        case HelpOverdue:
            return r.helpOverdue;
        case Overdue:
            return r.overdue;
        case EnteredLate:
            return r.enteredLate;
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

QVariant UnitFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Place:
        return tr("Place");
    case Disbursed:
        return tr("Disbursed (10k yuan)");
    case Payments:
        return tr("Payments");
    case Households:
        return tr("Registered households");
    case Exits:
        return tr("Exits");
    case PairingCoverage:
        return tr("Pairing coverage");
    case VisitCoverage:
        return tr("Visit coverage");
    case HelpOverdue:
        return tr("Help requests overdue");
    case Overdue:
        return tr("Entries overdue");
    case EnteredLate:
        return tr("Entered late");
    default:
        return {};
    }
}

// --- DepartmentFiguresModel ---

DepartmentFiguresModel::DepartmentFiguresModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DepartmentFiguresModel::setFigures(const DashboardFigures &figures)
{
    beginResetModel();
    m_rows = figures.departments;
    endResetModel();
}

int DepartmentFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DepartmentFiguresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DepartmentFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const DepartmentFigures &d = m_rows.at(index.row());
    switch (role) {
    case DepartmentIdRole:
        return d.departmentId;
    case Qt::TextAlignmentRole:
        return index.column() == Department ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                            : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if ((index.column() == Overdue && d.overdue > 0) ||
            (index.column() == EnteredLate && d.enteredLate > 0) ||
            (index.column() == PaidLate && d.paidLate > 0))
            return QColor(0xb3, 0x26, 0x1e);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Department:
            return d.name;
        case Overdue:
            return d.overdue;
        case EnteredLate:
            return d.enteredLate;
        case PaidLate:
            return d.paidLate;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant DepartmentFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Department:
        return tr("Department");
    case Overdue:
        return tr("Entries overdue");
    case EnteredLate:
        return tr("Entered late");
    case PaidLate:
        return tr("Paid late");
    default:
        return {};
    }
}

} // namespace sunshine::app
