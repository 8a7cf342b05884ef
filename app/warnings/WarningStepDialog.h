#pragma once

#include "common/warnings/WarningWorkflow.h"

#include <QDialog>
#include <QJsonObject>
#include <memory>

namespace Ui {
class WarningStepDialog;
}

namespace sunshine::app {

class ClientSession;

// One handling step of a warning (派发, 签收核实, 提出处理结果, 复核销号, 复核退回): who acts, the assignee,
// the outcome with the evidence already attached to the warning, and the note. Checked with the rule the
// server applies (warnings::stepProblem); saved to the cache and outbox, so it works offline.
class WarningStepDialog : public QDialog
{
    Q_OBJECT
public:
    WarningStepDialog(ClientSession &session, const QString &warningId, warnings::Action action,
                      QWidget *parent = nullptr);
    ~WarningStepDialog() override;

    QString problem() const;
    // For tests: fill the form.
    void setEntry(const QString &person, const QString &note, const QString &assignee = {},
                  std::optional<warnings::Outcome> outcome = std::nullopt, const QStringList &files = {});

public Q_SLOTS:
    void submit();

private:
    std::unique_ptr<Ui::WarningStepDialog> ui;
    ClientSession &m_session;
    QString m_id;
    warnings::Action m_action;
    QString m_orgUnitId;
    QString m_departmentId;
    QJsonObject m_fields;
    bool m_loaded = false;
};

} // namespace sunshine::app
