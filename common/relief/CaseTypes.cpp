#include "common/relief/CaseTypes.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

QList<StepEntry> stepsFromJson(const QJsonArray &steps)
{
    QList<StepEntry> out;
    for (const QJsonValue &v : steps) {
        const QJsonObject o = v.toObject();
        StepEntry e;
        e.step = o.value(u"step"_s).toString();
        e.passed = o.value(u"passed"_s).toBool(true);
        e.date = QDate::fromString(o.value(u"date"_s).toString(), Qt::ISODate);
        e.person = o.value(u"person"_s).toString();
        e.opinion = o.value(u"opinion"_s).toString();
        e.noticeStart = QDate::fromString(o.value(u"noticeStart"_s).toString(), Qt::ISODate);
        e.noticeEnd = QDate::fromString(o.value(u"noticeEnd"_s).toString(), Qt::ISODate);
        out.append(e);
    }
    return out;
}

QJsonObject stepToJson(const StepEntry &e, const QString &byUserId)
{
    QJsonObject o{
        {u"step"_s, e.step},     {u"passed"_s, e.passed},   {u"date"_s, e.date.toString(Qt::ISODate)},
        {u"person"_s, e.person}, {u"opinion"_s, e.opinion}, {u"by"_s, byUserId}};
    if (e.noticeStart.isValid())
        o.insert(u"noticeStart"_s, e.noticeStart.toString(Qt::ISODate));
    if (e.noticeEnd.isValid())
        o.insert(u"noticeEnd"_s, e.noticeEnd.toString(Qt::ISODate));
    return o;
}

QList<ComparisonHit> hitsFromJson(const QJsonArray &hits)
{
    QList<ComparisonHit> out;
    for (const QJsonValue &v : hits) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"source"_s).toString(), o.value(u"detail"_s).toString(),
                    o.value(u"status"_s).toString(), o.value(u"reason"_s).toString()});
    }
    return out;
}

int unresolvedHits(const QList<ComparisonHit> &hits)
{
    return int(std::count_if(hits.begin(), hits.end(), [](const ComparisonHit &h) {
        return h.status != u"cleared"_s; // open, or confirmed: the case can only be returned
    }));
}

QString comparisonSourceChinese(const QString &source)
{
    if (source == u"vehicles"_s)
        return u"车辆"_s;
    if (source == u"housing"_s)
        return u"房产"_s;
    if (source == u"provident-fund"_s)
        return u"公积金"_s;
    if (source == u"social-security"_s)
        return u"社保"_s;
    return u"其他"_s;
}

std::optional<FieldProblem> CaseType::checkSteps(const QJsonObject &f, const sync::RuleContext &context,
                                                 bool crossRegion, int openHits) const
{
    const QJsonArray now = f.value(u"steps"_s).toArray();
    const QJsonArray before = context.before ? context.before->value(u"steps"_s).toArray() : QJsonArray();
    if (now.size() < before.size() || now.size() > before.size() + 1)
        return problem(u"steps"_s, u"审批记录只能逐步追加，已办理的步骤不能删改"_s);
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (now.at(i) != before.at(i))
            return problem(u"steps"_s, u"已办理的审批步骤不能修改"_s);
    }
    if (now.size() == before.size())
        return std::nullopt;
    const QJsonObject added = now.last().toObject();
    for (auto it = added.constBegin(); it != added.constEnd(); ++it) {
        static const QStringList known{u"step"_s,    u"passed"_s,      u"date"_s,      u"person"_s,
                                       u"opinion"_s, u"noticeStart"_s, u"noticeEnd"_s, u"by"_s};
        if (!known.contains(it.key()) || (it.key() != u"passed"_s && !it.value().isString()) ||
            it.value().toString().size() > 500)
            return problem(u"steps"_s, u"审批步骤中的“%1”无法识别或过长"_s.arg(it.key().left(20)));
    }
    StepContext step;
    step.crossRegion = crossRegion;
    step.unresolvedComparisonHits = openHits;
    step.today = context.today;
    const CaseState state = caseState(m_kind, stepsFromJson(before));
    const QList<WorkflowStep> steps = workflowSteps(m_kind);
    if (context.actor) {
        if (!context.actor->hasRole(Role::Reviewer))
            return problem(u"steps"_s, u"只有审核员可以办理审批步骤"_s, u"FORBIDDEN"_s);
        if (added.value(u"by"_s).toString() != context.actor->userId)
            return problem(u"steps"_s, u"审批步骤应记录办理人本人"_s);
        step.actorLevel = sync::orgLevelOfPath(context.actor->orgPath);
    } else if (state.nextStep < steps.size()) {
        // Checked without an actor (offline, or replaying a history): the server checks the level.
        step.actorLevel = crossRegion && steps.at(state.nextStep).code == u"comparison"_s
                              ? OrgLevel::City
                              : steps.at(state.nextStep).level;
    }
    if (const auto why = stepProblem(m_kind, stepsFromJson(before), stepsFromJson({added}).first(), step))
        return problem(u"steps"_s, *why, u"WORKFLOW_STEP"_s);
    return std::nullopt;
}

