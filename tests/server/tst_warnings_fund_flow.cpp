// The money rules that compare payments with what else is recorded about the money and the people,
// table-driven with records that must and must not raise them, pushed by the demo accounts and found through
// the queue and the full run: FUND_HELD_TOO_LONG (allocations), PAYMENT_OVER_STANDARD (standards) and
// BENEFICIARY_ON_LIST (comparison lists), and who writes the records they read.
#include "common/funds/ComparisonList.h"
#include "common/funds/FundTypes.h"
#include "tests/server/WarningsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

class TestWarningFundFlow : public WarningsTest
{
    Q_OBJECT

private:
    // An allocation of `fundCode` received by the 通州区 agriculture bureau; its id (empty when refused).
    QString allocation(const QString &fundCode, QDate receivedOn, qint64 amountFen)
    {
        const QString id = newId();
        QJsonObject op = upsert(QString::fromUtf16(funds::AllocationType::kName), id, kCounty,
                                {{u"fundCode"_s, fundCode},
                                 {u"sourceLevel"_s, u"county"_s},
                                 {u"year"_s, 2026},
                                 {u"amountFen"_s, amountFen},
                                 {u"documentNo"_s, u"通财农〔2026〕30号"_s},
                                 {u"receivedOn"_s, iso(receivedOn)},
                                 {u"account"_s, u"agriculture"_s}});
        op.insert(u"departmentId"_s, kAgriculture);
        return pushOne(kCountyClerk, op).status() == u"applied"_s ? id : QString();
    }

    // A standard of `fundCode` set by the 通州区 agriculture bureau; its id (empty when refused).
    QString standard(const QString &fundCode, qint64 amountFen, QDate from)
    {
        const QString id = newId();
        QJsonObject op = upsert(QString::fromUtf16(funds::StandardType::kName), id, kCounty,
                                {{u"fundCode"_s, fundCode},
                                 {u"amountFen"_s, amountFen},
                                 {u"effectiveFrom"_s, iso(from)},
                                 {u"documentNo"_s, u"通农〔2026〕8号"_s}});
        op.insert(u"departmentId"_s, kAgriculture);
        const Answer a = pushOne(kCountyClerk, op);
        if (a.status() != u"applied"_s)
            qWarning("standard not applied: %s", a.describe().constData());
        return a.status() == u"applied"_s ? id : QString();
    }

private slots:
    void initTestCase() { startWithHouseholds(); }
    void cleanupTestCase() { stopServer(); }

    // --- FUND_HELD_TOO_LONG ---

    void fundHeldTooLong_data()
    {
        QTest::addColumn<QString>("fundCode"); // a line paid once: its window is holdDays (default 90)
        QTest::addColumn<QDate>("receivedOn");
        QTest::addColumn<qint64>("paidFen");        // of an allocation of 3,000 yuan, under the county
        QTest::addColumn<qint64>("outstandingFen"); // 0: no warning
        // Today 2026-06-15.
        QTest::newRow("nothing paid, 125 days")
            << u"agri-fishery-fuel-subsidy"_s << QDate(2026, 2, 10) << qint64(0) << qint64(300000);
        QTest::newRow("a third left, 125 days")
            << u"agri-fishery-sea-rescue"_s << QDate(2026, 2, 10) << qint64(200000) << qint64(100000);
        QTest::newRow("all paid") << u"agri-fishing-boat-scrapping"_s << QDate(2026, 2, 10) << qint64(300000)
                                  << qint64(0);
        QTest::newRow("nothing paid, 75 days (in its window)")
            << u"agri-fishing-boat-safety-equipment"_s << QDate(2026, 4, 1) << qint64(0) << qint64(0);
    }

    void fundHeldTooLong()
    {
        QFETCH(QString, fundCode);
        QFETCH(QDate, receivedOn);
        QFETCH(qint64, paidFen);
        QFETCH(qint64, outstandingFen);
        setChinaTime(QDate(2026, 6, 15));
        for (qint64 paid = 0; paid < paidFen; paid += 100000)
            QVERIFY(!pay(kVillage,
                         paymentFields(freshIdNumber(), u"2026-03"_s, QDate(2026, 3, 20), fundCode, 100000))
                         .isEmpty());
        const QString id = allocation(fundCode, receivedOn, 300000);
        QVERIFY(!id.isEmpty());
        drain();
        const QJsonObject w = warning(key(u"FUND_HELD_TOO_LONG"_s, u"fund-allocation"_s, id, QString()));
        QCOMPARE(!w.isEmpty(), outstandingFen > 0);
        if (w.isEmpty())
            return;
        const QJsonObject evidence =
            QJsonDocument::fromJson(w.value(u"evidence"_s).toString().toUtf8()).object();
        QCOMPARE(evidence.value(u"outstandingFen"_s).toInteger(), outstandingFen);
        QCOMPARE(evidence.value(u"payOutBy"_s).toString(), iso(receivedOn.addDays(90)));
        QVERIFY(w.value(u"disciplineCopy"_s).toBool()); // Art. 28
    }

