#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace sunshine::app {

class ApiClient;
class ClientSession;
class RecordListView;

// 督查 (Art. 31): the inspection window open today and the button that opens its inspection; the inspections
// of the area; for the chosen one, what it covers (last quarter's payments, visits and help requests in its
// unit), its spot-check draw (drawn by the server from a kept seed, and re-done on request to show it is
// fair), and its findings, which become warnings.
class InspectionsView : public QWidget
{
    Q_OBJECT
public:
    InspectionsView(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);

    RecordListView *inspections() const { return m_inspections; }
    RecordListView *findings() const { return m_findings; }
    QString windowText() const;
    QString detailText() const;

    // Opens the new-inspection dialog for the window open today, filled in.
    void openCurrentWindow();
    // Asks the server to draw the chosen spot check; re-does a made draw to check it.
    void drawChosen();
    void verifyChosen();

private:
    void showInspection(const QString &id);
    void updateWindow();

    ClientSession &m_session;
    ApiClient &m_api;
    QLabel *m_window = nullptr;
    QPushButton *m_open = nullptr;
    RecordListView *m_inspections = nullptr;
    RecordListView *m_findings = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_draw = nullptr;
    QPushButton *m_verify = nullptr;
    QJsonObject m_prefill; // the values of the next new inspection (the open window's)
    QString m_current;
};

} // namespace sunshine::app