// --- identification-case ---

QList<FieldSpec> IdentificationCaseType::fields() const
{
    return {
        FieldSpec(u"year"_s, FieldKind::Integer, u"年度"_s).require(),
        FieldSpec(u"applicantName"_s, FieldKind::Text, u"申请人"_s).max(40).require(),
        FieldSpec(u"applicantIdNumber"_s, FieldKind::IdNumber, u"申请人身份证号"_s).require().personalData(),
        FieldSpec(u"members"_s, FieldKind::Integer, u"家庭人口"_s).require(),
        FieldSpec(u"perCapitaIncomeFen"_s, FieldKind::Money, u"上年人均收入"_s).require(),
        FieldSpec(u"reason"_s, FieldKind::Text, u"申请理由"_s).max(500).require(),
        FieldSpec(u"crossRegion"_s, FieldKind::Boolean, u"跨区域比对"_s),
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"纳入的户"_s)
            .references(u"household"_s)
            .cacheLookup()
            .derived(),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"审批记录"_s).max(60).derived(),
        // Art. 26: the hits themselves only to county and city reviewers; others learn their count and state.
        FieldSpec(u"hits"_s, FieldKind::StepList, u"比对疑点"_s)
            .max(200)
            .derived()
            .confidentialData({u"status"_s}),
        // The feedback of the departments compared with (比对反馈材料), as they sent it: as confidential as
        // the hits.
        FieldSpec(u"hitDocuments"_s, FieldKind::Attachments, u"比对反馈材料"_s).max(20).confidentialData(),
        // The notice of the next step as posted (村内公示, 镇级公示): on the public portal while it lasts.
        FieldSpec(u"noticeStart"_s, FieldKind::Date, u"本次公示开始"_s),
        FieldSpec(u"noticeEnd"_s, FieldKind::Date, u"本次公示结束"_s),
    };
}

