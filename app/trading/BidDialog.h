#pragma once

#include "common/core/Money.h"

#include <QDialog>
#include <QStringList>
#include <memory>

namespace Ui {
class BidDialog;
}

namespace sunshine::app {

class ApiClient;
class ClientSession;

// A bid on a listing that is bidding, for one of its qualified bidders: shows the lowest bid accepted now
// (trading::minimumNextBid: the start price, then the last bid plus the step, as the cache knows the
// listing) and sends the bid to the server (POST /api/v1/trading/listings/{id}/bids), which alone records
// bids, in the order they arrive. Never saved offline: when the server refuses the bid its message is shown
// and nothing is kept; when it takes it, the session syncs to bring the listing back.
class BidDialog : public QDialog
{
    Q_OBJECT
public:
    BidDialog(ClientSession &session, ApiClient &api, const QString &listingId, QWidget *parent = nullptr);
    ~BidDialog() override;

    // The lowest bid accepted now (fen per year), as the cache knows the listing.
    Fen minimumBid() const { return m_minimum; }
    // The record ids of the bidders offered.
    QStringList registrations() const;
    QString problem() const;
    // For tests: the bidder (a registration's id) and the bid in yuan as typed.
    void setEntry(const QString &registrationId, const QString &yuan);

public Q_SLOTS:
    void submit();

private:
    void refuse(const QString &message);

    std::unique_ptr<Ui::BidDialog> ui;
    ClientSession &m_session;
    ApiClient &m_api;
    QString m_id;
    Fen m_minimum = 0;
};

} // namespace sunshine::app
