#pragma once

#include "common/sync/RecordType.h"

namespace sunshine::bench {

// A plain record type for measuring the sync mechanism itself at volume: any clerk of the area may write it.
class BenchNoteType final : public sync::RecordType
{
public:
    BenchNoteType()
        : RecordType(QStringLiteral("bench-note"), QStringLiteral("性能测试记录"))
    {}
    QList<sync::FieldSpec> fields() const override
    {
        return {sync::FieldSpec(QStringLiteral("title"), sync::FieldKind::Text).max(60).require(),
                sync::FieldSpec(QStringLiteral("amountFen"), sync::FieldKind::Integer).require(),
                sync::FieldSpec(QStringLiteral("paidOn"), sync::FieldKind::Date),
                sync::FieldSpec(QStringLiteral("note"), sync::FieldKind::Text).max(200)};
    }
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &p) const override
    {
        if (!actor.hasRole(Role::Clerk) || !actor.coversOrgPath(p.orgPath))
            return QStringLiteral("只有本辖区录入员可以录入");
        return std::nullopt;
    }
};

} // namespace sunshine::bench
