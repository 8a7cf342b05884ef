#pragma once

#include "common/sync/RecordType.h"

// What the supervision's record types share: who writes them, references to other records, date order.
namespace sunshine::supervision {

class SupervisionType : public sync::RecordType
{
public:
    enum class Writers
    {
        Supervisors,             // the 纪委, audit and finance only (inspections, audits, accountability)
        SupervisorsAndReviewers, // also a department's reviewer (referrals, Art. 27)
        Handlers                 // also clerks and reviewers of the unit that rectifies (rectifications)
    };
    SupervisionType(QString name, QString chineseName, Writers writers)
        : RecordType(std::move(name), std::move(chineseName))
        , m_writers(writers)
    {}
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    bool supervisorsWrite() const override { return true; }

protected:
    // The record `field` refers to exists, is of the field's type and, when `sameUnit`, sits at `placement`'s
    // unit; the server checks (offline nothing is looked up).
    std::optional<sync::FieldProblem> checkReference(const sync::RuleContext &context, const QJsonObject &f,
                                                     const QString &field, const sync::Placement &placement,
                                                     bool sameUnit) const;
    // `later` is not before `earlier` (when both are set).
    std::optional<sync::FieldProblem> checkOrder(const QJsonObject &f, const QString &earlier,
                                                 const QString &later) const;
    // The field may only be set by the server (a consequence, a draw): unchanged from before otherwise.
    std::optional<sync::FieldProblem> serverOnly(const QJsonObject &f, const QStringList &fields,
                                                 const sync::RuleContext &context) const;

private:
    Writers m_writers;
};

} // namespace sunshine::supervision
