#pragma once

#include "common/rules/Rules.h"

namespace sunshine::portal {

// COMPLAINT_OVERDUE (督办, Art. 21 and 24): a complaint whose department has not replied within 5 working
// days of the slip, or not reported its result within 10. One warning per complaint, slip and deadline;
// orange, owned by the office that assigned it, which follows it up.
class ComplaintOverdueRule final : public rules::Rule
{
public:
    ComplaintOverdueRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    void check(rules::RuleData &data, const rules::RuleRun &run, const rules::RuleFilter &filter,
               const rules::FindingSink &sink) const;
};

} // namespace sunshine::portal
