#include "common/trading/TradingWorkflow.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::trading {

namespace {

struct ActionInfo
{
    ListingAction action;
    const char16_t *name;
    const char16_t *chinese;
};

constexpr std::array<ActionInfo, 15> kActions{{
    {ListingAction::Submit, u"submit", u"申请"},
    {ListingAction::Approve, u"approve", u"审核通过"},
    {ListingAction::Reject, u"reject", u"审核不通过"},
    {ListingAction::Publish, u"publish", u"挂牌公告"},
    {ListingAction::Qualify, u"qualify", u"资格审查"},
    {ListingAction::Bid, u"bid", u"竞价"},
    {ListingAction::Hammer, u"hammer", u"竞价结束"},
    {ListingAction::Negotiate, u"negotiate", u"公开协商成交"},
    {ListingAction::Announce, u"announce", u"结果公示"},
    {ListingAction::Sign, u"sign", u"签约"},
    {ListingAction::Settle, u"settle", u"结算"},
    {ListingAction::Certify, u"certify", u"鉴证"},
    {ListingAction::Suspend, u"suspend", u"中止"},
    {ListingAction::Resume, u"resume", u"恢复"},
    {ListingAction::Terminate, u"terminate", u"终止"},
}};

struct StateInfo
{
    ListingState state;
    const char16_t *name;
    const char16_t *chinese;
};

constexpr std::array<StateInfo, 13> kStates{{
    {ListingState::Applied, u"applied", u"已申请"},
    {ListingState::Approved, u"approved", u"待挂牌"},
    {ListingState::Noticed, u"noticed", u"挂牌中"},
    {ListingState::Bidding, u"bidding", u"竞价中"},
    {ListingState::Negotiating, u"negotiating", u"协商中"},
    {ListingState::Dealt, u"dealt", u"已成交"},
    {ListingState::Announced, u"announced", u"公示中"},
    {ListingState::Signed, u"signed", u"已签约"},
    {ListingState::Settled, u"settled", u"已结算"},
    {ListingState::Certified, u"certified", u"已鉴证"},
    {ListingState::Unsold, u"unsold", u"流拍"},
    {ListingState::Suspended, u"suspended", u"中止"},
    {ListingState::Terminated, u"terminated", u"终止"},
}};

QDate dateOf(const QJsonObject &o, const QString &key)
{
    return QDate::fromString(o.value(key).toString(), Qt::ISODate);
}

bool finished(ListingState s)
{
    return s == ListingState::Certified || s == ListingState::Unsold || s == ListingState::Terminated;
}

// The centre's staff: clerks and reviewers of the centre's level.
bool centreStaff(const TradingActor &a, OrgLevel centre)
{
    return a.level == centre && (a.has(Role::Clerk) || a.has(Role::Reviewer));
}

} // namespace

QString listingActionName(ListingAction action)
{
    for (const ActionInfo &i : kActions) {
        if (i.action == action)
            return QString::fromUtf16(i.name);
    }
    return {};
}

std::optional<ListingAction> listingActionFromName(const QString &name)
{
    for (const ActionInfo &i : kActions) {
        if (name == QString::fromUtf16(i.name))
            return i.action;
    }
    return std::nullopt;
}

QString listingActionChinese(ListingAction action)
{
    for (const ActionInfo &i : kActions) {
        if (i.action == action)
            return QString::fromUtf16(i.chinese);
    }
    return {};
}

QString listingStateName(ListingState state)
{
    for (const StateInfo &i : kStates) {
        if (i.state == state)
            return QString::fromUtf16(i.name);
    }
    return {};
}

QString listingStateChinese(ListingState state)
{
    for (const StateInfo &i : kStates) {
        if (i.state == state)
            return QString::fromUtf16(i.chinese);
    }
    return {};
}

QStringList listingStateChoicePairs()
{
    QStringList out;
    for (const StateInfo &i : kStates)
        out << QString::fromUtf16(i.name) << QString::fromUtf16(i.chinese);
    return out;
}

