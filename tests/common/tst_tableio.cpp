// Reading .xlsx tables as Chinese Excel and WPS save them, and writing .xlsx: the cell text of numbers and
// dates, cell types that must survive (身份证号 as text), hand-made workbooks and damaged files; and reading
// a table by its file's extension. CSV: tst_tableio_csv.

#include "common/io/TableFile.h"
#include "common/io/XlsxReader.h"
#include "common/io/XlsxWriter.h"
#include "tests/common/TableIoSupport.h"
#include "tests/common/XlsxFixtures.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using io::DateKind;
using io::TableData;

Q_DECLARE_METATYPE(sunshine::io::DateKind)

// Declared before the XML fixtures: moc does not follow the raw string literals below.
class TestTableIo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void numberText_data();
    void numberText();
    void dateKind_data();
    void dateKind();
    void serialText_data();
    void serialText();
    void isNumberText_data();
    void isNumberText();

    void xlsxRoundTrip();
    void xlsxTypedValues();
    void xlsxLongDigitsAreText();
    void xlsxSheetNamesMadeValid();
    void xlsxHandMade();
    void xlsxDate1904();
    void xlsxNumbersAndMerges();
    void xlsxProgressAndCancel();
    void xlsxDamaged_data();
    void xlsxDamaged();
    void writerDiscardKeepsOldFile();
    void writerUnwritablePath();

    void readTableByExtension();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

namespace {

// One entry of an archive, or nothing.
QByteArray zipEntry(const QString &path, const QString &name)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The same parts with another sheet XML.
Parts withSheet(Parts parts, const QByteArray &sheet)
{
    for (auto &[name, data] : parts) {
        if (name == u"xl/worksheets/sheet1.xml")
            data = sheet;
    }
    return parts;
}

} // namespace

void TestTableIo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // GBK files are decoded as GB18030; that needs a Qt with ICU.
    QVERIFY(QStringDecoder("GB18030").isValid());
}

// ------------------------------------------------------------------------------------------ XLSX pieces

void TestTableIo::numberText_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("text");

    QTest::newRow("whole") << u"1"_s << u"1"_s;
    QTest::newRow("whole with .0") << u"12.0"_s << u"12"_s;
    QTest::newRow("zero") << u"0"_s << u"0"_s;
    QTest::newRow("decimal") << u"1234.56"_s << u"1234.56"_s;
    QTest::newRow("negative") << u"-12.5"_s << u"-12.5"_s;
    QTest::newRow("binary noise") << u"0.30000000000000004"_s << u"0.3"_s;
    QTest::newRow("money noise") << u"1234.5600000000002"_s << u"1234.56"_s;
    QTest::newRow("large whole") << u"100000"_s << u"100000"_s;
    QTest::newRow("ID number Excel kept as a number") << u"3.20682199001011E+17"_s << u"320682199001011000"_s;
    QTest::newRow("17 digits cut to 15") << u"12345678901234567"_s << u"12345678901234600"_s;
    QTest::newRow("small") << u"1E-3"_s << u"0.001"_s;
    QTest::newRow("huge") << u"1.5E+25"_s << u"1.5E+25"_s;
    QTest::newRow("tiny") << u"2.5E-12"_s << u"2.5E-12"_s;
    QTest::newRow("not a number") << u"abc"_s << u"abc"_s;
}

void TestTableIo::numberText()
{
    QFETCH(QString, stored);
    QFETCH(QString, text);
    QCOMPARE(io::excelNumberText(stored), text);
}

