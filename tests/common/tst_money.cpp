// Money as integer fen: parsing what clerks type, formatting, and the round trip between them.
// No floating point anywhere, in the code under test or here.

#include "common/core/Money.h"

#include <QTest>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using money::ParseError;

Q_DECLARE_METATYPE(sunshine::money::ParseError)

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parseYuan_data();
    void parseYuan();
    void formatYuan_data();
    void formatYuan();
    void roundTrip_data();
    void roundTrip();
    void parseErrorMessage();
};

void TestMoney::parseYuan_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowNegative");
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<ParseError>("error");

    const auto ok = [](const char *tag, const QString &text, bool allowNegative, qint64 fen) {
        QTest::newRow(tag) << text << allowNegative << fen << ParseError::None;
    };
    const auto bad = [](const char *tag, const QString &text, bool allowNegative, ParseError error) {
        QTest::newRow(tag) << text << allowNegative << qint64(-999) << error;
    };

    ok("1234", u"1234"_s, false, 123400);
    ok("1,234.5", u"1,234.5"_s, false, 123450);
    ok("1234.56", u"1234.56"_s, false, 123456);
    ok("fullwidth yen and space", u"￥1 234.00"_s, false, 123400);
    ok("yen sign and grouping", u"¥1,234.56"_s, false, 123456);
    ok("trailing 元", u"1234.56元"_s, false, 123456);
    ok("full-width comma", u"1，234"_s, false, 123400);
    ok("no-break space", u"1\u00A0234.5"_s, false, 123450);
    ok("ideographic space", u"1\u3000234"_s, false, 123400);
    ok("surrounding spaces", u"  42.10 "_s, false, 4210);
    ok("several groups", u"12,345,678.90"_s, false, 1234567890);
    ok("0.01", u"0.01"_s, false, 1);
    ok("0.1", u"0.1"_s, false, 10);
    ok("0", u"0"_s, false, 0);
    ok("0.00", u"0.00"_s, false, 0);
    ok("leading zeros", u"007.5"_s, false, 750);
    ok("no integer part", u".5"_s, false, 50);
    ok("plus sign", u"+5"_s, false, 500);
    ok("-12.30 allowed", u"-12.30"_s, true, -1230);
    ok("-0.01 allowed", u"-0.01"_s, true, -1);
    ok("-1,234.5 allowed", u"-1,234.5"_s, true, -123450);
    ok("negative zero is zero", u"-0.00"_s, false, 0);
    ok("largest accepted", u"1000000000000"_s, false, money::kMaxFen);
    ok("largest accepted grouped", u"1,000,000,000,000.00"_s, false, 100'000'000'000'000LL);
    ok("just below largest", u"999999999999.99"_s, false, 99'999'999'999'999LL);
    ok("most negative accepted", u"-1000000000000"_s, true, -100'000'000'000'000LL);

    bad("-12.30 refused", u"-12.30"_s, false, ParseError::Negative);
    bad("-0.01 refused", u"-0.01"_s, false, ParseError::Negative);
    bad("three decimals", u"1.234"_s, false, ParseError::TooManyDecimals);
    bad("0.001", u"0.001"_s, false, ParseError::TooManyDecimals);
    bad("many decimals negative", u"-1.2345"_s, true, ParseError::TooManyDecimals);
    bad("empty", QString(), false, ParseError::Empty);
    bad("blank", u"   "_s, false, ParseError::Empty);
    bad("only a yen sign", u"￥"_s, false, ParseError::Empty);
    bad("only separators", u",，"_s, false, ParseError::Empty);
    bad("12a", u"12a"_s, false, ParseError::Malformed);
    bad("1.2.3", u"1.2.3"_s, false, ParseError::Malformed);
    bad("1e5", u"1e5"_s, false, ParseError::Malformed);
    // Commas only as thousands separators: a decimal comma is refused, never read as a ten-times amount.
    bad("decimal comma", u"1,5"_s, false, ParseError::Malformed);
    bad("comma in the fraction", u"1.2,3"_s, false, ParseError::Malformed);
    bad("misplaced grouping", u"12,34"_s, false, ParseError::Malformed);
    bad("leading comma", u",123"_s, false, ParseError::Malformed);
    bad("two-digit group", u"1,234,56.00"_s, false, ParseError::Malformed);
    bad("1E5", u"1E5"_s, false, ParseError::Malformed);
    bad("hex", u"0x10"_s, false, ParseError::Malformed);
    bad("letters", u"abc"_s, false, ParseError::Malformed);
    bad("sign only", u"-"_s, true, ParseError::Malformed);
    bad("point only", u"."_s, false, ParseError::Malformed);
    bad("double sign", u"--1"_s, true, ParseError::Malformed);
    bad("sign in the middle", u"1-2"_s, true, ParseError::Malformed);
    bad("sign after the point", u"1.-5"_s, true, ParseError::Malformed);
    bad("full-width digits", u"１２３"_s, false, ParseError::Malformed);
    bad("full-width digit in decimals", u"1.２"_s, false, ParseError::Malformed);
    bad("Arabic-Indic digit", u"\u0661"_s, false, ParseError::Malformed);
    bad("NaN", u"NaN"_s, false, ParseError::Malformed);
    bad("inf", u"inf"_s, false, ParseError::Malformed);
    bad("one fen too many", u"1000000000000.01"_s, false, ParseError::TooLarge);
    bad("one yuan too many", u"1000000000001"_s, false, ParseError::TooLarge);
    bad("one fen too many negative", u"-1000000000000.01"_s, true, ParseError::TooLarge);
    bad("beyond qint64", u"99999999999999999999999999"_s, false, ParseError::TooLarge);
    bad("beyond qint64 grouped", u"9,223,372,036,854,775,808.00"_s, false, ParseError::TooLarge);
}

