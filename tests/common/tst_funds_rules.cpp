// The dated rules of the 涉农资金 / 扶贫济困资金 module (regulation Art. 5-7, 22, 27-28; DOMAIN.md rules
// 1-7), table-driven. Working-day dates were counted by hand from resources/calendar/holidays-cn.csv: each
// row's comment lists the working days counted (weekday, "mk" = make-up weekend workday); holidays are
// skipped. None is computed with the code under test.
//
// The holidays used (from the CSV): 2025 春节 01-28..02-04 (mk Sun 01-26, Sat 02-08); 劳动节 05-01..05
// (mk Sun 04-27); 端午 05-31..06-02; 国庆中秋 10-01..08 (mk Sun 09-28, Sat 10-11); 2026 元旦 01-01..03
// (mk Sun 01-04); 春节 02-15..23 (mk Sat 02-14, Sat 02-28); 劳动节 05-01..05 (mk Sat 05-09); 端午 06-19..21;
// 中秋 09-25..27 (mk Sun 09-20); 国庆 10-01..07 (mk Sat 10-10).
#include "common/core/EntryClose.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/FundFlowWarnings.h"
#include "common/funds/FundRules.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::funds;

Q_DECLARE_METATYPE(sunshine::funds::FundKind)
Q_DECLARE_METATYPE(sunshine::funds::PaymentCycle)
Q_DECLARE_METATYPE(sunshine::funds::SourceLevel)
Q_DECLARE_METATYPE(sunshine::funds::EntryStatus)

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

// A moment given in China time (UTC+8), as UTC milliseconds; built with Qt's own offset zone, not with
// the code under test.
qint64 china(int y, int m, int day, int h, int min, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, day), QTime(h, min, s, ms), QTimeZone(8 * 3600)).toMSecsSinceEpoch();
}

qint64 utc(int y, int m, int day, int h, int min, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, day), QTime(h, min, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

const WorkingCalendar &cal()
{
    return WorkingCalendar::builtIn();
}

} // namespace

class TestFundRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void calendarAssumptions();
    void names_data();
    void names();
    void unknownNames();
    void reportDue_data();
    void reportDue();
    void monthly_data();
    void monthly();
    void quarterlyPay_data();
    void quarterlyPay();
    void sevenWorkingDays_data();
    void sevenWorkingDays();
    void documentDue_data();
    void documentDue();
    void deadlines_data();
    void deadlines();
    void status_data();
    void status();
    void statusNames();
    void closesAt_data();
    void closesAt();
    void closed_data();
    void closed();
    void entryCloseTime_data();
    void entryCloseTime();
    void closedForRecord_data();
    void closedForRecord();
    void year_data();
    void year();
    void period_data();
    void period();
    void payOutBy_data();
    void payOutBy();
};

// The rows below rely on these days of the built-in calendar; if the CSV changes, this fails first.
void TestFundRules::calendarAssumptions()
{
    QVERIFY(cal().isMakeUpWorkday(d(2025, 9, 28)));
    QVERIFY(cal().isMakeUpWorkday(d(2025, 10, 11)));
    QVERIFY(cal().isHoliday(d(2025, 10, 8)));
    QVERIFY(cal().isMakeUpWorkday(d(2026, 2, 14)));
    QVERIFY(cal().isMakeUpWorkday(d(2026, 2, 28)));
    QVERIFY(cal().isHoliday(d(2026, 2, 20)));
    QVERIFY(cal().isHoliday(d(2026, 2, 23)));
    QVERIFY(cal().isMakeUpWorkday(d(2026, 1, 4)));
    QVERIFY(cal().isMakeUpWorkday(d(2026, 5, 9)));
}

// --- Names -------------------------------------------------------------------------------------------------

void TestFundRules::names_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("chinese");

    QTest::newRow("kind fiscal") << u"kind"_s << int(FundKind::ReliefFiscal) << u"relief-fiscal"_s
                                 << u"财政扶贫济困资金"_s;
    QTest::newRow("kind donation") << u"kind"_s << int(FundKind::ReliefDonation) << u"relief-donation"_s
                                   << u"社会捐助资金"_s;
    QTest::newRow("kind other") << u"kind"_s << int(FundKind::ReliefOther) << u"relief-other"_s
                                << u"其他扶贫济困资金"_s;
    QTest::newRow("kind agricultural")
        << u"kind"_s << int(FundKind::Agricultural) << u"agricultural"_s << u"涉农资金"_s;
    QTest::newRow("cycle monthly") << u"cycle"_s << int(PaymentCycle::Monthly) << u"monthly"_s << u"按月"_s;
    QTest::newRow("cycle quarterly") << u"cycle"_s << int(PaymentCycle::Quarterly) << u"quarterly"_s
                                     << u"按季"_s;
    QTest::newRow("cycle once") << u"cycle"_s << int(PaymentCycle::Once) << u"once"_s << u"一次性"_s;
    QTest::newRow("cycle per project")
        << u"cycle"_s << int(PaymentCycle::PerProject) << u"per-project"_s << u"按项目"_s;
    QTest::newRow("level central") << u"level"_s << int(SourceLevel::Central) << u"central"_s << u"中央"_s;
    QTest::newRow("level provincial")
        << u"level"_s << int(SourceLevel::Provincial) << u"provincial"_s << u"省级"_s;
    QTest::newRow("level city") << u"level"_s << int(SourceLevel::City) << u"city"_s << u"市级"_s;
    QTest::newRow("level county") << u"level"_s << int(SourceLevel::County) << u"county"_s << u"县级"_s;
}