void TestTableIo::dateKind_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");
    QTest::addColumn<DateKind>("kind");

    QTest::newRow("General") << 0 << QString() << DateKind::None;
    QTest::newRow("built-in 2 (0.00)") << 2 << QString() << DateKind::None;
    QTest::newRow("built-in 14") << 14 << QString() << DateKind::Date;
    QTest::newRow("built-in 17") << 17 << QString() << DateKind::Date;
    QTest::newRow("built-in 20") << 20 << QString() << DateKind::Time;
    QTest::newRow("built-in 22") << 22 << QString() << DateKind::DateTime;
    QTest::newRow("built-in 49 text") << 49 << QString() << DateKind::None;
    QTest::newRow("zh-CN built-in 31") << 31 << QString() << DateKind::Date;
    QTest::newRow("zh-CN built-in 58") << 58 << QString() << DateKind::Date;
    QTest::newRow("WPS yyyy/m/d;@") << 176 << u"yyyy/m/d;@"_s << DateKind::Date;
    QTest::newRow("Chinese date") << 177 << u"yyyy\"年\"m\"月\"d\"日\""_s << DateKind::Date;
    QTest::newRow("locale prefix") << 178 << u"[$-804]yyyy-mm-dd"_s << DateKind::Date;
    QTest::newRow("DBNum date") << 179 << u"[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""_s << DateKind::Date;
    QTest::newRow("month and day") << 180 << u"m/d"_s << DateKind::Date;
    QTest::newRow("date and time") << 181 << u"yyyy-mm-dd hh:mm"_s << DateKind::DateTime;
    QTest::newRow("time") << 182 << u"h:mm:ss"_s << DateKind::Time;
    QTest::newRow("minutes and seconds") << 183 << u"mm:ss"_s << DateKind::Time;
    QTest::newRow("elapsed hours") << 184 << u"[h]:mm:ss"_s << DateKind::Time;
    QTest::newRow("AM/PM") << 185 << u"h:mm AM/PM"_s << DateKind::Time;
    QTest::newRow("money") << 186 << u"#,##0.00_);[Red](#,##0.00)"_s << DateKind::None;
    QTest::newRow("yuan") << 187 << u"\"¥\"#,##0.00;\"¥\"-#,##0.00"_s << DateKind::None;
    QTest::newRow("quoted letters") << 188 << u"0\" days\""_s << DateKind::None;
    QTest::newRow("escaped letter") << 189 << u"0\\d"_s << DateKind::None;
    QTest::newRow("scientific") << 190 << u"0.00E+00"_s << DateKind::None;
    QTest::newRow("colour") << 191 << u"[Red]0.00"_s << DateKind::None;
    QTest::newRow("text") << 192 << u"@"_s << DateKind::None;
    QTest::newRow("General code") << 193 << u"General"_s << DateKind::None;
    QTest::newRow("DBNum number") << 194 << u"[DBNum1]General"_s << DateKind::None;
}

void TestTableIo::dateKind()
{
    QFETCH(int, id);
    QFETCH(QString, code);
    QFETCH(DateKind, kind);
    QCOMPARE(io::dateKindOfFormat(id, code), kind);
}

void TestTableIo::serialText_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<DateKind>("kind");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<QString>("text");

    QTest::newRow("2024-01-01") << 45292.0 << DateKind::Date << false << u"2024-01-01"_s;
    QTest::newRow("1990-01-01") << 32874.0 << DateKind::Date << false << u"1990-01-01"_s;
    QTest::newRow("date ignores the time") << 45292.75 << DateKind::Date << false << u"2024-01-01"_s;
    QTest::newRow("date and time") << 45292.75 << DateKind::DateTime << false << u"2024-01-01 18:00:00"_s;
    QTest::newRow("midnight date and time")
        << 45292.0 << DateKind::DateTime << false << u"2024-01-01 00:00:00"_s;
    QTest::newRow("time") << 0.3541666666666667 << DateKind::Time << false << u"08:30:00"_s;
    QTest::newRow("time rounds to the second") << 0.99999999 << DateKind::Time << false << u"00:00:00"_s;
    QTest::newRow("1900-01-01") << 1.0 << DateKind::Date << false << u"1900-01-01"_s;
    QTest::newRow("1900-02-28") << 59.0 << DateKind::Date << false << u"1900-02-28"_s;
    QTest::newRow("Excel's 1900-02-29") << 60.0 << DateKind::Date << false << u"1900-02-29"_s;
    QTest::newRow("1900-03-01") << 61.0 << DateKind::Date << false << u"1900-03-01"_s;
    QTest::newRow("1904 system") << 0.0 << DateKind::Date << true << u"1904-01-01"_s;
    QTest::newRow("1904 system 2024") << 43830.0 << DateKind::Date << true << u"2024-01-01"_s;
    QTest::newRow("negative") << -1.0 << DateKind::Date << false << u"-1"_s;
    QTest::newRow("beyond 9999") << 3000000.0 << DateKind::Date << false << u"3000000"_s;
}

void TestTableIo::serialText()
{
    QFETCH(double, serial);
    QFETCH(DateKind, kind);
    QFETCH(bool, date1904);
    QFETCH(QString, text);
    QCOMPARE(io::excelSerialText(serial, kind, date1904), text);
}

void TestTableIo::isNumberText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("number");

    QTest::newRow("integer") << u"42"_s << true;
    QTest::newRow("zero") << u"0"_s << true;
    QTest::newRow("decimal") << u"1200.50"_s << true;
    QTest::newRow("fraction") << u"0.25"_s << true;
    QTest::newRow("negative") << u"-12.3"_s << true;
    QTest::newRow("11 digits") << u"13800138000"_s << true;
    QTest::newRow("12 digits") << u"123456789012"_s << false;
    QTest::newRow("ID number") << u"320682199001011234"_s << false;
    QTest::newRow("ID number with X") << u"32068219900101123X"_s << false;
    QTest::newRow("bank account") << u"6228480402564890018"_s << false;
    QTest::newRow("leading zero") << u"0513"_s << false;
    QTest::newRow("grouped") << u"1,234.50"_s << false;
    QTest::newRow("exponent") << u"1e5"_s << false;
    QTest::newRow("plus") << u"+5"_s << false;
    QTest::newRow("spaces") << u" 5"_s << false;
    QTest::newRow("no whole part") << u".5"_s << false;
    QTest::newRow("no fraction") << u"5."_s << false;
    QTest::newRow("16 significant") << u"1234567890.123456"_s << false;
    QTest::newRow("15 significant") << u"1234567890.12345"_s << true;
    QTest::newRow("full-width digits") << u"１２"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("minus") << u"-"_s << false;
}

