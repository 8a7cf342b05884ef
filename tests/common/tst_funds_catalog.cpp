// The fund catalog (资金项目) against Art. 22 (一)-(二十一) of the regulation, as shipped in
// resources/funds/fund-catalog.csv, and the strict CSV reader behind it.

#include "common/funds/FundCatalog.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using sunshine::funds::FundCatalog;
using sunshine::funds::FundKind;
using sunshine::funds::FundLine;
using sunshine::funds::PaymentCycle;
using sunshine::funds::Recipient;

Q_DECLARE_METATYPE(sunshine::funds::FundLineText)

namespace {

// The department codes of server/demo/OrgCatalog.cpp departments().
const QSet<QString> &knownDepartments()
{
    static const QSet<QString> codes{
        u"discipline"_s,   u"poverty-office"_s,  u"education"_s,         u"civil-affairs"_s,
        u"finance"_s,      u"human-resources"_s, u"natural-resources"_s, u"ecology"_s,
        u"housing"_s,      u"water"_s,           u"agriculture"_s,       u"health"_s,
        u"veterans"_s,     u"emergency"_s,       u"medical-security"_s,  u"audit"_s,
        u"youth-league"_s, u"women"_s,           u"disabled"_s,          u"red-cross"_s,
        u"charity"_s,      u"old-area"_s};
    return codes;
}

const char kHeader[] = "# comment\ncode,article,name,lead,kind,cycle,recipient,note\n";

} // namespace

class TestFundCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtInLoads();
    void everyArticleItemAppears();
    void codesUniqueAndDepartmentsKnown();
    void spotChecks_data();
    void spotChecks();
    void ofDepartment();
    void findUnknown();
    void goodCsv();
    void badCsv_data();
    void badCsv();
    void recipientNames();
    void validateLineNamesTheField_data();
    void validateLineNamesTheField();
    void addedLinesInForce();
    void missResolver();
    void jsonRoundTrip();
    void whoManagesLines();
};

void TestFundCatalog::builtInLoads()
{
    const FundCatalog &catalog = FundCatalog::builtIn();
    QVERIFY(catalog.lines().size() >= 60);
    QVERIFY(catalog.lines().size() <= 90);
    QCOMPARE(&FundCatalog::builtIn(), &catalog);
}

void TestFundCatalog::everyArticleItemAppears()
{
    const QStringList items{u"一"_s,   u"二"_s,   u"三"_s,   u"四"_s,   u"五"_s,   u"六"_s,   u"七"_s,
                            u"八"_s,   u"九"_s,   u"十"_s,   u"十一"_s, u"十二"_s, u"十三"_s, u"十四"_s,
                            u"十五"_s, u"十六"_s, u"十七"_s, u"十八"_s, u"十九"_s, u"二十"_s, u"二十一"_s};
    QSet<QString> articles;
    for (const FundLine &l : FundCatalog::builtIn().lines())
        articles.insert(l.article);
    for (const QString &item : items) {
        const QString article = u"二十二(%1)"_s.arg(item);
        QVERIFY2(articles.contains(article), qPrintable(article));
    }
    // Nothing outside (一)-(二十一).
    QCOMPARE(articles.size(), items.size());
}

void TestFundCatalog::codesUniqueAndDepartmentsKnown()
{
    QSet<QString> codes;
    QSet<QString> names;
    for (const FundLine &l : FundCatalog::builtIn().lines()) {
        QVERIFY2(!codes.contains(l.code), qPrintable(l.code));
        codes.insert(l.code);
        QVERIFY2(!names.contains(l.name), qPrintable(l.name));
        names.insert(l.name);
        QVERIFY2(knownDepartments().contains(l.leadDepartment), qPrintable(l.code));
        QVERIFY(!l.name.isEmpty());
    }
}

