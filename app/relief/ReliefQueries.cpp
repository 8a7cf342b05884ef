#include "app/relief/ReliefQueries.h"

#include "common/relief/AssistanceTypes.h"
#include "common/relief/RegistryTypes.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::reliefquery {

using namespace cachequery;

namespace {

QString typeName(const char16_t *name)
{
    return QString::fromUtf16(name);
}

} // namespace

CacheCondition registered()
{
    return equals(field(u"status"_s), u"registered"_s);
}

CacheCondition exitedIn(int year)
{
    return equals(field(u"exitYear"_s), year);
}

CacheCondition unpaired()
{
    // As the pairing coverage counts: a pairing of the household in the household's own village.
    return registered() && noChild(typeName(relief::PairingType::kName), u"householdId"_s, {}, true);
}

CacheCondition notVisitedIn(relief::Quarter quarter)
{
    return noChild(typeName(relief::VisitType::kName), u"pairingId"_s,
                   equals(field(u"quarter"_s, u"c"_s), quarter.toString()));
}

QList<QPair<QString, QString>> householdChoices(const LocalCache &cache, const QString &villageId)
{
    return choices(cache, typeName(relief::HouseholdType::kName), equals(kOrgUnit, villageId),
                   {u"headName"_s, u"householdNo"_s}, u"householdNo"_s);
}

QList<QPair<QString, QString>> helperChoices(const LocalCache &cache, const QString &townId)
{
    return choices(cache, typeName(relief::HelperType::kName), equals(kOrgUnit, townId),
                   {u"name"_s, u"unit"_s});
}

QList<QPair<QString, QString>> pairingChoices(const LocalCache &cache, const QString &villageId)
{
    QList<QPair<QString, QString>> out;
    CacheQuery(cache, typeName(relief::PairingType::kName))
        .where(equals(kOrgUnit, villageId))
        .orderBy(kId)
        .limit(5000)
        .forEach(
            {kId, referenced(u"helperId"_s, u"name"_s), referenced(u"householdId"_s, u"headName"_s)},
            [&](const QSqlQuery &q) {
                out.append({q.value(0).toString(), q.value(1).toString() + u" → "_s + q.value(2).toString()});
            });
    return out;
}

QList<QStringList> unpairedHouseholds(const LocalCache &cache, int limit)
{
    QList<QStringList> out;
    CacheQuery(cache, typeName(relief::HouseholdType::kName))
        .where(unpaired())
        .orderBy(kOrgUnit)
        .orderBy(field(u"householdNo"_s))
        .limit(limit)
        .forEach({kId, field(u"headName"_s), field(u"householdNo"_s), kOrgUnit}, [&](const QSqlQuery &q) {
            out.append(
                {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        });
    return out;
}

Coverage pairingCoverage(const LocalCache &cache)
{
    Coverage c;
    c.registered = CacheQuery(cache, typeName(relief::HouseholdType::kName)).where(registered()).count();
    c.paired =
        c.registered - CacheQuery(cache, typeName(relief::HouseholdType::kName)).where(unpaired()).count();
    return c;
}

QList<relief::PairingRef> pairings(const LocalCache &cache)
{
    QList<relief::PairingRef> out;
    CacheQuery(cache, typeName(relief::PairingType::kName))
        .orderBy(kOrgUnit)
        .orderBy(kId)
        .forEach({kId, kOrgUnit, referenced(u"helperId"_s, u"name"_s),
                  referenced(u"householdId"_s, u"headName"_s)},
                 [&](const QSqlQuery &q) {
                     out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString()});
                 });
    return out;
}

QList<relief::VisitRef> visits(const LocalCache &cache, relief::Quarter quarter)
{
    QList<relief::VisitRef> out;
    CacheQuery(cache, typeName(relief::VisitType::kName))
        .where(equals(field(u"quarter"_s), quarter.toString()))
        .forEach({field(u"pairingId"_s)}, [&](const QSqlQuery &q) {
            out.append({q.value(0).toString(), quarter});
        });
    return out;
}

QList<QJsonObject> incomes(const LocalCache &cache, const QString &householdId)
{
    QList<QJsonObject> out;
    CacheQuery(cache, typeName(relief::HouseholdIncomeType::kName))
        .where(equals(field(u"householdId"_s), householdId))
        .forEach({kData}, [&](const QSqlQuery &q) {
            out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        });
    return out;
}

QHash<QString, QString> overdueHelpRequests(const LocalCache &cache, const QStringList &orgUnitIds,
                                            QDate today, const WorkingCalendar &calendar)
{
    QHash<QString, QString> out;
    CacheQuery(cache, typeName(relief::HelpRequestType::kName))
        .where(unitAmong(orgUnitIds) && isNull(field(u"resultOn"_s)))
        .forEach({kId, kOrgUnit, kData}, [&](const QSqlQuery &q) {
            const QJsonObject d = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            const bool overdue = relief::HelpRequestType::overdue(d, today, calendar).has_value();
            if (overdue)
                out.insert(q.value(0).toString(), q.value(1).toString());
        });
    return out;
}

} // namespace sunshine::app::reliefquery
