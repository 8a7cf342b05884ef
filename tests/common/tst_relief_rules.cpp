// The dated rules of the 阳光扶贫 module beside its case steps: visits, income, help requests and visit
// statistics (regulation Art. 8, 17-21; DOMAIN.md rules 8-10),
// table-driven. Working-day dates were counted by hand from resources/calendar/holidays-cn.csv (weekdays and
// make-up days in the row comments) and checked by an independent count; none is computed with the code under
// test.
#include "common/core/Clock.h"
#include "common/core/WorkingCalendar.h"
#include "common/relief/ReliefRules.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::relief;

Q_DECLARE_METATYPE(sunshine::relief::QuarterIncome)
Q_DECLARE_METATYPE(sunshine::relief::DeadlineState)

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

Quarter q(int year, int number)
{
    return Quarter{year, number};
}

QuarterIncome income(Quarter quarter, qint64 wages, qint64 business = 0, qint64 property = 0,
                     qint64 transfer = 0)
{
    return QuarterIncome{quarter, wages, business, property, transfer};
}

// "A:3/1[p2,p4];B:1/1[]"
QString summary(const QList<TownVisitStats> &stats)
{
    QStringList towns;
    for (const TownVisitStats &s : stats)
        towns.append(
            u"%1:%2/%3[%4]"_s.arg(s.townId).arg(s.pairings).arg(s.visited).arg(s.notVisited.join(u',')));
    return towns.join(u';');
}

} // namespace

class TestReliefRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void visitWindow_data();
    void visitWindow();
    void visitDate_data();
    void visitDate();
    void quarterUnderCheck_data();
    void quarterUnderCheck();
    void perCapita_data();
    void perCapita();
    void helpDue_data();
    void helpDue();
    void deadline_data();
    void deadline();
    void deadlineNames();
    void lookupCode_data();
    void lookupCode();
    void lookupCodeFormat();
    void visitStats_data();
    void visitStats();
};

// --- Visits ------------------------------------------------------------------------------------------------

void TestReliefRules::visitWindow_data()
{
    QTest::addColumn<QString>("quarter");
    QTest::addColumn<QDate>("opens");
    QTest::addColumn<QDate>("closes");
    QTest::addColumn<QDate>("entryClosesOn");
    QTest::addColumn<QString>("entryClosesAtUtc");

    QTest::newRow("2026Q1") << u"2026Q1"_s << d(2026, 3, 21) << d(2026, 4, 10) << d(2026, 4, 11)
                            << u"2026-04-10T16:00:00Z"_s;
    QTest::newRow("2026Q2") << u"2026Q2"_s << d(2026, 6, 21) << d(2026, 7, 10) << d(2026, 7, 11)
                            << u"2026-07-10T16:00:00Z"_s;
    QTest::newRow("2026Q3") << u"2026Q3"_s << d(2026, 9, 21) << d(2026, 10, 10) << d(2026, 10, 11)
                            << u"2026-10-10T16:00:00Z"_s;
    QTest::newRow("2026Q4 runs into 2027")
        << u"2026Q4"_s << d(2026, 12, 21) << d(2027, 1, 10) << d(2027, 1, 11) << u"2027-01-10T16:00:00Z"_s;
    QTest::newRow("2025Q4 runs into 2026")
        << u"2025Q4"_s << d(2025, 12, 21) << d(2026, 1, 10) << d(2026, 1, 11) << u"2026-01-10T16:00:00Z"_s;
}