void TestFundCatalog::spotChecks_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("article");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("department");
    QTest::addColumn<FundKind>("kind");
    QTest::addColumn<PaymentCycle>("cycle");

    QTest::newRow("低保") << u"civil-minimum-living"_s << u"二十二(三)"_s << u"农村低保"_s
                          << u"civil-affairs"_s << FundKind::ReliefFiscal << PaymentCycle::Monthly;
    QTest::newRow("耕地地力") << u"finance-cultivated-land-protection"_s << u"二十二(四)"_s
                              << u"耕地地力保护资金"_s << u"finance"_s << FundKind::Agricultural
                              << PaymentCycle::Once;
    QTest::newRow("一事一议") << u"agri-village-public-welfare"_s << u"二十二(十)"_s
                              << u"村级公益事业一事一议财政奖补资金"_s << u"agriculture"_s
                              << FundKind::Agricultural << PaymentCycle::PerProject;
    QTest::newRow("渔业互助保险") << u"agri-fishery-mutual-insurance"_s << u"二十二(十)"_s
                                  << u"渔业互助保险(雇主责任险)"_s << u"agriculture"_s
                                  << FundKind::Agricultural << PaymentCycle::Once;
    QTest::newRow("希望工程") << u"youth-hope-project"_s << u"二十二(十五)"_s << u"希望工程资金"_s
                              << u"youth-league"_s << FundKind::ReliefDonation << PaymentCycle::Once;
    QTest::newRow("仁爱透析") << u"charity-dialysis"_s << u"二十二(十九)"_s
                              << u"“仁爱透析”贫困家庭尿毒症患者救助项目"_s << u"charity"_s
                              << FundKind::ReliefDonation << PaymentCycle::Once;
    QTest::newRow("残疾人两项补助") << u"civil-disability-two-subsidies"_s << u"二十二(三)"_s
                                    << u"残疾人两项补助"_s << u"civil-affairs"_s << FundKind::ReliefFiscal
                                    << PaymentCycle::Monthly;
    QTest::newRow("老促会助学") << u"oldarea-student-aid"_s << u"二十二(二十)"_s << u"老促会助学资金"_s
                                << u"old-area"_s << FundKind::ReliefOther << PaymentCycle::Once;
}

void TestFundCatalog::spotChecks()
{
    QFETCH(QString, code);
    QFETCH(QString, article);
    QFETCH(QString, name);
    QFETCH(QString, department);
    QFETCH(FundKind, kind);
    QFETCH(PaymentCycle, cycle);
    const std::optional<FundLine> line = FundCatalog::builtIn().find(code);
    QVERIFY(line);
    QCOMPARE(line->code, code);
    QCOMPARE(line->article, article);
    QCOMPARE(line->name, name);
    QCOMPARE(line->leadDepartment, department);
    QCOMPARE(line->kind, kind);
    QCOMPARE(line->cycle, cycle);
}

void TestFundCatalog::ofDepartment()
{
    const FundCatalog &catalog = FundCatalog::builtIn();
    // (十) names 22 lines, all agriculture's.
    const QList<FundLine> agri = catalog.ofDepartment(u"agriculture"_s);
    QCOMPARE(agri.size(), 22);
    for (const FundLine &l : agri) {
        QCOMPARE(l.leadDepartment, u"agriculture"_s);
        QCOMPARE(l.article, u"二十二(十)"_s);
    }
    QCOMPARE(catalog.ofDepartment(u"charity"_s).size(), 6);
    QCOMPARE(catalog.ofDepartment(u"civil-affairs"_s).size(), 7);
    QCOMPARE(catalog.ofDepartment(u"education"_s).size(), 5);
    QVERIFY(catalog.ofDepartment(u"audit"_s).isEmpty());
    QVERIFY(catalog.ofDepartment(u"no-such-department"_s).isEmpty());
    int total = 0;
    for (const QString &d : knownDepartments())
        total += int(catalog.ofDepartment(d).size());
    QCOMPARE(total, int(catalog.lines().size()));
}

void TestFundCatalog::findUnknown()
{
    QVERIFY(!FundCatalog::builtIn().find(u"no-such-fund"_s));
    QVERIFY(!FundCatalog::builtIn().find(QString()));
}

void TestFundCatalog::goodCsv()
{
    FundCatalog c;
    QString error;
    const QByteArray csv = QByteArray(kHeader) +
                           "a-1,二十二(三),农村低保,civil-affairs,relief-fiscal,monthly,household,\r\n"
                           "\n"
                           "# another comment\n"
                           "b-2,二十二(十),省定薄弱村,agriculture,agricultural,per-project,village,note here";
    QVERIFY2(c.loadCsv(csv, &error), qPrintable(error));
    QCOMPARE(c.lines().size(), 2);
    const FundLine a = c.lines().at(0);
    QCOMPARE(a.code, u"a-1"_s);
    QCOMPARE(a.name, u"农村低保"_s);
    QCOMPARE(a.recipient, Recipient::Household);
    QCOMPARE(a.note, QString());
    const FundLine b = c.lines().at(1);
    QCOMPARE(b.kind, FundKind::Agricultural);
    QCOMPARE(b.cycle, PaymentCycle::PerProject);
    QCOMPARE(b.recipient, Recipient::Village);
    QCOMPARE(b.note, u"note here"_s);
}

