#include "server/supervision/SupervisionDemo.h"

#include "common/core/ChinaTime.h"
#include "common/core/Quarter.h"
#include "common/supervision/AuditTypes.h"
#include "common/supervision/InspectionTypes.h"
#include "common/supervision/RectificationTypes.h"
#include "common/supervision/SupervisionRules.h"
#include "server/api/Services.h"
#include "server/demo/DemoPush.h"
#include "server/supervision/SpotCheckService.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

using namespace supervision;

const QString kCity = u"320600000000"_s;
const QString kCounty = u"320612000000"_s;

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// The latest window of `kind` that has begun by `today`.
InspectionWindow lastWindow(InspectionKind kind, QDate today)
{
    InspectionWindow w = inspectionWindow(kind, Quarter::of(today).previous());
    if (w.from > today)
        w = inspectionWindow(kind, w.inspected.previous());
    return w;
}

} // namespace

void SupervisionDemo::loadIfEmpty(Services &services)
{
    {
        SqlQuery any(services.store, u"SELECT COUNT(*) FROM records WHERE type = 'inspection'"_s);
        any.exec();
        if (any.next() && any.int64(0) > 0)
            return;
    }
    DemoPush w(services);
    const QStringList villages = w.villagesUnder(kCounty, 3);
    if (villages.size() < 3)
        return;
    const QString town = w.townOf(villages.first());
    const QDate today = chinaDateOf(services.clock.nowMs());
    const QString cityPath = u'/' + kCity + u'/';
    const QString countyPath = cityPath + kCounty + u'/';
    const AuthSession discipline =
        demoActor(u"city-supervisor"_s, Role::Supervisor, kCity, cityPath, kCity + u"-discipline"_s);
    const AuthSession auditor =
        demoActor(u"county-supervisor"_s, Role::Supervisor, kCounty, countyPath, kCounty + u"-audit"_s);
    const AuthSession clerk =
        demoActor(u"county-clerk"_s, Role::Clerk, kCounty, countyPath, kCounty + u"-agriculture"_s);
    const QString agriculture = kCounty + u"-agriculture"_s;
    const QString povertyOffice = kCounty + u"-poverty-office"_s;

    Transaction tx(services.store);
    // The full inspection of last quarter (Art. 31, days 10-20), concluded, with two findings.
    const InspectionWindow full = lastWindow(InspectionKind::Full, today);
    QJsonObject fi{{u"kind"_s, u"full"_s},
                   {u"quarter"_s, full.inspected.toString()},
                   {u"title"_s, u"%1扶贫资金和帮扶工作全面督查（演示）"_s.arg(full.inspected.chineseName())},
                   {u"startedOn"_s, iso(full.from)},
                   {u"inspectors"_s, u"市纪委监委第三监督检查室 陈督查、周督查"_s},
                   {u"scopeNote"_s, u"上季度资金发放、走访帮扶、求助办理全面检查"_s}};
    if (full.to <= today) {
        fi.insert(u"concludedOn"_s, iso(full.to));
        fi.insert(u"conclusion"_s, u"发现问题 2 个，已转预警由责任部门核实整改"_s);
    }
    const QString fullId = w.put(discipline, QString::fromUtf16(InspectionType::kName), {}, kCounty,
                                 kCity + u"-discipline"_s, fi);
    const QString finding = QString::fromUtf16(InspectionFindingType::kName);
    w.put(discipline, finding, {}, villages.at(0), agriculture,
          {{u"inspectionId"_s, fullId},
           {u"subject"_s, u"payment"_s},
           {u"description"_s, u"发放名单中 2 户已于上年底脱贫退出，仍按月领取生活补助（演示）"_s},
           {u"severity"_s, u"red"_s},
           {u"amountFen"_s, 240000},
           {u"foundOn"_s, iso(qMin(full.from.addDays(3), today))}});
    w.put(discipline, finding, {}, villages.at(1), povertyOffice,
          {{u"inspectionId"_s, fullId},
           {u"subject"_s, u"visit"_s},
           {u"description"_s, u"3 户走访记录照片与走访日期不符，疑似补录（演示）"_s},
           {u"severity"_s, u"yellow"_s},
           {u"foundOn"_s, iso(qMin(full.from.addDays(4), today))}});

    // The spot check (days 20-30), drawn by the system.
    const InspectionWindow spot = lastWindow(InspectionKind::Spot, today);
    const QString spotId =
        w.put(discipline, QString::fromUtf16(InspectionType::kName), {}, kCounty, kCity + u"-discipline"_s,
              {{u"kind"_s, u"spot"_s},
               {u"quarter"_s, spot.inspected.toString()},
               {u"title"_s, u"%1村户随机抽查（演示）"_s.arg(spot.inspected.chineseName())},
               {u"startedOn"_s, iso(spot.from)},
               {u"inspectors"_s, u"市纪委监委 吴督查"_s},
               {u"villageCount"_s, 3},
               {u"householdsPerVillage"_s, 2}});
    tx.commit();
    try {
        SpotCheckService(services).draw(discipline, spotId, u"demo"_s); // in its own transaction
    } catch (const std::exception &e) {
        qWarning("demo draw failed: %s", e.what());
    }

    // An audit report and its findings: the server orders the rectifications and the referral.
    Transaction rest(services.store);
    const QDate issued = today.addDays(-45);
    const QString reportId =
        w.put(auditor, QString::fromUtf16(AuditReportType::kName), {}, kCounty, kCounty + u"-audit"_s,
              {{u"reportNo"_s, u"通审报〔%1〕18号"_s.arg(issued.year())},
               {u"title"_s, u"关于通州区涉农资金管理使用情况的专项审计报告（演示）"_s},
               {u"auditedUnit"_s, u"通州区农业农村局"_s},
               {u"periodFrom"_s, iso(QDate(issued.year() - 1, 1, 1))},
               {u"periodTo"_s, iso(QDate(issued.year() - 1, 12, 31))},
               {u"issuedOn"_s, iso(issued)},
               {u"auditor"_s, u"通州区审计局农业审计科"_s}});
    const QString auditFinding = QString::fromUtf16(AuditFindingType::kName);
    const QString misused =
        w.put(auditor, auditFinding, {}, town, kCounty + u"-audit"_s,
              {{u"reportId"_s, reportId},
               {u"category"_s, u"misused"_s},
               {u"description"_s, u"镇财政所将耕地地力保护补贴 1.2 万元挪作办公经费（演示）"_s},
               {u"amountFen"_s, 1200000},
               {u"order"_s, u"recover"_s},
               {u"foundOn"_s, iso(issued)},
               {u"responsibleDepartmentId"_s, agriculture},
               {u"referToDiscipline"_s, true}});
    w.put(auditor, auditFinding, {}, villages.at(0), kCounty + u"-audit"_s,
          {{u"reportId"_s, reportId},
           {u"category"_s, u"management"_s},
           {u"description"_s, u"村级补贴发放台账未按月公示（演示）"_s},
           {u"order"_s, u"rectify"_s},
           {u"foundOn"_s, iso(issued)},
           {u"rectifyDays"_s, 30},
           {u"responsibleDepartmentId"_s, agriculture}});
    const QString improper = w.put(auditor, auditFinding, {}, villages.at(2), kCounty + u"-audit"_s,
                                   {{u"reportId"_s, reportId},
                                    {u"category"_s, u"improper"_s},
                                    {u"description"_s, u"向不符合条件的 3 户发放种粮补贴 3600 元（演示）"_s},
                                    {u"amountFen"_s, 360000},
                                    {u"order"_s, u"return"_s},
                                    {u"foundOn"_s, iso(issued)},
                                    {u"responsibleDepartmentId"_s, agriculture}});

    // The improper payment is returned, reported, applied for and struck off by the auditor.
    const QString rectType = QString::fromUtf16(RectificationType::kName);
    const QString rect = RectificationType::recordIdFor(u"audit"_s, improper);
    w.put(clerk, QString::fromUtf16(RectificationReportType::kName), {}, villages.at(2), agriculture,
          {{u"rectificationId"_s, rect},
           {u"reportedOn"_s, iso(today.addDays(-20))},
           {u"progress"_s, u"已追回 3 户补贴 3600 元，退回县级涉农专户（演示）"_s},
           {u"recoveredFen"_s, 360000}});
    w.put(clerk, rectType, rect, villages.at(2), agriculture,
          {{u"recoveredFen"_s, 360000},
           {u"responsible"_s, u"李经办"_s},
           {u"state"_s, u"applied"_s},
           {u"appliedNote"_s, u"资金已全部追回并退回原渠道，附缴款凭证（演示）"_s}});
    w.put(auditor, rectType, rect, villages.at(2), agriculture,
          {{u"state"_s, u"closed"_s}, {u"verifyNote"_s, u"经核查缴款凭证属实，同意销号（演示）"_s}});

    // The 纪委 signs for the referral and decides.
    const QString referral = ReferralType::recordIdFor(u"audit"_s, misused);
    w.put(discipline, QString::fromUtf16(ReferralType::kName), referral, town, kCounty + u"-audit"_s,
          {{u"receivedOn"_s, iso(today.addDays(-40))},
           {u"receivedBy"_s, u"陈督查"_s},
           {u"letterNo"_s, u"通审移〔%1〕3号"_s.arg(issued.year())}});
    w.put(discipline, QString::fromUtf16(AccountabilityType::kName), {}, town, kCity + u"-discipline"_s,
          {{u"person"_s, u"张某某"_s},
           {u"post"_s, u"镇财政所所长"_s},
           {u"unitName"_s, u"演示镇财政所"_s},
           {u"grounds"_s, u"embezzling"_s},
           {u"form"_s, u"party"_s},
           {u"summary"_s, u"挪用耕地地力保护补贴 1.2 万元用于办公经费（演示）"_s},
           {u"decidedOn"_s, iso(today.addDays(-10))},
           {u"decisionNo"_s, u"通纪〔%1〕27号"_s.arg(today.year())},
           {u"leadersExamined"_s, true},
           {u"leadersNote"_s, u"对分管副镇长进行诫勉谈话（一案双查）"_s},
           {u"published"_s, true},
           {u"publishedOn"_s, iso(today.addDays(-5))},
           {u"referralId"_s, referral}});
    rest.commit();
}

} // namespace sunshine
