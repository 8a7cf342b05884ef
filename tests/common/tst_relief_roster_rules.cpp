// The household roster (花名册) import: header matching, the record types' own checks per row, the roster's
// rules (one person once, one head per household, known villages, households agreeing with themselves), whole
// households only, and the exact line numbers of a GBK CSV and an .xlsx read through io::readTable.
#include "common/core/IdCard.h"
#include "common/io/TableFile.h"
#include "common/io/XlsxWriter.h"
#include "common/relief/RosterImport.h"
#include "tests/common/XlsxFixtures.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::relief;

namespace {

const QDate kToday(2026, 3, 16);

// A valid 身份证号 born on `birth` (Nantong region 320612), told apart by `seq`.
QString idFor(int seq, QDate birth = QDate(1962, 5, 17))
{
    const QString first17 =
        u"320612"_s + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

// The same number with a wrong check character.
QString wrongCheck(const QString &id)
{
    const QChar right = id.back();
    return id.left(17) + (right == u'1' ? u'2' : u'1');
}

QList<OrgUnit> villages()
{
    auto village = [](const QString &id, const QString &name) {
        OrgUnit u;
        u.id = id;
        u.name = name;
        u.level = OrgLevel::Village;
        u.parentId = id.left(9) + u"000"_s;
        u.path = u"/320600000000/320612000000/"_s + u.parentId + u'/' + id + u'/';
        return u;
    };
    return {village(u"320612101201"_s, u"新河村"_s), village(u"320612101202"_s, u"东风村"_s),
            village(u"320612101203"_s, u"长安村"_s), village(u"320612102201"_s, u"长安村"_s)};
}

const QStringList kHeader{u"序号"_s,     u"村（社区）"_s, u"户编号"_s,     u"户主姓名"_s,
                          u"姓名"_s,     u"身份证号"_s,   u"与户主关系"_s, u"致贫原因"_s,
                          u"建档年份"_s, u"联系电话"_s,   u"健康状况"_s,   u"劳动能力"_s};

// One person's row under kHeader.
QStringList person(const QString &village, const QString &no, const QString &head, const QString &name,
                   const QString &id, const QString &relation, const QString &cause = u"因病"_s,
                   const QString &year = u"2016"_s, const QString &phone = {}, const QString &health = {},
                   const QString &labour = {})
{
    return {u"1"_s, village, no, head, name, id, relation, cause, year, phone, health, labour};
}

// A table as readTable gives it: header at line 1, each row on its own line (empty rows kept).
io::TableData table(const QList<QStringList> &rows, const QStringList &header = kHeader)
{
    io::TableData t;
    t.rows.append(header);
    t.rows.append(rows);
    for (int i = 0; i < t.rows.size(); ++i)
        t.lineNumbers.append(i + 1);
    return t;
}

RosterResult check(const io::TableData &t, const QSet<QString> &registered = {})
{
    RosterOptions o;
    o.today = kToday;
    o.villages = villages();
    o.registeredIdNumbers = registered;
    return checkRoster(t, o);
}

// "line|column|reason", one per problem, in the result's order.
QStringList problemTexts(const RosterResult &r)
{
    QStringList out;
    for (const RosterProblem &p : r.problems)
        out.append(u"%1|%2|%3"_s.arg(p.line).arg(p.column, p.reason));
    return out;
}

const QString kHeldBack = u"同户有错误行，整户未导入"_s;

} // namespace

class TestRosterImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rows_data();
    void rows();
    void goodHouseholdWireValues();
    void headerVariants();
    void missingColumns();
    void noHeader();
    void idNumberExcelCut();
    void totalAndSignatureRows();
    void choiceSynonyms();
    void headerOnTwoLines();
    void instructionsSheetFirst();
    void formulaWithoutResult();
    void mergedHouseholdCells();
    void cancel();
    void gbkCsvFile();
    void xlsxFile();
};

