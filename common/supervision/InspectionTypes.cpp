#include "common/supervision/InspectionTypes.h"

#include "common/core/Quarter.h"
#include "common/supervision/SupervisionRules.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::supervision {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

const QString kFinding = QString::fromUtf16(InspectionFindingType::kName);

QStringList kindPairs()
{
    QStringList pairs;
    for (InspectionKind k : {InspectionKind::Full, InspectionKind::Spot, InspectionKind::Special})
        pairs << inspectionKindName(k) << inspectionKindChinese(k);
    return pairs;
}

} // namespace

// --- inspection -------------------------------------------------------------------------------------------

QList<FieldSpec> InspectionType::fields() const
{
    return {
        FieldSpec(u"kind"_s, FieldKind::Choice, u"督查类别"_s).options(kindPairs()).require(),
        FieldSpec(u"quarter"_s, FieldKind::Text, u"督查季度"_s).max(6).require().cacheLookup(),
        FieldSpec(u"title"_s, FieldKind::Text, u"督查名称"_s).max(100).require(),
        FieldSpec(u"startedOn"_s, FieldKind::Date, u"开始日期"_s).pastOrToday().require().cacheOrder(),
        FieldSpec(u"inspectors"_s, FieldKind::Text, u"督查人员"_s).max(200),
        FieldSpec(u"scopeNote"_s, FieldKind::Text, u"督查内容"_s).max(500),
        FieldSpec(u"villageCount"_s, FieldKind::Integer, u"抽查村数"_s),
        FieldSpec(u"householdsPerVillage"_s, FieldKind::Integer, u"每村抽查户数"_s),
        FieldSpec(u"windowFrom"_s, FieldKind::Date, u"督查时段起"_s).derived(),
        FieldSpec(u"windowTo"_s, FieldKind::Date, u"督查时段止"_s).derived(),
        FieldSpec(u"seed"_s, FieldKind::Text, u"抽签种子"_s).max(20).derived(),
        FieldSpec(u"drawnOn"_s, FieldKind::Date, u"抽签日期"_s).derived(),
        FieldSpec(u"villagePopulation"_s, FieldKind::Integer, u"备抽村数"_s).derived(),
        FieldSpec(u"populationDigest"_s, FieldKind::Text, u"备抽名单摘要"_s).max(64).derived(),
        FieldSpec(u"drawnVillages"_s, FieldKind::StepList, u"抽中的村"_s).max(200).derived(),
        FieldSpec(u"drawnHouseholds"_s, FieldKind::StepList, u"抽中的户"_s).max(2000).derived(),
        FieldSpec(u"conclusion"_s, FieldKind::Text, u"督查结论"_s).max(1000),
        FieldSpec(u"concludedOn"_s, FieldKind::Date, u"结束日期"_s).pastOrToday(),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"督查材料"_s).max(20),
    };
}

QStringList InspectionType::drawFields()
{
    return {u"seed"_s,          u"drawnOn"_s,        u"villagePopulation"_s, u"populationDigest"_s,
            u"drawnVillages"_s, u"drawnHouseholds"_s};
}

std::optional<FieldProblem> InspectionType::checkRules(const QString &, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    if (placement.orgLevel == OrgLevel::Village)
        return problem(u"kind"_s, u"督查登记在市、县或镇一级，抽查的村由系统抽取"_s);
    const auto kind = inspectionKindFromName(f.value(u"kind"_s).toString());
    const auto quarter = Quarter::parse(f.value(u"quarter"_s).toString());
    if (!kind)
        return problem(u"kind"_s, u"督查类别不正确"_s);
    if (!quarter)
        return problem(u"quarter"_s, u"督查季度应写作“2026Q3”的形式"_s);
    // The window is judged when the inspection is opened, not again at each later edit.
    if (!context.before || f.value(u"startedOn"_s) != context.before->value(u"startedOn"_s) ||
        f.value(u"kind"_s) != context.before->value(u"kind"_s) ||
        f.value(u"quarter"_s) != context.before->value(u"quarter"_s)) {
        if (const auto why = windowProblem(*kind, *quarter, dateOf(f, u"startedOn"_s)))
            return problem(u"startedOn"_s, *why);
    }
    if (auto p = checkOrder(f, u"startedOn"_s, u"concludedOn"_s))
        return p;
    if (dateOf(f, u"concludedOn"_s).isValid() && f.value(u"conclusion"_s).toString().trimmed().isEmpty())
        return problem(u"conclusion"_s, u"结束督查须填写督查结论"_s);
    const qint64 villages = f.value(u"villageCount"_s).toInteger();
    const qint64 households = f.value(u"householdsPerVillage"_s).toInteger();
    if (villages < 0 || villages > 200)
        return problem(u"villageCount"_s, u"抽查村数应在 0 至 200 之间"_s);
    if (households < 0 || households > 50)
        return problem(u"householdsPerVillage"_s, u"每村抽查户数应在 0 至 50 之间"_s);
    if (context.before && !context.before->value(u"seed"_s).toString().isEmpty()) {
        // Drawn: what the draw was made from stands.
        for (const QString &name : {u"kind"_s, u"quarter"_s, u"villageCount"_s, u"householdsPerVillage"_s}) {
            if (f.value(name) != context.before->value(name))
                return problem(name, u"已抽签的督查不能再修改抽查范围"_s, u"FORBIDDEN"_s);
        }
    }
    return serverOnly(f, drawFields(), context);
}