void TestFundRules::names()
{
    QFETCH(QString, type);
    QFETCH(int, value);
    QFETCH(QString, wire);
    QFETCH(QString, chinese);
    if (type == u"kind"_s) {
        const auto v = FundKind(value);
        QCOMPARE(fundKindName(v), wire);
        QCOMPARE(fundKindChineseName(v), chinese);
        QVERIFY(fundKindFromName(wire) == std::optional<FundKind>(v));
        QCOMPARE(isReliefFund(v), v != FundKind::Agricultural);
    } else if (type == u"cycle"_s) {
        const auto v = PaymentCycle(value);
        QCOMPARE(paymentCycleName(v), wire);
        QCOMPARE(paymentCycleChineseName(v), chinese);
        QVERIFY(paymentCycleFromName(wire) == std::optional<PaymentCycle>(v));
    } else {
        const auto v = SourceLevel(value);
        QCOMPARE(sourceLevelName(v), wire);
        QCOMPARE(sourceLevelChineseName(v), chinese);
        QVERIFY(sourceLevelFromName(wire) == std::optional<SourceLevel>(v));
    }
}

void TestFundRules::unknownNames()
{
    QVERIFY(!fundKindFromName(u"relief"_s));
    QVERIFY(!fundKindFromName(u"Agricultural"_s));
    QVERIFY(!paymentCycleFromName(u"yearly"_s));
    QVERIFY(!paymentCycleFromName(QString()));
    QVERIFY(!sourceLevelFromName(u"town"_s));
}

// --- Rule 1: report of provincial-or-higher money within 5 working days ------------------------------------

void TestFundRules::reportDue_data()
{
    QTest::addColumn<QDate>("received");
    QTest::addColumn<FundKind>("kind");
    QTest::addColumn<SourceLevel>("level");
    QTest::addColumn<bool>("hasReport");
    QTest::addColumn<QDate>("due");

    // Tue before National Day: 10-01..08 off; Thu 10-09, Fri 10-10, mk Sat 10-11, Mon 10-13, Tue 10-14. The
    // make-up Sunday 09-28 lies before the receipt and does not count.
    QTest::newRow("2025-09-30 before National Day")
        << d(2025, 9, 30) << FundKind::ReliefFiscal << SourceLevel::Provincial << true << d(2025, 10, 14);
    // Fri: mk Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10.
    QTest::newRow("2025-09-26 counts mk Sun 09-28")
        << d(2025, 9, 26) << FundKind::ReliefFiscal << SourceLevel::Central << true << d(2025, 10, 10);
    // Received on the make-up Sunday: Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10, mk Sat 10-11.
    QTest::newRow("2025-09-28 received on mk Sunday")
        << d(2025, 9, 28) << FundKind::ReliefFiscal << SourceLevel::Provincial << true << d(2025, 10, 11);
    // Received on a holiday: Thu 10-09, Fri 10-10, mk Sat 10-11, Mon 10-13, Tue 10-14.
    QTest::newRow("2025-10-03 received on holiday")
        << d(2025, 10, 3) << FundKind::ReliefFiscal << SourceLevel::Central << true << d(2025, 10, 14);
    // Ordinary week: Mon 03-03 -> Tue..Fri 03-04..07, Mon 03-10.
    QTest::newRow("2025-03-03 ordinary week")
        << d(2025, 3, 3) << FundKind::ReliefFiscal << SourceLevel::Provincial << true << d(2025, 3, 10);
    // Wed before Labour Day 2025: 05-01..05 off; Tue 05-06, 07, 08, Fri 05-09, Mon 05-12.
    QTest::newRow("2025-04-30 before Labour Day")
        << d(2025, 4, 30) << FundKind::ReliefFiscal << SourceLevel::Central << true << d(2025, 5, 12);
    // Fri: mk Sun 04-27, Mon 28, Tue 29, Wed 30, Tue 05-06.
    QTest::newRow("2025-04-25 counts mk Sun 04-27")
        << d(2025, 4, 25) << FundKind::ReliefFiscal << SourceLevel::Provincial << true << d(2025, 5, 6);
    // Thu before Spring Festival 2026: Fri 02-13, mk Sat 02-14, 02-15..23 off, Tue 02-24, Wed 25, Thu 26.
    QTest::newRow("2026-02-12 across Spring Festival")
        << d(2026, 2, 12) << FundKind::ReliefFiscal << SourceLevel::Provincial << true << d(2026, 2, 26);
    // New Year's Eve: 01-01..03 off; mk Sun 01-04, Mon 05, Tue 06, Wed 07, Thu 08.
    QTest::newRow("2025-12-31 across New Year")
        << d(2025, 12, 31) << FundKind::ReliefFiscal << SourceLevel::Central << true << d(2026, 1, 8);
    // Thu before 中秋 2026 (09-25..27 off): Mon 09-28, Tue 29, Wed 30, 10-01..07 off, Thu 10-08, Fri 10-09.
    QTest::newRow("2026-09-24 across 中秋 and National Day")
        << d(2026, 9, 24) << FundKind::ReliefFiscal << SourceLevel::Provincial << true << d(2026, 10, 9);
    QTest::newRow("city money: no report")
        << d(2025, 9, 30) << FundKind::ReliefFiscal << SourceLevel::City << false << QDate();
    QTest::newRow("county money: no report")
        << d(2025, 9, 30) << FundKind::ReliefFiscal << SourceLevel::County << false << QDate();
    // Art. 6 (一) is about relief funds (扶贫济困资金): provincial agricultural money has no report.
    QTest::newRow("provincial agricultural money: no report")
        << d(2025, 9, 30) << FundKind::Agricultural << SourceLevel::Provincial << false << QDate();
    QTest::newRow("central donations: reported")
        << d(2025, 3, 3) << FundKind::ReliefDonation << SourceLevel::Central << true << d(2025, 3, 10);
    QTest::newRow("invalid receipt date")
        << QDate() << FundKind::ReliefFiscal << SourceLevel::Central << true << QDate();
}

