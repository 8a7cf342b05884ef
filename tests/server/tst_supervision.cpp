// 监督 as the server keeps it, on both stores: the supervision's records written by the supervisors and the
// units that rectify, each rule answered per operation of a real push over TLS; the records the server writes
// as consequences (a warning's rectification or referral, an audit finding's rectification and referral) in
// the same push, once, and a change refused whole when its consequence cannot be written; the spot-check draw
// and its re-draw from the kept seed; inspection findings becoming warnings.
#include "common/supervision/AuditTypes.h"
#include "common/supervision/InspectionTypes.h"
#include "common/supervision/RectificationTypes.h"
#include "common/supervision/SupervisionRules.h"
#include "tests/server/WarningsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

namespace {

const QString kInspection = QString::fromUtf16(supervision::InspectionType::kName);
const QString kFinding = QString::fromUtf16(supervision::InspectionFindingType::kName);
const QString kReport = QString::fromUtf16(supervision::AuditReportType::kName);
const QString kAuditFinding = QString::fromUtf16(supervision::AuditFindingType::kName);
const QString kRectification = QString::fromUtf16(supervision::RectificationType::kName);
const QString kRectReport = QString::fromUtf16(supervision::RectificationReportType::kName);
const QString kReferral = QString::fromUtf16(supervision::ReferralType::kName);
const QString kAccountability = QString::fromUtf16(supervision::AccountabilityType::kName);

const QString kAuditor = u"county-supervisor"_s;  // 通州区审计局
const QString kDiscipline = u"city-supervisor"_s; // 市纪委监委
const QString kAuditDept = kCounty + u"-audit"_s;
const QString kDisciplineDept = kCity + u"-discipline"_s;
const QString kPovertyOffice = kCounty + u"-poverty-office"_s;

// Test types: a record whose consequence is a record its type refuses when `bad` is set.
class CauseType final : public sync::RecordType
{
public:
    CauseType()
        : RecordType(u"test-cause"_s, u"测试原因"_s)
    {}
    QList<sync::FieldSpec> fields() const override
    {
        return {sync::FieldSpec(u"bad"_s, sync::FieldKind::Boolean),
                sync::FieldSpec(u"note"_s, sync::FieldKind::Text).max(20)};
    }
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &) const override
    {
        return actor.hasRole(Role::Clerk) ? std::nullopt : std::optional<QString>(u"仅限录入员"_s);
    }
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &f,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &) const override
    {
        sync::Consequence c;
        c.type = u"test-effect"_s;
        c.recordId = sync::derivedRecordId(c.type, recordId);
        c.orgUnitId = placement.orgUnitId;
        c.fields = {{u"value"_s, f.value(u"bad"_s).toBool() ? -1 : 1}};
        return {c};
    }
};

class EffectType final : public sync::RecordType
{
public:
    EffectType()
        : RecordType(u"test-effect"_s, u"测试结果"_s)
    {}
    QList<sync::FieldSpec> fields() const override
    {
        return {sync::FieldSpec(u"value"_s, sync::FieldKind::Integer)};
    }
    // Nobody writes it but the server.
    std::optional<QString> writeDenied(const Scope &, const sync::Placement &) const override
    {
        return u"仅由服务器写入"_s;
    }

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &, const QJsonObject &f,
                                                 const sync::Placement &,
                                                 const sync::RuleContext &) const override
    {
        if (f.value(u"value"_s).toInt() < 0)
            return problem(u"value"_s, u"值不能为负"_s);
        return std::nullopt;
    }
};

} // namespace

