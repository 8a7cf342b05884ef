#include "common/relief/RegistryTypes.h"

#include "common/auth/ServerActor.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/ReliefRules.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

// --- household ---

QList<FieldSpec> HouseholdType::fields() const
{
    const QStringList yesNoUnknown{u"yes"_s, u"是"_s, u"no"_s, u"否"_s};
    return {
        FieldSpec(u"householdNo"_s, FieldKind::Text, u"户编号"_s).max(32).cacheOrder(),
        FieldSpec(u"headName"_s, FieldKind::Text, u"户主姓名"_s).max(40).require(),
        FieldSpec(u"address"_s, FieldKind::Text, u"家庭住址"_s).max(120),
        FieldSpec(u"phone"_s, FieldKind::Phone, u"联系电话"_s).personalData(),
        FieldSpec(u"povertyCause"_s, FieldKind::Choice, u"主要致贫原因"_s)
            .options({u"illness"_s, u"因病"_s, u"disability"_s, u"因残"_s, u"schooling"_s, u"因学"_s,
                      u"no-labour"_s, u"缺劳力"_s, u"no-skills"_s, u"缺技术"_s, u"no-funds"_s, u"缺资金"_s,
                      u"disaster"_s, u"因灾"_s, u"other"_s, u"其他"_s})
            .require(),
        FieldSpec(u"registeredYear"_s, FieldKind::Integer, u"建档年份"_s).require(),
        FieldSpec(u"status"_s, FieldKind::Choice, u"状态"_s)
            .options({u"registered"_s, u"在册"_s, u"exited"_s, u"已退出"_s})
            .require(),
        FieldSpec(u"passbookBank"_s, FieldKind::Text, u"一折通开户行"_s).max(60),
        FieldSpec(u"passbookAccount"_s, FieldKind::Text, u"一折通账号"_s).max(32).personalData(),
        // 两不愁三保障 (Art. 22)
        FieldSpec(u"educationOk"_s, FieldKind::Choice, u"义务教育有保障"_s)
            .options({u"yes"_s, u"有保障"_s, u"no"_s, u"有辍学"_s, u"none"_s, u"无适龄子女"_s}),
        FieldSpec(u"medicalInsured"_s, FieldKind::Boolean, u"参加基本医疗保险"_s),
        FieldSpec(u"familyDoctor"_s, FieldKind::Boolean, u"家庭医生签约"_s),
        FieldSpec(u"seriousIllnessCover"_s, FieldKind::Boolean, u"大病保险"_s),
        FieldSpec(u"housing"_s, FieldKind::Choice, u"住房安全"_s)
            .options({u"safe"_s, u"安全"_s, u"renovated"_s, u"已危房改造"_s, u"unsafe"_s, u"危房待改造"_s}),
        FieldSpec(u"drinkingWaterSafe"_s, FieldKind::Boolean, u"饮水安全"_s),
        FieldSpec(u"exitCaseId"_s, FieldKind::Reference, u"退出审批"_s).references(u"exit-case"_s).derived(),
        FieldSpec(u"exitYear"_s, FieldKind::Integer, u"退出年度"_s).derived(),
        FieldSpec(u"note"_s, FieldKind::Text, u"备注"_s).max(500),
    };
}

