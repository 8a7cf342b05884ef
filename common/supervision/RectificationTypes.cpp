#include "common/supervision/RectificationTypes.h"

#include "common/auth/ServerActor.h"
#include "common/supervision/SupervisionRules.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::supervision {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

QStringList sourceChoicePairs()
{
    return {u"warning"_s,    u"预警"_s, u"audit"_s,   u"审计"_s, u"inspection"_s, u"督查"_s,
            u"department"_s, u"部门"_s, u"finance"_s, u"财政"_s, u"complaint"_s,  u"举报投诉"_s};
}

namespace {

bool byServer(const sync::RuleContext &context)
{
    return context.actor && isServerActor(*context.actor);
}

bool supervisor(const sync::RuleContext &context)
{
    return context.actor && context.actor->hasRole(Role::Supervisor);
}

// Orders that follow a warning or an audit finding are the server's to write (their source is a record).
std::optional<FieldProblem> sourceProblem(const sync::RecordType &type, const QJsonObject &f,
                                          const sync::RuleContext &context)
{
    if (byServer(context))
        return std::nullopt;
    const QString source = f.value(u"source"_s).toString();
    if (!context.before) {
        if (source == u"warning"_s || source == u"audit"_s)
            return sync::RecordType::problem(
                u"source"_s, u"来源为预警或审计的%1由系统按处理结果自动生成"_s.arg(type.chineseName()),
                u"FORBIDDEN"_s);
        return std::nullopt;
    }
    for (const QString &name : {u"source"_s, u"sourceId"_s}) {
        if (f.value(name) != context.before->value(name))
            return sync::RecordType::problem(name, u"来源登记后不能更改"_s, u"FORBIDDEN"_s);
    }
    return std::nullopt;
}

QString text(const QJsonObject &f, const QString &name)
{
    return f.value(name).toString().trimmed();
}

// The id of what a source ordered: one record of the type per source record.
QString orderedId(const char16_t *type, const QString &source, const QString &sourceId)
{
    return sync::derivedRecordId(QString::fromUtf16(type), source + u':' + sourceId);
}

// The record an order creates (never overwriting one already there), with its source and amount.
sync::Consequence ordered(const char16_t *type, const QString &source, const QString &sourceId,
                          qint64 amountFen, QJsonObject fields, const QString &orgUnitId,
                          const QString &departmentId)
{
    fields.insert(u"source"_s, source);
    fields.insert(u"sourceId"_s, sourceId);
    if (amountFen > 0)
        fields.insert(u"amountFen"_s, amountFen);
    sync::Consequence c;
    c.type = QString::fromUtf16(type);
    c.recordId = orderedId(type, source, sourceId);
    c.orgUnitId = orgUnitId;
    c.departmentId = departmentId;
    c.fields = fields;
    c.createOnly = true;
    return c;
}

} // namespace

// --- rectification ----------------------------------------------------------------------------------------

QList<FieldSpec> RectificationType::fields() const
{
    return {
        FieldSpec(u"source"_s, FieldKind::Choice, u"来源"_s).options(sourceChoicePairs()).require(),
        FieldSpec(u"sourceId"_s, FieldKind::Text, u"来源记录"_s).max(64).cacheLookup(),
        FieldSpec(u"title"_s, FieldKind::Text, u"整改事项"_s).max(100).require(),
        FieldSpec(u"requirement"_s, FieldKind::Text, u"整改要求"_s).max(500).require(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"应追回（归还）金额"_s),
        FieldSpec(u"recoveredFen"_s, FieldKind::Money, u"已追回（归还）金额"_s),
        FieldSpec(u"orderedOn"_s, FieldKind::Date, u"下达日期"_s).require(),
        FieldSpec(u"dueOn"_s, FieldKind::Date, u"整改期限"_s).require().cacheOrder(),
        FieldSpec(u"responsible"_s, FieldKind::Text, u"整改责任人"_s).max(40),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s)
            .options(rectificationStateChoicePairs())
            .require(),
        FieldSpec(u"appliedNote"_s, FieldKind::Text, u"销号申请说明"_s).max(500),
        FieldSpec(u"verifyNote"_s, FieldKind::Text, u"核查意见"_s).max(500),
        FieldSpec(u"appliedOn"_s, FieldKind::Date, u"申请销号日期"_s).derived(),
        FieldSpec(u"closedOn"_s, FieldKind::Date, u"销号日期"_s).derived(),
        FieldSpec(u"closedBy"_s, FieldKind::Text, u"销号人"_s).max(64).derived(),
        FieldSpec(u"verifierDepartmentId"_s, FieldKind::Reference, u"核查销号部门"_s)
            .references(u"department"_s)
            .derived(),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"整改材料"_s).max(20),
    };
}