void TestTableIo::isNumberText()
{
    QFETCH(QString, text);
    QFETCH(bool, number);
    QCOMPARE(io::XlsxWriter::isNumberText(text), number);
}

// -------------------------------------------------------------------------------------------- XLSX files

void TestTableIo::xlsxRoundTrip()
{
    const QString file = path(u"roundtrip.xlsx"_s);
    const QStringList header{u"姓名"_s, u"身份证号"_s, u"银行账号"_s, u"金额"_s,
                             u"备注"_s, u"编码"_s,     u"空列"_s,     u"数量"_s};
    const Rows rows{
        {u"张三"_s, u"320682199001011234"_s, u"6228480402564890018"_s, u"1200.50"_s, u"多行\n备注"_s,
         u"0513"_s, QString(), u"3"_s},
        {u"李四"_s, u"32068219900101123X"_s, u"6217000010001234567"_s, u"-12.3"_s, u" 前后空格 "_s, u"007"_s,
         QString(), u"0"_s},
        {QString(), QString(), QString(), QString(), QString(), QString(), QString(), u"只有最后一列"_s},
        {u"控制\x01字符\r和_x0041_"_s, u"<&>\"'"_s, u"1,234.50"_s},
    };
    QVERIFY(io::XlsxWriter::isNumberText(u"1200.50"_s));
    const Rows summary{{u"汇总"_s, u"2"_s}, {}, {u"合计"_s, u"1188.2"_s}};
    QString error;
    QVERIFY2(io::writeXlsx(file, {{u"发放名单"_s, header, rows}, {u"汇总"_s, {}, summary}}, &error),
             qPrintable(error));

    QString namesError;
    QCOMPARE(io::xlsxSheetNames(file, &namesError), (QStringList{u"发放名单"_s, u"汇总"_s}));
    QVERIFY(namesError.isEmpty());

    const TableData first = io::readXlsx(file);
    const Rows wanted{
        header,
        {u"张三"_s, u"320682199001011234"_s, u"6228480402564890018"_s, u"1200.5"_s, u"多行\n备注"_s,
         u"0513"_s, QString(), u"3"_s},
        {u"李四"_s, u"32068219900101123X"_s, u"6217000010001234567"_s, u"-12.3"_s, u" 前后空格 "_s, u"007"_s,
         QString(), u"0"_s},
        {QString(), QString(), QString(), QString(), QString(), QString(), QString(), u"只有最后一列"_s},
        {u"控制\x01字符\r和_x0041_"_s, u"<&>\"'"_s, u"1,234.50"_s},
    };
    COMPARE_TABLE(first, wanted, (Lines{1, 2, 3, 4, 5}));
    QCOMPARE(first.sheetName, u"发放名单"_s);
    QVERIFY(first.encoding.isEmpty());

    io::ReadOptions second;
    second.sheetName = u"汇总"_s;
    const TableData other = io::readXlsx(file, second);
    COMPARE_TABLE(other, summary, (Lines{1, 2, 3}));
    QCOMPARE(other.sheetName, u"汇总"_s);

    second.sheetName = u"没有这张表"_s;
    const TableData missing = io::readXlsx(file, second);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error.contains(u"没有这张表"_s) && missing.error.contains(u"发放名单"_s),
             qPrintable(missing.error));

    // The same file through the entry point.
    const TableData viaEntry = io::readTable(file);
    COMPARE_TABLE(viaEntry, wanted, (Lines{1, 2, 3, 4, 5}));
}

