#pragma once

#include "common/rules/Rules.h"

#include <QJsonArray>

// The warning rules on the money (MODULES.md §5). Fund findings are owned by the fund line's lead department
// ("谁发放、谁监管", Art. 22, 27) and copied to the discipline commission at once (Art. 28).
namespace sunshine::funds {

// The payments behind a finding as its evidence lists them (place, recipient's name, period, day, amount;
// never an ID number), with their total and ids.
struct PaymentsEvidence
{
    QJsonArray items;
    qint64 totalFen = 0;
    QStringList ids;
};
PaymentsEvidence paymentsEvidence(const QList<rules::RuleRecord> &payments);

// BENEFICIARY_DUPLICATE: one ID number paid twice on the same fund line for the same period, anywhere in the
// city. One warning per person, line and period; red.
class BeneficiaryDuplicateRule final : public rules::Rule
{
public:
    BeneficiaryDuplicateRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    void raise(const QList<rules::RuleRecord> &group, const rules::FindingSink &sink) const;
};

// ENTRY_OVERDUE: payments entered after their entry date (Art. 6 (三), 7), one warning per village, fund
// line, period and day of entry; allocations of provincial-or-higher money reported to the city late or not
// yet (Art. 6 (一)), one per allocation. Yellow.
class EntryOverdueRule final : public rules::Rule
{
public:
    EntryOverdueRule();
    // minCount: a day's batch of late entries is raised from this many payments on (default 1: every one).
    QList<rules::RuleParameter> parameters() const override;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

    // How many record ids a warning's evidence lists at most (the count and sums cover all).
    static constexpr int kMaxListed = 200;

private:
    void lateEntries(rules::RuleData &data, const rules::RuleRun &run, const rules::RuleFilter &filter,
                     const rules::FindingSink &sink) const;
    void allocations(rules::RuleData &data, const rules::RuleRun &run, const rules::RuleFilter &filter,
                     const rules::FindingSink &sink) const;
};

} // namespace sunshine::funds

namespace sunshine::funds {

// PAID_AFTER_EXIT: relief money (Art. 5) paid to a household after the county confirmed its exit (Art. 10),
// more than `graceDays` (default 0) after the confirmation. One warning per payment; red.
class PaidAfterExitRule final : public rules::Rule
{
public:
    PaidAfterExitRule();
    QList<rules::RuleParameter> parameters() const override;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    // The households given (all exited ones when empty) and their payments.
    void check(rules::RuleData &data, const rules::RuleRun &run, const QStringList &householdIds,
               const rules::FindingSink &sink) const;
};

} // namespace sunshine::funds

namespace sunshine::funds {

// RETURNS_UNDISTRIBUTED: the income of a relief asset (资金收益) not fully distributed `graceDays` (default
// 90; the regulation fixes no time) after it was confirmed (Art. 28, 收益分配不到位). One warning per return;
// orange.
class ReturnsUndistributedRule final : public rules::Rule
{
public:
    ReturnsUndistributedRule();
    QList<rules::RuleParameter> parameters() const override;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    void check(rules::RuleData &data, const rules::RuleRun &run, const QStringList &ids,
               const rules::FindingSink &sink) const;
};

} // namespace sunshine::funds