void TestRosterImport::rows_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QStringList>("registered");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<int>("households");
    QTest::addColumn<int>("persons");

    const QString xh = u"新河村"_s;
    QTest::newRow("good household")
        << QList<QStringList>{person(xh, u"H1"_s, u"张山"_s, u"张山"_s, idFor(1), u"户主"_s),
                              person(xh, u"H1"_s, u"张山"_s, u"李梅"_s, idFor(2), u"配偶"_s),
                              person(xh, u"H1"_s, u"张山"_s, u"张小军"_s, idFor(3, QDate(2010, 2, 3)),
                                     u"子女"_s)}
        << QStringList{} << QStringList{} << 1 << 3;
    QTest::newRow("wrong check digit")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(xh, u"H1"_s, {}, u"李梅"_s, wrongCheck(idFor(2)), u"配偶"_s),
                              person(xh, u"H2"_s, {}, u"王五"_s, idFor(3), u"户主"_s)}
        << QStringList{}
        << QStringList{u"2||"_s + kHeldBack,
                       u"3|身份证号|“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s}
        << 1 << 1;
    QTest::newRow("future birth date")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(xh, u"H1"_s, {}, u"张宝"_s, idFor(4, QDate(2026, 3, 17)), u"子女"_s)}
        << QStringList{}
        << QStringList{u"2||"_s + kHeldBack, u"3|身份证号|“身份证号”：身份证号中的出生日期晚于今天"_s} << 0
        << 0;
    QTest::newRow("born today is fine")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(xh, u"H1"_s, {}, u"张宝"_s, idFor(4, kToday), u"孙子女"_s)}
        << QStringList{} << QStringList{} << 1 << 2;
    QTest::newRow("person twice in the file")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(xh, u"H2"_s, {}, u"王五"_s, idFor(2), u"户主"_s),
                              person(xh, u"H2"_s, {}, u"张山"_s, idFor(1), u"其他"_s)}
        << QStringList{}
        << QStringList{u"3||"_s + kHeldBack, u"4|身份证号|此人在第 2 行已出现，同一人只能登记一次"_s} << 1
        << 1;
    QTest::newRow("person registered already")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(xh, u"H1"_s, {}, u"李梅"_s, idFor(2), u"配偶"_s)}
        << QStringList{idFor(2)}
        << QStringList{u"2||"_s + kHeldBack, u"3|身份证号|此人已登记在册（身份证号已有记录），不能重复登记"_s}
        << 0 << 0;
    QTest::newRow("unknown village")
        << QList<QStringList>{person(u"西风村"_s, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(u"东风村"_s, u"H1"_s, {}, u"王五"_s, idFor(2), u"户主"_s)}
        << QStringList{}
        << QStringList{u"2|村（社区）|本辖区没有村（社区）“西风村”，请填写村名或 12 位村代码"_s} << 1 << 1;
    QTest::newRow("village name in two towns, then by code")
        << QList<QStringList>{person(u"长安村"_s, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(u"320612102201"_s, u"H1"_s, {}, u"王五"_s, idFor(2), u"户主"_s)}
        << QStringList{} << QStringList{u"2|村（社区）|有 2 个村（社区）叫“长安村”，请改填 12 位村代码"_s}
        << 1 << 1;
    QTest::newRow("unknown poverty cause")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, u"因懒"_s)}
        << QStringList{}
        << QStringList{u"2|致贫原因|无法识别“因懒”，“致贫原因”应为 因病、因残、因学、缺劳力、缺技术、缺资金、因灾、其他 之一"_s}
        << 0 << 0;
    QTest::newRow("household without head")
        << QList<QStringList>{person(xh, u"H7"_s, {}, u"李梅"_s, idFor(2), u"配偶"_s),
                              person(xh, u"H7"_s, {}, u"张小军"_s, idFor(3), u"子女"_s)}
        << QStringList{}
        << QStringList{u"2|与户主关系|本户（户编号 H7）没有“与户主关系”为“户主”的成员"_s,
                       u"3||"_s + kHeldBack}
        << 0 << 0;
    QTest::newRow("two heads") << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                                                     person(xh, u"H1"_s, {}, u"李梅"_s, idFor(2), u"户主"_s)}
                               << QStringList{}
                               << QStringList{u"2||"_s + kHeldBack,
                                              u"3|与户主关系|本户已有户主（第 2 行），一户只能有一个户主"_s}
                               << 0 << 0;
    QTest::newRow("same 户编号 in two villages is two households")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              person(u"东风村"_s, u"H1"_s, {}, u"王五"_s, idFor(2), u"户主"_s)}
        << QStringList{} << QStringList{} << 2 << 2;
    QTest::newRow("missing name and relation")
        << QList<QStringList>{person(xh, u"H1"_s, {}, {}, idFor(1), {})} << QStringList{}
        << QStringList{u"2|姓名|请填写“姓名”"_s, u"2|与户主关系|请填写“与户主关系”"_s} << 0 << 0;
    QTest::newRow("missing 户编号") << QList<QStringList>{person(xh, {}, {}, u"张山"_s, idFor(1), u"户主"_s)}
                                    << QStringList{} << QStringList{u"2|户编号|请填写“户编号”"_s} << 0 << 0;
    QTest::newRow("household columns on the head's row only")
        << QList<QStringList>{person(xh, u"H1"_s, u"张山"_s, u"张山"_s, idFor(1), u"户主"_s, u"因残"_s,
                                     u"2019"_s),
                              person(xh, u"H1"_s, {}, u"李梅"_s, idFor(2), u"配偶"_s, {}, {})}
        << QStringList{} << QStringList{} << 1 << 2;
    QTest::newRow("household columns disagree")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s),
                              person(xh, u"H1"_s, {}, u"李梅"_s, idFor(2), u"配偶"_s, u"因残"_s)}
        << QStringList{} << QStringList{u"2||"_s + kHeldBack, u"3|致贫原因|与同户第 2 行的“致贫原因”不一致"_s}
        << 0 << 0;
    QTest::newRow("no row gives the poverty cause")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, {}),
                              person(xh, u"H1"_s, {}, u"李梅"_s, idFor(2), u"配偶"_s, {})}
        << QStringList{} << QStringList{u"2|致贫原因|本户未填写“致贫原因”"_s, u"3||"_s + kHeldBack} << 0 << 0;
    QTest::newRow("head's name differs from 户主姓名")
        << QList<QStringList>{person(xh, u"H1"_s, u"张三"_s, u"张山"_s, idFor(1), u"户主"_s)} << QStringList{}
        << QStringList{u"2|户主姓名|“户主姓名”为“张三”，而户主（第 2 行）的姓名是“张山”"_s} << 0 << 0;
    QTest::newRow("registered before 2014 (the household's own rule)")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s, u"2010"_s)}
        << QStringList{} << QStringList{u"2|建档年份|建档年份应在 2014 年至今年之间"_s} << 0 << 0;
    QTest::newRow("year not a number")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s,
                                     u"二〇一六"_s)}
        << QStringList{} << QStringList{u"2|建档年份|“建档年份”应为整数"_s} << 0 << 0;
    QTest::newRow("year as Excel may write it")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s, u"2016年"_s),
                              person(xh, u"H1"_s, {}, u"李梅"_s, idFor(2), u"配偶"_s, u"因病"_s, u"2016.0"_s)}
        << QStringList{} << QStringList{} << 1 << 2;
    QTest::newRow("ID number stored as an Excel number")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, u"3.20612E+17"_s, u"户主"_s)}
        << QStringList{}
        << QStringList{u"2|身份证号|身份证号“3.20612E+17”被 Excel 存成了数字，后几位已丢失；请把该列设为文本格式后重新填写"_s}
        << 0 << 0;
    QTest::newRow("unknown health and labour labels")
        << QList<QStringList>{person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s, u"2016"_s,
                                     {}, u"良好"_s, u"强"_s)}
        << QStringList{}
        << QStringList{u"2|健康状况|无法识别“良好”，“健康状况”应为 健康、长期慢性病、大病 之一"_s,
                       u"2|劳动能力|无法识别“强”，“劳动能力”应为 有劳动能力、弱劳动能力、无劳动能力 之一"_s}
        << 0 << 0;
    QTest::newRow("empty rows skipped, lines kept")
        << QList<QStringList>{{},
                              {u""_s, u" "_s, u"\u3000"_s},
                              person(xh, u"H1"_s, {}, u"张山"_s, idFor(1), u"户主"_s),
                              {},
                              person(xh, u"H1"_s, {}, u"李梅"_s, wrongCheck(idFor(2)), u"配偶"_s)}
        << QStringList{}
        << QStringList{u"4||"_s + kHeldBack,
                       u"6|身份证号|“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s}
        << 0 << 0;
}