void TestTableIo::xlsxTypedValues()
{
    const QString file = path(u"typed.xlsx"_s);
    io::XlsxWriter writer(file);
    QVERIFY(writer.beginSheet(u"类型"_s, {u"整数"_s, u"小数"_s, u"日期"_s, u"时间"_s, u"布尔"_s, u"长整数"_s,
                                          u"文本"_s, u"空"_s, u"无符号"_s}));
    QVERIFY(writer.writeValues({42, 3.25, QDate(2024, 3, 1), QDateTime(QDate(2024, 3, 1), QTime(8, 30)), true,
                                qint64(123456789012345678), u"00123"_s, QVariant(), quint64(7)}));
    QVERIFY(writer.writeValues(
        {-7, 0.1, QDate(1900, 1, 1), QVariant(), false, qint64(999999999999999), u"42"_s}));
    QCOMPARE(writer.rowCount(), 3);
    QVERIFY2(writer.finish(), qPrintable(writer.errorString()));

    const TableData table = io::readXlsx(file);
    const Rows wanted{
        {u"整数"_s, u"小数"_s, u"日期"_s, u"时间"_s, u"布尔"_s, u"长整数"_s, u"文本"_s, u"空"_s, u"无符号"_s},
        {u"42"_s, u"3.25"_s, u"2024-03-01"_s, u"2024-03-01 08:30:00"_s, u"TRUE"_s, u"123456789012345678"_s,
         u"00123"_s, QString(), u"7"_s},
        {u"-7"_s, u"0.1"_s, u"1900-01-01"_s, QString(), u"FALSE"_s, u"999999999999999"_s, u"42"_s},
    };
    COMPARE_TABLE(table, wanted, (Lines{1, 2, 3}));

    // A QString is text even when it looks like a number.
    const QByteArray sheet = zipEntry(file, u"xl/worksheets/sheet1.xml"_s);
    QVERIFY(sheet.contains(R"(<c r="G3" s="2" t="inlineStr"><is><t>42</t></is></c>)"));
    QVERIFY(sheet.contains(R"(<c r="A3"><v>-7</v></c>)"));
}

void TestTableIo::xlsxLongDigitsAreText()
{
    const QString file = path(u"digits.xlsx"_s);
    QString error;
    QVERIFY2(io::writeXlsx(file,
                           {{u"名单"_s,
                             {u"身份证号"_s, u"账号"_s, u"金额"_s},
                             {{u"320682199001011234"_s, u"6228480402564890018"_s, u"1200.5"_s}}}},
                           &error),
             qPrintable(error));
    const QByteArray sheet = zipEntry(file, u"xl/worksheets/sheet1.xml"_s);
    QVERIFY(!sheet.isEmpty());
    // Text cells (with the text format, so that editing in Excel keeps them text), and a number cell.
    QVERIFY2(sheet.contains(R"(<c r="A2" s="2" t="inlineStr"><is><t>320682199001011234</t></is></c>)"),
             sheet.constData());
    QVERIFY(sheet.contains(R"(<c r="B2" s="2" t="inlineStr"><is><t>6228480402564890018</t></is></c>)"));
    QVERIFY(sheet.contains(R"(<c r="C2"><v>1200.5</v></c>)"));
    // Wide enough for the 18 digits, not only for the header.
    QVERIFY(sheet.contains(R"(<col min="1" max="1" width="21" customWidth="1"/>)"));
    // The header is bold and stays in view.
    QVERIFY(sheet.contains(R"(<c r="A1" s="1" t="inlineStr">)"));
    QVERIFY(sheet.contains(R"(state="frozen")"));
    const QByteArray styles = zipEntry(file, u"xl/styles.xml"_s);
    QVERIFY(styles.contains("<b/>"));
    QVERIFY(!zipEntry(file, u"[Content_Types].xml"_s).isEmpty());
}

void TestTableIo::xlsxSheetNamesMadeValid()
{
    const QString file = path(u"names.xlsx"_s);
    io::XlsxWriter writer(file);
    QVERIFY(writer.beginSheet(u"a/b:c?d*e[f]g\\h"_s));
    QVERIFY(writer.beginSheet(u"名单"_s));
    QVERIFY(writer.beginSheet(u"名单"_s));
    QVERIFY(writer.beginSheet(QString()));
    QVERIFY(writer.beginSheet(u"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三"_s));
    QVERIFY(writer.beginSheet(u"'引号'"_s));
    QVERIFY(writer.finish());
    const QStringList wanted{u"a_b_c_d_e_f_g_h"_s,
                             u"名单"_s,
                             u"名单 (2)"_s,
                             u"Sheet4"_s,
                             u"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"_s,
                             u"引号"_s};
    QCOMPARE(writer.sheetNames(), wanted);
    QCOMPARE(io::xlsxSheetNames(file), wanted);
}

void TestTableIo::xlsxHandMade()
{
    // As Excel writes it: shared strings with rich-text runs and phonetic runs, a custom date format, a
    // hidden first sheet, a sheet part with an unusual name reached through the relationships, an absolute
    // target, skipped cells and rows, cells without references, formula results, booleans and errors.
    const QByteArray workbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr defaultThemeVersion="124226"/>
<sheets>
<sheet name="隐藏" sheetId="3" state="hidden" r:id="rId4"/>
<sheet name="Data" sheetId="1" r:id="rId2"/>
</sheets>
<calcPr calcId="145621"/>
</workbook>)";
    const QByteArray rels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/>
</Relationships>)";
    const QByteArray sharedStrings = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="5">