void TestReliefRules::visitWindow()
{
    QFETCH(QString, quarter);
    QFETCH(QDate, opens);
    QFETCH(QDate, closes);
    QFETCH(QDate, entryClosesOn);
    QFETCH(QString, entryClosesAtUtc);
    const Quarter qq = *Quarter::parse(quarter);
    const VisitWindow w = relief::visitWindow(qq);
    QCOMPARE(w.opens, opens);
    QCOMPARE(w.closes, closes);
    QCOMPARE(w.entryClosesOn, entryClosesOn);
    const qint64 ms = visitEntryClosesAtMs(qq);
    const QDateTime expectedClose = QDateTime::fromString(entryClosesAtUtc, Qt::ISODate);
    QVERIFY(expectedClose.isValid());
    QCOMPARE(ms, expectedClose.toMSecsSinceEpoch());
    // The close is the first instant of the 11th in China; the instant before still belongs to the 10th.
    QCOMPARE(chinaDateOf(ms), entryClosesOn);
    QCOMPARE(chinaDateOf(ms - 1), closes);
}

void TestReliefRules::visitDate_data()
{
    QTest::addColumn<QString>("quarter");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("ok");

    QTest::newRow("Q1 day before opening") << u"2026Q1"_s << d(2026, 3, 20) << false;
    QTest::newRow("Q1 opening day") << u"2026Q1"_s << d(2026, 3, 21) << true;
    QTest::newRow("Q1 last day of quarter") << u"2026Q1"_s << d(2026, 3, 31) << true;
    QTest::newRow("Q1 last visit day") << u"2026Q1"_s << d(2026, 4, 10) << true;
    QTest::newRow("Q1 day entry closes") << u"2026Q1"_s << d(2026, 4, 11) << false;
    QTest::newRow("Q1 mid-quarter") << u"2026Q1"_s << d(2026, 2, 15) << false;
    QTest::newRow("Q1 date in Q4's window") << u"2026Q1"_s << d(2026, 1, 5) << false;
    QTest::newRow("Q2 day before opening") << u"2026Q2"_s << d(2026, 6, 20) << false;
    QTest::newRow("Q2 opening day") << u"2026Q2"_s << d(2026, 6, 21) << true;
    QTest::newRow("Q2 last visit day") << u"2026Q2"_s << d(2026, 7, 10) << true;
    QTest::newRow("Q2 day after") << u"2026Q2"_s << d(2026, 7, 11) << false;
    QTest::newRow("Q3 day before opening") << u"2026Q3"_s << d(2026, 9, 20) << false;
    QTest::newRow("Q3 opening day") << u"2026Q3"_s << d(2026, 9, 21) << true;
    QTest::newRow("Q3 in the National Day holiday") << u"2026Q3"_s << d(2026, 10, 3) << true;
    QTest::newRow("Q3 last visit day") << u"2026Q3"_s << d(2026, 10, 10) << true;
    QTest::newRow("Q3 day after") << u"2026Q3"_s << d(2026, 10, 11) << false;
    QTest::newRow("Q4 day before opening") << u"2026Q4"_s << d(2026, 12, 20) << false;
    QTest::newRow("Q4 opening day") << u"2026Q4"_s << d(2026, 12, 21) << true;
    QTest::newRow("Q4 New Year's Day") << u"2026Q4"_s << d(2027, 1, 1) << true;
    QTest::newRow("Q4 last visit day in January") << u"2026Q4"_s << d(2027, 1, 10) << true;
    QTest::newRow("Q4 day after in January") << u"2026Q4"_s << d(2027, 1, 11) << false;
    QTest::newRow("Q4 a year early") << u"2026Q4"_s << d(2026, 1, 5) << false;
    QTest::newRow("no date") << u"2026Q1"_s << QDate() << false;
}

void TestReliefRules::visitDate()
{
    QFETCH(QString, quarter);
    QFETCH(QDate, date);
    QFETCH(bool, ok);
    const Quarter qq = *Quarter::parse(quarter);
    const std::optional<QString> problem = visitDateProblem(qq, date);
    QCOMPARE(!problem.has_value(), ok);
    if (problem && date.isValid()) {
        // Says which window applies and which date is wrong.
        const VisitWindow w = relief::visitWindow(qq);
        QVERIFY2(problem->contains(w.opens.toString(Qt::ISODate)), qPrintable(*problem));
        QVERIFY2(problem->contains(w.closes.toString(Qt::ISODate)), qPrintable(*problem));
        QVERIFY2(problem->contains(date.toString(Qt::ISODate)), qPrintable(*problem));
        QVERIFY2(problem->contains(qq.chineseName()), qPrintable(*problem));
    }
}

