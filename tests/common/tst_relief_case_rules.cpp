// The steps of identification and exit cases (regulation Art. 9-10, DOMAIN.md rule 13): who takes which step
// in which order, notice periods in working days, the state of a case. Table-driven; working-day dates
// counted by hand from resources/calendar/holidays-cn.csv.
#include "common/core/WorkingCalendar.h"
#include "common/relief/ReliefRules.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::relief;

Q_DECLARE_METATYPE(sunshine::relief::CaseKind)
Q_DECLARE_METATYPE(sunshine::relief::StepEntry)
Q_DECLARE_METATYPE(sunshine::relief::StepContext)

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

StepEntry entry(const QString &step, QDate date, bool passed = true, const QString &opinion = {})
{
    StepEntry e;
    e.step = step;
    e.passed = passed;
    e.date = date;
    e.person = u"王建国"_s;
    e.opinion = opinion;
    return e;
}

StepEntry notice(const QString &step, QDate start, QDate end, QDate date)
{
    StepEntry e = entry(step, date);
    e.noticeStart = start;
    e.noticeEnd = end;
    return e;
}

StepEntry rejected(const QString &step, QDate date)
{
    return entry(step, date, false, u"家庭有商品房一套"_s);
}

StepContext context(OrgLevel level, QDate today)
{
    StepContext c;
    c.actorLevel = level;
    c.today = today;
    return c;
}

// A complete identification, one entry per step, with 5-day notices.
QList<StepEntry> identification(int steps)
{
    const QList<StepEntry> all{
        entry(u"group-review"_s, d(2026, 2, 24)),
        entry(u"village-review"_s, d(2026, 2, 26)),
        notice(u"village-notice"_s, d(2026, 3, 2), d(2026, 3, 6), d(2026, 3, 6)),
        notice(u"town-review"_s, d(2026, 3, 9), d(2026, 3, 13), d(2026, 3, 13)),
        entry(u"comparison"_s, d(2026, 3, 20)),
        entry(u"county-approval"_s, d(2026, 3, 27)),
    };
    return all.mid(0, steps);
}

QList<StepEntry> exitCase(int steps)
{
    const QList<StepEntry> all{
        entry(u"village-review"_s, d(2025, 12, 5)),
        entry(u"town-review"_s, d(2025, 12, 15)),
        entry(u"county-confirmation"_s, d(2026, 1, 10)),
    };
    return all.mid(0, steps);
}

// "group-review,!village-review": a leading '!' marks a rejection.
QList<StepEntry> parseHistory(const QString &compact)
{
    QList<StepEntry> result;
    const QStringList parts = compact.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const bool reject = part.startsWith(u'!');
        result.append(reject ? rejected(part.mid(1), d(2026, 3, 1)) : entry(part, d(2026, 3, 1)));
    }
    return result;
}

} // namespace

class TestReliefCaseRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void steps_data();
    void steps();
    void caseState_data();
    void caseState();
    void stepProblem_data();
    void stepProblem();
};

// --- Workflow ----------------------------------------------------------------------------------------------

void TestReliefCaseRules::steps_data()
{
    QTest::addColumn<CaseKind>("kind");
    QTest::addColumn<QString>("codes");
    QTest::addColumn<QString>("levels");
    QTest::addColumn<QString>("notices");

    QTest::newRow("identification")
        << CaseKind::Identification
        << u"group-review,village-review,village-notice,town-review,comparison,county-approval"_s
        << u"village,village,village,town,county,county"_s << u"village-notice,town-review"_s;
    QTest::newRow("exit") << CaseKind::Exit << u"village-review,town-review,county-confirmation"_s
                          << u"village,town,county"_s << QString();
}

void TestReliefCaseRules::steps()
{
    QFETCH(CaseKind, kind);
    QFETCH(QString, codes);
    QFETCH(QString, levels);
    QFETCH(QString, notices);
    QStringList c, l, n;
    const QList<WorkflowStep> list = workflowSteps(kind);
    for (const WorkflowStep &s : list) {
        c.append(s.code);
        l.append(orgLevelName(s.level));
        if (s.publicNotice)
            n.append(s.code);
        QVERIFY(!s.chineseName.isEmpty());
    }
    QCOMPARE(c.join(u','), codes);
    QCOMPARE(l.join(u','), levels);
    QCOMPARE(n.join(u','), notices);
}

