// The disbursement list (发放名单) import: header matching with aliases, every row checked by the
// disbursement record type's own checks with the clerk's department and day (lead department, amount, period
// against the payment cycle, no future payment, no year crossing, an ID number for a person, the relief
// quarter close), the list's own rule (one payment per recipient, line and period), the accepted cell forms,
// and the same report for a UTF-8, UTF-8-with-BOM and GBK CSV and an .xlsx read through io::readTable.
#include "common/core/IdCard.h"
#include "common/funds/DisbursementImport.h"
#include "common/funds/FundRules.h"
#include "common/io/TableFile.h"
#include "common/io/XlsxWriter.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::funds;

namespace {

const QDate kToday(2026, 3, 16);
const QString kCounty = u"320612000000"_s;
const QString kTown = u"320612101000"_s;
const QString kXinhe = u"320612101201"_s;
const QString kDongfeng = u"320612101202"_s;
const QString kDepartment = u"320612000000-civil-affairs"_s;

// A valid 身份证号 born on `birth` (Nantong region 320612), told apart by `seq`.
QString idFor(int seq, QDate birth = QDate(1948, 5, 17))
{
    const QString first17 =
        u"320612"_s + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

QString wrongCheck(const QString &id)
{
    return id.left(17) + (id.back() == u'1' ? u'2' : u'1');
}

OrgUnit unit(const QString &id, const QString &parent, OrgLevel level, const QString &name,
             const QString &path)
{
    OrgUnit u;
    u.id = id;
    u.parentId = parent;
    u.level = level;
    u.name = name;
    u.path = path;
    return u;
}

QList<OrgUnit> places()
{
    const QString county = u"/320600000000/320612000000/"_s;
    const QString town = county + kTown + u'/';
    return {unit(kCounty, u"320600000000"_s, OrgLevel::County, u"通州区"_s, county),
            unit(kTown, kCounty, OrgLevel::Town, u"兴仁镇"_s, town),
            unit(kXinhe, kTown, OrgLevel::Village, u"新河村"_s, town + kXinhe + u'/'),
            unit(kDongfeng, kTown, OrgLevel::Village, u"东风村"_s, town + kDongfeng + u'/')};
}

// A clerk of the county's civil-affairs bureau (民政局): 农村低保, 农村尊老金, 农村临时救助 ... are theirs.
DisbursementImportOptions options()
{
    DisbursementImportOptions o;
    o.today = kToday;
    o.actor.userId = u"u1"_s;
    o.actor.orgUnitId = kCounty;
    o.actor.orgPath = u"/320600000000/320612000000/"_s;
    o.actor.departmentId = kDepartment;
    o.actor.roles = {Role::Clerk};
    o.departmentCode = u"civil-affairs"_s;
    o.departmentOrgUnitId = kCounty;
    o.places = places();
    return o;
}

const QStringList kHeader{u"序号"_s,       u"资金项目"_s, u"村（社区）"_s, u"姓名"_s,    u"身份证号"_s,
                          u"金额（元）"_s, u"所属期"_s,   u"发放日期"_s,   u"收款账号"_s};

const QString kElderly = u"农村尊老金"_s;               // monthly, to persons
const QString kTemporary = u"农村临时救助"_s;           // once, to households
const QString kOtherDepartment = u"耕地地力保护资金"_s; // finance's

// One payment under kHeader.
QStringList pay(const QString &line, const QString &name, const QString &id, const QString &amount = u"100"_s,
                const QString &period = u"2026-03"_s, const QString &paidOn = u"2026-03-10"_s,
                const QString &village = u"新河村"_s, const QString &account = u"6228480012345678"_s)
{
    return {u"1"_s, line, village, name, id, amount, period, paidOn, account};
}

io::TableData table(const QList<QStringList> &rows, const QStringList &header = kHeader)
{
    io::TableData t;
    t.rows.append(header);
    t.rows.append(rows);
    for (int i = 0; i < t.rows.size(); ++i)
        t.lineNumbers.append(i + 1);
    return t;
}

QStringList problemTexts(const DisbursementImportResult &r)
{
    QStringList out;
    for (const io::ImportProblem &p : r.problems)
        out.append(u"%1|%2|%3"_s.arg(p.line).arg(p.column, p.reason));
    return out;
}

// A list with good and bad rows of every kind, and the report it must give (lines as in the file).
QList<QStringList> mixedList()
{
    return {
        pay(kElderly, u"张山"_s, idFor(1)),                                // 2 good
        pay(kElderly, u"李梅"_s, wrongCheck(idFor(2))),                    // 3 check digit
        pay(u"农村养猪补贴"_s, u"王五"_s, idFor(3)),                       // 4 unknown line
        pay(kOtherDepartment, u"赵六"_s, idFor(4)),                        // 5 another department
        pay(kElderly, u"孙七"_s, idFor(5), u"0"_s),                        // 6 amount 0
        pay(kElderly, u"周八"_s, idFor(6), u"一百"_s),                     // 7 amount text
        pay(kElderly, u"吴九"_s, idFor(7), u"100"_s, u"2026年第一季度"_s), // 8 quarter, monthly line
        pay(kElderly, u"郑十"_s, idFor(8), u"100"_s, u"2026-03"_s, u"2026-03-17"_s), // 9 paid tomorrow
        pay(kElderly, u"张山"_s, idFor(1)),                                          // 10 paid twice
        pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026-02"_s, u"2026-02-10"_s), // 11 good: other month
        {},                                                                          // 12 empty: skipped
        pay(kTemporary, u"钱一"_s, idFor(9), u"-50"_s),                              // 13 negative
        pay(kTemporary, u"钱二"_s, idFor(10), u"800"_s, u"2025-12"_s, u"2025-12-28"_s), // 14 year crossing
        pay(kTemporary, u"钱三"_s, idFor(11), u"800"_s, u"2025-12"_s,
            u"2026-01-05"_s),         // 15 last year's money
        pay(kElderly, u"冯四"_s, {}), // 16 person without ID
        pay(kElderly, u"陈五"_s, idFor(12), u"100"_s, u"三月"_s, u"3月10日"_s, u"西风村"_s), // 17 three
        pay(kTemporary, u"褚六"_s, {}, u"1,200.50元"_s, u"2026Q1"_s, u"2026年3月2日"_s, u"东风村"_s,
            u"6228 4800 9999"_s),                      // 18 good: household
        pay(kElderly, u"卫七"_s, idFor(13), u"1e3"_s), // 19 amount exponent
    };
}

QStringList mixedReport()
{
    return {
        u"3|身份证号|“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s,
        u"4|资金项目|资金目录中没有“农村养猪补贴”，请填写资金项目的名称（如“农村低保”）或代码"_s,
        u"5|资金项目|“耕地地力保护资金”由其他部门负责发放和录入（谁发放、谁录入）"_s,
        u"6|金额（元）|发放金额应大于 0"_s,
        u"7|金额（元）|无法识别金额“一百”：金额格式不正确，应为数字，例如 1234.56"_s,
        u"8|所属期|按月发放的资金，所属期应写到月份，例如 2026-03"_s,
        u"9|发放日期|发放日期不能晚于今天"_s,
        u"10|身份证号|第 2 行已向同一对象发放过“农村尊老金”2026-03的资金，同一对象每个所属期只能发放一次"_s,
        u"13|金额（元）|发放金额应大于 0"_s,
        u"14|发放日期|2025-12-28 发放的资金属于2025年度，应在2025年内录入系统；2026-03-16 "
        u"录入已跨年度，不得跨年度发放或录入"_s,
        u"15|所属期|"_s + *periodProblem(QDate(2025, 12, 1), QDate(2026, 1, 5)),
        u"16|身份证号|发放给个人的资金须填写收款人身份证号"_s,
        u"17|村（社区）|本辖区没有村（社区）“西风村”，请填写村名或 12 位村代码"_s,
        u"17|所属期|无法识别所属期“三月”，按月发放的写作 2026-03 或 2026年3月，按季发放的写作 2026Q1 或 "
        u"2026年第一季度"_s,
        u"17|发放日期|无法识别发放日期“3月10日”，应写作 2026-03-15、2026/3/15 或 2026年3月15日"_s,
        u"19|金额（元）|无法识别金额“1e3”：金额格式不正确，应为数字，例如 1234.56"_s,
    };
}

} // namespace

class TestDisbursementImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rows_data();
    void rows();
    void mixed();
    void goodRowFields();
    void cellForms_data();
    void cellForms();
    void headerVariants();
    void missingColumns();
    void wanYuanRefused();
    void numbersExcelMangled();
    void totalAndSignatureRows();
    void notAClerk();
    void cancel();
    void files_data();
    void files();
};