std::optional<FieldProblem> HouseholdType::checkRules(const QString &recordId, const QJsonObject &f,
                                                      const sync::Placement &,
                                                      const sync::RuleContext &context) const
{
    const int year = f.value(u"registeredYear"_s).toInt();
    if (year < 2014 || (context.today.isValid() && year > context.today.year()))
        return problem(u"registeredYear"_s, u"建档年份应在 2014 年至今年之间"_s);
    // Art. 9: a household enters the registry through an identification case the county approves (the
    // server registers it then). The only other way in is the roster of households registered before the
    // system, imported by a reviewer of the county.
    if (!context.before && context.actor && !isServerActor(*context.actor) &&
        !(context.actor->hasRole(Role::Reviewer) &&
          sync::orgLevelOfPath(context.actor->orgPath) == OrgLevel::County))
        return problem(
            u"status"_s,
            u"建档立卡户须经精准识别、县级审批后纳入（第九条）；系统启用前已在册的户由县级审核员导入花名册"_s,
            u"FORBIDDEN"_s);
    const bool exited = f.value(u"status"_s).toString() == u"exited"_s;
    const bool wasExited = context.before && context.before->value(u"status"_s).toString() == u"exited"_s;
    if (exited && !wasExited) {
        // Leaving the registry only through a confirmed exit case (Art. 10); the history stays.
        const QString caseId = f.value(u"exitCaseId"_s).toString();
        if (caseId.isEmpty())
            return problem(u"status"_s, u"退出须经村、镇、县三级审批，请通过退出审批办理"_s);
        if (context.lookup) {
            const std::optional<sync::Record> c = context.lookup(caseId);
            if (!c || c->type != u"exit-case"_s || c->fields.value(u"householdId"_s).toString() != recordId)
                return problem(u"exitCaseId"_s, u"退出审批记录不存在"_s, u"NOT_FOUND"_s);
            if (!caseState(CaseKind::Exit, stepsFromJson(c->fields.value(u"steps"_s).toArray())).finished)
                return problem(u"status"_s, u"退出审批尚未经县级确认，不能标记为已退出"_s);
        }
    }
    if (!exited && wasExited)
        return problem(u"status"_s, u"已退出的户不能直接恢复在册，请重新办理精准识别"_s);
    return std::nullopt;
}

// --- member ---

QList<FieldSpec> MemberType::fields() const
{
    return {
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"所属户"_s)
            .references(u"household"_s)
            .cacheLookup()
            .require(),
        FieldSpec(u"name"_s, FieldKind::Text, u"姓名"_s).max(40).require(),
        FieldSpec(u"idNumber"_s, FieldKind::IdNumber, u"身份证号"_s).require().personalData(),
        FieldSpec(u"relation"_s, FieldKind::Choice, u"与户主关系"_s)
            .options({u"head"_s, u"户主"_s, u"spouse"_s, u"配偶"_s, u"child"_s, u"子女"_s, u"parent"_s,
                      u"父母"_s, u"grandchild"_s, u"孙子女"_s, u"sibling"_s, u"兄弟姐妹"_s, u"other"_s,
                      u"其他"_s})
            .require(),
        FieldSpec(u"health"_s, FieldKind::Choice, u"健康状况"_s)
            .options({u"healthy"_s, u"健康"_s, u"chronic"_s, u"长期慢性病"_s, u"serious"_s, u"大病"_s}),
        FieldSpec(u"disability"_s, FieldKind::Choice, u"残疾等级"_s)
            .options({u"none"_s, u"无"_s, u"1"_s, u"一级"_s, u"2"_s, u"二级"_s, u"3"_s, u"三级"_s, u"4"_s,
                      u"四级"_s}),
        FieldSpec(u"schooling"_s, FieldKind::Choice, u"在校情况"_s)
            .options({u"not-in-school"_s, u"非在校生"_s, u"preschool"_s, u"学前教育"_s, u"primary"_s,
                      u"小学"_s, u"junior"_s, u"初中"_s, u"senior"_s, u"高中/中职"_s, u"college"_s,
                      u"大专及以上"_s, u"dropped-out"_s, u"辍学"_s}),
        FieldSpec(u"labour"_s, FieldKind::Choice, u"劳动能力"_s)
            .options({u"full"_s, u"有劳动能力"_s, u"partial"_s, u"弱劳动能力"_s, u"none"_s, u"无劳动能力"_s}),
        FieldSpec(u"medicalInsured"_s, FieldKind::Boolean, u"参加医保"_s),
        FieldSpec(u"pensionInsured"_s, FieldKind::Boolean, u"参加养老保险"_s),
        FieldSpec(u"mobile"_s, FieldKind::Mobile, u"手机"_s).personalData(),
    };
}