QString RectificationType::recordIdFor(const QString &source, const QString &sourceId)
{
    return orderedId(kName, source, sourceId);
}

sync::Consequence RectificationType::consequenceFor(const Order &order, const QString &orgUnitId,
                                                    const QString &departmentId)
{
    QJsonObject f{{u"title"_s, order.title.left(100)},
                  {u"requirement"_s, order.requirement.left(500)},
                  {u"state"_s, rectificationStateName(RectificationState::Rectifying)}};
    setDate(f, u"orderedOn"_s, order.orderedOn);
    setDate(f, u"dueOn"_s,
            order.dueOn.isValid() ? order.dueOn : order.orderedOn.addDays(kDefaultRectificationDays));
    if (!order.verifierDepartmentId.isEmpty())
        f.insert(u"verifierDepartmentId"_s, order.verifierDepartmentId);
    return ordered(kName, order.source, order.sourceId, order.amountFen, f, orgUnitId, departmentId);
}

std::optional<FieldProblem> RectificationType::checkRules(const QString &, const QJsonObject &f,
                                                          const sync::Placement &,
                                                          const sync::RuleContext &context) const
{
    if (auto p = sourceProblem(*this, f, context))
        return p;
    if (auto p = checkOrder(f, u"orderedOn"_s, u"dueOn"_s))
        return p;
    if (auto p =
            serverOnly(f, {u"appliedOn"_s, u"closedOn"_s, u"closedBy"_s, u"verifierDepartmentId"_s}, context))
        return p;
    const auto state = rectificationStateFromName(f.value(u"state"_s).toString());
    if (!state)
        return problem(u"state"_s, u"整改状态不正确"_s);
    if (fenOf(f, u"recoveredFen"_s) < 0 || fenOf(f, u"amountFen"_s) < 0)
        return problem(u"recoveredFen"_s, u"金额不能为负数"_s);
    if (!context.before) {
        if (*state != RectificationState::Rectifying)
            return problem(u"state"_s, u"新下达的整改应为“整改中”"_s);
        if (!byServer(context) && !supervisor(context))
            return problem(u"title"_s, u"整改由监督人员下达，或由预警、审计的处理结果生成"_s, u"FORBIDDEN"_s);
        return std::nullopt;
    }
    if (byServer(context))
        return std::nullopt;
    const auto was = rectificationStateFromName(context.before->value(u"state"_s).toString());
    if (was == RectificationState::Closed)
        return problem(u"state"_s, u"已销号的整改不能再修改"_s, u"FORBIDDEN"_s);
    // What to rectify and by when is the supervisor's to say.
    if (!supervisor(context)) {
        for (const QString &name :
             {u"title"_s, u"requirement"_s, u"amountFen"_s, u"orderedOn"_s, u"dueOn"_s}) {
            if (f.value(name) != context.before->value(name))
                return problem(name, u"整改事项、要求、金额和期限由下达整改的监督人员确定"_s, u"FORBIDDEN"_s);
        }
        if (f.value(u"verifyNote"_s) != context.before->value(u"verifyNote"_s))
            return problem(u"verifyNote"_s, u"核查意见由监督人员填写"_s, u"FORBIDDEN"_s);
    }
    if (was == state)
        return std::nullopt;
    // Struck off or returned only by the supervisors the order names (an audit finding's: the audit office).
    const QString verifier = f.value(u"verifierDepartmentId"_s).toString();
    if ((*state == RectificationState::Closed || *state == RectificationState::Rectifying) &&
        !verifier.isEmpty() && supervisor(context) && context.actor->departmentId != verifier)
        return problem(u"state"_s, u"审计发现的整改须由作出审计的机关核查销号"_s, u"FORBIDDEN"_s);
    switch (*state) {
    case RectificationState::Applied:
        if (text(f, u"appliedNote"_s).isEmpty())
            return problem(u"appliedNote"_s, u"申请销号须说明整改完成情况"_s);
        if (fenOf(f, u"recoveredFen"_s) < fenOf(f, u"amountFen"_s))
            return problem(u"recoveredFen"_s, u"应追回（归还）的资金尚未足额到位，不能申请销号"_s);
        return std::nullopt;
    case RectificationState::Closed:
        if (was != RectificationState::Applied)
            return problem(u"state"_s, u"须先由整改单位申请销号，再由监督人员核查销号"_s);
        if (!supervisor(context))
            return problem(u"state"_s, u"整改须经监督人员（审计发现由审计机关）核查后方可销号"_s,
                           u"FORBIDDEN"_s);
        if (text(f, u"verifyNote"_s).isEmpty() ||
            f.value(u"verifyNote"_s) == context.before->value(u"verifyNote"_s))
            return problem(u"verifyNote"_s, u"销号须填写本次核查意见"_s);
        return std::nullopt;
    case RectificationState::Rectifying:
        // Returned: the supervisor found the rectification not done.
        if (!supervisor(context))
            return problem(u"state"_s, u"退回整改由监督人员核查后决定"_s, u"FORBIDDEN"_s);
        if (text(f, u"verifyNote"_s).isEmpty() ||
            f.value(u"verifyNote"_s) == context.before->value(u"verifyNote"_s))
            return problem(u"verifyNote"_s, u"退回整改须写明核查意见"_s);
        return std::nullopt;
    }
    return std::nullopt;
}

