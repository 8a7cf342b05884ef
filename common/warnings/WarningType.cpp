#include "common/warnings/WarningType.h"

#include "common/sync/StepHistory.h"

#include "common/supervision/RectificationTypes.h"
#include "common/warnings/WarningWorkflow.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::warnings {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

// Fields the server writes; nobody else changes them.
const QStringList &serverFields()
{
    static const QStringList names{
        u"rule"_s,        u"ruleName"_s,        u"severity"_s,    u"subjectType"_s,
        u"subjectId"_s,   u"period"_s,          u"summary"_s,     u"evidence"_s,
        u"idNumber"_s,    u"ownerDepartment"_s, u"raisedOn"_s,    u"replyDueOn"_s,
        u"resultDueOn"_s, u"escalatedOn"_s,     u"escalatedTo"_s, u"disciplineCopy"_s};
    return names;
}

// Fields replayed from the history by derive().
const QStringList &replayedFields()
{
    static const QStringList names{u"state"_s,     u"outcome"_s,   u"assignee"_s,
                                   u"repliedOn"_s, u"decidedOn"_s, u"closedOn"_s};
    return names;
}

} // namespace

bool isWarningEngine(const Scope &actor)
{
    return actor.userId == QStringView(kServerActorId);
}

QList<FieldSpec> WarningType::fields() const
{
    QStringList severities;
    for (const rules::Severity s : {rules::Severity::Yellow, rules::Severity::Orange, rules::Severity::Red})
        severities << rules::severityName(s) << rules::severityChinese(s);
    return {
        FieldSpec(u"rule"_s, FieldKind::Text, u"预警规则"_s).max(40).require().cacheLookup(),
        FieldSpec(u"ruleName"_s, FieldKind::Text, u"规则名称"_s).max(40).derived(),
        FieldSpec(u"severity"_s, FieldKind::Choice, u"等级"_s).options(severities).require().derived(),
        FieldSpec(u"subjectType"_s, FieldKind::Text, u"对象类别"_s).max(40).require().derived(),
        FieldSpec(u"subjectId"_s, FieldKind::Text, u"对象"_s).max(64).require().derived(),
        FieldSpec(u"period"_s, FieldKind::Text, u"所属期"_s).max(64).derived(),
        FieldSpec(u"summary"_s, FieldKind::Text, u"预警内容"_s).max(300).require().derived(),
        FieldSpec(u"evidence"_s, FieldKind::Text, u"证据快照"_s).max(20000).derived(),
        FieldSpec(u"idNumber"_s, FieldKind::IdNumber, u"身份证号"_s).personalData().derived(),
        FieldSpec(u"ownerDepartment"_s, FieldKind::Text, u"责任部门"_s).max(40).derived(),
        FieldSpec(u"disciplineCopy"_s, FieldKind::Boolean, u"抄送纪委"_s).derived(),
        FieldSpec(u"raisedOn"_s, FieldKind::Date, u"预警日期"_s).require().derived().cacheOrder(),
        FieldSpec(u"replyDueOn"_s, FieldKind::Date, u"签收期限"_s).derived(),
        FieldSpec(u"resultDueOn"_s, FieldKind::Date, u"办结期限"_s).derived(),
        FieldSpec(u"escalatedOn"_s, FieldKind::Date, u"督办日期"_s).derived(),
        FieldSpec(u"escalatedTo"_s, FieldKind::Text, u"督办单位"_s).max(40).derived(),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"办理记录"_s).max(60),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"佐证材料"_s).max(20),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s)
            .options(stateChoicePairs())
            .derived()
            .cacheLookup(),
        FieldSpec(u"outcome"_s, FieldKind::Choice, u"处理结果"_s).options(outcomeChoicePairs()).derived(),
        FieldSpec(u"assignee"_s, FieldKind::Text, u"承办人"_s).max(40).derived(),
        FieldSpec(u"repliedOn"_s, FieldKind::Date, u"签收日期"_s).derived(),
        FieldSpec(u"decidedOn"_s, FieldKind::Date, u"处理日期"_s).derived(),
        FieldSpec(u"closedOn"_s, FieldKind::Date, u"销号日期"_s).derived(),
    };
}

