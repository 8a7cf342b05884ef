#include "common/portal/ComplaintType.h"

#include "common/auth/ServerActor.h"
#include "common/sync/StepHistory.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::portal {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

// What the complainant wrote: fixed once registered.
const QStringList &intakeFields()
{
    static const QStringList names{u"channel"_s, u"anonymous"_s, u"complainantName"_s, u"complainantPhone"_s,
                                   u"subject"_s, u"content"_s,   u"receivedOn"_s,      u"lookupCode"_s};
    return names;
}

// What replaying the history gives.
const QStringList &replayedFields()
{
    static const QStringList names{u"state"_s,       u"assignedDepartment"_s, u"assignedOn"_s,
                                   u"replyDueOn"_s,  u"resultDueOn"_s,        u"repliedOn"_s,
                                   u"concludedOn"_s, u"fedBackOn"_s,          u"archivedOn"_s};
    return names;
}

bool isOffice(const Scope &actor, const sync::Placement &placement)
{
    return !actor.departmentId.isEmpty() && actor.departmentId == placement.departmentId;
}

} // namespace

QStringList complaintCategoryPairs()
{
    return {u"funds"_s,   u"资金发放"_s, u"identification"_s,  u"识别退出"_s, u"assistance"_s, u"帮扶措施"_s,
            u"project"_s, u"扶贫项目"_s, u"village-affairs"_s, u"村务公开"_s, u"conduct"_s,    u"干部作风"_s,
            u"other"_s,   u"其他"_s};
}

QList<FieldSpec> ComplaintType::fields() const
{
    return {
        FieldSpec(u"channel"_s, FieldKind::Choice, u"来源渠道"_s)
            .options({u"portal"_s, u"网上投诉"_s, u"phone"_s, u"电话"_s, u"letter"_s, u"来信"_s, u"visit"_s,
                      u"来访"_s})
            .require(),
        FieldSpec(u"anonymous"_s, FieldKind::Boolean, u"匿名"_s),
        FieldSpec(u"complainantName"_s, FieldKind::Text, u"投诉人"_s)
            .max(40)
            .ownDepartmentData(u"complainant"_s),
        FieldSpec(u"complainantPhone"_s, FieldKind::Phone, u"投诉人电话"_s)
            .ownDepartmentData(u"complainant"_s),
        FieldSpec(u"category"_s, FieldKind::Choice, u"问题类别"_s)
            .options(complaintCategoryPairs())
            .require(),
        FieldSpec(u"subject"_s, FieldKind::Text, u"事项"_s).max(100).require().cacheOrder(),
        FieldSpec(u"place"_s, FieldKind::Text, u"涉及地点"_s).max(80),
        FieldSpec(u"content"_s, FieldKind::Text, u"投诉内容"_s).max(2000).require(),
        FieldSpec(u"receivedOn"_s, FieldKind::Date, u"收到日期"_s).pastOrToday().require(),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"材料"_s).max(20),
        // complaintLookupCode(record id), set when the complaint is registered.
        FieldSpec(u"lookupCode"_s, FieldKind::Text, u"查询码"_s).max(10).derived(),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"办理记录"_s).max(60),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s).options(complaintStateChoicePairs()).derived(),
        FieldSpec(u"assignedDepartment"_s, FieldKind::Text, u"承办部门"_s).max(64).derived(),
        FieldSpec(u"assignedOn"_s, FieldKind::Date, u"交办日期"_s).derived(),
        FieldSpec(u"replyDueOn"_s, FieldKind::Date, u"回复期限"_s).derived(),
        FieldSpec(u"resultDueOn"_s, FieldKind::Date, u"办结期限"_s).derived(),
        FieldSpec(u"repliedOn"_s, FieldKind::Date, u"回复日期"_s).derived(),
        FieldSpec(u"concludedOn"_s, FieldKind::Date, u"办结日期"_s).derived(),
        FieldSpec(u"fedBackOn"_s, FieldKind::Date, u"反馈日期"_s).derived(),
        FieldSpec(u"archivedOn"_s, FieldKind::Date, u"归档日期"_s).derived(),
    };
}

std::optional<QString> ComplaintType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以办理投诉"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该投诉不在您的管辖范围内"_s;
    return std::nullopt;
}

