// The working-day calendar against the State Council schedule in resources/calendar/holidays-cn.csv.
// Every expected date below was worked out by hand from that file (weekday names given in the comments) and
// checked a second time by an independent count; none is computed with the code under test.

#include "common/core/WorkingCalendar.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using sunshine::WorkingCalendar;

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

} // namespace

class TestWorkingCalendar : public QObject
{
    Q_OBJECT

private slots:
    void builtInRange();
    void isWorkingDay_data();
    void isWorkingDay();
    void dayCounts_data();
    void dayCounts();
    void holidayName_data();
    void holidayName();
    void addWorkingDays_data();
    void addWorkingDays();
    void addWorkingDaysInvalid();
    void workingDaysBetween_data();
    void workingDaysBetween();
    void addAndBetweenAgree();
    void nextWorkingDayOnOrAfter_data();
    void nextWorkingDayOnOrAfter();
    void covers_data();
    void covers();
    void invalidDateIsNoWorkingDay();
    void loadCsv_data();
    void loadCsv();
    void yearsLoadedAtRunTime();
    void yearProblems_data();
    void yearProblems();
    void currentStaysValid();
    void loadCsvEffects();
    void emptyCalendarKnowsOnlyWeekends();
};

void TestWorkingCalendar::builtInRange()
{
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    QCOMPARE(cal.firstYear(), 2025);
    QCOMPARE(cal.lastYear(), 2026);
    // One shared instance.
    QCOMPARE(&WorkingCalendar::builtIn(), &cal);
}

void TestWorkingCalendar::isWorkingDay_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("working");
    QTest::addColumn<bool>("holiday");
    QTest::addColumn<bool>("makeUp");

    // Ordinary weeks.
    QTest::newRow("2025-09-29 Mon") << d(2025, 9, 29) << true << false << false;
    QTest::newRow("2025-09-30 Tue") << d(2025, 9, 30) << true << false << false;
    QTest::newRow("2025-11-07 Fri") << d(2025, 11, 7) << true << false << false;
    QTest::newRow("2025-11-08 Sat") << d(2025, 11, 8) << false << false << false;
    QTest::newRow("2025-11-09 Sun") << d(2025, 11, 9) << false << false << false;
    QTest::newRow("2025-09-27 Sat") << d(2025, 9, 27) << false << false << false;
    QTest::newRow("2025-10-12 Sun") << d(2025, 10, 12) << false << false << false;
    QTest::newRow("2025-12-31 Wed") << d(2025, 12, 31) << true << false << false;
    QTest::newRow("2026-03-01 Sun") << d(2026, 3, 1) << false << false << false;

    // National Day and Mid-Autumn 2025: 10-01 (Wed) to 10-08 (Wed) off, weekdays included.
    for (int day = 1; day <= 8; ++day) {
        const QByteArray tag = "2025-10-0" + QByteArray::number(day) + " National Day";
        QTest::newRow(tag.constData()) << d(2025, 10, day) << false << true << false;
    }
    QTest::newRow("2025-10-09 Thu after National Day") << d(2025, 10, 9) << true << false << false;
    QTest::newRow("2025-10-10 Fri") << d(2025, 10, 10) << true << false << false;

    // Spring Festival 2026: 02-15 (Sun) to 02-23 (Mon) off.
    for (int day = 15; day <= 23; ++day) {
        const QByteArray tag = "2026-02-" + QByteArray::number(day) + " Spring Festival";
        QTest::newRow(tag.constData()) << d(2026, 2, day) << false << true << false;
    }
    QTest::newRow("2026-02-13 Fri before Spring Festival") << d(2026, 2, 13) << true << false << false;
    QTest::newRow("2026-02-24 Tue after Spring Festival") << d(2026, 2, 24) << true << false << false;

    // Other holidays that fall on weekdays.
    QTest::newRow("2025-01-01 Wed New Year") << d(2025, 1, 1) << false << true << false;
    QTest::newRow("2026-01-01 Thu New Year") << d(2026, 1, 1) << false << true << false;
    QTest::newRow("2026-01-02 Fri New Year") << d(2026, 1, 2) << false << true << false;
    QTest::newRow("2026-01-03 Sat New Year") << d(2026, 1, 3) << false << true << false;
    QTest::newRow("2025-06-02 Mon Dragon Boat") << d(2025, 6, 2) << false << true << false;
    QTest::newRow("2026-09-25 Fri Mid-Autumn") << d(2026, 9, 25) << false << true << false;
    QTest::newRow("2026-05-05 Tue Labour Day") << d(2026, 5, 5) << false << true << false;

    // Make-up workdays (调休): weekend days that are worked.
    QTest::newRow("2025-01-26 Sun make-up") << d(2025, 1, 26) << true << false << true;
    QTest::newRow("2025-02-08 Sat make-up") << d(2025, 2, 8) << true << false << true;
    QTest::newRow("2025-09-28 Sun make-up") << d(2025, 9, 28) << true << false << true;
    QTest::newRow("2025-10-11 Sat make-up") << d(2025, 10, 11) << true << false << true;
    QTest::newRow("2026-01-04 Sun make-up") << d(2026, 1, 4) << true << false << true;
    QTest::newRow("2026-02-14 Sat make-up") << d(2026, 2, 14) << true << false << true;
    QTest::newRow("2026-02-28 Sat make-up") << d(2026, 2, 28) << true << false << true;
    QTest::newRow("2026-05-09 Sat make-up") << d(2026, 5, 9) << true << false << true;
    QTest::newRow("2026-10-10 Sat make-up") << d(2026, 10, 10) << true << false << true;

    // Outside the schedule only weekends are known.
    QTest::newRow("2024-12-28 Sat uncovered") << d(2024, 12, 28) << false << false << false;
    QTest::newRow("2024-10-01 Tue uncovered") << d(2024, 10, 1) << true << false << false;
    QTest::newRow("2027-01-01 Fri uncovered") << d(2027, 1, 1) << true << false << false;
}

