#pragma once

#include "common/supervision/SupervisionType.h"

// What follows a finding (Art. 27, 30, 31; MODULES.md §6): a rectification (整改) with its deadline and
// progress reports, struck off (销号) only when a supervisor verifies it; a referral (移送) to the discipline
// commission or the judicial organs with receipt and outcome; an accountability decision (问责).
namespace sunshine::supervision {

// Where an order to rectify or refer came from.
QStringList sourceChoicePairs(); // warning 预警, audit 审计, inspection 督查, department 部门, finance 财政,
                                 // complaint 举报

// 整改: ordered by a warning's outcome or an audit finding (then written by the server, once per source), or
// entered by a supervisor. The unit it is placed at rectifies; its clerks report progress and apply for the
// strike-off; a supervisor verifies and strikes it off, or returns it.
class RectificationType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"rectification";
    RectificationType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("整改"), Writers::Handlers)
    {}
    QList<sync::FieldSpec> fields() const override;
    // The strike-off's day and verifier, the day applied: stamped when the state changes.
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

    // What the one who orders a rectification says.
    struct Order
    {
        QString source;   // a sourceChoicePairs() value
        QString sourceId; // the warning, audit finding … it follows
        QString title;
        QString requirement;
        qint64 amountFen = 0; // to recover or return; 0 for none
        QDate orderedOn;
        QDate dueOn; // invalid: orderedOn + kDefaultRectificationDays
        // Who verifies and strikes it off: this department's supervisors (the audit office for an audit
        // finding); empty: any supervisor of the area.
        QString verifierDepartmentId;
    };
    // The rectification an order creates, placed at the unit (and department) that rectifies; its id is fixed
    // by the source, so one source orders one rectification.
    static sync::Consequence consequenceFor(const Order &order, const QString &orgUnitId,
                                            const QString &departmentId);
    static QString recordIdFor(const QString &source, const QString &sourceId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 整改进展: one progress report of a rectification, by the unit that rectifies.
class RectificationReportType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"rectification-report";
    RectificationReportType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("整改进展"), Writers::Handlers)
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 移送: a case sent to the discipline commission (纪委监委, Art. 27, 28, 30) or the judicial organs (Art.
// 25), with the letter, the receipt and the outcome.
class ReferralType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"referral";
    ReferralType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("移送"), Writers::SupervisorsAndReviewers)
    {}
    QList<sync::FieldSpec> fields() const override;
    // The state: sent, received once the receipt is recorded, concluded with the outcome.
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;

    struct Order
    {
        QString source;
        QString sourceId;
        QString subject;
        QString to; // "discipline" or "judicial"
        qint64 amountFen = 0;
        QDate sentOn;
    };
    static sync::Consequence consequenceFor(const Order &order, const QString &orgUnitId,
                                            const QString &departmentId);
    static QString recordIdFor(const QString &source, const QString &sourceId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 问责 (Art. 31): who is held to account, on which grounds, in which form; 一案双查 (the leaders examined
// too) and 通报曝光 (made public).
class AccountabilityType final : public SupervisionType
{
public:
    static constexpr const char16_t *kName = u"accountability";
    AccountabilityType()
        : SupervisionType(QString::fromUtf16(kName), QStringLiteral("问责"), Writers::Supervisors)
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::supervision
