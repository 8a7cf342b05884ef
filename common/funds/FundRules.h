#pragma once

#include "common/core/WorkingCalendar.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>

// The dated rules of the 涉农资金 / 扶贫济困资金 module (regulation Art. 5-7, 22, 27-28; DOMAIN.md rules
// 1-7). Pure functions: "today", "now" and the working-day calendar always come from the caller.
//
// Counting: "within N working days of X" is X plus N working days (X itself never counts, even when it is a
// working day; make-up weekend workdays count, holidays do not), via WorkingCalendar::addWorkingDays. Fixed
// dates of the regulation ("by the 15th", "by the 20th", "in the quarter's first month", "closes on the
// 20th") are calendar dates and are NOT moved when they fall on a weekend or holiday: the regulation names
// the day, and clerks are expected to finish before a holiday that covers it. All due dates are inclusive
// (done on the due date is on time).
namespace sunshine::funds {

// Art. 5: relief funds (扶贫济困资金) come in three kinds; agricultural funds (涉农资金) are the other
// family.
enum class FundKind
{
    ReliefFiscal,   // 财政扶贫济困资金
    ReliefDonation, // 社会捐助资金
    ReliefOther,    // 其他扶贫济困资金
    Agricultural    // 涉农资金
};
QString fundKindName(FundKind kind); // "relief-fiscal", "relief-donation", "relief-other", "agricultural"
std::optional<FundKind> fundKindFromName(const QString &name);
QString fundKindChineseName(FundKind kind);
bool isReliefFund(FundKind kind); // the three relief kinds

enum class PaymentCycle
{
    Monthly,   // 按月发放
    Quarterly, // 按季发放
    Once,      // 一次性发放
    PerProject // 按项目拨付
};
QString paymentCycleName(PaymentCycle cycle); // "monthly", "quarterly", "once", "per-project"
std::optional<PaymentCycle> paymentCycleFromName(const QString &name);
QString paymentCycleChineseName(PaymentCycle cycle); // "按月", "按季", "一次性", "按项目"

// Where an allocation's money comes from.
enum class SourceLevel
{
    Central,
    Provincial,
    City,
    County
};
QString sourceLevelName(SourceLevel level); // "central", "provincial", "city", "county"
std::optional<SourceLevel> sourceLevelFromName(const QString &name);
QString sourceLevelChineseName(SourceLevel level); // "中央", "省级", "市级", "县级"

// --- Rule 1 (Art. 6 (一)) ----------------------------------------------------------------------------------
// Provincial-or-higher relief funds (扶贫济困资金 from the centre or the province) are reported to the city
// within 5 working days of receipt; city and county money, and agricultural funds, have no such report
// (nothing). Their allocation documents are entered within the 5 working days of Art. 7 (documentDue).
std::optional<QDate> reportDue(QDate received, FundKind kind, SourceLevel level,
                               const WorkingCalendar &calendar);

// --- Rule 2 (Art. 6 (三)): monthly payments
// ----------------------------------------------------------------- `month` is any day of the period month.
// Paid by the 15th, entered by the 20th of that month (calendar dates, not moved off weekends and holidays).
QDate paymentDue(QDate month);
QDate entryDue(QDate month);

// --- Rule 3 (Art. 6 (三)): quarterly payments
// --------------------------------------------------------------- `quarter` is any day of the period quarter.
// Paid within the quarter's first month: by its last calendar day.
QDate quarterlyPaymentDue(QDate quarter);
// Entered within 7 working days of payment.
QDate quarterlyEntryDue(QDate paidOn, const WorkingCalendar &calendar);

// --- Rule 5 (Art. 6 (三)): agricultural funds
// --------------------------------------------------------------- Entered within 7 working days after the
// payment (the end of the issuing/paying process).
QDate agriculturalEntryDue(QDate paidOn, const WorkingCalendar &calendar);

// --- Rule 7 (Art. 7): documents ----------------------------------------------------------------------------
// Documents of allocation, distribution, payment, returns and evaluation: within 5 working days of finishing
// the task.
QDate documentDue(QDate finished, const WorkingCalendar &calendar);

// --- The single entry point for a disbursement
// ---------------------------------------------------------------
struct Deadlines
{
    std::optional<QDate> payBy;   // nothing: the regulation sets no payment date for this kind/cycle
    std::optional<QDate> enterBy; // nothing: no entry date yet (it runs from a payment not yet made) or none
};
// `period`: the period month (monthly) or quarter (quarterly), any day in it (the first day by convention);
// ignored for once / per-project payments except for the quarter close below.
// - Relief, monthly:    payBy the 15th, enterBy the 20th of the period month (rule 2). A late payment does
// not
//                       move the entry date.
// - Relief, quarterly:  payBy the last day of the quarter's first month; enterBy paidOn + 7 working days
//                       (rule 3), nothing while unpaid.
// - Relief, once / per project: no payBy (the regulation sets none); enterBy paidOn + 5 working days, the
//                       Art. 7 time for payment vouchers (rule 7), nothing while unpaid.
// - Relief, any cycle:  enterBy is never after the last day entry is open before the quarter close (the
//                       20th of the last month of the period's quarter, rule 4, EntryClose): later entries
//                       are refused. Without a valid period nothing is capped.
// - Agricultural, any cycle: no payBy (the monthly/quarterly dates of Art. 6 (三) are written for relief
//                       funds); enterBy paidOn + 7 working days (rule 5), nothing while unpaid; no quarter
//                       close.
Deadlines disbursementDeadlines(FundKind kind, PaymentCycle cycle, QDate period, std::optional<QDate> paidOn,
                                const WorkingCalendar &calendar);

// --- Status of a dated entry
// ---------------------------------------------------------------------------------
enum class EntryStatus
{
    OnTime,     // entered on or before the due date, or not entered and more than dueSoonWorkingDays left
    DueSoon,    // not entered, today <= due and at most dueSoonWorkingDays working days in (today, due]
    Overdue,    // not entered and today is after the due date
    EnteredLate // entered after the due date
};
// An invalid `due` (no deadline) is always OnTime.
EntryStatus entryStatus(QDate due, std::optional<QDate> enteredOn, QDate today,
                        const WorkingCalendar &calendar, int dueSoonWorkingDays = 2);
// Entered after the due date (both known): what entryStatus() calls EnteredLate.
bool enteredLate(QDate due, QDate enteredOn);
// The same as an SQL condition on two stored ISO dates (SQL expressions of text; NULL or '' when absent).
QString enteredLateSql(const QString &due, const QString &done);
// entryStatus() as an SQL condition, for the lists and summaries that count in the database: the rows whose
// status on `today` is `status`. `due` and `done` are SQL expressions of the stored ISO dates (text; NULL or
// '' when absent: the server stores the due dates it derived, e.g. entryDueOn, and the day entered). The
// binds go in order for the condition's '?'. Generated from entryStatus() itself (the last day still due soon
// is found by asking it), so the two cannot drift; tst_funds_rule_sql runs both on a table of cases on SQLite
// and PostgreSQL.
struct SqlCondition
{
    QString sql;
    QStringList binds;
};
SqlCondition entryStatusSql(const QString &due, const QString &done, EntryStatus status, QDate today,
                            const WorkingCalendar &calendar, int dueSoonWorkingDays = 2);
QString entryStatusName(EntryStatus status);    // "on-time", "due-soon", "overdue", "entered-late"
QString entryStatusChinese(EntryStatus status); // "按时", "即将到期", "已逾期", "逾期录入"

// --- Rule 4 (Art. 6 (三)): the quarterly close of relief-fund entry ----------------------------------------
// 系统将于每季度末月20日关闭扶贫济困资金数据录入: the 20th of the quarter's last month is the day entry
// closes, at the moment of EntryClose (by default its start, 00:00 China time, so the 19th is the last day of
// entry).
qint64 reliefEntryClosesAtMs(int year, int quarter); // UTC ms; 0 for an invalid quarter
QDate reliefEntryClosesOn(int year, int quarter);    // the 20th of the quarter's last month
// Why an entry at `enteredAtMs` (UTC ms; for offline entries the caller passes the moment the late-sync rule
// accepts) for the relief quarter cannot be made (Chinese), or nothing when it can.
std::optional<QString> reliefEntryClosedProblem(int year, int quarter, qint64 enteredAtMs);
// The same for a record: nothing for agricultural funds; otherwise the quarter containing `period`.
std::optional<QString> reliefEntryClosedProblem(FundKind kind, QDate period, qint64 enteredAtMs);

// --- Rule 6 (Art. 6 (三)): no payment crosses the year
// ------------------------------------------------------ Money paid in a year is entered in that year. Why
// the payment date and the entry date (China dates) lie in different years (Chinese), or nothing when they do
// not. Missing dates are a problem too.
std::optional<QString> yearProblem(QDate paidOn, QDate enteredOn);

// --- The period of a payment (Art. 6 (三): 不得拖延发放或跨年度发放)
// ------------------------------------------- A payment is labelled with the month or quarter whose money it
// is. That period lies in the year of the payment (money of last year paid in January crosses the year), and
// it has begun when the money is paid (a payment labelled with a later period would escape that period's
// quarter close). Why a payment made on `paidOn` cannot belong to the period starting on `periodStart`
// (Chinese), or nothing.
std::optional<QString> periodProblem(QDate periodStart, QDate paidOn);

} // namespace sunshine::funds