<si><t>姓名</t></si>
<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>张</t></r><r><rPr><sz val="11"/></rPr><t xml:space="preserve">三 </t></r></si>
<si><t>王五</t><rPh sb="0" eb="2"><t>ワンウ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>a_x000D_b_x005F_x0041_</t></si>
<si><t>出生日期</t></si>
</sst>)";
    const QByteArray styles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="176" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" xfId="0"/>
<xf numFmtId="22" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>)";
    const QByteArray data = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:AB9"/>
<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>
<sheetFormatPr defaultRowHeight="13.5"/>
<cols><col min="1" max="1" width="12" customWidth="1"/></cols>
<sheetData>
<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>4</v></c><c r="D1" t="inlineStr"><is><t>备注</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>45292</v></c><c r="C2"><v>3.20682199001011E+17</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="5"><v>1234.5</v></c></row>
<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" s="2"><v>32874</v></c><c r="C4" t="str"><f>"x"</f><v>x</v></c><c r="AB4"><v>7</v></c></row>
<row r="5"><c r="A5" s="4"><v>45292.75</v></c><c r="B5" t="e"><f>NA()</f><v>#N/A</v></c><c r="C5" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c><c r="D5" s="3"/></row>
<row r="6" spans="1:3" ht="20" customHeight="1"><c r="A6" s="3"/><c r="B6" t="s"/></row>
<row r="7"><c t="s"><v>3</v></c><c><v>2</v></c><c s="1"><f>B2+1</f><v>45293</v></c></row>
<row r="9"><c r="A9" s="3"/></row>
</sheetData>
<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>)";
    const QByteArray hidden = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="3"><c r="B3" t="inlineStr"><is><t>藏起来的</t></is></c></row></sheetData></worksheet>)";

    const QString file = path(u"handmade.xlsx"_s);
    QVERIFY(writeZip(file, {{u"[Content_Types].xml"_s, kContentTypes},
                            {u"_rels/.rels"_s, kPackageRels},
                            {u"xl/workbook.xml"_s, workbook},
                            {u"xl/_rels/workbook.xml.rels"_s, rels},
                            {u"xl/sharedStrings.xml"_s, sharedStrings},
                            {u"xl/styles.xml"_s, styles},
                            {u"xl/worksheets/data.xml"_s, data},
                            {u"xl/worksheets/sheet2.xml"_s, hidden}}));

    QCOMPARE(io::xlsxSheetNames(file), (QStringList{u"隐藏"_s, u"Data"_s}));

    QStringList row4(28);
    row4[0] = u"王五"_s;
    row4[1] = u"1990-01-01"_s;
    row4[2] = u"x"_s;
    row4[27] = u"7"_s;
    const Rows wanted{
        {u"姓名"_s, u"出生日期"_s, QString(), u"备注"_s},
        {u"张三 "_s, u"2024-01-01"_s, u"320682199001011000"_s, u"TRUE"_s, u"1234.5"_s},
        row4,
        {u"2024-01-01 18:00:00"_s, u"#N/A"_s, u"富文本"_s},
        {},
        {u"a\rb_x0041_"_s, u"2"_s, u"2024-01-02"_s},
    };
    const TableData table = io::readXlsx(file); // the first visible sheet
    COMPARE_TABLE(table, wanted, (Lines{1, 2, 4, 5, 6, 7}));
    QCOMPARE(table.sheetName, u"Data"_s);

    io::ReadOptions options;
    options.sheetName = u"隐藏"_s;
    const TableData hiddenTable = io::readXlsx(file, options);
    COMPARE_TABLE(hiddenTable, (Rows{{QString(), u"藏起来的"_s}}), (Lines{3}));

    options.sheetName = u"data"_s; // names match without regard to case as in Excel
    QCOMPARE(io::readXlsx(file, options).rows.size(), wanted.size());
}

