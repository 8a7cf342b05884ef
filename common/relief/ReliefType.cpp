#include "common/relief/ReliefType.h"

#include "common/sync/References.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

using sync::FieldProblem;

std::optional<QString> ReliefType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以录入%1"_s.arg(chineseName());
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该地区不在您的管辖范围内"_s;
    if (placement.orgLevel != m_placedAt) {
        static const char16_t *names[] = {u"市", u"县（市、区）", u"镇（街道）", u"村（社区）"};
        return u"%1应登记在%2一级"_s.arg(chineseName(), QString::fromUtf16(names[int(m_placedAt) - 1]));
    }
    return std::nullopt;
}

std::optional<FieldProblem> ReliefType::checkReference(const sync::RuleContext &context, const QJsonObject &f,
                                                       const QString &field, const sync::Placement &placement,
                                                       bool sameOrgUnit) const
{
    return sync::referenceProblem(*this, context, f, field, placement,
                                  sameOrgUnit ? u"“%1”与本记录不在同一个村（社区）"_s : QString());
}

std::optional<FieldProblem> ReliefType::checkDerivedId(const QString &recordId, const QString &key,
                                                       const QString &field) const
{
    if (recordId != sync::derivedRecordId(name(), key))
        return problem(field, u"记录编号与内容不符：每个%1只能登记一条"_s.arg(chineseName()));
    return std::nullopt;
}

} // namespace sunshine::relief
