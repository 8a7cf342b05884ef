#include "common/warnings/WarningWorkflow.h"

#include "common/core/NameTable.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::warnings {

namespace {

const NamedValue kStates[] = {{u"new", u"新生成"},
                              {u"assigned", u"已派发"},
                              {u"verifying", u"核实中"},
                              {u"review", u"待复核"},
                              {u"closed", u"已销号"}};
const NamedValue kOutcomes[] = {{u"corrected", u"数据纠错"},
                                {u"rectifying", u"整改中"},
                                {u"referred", u"已移送"},
                                {u"false-alarm", u"误报"}};
const NamedValue kActions[] = {{u"assign", u"派发"},
                               {u"reply", u"签收核实"},
                               {u"decide", u"提出处理结果"},
                               {u"close", u"复核销号"},
                               {u"return", u"复核退回"}};

bool isReviewer(const RoleSet &roles)
{
    return roles.contains(Role::Reviewer);
}

} // namespace

QString stateName(WarningState state)
{
    return QString::fromUtf16(kStates[int(state)].name);
}

QString stateChinese(WarningState state)
{
    return QString::fromUtf16(kStates[int(state)].chinese);
}

QStringList stateChoicePairs()
{
    return namePairs(kStates);
}

QString outcomeName(Outcome outcome)
{
    return QString::fromUtf16(kOutcomes[int(outcome)].name);
}

std::optional<Outcome> outcomeFromName(const QString &name)
{
    const int i = nameIndex(kOutcomes, name);
    return i < 0 ? std::nullopt : std::optional<Outcome>(Outcome(i));
}

QString outcomeChinese(Outcome outcome)
{
    return QString::fromUtf16(kOutcomes[int(outcome)].chinese);
}

QStringList outcomeChoicePairs()
{
    return namePairs(kOutcomes);
}

QString actionName(Action action)
{
    return QString::fromUtf16(kActions[int(action)].name);
}

std::optional<Action> actionFromName(const QString &name)
{
    const int i = nameIndex(kActions, name);
    return i < 0 ? std::nullopt : std::optional<Action>(Action(i));
}

QString actionChinese(Action action)
{
    return QString::fromUtf16(kActions[int(action)].chinese);
}

QJsonObject WarningStep::toJson() const
{
    QJsonObject o{{u"action"_s, actionName(action)}};
    if (on.isValid())
        o.insert(u"on"_s, on.toString(Qt::ISODate));
    if (!byUserId.isEmpty())
        o.insert(u"by"_s, byUserId);
    if (!person.isEmpty())
        o.insert(u"person"_s, person);
    if (!assignee.isEmpty())
        o.insert(u"assignee"_s, assignee);
    if (!note.isEmpty())
        o.insert(u"note"_s, note);
    if (outcome)
        o.insert(u"outcome"_s, outcomeName(*outcome));
    if (!files.isEmpty())
        o.insert(u"files"_s, QJsonArray::fromStringList(files));
    if (dueOn.isValid())
        o.insert(u"dueOn"_s, dueOn.toString(Qt::ISODate));
    if (!referTo.isEmpty())
        o.insert(u"referTo"_s, referTo);
    return o;
}

std::optional<WarningStep> WarningStep::fromJson(const QJsonObject &o)
{
    const auto action = actionFromName(o.value(u"action"_s).toString());
    if (!action)
        return std::nullopt;
    WarningStep s;
    s.action = *action;
    s.on = QDate::fromString(o.value(u"on"_s).toString(), Qt::ISODate);
    s.byUserId = o.value(u"by"_s).toString();
    s.person = o.value(u"person"_s).toString();
    s.assignee = o.value(u"assignee"_s).toString();
    s.note = o.value(u"note"_s).toString();
    if (o.contains(u"outcome"_s)) {
        s.outcome = outcomeFromName(o.value(u"outcome"_s).toString());
        if (!s.outcome)
            return std::nullopt;
    }
    const QJsonArray files = o.value(u"files"_s).toArray();
    for (const QJsonValue &f : files)
        s.files.append(f.toString());
    s.dueOn = QDate::fromString(o.value(u"dueOn"_s).toString(), Qt::ISODate);
    s.referTo = o.value(u"referTo"_s).toString();
    return s;
}

