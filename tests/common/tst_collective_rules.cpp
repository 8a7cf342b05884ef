// The arithmetic of a village collective's books (集体三资, MODULES.md §2), table-driven: straight-line
// depreciation month by month across years, to the residual and beyond; the rent schedule of a contract
// across 29 February, with a yearly increase and a shorter last year; the term in months; the disclosure's
// deadline; and a quarterly disclosure generated from a small set of books, checked against figures worked
// out by hand.
#include "common/collective/CollectiveTypes.h"
#include "common/collective/DisclosureReport.h"
#include "common/collective/LedgerTypes.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::collective;

class TestCollectiveRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void depreciation_data()
    {
        QTest::addColumn<qint64>("original");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("years");
        QTest::addColumn<int>("residualBp");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<int>("months");
        QTest::addColumn<qint64>("net");
        // 100,000 yuan over 10 years to 5 %: 950,000 fen a year, 79,166.67 a month.
        const qint64 big = 10'000'000;
        const QDate june(2020, 6, 15);
        QTest::newRow("the month it starts: nothing")
            << big << june << 10 << 500 << QDate(2020, 6, 30) << 0 << big;
        QTest::newRow("before it starts") << big << june << 10 << 500 << QDate(2019, 12, 31) << 0 << big;
        QTest::newRow("the month after: one month, rounded")
            << big << june << 10 << 500 << QDate(2020, 7, 1) << 1 << big - 79'167;
        QTest::newRow("a year on, across new year")
            << big << june << 10 << 500 << QDate(2021, 6, 30) << 12 << big - 950'000;
        QTest::newRow("66 months") << big << june << 10 << 500 << QDate(2025, 12, 31) << 66 << 4'775'000LL;
        QTest::newRow("the end of its life: the residual")
            << big << june << 10 << 500 << QDate(2030, 6, 30) << 120 << 500'000LL;
        QTest::newRow("long after: still the residual")
            << big << june << 10 << 500 << QDate(2041, 1, 1) << 120 << 500'000LL;
        QTest::newRow("not depreciated (0 years)")
            << big << june << 0 << 500 << QDate(2030, 1, 1) << 0 << big;
        QTest::newRow("no residual, 3 years, one year on")
            << 36'000LL << QDate(2024, 2, 29) << 3 << 0 << QDate(2025, 2, 28) << 12 << 24'000LL;
        QTest::newRow("no residual, fully depreciated")
            << 36'000LL << QDate(2024, 2, 29) << 3 << 0 << QDate(2027, 3, 1) << 36 << 0LL;
    }
    void depreciation()
    {
        QFETCH(qint64, original);
        QFETCH(QDate, start);
        QFETCH(int, years);
        QFETCH(int, residualBp);
        QFETCH(QDate, on);
        QFETCH(int, months);
        QFETCH(qint64, net);
        const Depreciation d{original, start, years, residualBp};
        QCOMPARE(depreciatedMonths(d, on), months);
        QCOMPARE(netValue(d, on), net);
        QCOMPARE(accumulatedDepreciation(d, on), original - net);
    }

    void assetFieldsRead()
    {
        const QJsonObject f{
            {u"originalValue"_s, 600'000}, {u"startOn"_s, u"2025-12-20"_s}, {u"usefulYears"_s, 5}};
        const Depreciation d = CollectiveAssetType::depreciationOf(f);
        QCOMPARE(d.residualBasisPoints, kDefaultResidualBasisPoints);
        QCOMPARE(netValue(d, QDate(2026, 9, 30)), 514'500); // 9 months of 570,000 / 60
    }

    void schedule_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<double>("increase");
        QTest::addColumn<QList<QDate>>("dues");
        QTest::addColumn<QList<qint64>>("amounts");
        // 10 mu at 500 yuan: 5,000 yuan a year.
        QTest::newRow("from 29 February: anniversaries on 28 February")
            << QDate(2024, 2, 29) << QDate(2027, 2, 27) << 0.0
            << QList<QDate>{QDate(2024, 2, 29), QDate(2025, 2, 28), QDate(2026, 2, 28)}
            << QList<qint64>{500'000, 500'000, 500'000};
        QTest::newRow("5 % a year, compounded")
            << QDate(2023, 3, 1) << QDate(2026, 2, 28) << 5.0
            << QList<QDate>{QDate(2023, 3, 1), QDate(2024, 3, 1), QDate(2025, 3, 1)}
            << QList<qint64>{500'000, 525'000, 551'250};
        QTest::newRow("a shorter last year pays by days")
            << QDate(2024, 1, 1) << QDate(2025, 6, 30) << 0.0
            << QList<QDate>{QDate(2024, 1, 1), QDate(2025, 1, 1)}
            << QList<qint64>{500'000, 247'945}; // 181 / 365
        QTest::newRow("a short year with 29 February counts 366 days")
            << QDate(2023, 7, 1) << QDate(2024, 3, 31) << 0.0 << QList<QDate>{QDate(2023, 7, 1)}
            << QList<qint64>{375'683}; // 275 / 366
        QTest::newRow("end before start: nothing")
            << QDate(2024, 1, 1) << QDate(2023, 1, 1) << 0.0 << QList<QDate>{} << QList<qint64>{};
    }
    void schedule()
    {
        QFETCH(QDate, start);
        QFETCH(QDate, end);
        QFETCH(double, increase);
        QFETCH(QList<QDate>, dues);
        QFETCH(QList<qint64>, amounts);
        RentTerms t;
        t.startOn = start;
        t.endOn = end;
        t.areaMu = 10;
        t.pricePerMu = 50'000;
        t.yearlyIncreasePercent = increase;
        const QList<Instalment> s = rentSchedule(t);
        QCOMPARE(s.size(), dues.size());
        qint64 total = 0;
        for (qsizetype i = 0; i < s.size(); ++i) {
            QCOMPARE(s.at(i).number, int(i + 1));
            QCOMPARE(s.at(i).dueOn, dues.at(i));
            QCOMPARE(s.at(i).amount, amounts.at(i));
            total += amounts.at(i);
        }
        QCOMPARE(contractValue(t), total);
    }

    void yearlyRentWithoutArea()
    {
        RentTerms t;
        t.startOn = QDate(2026, 1, 1);
        t.endOn = QDate(2027, 12, 31);
        t.yearlyRent = 1'200'000;
        QCOMPARE(baseYearlyRent(t), 1'200'000);
        QCOMPARE(contractValue(t), 2'400'000);
        t.areaMu = 2.5;
        t.pricePerMu = 33'333;
        QCOMPARE(baseYearlyRent(t), 83'333); // 2.5 × 333.33, rounded to the fen
    }

    void termMonths_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<int>("months");
        QTest::newRow("five years") << QDate(2026, 5, 1) << QDate(2031, 4, 30) << 60;
        QTest::newRow("from 29 February") << QDate(2024, 2, 29) << QDate(2027, 2, 27) << 36;
        QTest::newRow("a day over 15 years") << QDate(2026, 1, 1) << QDate(2041, 1, 1) << 181;
        QTest::newRow("exactly 15 years") << QDate(2026, 1, 1) << QDate(2040, 12, 31) << 180;
    }
    void termMonths()
    {
        QFETCH(QDate, start);
        QFETCH(QDate, end);
        QFETCH(int, months);
        RentTerms t;
        t.startOn = start;
        t.endOn = end;
        QCOMPARE(collective::termMonths(t), months);
    }

    void disclosureDeadlines()
    {
        QCOMPARE(disclosureDeadline(*Quarter::parse(u"2026Q3"_s), 15), QDate(2026, 10, 15));
        QCOMPARE(disclosureDeadline(*Quarter::parse(u"2026Q4"_s), 15), QDate(2027, 1, 15));
        QCOMPARE(disclosureDeadline(*Quarter::parse(u"2026Q4"_s), 31), QDate(2027, 1, 31));
    }

    void entryClassesAndMoves()
    {
        QCOMPARE(LedgerEntryType::classSide(u"contracting-income"_s), u"income"_s);
        QCOMPARE(LedgerEntryType::classSide(u"management"_s), u"spending"_s);
        QCOMPARE(LedgerEntryType::classSide(u"transfer"_s), u"either"_s);
        QVERIFY(CollectiveContractType::canMove(u"draft"_s, u"review"_s));
        QVERIFY(CollectiveContractType::canMove(u"review"_s, u"signed"_s));
        QVERIFY(!CollectiveContractType::canMove(u"draft"_s, u"signed"_s));
        QVERIFY(!CollectiveContractType::canMove(u"running"_s, u"renewed"_s)); // the server's, on renewal
        QVERIFY(!CollectiveContractType::canMove(u"ended"_s, u"running"_s));
    }

    // A quarter of a village's books, and the disclosure's figures worked out by hand.
    void disclosureFromTheBooks()
    {
        DisclosureInput in;
        in.quarter = *Quarter::parse(u"2026Q3"_s);
        in.books = {
            {{u"id"_s, u"c"_s},
             {u"name"_s, u"现金"_s},
             {u"kind"_s, u"cash"_s},
             {u"openingOn"_s, u"2026-01-01"_s},
             {u"openingBalance"_s, 100'000}},
            {{u"id"_s, u"b"_s},
             {u"name"_s, u"农商行"_s},
             {u"kind"_s, u"bank"_s},
             {u"openingOn"_s, u"2026-01-01"_s},
             {u"openingBalance"_s, 5'000'000}},
        };
        const auto entry = [](const char *book, const char *on, const char *dir, const char *cls,
                              qint64 amount) {
            return QJsonObject{{u"bookId"_s, QString::fromLatin1(book)},
                               {u"on"_s, QString::fromLatin1(on)},
                               {u"direction"_s, QString::fromLatin1(dir)},
                               {u"entryClass"_s, QString::fromLatin1(cls)},
                               {u"amount"_s, amount},
                               {u"voucherNo"_s, QString::fromLatin1(on)},
                               {u"summary"_s, u"摘要"_s}};
        };
        in.entries = {
            entry("c", "2026-06-20", "debit", "other-income", 20'000),          // before the quarter
            entry("b", "2026-07-05", "debit", "contracting-income", 6'000'000), // a large item
            entry("b", "2026-07-06", "credit", "transfer", 200'000),            // cash drawn: neither side
            entry("c", "2026-07-06", "debit", "transfer", 200'000),
            entry("c", "2026-08-10", "credit", "management", 150'000),
            entry("c", "2026-08-11", "debit", "management",
                  50'000), // reverses 500 yuan of it: out of the class
            entry("b", "2026-09-30", "credit", "public-welfare", 1'000'000),
            entry("b", "2026-10-02", "debit", "subsidy-income", 300'000), // after it
        };
        in.assets = {
            {{u"originalValue"_s, 10'000'000}, {u"startOn"_s, u"2020-06-15"_s}, {u"usefulYears"_s, 10}},
            {{u"originalValue"_s, 2'000'000},
             {u"startOn"_s, u"2026-10-10"_s},
             {u"usefulYears"_s, 8}}, // later
            {{u"originalValue"_s, 1'200'000},
             {u"startOn"_s, u"2024-01-01"_s},
             {u"usefulYears"_s, 0},
             {u"disposedOn"_s, u"2026-08-01"_s}}, // gone
            {{u"originalValue"_s, 600'000}, {u"startOn"_s, u"2025-12-20"_s}, {u"usefulYears"_s, 5}},
        };
        in.contracts = {
            {{u"id"_s, u"k1"_s},
             {u"contractNo"_s, u"K1"_s},
             {u"counterpartyName"_s, u"张三"_s},
             {u"state"_s, u"running"_s},
             {u"startOn"_s, u"2024-03-01"_s},
             {u"endOn"_s, u"2029-02-28"_s},
             {u"value"_s, 2'500'000}},
            {{u"id"_s, u"k2"_s},
             {u"contractNo"_s, u"K2"_s},
             {u"state"_s, u"draft"_s},
             {u"startOn"_s, u"2026-07-01"_s},
             {u"endOn"_s, u"2027-06-30"_s}},
            {{u"id"_s, u"k3"_s},
             {u"contractNo"_s, u"K3"_s},
             {u"counterpartyName"_s, u"李四"_s},
             {u"state"_s, u"running"_s},
             {u"startOn"_s, u"2026-07-01"_s},
             {u"endOn"_s, u"2027-06-30"_s},
             {u"value"_s, 1'000'000}},
        };
        const auto inst = [](const char *contract, const char *due, qint64 amount, qint64 received,
                             const char *receivedOn) {
            QJsonObject o{{u"contractId"_s, QString::fromLatin1(contract)},
                          {u"dueOn"_s, QString::fromLatin1(due)},
                          {u"amountDue"_s, amount},
                          {u"received"_s, received}};
            if (receivedOn)
                o.insert(u"receivedOn"_s, QString::fromLatin1(receivedOn));
            return o;
        };
        in.instalments = {
            inst("k1", "2024-03-01", 500'000, 500'000, "2024-03-01"),
            inst("k1", "2025-03-01", 500'000, 500'000, "2025-03-05"),
            inst("k1", "2026-03-01", 500'000, 300'000, "2026-07-15"),
            inst("k1", "2027-03-01", 500'000, 0, nullptr),
            inst("k3", "2026-07-01", 1'000'000, 0, nullptr),
        };
        const QJsonObject r = buildDisclosure(in);
        QCOMPARE(r.value(u"quarter"_s).toString(), u"2026Q3"_s);
        QCOMPARE(r.value(u"incomeTotal"_s).toInteger(), 6'000'000);
        QCOMPARE(r.value(u"spendingTotal"_s).toInteger(), 1'100'000);
        const QJsonArray income = r.value(u"income"_s).toArray();
        QCOMPARE(income.size(), 1);
        QCOMPARE(income.at(0).toObject().value(u"label"_s).toString(), u"发包及上交收入"_s);
        const QJsonArray spending = r.value(u"spending"_s).toArray();
        QCOMPARE(spending.size(), 2);
        QCOMPARE(spending.at(0).toObject().value(u"class"_s).toString(), u"management"_s);
        QCOMPARE(spending.at(0).toObject().value(u"amount"_s).toInteger(), 100'000);
        QCOMPARE(spending.at(1).toObject().value(u"amount"_s).toInteger(), 1'000'000);
        const QJsonArray books = r.value(u"books"_s).toArray();
        QCOMPARE(books.size(), 2);
        QCOMPARE(books.at(0).toObject().value(u"opening"_s).toInteger(), 120'000);
        QCOMPARE(books.at(0).toObject().value(u"closing"_s).toInteger(), 220'000);
        QCOMPARE(books.at(1).toObject().value(u"opening"_s).toInteger(), 5'000'000);
        QCOMPARE(books.at(1).toObject().value(u"closing"_s).toInteger(), 9'800'000);
        const QJsonObject assets = r.value(u"assets"_s).toObject();
        QCOMPARE(assets.value(u"count"_s).toInteger(), 2);
        QCOMPARE(assets.value(u"original"_s).toInteger(), 10'600'000);
        QCOMPARE(assets.value(u"net"_s).toInteger(), 4'062'500 + 514'500); // 75 and 9 months depreciated
        const QJsonArray contracts = r.value(u"contracts"_s).toArray();
        QCOMPARE(contracts.size(), 2);
        QCOMPARE(contracts.at(0).toObject().value(u"received"_s).toInteger(), 300'000);
        QCOMPARE(contracts.at(0).toObject().value(u"arrears"_s).toInteger(), 200'000);
        QCOMPARE(contracts.at(1).toObject().value(u"due"_s).toInteger(), 1'000'000);
        QCOMPARE(r.value(u"rentDue"_s).toInteger(), 1'000'000);
        QCOMPARE(r.value(u"rentReceived"_s).toInteger(), 300'000);
        QCOMPARE(r.value(u"arrears"_s).toInteger(), 1'200'000);
        const QJsonArray large = r.value(u"largeItems"_s).toArray();
        QCOMPARE(large.size(), 1);
        QCOMPARE(large.at(0).toObject().value(u"amount"_s).toInteger(), 6'000'000);

        const QString html = disclosureHtml(r, u"演示村"_s);
        QVERIFY(html.contains(u"演示村 2026年第三季度 财务公开"_s));
        QVERIFY(html.contains(u"60,000.00"_s));
        QVERIFY(html.contains(u"98,000.00"_s));
    }
};

QTEST_GUILESS_MAIN(TestCollectiveRules)
#include "tst_collective_rules.moc"