std::optional<ListingStep> ListingStep::fromJson(const QJsonObject &json)
{
    const std::optional<ListingAction> action = listingActionFromName(json.value(u"action"_s).toString());
    if (!action)
        return std::nullopt;
    ListingStep s;
    s.action = *action;
    s.from = dateOf(json, u"from"_s);
    s.to = dateOf(json, u"to"_s);
    s.qualified = json.value(u"qualified"_s).toInt();
    s.registrationId = json.value(u"registrationId"_s).toString();
    s.amount = json.value(u"amount"_s).toInteger();
    s.contractNo = json.value(u"contractNo"_s).toString();
    s.certificateNo = json.value(u"certificateNo"_s).toString();
    s.reason = json.value(u"reason"_s).toString();
    s.on = dateOf(json, u"on"_s);
    s.atMs = json.value(u"at"_s).toInteger();
    s.byUserId = json.value(u"by"_s).toString();
    return s;
}

QJsonObject ListingStep::toJson() const
{
    QJsonObject o{{u"action"_s, listingActionName(action)}};
    const auto date = [&o](const char16_t *key, QDate d) {
        if (d.isValid())
            o.insert(QString::fromUtf16(key), d.toString(Qt::ISODate));
    };
    const auto text = [&o](const char16_t *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QString::fromUtf16(key), v);
    };
    date(u"from", from);
    date(u"to", to);
    if (action == ListingAction::Qualify)
        o.insert(u"qualified"_s, qualified);
    text(u"registrationId", registrationId);
    if (amount > 0)
        o.insert(u"amount"_s, amount);
    text(u"contractNo", contractNo);
    text(u"certificateNo", certificateNo);
    text(u"reason", reason);
    date(u"on", on);
    if (atMs > 0)
        o.insert(u"at"_s, atMs);
    text(u"by", byUserId);
    return o;
}

QList<ListingStep> listingStepsFromJson(const QJsonArray &steps)
{
    QList<ListingStep> out;
    for (const QJsonValue &v : steps) {
        if (const auto s = ListingStep::fromJson(v.toObject()))
            out.append(*s);
    }
    return out;
}

ListingHandling replayListing(const QList<ListingStep> &steps, const ListingTerms &terms)
{
    ListingHandling h;
    for (const ListingStep &s : steps) {
        switch (s.action) {
        case ListingAction::Submit:
            h.state = ListingState::Applied;
            break;
        case ListingAction::Approve:
            h.state = ListingState::Approved;
            break;
        case ListingAction::Reject:
        case ListingAction::Terminate:
            h.state = ListingState::Terminated;
            break;
        case ListingAction::Publish:
            h.state = ListingState::Noticed;
            ++h.noticeRound;
            h.noticeFrom = s.from;
            h.noticeTo = s.to;
            break;
        case ListingAction::Qualify:
            h.qualified = s.qualified;
            if (s.qualified <= 0)
                h.state = ListingState::Unsold;
            else if (s.qualified >= 3)
                h.state = ListingState::Bidding;
            else // two or fewer: a second notice, then open negotiation
                h.state = h.noticeRound >= 2 ? ListingState::Negotiating : ListingState::Approved;
            break;
        case ListingAction::Bid:
            ++h.bids;
            h.highBid = s.amount;
            h.highRegistration = s.registrationId;
            break;
        case ListingAction::Hammer:
            // The highest bid at or above the reserve wins; otherwise no deal (流拍).
            if (h.bids == 0 || h.highBid < terms.reserve) {
                h.state = ListingState::Unsold;
            } else {
                h.state = ListingState::Dealt;
                h.dealPrice = h.highBid;
                h.winnerRegistration = h.highRegistration;
                h.dealOn = s.on;
            }
            break;
        case ListingAction::Negotiate:
            h.state = ListingState::Dealt;
            h.negotiated = true;
            h.dealPrice = s.amount;
            h.winnerRegistration = s.registrationId;
            h.dealOn = s.on;
            break;
        case ListingAction::Announce:
            h.state = ListingState::Announced;
            h.resultFrom = s.from;
            break;
        case ListingAction::Sign:
            h.state = ListingState::Signed;
            h.signedOn = s.on;
            h.contractNo = s.contractNo;
            break;
        case ListingAction::Settle:
            h.state = ListingState::Settled;
            break;
        case ListingAction::Certify:
            h.state = ListingState::Certified;
            h.certificateNo = s.certificateNo;
            break;
        case ListingAction::Suspend:
            h.beforeSuspension = h.state;
            h.state = ListingState::Suspended;
            break;
        case ListingAction::Resume:
            h.state = h.beforeSuspension;
            break;
        }
    }
    return h;
}