void TestDisbursementImport::rows_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<int>("valid");

    QTest::newRow("good") << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1))} << QStringList{} << 1;
    QTest::newRow("line by code") << QList<QStringList>{pay(u"civil-elderly-allowance"_s, u"张山"_s,
                                                            idFor(1))}
                                  << QStringList{} << 1;
    QTest::newRow("bad check digit")
        << QList<QStringList>{pay(kElderly, u"张山"_s, wrongCheck(idFor(1)))}
        << QStringList{u"2|身份证号|“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s} << 0;
    QTest::newRow("ID stored by Excel as a number")
        << QList<QStringList>{pay(kElderly, u"张山"_s, u"3.20612E+17"_s)}
        << QStringList{u"2|身份证号|身份证号“3.20612E+17”被 Excel 存成了数字，后几位已丢失；请把该列设为文本格式后重新填写"_s}
        << 0;
    QTest::newRow("unknown fund line")
        << QList<QStringList>{pay(u"农村养猪补贴"_s, u"张山"_s, idFor(1))}
        << QStringList{u"2|资金项目|资金目录中没有“农村养猪补贴”，请填写资金项目的名称（如“农村低保”）或代码"_s}
        << 0;
    QTest::newRow("another department's line")
        << QList<QStringList>{pay(kOtherDepartment, u"张山"_s, idFor(1))}
        << QStringList{u"2|资金项目|“耕地地力保护资金”由其他部门负责发放和录入（谁发放、谁录入）"_s} << 0;
    QTest::newRow("amount 0") << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"0"_s)}
                              << QStringList{u"2|金额（元）|发放金额应大于 0"_s} << 0;
    QTest::newRow("amount negative") << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"-0.01"_s)}
                                     << QStringList{u"2|金额（元）|发放金额应大于 0"_s} << 0;
    QTest::newRow("amount text")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"约100"_s)}
        << QStringList{u"2|金额（元）|无法识别金额“约100”：金额格式不正确，应为数字，例如 1234.56"_s} << 0;
    QTest::newRow("amount in thousandths")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100.005"_s)}
        << QStringList{u"2|金额（元）|无法识别金额“100.005”：金额最多保留两位小数（精确到分）"_s} << 0;
    QTest::newRow("amount missing") << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), {})}
                                    << QStringList{u"2|金额（元）|请填写“金额（元）”"_s} << 0;
    QTest::newRow("quarter for a monthly line")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026Q1"_s)}
        << QStringList{u"2|所属期|按月发放的资金，所属期应写到月份，例如 2026-03"_s} << 0;
    QTest::newRow("month or quarter for a one-off line")
        << QList<QStringList>{pay(kTemporary, u"张山"_s, {}, u"100"_s, u"2026Q1"_s),
                              pay(kTemporary, u"李梅"_s, {}, u"100"_s, u"2026-03"_s)}
        << QStringList{} << 2;
    QTest::newRow("period unreadable")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026年13月"_s)}
        << QStringList{u"2|所属期|无法识别所属期“2026年13月”，按月发放的写作 2026-03 或 "
                       u"2026年3月，按季发放的写作 "
                       u"2026Q1 或 2026年第一季度"_s}
        << 0;
    QTest::newRow("paid in the future")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026-03"_s, u"2026-03-17"_s)}
        << QStringList{u"2|发放日期|发放日期不能晚于今天"_s} << 0;
    QTest::newRow("paid today") << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100"_s,
                                                          u"2026-03"_s, u"2026-03-16"_s)}
                                << QStringList{} << 1;
    QTest::newRow("paid last year")
        << QList<QStringList>{pay(kTemporary, u"张山"_s, {}, u"100"_s, u"2025-12"_s, u"2025-12-31"_s)}
        << QStringList{u"2|发放日期|2025-12-31 发放的资金属于2025年度，应在2025年内录入系统；2026-03-16 "
                       u"录入已跨年度，不得跨年度发放或录入"_s}
        << 0;
    // Money of last year's December paid in January crosses the year (跨年度发放), besides its closed
    // quarter.
    QTest::newRow("last year's money paid in January")
        << QList<QStringList>{pay(kTemporary, u"张山"_s, {}, u"100"_s, u"2025-12"_s, u"2026-01-04"_s)}
        << QStringList{u"2|所属期|"_s + *periodProblem(QDate(2025, 12, 1), QDate(2026, 1, 4))} << 0;
    QTest::newRow("same person, line and period twice")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1)),
                              pay(kElderly, u"张山"_s, idFor(1), u"200"_s)}
        << QStringList{u"3|身份证号|第 2 行已向同一对象发放过“农村尊老金”2026-03的资金，同一对象每个所属期只能发放一次"_s}
        << 1;
    QTest::newRow("same household twice, by name")
        << QList<QStringList>{pay(kTemporary, u"张山"_s, {}), pay(kTemporary, u"张山"_s, {})}
        << QStringList{u"3|姓名|第 2 行已向同一对象发放过“农村临时救助”2026-03的资金，同一对象每个所属期只能发放一次"_s}
        << 1;
    QTest::newRow("same person, two periods or two lines")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1)),
                              pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026-02"_s, u"2026-02-10"_s),
                              pay(kTemporary, u"张山"_s, idFor(1))}
        << QStringList{} << 3;
    QTest::newRow("paid already (entered before)")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1)), pay(kElderly, u"李梅"_s, idFor(2))}
        << QStringList{u"3|身份证号|已录入过向同一对象发放的“农村尊老金”2026-03的资金（本机已有记录），同一对象每个所属期只能发放一次"_s}
        << 1;
    QTest::newRow("person without ID")
        << QList<QStringList>{pay(kElderly, u"张山"_s, {})}
        << QStringList{u"2|身份证号|发放给个人的资金须填写收款人身份证号"_s} << 0;
    QTest::newRow("unknown village")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026-03"_s, u"2026-03-10"_s,
                                  u"西风村"_s)}
        << QStringList{u"2|村（社区）|本辖区没有村（社区）“西风村”，请填写村名或 12 位村代码"_s} << 0;
    QTest::newRow("name missing") << QList<QStringList>{pay(kElderly, {}, idFor(1))}
                                  << QStringList{u"2|姓名|请填写“姓名”"_s} << 0;
    QTest::newRow("account too long")
        << QList<QStringList>{pay(kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026-03"_s, u"2026-03-10"_s,
                                  u"新河村"_s, QString(40, u'6'))}
        << QStringList{u"2|收款账号|“收款账号”不能超过 32 个字符"_s} << 0;
}

