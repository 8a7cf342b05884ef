// 集体三资's imports of existing books (MODULES.md §2): a journal (日记账) read into one ledger-book and an
// asset register (资产台账) into one village, from CSV in UTF-8 and GBK and from a hand-made .xlsx: the good
// rows and their fields, each kind of bad row reported on its line and column, rows put in date order,
// entries and assets stored already skipped and counted, the same row twice reported, the journal's own
// position (last entry, closes, opening, the cash) respected, 凭证号 and 资产编号 Excel stored as numbers,
// titles, carry rows, two-row headers and missing columns.
#include "tests/common/TableIoSupport.h"
#include "tests/common/XlsxFixtures.h"

#include "common/collective/AssetImport.h"
#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerImport.h"
#include "common/collective/LedgerTypes.h"
#include "common/io/CsvReader.h"
#include "common/io/XlsxReader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::collective;
using test::Rows;

namespace {

const QDate kToday(2026, 4, 20);
const QString kVillage = u"320612101201"_s;
const QString kBook = u"3f1c0a52-0000-4000-8000-000000000001"_s;

sync::Placement villagePlacement()
{
    sync::Placement p;
    p.orgUnitId = kVillage;
    p.orgPath = u"/320600000000/320612000000/320612101000/320612101201/"_s;
    p.orgLevel = OrgLevel::Village;
    return p;
}

io::TableData tableOf(const Rows &rows)
{
    io::TableData t;
    t.rows = rows;
    for (qsizetype i = 0; i < rows.size(); ++i)
        t.lineNumbers.append(int(i) + 1);
    return t;
}

// A CSV file's text as Excel writes it: cells with a comma or a quote quoted.
QString csvOf(const Rows &rows)
{
    QStringList lines;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &cell : row) {
            const bool quote = cell.contains(u',') || cell.contains(u'"');
            cells.append(quote ? QString(u"\""_s + QString(cell).replace(u"\""_s, u"\"\""_s) + u"\""_s)
                               : cell);
        }
        lines.append(cells.join(u','));
    }
    return lines.join(u"\r\n"_s) + u"\r\n"_s;
}

// A hand-made sheet: "#…" a number cell (as stored), "@…" a date cell (the serial, style 1), anything else an
// inline string; empty cells are left out.
QByteArray sheetXml(const Rows &rows)
{
    QString xml;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        xml += u"<row r=\"%1\">"_s.arg(r + 1);
        for (qsizetype c = 0; c < rows.at(r).size(); ++c) {
            const QString value = rows.at(r).at(c);
            const QString ref = QString(QChar(char16_t(u'A' + c))) + QString::number(r + 1);
            if (value.isEmpty())
                continue;
            if (value.startsWith(u'#'))
                xml += u"<c r=\"%1\"><v>%2</v></c>"_s.arg(ref, value.mid(1));
            else if (value.startsWith(u'@'))
                xml += u"<c r=\"%1\" s=\"1\"><v>%2</v></c>"_s.arg(ref, value.mid(1));
            else
                xml +=
                    u"<c r=\"%1\" t=\"inlineStr\"><is><t>%2</t></is></c>"_s.arg(ref, value.toHtmlEscaped());
        }
        xml += u"</row>"_s;
    }
    return xml.toUtf8();
}

template <class Result>
QByteArray describeProblems(const Result &r)
{
    QStringList out;
    if (!r.error.isEmpty())
        out.append(r.error);
    for (const io::ImportProblem &p : r.problems)
        out.append(u"line %1 [%2] %3"_s.arg(p.line).arg(p.column, p.reason));
    return out.join(u"; "_s).toUtf8();
}

LedgerImportOptions ledgerOptions(const QString &kind = u"bank"_s)
{
    LedgerImportOptions o;
    o.book.bookId = kBook;
    o.book.kind = kind;
    o.book.openingOn = QDate(2026, 1, 1);
    o.placement = villagePlacement();
    o.today = kToday;
    return o;
}

AssetImportOptions assetOptions()
{
    AssetImportOptions o;
    o.placement = villagePlacement();
    o.today = kToday;
    return o;
}

const QStringList kJournalHeader{
    u"日期"_s,     u"凭证号"_s,  u"摘要"_s, u"收入（借方）金额"_s, u"支出（贷方）金额"_s,
    u"收支类别"_s, u"对方单位"_s};

// One income row of the journal header: date, voucher, amount, class.
QStringList income(const QString &on, const QString &voucher, const QString &amount,
                   const QString &entryClass = u"经营收入"_s)
{
    return {on, voucher, u"收入"_s + voucher, amount, QString(), entryClass, QString()};
}

QStringList spending(const QString &on, const QString &voucher, const QString &amount,
                     const QString &entryClass = u"管理费用"_s)
{
    return {on, voucher, u"支出"_s + voucher, QString(), amount, entryClass, QString()};
}

const QStringList kAssetHeader{u"资产编号"_s,   u"资产名称"_s, u"类别"_s,     u"坐落位置"_s,       u"数量"_s,
                               u"原值（元）"_s, u"取得方式"_s, u"启用日期"_s, u"使用年限（年）"_s, u"状态"_s,
                               u"管护人"_s,     u"资金项目"_s, u"建设项目"_s};

} // namespace

class TestCollectiveImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- the journal ---

    void journalGoodRows_data();
    void journalGoodRows();
    void journalBadRows_data();
    void journalBadRows();
    void journalAmountWithDirection();
    void journalSortedByDate();
    void journalDuplicatesSkipped();
    void journalAgainstTheBook();
    void journalVoucherAsNumber();
    void journalTwoRowHeaderAndCarryRows();
    void journalMissingColumns();

    // --- the asset register ---

    void registerGoodRows_data();
    void registerGoodRows();
    void registerBadRows_data();
    void registerBadRows();
    void registerDuplicatesSkipped();
    void registerMissingColumns();

private:
    // The rows as the format named stores them: "utf8" and "gbk" CSV of `csv`, "xlsx" a workbook of `xlsx`.
    io::TableData read(const QString &format, const Rows &csv, const Rows &xlsx)
    {
        if (format == u"utf8"_s)
            return io::parseCsv(csvOf(csv).toUtf8());
        if (format == u"gbk"_s)
            return io::parseCsv(test::gb18030(csvOf(csv)));
        const QString path = m_dir.filePath(u"sheet%1.xlsx"_s.arg(++m_files));
        if (!test::writeZip(path, test::oneSheetWorkbook(sheetXml(xlsx)))) {
            io::TableData failed;
            failed.error = u"could not write "_s + path;
            return failed;
        }
        return io::readXlsx(path);
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

// --- the journal -------------------------------------------------------------------------------------------

void TestCollectiveImport::journalGoodRows_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("CSV, UTF-8") << u"utf8"_s;
    QTest::newRow("CSV, GBK") << u"gbk"_s;
    QTest::newRow(".xlsx") << u"xlsx"_s;
}