QList<WarningStep> stepsFromJson(const QJsonArray &steps)
{
    QList<WarningStep> out;
    for (const QJsonValue &v : steps) {
        if (const auto s = WarningStep::fromJson(v.toObject()))
            out.append(*s);
    }
    return out;
}

Handling replay(const QList<WarningStep> &history)
{
    Handling h;
    for (const WarningStep &s : history) {
        switch (s.action) {
        case Action::Assign:
            h.state = WarningState::Assigned;
            h.assignee = s.assignee;
            break;
        case Action::Reply:
            h.state = WarningState::Verifying;
            if (!h.repliedOn.isValid())
                h.repliedOn = s.on;
            break;
        case Action::Decide:
            h.state = WarningState::Review;
            h.outcome = s.outcome;
            h.decidedOn = s.on;
            h.decidedBy = s.byUserId;
            break;
        case Action::Close:
            h.state = WarningState::Closed;
            h.closedOn = s.on;
            break;
        case Action::Return:
            h.state = WarningState::Verifying;
            h.outcome.reset();
            h.decidedOn = QDate();
            h.decidedBy.clear();
            break;
        }
    }
    return h;
}

std::optional<QString> stepProblem(const QList<WarningStep> &history, const WarningStep &next,
                                   const RoleSet &roles, const QString &userId)
{
    const Handling h = replay(history);
    if (h.state == WarningState::Closed)
        return u"预警已销号，不能再办理"_s;
    if (next.person.trimmed().isEmpty())
        return u"请填写经办人姓名"_s;
    switch (next.action) {
    case Action::Assign:
        if (!isReviewer(roles))
            return u"只有审核员可以派发预警"_s;
        if (h.state == WarningState::Review)
            return u"预警待复核，请先复核"_s;
        if (next.assignee.trimmed().isEmpty())
            return u"请填写承办人"_s;
        return std::nullopt;
    case Action::Reply:
        if (h.state != WarningState::Assigned)
            return u"只有已派发的预警可以签收"_s;
        return std::nullopt;
    case Action::Decide:
        if (h.state != WarningState::Verifying)
            return u"请先签收核实，再提出处理结果"_s;
        if (!next.outcome)
            return u"请选择处理结果"_s;
        if (*next.outcome == Outcome::Corrected && next.files.isEmpty())
            return u"数据纠错须附上佐证材料"_s;
        if (*next.outcome == Outcome::Referred && next.referTo != u"discipline"_s &&
            next.referTo != u"judicial"_s)
            return u"请选择移送纪委监委还是司法机关"_s;
        if (next.note.trimmed().isEmpty()) {
            return *next.outcome == Outcome::FalseAlarm ? u"认定误报须写明理由"_s
                                                        : u"请写明核实情况和处理措施"_s;
        }
        return std::nullopt;
    case Action::Close:
    case Action::Return:
        if (h.state != WarningState::Review)
            return u"只有待复核的预警可以复核"_s;
        if (!isReviewer(roles))
            return u"只有审核员可以复核"_s;
        if (!userId.isEmpty() && userId == h.decidedBy)
            return u"提出处理结果的人不能复核自己的结果"_s;
        if (next.action == Action::Return && next.note.trimmed().isEmpty())
            return u"退回须写明理由"_s;
        return std::nullopt;
    }
    return std::nullopt;
}

QDate replyDue(QDate raised, const HandlingDays &days, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(raised, days.replyDays);
}

QDate resultDue(QDate raised, const HandlingDays &days, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(raised, days.resultDays);
}

Lateness lateness(const Handling &handling, QDate replyDueOn, QDate resultDueOn, QDate today)
{
    if (handling.state == WarningState::Closed || handling.state == WarningState::Review)
        return Lateness::None;
    if (!handling.repliedOn.isValid() && replyDueOn.isValid() && today > replyDueOn)
        return Lateness::ReplyOverdue;
    if (resultDueOn.isValid() && today > resultDueOn)
        return Lateness::ResultOverdue;
    return Lateness::None;
}

QString latenessChinese(Lateness lateness)
{
    switch (lateness) {
    case Lateness::None:
        return {};
    case Lateness::ReplyOverdue:
        return u"逾期未签收"_s;
    case Lateness::ResultOverdue:
        return u"逾期未办结"_s;
    }
    return {};
}

} // namespace sunshine::warnings
