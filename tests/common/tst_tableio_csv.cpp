// Reading CSV tables as Chinese Excel and WPS save them: quoting, encodings (UTF-8 with or without BOM, GBK,
// UTF-16), line numbers, progress and cancel.

#include "common/io/CsvReader.h"
#include "common/io/TableFile.h"
#include "tests/common/TableIoSupport.h"

#include <QStringDecoder>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using io::TableData;

class TestTableIoCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvParse_data();
    void csvParse();
    void csvUnclosedQuote();
    void csvEncoding_data();
    void csvEncoding();
    void validUtf8_data();
    void validUtf8();
    void csvProgressAndCancel();
};

void TestTableIoCsv::initTestCase()
{
    // GBK files are decoded as GB18030; that needs a Qt with ICU.
    QVERIFY(QStringDecoder("GB18030").isValid());
}

void TestTableIoCsv::csvParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<Lines>("lines");

    QTest::newRow("simple") << u"a,b,c\n1,2,3\n"_s << Rows{{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s, u"2"_s, u"3"_s}}
                            << Lines{1, 2};
    QTest::newRow("no final line break")
        << u"a,b\n1,2"_s << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << Lines{1, 2};
    QTest::newRow("CRLF") << u"a,b\r\n1,2\r\n"_s << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << Lines{1, 2};
    QTest::newRow("lone CR") << u"a\rb\r"_s << Rows{{u"a"_s}, {u"b"_s}} << Lines{1, 2};
    QTest::newRow("quoted comma") << u"\"x,y\",z\n"_s << Rows{{u"x,y"_s, u"z"_s}} << Lines{1};
    QTest::newRow("doubled quotes") << u"\"he said \"\"hi\"\"\",2\n"_s << Rows{{u"he said \"hi\""_s, u"2"_s}}
                                    << Lines{1};
    QTest::newRow("only a quote") << u"\"\"\"\"\n"_s << Rows{{u"\""_s}} << Lines{1};
    QTest::newRow("empty quoted field") << u"\"\",x\n"_s << Rows{{QString(), u"x"_s}} << Lines{1};
    QTest::newRow("embedded LF and line numbers")
        << u"h1,h2\n\"line1\nline2\",x\nnext,y\n"_s
        << Rows{{u"h1"_s, u"h2"_s}, {u"line1\nline2"_s, u"x"_s}, {u"next"_s, u"y"_s}} << Lines{1, 2, 4};
    QTest::newRow("embedded CRLF becomes LF")
        << u"h\r\n\"a\r\nb\r\nc\",d\r\ne,f\r\n"_s << Rows{{u"h"_s}, {u"a\nb\nc"_s, u"d"_s}, {u"e"_s, u"f"_s}}
        << Lines{1, 2, 5};
    QTest::newRow("blank lines inside a quoted field")
        << u"\"a\n\nb\",c\nd,e"_s << Rows{{u"a\n\nb"_s, u"c"_s}, {u"d"_s, u"e"_s}} << Lines{1, 4};
    QTest::newRow("empty fields") << u"a,,c\n,b,\n"_s
                                  << Rows{{u"a"_s, QString(), u"c"_s}, {QString(), u"b"_s, QString()}}
                                  << Lines{1, 2};
    QTest::newRow("trailing separator at end of file")
        << u"a,b,"_s << Rows{{u"a"_s, u"b"_s, QString()}} << Lines{1};
    QTest::newRow("empty line in the middle keeps numbering")
        << u"a\n\nb\n"_s << Rows{{u"a"_s}, {}, {u"b"_s}} << Lines{1, 2, 3};
    QTest::newRow("empty lines at the end dropped") << u"a\n\n\n"_s << Rows{{u"a"_s}} << Lines{1};
    QTest::newRow("empty rows of separators at the end dropped")
        << u"a,b\r\n,\r\n,\r\n"_s << Rows{{u"a"_s, u"b"_s}} << Lines{1};
    QTest::newRow("quote inside an unquoted field")
        << u"ab\"c,d\n"_s << Rows{{u"ab\"c"_s, u"d"_s}} << Lines{1};
    QTest::newRow("text after the closing quote") << u"\"ab\"c,d\n"_s << Rows{{u"abc"_s, u"d"_s}} << Lines{1};
    QTest::newRow("spaces kept") << u" a , b \n"_s << Rows{{u" a "_s, u" b "_s}} << Lines{1};
    QTest::newRow("leading zeros kept") << u"0513,007,320682199001011234\n"_s
                                        << Rows{{u"0513"_s, u"007"_s, u"320682199001011234"_s}} << Lines{1};
    QTest::newRow("tab separated") << u"姓名\t金额\n张三\t1,200.00\n"_s
                                   << Rows{{u"姓名"_s, u"金额"_s}, {u"张三"_s, u"1,200.00"_s}} << Lines{1, 2};
    QTest::newRow("comma wins over tab") << u"a\tb,c\n"_s << Rows{{u"a\tb"_s, u"c"_s}} << Lines{1};
    // Excel's "Unicode text" of a clerk's sheet: a title line first, with neither separator.
    QTest::newRow("tab separated under a title")
        << u"2026年3月发放名单\n姓名\t金额\n张三\t1,200.00\n"_s
        << Rows{{u"2026年3月发放名单"_s}, {u"姓名"_s, u"金额"_s}, {u"张三"_s, u"1,200.00"_s}}
        << Lines{1, 2, 3};
    QTest::newRow("comma separated under a title")
        << u"名单\na,b\n1,2\n"_s << Rows{{u"名单"_s}, {u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << Lines{1, 2, 3};
    QTest::newRow("sep= line") << u"sep=;\r\na;b\r\n1;2\r\n"_s << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}}
                               << Lines{2, 3};
    QTest::newRow("Chinese") << u"姓名,身份证号\n张三,32068219900101123X\n"_s
                             << Rows{{u"姓名"_s, u"身份证号"_s}, {u"张三"_s, u"32068219900101123X"_s}}
                             << Lines{1, 2};
    QTest::newRow("empty") << QString() << Rows{} << Lines{};
    QTest::newRow("only a line break") << u"\r\n"_s << Rows{} << Lines{};
    QTest::newRow("uneven rows") << u"a,b,c\n1\n"_s << Rows{{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s}}
                                 << Lines{1, 2};
}