void TestRosterImport::rows()
{
    QFETCH(QList<QStringList>, rows);
    QFETCH(QStringList, registered);
    QFETCH(QStringList, problems);
    QFETCH(int, households);
    QFETCH(int, persons);

    const RosterResult r = check(table(rows), QSet<QString>(registered.begin(), registered.end()));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(problemTexts(r), problems);
    QCOMPARE(r.households.size(), households);
    QCOMPARE(r.personCount, persons);
    int own = 0, heldBack = 0;
    QSet<int> badLines;
    for (const RosterProblem &p : r.problems) {
        if (p.heldBack) {
            ++heldBack;
        } else {
            badLines.insert(p.line);
            ++own;
        }
    }
    QCOMPARE(r.badRows, badLines.size());
    QCOMPARE(r.heldBackRows, heldBack);
    int nonEmpty = 0;
    for (const QStringList &row : std::as_const(rows))
        nonEmpty +=
            std::any_of(row.begin(), row.end(), [](const QString &s) { return !s.trimmed().isEmpty(); });
    QCOMPARE(r.rowsRead, nonEmpty);
    QCOMPARE(persons + r.badRows + r.heldBackRows, nonEmpty);
}

void TestRosterImport::goodHouseholdWireValues()
{
    QStringList header = kHeader;
    header << u"家庭住址"_s << u"一折通开户行"_s << u"一折通账号"_s;
    QList<QStringList> rows{
        person(u"320612101202"_s, u"DF-007"_s, {}, u"王五"_s, idFor(5).toLower(), u"户主"_s, u"缺技术"_s,
               u"2015"_s, u"0513-86001234"_s, u"长期慢性病"_s, u"弱劳动能力"_s)
            << u"东风村三组 12 号"_s << u"通州农商行"_s << u"6228480000012345678"_s,
        person(u"东风村"_s, u"DF-007"_s, {}, u"王小五"_s, u"  "_s + idFor(6, QDate(2012, 8, 1)) + u" "_s,
               u"子女"_s, {}, {}, {}, u"健康"_s, u"无劳动能力"_s),
    };
    const RosterResult r = check(table(rows, header));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(problemTexts(r), QStringList{});
    QCOMPARE(r.households.size(), 1);
    const RosterHousehold &h = r.households.first();
    QCOMPARE(h.villageId, u"320612101202"_s);
    const QJsonObject expected{
        {u"householdNo"_s, u"DF-007"_s},      {u"headName"_s, u"王五"_s},
        {u"povertyCause"_s, u"no-skills"_s},  {u"registeredYear"_s, 2015},
        {u"phone"_s, u"0513-86001234"_s},     {u"address"_s, u"东风村三组 12 号"_s},
        {u"passbookBank"_s, u"通州农商行"_s}, {u"passbookAccount"_s, u"6228480000012345678"_s},
        {u"status"_s, u"registered"_s}};
    QCOMPARE(h.fields, expected);
    QCOMPARE(h.lines, (QList<int>{2, 3}));
    QCOMPARE(h.members.size(), 2);
    QCOMPARE(h.members.at(0), (QJsonObject{{u"name"_s, u"王五"_s},
                                           {u"idNumber"_s, idFor(5)},
                                           {u"relation"_s, u"head"_s},
                                           {u"health"_s, u"chronic"_s},
                                           {u"labour"_s, u"partial"_s}}));
    QCOMPARE(h.members.at(1), (QJsonObject{{u"name"_s, u"王小五"_s},
                                           {u"idNumber"_s, idFor(6, QDate(2012, 8, 1))},
                                           {u"relation"_s, u"child"_s},
                                           {u"health"_s, u"healthy"_s},
                                           {u"labour"_s, u"none"_s}}));
}