std::optional<FieldProblem> IdentificationCaseType::checkRules(const QString &, const QJsonObject &f,
                                                               const sync::Placement &placement,
                                                               const sync::RuleContext &context) const
{
    const int members = f.value(u"members"_s).toInt();
    if (members < 1 || members > 30)
        return problem(u"members"_s, u"家庭人口应在 1 至 30 人之间"_s);
    if (fenOf(f, u"perCapitaIncomeFen"_s) < 0)
        return problem(u"perCapitaIncomeFen"_s, u"人均收入不能为负数"_s);
    if (!context.before && atOrAboveIncomeLine(fenOf(f, u"perCapitaIncomeFen"_s)))
        return problem(u"perCapitaIncomeFen"_s,
                       u"人均年收入达到 7000 元的家庭不符合建档立卡条件（第八条）"_s);
    const QList<ComparisonHit> hits = hitsFromJson(f.value(u"hits"_s).toArray());
    const QList<ComparisonHit> hitsBefore =
        context.before ? hitsFromJson(context.before->value(u"hits"_s).toArray()) : QList<ComparisonHit>();
    if (hits.size() < hitsBefore.size())
        return problem(u"hits"_s, u"比对疑点不能删除，只能核实后处理"_s);
    for (const ComparisonHit &h : hits) {
        if (h.status == u"cleared"_s && h.reason.trimmed().isEmpty())
            return problem(u"hits"_s, u"排除比对疑点须写明理由"_s);
    }
    const auto changed = [&](const QString &name) {
        const QJsonValue before = context.before ? context.before->value(name) : QJsonValue();
        return f.value(name).toArray() != before.toArray();
    };
    if (context.actor && (changed(u"hits"_s) || changed(u"hitDocuments"_s))) {
        // Comparison data are entered and settled by reviewers at county or city level only (Art. 9, 26).
        if (!context.actor->hasRole(Role::Reviewer) ||
            sync::orgLevelOfPath(context.actor->orgPath) > OrgLevel::County)
            return problem(u"hits"_s, u"比对疑点只能由县级或市级审核员登记和处理"_s, u"FORBIDDEN"_s);
    }
    // The household is linked when the county has approved the case.
    const QString linked = f.value(u"householdId"_s).toString();
    if (!linked.isEmpty() &&
        linked != (context.before ? context.before->value(u"householdId"_s).toString() : QString()) &&
        !caseState(CaseKind::Identification, stepsFromJson(f.value(u"steps"_s).toArray())).finished)
        return problem(u"householdId"_s, u"精准识别经县级审批后才能纳入建档立卡户"_s);
    if (auto p = checkSteps(f, context, f.value(u"crossRegion"_s).toBool(), unresolvedHits(hits)))
        return p;
    if (auto p = checkPostedNotice(f, context))
        return p;
    return checkReference(context, f, u"householdId"_s, placement, true);
}

std::optional<FieldProblem> IdentificationCaseType::checkPostedNotice(const QJsonObject &f,
                                                                      const sync::RuleContext &context) const
{
    const QDate start = dateOf(f, u"noticeStart"_s);
    const QDate end = dateOf(f, u"noticeEnd"_s);
    const bool changed = !context.before ||
                         context.before->value(u"noticeStart"_s) != f.value(u"noticeStart"_s) ||
                         context.before->value(u"noticeEnd"_s) != f.value(u"noticeEnd"_s);
    if (!changed || (!start.isValid() && !end.isValid()))
        return std::nullopt;
    if (auto why = noticePeriodProblem(start, end))
        return problem(start.isValid() ? u"noticeEnd"_s : u"noticeStart"_s, *why);
    const QList<StepEntry> history = stepsFromJson(f.value(u"steps"_s).toArray());
    const CaseState state = caseState(CaseKind::Identification, history);
    const QList<WorkflowStep> steps = workflowSteps(CaseKind::Identification);
    if (state.refused || state.finished || state.nextStep >= steps.size() ||
        !steps.at(state.nextStep).publicNotice)
        return problem(u"noticeStart"_s, u"本案当前环节不需要公示"_s);
    if (!history.isEmpty() && start < history.last().date)
        return problem(u"noticeStart"_s,
                       u"公示应在上一环节（%1）之后开始"_s.arg(history.last().date.toString(Qt::ISODate)));
    return std::nullopt;
}

namespace {

// The case became finished with this change (it was not before).
bool finishedNow(CaseKind kind, const QJsonObject &fields, const sync::RuleContext &context)
{
    const bool now = caseState(kind, stepsFromJson(fields.value(u"steps"_s).toArray())).finished;
    const bool before = context.before &&
                        caseState(kind, stepsFromJson(context.before->value(u"steps"_s).toArray())).finished;
    return now && !before;
}

} // namespace

QString IdentificationCaseType::householdIdFor(const QString &caseId)
{
    return sync::derivedRecordId(u"household"_s, u"identification:"_s + caseId);
}

QString IdentificationCaseType::headIdFor(const QString &caseId)
{
    return sync::derivedRecordId(u"member"_s, u"identification:"_s + caseId);
}