void TestReliefRules::quarterUnderCheck_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("quarter");

    // The latest quarter whose visit window (from the 21st of its last month) has opened.
    QTest::newRow("Jan 1 checks last year's Q4") << d(2026, 1, 1) << u"2025Q4"_s;
    QTest::newRow("Jan 31 still Q4") << d(2026, 1, 31) << u"2025Q4"_s;
    QTest::newRow("Feb 1 still Q4: Q1 not visited yet") << d(2026, 2, 1) << u"2025Q4"_s;
    QTest::newRow("Mar 20 still Q4") << d(2026, 3, 20) << u"2025Q4"_s;
    QTest::newRow("Mar 21 Q1 window opens") << d(2026, 3, 21) << u"2026Q1"_s;
    QTest::newRow("Mar 31 Q1") << d(2026, 3, 31) << u"2026Q1"_s;
    QTest::newRow("Apr 1 checks Q1") << d(2026, 4, 1) << u"2026Q1"_s;
    QTest::newRow("Apr 30 checks Q1") << d(2026, 4, 30) << u"2026Q1"_s;
    QTest::newRow("May 1 still Q1") << d(2026, 5, 1) << u"2026Q1"_s;
    QTest::newRow("Jul 15 checks Q2") << d(2026, 7, 15) << u"2026Q2"_s;
    QTest::newRow("Sep 20 still Q2") << d(2026, 9, 20) << u"2026Q2"_s;
    QTest::newRow("Sep 30 Q3") << d(2026, 9, 30) << u"2026Q3"_s;
    QTest::newRow("Oct 10 checks Q3") << d(2026, 10, 10) << u"2026Q3"_s;
    QTest::newRow("Nov 1 still Q3") << d(2026, 11, 1) << u"2026Q3"_s;
    QTest::newRow("Dec 20 still Q3") << d(2026, 12, 20) << u"2026Q3"_s;
    QTest::newRow("Dec 25 Q4 being visited") << d(2026, 12, 25) << u"2026Q4"_s;
    QTest::newRow("Dec 31 Q4") << d(2026, 12, 31) << u"2026Q4"_s;
}

void TestReliefRules::quarterUnderCheck()
{
    QFETCH(QDate, today);
    QFETCH(QString, quarter);
    QCOMPARE(relief::quarterUnderCheck(today).toString(), quarter);
}

// --- Income ------------------------------------------------------------------------------------------------

