#include "app/collective/CollectiveQueries.h"

#include "common/collective/CollectiveTypes.h"

#include <QJsonObject>
#include <QSqlQuery>

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

} // namespace sunshine::app::collectivequery