QList<QPair<QString, QString>> MemberType::uniqueKeys(const QJsonObject &f) const
{
    const QString id = f.value(u"idNumber"_s).toString();
    if (id.isEmpty())
        return {};
    return {{u"person:"_s + id, u"idNumber"_s}};
}

std::optional<FieldProblem> MemberType::checkRules(const QString &, const QJsonObject &f,
                                                   const sync::Placement &placement,
                                                   const sync::RuleContext &context) const
{
    if (auto p = checkReference(context, f, u"householdId"_s, placement, true))
        return p;
    if (context.before && context.before->value(u"householdId"_s) != f.value(u"householdId"_s))
        return problem(u"householdId"_s, u"成员不能改到另一户，请在原户删除后在新户登记"_s);
    return std::nullopt;
}

// --- household-income ---

QList<FieldSpec> HouseholdIncomeType::fields() const
{
    return {
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"所属户"_s)
            .references(u"household"_s)
            .cacheLookup()
            .require(),
        FieldSpec(u"quarter"_s, FieldKind::Text, u"季度"_s).max(6).require(),
        FieldSpec(u"wagesFen"_s, FieldKind::Money, u"工资性收入"_s),
        FieldSpec(u"businessFen"_s, FieldKind::Money, u"经营性收入"_s),
        FieldSpec(u"propertyFen"_s, FieldKind::Money, u"财产性收入"_s),
        FieldSpec(u"transferFen"_s, FieldKind::Money, u"转移性收入"_s),
        FieldSpec(u"members"_s, FieldKind::Integer, u"家庭人口"_s).require(),
        FieldSpec(u"note"_s, FieldKind::Text, u"说明"_s).max(200),
    };
}

QString HouseholdIncomeType::recordIdFor(const QString &householdId, const QString &quarter)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), householdId + u'/' + quarter);
}

std::optional<FieldProblem> HouseholdIncomeType::checkRules(const QString &recordId, const QJsonObject &f,
                                                            const sync::Placement &placement,
                                                            const sync::RuleContext &context) const
{
    const std::optional<Quarter> q = Quarter::parse(f.value(u"quarter"_s).toString());
    if (!q)
        return problem(u"quarter"_s, u"季度应写作 2026Q3 这样的形式"_s);
    if (context.today.isValid() && q->firstDay() > context.today)
        return problem(u"quarter"_s, u"不能登记尚未开始的季度的收入"_s);
    for (const QString &k : {u"wagesFen"_s, u"propertyFen"_s, u"transferFen"_s}) {
        if (fenOf(f, k) < 0)
            return problem(k, u"“%1”不能为负数（只有经营性收入可以为亏损）"_s.arg(field(k)->displayName()));
    }
    const int members = f.value(u"members"_s).toInt();
    if (members < 1 || members > 30)
        return problem(u"members"_s, u"家庭人口应在 1 至 30 人之间"_s);
    if (auto p = checkDerivedId(recordId, f.value(u"householdId"_s).toString() + u'/' + q->toString(),
                                u"quarter"_s))
        return p;
    return checkReference(context, f, u"householdId"_s, placement, true);
}

PerCapitaIncome HouseholdIncomeType::perCapitaOf(const QList<QJsonObject> &incomeRecords)
{
    QList<QuarterIncome> incomes;
    int members = 0;
    Quarter latest;
    for (const QJsonObject &f : incomeRecords) {
        const std::optional<Quarter> quarter = Quarter::parse(f.value(u"quarter"_s).toString());
        if (!quarter)
            continue;
        QuarterIncome in;
        in.quarter = *quarter;
        in.wagesFen = fenOf(f, u"wagesFen"_s);
        in.businessFen = fenOf(f, u"businessFen"_s);
        in.propertyFen = fenOf(f, u"propertyFen"_s);
        in.transferFen = fenOf(f, u"transferFen"_s);
        incomes.append(in);
        if (!latest.isValid() || latest < *quarter) {
            latest = *quarter;
            members = f.value(u"members"_s).toInt();
        }
    }
    return latest.isValid() ? perCapitaIncome(incomes, members, latest) : PerCapitaIncome();
}

} // namespace sunshine::relief
