#pragma once

#include "common/sync/RecordType.h"

// What the public layer publishes from the desktop program (MODULES.md §7): announcements of the
// leading-group office (公告, Art. 23) and each department's policies, conditions, procedures and answers
// (政策信息, Art. 22). Each is a draft until a reviewer of its owner publishes it; it is on the portal from
// the day of publication until it expires or is withdrawn.
namespace sunshine::portal {

enum class PublicationState
{
    Draft,     // 草稿
    Published, // 已发布 (on the portal)
    Expired,   // 已过期
    Withdrawn  // 已撤回
};
QString publicationStateName(PublicationState state); // "draft", "published", "expired", "withdrawn"
QString publicationStateChinese(PublicationState state);
QStringList publicationStateChoicePairs();
// The state of an announcement or policy on `today`.
PublicationState publicationState(const QJsonObject &fields, QDate today);

// Art. 22: a department enters its information within 7 working days of completing the work it reports.
constexpr int kPolicyEntryWorkingDays = 7; // 第二十二条：在相关任务完成后7个工作日内录入
QDate policyPublishDue(QDate completedOn, const WorkingCalendar &calendar);
// Published after its due date, or still unpublished with the due date passed on `today`.
bool policyPublishedLate(const QJsonObject &fields, QDate today);

// What publications share: only their owner department writes them, clerks draft, reviewers publish and
// withdraw, dates in order.
class PublicationType : public sync::RecordType
{
public:
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    // The fields a portal visitor receives (every other field stays inside).
    virtual QStringList publicFields() const = 0;

protected:
    using RecordType::RecordType;
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 公告 (Art. 23): by the leading-group office (the 扶贫办) of the city or a county.
class AnnouncementType final : public PublicationType
{
public:
    static constexpr const char16_t *kName = u"announcement";
    AnnouncementType()
        : PublicationType(QString::fromUtf16(kName), QStringLiteral("公告"))
    {}
    QList<sync::FieldSpec> fields() const override;
    QStringList publicFields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 政策信息 (Art. 22): by each department, with the day the work it reports was completed.
class PolicyType final : public PublicationType
{
public:
    static constexpr const char16_t *kName = u"policy";
    PolicyType()
        : PublicationType(QString::fromUtf16(kName), QStringLiteral("政策信息"))
    {}
    QList<sync::FieldSpec> fields() const override;
    QStringList publicFields() const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
};

} // namespace sunshine::portal
