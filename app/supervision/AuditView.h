#pragma once

#include <QWidget>

namespace sunshine::app {

class ClientSession;
class RecordListView;

// 审计 (Art. 29-30): audit reports, and below the chosen one its findings. Entering a finding makes the
// server order its rectification (and its referral to the 纪委 when the finding says so).
class AuditView : public QWidget
{
    Q_OBJECT
public:
    explicit AuditView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *reports() const { return m_reports; }
    RecordListView *findings() const { return m_findings; }

private:
    void showReport(const QString &reportId);

    ClientSession &m_session;
    RecordListView *m_reports = nullptr;
    RecordListView *m_findings = nullptr;
};

} // namespace sunshine::app