OrgLevel centreLevelOf(const QString &name)
{
    return name == u"county"_s ? OrgLevel::County : OrgLevel::Town;
}

Fen minimumNextBid(const ListingHandling &h, const ListingTerms &terms)
{
    return h.bids == 0 ? terms.startPrice : h.highBid + terms.step;
}

int workingDaysBetween(const WorkingCalendar &calendar, QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || to < from)
        return 0;
    return calendar.workingDaysBetween(from.addDays(-1), to);
}

QDate periodEnd(const WorkingCalendar &calendar, QDate from, int days)
{
    if (!from.isValid() || days <= 0)
        return from;
    return calendar.addWorkingDays(from.addDays(-1), days);
}

std::optional<QString> listingStepProblem(const QList<ListingStep> &history, const ListingStep &step,
                                          const TradingActor &actor, OrgLevel centre,
                                          const ListingTerms &terms, const StepTime &time)
{
    const ListingHandling h = replayListing(history, terms);
    const ListingState s = h.state;
    const QString wrongState =
        u"挂牌项目当前为“%1”，不能%2"_s.arg(listingStateChinese(s), listingActionChinese(step.action));
    if (step.action == ListingAction::Bid) {
        if (!actor.online)
            return u"竞价只能由交易中心联网登记，由服务器确定先后，不能离线录入"_s;
        if (s != ListingState::Bidding)
            return wrongState;
        if (step.registrationId.isEmpty())
            return u"请选择竞买人"_s;
        const Fen least = minimumNextBid(h, terms);
        if (step.amount < least)
            return u"报价 %1 元低于最低应价 %2 元（%3）"_s.arg(
                money::formatYuan(step.amount), money::formatYuan(least),
                h.bids == 0 ? u"起拍价"_s : u"上一次报价加上加价幅度"_s);
        return std::nullopt;
    }
    if (step.action == ListingAction::Submit) {
        if (!history.isEmpty())
            return u"已经申请过"_s;
        if (!actor.has(Role::Clerk) || (actor.level != OrgLevel::Town && actor.level != centre))
            return u"挂牌申请由乡镇录入员代村登记"_s;
        return std::nullopt;
    }
    if (history.isEmpty())
        return u"请先登记挂牌申请"_s;
    if (step.action == ListingAction::Approve || step.action == ListingAction::Reject) {
        if (!actor.has(Role::Reviewer) || actor.level != centre)
            return u"挂牌申请由交易中心所在层级的审核人审核"_s;
        if (s != ListingState::Applied)
            return wrongState;
        if (step.action == ListingAction::Reject && step.reason.trimmed().isEmpty())
            return u"请填写不通过的理由"_s;
        return std::nullopt;
    }
    if (step.action == ListingAction::Sign) {
        if (!actor.has(Role::Clerk) && !actor.has(Role::Reviewer))
            return u"签约由录入员或审核人登记"_s;
    } else if (!centreStaff(actor, centre)) {
        return u"该步骤由交易中心（%1级）的工作人员登记"_s.arg(centre == OrgLevel::County ? u"县"_s
                                                                                          : u"乡镇"_s);
    }
    switch (step.action) {
    case ListingAction::Publish:
        if (s != ListingState::Approved)
            return wrongState;
        if (!step.from.isValid() || !step.to.isValid() || step.to < step.from)
            return u"请填写公告的起止日期"_s;
        return std::nullopt;
    case ListingAction::Qualify:
        if (s != ListingState::Noticed)
            return wrongState;
        if (time.today.isValid() && time.today <= h.noticeTo)
            return u"公告期至 %1 结束，之后才能资格审查"_s.arg(h.noticeTo.toString(Qt::ISODate));
        if (step.qualified < 0)
            return u"合格竞买人数不能为负数"_s;
        return std::nullopt;
    case ListingAction::Hammer:
        return s == ListingState::Bidding ? std::nullopt : std::optional<QString>(wrongState);
    case ListingAction::Negotiate:
        if (s != ListingState::Negotiating)
            return wrongState;
        if (step.registrationId.isEmpty() || step.amount <= 0)
            return u"请填写协商成交的竞买人和价格"_s;
        return std::nullopt;
    case ListingAction::Announce:
        if (s != ListingState::Dealt)
            return wrongState;
        if (!step.from.isValid())
            return u"请填写公示开始日期"_s;
        if (h.dealOn.isValid() && step.from < h.dealOn)
            return u"结果公示不能早于成交日期 %1"_s.arg(h.dealOn.toString(Qt::ISODate));
        return std::nullopt;
    case ListingAction::Sign:
        if (s != ListingState::Announced)
            return wrongState;
        if (step.contractNo.trimmed().isEmpty())
            return u"请填写合同编号"_s;
        if (time.calendar && time.today.isValid()) {
            const QDate end = periodEnd(*time.calendar, h.resultFrom, kResultNoticeDays);
            if (time.today <= end)
                return u"结果公示至 %1 结束，之后才能签约"_s.arg(end.toString(Qt::ISODate));
        }
        return std::nullopt;
    case ListingAction::Settle:
        return s == ListingState::Signed ? std::nullopt : std::optional<QString>(wrongState);
    case ListingAction::Certify:
        if (s != ListingState::Settled)
            return wrongState;
        if (step.certificateNo.trimmed().isEmpty())
            return u"请填写鉴证书编号"_s;
        return std::nullopt;
    case ListingAction::Suspend:
        if (finished(s) || s == ListingState::Suspended)
            return wrongState;
        if (step.reason.trimmed().isEmpty())
            return u"请填写中止的理由"_s;
        return std::nullopt;
    case ListingAction::Resume:
        return s == ListingState::Suspended ? std::nullopt : std::optional<QString>(wrongState);
    case ListingAction::Terminate:
        if (finished(s))
            return wrongState;
        if (step.reason.trimmed().isEmpty())
            return u"请填写终止的理由"_s;
        return std::nullopt;
    default:
        return wrongState;
    }
}

QList<ListingAction> listingActionsFor(const QList<ListingStep> &history, const TradingActor &actor,
                                       OrgLevel centre)
{
    QList<ListingAction> out;
    for (const ActionInfo &i : kActions) {
        if (i.action == ListingAction::Bid)
            continue;
        ListingStep probe;
        probe.action = i.action;
        // A probe with every detail filled in: only role, level and state decide here.
        probe.from = probe.to = QDate(2000, 1, 1);
        probe.qualified = 3;
        probe.registrationId = u"-"_s;
        probe.amount = 1;
        probe.contractNo = probe.certificateNo = probe.reason = u"-"_s;
        if (i.action == ListingAction::Submit && !history.isEmpty())
            continue;
        if (!listingStepProblem(history, probe, actor, centre, {}, {}))
            out.append(i.action);
    }
    return out;
}

} // namespace sunshine::trading
