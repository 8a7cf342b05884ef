#include "common/card/CardWorkflow.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::card {

namespace {

const QString kTownOnly = u"村务卡的报备和报账由乡镇农经站代理记账办理，请用乡镇账号"_s;

std::optional<QString> townRole(const CardActor &actor, Role role, const QString &what)
{
    if (actor.level != OrgLevel::Town)
        return kTownOnly;
    if (!actor.has(role))
        return u"%1须由乡镇%2办理"_s.arg(what, roleChineseName(role));
    return std::nullopt;
}

QDate dateOf(const QJsonObject &json)
{
    return QDate::fromString(json.value(u"on"_s).toString(), Qt::ISODate);
}

} // namespace

// --- Spend requests ----------------------------------------------------------------------------------------

QString requestStateName(RequestState state)
{
    switch (state) {
    case RequestState::Pending:
        return u"pending"_s;
    case RequestState::VillageApproved:
        return u"village-approved"_s;
    case RequestState::Approved:
        return u"approved"_s;
    case RequestState::Rejected:
        return u"rejected"_s;
    }
    return {};
}

QString requestStateChinese(RequestState state)
{
    switch (state) {
    case RequestState::Pending:
        return u"待审批"_s;
    case RequestState::VillageApproved:
        return u"待镇审核"_s;
    case RequestState::Approved:
        return u"已批准"_s;
    case RequestState::Rejected:
        return u"未批准"_s;
    }
    return {};
}

QStringList requestStateChoicePairs()
{
    QStringList out;
    for (RequestState s : {RequestState::Pending, RequestState::VillageApproved, RequestState::Approved,
                           RequestState::Rejected})
        out << requestStateName(s) << requestStateChinese(s);
    return out;
}

QString requestActionName(RequestAction action)
{
    switch (action) {
    case RequestAction::Approve:
        return u"approve"_s;
    case RequestAction::TownApprove:
        return u"town-approve"_s;
    case RequestAction::Reject:
        return u"reject"_s;
    }
    return {};
}

std::optional<RequestAction> requestActionFromName(const QString &name)
{
    for (RequestAction a : {RequestAction::Approve, RequestAction::TownApprove, RequestAction::Reject}) {
        if (requestActionName(a) == name)
            return a;
    }
    return std::nullopt;
}

QString requestActionChinese(RequestAction action)
{
    switch (action) {
    case RequestAction::Approve:
        return u"村级审批"_s;
    case RequestAction::TownApprove:
        return u"乡镇三资中心审核"_s;
    case RequestAction::Reject:
        return u"不予批准"_s;
    }
    return {};
}

std::optional<RequestStep> RequestStep::fromJson(const QJsonObject &json)
{
    const auto action = requestActionFromName(json.value(u"action"_s).toString());
    if (!action)
        return std::nullopt;
    RequestStep s;
    s.action = *action;
    s.body = json.value(u"body"_s).toString();
    s.signer = json.value(u"signer"_s).toString().trimmed();
    s.reason = json.value(u"reason"_s).toString().trimmed();
    s.on = dateOf(json);
    s.byUserId = json.value(u"by"_s).toString();
    return s;
}

QJsonObject RequestStep::toJson() const
{
    QJsonObject o{{u"action"_s, requestActionName(action)}};
    if (!body.isEmpty())
        o.insert(u"body"_s, body);
    if (!signer.isEmpty())
        o.insert(u"signer"_s, signer);
    if (!reason.isEmpty())
        o.insert(u"reason"_s, reason);
    if (on.isValid())
        o.insert(u"on"_s, on.toString(Qt::ISODate));
    if (!byUserId.isEmpty())
        o.insert(u"by"_s, byUserId);
    return o;
}

QList<RequestStep> requestStepsFromJson(const QJsonArray &steps)
{
    QList<RequestStep> out;
    for (const QJsonValue &v : steps) {
        if (auto s = RequestStep::fromJson(v.toObject()))
            out.append(*s);
    }
    return out;
}

RequestHandling replayRequest(const QList<RequestStep> &steps)
{
    RequestHandling h;
    for (const RequestStep &s : steps) {
        switch (s.action) {
        case RequestAction::Approve:
            h.body = s.body;
            if (s.body == approvalBodyName(ApprovalBody::Representatives)) {
                h.state = RequestState::VillageApproved;
            } else {
                h.state = RequestState::Approved;
                h.approvedOn = s.on;
            }
            break;
        case RequestAction::TownApprove:
            h.state = RequestState::Approved;
            h.approvedOn = s.on;
            break;
        case RequestAction::Reject:
            h.state = RequestState::Rejected;
            break;
        }
    }
    return h;
}

