#pragma once

#include "common/sync/RecordType.h"

namespace sunshine::relief {

// What the record types of the 阳光扶贫 module share: who may write them and the checks of references
// between them (a member's household, a visit's pairing).
class ReliefType : public sync::RecordType
{
public:
    // Clerks and reviewers inside their area write; records sit at the level the type is kept at
    // (households, members, pairings, visits: the village).
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;

protected:
    ReliefType(QString name, QString chineseName, OrgLevel placedAt)
        : RecordType(std::move(name), std::move(chineseName))
        , m_placedAt(placedAt)
    {}

    // The record a Reference field points at must exist and be of its type (checked where records can be
    // looked up: on the server). With `sameOrgUnit`, it must sit in the same org unit as this record.
    std::optional<sync::FieldProblem> checkReference(const sync::RuleContext &context,
                                                     const QJsonObject &fields, const QString &field,
                                                     const sync::Placement &placement,
                                                     bool sameOrgUnit) const;
    // The id a record must have when it is fixed by what it is (one per pairing and quarter, ...).
    std::optional<sync::FieldProblem> checkDerivedId(const QString &recordId, const QString &key,
                                                     const QString &field) const;

private:
    OrgLevel m_placedAt;
};

} // namespace sunshine::relief