void TestReliefRules::perCapita_data()
{
    QTest::addColumn<QList<QuarterIncome>>("incomes");
    QTest::addColumn<int>("members");
    QTest::addColumn<QString>("upTo");
    QTest::addColumn<qint64>("annual");
    QTest::addColumn<qint64>("perCapita");
    QTest::addColumn<int>("recorded");
    QTest::addColumn<bool>("above");

    // upTo 2026Q2: the four quarters are 2025Q3, 2025Q4, 2026Q1, 2026Q2.
    QTest::newRow("four quarters, three members, rounded down")
        << QList<QuarterIncome>{income(q(2025, 3), 500000), income(q(2025, 4), 500000),
                                income(q(2026, 1), 500000), income(q(2026, 2), 500000)}
        << 3 << u"2026Q2"_s << qint64(2000000) << qint64(666666) << 4 << false;
    QTest::newRow("all four categories")
        << QList<QuarterIncome>{income(q(2026, 1), 100000, 200000, 30000, 4000)} << 1 << u"2026Q2"_s
        << qint64(334000) << qint64(334000) << 1 << false;
    QTest::newRow("missing quarters")
        << QList<QuarterIncome>{income(q(2026, 1), 300000), income(q(2026, 2), 200000)} << 2 << u"2026Q2"_s
        << qint64(500000) << qint64(250000) << 2 << false;
    QTest::newRow("no records") << QList<QuarterIncome>{} << 2 << u"2026Q2"_s << qint64(0) << qint64(0) << 0
                                << false;
    QTest::newRow("duplicate quarter, last wins")
        << QList<QuarterIncome>{income(q(2026, 1), 100000), income(q(2026, 2), 50000),
                                income(q(2026, 1), 300000)}
        << 1 << u"2026Q2"_s << qint64(350000) << qint64(350000) << 2 << false;
    QTest::newRow("duplicate quarter, later record lower")
        << QList<QuarterIncome>{income(q(2026, 1), 900000), income(q(2026, 1), 100000)} << 1 << u"2026Q2"_s
        << qint64(100000) << qint64(100000) << 1 << false;
    QTest::newRow("quarters outside the four ignored")
        << QList<QuarterIncome>{income(q(2025, 2), 9000000), income(q(2025, 3), 100000),
                                income(q(2026, 3), 9000000), income(q(2024, 3), 9000000)}
        << 1 << u"2026Q2"_s << qint64(100000) << qint64(100000) << 1 << false;
    QTest::newRow("negative business income (a loss)")
        << QList<QuarterIncome>{income(q(2026, 1), 400000, -600000), income(q(2026, 2), 300000, 100000)} << 2
        << u"2026Q2"_s << qint64(200000) << qint64(100000) << 2 << false;
    QTest::newRow("net loss, per capita rounded down")
        << QList<QuarterIncome>{income(q(2026, 2), 100000, -200001)} << 2 << u"2026Q2"_s << qint64(-100001)
        << qint64(-50001) << 1 << false;
    QTest::newRow("members 0") << QList<QuarterIncome>{income(q(2026, 2), 9000000)} << 0 << u"2026Q2"_s
                               << qint64(9000000) << qint64(0) << 1 << false;
    QTest::newRow("exactly at the 7,000-yuan line")
        << QList<QuarterIncome>{income(q(2025, 3), 350000), income(q(2025, 4), 350000),
                                income(q(2026, 1), 350000), income(q(2026, 2), 350000)}
        << 2 << u"2026Q2"_s << qint64(1400000) << qint64(700000) << 4 << true;
    QTest::newRow("one fen below the line")
        << QList<QuarterIncome>{income(q(2025, 3), 350000), income(q(2025, 4), 350000),
                                income(q(2026, 1), 350000), income(q(2026, 2), 349999)}
        << 2 << u"2026Q2"_s << qint64(1399999) << qint64(699999) << 4 << false;
    QTest::newRow("at the line after rounding down")
        << QList<QuarterIncome>{income(q(2026, 1), 2100002)} << 3 << u"2026Q2"_s << qint64(2100002)
        << qint64(700000) << 1 << true;
    QTest::newRow("upTo Q1 spans the year boundary")
        << QList<QuarterIncome>{income(q(2025, 1), 9000000), income(q(2025, 2), 100000),
                                income(q(2025, 3), 100000),  income(q(2025, 4), 100000),
                                income(q(2026, 1), 100000),  income(q(2026, 2), 9000000)}
        << 1 << u"2026Q1"_s << qint64(400000) << qint64(400000) << 4 << false;
}

void TestReliefRules::perCapita()
{
    QFETCH(QList<QuarterIncome>, incomes);
    QFETCH(int, members);
    QFETCH(QString, upTo);
    QFETCH(qint64, annual);
    QFETCH(qint64, perCapita);
    QFETCH(int, recorded);
    QFETCH(bool, above);
    const PerCapitaIncome r = perCapitaIncome(incomes, members, *Quarter::parse(upTo));
    QCOMPARE(r.annualFen, annual);
    QCOMPARE(r.perCapitaFen, perCapita);
    QCOMPARE(r.quartersRecorded, recorded);
    QCOMPARE(r.atOrAboveLine, above);
}

// --- Help requests -----------------------------------------------------------------------------------------

