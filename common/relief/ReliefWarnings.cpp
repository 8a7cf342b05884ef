#include "common/relief/ReliefWarnings.h"

#include "common/core/Money.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefRules.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

using rules::Finding;
using rules::FindingSink;
using rules::RuleData;
using rules::RuleFilter;
using rules::RuleRecord;
using rules::RuleRun;

namespace {

const QString kHelpRequest = QString::fromUtf16(HelpRequestType::kName);
const QString kPairing = QString::fromUtf16(PairingType::kName);
const QString kVisit = QString::fromUtf16(VisitType::kName);
const QString kPovertyOffice = u"poverty-office"_s;

} // namespace

// --- HELP_REQUEST_OVERDUE ---------------------------------------------------------------------------------

HelpRequestOverdueRule::HelpRequestOverdueRule()
    : Rule({u"HELP_REQUEST_OVERDUE"_s,
            u"求助办理超期"_s,
            u"第二十一条"_s,
            u"求助事项 5 个工作日内未答复，或收到交办单后 10 个工作日内未办结"_s,
            {kHelpRequest}})
{}

void HelpRequestOverdueRule::check(RuleData &data, const RuleRun &run, const RuleFilter &filter,
                                   const FindingSink &sink) const
{
    data.scan(kHelpRequest, filter, [&](const RuleRecord &r) {
        const auto late = HelpRequestType::overdue(r.fields, run.today, *run.calendar);
        if (!late)
            return;
        const bool answer = late->deadline == u"answer"_s;
        Finding f = finding(kHelpRequest, r.id, late->deadline, rules::Severity::Orange);
        const QString category =
            HelpRequestType().field(u"category"_s)->choiceLabel(r.fields.value(u"category"_s).toString());
        f.summary =
            answer
                ? u"%1 提出的%2求助应于 %3 前答复，至今未答复"_s.arg(
                      r.fields.value(u"raisedOn"_s).toString(), category, late->due.toString(Qt::ISODate))
                : u"%1 收到交办单的%2求助应于 %3 前办结，至今未办结"_s.arg(
                      r.fields.value(u"assignedOn"_s).toString(), category, late->due.toString(Qt::ISODate));
        f.evidence = QJsonObject{{u"deadline"_s, late->deadline},
                                 {u"due"_s, late->due.toString(Qt::ISODate)},
                                 {u"raisedOn"_s, r.fields.value(u"raisedOn"_s)},
                                 {u"assignedOn"_s, r.fields.value(u"assignedOn"_s)},
                                 {u"assignedTo"_s, r.fields.value(u"assignedTo"_s)},
                                 {u"category"_s, category},
                                 {u"lookupCode"_s, r.fields.value(u"lookupCode"_s)}};
        f.recordIds = {r.id};
        f.placeAt(r);
        f.ownerDepartment = kPovertyOffice;
        sink(std::move(f));
    });
}

void HelpRequestOverdueRule::evaluate(RuleData &data, const RuleRun &run, const FindingSink &sink) const
{
    RuleFilter open;
    open.sql = [](const rules::FieldSql &field) {
        return rules::SqlCondition{field(u"resultOn"_s) + u" IS NULL"_s, {}};
    };
    check(data, run, open, sink);
}

void HelpRequestOverdueRule::evaluateTouched(RuleData &data, const RuleRun &run,
                                             const QList<RuleRecord> &touched, const FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kHelpRequest);
    if (ids.isEmpty())
        return;
    RuleFilter these;
    these.ids = ids;
    check(data, run, these, sink);
}

// --- VISIT_MISSING ----------------------------------------------------------------------------------------

VisitMissingRule::VisitMissingRule()
    : Rule({u"VISIT_MISSING"_s,
            u"走访缺失"_s,
            u"第十八条至第二十条"_s,
            u"季度走访录入截止后，在走访期内有效的结对没有该季度的走访记录"_s,
            {kPairing}})
{}

Quarter VisitMissingRule::quarterDue(QDate today)
{
    Quarter q = Quarter::of(today);
    while (visitWindow(q).entryClosesOn > today)
        q = q.previous();
    return q;
}

void VisitMissingRule::check(RuleData &data, const RuleRun &run, const QStringList &pairingIds,
                             const FindingSink &sink) const
{
    const Quarter quarter = quarterDue(run.today);
    const VisitWindow window = visitWindow(quarter);
    QSet<QString> visited;
    RuleFilter ofQuarter;
    ofQuarter.equals = {{u"quarter"_s, quarter.toString()}};
    if (!pairingIds.isEmpty())
        ofQuarter.any = {{u"pairingId"_s, pairingIds}};
    data.scan(kVisit, ofQuarter,
              [&](const RuleRecord &r) { visited.insert(r.fields.value(u"pairingId"_s).toString()); });
    RuleFilter pairings;
    pairings.ids = pairingIds;
    data.scan(kPairing, pairings, [&](const RuleRecord &r) {
        const QDate start = sync::RecordType::dateOf(r.fields, u"startDate"_s);
        const QDate end = sync::RecordType::dateOf(r.fields, u"endDate"_s);
        if (!start.isValid() || start > window.closes || (end.isValid() && end < window.opens))
            return; // not in force during the window
        if (visited.contains(r.id))
            return;
        Finding f = finding(kPairing, r.id, quarter.toString(), rules::Severity::Yellow);
        f.summary = u"%1 结对帮扶没有走访记录（走访期 %2 至 %3）"_s.arg(
            quarter.chineseName(), window.opens.toString(Qt::ISODate), window.closes.toString(Qt::ISODate));
        f.evidence = QJsonObject{{u"quarter"_s, quarter.toString()},
                                 {u"windowOpens"_s, window.opens.toString(Qt::ISODate)},
                                 {u"windowCloses"_s, window.closes.toString(Qt::ISODate)},
                                 {u"helperId"_s, r.fields.value(u"helperId"_s)},
                                 {u"householdId"_s, r.fields.value(u"householdId"_s)},
                                 {u"startDate"_s, r.fields.value(u"startDate"_s)}};
        f.recordIds = {r.id, r.fields.value(u"householdId"_s).toString()};
        f.placeAt(r);
        f.ownerDepartment = kPovertyOffice;
        sink(std::move(f));
    });
}

