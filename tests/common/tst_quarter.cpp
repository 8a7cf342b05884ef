// Calendar quarters ("2026Q3"): parsing, first and last days, the quarter of a date, order. Table-driven.
#include "common/core/Quarter.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

Quarter q(int year, int number)
{
    return Quarter{year, number};
}

} // namespace

class TestQuarter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quarterParse_data();
    void quarterParse();
    void quarterBounds_data();
    void quarterBounds();
    void quarterOf_data();
    void quarterOf();
    void quarterOrder();
};

// --- Quarters ----------------------------------------------------------------------------------------------

void TestQuarter::quarterParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("number");

    QTest::newRow("2026Q1") << u"2026Q1"_s << true << 2026 << 1;
    QTest::newRow("2026Q4") << u"2026Q4"_s << true << 2026 << 4;
    QTest::newRow("1900Q1 lowest year") << u"1900Q1"_s << true << 1900 << 1;
    QTest::newRow("9999Q4 highest year") << u"9999Q4"_s << true << 9999 << 4;
    QTest::newRow("2026Q5") << u"2026Q5"_s << false << 0 << 0;
    QTest::newRow("2026Q0") << u"2026Q0"_s << false << 0 << 0;
    QTest::newRow("26Q1") << u"26Q1"_s << false << 0 << 0;
    QTest::newRow("empty") << QString() << false << 0 << 0;
    QTest::newRow("2026q1 lower case") << u"2026q1"_s << false << 0 << 0;
    QTest::newRow("leading space") << u" 2026Q1"_s << false << 0 << 0;
    QTest::newRow("trailing space") << u"2026Q1 "_s << false << 0 << 0;
    QTest::newRow("2026-Q1") << u"2026-Q1"_s << false << 0 << 0;
    QTest::newRow("2026Q12") << u"2026Q12"_s << false << 0 << 0;
    QTest::newRow("1899Q4 too early") << u"1899Q4"_s << false << 0 << 0;
    QTest::newRow("letter in year") << u"20a6Q1"_s << false << 0 << 0;
    QTest::newRow("full-width digits") << u"２０２６Q1"_s << false << 0 << 0;
    QTest::newRow("sign") << u"+026Q1"_s << false << 0 << 0;
}

void TestQuarter::quarterParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, year);
    QFETCH(int, number);
    const std::optional<Quarter> parsed = Quarter::parse(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(parsed->year, year);
    QCOMPARE(parsed->number, number);
    QVERIFY(parsed->isValid());
    QCOMPARE(parsed->toString(), text);
}

void TestQuarter::quarterBounds_data()
{
    QTest::addColumn<QString>("quarter");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("chinese");

    QTest::newRow("2026Q1") << u"2026Q1"_s << d(2026, 1, 1) << d(2026, 3, 31) << u"2026Q2"_s << u"2025Q4"_s
                            << u"2026年第一季度"_s;
    QTest::newRow("2026Q2") << u"2026Q2"_s << d(2026, 4, 1) << d(2026, 6, 30) << u"2026Q3"_s << u"2026Q1"_s
                            << u"2026年第二季度"_s;
    QTest::newRow("2026Q3") << u"2026Q3"_s << d(2026, 7, 1) << d(2026, 9, 30) << u"2026Q4"_s << u"2026Q2"_s
                            << u"2026年第三季度"_s;
    QTest::newRow("2026Q4") << u"2026Q4"_s << d(2026, 10, 1) << d(2026, 12, 31) << u"2027Q1"_s << u"2026Q3"_s
                            << u"2026年第四季度"_s;
    QTest::newRow("2025Q4 into 2026") << u"2025Q4"_s << d(2025, 10, 1) << d(2025, 12, 31) << u"2026Q1"_s
                                      << u"2025Q3"_s << u"2025年第四季度"_s;
    QTest::newRow("2024Q1 leap year") << u"2024Q1"_s << d(2024, 1, 1) << d(2024, 3, 31) << u"2024Q2"_s
                                      << u"2023Q4"_s << u"2024年第一季度"_s;
}

void TestQuarter::quarterBounds()
{
    QFETCH(QString, quarter);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, next);
    QFETCH(QString, previous);
    QFETCH(QString, chinese);
    const Quarter qq = *Quarter::parse(quarter);
    QCOMPARE(qq.firstDay(), first);
    QCOMPARE(qq.lastDay(), last);
    QCOMPARE(qq.next().toString(), next);
    QCOMPARE(qq.previous().toString(), previous);
    QCOMPARE(qq.next().previous(), qq);
    QCOMPARE(qq.previous().next(), qq);
    QCOMPARE(qq.chineseName(), chinese);
    QCOMPARE(Quarter::of(first), qq);
    QCOMPARE(Quarter::of(last), qq);
    QCOMPARE(Quarter::of(first.addDays(-1)), qq.previous());
    QCOMPARE(Quarter::of(last.addDays(1)), qq.next());
}

void TestQuarter::quarterOf_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("quarter"); // empty: invalid

    QTest::newRow("Jan 1") << d(2026, 1, 1) << u"2026Q1"_s;
    QTest::newRow("Feb 29 of a leap year") << d(2024, 2, 29) << u"2024Q1"_s;
    QTest::newRow("Mar 31") << d(2026, 3, 31) << u"2026Q1"_s;
    QTest::newRow("Apr 1") << d(2026, 4, 1) << u"2026Q2"_s;
    QTest::newRow("Jun 30") << d(2026, 6, 30) << u"2026Q2"_s;
    QTest::newRow("Jul 1") << d(2026, 7, 1) << u"2026Q3"_s;
    QTest::newRow("Sep 30") << d(2026, 9, 30) << u"2026Q3"_s;
    QTest::newRow("Oct 1") << d(2026, 10, 1) << u"2026Q4"_s;
    QTest::newRow("Dec 31") << d(2026, 12, 31) << u"2026Q4"_s;
    QTest::newRow("invalid date") << QDate() << QString();
}

void TestQuarter::quarterOf()
{
    QFETCH(QDate, date);
    QFETCH(QString, quarter);
    const Quarter qq = Quarter::of(date);
    QCOMPARE(qq.isValid(), !quarter.isEmpty());
    QCOMPARE(qq.toString(), quarter);
}

void TestQuarter::quarterOrder()
{
    QVERIFY(q(2025, 4) < q(2026, 1));
    QVERIFY(q(2026, 1) < q(2026, 2));
    QVERIFY(!(q(2026, 1) < q(2025, 4)));
    QVERIFY(!(q(2026, 3) < q(2026, 3)));
    QVERIFY(!(q(2026, 3) == q(2025, 3)));
    QVERIFY(!Quarter().isValid());
    QVERIFY(Quarter().toString().isEmpty());
    QVERIFY(!Quarter().firstDay().isValid());
}

QTEST_GUILESS_MAIN(TestQuarter)
#include "tst_quarter.moc"
