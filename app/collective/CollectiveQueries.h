#pragma once

#include "app/sync/CacheQuery.h"
#include "common/collective/DisclosureReport.h"
#include "common/org/OrgUnit.h"

#include <QDate>
#include <QHash>
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

// A village's figures for the overview and the 首页: the year's income and spending (each entry as the
// disclosure counts it, collective::entryShare: transfers are neither, a reversing entry counts against its
// class), the journals' cash and bank balances as the server keeps them now, the assets in the register and
// their net value today, the contracts in force and their value, the rent in arrears today (rentStateOf), and
// the books' warnings still open.
struct VillageFigures
{
    Fen income = 0;
    Fen spending = 0;
    Fen cash = 0;
    Fen bank = 0;
    qint64 assets = 0;
    Fen netAssets = 0;
    qint64 contracts = 0;
    Fen contractValue = 0;
    Fen arrears = 0;
    qint64 openWarnings = 0;

    VillageFigures &operator+=(const VillageFigures &other);
};
// The figures by org unit (the villages the books and their warnings are kept at).
QHash<QString, VillageFigures> villageFigures(const LocalCache &cache, int year, QDate today);

// One row of the overview: a unit with the figures of its villages added up.
struct OverviewRow
{
    QString orgUnitId;
    QString name;
    VillageFigures figures;
};
// The overview of one unit of `units` (the user's area): a row per unit one level below it whose villages
// have figures (counties for the city, towns for a county, villages for a town; the unit itself for figures
// kept at it), in id order, and the total, named as the unit. Nothing when the unit is not among `units`.
struct Overview
{
    QList<OverviewRow> rows;
    OverviewRow total;
};
Overview overview(const LocalCache &cache, const QList<OrgUnit> &units, const QString &orgUnitId, int year,
                  QDate today);

} // namespace sunshine::app::collectivequery