void RectificationType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    const QString was = context.before ? context.before->value(u"state"_s).toString() : QString();
    const QString now = f.value(u"state"_s).toString();
    if (was == now)
        return;
    if (now == rectificationStateName(RectificationState::Applied))
        setDate(f, u"appliedOn"_s, context.today);
    if (now == rectificationStateName(RectificationState::Closed)) {
        setDate(f, u"closedOn"_s, context.today);
        if (context.actor)
            f.insert(u"closedBy"_s, context.actor->userId);
    }
}

std::optional<FieldProblem> RectificationType::deleteProblem(const QString &, const QJsonObject &,
                                                             const sync::RuleContext &) const
{
    return problem(u"state"_s, u"整改记录不能删除；不需整改的请由监督人员核查后销号"_s, u"FORBIDDEN"_s);
}

// --- rectification-report ---------------------------------------------------------------------------------

QList<FieldSpec> RectificationReportType::fields() const
{
    return {
        FieldSpec(u"rectificationId"_s, FieldKind::Reference, u"整改"_s)
            .references(QString::fromUtf16(RectificationType::kName))
            .require()
            .cacheLookup(),
        FieldSpec(u"reportedOn"_s, FieldKind::Date, u"报告日期"_s).pastOrToday().require(),
        FieldSpec(u"progress"_s, FieldKind::Text, u"整改进展"_s).max(1000).require(),
        FieldSpec(u"recoveredFen"_s, FieldKind::Money, u"本次追回（归还）金额"_s),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"佐证材料"_s).max(20),
    };
}

