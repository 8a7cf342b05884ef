#pragma once

#include "common/rules/Rules.h"
#include "common/supervision/SupervisionType.h"

// Inspections (督查, Art. 31; MODULES.md §6): the discipline commission's full inspection of last quarter and
// its spot checks, each in its window, the spot checks' villages and households drawn by the system from a
// kept seed, and the findings, which become warnings.
namespace sunshine::supervision {

// 督查: placed at the unit inspected (city, county or town). The draw's fields are the server's: it draws
// when a supervisor asks (POST /api/v1/supervision/inspections/{id}/draw) and anyone can draw again to check.
class InspectionType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"inspection";
    InspectionType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("督查"), Writers::Supervisors)
    {}
    QList<sync::FieldSpec> fields() const override;
    // The window (Art. 31) of its kind and quarter.
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    // The fields the server writes with a draw.
    static QStringList drawFields();

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 督查发现: one problem an inspection found, placed at the village (or unit) concerned and under the
// department that must answer for it.
class InspectionFindingType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"inspection-finding";
    InspectionFindingType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("督查发现"), Writers::Supervisors)
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// INSPECTION_FINDING: every inspection finding becomes a warning, owned by the department it names, at its
// severity. One warning per finding.
class InspectionFindingRule final : public rules::Rule
{
public:
    InspectionFindingRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    void raise(const rules::RuleRecord &record, const rules::FindingSink &sink) const;
};

} // namespace sunshine::supervision