void TestDisbursementImport::rows()
{
    QFETCH(QList<QStringList>, rows);
    QFETCH(QStringList, problems);
    QFETCH(int, valid);
    DisbursementImportOptions o = options();
    o.enteredAlready = {disbursementKey(u"civil-elderly-allowance"_s, u"2026-03"_s, idFor(2), u"李梅"_s),
                        disbursementKey(u"civil-elderly-allowance"_s, u"2025-11"_s, idFor(1), u"张山"_s)};
    const DisbursementImportResult r = checkDisbursements(table(rows), o);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(problemTexts(r), problems);
    QCOMPARE(r.rows.size(), valid);
    QCOMPARE(r.rowsRead, rows.size());
}

void TestDisbursementImport::mixed()
{
    const DisbursementImportResult r = checkDisbursements(table(mixedList()), options());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(problemTexts(r), mixedReport());
    QCOMPARE(r.rowsRead, 17);
    QCOMPARE(r.badRows, 14);
    QList<int> lines;
    for (const DisbursementRow &row : r.rows)
        lines.append(row.line);
    QCOMPARE(lines, (QList<int>{2, 11, 18}));
    QCOMPARE(r.validAmountFen, 10000 + 10000 + 120050);
}

void TestDisbursementImport::goodRowFields()
{
    const DisbursementImportResult r = checkDisbursements(table(mixedList()), options());
    QCOMPARE(r.rows.size(), 3);
    const DisbursementRow &person = r.rows.at(0);
    QCOMPARE(person.fields, (QJsonObject{{u"fundCode"_s, u"civil-elderly-allowance"_s},
                                         {u"recipientKind"_s, u"person"_s},
                                         {u"recipientName"_s, u"张山"_s},
                                         {u"idNumber"_s, idFor(1)},
                                         {u"amountFen"_s, 10000},
                                         {u"period"_s, u"2026-03"_s},
                                         {u"paidOn"_s, u"2026-03-10"_s},
                                         {u"account"_s, u"6228480012345678"_s}}));
    QCOMPARE(person.placement.orgUnitId, kXinhe);
    QCOMPARE(person.placement.orgPath, u"/320600000000/320612000000/320612101000/320612101201/"_s);
    QCOMPARE(person.placement.orgLevel, OrgLevel::Village);
    QCOMPARE(person.placement.departmentId, kDepartment);
    QCOMPARE(person.placement.departmentCode, u"civil-affairs"_s);

    const DisbursementRow &household = r.rows.at(2);
    QCOMPARE(household.line, 18);
    QCOMPARE(household.fields, (QJsonObject{{u"fundCode"_s, u"civil-temporary-assistance"_s},
                                            {u"recipientKind"_s, u"household"_s},
                                            {u"recipientName"_s, u"褚六"_s},
                                            {u"amountFen"_s, 120050},
                                            {u"period"_s, u"2026Q1"_s},
                                            {u"paidOn"_s, u"2026-03-02"_s},
                                            {u"account"_s, u"622848009999"_s}}));
    QCOMPARE(household.placement.orgUnitId, kDongfeng);

    // No place column: the clerk's own unit.
    const QStringList header{u"资金项目"_s, u"收款人"_s,   u"公民身份号码"_s,
                             u"发放金额"_s, u"所属月份"_s, u"支付日期"_s};
    const DisbursementImportResult own = checkDisbursements(
        table({{kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026年3月"_s, u"2026/3/1"_s}}, header), options());
    QCOMPARE(problemTexts(own), QStringList{});
    QCOMPARE(own.rows.size(), 1);
    QCOMPARE(own.rows.at(0).placement.orgUnitId, kCounty);
    QCOMPARE(own.rows.at(0).placement.orgLevel, OrgLevel::County);
    QCOMPARE(own.rows.at(0).fields.value(u"recipientKind"_s).toString(), u"person"_s);
}

void TestDisbursementImport::cellForms_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("paidOn");
    QTest::addColumn<QString>("wantPeriod");
    QTest::addColumn<QString>("wantPaidOn");
    QTest::newRow("ISO") << u"2026-03"_s << u"2026-03-15"_s << u"2026-03"_s << u"2026-03-15"_s;
    QTest::newRow("slashes") << u"2026/3"_s << u"2026/3/5"_s << u"2026-03"_s << u"2026-03-05"_s;
    QTest::newRow("dots") << u"2026.03"_s << u"2026.3.5"_s << u"2026-03"_s << u"2026-03-05"_s;
    QTest::newRow("Chinese") << u"2026年3月"_s << u"2026年3月15日"_s << u"2026-03"_s << u"2026-03-15"_s;
    QTest::newRow("compact") << u"202603"_s << u"20260315"_s << u"2026-03"_s << u"2026-03-15"_s;
    QTest::newRow("Excel serial; a date for the month")
        << u"2026-03-01"_s << u"46091"_s << u"2026-03"_s << u"2026-03-10"_s;
    QTest::newRow("date and time") << u"2026-3"_s << u"2026-03-10 00:00:00"_s << u"2026-03"_s
                                   << u"2026-03-10"_s;
    QTest::newRow("quarter Q") << u"2026Q1"_s << u"2026-01-10"_s << u"2026Q1"_s << u"2026-01-10"_s;
    QTest::newRow("quarter -q") << u"2026-q1"_s << u"2026-01-10"_s << u"2026Q1"_s << u"2026-01-10"_s;
    QTest::newRow("quarter Chinese") << u"2026年第一季度"_s << u"2026-01-10"_s << u"2026Q1"_s
                                     << u"2026-01-10"_s;
    QTest::newRow("quarter Chinese short")
        << u"2026年一季度"_s << u"2026-01-10"_s << u"2026Q1"_s << u"2026-01-10"_s;
    QTest::newRow("quarter digit") << u"2026年第1季度"_s << u"2026-01-10"_s << u"2026Q1"_s << u"2026-01-10"_s;
}

void TestDisbursementImport::cellForms()
{
    QFETCH(QString, period);
    QFETCH(QString, paidOn);
    QFETCH(QString, wantPeriod);
    QFETCH(QString, wantPaidOn);
    QCOMPARE(parsePeriodText(period).value_or(QString()), wantPeriod);
    QCOMPARE(io::parseDateText(paidOn).value_or(QString()), wantPaidOn);
    // Through the whole check, on a one-off line (either period shape).
    const DisbursementImportResult r =
        checkDisbursements(table({pay(kTemporary, u"张山"_s, {}, u"100"_s, period, paidOn)}), options());
    QCOMPARE(problemTexts(r), QStringList{});
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.at(0).fields.value(u"period"_s).toString(), wantPeriod);
    QCOMPARE(r.rows.at(0).fields.value(u"paidOn"_s).toString(), wantPaidOn);
}

void TestDisbursementImport::headerVariants()
{
    // A title above, full-width and ASCII parentheses, required marks, spaces, aliases, a line name with
    // ASCII parentheses where the catalog has full-width ones.
    io::TableData t;
    t.rows = {{u"2026年3月农村尊老金发放清册"_s},
              {u"*项目名称"_s, u"发放对象类别"_s, u"收款人 姓名"_s, u"身份证号码(18位)"_s,
               u"实发金额（元）"_s, u"所属期间"_s, u"拨付日期"_s, u"村(居)"_s, u"一折通账号"_s, u"备注"_s},
              {u"农村 尊老金"_s,
               u"个人"_s,
               u"张山"_s,
               idFor(1),
               u"100"_s,
               u"2026-03"_s,
               u"2026-03-10"_s,
               u"320612101201"_s,
               {},
               u"无"_s}};
    t.lineNumbers = {1, 2, 3};
    const DisbursementImportResult r = checkDisbursements(t, options());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.headerLine, 2);
    QCOMPARE(problemTexts(r), QStringList{});
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.at(0).placement.orgUnitId, kXinhe);
    QVERIFY(!r.rows.at(0).fields.contains(u"account"_s));

    QCOMPARE(disbursementHeaders(true),
             (QStringList{u"资金项目"_s, u"姓名"_s, u"金额（元）"_s, u"所属期"_s, u"发放日期"_s}));
    QVERIFY(disbursementHeaderNames(u"account"_s).contains(u"一折通账号"_s));
}