void TestRosterImport::headerVariants()
{
    io::TableData t;
    t.rows = {{u"新河村建档立卡低收入户花名册"_s},
              {u"村(居)"_s, u"户号"_s, u" *姓名 "_s, u"身份证号码（18位）"_s, u"与户主关系"_s,
               u"主要致贫原因"_s, u"建档年度"_s, u"备注"_s},
              {u"新河村"_s, u"8"_s, u"赵六"_s, idFor(7), u"户主"_s, u"因学"_s, u"2020"_s, u"随便写"_s},
              {u"新河村"_s, u"9"_s, u"钱七"_s, wrongCheck(idFor(8)), u"户主"_s, u"因灾"_s, u"2020"_s}};
    t.lineNumbers = {1, 2, 3, 4};
    const RosterResult r = check(t);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.headerLine, 2);
    QCOMPARE(problemTexts(r),
             QStringList{u"4|身份证号码（18位）|“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s});
    QCOMPARE(r.households.size(), 1);
    QCOMPARE(r.households.first().fields.value(u"headName"_s).toString(), u"赵六"_s);
    QCOMPARE(r.households.first().fields.value(u"povertyCause"_s).toString(), u"schooling"_s);
    QCOMPARE(r.households.first().fields.value(u"householdNo"_s).toString(), u"8"_s);
}

void TestRosterImport::missingColumns()
{
    QCOMPARE(rosterHeaders(true), (QStringList{u"村（社区）"_s, u"户编号"_s, u"姓名"_s, u"身份证号"_s,
                                               u"与户主关系"_s, u"致贫原因"_s, u"建档年份"_s}));
    QCOMPARE(rosterHeaders(false), (QStringList{u"户主姓名"_s, u"联系电话"_s, u"健康状况"_s, u"劳动能力"_s,
                                                u"家庭住址"_s, u"一折通开户行"_s, u"一折通账号"_s}));
    QCOMPARE(rosterHeaderNames(u"povertyCause"_s).first(), u"致贫原因"_s);
    const QStringList header{u"村（社区）"_s, u"户编号"_s, u"姓名"_s, u"身份证号"_s, u"致贫原因"_s};
    const RosterResult r = check(table({{u"新河村"_s, u"1"_s, u"张山"_s, idFor(1), u"因病"_s}}, header));
    QVERIFY(!r.ok());
    QCOMPARE(r.error, u"花名册第 1 行的表头缺少以下列：与户主关系、建档年份。请补上这些列后再导入"_s);
    QVERIFY(r.households.isEmpty());
    QVERIFY(r.problems.isEmpty());
}

// An ID number an .xlsx stored as a number with more than 15 significant digits (the reader marks it):
// refused with how to fix it, even when its digits happen to pass the check digit, and its household held
// back whole.
void TestRosterImport::idNumberExcelCut()
{
    // The member's number "as Excel kept it" is a valid one here on purpose: the mark alone must refuse it.
    io::TableData t = table({person(u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, idFor(1), u"户主"_s),
                             person(u"新河村"_s, u"101"_s, u"张三"_s, u"李四"_s, idFor(2), u"配偶"_s),
                             person(u"新河村"_s, u"102"_s, u"王五"_s, u"王五"_s, idFor(3), u"户主"_s)});
    t.numberCells.insert(2, {5});
    t.lostDigitCells.insert(2, {5});
    const RosterResult r = check(t);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.problems.size(), 2); // the cut number, and its household's head held back
    QCOMPARE(r.problems.at(0).line, 2);
    QVERIFY(r.problems.at(0).heldBack);
    QCOMPARE(r.problems.at(1).line, 3);
    QVERIFY2(r.problems.at(1).reason.contains(u"15 位有效数字"_s), qPrintable(r.problems.at(1).reason));
    QCOMPARE(r.households.size(), 1);
    QCOMPARE(r.households.at(0).fields.value(u"householdNo"_s).toString(), u"102"_s);
}