void TestWorkingCalendar::isWorkingDay()
{
    QFETCH(QDate, date);
    QFETCH(bool, working);
    QFETCH(bool, holiday);
    QFETCH(bool, makeUp);
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    QCOMPARE(cal.isWorkingDay(date), working);
    QCOMPARE(cal.isHoliday(date), holiday);
    QCOMPARE(cal.isMakeUpWorkday(date), makeUp);
}

void TestWorkingCalendar::dayCounts_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("holidays");
    QTest::addColumn<int>("makeUpDays");
    QTest::addColumn<int>("workingDays");

    // 2025 starts on a Wednesday: 261 weekdays, 18 of them holidays, plus 5 make-up days = 248.
    QTest::newRow("2025") << 2025 << 28 << 5 << 248;
    // 2026 starts on a Thursday: 261 weekdays, 19 of them holidays, plus 6 make-up days = 248.
    QTest::newRow("2026") << 2026 << 33 << 6 << 248;
    // 2027 is not covered: Mon-Fri only. Starts on a Friday: 52 weeks + 1 day = 261.
    QTest::newRow("2027 uncovered") << 2027 << 0 << 0 << 261;
}

void TestWorkingCalendar::dayCounts()
{
    QFETCH(int, year);
    QFETCH(int, holidays);
    QFETCH(int, makeUpDays);
    QFETCH(int, workingDays);
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    int h = 0, m = 0, w = 0;
    for (QDate day(year, 1, 1); day.year() == year; day = day.addDays(1)) {
        h += cal.isHoliday(day) ? 1 : 0;
        m += cal.isMakeUpWorkday(day) ? 1 : 0;
        w += cal.isWorkingDay(day) ? 1 : 0;
    }
    QCOMPARE(h, holidays);
    QCOMPARE(m, makeUpDays);
    QCOMPARE(w, workingDays);
    QCOMPARE(cal.workingDaysBetween(QDate(year - 1, 12, 31), QDate(year, 12, 31)), workingDays);
}

