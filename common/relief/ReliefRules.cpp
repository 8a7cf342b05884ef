#include "common/relief/ReliefRules.h"

#include "common/core/ChinaTime.h"
#include "common/core/EntryClose.h"
#include "common/core/LookupCode.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

namespace {

constexpr int kMinNoticeDays = 5;

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

// "市级", "县级", ... as used in the step messages.
QString levelWord(OrgLevel level)
{
    switch (level) {
    case OrgLevel::City:
        return u"市级"_s;
    case OrgLevel::County:
        return u"县级"_s;
    case OrgLevel::Town:
        return u"镇级"_s;
    case OrgLevel::Village:
        return u"村级"_s;
    }
    return {};
}

QString quoted(const QString &name)
{
    return u"“"_s + name + u"”"_s;
}

// Division rounded towards minus infinity (a household's loss gives a negative per-capita income).
qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace

// --- Visits ------------------------------------------------------------------------------------------------

VisitWindow visitWindow(Quarter quarter)
{
    if (!quarter.isValid())
        return {};
    const QDate last = quarter.lastDay();
    const QDate nextFirst = quarter.next().firstDay();
    return VisitWindow{QDate(last.year(), last.month(), 21), QDate(nextFirst.year(), nextFirst.month(), 10),
                       QDate(nextFirst.year(), nextFirst.month(), 11)};
}

qint64 visitEntryClosesAtMs(Quarter quarter)
{
    return EntryClose::atMs(visitWindow(quarter).entryClosesOn);
}

std::optional<QString> visitDateProblem(Quarter quarter, QDate date)
{
    if (!quarter.isValid())
        return u"季度无效"_s;
    if (!date.isValid())
        return u"请填写走访日期"_s;
    const VisitWindow w = visitWindow(quarter);
    if (date < w.opens)
        return u"%1的走访应在 %2 至 %3 之间进行，%4 尚未开始"_s.arg(quarter.chineseName(), iso(w.opens),
                                                                    iso(w.closes), iso(date));
    if (date > w.closes)
        return u"%1的走访应在 %2 至 %3 之间进行，%4 已过走访期"_s.arg(quarter.chineseName(), iso(w.opens),
                                                                      iso(w.closes), iso(date));
    return std::nullopt;
}

Quarter quarterUnderCheck(QDate today)
{
    const Quarter current = Quarter::of(today);
    if (!current.isValid())
        return {};
    return today >= visitWindow(current).opens ? current : current.previous();
}

// --- Income ------------------------------------------------------------------------------------------------

PerCapitaIncome perCapitaIncome(const QList<QuarterIncome> &incomes, int members, Quarter upTo)
{
    // The four quarters, oldest first; the last record of a quarter wins.
    std::array<Quarter, 4> quarters;
    Quarter q = upTo;
    for (int i = 3; i >= 0; --i) {
        quarters[std::size_t(i)] = q;
        q = q.previous();
    }
    std::array<std::optional<qint64>, 4> totals;
    for (const QuarterIncome &income : incomes) {
        for (std::size_t i = 0; i < quarters.size(); ++i) {
            if (income.quarter == quarters[i])
                totals[i] = income.totalFen();
        }
    }
    PerCapitaIncome result;
    for (const std::optional<qint64> &total : totals) {
        if (total) {
            result.annualFen += *total;
            ++result.quartersRecorded;
        }
    }
    if (members > 0) {
        result.perCapitaFen = floorDiv(result.annualFen, members);
        result.atOrAboveLine = atOrAboveIncomeLine(result.perCapitaFen);
    }
    return result;
}

// --- Help requests -----------------------------------------------------------------------------------------

QDate helpAnswerDue(QDate raised, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(raised, 5);
}

QDate helpResultDue(QDate assigned, const WorkingCalendar &calendar)
{
    return calendar.addWorkingDays(assigned, 10);
}

DeadlineState deadlineState(QDate due, std::optional<QDate> done, QDate today,
                            const WorkingCalendar &calendar, int dueSoonWorkingDays)
{
    if (done)
        return *done <= due ? DeadlineState::DoneOnTime : DeadlineState::DoneLate;
    if (today > due)
        return DeadlineState::Overdue;
    return calendar.workingDaysBetween(today, due) <= dueSoonWorkingDays ? DeadlineState::DueSoon
                                                                         : DeadlineState::Open;
}

QString deadlineStateName(DeadlineState state)
{
    switch (state) {
    case DeadlineState::Open:
        return u"open"_s;
    case DeadlineState::DueSoon:
        return u"due-soon"_s;
    case DeadlineState::Overdue:
        return u"overdue"_s;
    case DeadlineState::DoneOnTime:
        return u"done-on-time"_s;
    case DeadlineState::DoneLate:
        return u"done-late"_s;
    }
    return {};
}

QString deadlineStateChinese(DeadlineState state)
{
    switch (state) {
    case DeadlineState::Open:
        return u"办理中"_s;
    case DeadlineState::DueSoon:
        return u"即将到期"_s;
    case DeadlineState::Overdue:
        return u"已逾期"_s;
    case DeadlineState::DoneOnTime:
        return u"按时办结"_s;
    case DeadlineState::DoneLate:
        return u"逾期办结"_s;
    }
    return {};
}

QString helpLookupCode(const QString &recordId)
{
    return lookupCode(u"QZ"_s, recordId);
}

// --- Identification and exit cases -------------------------------------------------------------------------

std::optional<QString> noticePeriodProblem(QDate start, QDate end)
{
    if (!start.isValid() || !end.isValid())
        return u"请填写公示起止日期"_s;
    if (start > end)
        return u"公示开始日期 %1 晚于结束日期 %2"_s.arg(iso(start), iso(end));
    const qint64 days = start.daysTo(end) + 1;
    if (days < kMinNoticeDays)
        return u"公示期不少于 %1 天（%2 至 %3 仅 %4 天）"_s.arg(kMinNoticeDays)
            .arg(iso(start), iso(end))
            .arg(days);
    return std::nullopt;
}

std::optional<NoticeInForce> noticeInForce(CaseKind kind, const QList<StepEntry> &history, QDate start,
                                           QDate end, QDate today)
{
    if (!start.isValid() || !end.isValid() || today < start || today > end)
        return std::nullopt;
    const CaseState state = caseState(kind, history);
    const QList<WorkflowStep> steps = workflowSteps(kind);
    if (state.refused || state.finished || state.nextStep >= steps.size())
        return std::nullopt;
    const WorkflowStep &next = steps.at(state.nextStep);
    if (!next.publicNotice)
        return std::nullopt;
    // Posted after the step before it: an earlier notice's dates left on the case do not count again.
    if (!history.isEmpty() && history.last().date.isValid() && start < history.last().date)
        return std::nullopt;
    return NoticeInForce{next.code, next.chineseName, start, end};
}

QList<WorkflowStep> workflowSteps(CaseKind kind)
{
    switch (kind) {
    case CaseKind::Identification:
        return {
            WorkflowStep{u"group-review"_s, u"村民小组评议"_s, OrgLevel::Village, false},
            WorkflowStep{u"village-review"_s, u"村委会审核"_s, OrgLevel::Village, false},
            WorkflowStep{u"village-notice"_s, u"村内公示"_s, OrgLevel::Village, true},
            WorkflowStep{u"town-review"_s, u"镇级审核并公示"_s, OrgLevel::Town, true},
            WorkflowStep{u"comparison"_s, u"部门比对"_s, OrgLevel::County, false},
            WorkflowStep{u"county-approval"_s, u"县级审批"_s, OrgLevel::County, false},
        };
    case CaseKind::Exit:
        return {
            WorkflowStep{u"village-review"_s, u"村委会评议"_s, OrgLevel::Village, false},
            WorkflowStep{u"town-review"_s, u"镇级审核"_s, OrgLevel::Town, false},
            WorkflowStep{u"county-confirmation"_s, u"县级确认"_s, OrgLevel::County, false},
        };
    }
    return {};
}

CaseState caseState(CaseKind kind, const QList<StepEntry> &history)
{
    const QList<WorkflowStep> steps = workflowSteps(kind);
    CaseState state;
    for (const StepEntry &entry : history) {
        if (state.finished || state.refused)
            break;
        if (entry.step != steps.at(state.nextStep).code)
            continue;
        if (entry.passed) {
            ++state.nextStep;
            state.finished = state.nextStep == steps.size();
        } else if (state.nextStep == 0) {
            state.refused = true;
        } else {
            --state.nextStep;
        }
    }
    return state;
}

std::optional<QString> stepProblem(CaseKind kind, const QList<StepEntry> &history, const StepEntry &next,
                                   const StepContext &context)
{
    const QList<WorkflowStep> steps = workflowSteps(kind);
    const CaseState state = caseState(kind, history);
    if (state.refused)
        return u"本案已因%1未通过而终止，不能再办理"_s.arg(quoted(steps.first().chineseName));
    if (state.finished)
        return u"本案已办结，不能再办理"_s;

    // The expected step, exactly.
    const WorkflowStep &expected = steps.at(state.nextStep);
    qsizetype index = -1;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps.at(i).code == next.step)
            index = i;
    }
    if (index < 0)
        return u"%1流程没有“%2”这一步骤"_s.arg(kind == CaseKind::Identification ? u"精准识别"_s : u"退出"_s,
                                               next.step);
    if (index > state.nextStep)
        return u"应先完成%1"_s.arg(quoted(expected.chineseName));
    if (index < state.nextStep)
        return u"%1已经办理，下一步应为%2"_s.arg(quoted(steps.at(index).chineseName),
                                                 quoted(expected.chineseName));

    // Who may take it.
    if (kind == CaseKind::Identification && expected.code == u"comparison" && context.crossRegion) {
        if (context.actorLevel != OrgLevel::City)
            return u"跨区域比对应由市级审核员办理"_s;
    } else if (context.actorLevel != expected.level &&
               !(expected.level == OrgLevel::Village && context.actorLevel == OrgLevel::Town)) {
        return u"%1应由%2审核员办理"_s.arg(quoted(expected.chineseName), levelWord(expected.level));
    }

    // Date, person, opinion.
    if (!next.date.isValid())
        return u"请填写办理日期"_s;
    if (!context.today.isValid())
        return u"无法确定今天的日期，请检查系统时间"_s;
    if (next.date > context.today)
        return u"办理日期 %1 晚于今天（%2）"_s.arg(iso(next.date), iso(context.today));
    if (!history.isEmpty() && history.last().date.isValid() && next.date < history.last().date)
        return u"办理日期 %1 早于上一步骤的日期 %2"_s.arg(iso(next.date), iso(history.last().date));
    if (next.person.trimmed().isEmpty())
        return u"请填写经办人"_s;
    if (!next.passed && next.opinion.trimmed().isEmpty())
        return u"不通过时须填写理由"_s;

    // Public notice.
    if (expected.publicNotice) {
        if (auto why = noticePeriodProblem(next.noticeStart, next.noticeEnd))
            return why;
        if (next.date < next.noticeEnd)
            return u"公示至 %1 结束，办理日期 %2 不能早于公示结束"_s.arg(iso(next.noticeEnd), iso(next.date));
    }

    // Comparison hits block the approval.
    if (kind == CaseKind::Identification && expected.code == u"county-approval" && next.passed &&
        context.unresolvedComparisonHits > 0)
        return u"还有 %1 条比对疑点未处理，不能审批"_s.arg(context.unresolvedComparisonHits);

    // Exit only at year end.
    if (kind == CaseKind::Exit && context.exitAtYearEnd && next.date.month() != 12 && next.date.month() != 1)
        return u"退出只能在年底（12 月 1 日至次年 1 月 31 日）办理，%1 不在此期间"_s.arg(iso(next.date));

    return std::nullopt;
}

// --- Visit statistics --------------------------------------------------------------------------------------

QList<TownVisitStats> visitStats(const QList<PairingRef> &pairings, const QList<VisitRef> &visits,
                                 Quarter quarter)
{
    QSet<QString> visited;
    for (const VisitRef &visit : visits) {
        if (visit.quarter == quarter)
            visited.insert(visit.pairingId);
    }
    QList<TownVisitStats> result;
    QHash<QString, qsizetype> townIndex;
    QSet<QString> seen;
    for (const PairingRef &pairing : pairings) {
        if (seen.contains(pairing.pairingId))
            continue;
        seen.insert(pairing.pairingId);
        auto it = townIndex.constFind(pairing.townId);
        if (it == townIndex.constEnd()) {
            it = townIndex.insert(pairing.townId, result.size());
            result.append(TownVisitStats{pairing.townId, 0, 0, {}});
        }
        TownVisitStats &stats = result[*it];
        ++stats.pairings;
        if (visited.contains(pairing.pairingId))
            ++stats.visited;
        else
            stats.notVisited.append(pairing.pairingId);
    }
    return result;
}

} // namespace sunshine::relief
