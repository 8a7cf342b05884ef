#include "common/portal/ComplaintWorkflow.h"

#include "common/core/LookupCode.h"
#include "common/core/NameTable.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::portal {

namespace {

const NamedValue kStates[] = {{u"registered", u"登记"}, {u"accepted", u"已受理"}, {u"declined", u"不予受理"},
                              {u"assigned", u"已交办"}, {u"replied", u"已回复"},  {u"concluded", u"已办结"},
                              {u"reviewed", u"已审核"}, {u"fed-back", u"已反馈"}, {u"reopened", u"异议复查"},
                              {u"archived", u"已归档"}};
const NamedValue kActions[] = {{u"accept", u"受理"},     {u"decline", u"不予受理"}, {u"assign", u"交办"},
                               {u"reply", u"回复"},      {u"conclude", u"办结"},    {u"approve", u"审核通过"},
                               {u"return", u"审核退回"}, {u"feedback", u"反馈"},    {u"object", u"异议"},
                               {u"archive", u"归档"}};

// The state each action leads to, and the states it may follow.
struct Transition
{
    ComplaintAction action;
    QList<ComplaintState> from;
    ComplaintState to;
};
const QList<Transition> &transitions()
{
    using S = ComplaintState;
    using A = ComplaintAction;
    static const QList<Transition> table{
        {A::Accept, {S::Registered}, S::Accepted},
        {A::Decline, {S::Registered}, S::Declined},
        {A::Assign, {S::Accepted, S::Reopened}, S::Assigned},
        {A::Reply, {S::Assigned}, S::Replied},
        {A::Conclude, {S::Replied}, S::Concluded},
        {A::Approve, {S::Concluded}, S::Reviewed},
        {A::Return, {S::Concluded}, S::Replied},
        {A::Feedback, {S::Reviewed}, S::FedBack},
        {A::Object, {S::FedBack}, S::Reopened},
        {A::Archive, {S::FedBack, S::Declined}, S::Archived},
    };
    return table;
}

const Transition &transitionOf(ComplaintAction action)
{
    for (const Transition &t : transitions()) {
        if (t.action == action)
            return t;
    }
    Q_UNREACHABLE();
}

} // namespace

QString complaintStateName(ComplaintState state)
{
    return QString::fromUtf16(kStates[int(state)].name);
}

std::optional<ComplaintState> complaintStateFromName(const QString &name)
{
    const int i = nameIndex(kStates, name);
    return i < 0 ? std::nullopt : std::optional<ComplaintState>(ComplaintState(i));
}

QString complaintStateChinese(ComplaintState state)
{
    return QString::fromUtf16(kStates[int(state)].chinese);
}

QStringList complaintStateChoicePairs()
{
    return namePairs(kStates);
}

QString complaintActionName(ComplaintAction action)
{
    return QString::fromUtf16(kActions[int(action)].name);
}

std::optional<ComplaintAction> complaintActionFromName(const QString &name)
{
    const int i = nameIndex(kActions, name);
    return i < 0 ? std::nullopt : std::optional<ComplaintAction>(ComplaintAction(i));
}

QString complaintActionChinese(ComplaintAction action)
{
    return QString::fromUtf16(kActions[int(action)].chinese);
}

QList<ComplaintAction> complaintActionsFrom(ComplaintState state)
{
    QList<ComplaintAction> out;
    for (const Transition &t : transitions()) {
        if (t.from.contains(state))
            out.append(t.action);
    }
    return out;
}

QJsonObject ComplaintStep::toJson() const
{
    QJsonObject o{{u"action"_s, complaintActionName(action)}};
    if (on.isValid())
        o.insert(u"on"_s, on.toString(Qt::ISODate));
    if (!byUserId.isEmpty())
        o.insert(u"by"_s, byUserId);
    if (!person.isEmpty())
        o.insert(u"person"_s, person);
    if (!note.isEmpty())
        o.insert(u"note"_s, note);
    if (!department.isEmpty())
        o.insert(u"department"_s, department);
    if (!files.isEmpty())
        o.insert(u"files"_s, QJsonArray::fromStringList(files));
    return o;
}

std::optional<ComplaintStep> ComplaintStep::fromJson(const QJsonObject &o)
{
    const auto action = complaintActionFromName(o.value(u"action"_s).toString());
    if (!action)
        return std::nullopt;
    ComplaintStep s;
    s.action = *action;
    s.on = QDate::fromString(o.value(u"on"_s).toString(), Qt::ISODate);
    s.byUserId = o.value(u"by"_s).toString();
    s.person = o.value(u"person"_s).toString();
    s.note = o.value(u"note"_s).toString();
    s.department = o.value(u"department"_s).toString();
    for (const QJsonValue &f : o.value(u"files"_s).toArray())
        s.files.append(f.toString());
    return s;
}

QList<ComplaintStep> complaintStepsFromJson(const QJsonArray &steps)
{
    QList<ComplaintStep> out;
    for (const QJsonValue &v : steps) {
        if (auto s = ComplaintStep::fromJson(v.toObject()))
            out.append(*s);
    }
    return out;
}

