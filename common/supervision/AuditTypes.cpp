#include "common/supervision/AuditTypes.h"

#include "common/core/Money.h"
#include "common/supervision/RectificationTypes.h"
#include "common/supervision/SupervisionRules.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::supervision {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

QList<FieldSpec> AuditReportType::fields() const
{
    return {
        FieldSpec(u"reportNo"_s, FieldKind::Text, u"报告文号"_s).max(60).require(),
        FieldSpec(u"title"_s, FieldKind::Text, u"报告名称"_s).max(100).require(),
        FieldSpec(u"auditedUnit"_s, FieldKind::Text, u"被审计单位"_s).max(100).require(),
        FieldSpec(u"periodFrom"_s, FieldKind::Date, u"审计期间起"_s),
        FieldSpec(u"periodTo"_s, FieldKind::Date, u"审计期间止"_s),
        FieldSpec(u"issuedOn"_s, FieldKind::Date, u"出具日期"_s).pastOrToday().require().cacheOrder(),
        FieldSpec(u"auditor"_s, FieldKind::Text, u"审计组"_s).max(100),
        FieldSpec(u"attachments"_s, FieldKind::Attachments, u"审计报告"_s).max(20),
    };
}

std::optional<FieldProblem> AuditReportType::checkRules(const QString &, const QJsonObject &f,
                                                        const sync::Placement &,
                                                        const sync::RuleContext &) const
{
    if (auto p = checkOrder(f, u"periodFrom"_s, u"periodTo"_s))
        return p;
    if (auto p = checkOrder(f, u"periodTo"_s, u"issuedOn"_s))
        return p;
    return std::nullopt;
}

namespace {

QStringList categoryPairs()
{
    return {u"retained"_s, u"截留"_s,     u"diverted"_s, u"挤占"_s,       u"misused"_s,
            u"挪用"_s,     u"improper"_s, u"违规发放"_s, u"management"_s, u"管理不规范"_s};
}

QStringList orderPairs()
{
    return {u"recover"_s, u"追回资金"_s, u"return"_s, u"归还原资金渠道"_s, u"rectify"_s, u"限期整改"_s};
}

} // namespace

QList<FieldSpec> AuditFindingType::fields() const
{
    return {
        FieldSpec(u"reportId"_s, FieldKind::Reference, u"审计报告"_s)
            .references(QString::fromUtf16(AuditReportType::kName))
            .require()
            .cacheLookup(),
        FieldSpec(u"category"_s, FieldKind::Choice, u"问题类别"_s).options(categoryPairs()).require(),
        FieldSpec(u"description"_s, FieldKind::Text, u"问题描述"_s).max(500).require(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"涉及金额"_s),
        FieldSpec(u"order"_s, FieldKind::Choice, u"审计要求"_s).options(orderPairs()).require(),
        FieldSpec(u"foundOn"_s, FieldKind::Date, u"认定日期"_s).pastOrToday().require(),
        FieldSpec(u"rectifyDays"_s, FieldKind::Integer, u"整改期限（天）"_s),
        FieldSpec(u"responsibleDepartmentId"_s, FieldKind::Reference, u"整改责任部门"_s)
            .references(u"department"_s),
        FieldSpec(u"referToDiscipline"_s, FieldKind::Boolean, u"移送纪委监委"_s),
    };
}

std::optional<FieldProblem> AuditFindingType::checkRules(const QString &, const QJsonObject &f,
                                                         const sync::Placement &placement,
                                                         const sync::RuleContext &context) const
{
    const QJsonValue days = f.value(u"rectifyDays"_s);
    if (!days.isUndefined() && !days.isNull() && (days.toInteger() < 1 || days.toInteger() > 730))
        return problem(u"rectifyDays"_s, u"整改期限应为 1 至 730 天"_s);
    if (fenOf(f, u"amountFen"_s) < 0)
        return problem(u"amountFen"_s, u"金额不能为负数"_s);
    const QString category = f.value(u"category"_s).toString();
    const QString order = f.value(u"order"_s).toString();
    // Art. 30: money retained, diverted or misused is recovered or returned: the finding says how much.
    if ((category == u"retained"_s || category == u"diverted"_s || category == u"misused"_s) &&
        fenOf(f, u"amountFen"_s) <= 0)
        return problem(u"amountFen"_s, u"截留、挤占、挪用资金须写明涉及金额（第三十条）"_s);
    if ((order == u"recover"_s || order == u"return"_s) && fenOf(f, u"amountFen"_s) <= 0)
        return problem(u"amountFen"_s, u"追回或归还资金须写明金额"_s);
    if (auto p = checkReference(context, f, u"reportId"_s, placement, false))
        return p;
    // What was ordered stands: the rectification and referral it caused are written once.
    if (context.before) {
        for (const QString &name : {u"reportId"_s, u"order"_s, u"foundOn"_s, u"rectifyDays"_s}) {
            if (f.value(name) != context.before->value(name))
                return problem(name, u"审计发现的要求和期限下达后不能修改"_s, u"FORBIDDEN"_s);
        }
    }
    return std::nullopt;
}

QList<sync::Consequence> AuditFindingType::consequences(const QString &recordId, const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &) const
{
    const std::optional<sync::FieldSpec> category = field(u"category"_s);
    const std::optional<sync::FieldSpec> order = field(u"order"_s);
    const QString categoryName = category->choiceLabel(f.value(u"category"_s).toString());
    const QString orderName = order->choiceLabel(f.value(u"order"_s).toString());
    const qint64 amount = fenOf(f, u"amountFen"_s);
    const QString description = f.value(u"description"_s).toString();
    const QDate foundOn = dateOf(f, u"foundOn"_s);
    const qint64 days = f.value(u"rectifyDays"_s).toInteger(kDefaultRectificationDays);

    RectificationType::Order rect;
    rect.source = u"audit"_s;
    rect.sourceId = recordId;
    rect.title = u"审计发现：%1"_s.arg(categoryName);
    rect.requirement = amount > 0 ? u"%1 %2 元。%3"_s.arg(orderName, money::formatYuan(amount), description)
                                  : u"%1。%2"_s.arg(orderName, description);
    rect.amountFen = f.value(u"order"_s).toString() == u"rectify"_s ? 0 : amount;
    rect.orderedOn = foundOn;
    rect.dueOn = foundOn.addDays(days > 0 ? days : kDefaultRectificationDays);
    rect.verifierDepartmentId = placement.departmentId; // the audit office verifies (Art. 30)
    const QString department = f.value(u"responsibleDepartmentId"_s).toString();
    QList<sync::Consequence> out{RectificationType::consequenceFor(rect, placement.orgUnitId, department)};
    if (f.value(u"referToDiscipline"_s).toBool()) {
        ReferralType::Order ref;
        ref.source = u"audit"_s;
        ref.sourceId = recordId;
        ref.subject = u"审计发现%1问题：%2"_s.arg(categoryName, description);
        ref.to = u"discipline"_s;
        ref.amountFen = amount;
        ref.sentOn = foundOn;
        out.append(ReferralType::consequenceFor(ref, placement.orgUnitId, placement.departmentId));
    }
    return out;
}

} // namespace sunshine::supervision
