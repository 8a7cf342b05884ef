#pragma once

#include "sync/RecordType.h"

namespace sunshine::bench {

// A plain record type for measuring the sync mechanism itself at volume: any clerk of the area may write it.
class BenchNoteType final : public sync::RecordType
{
public:
    QString name() const override { return QStringLiteral("bench-note"); }
    QString chineseName() const override { return QStringLiteral("性能测试记录"); }
    QList<sync::FieldSpec> fields() const override
    {
        return {{QStringLiteral("title"), sync::FieldKind::Text, 60, true, {}},
                {QStringLiteral("amountFen"), sync::FieldKind::Integer, 0, true, {}},
                {QStringLiteral("paidOn"), sync::FieldKind::Date, 0, false, {}},
                {QStringLiteral("note"), sync::FieldKind::Text, 200, false, {}}};
    }
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &p) const override
    {
        if (!actor.hasRole(Role::Clerk) || !actor.coversOrgPath(p.orgPath))
            return QStringLiteral("只有本辖区录入员可以录入");
        return std::nullopt;
    }
};

} // namespace sunshine::bench
