#include "common/funds/FundWarnings.h"

#include "common/core/Money.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundFlowTypes.h"
#include "common/funds/FundTypes.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

using rules::Finding;
using rules::FindingSink;
using rules::RuleData;
using rules::RuleFilter;
using rules::RuleRecord;
using rules::RuleRun;

namespace {

const QString kDisbursement = QString::fromUtf16(DisbursementType::kName);
const QString kAllocation = QString::fromUtf16(AllocationType::kName);

} // namespace

PaymentsEvidence paymentsEvidence(const QList<RuleRecord> &payments)
{
    PaymentsEvidence e;
    for (const RuleRecord &r : payments) {
        const qint64 fen = sync::RecordType::fenOf(r.fields, u"amountFen"_s);
        e.totalFen += fen;
        e.ids.append(r.id);
        e.items.append(QJsonObject{{u"id"_s, r.id},
                                   {u"orgUnitId"_s, r.orgUnitId},
                                   {u"recipientName"_s, r.text(u"recipientName"_s)},
                                   {u"period"_s, r.text(u"period"_s)},
                                   {u"paidOn"_s, r.text(u"paidOn"_s)},
                                   {u"amountFen"_s, fen}});
    }
    return e;
}

// --- BENEFICIARY_DUPLICATE --------------------------------------------------------------------------------

BeneficiaryDuplicateRule::BeneficiaryDuplicateRule()
    : Rule({u"BENEFICIARY_DUPLICATE"_s,
            u"重复享受"_s,
            u"第二十七条、第二十八条"_s,
            u"同一身份证号在同一资金项目、同一所属期内被发放两次及以上（全市范围）"_s,
            {kDisbursement}})
{}

void BeneficiaryDuplicateRule::raise(const QList<RuleRecord> &group, const FindingSink &sink) const
{
    if (group.size() < 2)
        return;
    const RuleRecord &first = group.first();
    const QString idNumber = first.text(u"idNumber"_s).toUpper();
    const QString fundCode = first.text(u"fundCode"_s);
    const QString period = first.text(u"period"_s);
    for (const RuleRecord &r : group) {
        // The store grouped them; the rule decides.
        if (r.text(u"idNumber"_s).toUpper() != idNumber || r.text(u"fundCode"_s) != fundCode ||
            r.text(u"period"_s) != period)
            return;
    }
    const PaymentsEvidence paid = paymentsEvidence(group);
    const qint64 total = paid.totalFen;
    const QJsonArray &payments = paid.items;
    const QStringList &ids = paid.ids;
    Finding f = finding(u"person"_s, rules::personSubjectId(idNumber), fundCode + u'/' + period,
                        rules::Severity::Red);
    f.summary = u"%1 在“%2”%3 期被发放 %4 次，合计 %5 元"_s
                    .arg(first.text(u"recipientName"_s), fundLineName(fundCode), period)
                    .arg(group.size())
                    .arg(money::formatYuan(total));
    f.evidence = QJsonObject{{u"fundCode"_s, fundCode}, {u"fundName"_s, fundLineName(fundCode)},
                             {u"period"_s, period},     {u"count"_s, int(group.size())},
                             {u"totalFen"_s, total},    {u"payments"_s, payments}};
    f.recordIds = ids;
    f.idNumber = idNumber;
    rules::placeAtCommonUnit(f, group);
    f.ownerDepartment = leadDepartmentOf(fundCode);
    f.copyToDiscipline = true;
    sink(std::move(f));
}

void BeneficiaryDuplicateRule::evaluate(RuleData &data, const RuleRun &, const FindingSink &sink) const
{
    data.groups(kDisbursement, {u"idNumber"_s, u"fundCode"_s, u"period"_s}, RuleFilter{},
                [&](const QList<RuleRecord> &group) { raise(group, sink); });
}