ComplaintHandling replayComplaint(const QList<ComplaintStep> &history)
{
    ComplaintHandling h;
    for (const ComplaintStep &s : history) {
        const Transition &t = transitionOf(s.action);
        if (!t.from.contains(h.state))
            continue; // a stored history is checked step by step; an impossible step changes nothing
        h.state = t.to;
        switch (s.action) {
        case ComplaintAction::Accept:
            h.acceptedOn = s.on;
            break;
        case ComplaintAction::Decline:
            h.feedback = s.note;
            h.fedBackOn = s.on;
            break;
        case ComplaintAction::Assign:
            h.department = s.department;
            h.assignedOn = s.on;
            h.repliedOn = {};
            h.concludedOn = {};
            ++h.rounds;
            break;
        case ComplaintAction::Reply:
            h.repliedOn = s.on;
            h.reply = s.note;
            break;
        case ComplaintAction::Conclude:
            h.concludedOn = s.on;
            h.result = s.note;
            break;
        case ComplaintAction::Return:
            h.concludedOn = {};
            break;
        case ComplaintAction::Feedback:
            h.fedBackOn = s.on;
            h.feedback = s.note;
            break;
        case ComplaintAction::Archive:
            h.archivedOn = s.on;
            break;
        case ComplaintAction::Approve:
        case ComplaintAction::Object:
            break;
        }
    }
    return h;
}

std::optional<QString> complaintStepProblem(const QList<ComplaintStep> &history, const ComplaintStep &next,
                                            const ComplaintActor &actor)
{
    const ComplaintHandling h = replayComplaint(history);
    const Transition &t = transitionOf(next.action);
    if (!t.from.contains(h.state))
        return u"投诉当前为“%1”，不能%2"_s.arg(complaintStateChinese(h.state),
                                               complaintActionChinese(next.action));
    const bool reviewer = actor.roles.contains(Role::Reviewer);
    const bool enters = reviewer || actor.roles.contains(Role::Clerk);
    switch (next.action) {
    case ComplaintAction::Accept:
    case ComplaintAction::Decline:
    case ComplaintAction::Assign:
    case ComplaintAction::Approve:
    case ComplaintAction::Return:
    case ComplaintAction::Archive:
        if (!actor.office || !reviewer)
            return u"只有受理该投诉的领导小组办公室审核员可以%1"_s.arg(complaintActionChinese(next.action));
        break;
    case ComplaintAction::Feedback:
    case ComplaintAction::Object:
        if (!actor.office || !enters)
            return u"只有受理该投诉的领导小组办公室可以%1"_s.arg(complaintActionChinese(next.action));
        break;
    case ComplaintAction::Reply:
    case ComplaintAction::Conclude:
        if (!enters || actor.departmentId.isEmpty() || actor.departmentId != h.department)
            return u"只有交办单上的承办部门可以%1"_s.arg(complaintActionChinese(next.action));
        break;
    }
    const bool needsNote = next.action != ComplaintAction::Accept && next.action != ComplaintAction::Assign &&
                           next.action != ComplaintAction::Approve && next.action != ComplaintAction::Archive;
    if (needsNote && next.note.trimmed().isEmpty()) {
        switch (next.action) {
        case ComplaintAction::Decline:
            return u"请填写不予受理的理由（投诉人可查询）"_s;
        case ComplaintAction::Reply:
            return u"请填写回复意见"_s;
        case ComplaintAction::Conclude:
            return u"请填写调查处理结果"_s;
        case ComplaintAction::Return:
            return u"请填写退回的理由"_s;
        case ComplaintAction::Feedback:
            return u"请填写反馈给投诉人的内容"_s;
        default:
            return u"请填写投诉人提出的异议"_s;
        }
    }
    if (next.note.size() > 2000)
        return u"说明最多 2000 个字"_s;
    if (next.action == ComplaintAction::Assign && next.department.isEmpty())
        return u"请选择承办部门"_s;
    if (next.action != ComplaintAction::Assign && !next.department.isEmpty())
        return u"只有交办时才指定承办部门"_s;
    if (next.action != ComplaintAction::Conclude && !next.files.isEmpty())
        return u"只有办结时才附调查处理材料"_s;
    return std::nullopt;
}

QDate complaintReplyDue(QDate assignedOn, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(assignedOn, kComplaintReplyWorkingDays);
}

QDate complaintResultDue(QDate assignedOn, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(assignedOn, kComplaintResultWorkingDays);
}

QList<ComplaintOverdue> complaintOverdue(const ComplaintHandling &h, QDate today,
                                         const WorkingCalendar &calendar)
{
    QList<ComplaintOverdue> out;
    if (!h.assignedOn.isValid() || !today.isValid())
        return out;
    if (h.state == ComplaintState::Assigned) {
        const QDate due = complaintReplyDue(h.assignedOn, calendar);
        if (today > due)
            out.append({u"reply"_s, due});
    }
    if (h.state == ComplaintState::Assigned || h.state == ComplaintState::Replied) {
        const QDate due = complaintResultDue(h.assignedOn, calendar);
        if (today > due)
            out.append({u"result"_s, due});
    }
    return out;
}

rules::SqlCondition complaintOverdueSql(const rules::FieldSql &field, QDate today)
{
    const QString day = today.toString(Qt::ISODate);
    return {u"((%1 = ? AND %2 < ?) OR (%1 IN (?, ?) AND %3 < ?))"_s.arg(
                field(u"state"_s), field(u"replyDueOn"_s), field(u"resultDueOn"_s)),
            {complaintStateName(ComplaintState::Assigned), day, complaintStateName(ComplaintState::Assigned),
             complaintStateName(ComplaintState::Replied), day}};
}

QString complaintLookupCode(const QString &recordId)
{
    return lookupCode(u"TS"_s, recordId);
}

bool isComplaintLookupCode(const QString &code)
{
    return isLookupCode(u"TS"_s, code);
}

} // namespace sunshine::portal