// What a clerk's roster has below its data: a total row and signature rows, skipped and not reported.
void TestRosterImport::totalAndSignatureRows()
{
    const RosterResult r =
        check(table({person(u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, idFor(1), u"户主"_s),
                     person(u"新河村"_s, u"101"_s, u"张三"_s, u"李四"_s, idFor(2), u"配偶"_s),
                     {u"合计"_s, QString(), u"共 1 户 2 人"_s},
                     {},
                     {QString(), u"共1户2人"_s},
                     {u"制表人：王会计"_s, QString(), QString(), u"审核人：李站长"_s},
                     {u"填表日期：2026年3月1日"_s},
                     {u"说明：本表一式三份"_s}}));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.problems.size(), 0);
    QCOMPARE(r.rowsRead, 2);
    QCOMPARE(r.households.size(), 1);
    QCOMPARE(r.personCount, 2);
    // A village whose name starts like a word of those rows is still data.
    QVERIFY(!io::isNoRecordRow({u"共和村"_s, u"101"_s}));
    QVERIFY(!io::isNoRecordRow({u"1"_s, u"合计村"_s}));
    QVERIFY(io::isNoRecordRow({u" 合 计 "_s}));
}

// The words clerks write for the choices: 本人 for the head, 之子 for a child, 缺劳动力 for 缺劳力.
void TestRosterImport::choiceSynonyms()
{
    const RosterResult r =
        check(table({person(u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, idFor(1), u"本人"_s, u"缺劳动力"_s),
                     person(u"新河村"_s, u"101"_s, u"张三"_s, u"张小"_s, idFor(2, QDate(1990, 1, 1)),
                            u"之子"_s, u"缺劳动力"_s, u"2016"_s, {}, {}, u"丧失劳动力"_s),
                     person(u"新河村"_s, u"102"_s, u"李四"_s, u"李四"_s, idFor(3), u"户主"_s),
                     person(u"新河村"_s, u"102"_s, u"李四"_s, u"李五"_s, idFor(4), u"堂兄"_s)}));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.households.size(), 1);
    const RosterHousehold &h = r.households.at(0);
    QCOMPARE(h.fields.value(u"povertyCause"_s).toString(), u"no-labour"_s);
    QCOMPARE(h.members.at(0).value(u"relation"_s).toString(), u"head"_s);
    QCOMPARE(h.members.at(1).value(u"relation"_s).toString(), u"child"_s);
    QCOMPARE(h.members.at(1).value(u"labour"_s).toString(), u"none"_s);
    // Not a synonym: refused with the labels it may be.
    QCOMPARE(r.problems.size(), 2);
    QVERIFY2(r.problems.at(1).reason.contains(u"堂兄"_s), qPrintable(r.problems.at(1).reason));
}

// A header label written on two lines in its cell is named on one line in the report.
void TestRosterImport::headerOnTwoLines()
{
    QStringList header = kHeader;
    header[5] = u"身份证号\n（18位）"_s;
    const RosterResult r = check(table(
        {person(u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, u"320612196609234010"_s, u"户主"_s)}, header));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.at(0).column, u"身份证号（18位）"_s);
}

void TestRosterImport::noHeader()
{
    const RosterResult r = check(table({{u"新河村"_s, u"1"_s}}, {u"甲"_s, u"乙"_s, u"姓名"_s}));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"找不到表头"_s), qPrintable(r.error));
}