void TestCollectiveImport::journalGoodRows()
{
    QFETCH(QString, format);
    // A title, the balance carried in, four entries (one 凭证号 Excel stored as a number, two classes named
    // by a synonym), the month's total.
    const Rows csv{
        {u"2026年 农商行基本户 银行存款日记账"_s},
        kJournalHeader,
        {u"2026-01-01"_s, QString(), u"上年结转"_s, QString(), QString(), QString(), QString()},
        {u"2026-01-05"_s, u"记-1"_s, u"收到东片耕地承包费"_s, u"12,000.00"_s, QString(), u"发包及上交收入"_s,
         u"张三家庭农场"_s},
        {u"2026/1/8"_s, u"记-2"_s, u"购买办公用品"_s, QString(), u"350.5"_s, u"管理费用"_s, u"通州文具店"_s},
        {u"2026年1月10日"_s, u"12.0"_s, u"上级补助资金"_s, u"50000"_s, QString(), u"财政补助"_s, QString()},
        {u"2026-01-10"_s, u"记-4"_s, u"提取备用金"_s, QString(), u"2,000.00"_s, u"提现"_s, QString()},
        {u"2026-01-31"_s, QString(), u"本月合计"_s, u"62,000.00"_s, u"2,350.50"_s, QString(), QString()},
    };
    const Rows xlsx{
        {u"2026年 农商行基本户 银行存款日记账"_s},
        kJournalHeader,
        {u"@46023"_s, QString(), u"上年结转"_s},
        {u"@46027"_s, u"记-1"_s, u"收到东片耕地承包费"_s, u"#12000"_s, QString(), u"发包及上交收入"_s,
         u"张三家庭农场"_s},
        {u"@46030"_s, u"记-2"_s, u"购买办公用品"_s, QString(), u"#350.5"_s, u"管理费用"_s, u"通州文具店"_s},
        {u"@46032"_s, u"#12.0"_s, u"上级补助资金"_s, u"#50000"_s, QString(), u"财政补助"_s},
        {u"2026-01-10"_s, u"记-4"_s, u"提取备用金"_s, QString(), u"#2000"_s, u"提现"_s},
        {u"@46053"_s, QString(), u"本月合计"_s, u"#62000"_s, u"#2350.5"_s},
    };
    const io::TableData table = read(format, csv, xlsx);
    QVERIFY2(table.ok(), qPrintable(table.error));
    QVERIFY(hasLedgerHeader(table));
    const LedgerImportResult r = checkLedgerImport(table, ledgerOptions());
    QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
    QCOMPARE(r.rowsRead, 4); // the carry rows are no entries
    QCOMPARE(r.badRows, 0);
    QCOMPARE(r.alreadyImported, 0);
    QCOMPARE(r.reordered, 0);
    QCOMPARE(r.rows.size(), 4);

    struct Expected
    {
        int line;
        QString on;
        QString voucher;
        qint64 amount;
        QString direction;
        QString entryClass;
        QString counterparty;
    };
    const QList<Expected> expected{
        {4, u"2026-01-05"_s, u"记-1"_s, 1'200'000, u"debit"_s, u"contracting-income"_s, u"张三家庭农场"_s},
        {5, u"2026-01-08"_s, u"记-2"_s, 35'050, u"credit"_s, u"management"_s, u"通州文具店"_s},
        {6, u"2026-01-10"_s, u"12"_s, 5'000'000, u"debit"_s, u"subsidy-income"_s, QString()},
        {7, u"2026-01-10"_s, u"记-4"_s, 200'000, u"credit"_s, u"transfer"_s, QString()},
    };
    const LedgerEntryType type;
    sync::RuleContext context;
    context.today = kToday;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const LedgerImportRow &row = r.rows.at(i);
        const Expected &e = expected.at(i);
        QCOMPARE(row.line, e.line);
        QCOMPARE(row.fields.value(u"bookId"_s).toString(), kBook);
        QCOMPARE(row.fields.value(u"on"_s).toString(), e.on);
        QCOMPARE(row.fields.value(u"voucherNo"_s).toString(), e.voucher);
        QCOMPARE(row.fields.value(u"amount"_s).toInteger(), e.amount);
        QCOMPARE(row.fields.value(u"direction"_s).toString(), e.direction);
        QCOMPARE(row.fields.value(u"entryClass"_s).toString(), e.entryClass);
        QCOMPARE(row.fields.value(u"counterparty"_s).toString(), e.counterparty);
        QVERIFY(!row.fields.value(u"summary"_s).toString().isEmpty());
        QCOMPARE(row.recordId, ledgerEntryRecordId(kBook, row.fields));
        // Every good row passes the entry type's own checks under its id.
        QVERIFY(!type.checkRecord(row.recordId, row.fields, villagePlacement(), context));
    }
}

void TestCollectiveImport::journalBadRows_data()
{
    QTest::addColumn<QString>("column"); // the header whose cell is changed; empty: none
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problemColumn"); // empty: accepted
    QTest::newRow("valid") << QString() << QString() << QString();
    QTest::newRow("a synonym of the class") << u"收支类别"_s << u"经营性收入"_s << QString();
    QTest::newRow("the class after its account code") << u"收支类别"_s << u"501 经营收入"_s << QString();
    QTest::newRow("the class before a sub-account") << u"收支类别"_s << u"其他收入—利息"_s << QString();
    QTest::newRow("the class's wire value") << u"收支类别"_s << u"operating-income"_s << QString();
    QTest::newRow("a bad amount") << u"收入（借方）金额"_s << u"12,00.0x"_s << u"收入（借方）金额"_s;
    QTest::newRow("three decimals") << u"收入（借方）金额"_s << u"1.005"_s << u"收入（借方）金额"_s;
    QTest::newRow("a negative income") << u"收入（借方）金额"_s << u"-100.00"_s << u"收入（借方）金额"_s;
    QTest::newRow("no amount") << u"收入（借方）金额"_s << QString() << u"收入（借方）金额"_s;
    QTest::newRow("both amounts") << u"支出（贷方）金额"_s << u"10.00"_s << u"支出（贷方）金额"_s;
    QTest::newRow("an unknown class") << u"收支类别"_s << u"招待费"_s << u"收支类别"_s;
    QTest::newRow("no class") << u"收支类别"_s << QString() << u"收支类别"_s;
    QTest::newRow("a spending class on income") << u"收支类别"_s << u"管理费用"_s << u"收支类别"_s;
    QTest::newRow("a missing date") << u"日期"_s << QString() << u"日期"_s;
    QTest::newRow("not a date") << u"日期"_s << u"昨天"_s << u"日期"_s;
    QTest::newRow("a day to come") << u"日期"_s << u"2026-04-21"_s << u"日期"_s;
    QTest::newRow("no 凭证号") << u"凭证号"_s << QString() << u"凭证号"_s;
    QTest::newRow("a 凭证号 too long") << u"凭证号"_s << QString(21, u'9') << u"凭证号"_s;
    QTest::newRow("no 摘要") << u"摘要"_s << QString() << u"摘要"_s;
}

void TestCollectiveImport::journalBadRows()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(QString, problemColumn);
    QStringList row{u"2026-03-02"_s, u"记-9"_s,     u"出租仓库收入"_s, u"100.00"_s,
                    QString(),       u"经营收入"_s, u"李四"_s};
    if (!column.isEmpty())
        row[kJournalHeader.indexOf(column)] = value;
    const LedgerImportResult r = checkLedgerImport(tableOf({kJournalHeader, row}), ledgerOptions());
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rowsRead, 1);
    if (problemColumn.isEmpty()) {
        QVERIFY2(r.problems.isEmpty(), describeProblems(r).constData());
        QCOMPARE(r.rows.size(), 1);
        return;
    }
    QVERIFY(r.rows.isEmpty());
    QCOMPARE(r.badRows, 1);
    QVERIFY2(!r.problems.isEmpty(), "no problem reported");
    QCOMPARE(r.problems.first().line, 2);
    QVERIFY2(r.problems.first().column == problemColumn, describeProblems(r).constData());
    QVERIFY(!r.problems.first().reason.isEmpty());
}