void TestReliefRules::helpDue_data()
{
    QTest::addColumn<bool>("result"); // false: answer (5 working days), true: result (10 working days)
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("due");

    // 2025 National Day: Sun 9-28 worked, Oct 1-8 off, Sat 10-11 worked.
    // Tue 9-30 -> Thu 10-9, Fri 10-10, Sat 10-11 (make-up), Mon 10-13, Tue 10-14.
    QTest::newRow("answer raised the day before National Day 2025")
        << false << d(2025, 9, 30) << d(2025, 10, 14);
    // Fri 9-26 -> Sun 9-28 (make-up), Mon 9-29, Tue 9-30, Thu 10-9, Fri 10-10.
    QTest::newRow("answer counting make-up Sunday 2025-09-28") << false << d(2025, 9, 26) << d(2025, 10, 10);
    // Raised on a holiday: Fri 10-3 -> 10-9, 10-10, 10-11 (make-up), 10-13, 10-14.
    QTest::newRow("answer raised during the holiday") << false << d(2025, 10, 3) << d(2025, 10, 14);
    // Thu 9-25 -> 9-26, 9-28, 9-29, 9-30, 10-9, 10-10, 10-11, 10-13, 10-14, 10-15.
    QTest::newRow("result across National Day 2025") << true << d(2025, 9, 25) << d(2025, 10, 15);
    // Tue 9-30 -> 10-9, 10-10, 10-11, 10-13 .. 10-17, 10-20, 10-21.
    QTest::newRow("result assigned the day before National Day 2025")
        << true << d(2025, 9, 30) << d(2025, 10, 21);
    // 2025 Spring Festival: Sun 1-26 worked, Jan 28 - Feb 4 off. Fri 1-24 -> 1-26, 1-27, 2-5, 2-6, 2-7.
    QTest::newRow("answer across Spring Festival 2025") << false << d(2025, 1, 24) << d(2025, 2, 7);
    // 2026 Spring Festival: Sat 2-14 worked, Feb 15-23 off, Sat 2-28 worked.
    // Fri 2-13 -> Sat 2-14 (make-up), Tue 2-24, 2-25, 2-26, 2-27.
    QTest::newRow("answer across Spring Festival 2026") << false << d(2026, 2, 13) << d(2026, 2, 27);
    // Tue 2-24 -> 2-25, 2-26, 2-27, Sat 2-28 (make-up), Mon 3-2.
    QTest::newRow("answer counting make-up Saturday 2026-02-28") << false << d(2026, 2, 24) << d(2026, 3, 2);
    // Thu 2-12 -> 2-13, 2-14, 2-24, 2-25, 2-26, 2-27, 2-28, 3-2, 3-3, 3-4.
    QTest::newRow("result across Spring Festival 2026") << true << d(2026, 2, 12) << d(2026, 3, 4);
    // 2026 National Day: Sun 9-20 worked, Oct 1-7 off, Sat 10-10 worked.
    // Wed 9-30 -> Thu 10-8, Fri 10-9, Sat 10-10 (make-up), Mon 10-12, Tue 10-13.
    QTest::newRow("answer raised the day before National Day 2026")
        << false << d(2026, 9, 30) << d(2026, 10, 13);
    // Fri 9-18 -> Sun 9-20 (make-up), 9-21, 9-22, 9-23, 9-24.
    QTest::newRow("answer counting make-up Sunday 2026-09-20") << false << d(2026, 9, 18) << d(2026, 9, 24);
    // New Year 2026: Jan 1-3 off, Sun 1-4 worked. Wed 12-31 -> 1-4, 1-5 .. 1-9, 1-12 .. 1-15.
    QTest::newRow("result across New Year 2026") << true << d(2025, 12, 31) << d(2026, 1, 15);
    QTest::newRow("answer in an ordinary week") << false << d(2026, 3, 9) << d(2026, 3, 16);
}

void TestReliefRules::helpDue()
{
    QFETCH(bool, result);
    QFETCH(QDate, from);
    QFETCH(QDate, due);
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    QCOMPARE(result ? helpResultDue(from, cal) : helpAnswerDue(from, cal), due);
}