std::optional<QString> WarningType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    if (isWarningEngine(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以办理预警"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该预警不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> WarningType::checkRules(const QString &recordId, const QJsonObject &fields,
                                                    const sync::Placement &placement,
                                                    const sync::RuleContext &context) const
{
    Q_UNUSED(placement)
    const bool server = context.actor && isWarningEngine(*context.actor);
    if (!context.before) {
        if (!server)
            return problem(u"rule"_s, u"预警由系统按规则生成，不能手工新建"_s, u"FORBIDDEN"_s);
        if (!rules::RuleRegistry::find(fields.value(u"rule"_s).toString()))
            return problem(u"rule"_s, u"未知的预警规则"_s);
        Q_UNUSED(recordId)
        return std::nullopt;
    }
    if (server)
        return std::nullopt; // escalation and the rule's own fields: the server's to write
    for (const QString &name : serverFields()) {
        if (fields.value(name) != context.before->value(name))
            return problem(name, u"“%1”由系统生成，不能修改"_s.arg(field(name)->displayName()),
                           u"FORBIDDEN"_s);
    }
    // The history only grows, one checked step after another.
    QJsonArray appended;
    if (auto p = sync::appendedSteps(fields, u"steps"_s, context, &appended))
        return p;
    QList<WarningStep> history = stepsFromJson(context.before->value(u"steps"_s).toArray());
    const QStringList attached = attachmentsOf(fields);
    for (const QJsonValue &value : std::as_const(appended)) {
        const auto step = WarningStep::fromJson(value.toObject());
        if (!step)
            return problem(u"steps"_s, u"办理记录格式不正确"_s);
        for (const QString &file : step->files) {
            if (!attached.contains(file))
                return problem(u"attachments"_s, u"佐证材料须先作为附件上传"_s);
        }
        const QString userId = context.actor ? context.actor->userId : QString();
        const RoleSet roles = context.actor ? context.actor->roles : RoleSet{};
        if (const auto why = stepProblem(history, *step, roles, userId))
            return problem(u"steps"_s, *why);
        if (step->dueOn.isValid() && context.today.isValid() && step->dueOn <= context.today)
            return problem(u"steps"_s, u"整改期限应晚于今天"_s);
        WarningStep stamped = *step;
        stamped.byUserId = userId;
        history.append(stamped);
    }
    return std::nullopt;
}

QList<sync::Consequence> WarningType::consequences(const QString &recordId, const QJsonObject &fields,
                                                   const sync::Placement &placement,
                                                   const sync::RuleContext &context) const
{
    // An outcome of rectification or referral creates its record (MODULES.md §5), once per warning.
    QList<sync::Consequence> out;
    const qsizetype known = context.before ? context.before->value(u"steps"_s).toArray().size() : 0;
    const QList<WarningStep> steps = stepsFromJson(fields.value(u"steps"_s).toArray());
    const QString summary = fields.value(u"summary"_s).toString();
    // The money the finding is about, as its evidence gives it (the total of the payments, or one amount).
    const QJsonObject evidence =
        QJsonDocument::fromJson(fields.value(u"evidence"_s).toString().toUtf8()).object();
    const qint64 amount = evidence.value(u"totalFen"_s).toInteger(evidence.value(u"amountFen"_s).toInteger());
    for (qsizetype i = known; i < steps.size(); ++i) {
        const WarningStep &step = steps.at(i);
        if (step.action != Action::Decide || !step.outcome)
            continue;
        if (*step.outcome == Outcome::Rectifying) {
            supervision::RectificationType::Order order;
            order.source = u"warning"_s;
            order.sourceId = recordId;
            order.title = u"预警整改：%1"_s.arg(fields.value(u"ruleName"_s).toString());
            order.requirement = u"%1。%2"_s.arg(summary, step.note);
            order.orderedOn = step.on.isValid() ? step.on : context.today;
            order.dueOn = step.dueOn;
            out.append(supervision::RectificationType::consequenceFor(order, placement.orgUnitId,
                                                                      placement.departmentId));
        } else if (*step.outcome == Outcome::Referred) {
            supervision::ReferralType::Order order;
            order.source = u"warning"_s;
            order.sourceId = recordId;
            order.subject = u"%1。%2"_s.arg(summary, step.note);
            order.to = step.referTo;
            order.amountFen = amount;
            order.sentOn = step.on.isValid() ? step.on : context.today;
            out.append(supervision::ReferralType::consequenceFor(order, placement.orgUnitId,
                                                                 placement.departmentId));
        }
    }
    return out;
}

void WarningType::derive(QJsonObject &fields, const sync::RuleContext &context) const
{
    if (context.before && !(context.actor && isWarningEngine(*context.actor))) {
        for (const QString &name : serverFields()) {
            if (context.before->contains(name))
                fields.insert(name, context.before->value(name));
            else
                fields.remove(name);
        }
    }
    // New steps carry who recorded them and when, as the server saw it.
    sync::stampAppendedSteps(fields, u"steps"_s, context);
    const Handling h = replay(stepsFromJson(fields.value(u"steps"_s).toArray()));
    for (const QString &name : replayedFields())
        fields.remove(name);
    fields.insert(u"state"_s, stateName(h.state));
    if (h.outcome)
        fields.insert(u"outcome"_s, outcomeName(*h.outcome));
    if (!h.assignee.isEmpty())
        fields.insert(u"assignee"_s, h.assignee);
    setDate(fields, u"repliedOn"_s, h.repliedOn);
    setDate(fields, u"decidedOn"_s, h.decidedOn);
    setDate(fields, u"closedOn"_s, h.closedOn);
}

std::optional<FieldProblem> WarningType::deleteProblem(const QString &, const QJsonObject &,
                                                       const sync::RuleContext &) const
{
    return problem(QString(), u"预警不能删除；核实为误报的，请在办理中认定误报并复核销号"_s, u"FORBIDDEN"_s);
}

QString WarningType::recordIdFor(const QString &dedupKey)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), dedupKey);
}

QJsonObject WarningType::fieldsFor(const rules::Finding &finding, const QString &ruleName, QDate raisedOn,
                                   QDate replyDueOn, QDate resultDueOn)
{
    QJsonObject evidence = finding.evidence;
    evidence.insert(u"records"_s, QJsonArray::fromStringList(finding.recordIds));
    QJsonObject f{{u"rule"_s, finding.rule},
                  {u"ruleName"_s, ruleName},
                  {u"severity"_s, rules::severityName(finding.severity)},
                  {u"subjectType"_s, finding.subjectType},
                  {u"subjectId"_s, finding.subjectId},
                  {u"summary"_s, finding.summary.left(300)},
                  {u"evidence"_s, QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact))},
                  {u"ownerDepartment"_s, finding.ownerDepartment},
                  {u"disciplineCopy"_s, finding.copyToDiscipline},
                  {u"state"_s, stateName(WarningState::New)}};
    if (!finding.period.isEmpty())
        f.insert(u"period"_s, finding.period);
    if (!finding.idNumber.isEmpty())
        f.insert(u"idNumber"_s, finding.idNumber);
    setDate(f, u"raisedOn"_s, raisedOn);
    setDate(f, u"replyDueOn"_s, replyDueOn);
    setDate(f, u"resultDueOn"_s, resultDueOn);
    return f;
}

} // namespace sunshine::warnings