class TestSupervision : public WarningsTest
{
    Q_OBJECT

private:
    QString put(const QString &user, const QString &type, const QString &orgUnitId, const QString &department,
                const QJsonObject &fields, QString id = {}, Answer *answer = nullptr)
    {
        if (id.isEmpty())
            id = newId();
        QJsonObject op = upsert(type, id, orgUnitId, fields);
        if (!department.isEmpty())
            op.insert(u"departmentId"_s, department);
        const Answer a = pushOne(user, op);
        if (answer)
            *answer = a;
        return a.status() == u"applied"_s ? id : QString();
    }
    Answer change(const QString &user, const QString &type, const QString &id, const QString &orgUnitId,
                  const QString &department, const QJsonObject &fields)
    {
        QJsonObject op = upsert(type, id, orgUnitId, fields);
        op.insert(u"baseVersion"_s, version(id));
        if (!department.isEmpty())
            op.insert(u"departmentId"_s, department);
        return pushOne(user, op);
    }
    qint64 countOf(const QString &type)
    {
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = ? AND deleted = 0"_s);
        q.bindText(type).exec();
        return q.next() ? q.int64(0) : -1;
    }
    QString reportId()
    {
        return put(kAuditor, kReport, kCounty, kAuditDept,
                   {{u"reportNo"_s, u"通审报〔2026〕9号"_s},
                    {u"title"_s, u"专项审计"_s},
                    {u"auditedUnit"_s, u"通州区农业农村局"_s},
                    {u"issuedOn"_s, u"2026-07-01"_s}});
    }
    QJsonObject auditFinding(const QString &report, const QString &category, const QString &order,
                             qint64 amountFen)
    {
        QJsonObject f{{u"reportId"_s, report},
                      {u"category"_s, category},
                      {u"order"_s, order},
                      {u"foundOn"_s, u"2026-07-01"_s},
                      {u"description"_s, u"问题描述"_s},
                      {u"responsibleDepartmentId"_s, kAgriculture}};
        if (amountFen > 0)
            f.insert(u"amountFen"_s, amountFen);
        return f;
    }

private slots:
    void initTestCase()
    {
        sync::RecordTypes::add(std::make_unique<CauseType>());
        sync::RecordTypes::add(std::make_unique<EffectType>());
        startWithHouseholds();
    }
    void cleanupTestCase() { stopServer(); }