void TestFundRules::reportDue()
{
    QFETCH(QDate, received);
    QFETCH(FundKind, kind);
    QFETCH(SourceLevel, level);
    QFETCH(bool, hasReport);
    QFETCH(QDate, due);
    const std::optional<QDate> got = funds::reportDue(received, kind, level, cal());
    QCOMPARE(got.has_value(), hasReport);
    if (hasReport)
        QCOMPARE(*got, due);
}

// --- Rule 2: monthly payments by the 15th, entry by the 20th
// ------------------------------------------------

void TestFundRules::monthly_data()
{
    QTest::addColumn<QDate>("month");
    QTest::addColumn<QDate>("payBy");
    QTest::addColumn<QDate>("enterBy");

    // Fixed dates stay calendar dates even on weekends and holidays.
    QTest::newRow("2025-06: 15th is a Sunday") << d(2025, 6, 1) << d(2025, 6, 15) << d(2025, 6, 20);
    QTest::newRow("2026-02: 15th and 20th in Spring Festival")
        << d(2026, 2, 1) << d(2026, 2, 15) << d(2026, 2, 20);
    QTest::newRow("2025-10: ordinary Wed / Mon") << d(2025, 10, 1) << d(2025, 10, 15) << d(2025, 10, 20);
    QTest::newRow("2026-09 given mid-month; 20th is mk Sun")
        << d(2026, 9, 17) << d(2026, 9, 15) << d(2026, 9, 20);
    QTest::newRow("2025-12: 20th is a Saturday") << d(2025, 12, 31) << d(2025, 12, 15) << d(2025, 12, 20);
    QTest::newRow("invalid month") << QDate() << QDate() << QDate();
}

void TestFundRules::monthly()
{
    QFETCH(QDate, month);
    QFETCH(QDate, payBy);
    QFETCH(QDate, enterBy);
    QCOMPARE(paymentDue(month), payBy);
    QCOMPARE(entryDue(month), enterBy);
}

// --- Rule 3: quarterly payments in the quarter's first month
// ------------------------------------------------

void TestFundRules::quarterlyPay_data()
{
    QTest::addColumn<QDate>("quarter");
    QTest::addColumn<QDate>("payBy");

    QTest::newRow("2025Q1: 01-31 is a Spring Festival holiday, not moved") << d(2025, 1, 1) << d(2025, 1, 31);
    QTest::newRow("2025Q4") << d(2025, 10, 1) << d(2025, 10, 31);
    QTest::newRow("2026Q1: 01-31 is a Saturday, not moved") << d(2026, 1, 1) << d(2026, 1, 31);
    QTest::newRow("2026Q2 given a day in May") << d(2026, 5, 20) << d(2026, 4, 30);
    QTest::newRow("2026Q3") << d(2026, 7, 1) << d(2026, 7, 31);
    QTest::newRow("invalid") << QDate() << QDate();
}

void TestFundRules::quarterlyPay()
{
    QFETCH(QDate, quarter);
    QFETCH(QDate, payBy);
    QCOMPARE(quarterlyPaymentDue(quarter), payBy);
}

// --- Rules 3 and 5: entry within 7 working days of payment
// --------------------------------------------------

void TestFundRules::sevenWorkingDays_data()
{
    QTest::addColumn<QDate>("paidOn");
    QTest::addColumn<QDate>("due");

    // Thu: Fri 16, Mon 19, Tue 20, Wed 21, Thu 22, Fri 23, Mon 26.
    QTest::newRow("2026-01-15 ordinary") << d(2026, 1, 15) << d(2026, 1, 26);
    // Thu after National Day: Fri 10-10, mk Sat 10-11, Mon 13, 14, 15, 16, Fri 17.
    QTest::newRow("2025-10-09 counts mk Sat 10-11") << d(2025, 10, 9) << d(2025, 10, 17);
    // Fri before Spring Festival 2025: mk Sun 01-26, Mon 01-27, 01-28..02-04 off, Wed 02-05, Thu 06, Fri 07,
    // mk Sat 02-08, Mon 02-10.
    QTest::newRow("2025-01-24 across Spring Festival 2025") << d(2025, 1, 24) << d(2025, 2, 10);
    // Paid on the make-up Sunday: Mon 05, 06, 07, 08, Fri 09, Mon 12, Tue 13.
    QTest::newRow("2026-01-04 paid on mk Sunday") << d(2026, 1, 4) << d(2026, 1, 13);
    // Thu before Spring Festival 2026: Fri 13, mk Sat 14, (15..23 off), Tue 24, 25, 26, Fri 27, mk Sat 28.
    QTest::newRow("2026-02-12 across Spring Festival 2026") << d(2026, 2, 12) << d(2026, 2, 28);
    // Fri: mk Sat 14, Tue 24, 25, 26, 27, mk Sat 28, Mon 03-02.
    QTest::newRow("2026-02-13 across Spring Festival 2026") << d(2026, 2, 13) << d(2026, 3, 2);
    // Paid on a holiday: Tue 24, 25, 26, 27, mk Sat 28, Mon 03-02, Tue 03-03.
    QTest::newRow("2026-02-16 paid on a holiday") << d(2026, 2, 16) << d(2026, 3, 3);
    // Thu before Labour Day 2026: 05-01..05 off; Wed 06, Thu 07, Fri 08, mk Sat 09, Mon 11, Tue 12, Wed 13.
    QTest::newRow("2026-04-30 across Labour Day 2026") << d(2026, 4, 30) << d(2026, 5, 13);
    // Thu before 端午 2026 (06-19..21 off): Mon 22, 23, 24, 25, Fri 26, Mon 29, Tue 30.
    QTest::newRow("2026-06-18 across 端午 2026") << d(2026, 6, 18) << d(2026, 6, 30);
    QTest::newRow("invalid") << QDate() << QDate();
}

void TestFundRules::sevenWorkingDays()
{
    QFETCH(QDate, paidOn);
    QFETCH(QDate, due);
    QCOMPARE(quarterlyEntryDue(paidOn, cal()), due);
    QCOMPARE(agriculturalEntryDue(paidOn, cal()), due);
}