void TestCollectiveImport::journalAmountWithDirection()
{
    // One amount column with its direction.
    const LedgerImportResult r = checkLedgerImport(
        tableOf({{u"日期"_s, u"凭证号"_s, u"摘要"_s, u"金额"_s, u"方向"_s, u"收支类别"_s},
                 {u"2026-03-02"_s, u"记-1"_s, u"出租仓库"_s, u"800.00"_s, u"收入"_s, u"经营收入"_s},
                 {u"2026-03-03"_s, u"记-2"_s, u"修水渠"_s, u"300"_s, u"贷"_s, u"公益支出"_s},
                 {u"2026-03-04"_s, u"记-3"_s, u"存款利息"_s, u"1.20"_s, u"借方"_s, u"其他收入"_s},
                 {u"2026-03-05"_s, u"记-4"_s, u"冲错账"_s, u"-20"_s, u"支出"_s, u"其他支出"_s},
                 {u"2026-03-06"_s, u"记-5"_s, u"何事"_s, u"20"_s, u"转"_s, u"其他支出"_s},
                 {u"2026-03-07"_s, u"记-6"_s, u"漏填方向"_s, u"20"_s, QString(), u"其他支出"_s}}),
        ledgerOptions());
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), 3);
    QCOMPARE(r.badRows, 3);
    const QList<std::pair<QString, qint64>> good{
        {u"debit"_s, 80'000}, {u"credit"_s, 30'000}, {u"debit"_s, 120}};
    for (qsizetype i = 0; i < good.size(); ++i) {
        QCOMPARE(r.rows.at(i).fields.value(u"direction"_s).toString(), good.at(i).first);
        QCOMPARE(r.rows.at(i).fields.value(u"amount"_s).toInteger(), good.at(i).second);
    }
    QCOMPARE(r.problems.size(), 3);
    QCOMPARE(r.problems.at(0).line, 5);
    QCOMPARE(r.problems.at(0).column, u"金额"_s);
    QCOMPARE(r.problems.at(1).line, 6);
    QCOMPARE(r.problems.at(1).column, u"方向"_s);
    QCOMPARE(r.problems.at(2).line, 7);
    QCOMPARE(r.problems.at(2).column, u"方向"_s);

    // A signed amount without a direction: negative is spending.
    const LedgerImportResult signedAmounts =
        checkLedgerImport(tableOf({{u"日期"_s, u"凭证号"_s, u"摘要"_s, u"金额"_s, u"收支类别"_s},
                                   {u"2026-03-02"_s, u"1"_s, u"收租"_s, u"800"_s, u"经营收入"_s},
                                   {u"2026-03-03"_s, u"2"_s, u"修路"_s, u"-300.00"_s, u"公益支出"_s}}),
                          ledgerOptions());
    QVERIFY2(signedAmounts.ok() && signedAmounts.problems.isEmpty(),
             describeProblems(signedAmounts).constData());
    QCOMPARE(signedAmounts.rows.size(), 2);
    QCOMPARE(signedAmounts.rows.at(0).fields.value(u"direction"_s).toString(), u"debit"_s);
    QCOMPARE(signedAmounts.rows.at(1).fields.value(u"direction"_s).toString(), u"credit"_s);
    QCOMPARE(signedAmounts.rows.at(1).fields.value(u"amount"_s).toInteger(), 30'000);
}

void TestCollectiveImport::journalSortedByDate()
{
    // The server takes a journal's entries in date order: the rows are saved so, a day's rows as the file has
    // them.
    const LedgerImportResult r = checkLedgerImport(
        tableOf({kJournalHeader, income(u"2026-03-05"_s, u"A"_s, u"100"_s),
                 income(u"2026-03-02"_s, u"B"_s, u"200"_s), income(u"2026-03-05"_s, u"C"_s, u"300"_s),
                 income(u"2026-03-03"_s, u"D"_s, u"400"_s)}),
        ledgerOptions());
    QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
    QCOMPARE(r.rows.size(), 4);
    QCOMPARE(r.reordered, 2);
    QStringList vouchers;
    QList<int> lines;
    for (const LedgerImportRow &row : r.rows) {
        vouchers.append(row.fields.value(u"voucherNo"_s).toString());
        lines.append(row.line);
    }
    QCOMPARE(vouchers, (QStringList{u"B"_s, u"D"_s, u"A"_s, u"C"_s}));
    QCOMPARE(lines, (QList<int>{3, 5, 2, 4}));
}

void TestCollectiveImport::journalDuplicatesSkipped()
{
    const io::TableData table =
        tableOf({kJournalHeader, income(u"2026-03-02"_s, u"记-1"_s, u"100.00"_s),
                 income(u"2026-03-03"_s, u"记-2"_s, u"50"_s), income(u"2026-03-02"_s, u"记-1"_s, u"100"_s)});
    LedgerImportOptions options = ledgerOptions();
    // 记-2 is in the journal already, as the cache stores it.
    options.imported.insert(ledgerEntryKey({{u"on"_s, u"2026-03-03"_s},
                                            {u"voucherNo"_s, u"记-2"_s},
                                            {u"amount"_s, 5000},
                                            {u"direction"_s, u"debit"_s}}));
    const LedgerImportResult r = checkLedgerImport(table, options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.rowsRead, 3);
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.first().line, 2);
    QCOMPARE(r.alreadyImported, 1);
    // The same entry twice in the file: reported on the second row, as a whole.
    QCOMPARE(r.badRows, 1);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().line, 4);
    QVERIFY(r.problems.first().column.isEmpty());
    QVERIFY2(r.problems.first().reason.contains(u"第 2 行"_s), qPrintable(r.problems.first().reason));

    // Imported, then the same file again: nothing new.
    for (const LedgerImportRow &row : r.rows)
        options.imported.insert(ledgerEntryKey(row.fields));
    const LedgerImportResult again = checkLedgerImport(table, options);
    QVERIFY(again.rows.isEmpty());
    QCOMPARE(again.alreadyImported, 2);
    // Another journal's entries of the same day, 凭证号 and amount are other records.
    QVERIFY(ledgerEntryRecordId(kBook, r.rows.first().fields) !=
            ledgerEntryRecordId(u"other-book"_s, r.rows.first().fields));
}