std::optional<QString> requestStepProblem(const QList<RequestStep> &history, const RequestStep &step,
                                          const CardActor &actor, Fen estimate, const CardTiers &tiers)
{
    const RequestHandling h = replayRequest(history);
    switch (step.action) {
    case RequestAction::Approve: {
        if (actor.level != OrgLevel::Town)
            return kTownOnly;
        if (!actor.has(Role::Clerk) && !actor.has(Role::Reviewer))
            return u"村级审批由乡镇农经站的录入员或审核员据审批单登记"_s;
        if (h.state != RequestState::Pending)
            return u"该报备已经审批过"_s;
        const auto body = approvalBodyFromName(step.body);
        if (!body)
            return u"请选择审批机构（村主任、村两委或村民代表会议）"_s;
        const ApprovalBody required = requiredBody(estimate, tiers);
        if (!bodyCovers(*body, required))
            return u"预计 %1 元的支出须由%2审批，%3无权审批"_s.arg(
                money::formatYuan(estimate), approvalBodyChinese(required), approvalBodyChinese(*body));
        if (step.signer.isEmpty())
            return u"请填写审批签字人"_s;
        return std::nullopt;
    }
    case RequestAction::TownApprove:
        if (auto p = townRole(actor, Role::Reviewer, u"乡镇三资中心审核"_s))
            return p;
        if (h.state != RequestState::VillageApproved)
            return u"乡镇三资中心审核村民代表会议已审批的报备"_s;
        return std::nullopt;
    case RequestAction::Reject:
        if (actor.level != OrgLevel::Town)
            return kTownOnly;
        if (!actor.has(Role::Clerk) && !actor.has(Role::Reviewer))
            return u"只有乡镇农经站的录入员或审核员可以登记不予批准"_s;
        if (h.state != RequestState::Pending &&
            !(h.state == RequestState::VillageApproved && actor.has(Role::Reviewer)))
            return u"该报备已经审批完毕"_s;
        if (step.reason.isEmpty())
            return u"请写明不予批准的理由"_s;
        return std::nullopt;
    }
    return u"无法识别的审批操作"_s;
}

QList<RequestAction> requestActionsFor(const QList<RequestStep> &history, const CardActor &actor,
                                       Fen estimate, const CardTiers &tiers)
{
    QList<RequestAction> out;
    for (RequestAction a : {RequestAction::Approve, RequestAction::TownApprove, RequestAction::Reject}) {
        RequestStep probe;
        probe.action = a;
        probe.body = approvalBodyName(ApprovalBody::Representatives);
        probe.signer = u"-"_s;
        probe.reason = u"-"_s;
        if (!requestStepProblem(history, probe, actor, estimate, tiers))
            out.append(a);
    }
    return out;
}

// --- Claims ------------------------------------------------------------------------------------------------

QString claimStateName(ClaimState state)
{
    switch (state) {
    case ClaimState::Submitted:
        return u"submitted"_s;
    case ClaimState::VillageChecked:
        return u"village-checked"_s;
    case ClaimState::TownChecked:
        return u"town-checked"_s;
    case ClaimState::Booked:
        return u"booked"_s;
    case ClaimState::Returned:
        return u"returned"_s;
    }
    return {};
}

QString claimStateChinese(ClaimState state)
{
    switch (state) {
    case ClaimState::Submitted:
        return u"待村监委审核"_s;
    case ClaimState::VillageChecked:
        return u"待农经站审核"_s;
    case ClaimState::TownChecked:
        return u"待入账"_s;
    case ClaimState::Booked:
        return u"已入账"_s;
    case ClaimState::Returned:
        return u"已退回"_s;
    }
    return {};
}

QStringList claimStateChoicePairs()
{
    QStringList out;
    for (ClaimState s : {ClaimState::Submitted, ClaimState::VillageChecked, ClaimState::TownChecked,
                         ClaimState::Booked, ClaimState::Returned})
        out << claimStateName(s) << claimStateChinese(s);
    return out;
}

QString claimActionName(ClaimAction action)
{
    switch (action) {
    case ClaimAction::VillageCheck:
        return u"village-check"_s;
    case ClaimAction::TownCheck:
        return u"town-check"_s;
    case ClaimAction::Book:
        return u"book"_s;
    case ClaimAction::Return:
        return u"return"_s;
    case ClaimAction::Resubmit:
        return u"resubmit"_s;
    }
    return {};
}

std::optional<ClaimAction> claimActionFromName(const QString &name)
{
    for (ClaimAction a : {ClaimAction::VillageCheck, ClaimAction::TownCheck, ClaimAction::Book,
                          ClaimAction::Return, ClaimAction::Resubmit}) {
        if (claimActionName(a) == name)
            return a;
    }
    return std::nullopt;
}

QString claimActionChinese(ClaimAction action)
{
    switch (action) {
    case ClaimAction::VillageCheck:
        return u"村监委审核"_s;
    case ClaimAction::TownCheck:
        return u"农经站审核"_s;
    case ClaimAction::Book:
        return u"入账"_s;
    case ClaimAction::Return:
        return u"退回"_s;
    case ClaimAction::Resubmit:
        return u"重新提交"_s;
    }
    return {};
}

