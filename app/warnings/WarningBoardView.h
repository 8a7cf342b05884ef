#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace sunshine::app {

class ClientSession;
class ComputedColumnProxy;
class RecordListView;
class WarningDetailView;

// The warning board (预警看板): the warnings of the user's area over the local cache, filtered by state (open
// ones first), severity and rule, searchable by place and text, with how late each is; beside it the chosen
// warning's evidence, handling and the steps the user may take. Export to .xlsx comes with the list.
class WarningBoardView : public QWidget
{
    Q_OBJECT
public:
    explicit WarningBoardView(ClientSession &session, QWidget *parent = nullptr);

    RecordListView *list() const { return m_list; }
    WarningDetailView *detail() const { return m_detail; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *severityFilter() const { return m_severity; }
    QComboBox *ruleFilter() const { return m_rule; }
    QLabel *counts() const { return m_counts; }
    // "open" (default), "escalated", "all" or a state's wire name.
    void setStateFilter(const QString &key);
    void reload();

private:
    void applyFilters();
    void updateCounts();

    ClientSession &m_session;
    RecordListView *m_list = nullptr;
    ComputedColumnProxy *m_lateness = nullptr;
    WarningDetailView *m_detail = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_rule = nullptr;
    QLabel *m_counts = nullptr;
};

} // namespace sunshine::app