void TestCollectiveImport::journalAgainstTheBook()
{
    // Entered up to 10 March: that day still takes entries, the day before no longer.
    LedgerImportOptions options = ledgerOptions();
    options.book.lastOn = QDate(2026, 3, 10);
    LedgerImportResult r =
        checkLedgerImport(tableOf({kJournalHeader, income(u"2026-03-09"_s, u"1"_s, u"10"_s),
                                   income(u"2026-03-10"_s, u"2"_s, u"10"_s)}),
                          options);
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.first().line, 3);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().line, 2);
    QCOMPARE(r.problems.first().column, u"日期"_s);
    QVERIFY(r.problems.first().reason.contains(u"2026-03-10"_s));

    // Closed through 12 March: nothing on or before it.
    options = ledgerOptions(u"cash"_s);
    options.book.closedThrough = QDate(2026, 3, 12);
    r = checkLedgerImport(tableOf({kJournalHeader, income(u"2026-03-12"_s, u"1"_s, u"10"_s),
                                   income(u"2026-03-13"_s, u"2"_s, u"10"_s)}),
                          options);
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().line, 2);
    QVERIFY(r.problems.first().reason.contains(u"结账"_s));

    // Nothing before the journal's opening.
    options = ledgerOptions();
    options.book.openingOn = QDate(2026, 3, 1);
    r = checkLedgerImport(tableOf({kJournalHeader, income(u"2026-02-28"_s, u"1"_s, u"10"_s)}), options);
    QCOMPARE(r.rows.size(), 0);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().column, u"日期"_s);

    // The cash never goes below zero, counted in date order from the balance the cache knows (1,000.00).
    options = ledgerOptions(u"cash"_s);
    options.book.balance = 100'000;
    r = checkLedgerImport(
        tableOf({kJournalHeader, spending(u"2026-03-13"_s, u"1"_s, u"800"_s),
                 income(u"2026-03-15"_s, u"3"_s, u"500"_s, u"其他收入"_s),
                 spending(u"2026-03-16"_s, u"4"_s, u"300"_s), spending(u"2026-03-14"_s, u"2"_s, u"300"_s)}),
        options);
    QCOMPARE(r.rows.size(), 3);
    QCOMPARE(r.badRows, 1);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().line, 5);
    QCOMPARE(r.problems.first().column, u"支出（贷方）金额"_s);
    QVERIFY2(r.problems.first().reason.contains(u"库存现金"_s), qPrintable(r.problems.first().reason));
    // A bank account may show what it likes: the server keeps its balance.
    options.book.kind = u"bank"_s;
    r = checkLedgerImport(tableOf({kJournalHeader, spending(u"2026-03-13"_s, u"1"_s, u"5000"_s)}), options);
    QCOMPARE(r.rows.size(), 1);
}

void TestCollectiveImport::journalVoucherAsNumber()
{
    // 凭证号 typed into General cells: Excel stores them as numbers.
    const Rows rows{
        kJournalHeader,
        {u"2026-03-02"_s, u"#12"_s, u"收租"_s, u"#100"_s, QString(), u"经营收入"_s},
        {u"2026-03-03"_s, u"#13.0"_s, u"收租"_s, u"#100"_s, QString(), u"经营收入"_s},
        {u"2026-03-04"_s, u"#1234567890123456789"_s, u"收租"_s, u"#100"_s, QString(), u"经营收入"_s},
        {u"2026-03-05"_s, u"007"_s, u"收租"_s, u"#100"_s, QString(), u"经营收入"_s}};
    const io::TableData table = read(u"xlsx"_s, {}, rows);
    QVERIFY2(table.ok(), qPrintable(table.error));
    const LedgerImportResult r = checkLedgerImport(table, ledgerOptions());
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), 3);
    QCOMPARE(r.rows.at(0).fields.value(u"voucherNo"_s).toString(), u"12"_s);
    QCOMPARE(r.rows.at(1).fields.value(u"voucherNo"_s).toString(), u"13"_s);
    QCOMPARE(r.rows.at(2).fields.value(u"voucherNo"_s).toString(), u"007"_s); // text stays as typed
    // More than 15 digits: Excel lost the last ones.
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().line, 4);
    QCOMPARE(r.problems.first().column, u"凭证号"_s);

    // A CSV saved from such a sheet by another program.
    const LedgerImportResult csv = checkLedgerImport(
        tableOf({kJournalHeader, income(u"2026-03-02"_s, u"12.0"_s, u"100"_s)}), ledgerOptions());
    QCOMPARE(csv.rows.size(), 1);
    QCOMPARE(csv.rows.first().fields.value(u"voucherNo"_s).toString(), u"12"_s);
}

