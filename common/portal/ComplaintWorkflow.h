#pragma once

#include "common/auth/Role.h"
#include "common/core/WorkingCalendar.h"
#include "common/rules/Rules.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// The life of a complaint (举报投诉, Art. 24; MODULES.md §6): 登记 → 受理 or 不予受理 → 已交办 → 已回复 →
// 已办结 → 已审核 → 已反馈 (an objection reopens it) → 归档. The leading-group office (the 扶贫办 of the unit
// the complaint sits at) takes it in, sorts it, assigns it to a department with a slip (交办单), reviews the
// department's result and answers the complainant; the department replies and concludes. Each step is
// appended to the complaint's history by someone with the right to it; the state is the history replayed.
namespace sunshine::portal {

enum class ComplaintState
{
    Registered, // 登记
    Accepted,   // 已受理
    Declined,   // 不予受理
    Assigned,   // 已交办
    Replied,    // 已回复
    Concluded,  // 已办结 (the department's result)
    Reviewed,   // 已审核 (the office checked the result)
    FedBack,    // 已反馈 (the complainant was answered)
    Reopened,   // 异议复查 (the complainant objected: to be assigned again)
    Archived    // 已归档
};
QString complaintStateName(ComplaintState state); // "registered", "accepted", ...
std::optional<ComplaintState> complaintStateFromName(const QString &name);
QString complaintStateChinese(ComplaintState state);
QStringList complaintStateChoicePairs();

enum class ComplaintAction
{
    Accept,   // 受理 (office reviewer): from registered
    Decline,  // 不予受理 (office reviewer, with the reason): from registered
    Assign,   // 交办 (office reviewer, naming the department): from accepted or reopened
    Reply,    // 回复 (the assigned department): from assigned
    Conclude, // 办结 (the assigned department, with the result and its files): from replied
    Approve,  // 审核通过 (office reviewer): from concluded
    Return,   // 审核退回 (office reviewer, with the reason): back to replied
    Feedback, // 反馈 (office, with what the complainant is told): from reviewed
    Object,   // 异议 (office records the complainant's objection): from fed back, reopens it
    Archive   // 归档 (office reviewer): from fed back or declined
};
QString complaintActionName(ComplaintAction action);
std::optional<ComplaintAction> complaintActionFromName(const QString &name);
QString complaintActionChinese(ComplaintAction action);
// The actions that may follow a complaint in `state`, in the order the office works.
QList<ComplaintAction> complaintActionsFrom(ComplaintState state);

// One step as kept in the history (a JSON object of the complaint's "steps").
struct ComplaintStep
{
    ComplaintAction action = ComplaintAction::Accept;
    QDate on;           // set by the server: the day it was recorded
    QString byUserId;   // set by the server
    QString person;     // the name of the one acting, as written
    QString note;       // the reason, the reply, the result, the feedback, the objection
    QString department; // Assign: the department assigned (its id)
    QStringList files;  // Conclude: the result's files (SHA-256 names of the complaint's attachments)

    QJsonObject toJson() const;
    static std::optional<ComplaintStep> fromJson(const QJsonObject &object);
};
QList<ComplaintStep> complaintStepsFromJson(const QJsonArray &steps); // unreadable entries are skipped

// The history replayed.
struct ComplaintHandling
{
    ComplaintState state = ComplaintState::Registered;
    QString department; // the department the current slip names
    QDate acceptedOn;
    QDate assignedOn; // the current slip (an objection's new slip replaces it)
    QDate repliedOn;
    QDate concludedOn;
    QDate fedBackOn;
    QDate archivedOn;
    QString reply;    // the department's last reply
    QString result;   // the department's last result
    QString feedback; // what the complainant was last told (or why it was not accepted)
    int rounds = 0;   // slips written (an objection adds one)
};
ComplaintHandling replayComplaint(const QList<ComplaintStep> &history);

// Who acts on a complaint.
struct ComplaintActor
{
    RoleSet roles;
    bool office = false;     // of the complaint's own department (the leading-group office)
    QString departmentId;    // the actor's department
    bool serverSelf = false; // the server itself (never takes steps)
};
// Why `next` cannot follow `history` when taken by `actor` (Chinese), or nothing.
std::optional<QString> complaintStepProblem(const QList<ComplaintStep> &history, const ComplaintStep &next,
                                            const ComplaintActor &actor);

// --- Deadlines (Art. 21, applied to complaints by Art. 24) ----------------------------------------------
// The department replies within 5 working days of receiving the slip, and reports its result within 10.
constexpr int kComplaintReplyWorkingDays = 5; // 第二十一条：5个工作日内作出回复意见
constexpr int kComplaintResultWorkingDays = 10; // 第二十一条：收受交办单后10个工作日内上报调查处理结果
QDate complaintReplyDue(QDate assignedOn, const WorkingCalendar &calendar);
QDate complaintResultDue(QDate assignedOn, const WorkingCalendar &calendar);

// The deadlines of the current slip a complaint has let pass on `today`: the reply while not replied, the
// result while not concluded (both, when both have passed).
struct ComplaintOverdue
{
    QString deadline; // "reply" or "result"
    QDate due;
};
QList<ComplaintOverdue> complaintOverdue(const ComplaintHandling &handling, QDate today,
                                         const WorkingCalendar &calendar);
// The same in SQL over a complaint's stored fields (its state and the due dates the server derived with
// complaintReplyDue/complaintResultDue): true when complaintOverdue() finds any deadline passed.
rules::SqlCondition complaintOverdueSql(const rules::FieldSql &field, QDate today);

// The lookup code a complainant is given ("TS" and 8 letters or digits, none of 0/1/I/O): from the record id,
// which is random, so one code says nothing about another.
QString complaintLookupCode(const QString &recordId);
bool isComplaintLookupCode(const QString &code);

} // namespace sunshine::portal