// --- Rule 7: documents within 5 working days
// -----------------------------------------------------------------

void TestFundRules::documentDue_data()
{
    QTest::addColumn<QDate>("finished");
    QTest::addColumn<QDate>("due");

    // As the report row: Thu 10-09, Fri 10-10, mk Sat 10-11, Mon 13, Tue 14.
    QTest::newRow("2025-09-30 before National Day") << d(2025, 9, 30) << d(2025, 10, 14);
    // Fri before 端午 2025 (05-31..06-02 off): Tue 06-03, 04, 05, Fri 06, Mon 09.
    QTest::newRow("2025-05-30 across 端午 2025") << d(2025, 5, 30) << d(2025, 6, 9);
    // Finished on New Year's Day: mk Sun 01-04, Mon 05, 06, 07, Thu 08.
    QTest::newRow("2026-01-01 finished on a holiday") << d(2026, 1, 1) << d(2026, 1, 8);
    // Fri: mk Sun 09-20, Mon 21, 22, 23, Thu 24.
    QTest::newRow("2026-09-18 counts mk Sun 09-20") << d(2026, 9, 18) << d(2026, 9, 24);
    // Fri after National Day 2026: mk Sat 10-10, Mon 12, 13, 14, Thu 15.
    QTest::newRow("2026-10-09 counts mk Sat 10-10") << d(2026, 10, 9) << d(2026, 10, 15);
}

void TestFundRules::documentDue()
{
    QFETCH(QDate, finished);
    QFETCH(QDate, due);
    QCOMPARE(funds::documentDue(finished, cal()), due);
}

// --- The single entry point
// ----------------------------------------------------------------------------------

void TestFundRules::deadlines_data()
{
    QTest::addColumn<FundKind>("kind");
    QTest::addColumn<PaymentCycle>("cycle");
    QTest::addColumn<QDate>("period");
    QTest::addColumn<QDate>("paidOn"); // invalid: not paid (std::nullopt)
    QTest::addColumn<QDate>("payBy");  // invalid: no payBy
    QTest::addColumn<QDate>("enterBy");

    QTest::newRow("relief monthly 2026-02, 20th a holiday stays")
        << FundKind::ReliefFiscal << PaymentCycle::Monthly << d(2026, 2, 1) << d(2026, 2, 10)
        << d(2026, 2, 15) << d(2026, 2, 20);
    QTest::newRow("relief monthly unpaid") << FundKind::ReliefDonation << PaymentCycle::Monthly
                                           << d(2025, 6, 1) << QDate() << d(2025, 6, 15) << d(2025, 6, 19);
    QTest::newRow("relief monthly paid late: entry date not moved")
        << FundKind::ReliefOther << PaymentCycle::Monthly << d(2026, 3, 1) << d(2026, 3, 25) << d(2026, 3, 15)
        << d(2026, 3, 19);
    QTest::newRow("relief monthly, period mid-month")
        << FundKind::ReliefFiscal << PaymentCycle::Monthly << d(2026, 9, 17) << QDate() << d(2026, 9, 15)
        << d(2026, 9, 19);
    QTest::newRow("relief monthly without period")
        << FundKind::ReliefFiscal << PaymentCycle::Monthly << QDate() << d(2026, 9, 1) << QDate() << QDate();
    // 2026-01-15 + 7 working days = 01-26 (see sevenWorkingDays).
    QTest::newRow("relief quarterly paid in first month")
        << FundKind::ReliefFiscal << PaymentCycle::Quarterly << d(2026, 1, 1) << d(2026, 1, 15)
        << d(2026, 1, 31) << d(2026, 1, 26);
    QTest::newRow("relief quarterly unpaid: no entry date yet")
        << FundKind::ReliefFiscal << PaymentCycle::Quarterly << d(2026, 1, 1) << QDate() << d(2026, 1, 31)
        << QDate();
    QTest::newRow("relief quarterly 2025Q4 paid after National Day")
        << FundKind::ReliefDonation << PaymentCycle::Quarterly << d(2025, 10, 1) << d(2025, 10, 9)
        << d(2025, 10, 31) << d(2025, 10, 17);
    QTest::newRow("relief quarterly paid late across Spring Festival")
        << FundKind::ReliefDonation << PaymentCycle::Quarterly << d(2026, 1, 1) << d(2026, 2, 13)
        << d(2026, 1, 31) << d(2026, 3, 2);
    // Mon 03-16 + 7: Tue 17, 18, 19, Fri 20, Mon 23, 24, Wed 25 -> capped at the quarter close, Fri 03-20.
    QTest::newRow("relief quarterly paid very late: capped at 03-19")
        << FundKind::ReliefFiscal << PaymentCycle::Quarterly << d(2026, 1, 1) << d(2026, 3, 16)
        << d(2026, 1, 31) << d(2026, 3, 19);
    QTest::newRow("relief quarterly 2025Q1 across Spring Festival 2025")
        << FundKind::ReliefOther << PaymentCycle::Quarterly << d(2025, 1, 1) << d(2025, 1, 24)
        << d(2025, 1, 31) << d(2025, 2, 10);
    QTest::newRow("agricultural monthly: no payBy, 7 working days")
        << FundKind::Agricultural << PaymentCycle::Monthly << d(2026, 2, 1) << d(2026, 2, 12) << QDate()
        << d(2026, 2, 28);
    QTest::newRow("agricultural quarterly unpaid") << FundKind::Agricultural << PaymentCycle::Quarterly
                                                   << d(2026, 1, 1) << QDate() << QDate() << QDate();
    QTest::newRow("agricultural once without period")
        << FundKind::Agricultural << PaymentCycle::Once << QDate() << d(2026, 6, 18) << QDate()
        << d(2026, 6, 30);
    // Same payment as the capped relief row: agricultural funds have no quarter close -> Wed 03-25.
    QTest::newRow("agricultural per project: not capped")
        << FundKind::Agricultural << PaymentCycle::PerProject << d(2026, 1, 1) << d(2026, 3, 16) << QDate()
        << d(2026, 3, 25);
    // Art. 7: 5 working days, as documentDue.
    QTest::newRow("relief once, no period: 5 working days")
        << FundKind::ReliefFiscal << PaymentCycle::Once << QDate() << d(2025, 9, 30) << QDate()
        << d(2025, 10, 14);
    // Thu 04-30 + 5: Wed 05-06, Thu 07, Fri 08, mk Sat 09, Mon 11.
    QTest::newRow("relief per project across Labour Day 2026")
        << FundKind::ReliefOther << PaymentCycle::PerProject << d(2026, 4, 1) << d(2026, 4, 30) << QDate()
        << d(2026, 5, 11);
    // Thu 09-18 + 5: Fri 19, Mon 22, 23, 24, Thu 25 -> capped at the 2025Q3 close, Sat 09-20.
    QTest::newRow("relief once capped at 2025-09-19 (the close is on Saturday the 20th)")
        << FundKind::ReliefDonation << PaymentCycle::Once << d(2025, 9, 1) << d(2025, 9, 18) << QDate()
        << d(2025, 9, 19);
    QTest::newRow("relief monthly, not a quarter's last month: the 20th")
        << FundKind::ReliefDonation << PaymentCycle::Monthly << d(2026, 4, 1) << QDate() << d(2026, 4, 15)
        << d(2026, 4, 20);
    QTest::newRow("relief once unpaid")
        << FundKind::ReliefFiscal << PaymentCycle::Once << d(2026, 1, 1) << QDate() << QDate() << QDate();
}