void TestWorkingCalendar::holidayName_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("name");

    QTest::newRow("National Day") << d(2025, 10, 1) << u"国庆节、中秋节"_s;
    QTest::newRow("make-up day has the holiday's name") << d(2025, 10, 11) << u"国庆节、中秋节"_s;
    QTest::newRow("Spring Festival 2026") << d(2026, 2, 17) << u"春节"_s;
    QTest::newRow("New Year 2026") << d(2026, 1, 2) << u"元旦"_s;
    QTest::newRow("Mid-Autumn 2026") << d(2026, 9, 26) << u"中秋节"_s;
    QTest::newRow("ordinary weekday") << d(2025, 11, 5) << QString();
    QTest::newRow("ordinary weekend") << d(2025, 11, 8) << QString();
}

void TestWorkingCalendar::holidayName()
{
    QFETCH(QDate, date);
    QFETCH(QString, name);
    QCOMPARE(WorkingCalendar::builtIn().holidayName(date), name);
}

void TestWorkingCalendar::addWorkingDays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("n");
    QTest::addColumn<QDate>("expected");

    // Money received Tue 2025-09-30, reported within 5 working days (Art. 6 (一)): 10-01..08 are off, then
    // Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 make-up (3), Sun 10-12 off, Mon 10-13 (4), Tue 10-14 (5).
    QTest::newRow("2025-09-30 +5 over National Day") << d(2025, 9, 30) << 5 << d(2025, 10, 14);
    QTest::newRow("2025-09-30 +1") << d(2025, 9, 30) << 1 << d(2025, 10, 9);
    QTest::newRow("2025-09-30 +3 lands on make-up Saturday") << d(2025, 9, 30) << 3 << d(2025, 10, 11);
    QTest::newRow("2025-09-30 +4 skips Sunday") << d(2025, 9, 30) << 4 << d(2025, 10, 13);
    QTest::newRow("from a holiday 2025-10-03 +1") << d(2025, 10, 3) << 1 << d(2025, 10, 9);
    // Fri 09-26 +1: Sat 09-27 off, Sun 09-28 make-up.
    QTest::newRow("2025-09-26 +1 make-up Sunday") << d(2025, 9, 26) << 1 << d(2025, 9, 28);
    QTest::newRow("2025-09-26 +2") << d(2025, 9, 26) << 2 << d(2025, 9, 29);
    // Ordinary weeks.
    QTest::newRow("2025-11-03 Mon +5") << d(2025, 11, 3) << 5 << d(2025, 11, 10);
    QTest::newRow("2025-11-07 Fri +1 over weekend") << d(2025, 11, 7) << 1 << d(2025, 11, 10);
    QTest::newRow("2025-11-08 Sat +1") << d(2025, 11, 8) << 1 << d(2025, 11, 10);
    // Spring Festival 2026: Fri 02-13, Sat 02-14 make-up, 02-15..23 off, Sat 02-28 make-up.
    QTest::newRow("2026-02-12 +1") << d(2026, 2, 12) << 1 << d(2026, 2, 13);
    QTest::newRow("2026-02-12 +2 make-up Saturday") << d(2026, 2, 12) << 2 << d(2026, 2, 14);
    QTest::newRow("2026-02-12 +3 over Spring Festival") << d(2026, 2, 12) << 3 << d(2026, 2, 24);
    QTest::newRow("2026-02-12 +5") << d(2026, 2, 12) << 5 << d(2026, 2, 26);
    QTest::newRow("2026-02-12 +7 make-up 02-28") << d(2026, 2, 12) << 7 << d(2026, 2, 28);
    QTest::newRow("2026-02-12 +8") << d(2026, 2, 12) << 8 << d(2026, 3, 2);
    // Help request slip received Fri 02-13, result within 10 working days (Art. 21):
    // 02-14 (1), 02-24..28 (2-6), 03-02..05 (7-10).
    QTest::newRow("2026-02-13 +10") << d(2026, 2, 13) << 10 << d(2026, 3, 5);
    // New Year 2026: 01-01..03 off, Sun 01-04 make-up.
    QTest::newRow("2025-12-31 +1 make-up Sunday") << d(2025, 12, 31) << 1 << d(2026, 1, 4);
    QTest::newRow("2025-12-31 +2") << d(2025, 12, 31) << 2 << d(2026, 1, 5);
    // National Day 2026: 10-01 (Thu)..10-07 off.
    QTest::newRow("2026-09-30 +1") << d(2026, 9, 30) << 1 << d(2026, 10, 8);
    QTest::newRow("2026-12-31 +1 leaves the schedule") << d(2026, 12, 31) << 1 << d(2027, 1, 1);

    // n == 0 gives `from`, even when it is no working day.
    QTest::newRow("0 on a working day") << d(2025, 9, 30) << 0 << d(2025, 9, 30);
    QTest::newRow("0 on a holiday") << d(2025, 10, 1) << 0 << d(2025, 10, 1);
    QTest::newRow("0 on a Saturday") << d(2025, 11, 8) << 0 << d(2025, 11, 8);

    // Negative n counts backwards.
    QTest::newRow("2025-10-09 -1 back over National Day") << d(2025, 10, 9) << -1 << d(2025, 9, 30);
    QTest::newRow("2025-10-13 -1 make-up Saturday") << d(2025, 10, 13) << -1 << d(2025, 10, 11);
    QTest::newRow("2025-10-13 -2") << d(2025, 10, 13) << -2 << d(2025, 10, 10);
    QTest::newRow("2025-10-13 -5") << d(2025, 10, 13) << -5 << d(2025, 9, 29);
    QTest::newRow("2025-10-13 -6 make-up Sunday") << d(2025, 10, 13) << -6 << d(2025, 9, 28);
    QTest::newRow("2025-10-13 -7 skips 09-27") << d(2025, 10, 13) << -7 << d(2025, 9, 26);
    QTest::newRow("2025-10-14 -5 inverse of +5") << d(2025, 10, 14) << -5 << d(2025, 9, 30);
    QTest::newRow("2026-02-24 -1") << d(2026, 2, 24) << -1 << d(2026, 2, 14);
    QTest::newRow("2026-02-24 -2") << d(2026, 2, 24) << -2 << d(2026, 2, 13);
    QTest::newRow("2026-01-05 -1") << d(2026, 1, 5) << -1 << d(2026, 1, 4);
    QTest::newRow("2026-01-05 -2 over New Year") << d(2026, 1, 5) << -2 << d(2025, 12, 31);
    QTest::newRow("from a holiday 2025-10-04 -1") << d(2025, 10, 4) << -1 << d(2025, 9, 30);
    QTest::newRow("from a Saturday 2025-09-27 -1") << d(2025, 9, 27) << -1 << d(2025, 9, 26);
}