void TestCollectiveImport::journalTwoRowHeaderAndCarryRows()
{
    // 金额 above 借方 | 贷方 (the merged cell repeated in both columns), the balance brought in and a page
    // carry.
    const LedgerImportResult r = checkLedgerImport(
        tableOf({{u"日期"_s, u"凭证号"_s, u"摘要"_s, u"金额"_s, u"金额"_s, u"收支类别"_s},
                 {QString(), QString(), QString(), u"借方"_s, u"贷方"_s, QString()},
                 {u"2026-03-01"_s, QString(), u"期初余额"_s, QString(), QString(), QString()},
                 {u"2026-03-02"_s, u"记-1"_s, u"收租"_s, u"100"_s, QString(), u"经营收入"_s},
                 {u"2026-03-03"_s, u"记-2"_s, u"修路"_s, QString(), u"50"_s, u"公益支出"_s},
                 {u"承前页"_s, QString(), QString(), u"100"_s, u"50"_s, QString()},
                 {u"2026-03-31"_s, QString(), u"本 月 合 计"_s, u"100"_s, u"50"_s, QString()}}),
        ledgerOptions());
    QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
    QCOMPARE(r.rowsRead, 2);
    QCOMPARE(r.rows.size(), 2);
    QCOMPARE(r.rows.at(0).fields.value(u"direction"_s).toString(), u"debit"_s);
    QCOMPARE(r.rows.at(1).fields.value(u"direction"_s).toString(), u"credit"_s);
    QCOMPARE(r.rows.at(1).fields.value(u"amount"_s).toInteger(), 5000);
    QCOMPARE(r.rows.at(1).line, 5);
}

void TestCollectiveImport::journalMissingColumns()
{
    // Income but no spending column, and no 金额 either.
    const io::TableData noSpending =
        tableOf({{u"日期"_s, u"凭证号"_s, u"摘要"_s, u"收入（借方）金额"_s, u"收支类别"_s},
                 {u"2026-03-02"_s, u"1"_s, u"收租"_s, u"100"_s, u"经营收入"_s}});
    QVERIFY(!hasLedgerHeader(noSpending));
    LedgerImportResult r = checkLedgerImport(noSpending, ledgerOptions());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(u"支出（贷方）金额"_s), qPrintable(r.error));
    QVERIFY(r.rows.isEmpty());
    // No class.
    r = checkLedgerImport(tableOf({{u"日期"_s, u"凭证号"_s, u"摘要"_s, u"金额"_s},
                                   {u"2026-03-02"_s, u"1"_s, u"收租"_s, u"100"_s}}),
                          ledgerOptions());
    QVERIFY2(r.error.contains(u"收支类别"_s), qPrintable(r.error));
    // No header at all.
    r = checkLedgerImport(tableOf({{u"2026-03-02"_s, u"1"_s, u"100"_s}}), ledgerOptions());
    QVERIFY(!r.error.isEmpty());
    QVERIFY(ledgerImportHeaders(true).contains(u"凭证号"_s));
}

// --- the asset register ------------------------------------------------------------------------------------

void TestCollectiveImport::registerGoodRows_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("CSV, UTF-8") << u"utf8"_s;
    QTest::newRow("CSV, GBK") << u"gbk"_s;
    QTest::newRow(".xlsx") << u"xlsx"_s;
}

