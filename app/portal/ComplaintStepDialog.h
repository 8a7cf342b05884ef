#pragma once

#include "common/portal/ComplaintWorkflow.h"

#include <QDialog>
#include <QJsonObject>
#include <memory>

namespace Ui {
class ComplaintStepDialog;
}

namespace sunshine::app {

class ClientSession;

// One step of a complaint's handling: the steps that may follow its state and that this user may take (the
// office's: accept, decline, assign with the slip's department, review, feedback, objection, archive; the
// department's on the slip: reply and conclude, with the result's files). Checked by the rule the server
// applies (portal::complaintStepProblem); saved to the cache and outbox, so it works offline.
class ComplaintStepDialog : public QDialog
{
    Q_OBJECT
public:
    ComplaintStepDialog(ClientSession &session, const QString &complaintId, QWidget *parent = nullptr);
    ~ComplaintStepDialog() override;

    // The steps offered (none: nothing this user may do now).
    QList<portal::ComplaintAction> offered() const { return m_offered; }
    QString problem() const;
    // For tests: fill the form.
    void setEntry(portal::ComplaintAction action, const QString &note, const QString &departmentId = {});

public Q_SLOTS:
    void submit();

private:
    void actionChanged();

    std::unique_ptr<Ui::ComplaintStepDialog> ui;
    ClientSession &m_session;
    QString m_id;
    QString m_orgUnitId;
    QString m_departmentId;
    QJsonObject m_fields;
    portal::ComplaintActor m_actor;
    QList<portal::ComplaintAction> m_offered;
};

} // namespace sunshine::app