void TestFundRules::deadlines()
{
    QFETCH(FundKind, kind);
    QFETCH(PaymentCycle, cycle);
    QFETCH(QDate, period);
    QFETCH(QDate, paidOn);
    QFETCH(QDate, payBy);
    QFETCH(QDate, enterBy);
    const std::optional<QDate> paid = paidOn.isValid() ? std::optional<QDate>(paidOn) : std::nullopt;
    const Deadlines got = disbursementDeadlines(kind, cycle, period, paid, cal());
    QCOMPARE(got.payBy.has_value(), payBy.isValid());
    if (payBy.isValid())
        QCOMPARE(*got.payBy, payBy);
    QCOMPARE(got.enterBy.has_value(), enterBy.isValid());
    if (enterBy.isValid())
        QCOMPARE(*got.enterBy, enterBy);
}

// --- Entry status
// --------------------------------------------------------------------------------------------

void TestFundRules::status_data()
{
    QTest::addColumn<QDate>("due");
    QTest::addColumn<QDate>("enteredOn"); // invalid: not entered
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("dueSoon");
    QTest::addColumn<EntryStatus>("expected");

    // Due Fri 2026-02-20, a Spring Festival holiday.
    QTest::newRow("entered before due")
        << d(2026, 2, 20) << d(2026, 2, 12) << d(2026, 3, 1) << 2 << EntryStatus::OnTime;
    QTest::newRow("entered on the due day")
        << d(2026, 2, 20) << d(2026, 2, 20) << d(2026, 3, 1) << 2 << EntryStatus::OnTime;
    QTest::newRow("entered after due")
        << d(2026, 2, 20) << d(2026, 2, 24) << d(2026, 3, 1) << 2 << EntryStatus::EnteredLate;
    QTest::newRow("entered late, today still before due (entered wins)")
        << d(2026, 1, 26) << d(2026, 1, 27) << d(2026, 1, 20) << 2 << EntryStatus::EnteredLate;
    QTest::newRow("not entered, day after due")
        << d(2026, 2, 20) << QDate() << d(2026, 2, 21) << 2 << EntryStatus::Overdue;
    QTest::newRow("not entered, due today (a holiday)")
        << d(2026, 2, 20) << QDate() << d(2026, 2, 20) << 2 << EntryStatus::DueSoon;
    // (02-13, 02-20]: mk Sat 02-14 only -> 1.
    QTest::newRow("Fri 02-13: 1 working day left")
        << d(2026, 2, 20) << QDate() << d(2026, 2, 13) << 2 << EntryStatus::DueSoon;
    // (02-12, 02-20]: Fri 13, mk Sat 14 -> 2.
    QTest::newRow("Thu 02-12: 2 working days left")
        << d(2026, 2, 20) << QDate() << d(2026, 2, 12) << 2 << EntryStatus::DueSoon;
    // (02-11, 02-20]: Thu 12, Fri 13, mk Sat 14 -> 3.
    QTest::newRow("Wed 02-11: 3 working days left")
        << d(2026, 2, 20) << QDate() << d(2026, 2, 11) << 2 << EntryStatus::OnTime;
    // Due Tue 2025-10-14. (09-30, 10-14]: 10-09, 10, mk 11, 13, 14 -> 5.
    QTest::newRow("before National Day: 5 working days left")
        << d(2025, 10, 14) << QDate() << d(2025, 9, 30) << 2 << EntryStatus::OnTime;
    QTest::newRow("on a holiday: 5 working days left")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 3) << 2 << EntryStatus::OnTime;
    // (10-10, 10-14]: mk Sat 11, Mon 13, Tue 14 -> 3.
    QTest::newRow("Fri 10-10: 3 working days left")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 10) << 2 << EntryStatus::OnTime;
    // (10-11, 10-14]: Mon 13, Tue 14 -> 2.
    QTest::newRow("mk Sat 10-11: 2 working days left")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 11) << 2 << EntryStatus::DueSoon;
    QTest::newRow("Sun 10-12: 2 working days left")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 12) << 2 << EntryStatus::DueSoon;
    QTest::newRow("day after, overdue")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 15) << 2 << EntryStatus::Overdue;
    // (10-13, 10-14]: 1 working day; due-soon threshold 0 -> on time, 1 -> due soon.
    QTest::newRow("threshold 0, 1 day left")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 13) << 0 << EntryStatus::OnTime;
    QTest::newRow("threshold 1, 1 day left")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 13) << 1 << EntryStatus::DueSoon;
    QTest::newRow("threshold 0, due today")
        << d(2025, 10, 14) << QDate() << d(2025, 10, 14) << 0 << EntryStatus::DueSoon;
    // (09-30, 10-09]: only Thu 10-09 -> 1, nine calendar days away.
    QTest::newRow("long holiday: 1 working day in 9 days")
        << d(2025, 10, 9) << QDate() << d(2025, 9, 30) << 2 << EntryStatus::DueSoon;
    // Due Sun 2025-06-15 (a fixed monthly date). (06-13, 06-15]: none -> 0.
    QTest::newRow("due on a Sunday, Fri before")
        << d(2025, 6, 15) << QDate() << d(2025, 6, 13) << 2 << EntryStatus::DueSoon;
    // (06-10, 06-15]: Wed 11, Thu 12, Fri 13 -> 3.
    QTest::newRow("due on a Sunday, Tue before")
        << d(2025, 6, 15) << QDate() << d(2025, 6, 10) << 2 << EntryStatus::OnTime;
    QTest::newRow("entered late long ago")
        << d(2025, 6, 20) << d(2025, 7, 1) << d(2025, 12, 1) << 2 << EntryStatus::EnteredLate;
    QTest::newRow("no deadline, not entered")
        << QDate() << QDate() << d(2026, 1, 1) << 2 << EntryStatus::OnTime;
    QTest::newRow("no deadline, entered")
        << QDate() << d(2026, 1, 1) << d(2026, 1, 1) << 2 << EntryStatus::OnTime;
}

