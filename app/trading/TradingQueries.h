#pragma once

#include "app/sync/CacheQuery.h"
#include "common/core/Money.h"
#include "common/core/WorkingCalendar.h"
#include "common/org/OrgUnit.h"
#include "common/trading/TradingWorkflow.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// 产权交易's questions to the local cache: how a listing and a registration are named, the registrations a
// step or a bid may name, where a listing's notice stands on a day, and the prices of the deals per town and
// kind of right.
namespace sunshine::app::tradingquery {

// The states of a listing that has a deal: dealt and every state after it (announced, signed, settled,
// certified).
QStringList dealtStateNames();

// A listing's path replayed from its steps, as the server derives its state and figures (so a step saved on
// this computer and not yet sent counts at once).
trading::ListingHandling handlingOf(const QJsonObject &listingFields);

// The working days of a listing's notice still to run on `today`, today included (a notice ending today has
// 1 left; one not begun yet has all of its days); 0 once it has ended (the qualification is due); -1 when
// the listing is not in notice.
int noticeDaysLeft(const QJsonObject &listingFields, QDate today, const WorkingCalendar &calendar);

// "GP-2026-001 东片耕地": how a listing is named in lists and choices ("" when not in the cache).
QString listingLabel(const LocalCache &cache, const QString &listingId);
// The bidder's name of a registration ("" when not in the cache).
QString registrationLabel(const LocalCache &cache, const QString &registrationId);

// The listings of one village (all villages when empty) as choices (id, text), by number.
QList<QPair<QString, QString>> listingChoices(const LocalCache &cache, const QString &villageId);
// The registrations of a listing as choices (id, bidder's name), by name; only those that passed the
// qualification when `qualifiedOnly`.
QList<QPair<QString, QString>> registrationChoices(const LocalCache &cache, const QString &listingId,
                                                   bool qualifiedOnly);
// How many registrations of a listing are marked as qualified.
int qualifiedCount(const LocalCache &cache, const QString &listingId);

// The value at `p` (0 to 1) of values sorted in ascending order, interpolated between its neighbours (R's
// type 7: the median at 0.5, the quartiles at 0.25 and 0.75), rounded to the fen; 0 for no values.
Fen quantile(const QList<Fen> &sorted, double p);

// The deals of one kind of right in one town: how many, and the price per mu and year of those with an
// area (the deal price per year over the area, rounded to the fen): the median, the lowest and highest, and
// the quartiles.
struct PriceStat
{
    QString townId;
    QString rightKind;
    qint64 deals = 0;
    qint64 priced = 0; // the deals with an area, which a price per mu needs
    QList<Fen> perMu;  // sorted, fen per mu and year
    Fen median = 0;
    Fen minimum = 0;
    Fen maximum = 0;
    Fen lowerQuartile = 0;
    Fen upperQuartile = 0;
};
// The price statistics of the listings dealt (dealtStateNames, as the server derived them), per town (the
// town above the village the listing is kept at, looked up in `units`; a listing kept elsewhere counts for
// its own unit) and kind of right, by town id and then in the order of the kinds (trading::rightKindPairs).
QList<PriceStat> priceStats(const LocalCache &cache, const QList<OrgUnit> &units);

} // namespace sunshine::app::tradingquery