void TestReliefRules::deadline_data()
{
    QTest::addColumn<QDate>("due");
    QTest::addColumn<QDate>("done"); // invalid: not done
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("dueSoonDays");
    QTest::addColumn<DeadlineState>("expected");

    using S = DeadlineState;
    // Due Tue 2025-10-14 (the answer to a request raised on 9-30).
    const QDate due = d(2025, 10, 14);
    QTest::newRow("open: five working days left") << due << QDate() << d(2025, 9, 30) << 2 << S::Open;
    // From Fri 10-10: Sat 10-11 (make-up), Mon 10-13, Tue 10-14 are three working days.
    QTest::newRow("open: make-up Saturday counts") << due << QDate() << d(2025, 10, 10) << 2 << S::Open;
    QTest::newRow("due soon: two working days left") << due << QDate() << d(2025, 10, 11) << 2 << S::DueSoon;
    QTest::newRow("due soon: one working day left") << due << QDate() << d(2025, 10, 13) << 2 << S::DueSoon;
    QTest::newRow("due soon: due today") << due << QDate() << d(2025, 10, 14) << 2 << S::DueSoon;
    // Nine calendar days but one working day: the holiday does not count.
    QTest::newRow("due soon across the holiday")
        << d(2025, 10, 9) << QDate() << d(2025, 9, 30) << 2 << S::DueSoon;
    QTest::newRow("window 0: one day left is open") << due << QDate() << d(2025, 10, 13) << 0 << S::Open;
    QTest::newRow("window 0: due today") << due << QDate() << d(2025, 10, 14) << 0 << S::DueSoon;
    QTest::newRow("overdue the next day") << due << QDate() << d(2025, 10, 15) << 2 << S::Overdue;
    QTest::newRow("overdue long after") << due << QDate() << d(2026, 1, 5) << 2 << S::Overdue;
    QTest::newRow("done on the due date") << due << d(2025, 10, 14) << d(2025, 10, 20) << 2 << S::DoneOnTime;
    QTest::newRow("done early") << due << d(2025, 10, 9) << d(2025, 10, 9) << 2 << S::DoneOnTime;
    QTest::newRow("done a day late") << due << d(2025, 10, 15) << d(2025, 10, 15) << 2 << S::DoneLate;
    QTest::newRow("done late, looked at later")
        << due << d(2025, 10, 20) << d(2025, 12, 1) << 2 << S::DoneLate;
}

void TestReliefRules::deadline()
{
    QFETCH(QDate, due);
    QFETCH(QDate, done);
    QFETCH(QDate, today);
    QFETCH(int, dueSoonDays);
    QFETCH(DeadlineState, expected);
    const std::optional<QDate> doneOn = done.isValid() ? std::optional<QDate>(done) : std::nullopt;
    QCOMPARE(deadlineState(due, doneOn, today, WorkingCalendar::builtIn(), dueSoonDays), expected);
}

void TestReliefRules::deadlineNames()
{
    using S = DeadlineState;
    QCOMPARE(deadlineStateName(S::Open), u"open"_s);
    QCOMPARE(deadlineStateName(S::DueSoon), u"due-soon"_s);
    QCOMPARE(deadlineStateName(S::Overdue), u"overdue"_s);
    QCOMPARE(deadlineStateName(S::DoneOnTime), u"done-on-time"_s);
    QCOMPARE(deadlineStateName(S::DoneLate), u"done-late"_s);
    QCOMPARE(deadlineStateChinese(S::Open), u"办理中"_s);
    QCOMPARE(deadlineStateChinese(S::DueSoon), u"即将到期"_s);
    QCOMPARE(deadlineStateChinese(S::Overdue), u"已逾期"_s);
    QCOMPARE(deadlineStateChinese(S::DoneOnTime), u"按时办结"_s);
    QCOMPARE(deadlineStateChinese(S::DoneLate), u"逾期办结"_s);
}

