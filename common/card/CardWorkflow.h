#pragma once

#include "common/auth/Role.h"
#include "common/card/CardRules.h"
#include "common/org/OrgUnit.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// The two paths of the village card: a spend request's approval (报备审批) and a claim's checks (报账审核).
// Villages keep no accounts of their own: the town 农经站 keeps their books (委托代理记账), so its clerks
// record what the village's bodies decided (from the signed slip or the minutes, whose name is recorded with
// the step), and its reviewers take the town's own steps.
namespace sunshine::card {

// Who takes a step: their roles and the level of their unit.
struct CardActor
{
    RoleSet roles;
    OrgLevel level = OrgLevel::City;
    bool has(Role role) const { return roles.contains(role); }
};

// --- Spend requests ----------------------------------------------------------------------------------------
enum class RequestAction
{
    Approve,     // the village body's approval, recorded by the town's clerk: "body", "signer"
    TownApprove, // the town 三资 centre's approval of the top tier, by a town reviewer
    Reject       // by the town's reviewer, or recorded for the village body: "reason"
};
enum class RequestState
{
    Pending,
    VillageApproved, // approved by the representatives' meeting: waits for the town
    Approved,
    Rejected
};
QString requestStateName(RequestState state); // "pending", "village-approved", "approved", "rejected"
QString requestStateChinese(RequestState state);
QStringList requestStateChoicePairs();
QString requestActionName(RequestAction action); // "approve", "town-approve", "reject"
std::optional<RequestAction> requestActionFromName(const QString &name);
QString requestActionChinese(RequestAction action);

struct RequestStep
{
    RequestAction action = RequestAction::Approve;
    QString body;   // Approve: approvalBodyName()
    QString signer; // Approve: who signed for the body
    QString reason; // Reject
    QDate on;
    QString byUserId;
    static std::optional<RequestStep> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};
QList<RequestStep> requestStepsFromJson(const QJsonArray &steps);

struct RequestHandling
{
    RequestState state = RequestState::Pending;
    QString body; // the approving body
    QDate approvedOn;
};
// An approval by the villager representatives' meeting (the top tier's body) goes to the town 三资 centre
// too; any other approval is final.
RequestHandling replayRequest(const QList<RequestStep> &steps);
// Why `actor` may not take `step` after `history` (Chinese), or nothing.
std::optional<QString> requestStepProblem(const QList<RequestStep> &history, const RequestStep &step,
                                          const CardActor &actor, Fen estimate, const CardTiers &tiers);
// The actions `actor` may take now.
QList<RequestAction> requestActionsFor(const QList<RequestStep> &history, const CardActor &actor,
                                       Fen estimate, const CardTiers &tiers);

// --- Claims ------------------------------------------------------------------------------------------------
enum class ClaimAction
{
    VillageCheck, // 村监委 checked the slip, recorded by the town's clerk: "checker"
    TownCheck,    // 农经站 审核, by a town reviewer
    Book,         // 入账 with the voucher number, by the town's clerk
    Return,       // 退回 with the reason, by whoever checks next
    Resubmit      // the village corrected it, recorded by the town's clerk
};
enum class ClaimState
{
    Submitted,
    VillageChecked,
    TownChecked,
    Booked,
    Returned
};
QString
claimStateName(ClaimState state); // "submitted", "village-checked", "town-checked", "booked", "returned"
QString claimStateChinese(ClaimState state);
QStringList claimStateChoicePairs();
QString claimActionName(ClaimAction action); // "village-check", "town-check", "book", "return", "resubmit"
std::optional<ClaimAction> claimActionFromName(const QString &name);
QString claimActionChinese(ClaimAction action);

struct ClaimStep
{
    ClaimAction action = ClaimAction::VillageCheck;
    QString checker;   // VillageCheck: the committee member who signed
    QString voucherNo; // Book
    QString reason;    // Return
    QDate on;
    QString byUserId;
    static std::optional<ClaimStep> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};
QList<ClaimStep> claimStepsFromJson(const QJsonArray &steps);

struct ClaimHandling
{
    ClaimState state = ClaimState::Submitted;
    QString voucherNo;
    QDate bookedOn;
};
ClaimHandling replayClaim(const QList<ClaimStep> &steps);
std::optional<QString> claimStepProblem(const QList<ClaimStep> &history, const ClaimStep &step,
                                        const CardActor &actor);
QList<ClaimAction> claimActionsFor(const QList<ClaimStep> &history, const CardActor &actor);

} // namespace sunshine::card
