#pragma once

#include "common/core/Quarter.h"
#include "common/rules/Rules.h"

// The warning rules on the registry and the assistance (MODULES.md §5). Registry findings are owned by the
// county poverty office.
namespace sunshine::relief {

// HELP_REQUEST_OVERDUE: a help request not answered within 5 working days, or without a result within 10 of
// the assignment slip (rule 10, Art. 21). One warning per request and deadline; orange.
class HelpRequestOverdueRule final : public rules::Rule
{
public:
    HelpRequestOverdueRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    void check(rules::RuleData &data, const rules::RuleRun &run, const rules::RuleFilter &filter,
               const rules::FindingSink &sink) const;
};

// VISIT_MISSING: a pairing in force during a quarter's visit window with no visit recorded for the quarter
// once its entry has closed (rule 8, Art. 18-20). One warning per pairing and quarter; yellow.
class VisitMissingRule final : public rules::Rule
{
public:
    VisitMissingRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

    // The last quarter whose visit entry has closed on `today`.
    static Quarter quarterDue(QDate today);

private:
    void check(rules::RuleData &data, const rules::RuleRun &run, const QStringList &pairingIds,
               const rules::FindingSink &sink) const;
};

} // namespace sunshine::relief

namespace sunshine::relief {

// HOUSEHOLD_ABOVE_LINE: a registered household whose per-capita income over the four quarters ending with its
// latest income record reaches the line of Art. 8 (7,000 yuan a year) and whose exit has not begun (Art. 10).
// One warning per household and quarter; orange.
class HouseholdAboveLineRule final : public rules::Rule
{
public:
    HouseholdAboveLineRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    void check(rules::RuleData &data, const QStringList &householdIds, const rules::FindingSink &sink) const;
};

} // namespace sunshine::relief