void TestRosterImport::cancel()
{
    QList<QStringList> rows;
    for (int i = 0; i < 5000; ++i)
        rows.append(person(u"新河村"_s, u"H%1"_s.arg(i), {}, u"张山"_s,
                           idFor(i % 1000, QDate(1960, 1, 1).addDays(i)), u"户主"_s));
    RosterOptions o;
    o.today = kToday;
    o.villages = villages();
    qint64 last = -1;
    o.progress = [&](qint64 done, qint64 total) {
        last = done;
        return done < total / 2;
    };
    const RosterResult r = checkRoster(table(rows), o);
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QVERIFY(r.households.isEmpty());
    QVERIFY(last >= 2500 && last < 5001);

    o.progress = [&](qint64 done, qint64) {
        last = done;
        return true;
    };
    const RosterResult all = checkRoster(table(rows), o);
    QVERIFY2(all.ok(), qPrintable(all.error));
    QCOMPARE(all.households.size(), 5000);
    QCOMPARE(last, 5001);
}

// One roster file with good households and every kind of bad row, as a list of rows.
static QList<QStringList> mixedRoster()
{
    const QString xh = u"新河村"_s;
    return {
        {u"新河村 2026 年低收入户花名册"_s}, // 1
        kHeader,                             // 2
        person(xh, u"001"_s, u"张山"_s, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s, u"2016"_s,
               u"13912345678"_s, u"大病"_s, u"无劳动能力"_s), // 3
        person(xh, u"001"_s, u"张山"_s, u"李梅"_s, idFor(2), u"配偶"_s, u"因病"_s, u"2016"_s, {}, u"健康"_s,
               u"有劳动能力"_s),                                                                    // 4
        person(xh, u"002"_s, {}, u"王五"_s, wrongCheck(idFor(3)), u"户主"_s, u"因残"_s, u"2017"_s), // 5
        person(xh, u"002"_s, {}, u"王小五"_s, idFor(4, QDate(2027, 1, 1)), u"子女"_s, {}, {}),      // 6
        {},                                                                                         // 7
        person(u"东风村"_s, u"003"_s, {}, u"赵六"_s, idFor(5), u"户主"_s, u"缺资金"_s, u"2018"_s),  // 8
        person(u"东风村"_s, u"003"_s, {}, u"张山"_s, idFor(1), u"其他"_s, u"缺资金"_s, u"2018"_s),  // 9
        person(u"西风村"_s, u"004"_s, {}, u"孙八"_s, idFor(6), u"户主"_s),                          // 10
        person(xh, u"005"_s, {}, u"周九"_s, idFor(7), u"户主"_s, u"因懒"_s),                        // 11
        person(xh, u"006"_s, {}, u"吴十"_s, idFor(8), u"配偶"_s),                                   // 12
        person(xh, u"007"_s, {}, u"郑一"_s, idFor(9), u"户主"_s),                                   // 13
        person(xh, u"008"_s, {}, u"冯二"_s, idFor(10), u"户主"_s, u"缺劳力"_s, u"2019"_s),          // 14
        person(xh, u"008"_s, {}, u"冯小二"_s, idFor(11, QDate(2015, 6, 1)), u"孙子女"_s, u"缺劳力"_s,
               u"2019"_s, {}, u"长期慢性病"_s), // 15
    };
}

// What mixedRoster() must give, with `shift` added to every line from the CSV's multi-line cell on.
static QStringList mixedProblems(int shiftFrom, int shift)
{
    auto l = [&](int line) {
        return line >= shiftFrom ? line + shift : line;
    };
    return {
        u"%1|身份证号|“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s.arg(l(5)),
        u"%1|身份证号|“身份证号”：身份证号中的出生日期晚于今天"_s.arg(l(6)),
        u"%1||%2"_s.arg(l(8)).arg(kHeldBack),
        u"%1|身份证号|此人在第 3 行已出现，同一人只能登记一次"_s.arg(l(9)),
        u"%1|村（社区）|本辖区没有村（社区）“西风村”，请填写村名或 12 位村代码"_s.arg(l(10)),
        u"%1|致贫原因|无法识别“因懒”，“致贫原因”应为 因病、因残、因学、缺劳力、缺技术、缺资金、因灾、其他 之一"_s
            .arg(l(11)),
        u"%1|与户主关系|本户（户编号 006）没有“与户主关系”为“户主”的成员"_s.arg(l(12)),
        u"%1|身份证号|此人已登记在册（身份证号已有记录），不能重复登记"_s.arg(l(13)),
    };
}