std::optional<ClaimStep> ClaimStep::fromJson(const QJsonObject &json)
{
    const auto action = claimActionFromName(json.value(u"action"_s).toString());
    if (!action)
        return std::nullopt;
    ClaimStep s;
    s.action = *action;
    s.checker = json.value(u"checker"_s).toString().trimmed();
    s.voucherNo = json.value(u"voucherNo"_s).toString().trimmed();
    s.reason = json.value(u"reason"_s).toString().trimmed();
    s.on = dateOf(json);
    s.byUserId = json.value(u"by"_s).toString();
    return s;
}

QJsonObject ClaimStep::toJson() const
{
    QJsonObject o{{u"action"_s, claimActionName(action)}};
    if (!checker.isEmpty())
        o.insert(u"checker"_s, checker);
    if (!voucherNo.isEmpty())
        o.insert(u"voucherNo"_s, voucherNo);
    if (!reason.isEmpty())
        o.insert(u"reason"_s, reason);
    if (on.isValid())
        o.insert(u"on"_s, on.toString(Qt::ISODate));
    if (!byUserId.isEmpty())
        o.insert(u"by"_s, byUserId);
    return o;
}

QList<ClaimStep> claimStepsFromJson(const QJsonArray &steps)
{
    QList<ClaimStep> out;
    for (const QJsonValue &v : steps) {
        if (auto s = ClaimStep::fromJson(v.toObject()))
            out.append(*s);
    }
    return out;
}

ClaimHandling replayClaim(const QList<ClaimStep> &steps)
{
    ClaimHandling h;
    for (const ClaimStep &s : steps) {
        switch (s.action) {
        case ClaimAction::VillageCheck:
            h.state = ClaimState::VillageChecked;
            break;
        case ClaimAction::TownCheck:
            h.state = ClaimState::TownChecked;
            break;
        case ClaimAction::Book:
            h.state = ClaimState::Booked;
            h.voucherNo = s.voucherNo;
            h.bookedOn = s.on;
            break;
        case ClaimAction::Return:
            h.state = ClaimState::Returned;
            break;
        case ClaimAction::Resubmit:
            h.state = ClaimState::Submitted;
            break;
        }
    }
    return h;
}

std::optional<QString> claimStepProblem(const QList<ClaimStep> &history, const ClaimStep &step,
                                        const CardActor &actor)
{
    const ClaimState state = replayClaim(history).state;
    switch (step.action) {
    case ClaimAction::VillageCheck:
        if (auto p = townRole(actor, Role::Clerk, u"村监委审核（据签字的报账单登记）"_s))
            return p;
        if (state != ClaimState::Submitted)
            return u"只有待村监委审核的报账可以登记村监委审核"_s;
        if (step.checker.isEmpty())
            return u"请填写审核签字的村监委成员"_s;
        return std::nullopt;
    case ClaimAction::TownCheck:
        if (auto p = townRole(actor, Role::Reviewer, u"农经站审核"_s))
            return p;
        if (state != ClaimState::VillageChecked)
            return u"报账须先经村监委审核，再由农经站审核"_s;
        return std::nullopt;
    case ClaimAction::Book:
        if (auto p = townRole(actor, Role::Clerk, u"入账"_s))
            return p;
        if (state != ClaimState::TownChecked)
            return u"报账经农经站审核后才能入账"_s;
        if (step.voucherNo.isEmpty())
            return u"请填写记账凭证号"_s;
        return std::nullopt;
    case ClaimAction::Return:
        if (state == ClaimState::Submitted) {
            if (auto p = townRole(actor, Role::Clerk, u"村监委退回（据签字的报账单登记）"_s))
                return p;
        } else if (state == ClaimState::VillageChecked || state == ClaimState::TownChecked) {
            if (auto p = townRole(actor, Role::Reviewer, u"农经站退回"_s))
                return p;
        } else {
            return u"已入账或已退回的报账不能退回"_s;
        }
        if (step.reason.isEmpty())
            return u"请写明退回理由"_s;
        return std::nullopt;
    case ClaimAction::Resubmit:
        if (auto p = townRole(actor, Role::Clerk, u"重新提交"_s))
            return p;
        if (state != ClaimState::Returned)
            return u"只有退回的报账可以重新提交"_s;
        return std::nullopt;
    }
    return u"无法识别的报账操作"_s;
}

QList<ClaimAction> claimActionsFor(const QList<ClaimStep> &history, const CardActor &actor)
{
    QList<ClaimAction> out;
    for (ClaimAction a : {ClaimAction::VillageCheck, ClaimAction::TownCheck, ClaimAction::Book,
                          ClaimAction::Return, ClaimAction::Resubmit}) {
        ClaimStep probe;
        probe.action = a;
        probe.checker = u"-"_s;
        probe.voucherNo = u"-"_s;
        probe.reason = u"-"_s;
        if (!claimStepProblem(history, probe, actor))
            out.append(a);
    }
    return out;
}

} // namespace sunshine::card