std::optional<FieldProblem> RectificationReportType::checkRules(const QString &, const QJsonObject &f,
                                                                const sync::Placement &placement,
                                                                const sync::RuleContext &context) const
{
    if (fenOf(f, u"recoveredFen"_s) < 0)
        return problem(u"recoveredFen"_s, u"金额不能为负数"_s);
    if (auto p = checkReference(context, f, u"rectificationId"_s, placement, true))
        return p;
    if (context.lookup && !context.before) {
        const auto target = context.lookup(f.value(u"rectificationId"_s).toString());
        if (target &&
            target->fields.value(u"state"_s).toString() == rectificationStateName(RectificationState::Closed))
            return problem(u"rectificationId"_s, u"该整改已销号，不能再报告进展"_s);
    }
    return std::nullopt;
}

// --- referral ---------------------------------------------------------------------------------------------

QList<FieldSpec> ReferralType::fields() const
{
    return {
        FieldSpec(u"source"_s, FieldKind::Choice, u"来源"_s).options(sourceChoicePairs()).require(),
        FieldSpec(u"sourceId"_s, FieldKind::Text, u"来源记录"_s).max(64).cacheLookup(),
        FieldSpec(u"subject"_s, FieldKind::Text, u"移送事由"_s).max(300).require(),
        FieldSpec(u"to"_s, FieldKind::Choice, u"移送机关"_s)
            .options({u"discipline"_s, u"纪委监委"_s, u"judicial"_s, u"司法机关"_s})
            .require(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"涉及金额"_s),
        FieldSpec(u"letterNo"_s, FieldKind::Text, u"移送函文号"_s).max(60),
        FieldSpec(u"sentOn"_s, FieldKind::Date, u"移送日期"_s).require().cacheOrder(),
        FieldSpec(u"receivedOn"_s, FieldKind::Date, u"签收日期"_s).pastOrToday(),
        FieldSpec(u"receivedBy"_s, FieldKind::Text, u"签收人"_s).max(40),
        FieldSpec(u"outcome"_s, FieldKind::Text, u"处理结果"_s).max(1000),
        FieldSpec(u"concludedOn"_s, FieldKind::Date, u"办结日期"_s).pastOrToday(),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s)
            .options({u"sent"_s, u"已移送"_s, u"received"_s, u"已签收"_s, u"concluded"_s, u"已办结"_s})
            .derived(),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"移送函及材料"_s).max(20),
    };
}

QString ReferralType::recordIdFor(const QString &source, const QString &sourceId)
{
    return orderedId(kName, source, sourceId);
}

sync::Consequence ReferralType::consequenceFor(const Order &order, const QString &orgUnitId,
                                               const QString &departmentId)
{
    QJsonObject f{{u"subject"_s, order.subject.left(300)}, {u"to"_s, order.to}};
    setDate(f, u"sentOn"_s, order.sentOn);
    return ordered(kName, order.source, order.sourceId, order.amountFen, f, orgUnitId, departmentId);
}

std::optional<FieldProblem> ReferralType::checkRules(const QString &, const QJsonObject &f,
                                                     const sync::Placement &,
                                                     const sync::RuleContext &context) const
{
    if (auto p = sourceProblem(*this, f, context))
        return p;
    if (auto p = checkOrder(f, u"sentOn"_s, u"receivedOn"_s))
        return p;
    if (auto p = checkOrder(f, u"receivedOn"_s, u"concludedOn"_s))
        return p;
    if (fenOf(f, u"amountFen"_s) < 0)
        return problem(u"amountFen"_s, u"金额不能为负数"_s);
    if (dateOf(f, u"concludedOn"_s).isValid()) {
        if (!dateOf(f, u"receivedOn"_s).isValid())
            return problem(u"receivedOn"_s, u"办结前须先登记签收"_s);
        if (text(f, u"outcome"_s).isEmpty())
            return problem(u"outcome"_s, u"办结须填写处理结果"_s);
    }
    if (!byServer(context) && !supervisor(context)) {
        for (const QString &name : {u"receivedOn"_s, u"receivedBy"_s, u"outcome"_s, u"concludedOn"_s}) {
            const QJsonValue before = context.before ? context.before->value(name) : QJsonValue();
            if (f.value(name) != before && !(f.value(name).isUndefined() && before.isNull()))
                return problem(name, u"签收和处理结果由接收机关的监督人员登记"_s, u"FORBIDDEN"_s);
        }
    }
    return std::nullopt;
}

