#include "common/funds/FundRules.h"

#include "common/core/ChinaTime.h"
#include "common/core/EntryClose.h"
#include "common/core/Quarter.h"

#include <QDateTime>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

namespace {

constexpr int kReportWorkingDays = 5;            // rule 1
constexpr int kMonthlyPayDay = 15;               // rule 2
constexpr int kMonthlyEntryDay = 20;             // rule 2
constexpr int kQuarterlyEntryWorkingDays = 7;    // rule 3
constexpr int kCloseDay = 20;                    // rule 4
constexpr int kAgriculturalEntryWorkingDays = 7; // rule 5
constexpr int kDocumentWorkingDays = 5;          // rule 7

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

QDate addWorkingDaysOrInvalid(QDate from, int n, const WorkingCalendar &calendar)
{
    return from.isValid() ? calendar.addWorkingDays(from, n) : QDate();
}

} // namespace

// --- Names -------------------------------------------------------------------------------------------------

QString fundKindName(FundKind kind)
{
    switch (kind) {
    case FundKind::ReliefFiscal:
        return u"relief-fiscal"_s;
    case FundKind::ReliefDonation:
        return u"relief-donation"_s;
    case FundKind::ReliefOther:
        return u"relief-other"_s;
    case FundKind::Agricultural:
        return u"agricultural"_s;
    }
    return {};
}