void TestWorkingCalendar::addWorkingDays()
{
    QFETCH(QDate, from);
    QFETCH(int, n);
    QFETCH(QDate, expected);
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    const QDate got = cal.addWorkingDays(from, n);
    QCOMPARE(got, expected);
    if (n != 0)
        QVERIFY2(cal.isWorkingDay(got), qPrintable(got.toString(Qt::ISODate)));
}

void TestWorkingCalendar::addWorkingDaysInvalid()
{
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    QVERIFY(!cal.addWorkingDays(QDate(), 5).isValid());
    QVERIFY(!cal.addWorkingDays(QDate(), 0).isValid());
    QCOMPARE(cal.workingDaysBetween(QDate(), d(2025, 10, 14)), 0);
    QCOMPARE(cal.workingDaysBetween(d(2025, 10, 14), QDate()), 0);
    QVERIFY(!cal.nextWorkingDayOnOrAfter(QDate()).isValid());
}

void TestWorkingCalendar::workingDaysBetween_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("expected");

    QTest::newRow("same day") << d(2025, 10, 9) << d(2025, 10, 9) << 0;
    QTest::newRow("same holiday") << d(2025, 10, 1) << d(2025, 10, 1) << 0;
    QTest::newRow("next day") << d(2025, 9, 29) << d(2025, 9, 30) << 1;
    QTest::newRow("over National Day 2025") << d(2025, 9, 30) << d(2025, 10, 14) << 5;
    QTest::newRow("into the holiday only") << d(2025, 9, 30) << d(2025, 10, 8) << 0;
    QTest::newRow("Fri to make-up Sun") << d(2025, 9, 26) << d(2025, 9, 28) << 1;
    QTest::newRow("Sat to make-up Sun") << d(2025, 9, 27) << d(2025, 9, 28) << 1;
    QTest::newRow("ordinary week") << d(2025, 11, 3) << d(2025, 11, 10) << 5;
    // October 2025: 09, 10, 11 (make-up), 13-17, 20-24, 27-31.
    QTest::newRow("October 2025") << d(2025, 9, 30) << d(2025, 10, 31) << 18;
    QTest::newRow("over Spring Festival 2026") << d(2026, 2, 13) << d(2026, 3, 5) << 10;
    QTest::newRow("holiday to holiday") << d(2025, 10, 3) << d(2025, 10, 4) << 0;

    // Backwards: negative, the same count.
    QTest::newRow("back next day") << d(2025, 9, 30) << d(2025, 9, 29) << -1;
    QTest::newRow("back over National Day 2025") << d(2025, 10, 14) << d(2025, 9, 30) << -5;
    QTest::newRow("back into the holiday only") << d(2025, 10, 8) << d(2025, 9, 30) << 0;
    QTest::newRow("back make-up Sun to Fri") << d(2025, 9, 28) << d(2025, 9, 26) << -1;
    QTest::newRow("back October 2025") << d(2025, 10, 31) << d(2025, 9, 30) << -18;
    QTest::newRow("back over Spring Festival 2026") << d(2026, 3, 5) << d(2026, 2, 13) << -10;
}