void TestFundRules::status()
{
    QFETCH(QDate, due);
    QFETCH(QDate, enteredOn);
    QFETCH(QDate, today);
    QFETCH(int, dueSoon);
    QFETCH(EntryStatus, expected);
    const std::optional<QDate> entered = enteredOn.isValid() ? std::optional<QDate>(enteredOn) : std::nullopt;
    QCOMPARE(entryStatus(due, entered, today, cal(), dueSoon), expected);
    if (dueSoon == 2)
        QCOMPARE(entryStatus(due, entered, today, cal()), expected);
}

void TestFundRules::statusNames()
{
    QCOMPARE(entryStatusChinese(EntryStatus::OnTime), u"按时"_s);
    QCOMPARE(entryStatusChinese(EntryStatus::DueSoon), u"即将到期"_s);
    QCOMPARE(entryStatusChinese(EntryStatus::Overdue), u"已逾期"_s);
    QCOMPARE(entryStatusChinese(EntryStatus::EnteredLate), u"逾期录入"_s);
    QCOMPARE(entryStatusName(EntryStatus::OnTime), u"on-time"_s);
    QCOMPARE(entryStatusName(EntryStatus::DueSoon), u"due-soon"_s);
    QCOMPARE(entryStatusName(EntryStatus::Overdue), u"overdue"_s);
    QCOMPARE(entryStatusName(EntryStatus::EnteredLate), u"entered-late"_s);
}

// --- Rule 4: the quarterly close
// -----------------------------------------------------------------------------

void TestFundRules::closesAt_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("quarter");
    QTest::addColumn<qint64>("closesAt"); // 00:00 China time on the 20th = 16:00 UTC on the 19th
    QTest::addColumn<QDate>("closesOn");

    QTest::newRow("2026Q1") << 2026 << 1 << utc(2026, 3, 19, 16, 0) << d(2026, 3, 20);
    QTest::newRow("2026Q2 (06-20 a Saturday, not moved)")
        << 2026 << 2 << utc(2026, 6, 19, 16, 0) << d(2026, 6, 20);
    QTest::newRow("2025Q3 (09-20 a Saturday)") << 2025 << 3 << utc(2025, 9, 19, 16, 0) << d(2025, 9, 20);
    QTest::newRow("2025Q4") << 2025 << 4 << utc(2025, 12, 19, 16, 0) << d(2025, 12, 20);
    QTest::newRow("quarter 0 invalid") << 2026 << 0 << qint64(0) << QDate();
    QTest::newRow("quarter 5 invalid") << 2026 << 5 << qint64(0) << QDate();
}

void TestFundRules::closesAt()
{
    QFETCH(int, year);
    QFETCH(int, quarter);
    QFETCH(qint64, closesAt);
    QFETCH(QDate, closesOn);
    QCOMPARE(reliefEntryClosesAtMs(year, quarter), closesAt);
    QCOMPARE(reliefEntryClosesOn(year, quarter), closesOn);
}

