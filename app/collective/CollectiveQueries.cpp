#include "app/collective/CollectiveQueries.h"

#include "common/collective/CollectiveTypes.h"
#include "common/collective/CollectiveWarnings.h"
#include "common/collective/LedgerTypes.h"

#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::collectivequery {

using namespace cachequery;

namespace {

const QString kBook = QString::fromUtf16(collective::LedgerBookType::kName);
const QString kEntry = QString::fromUtf16(collective::LedgerEntryType::kName);
const QString kAsset = QString::fromUtf16(collective::CollectiveAssetType::kName);
const QString kResource = QString::fromUtf16(collective::CollectiveResourceType::kName);
const QString kContract = QString::fromUtf16(collective::CollectiveContractType::kName);
const QString kInstalment = QString::fromUtf16(collective::InstalmentType::kName);

CacheCondition inVillage(const QString &villageId)
{
    return villageId.isEmpty() ? CacheCondition() : equals(kOrgUnit, villageId);
}

// The fields of a type's records in one village, each with its "id" when `withId`.
QList<QJsonObject> fieldsOf(const LocalCache &cache, const QString &type, const QString &villageId,
                            bool withId)
{
    QList<QJsonObject> out;
    for (const sync::Record &r : CacheQuery(cache, type).where(inVillage(villageId)).records()) {
        QJsonObject f = r.fields;
        if (withId)
            f.insert(u"id"_s, r.id);
        out.append(f);
    }
    return out;
}

} // namespace

QString bookLabel(const LocalCache &cache, const QString &bookId)
{
    const std::optional<CachedRecord> rec = cache.record(bookId);
    if (!rec)
        return {};
    const QJsonObject &f = rec->record.fields;
    const auto &type = sync::RecordTypes::get<collective::LedgerBookType>();
    return u"%1（%2）"_s.arg(f.value(u"name"_s).toString(),
                             type.field(u"kind"_s)->choiceLabel(f.value(u"kind"_s).toString()));
}

QList<QPair<QString, QString>> bookChoices(const LocalCache &cache, const QString &villageId, bool cashOnly)
{
    CacheCondition where = inVillage(villageId);
    if (cashOnly)
        where = where && equals(field(u"kind"_s), u"cash"_s);
    QList<QPair<QString, QString>> out;
    CacheQuery(cache, kBook).where(where).orderBy(field(u"name"_s)).forEach({kId}, [&](const QSqlQuery &q) {
        out.append({q.value(0).toString(), bookLabel(cache, q.value(0).toString())});
    });
    return out;
}

QList<QPair<QString, QString>> entryChoices(const LocalCache &cache, const QString &villageId)
{
    return choices(cache, kEntry, inVillage(villageId), {u"on"_s, u"voucherNo"_s, u"summary"_s}, u"on"_s);
}

QList<QPair<QString, QString>> assetChoices(const LocalCache &cache, const QString &villageId)
{
    return choices(cache, kAsset, inVillage(villageId), {u"code"_s, u"name"_s}, u"name"_s);
}

QList<QPair<QString, QString>> resourceChoices(const LocalCache &cache, const QString &villageId)
{
    return choices(cache, kResource, inVillage(villageId), {u"name"_s, u"location"_s}, u"name"_s);
}

QList<QPair<QString, QString>> contractChoices(const LocalCache &cache, const QString &villageId)
{
    return choices(cache, kContract, inVillage(villageId), {u"contractNo"_s, u"counterpartyName"_s},
                   u"contractNo"_s);
}

RentState rentStateOf(QDate dueOn, Fen amountDue, Fen received, QDate today)
{
    if (received >= amountDue)
        return RentState::Paid;
    if (dueOn.isValid() && today.isValid() && dueOn < today)
        return RentState::Arrears;
    return RentState::Due;
}

QList<RentRow> rentCalendar(const LocalCache &cache, QDate today, const QString &villageId)
{
    QList<RentRow> out;
    CacheQuery(cache, kInstalment)
        .where(inVillage(villageId))
        .orderBy(field(u"dueOn"_s))
        .orderBy(referenced(u"contractId"_s, u"contractNo"_s))
        .orderBy(field(u"number"_s))
        .forEach({kId, kOrgUnit, field(u"contractId"_s), field(u"number"_s), field(u"dueOn"_s),
                  field(u"amountDue"_s), field(u"received"_s), field(u"receivedOn"_s),
                  referenced(u"contractId"_s, u"contractNo"_s),
                  referenced(u"contractId"_s, u"counterpartyName"_s)},
                 [&](const QSqlQuery &q) {
                     RentRow r;
                     r.instalmentId = q.value(0).toString();
                     r.orgUnitId = q.value(1).toString();
                     r.contractId = q.value(2).toString();
                     r.number = q.value(3).toInt();
                     r.dueOn = QDate::fromString(q.value(4).toString(), Qt::ISODate);
                     r.amountDue = q.value(5).toLongLong();
                     r.received = q.value(6).toLongLong();
                     r.receivedOn = QDate::fromString(q.value(7).toString(), Qt::ISODate);
                     r.contractNo = q.value(8).toString();
                     r.counterparty = q.value(9).toString();
                     r.state = rentStateOf(r.dueOn, r.amountDue, r.received, today);
                     out.append(r);
                 });
    return out;
}

collective::DisclosureInput disclosureInput(const LocalCache &cache, const QString &villageId,
                                            const Quarter &quarter)
{
    collective::DisclosureInput in;
    in.quarter = quarter;
    in.books = fieldsOf(cache, kBook, villageId, true);
    in.entries = fieldsOf(cache, kEntry, villageId, false);
    in.assets = fieldsOf(cache, kAsset, villageId, false);
    in.contracts = fieldsOf(cache, kContract, villageId, true);
    in.instalments = fieldsOf(cache, kInstalment, villageId, false);
    return in;
}

