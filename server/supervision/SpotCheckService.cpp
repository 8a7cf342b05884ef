#include "server/supervision/SpotCheckService.h"

#include "common/api/ApiError.h"
#include "common/core/ChinaTime.h"
#include "common/supervision/InspectionTypes.h"
#include "common/supervision/SupervisionRules.h"
#include "server/api/Services.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using supervision::SpotCheckDraw;

namespace {

const QString kInspection = QString::fromUtf16(supervision::InspectionType::kName);

} // namespace

SpotCheckService::Inspection SpotCheckService::load(const AuthSession &session, const QString &inspectionId)
{
    SqlQuery q(m_services.store, u"SELECT org_unit_id, org_path, department_id, version, data FROM records "
                                 u"WHERE id = ? AND type = ? AND deleted = 0"_s);
    q.bindText(inspectionId.left(64)).bindText(kInspection).exec();
    if (!q.next() || !session.scope.coversOrgPath(q.text(1)))
        throw ApiError(ErrorCode::NotFound, u"督查记录不存在或不在您的管辖范围内"_s);
    Inspection i;
    i.orgUnitId = q.text(0);
    i.orgPath = q.text(1);
    i.departmentId = q.text(2);
    i.version = q.int64(3);
    i.fields = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
    return i;
}

QStringList SpotCheckService::villagesUnder(const QString &orgPath)
{
    QStringList ids;
    SqlQuery q(m_services.store, u"SELECT id FROM org_units WHERE level = 4 AND path LIKE ? ORDER BY id"_s);
    q.bindText(orgPath + u'%').exec();
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QStringList SpotCheckService::householdsOf(const QString &villageId)
{
    // Every live household of the village's registry (the 建档立卡 roster, registered or exited this year).
    QStringList ids;
    SqlQuery q(m_services.store, u"SELECT id FROM records WHERE org_unit_id = ? AND type = 'household' AND "
                                 u"deleted = 0 ORDER BY id"_s);
    q.bindText(villageId).exec();
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QString SpotCheckService::unitName(const QString &orgUnitId)
{
    SqlQuery q(m_services.store, u"SELECT name FROM org_units WHERE id = ?"_s);
    q.bindText(orgUnitId).exec();
    return q.next() ? q.text(0) : orgUnitId;
}

QJsonObject SpotCheckService::draw(const AuthSession &session, const QString &inspectionId,
                                   const QString &address)
{
    if (!session.scope.hasRole(Role::Supervisor))
        throw ApiError(ErrorCode::Forbidden, u"抽签由纪检监察等监督人员进行"_s);
    Transaction tx(m_services.store);
    const Inspection inspection = load(session, inspectionId);
    const QJsonObject &f = inspection.fields;
    if (!f.value(u"seed"_s).toString().isEmpty())
        throw ApiError(ErrorCode::Conflict, u"该督查已抽签，抽签结果不能重抽；可用种子复核"_s);
    if (f.value(u"kind"_s).toString() == u"full"_s)
        throw ApiError(ErrorCode::ValidationFailed, u"全面督查覆盖全部村和农户，无需抽签"_s, u"kind"_s);
    const int villageCount = int(f.value(u"villageCount"_s).toInteger());
    const int perVillage = int(f.value(u"householdsPerVillage"_s).toInteger());
    if (villageCount <= 0)
        throw ApiError(ErrorCode::ValidationFailed, u"请先在督查记录中填写抽查村数"_s, u"villageCount"_s);

    const QString seedText = supervision::newSeed();
    const SpotCheckDraw d = supervision::drawSpotCheck(
        *supervision::seedFromText(seedText), villagesUnder(inspection.orgPath), villageCount, perVillage,
        [this](const QString &v) { return householdsOf(v); });
    QJsonArray villages, households;
    for (qsizetype i = 0; i < d.villages.size(); ++i) {
        const QString &v = d.villages.at(i);
        villages.append(QJsonObject{{u"id"_s, v},
                                    {u"name"_s, unitName(v)},
                                    {u"population"_s, d.householdPopulations.at(i)},
                                    {u"digest"_s, d.householdDigests.at(i)}});
        for (const QString &h : d.households.at(i))
            households.append(QJsonObject{{u"id"_s, h}, {u"villageId"_s, v}});
    }
    QJsonObject changed{{u"seed"_s, seedText},
                        {u"villagePopulation"_s, d.villagePopulation},
                        {u"populationDigest"_s, d.villageDigest},
                        {u"drawnVillages"_s, villages},
                        {u"drawnHouseholds"_s, households},
                        {u"drawnOn"_s, chinaDateOf(m_services.clock.nowMs()).toString(Qt::ISODate)}};
    const qint64 now = m_services.clock.nowMs();
    sync::Operation op;
    op.opId = u"draw-"_s + inspectionId;
    op.recordId = inspectionId;
    op.type = kInspection;
    op.orgUnitId = inspection.orgUnitId;
    op.departmentId = inspection.departmentId;
    op.baseVersion = inspection.version;
    op.changedFields = changed;
    op.deviceTimeMs = now;
    // Written by the server (the draw's fields are its own), on behalf of the supervisor who asked.
    AuthSession server = session;
    server.scope.userId = u"server:supervision"_s;
    const QList<sync::OpResult> r = m_services.sync.pushWithin(server, QJsonArray{op.toJson()}, now, address);
    if (r.isEmpty() || r.first().status != sync::OpStatus::Applied)
        throw ApiError(ErrorCode::Conflict, r.isEmpty() ? u"抽签未能保存"_s : r.first().message);
    m_services.audit.append(
        AuditEntry{session.userId, session.username, u"inspection.draw"_s, kInspection, inspectionId,
                   QJsonObject{{u"seed"_s, seedText}, {u"villages"_s, int(d.villages.size())}}, address});
    tx.commit();
    return changed;
}

QJsonObject SpotCheckService::verify(const AuthSession &session, const QString &inspectionId)
{
    const Inspection inspection = load(session, inspectionId);
    const QJsonObject &f = inspection.fields;
    const std::optional<quint64> seed = supervision::seedFromText(f.value(u"seed"_s).toString());
    if (!seed)
        throw ApiError(ErrorCode::ValidationFailed, u"该督查尚未抽签"_s, u"seed"_s);
    const QJsonArray storedVillages = f.value(u"drawnVillages"_s).toArray();
    const QJsonArray storedHouseholds = f.value(u"drawnHouseholds"_s).toArray();
    const SpotCheckDraw d = supervision::drawSpotCheck(*seed, villagesUnder(inspection.orgPath),
                                                       int(f.value(u"villageCount"_s).toInteger()),
                                                       int(f.value(u"householdsPerVillage"_s).toInteger()),
                                                       [this](const QString &v) { return householdsOf(v); });
    QStringList stored, storedH, redrawnH;
    for (const QJsonValue &v : storedVillages)
        stored.append(v.toObject().value(u"id"_s).toString());
    for (const QJsonValue &h : storedHouseholds)
        storedH.append(h.toObject().value(u"id"_s).toString());
    for (const QStringList &list : d.households)
        redrawnH.append(list);
    QStringList storedDigests;
    for (const QJsonValue &v : storedVillages)
        storedDigests.append(v.toObject().value(u"digest"_s).toString());
    const bool samePopulation =
        d.villageDigest == f.value(u"populationDigest"_s).toString() && d.householdDigests == storedDigests;
    return QJsonObject{{u"seed"_s, f.value(u"seed"_s)},
                       {u"drawnOn"_s, f.value(u"drawnOn"_s)},
                       {u"samePopulation"_s, samePopulation},
                       {u"sameVillages"_s, stored == d.villages},
                       {u"sameHouseholds"_s, storedH == redrawnH},
                       {u"villages"_s, QJsonArray::fromStringList(d.villages)},
                       {u"households"_s, QJsonArray::fromStringList(redrawnH)}};
}

} // namespace sunshine