// Art. 6 (三) "closes on the 20th" read as Art. 20 "closes on the 11th" is: the named day is closed from the
// close moment (EntryClose, 00:00 by default; a server setting may move it, 24:00 keeping the day open).
void TestFundRules::closed_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("quarter");
    QTest::addColumn<QString>("closeTime");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<bool>("closed");

    const QString midnight = u"00:00"_s;
    QTest::newRow("2026Q1 on the 19th 23:59:59 China")
        << 2026 << 1 << midnight << china(2026, 3, 19, 23, 59, 59) << false;
    QTest::newRow("2026Q1 last millisecond")
        << 2026 << 1 << midnight << china(2026, 3, 19, 23, 59, 59, 999) << false;
    QTest::newRow("2026Q1 on the 20th 00:00 China")
        << 2026 << 1 << midnight << china(2026, 3, 20, 0, 0) << true;
    QTest::newRow("2026Q1 19th 15:59 UTC (23:59 China)")
        << 2026 << 1 << midnight << utc(2026, 3, 19, 15, 59) << false;
    QTest::newRow("2026Q1 19th 16:00 UTC (20th China)")
        << 2026 << 1 << midnight << utc(2026, 3, 19, 16, 0) << true;
    QTest::newRow("2026Q1 early in the quarter") << 2026 << 1 << midnight << china(2026, 1, 5, 9, 0) << false;
    QTest::newRow("2026Q1 next quarter") << 2026 << 1 << midnight << china(2026, 4, 7, 9, 0) << true;
    QTest::newRow("2025Q4 19th 23:59 China") << 2025 << 4 << midnight << china(2025, 12, 19, 23, 59) << false;
    QTest::newRow("2025Q4 20th 08:00 China") << 2025 << 4 << midnight << china(2025, 12, 20, 8, 0) << true;
    QTest::newRow("2025Q4 in the new year") << 2025 << 4 << midnight << china(2026, 1, 4, 10, 0) << true;
    QTest::newRow("2026Q2 Friday 06-19 noon") << 2026 << 2 << midnight << china(2026, 6, 19, 12, 0) << false;
    QTest::newRow("2026Q2 Saturday 06-20 00:00 (not moved)")
        << 2026 << 2 << midnight << china(2026, 6, 20, 0, 0) << true;
    QTest::newRow("invalid quarter") << 2026 << 0 << midnight << china(2026, 1, 5, 9, 0) << true;
    // The setting: 17:30 on the day, or the whole day open (24:00).
    QTest::newRow("17:30: the 20th at 17:29")
        << 2026 << 1 << u"17:30"_s << china(2026, 3, 20, 17, 29) << false;
    QTest::newRow("17:30: the 20th at 17:30")
        << 2026 << 1 << u"17:30"_s << china(2026, 3, 20, 17, 30) << true;
    QTest::newRow("24:00: the 20th at 23:59")
        << 2026 << 1 << u"24:00"_s << china(2026, 3, 20, 23, 59) << false;
    QTest::newRow("24:00: the 21st at 00:00") << 2026 << 1 << u"24:00"_s << china(2026, 3, 21, 0, 0) << true;
}

void TestFundRules::closed()
{
    QFETCH(int, year);
    QFETCH(int, quarter);
    QFETCH(QString, closeTime);
    QFETCH(qint64, at);
    QFETCH(bool, closed);
    const std::optional<int> minute = EntryClose::parse(closeTime);
    QVERIFY(minute);
    EntryClose::setMinuteOfDay(*minute);
    const std::optional<QString> problem = reliefEntryClosedProblem(year, quarter, at);
    EntryClose::setMinuteOfDay(0);
    QCOMPARE(problem.has_value(), closed);
    if (closed && quarter >= 1 && quarter <= 4)
        QVERIFY2(
            problem->contains(reliefEntryClosesOn(year, quarter).toString(Qt::ISODate) + u' ' + closeTime),
            qPrintable(*problem));
}

void TestFundRules::entryCloseTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minute"); // -1: refused
    QTest::newRow("midnight") << u"00:00"_s << 0;
    QTest::newRow("short hour") << u"8:05"_s << 485;
    QTest::newRow("end of day") << u"24:00"_s << 1440;
    QTest::newRow("past the end") << u"24:01"_s << -1;
    QTest::newRow("25 o'clock") << u"25:00"_s << -1;
    QTest::newRow("no minutes") << u"17"_s << -1;
    QTest::newRow("60 minutes") << u"17:60"_s << -1;
    QTest::newRow("text") << u"noon"_s << -1;
}

void TestFundRules::entryCloseTime()
{
    QFETCH(QString, text);
    QFETCH(int, minute);
    const std::optional<int> parsed = EntryClose::parse(text);
    QCOMPARE(parsed.value_or(-1), minute);
    if (parsed)
        QCOMPARE(EntryClose::parse(EntryClose::format(*parsed)), parsed);
}

void TestFundRules::closedForRecord_data()
{
    QTest::addColumn<FundKind>("kind");
    QTest::addColumn<QDate>("period");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<bool>("closed");

    QTest::newRow("agricultural: no close")
        << FundKind::Agricultural << d(2026, 1, 1) << china(2026, 3, 25, 9, 0) << false;
    QTest::newRow("donation, period Feb, 21st of March")
        << FundKind::ReliefDonation << d(2026, 2, 1) << china(2026, 3, 21, 0, 0) << true;
    QTest::newRow("fiscal, period mid-March, 19th 23:59")
        << FundKind::ReliefFiscal << d(2026, 3, 15) << china(2026, 3, 19, 23, 59) << false;
    QTest::newRow("fiscal, period mid-March, 20th 00:00")
        << FundKind::ReliefFiscal << d(2026, 3, 15) << china(2026, 3, 20, 0, 0) << true;
    QTest::newRow("other, 2025Q4 in January")
        << FundKind::ReliefOther << d(2025, 10, 1) << china(2026, 1, 5, 9, 0) << true;
    QTest::newRow("relief without period")
        << FundKind::ReliefOther << QDate() << china(2026, 1, 5, 9, 0) << true;
}

void TestFundRules::closedForRecord()
{
    QFETCH(FundKind, kind);
    QFETCH(QDate, period);
    QFETCH(qint64, at);
    QFETCH(bool, closed);
    QCOMPARE(reliefEntryClosedProblem(kind, period, at).has_value(), closed);
}

// --- Rule 6: no payment crosses the year
// ---------------------------------------------------------------------

