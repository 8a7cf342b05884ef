#pragma once

#include "common/sync/RecordType.h"

namespace sunshine::sync {

// 分管领导 / 联络员 of a department (Art. 22): each unit names one leader in charge and one liaison. Entered
// by the department's own clerks. One record per department and role, so its id is derived from both.
class DepartmentContactType final : public RecordType
{
public:
    static constexpr const char16_t *kName = u"department-contact";
    DepartmentContactType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("部门联络人"))
    {}

    QList<FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const Placement &placement) const override;

    // The record id of a department's leader ("leader") or liaison ("liaison").
    static QString recordIdFor(const QString &departmentId, const QString &contactRole);

protected:
    std::optional<FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                           const Placement &placement,
                                           const RuleContext &context) const override;
};

} // namespace sunshine::sync
