#pragma once

#include "common/relief/ReliefRules.h"

#include <QDialog>
#include <QJsonObject>
#include <memory>

namespace Ui {
class StepDialog;
}

namespace sunshine::app {

class ClientSession;

// A reviewer takes the next step of an identification (Art. 9) or exit (Art. 10) case: pass or return, date,
// who decided, opinion, and the public-notice period where the step has one. The history above cannot be
// changed. Checked with the rules the server applies; saved to the cache and outbox, so it works offline.
// What the last step entails (an admitted applicant's household registered with its head, a confirmed exit's
// household marked exited) the server writes in the same transaction; this program never writes it. A save
// that fails is told to the reviewer, and the dialog stays open with the entry.
class StepDialog : public QDialog
{
    Q_OBJECT
public:
    StepDialog(ClientSession &session, const QString &caseId, QWidget *parent = nullptr);
    ~StepDialog() override;

    // Nothing to do: the case is finished or closed, or not found.
    bool hasNextStep() const { return m_hasNext; }
    QString problem() const;
    // For tests: fill the form.
    void setEntry(bool passed, QDate date, const QString &person, const QString &opinion,
                  QDate noticeStart = {}, QDate noticeEnd = {});

public Q_SLOTS:
    void submit();

private:
    void load();

    std::unique_ptr<Ui::StepDialog> ui;
    ClientSession &m_session;
    QString m_caseId;
    QString m_type;
    QString m_orgUnitId;
    QJsonObject m_fields;
    relief::CaseKind m_kind = relief::CaseKind::Identification;
    relief::WorkflowStep m_next;
    bool m_hasNext = false;
};

} // namespace sunshine::app