void TestTableIoCsv::csvParse()
{
    QFETCH(QString, text);
    QFETCH(Rows, rows);
    QFETCH(Lines, lines);

    const TableData table = io::parseCsv(text.toUtf8());
    COMPARE_TABLE(table, rows, lines);
    QCOMPARE(table.encoding, u"UTF-8"_s);
}

void TestTableIoCsv::csvUnclosedQuote()
{
    const TableData table = io::parseCsv("a,b\nc,\"never closed\nmore,rows\n");
    QVERIFY(!table.ok());
    QVERIFY(table.rows.isEmpty());
    QVERIFY2(table.error.contains(u"第 2 行"_s), qPrintable(table.error));
}

void TestTableIoCsv::csvEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<Rows>("rows");

    const QString text = u"姓名,身份证号,地址\r\n张三,32068219900101123X,\"南通市通州区，金沙镇\"\r\n"_s;
    const Rows rows{{u"姓名"_s, u"身份证号"_s, u"地址"_s},
                    {u"张三"_s, u"32068219900101123X"_s, u"南通市通州区，金沙镇"_s}};

    QTest::newRow("UTF-8") << text.toUtf8() << u"UTF-8"_s << rows;
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << u"UTF-8 BOM"_s << rows;
    QTest::newRow("GBK from encoder") << gb18030(text) << u"GB18030"_s << rows;
    // "姓名,身份证号\n" as Chinese Excel writes it, byte by byte.
    QTest::newRow("GBK bytes") << QByteArray::fromHex("d0d5c3fb2cc9edb7ddd6a4bac50a") << u"GB18030"_s
                               << Rows{{u"姓名"_s, u"身份证号"_s}};
    // 䶮 is outside GBK: four bytes in GB18030.
    QTest::newRow("GB18030 four-byte character")
        << gb18030(u"刘䶮,1\n"_s) << u"GB18030"_s << Rows{{u"刘䶮"_s, u"1"_s}};
    QTest::newRow("ASCII") << QByteArray("a,b\n") << u"UTF-8"_s << Rows{{u"a"_s, u"b"_s}};
    QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    QTest::newRow("UTF-16LE Unicode text")
        << QByteArray(utf16.encode(u"姓名\t金额\r\n张三\t12.5\r\n"_s)) << u"UTF-16LE"_s
        << Rows{{u"姓名"_s, u"金额"_s}, {u"张三"_s, u"12.5"_s}};
    QTest::newRow("neither UTF-8 nor GB18030") << QByteArray("a,\xFF\xFF\n") << u"GB18030"_s << Rows{};
    QTest::newRow("binary") << QByteArray("PK\x03\x04\x00\x00", 6) << QString() << Rows{};
    QTest::newRow("UTF-16 of odd length") << QByteArray("\xFF\xFE\xFD") << u"UTF-16LE"_s << Rows{};
}