void TestMoney::parseYuan()
{
    QFETCH(QString, text);
    QFETCH(bool, allowNegative);
    QFETCH(qint64, fen);
    QFETCH(ParseError, error);

    const money::ParseResult r = money::parseYuan(text, allowNegative);
    QCOMPARE(r.error, error);
    if (error == ParseError::None) {
        QVERIFY(r.fen.has_value());
        QCOMPARE(*r.fen, fen);
    } else {
        QVERIFY(!r.fen.has_value());
    }
}

void TestMoney::formatYuan_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<bool>("grouped");
    QTest::addColumn<QString>("expected");

    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();

    QTest::newRow("zero") << qint64(0) << true << u"0.00"_s;
    QTest::newRow("one fen") << qint64(1) << true << u"0.01"_s;
    QTest::newRow("ten fen") << qint64(10) << true << u"0.10"_s;
    QTest::newRow("99 fen") << qint64(99) << true << u"0.99"_s;
    QTest::newRow("one yuan") << qint64(100) << true << u"1.00"_s;
    QTest::newRow("999.99") << qint64(99999) << true << u"999.99"_s;
    QTest::newRow("1,000.00") << qint64(100000) << true << u"1,000.00"_s;
    QTest::newRow("1,234.56") << qint64(123456) << true << u"1,234.56"_s;
    QTest::newRow("12,345.67") << qint64(1234567) << true << u"12,345.67"_s;
    QTest::newRow("123,456.78") << qint64(12345678) << true << u"123,456.78"_s;
    QTest::newRow("1,000,000.00") << qint64(100000000) << true << u"1,000,000.00"_s;
    QTest::newRow("123,456,789.01") << qint64(12345678901) << true << u"123,456,789.01"_s;
    QTest::newRow("kMaxFen") << money::kMaxFen << true << u"1,000,000,000,000.00"_s;
    QTest::newRow("qint64 max") << max << true << u"92,233,720,368,547,758.07"_s;
    QTest::newRow("minus one fen") << qint64(-1) << true << u"-0.01"_s;
    QTest::newRow("minus 50 fen") << qint64(-50) << true << u"-0.50"_s;
    QTest::newRow("minus one yuan") << qint64(-100) << true << u"-1.00"_s;
    QTest::newRow("-1,234.56") << qint64(-123456) << true << u"-1,234.56"_s;
    QTest::newRow("-999.99 no separator") << qint64(-99999) << true << u"-999.99"_s;
    QTest::newRow("-kMaxFen") << -money::kMaxFen << true << u"-1,000,000,000,000.00"_s;
    QTest::newRow("qint64 min") << min << true << u"-92,233,720,368,547,758.08"_s;
    QTest::newRow("plain zero") << qint64(0) << false << u"0.00"_s;
    QTest::newRow("plain 1234.56") << qint64(123456) << false << u"1234.56"_s;
    QTest::newRow("plain 1000000.00") << qint64(100000000) << false << u"1000000.00"_s;
    QTest::newRow("plain -0.05") << qint64(-5) << false << u"-0.05"_s;
    QTest::newRow("plain -1234.56") << qint64(-123456) << false << u"-1234.56"_s;
    QTest::newRow("plain qint64 max") << max << false << u"92233720368547758.07"_s;
    QTest::newRow("plain qint64 min") << min << false << u"-92233720368547758.08"_s;
}