void TestCollectiveImport::registerGoodRows()
{
    QFETCH(QString, format);
    // A title; an office older than the program's lists; a tractor whose 资产编号, count and start month
    // Excel stored as numbers, written with synonyms and units; a relief asset with its fund and project; the
    // total.
    const Rows csv{
        {u"2026年 演示村 集体资产台账"_s},
        kAssetHeader,
        {u"ZC-001"_s, u"村部办公楼"_s, u"房屋"_s, u"村部"_s, u"1"_s, u"850,000.00"_s, u"自建"_s,
         u"1998-06-01"_s, u"50"_s, u"自用"_s, u"王会计"_s, QString(), QString()},
        {u"102.0"_s, u"拖拉机"_s, u"机械设备"_s, u"农机库"_s, u"2台"_s, u"120000"_s, u"购买"_s, u"2019.05"_s,
         u"10年"_s, u"出租"_s, u"李四"_s, QString(), QString()},
        {u"ZC-003"_s, u"光伏电站"_s, u"扶贫资产"_s, u"村南"_s, QString(), u"300000"_s, u"项目建成"_s,
         u"2021年12月20日"_s, u"20"_s, u"出租"_s, QString(), u"FP-2021-07"_s, u"2021年光伏扶贫项目"_s},
        {u"合计"_s, QString(), QString(), QString(), QString(), u"1,270,000.00"_s},
    };
    const Rows xlsx{
        {u"2026年 演示村 集体资产台账"_s},
        kAssetHeader,
        {u"ZC-001"_s, u"村部办公楼"_s, u"房屋"_s, u"村部"_s, u"#1"_s, u"#850000"_s, u"自建"_s, u"@35947"_s,
         u"#50"_s, u"自用"_s, u"王会计"_s},
        {u"#102"_s, u"拖拉机"_s, u"机械设备"_s, u"农机库"_s, u"#2"_s, u"#120000"_s, u"购买"_s, u"#2019.05"_s,
         u"#10"_s, u"出租"_s, u"李四"_s},
        {u"ZC-003"_s, u"光伏电站"_s, u"扶贫资产"_s, u"村南"_s, QString(), u"#300000"_s, u"项目建成"_s,
         u"@44550"_s, u"#20"_s, u"出租"_s, QString(), u"FP-2021-07"_s, u"2021年光伏扶贫项目"_s},
        {u"合计"_s, QString(), QString(), QString(), QString(), u"#1270000"_s},
    };
    const io::TableData table = read(format, csv, xlsx);
    QVERIFY2(table.ok(), qPrintable(table.error));
    QVERIFY(hasAssetHeader(table));
    const AssetImportResult r = checkAssetImport(table, assetOptions());
    QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
    QCOMPARE(r.rowsRead, 3);
    QCOMPARE(r.badRows, 0);
    QCOMPARE(r.rows.size(), 3);

    const QList<QJsonObject> expected{
        {{u"code"_s, u"ZC-001"_s},
         {u"name"_s, u"村部办公楼"_s},
         {u"category"_s, u"building"_s},
         {u"location"_s, u"村部"_s},
         {u"quantity"_s, 1},
         {u"originalValue"_s, 85'000'000},
         {u"acquiredBy"_s, u"built"_s},
         {u"startOn"_s, u"1998-06-01"_s},
         {u"usefulYears"_s, 50},
         {u"status"_s, u"own-use"_s},
         {u"custodian"_s, u"王会计"_s}},
        {{u"code"_s, u"102"_s},
         {u"name"_s, u"拖拉机"_s},
         {u"category"_s, u"machinery"_s},
         {u"location"_s, u"农机库"_s},
         {u"quantity"_s, 2},
         {u"originalValue"_s, 12'000'000},
         {u"acquiredBy"_s, u"bought"_s},
         {u"startOn"_s, u"2019-05-01"_s},
         {u"usefulYears"_s, 10},
         {u"status"_s, u"leased"_s},
         {u"custodian"_s, u"李四"_s}},
        {{u"code"_s, u"ZC-003"_s},
         {u"name"_s, u"光伏电站"_s},
         {u"category"_s, u"relief-asset"_s},
         {u"location"_s, u"村南"_s},
         {u"quantity"_s, 1},
         {u"originalValue"_s, 30'000'000},
         {u"acquiredBy"_s, u"project"_s},
         {u"startOn"_s, u"2021-12-20"_s},
         {u"usefulYears"_s, 20},
         {u"status"_s, u"leased"_s},
         {u"fundCode"_s, u"FP-2021-07"_s},
         {u"projectRef"_s, u"2021年光伏扶贫项目"_s}},
    };
    const CollectiveAssetType type;
    sync::RuleContext context;
    context.today = kToday;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const AssetImportRow &row = r.rows.at(i);
        QCOMPARE(row.line, int(i) + 3);
        const QStringList keys = expected.at(i).keys();
        QVERIFY2(row.fields.keys() == keys,
                 QJsonDocument(row.fields).toJson(QJsonDocument::Compact).constData());
        for (const QString &key : keys) {
            const QJsonValue want = expected.at(i).value(key);
            if (want.isDouble())
                QCOMPARE(row.fields.value(key).toDouble(), want.toDouble());
            else
                QCOMPARE(row.fields.value(key).toString(), want.toString());
        }
        QCOMPARE(row.recordId, assetRecordId(kVillage, expected.at(i).value(u"code"_s).toString()));
        QVERIFY(!type.checkRecord(row.recordId, row.fields, villagePlacement(), context));
    }
}

