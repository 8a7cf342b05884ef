#pragma once

#include "app/sync/CacheQuery.h"
#include "common/collective/DisclosureReport.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

// 集体三资's questions to the local cache: how a journal is named, the records a form's references may point
// at, the rent calendar with each instalment's state on the day, and a village's books as the quarterly
// disclosure reads them.
namespace sunshine::app::collectivequery {

// "库存现金（现金日记账）": how a journal is named in lists and choices ("" when not in the cache).
QString bookLabel(const LocalCache &cache, const QString &bookId);

// The choices of a reference field among the records of one village (all villages when empty): (id, text).
QList<QPair<QString, QString>> bookChoices(const LocalCache &cache, const QString &villageId,
                                           bool cashOnly = false);
QList<QPair<QString, QString>> entryChoices(const LocalCache &cache, const QString &villageId);
QList<QPair<QString, QString>> assetChoices(const LocalCache &cache, const QString &villageId);
QList<QPair<QString, QString>> resourceChoices(const LocalCache &cache, const QString &villageId);
QList<QPair<QString, QString>> contractChoices(const LocalCache &cache, const QString &villageId);

// Where an instalment stands on a day: fully received (paid), its due day passed with less received than
// due (in arrears), or not yet due.
enum class RentState
{
    Due,
    Paid,
    Arrears
};
RentState rentStateOf(QDate dueOn, Fen amountDue, Fen received, QDate today);

// One instalment of the rent calendar, with its contract's number and counterparty.
struct RentRow
{
    QString instalmentId;
    QString contractId;
    QString orgUnitId;
    QString contractNo;
    QString counterparty;
    int number = 0;
    QDate dueOn;
    Fen amountDue = 0;
    Fen received = 0;
    QDate receivedOn;
    RentState state = RentState::Due;
};
// The instalments of one village (all when empty) by due date, each with its state on `today`.
QList<RentRow> rentCalendar(const LocalCache &cache, QDate today, const QString &villageId = {});

// A village's journals, entries, assets, contracts and instalments in the cache, for buildDisclosure().
collective::DisclosureInput disclosureInput(const LocalCache &cache, const QString &villageId,
                                            const Quarter &quarter);

} // namespace sunshine::app::collectivequery