void TestMoney::formatYuan()
{
    QFETCH(qint64, fen);
    QFETCH(bool, grouped);
    QFETCH(QString, expected);
    QCOMPARE(money::formatYuan(fen, grouped), expected);
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<bool>("grouped");
    QTest::newRow("grouped") << true;
    QTest::newRow("plain") << false;
}

// parse(format(x)) == x over every amount up to 100 yuan, every power of ten and its neighbours, and a
// deterministic pseudo-random spread up to the largest accepted amount, positive and negative.
void TestMoney::roundTrip()
{
    QFETCH(bool, grouped);

    QList<qint64> values;
    for (qint64 v = 0; v <= 10000; ++v)
        values.append(v);
    for (qint64 p = 1; p <= money::kMaxFen; p *= 10) {
        values.append(p - 1);
        values.append(p);
        if (p < money::kMaxFen)
            values.append(p + 1);
    }
    values.append(money::kMaxFen - 1);
    values.append(money::kMaxFen);
    // 64-bit linear congruential generator (Knuth's MMIX constants), reduced into [0, kMaxFen].
    quint64 state = 20260101;
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        values.append(qint64((state >> 11) % quint64(money::kMaxFen + 1)));
    }
    const qsizetype positives = values.size();
    for (qsizetype i = 1; i < positives; ++i)
        values.append(-values.at(i));

    for (const qint64 v : std::as_const(values)) {
        const QString text = money::formatYuan(v, grouped);
        const money::ParseResult r = money::parseYuan(text, true);
        QVERIFY2(r.error == ParseError::None, qPrintable(text));
        QVERIFY2(r.fen.has_value() && *r.fen == v, qPrintable(text));
        // Exactly two decimals, always.
        QCOMPARE(text.indexOf(u'.'), text.size() - 3);
        QCOMPARE(text.contains(u','), grouped && (v >= 100000 || v <= -100000));
        if (v > 0) {
            // Positive amounts also parse when negatives are refused.
            const money::ParseResult positive = money::parseYuan(text, false);
            QVERIFY2(positive.fen.has_value() && *positive.fen == v, qPrintable(text));
        } else if (v < 0) {
            QCOMPARE(money::parseYuan(text, false).error, ParseError::Negative);
        }
    }
    QCOMPARE(values.size(), 2 * (10001 + 3 * 15 - 1 + 2 + 20000) - 1);
}

void TestMoney::parseErrorMessage()
{
    QVERIFY(money::parseErrorMessage(ParseError::None).isEmpty());
    QCOMPARE(money::parseErrorMessage(ParseError::Negative), u"金额不能为负数"_s);
    QCOMPARE(money::parseErrorMessage(ParseError::TooManyDecimals), u"金额最多保留两位小数（精确到分）"_s);
    const QList<ParseError> errors = {ParseError::Empty, ParseError::Malformed, ParseError::TooManyDecimals,
                                      ParseError::Negative, ParseError::TooLarge};
    QStringList seen;
    for (const ParseError e : errors) {
        const QString m = money::parseErrorMessage(e);
        QVERIFY(!m.isEmpty());
        QVERIFY2(!seen.contains(m), qPrintable(m));
        seen.append(m);
    }
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
