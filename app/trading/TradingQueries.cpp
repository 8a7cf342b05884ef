#include "app/trading/TradingQueries.h"

#include "common/trading/TradingTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::tradingquery {

using namespace cachequery;

namespace {

const QString kListing = QString::fromUtf16(trading::ListingType::kName);
const QString kRegistration = QString::fromUtf16(trading::RegistrationType::kName);

QList<sync::Record> registrationsOf(const LocalCache &cache, const QString &listingId)
{
    if (listingId.isEmpty())
        return {};
    return CacheQuery(cache, kRegistration)
        .where(equals(field(u"listingId"_s), listingId))
        .orderBy(field(u"bidderName"_s))
        .records();
}

// The position of a kind of right among trading::rightKindPairs (unknown kinds last).
int kindOrder(const QString &kind)
{
    const QStringList pairs = trading::rightKindPairs();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        if (pairs.at(i) == kind)
            return int(i / 2);
    }
    return int(pairs.size());
}

} // namespace

QStringList dealtStateNames()
{
    using trading::ListingState;
    QStringList out;
    for (ListingState s : {ListingState::Dealt, ListingState::Announced, ListingState::Signed,
                           ListingState::Settled, ListingState::Certified})
        out.append(trading::listingStateName(s));
    return out;
}

trading::ListingHandling handlingOf(const QJsonObject &listingFields)
{
    return trading::replayListing(trading::listingStepsFromJson(listingFields.value(u"steps"_s).toArray()),
                                  trading::ListingType::termsOf(listingFields));
}

int noticeDaysLeft(const QJsonObject &listingFields, QDate today, const WorkingCalendar &calendar)
{
    const trading::ListingHandling h = handlingOf(listingFields);
    if (h.state != trading::ListingState::Noticed || !h.noticeTo.isValid())
        return -1;
    if (today > h.noticeTo)
        return 0;
    const QDate from = h.noticeFrom.isValid() && h.noticeFrom > today ? h.noticeFrom : today;
    return trading::workingDaysBetween(calendar, from, h.noticeTo);
}

QString listingLabel(const LocalCache &cache, const QString &listingId)
{
    const std::optional<CachedRecord> rec = cache.record(listingId);
    if (!rec || rec->record.type != kListing)
        return {};
    const QJsonObject &f = rec->record.fields;
    return u"%1 %2"_s.arg(f.value(u"listingNo"_s).toString(), f.value(u"subject"_s).toString());
}

QString registrationLabel(const LocalCache &cache, const QString &registrationId)
{
    const std::optional<CachedRecord> rec = cache.record(registrationId);
    if (!rec || rec->record.type != kRegistration)
        return {};
    return rec->record.fields.value(u"bidderName"_s).toString();
}

QList<QPair<QString, QString>> listingChoices(const LocalCache &cache, const QString &villageId)
{
    const CacheCondition where = villageId.isEmpty() ? CacheCondition() : equals(kOrgUnit, villageId);
    return choices(cache, kListing, where, {u"listingNo"_s, u"subject"_s}, u"listingNo"_s);
}

QList<QPair<QString, QString>> registrationChoices(const LocalCache &cache, const QString &listingId,
                                                   bool qualifiedOnly)
{
    QList<QPair<QString, QString>> out;
    const QList<sync::Record> registrations = registrationsOf(cache, listingId);
    for (const sync::Record &r : registrations) {
        if (qualifiedOnly && !r.fields.value(u"qualified"_s).toBool())
            continue;
        out.append({r.id, r.fields.value(u"bidderName"_s).toString()});
    }
    return out;
}

int qualifiedCount(const LocalCache &cache, const QString &listingId)
{
    return int(registrationChoices(cache, listingId, true).size());
}

Fen quantile(const QList<Fen> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const double h = double(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
    const qsizetype below = qsizetype(std::floor(h));
    const qsizetype above = std::min(below + 1, sorted.size() - 1);
    const double value =
        double(sorted.at(below)) + (h - double(below)) * double(sorted.at(above) - sorted.at(below));
    return qRound64(value);
}

QList<PriceStat> priceStats(const LocalCache &cache, const QList<OrgUnit> &units)
{
    QHash<QString, const OrgUnit *> byId;
    for (const OrgUnit &u : units)
        byId.insert(u.id, &u);
    // (town, order of the kind) -> the deals.
    QMap<QPair<QString, int>, PriceStat> byKey;
    CacheQuery(cache, kListing)
        .where(among(field(u"state"_s), dealtStateNames()))
        .forEach({kOrgUnit, field(u"rightKind"_s), field(u"dealPrice"_s), field(u"areaMu"_s)},
                 [&byId, &byKey](const QSqlQuery &q) {
                     const QString unitId = q.value(0).toString();
                     const OrgUnit *unit = byId.value(unitId);
                     const QString town = unit && unit->level == OrgLevel::Village ? unit->parentId : unitId;
                     const QString kind = q.value(1).toString();
                     PriceStat &stat = byKey[qMakePair(town, kindOrder(kind))];
                     stat.townId = town;
                     stat.rightKind = kind;
                     ++stat.deals;
                     const Fen price = q.value(2).toLongLong();
                     const double area = q.value(3).isNull() ? 0.0 : q.value(3).toDouble();
                     if (area > 0 && price > 0) {
                         ++stat.priced;
                         stat.perMu.append(qRound64(double(price) / area));
                     }
                 });
    QList<PriceStat> out;
    for (PriceStat stat : std::as_const(byKey)) {
        std::sort(stat.perMu.begin(), stat.perMu.end());
        if (!stat.perMu.isEmpty()) {
            stat.minimum = stat.perMu.first();
            stat.maximum = stat.perMu.last();
            stat.median = quantile(stat.perMu, 0.5);
            stat.lowerQuartile = quantile(stat.perMu, 0.25);
            stat.upperQuartile = quantile(stat.perMu, 0.75);
        }
        out.append(stat);
    }
    return out;
}

} // namespace sunshine::app::tradingquery
