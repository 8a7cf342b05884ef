#pragma once

#include "common/rules/Rules.h"
#include "common/sync/RecordType.h"

// A warning (预警) as a synced record: raised by the server only, from a rule's finding, with the finding
// frozen in it; handled by the owning department, offline too, by appending steps to its history.
namespace sunshine::warnings {

// The actor the server writes warnings as (raising, escalating). No account can have this id.
inline constexpr char16_t kServerActorId[] = u"server:warnings";
bool isWarningEngine(const Scope &actor);

class WarningType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"warning";
    WarningType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("预警"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    // The history replayed into state, outcome, assignee and dates; new steps stamped with who and when.
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    // A decision to rectify or refer: the rectification or referral it orders.
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

    // The id of the warning with this dedup key: the store's primary key keeps a key to one warning.
    static QString recordIdFor(const QString &dedupKey);
    // The fields of a new warning raised from `finding` on `raisedOn`, due on the given days.
    static QJsonObject fieldsFor(const rules::Finding &finding, const QString &ruleName, QDate raisedOn,
                                 QDate replyDueOn, QDate resultDueOn);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::warnings