void TestTableIoCsv::csvEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(Rows, rows);

    const TableData table = io::parseCsv(bytes);
    if (rows.isEmpty()) {
        QVERIFY(!table.ok());
        QVERIFY(table.rows.isEmpty());
        QCOMPARE(table.encoding, encoding);
        return;
    }
    QVERIFY2(table.ok(), qPrintable(table.error));
    QCOMPARE(table.encoding, encoding);
    QCOMPARE(table.rows.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(table.rows.at(i), rows.at(i));
}

void TestTableIoCsv::validUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ASCII") << QByteArray("abc,123") << true;
    QTest::newRow("Chinese") << u"扶贫"_s.toUtf8() << true;
    QTest::newRow("four bytes") << QByteArray::fromHex("f09f9880") << true;
    QTest::newRow("overlong NUL") << QByteArray::fromHex("c080") << false;
    QTest::newRow("overlong three bytes") << QByteArray::fromHex("e08080") << false;
    QTest::newRow("surrogate") << QByteArray::fromHex("eda080") << false;
    QTest::newRow("above U+10FFFF") << QByteArray::fromHex("f4908080") << false;
    QTest::newRow("truncated") << QByteArray::fromHex("41e5a7") << false;
    QTest::newRow("lone continuation") << QByteArray::fromHex("4180") << false;
    QTest::newRow("GBK") << QByteArray::fromHex("d0d5c3fb") << false;
}

void TestTableIoCsv::validUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(io::isValidUtf8(bytes), valid);
}

void TestTableIoCsv::csvProgressAndCancel()
{
    QByteArray data = "序号,姓名\n";
    for (int i = 1; i <= 5000; ++i)
        data += QByteArray::number(i) + ",名字" + QByteArray::number(i) + "\n";

    QList<qint64> seen;
    qint64 lastTotal = 0;
    const TableData table = io::parseCsv(data, [&seen, &lastTotal](qint64 done, qint64 total) {
        seen.append(done);
        lastTotal = total;
        return true;
    });
    QVERIFY2(table.ok(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), 5001);
    QCOMPARE(table.rows.constLast(), (QStringList{u"5000"_s, u"名字5000"_s}));
    QCOMPARE(table.lineNumbers.constLast(), 5001);
    QVERIFY(seen.size() >= 4);
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(seen.constLast(), lastTotal);

    int calls = 0;
    const TableData cancelled = io::parseCsv(data, [&calls](qint64, qint64) { return ++calls < 2; });
    QVERIFY(cancelled.cancelled);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error, io::cancelledMessage());
    QVERIFY(cancelled.rows.isEmpty());
    QCOMPARE(calls, 2);
}

QTEST_GUILESS_MAIN(TestTableIoCsv)
#include "tst_tableio_csv.moc"
