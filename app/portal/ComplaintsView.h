#pragma once

#include <QWidget>
#include <functional>

class QComboBox;
class QTableView;

namespace sunshine::app {

class ClientSession;
class ComplaintStatsModel;
class ComplaintStepDialog;
class RecordListView;

// 投诉举报 (Art. 24) as the leading-group office and the departments work it: the complaints of the user's
// area with their deadlines (late ones in red), a filter by stage, the office's registration of calls,
// letters and visits, each handling step through ComplaintStepDialog, and the statistics per department and
// per category with export.
class ComplaintsView : public QWidget
{
    Q_OBJECT
public:
    explicit ComplaintsView(ClientSession &session, QWidget *parent = nullptr);

    // Tests: the next step dialog is filled (and submitted) by `fill` instead of being shown.
    static void setNextStepEntry(std::function<void(ComplaintStepDialog &)> fill);

    RecordListView *list() const { return m_list; }
    ComplaintStatsModel *departmentStats() const { return m_byDepartment; }
    ComplaintStatsModel *categoryStats() const { return m_byCategory; }

public Q_SLOTS:
    void handleCurrent();
    void exportStatistics();

private:
    void applyFilter();
    void reloadStats();

    ClientSession &m_session;
    RecordListView *m_list = nullptr;
    QComboBox *m_filter = nullptr;
    ComplaintStatsModel *m_byDepartment = nullptr;
    ComplaintStatsModel *m_byCategory = nullptr;
};

} // namespace sunshine::app