// How Excel, LibreOffice and openpyxl store what clerks type: identifiers in General cells as numbers (Excel
// keeps 15 significant digits, openpyxl writes a Python int whole), a period typed "2026.10" as 2026.1, and a
// village merged over the rows of its households.
void TestTableIo::xlsxNumbersAndMerges()
{
    const QString file = path(u"numbers.xlsx"_s);
    QVERIFY(writeZip(
        file,
        oneSheetWorkbook(
            R"(<row r="1"><c r="A1" t="inlineStr"><is><t>村</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c><c r="C1" t="inlineStr"><is><t>账号</t></is></c><c r="D1" t="inlineStr"><is><t>所属期</t></is></c><c r="E1" t="inlineStr"><is><t>电话</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>东湾村</t></is></c><c r="B2"><v>3.20612196609234E+17</v></c><c r="C2"><v>6228480402564890018</v></c><c r="D2"><v>2026.1</v></c><c r="E2"><v>13812345678</v></c></row>
<row r="3"><c r="A3" s="0"/><c r="B3" t="inlineStr"><is><t>320612196609234019</t></is></c><c r="C3"><v>999999999999999</v></c></row>
<row r="4"><c r="B4"><v>1E+15</v></c><c r="C4"><f>B4*2</f></c><c r="D4" t="str"><f>"x"</f><v>x</v></c></row>)",
            {}, false,
            R"(<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="D2:D3"/></mergeCells>)")));
    const TableData t = io::readXlsx(file);
    QVERIFY2(t.ok(), qPrintable(t.error));
    QCOMPARE(t.rows.size(), 4);
    // The merged village in every row it covers; the merged period too, still a number.
    QCOMPARE(t.rows.at(2).value(0), u"东湾村"_s);
    QCOMPARE(t.rows.at(3).value(0), u"东湾村"_s);
    QCOMPARE(t.rows.at(2).value(3), u"2026.1"_s);
    QVERIFY(t.isNumber(2, 3));
    QVERIFY(!t.isNumber(2, 0));
    // Numbers of 16 digits or more lost digits; 15 and fewer did not; text never did.
    QVERIFY(t.lostDigits(1, 1));
    QVERIFY(t.lostDigits(1, 2));
    QVERIFY(t.isNumber(1, 3) && !t.lostDigits(1, 3));
    QVERIFY(t.isNumber(1, 4) && !t.lostDigits(1, 4));
    QVERIFY(!t.isNumber(2, 1) && !t.lostDigits(2, 1));
    QVERIFY(t.isNumber(2, 2) && !t.lostDigits(2, 2));
    QVERIFY(t.lostDigits(3, 1));
    QVERIFY(!t.isNumber(0, 0));
    // A formula without its result is marked; one with its result is read as the result.
    QVERIFY(t.formulaWithoutValue(3, 2));
    QCOMPARE(t.rows.at(3).value(2), QString());
    QVERIFY(!t.formulaWithoutValue(3, 3));
    QCOMPARE(t.rows.at(3).value(3), u"x"_s);
}

void TestTableIo::xlsxDate1904()
{
    const QString file = path(u"date1904.xlsx"_s);
    QVERIFY(writeZip(
        file, oneSheetWorkbook(R"(<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1"><v>0</v></c></row>)", {},
                               true)));
    COMPARE_TABLE(io::readXlsx(file), (Rows{{u"1904-01-01"_s, u"0"_s}}), (Lines{1}));
}

void TestTableIo::xlsxProgressAndCancel()
{
    const QString file = path(u"progress.xlsx"_s);
    Rows rows;
    for (int i = 1; i <= 3000; ++i)
        rows.append(
            {QString::number(i), u"名字%1"_s.arg(i), u"32068219900101%1"_s.arg(i, 4, 10, QChar(u'0'))});
    QString error;
    qint64 writeCalls = 0;
    QVERIFY2(io::writeXlsx(file, {{u"名单"_s, {u"序号"_s, u"姓名"_s, u"身份证号"_s}, rows}}, &error,
                           [&writeCalls](qint64 done, qint64 total) {
                               ++writeCalls;
                               return done <= total;
                           }),
             qPrintable(error));
    QVERIFY(writeCalls >= 2);

    QList<qint64> seen;
    qint64 lastTotal = -1;
    const TableData table = io::readTable(file, [&seen, &lastTotal](qint64 done, qint64 total) {
        seen.append(done);
        lastTotal = total;
        return true;
    });
    QVERIFY2(table.ok(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), 3001);
    QCOMPARE(table.rows.constLast(), (QStringList{u"3000"_s, u"名字3000"_s, u"320682199001013000"_s}));
    QVERIFY(seen.size() >= 3);
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(seen.constLast(), lastTotal);

    const TableData cancelled = io::readTable(file, [](qint64, qint64) { return false; });
    QVERIFY(cancelled.cancelled);
    QCOMPARE(cancelled.error, io::cancelledMessage());
    QVERIFY(cancelled.rows.isEmpty());

    // A write cancelled half way leaves no file.
    const QString notWritten = path(u"cancelled.xlsx"_s);
    QVERIFY(!io::writeXlsx(notWritten, {{u"名单"_s, {}, rows}}, &error,
                           [](qint64 done, qint64) { return done < 2000; }));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(notWritten));
}

