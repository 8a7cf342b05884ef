#include "common/portal/PublicationTypes.h"

#include "common/auth/ServerActor.h"
#include "common/portal/ComplaintType.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::portal {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

const char16_t *const kStateNames[] = {u"draft", u"published", u"expired", u"withdrawn"};
const char16_t *const kStateChinese[] = {u"草稿", u"已发布", u"已过期", u"已撤回"};

// The fields only a reviewer sets: publication and withdrawal.
const QStringList &reviewerFields()
{
    static const QStringList names{u"publishedOn"_s, u"withdrawnOn"_s};
    return names;
}

} // namespace

QString publicationStateName(PublicationState state)
{
    return QString::fromUtf16(kStateNames[int(state)]);
}

QString publicationStateChinese(PublicationState state)
{
    return QString::fromUtf16(kStateChinese[int(state)]);
}

QStringList publicationStateChoicePairs()
{
    QStringList out;
    for (int i = 0; i < 4; ++i)
        out << QString::fromUtf16(kStateNames[i]) << QString::fromUtf16(kStateChinese[i]);
    return out;
}

PublicationState publicationState(const QJsonObject &f, QDate today)
{
    const QDate published = sync::RecordType::dateOf(f, u"publishedOn"_s);
    const QDate withdrawn = sync::RecordType::dateOf(f, u"withdrawnOn"_s);
    const QDate expires = sync::RecordType::dateOf(f, u"expiresOn"_s);
    if (withdrawn.isValid() && withdrawn <= today)
        return PublicationState::Withdrawn;
    if (!published.isValid() || published > today)
        return PublicationState::Draft;
    if (expires.isValid() && expires < today)
        return PublicationState::Expired;
    return PublicationState::Published;
}

QDate policyPublishDue(QDate completedOn, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(completedOn, kPolicyEntryWorkingDays);
}

bool policyPublishedLate(const QJsonObject &f, QDate today)
{
    const QDate due = sync::RecordType::dateOf(f, u"publishDueOn"_s);
    if (!due.isValid())
        return false;
    const QDate published = sync::RecordType::dateOf(f, u"publishedOn"_s);
    return published.isValid() ? published > due : today > due;
}

// --- What publications share ---

std::optional<QString> PublicationType::writeDenied(const Scope &actor,
                                                    const sync::Placement &placement) const
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以编辑公开信息"_s;
    if (placement.departmentId.isEmpty() || actor.departmentId != placement.departmentId)
        return u"公开信息由本部门录入和发布"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该信息不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> PublicationType::checkRules(const QString &, const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &context) const
{
    if (placement.orgLevel != OrgLevel::City && placement.orgLevel != OrgLevel::County)
        return problem(u"title"_s, u"公开信息由市、县（市、区）的部门发布"_s);
    const bool reviewer =
        context.actor && (context.actor->hasRole(Role::Reviewer) || isServerActor(*context.actor));
    for (const QString &name : reviewerFields()) {
        const QJsonValue before =
            context.before ? context.before->value(name) : QJsonValue(QJsonValue::Undefined);
        if (f.value(name) != before && !reviewer)
            return problem(name, u"发布和撤回由审核员操作"_s, u"FORBIDDEN"_s);
    }
    if (context.before && !reviewer &&
        publicationState(*context.before, context.today) != PublicationState::Draft)
        return problem(u"title"_s, u"已发布的信息只能由审核员修改"_s, u"FORBIDDEN"_s);
    const QDate published = dateOf(f, u"publishedOn"_s);
    const QDate expires = dateOf(f, u"expiresOn"_s);
    const QDate withdrawn = dateOf(f, u"withdrawnOn"_s);
    if (withdrawn.isValid() && !published.isValid())
        return problem(u"withdrawnOn"_s, u"尚未发布的信息不需要撤回"_s);
    if (withdrawn.isValid() && withdrawn < published)
        return problem(u"withdrawnOn"_s, u"撤回日期不能早于发布日期"_s);
    if (expires.isValid() && published.isValid() && expires < published)
        return problem(u"expiresOn"_s, u"有效期至不能早于发布日期"_s);
    return std::nullopt;
}