void BeneficiaryDuplicateRule::evaluateTouched(RuleData &data, const RuleRun &,
                                               const QList<RuleRecord> &touched,
                                               const FindingSink &sink) const
{
    QSet<QString> numbers;
    for (const RuleRecord &r : touched) {
        if (r.type == kDisbursement && !r.text(u"idNumber"_s).isEmpty())
            numbers.insert(r.text(u"idNumber"_s));
    }
    if (numbers.isEmpty())
        return;
    RuleFilter filter;
    filter.any.append({u"idNumber"_s, QStringList(numbers.cbegin(), numbers.cend())});
    data.groups(kDisbursement, {u"idNumber"_s, u"fundCode"_s, u"period"_s}, filter,
                [&](const QList<RuleRecord> &group) { raise(group, sink); });
}

// --- ENTRY_OVERDUE ----------------------------------------------------------------------------------------

EntryOverdueRule::EntryOverdueRule()
    : Rule(
          {u"ENTRY_OVERDUE"_s,
           u"录入超期"_s,
           u"第六条、第七条"_s,
           u"资金发放晚于录入期限录入（按村、资金项目、所属期和录入日期归并）；省级以上资金指标逾期未报市或报市超期"_s,
           {kDisbursement, kAllocation}})
{}

QList<rules::RuleParameter> EntryOverdueRule::parameters() const
{
    return {{u"minCount"_s, u"同一批逾期录入至少几笔才预警"_s, 1, 1, 1000}};
}

void EntryOverdueRule::lateEntries(RuleData &data, const RuleRun &run, const RuleFilter &filter,
                                   const FindingSink &sink) const
{
    struct Batch
    {
        QList<RuleRecord> records; // the first kMaxListed
        int count = 0;
        qint64 totalFen = 0;
        QDate due;
        QDate entered;
        QString fundCode;
        QString period;
        RuleRecord first;
    };
    QMap<QString, Batch> batches; // by unit, line, period and day of entry
    data.scan(kDisbursement, filter, [&](const RuleRecord &r) {
        if (!DisbursementType::enteredLate(r.fields))
            return;
        const QString key = r.orgPath + u'|' + r.text(u"fundCode"_s) + u'|' + r.text(u"period"_s) + u'|' +
                            r.text(u"enteredOn"_s);
        Batch &b = batches[key];
        if (b.count == 0) {
            b.first = r;
            b.fundCode = r.text(u"fundCode"_s);
            b.period = r.text(u"period"_s);
            b.entered = sync::RecordType::dateOf(r.fields, u"enteredOn"_s);
        }
        ++b.count;
        b.totalFen += sync::RecordType::fenOf(r.fields, u"amountFen"_s);
        const QDate due = sync::RecordType::dateOf(r.fields, u"entryDueOn"_s);
        if (!b.due.isValid() || due < b.due)
            b.due = due;
        if (b.records.size() < kMaxListed)
            b.records.append(r);
    });
    for (const Batch &b : std::as_const(batches)) {
        if (b.count < run.parameter(u"minCount"_s))
            continue;
        Finding f = finding(u"village"_s, b.first.orgUnitId,
                            b.fundCode + u'/' + b.period + u'/' + b.entered.toString(Qt::ISODate),
                            rules::Severity::Yellow);
        f.summary =
            u"“%1”%2 期 %3 笔发放于 %4 录入，超过录入期限 %5"_s.arg(fundLineName(b.fundCode), b.period)
                .arg(b.count)
                .arg(b.entered.toString(Qt::ISODate), b.due.toString(Qt::ISODate));
        QStringList ids;
        for (const RuleRecord &r : b.records)
            ids.append(r.id);
        f.evidence = QJsonObject{{u"fundCode"_s, b.fundCode},
                                 {u"fundName"_s, fundLineName(b.fundCode)},
                                 {u"period"_s, b.period},
                                 {u"count"_s, b.count},
                                 {u"totalFen"_s, b.totalFen},
                                 {u"entryDueOn"_s, b.due.toString(Qt::ISODate)},
                                 {u"enteredOn"_s, b.entered.toString(Qt::ISODate)}};
        f.recordIds = ids;
        f.placeAt(b.first);
        f.ownerDepartment = leadDepartmentOf(b.fundCode);
        f.copyToDiscipline = true;
        sink(std::move(f));
    }
}

