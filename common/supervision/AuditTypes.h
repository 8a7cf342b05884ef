#pragma once

#include "common/supervision/SupervisionType.h"

// Audit (Art. 29-30; MODULES.md §6): an audit report and its findings. A finding of money retained, diverted
// or misused orders it recovered or returned; every finding orders a rectification with a deadline, and a
// serious one is referred to the discipline commission. The server writes both as the finding's consequences.
namespace sunshine::supervision {

// 审计报告: entered by the audit office (supervisors).
class AuditReportType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"audit-report";
    AuditReportType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("审计报告"), Writers::Supervisors)
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 审计发现: one finding of a report, placed at the unit found at fault.
class AuditFindingType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"audit-finding";
    AuditFindingType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("审计发现"), Writers::Supervisors)
    {}
    QList<sync::FieldSpec> fields() const override;
    // The rectification it orders (with its deadline: foundOn + rectifyDays), and the referral to the 纪委
    // when it says so.
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::supervision