    void whoWritesWhat()
    {
        setChinaTime(QDate(2026, 7, 15));
        Answer a;
        // Supervisors write the supervision's records; clerks, reviewers and leaders do not write
        // inspections.
        for (const QString &user : {kCountyClerk, kCountyReviewer, u"county-leader"_s}) {
            put(user, kReport, kCounty, kAuditDept,
                {{u"reportNo"_s, u"x"_s},
                 {u"title"_s, u"x"_s},
                 {u"auditedUnit"_s, u"x"_s},
                 {u"issuedOn"_s, u"2026-07-01"_s}},
                {}, &a);
            EXPECT_OUTCOME(a, u"FORBIDDEN"_s, QString());
        }
        QVERIFY(!reportId().isEmpty());
        // Supervisors still only read the other modules' records.
        QJsonObject op = upsert(kDisbursement, newId(), kVillage,
                                paymentFields(freshIdNumber(), u"2026-07"_s, QDate(2026, 7, 10)));
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kAuditor, op), u"FORBIDDEN"_s, QString());
        // Outside the supervisor's area: refused.
        put(kAuditor, kReport, kOtherCountyVillage.left(6) + u"000000"_s, kAuditDept,
            {{u"reportNo"_s, u"x"_s},
             {u"title"_s, u"x"_s},
             {u"auditedUnit"_s, u"x"_s},
             {u"issuedOn"_s, u"2026-07-01"_s}},
            {}, &a);
        EXPECT_OUTCOME(a, u"FORBIDDEN"_s, QString());
    }

    void auditFindingOrdersRectificationAndReferral()
    {
        setChinaTime(QDate(2026, 7, 15));
        const QString report = reportId();
        Answer a;
        // Money misused is recovered: the finding says how much (Art. 30).
        put(kAuditor, kAuditFinding, kTown, kAuditDept, auditFinding(report, u"misused"_s, u"recover"_s, 0),
            {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"amountFen"_s);

        QJsonObject f = auditFinding(report, u"misused"_s, u"recover"_s, 1200000);
        f.insert(u"referToDiscipline"_s, true);
        f.insert(u"rectifyDays"_s, 45);
        const qint64 before = countOf(kRectification);
        const QString finding = put(kAuditor, kAuditFinding, kTown, kAuditDept, f);
        QVERIFY(!finding.isEmpty());
        QCOMPARE(countOf(kRectification), before + 1);
        const QString rectId = supervision::RectificationType::recordIdFor(u"audit"_s, finding);
        const QJsonObject rect = storedFields(rectId);
        QCOMPARE(rect.value(u"source"_s).toString(), u"audit"_s);
        QCOMPARE(rect.value(u"sourceId"_s).toString(), finding);
        QCOMPARE(rect.value(u"state"_s).toString(), u"rectifying"_s);
        QCOMPARE(rect.value(u"orderedOn"_s).toString(), u"2026-07-01"_s);
        QCOMPARE(rect.value(u"dueOn"_s).toString(), u"2026-08-15"_s); // 45 days
        QCOMPARE(rect.value(u"amountFen"_s).toInteger(), 1200000);
        {
            SqlQuery q(m_server->store(), u"SELECT org_unit_id, department_id FROM records WHERE id = ?"_s);
            q.bindText(rectId).exec();
            QVERIFY(q.next());
            QCOMPARE(q.text(0), kTown);
            QCOMPARE(q.text(1), kAgriculture); // the responsible department rectifies
        }
        const QJsonObject referral =
            storedFields(supervision::ReferralType::recordIdFor(u"audit"_s, finding));
        QCOMPARE(referral.value(u"to"_s).toString(), u"discipline"_s);
        QCOMPARE(referral.value(u"state"_s).toString(), u"sent"_s);
        QCOMPARE(referral.value(u"amountFen"_s).toInteger(), 1200000);

        // Editing the finding's text orders nothing twice; what was ordered stands.
        EXPECT_APPLIED(
            change(kAuditor, kAuditFinding, finding, kTown, kAuditDept, {{u"description"_s, u"改写"_s}}));
        QCOMPARE(countOf(kRectification), before + 1);
        QCOMPARE(version(rectId), 1);
        EXPECT_OUTCOME(change(kAuditor, kAuditFinding, finding, kTown, kAuditDept, {{u"rectifyDays"_s, 90}}),
                       u"FORBIDDEN"_s, u"rectifyDays"_s);
        // Nobody enters an audit or warning rectification by hand.
        put(kAuditor, kRectification, kTown, kAgriculture,
            {{u"source"_s, u"audit"_s},
             {u"sourceId"_s, finding},
             {u"title"_s, u"x"_s},
             {u"requirement"_s, u"x"_s},
             {u"orderedOn"_s, u"2026-07-01"_s},
             {u"dueOn"_s, u"2026-08-01"_s},
             {u"state"_s, u"rectifying"_s}},
            {}, &a);
        EXPECT_OUTCOME(a, u"FORBIDDEN"_s, u"source"_s);
    }

    void rectificationLife()
    {
        setChinaTime(QDate(2026, 7, 20));
        const QString report = reportId();
        const QString finding = put(kAuditor, kAuditFinding, kVillage, kAuditDept,
                                    auditFinding(report, u"improper"_s, u"return"_s, 360000));
        QVERIFY(!finding.isEmpty());
        const QString rect = supervision::RectificationType::recordIdFor(u"audit"_s, finding);
        QCOMPARE(version(rect), 1);
        QCOMPARE(storedFields(rect).value(u"dueOn"_s).toString(), u"2026-08-30"_s); // 60 days by default

        // The unit reports progress; not on a date to come.
        Answer a;
        put(kCountyClerk, kRectReport, kVillage, kAgriculture,
            {{u"rectificationId"_s, rect},
             {u"reportedOn"_s, u"2026-07-21"_s},
             {u"progress"_s, u"已追回一半"_s}},
            {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"reportedOn"_s);
        QVERIFY(!put(kCountyClerk, kRectReport, kVillage, kAgriculture,
                     {{u"rectificationId"_s, rect},
                      {u"reportedOn"_s, u"2026-07-20"_s},
                      {u"progress"_s, u"已追回一半"_s},
                      {u"recoveredFen"_s, 180000}})
                     .isEmpty());
        // The unit cannot move its deadline nor strike itself off.
        EXPECT_OUTCOME(change(kCountyClerk, kRectification, rect, kVillage, kAgriculture,
                              {{u"dueOn"_s, u"2026-12-31"_s}}),
                       u"FORBIDDEN"_s, u"dueOn"_s);
        EXPECT_OUTCOME(change(kCountyClerk, kRectification, rect, kVillage, kAgriculture,
                              {{u"state"_s, u"closed"_s}, {u"verifyNote"_s, u"好"_s}}),
                       u"FORBIDDEN"_s, u"verifyNote"_s);
        EXPECT_OUTCOME(
            change(kCountyClerk, kRectification, rect, kVillage, kAgriculture, {{u"state"_s, u"closed"_s}}),
            u"VALIDATION_FAILED"_s, u"state"_s);
        // Applying needs the account of what was done, and the money back in full.
        EXPECT_OUTCOME(
            change(kCountyClerk, kRectification, rect, kVillage, kAgriculture, {{u"state"_s, u"applied"_s}}),
            u"VALIDATION_FAILED"_s, u"appliedNote"_s);
        EXPECT_OUTCOME(
            change(
                kCountyClerk, kRectification, rect, kVillage, kAgriculture,
                {{u"state"_s, u"applied"_s}, {u"appliedNote"_s, u"已整改"_s}, {u"recoveredFen"_s, 180000}}),
            u"VALIDATION_FAILED"_s, u"recoveredFen"_s);
        setChinaTime(QDate(2026, 7, 27));
        EXPECT_APPLIED(change(
            kCountyClerk, kRectification, rect, kVillage, kAgriculture,
            {{u"state"_s, u"applied"_s}, {u"appliedNote"_s, u"已全部追回"_s}, {u"recoveredFen"_s, 360000}}));
        QCOMPARE(storedFields(rect).value(u"appliedOn"_s).toString(), u"2026-07-27"_s);
        // A reviewer of the unit cannot strike it off either; the auditor returns it once, then strikes it
        // off.
        EXPECT_OUTCOME(change(kCountyReviewer, kRectification, rect, kVillage, kAgriculture,
                              {{u"state"_s, u"closed"_s}}),
                       u"FORBIDDEN"_s, u"state"_s);
        EXPECT_OUTCOME(
            change(kAuditor, kRectification, rect, kVillage, kAgriculture, {{u"state"_s, u"rectifying"_s}}),
            u"VALIDATION_FAILED"_s, u"verifyNote"_s);
        EXPECT_APPLIED(change(kAuditor, kRectification, rect, kVillage, kAgriculture,
                              {{u"state"_s, u"rectifying"_s}, {u"verifyNote"_s, u"缴款凭证不全"_s}}));
        EXPECT_APPLIED(change(kCountyClerk, kRectification, rect, kVillage, kAgriculture,
                              {{u"state"_s, u"applied"_s}, {u"appliedNote"_s, u"补齐凭证"_s}}));
        EXPECT_OUTCOME(
            change(kAuditor, kRectification, rect, kVillage, kAgriculture, {{u"state"_s, u"closed"_s}}),
            u"VALIDATION_FAILED"_s, u"verifyNote"_s);
        // An audit finding's rectification is struck off by the audit office that found it, not another
        // supervisor.
        QCOMPARE(storedFields(rect).value(u"verifierDepartmentId"_s).toString(), kAuditDept);
        EXPECT_OUTCOME(change(kDiscipline, kRectification, rect, kVillage, kAgriculture,
                              {{u"state"_s, u"closed"_s}, {u"verifyNote"_s, u"同意销号"_s}}),
                       u"FORBIDDEN"_s, u"state"_s);
        EXPECT_APPLIED(change(kAuditor, kRectification, rect, kVillage, kAgriculture,
                              {{u"state"_s, u"closed"_s}, {u"verifyNote"_s, u"核查属实，同意销号"_s}}));
        const QJsonObject closed = storedFields(rect);
        QCOMPARE(closed.value(u"closedOn"_s).toString(), u"2026-07-27"_s);
        QCOMPARE(closed.value(u"closedBy"_s).toString(), userId(kAuditor));
        // Closed is final: no change, no report, no deletion.
        EXPECT_OUTCOME(
            change(kAuditor, kRectification, rect, kVillage, kAgriculture, {{u"responsible"_s, u"某"_s}}),
            u"FORBIDDEN"_s, u"state"_s);
        put(kCountyClerk, kRectReport, kVillage, kAgriculture,
            {{u"rectificationId"_s, rect}, {u"reportedOn"_s, u"2026-07-27"_s}, {u"progress"_s, u"补充"_s}},
            {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"rectificationId"_s);
        QJsonObject del = remove(kRectification, rect, kVillage);
        del.insert(u"baseVersion"_s, version(rect));
        del.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kAuditor, del), u"FORBIDDEN"_s, u"state"_s);
    }

    void warningOutcomesCreateTheirRecords()
    {
        setChinaTime(QDate(2026, 6, 15));
        // Two warnings to decide: one rectified, one referred.
        QStringList ids;
        for (int n = 0; n < 2; ++n) {
            const QString person = freshIdNumber();
            for (int i = 0; i < 2; ++i)
                QVERIFY(!pay(kVillage, paymentFields(person, u"2026-05"_s, QDate(2026, 6, 14))).isEmpty());
            drain();
            ids.append(warnings::WarningType::recordIdFor(key(u"BENEFICIARY_DUPLICATE"_s, u"person"_s,
                                                              rules::personSubjectId(person),
                                                              personLine().code + u"/2026-05"_s)));
            QCOMPARE(version(ids.last()), 1);
        }
        auto take = [&](const QString &user, const QString &id, QJsonObject step) {
            step.insert(u"person"_s, u"张经办"_s);
            QJsonArray steps = storedFields(id).value(u"steps"_s).toArray();
            steps.append(step);
            return change(user, kWarning, id, kVillage, kAgriculture, {{u"steps"_s, steps}});
        };
        for (const QString &id : ids) {
            EXPECT_APPLIED(
                take(kTownReviewer, id, {{u"action"_s, u"assign"_s}, {u"assignee"_s, u"李经办"_s}}));
            EXPECT_APPLIED(take(kTownClerk, id, {{u"action"_s, u"reply"_s}}));
        }
        // A referral says to whom; a rectification's deadline lies ahead.
        EXPECT_OUTCOME(
            take(kTownClerk, ids[1],
                 {{u"action"_s, u"decide"_s}, {u"outcome"_s, u"referred"_s}, {u"note"_s, u"移送"_s}}),
            u"VALIDATION_FAILED"_s, u"steps"_s);
        EXPECT_OUTCOME(take(kTownClerk, ids[0],
                            {{u"action"_s, u"decide"_s},
                             {u"outcome"_s, u"rectifying"_s},
                             {u"note"_s, u"责令退回"_s},
                             {u"dueOn"_s, u"2026-06-15"_s}}),
                       u"VALIDATION_FAILED"_s, u"steps"_s);
        const qint64 rectBefore = countOf(kRectification);
        const qint64 refBefore = countOf(kReferral);
        EXPECT_APPLIED(take(kTownClerk, ids[0],
                            {{u"action"_s, u"decide"_s},
                             {u"outcome"_s, u"rectifying"_s},
                             {u"note"_s, u"责令退回多发的一笔"_s},
                             {u"dueOn"_s, u"2026-07-15"_s}}));
        EXPECT_APPLIED(take(kTownClerk, ids[1],
                            {{u"action"_s, u"decide"_s},
                             {u"outcome"_s, u"referred"_s},
                             {u"note"_s, u"涉嫌冒领"_s},
                             {u"referTo"_s, u"discipline"_s}}));
        QCOMPARE(countOf(kRectification), rectBefore + 1);
        QCOMPARE(countOf(kReferral), refBefore + 1);
        const QJsonObject rect =
            storedFields(supervision::RectificationType::recordIdFor(u"warning"_s, ids[0]));
        QCOMPARE(rect.value(u"dueOn"_s).toString(), u"2026-07-15"_s);
        QCOMPARE(rect.value(u"orderedOn"_s).toString(), u"2026-06-15"_s);
        QVERIFY(rect.value(u"requirement"_s).toString().contains(u"责令退回多发的一笔"_s));
        const QJsonObject ref = storedFields(supervision::ReferralType::recordIdFor(u"warning"_s, ids[1]));
        QCOMPARE(ref.value(u"to"_s).toString(), u"discipline"_s);
        QCOMPARE(ref.value(u"amountFen"_s).toInteger(), 100000); // the two payments of the evidence

        // Returned and decided again: the rectification ordered once stays one.
        EXPECT_APPLIED(take(kTownReviewer, ids[0], {{u"action"_s, u"return"_s}, {u"note"_s, u"期限过长"_s}}));
        EXPECT_APPLIED(take(kTownClerk, ids[0],
                            {{u"action"_s, u"decide"_s},
                             {u"outcome"_s, u"rectifying"_s},
                             {u"note"_s, u"限期十日"_s},
                             {u"dueOn"_s, u"2026-06-30"_s}}));
        QCOMPARE(countOf(kRectification), rectBefore + 1);

        // The audit trail names the change the server's records followed.
        QStringList details;
        {
            SqlQuery q(m_server->store(),
                       u"SELECT detail FROM audit_log WHERE target_id = ? AND action = 'record.create'"_s);
            q.bindText(supervision::ReferralType::recordIdFor(u"warning"_s, ids[1])).exec();
            while (q.next()) // read to the end: an open statement would keep this connection's snapshot
                details.append(q.text(0));
        }
        QCOMPARE(details.size(), 1);
        QVERIFY(details.first().contains(ids[1]));
        // The 纪委 signs for it and records the outcome; the unit cannot.
        const QString refId = supervision::ReferralType::recordIdFor(u"warning"_s, ids[1]);
        EXPECT_OUTCOME(change(kTownReviewer, kReferral, refId, kVillage, kAgriculture,
                              {{u"receivedOn"_s, u"2026-06-15"_s}}),
                       u"FORBIDDEN"_s, u"receivedOn"_s);
        EXPECT_OUTCOME(change(kDiscipline, kReferral, refId, kVillage, kAgriculture,
                              {{u"concludedOn"_s, u"2026-06-15"_s}, {u"outcome"_s, u"立案"_s}}),
                       u"VALIDATION_FAILED"_s, u"receivedOn"_s);
        EXPECT_APPLIED(change(kDiscipline, kReferral, refId, kVillage, kAgriculture,
                              {{u"receivedOn"_s, u"2026-06-15"_s}, {u"receivedBy"_s, u"陈督查"_s}}));
        QCOMPARE(storedFields(refId).value(u"state"_s).toString(), u"received"_s);
    }

    void consequenceRefusedRefusesTheChange()
    {
        setChinaTime(QDate(2026, 7, 20));
        const QString good = newId();
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(u"test-cause"_s, good, kVillage, {{u"bad"_s, false}})));
        QCOMPARE(storedFields(sync::derivedRecordId(u"test-effect"_s, good)).value(u"value"_s).toInt(), 1);
        // Nobody else writes the consequence's type.
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(u"test-effect"_s, newId(), kVillage, {{u"value"_s, 2}})),
                       u"FORBIDDEN"_s, QString());
        // A consequence its type refuses: the change is refused with it, and nothing of either is stored.
        const QString bad = newId();
        const QList<Answer> answers = push(
            kTownClerk, QJsonArray{upsert(u"test-cause"_s, bad, kVillage, {{u"bad"_s, true}}),
                                   upsert(u"test-cause"_s, newId(), kVillage, {{u"note"_s, u"同批其他"_s}})});
        QCOMPARE(answers.size(), 2);
        EXPECT_OUTCOME(answers.at(0), u"VALIDATION_FAILED"_s, QString());
        QVERIFY(answers.at(0).message().contains(u"值不能为负"_s));
        EXPECT_APPLIED(answers.at(1)); // the rest of the batch goes on
        QCOMPARE(version(bad), 0);
        QCOMPARE(version(sync::derivedRecordId(u"test-effect"_s, bad)), 0);
        // And an update that would break its consequence leaves the record as it was.
        QJsonObject op = upsert(u"test-cause"_s, good, kVillage, {{u"bad"_s, true}});
        op.insert(u"baseVersion"_s, 1);
        EXPECT_OUTCOME(pushOne(kTownClerk, op), u"VALIDATION_FAILED"_s, QString());
        QCOMPARE(version(good), 1);
        QCOMPARE(storedFields(good).value(u"bad"_s).toBool(), false);
    }

    void inspectionsInTheirWindows_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("quarter");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("started");
        QTest::addColumn<bool>("applied");
        // Art. 31: days 10-20 of the quarter's first month (full), 20-30 (spot checks).
        QTest::newRow("full on the 10th")
            << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 10) << QDate(2026, 7, 10) << true;
        QTest::newRow("full on the 20th")
            << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 21) << QDate(2026, 7, 20) << true;
        QTest::newRow("full on the 9th")
            << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 9) << QDate(2026, 7, 9) << false;
        QTest::newRow("full on the 21st")
            << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 21) << QDate(2026, 7, 21) << false;
        QTest::newRow("full of the wrong quarter")
            << u"full"_s << u"2026Q1"_s << QDate(2026, 7, 12) << QDate(2026, 7, 12) << false;
        QTest::newRow("spot on the 20th")
            << u"spot"_s << u"2026Q2"_s << QDate(2026, 7, 20) << QDate(2026, 7, 20) << true;
        QTest::newRow("spot on the 30th")
            << u"spot"_s << u"2026Q2"_s << QDate(2026, 7, 30) << QDate(2026, 7, 30) << true;
        QTest::newRow("spot on the 31st")
            << u"spot"_s << u"2026Q2"_s << QDate(2026, 7, 31) << QDate(2026, 7, 31) << false;
        QTest::newRow("spot in January (Q4)")
            << u"spot"_s << u"2025Q4"_s << QDate(2026, 1, 25) << QDate(2026, 1, 25) << true;
        QTest::newRow("special any day")
            << u"special"_s << u"2026Q2"_s << QDate(2026, 8, 5) << QDate(2026, 8, 5) << true;
        QTest::newRow("not a day to come")
            << u"special"_s << u"2026Q2"_s << QDate(2026, 8, 5) << QDate(2026, 8, 6) << false;
    }
    void inspectionsInTheirWindows()
    {
        QFETCH(QString, kind);
        QFETCH(QString, quarter);
        QFETCH(QDate, today);
        QFETCH(QDate, started);
        QFETCH(bool, applied);
        setChinaTime(today);
        Answer a;
        const QString id = put(kDiscipline, kInspection, kCounty, kDisciplineDept,
                               {{u"kind"_s, kind},
                                {u"quarter"_s, quarter},
                                {u"title"_s, u"督查"_s},
                                {u"startedOn"_s, iso(started)}},
                               {}, &a);
        if (applied) {
            EXPECT_APPLIED(a);
        } else {
            EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"startedOn"_s);
            return;
        }
        if (kind != u"special"_s) {
            const QJsonObject f = storedFields(id);
            const auto w = supervision::inspectionWindow(*supervision::inspectionKindFromName(kind),
                                                         *Quarter::parse(quarter));
            QCOMPARE(f.value(u"windowFrom"_s).toString(), iso(w.from));
            QCOMPARE(f.value(u"windowTo"_s).toString(), iso(w.to));
        }
    }

    void spotCheckDrawIsKeptAndRedone()
    {
        setChinaTime(QDate(2026, 10, 22));
        // Households in two villages of the county besides the registry's (startWithHouseholds).
        for (int i = 0; i < 4; ++i)
            QVERIFY(!newHousehold(kVillage2, u"抽查户%1"_s.arg(i)).isEmpty());
        const QString id = put(kDiscipline, kInspection, kCounty, kDisciplineDept,
                               {{u"kind"_s, u"spot"_s},
                                {u"quarter"_s, u"2026Q3"_s},
                                {u"title"_s, u"抽查"_s},
                                {u"startedOn"_s, u"2026-10-22"_s},
                                {u"villageCount"_s, 4},
                                {u"householdsPerVillage"_s, 2}});
        QVERIFY(!id.isEmpty());
        const QString path = u"/api/v1/supervision/inspections/%1/draw"_s.arg(id);
        // Only supervisors draw; nobody writes the draw's fields by hand.
        QCOMPARE(m_http->post(path, {}, token(kCountyClerk)).status, 403);
        EXPECT_OUTCOME(change(kDiscipline, kInspection, id, kCounty, kDisciplineDept, {{u"seed"_s, u"42"_s}}),
                       u"FORBIDDEN"_s, u"seed"_s);
        QCOMPARE(m_http->post(path, {{u"seed"_s, u"42"_s}}, token(kDiscipline)).status, 400);
        const HttpResult drawn = m_http->post(path, {}, token(kDiscipline));
        QCOMPARE(drawn.status, 201);
        const QJsonObject f = storedFields(id);
        QVERIFY(!f.value(u"seed"_s).toString().isEmpty());
        QCOMPARE(f.value(u"drawnOn"_s).toString(), u"2026-10-22"_s);
        const QJsonArray villages = f.value(u"drawnVillages"_s).toArray();
        QCOMPARE(villages.size(), 4);
        QVERIFY(f.value(u"villagePopulation"_s).toInt() > 4);
        QSet<QString> distinct;
        for (const QJsonValue &v : villages) {
            distinct.insert(v.toObject().value(u"id"_s).toString());
            QVERIFY(v.toObject().value(u"id"_s).toString().startsWith(kCounty.left(6)));
        }
        QCOMPARE(distinct.size(), 4);
        for (const QJsonValue &h : f.value(u"drawnHouseholds"_s).toArray())
            QVERIFY(distinct.contains(h.toObject().value(u"villageId"_s).toString()));
        // The same draw again, from the kept seed, by anyone who may read it.
        const HttpResult check = m_http->get(path, token(kCountyReviewer));
        QCOMPARE(check.status, 200);
        QVERIFY(check.json.value(u"samePopulation"_s).toBool());
        QVERIFY(check.json.value(u"sameVillages"_s).toBool());
        QVERIFY(check.json.value(u"sameHouseholds"_s).toBool());
        // Not twice; the scope of a drawn inspection stands.
        QCOMPARE(m_http->post(path, {}, token(kDiscipline)).status, 409);
        EXPECT_OUTCOME(
            change(kDiscipline, kInspection, id, kCounty, kDisciplineDept, {{u"villageCount"_s, 2}}),
            u"FORBIDDEN"_s, u"villageCount"_s);
        // A full inspection is not drawn; an unknown one is not found.
        const QString full = put(kDiscipline, kInspection, kCounty, kDisciplineDept,
                                 {{u"kind"_s, u"special"_s},
                                  {u"quarter"_s, u"2026Q3"_s},
                                  {u"title"_s, u"专项"_s},
                                  {u"startedOn"_s, u"2026-10-22"_s}});
        QCOMPARE(m_http->post(u"/api/v1/supervision/inspections/%1/draw"_s.arg(full), {}, token(kDiscipline))
                     .status,
                 422);
        QCOMPARE(m_http->post(u"/api/v1/supervision/inspections/nope/draw"_s, {}, token(kDiscipline)).status,
                 404);
    }

    void findingsBecomeWarnings()
    {
        setChinaTime(QDate(2026, 10, 15));
        const QString inspection = put(kDiscipline, kInspection, kCounty, kDisciplineDept,
                                       {{u"kind"_s, u"full"_s},
                                        {u"quarter"_s, u"2026Q3"_s},
                                        {u"title"_s, u"全面督查"_s},
                                        {u"startedOn"_s, u"2026-10-12"_s}});
        QVERIFY(!inspection.isEmpty());
        Answer a;
        // A finding names the department that must answer for it, and lies where the inspection looked.
        put(kDiscipline, kFinding, kVillage, {},
            {{u"inspectionId"_s, inspection},
             {u"subject"_s, u"visit"_s},
             {u"description"_s, u"走访照片不符"_s},
             {u"severity"_s, u"yellow"_s},
             {u"foundOn"_s, u"2026-10-14"_s}},
            {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"description"_s);
        put(kDiscipline, kFinding, kOtherCountyVillage, kPovertyOffice,
            {{u"inspectionId"_s, inspection},
             {u"subject"_s, u"visit"_s},
             {u"description"_s, u"走访照片不符"_s},
             {u"severity"_s, u"yellow"_s},
             {u"foundOn"_s, u"2026-10-14"_s}},
            {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"inspectionId"_s);
        const QString finding = put(kDiscipline, kFinding, kVillage, kPovertyOffice,
                                    {{u"inspectionId"_s, inspection},
                                     {u"subject"_s, u"visit"_s},
                                     {u"description"_s, u"走访照片不符"_s},
                                     {u"severity"_s, u"orange"_s},
                                     {u"foundOn"_s, u"2026-10-14"_s}});
        QVERIFY(!finding.isEmpty());
        drain();
        const QString warningId =
            warnings::WarningType::recordIdFor(key(u"INSPECTION_FINDING"_s, kFinding, finding, QString()));
        const QJsonObject w = storedFields(warningId);
        QCOMPARE(w.value(u"severity"_s).toString(), u"orange"_s);
        QVERIFY(w.value(u"summary"_s).toString().contains(u"走访照片不符"_s));
        SqlQuery q(m_server->store(), u"SELECT org_unit_id, department_id FROM records WHERE id = ?"_s);
        q.bindText(warningId).exec();
        QVERIFY(q.next());
        QCOMPARE(q.text(0), kVillage);
        QCOMPARE(q.text(1), kPovertyOffice);
        // A second run raises nothing new.
        const qint64 count = warningCount();
        fullRun();
        QCOMPARE(warningCount(), count);
    }

    void accountability()
    {
        setChinaTime(QDate(2026, 10, 15));
        Answer a;
        QJsonObject f{{u"person"_s, u"张某"_s},          {u"grounds"_s, u"falsifying"_s},
                      {u"form"_s, u"admonition"_s},      {u"summary"_s, u"虚报走访"_s},
                      {u"decidedOn"_s, u"2026-10-10"_s}, {u"leadersExamined"_s, true}};
        put(kDiscipline, kAccountability, kTown, kDisciplineDept, f, {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"leadersNote"_s);
        f.insert(u"leadersNote"_s, u"对分管领导诫勉谈话"_s);
        f.insert(u"published"_s, true);
        put(kDiscipline, kAccountability, kTown, kDisciplineDept, f, {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"publishedOn"_s);
        f.insert(u"publishedOn"_s, u"2026-10-09"_s);
        put(kDiscipline, kAccountability, kTown, kDisciplineDept, f, {}, &a);
        EXPECT_OUTCOME(a, u"VALIDATION_FAILED"_s, u"publishedOn"_s);
        f.insert(u"publishedOn"_s, u"2026-10-12"_s);
        EXPECT_APPLIED([&] {
            put(kDiscipline, kAccountability, kTown, kDisciplineDept, f, {}, &a);
            return a;
        }());
        put(kTownReviewer, kAccountability, kTown, {}, f, {}, &a);
        EXPECT_OUTCOME(a, u"FORBIDDEN"_s, QString());
    }
};

QTEST_GUILESS_MAIN(TestSupervision)
#include "tst_supervision.moc"
