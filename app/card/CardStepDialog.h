#pragma once

#include "common/card/CardWorkflow.h"

#include <QDialog>
#include <QJsonObject>
#include <memory>

namespace Ui {
class CardStepDialog;
}

namespace sunshine::app {

class ClientSession;

// One step of a spend request's approval or of a claim's checks, among those this user may take now: the
// village body's approval (with the body its tier needs and who signed), the town 三资 centre's approval,
// refusal; the supervision committee's check (who signed), the 农经站's check, booking with the voucher
// number, return and resubmission. Checked by the rule the server applies (card::requestStepProblem,
// card::claimStepProblem) with the county's tiers as the cache has them; saved to the cache and outbox, so
// it works offline.
class CardStepDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Request,
        Claim
    };
    CardStepDialog(ClientSession &session, Kind kind, const QString &recordId, QWidget *parent = nullptr);
    ~CardStepDialog() override;

    // The wire names of the steps offered (none: nothing this user may do now).
    QStringList offered() const;
    QString problem() const;
    // For tests: fill the form. `person`: the signer or checker; `text`: the voucher number or the reason.
    void setEntry(const QString &action, const QString &body, const QString &person, const QString &text);

public Q_SLOTS:
    void submit();

private:
    void actionChanged();

    std::unique_ptr<Ui::CardStepDialog> ui;
    ClientSession &m_session;
    Kind m_kind;
    QString m_id;
    QString m_orgUnitId;
    QString m_departmentId;
    QJsonObject m_fields;
    card::CardActor m_actor;
    card::CardTiers m_tiers;
};

} // namespace sunshine::app
