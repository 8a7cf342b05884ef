#pragma once

#include "app/portal/PortalQueries.h"

#include <QAbstractTableModel>
#include <functional>

namespace sunshine::app {

class ClientSession;

// 投诉举报 statistics (Art. 24): per responsible department, or per category, how many complaints wait for a
// slip, are in hand, are late, are concluded or were declined. Read from the cache on reload().
class ComplaintStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Group,
        Total,
        Waiting,
        Handling,
        Overdue,
        Concluded,
        Declined,
        ColumnCount
    };
    // `groupField`: "assignedDepartment" or "category"; `label` names a group's value for people.
    ComplaintStatsModel(ClientSession &session, QString groupField,
                        std::function<QString(const QString &)> label, QObject *parent = nullptr);

    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClientSession &m_session;
    QString m_groupField;
    std::function<QString(const QString &)> m_label;
    QList<QPair<QString, portalquery::ComplaintCounts>> m_rows;
};

} // namespace sunshine::app