void EntryOverdueRule::allocations(RuleData &data, const RuleRun &run, const RuleFilter &filter,
                                   const FindingSink &sink) const
{
    data.scan(kAllocation, filter, [&](const RuleRecord &r) {
        // The report to the city of Art. 6 (一) only (an allocation without one has no report due).
        if (r.text(u"reportDueOn"_s).isEmpty())
            return;
        const DeadlineState d = AllocationType::deadlineState(r.fields, run.today, *run.calendar);
        if (d.status != EntryStatus::Overdue && d.status != EntryStatus::EnteredLate)
            return;
        const QString fundCode = r.text(u"fundCode"_s);
        Finding f = finding(kAllocation, r.id, QString(), rules::Severity::Yellow);
        const QString amount = money::formatYuan(sync::RecordType::fenOf(r.fields, u"amountFen"_s));
        f.summary =
            d.status == EntryStatus::Overdue
                ? u"“%1”资金指标 %2 元（%3）应于 %4 前报市，至今未报"_s.arg(
                      fundLineName(fundCode), amount, r.text(u"documentNo"_s), d.due.toString(Qt::ISODate))
                : u"“%1”资金指标 %2 元（%3）应于 %4 前报市，%5 才报"_s.arg(
                      fundLineName(fundCode), amount, r.text(u"documentNo"_s), d.due.toString(Qt::ISODate),
                      r.text(u"reportedOn"_s));
        f.evidence = QJsonObject{{u"fundCode"_s, fundCode},
                                 {u"fundName"_s, fundLineName(fundCode)},
                                 {u"documentNo"_s, r.text(u"documentNo"_s)},
                                 {u"amountFen"_s, sync::RecordType::fenOf(r.fields, u"amountFen"_s)},
                                 {u"receivedOn"_s, r.text(u"receivedOn"_s)},
                                 {u"reportDueOn"_s, d.due.toString(Qt::ISODate)},
                                 {u"reportedOn"_s, r.text(u"reportedOn"_s)}};
        f.recordIds = {r.id};
        f.placeAt(r);
        f.ownerDepartment = leadDepartmentOf(fundCode);
        f.copyToDiscipline = true;
        sink(std::move(f));
    });
}

void EntryOverdueRule::evaluate(RuleData &data, const RuleRun &run, const FindingSink &sink) const
{
    RuleFilter late;
    late.sql = [](const rules::FieldSql &field) {
        return rules::SqlCondition{DisbursementType::enteredLateSql(field), {}};
    };
    lateEntries(data, run, late, sink);
    RuleFilter due;
    due.nonEmpty = {u"reportDueOn"_s};
    allocations(data, run, due, sink);
}

void EntryOverdueRule::evaluateTouched(RuleData &data, const RuleRun &run, const QList<RuleRecord> &touched,
                                       const FindingSink &sink) const
{
    // A late payment brings in its batch: the late entries of its village, line and period.
    QSet<QString> seen;
    QStringList allocationIds;
    for (const RuleRecord &r : touched) {
        if (r.type == kAllocation) {
            allocationIds.append(r.id);
            continue;
        }
        if (r.type != kDisbursement || !DisbursementType::enteredLate(r.fields))
            continue;
        const QString key = r.orgPath + u'|' + r.text(u"fundCode"_s) + u'|' + r.text(u"period"_s);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        RuleFilter batch;
        batch.orgPath = r.orgPath;
        batch.equals = {{u"fundCode"_s, r.text(u"fundCode"_s)}, {u"period"_s, r.text(u"period"_s)}};
        batch.sql = [](const rules::FieldSql &field) {
            return rules::SqlCondition{DisbursementType::enteredLateSql(field), {}};
        };
        lateEntries(data, run, batch, sink);
    }
    if (!allocationIds.isEmpty()) {
        RuleFilter these;
        these.ids = allocationIds;
        allocations(data, run, these, sink);
    }
}

} // namespace sunshine::funds

