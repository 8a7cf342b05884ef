#pragma once

#include "app/sync/CacheQuery.h"
#include "common/core/Quarter.h"
#include "common/core/WorkingCalendar.h"
#include "common/relief/ReliefRules.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

// 阳光扶贫's questions to the local cache: who is registered, paired and visited, the choices of a form, a
// household's incomes, the help requests past their deadline. The dashboard and the relief views ask the same
// questions here, so each is answered one way.
namespace sunshine::app::reliefquery {

// Household records: registered (在册).
CacheCondition registered();
// Households that left the registry in `year`.
CacheCondition exitedIn(int year);
// Registered households without a pairing in their own village.
CacheCondition unpaired();
// Pairing records without a visit in `quarter`.
CacheCondition notVisitedIn(relief::Quarter quarter);

// The households of a village for a reference field: (id, "户主 · 户编号"), by household number.
QList<QPair<QString, QString>> householdChoices(const LocalCache &cache, const QString &villageId);
// The helpers of a town: (id, "姓名 · 单位").
QList<QPair<QString, QString>> helperChoices(const LocalCache &cache, const QString &townId);
// The pairings of a village: (id, "helper → household").
QList<QPair<QString, QString>> pairingChoices(const LocalCache &cache, const QString &villageId);
// Registered households without a pairing: id, head, household number, org unit; by village and number.
QList<QStringList> unpairedHouseholds(const LocalCache &cache, int limit);
// Registered households and how many of them are paired.
struct Coverage
{
    qint64 registered = 0;
    qint64 paired = 0;
};
Coverage pairingCoverage(const LocalCache &cache);
// Every pairing, with its helper's and household's names (townId holds the pairing's village here).
QList<relief::PairingRef> pairings(const LocalCache &cache);
// The ids of the pairings visited in `quarter`.
QList<relief::VisitRef> visits(const LocalCache &cache, relief::Quarter quarter);
// The quarterly income records of a household.
QList<QJsonObject> incomes(const LocalCache &cache, const QString &householdId);
// Open help requests in `orgUnitIds` past their answer or result deadline on `today`: id -> org unit.
QHash<QString, QString> overdueHelpRequests(const LocalCache &cache, const QStringList &orgUnitIds,
                                            QDate today, const WorkingCalendar &calendar);

} // namespace sunshine::app::reliefquery