void TestReliefCaseRules::caseState_data()
{
    QTest::addColumn<CaseKind>("kind");
    QTest::addColumn<QString>("history"); // see parseHistory(): '!' marks a rejection
    QTest::addColumn<int>("nextStep");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<bool>("refused");

    using K = CaseKind;
    QTest::newRow("identification: new") << K::Identification << QString() << 0 << false << false;
    QTest::newRow("identification: first step")
        << K::Identification << u"group-review"_s << 1 << false << false;
    QTest::newRow("identification: all six")
        << K::Identification
        << u"group-review,village-review,village-notice,town-review,comparison,county-approval"_s << 6 << true
        << false;
    QTest::newRow("identification: first step rejected")
        << K::Identification << u"!group-review"_s << 0 << false << true;
    QTest::newRow("identification: entries after refusal ignored")
        << K::Identification << u"!group-review,group-review,village-review"_s << 0 << false << true;
    QTest::newRow("identification: notice rejected returns to village review")
        << K::Identification << u"group-review,village-review,!village-notice"_s << 1 << false << false;
    QTest::newRow("identification: taken again after rejection")
        << K::Identification << u"group-review,village-review,!village-notice,village-review,village-notice"_s
        << 3 << false << false;
    QTest::newRow("identification: two rejections in a row")
        << K::Identification << u"group-review,village-review,village-notice,!town-review,!village-notice"_s
        << 1 << false << false;
    QTest::newRow("identification: rejection back to the first step")
        << K::Identification << u"group-review,!village-review"_s << 0 << false << false;
    QTest::newRow("identification: first step rejected after a return")
        << K::Identification << u"group-review,!village-review,!group-review"_s << 0 << false << true;
    QTest::newRow("identification: approval rejected returns to comparison")
        << K::Identification
        << u"group-review,village-review,village-notice,town-review,comparison,!county-approval"_s << 4
        << false << false;
    QTest::newRow("identification: repeat ignored")
        << K::Identification << u"group-review,group-review"_s << 1 << false << false;
    QTest::newRow("identification: skip ignored")
        << K::Identification << u"group-review,county-approval"_s << 1 << false << false;
    QTest::newRow("exit: new") << K::Exit << QString() << 0 << false << false;
    QTest::newRow("exit: all three") << K::Exit << u"village-review,town-review,county-confirmation"_s << 3
                                     << true << false;
    QTest::newRow("exit: first step rejected") << K::Exit << u"!village-review"_s << 0 << false << true;
    QTest::newRow("exit: town review rejected")
        << K::Exit << u"village-review,!town-review"_s << 0 << false << false;
    QTest::newRow("exit: confirmation rejected")
        << K::Exit << u"village-review,town-review,!county-confirmation"_s << 1 << false << false;
    QTest::newRow("exit: entries after finishing ignored")
        << K::Exit << u"village-review,town-review,county-confirmation,!county-confirmation"_s << 3 << true
        << false;
}

void TestReliefCaseRules::caseState()
{
    QFETCH(CaseKind, kind);
    QFETCH(QString, history);
    QFETCH(int, nextStep);
    QFETCH(bool, finished);
    QFETCH(bool, refused);
    const CaseState s = relief::caseState(kind, parseHistory(history));
    QCOMPARE(s.nextStep, nextStep);
    QCOMPARE(s.finished, finished);
    QCOMPARE(s.refused, refused);
}

