#pragma once

#include <QWidget>

class QComboBox;

namespace sunshine::app {

class ClientSession;
class RecordListView;

// The rectification tracker (整改): every rectification of the area with its deadline, late ones in red, a
// filter by state; below the chosen one its progress reports. The unit that rectifies reports and applies for
// the strike-off (edit); a supervisor verifies and strikes it off or returns it.
class RectificationsView : public QWidget
{
    Q_OBJECT
public:
    explicit RectificationsView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *rectifications() const { return m_rectifications; }
    RecordListView *reports() const { return m_reports; }
    // Shows only the rectifications in this state filter: "" all, "open", "overdue", or a state's wire name.
    void showOnly(const QString &filter);

private:
    void showRectification(const QString &id);

    ClientSession &m_session;
    QComboBox *m_filter = nullptr;
    RecordListView *m_rectifications = nullptr;
    RecordListView *m_reports = nullptr;
};

// 移送 and 问责: one list each.
RecordListView *makeReferralsView(ClientSession &session, QWidget *parent);
RecordListView *makeAccountabilityView(ClientSession &session, QWidget *parent);

} // namespace sunshine::app
