#pragma once

#include "app/records/TableImportDialog.h"

class QComboBox;

namespace sunshine::app {

// Imports a card's bank statement (对账单, CSV or .xlsx as the bank exports it): the card is chosen, each
// line checked (card::checkCardStatement), lines imported before skipped, purchases matched with the card's
// approved spend requests; the good lines saved in one local transaction and sent when online.
class StatementImportDialog : public TableImportDialog
{
    Q_OBJECT
public:
    // `villageId`: the cards offered (all in the user's area when empty).
    StatementImportDialog(ClientSession &session, const QString &villageId, QWidget *parent = nullptr);
    void setCard(const QString &cardId);

protected:
    std::optional<Check> checkFunction(QString *error) override;
    bool acceptSheet(const io::TableData &table) const override;

private:
    QComboBox *m_card = nullptr;
};

} // namespace sunshine::app