void InspectionType::derive(QJsonObject &f, const sync::RuleContext &) const
{
    const auto kind = inspectionKindFromName(f.value(u"kind"_s).toString());
    const auto quarter = Quarter::parse(f.value(u"quarter"_s).toString());
    if (!kind || !quarter || *kind == InspectionKind::Special) {
        f.remove(u"windowFrom"_s);
        f.remove(u"windowTo"_s);
        return;
    }
    const InspectionWindow w = inspectionWindow(*kind, *quarter);
    setDate(f, u"windowFrom"_s, w.from);
    setDate(f, u"windowTo"_s, w.to);
}

// --- inspection-finding -----------------------------------------------------------------------------------

QList<FieldSpec> InspectionFindingType::fields() const
{
    return {
        FieldSpec(u"inspectionId"_s, FieldKind::Reference, u"督查"_s)
            .references(QString::fromUtf16(InspectionType::kName))
            .require()
            .cacheLookup(),
        FieldSpec(u"subject"_s, FieldKind::Choice, u"问题对象"_s)
            .options({u"payment"_s, u"资金发放"_s, u"household"_s, u"农户"_s, u"visit"_s, u"走访帮扶"_s,
                      u"village"_s, u"村务"_s, u"department"_s, u"部门履职"_s})
            .require(),
        FieldSpec(u"description"_s, FieldKind::Text, u"问题描述"_s).max(500).require(),
        FieldSpec(u"severity"_s, FieldKind::Choice, u"预警等级"_s)
            .options({u"yellow"_s, u"黄色"_s, u"orange"_s, u"橙色"_s, u"red"_s, u"红色"_s})
            .require(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"涉及金额"_s),
        FieldSpec(u"foundOn"_s, FieldKind::Date, u"发现日期"_s).pastOrToday().require(),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"佐证材料"_s).max(20),
    };
}

std::optional<FieldProblem> InspectionFindingType::checkRules(const QString &, const QJsonObject &f,
                                                              const sync::Placement &placement,
                                                              const sync::RuleContext &context) const
{
    if (placement.departmentId.isEmpty())
        return problem(u"description"_s, u"请选择对该问题负责整改的部门"_s);
    if (fenOf(f, u"amountFen"_s) < 0)
        return problem(u"amountFen"_s, u"金额不能为负数"_s);
    if (auto p = checkReference(context, f, u"inspectionId"_s, placement, false))
        return p;
    if (context.lookup) {
        // The finding lies where the inspection looked: its unit or below.
        const auto inspection = context.lookup(f.value(u"inspectionId"_s).toString());
        if (inspection && !placement.orgPath.contains(u'/' + inspection->orgUnitId + u'/'))
            return problem(u"inspectionId"_s, u"问题所在单位不在该督查的范围内"_s);
    }
    return std::nullopt;
}

// --- INSPECTION_FINDING -----------------------------------------------------------------------------------

InspectionFindingRule::InspectionFindingRule()
    : Rule({u"INSPECTION_FINDING"_s,
            u"督查发现问题"_s,
            u"第三十一条"_s,
            u"纪检监察机关督查、抽查发现的问题，转为预警由责任部门核实处理"_s,
            {kFinding}})
{}

void InspectionFindingRule::raise(const rules::RuleRecord &r, const rules::FindingSink &sink) const
{
    const auto severity = rules::severityFromName(r.fields.value(u"severity"_s).toString());
    rules::Finding f = finding(kFinding, r.id, QString(), severity.value_or(rules::Severity::Yellow));
    const InspectionFindingType type;
    const QString subject = type.field(u"subject"_s)->choiceLabel(r.fields.value(u"subject"_s).toString());
    const QString description = r.fields.value(u"description"_s).toString();
    f.summary = u"督查发现（%1）：%2"_s.arg(subject, description).left(300);
    f.evidence = QJsonObject{{u"inspectionId"_s, r.fields.value(u"inspectionId"_s)},
                             {u"subject"_s, subject},
                             {u"description"_s, description},
                             {u"foundOn"_s, r.fields.value(u"foundOn"_s)},
                             {u"amountFen"_s, sync::RecordType::fenOf(r.fields, u"amountFen"_s)}};
    f.recordIds = {r.id, r.fields.value(u"inspectionId"_s).toString()};
    f.placeAt(r);
    f.ownerDepartmentId = r.departmentId;
    // Payment findings are fund findings: copied to the 纪委 at once (Art. 28); the inspectors are the 纪委.
    f.copyToDiscipline = true;
    sink(std::move(f));
}

void InspectionFindingRule::evaluate(rules::RuleData &data, const rules::RuleRun &,
                                     const rules::FindingSink &sink) const
{
    data.scan(kFinding, rules::RuleFilter{}, [&](const rules::RuleRecord &r) { raise(r, sink); });
}

void InspectionFindingRule::evaluateTouched(rules::RuleData &data, const rules::RuleRun &,
                                            const QList<rules::RuleRecord> &touched,
                                            const rules::FindingSink &sink) const
{
    const QStringList ids = rules::idsOf(touched, kFinding);
    if (ids.isEmpty())
        return;
    rules::RuleFilter these;
    these.ids = ids;
    data.scan(kFinding, these, [&](const rules::RuleRecord &r) { raise(r, sink); });
}

} // namespace sunshine::supervision
