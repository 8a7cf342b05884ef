#pragma once

#include "common/auth/Role.h"
#include "common/core/Money.h"
#include "common/core/WorkingCalendar.h"
#include "common/org/OrgUnit.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The path of a listing on the rural property-rights trading centre (产权交易, MODULES.md §3): 申请 →
// 审核 → 挂牌公告 → 报名 (the registrations are their own records) → 资格审查 → 竞价 or 公开协商 → 成交 →
// 结果公示 → 签约 → 结算 → 鉴证; 流拍 when nobody qualifies or no bid reaches the reserve; 中止 and 终止.
// The listing keeps its path as steps; its state and figures are replayed from them.
namespace sunshine::trading {

enum class ListingAction
{
    Submit,    // 申请: the village's application, recorded by the town's clerk
    Approve,   // 审核通过, by a reviewer of the centre's level
    Reject,    // 审核不通过 (ends the listing): "reason"
    Publish,   // 挂牌公告: "from", "to" (the notice's first and last day)
    Qualify,   // 资格审查 after the notice: "qualified" (how many registrations qualified)
    Bid,       // 竞价: "registrationId", "amount" — through the server only, never offline
    Hammer,    // 竞价结束: the highest bid at or above the reserve wins, otherwise 流拍
    Negotiate, // 公开协商 deal: "registrationId", "amount"
    Announce,  // 结果公示: "from"
    Sign,      // 签约: "contractNo"
    Settle,    // 结算
    Certify,   // 鉴证: "certificateNo"
    Suspend,   // 中止: "reason"
    Resume,    // 恢复
    Terminate  // 终止: "reason"
};

enum class ListingState
{
    Applied,     // 已申请
    Approved,    // 已审核
    Noticed,     // 挂牌中
    Bidding,     // 竞价中
    Negotiating, // 协商中
    Dealt,       // 已成交
    Announced,   // 公示中
    Signed,      // 已签约
    Settled,     // 已结算
    Certified,   // 已鉴证
    Unsold,      // 流拍
    Suspended,   // 中止
    Terminated   // 终止
};

QString listingActionName(ListingAction action); // "submit", "approve", …
std::optional<ListingAction> listingActionFromName(const QString &name);
QString listingActionChinese(ListingAction action);
QString listingStateName(ListingState state); // "applied", "approved", …
QString listingStateChinese(ListingState state);
QStringList listingStateChoicePairs();

struct ListingStep
{
    ListingAction action = ListingAction::Submit;
    QDate from;             // Publish, Announce
    QDate to;               // Publish
    int qualified = 0;      // Qualify
    QString registrationId; // Bid, Negotiate
    Fen amount = 0;         // Bid, Negotiate: the price per year
    QString contractNo;     // Sign
    QString certificateNo;  // Certify
    QString reason;         // Reject, Suspend, Terminate
    QDate on;               // stamped by the server
    qint64 atMs = 0;        // Bid: the server's time of the bid
    QString byUserId;
    static std::optional<ListingStep> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};
QList<ListingStep> listingStepsFromJson(const QJsonArray &steps);

// The fixed figures of a listing that its path reads.
struct ListingTerms
{
    Fen reserve = 0;    // 底价 (per year)
    Fen startPrice = 0; // 起拍价
    Fen step = 0;       // 加价幅度
};

// A listing's path replayed.
struct ListingHandling
{
    ListingState state = ListingState::Applied;
    ListingState beforeSuspension = ListingState::Applied;
    int noticeRound = 0; // 1 the first notice, 2 the second
    QDate noticeFrom;
    QDate noticeTo;
    int qualified = 0;
    int bids = 0;
    Fen highBid = 0;
    QString highRegistration;
    Fen dealPrice = 0;
    QString winnerRegistration;
    QDate dealOn;
    QDate resultFrom;
    QDate signedOn;
    QString contractNo;
    QString certificateNo;
    bool negotiated = false;
};
// The reserve decides a hammer: the highest bid at or above it wins, otherwise no deal.
ListingHandling replayListing(const QList<ListingStep> &steps, const ListingTerms &terms);

// Who takes a step: roles, the level of their unit, and whether the server takes it for them (a bid
// recorded online).
struct TradingActor
{
    RoleSet roles;
    OrgLevel level = OrgLevel::City;
    bool online = false;
    bool has(Role role) const { return roles.contains(role); }
};

// The trading centre's level of a listing ("town" or "county"): who reviews and runs it.
OrgLevel centreLevelOf(const QString &name);

// The days of the path (MODULES.md §3; defaults): the result notice lasts 5 working days and the contract
// is signed after it.
inline constexpr int kResultNoticeDays = 5;

// What a step is checked against besides the history: the day and the calendar.
struct StepTime
{
    QDate today;
    const WorkingCalendar *calendar = nullptr;
};

// Why `actor` may not take `step` after `history` (Chinese), or nothing. `centre` is the listing's centre
// level; bids need `online` (the record type checks the registration is qualified).
std::optional<QString> listingStepProblem(const QList<ListingStep> &history, const ListingStep &step,
                                          const TradingActor &actor, OrgLevel centre,
                                          const ListingTerms &terms, const StepTime &time);
// The actions `actor` may take now (bids excluded: they go through the server's bid route).
QList<ListingAction> listingActionsFor(const QList<ListingStep> &history, const TradingActor &actor,
                                       OrgLevel centre);

// The lowest next bid: the start price, then the last bid plus the step.
Fen minimumNextBid(const ListingHandling &handling, const ListingTerms &terms);
// The working days a period covers, both ends included.
int workingDaysBetween(const WorkingCalendar &calendar, QDate from, QDate to);
// The last day of a period of `days` working days starting on `from` (itself when a working day).
QDate periodEnd(const WorkingCalendar &calendar, QDate from, int days);

} // namespace sunshine::trading