QList<QPair<QString, QString>> ComplaintType::uniqueKeys(const QJsonObject &f) const
{
    const QString code = f.value(u"lookupCode"_s).toString();
    if (code.isEmpty())
        return {};
    return {{lookupKey(code), u"lookupCode"_s}};
}

std::optional<FieldProblem> ComplaintType::checkRules(const QString &recordId, const QJsonObject &f,
                                                      const sync::Placement &placement,
                                                      const sync::RuleContext &context) const
{
    const bool server = context.actor && isServerActor(*context.actor);
    const Scope none;
    const Scope &actor = context.actor ? *context.actor : none;
    const bool office = isOffice(actor, placement);
    if (placement.departmentCode != QStringView(kOfficeDepartmentCode))
        return problem(u"channel"_s, u"投诉由领导小组办公室（扶贫办）统一受理，请放在扶贫办下"_s);
    if (f.value(u"anonymous"_s).toBool()) {
        if (!f.value(u"complainantName"_s).toString().isEmpty() ||
            !f.value(u"complainantPhone"_s).toString().isEmpty())
            return problem(u"complainantName"_s, u"匿名投诉不登记投诉人姓名和电话"_s);
    } else if (f.value(u"complainantName"_s).toString().trimmed().isEmpty()) {
        return problem(u"complainantName"_s, u"实名投诉请填写投诉人姓名（或勾选匿名）"_s);
    }
    if (f.value(u"lookupCode"_s).toString() != complaintLookupCode(recordId))
        return problem(u"lookupCode"_s, u"查询码与投诉不符"_s);

    if (!context.before) {
        const bool portal = f.value(u"channel"_s).toString() == u"portal"_s;
        if (server != portal)
            return problem(u"channel"_s, server ? u"系统只登记网上投诉"_s
                                                : u"网上投诉由门户提交，办公室登记电话、来信和来访"_s);
        if (!server && !office)
            return problem(u"channel"_s, u"只有领导小组办公室（扶贫办）可以登记投诉"_s, u"FORBIDDEN"_s);
        if (!f.value(u"steps"_s).toArray().isEmpty())
            return problem(u"steps"_s, u"新登记的投诉还没有办理记录"_s);
        return std::nullopt;
    }
    if (server)
        return problem(u"steps"_s, u"系统不办理投诉"_s, u"FORBIDDEN"_s);
    for (const QString &name : intakeFields()) {
        if (f.value(name) != context.before->value(name))
            return problem(name, u"“%1”登记后不能修改"_s.arg(field(name)->displayName()), u"FORBIDDEN"_s);
    }
    const ComplaintHandling before =
        replayComplaint(complaintStepsFromJson(context.before->value(u"steps"_s).toArray()));
    const bool handler = !actor.departmentId.isEmpty() && actor.departmentId == before.department;
    if (!office && !handler)
        return problem(u"steps"_s, u"只有受理的领导小组办公室和交办单上的承办部门可以办理该投诉"_s,
                       u"FORBIDDEN"_s);
    if (!office && (f.value(u"category"_s) != context.before->value(u"category"_s) ||
                    f.value(u"place"_s) != context.before->value(u"place"_s)))
        return problem(u"category"_s, u"问题类别和涉及地点由领导小组办公室归类"_s, u"FORBIDDEN"_s);
    QJsonArray appended;
    if (auto p = sync::appendedSteps(f, u"steps"_s, context, &appended))
        return p;
    const QJsonArray attachedBefore = context.before->value(u"attachments"_s).toArray();
    const QJsonArray attached = f.value(u"attachments"_s).toArray();
    for (const QJsonValue &file : attachedBefore) {
        if (!attached.contains(file))
            return problem(u"attachments"_s, u"已登记的材料不能删除"_s, u"FORBIDDEN"_s);
    }
    QList<ComplaintStep> history = complaintStepsFromJson(context.before->value(u"steps"_s).toArray());
    ComplaintActor who;
    who.roles = actor.roles;
    who.office = office;
    who.departmentId = actor.departmentId;
    for (const QJsonValue &value : std::as_const(appended)) {
        const auto step = ComplaintStep::fromJson(value.toObject());
        if (!step)
            return problem(u"steps"_s, u"办理记录格式不正确"_s);
        if (const auto why = complaintStepProblem(history, *step, who))
            return problem(u"steps"_s, *why, u"FORBIDDEN"_s);
        for (const QString &file : step->files) {
            if (!attached.contains(QJsonValue(file)))
                return problem(u"attachments"_s, u"调查处理材料须先作为附件上传"_s);
        }
        if (step->action == ComplaintAction::Assign && context.lookup) {
            // The slip goes to a department of the unit whose office took the complaint in.
            const std::optional<sync::Record> dept = context.lookup(step->department);
            if (!dept || dept->type != u"department"_s || dept->orgUnitId != placement.orgUnitId)
                return problem(u"steps"_s, u"承办部门应是本级的职能部门"_s);
        }
        ComplaintStep stamped = *step;
        stamped.byUserId = actor.userId;
        history.append(stamped);
    }
    return std::nullopt;
}