void TestFundRules::year_data()
{
    QTest::addColumn<QDate>("paidOn");
    QTest::addColumn<QDate>("enteredOn");
    QTest::addColumn<QString>("problemContains"); // empty: no problem

    QTest::newRow("paid 2025-12-30, entered on mk Sun 2026-01-04")
        << d(2025, 12, 30) << d(2026, 1, 4) << u"2025年度"_s;
    QTest::newRow("paid and entered on New Year's Eve") << d(2025, 12, 31) << d(2025, 12, 31) << QString();
    QTest::newRow("paid 2025-12-31, entered on the holiday 01-01")
        << d(2025, 12, 31) << d(2026, 1, 1) << u"2026-01-01"_s;
    QTest::newRow("paid on a holiday 2026-01-01, entered 01-04")
        << d(2026, 1, 1) << d(2026, 1, 4) << QString();
    QTest::newRow("whole year apart, same year") << d(2025, 1, 1) << d(2025, 12, 31) << QString();
    QTest::newRow("paid 2024-12-31, entered 2025-01-02") << d(2024, 12, 31) << d(2025, 1, 2) << u"2024年度"_s;
    QTest::newRow("payment date in the next year") << d(2026, 1, 2) << d(2025, 12, 31) << u"2025年度"_s;
    QTest::newRow("no payment date") << QDate() << d(2026, 1, 4) << u"发放日期"_s;
    QTest::newRow("no entry date") << d(2026, 1, 4) << QDate() << u"录入日期"_s;
}

void TestFundRules::year()
{
    QFETCH(QDate, paidOn);
    QFETCH(QDate, enteredOn);
    QFETCH(QString, problemContains);
    const std::optional<QString> problem = yearProblem(paidOn, enteredOn);
    QCOMPARE(problem.has_value(), !problemContains.isEmpty());
    if (problem)
        QVERIFY2(problem->contains(problemContains), qPrintable(*problem));
}

// The period a payment is labelled with lies in the year it is paid and has begun by then (Art. 6 (三)).
void TestFundRules::period_data()
{
    QTest::addColumn<QDate>("periodStart");
    QTest::addColumn<QDate>("paidOn");
    QTest::addColumn<QString>("problemContains");
    QTest::newRow("month paid in it") << d(2026, 3, 1) << d(2026, 3, 10) << QString();
    QTest::newRow("month paid on its first day") << d(2026, 3, 1) << d(2026, 3, 1) << QString();
    QTest::newRow("month paid late in the year") << d(2026, 3, 1) << d(2026, 5, 8) << QString();
    QTest::newRow("quarter paid in its first month") << d(2026, 4, 1) << d(2026, 4, 30) << QString();
    QTest::newRow("next month paid early") << d(2026, 4, 1) << d(2026, 3, 31) << u"晚于发放日期"_s;
    // Paid in March (Q1 closes on the 20th) but labelled Q2: it would escape the Q1 close.
    QTest::newRow("next quarter paid early") << d(2026, 4, 1) << d(2026, 3, 25) << u"晚于发放日期"_s;
    QTest::newRow("December money paid in January") << d(2025, 12, 1) << d(2026, 1, 6) << u"跨年度发放"_s;
    QTest::newRow("Q4 money paid in January") << d(2025, 10, 1) << d(2026, 1, 15) << u"跨年度发放"_s;
    QTest::newRow("January money paid in December") << d(2027, 1, 1) << d(2026, 12, 31) << u"跨年度发放"_s;
    QTest::newRow("no paid date: left to the field check") << d(2026, 3, 1) << QDate() << QString();
}

void TestFundRules::period()
{
    QFETCH(QDate, periodStart);
    QFETCH(QDate, paidOn);
    QFETCH(QString, problemContains);
    const std::optional<QString> problem = periodProblem(periodStart, paidOn);
    QCOMPARE(problem.has_value(), !problemContains.isEmpty());
    if (problem)
        QVERIFY2(problem->contains(problemContains), qPrintable(*problem));
}

// FUND_HELD_TOO_LONG: the day received money should be paid out by, per payment cycle (Art. 6 (三)).
void TestFundRules::payOutBy_data()
{
    QTest::addColumn<QDate>("received");
    QTest::addColumn<int>("cycle");
    QTest::addColumn<QDate>("by");
    QTest::newRow("monthly: the 15th of next month")
        << d(2026, 3, 3) << int(PaymentCycle::Monthly) << d(2026, 4, 15);
    QTest::newRow("monthly: received on the 20th")
        << d(2026, 3, 20) << int(PaymentCycle::Monthly) << d(2026, 4, 15);
    QTest::newRow("monthly: across the year")
        << d(2026, 12, 28) << int(PaymentCycle::Monthly) << d(2027, 1, 15);
    // The 15th is the regulation's day: not moved off the National Day holiday.
    QTest::newRow("monthly: a holiday 15th stays")
        << d(2026, 9, 30) << int(PaymentCycle::Monthly) << d(2026, 10, 15);
    QTest::newRow("quarterly: first month of next quarter")
        << d(2026, 2, 10) << int(PaymentCycle::Quarterly) << d(2026, 4, 30);
    QTest::newRow("quarterly: last day of a quarter")
        << d(2026, 9, 30) << int(PaymentCycle::Quarterly) << d(2026, 10, 31);
    QTest::newRow("quarterly: across the year")
        << d(2026, 11, 2) << int(PaymentCycle::Quarterly) << d(2027, 1, 31);
    QTest::newRow("once: 90 days") << d(2026, 2, 10) << int(PaymentCycle::Once) << d(2026, 5, 11);
    QTest::newRow("per project: 90 days") << d(2026, 12, 1) << int(PaymentCycle::PerProject) << d(2027, 3, 1);
    QTest::newRow("no date") << QDate() << int(PaymentCycle::Once) << QDate();
}

void TestFundRules::payOutBy()
{
    QFETCH(QDate, received);
    QFETCH(int, cycle);
    QFETCH(QDate, by);
    QCOMPARE(FundHeldTooLongRule::payOutBy(received, PaymentCycle(cycle), 90), by);
}

QTEST_GUILESS_MAIN(TestFundRules)
#include "tst_funds_rules.moc"
