#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace sunshine::app {

class ApiClient;
class ClientSession;
class WarningRulesModel;

// The warning rules in force, as the server holds them: what each finds and on which article, whether it is
// on, its parameters and their version; the handling days, the queue and the last full run. City
// administrators set a rule (WarningRuleDialog, with a dry run) and start a full run; everyone else reads.
class WarningRulesView : public QWidget
{
    Q_OBJECT
public:
    WarningRulesView(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);

    WarningRulesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *handlingButton() const { return m_handling; }
    QLabel *status() const { return m_status; }

public Q_SLOTS:
    // Reads the rules again (on show and after a change); emits loaded() with the outcome.
    void refresh();
    void editCurrent();
    void runNow();
    void editHandlingDays();

Q_SIGNALS:
    void loaded(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    ClientSession &m_session;
    ApiClient &m_api;
    WarningRulesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_handling = nullptr;
    int m_replyDays = 5;
    int m_resultDays = 10;
    bool m_manager = false;
};

} // namespace sunshine::app