std::optional<FieldProblem> PublicationType::deleteProblem(const QString &, const QJsonObject &f,
                                                           const sync::RuleContext &context) const
{
    if (dateOf(f, u"publishedOn"_s).isValid())
        return problem(QString(), u"已发布的信息不能删除，请撤回"_s, u"FORBIDDEN"_s);
    Q_UNUSED(context)
    return std::nullopt;
}

void PublicationType::derive(QJsonObject &fields, const sync::RuleContext &context) const
{
    fields.insert(u"state"_s, publicationStateName(publicationState(fields, context.today)));
}

// --- 公告 ---

QList<FieldSpec> AnnouncementType::fields() const
{
    return {
        FieldSpec(u"title"_s, FieldKind::Text, u"标题"_s).max(100).require(),
        FieldSpec(u"category"_s, FieldKind::Choice, u"栏目"_s)
            .options({u"notice"_s, u"通知公告"_s, u"activity"_s, u"专题活动"_s, u"news"_s, u"工作动态"_s})
            .require(),
        FieldSpec(u"body"_s, FieldKind::Text, u"正文"_s).max(10000).require(),
        FieldSpec(u"publishedOn"_s, FieldKind::Date, u"发布日期"_s).pastOrToday().cacheOrder(),
        FieldSpec(u"expiresOn"_s, FieldKind::Date, u"有效期至"_s),
        FieldSpec(u"withdrawnOn"_s, FieldKind::Date, u"撤回日期"_s).pastOrToday(),
        // On the day it was last written (the portal filters on the day it is asked).
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s).options(publicationStateChoicePairs()).derived(),
    };
}

QStringList AnnouncementType::publicFields() const
{
    return {u"title"_s, u"category"_s, u"body"_s, u"publishedOn"_s, u"expiresOn"_s};
}

std::optional<FieldProblem> AnnouncementType::checkRules(const QString &recordId, const QJsonObject &f,
                                                         const sync::Placement &placement,
                                                         const sync::RuleContext &context) const
{
    // Art. 23: the leading-group office publishes announcements.
    if (placement.departmentCode != QStringView(kOfficeDepartmentCode))
        return problem(u"title"_s, u"公告由领导小组办公室（扶贫办）发布"_s);
    return PublicationType::checkRules(recordId, f, placement, context);
}

// --- 政策信息 ---

QList<FieldSpec> PolicyType::fields() const
{
    return {
        FieldSpec(u"title"_s, FieldKind::Text, u"标题"_s).max(100).require(),
        FieldSpec(u"kind"_s, FieldKind::Choice, u"类别"_s)
            .options({u"conditions"_s, u"申报条件"_s, u"procedure"_s, u"办事流程"_s, u"regulation"_s,
                      u"政策法规"_s, u"answer"_s, u"政策解答"_s})
            .require(),
        FieldSpec(u"body"_s, FieldKind::Text, u"内容"_s).max(10000).require(),
        FieldSpec(u"completedOn"_s, FieldKind::Date, u"相关任务完成日期"_s).pastOrToday().require(),
        FieldSpec(u"publishDueOn"_s, FieldKind::Date, u"录入期限"_s).derived(),
        FieldSpec(u"publishedOn"_s, FieldKind::Date, u"发布日期"_s).pastOrToday().cacheOrder(),
        FieldSpec(u"expiresOn"_s, FieldKind::Date, u"有效期至"_s),
        FieldSpec(u"withdrawnOn"_s, FieldKind::Date, u"撤回日期"_s).pastOrToday(),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s).options(publicationStateChoicePairs()).derived(),
    };
}

QStringList PolicyType::publicFields() const
{
    return {u"title"_s, u"kind"_s, u"body"_s, u"publishedOn"_s, u"expiresOn"_s};
}

void PolicyType::derive(QJsonObject &fields, const sync::RuleContext &context) const
{
    PublicationType::derive(fields, context);
    const QDate completed = dateOf(fields, u"completedOn"_s);
    if (completed.isValid() && context.calendar)
        setDate(fields, u"publishDueOn"_s, policyPublishDue(completed, *context.calendar));
    else
        fields.remove(u"publishDueOn"_s);
}

} // namespace sunshine::portal
