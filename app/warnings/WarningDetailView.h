#pragma once

#include "common/warnings/WarningWorkflow.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sunshine::app {

class ClientSession;

// One warning as the people handling it read it: what was found, where, who owns it and by when; the frozen
// evidence and the records behind it; the handling so far; and the steps this user may take now.
class WarningDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit WarningDetailView(ClientSession &session, QWidget *parent = nullptr);

    void showWarning(const QString &warningId); // empty: nothing chosen
    QString warningId() const { return m_id; }
    QPushButton *actionButton(warnings::Action action) const { return m_buttons.value(int(action)); }
    QTableWidget *evidence() const { return m_evidence; }
    QTableWidget *history() const { return m_history; }
    QLabel *summary() const { return m_summary; }
    // Test hook: the next step's dialog is not shown; `fill` fills it (WarningStepDialog::setEntry, submit).
    static void setNextStepEntry(std::function<void(class WarningStepDialog &)> fill);

Q_SIGNALS:
    void stepTaken();

private:
    void takeStep(warnings::Action action);
    void fillEvidence(const QJsonObject &evidence);

    ClientSession &m_session;
    QString m_id;
    QLabel *m_summary = nullptr;
    QLabel *m_facts = nullptr;
    QTableWidget *m_evidence = nullptr;
    QTableWidget *m_history = nullptr;
    QHash<int, QPushButton *> m_buttons;
};

} // namespace sunshine::app
