#pragma once

#include "common/core/Quarter.h"
#include "common/core/WorkingCalendar.h"
#include "common/org/OrgUnit.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// The dated rules of the 阳光扶贫 module (regulation Art. 8-10, 17-21; DOMAIN.md rules 8-10 and 13). Pure
// functions: "today" and the working-day calendar always come from the caller.
namespace sunshine::relief {

using sunshine::Quarter;

// --- Visits (rule 8, Art. 18-20) ---------------------------------------------------------------------------
// A quarter's visit is made between the 21st of its last month and the 10th of the next month (both
// inclusive); entry closes at the start of the 11th.
struct VisitWindow
{
    QDate opens;         // 21st of the quarter's last month
    QDate closes;        // 10th of the following month, the last day a visit may be made
    QDate entryClosesOn; // the 11th of that month: entry closes that day (EntryClose: by default at 00:00)
};
VisitWindow visitWindow(Quarter quarter);
// The moment entry closes on entryClosesOn (EntryClose, the same reading as the funds' close), UTC ms.
qint64 visitEntryClosesAtMs(Quarter quarter);
// Why a visit made on `date` cannot count for `quarter` (Chinese), or nothing when inside the window.
std::optional<QString> visitDateProblem(Quarter quarter, QDate date);
// The quarter whose visits are checked on `today`: the latest quarter whose visit window has opened (rule 8:
// from the 21st of its last month). In a quarter's first month that is the previous quarter, which the towns
// and the county check then (rule 9); from the 21st of a quarter's last month it is the quarter being
// visited. The one definition: the households view, the visit tables and the dashboard all take it from here.
Quarter quarterUnderCheck(QDate today);

// --- Income (Art. 8, 18-19) --------------------------------------------------------------------------------
constexpr qint64 kIncomeLineFenPerPersonYear = 700000; // 7,000 yuan per person per year
// The line of Art. 8: a household whose income per person and year is below it may be registered (识别); one
// at or above it may leave the registry (退出, Art. 10).
constexpr bool atOrAboveIncomeLine(qint64 perCapitaFenPerYear)
{
    return perCapitaFenPerYear >= kIncomeLineFenPerPersonYear;
}

// One quarter's income of a household, by category, in fen; each quarter its own (not cumulative).
struct QuarterIncome
{
    Quarter quarter;
    qint64 wagesFen = 0;    // 工资性收入
    qint64 businessFen = 0; // 经营性收入 (may be negative: a loss)
    qint64 propertyFen = 0; // 财产性收入
    qint64 transferFen = 0; // 转移性收入
    qint64 totalFen() const { return wagesFen + businessFen + propertyFen + transferFen; }
};

struct PerCapitaIncome
{
    qint64 annualFen = 0;       // household total over the four quarters ending with `upTo`
    qint64 perCapitaFen = 0;    // annualFen / members, rounded down; 0 when members is 0
    int quartersRecorded = 0;   // how many of those four quarters have a record (0..4)
    bool atOrAboveLine = false; // perCapitaFen >= kIncomeLineFenPerPersonYear (only when members > 0)
};
// The four quarters ending with `upTo` (upTo and the three before it). When a quarter appears more than once
// in `incomes`, the last one in the list counts. Quarters outside the four are ignored.
PerCapitaIncome perCapitaIncome(const QList<QuarterIncome> &incomes, int members, Quarter upTo);

// --- Help requests (rule 10, Art. 21) ----------------------------------------------------------------------
// Accepted and answered within 5 working days of being raised.
QDate helpAnswerDue(QDate raised, const WorkingCalendar &calendar);
// The investigation result within 10 working days of the assignment slip being received.
QDate helpResultDue(QDate assigned, const WorkingCalendar &calendar);

enum class DeadlineState
{
    Open,       // not done, more than `dueSoonWorkingDays` working days left
    DueSoon,    // not done, due today or at most `dueSoonWorkingDays` working days after today
    Overdue,    // not done, today is after the due date
    DoneOnTime, // done on or before the due date
    DoneLate    // done after the due date
};
DeadlineState deadlineState(QDate due, std::optional<QDate> done, QDate today,
                            const WorkingCalendar &calendar, int dueSoonWorkingDays = 2);
QString deadlineStateName(DeadlineState state); // "open", "due-soon", "overdue", "done-on-time", "done-late"
QString deadlineStateChinese(DeadlineState state); // "办理中", "即将到期", "已逾期", "按时办结", "逾期办结"

// The code the requester's side uses to look up the result: lookupCode("QZ", record id).
QString helpLookupCode(const QString &recordId);

// --- Identification and exit cases (rule 13, Art. 9-10) ----------------------------------------------------
enum class CaseKind
{
    Identification, // 精准识别
    Exit            // 退出
};

struct WorkflowStep
{
    QString code;                       // wire name, e.g. "group-review"
    QString chineseName;                // e.g. "村民小组评议"
    OrgLevel level = OrgLevel::Village; // the level whose reviewer takes the step
    bool publicNotice = false; // the step carries a public notice (start and end date, at least 5 days)
};
// Identification: group-review (村民小组评议, village), village-review (村委会审核, village), village-notice
// (村内公示, village, notice), town-review (镇级审核并公示, town, notice), comparison (部门比对, county; the
// city for cross-region cases), county-approval (县级审批, county).
// Exit: village-review (村委会评议, village), town-review (镇级审核, town), county-confirmation (县级确认,
// county).
QList<WorkflowStep> workflowSteps(CaseKind kind);

// One step taken, as kept in the case's history.
struct StepEntry
{
    QString step;       // WorkflowStep::code
    bool passed = true; // false: rejected, with the reason in opinion
    QDate date;
    QString person; // who decided (name as written on the paper record)
    QString opinion;
    QDate noticeStart; // notice steps only
    QDate noticeEnd;
};

struct CaseState
{
    // Index into workflowSteps(kind) of the step to take next; workflowSteps(kind).size() when finished.
    int nextStep = 0;
    // Every step passed: admitted to (identification) or removed from (exit) the registry.
    bool finished = false;
    bool refused = false; // the first step was rejected: the case is closed without effect
};
// Replays the history: a passed step moves on by one; a rejected step returns the case to the step before it
// (which must be taken again); a rejection of the first step closes the case as refused. Entries that are not
// the expected step, and entries after the case closed, are ignored (stepProblem never lets them in).
CaseState caseState(CaseKind kind, const QList<StepEntry> &history);

// A public notice's dates (Art. 9: at least 5 days counting both ends): why they cannot be, or nothing.
std::optional<QString> noticePeriodProblem(QDate start, QDate end);

// The notice a case is holding now (公示中): the clerk posts the next step's notice (noticeStart, noticeEnd
// on the case) after the step before it was taken; it is in force from its first to its last day while that
// notice step is still to be taken. What the public layer lists (MODULES.md §7).
struct NoticeInForce
{
    QString step;     // WorkflowStep::code: "village-notice", "town-review"
    QString stepName; // "村内公示", "镇级审核并公示"
    QDate start;
    QDate end;
};
std::optional<NoticeInForce> noticeInForce(CaseKind kind, const QList<StepEntry> &history, QDate start,
                                           QDate end, QDate today);

struct StepContext
{
    OrgLevel actorLevel = OrgLevel::City; // the org level of the reviewer taking the step
    bool crossRegion = false;             // identification: the comparison step belongs to the city
    int unresolvedComparisonHits = 0;     // identification: hits not yet cleared
    QDate today;                          // the date (China) the step is recorded on
    bool exitAtYearEnd = true;            // exit: only from December 1 of a year to January 31 of the next
};
// Why `next` cannot be appended to `history` (Chinese), or nothing when it can. Checks: the case is not
// closed; next.step is exactly the expected step (no skipping, no repeating); the actor's level is the step's
// level (village steps may also be recorded by a town reviewer on the committee's behalf); date present, not
// after today and not before the previous step's date; person present; a rejection carries an opinion; notice
// steps have start <= end, at least 5 days counting both ends, and the step's date not before the notice end;
// a passed county-approval needs unresolvedComparisonHits == 0; comparison of a cross-region case only at
// city level; exit steps only in the year-end window (Dec 1 - Jan 31, judged by next.date) when
// exitAtYearEnd.
std::optional<QString> stepProblem(CaseKind kind, const QList<StepEntry> &history, const StepEntry &next,
                                   const StepContext &context);

// --- Visit statistics (rule 9) -----------------------------------------------------------------------------
struct PairingRef
{
    QString pairingId;
    QString townId; // the org unit id of the town the household lives in
    QString helperName;
    QString householdName;
};
struct VisitRef
{
    QString pairingId;
    Quarter quarter;
};
struct TownVisitStats
{
    QString townId;
    int pairings = 0;
    int visited = 0;        // pairings with at least one visit for the quarter
    QStringList notVisited; // pairing ids without a visit, in input order
};
// Per town (in order of first appearance in `pairings`), for one quarter. A pairing id listed twice counts
// once.
QList<TownVisitStats> visitStats(const QList<PairingRef> &pairings, const QList<VisitRef> &visits,
                                 Quarter quarter);

} // namespace sunshine::relief
