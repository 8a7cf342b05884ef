#pragma once

#include "common/trading/TradingWorkflow.h"

#include <QDate>
#include <QDialog>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace Ui {
class ListingStepDialog;
}

namespace sunshine::app {

class ClientSession;

// One step of a listing's path, among those this user may take now (trading::listingActionsFor: the role,
// the level of the user's unit against the listing's centre, and the listing's state), with what that step
// needs: the application, the review (a refusal with its reason), the notice's first and last day (with the
// working days it covers), the number of qualified bidders after the notice, the hammer, an open
// negotiation's bidder and price, the result notice's first day, the contract's number, the settlement, the
// certificate's number, a suspension or termination with its reason, the resumption. Bids are not offered:
// they go to the server (BidDialog). Checked with the rule the server applies (trading::listingStepProblem)
// on the session's day and the calendar in force, then appended to the listing's steps and saved to the
// cache and its outbox, so it works offline.
class ListingStepDialog : public QDialog
{
    Q_OBJECT
public:
    ListingStepDialog(ClientSession &session, const QString &listingId, QWidget *parent = nullptr);
    ~ListingStepDialog() override;

    // The wire names of the steps offered (none: nothing this user may do now).
    QStringList offered() const;
    QString problem() const;

    // For tests: fill the form (a step by its wire name; the registration by its record id; the price in
    // yuan as typed; the contract's or certificate's number).
    void setAction(const QString &action);
    void setPeriod(QDate from, QDate to);
    void setQualified(int qualified);
    void setNegotiated(const QString &registrationId, const QString &yuan);
    void setNumber(const QString &number);
    void setReason(const QString &reason);

public Q_SLOTS:
    void submit();

private:
    void actionChanged();
    void periodChanged();
    std::optional<trading::ListingAction> chosen() const;

    std::unique_ptr<Ui::ListingStepDialog> ui;
    ClientSession &m_session;
    QString m_id;
    QString m_orgUnitId;
    QString m_departmentId;
    QJsonObject m_fields;
    trading::TradingActor m_actor;
    OrgLevel m_centre = OrgLevel::Town;
};

} // namespace sunshine::app
