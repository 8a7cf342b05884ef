#include "common/portal/ComplaintWarnings.h"

#include "common/portal/ComplaintType.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::portal {

namespace {
const QString kComplaint = QString::fromUtf16(ComplaintType::kName);
}

ComplaintOverdueRule::ComplaintOverdueRule()
    : Rule({u"COMPLAINT_OVERDUE"_s,
            u"投诉办理超期"_s,
            u"第二十一条、第二十四条"_s,
            u"承办部门收到交办单后 5 个工作日内未回复，或 10 个工作日内未上报调查处理结果"_s,
            {kComplaint}})
{}

void ComplaintOverdueRule::check(rules::RuleData &data, const rules::RuleRun &run,
                                 const rules::RuleFilter &filter, const rules::FindingSink &sink) const
{
    data.scan(kComplaint, filter, [&](const rules::RuleRecord &r) {
        const ComplaintHandling h =
            replayComplaint(complaintStepsFromJson(r.fields.value(u"steps"_s).toArray()));
        for (const ComplaintOverdue &late : complaintOverdue(h, run.today, *run.calendar)) {
            // A new slip (after an objection) is a new period: its deadlines are followed up again.
            const QString period = u"%1/%2"_s.arg(h.assignedOn.toString(Qt::ISODate), late.deadline);
            rules::Finding f = finding(kComplaint, r.id, period, rules::Severity::Orange);
            const QString subject = r.text(u"subject"_s).left(60);
            f.summary =
                late.deadline == u"reply"_s
                    ? u"投诉“%1”于 %2 交办，应于 %3 前回复，承办部门至今未回复"_s.arg(
                          subject, h.assignedOn.toString(Qt::ISODate), late.due.toString(Qt::ISODate))
                    : u"投诉“%1”于 %2 交办，应于 %3 前办结，承办部门至今未上报调查处理结果"_s.arg(
                          subject, h.assignedOn.toString(Qt::ISODate), late.due.toString(Qt::ISODate));
            f.evidence = QJsonObject{{u"deadline"_s, late.deadline},
                                     {u"due"_s, late.due.toString(Qt::ISODate)},
                                     {u"assignedOn"_s, h.assignedOn.toString(Qt::ISODate)},
                                     {u"assignedDepartment"_s, h.department},
                                     {u"lookupCode"_s, r.fields.value(u"lookupCode"_s)}};
            f.recordIds = {r.id};
            f.placeAt(r);
            f.ownerDepartmentId = r.departmentId;
            sink(std::move(f));
        }
    });
}

void ComplaintOverdueRule::evaluate(rules::RuleData &data, const rules::RuleRun &run,
                                    const rules::FindingSink &sink) const
{
    // Narrowed by the store to what is overdue by the stored due dates; every record handed over is checked
    // again by complaintOverdue().
    rules::RuleFilter open;
    const QDate today = run.today;
    open.sql = [today](const rules::FieldSql &field) {
        return complaintOverdueSql(field, today);
    };
    check(data, run, open, sink);
}

void ComplaintOverdueRule::evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                                           const QList<rules::RuleRecord> &touched,
                                           const rules::FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kComplaint);
    if (ids.isEmpty())
        return;
    rules::RuleFilter these;
    these.ids = ids;
    check(data, run, these, sink);
}

} // namespace sunshine::portal