void TestDisbursementImport::missingColumns()
{
    const QStringList header{u"资金项目"_s, u"姓名"_s, u"身份证号"_s, u"金额（元）"_s, u"发放日期"_s};
    const DisbursementImportResult r = checkDisbursements(
        table({{kElderly, u"张山"_s, idFor(1), u"100"_s, u"2026-03-10"_s}}, header), options());
    QVERIFY(!r.ok());
    QCOMPARE(r.error, u"发放名单第 1 行的表头缺少以下列：所属期。请补上这些列后再导入"_s);
    QVERIFY(r.rows.isEmpty());
    QVERIFY(r.problems.isEmpty());

    const DisbursementImportResult none =
        checkDisbursements(table({{u"a"_s}}, {u"甲"_s, u"乙"_s}), options());
    QVERIFY(none.error.startsWith(u"找不到表头"_s));
}

void TestDisbursementImport::wanYuanRefused()
{
    QStringList header = kHeader;
    header[5] = u"金额（万元）"_s;
    const DisbursementImportResult r =
        checkDisbursements(table({pay(kElderly, u"张山"_s, idFor(1))}, header), options());
    QCOMPARE(r.error, u"“金额（万元）”列以万元为单位；请改为以元为单位的金额后再导入"_s);
}

// Cells an .xlsx stored as numbers (TableData::numberCells / lostDigitCells, as the reader marks them): an ID
// number or account past 15 significant digits is refused whatever it looks like, a period read only when it
// can be one month alone.
void TestDisbursementImport::numbersExcelMangled()
{
    io::TableData t = table({pay(kElderly, u"张山"_s, idFor(1)), pay(kElderly, u"李梅"_s, idFor(2)),
                             pay(kElderly, u"王五"_s, idFor(3), u"100"_s, u"2026.1"_s),
                             pay(kElderly, u"赵六"_s, idFor(4), u"100"_s, u"2026.3"_s),
                             pay(kElderly, u"钱七"_s, idFor(5))});
    // Row 2: the ID number was a number that Excel cut (it may even pass the check digit).
    t.lostDigitCells.insert(1, {4});
    t.numberCells.insert(1, {4});
    // Row 3: the account was a 19-digit number.
    t.lostDigitCells.insert(2, {8});
    t.numberCells.insert(2, {8});
    // Row 6: the amount a formula whose result the file does not hold.
    t.rows[5][5].clear();
    t.formulaWithoutValueCells.insert(5, {5});
    // Rows 4 and 5: periods typed as 2026.10 (stored 2026.1) and 2026.3.
    t.numberCells.insert(3, {6});
    t.numberCells.insert(4, {6});
    const DisbursementImportResult r = checkDisbursements(t, options());
    const QStringList problems = problemTexts(r);
    QCOMPARE(problems.size(), 4);
    QVERIFY2(problems.at(0).startsWith(u"2|身份证号|“身份证号”中的"_s) &&
                 problems.at(0).contains(u"15 位有效数字"_s),
             qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).startsWith(u"3|收款账号|“收款账号”中的"_s) &&
                 problems.at(1).contains(u"单引号"_s),
             qPrintable(problems.at(1)));
    QVERIFY2(problems.at(2).startsWith(u"4|所属期|"_s) && problems.at(2).contains(u"1 月还是 10 月"_s),
             qPrintable(problems.at(2)));
    QVERIFY2(problems.at(3).startsWith(u"6|金额（元）|“金额（元）”是公式"_s), qPrintable(problems.at(3)));
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows.at(0).fields.value(u"period"_s).toString(), u"2026-03"_s);
}

