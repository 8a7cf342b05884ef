#pragma once

#include "app/dashboard/DashboardData.h"
#include "app/records/RecordTableModel.h"

#include <QDialog>
#include <memory>

namespace Ui {
class RecordsBehindDialog;
}

namespace sunshine::app {

class ClientSession;
class RecordListView;

// The records behind one dashboard figure, read-only, one table per record type, each exportable to .xlsx.
class RecordsBehindDialog : public QDialog
{
    Q_OBJECT
public:
    RecordsBehindDialog(ClientSession &session, const QList<RecordsBehind> &behind,
                        QWidget *parent = nullptr);
    ~RecordsBehindDialog() override;
    QList<RecordListView *> lists() const { return m_lists; }

    // The columns a record type is listed with.
    static QList<RecordColumn> columnsFor(const QString &type);

private:
    std::unique_ptr<Ui::RecordsBehindDialog> ui;
    QList<RecordListView *> m_lists;
};

// Shows `list` as the records behind: the org units and the condition applied.
void applyBehind(RecordListView *list, const RecordsBehind &behind);

} // namespace sunshine::app