namespace sunshine::funds {

namespace {

const QString kHousehold = QString::fromUtf16(relief::HouseholdType::kName);
const QString kExitCase = QString::fromUtf16(relief::ExitCaseType::kName);

} // namespace

// --- PAID_AFTER_EXIT --------------------------------------------------------------------------------------

PaidAfterExitRule::PaidAfterExitRule()
    : Rule({u"PAID_AFTER_EXIT"_s,
            u"退出后仍发放"_s,
            u"第五条、第十条、第二十七条"_s,
            u"县级确认退出的户，在确认日期之后仍领取扶贫济困资金"_s,
            {kDisbursement, kHousehold, kExitCase}})
{}

QList<rules::RuleParameter> PaidAfterExitRule::parameters() const
{
    return {{u"graceDays"_s, u"确认退出后不预警的天数"_s, 0, 0, 366}};
}

void PaidAfterExitRule::check(RuleData &data, const RuleRun &run, const QStringList &householdIds,
                              const FindingSink &sink) const
{
    // The exited households and the day each exit was confirmed.
    RuleFilter exited;
    exited.equals = {{u"status"_s, u"exited"_s}};
    exited.ids = householdIds;
    QHash<QString, RuleRecord> households;
    QHash<QString, QString> caseOf; // exit case -> household
    data.scan(kHousehold, exited, [&](const RuleRecord &r) {
        households.insert(r.id, r);
        caseOf.insert(r.fields.value(u"exitCaseId"_s).toString(), r.id);
    });
    caseOf.remove(QString());
    if (caseOf.isEmpty())
        return;
    QHash<QString, QDate> exitOn;
    RuleFilter cases;
    cases.ids = caseOf.keys();
    data.scan(kExitCase, cases, [&](const RuleRecord &r) {
        const QDate confirmed = relief::ExitCaseType::confirmedOn(r.fields);
        if (confirmed.isValid())
            exitOn.insert(caseOf.value(r.id), confirmed);
    });
    if (exitOn.isEmpty())
        return;
    RuleFilter payments;
    payments.any = {{u"householdId"_s, exitOn.keys()}};
    const qint64 grace = run.parameter(u"graceDays"_s);
    data.scan(kDisbursement, payments, [&](const RuleRecord &r) {
        const QString household = r.text(u"householdId"_s);
        const QDate confirmed = exitOn.value(household);
        const QDate paid = sync::RecordType::dateOf(r.fields, u"paidOn"_s);
        const std::optional<FundLine> line = findFundLine(r.text(u"fundCode"_s));
        if (!confirmed.isValid() || !paid.isValid() || paid <= confirmed.addDays(grace) || !line ||
            !isReliefFund(line->kind))
            return;
        const RuleRecord &h = households.value(household);
        Finding f = finding(kDisbursement, r.id, QString(), rules::Severity::Red);
        f.summary = u"%1户已于 %2 确认退出，%3 仍领取“%4”%5 元"_s.arg(
            h.fields.value(u"headName"_s).toString(), confirmed.toString(Qt::ISODate),
            paid.toString(Qt::ISODate), line->name,
            money::formatYuan(sync::RecordType::fenOf(r.fields, u"amountFen"_s)));
        f.evidence = QJsonObject{{u"fundCode"_s, line->code},
                                 {u"fundName"_s, line->name},
                                 {u"period"_s, r.text(u"period"_s)},
                                 {u"paidOn"_s, paid.toString(Qt::ISODate)},
                                 {u"amountFen"_s, sync::RecordType::fenOf(r.fields, u"amountFen"_s)},
                                 {u"exitConfirmedOn"_s, confirmed.toString(Qt::ISODate)},
                                 {u"householdNo"_s, h.fields.value(u"householdNo"_s)}};
        f.recordIds = {r.id, household};
        f.idNumber = r.text(u"idNumber"_s);
        f.placeAt(r);
        f.ownerDepartment = leadDepartmentOf(line->code);
        f.copyToDiscipline = true;
        sink(std::move(f));
    });
}

void PaidAfterExitRule::evaluate(RuleData &data, const RuleRun &run, const FindingSink &sink) const
{
    check(data, run, {}, sink);
}

void PaidAfterExitRule::evaluateTouched(RuleData &data, const RuleRun &run, const QList<RuleRecord> &touched,
                                        const FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kHousehold, u"householdId"_s);
    if (!ids.isEmpty())
        check(data, run, ids, sink);
}

} // namespace sunshine::funds

