#pragma once

#include <QDialog>
#include <QSet>
#include <memory>

namespace Ui {
class ClaimTransactionsDialog;
}

namespace sunshine::app {

class ClientSession;

// Which transactions a claim covers: the card's spending no claim covers yet, and the claim's own, ticked.
// Saving links or unlinks each changed transaction (its claimId), in the cache and outbox. A booked claim
// keeps what it covers.
class ClaimTransactionsDialog : public QDialog
{
    Q_OBJECT
public:
    ClaimTransactionsDialog(ClientSession &session, const QString &claimId, QWidget *parent = nullptr);
    ~ClaimTransactionsDialog() override;
    // For tests: tick or untick a transaction.
    void setCovered(const QString &transactionId, bool covered);
    QString problem() const;

public Q_SLOTS:
    void submit();

private:
    void updateTotal();

    std::unique_ptr<Ui::ClaimTransactionsDialog> ui;
    ClientSession &m_session;
    QString m_claimId;
    qint64 m_claimAmount = 0;
    QSet<QString> m_covered;
};

} // namespace sunshine::app
