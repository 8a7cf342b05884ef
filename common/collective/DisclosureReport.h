#pragma once

#include "common/collective/CollectiveRules.h"
#include "common/collective/LedgerTypes.h"

#include <QJsonObject>
#include <QList>

// 财务公开: the quarterly disclosure of a village's books for its notice board (MODULES.md §2), computed from
// the records themselves: income and spending by class (transfers between the village's own accounts are
// neither), each journal's balance at the quarter's start and end, the asset register at the quarter's end,
// the contracts in force with the rent due, received and in arrears, and every single item at or above the
// large-item figure.
namespace sunshine::collective {

struct DisclosureInput
{
    Quarter quarter;
    QList<QJsonObject> books;       // ledger-book fields, each with "id"
    QList<QJsonObject> entries;     // ledger-entry fields
    QList<QJsonObject> assets;      // collective-asset fields
    QList<QJsonObject> contracts;   // collective-contract fields, each with "id"
    QList<QJsonObject> instalments; // contract-instalment fields
    Fen largeItem = 5'000'000;      // 50,000 yuan (MODULES.md §2, default): disclosed item by item
};

// What one journal entry counts for in a village's income and spending: its class's side
// (LedgerEntryType::classSide: "income", "spending", or "either" for a transfer between the village's own
// accounts, which is neither) and its amount on that side, signed by its direction, so that a reversing entry
// (红字冲销, the opposite direction) takes its amount out of its class. The disclosure and the app's overview
// both count by it.
struct EntryShare
{
    QString side;
    Fen amount = 0; // 0 for a transfer
};
EntryShare entryShare(const QJsonObject &entry);

// The disclosure as JSON (the "report" of a collective-disclosure record).
QJsonObject buildDisclosure(const DisclosureInput &input);
// The disclosure as an HTML page for printing (Chinese, the village's name in the title).
QString disclosureHtml(const QJsonObject &report, const QString &villageName);

} // namespace sunshine::collective
