#pragma once

#include "common/funds/FundTypes.h"

// The records of the money's way after it is received (Art. 6 (二), (四), (五), Art. 7): the allocation plan
// approved collectively, the returns of fund-financed assets with their distribution to villages and
// households, and the yearly performance evaluation. Owned like allocations and disbursements: only clerks of
// the fund line's lead department write them (rule 14). Their documents are entered within 5 working days of
// finishing the task (rule 7): each stores the day it was entered, the due date of its documents and the day
// documents were first attached.
namespace sunshine::funds {

// What the three types share: the derived dates and the documents deadline.
class FundDocumentType : public FundRecordType
{
public:
    using FundRecordType::FundRecordType;
    // The field naming the day the task was finished, and the attachments field holding its documents.
    virtual QString finishedField() const = 0;
    virtual QString documentsField() const = 0;
    // The day entered ("enteredOn"), the documents' due date ("documentsDueOn": finished + 5 working days)
    // and the day documents were first attached ("documentsOn", kept once set).
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;

protected:
    // The documents deadline: entered late when first attached after the due date; otherwise, while none are
    // attached, due soon or overdue by today; on time once attached in time.
    static DeadlineState documentsState(const QJsonObject &fields, QDate today,
                                        const WorkingCalendar &calendar);
    // A fund year: from 2014 to one year after `date` (money of next year's budget may come early).
    static std::optional<sync::FieldProblem> checkYear(const QJsonObject &f, QDate date);
};

// 分配方案: how the money of a fund line (optionally of one allocation) is to be distributed, approved
// collectively (Art. 6 (二)): by the leading group for special poverty funds, jointly by the line department
// and finance for relief funds, by a village representatives' meeting for village-level plans.
class PlanType final : public FundDocumentType
{
public:
    static constexpr const char16_t *kName = u"fund-plan";
    PlanType()
        : FundDocumentType(QString::fromUtf16(kName), QStringLiteral("分配方案"))
    {}
    QList<sync::FieldSpec> fields() const override;
    QString finishedField() const override;
    QString documentsField() const override;
    static DeadlineState deadlineState(const QJsonObject &fields, QDate today,
                                       const WorkingCalendar &calendar);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 资金收益: the income of a fund-financed asset or project, confirmed by the county line department, and its
// distribution to villages and households (Art. 6 (四)). The distribution is a list of
// {targetKind: "village" | "household", targetId, targetName, amountFen}; its total never exceeds the income.
class ReturnType final : public FundDocumentType
{
public:
    static constexpr const char16_t *kName = u"fund-return";
    ReturnType()
        : FundDocumentType(QString::fromUtf16(kName), QStringLiteral("资金收益"))
    {}
    static constexpr int kMaxDistribution = 500;
    QList<sync::FieldSpec> fields() const override;
    QString finishedField() const override;
    QString documentsField() const override;
    static DeadlineState deadlineState(const QJsonObject &fields, QDate today,
                                       const WorkingCalendar &calendar);
    // The sum of the distribution's amounts (fen); items without a valid amount count as 0.
    static qint64 distributedFen(const QJsonObject &fields);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 绩效评价: the yearly performance evaluation of a fund line in an area (Art. 6 (五)): one per fund line,
// year and org unit (its record id is derived from them), with a score and/or grade, the conclusion and the
// report attached.
class EvaluationType final : public FundDocumentType
{
public:
    static constexpr const char16_t *kName = u"fund-evaluation";
    EvaluationType()
        : FundDocumentType(QString::fromUtf16(kName), QStringLiteral("绩效评价"))
    {}
    QList<sync::FieldSpec> fields() const override;
    QString finishedField() const override;
    QString documentsField() const override;
    static DeadlineState deadlineState(const QJsonObject &fields, QDate today,
                                       const WorkingCalendar &calendar);
    // The id of the evaluation of a fund line's year in an org unit.
    static QString recordIdFor(const QString &fundCode, int year, const QString &orgUnitId);
    // The grade a score earns: 优 from 90, 良 from 80, 中 from 60, 差 below ("excellent", "good", "fair",
    // "poor").
    static QString gradeForScore(double score);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::funds