void VisitMissingRule::evaluate(RuleData &data, const RuleRun &run, const FindingSink &sink) const
{
    check(data, run, {}, sink);
}

void VisitMissingRule::evaluateTouched(RuleData &data, const RuleRun &run, const QList<RuleRecord> &touched,
                                       const FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kPairing);
    if (!ids.isEmpty())
        check(data, run, ids, sink);
}

} // namespace sunshine::relief

namespace sunshine::relief {

namespace {

const QString kHousehold = QString::fromUtf16(HouseholdType::kName);
const QString kIncome = QString::fromUtf16(HouseholdIncomeType::kName);
const QString kExitCase = QString::fromUtf16(ExitCaseType::kName);

} // namespace

// --- HOUSEHOLD_ABOVE_LINE ---------------------------------------------------------------------------------

HouseholdAboveLineRule::HouseholdAboveLineRule()
    : Rule({u"HOUSEHOLD_ABOVE_LINE"_s,
            u"收入超线未退出"_s,
            u"第八条、第十条"_s,
            u"在册低收入户近四个季度人均收入达到 7000 元/年，尚未启动退出"_s,
            {kHousehold, kIncome, kExitCase}})
{}

void HouseholdAboveLineRule::check(RuleData &data, const QStringList &householdIds,
                                   const FindingSink &sink) const
{
    RuleFilter registered;
    registered.equals = {{u"status"_s, u"registered"_s}};
    registered.ids = householdIds;
    QHash<QString, RuleRecord> households;
    data.scan(kHousehold, registered, [&](const RuleRecord &r) { households.insert(r.id, r); });
    if (households.isEmpty())
        return;
    const QStringList ids = households.keys();
    RuleFilter ofThem;
    if (!householdIds.isEmpty())
        ofThem.any = {{u"householdId"_s, ids}};
    QSet<QString> exiting;
    data.scan(kExitCase, ofThem, [&](const RuleRecord &r) {
        if (ExitCaseType::begun(r.fields))
            exiting.insert(r.fields.value(u"householdId"_s).toString());
    });
    QHash<QString, QList<QJsonObject>> incomes;
    data.scan(kIncome, ofThem, [&](const RuleRecord &r) {
        const QString h = r.fields.value(u"householdId"_s).toString();
        if (households.contains(h) && !exiting.contains(h))
            incomes[h].append(r.fields);
    });
    for (auto it = incomes.constBegin(); it != incomes.constEnd(); ++it) {
        const PerCapitaIncome income = HouseholdIncomeType::perCapitaOf(it.value());
        if (!income.atOrAboveLine)
            continue;
        Quarter latest;
        for (const QJsonObject &f : it.value()) {
            const std::optional<Quarter> q = Quarter::parse(f.value(u"quarter"_s).toString());
            if (q && (!latest.isValid() || latest < *q))
                latest = *q;
        }
        const RuleRecord &h = households.value(it.key());
        Finding f = finding(kHousehold, h.id, latest.toString(), rules::Severity::Orange);
        f.summary = u"%1户近四个季度（至 %2）人均收入 %3 元，达到 7000 元线，尚未启动退出"_s.arg(
            h.fields.value(u"headName"_s).toString(), latest.chineseName(),
            money::formatYuan(income.perCapitaFen));
        f.evidence = QJsonObject{{u"householdNo"_s, h.fields.value(u"householdNo"_s)},
                                 {u"headName"_s, h.fields.value(u"headName"_s)},
                                 {u"upTo"_s, latest.toString()},
                                 {u"annualFen"_s, income.annualFen},
                                 {u"perCapitaFen"_s, income.perCapitaFen},
                                 {u"quartersRecorded"_s, income.quartersRecorded},
                                 {u"lineFen"_s, kIncomeLineFenPerPersonYear}};
        f.recordIds = {h.id};
        f.placeAt(h);
        f.ownerDepartment = kPovertyOffice;
        sink(std::move(f));
    }
}

void HouseholdAboveLineRule::evaluate(RuleData &data, const RuleRun &, const FindingSink &sink) const
{
    check(data, {}, sink);
}

void HouseholdAboveLineRule::evaluateTouched(RuleData &data, const RuleRun &,
                                             const QList<RuleRecord> &touched, const FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kHousehold, u"householdId"_s);
    if (!ids.isEmpty())
        check(data, ids, sink);
}

} // namespace sunshine::relief