namespace sunshine::funds {

namespace {

const QString kReturn = QString::fromUtf16(ReturnType::kName);

} // namespace

// --- RETURNS_UNDISTRIBUTED --------------------------------------------------------------------------------

ReturnsUndistributedRule::ReturnsUndistributedRule()
    : Rule({u"RETURNS_UNDISTRIBUTED"_s,
            u"收益未分配"_s,
            u"第二十八条"_s,
            u"资产收益确认后超过规定天数仍未全部分配到村、到户"_s,
            {kReturn}})
{}

QList<rules::RuleParameter> ReturnsUndistributedRule::parameters() const
{
    return {{u"graceDays"_s, u"收益确认后应分配完毕的天数"_s, 90, 1, 730}};
}

void ReturnsUndistributedRule::check(RuleData &data, const RuleRun &run, const QStringList &ids,
                                     const FindingSink &sink) const
{
    RuleFilter these;
    these.ids = ids;
    const qint64 grace = run.parameter(u"graceDays"_s);
    data.scan(kReturn, these, [&](const RuleRecord &r) {
        const QDate received = sync::RecordType::dateOf(r.fields, u"receivedOn"_s);
        const qint64 income = sync::RecordType::fenOf(r.fields, u"incomeFen"_s);
        const qint64 distributed = ReturnType::distributedFen(r.fields);
        if (!received.isValid() || distributed >= income || run.today <= received.addDays(grace))
            return;
        const QString fundCode = r.text(u"fundCode"_s);
        Finding f = finding(kReturn, r.id, QString(), rules::Severity::Orange);
        f.summary = u"“%1”收益 %2 元于 %3 确认，%4 天后仍有 %5 元未分配"_s.arg(
            r.text(u"asset"_s), money::formatYuan(income), received.toString(Qt::ISODate),
            QString::number(received.daysTo(run.today)), money::formatYuan(income - distributed));
        f.evidence = QJsonObject{
            {u"fundCode"_s, fundCode},          {u"fundName"_s, fundLineName(fundCode)},
            {u"asset"_s, r.text(u"asset"_s)},   {u"incomeFen"_s, income},
            {u"distributedFen"_s, distributed}, {u"receivedOn"_s, received.toString(Qt::ISODate)}};
        f.recordIds = {r.id};
        f.placeAt(r);
        f.ownerDepartment = leadDepartmentOf(fundCode);
        f.copyToDiscipline = true;
        sink(std::move(f));
    });
}

void ReturnsUndistributedRule::evaluate(RuleData &data, const RuleRun &run, const FindingSink &sink) const
{
    check(data, run, {}, sink);
}

void ReturnsUndistributedRule::evaluateTouched(RuleData &data, const RuleRun &run,
                                               const QList<RuleRecord> &touched,
                                               const FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kReturn);
    if (!ids.isEmpty())
        check(data, run, ids, sink);
}

} // namespace sunshine::funds