QList<sync::Consequence> IdentificationCaseType::consequences(const QString &recordId, const QJsonObject &f,
                                                              const sync::Placement &placement,
                                                              const sync::RuleContext &context) const
{
    if (!finishedNow(CaseKind::Identification, f, context) || !f.value(u"householdId"_s).toString().isEmpty())
        return {};
    const QString householdId = householdIdFor(recordId);
    sync::Consequence household;
    household.type = u"household"_s;
    household.recordId = householdId;
    household.orgUnitId = placement.orgUnitId;
    household.fields = {{u"headName"_s, f.value(u"applicantName"_s)},
                        {u"povertyCause"_s, u"other"_s},
                        {u"registeredYear"_s, f.value(u"year"_s)},
                        {u"status"_s, u"registered"_s}};
    household.createOnly = true;
    sync::Consequence head;
    head.type = u"member"_s;
    head.recordId = headIdFor(recordId);
    head.orgUnitId = placement.orgUnitId;
    head.fields = {{u"householdId"_s, householdId},
                   {u"name"_s, f.value(u"applicantName"_s)},
                   {u"idNumber"_s, f.value(u"applicantIdNumber"_s)},
                   {u"relation"_s, u"head"_s}};
    head.createOnly = true;
    sync::Consequence link;
    link.type = name();
    link.recordId = recordId;
    link.orgUnitId = placement.orgUnitId;
    link.departmentId = placement.departmentId;
    link.fields = {{u"householdId"_s, householdId}};
    return {household, head, link};
}

QList<sync::Consequence> ExitCaseType::consequences(const QString &recordId, const QJsonObject &f,
                                                    const sync::Placement &placement,
                                                    const sync::RuleContext &context) const
{
    if (!finishedNow(CaseKind::Exit, f, context))
        return {};
    sync::Consequence household;
    household.type = u"household"_s;
    household.recordId = f.value(u"householdId"_s).toString();
    household.orgUnitId = placement.orgUnitId;
    household.fields = {
        {u"status"_s, u"exited"_s}, {u"exitCaseId"_s, recordId}, {u"exitYear"_s, f.value(u"year"_s)}};
    return {household};
}

// --- exit-case ---

QList<FieldSpec> ExitCaseType::fields() const
{
    return {
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"退出的户"_s)
            .references(u"household"_s)
            .cacheLookup()
            .require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"年度"_s).require(),
        FieldSpec(u"perCapitaIncomeFen"_s, FieldKind::Money, u"当年人均收入"_s).require(),
        FieldSpec(u"reason"_s, FieldKind::Text, u"退出理由"_s).max(500).require(),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"审批记录"_s).max(60).derived(),
    };
}

QString ExitCaseType::recordIdFor(const QString &householdId, int year)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), householdId + u'/' + QString::number(year));
}

QDate ExitCaseType::confirmedOn(const QJsonObject &f)
{
    const QList<StepEntry> history = stepsFromJson(f.value(u"steps"_s).toArray());
    const CaseState state = caseState(CaseKind::Exit, history);
    return state.finished && !history.isEmpty() ? history.last().date : QDate();
}

bool ExitCaseType::begun(const QJsonObject &f)
{
    return !caseState(CaseKind::Exit, stepsFromJson(f.value(u"steps"_s).toArray())).refused;
}

std::optional<FieldProblem> ExitCaseType::checkRules(const QString &recordId, const QJsonObject &f,
                                                     const sync::Placement &placement,
                                                     const sync::RuleContext &context) const
{
    const int year = f.value(u"year"_s).toInt();
    if (year < 2014 || year > 9999)
        return problem(u"year"_s, u"年度不正确"_s);
    if (auto p = checkDerivedId(recordId, f.value(u"householdId"_s).toString() + u'/' + QString::number(year),
                                u"year"_s))
        return p;
    if (auto p = checkReference(context, f, u"householdId"_s, placement, true))
        return p;
    // Art. 8, 10: a household leaves the registry when its income is at or above the line.
    if (!atOrAboveIncomeLine(fenOf(f, u"perCapitaIncomeFen"_s)))
        return problem(u"perCapitaIncomeFen"_s,
                       u"当年人均收入低于 7000 元，未达到退出标准（第八条、第十条）"_s);
    return checkSteps(f, context, false, 0);
}

} // namespace sunshine::relief