void TestFundCatalog::badCsv_data()
{
    QTest::addColumn<QByteArray>("line"); // placed on line 3, after the comment and the header
    QTest::addColumn<QString>("reason");

    const QByteArray good = "x,二十二(三),农村低保,civil-affairs,relief-fiscal,monthly,household,";
    QTest::newRow("too few fields") << QByteArray("x,二十二(三),农村低保,civil-affairs,relief-fiscal,monthly")
                                    << u"6 fields"_s;
    QTest::newRow("too many fields") << QByteArray(good + ",extra") << u"9 fields"_s;
    QTest::newRow("unknown kind") << QByteArray(
                                         "x,二十二(三),农村低保,civil-affairs,relief,monthly,household,")
                                  << u"unknown kind \"relief\""_s;
    QTest::newRow("unknown cycle")
        << QByteArray("x,二十二(三),农村低保,civil-affairs,relief-fiscal,yearly,household,")
        << u"unknown payment cycle \"yearly\""_s;
    QTest::newRow("unknown recipient")
        << QByteArray("x,二十二(三),农村低保,civil-affairs,relief-fiscal,monthly,family,")
        << u"unknown recipient \"family\""_s;
    QTest::newRow("duplicate code") << QByteArray("dup," + good.mid(2)) << u"duplicate code \"dup\""_s;
    QTest::newRow("empty code") << QByteArray(good.mid(1)) << u"bad code"_s;
    QTest::newRow("non-ASCII code") << QByteArray("低保" + good.mid(1)) << u"bad code"_s;
    QTest::newRow("empty name") << QByteArray("x,二十二(三),,civil-affairs,relief-fiscal,monthly,household,")
                                << u"empty name"_s;
    QTest::newRow("empty article") << QByteArray("x,,农村低保,civil-affairs,relief-fiscal,monthly,household,")
                                   << u"empty article"_s;
    QTest::newRow("empty department")
        << QByteArray("x,二十二(三),农村低保,,relief-fiscal,monthly,household,") << u"bad lead department"_s;
}