    void fundHeldTooLongPaysTheEarliestFirst()
    {
        // Two allocations of one line: the payments cover the earlier one; the later one is still held, and
        // its window passes overnight: the full run raises it with no new record.
        const QString line = u"agri-fishery-fuel-subsidy"_s;
        setChinaTime(QDate(2026, 6, 15));
        QVERIFY(!pay(kVillage, paymentFields(freshIdNumber(), u"2026-04"_s, QDate(2026, 4, 20), line, 300000))
                     .isEmpty());
        const QString later = allocation(line, QDate(2026, 3, 18), 200000); // due 2026-06-16
        drain();
        const QString k = key(u"FUND_HELD_TOO_LONG"_s, u"fund-allocation"_s, later, QString());
        QVERIFY(warning(k).isEmpty());
        setChinaTime(QDate(2026, 6, 17));
        fullRun();
        const QJsonObject evidence =
            QJsonDocument::fromJson(warning(k).value(u"evidence"_s).toString().toUtf8()).object();
        // 300,000 + 200,000 allocated, 300,000 paid: the earlier allocation is covered, 200,000 of this one
        // is not.
        QCOMPARE(evidence.value(u"allocatedToDateFen"_s).toInteger(), 500000);
        QCOMPARE(evidence.value(u"paidUnderUnitFen"_s).toInteger(), 300000);
        QCOMPARE(evidence.value(u"outstandingFen"_s).toInteger(), 200000);
    }

    // --- PAYMENT_OVER_STANDARD ---

