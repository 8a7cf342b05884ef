#pragma once

#include "common/relief/ReliefRules.h"
#include "common/relief/ReliefType.h"

#include <QJsonArray>

// Identification (精准识别, Art. 9) and exit (退出, Art. 10) cases: a step-by-step review where each step is
// appended to the case's history by a reviewer of that step's level; nothing in the history changes later.
namespace sunshine::relief {

QList<StepEntry> stepsFromJson(const QJsonArray &steps);
QJsonObject stepToJson(const StepEntry &step, const QString &byUserId);

// The hits of the comparison (比对) against vehicles, housing, provident fund and social security.
struct ComparisonHit
{
    QString source; // "vehicles", "housing", "provident-fund", "social-security", "other"
    QString detail;
    QString status; // "open", "cleared" (with reason), "confirmed" (the case is to be rejected)
    QString reason;
};
QList<ComparisonHit> hitsFromJson(const QJsonArray &hits);
// Hits that block a passed county approval: open ones, and confirmed ones (the case can only be returned).
int unresolvedHits(const QList<ComparisonHit> &hits);
QString comparisonSourceChinese(const QString &source);

class CaseType : public ReliefType
{
public:
    CaseKind kind() const { return m_kind; }

protected:
    CaseType(QString name, QString chineseName, CaseKind kind)
        : ReliefType(std::move(name), std::move(chineseName), OrgLevel::Village)
        , m_kind(kind)
    {}
    // The history may only grow by one step at a time, taken by a reviewer with the right to that step.
    std::optional<sync::FieldProblem> checkSteps(const QJsonObject &fields, const sync::RuleContext &context,
                                                 bool crossRegion, int openHits) const;

private:
    CaseKind m_kind;
};

class IdentificationCaseType final : public CaseType
{
public:
    static constexpr const char16_t *kName = u"identification-case";
    IdentificationCaseType()
        : CaseType(QString::fromUtf16(kName), QStringLiteral("精准识别"), CaseKind::Identification)
    {}
    QList<sync::FieldSpec> fields() const override;
    // The notice posted for the next step (noticeStart, noticeEnd): only for a notice step, after the step
    // before it, and long enough (noticePeriodProblem).
    std::optional<sync::FieldProblem> checkPostedNotice(const QJsonObject &fields,
                                                        const sync::RuleContext &context) const;
    // Approved by the county (every step passed): the server registers the applicant's household with the
    // applicant as its head, and links the case to it, in the same push (Art. 9). Refused when the applicant
    // is registered already.
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;
    // The household and head an approved case registers: ids fixed by the case.
    static QString householdIdFor(const QString &caseId);
    static QString headIdFor(const QString &caseId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

class ExitCaseType final : public CaseType
{
public:
    static constexpr const char16_t *kName = u"exit-case";
    ExitCaseType()
        : CaseType(QString::fromUtf16(kName), QStringLiteral("退出审批"), CaseKind::Exit)
    {}
    QList<sync::FieldSpec> fields() const override;
    static QString recordIdFor(const QString &householdId, int year);
    // The day the county confirmed the exit (the last step passed), or an invalid date while it is not done.
    static QDate confirmedOn(const QJsonObject &fields);
    // The exit is under way or done: the case exists and was not refused at its first step.
    static bool begun(const QJsonObject &fields);
    // Confirmed by the county: the server marks the household exited in the same push (Art. 10).
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::relief
