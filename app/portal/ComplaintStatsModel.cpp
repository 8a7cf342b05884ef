#include "app/portal/ComplaintStatsModel.h"

#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"

#include <QBrush>

namespace sunshine::app {

ComplaintStatsModel::ComplaintStatsModel(ClientSession &session, QString groupField,
                                         std::function<QString(const QString &)> label, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_groupField(std::move(groupField))
    , m_label(std::move(label))
{
    reload();
}

void ComplaintStatsModel::reload()
{
    beginResetModel();
    m_rows =
        portalquery::complaintCounts(m_session.cache(), m_groupField, chinaDateOf(m_session.clock().nowMs()));
    endResetModel();
}

int ComplaintStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComplaintStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComplaintStatsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &[group, c] = m_rows.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Overdue && c.overdue > 0)
        return QBrush(Qt::red);
    if (role == Qt::TextAlignmentRole && index.column() != Group)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Group:
        return group.isEmpty() ? tr("(not assigned)") : m_label(group);
    case Total:
        return c.total;
    case Waiting:
        return c.waiting;
    case Handling:
        return c.handling;
    case Overdue:
        return c.overdue;
    case Concluded:
        return c.concluded;
    case Declined:
        return c.declined;
    default:
        return {};
    }
}

QVariant ComplaintStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return m_groupField == QLatin1String("category") ? tr("Category") : tr("Department on the slip");
    case Total:
        return tr("Complaints");
    case Waiting:
        return tr("Waiting for a slip");
    case Handling:
        return tr("In hand");
    case Overdue:
        return tr("Late");
    case Concluded:
        return tr("Concluded");
    case Declined:
        return tr("Not accepted");
    default:
        return {};
    }
}

} // namespace sunshine::app