// A payment list's total and signature rows: skipped, not bad rows.
void TestDisbursementImport::totalAndSignatureRows()
{
    const DisbursementImportResult r =
        checkDisbursements(table({pay(kElderly, u"张山"_s, idFor(1)),
                                  pay(kElderly, u"李梅"_s, idFor(2)),
                                  {u"合计"_s, QString(), QString(), QString(), QString(), u"200"_s},
                                  {u"制表人：王会计"_s, QString(), u"审核人："_s, QString(), u"负责人："_s},
                                  {u"日期：2026-03-12"_s}}),
                           options());
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(problemTexts(r), QStringList());
    QCOMPARE(r.rows.size(), 2);
    QCOMPARE(r.rowsRead, 2);
}

void TestDisbursementImport::notAClerk()
{
    DisbursementImportOptions o = options();
    o.actor.roles = {Role::Reviewer};
    const DisbursementImportResult r = checkDisbursements(table({pay(kElderly, u"张山"_s, idFor(1))}), o);
    QCOMPARE(r.error, u"资金数据由录入员录入（谁发放、谁录入）"_s);
    QVERIFY(r.rows.isEmpty());
}

void TestDisbursementImport::cancel()
{
    QList<QStringList> rows;
    for (int i = 0; i < 3000; ++i)
        rows.append(pay(kElderly, u"张山"_s, idFor(i % 999 + 1, QDate(1950, 1, 1).addDays(i / 999))));
    DisbursementImportOptions o = options();
    int calls = 0;
    o.progress = [&calls](qint64 done, qint64 total) {
        ++calls;
        return done < total / 2;
    };
    const DisbursementImportResult r = checkDisbursements(table(rows), o);
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QVERIFY(r.rows.isEmpty());
    QVERIFY(calls >= 2);

    o.progress = [](qint64, qint64) {
        return true;
    };
    const DisbursementImportResult all = checkDisbursements(table(rows), o);
    QCOMPARE(problemTexts(all), QStringList{});
    QCOMPARE(all.rows.size(), 3000);
}