    void paymentOverStandard()
    {
        const QString line = u"agri-fishing-boat-safety-equipment"_s;
        setChinaTime(QDate(2026, 7, 10));
        // 800 yuan a payment from 2026-01-01; 1,000 from 2026-06-01.
        QVERIFY(!standard(line, 80000, QDate(2026, 1, 1)).isEmpty());
        const QString june = standard(line, 100000, QDate(2026, 6, 1));
        QVERIFY(!june.isEmpty());
        // Not above: none. Two above in one village, line and period: one warning for both.
        for (const qint64 fen : {70000, 80000, 90000, 95000})
            QVERIFY(!pay(kVillage, paymentFields(freshIdNumber(), u"2026-05"_s, QDate(2026, 7, 8), line, fen))
                         .isEmpty());
        // June's standard is higher: 900 yuan is within it.
        QVERIFY(!pay(kVillage, paymentFields(freshIdNumber(), u"2026-06"_s, QDate(2026, 7, 8), line, 90000))
                     .isEmpty());
        drain();
        const QJsonObject may =
            warning(key(u"PAYMENT_OVER_STANDARD"_s, u"village"_s, kVillage, line + u"/2026-05"_s));
        QVERIFY(!may.isEmpty());
        const QJsonObject evidence =
            QJsonDocument::fromJson(may.value(u"evidence"_s).toString().toUtf8()).object();
        QCOMPARE(evidence.value(u"count"_s).toInt(), 2);
        QCOMPARE(evidence.value(u"maxFen"_s).toInteger(), 95000);
        QCOMPARE(evidence.value(u"standardFen"_s).toInteger(), 80000);
        QVERIFY(
            warning(key(u"PAYMENT_OVER_STANDARD"_s, u"village"_s, kVillage, line + u"/2026-06"_s)).isEmpty());
        // A payment above June's standard too, and the full run finds the same (nothing new besides).
        QVERIFY(!pay(kVillage, paymentFields(freshIdNumber(), u"2026-06"_s, QDate(2026, 7, 9), line, 120000))
                     .isEmpty());
        drain();
        QVERIFY(!warning(key(u"PAYMENT_OVER_STANDARD"_s, u"village"_s, kVillage, line + u"/2026-06"_s))
                     .isEmpty());
        const qint64 count = warningCount();
        fullRun();
        QCOMPARE(warningCount(), count);
        // Only the line's lead department sets its standard, at the city or a county.
        QJsonObject op = upsert(QString::fromUtf16(funds::StandardType::kName), newId(), kVillage,
                                {{u"fundCode"_s, line},
                                 {u"amountFen"_s, 1},
                                 {u"effectiveFrom"_s, u"2026-01-01"_s},
                                 {u"documentNo"_s, u"x"_s}});
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kCountyClerk, op), u"VALIDATION_FAILED"_s, u"fundCode"_s);
    }

    // --- BENEFICIARY_ON_LIST ---

    void beneficiaryOnList_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("listUnit"); // the county's list or the city's
        QTest::addColumn<QDate>("since");
        QTest::addColumn<QDate>("until");
        QTest::addColumn<QDate>("paidOn");
        QTest::addColumn<bool>("expected");
        QTest::newRow("paid after death")
            << u"deceased"_s << kCounty << QDate(2026, 3, 1) << QDate() << QDate(2026, 3, 10) << true;
        QTest::newRow("paid on the day of death")
            << u"deceased"_s << kCounty << QDate(2026, 3, 10) << QDate() << QDate(2026, 3, 10) << true;
        QTest::newRow("paid before death")
            << u"deceased"_s << kCounty << QDate(2026, 3, 11) << QDate() << QDate(2026, 3, 10) << false;
        QTest::newRow("on the payroll, the city's list")
            << u"payroll"_s << kCity << QDate(2020, 9, 1) << QDate() << QDate(2026, 3, 10) << true;
        QTest::newRow("vehicle sold before") << u"vehicle"_s << kCounty << QDate(2024, 5, 1)
                                             << QDate(2026, 2, 28) << QDate(2026, 3, 10) << false;
        QTest::newRow("another county's list") << u"company"_s << u"320623000000"_s << QDate(2021, 1, 1)
                                               << QDate() << QDate(2026, 3, 10) << false;
    }

    void beneficiaryOnList()
    {
        QFETCH(QString, list);
        QFETCH(QString, listUnit);
        QFETCH(QDate, since);
        QFETCH(QDate, until);
        QFETCH(QDate, paidOn);
        QFETCH(bool, expected);
        setChinaTime(QDate(2026, 3, 16));
        const QString person = freshIdNumber();
        QJsonObject entry{{u"list"_s, list},
                          {u"idNumber"_s, person},
                          {u"name"_s, u"周名单"_s},
                          {u"since"_s, iso(since)},
                          {u"source"_s, u"公安户籍"_s}};
        if (until.isValid())
            entry.insert(u"until"_s, iso(until));
        const QString reviewer = listUnit == kCity ? kCityReviewer : kCountyReviewer;
        const QString entryId = funds::ComparisonEntryType::recordIdFor(list, person, listUnit);
        if (listUnit == kCity || listUnit == kCounty) {
            EXPECT_APPLIED(pushOne(reviewer, upsert(u"comparison-entry"_s, entryId, listUnit, entry)));
        } else {
            // A list of 如东县, put there directly: the 通州区 payment is not compared with it.
            QJsonObject op = upsert(u"comparison-entry"_s, entryId, listUnit, entry);
            EXPECT_APPLIED(pushOne(kCityReviewer, op));
        }
        QVERIFY(!pay(kVillage, paymentFields(person, u"2026-03"_s, paidOn)).isEmpty());
        drain();
        const QString k = key(u"BENEFICIARY_ON_LIST"_s, u"person"_s, rules::personSubjectId(person),
                              list + u'/' + personLine().code);
        const QJsonObject w = warning(k);
        QCOMPARE(!w.isEmpty(), expected);
        if (expected) {
            QCOMPARE(w.value(u"severity"_s).toString(), u"red"_s);
            QVERIFY(!w.value(u"summary"_s).toString().contains(person));
            QVERIFY(
                !w.value(u"evidence"_s).toString().contains(person)); // the number is the warning's own field
            QCOMPARE(w.value(u"idNumber"_s).toString(), person);
        }
    }

    void comparisonListsAreReviewersWork()
    {
        setChinaTime(QDate(2026, 3, 16));
        const QString person = freshIdNumber();
        const QJsonObject entry{{u"list"_s, u"deceased"_s},
                                {u"idNumber"_s, person},
                                {u"name"_s, u"周名单"_s},
                                {u"since"_s, u"2026-01-01"_s}};
        // Clerks do not import lists; nor does anyone at a town; one entry per list, person and place.
        EXPECT_OUTCOME(pushOne(kCountyClerk,
                               upsert(u"comparison-entry"_s,
                                      funds::ComparisonEntryType::recordIdFor(u"deceased"_s, person, kCounty),
                                      kCounty, entry)),
                       u"FORBIDDEN"_s, QString());
        EXPECT_OUTCOME(pushOne(kTownReviewer,
                               upsert(u"comparison-entry"_s,
                                      funds::ComparisonEntryType::recordIdFor(u"deceased"_s, person, kTown),
                                      kTown, entry)),
                       u"FORBIDDEN"_s, QString());
        EXPECT_OUTCOME(pushOne(kCountyReviewer, upsert(u"comparison-entry"_s, newId(), kCounty, entry)),
                       u"VALIDATION_FAILED"_s, u"idNumber"_s);
        // And a list entered after the payments raises on the entry's push.
        QVERIFY(!pay(kVillage, paymentFields(person, u"2026-02"_s, QDate(2026, 2, 10))).isEmpty());
        drain();
        EXPECT_APPLIED(pushOne(kCountyReviewer,
                               upsert(u"comparison-entry"_s,
                                      funds::ComparisonEntryType::recordIdFor(u"deceased"_s, person, kCounty),
                                      kCounty, entry)));
        drain();
        QVERIFY(!warning(key(u"BENEFICIARY_ON_LIST"_s, u"person"_s, rules::personSubjectId(person),
                             u"deceased/"_s + personLine().code))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWarningFundFlow)
#include "tst_warnings_fund_flow.moc"