void TestTableIo::xlsxDamaged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("mustFail"); // false: anything but a crash is fine

    QByteArray random(4096, '\0');
    QRandomGenerator generator(20240301);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::newRow("random bytes") << random << true;
    QTest::newRow("empty file") << QByteArray() << true;
    QTest::newRow("text") << QByteArray("姓名,身份证号\n") << true;

    const QString good = path(u"good-for-damage.xlsx"_s);
    Rows rows;
    for (int i = 0; i < 500; ++i)
        rows.append({u"名字%1"_s.arg(i), QString::number(i * 3.5)});
    QVERIFY(io::writeXlsx(good, {{u"名单"_s, {u"姓名"_s, u"金额"_s}, rows}}));
    const QByteArray whole = readFile(good);
    QVERIFY(whole.size() > 1000);
    QTest::newRow("truncated to half") << whole.left(whole.size() / 2) << true;
    QTest::newRow("end of central directory cut") << whole.left(whole.size() - 40) << true;
    QTest::newRow("truncated by one byte") << whole.left(whole.size() - 1) << false; // all the data is there
    QTest::newRow("only the zip header") << whole.left(30) << true;
    QByteArray flipped = whole;
    for (qsizetype i = 200; i < flipped.size() / 2; i += 97)
        flipped[i] = char(~flipped.at(i));
    QTest::newRow("flipped bytes inside") << flipped << false;

    const auto zipOf = [this](const QString &name, const Parts &parts) {
        const QString file = path(name);
        return writeZip(file, parts) ? readFile(file) : QByteArray();
    };
    QTest::newRow("zip without workbook") << zipOf(u"noworkbook.zip"_s, {{u"hello.txt"_s, "hello"}}) << true;
    QTest::newRow("workbook without sheets")
        << zipOf(
               u"nosheets.zip"_s,
               {{u"xl/workbook.xml"_s,
                 R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>)"}})
        << true;
    Parts missingSheet = oneSheetWorkbook({});
    missingSheet.removeLast();
    QTest::newRow("sheet part missing") << zipOf(u"missingsheet.zip"_s, missingSheet) << true;
    QTest::newRow("malformed sheet XML")
        << zipOf(u"badxml.zip"_s, oneSheetWorkbook(R"(<row r="1"><c r="A1"><v>1</v></row>)")) << true;
    QTest::newRow("sheet XML cut short")
        << zipOf(
               u"cutxml.zip"_s,
               withSheet(
                   oneSheetWorkbook({}),
                   R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>)"))
        << true;
    QTest::newRow("shared string out of range")
        << zipOf(u"badshared.zip"_s,
                 oneSheetWorkbook(R"(<row r="1"><c r="A1" t="s"><v>5</v></c></row>)", "<si><t>a</t></si>"))
        << true;
    QTest::newRow("no shared strings at all")
        << zipOf(u"noshared.zip"_s, oneSheetWorkbook(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"))
        << true;
    QTest::newRow("column beyond XFD")
        << zipOf(u"badcolumn.zip"_s, oneSheetWorkbook(R"(<row r="1"><c r="ZZZZ1"><v>1</v></c></row>)"))
        << true;
    QTest::newRow("bad row number") << zipOf(u"badrow.zip"_s,
                                             oneSheetWorkbook(R"(<row r="-3"><c r="A1"><v>1</v></c></row>)"))
                                    << true;
    QTest::newRow("no sheetData")
        << zipOf(
               u"nosheetdata.zip"_s,
               withSheet(oneSheetWorkbook({}),
                         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>)"))
        << true;
    QTest::newRow("not XML") << zipOf(u"notxml.zip"_s,
                                      withSheet(oneSheetWorkbook({}), "\x01\x02 this is not XML"))
                             << true;
}

void TestTableIo::xlsxDamaged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, mustFail);

    const QString file = path(u"damaged.xlsx"_s);
    QVERIFY(writeFile(file, bytes));
    const TableData table = io::readTable(file);
    QString namesError;
    const QStringList names = io::xlsxSheetNames(file, &namesError);
    if (!mustFail)
        return; // it did not crash
    QVERIFY2(!table.ok(), qPrintable(describe(table.rows)));
    QVERIFY(table.rows.isEmpty());
    QVERIFY(table.lineNumbers.isEmpty());
    QVERIFY(!table.cancelled);
    // A Chinese message naming the file or the fault, never an empty or English one.
    QVERIFY2(table.error.contains(u"文件"_s), qPrintable(table.error));
    QVERIFY(names.isEmpty() == !namesError.isEmpty());
}

void TestTableIo::writerDiscardKeepsOldFile()
{
    const QString file = path(u"keep.xlsx"_s);
    QVERIFY(writeFile(file, "old content"));
    {
        io::XlsxWriter writer(file);
        QVERIFY(writer.beginSheet(u"名单"_s, {u"姓名"_s}));
        QVERIFY(writer.writeRow({u"张三"_s}));
        writer.discard();
        QVERIFY(!writer.finish());
        QVERIFY(!writer.errorString().isEmpty());
    }
    QCOMPARE(readFile(file), QByteArray("old content"));
    {
        io::XlsxWriter writer(file);
        QVERIFY(writer.writeRow({u"李四"_s})); // a sheet is started when none is
        // Destroyed without finish(): nothing is written.
    }
    QCOMPARE(readFile(file), QByteArray("old content"));
    {
        io::XlsxWriter writer(file);
        QVERIFY(writer.writeRow({u"王五"_s}));
        QVERIFY(writer.finish());
        QVERIFY(writer.finish()); // twice is harmless
        QCOMPARE(writer.sheetNames(), QStringList{u"Sheet1"_s});
    }
    COMPARE_TABLE(io::readXlsx(file), (Rows{{u"王五"_s}}), (Lines{1}));

    // No sheet at all still makes a workbook Excel opens.
    const QString empty = path(u"empty.xlsx"_s);
    io::XlsxWriter writer(empty);
    QVERIFY(writer.finish());
    const TableData table = io::readXlsx(empty);
    QVERIFY2(table.ok(), qPrintable(table.error));
    QVERIFY(table.rows.isEmpty());
}

void TestTableIo::writerUnwritablePath()
{
    io::XlsxWriter writer(path(u"no/such/folder/out.xlsx"_s));
    QVERIFY(!writer.beginSheet(u"名单"_s));
    QVERIFY(!writer.writeRow({u"a"_s}));
    QVERIFY(!writer.finish());
    QVERIFY2(writer.errorString().contains(u"无法创建文件"_s), qPrintable(writer.errorString()));
}

// ---------------------------------------------------------------------------------------------- entry point

void TestTableIo::readTableByExtension()
{
    // GBK CSV as Chinese Excel saves it.
    const QString gbk = path(u"名单.csv"_s);
    QVERIFY(writeFile(gbk, gb18030(u"姓名,身份证号\r\n张三,320682199001011234\r\n"_s)));
    const TableData csv = io::readTable(gbk);
    COMPARE_TABLE(csv, (Rows{{u"姓名"_s, u"身份证号"_s}, {u"张三"_s, u"320682199001011234"_s}}),
                  (Lines{1, 2}));
    QCOMPARE(csv.encoding, u"GB18030"_s);

    const QString txt = path(u"unicode.txt"_s);
    QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    QVERIFY(writeFile(txt, utf16.encode(u"姓名\t金额\r\n张三\t12\r\n"_s)));
    COMPARE_TABLE(io::readTable(txt), (Rows{{u"姓名"_s, u"金额"_s}, {u"张三"_s, u"12"_s}}), (Lines{1, 2}));

    // An .xlsx saved under a .csv name is still read.
    const QString disguised = path(u"disguised.csv"_s);
    QVERIFY(io::writeXlsx(disguised, {{u"名单"_s, {u"姓名"_s}, {{u"张三"_s}}}}));
    COMPARE_TABLE(io::readTable(disguised), (Rows{{u"姓名"_s}, {u"张三"_s}}), (Lines{1, 2}));

    const QString saveAs = u"请在 Excel 或 WPS 中另存为 .xlsx 或 CSV"_s;
    const QString xls = path(u"old.xls"_s);
    QVERIFY(writeFile(xls, "<html>not really a workbook</html>"));
    TableData table = io::readTable(xls);
    QVERIFY(!table.ok());
    QVERIFY2(table.error.contains(saveAs), qPrintable(table.error));

    // LibreOffice's and WPS's own format: the same advice.
    const QString ods = path(u"花名册.ods"_s);
    QVERIFY(writeZip(ods, {{u"mimetype"_s, "application/vnd.oasis.opendocument.spreadsheet"},
                           {u"content.xml"_s, "<office:document-content/>"}}));
    table = io::readTable(ods);
    QVERIFY(!table.ok());
    QVERIFY2(table.error.contains(u"另存为 .xlsx 或 CSV"_s) && table.error.contains(u"花名册.ods"_s),
             qPrintable(table.error));

    const QString ole = path(u"ole.xlsx"_s); // an old workbook, or an encrypted one, under a new name
    QVERIFY(writeFile(ole, QByteArray::fromHex("d0cf11e0a1b11ae1") + QByteArray(512, '\0')));
    table = io::readTable(ole);
    QVERIFY(!table.ok());
    QVERIFY2(table.error.contains(saveAs), qPrintable(table.error));

    const QString doc = path(u"letter.docx"_s);
    QVERIFY(writeFile(doc, "x"));
    table = io::readTable(doc);
    QVERIFY(!table.ok());
    QVERIFY2(table.error.contains(u".docx"_s), qPrintable(table.error));

    table = io::readTable(path(u"missing.csv"_s));
    QVERIFY(!table.ok());
    QVERIFY2(table.error.contains(u"找不到文件"_s), qPrintable(table.error));

    QCOMPARE(io::formatForPath(u"a.CSV"_s), io::TableFormat::Csv);
    QCOMPARE(io::formatForPath(u"a.Xlsx"_s), io::TableFormat::Xlsx);
    QCOMPARE(io::formatForPath(u"a.xls"_s), io::TableFormat::Xls);
    QCOMPARE(io::formatForPath(u"a.pdf"_s), io::TableFormat::Unknown);
}

QTEST_GUILESS_MAIN(TestTableIo)
#include "tst_tableio.moc"