static void checkMixed(const io::TableData &t, int shiftFrom, int shift)
{
    QVERIFY2(t.ok(), qPrintable(t.error));
    const RosterResult r = check(t, {idFor(9)});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.headerLine, 2);
    QCOMPARE(problemTexts(r), mixedProblems(shiftFrom, shift));
    QCOMPARE(r.rowsRead, 12);
    QCOMPARE(r.badRows, 7);
    QCOMPARE(r.heldBackRows, 1);
    QCOMPARE(r.households.size(), 2);
    QCOMPARE(r.personCount, 4);

    const RosterHousehold &a = r.households.at(0);
    QCOMPARE(a.villageId, u"320612101201"_s);
    auto l = [&](int line) {
        return line >= shiftFrom ? line + shift : line;
    };
    QCOMPARE(a.lines, (QList<int>{3, l(4)}));
    QCOMPARE(a.fields.value(u"householdNo"_s).toString(), u"001"_s);
    QCOMPARE(a.fields.value(u"headName"_s).toString(), u"张山"_s);
    QCOMPARE(a.fields.value(u"povertyCause"_s).toString(), u"illness"_s);
    QCOMPARE(a.fields.value(u"registeredYear"_s).toInt(), 2016);
    QCOMPARE(a.fields.value(u"phone"_s).toString(), u"13912345678"_s);
    QCOMPARE(a.fields.value(u"address"_s).toString(), u"新河村一组\n3 号"_s);
    QCOMPARE(a.members.at(0).value(u"health"_s).toString(), u"serious"_s);
    QCOMPARE(a.members.at(0).value(u"labour"_s).toString(), u"none"_s);
    QCOMPARE(a.members.at(1).value(u"relation"_s).toString(), u"spouse"_s);
    QCOMPARE(a.members.at(1).value(u"labour"_s).toString(), u"full"_s);

    const RosterHousehold &b = r.households.at(1);
    QCOMPARE(b.lines, (QList<int>{l(14), l(15)}));
    QCOMPARE(b.fields.value(u"povertyCause"_s).toString(), u"no-labour"_s);
    QCOMPARE(b.members.at(1).value(u"relation"_s).toString(), u"grandchild"_s);
    QCOMPARE(b.members.at(1).value(u"health"_s).toString(), u"chronic"_s);
    QCOMPARE(b.members.at(1).value(u"idNumber"_s).toString(), idFor(11, QDate(2015, 6, 1)));
}

void TestRosterImport::gbkCsvFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<QStringList> rows = mixedRoster();
    rows[1].append(u"家庭住址"_s);
    rows[2].append(
        u"新河村一组\n3 号"_s); // a quoted cell over two lines: every later row starts a line lower
    QString text;
    for (const QStringList &row : std::as_const(rows)) {
        QStringList cells;
        for (const QString &c : row)
            cells.append(c.contains(u'\n') || c.contains(u',') ? u'"' + c + u'"' : c);
        text += cells.join(u',') + u"\r\n"_s;
    }
    QStringEncoder gbk("GB18030");
    const QByteArray bytes = gbk.encode(text);
    QVERIFY(!gbk.hasError());
    const QString path = dir.filePath(u"花名册.csv"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();

    const io::TableData t = io::readTable(path);
    QCOMPARE(t.encoding, u"GB18030"_s);
    checkMixed(t, 4, 1);
}

void TestRosterImport::xlsxFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<QStringList> rows = mixedRoster();
    rows[1].append(u"家庭住址"_s);
    rows[2].append(u"新河村一组\n3 号"_s);
    const QString path = dir.filePath(u"花名册.xlsx"_s);
    io::XlsxWriter w(path);
    QVERIFY(w.beginSheet(u"花名册"_s));
    for (const QStringList &row : std::as_const(rows))
        QVERIFY(w.writeRow(row));
    QVERIFY2(w.finish(), qPrintable(w.errorString()));

    const io::TableData t = io::readTable(path);
    checkMixed(t, 999, 0);
}

// A workbook whose first sheet is the instructions (填表说明): the import finds the roster on the next sheet
// and names it; without the header search the first sheet would be read and have no header.
void TestRosterImport::instructionsSheetFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"花名册.xlsx"_s);
    io::XlsxWriter w(path);
    QVERIFY(w.beginSheet(u"填表说明"_s));
    QVERIFY(w.writeRow({u"1. 每人一行，同户成员的户编号相同。"_s}));
    QVERIFY(w.writeRow({u"2. 身份证号请设为文本格式。"_s}));
    QVERIFY(w.beginSheet(u"花名册"_s));
    QVERIFY(w.writeRow(kHeader));
    QVERIFY(w.writeRow(person(u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, idFor(1), u"户主"_s)));
    QVERIFY2(w.finish(), qPrintable(w.errorString()));

    QVERIFY(!hasRosterHeader(io::readTable(path)));
    io::ReadOptions read;
    read.acceptSheet = &hasRosterHeader;
    const io::TableData t = io::readTable(path, read);
    QCOMPARE(t.sheetName, u"花名册"_s);
    const RosterResult r = check(t);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.households.size(), 1);
    // A workbook with no roster on any sheet: its first sheet, and the import says no header was found.
    const QString other = dir.filePath(u"其他.xlsx"_s);
    io::XlsxWriter o(other);
    QVERIFY(o.beginSheet(u"说明"_s));
    QVERIFY(o.writeRow({u"无"_s}));
    QVERIFY(o.beginSheet(u"备用"_s));
    QVERIFY(o.writeRow({u"无"_s}));
    QVERIFY2(o.finish(), qPrintable(o.errorString()));
    const io::TableData none = io::readTable(other, read);
    QVERIFY(none.ok());
    QCOMPARE(none.sheetName, u"说明"_s);
    QVERIFY(check(none).error.contains(u"找不到表头"_s));
}