void ReferralType::derive(QJsonObject &f, const sync::RuleContext &) const
{
    const QString state = dateOf(f, u"concludedOn"_s).isValid()  ? u"concluded"_s
                          : dateOf(f, u"receivedOn"_s).isValid() ? u"received"_s
                                                                 : u"sent"_s;
    f.insert(u"state"_s, state);
}

// --- accountability ---------------------------------------------------------------------------------------

QList<FieldSpec> AccountabilityType::fields() const
{
    return {
        FieldSpec(u"person"_s, FieldKind::Text, u"被问责人"_s).max(40).require(),
        FieldSpec(u"post"_s, FieldKind::Text, u"职务"_s).max(60),
        FieldSpec(u"unitName"_s, FieldKind::Text, u"所在单位"_s).max(100),
        FieldSpec(u"grounds"_s, FieldKind::Choice, u"问责情形"_s)
            .options({u"perfunctory"_s, u"工作不严不实"_s, u"shirking"_s, u"推诿扯皮"_s, u"falsifying"_s,
                      u"弄虚作假"_s, u"embezzling"_s, u"侵占挪用"_s, u"other"_s, u"其他"_s})
            .require(),
        FieldSpec(u"form"_s, FieldKind::Choice, u"问责方式"_s)
            .options({u"reminder"_s, u"提醒谈话"_s, u"criticism"_s, u"批评教育"_s, u"self-examination"_s,
                      u"责令检查"_s, u"admonition"_s, u"诫勉"_s, u"circular"_s, u"通报批评"_s, u"party"_s,
                      u"党纪处分"_s, u"administrative"_s, u"政务处分"_s, u"organizational"_s, u"组织处理"_s,
                      u"judicial"_s, u"移送司法机关"_s})
            .require(),
        FieldSpec(u"summary"_s, FieldKind::Text, u"问责事由"_s).max(500).require(),
        FieldSpec(u"decidedOn"_s, FieldKind::Date, u"决定日期"_s).pastOrToday().require().cacheOrder(),
        FieldSpec(u"decisionNo"_s, FieldKind::Text, u"决定文号"_s).max(60),
        FieldSpec(u"leadersExamined"_s, FieldKind::Boolean, u"一案双查"_s),
        FieldSpec(u"leadersNote"_s, FieldKind::Text, u"领导责任追究情况"_s).max(500),
        FieldSpec(u"published"_s, FieldKind::Boolean, u"通报曝光"_s),
        FieldSpec(u"publishedOn"_s, FieldKind::Date, u"通报日期"_s),
        FieldSpec(u"referralId"_s, FieldKind::Reference, u"相关移送"_s)
            .references(QString::fromUtf16(ReferralType::kName)),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"问责决定"_s).max(20),
    };
}

std::optional<FieldProblem> AccountabilityType::checkRules(const QString &, const QJsonObject &f,
                                                           const sync::Placement &placement,
                                                           const sync::RuleContext &context) const
{
    if (f.value(u"leadersExamined"_s).toBool() && text(f, u"leadersNote"_s).isEmpty())
        return problem(u"leadersNote"_s, u"一案双查须写明对领导责任的追究情况"_s);
    if (f.value(u"published"_s).toBool() && !dateOf(f, u"publishedOn"_s).isValid())
        return problem(u"publishedOn"_s, u"通报曝光须填写通报日期"_s);
    if (auto p = checkOrder(f, u"decidedOn"_s, u"publishedOn"_s))
        return p;
    return checkReference(context, f, u"referralId"_s, placement, false);
}

} // namespace sunshine::supervision