void TestWorkingCalendar::workingDaysBetween()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, expected);
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    QCOMPARE(cal.workingDaysBetween(from, to), expected);
    QCOMPARE(cal.workingDaysBetween(to, from), -expected);
}

// The two functions must agree on every day of the schedule: n working days after `from` is a working day
// exactly n working days away; going back n from a working day and forward n again returns to it.
void TestWorkingCalendar::addAndBetweenAgree()
{
    const WorkingCalendar &cal = WorkingCalendar::builtIn();
    int checked = 0;
    for (QDate from = d(2024, 12, 20); from <= d(2027, 1, 10); from = from.addDays(1)) {
        for (int n = 1; n <= 12; ++n) {
            const QDate forward = cal.addWorkingDays(from, n);
            QVERIFY(forward > from);
            QVERIFY(cal.isWorkingDay(forward));
            QCOMPARE(cal.workingDaysBetween(from, forward), n);
            // The day before the result is still n - 1 working days away: the result is the first such day.
            QCOMPARE(cal.workingDaysBetween(from, forward.addDays(-1)), n - 1);
            if (cal.isWorkingDay(from)) {
                const QDate back = cal.addWorkingDays(from, -n);
                QVERIFY(back < from);
                QVERIFY(cal.isWorkingDay(back));
                QCOMPARE(cal.workingDaysBetween(from, back), -n);
                QCOMPARE(cal.addWorkingDays(back, n), from);
            }
            ++checked;
        }
    }
    QCOMPARE(checked, 752 * 12);
}