// An ID number that is a formula with no stored result: said so, not "请填写", and the household held back.
void TestRosterImport::formulaWithoutResult()
{
    io::TableData t = table({person(u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, idFor(1), u"户主"_s),
                             person(u"新河村"_s, u"101"_s, u"张三"_s, u"李四"_s, QString(), u"配偶"_s)});
    t.formulaWithoutValueCells.insert(2, {5});
    const RosterResult r = check(t);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.households.size(), 0);
    QStringList reasons;
    for (const RosterProblem &p : r.problems) {
        if (!p.heldBack)
            reasons.append(p.reason);
    }
    QCOMPARE(reasons.size(), 1);
    QVERIFY2(reasons.at(0).contains(u"是公式"_s), qPrintable(reasons.join(u" | "_s)));
}

// A roster laid out as clerks do it in Excel: 村, 户编号 and 户主姓名 merged over the rows of each household.
// Each household is imported whole (not its head alone); a household with one bad row is held back whole.
void TestRosterImport::mergedHouseholdCells()
{
    const auto text = [](const char *ref, const QString &value) -> QByteArray {
        return QByteArray(R"(<c r=")") + ref + R"(" t="inlineStr"><is><t>)" + value.toUtf8() +
               "</t></is></c>";
    };
    QByteArray rows = "<row r=\"1\">";
    const char *headerRefs[] = {"A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"};
    const QStringList header{u"村（社区）"_s, u"户编号"_s,     u"户主姓名"_s, u"姓名"_s,
                             u"身份证号"_s,   u"与户主关系"_s, u"致贫原因"_s, u"建档年份"_s};
    for (int i = 0; i < header.size(); ++i)
        rows += text(headerRefs[i], header.at(i));
    rows += "</row>";
    // Household 101 (three people), household 102 (two, the second with a bad check digit).
    const QList<QStringList> people{
        {u"新河村"_s, u"101"_s, u"张三"_s, u"张三"_s, idFor(1), u"户主"_s, u"因病"_s, u"2016"_s},
        {QString(), QString(), QString(), u"李梅"_s, idFor(2), u"配偶"_s, QString(), QString()},
        {QString(), QString(), QString(), u"张小"_s, idFor(3, QDate(1995, 2, 3)), u"子女"_s, QString(),
         QString()},
        {u"新河村"_s, u"102"_s, u"王五"_s, u"王五"_s, idFor(4), u"户主"_s, u"因残"_s, u"2017"_s},
        {QString(), QString(), QString(), u"赵六"_s,
         idFor(5).left(17) + (idFor(5).endsWith(u'1') ? u"2"_s : u"1"_s), u"配偶"_s, QString(), QString()}};
    for (int r = 0; r < people.size(); ++r) {
        rows += "<row r=\"" + QByteArray::number(r + 2) + "\">";
        for (int c = 0; c < people.at(r).size(); ++c) {
            if (people.at(r).at(c).isEmpty())
                continue;
            const QByteArray ref = QByteArray(1, char('A' + c)) + QByteArray::number(r + 2);
            rows += text(ref.constData(), people.at(r).at(c));
        }
        rows += "</row>";
    }
    QByteArray merges = "<mergeCells count=\"12\">";
    for (const char *range :
         {"A2:A4", "B2:B4", "C2:C4", "G2:G4", "H2:H4", "A5:A6", "B5:B6", "C5:C6", "G5:G6", "H5:H6"})
        merges += QByteArray("<mergeCell ref=\"") + range + "\"/>";
    merges += "</mergeCells>";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"合并单元格花名册.xlsx"_s);
    QVERIFY(test::writeZip(path, test::oneSheetWorkbook(rows, {}, false, merges)));

    const RosterResult r = check(io::readTable(path));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.households.size(), 1);
    QCOMPARE(r.households.at(0).members.size(), 3); // the whole of household 101, not its head alone
    QCOMPARE(r.personCount, 3);
    QCOMPARE(r.badRows, 1);      // 赵六's check digit
    QCOMPARE(r.heldBackRows, 1); // 王五, with his household
}

QTEST_GUILESS_MAIN(TestRosterImport)
#include "tst_relief_roster_rules.moc"
