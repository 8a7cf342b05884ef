#include "common/supervision/SupervisionType.h"

#include "common/auth/ServerActor.h"
#include "common/sync/References.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::supervision {

using sync::FieldProblem;

std::optional<QString> SupervisionType::writeDenied(const Scope &actor,
                                                    const sync::Placement &placement) const
{
    if (isServerActor(actor))
        return std::nullopt;
    const bool supervisor = actor.hasRole(Role::Supervisor);
    const bool reviewer = actor.hasRole(Role::Reviewer);
    const bool clerk = actor.hasRole(Role::Clerk);
    switch (m_writers) {
    case Writers::Supervisors:
        if (!supervisor)
            return u"%1由纪检监察、审计、财政监督人员登记"_s.arg(chineseName());
        break;
    case Writers::SupervisorsAndReviewers:
        if (!supervisor && !reviewer)
            return u"%1由监督人员或部门审核员登记"_s.arg(chineseName());
        break;
    case Writers::Handlers:
        if (!supervisor && !reviewer && !clerk)
            return u"领导只能查看%1"_s.arg(chineseName());
        break;
    }
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该地区不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> SupervisionType::checkReference(const sync::RuleContext &context,
                                                            const QJsonObject &f, const QString &field,
                                                            const sync::Placement &placement,
                                                            bool sameUnit) const
{
    return sync::referenceProblem(*this, context, f, field, placement,
                                  sameUnit ? u"“%1”与本记录不在同一单位"_s : QString());
}

std::optional<FieldProblem> SupervisionType::checkOrder(const QJsonObject &f, const QString &earlier,
                                                        const QString &later) const
{
    const QDate a = dateOf(f, earlier);
    const QDate b = dateOf(f, later);
    if (a.isValid() && b.isValid() && b < a)
        return problem(later,
                       u"“%1”不能早于“%2”"_s.arg(field(later)->displayName(), field(earlier)->displayName()));
    return std::nullopt;
}

std::optional<FieldProblem> SupervisionType::serverOnly(const QJsonObject &f, const QStringList &names,
                                                        const sync::RuleContext &context) const
{
    if (context.actor && isServerActor(*context.actor))
        return std::nullopt;
    for (const QString &name : names) {
        const QJsonValue before =
            context.before ? context.before->value(name) : QJsonValue(QJsonValue::Undefined);
        if (f.value(name) != before)
            return problem(name, u"“%1”由系统生成，不能修改"_s.arg(field(name)->displayName()),
                           u"FORBIDDEN"_s);
    }
    return std::nullopt;
}

} // namespace sunshine::supervision