void TestWorkingCalendar::nextWorkingDayOnOrAfter_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("working day itself") << d(2025, 10, 9) << d(2025, 10, 9);
    QTest::newRow("make-up day itself") << d(2025, 10, 11) << d(2025, 10, 11);
    QTest::newRow("first day of National Day") << d(2025, 10, 1) << d(2025, 10, 9);
    QTest::newRow("last day of National Day") << d(2025, 10, 8) << d(2025, 10, 9);
    QTest::newRow("Saturday before make-up Sunday") << d(2025, 9, 27) << d(2025, 9, 28);
    QTest::newRow("Sunday after make-up Saturday") << d(2025, 10, 12) << d(2025, 10, 13);
    QTest::newRow("ordinary Saturday") << d(2025, 11, 8) << d(2025, 11, 10);
    QTest::newRow("New Year 2026") << d(2026, 1, 1) << d(2026, 1, 4);
    QTest::newRow("Spring Festival 2026") << d(2026, 2, 15) << d(2026, 2, 24);
    QTest::newRow("Mid-Autumn 2026 then work on Mon") << d(2026, 9, 25) << d(2026, 9, 28);
}

void TestWorkingCalendar::nextWorkingDayOnOrAfter()
{
    QFETCH(QDate, date);
    QFETCH(QDate, expected);
    QCOMPARE(WorkingCalendar::builtIn().nextWorkingDayOnOrAfter(date), expected);
}

void TestWorkingCalendar::covers_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("covered");

    QTest::newRow("2024-12-31") << d(2024, 12, 31) << false;
    QTest::newRow("2025-01-01") << d(2025, 1, 1) << true;
    QTest::newRow("2025-07-15") << d(2025, 7, 15) << true;
    QTest::newRow("2026-12-31") << d(2026, 12, 31) << true;
    QTest::newRow("2027-01-01") << d(2027, 1, 1) << false;
    QTest::newRow("invalid") << QDate() << false;
}

void TestWorkingCalendar::covers()
{
    QFETCH(QDate, date);
    QFETCH(bool, covered);
    QCOMPARE(WorkingCalendar::builtIn().covers(date), covered);
}

void TestWorkingCalendar::loadCsv_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("errorPrefix");

    QTest::newRow("empty") << QByteArray() << true << QString();
    QTest::newRow("one holiday") << QByteArray("2030-01-01,holiday,元旦\n") << true << QString();
    QTest::newRow("comments, header, blank lines, CRLF")
        << QByteArray("# comment\r\ndate,type,name\r\n\r\n2030-01-01,holiday,元旦\r\n"
                      "  2030-01-05,workday,元旦  \r\n")
        << true << QString();
    QTest::newRow("no name") << QByteArray("2030-01-01,holiday\n") << true << QString();
    QTest::newRow("bad date Feb 30") << QByteArray("2030-02-30,holiday,x\n") << false << u"line 1:"_s;
    QTest::newRow("bad month") << QByteArray("2030-13-01,holiday,x\n") << false << u"line 1:"_s;
    QTest::newRow("date without zero padding") << QByteArray("2030-1-1,holiday,x\n") << false << u"line 1:"_s;
    QTest::newRow("date without separators") << QByteArray("20300101,holiday,x\n") << false << u"line 1:"_s;
    QTest::newRow("day first") << QByteArray("01-01-2030,holiday,x\n") << false << u"line 1:"_s;
    QTest::newRow("unknown type") << QByteArray("2030-01-01,vacation,x\n") << false << u"line 1:"_s;
    QTest::newRow("type with capital") << QByteArray("2030-01-01,Holiday,x\n") << false << u"line 1:"_s;
    QTest::newRow("date only") << QByteArray("2030-01-01\n") << false << u"line 1:"_s;
    QTest::newRow("garbage") << QByteArray("hello world\n") << false << u"line 1:"_s;
    QTest::newRow("bad line after good ones")
        << QByteArray("# c\ndate,type,name\n2030-01-01,holiday,元旦\n\n2030-01-32,holiday,x\n") << false
        << u"line 5:"_s;
}

void TestWorkingCalendar::loadCsv()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, ok);
    QFETCH(QString, errorPrefix);
    WorkingCalendar cal;
    QString error = u"untouched"_s;
    QCOMPARE(cal.loadCsv(csv, &error), ok);
    if (ok) {
        QCOMPARE(error, u"untouched"_s);
    } else {
        QVERIFY2(error.startsWith(errorPrefix), qPrintable(error));
        QVERIFY2(error.contains(u"holiday|workday"_s), qPrintable(error));
    }
    // No error pointer: must not crash, same result.
    WorkingCalendar other;
    QCOMPARE(other.loadCsv(csv), ok);
}

