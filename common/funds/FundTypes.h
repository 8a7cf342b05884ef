#pragma once

#include "common/funds/FundCatalog.h"
#include "common/sync/RecordType.h"

#include <functional>

// The records of the 涉农资金 / 扶贫济困资金 module that carry money (Art. 5-7, 22, 27): allocations received
// and disbursements paid. "Who pays, enters and supervises" (rule 14): only clerks of the fund line's lead
// department write them, in their own department and area.
namespace sunshine::funds {

// Where a record stands against its deadline, for the tables: the status, the due date it is judged by
// (invalid: none) and what the deadline is for ("报市", "录入", "凭证").
struct DeadlineState
{
    EntryStatus status = EntryStatus::OnTime;
    QDate due;
    QString what;
};

class FundRecordType : public sync::RecordType
{
public:
    using RecordType::RecordType;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;

protected:
    // The fund line named by the record, and that the record's department leads it and the actor belongs to
    // that department.
    std::optional<sync::FieldProblem> checkOwnership(const QJsonObject &fields,
                                                     const sync::Placement &placement,
                                                     const sync::RuleContext &context, FundLine *line) const;
    // Stores the day the record was first entered ("enteredOn"): kept from the stored record, else the day of
    // this entry (the trusted device day of an offline entry).
    static void storeEnteredOn(QJsonObject &fields, const sync::RuleContext &context);
};

// 资金指标: money received (fund line, source level, year, amount, 文号, received and reported dates,
// account).
class AllocationType final : public FundRecordType
{
public:
    static constexpr const char16_t *kName = u"fund-allocation";
    AllocationType()
        : FundRecordType(QString::fromUtf16(kName), QStringLiteral("资金指标"))
    {}
    QList<sync::FieldSpec> fields() const override;
    // The day entered; for central and provincial relief money the report due date (rule 1); the documents'
    // entry due date (rule 7).
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    // The report to the city: on time, due soon, overdue while not reported, or reported late; without a
    // report, the entry: on time or entered late.
    static DeadlineState deadlineState(const QJsonObject &fields, QDate today,
                                       const WorkingCalendar &calendar);
    // deadlineState() as an SQL condition over the record's fields (`field` gives a field's SQL expression):
    // the records whose state on `today` is `status`; the binds go in order for its '?'. Generated from the
    // same rules (entryStatusSql, enteredLateSql), so that a table's filter and its state column agree.
    static SqlCondition deadlineStateSql(const std::function<QString(const QString &field)> &field,
                                         EntryStatus status, QDate today, const WorkingCalendar &calendar);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 拨付/发放: one payment to a person, household, unit, village or project, with its period, date and account.
class DisbursementType final : public FundRecordType
{
public:
    static constexpr const char16_t *kName = u"disbursement";
    DisbursementType()
        : FundRecordType(QString::fromUtf16(kName), QStringLiteral("资金发放"))
    {}
    QList<sync::FieldSpec> fields() const override;
    // Relief funds: entry closes on the 20th of the period quarter's last month (rule 4).
    std::optional<qint64> entryClosesAtMs(const QJsonObject &fields) const override;
    // The first day of the period ("2026-03" or "2026Q1"), or an invalid date.
    static QDate periodStart(const QString &period);
    // The year and month of periodStart() as SQL over an expression of a stored period's text (stored periods
    // are valid: checkRules refuses others). tst_funds_rule_sql runs both on a table of periods on SQLite and
    // PostgreSQL.
    static QString periodYearSql(const QString &period);
    static QString periodMonthSql(const QString &period);
    // The day entered, the payment and entry due dates (rules 2-5), and the household of a person recipient
    // who is in the registry.
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    // Entered late when entered after its entry due date; otherwise, while no voucher is attached, the
    // voucher deadline (5 working days after payment, rule 7); otherwise on time.
    static DeadlineState deadlineState(const QJsonObject &fields, QDate today,
                                       const WorkingCalendar &calendar);
    // Entered after its entry due date (enteredOn > entryDueOn, both stored by the server).
    static bool enteredLate(const QJsonObject &fields);
    // Paid after its pay-by date (payDueOn: monthly by the 15th, quarterly in the quarter's first month,
    // Art. 6 (三)); the same "done after due" as enteredLate.
    static bool paidLate(const QJsonObject &fields);
    // paidLate() as an SQL condition over the record's fields (generated from the same rule).
    static QString paidLateSql(const std::function<QString(const QString &field)> &field);
    // The same as an SQL condition, for the summaries and lists that count in the database: `field` gives the
    // SQL expression of a stored field's text value (the cache's or the store's field expression).
    static QString enteredLateSql(const std::function<QString(const QString &field)> &field);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 资金标准: the most one payment of a fund line may be, set by the line's lead department at the city or a
// county, in force from a date (PAYMENT_OVER_STANDARD compares payments with it). A county's standard comes
// before the city's for the payments in the county; of a place's standards, the latest in force for the
// period.
class StandardType final : public FundRecordType
{
public:
    static constexpr const char16_t *kName = u"fund-standard";
    StandardType()
        : FundRecordType(QString::fromUtf16(kName), QStringLiteral("资金标准"))
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::funds