std::optional<FundKind> fundKindFromName(const QString &name)
{
    for (FundKind k :
         {FundKind::ReliefFiscal, FundKind::ReliefDonation, FundKind::ReliefOther, FundKind::Agricultural}) {
        if (fundKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString fundKindChineseName(FundKind kind)
{
    switch (kind) {
    case FundKind::ReliefFiscal:
        return u"财政扶贫济困资金"_s;
    case FundKind::ReliefDonation:
        return u"社会捐助资金"_s;
    case FundKind::ReliefOther:
        return u"其他扶贫济困资金"_s;
    case FundKind::Agricultural:
        return u"涉农资金"_s;
    }
    return {};
}

bool isReliefFund(FundKind kind)
{
    return kind != FundKind::Agricultural;
}

QString paymentCycleName(PaymentCycle cycle)
{
    switch (cycle) {
    case PaymentCycle::Monthly:
        return u"monthly"_s;
    case PaymentCycle::Quarterly:
        return u"quarterly"_s;
    case PaymentCycle::Once:
        return u"once"_s;
    case PaymentCycle::PerProject:
        return u"per-project"_s;
    }
    return {};
}

std::optional<PaymentCycle> paymentCycleFromName(const QString &name)
{
    for (PaymentCycle c :
         {PaymentCycle::Monthly, PaymentCycle::Quarterly, PaymentCycle::Once, PaymentCycle::PerProject}) {
        if (paymentCycleName(c) == name)
            return c;
    }
    return std::nullopt;
}

QString paymentCycleChineseName(PaymentCycle cycle)
{
    switch (cycle) {
    case PaymentCycle::Monthly:
        return u"按月"_s;
    case PaymentCycle::Quarterly:
        return u"按季"_s;
    case PaymentCycle::Once:
        return u"一次性"_s;
    case PaymentCycle::PerProject:
        return u"按项目"_s;
    }
    return {};
}

QString sourceLevelName(SourceLevel level)
{
    switch (level) {
    case SourceLevel::Central:
        return u"central"_s;
    case SourceLevel::Provincial:
        return u"provincial"_s;
    case SourceLevel::City:
        return u"city"_s;
    case SourceLevel::County:
        return u"county"_s;
    }
    return {};
}

std::optional<SourceLevel> sourceLevelFromName(const QString &name)
{
    for (SourceLevel l :
         {SourceLevel::Central, SourceLevel::Provincial, SourceLevel::City, SourceLevel::County}) {
        if (sourceLevelName(l) == name)
            return l;
    }
    return std::nullopt;
}

QString sourceLevelChineseName(SourceLevel level)
{
    switch (level) {
    case SourceLevel::Central:
        return u"中央"_s;
    case SourceLevel::Provincial:
        return u"省级"_s;
    case SourceLevel::City:
        return u"市级"_s;
    case SourceLevel::County:
        return u"县级"_s;
    }
    return {};
}

// --- Rules 1, 2, 3, 5, 7 -----------------------------------------------------------------------------------

std::optional<QDate> reportDue(QDate received, FundKind kind, SourceLevel level,
                               const WorkingCalendar &calendar)
{
    if (!isReliefFund(kind) || (level != SourceLevel::Central && level != SourceLevel::Provincial))
        return std::nullopt;
    return addWorkingDaysOrInvalid(received, kReportWorkingDays, calendar);
}

QDate paymentDue(QDate month)
{
    if (!month.isValid())
        return {};
    return QDate(month.year(), month.month(), kMonthlyPayDay);
}

QDate entryDue(QDate month)
{
    if (!month.isValid())
        return {};
    return QDate(month.year(), month.month(), kMonthlyEntryDay);
}

QDate quarterlyPaymentDue(QDate quarter)
{
    if (!quarter.isValid())
        return {};
    const QDate firstMonth = Quarter::of(quarter).firstDay();
    return firstMonth.addMonths(1).addDays(-1);
}

QDate quarterlyEntryDue(QDate paidOn, const WorkingCalendar &calendar)
{
    return addWorkingDaysOrInvalid(paidOn, kQuarterlyEntryWorkingDays, calendar);
}

QDate agriculturalEntryDue(QDate paidOn, const WorkingCalendar &calendar)
{
    return addWorkingDaysOrInvalid(paidOn, kAgriculturalEntryWorkingDays, calendar);
}

QDate documentDue(QDate finished, const WorkingCalendar &calendar)
{
    return addWorkingDaysOrInvalid(finished, kDocumentWorkingDays, calendar);
}

Deadlines disbursementDeadlines(FundKind kind, PaymentCycle cycle, QDate period, std::optional<QDate> paidOn,
                                const WorkingCalendar &calendar)
{
    Deadlines result;
    const bool paid = paidOn && paidOn->isValid();

    if (!isReliefFund(kind)) {
        // Rule 5: only the entry time; the monthly/quarterly payment dates are written for relief funds.
        if (paid)
            result.enterBy = agriculturalEntryDue(*paidOn, calendar);
        return result;
    }

    switch (cycle) {
    case PaymentCycle::Monthly:
        if (period.isValid()) {
            result.payBy = paymentDue(period);
            result.enterBy = entryDue(period);
        }
        break;
    case PaymentCycle::Quarterly:
        if (period.isValid())
            result.payBy = quarterlyPaymentDue(period);
        if (paid)
            result.enterBy = quarterlyEntryDue(*paidOn, calendar);
        break;
    case PaymentCycle::Once:
    case PaymentCycle::PerProject:
        // No payment date in the regulation; the voucher of a payment is entered within the Art. 7 time.
        if (paid)
            result.enterBy = documentDue(*paidOn, calendar);
        break;
    }

    // Rule 4: the entry of a relief quarter closes on its last month's 20th, so no entry date lies later than
    // the last day entry is open. Without a period the record's quarter is not known here, and nothing is
    // capped.
    if (result.enterBy && period.isValid()) {
        const QDate lastDay =
            EntryClose::lastOpenDay(reliefEntryClosesOn(period.year(), Quarter::of(period).number));
        result.enterBy = std::min(*result.enterBy, lastDay);
    }
    return result;
}

// --- Status ------------------------------------------------------------------------------------------------

EntryStatus entryStatus(QDate due, std::optional<QDate> enteredOn, QDate today,
                        const WorkingCalendar &calendar, int dueSoonWorkingDays)
{
    if (!due.isValid())
        return EntryStatus::OnTime;
    if (enteredOn && enteredOn->isValid())
        return enteredLate(due, *enteredOn) ? EntryStatus::EnteredLate : EntryStatus::OnTime;
    if (today > due)
        return EntryStatus::Overdue;
    // Working days in (today, due]: a due date on a holiday right after today is 0 working days away.
    return calendar.workingDaysBetween(today, due) <= dueSoonWorkingDays ? EntryStatus::DueSoon
                                                                         : EntryStatus::OnTime;
}

bool enteredLate(QDate due, QDate enteredOn)
{
    return due.isValid() && enteredOn.isValid() && enteredOn > due;
}

namespace {

QString present(const QString &date)
{
    return u"COALESCE("_s + date + u", '') <> ''"_s;
}

} // namespace

QString enteredLateSql(const QString &due, const QString &done)
{
    return u"("_s + present(due) + u" AND "_s + present(done) + u" AND "_s + done + u" > "_s + due + u')';
}

SqlCondition entryStatusSql(const QString &due, const QString &done, EntryStatus status, QDate today,
                            const WorkingCalendar &calendar, int dueSoonWorkingDays)
{
    const QString late = enteredLateSql(due, done);
    const QString open = u"("_s + present(due) + u" AND NOT ("_s + present(done) + u"))"_s;
    // The due dates still "due soon" on `today` run from today to the last one entryStatus() calls so.
    const auto lastDueSoon = [&] {
        QDate soon = today;
        for (QDate d = today.addDays(1); d <= today.addDays(90); d = d.addDays(1)) {
            if (entryStatus(d, std::nullopt, today, calendar, dueSoonWorkingDays) != EntryStatus::DueSoon)
                break;
            soon = d;
        }
        return iso(soon);
    };
    switch (status) {
    case EntryStatus::EnteredLate:
        return {late, {}};
    case EntryStatus::Overdue:
        return {u"("_s + open + u" AND "_s + due + u" < ?)"_s, {iso(today)}};
    case EntryStatus::DueSoon:
        return {u"("_s + open + u" AND "_s + due + u" >= ? AND "_s + due + u" <= ?)"_s,
                {iso(today), lastDueSoon()}};
    case EntryStatus::OnTime:
        return {u"(NOT "_s + late + u" AND NOT ("_s + open + u" AND "_s + due + u" <= ?))"_s,
                {lastDueSoon()}};
    }
    return {};
}

QString entryStatusName(EntryStatus status)
{
    switch (status) {
    case EntryStatus::OnTime:
        return u"on-time"_s;
    case EntryStatus::DueSoon:
        return u"due-soon"_s;
    case EntryStatus::Overdue:
        return u"overdue"_s;
    case EntryStatus::EnteredLate:
        return u"entered-late"_s;
    }
    return {};
}

QString entryStatusChinese(EntryStatus status)
{
    switch (status) {
    case EntryStatus::OnTime:
        return u"按时"_s;
    case EntryStatus::DueSoon:
        return u"即将到期"_s;
    case EntryStatus::Overdue:
        return u"已逾期"_s;
    case EntryStatus::EnteredLate:
        return u"逾期录入"_s;
    }
    return {};
}

// --- Rule 4 ------------------------------------------------------------------------------------------------

QDate reliefEntryClosesOn(int year, int quarter)
{
    if (!Quarter{year, quarter}.isValid())
        return {};
    return QDate(year, quarter * 3, kCloseDay);
}

qint64 reliefEntryClosesAtMs(int year, int quarter)
{
    return EntryClose::atMs(reliefEntryClosesOn(year, quarter));
}

std::optional<QString> reliefEntryClosedProblem(int year, int quarter, qint64 enteredAtMs)
{
    if (!Quarter{year, quarter}.isValid())
        return u"季度无效"_s;
    if (enteredAtMs < reliefEntryClosesAtMs(year, quarter))
        return std::nullopt;
    return u"%1扶贫济困资金录入已于 %2 关闭（每季度末月20日关闭录入，第六条（三）），不能再录入"_s.arg(
        Quarter{year, quarter}.chineseName(), EntryClose::describe(reliefEntryClosesOn(year, quarter)));
}

std::optional<QString> reliefEntryClosedProblem(FundKind kind, QDate period, qint64 enteredAtMs)
{
    if (!isReliefFund(kind))
        return std::nullopt;
    if (!period.isValid())
        return u"请填写资金所属期间"_s;
    return reliefEntryClosedProblem(period.year(), Quarter::of(period).number, enteredAtMs);
}

// --- Rule 6 ------------------------------------------------------------------------------------------------

std::optional<QString> yearProblem(QDate paidOn, QDate enteredOn)
{
    if (!paidOn.isValid())
        return u"请填写发放日期"_s;
    if (!enteredOn.isValid())
        return u"录入日期无效"_s;
    if (paidOn.year() == enteredOn.year())
        return std::nullopt;
    if (paidOn.year() < enteredOn.year())
        return u"%1 发放的资金属于%2年度，应在%2年内录入系统；%3 录入已跨年度，不得跨年度发放或录入"_s.arg(
            iso(paidOn), QString::number(paidOn.year()), iso(enteredOn));
    return u"发放日期 %1 晚于录入日期 %2 所在的%3年度，不得跨年度发放或录入"_s.arg(
        iso(paidOn), iso(enteredOn), QString::number(enteredOn.year()));
}

std::optional<QString> periodProblem(QDate periodStart, QDate paidOn)
{
    if (!periodStart.isValid() || !paidOn.isValid())
        return std::nullopt; // reported by the checks of the fields themselves
    if (periodStart.year() != paidOn.year())
        return u"%1 发放的资金所属期在%2年，属于跨年度发放：资金应在所属年度内发放（第六条（三））"_s.arg(
            iso(paidOn), QString::number(periodStart.year()));
    if (periodStart > paidOn)
        return u"所属期从 %1 开始，晚于发放日期 %2：请填写这笔资金实际所属的月份或季度"_s.arg(
            iso(periodStart), iso(paidOn));
    return std::nullopt;
}

} // namespace sunshine::funds
