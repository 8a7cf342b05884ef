#pragma once

#include "common/auth/Role.h"
#include "common/core/WorkingCalendar.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// The life of a warning (MODULES.md §5): 新生成 → 已派发 → 核实中 → an outcome → 待复核 → 已销号. Each step
// is appended to the warning's history by a person with the right to it; the state is the history replayed.
namespace sunshine::warnings {

enum class WarningState
{
    New,       // 新生成: raised by the server, nobody assigned
    Assigned,  // 已派发: assigned to a person of the owning department
    Verifying, // 核实中: the assignee has replied and is checking the facts
    Review,    // 待复核: an outcome is recorded; the owner's reviewer checks it
    Closed     // 已销号
};
QString stateName(WarningState state); // "new", "assigned", "verifying", "review", "closed"
QString stateChinese(WarningState state);
QStringList stateChoicePairs(); // wire name and Chinese name, in pairs (a Choice field's options)

enum class Outcome
{
    Corrected,  // 数据纠错: the data was wrong and is corrected (evidence required)
    Rectifying, // 整改中: a rectification was ordered
    Referred,   // 已移送: referred to the discipline commission or the judicial organs
    FalseAlarm  // 误报: the finding does not hold (reason required)
};
QString outcomeName(Outcome outcome); // "corrected", "rectifying", "referred", "false-alarm"
std::optional<Outcome> outcomeFromName(const QString &name);
QString outcomeChinese(Outcome outcome);
QStringList outcomeChoicePairs();

// What a step does.
enum class Action
{
    Assign, // 派发 (reviewer): names the assignee; from new, assigned or verifying (re-assignment)
    Reply,  // 签收核实 (clerk or reviewer): the assignee's reply; from assigned
    Decide, // 提出处理结果 (clerk or reviewer): the outcome; from verifying
    Close,  // 复核销号 (reviewer, not the one who decided): from review
    Return  // 复核退回 (reviewer, with the reason): back to verifying
};
QString actionName(Action action); // "assign", "reply", "decide", "close", "return"
std::optional<Action> actionFromName(const QString &name);
QString actionChinese(Action action);

// One step as kept in the history (a JSON object of the warning's "steps").
struct WarningStep
{
    Action action = Action::Assign;
    QDate on;                       // set by the server: the day it was recorded
    QString byUserId;               // set by the server: who recorded it
    QString person;                 // the name written by the person acting
    QString assignee;               // Assign: who handles it
    QString note;                   // the reply, the reason, the finding of the check
    std::optional<Outcome> outcome; // Decide
    QStringList
        files;       // Decide as a data correction: the evidence (SHA-256 names of the warning's attachments)
    QDate dueOn;     // Decide as a rectification: its deadline (none: the rectification's default)
    QString referTo; // Decide as a referral: "discipline" (纪委监委) or "judicial" (司法机关)

    QJsonObject toJson() const;
    static std::optional<WarningStep> fromJson(const QJsonObject &object);
};
QList<WarningStep> stepsFromJson(const QJsonArray &steps); // unreadable entries are skipped

// The history replayed.
struct Handling
{
    WarningState state = WarningState::New;
    std::optional<Outcome> outcome;
    QString assignee;
    QDate repliedOn; // the first reply
    QDate decidedOn; // the last outcome recorded
    QDate closedOn;
    QString decidedBy; // the user who recorded the outcome under review
};
Handling replay(const QList<WarningStep> &history);

// Why `next` cannot follow `history` when recorded by a user with `roles` (Chinese), or nothing.
std::optional<QString> stepProblem(const QList<WarningStep> &history, const WarningStep &next,
                                   const RoleSet &roles, const QString &userId);

// --- Deadlines
// ------------------------------------------------------------------------------------------------ The reply
// within replyDays working days of being raised, the result within resultDays (both settings, by default 5
// and 10, by analogy with Art. 21).
struct HandlingDays
{
    int replyDays = 5;
    int resultDays = 10;
};
QDate replyDue(QDate raised, const HandlingDays &days, const WorkingCalendar &calendar);
QDate resultDue(QDate raised, const HandlingDays &days, const WorkingCalendar &calendar);

enum class Lateness
{
    None,
    ReplyOverdue, // not replied and today after the reply date
    ResultOverdue // no outcome and today after the result date
};
Lateness lateness(const Handling &handling, QDate replyDueOn, QDate resultDueOn, QDate today);
QString latenessChinese(Lateness lateness); // "", "逾期未签收", "逾期未办结"

} // namespace sunshine::warnings