VillageFigures &VillageFigures::operator+=(const VillageFigures &other)
{
    income += other.income;
    spending += other.spending;
    cash += other.cash;
    bank += other.bank;
    assets += other.assets;
    netAssets += other.netAssets;
    contracts += other.contracts;
    contractValue += other.contractValue;
    arrears += other.arrears;
    openWarnings += other.openWarnings;
    return *this;
}

QHash<QString, VillageFigures> villageFigures(const LocalCache &cache, int year, QDate today)
{
    QHash<QString, VillageFigures> out;
    // The year's entries summed by village, class and direction, each sum counted as the disclosure counts an
    // entry (what an entry counts for is its amount, signed by its class's side and its direction: a sum of
    // entries alike counts for the sum).
    const CacheCondition inYear = compare(field(u"on"_s), u">="_s, u"%1-01-01"_s.arg(year)) &&
                                  compare(field(u"on"_s), u"<"_s, u"%1-01-01"_s.arg(year + 1));
    CacheQuery(cache, kEntry)
        .where(inYear)
        .forEach(
            {kOrgUnit, field(u"entryClass"_s), field(u"direction"_s), sum(field(u"amount"_s))},
            [&out](const QSqlQuery &q) {
                const collective::EntryShare share =
                    collective::entryShare(QJsonObject{{u"entryClass"_s, q.value(1).toString()},
                                                       {u"direction"_s, q.value(2).toString()},
                                                       {u"amount"_s, q.value(3).toLongLong()}});
                VillageFigures &v = out[q.value(0).toString()];
                if (share.side == u"income"_s)
                    v.income += share.amount;
                else if (share.side == u"spending"_s)
                    v.spending += share.amount;
            },
            3);
    // The balances the server keeps on the journals (a journal without entries stands at its opening).
    const QString balance =
        u"COALESCE("_s + field(u"balance"_s) + u", "_s + field(u"openingBalance"_s) + u")"_s;
    CacheQuery(cache, kBook)
        .forEach(
            {kOrgUnit, field(u"kind"_s), sum(balance)},
            [&out](const QSqlQuery &q) {
                VillageFigures &v = out[q.value(0).toString()];
                (q.value(1).toString() == u"cash"_s ? v.cash : v.bank) += q.value(2).toLongLong();
            },
            2);
    // The register as its view shows it: assets not disposed of, at their net value today.
    for (const sync::Record &r : CacheQuery(cache, kAsset).records()) {
        if (collective::CollectiveAssetType::isDisposed(r.fields))
            continue;
        VillageFigures &v = out[r.orgUnitId];
        ++v.assets;
        v.netAssets += collective::netValue(collective::CollectiveAssetType::depreciationOf(r.fields), today);
    }
    CacheQuery(cache, kContract)
        .forEach(
            {kOrgUnit, field(u"state"_s), count(), sum(field(u"value"_s))},
            [&out](const QSqlQuery &q) {
                if (!collective::CollectiveContractType::inForce(q.value(1).toString()))
                    return;
                VillageFigures &v = out[q.value(0).toString()];
                v.contracts += q.value(2).toLongLong();
                v.contractValue += q.value(3).toLongLong();
            },
            2);
    // What the rent calendar shows in arrears today: what is still owed on each such instalment.
    const QList<RentRow> rent = rentCalendar(cache, today);
    for (const RentRow &r : rent) {
        if (r.state == RentState::Arrears)
            out[r.orgUnitId].arrears += r.amountDue - r.received;
    }
    CacheQuery(cache, u"warning"_s)
        .where(among(field(u"rule"_s), collective::collectiveRuleCodes()) &&
               compare(field(u"state"_s), u"<>"_s, u"closed"_s))
        .forEach(
            {kOrgUnit, count()},
            [&out](const QSqlQuery &q) {
                out[q.value(0).toString()].openWarnings += q.value(1).toLongLong();
            },
            1);
    return out;
}

Overview overview(const LocalCache &cache, const QList<OrgUnit> &units, const QString &orgUnitId, int year,
                  QDate today)
{
    Overview out;
    QHash<QString, const OrgUnit *> byId;
    for (const OrgUnit &u : units)
        byId.insert(u.id, &u);
    const OrgUnit *unit = byId.value(orgUnitId);
    if (!unit)
        return out;
    out.total.orgUnitId = unit->id;
    out.total.name = unit->name;
    // Each village's figures go to the child of the unit that holds it (or to the unit's own row).
    QHash<QString, OverviewRow> byChild;
    const QHash<QString, VillageFigures> figures = villageFigures(cache, year, today);
    for (auto it = figures.constBegin(); it != figures.constEnd(); ++it) {
        const OrgUnit *place = byId.value(it.key());
        if (!place || !place->path.startsWith(unit->path))
            continue;
        const QStringList below = place->path.mid(unit->path.size()).split(u'/', Qt::SkipEmptyParts);
        const QString child = below.isEmpty() ? unit->id : below.first();
        OverviewRow &row = byChild[child];
        row.orgUnitId = child;
        row.name = byId.contains(child) ? byId.value(child)->name : child;
        row.figures += it.value();
        out.total.figures += it.value();
    }
    out.rows = byChild.values();
    std::sort(out.rows.begin(), out.rows.end(),
              [](const OverviewRow &a, const OverviewRow &b) { return a.orgUnitId < b.orgUnitId; });
    return out;
}

} // namespace sunshine::app::collectivequery