void TestFundCatalog::badCsv()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    FundCatalog c;
    QString error;
    // A good catalog first: a failed load leaves it unchanged.
    QVERIFY(c.loadCsv("keep,二十二(五),城乡居民基本养老保险,human-resources,relief-fiscal,monthly,person,",
                      &error));
    const QByteArray first = "dup,二十二(一),小额贷款,poverty-office,relief-fiscal,once,household,\n";
    // Line 1 comment, line 2 header, line 3 "dup", line 4 the bad line.
    const QByteArray csv =
        QByteArray(kHeader) + first + line + "\nlast,二十二(七),x,ecology,agricultural,once,project,\n";
    QVERIFY(!c.loadCsv(csv, &error));
    QVERIFY2(error.startsWith(u"line 4: "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QCOMPARE(c.lines().size(), 1);
    QCOMPARE(c.lines().at(0).code, u"keep"_s);
}

void TestFundCatalog::recipientNames()
{
    for (Recipient r :
         {Recipient::Person, Recipient::Household, Recipient::Unit, Recipient::Village, Recipient::Project}) {
        QCOMPARE(sunshine::funds::recipientFromName(sunshine::funds::recipientName(r)), r);
        QVERIFY(!sunshine::funds::recipientChineseName(r).isEmpty());
    }
    QVERIFY(!sunshine::funds::recipientFromName(u"Person"_s));
    QVERIFY(!sunshine::funds::recipientFromName(QString()));
}

void TestFundCatalog::validateLineNamesTheField_data()
{
    using sunshine::funds::FundLineText;
    QTest::addColumn<FundLineText>("text");
    QTest::addColumn<QString>("field");
    const FundLineText good{u" agri-x "_s,     u"二十二(十)"_s, u"测试补助"_s, u"agriculture"_s,
                            u"agricultural"_s, u"once"_s,       u"project"_s,  u"note"_s};
    QTest::newRow("good") << good << QString();
    auto with = [&good](auto member, const QString &value) {
        FundLineText t = good;
        t.*member = value;
        return t;
    };
    QTest::newRow("code") << with(&FundLineText::code, u"Agri"_s) << u"code"_s;
    QTest::newRow("long code") << with(&FundLineText::code, QString(65, u'a')) << u"code"_s;
    QTest::newRow("article") << with(&FundLineText::article, u" "_s) << u"article"_s;
    QTest::newRow("name") << with(&FundLineText::name, QString()) << u"name"_s;
    QTest::newRow("department") << with(&FundLineText::leadDepartment, u"农业"_s) << u"leadDepartment"_s;
    QTest::newRow("kind") << with(&FundLineText::kind, u"relief"_s) << u"kind"_s;
    QTest::newRow("cycle") << with(&FundLineText::cycle, u"yearly"_s) << u"cycle"_s;
    QTest::newRow("recipient") << with(&FundLineText::recipient, u"family"_s) << u"recipient"_s;
    QTest::newRow("note") << with(&FundLineText::note, QString(501, u'x')) << u"note"_s;
}

void TestFundCatalog::validateLineNamesTheField()
{
    QFETCH(sunshine::funds::FundLineText, text);
    QFETCH(QString, field);
    FundLine line;
    const auto problem = FundCatalog::validateLine(text, &line);
    if (field.isEmpty()) {
        QVERIFY2(!problem, problem ? qPrintable(problem->message) : "");
        QCOMPARE(line.code, u"agri-x"_s);
        QCOMPARE(line.cycle, PaymentCycle::Once);
        return;
    }
    QVERIFY(problem);
    QCOMPARE(problem->field, field);
    QVERIFY(!problem->message.isEmpty());
    QVERIFY(!problem->chineseMessage.isEmpty());
    QVERIFY(problem->chineseMessage.at(0).unicode() >= 0x80 || problem->chineseMessage.contains(u'“'));
}

void TestFundCatalog::addedLinesInForce()
{
    using namespace sunshine::funds;
    const qsizetype builtIn = FundCatalog::builtIn().lines().size();
    FundLine added = *FundCatalog::builtIn().find(FundCatalog::builtIn().lines().first().code);
    const QString builtInCode = added.code;
    added.code = u"added-line"_s;
    added.name = u"新增项目"_s;
    FundLine shadow = added;
    shadow.code = builtInCode; // a built-in code: ignored, built-in lines never change
    shadow.name = u"冒名"_s;
    FundCatalog::setAddedLines({added, shadow, added});
    QCOMPARE(FundCatalog::addedLines().size(), 1);
    QCOMPARE(findFundLine(u"added-line"_s)->name, u"新增项目"_s);
    QVERIFY(findFundLine(builtInCode)->name != u"冒名"_s);
    QCOMPARE(allFundLines().size(), builtIn + 1);
    QCOMPARE(allFundLines().last().code, u"added-line"_s);
    QVERIFY(!FundCatalog::isBuiltIn(u"added-line"_s));
    QVERIFY(FundCatalog::isBuiltIn(builtInCode));
    FundCatalog::setAddedLines({});
    QVERIFY(!findFundLine(u"added-line"_s));
    QCOMPARE(allFundLines().size(), builtIn);
}

void TestFundCatalog::missResolver()
{
    using namespace sunshine::funds;
    FundCatalog::setAddedLines({});
    FundLine remote = FundCatalog::builtIn().lines().first();
    remote.code = u"remote-line"_s;
    int asked = 0;
    const quint64 token = FundCatalog::setMissResolver([&](const QString &code) -> std::optional<FundLine> {
        ++asked;
        if (code == remote.code)
            return remote;
        return std::nullopt;
    });
    QVERIFY(!findFundLine(u"nowhere"_s));
    QCOMPARE(asked, 1);
    QVERIFY(findFundLine(u"remote-line"_s));
    QCOMPARE(asked, 2);
    QVERIFY(findFundLine(u"remote-line"_s)); // remembered
    QCOMPARE(asked, 2);
    QCOMPARE(FundCatalog::addedLines().size(), 1);
    // A stale token does not clear a newer resolver.
    const quint64 newer = FundCatalog::setMissResolver([&](const QString &) -> std::optional<FundLine> {
        ++asked;
        return std::nullopt;
    });
    FundCatalog::clearMissResolver(token);
    QVERIFY(!findFundLine(u"other"_s));
    QCOMPARE(asked, 3);
    FundCatalog::clearMissResolver(newer);
    QVERIFY(!findFundLine(u"other"_s));
    QCOMPARE(asked, 3);
    FundCatalog::setAddedLines({});
}

void TestFundCatalog::jsonRoundTrip()
{
    using namespace sunshine::funds;
    for (const FundLine &l : FundCatalog::builtIn().lines()) {
        const std::optional<FundLine> back = fundLineFromJson(fundLineToJson(l));
        QVERIFY(back);
        QCOMPARE(back->code, l.code);
        QCOMPARE(back->kind, l.kind);
        QCOMPARE(back->cycle, l.cycle);
        QCOMPARE(back->recipient, l.recipient);
        QCOMPARE(back->note, l.note);
    }
    QJsonObject bad = fundLineToJson(FundCatalog::builtIn().lines().first());
    bad.insert(u"kind"_s, u"relief"_s);
    QVERIFY(!fundLineFromJson(bad));
    QCOMPARE(fundLinesFromJson({bad, fundLineToJson(FundCatalog::builtIn().lines().first())}).size(), 1);
}

void TestFundCatalog::whoManagesLines()
{
    using namespace sunshine;
    QVERIFY(funds::canManageFundLines({Role::Admin}, OrgLevel::City));
    QVERIFY(!funds::canManageFundLines({Role::Admin}, OrgLevel::County));
    QVERIFY(!funds::canManageFundLines({Role::Clerk, Role::Leader, Role::Supervisor}, OrgLevel::City));
}

QTEST_GUILESS_MAIN(TestFundCatalog)
#include "tst_funds_catalog.moc"