void TestDisbursementImport::files_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-8 CSV") << u"utf8"_s << u"UTF-8"_s;
    QTest::newRow("UTF-8 CSV with BOM") << u"bom"_s << u"UTF-8 BOM"_s;
    QTest::newRow("GBK CSV") << u"gbk"_s << u"GB18030"_s;
    QTest::newRow("xlsx") << u"xlsx"_s << QString();
}

void TestDisbursementImport::files()
{
    QFETCH(QString, format);
    QFETCH(QString, encoding);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<QStringList> rows{kHeader};
    rows.append(mixedList());
    QString path;
    if (format == u"xlsx"_s) {
        path = dir.filePath(u"发放名单.xlsx"_s);
        io::XlsxWriter w(path);
        QVERIFY(w.beginSheet(u"发放名单"_s));
        for (const QStringList &row : std::as_const(rows))
            QVERIFY(w.writeRow(row));
        QVERIFY2(w.finish(), qPrintable(w.errorString()));
    } else {
        QString text;
        for (const QStringList &row : std::as_const(rows)) {
            QStringList cells;
            for (const QString &c : row)
                cells.append(c.contains(u',') ? u'"' + c + u'"' : c);
            text += cells.join(u',') + u"\r\n"_s;
        }
        QByteArray bytes;
        if (format == u"gbk"_s) {
            QStringEncoder gbk("GB18030");
            QVERIFY(gbk.isValid());
            bytes = gbk.encode(text);
            QVERIFY(!gbk.hasError());
            QVERIFY(bytes != text.toUtf8());
        } else {
            bytes = text.toUtf8();
            if (format == u"bom"_s)
                bytes.prepend("\xEF\xBB\xBF");
        }
        path = dir.filePath(u"发放名单.csv"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    const io::TableData t = io::readTable(path);
    QVERIFY2(t.ok(), qPrintable(t.error));
    QCOMPARE(t.encoding, encoding);
    const DisbursementImportResult r = checkDisbursements(t, options());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(problemTexts(r), mixedReport());
    QCOMPARE(r.rows.size(), 3);
    QCOMPARE(r.rows.at(0).fields.value(u"recipientName"_s).toString(), u"张山"_s);
    QCOMPARE(r.rows.at(2).fields.value(u"amountFen"_s).toInteger(), 120050);
}

QTEST_GUILESS_MAIN(TestDisbursementImport)
#include "tst_funds_import_rules.moc"
