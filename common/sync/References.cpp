#include "common/sync/References.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

std::optional<FieldProblem> referenceProblem(const RecordType &type, const RuleContext &context,
                                             const QJsonObject &fields, const QString &field,
                                             const Placement &placement, const QString &sameUnitMessage)
{
    const QString id = fields.value(field).toString();
    if (id.isEmpty() || !context.lookup)
        return std::nullopt;
    const std::optional<FieldSpec> spec = type.field(field);
    const QString label = spec ? spec->displayName() : field;
    const std::optional<Record> target = context.lookup(id);
    if (!target || (spec && !spec->refType.isEmpty() && target->type != spec->refType))
        return RecordType::problem(field, u"“%1”指向的记录不存在、已删除或不在您的管辖范围内"_s.arg(label),
                                   u"NOT_FOUND"_s);
    if (!sameUnitMessage.isEmpty() && target->orgUnitId != placement.orgUnitId)
        return RecordType::problem(field, sameUnitMessage.arg(label));
    return std::nullopt;
}

} // namespace sunshine::sync