void TestCollectiveImport::registerBadRows_data()
{
    QTest::addColumn<QString>("column"); // the header whose cell is changed; empty: none
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("problemColumn"); // empty: the row as a whole
    QTest::newRow("valid") << QString() << QString() << true << QString();
    QTest::newRow("a synonym of the category") << u"类别"_s << u"机器设备"_s << true << QString();
    QTest::newRow("a synonym of the acquisition") << u"取得方式"_s << u"购入"_s << true << QString();
    QTest::newRow("a synonym of the status") << u"状态"_s << u"在用"_s << true << QString();
    QTest::newRow("a year and month") << u"启用日期"_s << u"2020年9月"_s << true << QString();
    QTest::newRow("a start before 2000") << u"启用日期"_s << u"1996/7/1"_s << true << QString();
    QTest::newRow("a count with its unit") << u"数量"_s << u"3台"_s << true << QString();
    QTest::newRow("no count: one") << u"数量"_s << QString() << true << QString();
    QTest::newRow("years with their unit") << u"使用年限（年）"_s << u"10年"_s << true << QString();
    QTest::newRow("not depreciated") << u"使用年限（年）"_s << u"0"_s << true << QString();
    QTest::newRow("an unknown category") << u"类别"_s << u"家具"_s << false << u"类别"_s;
    QTest::newRow("no category") << u"类别"_s << QString() << false << u"类别"_s;
    QTest::newRow("a value in words") << u"原值（元）"_s << u"八万"_s << false << u"原值（元）"_s;
    QTest::newRow("a value of nothing") << u"原值（元）"_s << u"0"_s << false << u"原值（元）"_s;
    QTest::newRow("no value") << u"原值（元）"_s << QString() << false << u"原值（元）"_s;
    QTest::newRow("no start") << u"启用日期"_s << QString() << false << u"启用日期"_s;
    QTest::newRow("a start not a date") << u"启用日期"_s << u"去年"_s << false << u"启用日期"_s;
    QTest::newRow("years in words") << u"使用年限（年）"_s << u"十年"_s << false << u"使用年限（年）"_s;
    QTest::newRow("no years") << u"使用年限（年）"_s << QString() << false << u"使用年限（年）"_s;
    QTest::newRow("a century and more") << u"使用年限（年）"_s << u"120"_s << false << u"使用年限（年）"_s;
    QTest::newRow("none of it") << u"数量"_s << u"0"_s << false << u"数量"_s;
    QTest::newRow("half of it") << u"数量"_s << u"1.5"_s << false << u"数量"_s;
    QTest::newRow("an unknown status") << u"状态"_s << u"借出"_s << false << u"状态"_s;
    QTest::newRow("an unknown acquisition") << u"取得方式"_s << u"捡来"_s << false << u"取得方式"_s;
    // Scrapped without the disposal's day and kind, which this register has no columns for.
    QTest::newRow("scrapped") << u"状态"_s << u"报废"_s << false << QString();
    QTest::newRow("a relief asset without its project")
        << u"类别"_s << u"扶贫资产"_s << false << u"资金项目"_s;
    QTest::newRow("no 资产编号") << u"资产编号"_s << QString() << false << u"资产编号"_s;
    QTest::newRow("Excel ate the 资产编号") << u"资产编号"_s << u"3.20612E+17"_s << false << u"资产编号"_s;
    QTest::newRow("no name") << u"资产名称"_s << QString() << false << u"资产名称"_s;
    QTest::newRow("a name too long") << u"资产名称"_s << QString(41, u'机') << false << u"资产名称"_s;
}

void TestCollectiveImport::registerBadRows()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    QFETCH(QString, problemColumn);
    QStringList row{u"ZC-010"_s, u"粮食烘干机"_s, u"机械设备"_s,   u"村西"_s, u"1"_s,
                    u"80000"_s,  u"购置"_s,       u"2020-09-01"_s, u"10"_s,   u"自用"_s,
                    u"王五"_s,   QString(),       QString()};
    if (!column.isEmpty())
        row[kAssetHeader.indexOf(column)] = value;
    const AssetImportResult r = checkAssetImport(tableOf({kAssetHeader, row}), assetOptions());
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rowsRead, 1);
    if (accepted) {
        QVERIFY2(r.problems.isEmpty(), describeProblems(r).constData());
        QCOMPARE(r.rows.size(), 1);
        return;
    }
    QVERIFY(r.rows.isEmpty());
    QCOMPARE(r.badRows, 1);
    QVERIFY2(!r.problems.isEmpty(), "no problem reported");
    QCOMPARE(r.problems.first().line, 2);
    QVERIFY2(r.problems.first().column == problemColumn, describeProblems(r).constData());
    QVERIFY(!r.problems.first().reason.isEmpty());
}

void TestCollectiveImport::registerDuplicatesSkipped()
{
    const auto asset = [](const QString &code, const QString &name) {
        return QStringList{code,       name,      u"公益设施"_s,   QString(), u"1"_s,
                           u"20000"_s, u"自建"_s, u"2018-03-01"_s, u"0"_s,    u"自用"_s,
                           QString(),  QString(), QString()};
    };
    const io::TableData table = tableOf({kAssetHeader, asset(u"ZC-001"_s, u"晒场"_s),
                                         asset(u"ZC-002"_s, u"路灯"_s), asset(u"ZC-002"_s, u"健身器材"_s)});
    AssetImportOptions options = assetOptions();
    options.existingCodes.insert(u"ZC-001"_s);
    const AssetImportResult r = checkAssetImport(table, options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.rowsRead, 3);
    QCOMPARE(r.alreadyImported, 1);
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.first().fields.value(u"name"_s).toString(), u"路灯"_s);
    QCOMPARE(r.badRows, 1);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().line, 4);
    QCOMPARE(r.problems.first().column, u"资产编号"_s);
    QVERIFY(r.problems.first().reason.contains(u"ZC-002"_s));
    // Another village's asset of the same 资产编号 is another record.
    QVERIFY(assetRecordId(kVillage, u"ZC-002"_s) != assetRecordId(u"320612101202"_s, u"ZC-002"_s));
}

void TestCollectiveImport::registerMissingColumns()
{
    QStringList header = kAssetHeader;
    header.removeAll(u"原值（元）"_s);
    const io::TableData noValue = tableOf({header});
    QVERIFY(!hasAssetHeader(noValue));
    const AssetImportResult r = checkAssetImport(noValue, assetOptions());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(u"原值"_s), qPrintable(r.error));
    const AssetImportResult none =
        checkAssetImport(tableOf({{u"ZC-001"_s, u"村部办公楼"_s, u"80000"_s}}), assetOptions());
    QVERIFY(!none.error.isEmpty());
    QVERIFY(assetImportHeaders(true).contains(u"资产编号"_s));
}

QTEST_GUILESS_MAIN(TestCollectiveImport)
#include "tst_collective_import.moc"