void TestReliefRules::lookupCode_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("code");

    // Expected codes computed independently (Python hashlib: first 8 SHA-256 bytes of the UTF-8 id, modulo
    // 32).
    QTest::newRow("empty id") << QString() << u"QZ5J64SWWN"_s;
    QTest::newRow("plain id") << u"help-0001"_s << u"QZHA7AK3MX"_s;
    QTest::newRow("uuid") << u"0f8fad5b-d9cb-469f-a165-70867728950e"_s << u"QZAL3FQ6RQ"_s;
    QTest::newRow("Chinese id") << u"求助-南通-1"_s << u"QZ6YE75JSE"_s;
}

void TestReliefRules::lookupCode()
{
    QFETCH(QString, id);
    QFETCH(QString, code);
    QCOMPARE(helpLookupCode(id), code);
}

void TestReliefRules::lookupCodeFormat()
{
    static const QRegularExpression format(u"^QZ[2-9A-HJ-NP-Z]{8}$"_s);
    QSet<QString> codes;
    for (int i = 0; i < 2000; ++i) {
        const QString id = u"help-%1"_s.arg(i);
        const QString code = helpLookupCode(id);
        QVERIFY2(format.match(code).hasMatch(), qPrintable(code));
        QVERIFY2(!code.contains(id), qPrintable(code));
        codes.insert(code);
    }
    QCOMPARE(codes.size(), 2000);
}

// --- Visit statistics --------------------------------------------------------------------------------------

void TestReliefRules::visitStats_data()
{
    QTest::addColumn<QString>("pairings"); // "pairing@town,..."
    QTest::addColumn<QString>("visits");   // "pairing@quarter,..."
    QTest::addColumn<QString>("quarter");
    QTest::addColumn<QString>("expected"); // "town:pairings/visited[not visited]"

    const QString pairings = u"p1@A,p2@A,p3@B,p4@A,p5@C,p1@A"_s;
    const QString visits = u"p1@2026Q1,p1@2026Q1,p3@2026Q1,p4@2026Q2,p5@2025Q4,p9@2026Q1"_s;
    QTest::newRow("2026Q1") << pairings << visits << u"2026Q1"_s << u"A:3/1[p2,p4];B:1/1[];C:1/0[p5]"_s;
    QTest::newRow("2026Q2") << pairings << visits << u"2026Q2"_s << u"A:3/1[p1,p2];B:1/0[p3];C:1/0[p5]"_s;
    QTest::newRow("2025Q4") << pairings << visits << u"2025Q4"_s << u"A:3/0[p1,p2,p4];B:1/0[p3];C:1/1[]"_s;
    QTest::newRow("same quarter a year later")
        << pairings << visits << u"2027Q1"_s << u"A:3/0[p1,p2,p4];B:1/0[p3];C:1/0[p5]"_s;
    QTest::newRow("no visits") << u"p1@B,p2@A"_s << QString() << u"2026Q1"_s << u"B:1/0[p1];A:1/0[p2]"_s;
    QTest::newRow("no pairings") << QString() << visits << u"2026Q1"_s << QString();
}

void TestReliefRules::visitStats()
{
    QFETCH(QString, pairings);
    QFETCH(QString, visits);
    QFETCH(QString, quarter);
    QFETCH(QString, expected);
    QList<PairingRef> p;
    const QStringList pairingParts = pairings.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : pairingParts) {
        const QStringList f = part.split(u'@');
        p.append(PairingRef{f.at(0), f.at(1), u"帮扶人"_s, u"农户"_s});
    }
    QList<VisitRef> v;
    const QStringList visitParts = visits.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : visitParts) {
        const QStringList f = part.split(u'@');
        v.append(VisitRef{f.at(0), *Quarter::parse(f.at(1))});
    }
    QCOMPARE(summary(relief::visitStats(p, v, *Quarter::parse(quarter))), expected);
}

QTEST_GUILESS_MAIN(TestReliefRules)
#include "tst_relief_rules.moc"