void ComplaintType::derive(QJsonObject &fields, const sync::RuleContext &context) const
{
    sync::stampAppendedSteps(fields, u"steps"_s, context);
    for (const QString &name : replayedFields())
        fields.remove(name);
    const ComplaintHandling h = replayComplaint(complaintStepsFromJson(fields.value(u"steps"_s).toArray()));
    fields.insert(u"state"_s, complaintStateName(h.state));
    if (!h.department.isEmpty())
        fields.insert(u"assignedDepartment"_s, h.department);
    setDate(fields, u"assignedOn"_s, h.assignedOn);
    if (h.assignedOn.isValid() && context.calendar) {
        setDate(fields, u"replyDueOn"_s, complaintReplyDue(h.assignedOn, *context.calendar));
        setDate(fields, u"resultDueOn"_s, complaintResultDue(h.assignedOn, *context.calendar));
    }
    setDate(fields, u"repliedOn"_s, h.repliedOn);
    setDate(fields, u"concludedOn"_s, h.concludedOn);
    setDate(fields, u"fedBackOn"_s, h.fedBackOn);
    setDate(fields, u"archivedOn"_s, h.archivedOn);
}

std::optional<FieldProblem> ComplaintType::deleteProblem(const QString &, const QJsonObject &,
                                                         const sync::RuleContext &) const
{
    return problem(QString(), u"投诉不能删除；不予受理的，请在办理中写明理由"_s, u"FORBIDDEN"_s);
}

QJsonObject ComplaintType::publicView(const QJsonObject &f)
{
    const ComplaintHandling h = replayComplaint(complaintStepsFromJson(f.value(u"steps"_s).toArray()));
    QJsonObject out{{u"state"_s, complaintStateName(h.state)},
                    {u"stateText"_s, complaintStateChinese(h.state)},
                    {u"receivedOn"_s, f.value(u"receivedOn"_s)},
                    {u"category"_s,
                     ComplaintType().field(u"category"_s)->choiceLabel(f.value(u"category"_s).toString())}};
    const auto date = [&out](const char16_t *key, QDate d) {
        if (d.isValid())
            out.insert(QString::fromUtf16(key), d.toString(Qt::ISODate));
    };
    date(u"acceptedOn", h.acceptedOn);
    date(u"assignedOn", h.assignedOn);
    for (const char16_t *key : {u"replyDueOn", u"resultDueOn"}) {
        const QString k = QString::fromUtf16(key);
        if (f.contains(k) && h.state != ComplaintState::Declined)
            out.insert(k, f.value(k));
    }
    date(u"repliedOn", h.repliedOn);
    date(u"concludedOn", h.concludedOn);
    date(u"fedBackOn", h.fedBackOn);
    date(u"archivedOn", h.archivedOn);
    // The department's reply and result reach the complainant once the office has reviewed them.
    const bool reviewed = h.state == ComplaintState::Reviewed || h.state == ComplaintState::FedBack ||
                          h.state == ComplaintState::Reopened || h.state == ComplaintState::Archived;
    if (reviewed && !h.result.isEmpty())
        out.insert(u"result"_s, h.result);
    if (!h.feedback.isEmpty() && h.fedBackOn.isValid())
        out.insert(u"feedback"_s, h.feedback);
    return out;
}

} // namespace sunshine::portal