void TestReliefCaseRules::stepProblem_data()
{
    QTest::addColumn<CaseKind>("kind");
    QTest::addColumn<QList<StepEntry>>("history");
    QTest::addColumn<StepEntry>("next");
    QTest::addColumn<StepContext>("ctx");
    QTest::addColumn<QString>("problem"); // empty: accepted; otherwise the exact message

    using K = CaseKind;
    using L = OrgLevel;
    const QDate today = d(2026, 3, 31);
    const QList<StepEntry> full = identification(6);
    const QList<OrgLevel> levels{L::Village, L::Village, L::Village, L::Town, L::County, L::County};

    // Happy path: each step appended to the ones before it.
    for (int i = 0; i < full.size(); ++i)
        QTest::addRow("identification happy %d: %s", i, qPrintable(full.at(i).step))
            << K::Identification << identification(i) << full.at(i) << context(levels.at(i), today)
            << QString();

    // Closed cases.
    QTest::newRow("identification finished")
        << K::Identification << full << entry(u"county-approval"_s, today) << context(L::County, today)
        << u"本案已办结，不能再办理"_s;
    QTest::newRow("first step rejected closes the case")
        << K::Identification << QList<StepEntry>{rejected(u"group-review"_s, d(2026, 2, 24))}
        << entry(u"group-review"_s, d(2026, 2, 25)) << context(L::Village, today)
        << u"本案已因“村民小组评议”未通过而终止，不能再办理"_s;

    // Order.
    QTest::newRow("skipping the first step")
        << K::Identification << QList<StepEntry>{} << entry(u"village-review"_s, d(2026, 2, 26))
        << context(L::Village, today) << u"应先完成“村民小组评议”"_s;
    QTest::newRow("skipping the village notice")
        << K::Identification << identification(2)
        << notice(u"town-review"_s, d(2026, 3, 9), d(2026, 3, 13), d(2026, 3, 13)) << context(L::Town, today)
        << u"应先完成“村内公示”"_s;
    QTest::newRow("skipping to approval")
        << K::Identification << identification(3) << entry(u"county-approval"_s, d(2026, 3, 27))
        << context(L::County, today) << u"应先完成“镇级审核并公示”"_s;
    QTest::newRow("repeating the first step")
        << K::Identification << identification(1) << entry(u"group-review"_s, d(2026, 2, 25))
        << context(L::Village, today) << u"“村民小组评议”已经办理，下一步应为“村委会审核”"_s;
    QTest::newRow("repeating the comparison")
        << K::Identification << identification(5) << entry(u"comparison"_s, d(2026, 3, 21))
        << context(L::County, today) << u"“部门比对”已经办理，下一步应为“县级审批”"_s;
    QTest::newRow("unknown step") << K::Identification << identification(1)
                                  << entry(u"house-visit"_s, d(2026, 2, 25)) << context(L::Village, today)
                                  << u"精准识别流程没有“house-visit”这一步骤"_s;

    // Rejection returns to the previous step.
    QList<StepEntry> noticeRejected = identification(2);
    noticeRejected.append(rejected(u"village-notice"_s, d(2026, 3, 6)));
    noticeRejected.last().noticeStart = d(2026, 3, 2);
    noticeRejected.last().noticeEnd = d(2026, 3, 6);
    QTest::newRow("after a rejection the previous step again")
        << K::Identification << noticeRejected << entry(u"village-review"_s, d(2026, 3, 9))
        << context(L::Village, today) << QString();
    QTest::newRow("after a rejection not the rejected step")
        << K::Identification << noticeRejected
        << notice(u"village-notice"_s, d(2026, 3, 9), d(2026, 3, 13), d(2026, 3, 13))
        << context(L::Village, today) << u"应先完成“村委会审核”"_s;
    QTest::newRow("rejection with a reason")
        << K::Identification << identification(1) << rejected(u"village-review"_s, d(2026, 2, 26))
        << context(L::Village, today) << QString();
    QTest::newRow("rejection without a reason") << K::Identification << identification(1)
                                                << entry(u"village-review"_s, d(2026, 2, 26), false, u"  "_s)
                                                << context(L::Village, today) << u"不通过时须填写理由"_s;

    // Public notices.
    QTest::newRow("village notice of 4 days")
        << K::Identification << identification(2)
        << notice(u"village-notice"_s, d(2026, 3, 2), d(2026, 3, 5), d(2026, 3, 5))
        << context(L::Village, today) << u"公示期不少于 5 天（2026-03-02 至 2026-03-05 仅 4 天）"_s;
    QTest::newRow("village notice of 5 days across the month end")
        << K::Identification << identification(2)
        << notice(u"village-notice"_s, d(2026, 2, 26), d(2026, 3, 2), d(2026, 3, 2))
        << context(L::Village, today) << QString();
    QTest::newRow("town notice of 4 days")
        << K::Identification << identification(3)
        << notice(u"town-review"_s, d(2026, 3, 9), d(2026, 3, 12), d(2026, 3, 12)) << context(L::Town, today)
        << u"公示期不少于 5 天（2026-03-09 至 2026-03-12 仅 4 天）"_s;
    QTest::newRow("notice of one day")
        << K::Identification << identification(2)
        << notice(u"village-notice"_s, d(2026, 3, 6), d(2026, 3, 6), d(2026, 3, 6))
        << context(L::Village, today) << u"公示期不少于 5 天（2026-03-06 至 2026-03-06 仅 1 天）"_s;
    QTest::newRow("notice without dates")
        << K::Identification << identification(2) << entry(u"village-notice"_s, d(2026, 3, 6))
        << context(L::Village, today) << u"请填写公示起止日期"_s;
    QTest::newRow("notice start after end")
        << K::Identification << identification(2)
        << notice(u"village-notice"_s, d(2026, 3, 6), d(2026, 3, 2), d(2026, 3, 6))
        << context(L::Village, today) << u"公示开始日期 2026-03-06 晚于结束日期 2026-03-02"_s;
    QTest::newRow("decided before the notice ended")
        << K::Identification << identification(2)
        << notice(u"village-notice"_s, d(2026, 3, 2), d(2026, 3, 6), d(2026, 3, 5))
        << context(L::Village, today) << u"公示至 2026-03-06 结束，办理日期 2026-03-05 不能早于公示结束"_s;

    // Levels.
    QTest::newRow("village step by a town reviewer")
        << K::Identification << identification(1) << entry(u"village-review"_s, d(2026, 2, 26))
        << context(L::Town, today) << QString();
    QTest::newRow("village notice by a town reviewer")
        << K::Identification << identification(2) << full.at(2) << context(L::Town, today) << QString();
    QTest::newRow("village step by a county reviewer")
        << K::Identification << identification(1) << entry(u"village-review"_s, d(2026, 2, 26))
        << context(L::County, today) << u"“村委会审核”应由村级审核员办理"_s;
    QTest::newRow("town step by a village reviewer")
        << K::Identification << identification(3) << full.at(3) << context(L::Village, today)
        << u"“镇级审核并公示”应由镇级审核员办理"_s;
    QTest::newRow("comparison by a town reviewer")
        << K::Identification << identification(4) << full.at(4) << context(L::Town, today)
        << u"“部门比对”应由县级审核员办理"_s;
    QTest::newRow("local comparison by a city reviewer")
        << K::Identification << identification(4) << full.at(4) << context(L::City, today)
        << u"“部门比对”应由县级审核员办理"_s;
    StepContext crossCounty = context(L::County, today);
    crossCounty.crossRegion = true;
    StepContext crossCity = context(L::City, today);
    crossCity.crossRegion = true;
    StepContext crossTown = context(L::Town, today);
    crossTown.crossRegion = true;
    QTest::newRow("cross-region comparison at county refused")
        << K::Identification << identification(4) << full.at(4) << crossCounty
        << u"跨区域比对应由市级审核员办理"_s;
    QTest::newRow("cross-region comparison at town refused")
        << K::Identification << identification(4) << full.at(4) << crossTown
        << u"跨区域比对应由市级审核员办理"_s;
    QTest::newRow("cross-region comparison at city allowed")
        << K::Identification << identification(4) << full.at(4) << crossCity << QString();
    QTest::newRow("cross-region approval still at county")
        << K::Identification << identification(5) << full.at(5) << crossCounty << QString();
    QTest::newRow("approval by a city reviewer")
        << K::Identification << identification(5) << full.at(5) << context(L::City, today)
        << u"“县级审批”应由县级审核员办理"_s;

    // Comparison hits.
    StepContext twoHits = context(L::County, today);
    twoHits.unresolvedComparisonHits = 2;
    QTest::newRow("approval with unresolved hits") << K::Identification << identification(5) << full.at(5)
                                                   << twoHits << u"还有 2 条比对疑点未处理，不能审批"_s;
    QTest::newRow("rejecting the approval with unresolved hits")
        << K::Identification << identification(5) << rejected(u"county-approval"_s, d(2026, 3, 27)) << twoHits
        << QString();
    QTest::newRow("comparison with unresolved hits")
        << K::Identification << identification(4) << full.at(4) << twoHits << QString();

    // Date and person.
    QTest::newRow("no date") << K::Identification << identification(1) << entry(u"village-review"_s, QDate())
                             << context(L::Village, today) << u"请填写办理日期"_s;
    QTest::newRow("date after today")
        << K::Identification << identification(5) << entry(u"county-approval"_s, d(2026, 4, 1))
        << context(L::County, today) << u"办理日期 2026-04-01 晚于今天（2026-03-31）"_s;
    QTest::newRow("date today") << K::Identification << identification(5)
                                << entry(u"county-approval"_s, today) << context(L::County, today)
                                << QString();
    QTest::newRow("date before the previous step")
        << K::Identification << identification(1) << entry(u"village-review"_s, d(2026, 2, 23))
        << context(L::Village, today) << u"办理日期 2026-02-23 早于上一步骤的日期 2026-02-24"_s;
    QTest::newRow("same date as the previous step")
        << K::Identification << identification(1) << entry(u"village-review"_s, d(2026, 2, 24))
        << context(L::Village, today) << QString();
    StepEntry nobody = entry(u"village-review"_s, d(2026, 2, 26));
    nobody.person = u" "_s;
    QTest::newRow("no person") << K::Identification << identification(1) << nobody
                               << context(L::Village, today) << u"请填写经办人"_s;
    QTest::newRow("no today") << K::Identification << identification(1)
                              << entry(u"village-review"_s, d(2026, 2, 26)) << context(L::Village, QDate())
                              << u"无法确定今天的日期，请检查系统时间"_s;

    // Exit.
    const QDate exitToday = d(2026, 1, 20);
    const QList<StepEntry> exitFull = exitCase(3);
    const QList<OrgLevel> exitLevels{L::Village, L::Town, L::County};
    for (int i = 0; i < exitFull.size(); ++i)
        QTest::addRow("exit happy %d: %s", i, qPrintable(exitFull.at(i).step))
            << K::Exit << exitCase(i) << exitFull.at(i) << context(exitLevels.at(i), exitToday) << QString();
    QTest::newRow("exit finished") << K::Exit << exitFull << entry(u"county-confirmation"_s, exitToday)
                                   << context(L::County, exitToday) << u"本案已办结，不能再办理"_s;
    QTest::newRow("exit first step rejected closes the case")
        << K::Exit << QList<StepEntry>{rejected(u"village-review"_s, d(2025, 12, 5))}
        << entry(u"village-review"_s, d(2025, 12, 6)) << context(L::Village, exitToday)
        << u"本案已因“村委会评议”未通过而终止，不能再办理"_s;
    QTest::newRow("exit skipping the town review")
        << K::Exit << exitCase(1) << entry(u"county-confirmation"_s, d(2026, 1, 10))
        << context(L::County, exitToday) << u"应先完成“镇级审核”"_s;
    QTest::newRow("exit repeating the village review")
        << K::Exit << exitCase(1) << entry(u"village-review"_s, d(2025, 12, 6))
        << context(L::Village, exitToday) << u"“村委会评议”已经办理，下一步应为“镇级审核”"_s;
    QList<StepEntry> townRejected = exitCase(1);
    townRejected.append(rejected(u"town-review"_s, d(2025, 12, 15)));
    QTest::newRow("exit after rejection the village review again")
        << K::Exit << townRejected << entry(u"village-review"_s, d(2025, 12, 20))
        << context(L::Town, exitToday) << QString();
    QTest::newRow("exit after rejection not the town review")
        << K::Exit << townRejected << entry(u"town-review"_s, d(2025, 12, 20)) << context(L::Town, exitToday)
        << u"应先完成“村委会评议”"_s;
    QTest::newRow("exit village review by a town reviewer")
        << K::Exit << QList<StepEntry>{} << exitFull.at(0) << context(L::Town, exitToday) << QString();
    QTest::newRow("exit confirmation by a town reviewer")
        << K::Exit << exitCase(2) << exitFull.at(2) << context(L::Town, exitToday)
        << u"“县级确认”应由县级审核员办理"_s;
    QTest::newRow("exit step from identification")
        << K::Exit << exitCase(1) << entry(u"comparison"_s, d(2025, 12, 10)) << context(L::County, exitToday)
        << u"退出流程没有“comparison”这一步骤"_s;
    QTest::newRow("exit on December 1")
        << K::Exit << QList<StepEntry>{} << entry(u"village-review"_s, d(2025, 12, 1))
        << context(L::Village, exitToday) << QString();
    QTest::newRow("exit on January 31")
        << K::Exit << exitCase(2) << entry(u"county-confirmation"_s, d(2026, 1, 31))
        << context(L::County, d(2026, 2, 2)) << QString();
    QTest::newRow("exit on November 30")
        << K::Exit << QList<StepEntry>{} << entry(u"village-review"_s, d(2025, 11, 30))
        << context(L::Village, exitToday)
        << u"退出只能在年底（12 月 1 日至次年 1 月 31 日）办理，2025-11-30 不在此期间"_s;
    QTest::newRow("exit on February 1")
        << K::Exit << exitCase(2) << entry(u"county-confirmation"_s, d(2026, 2, 1))
        << context(L::County, d(2026, 2, 2))
        << u"退出只能在年底（12 月 1 日至次年 1 月 31 日）办理，2026-02-01 不在此期间"_s;
    QTest::newRow("exit in June")
        << K::Exit << QList<StepEntry>{} << entry(u"village-review"_s, d(2026, 6, 15))
        << context(L::Village, d(2026, 6, 15))
        << u"退出只能在年底（12 月 1 日至次年 1 月 31 日）办理，2026-06-15 不在此期间"_s;
    StepContext anyTime = context(L::Village, d(2026, 6, 15));
    anyTime.exitAtYearEnd = false;
    QTest::newRow("exit in June without the year-end rule")
        << K::Exit << QList<StepEntry>{} << entry(u"village-review"_s, d(2026, 6, 15)) << anyTime
        << QString();
    StepContext exitHits = context(L::County, exitToday);
    exitHits.unresolvedComparisonHits = 3;
    exitHits.crossRegion = true;
    QTest::newRow("exit ignores comparison hits and region")
        << K::Exit << exitCase(2) << exitFull.at(2) << exitHits << QString();
}

void TestReliefCaseRules::stepProblem()
{
    QFETCH(CaseKind, kind);
    QFETCH(QList<StepEntry>, history);
    QFETCH(StepEntry, next);
    QFETCH(StepContext, ctx);
    QFETCH(QString, problem);
    const std::optional<QString> actual = relief::stepProblem(kind, history, next, ctx);
    if (problem.isEmpty()) {
        QVERIFY2(!actual, actual ? qPrintable(*actual) : "");
        // An accepted step moves the case on (or back, for a rejection).
        const CaseState before = relief::caseState(kind, history);
        QList<StepEntry> after = history;
        after.append(next);
        const CaseState s = relief::caseState(kind, after);
        QCOMPARE(s.nextStep, next.passed ? before.nextStep + 1 : before.nextStep - 1);
    } else {
        QVERIFY(actual.has_value());
        QCOMPARE(*actual, problem);
    }
}

QTEST_GUILESS_MAIN(TestReliefCaseRules)
#include "tst_relief_case_rules.moc"
