#pragma once

#include "common/funds/FundRules.h"
#include "common/rules/Rules.h"

// The warning rules on money that stays or goes beyond what is set (Art. 6, 28; MODULES.md §5): an allocation
// not paid out within the windows of Art. 6, and payments above the fund line's standard. Owned by the line's
// lead department and copied to the discipline commission (Art. 28: finance informs it).
namespace sunshine::funds {

// FUND_HELD_TOO_LONG: money received (an allocation) still not paid out after its window: a monthly line's by
// the 15th of the month after receipt (Art. 6 (三)), a quarterly line's within the first month of the quarter
// after receipt, a line paid once or per project `holdDays` after receipt (default 90; the regulation fixes
// no time); `graceDays` more for all (default 0). An allocation counts as paid out as far as the payments of
// its line and year under its unit cover it, the earlier allocations of the unit first. One warning per
// allocation; orange.
class FundHeldTooLongRule final : public rules::Rule
{
public:
    FundHeldTooLongRule();
    QList<rules::RuleParameter> parameters() const override;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;
    // The day money received on `received` for a line paid so should be paid out by (before the grace days).
    static QDate payOutBy(QDate received, PaymentCycle cycle, qint64 holdDays);
    // The same for an allocation record (invalid for a line not in the catalog).
    static QDate payOutBy(const QJsonObject &allocation, qint64 holdDays);
    // The periods ("2026-01" … "2026-12", "2026Q1" … "2026Q4") of a fund year.
    static QStringList periodsOf(int year);

private:
    void check(rules::RuleData &data, const rules::RuleRun &run, const QStringList &fundCodes,
               const rules::FindingSink &sink) const;
};

// PAYMENT_OVER_STANDARD: payments above the standard amount of their fund line in force for their period
// (资金标准, set by the line's lead department). One warning per village, line and period; orange.
class PaymentOverStandardRule final : public rules::Rule
{
public:
    PaymentOverStandardRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

    struct Standard
    {
        QString id;
        QString orgPath;
        QDate effectiveFrom;
        qint64 amountFen = 0;
        QString documentNo;
    };
    // The standard that applies to a payment of a line placed at `orgPath` for the period starting `period`:
    // of the standards at its unit or above, the deepest place's latest in force; none when none is.
    static std::optional<Standard> applicable(const QList<Standard> &standards, const QString &orgPath,
                                              QDate period);

private:
    void check(rules::RuleData &data, const rules::RuleFilter &payments, const QStringList &fundCodes,
               const rules::FindingSink &sink) const;
};

// BENEFICIARY_ON_LIST: a person paid although on a comparison list (比对名单: deceased, public payroll,
// vehicles, commercial housing, companies) of the payment's county or the city, the payment made while the
// entry was in force (on or after its start, not after its end). One warning per person, list and fund line;
// red.
class BeneficiaryOnListRule final : public rules::Rule
{
public:
    BeneficiaryOnListRule();
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const override;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched,
                         const rules::FindingSink &sink) const override;

private:
    // The entries given (every one when `idNumbers` is empty) against those people's payments.
    void check(rules::RuleData &data, const QStringList &idNumbers, const rules::FindingSink &sink) const;
};

} // namespace sunshine::funds