void TestWorkingCalendar::loadCsvEffects()
{
    // 2030-01-01 is a Tuesday, 2030-01-05 a Saturday.
    WorkingCalendar cal;
    QString error;
    QVERIFY(cal.loadCsv(QByteArray("date,type,name\n2030-01-01,holiday,元旦\n2030-01-05,workday,元旦\n"
                                   "2031-02-03,holiday,a,b\n"),
                        &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(cal.firstYear(), 2030);
    QCOMPARE(cal.lastYear(), 2031);
    QVERIFY(!cal.isWorkingDay(d(2030, 1, 1)));
    QVERIFY(cal.isHoliday(d(2030, 1, 1)));
    QVERIFY(cal.isWorkingDay(d(2030, 1, 5)));
    QVERIFY(cal.isMakeUpWorkday(d(2030, 1, 5)));
    QCOMPARE(cal.holidayName(d(2030, 1, 1)), u"元旦"_s);
    // A name may contain commas.
    QCOMPARE(cal.holidayName(d(2031, 2, 3)), u"a,b"_s);
    // 2029-12-31 (Mon) +1: Tue 01-01 off, Wed 01-02.
    QCOMPARE(cal.addWorkingDays(d(2029, 12, 31), 1), d(2030, 1, 2));
    // Fri 01-04 +1: Sat 01-05 is worked.
    QCOMPARE(cal.addWorkingDays(d(2030, 1, 4), 1), d(2030, 1, 5));
    QVERIFY(cal.covers(d(2030, 6, 1)));
    QVERIFY(cal.covers(d(2031, 12, 31)));
    QVERIFY(!cal.covers(d(2029, 12, 31)));
    QVERIFY(!cal.covers(d(2032, 1, 1)));

    // The built-in calendar knows nothing of 2030.
    QVERIFY(WorkingCalendar::builtIn().isWorkingDay(d(2030, 1, 1)));
}

void TestWorkingCalendar::emptyCalendarKnowsOnlyWeekends()
{
    const WorkingCalendar cal;
    QVERIFY(!cal.covers(d(2025, 10, 1)));
    QVERIFY(cal.isWorkingDay(d(2025, 10, 1))); // a Wednesday
    QVERIFY(!cal.isHoliday(d(2025, 10, 1)));
    QVERIFY(!cal.isWorkingDay(d(2025, 10, 11))); // a Saturday
    QCOMPARE(cal.addWorkingDays(d(2025, 9, 30), 5), d(2025, 10, 7));
    QCOMPARE(cal.workingDaysBetween(d(2025, 9, 30), d(2025, 10, 14)), 10);
}

void TestWorkingCalendar::invalidDateIsNoWorkingDay()
{
    const WorkingCalendar &c = WorkingCalendar::builtIn();
    QVERIFY(!c.isWorkingDay(QDate()));
    QVERIFY(!c.isHoliday(QDate()));
    QVERIFY(!c.addWorkingDays(QDate(), 3).isValid());
}

// Whole years over the shipped calendar: a year not shipped is added, a shipped year is replaced, the others
// stay. The schedules here are TEST DATA, not official ones.
void TestWorkingCalendar::yearsLoadedAtRunTime()
{
    WorkingCalendar c;
    QString error;
    QVERIFY2(
        WorkingCalendar::withYears(
            {"2027-01-04,holiday,测试\n2027-01-09,workday,测试\n", "2026-10-02,holiday,测试\n"}, &c, &error),
        qPrintable(error));
    QCOMPARE(c.years(), (QList<int>{2025, 2026, 2027}));
    QVERIFY(c.covers(QDate(2027, 6, 1)));
    QVERIFY(!c.isWorkingDay(QDate(2027, 1, 4)));
    QVERIFY(c.isWorkingDay(QDate(2027, 1, 9)));
    // 2026 replaced as a whole: 1 October is a working day in the test year, 2 October is not.
    QVERIFY(c.isWorkingDay(QDate(2026, 10, 1)));
    QVERIFY(!c.isWorkingDay(QDate(2026, 10, 2)));
    QVERIFY(!c.isWorkingDay(QDate(2025, 10, 1))); // 2025 as shipped
    QCOMPARE(c.uncoveredNote(QDate(2027, 3, 1)), QString());
    QCOMPARE(c.uncoveredNote(QDate(2028, 3, 1)), u"日历未更新"_s);
    QCOMPARE(WorkingCalendar::builtIn().uncoveredNote(QDate(2027, 1, 4)), u"日历未更新"_s);
    QCOMPARE(c.uncoveredNote(QDate()), QString());
    // The text of one year, read back, is the same year.
    WorkingCalendar again;
    QVERIFY(again.loadCsv(c.yearCsv(2027)));
    QCOMPARE(again.years(), QList<int>{2027});
    QVERIFY(!again.isWorkingDay(QDate(2027, 1, 4)));
    QVERIFY(!WorkingCalendar::withYears({"not a calendar"}, &c, &error));
}

void TestWorkingCalendar::yearProblems_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("problem"); // a part of the message; empty: accepted
    QTest::newRow("a year") << 2027 << QByteArray("date,type,name\n2027-01-01,holiday,元旦\n") << QString();
    QTest::newRow("comments and blank lines")
        << 2027 << QByteArray("# x\n\n2027-01-01,holiday,元旦\n") << QString();
    QTest::newRow("another year's date")
        << 2027 << QByteArray("2027-01-01,holiday,元旦\n2028-01-01,holiday,元旦\n") << u"2027"_s;
    QTest::newRow("no holiday") << 2027 << QByteArray("2027-01-09,workday,调休\n") << u"节假日"_s;
    QTest::newRow("empty") << 2027 << QByteArray() << u"2027"_s;
    QTest::newRow("a bad type") << 2027 << QByteArray("2027-01-01,off,元旦\n") << u"第 1 行"_s;
    QTest::newRow("a bad date") << 2027 << QByteArray("date,type,name\n2027-02-30,holiday,x\n")
                                << u"第 2 行"_s;
    QTest::newRow("a date twice") << 2027 << QByteArray("2027-01-01,holiday,a\n2027-01-01,holiday,b\n")
                                  << u"两次"_s;
}

void TestWorkingCalendar::yearProblems()
{
    QFETCH(int, year);
    QFETCH(QByteArray, csv);
    QFETCH(QString, problem);
    const std::optional<QString> found = WorkingCalendar::yearProblem(year, csv);
    if (problem.isEmpty()) {
        QVERIFY2(!found, qPrintable(found.value_or(QString())));
    } else {
        QVERIFY(found);
        QVERIFY2(found->contains(problem), qPrintable(*found));
    }
}

// A reference to the calendar in force stays valid when another is put in force.
void TestWorkingCalendar::currentStaysValid()
{
    const WorkingCalendar &before = WorkingCalendar::current();
    const bool beforeCovers2027 = before.covers(QDate(2027, 1, 4));
    WorkingCalendar loaded;
    QVERIFY(WorkingCalendar::withYears({"2027-01-04,holiday,测试\n"}, &loaded, nullptr));
    WorkingCalendar::setCurrent(loaded);
    QVERIFY(WorkingCalendar::current().covers(QDate(2027, 1, 4)));
    QCOMPARE(before.covers(QDate(2027, 1, 4)), beforeCovers2027);
    QVERIFY(!before.isWorkingDay(QDate(2026, 10, 1)));
    WorkingCalendar::setCurrent(WorkingCalendar::builtIn());
    QVERIFY(!WorkingCalendar::current().covers(QDate(2027, 1, 4)));
}

QTEST_GUILESS_MAIN(TestWorkingCalendar)
#include "tst_workingcalendar.moc"
