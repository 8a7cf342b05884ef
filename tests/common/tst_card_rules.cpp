// 村务卡 (MODULES.md §1), the rules that do not depend on a store, table-driven: the approval tiers at their
// boundaries; the banks' words for a transaction's kind; refunds that cancel purchases; split payments
// (across midnight, across a holiday, broken by the window, not above the tier, cancelled, above the tier);
// night and non-working days against the real calendar (resources/calendar/holidays-cn.csv); a claim's due
// date counted back over holidays; the month's net outflow; private money; and matching purchases with
// approved spend requests. The two workflows: tst_card_workflow; the record types' checks and the statement
// import: tst_card_records.
//
// Every expected date was worked out by hand from the calendar file (weekday names in the comments).
#include "tests/common/CardRuleSupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::card;
using namespace sunshine::cardtest;

class TestCardRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- approval tiers ---

    void requiredBodyAtTiers_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<qint64>("directorMax");
        QTest::addColumn<qint64>("committeesMax");
        QTest::addColumn<int>("body");
        const qint64 d = 50'000, c = 100'000; // the defaults: 500.00 and 1,000.00 yuan
        QTest::newRow("1 fen") << qint64(1) << d << c << int(ApprovalBody::Director);
        QTest::newRow("499.99") << qint64(49'999) << d << c << int(ApprovalBody::Director);
        QTest::newRow("500.00 exactly") << qint64(50'000) << d << c << int(ApprovalBody::Director);
        QTest::newRow("500.01") << qint64(50'001) << d << c << int(ApprovalBody::Committees);
        QTest::newRow("1,000.00 exactly") << qint64(100'000) << d << c << int(ApprovalBody::Committees);
        QTest::newRow("1,000.01") << qint64(100'001) << d << c << int(ApprovalBody::Representatives);
        QTest::newRow("50,000.00") << qint64(5'000'000) << d << c << int(ApprovalBody::Representatives);
        // A county's own tiers: 200 and 800 yuan.
        QTest::newRow("custom 200.00")
            << qint64(20'000) << qint64(20'000) << qint64(80'000) << int(ApprovalBody::Director);
        QTest::newRow("custom 200.01")
            << qint64(20'001) << qint64(20'000) << qint64(80'000) << int(ApprovalBody::Committees);
        QTest::newRow("custom 500.00")
            << qint64(50'000) << qint64(20'000) << qint64(80'000) << int(ApprovalBody::Committees);
        QTest::newRow("custom 800.00")
            << qint64(80'000) << qint64(20'000) << qint64(80'000) << int(ApprovalBody::Committees);
        QTest::newRow("custom 800.01")
            << qint64(80'001) << qint64(20'000) << qint64(80'000) << int(ApprovalBody::Representatives);
    }
    void requiredBodyAtTiers()
    {
        QFETCH(qint64, amount);
        QFETCH(qint64, directorMax);
        QFETCH(qint64, committeesMax);
        QFETCH(int, body);
        CardTiers tiers;
        tiers.directorMax = directorMax;
        tiers.committeesMax = committeesMax;
        QCOMPARE(int(requiredBody(amount, tiers)), body);
    }

    void defaultTiers()
    {
        const CardTiers tiers;
        QCOMPARE(tiers.directorMax, Fen(50'000));
        QCOMPARE(tiers.committeesMax, Fen(100'000));
    }

    void bodyCovers_data()
    {
        QTest::addColumn<int>("body");
        QTest::addColumn<int>("required");
        QTest::addColumn<bool>("covers");
        const int d = int(ApprovalBody::Director), c = int(ApprovalBody::Committees),
                  r = int(ApprovalBody::Representatives);
        QTest::newRow("director, director") << d << d << true;
        QTest::newRow("director, committees") << d << c << false;
        QTest::newRow("director, representatives") << d << r << false;
        QTest::newRow("committees, director") << c << d << true;
        QTest::newRow("committees, committees") << c << c << true;
        QTest::newRow("committees, representatives") << c << r << false;
        QTest::newRow("representatives, director") << r << d << true;
        QTest::newRow("representatives, committees") << r << c << true;
        QTest::newRow("representatives, representatives") << r << r << true;
    }
    void bodyCovers()
    {
        QFETCH(int, body);
        QFETCH(int, required);
        QFETCH(bool, covers);
        QCOMPARE(card::bodyCovers(ApprovalBody(body), ApprovalBody(required)), covers);
    }

    void bodyNames()
    {
        for (ApprovalBody b :
             {ApprovalBody::Director, ApprovalBody::Committees, ApprovalBody::Representatives})
            QCOMPARE(approvalBodyFromName(approvalBodyName(b)), std::optional<ApprovalBody>(b));
        QCOMPARE(approvalBodyName(ApprovalBody::Committees), u"committees"_s);
        QCOMPARE(approvalBodyChinese(ApprovalBody::Committees), u"村两委"_s);
        QVERIFY(!approvalBodyFromName(u"mayor"_s));
    }

    // --- the statement's words ---

    void kindFromStatement_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind"); // -1: not recognised
        QTest::newRow("消费") << u"消费"_s << int(TxnKind::Purchase);
        QTest::newRow("POS消费") << u"POS消费"_s << int(TxnKind::Purchase);
        QTest::newRow("快捷支付") << u"快捷支付"_s << int(TxnKind::Purchase);
        QTest::newRow("扫码支付") << u"扫码支付"_s << int(TxnKind::Purchase);
        QTest::newRow("支取现金") << u"支取现金"_s << int(TxnKind::Cash);
        QTest::newRow("ATM取款") << u"ATM取款"_s << int(TxnKind::Cash);
        QTest::newRow("atm取款 lower case") << u"atm取款"_s << int(TxnKind::Cash);
        QTest::newRow("取现") << u"取现"_s << int(TxnKind::Cash);
        QTest::newRow("消费退货") << u"消费退货"_s << int(TxnKind::Refund);
        QTest::newRow("退款") << u"退款"_s << int(TxnKind::Refund);
        QTest::newRow("消费撤销") << u"消费撤销"_s << int(TxnKind::Refund);
        QTest::newRow("转账支出") << u"转账支出"_s << int(TxnKind::TransferOut);
        QTest::newRow("转出") << u"转出"_s << int(TxnKind::TransferOut);
        QTest::newRow("转账收入") << u"转账收入"_s << int(TxnKind::TransferIn);
        QTest::newRow("转入") << u"转入"_s << int(TxnKind::TransferIn);
        QTest::newRow("ATM存现: money in, payer unknown") << u"ATM存现"_s << int(TxnKind::TransferIn);
        QTest::newRow("现金存入") << u"现金存入"_s << int(TxnKind::TransferIn);
        QTest::newRow("还款") << u"还款"_s << int(TxnKind::Repayment);
        QTest::newRow("转账还款") << u"转账还款"_s << int(TxnKind::Repayment);
        QTest::newRow("wire name") << u"refund"_s << int(TxnKind::Refund);
        QTest::newRow("with spaces") << u" 消 费 "_s << int(TxnKind::Purchase);
        QTest::newRow("手续费: unknown") << u"手续费"_s << -1;
        QTest::newRow("利息: unknown") << u"利息"_s << -1;
        QTest::newRow("empty") << QString() << -1;
    }
    void kindFromStatement()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const std::optional<TxnKind> got = txnKindFromStatement(text);
        QCOMPARE(got ? int(*got) : -1, kind);
    }

    void kindNames()
    {
        for (TxnKind k : {TxnKind::Purchase, TxnKind::Cash, TxnKind::TransferOut, TxnKind::TransferIn,
                          TxnKind::Refund, TxnKind::Repayment})
            QCOMPARE(txnKindFromName(txnKindName(k)), std::optional<TxnKind>(k));
        QCOMPARE(txnKindName(TxnKind::TransferOut), u"transfer-out"_s);
        QVERIFY(isOutflow(TxnKind::Purchase));
        QVERIFY(isOutflow(TxnKind::Cash));
        QVERIFY(isOutflow(TxnKind::TransferOut));
        QVERIFY(!isOutflow(TxnKind::TransferIn));
        QVERIFY(!isOutflow(TxnKind::Refund));
        QVERIFY(!isOutflow(TxnKind::Repayment));
    }

    // --- refunds ---

    void refunds_data()
    {
        QTest::addColumn<QList<CardTxn>>("txns");
        QTest::addColumn<QStringList>("cancelled");
        QTest::newRow("refund cancels the purchase")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 4), 12'000)}
            << QStringList{u"p1"_s, u"r1"_s};
        QTest::newRow("merchant written differently")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3), 12'000, u"润发农资店（通州）"_s),
                              refund(u"r1"_s, moment(2026, 11, 4), 12'000, u"润发农资店 (通州)"_s)}
            << QStringList{u"p1"_s, u"r1"_s};
        QTest::newRow("refund of another amount")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 4), 6'000)}
            << QStringList{};
        QTest::newRow("refund before the purchase")
            << QList<CardTxn>{refund(u"r1"_s, moment(2026, 11, 2), 12'000),
                              purchase(u"p1"_s, moment(2026, 11, 3), 12'000)}
            << QStringList{};
        QTest::newRow("refund at another merchant")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 4), 12'000, u"苏果超市"_s)}
            << QStringList{};
        QTest::newRow("refund on another card")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 4), 12'000, u"润发农资店"_s, u"c2"_s)}
            << QStringList{};
        QTest::newRow("refund 35 days later")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 10, 1), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 5), 12'000)}
            << QStringList{};
        QTest::newRow("one refund, two purchases: the latest one")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 1), 12'000),
                              purchase(u"p2"_s, moment(2026, 11, 2), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 3), 12'000)}
            << QStringList{u"p2"_s, u"r1"_s};
        QTest::newRow("two refunds, two purchases")
            << QList<CardTxn>{refund(u"r2"_s, moment(2026, 11, 5), 12'000),
                              purchase(u"p1"_s, moment(2026, 11, 1), 12'000),
                              purchase(u"p2"_s, moment(2026, 11, 2), 12'000),
                              refund(u"r1"_s, moment(2026, 11, 3), 12'000)}
            << QStringList{u"p1"_s, u"p2"_s, u"r1"_s, u"r2"_s};
    }
    void refunds()
    {
        QFETCH(QList<CardTxn>, txns);
        QFETCH(QStringList, cancelled);
        cancelled.sort();
        QCOMPARE(sorted(cancelledByRefunds(txns)), cancelled);
    }

    // --- CARD_SPLIT ---

    void split_data()
    {
        QTest::addColumn<QList<CardTxn>>("txns");
        QTest::addColumn<QStringList>("cancelled");
        QTest::addColumn<QString>("groups"); // "a,b;c,d"
        QTest::newRow("across midnight")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 23, 50), 30'000),
                              purchase(u"p2"_s, moment(2026, 11, 4, 0, 20), 30'000)}
            << QStringList{} << u"p1,p2"_s;
        // 2026-09-30 is a Wednesday, 10-01… the National Day holiday: the window counts hours, not working
        // days.
        QTest::newRow("across a holiday")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 9, 30, 10, 0), 20'000),
                              purchase(u"p2"_s, moment(2026, 10, 2, 11, 0), 20'000),
                              purchase(u"p3"_s, moment(2026, 10, 3, 9, 0), 15'000)}
            << QStringList{} << u"p1,p2,p3"_s;
        QTest::newRow("72 hours exactly")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 2, 10, 0), 30'000),
                              purchase(u"p2"_s, moment(2026, 11, 5, 10, 0), 30'000)}
            << QStringList{} << u"p1,p2"_s;
        QTest::newRow("broken by the window")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 2, 10, 0), 30'000),
                              purchase(u"p2"_s, moment(2026, 11, 5, 10, 1), 30'000)}
            << QStringList{} << QString();
        QTest::newRow("the window from the first of the group")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 1, 10, 0), 10'000),
                              purchase(u"p2"_s, moment(2026, 11, 3, 10, 0), 30'000),
                              purchase(u"p3"_s, moment(2026, 11, 5, 10, 0), 30'000)}
            << QStringList{} << u"p2,p3"_s;
        QTest::newRow("together not above the tier")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 25'000),
                              purchase(u"p2"_s, moment(2026, 11, 3, 15, 0), 25'000)}
            << QStringList{} << QString();
        QTest::newRow("one payment") << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 49'000)}
                                     << QStringList{} << QString();
        QTest::newRow("a cancelled purchase does not count")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000),
                              purchase(u"p2"_s, moment(2026, 11, 3, 15, 0), 30'000)}
            << QStringList{u"p2"_s} << QString();
        QTest::newRow("a payment above the tier is no part of it")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000),
                              purchase(u"big"_s, moment(2026, 11, 3, 12, 0), 60'000),
                              purchase(u"p2"_s, moment(2026, 11, 3, 15, 0), 30'000)}
            << QStringList{} << u"p1,p2"_s;
        QTest::newRow("one under, one above: none")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000),
                              purchase(u"big"_s, moment(2026, 11, 3, 12, 0), 60'000)}
            << QStringList{} << QString();
        QTest::newRow("two merchants")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000, u"润发农资店"_s),
                              purchase(u"p2"_s, moment(2026, 11, 3, 15, 0), 30'000, u"苏果超市"_s)}
            << QStringList{} << QString();
        QTest::newRow("two cards")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000, u"润发农资店"_s, u"c1"_s),
                              purchase(u"p2"_s, moment(2026, 11, 3, 15, 0), 30'000, u"润发农资店"_s, u"c2"_s)}
            << QStringList{} << QString();
        QTest::newRow("merchant written differently")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000, u"润发农资店（通州）"_s),
                              purchase(u"p2"_s, moment(2026, 11, 3, 15, 0), 30'000, u"润发 农资店(通州)"_s)}
            << QStringList{} << u"p1,p2"_s;
        QTest::newRow("cash is no purchase")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 3, 10, 0), 30'000),
                              makeTxn(u"c"_s, moment(2026, 11, 3, 15, 0), TxnKind::Cash, 30'000)}
            << QStringList{} << QString();
        QTest::newRow("two groups in turn")
            << QList<CardTxn>{purchase(u"p1"_s, moment(2026, 11, 1, 10, 0), 30'000),
                              purchase(u"p2"_s, moment(2026, 11, 1, 15, 0), 30'000),
                              purchase(u"p3"_s, moment(2026, 11, 10, 10, 0), 30'000),
                              purchase(u"p4"_s, moment(2026, 11, 11, 10, 0), 30'000)}
            << QStringList{} << u"p1,p2;p3,p4"_s;
        QTest::newRow("given out of order")
            << QList<CardTxn>{purchase(u"p2"_s, moment(2026, 11, 4, 0, 20), 30'000),
                              purchase(u"p1"_s, moment(2026, 11, 3, 23, 50), 30'000)}
            << QStringList{} << u"p1,p2"_s;
    }
    void split()
    {
        QFETCH(QList<CardTxn>, txns);
        QFETCH(QStringList, cancelled);
        QFETCH(QString, groups);
        const QSet<QString> cancelledSet(cancelled.begin(), cancelled.end());
        QCOMPARE(groupsText(splitGroups(txns, 50'000, 3, cancelledSet)), groups);
    }

    void splitWithItsRefund()
    {
        // The refund cancels the second payment, so what remains is under the tier.
        const QList<CardTxn> txns{purchase(u"p1"_s, moment(2026, 11, 16, 10, 0), 30'000),
                                  purchase(u"p2"_s, moment(2026, 11, 17, 10, 0), 30'000),
                                  refund(u"r1"_s, moment(2026, 11, 18, 10, 0), 30'000)};
        QCOMPARE(groupsText(splitGroups(txns, 50'000, 3, {})), u"p1,p2"_s);
        QCOMPARE(groupsText(splitGroups(txns, 50'000, 3, cancelledByRefunds(txns))), QString());
        // With a tier of 200 yuan each payment is above it: no split either.
        QCOMPARE(groupsText(splitGroups(txns, 20'000, 3, {})), QString());
        // A one-day window keeps the two payments 24 hours apart together.
        QCOMPARE(groupsText(splitGroups(txns, 50'000, 1, {})), u"p1,p2"_s);
    }

    // --- CARD_OFF_DAY, on the real calendar ---

    void offHours_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("off");
        const int p = int(TxnKind::Purchase);
        // 2026-11-03 is a Tuesday, 2026-11-07 a Saturday, 2026-11-08 a Sunday.
        QTest::newRow("weekday 10:00") << moment(2026, 11, 3, 10, 0) << p << false;
        QTest::newRow("Saturday 10:00") << moment(2026, 11, 7, 10, 0) << p << true;
        QTest::newRow("Sunday 15:00") << moment(2026, 11, 8, 15, 0) << p << true;
        QTest::newRow("National Day 10:00") << moment(2026, 10, 1, 10, 0) << p << true;
        QTest::newRow("Mid-Autumn Friday 2026-09-25") << moment(2026, 9, 25, 10, 0) << p << true;
        // Make-up workdays of the schedule: Saturday 2026-10-10, Sunday 2026-09-20, Saturday 2026-02-14.
        QTest::newRow("make-up Saturday 2026-10-10") << moment(2026, 10, 10, 10, 0) << p << false;
        QTest::newRow("make-up Sunday 2026-09-20") << moment(2026, 9, 20, 10, 0) << p << false;
        QTest::newRow("make-up Saturday 2026-02-14") << moment(2026, 2, 14, 10, 0) << p << false;
        QTest::newRow("make-up Saturday at night") << moment(2026, 10, 10, 23, 0) << p << true;
        QTest::newRow("weekday 21:59") << moment(2026, 11, 3, 21, 59) << p << false;
        QTest::newRow("weekday 22:00") << moment(2026, 11, 3, 22, 0) << p << true;
        QTest::newRow("weekday 22:30") << moment(2026, 11, 3, 22, 30) << p << true;
        QTest::newRow("weekday 00:20") << moment(2026, 11, 4, 0, 20) << p << true;
        QTest::newRow("weekday 05:59") << moment(2026, 11, 3, 5, 59) << p << true;
        QTest::newRow("weekday 06:00") << moment(2026, 11, 3, 6, 0) << p << false;
        QTest::newRow("cash on a Sunday") << moment(2026, 11, 8, 10, 0) << int(TxnKind::Cash) << true;
        QTest::newRow("refund on a Sunday: not spending")
            << moment(2026, 11, 8, 10, 0) << int(TxnKind::Refund) << false;
        QTest::newRow("repayment at night: not spending")
            << moment(2026, 11, 3, 23, 0) << int(TxnKind::Repayment) << false;
    }
    void offHours()
    {
        QFETCH(QDateTime, at);
        QFETCH(int, kind);
        QFETCH(bool, off);
        const CardTxn t = makeTxn(u"t"_s, at, TxnKind(kind), 10'000);
        QCOMPARE(isOffHours(t, WorkingCalendar::builtIn(), 22, 6), off);
    }

    void offHoursSameStartAndEnd()
    {
        // No night when the two hours are the same: only the day counts.
        const CardTxn night = makeTxn(u"t"_s, moment(2026, 11, 3, 23, 0), TxnKind::Purchase, 10'000);
        QVERIFY(!isOffHours(night, WorkingCalendar::builtIn(), 0, 0));
        // A night that does not cross midnight: 00:00–06:00.
        QVERIFY(!isOffHours(night, WorkingCalendar::builtIn(), 0, 6));
        const CardTxn early = makeTxn(u"t"_s, moment(2026, 11, 3, 5, 0), TxnKind::Purchase, 10'000);
        QVERIFY(isOffHours(early, WorkingCalendar::builtIn(), 0, 6));
    }

    void cashUse()
    {
        QVERIFY(isCashUse(makeTxn(u"t"_s, moment(2026, 11, 3), TxnKind::Cash, 10'000)));
        CardTxn atm = makeTxn(u"t"_s, moment(2026, 11, 3), TxnKind::Purchase, 10'000);
        atm.channel = u"atm"_s;
        QVERIFY(isCashUse(atm));
        atm.channel = u"pos"_s;
        QVERIFY(!isCashUse(atm));
        CardTxn deposit = makeTxn(u"t"_s, moment(2026, 11, 3), TxnKind::Repayment, 10'000);
        deposit.channel = u"atm"_s;
        QVERIFY(!isCashUse(deposit)); // money paid in at an ATM
    }

    // --- claims due ---

    void claimDue_data()
    {
        QTest::addColumn<QDate>("spentOn");
        QTest::addColumn<int>("repaymentDay");
        QTest::addColumn<int>("leadDays");
        QTest::addColumn<QDate>("due");
        // Repayment Sunday 2026-12-20; back 10 working days: Fri 18, Thu 17, Wed 16, Tue 15, Mon 14, Fri 11,
        // Thu 10, Wed 9, Tue 8, Mon 7.
        QTest::newRow("ordinary month") << QDate(2026, 11, 3) << 20 << 10 << QDate(2026, 12, 7);
        // Repayment Thursday 2026-10-08, right after the National Day holiday (10-01…10-07).
        QTest::newRow("right after a holiday, 1 day") << QDate(2026, 9, 10) << 8 << 1 << QDate(2026, 9, 30);
        QTest::newRow("right after a holiday, 3 days") << QDate(2026, 9, 10) << 8 << 3 << QDate(2026, 9, 28);
        // Then past the Mid-Autumn holiday (09-25…09-27): Wed 09-30, Tue 29, Mon 28, Thu 24, Wed 23.
        QTest::newRow("across two holidays, 5 days") << QDate(2026, 9, 10) << 8 << 5 << QDate(2026, 9, 23);
        // The next month is February: day 31 is its last day, Saturday 2026-02-28, a make-up workday.
        QTest::newRow("day 31 in February") << QDate(2026, 1, 15) << 31 << 0 << QDate(2026, 2, 28);
        QTest::newRow("day 30 from January 31st") << QDate(2026, 1, 31) << 30 << 0 << QDate(2026, 2, 28);
        // Back 5 from 02-28: Fri 27, Thu 26, Wed 25, Tue 24, then the Spring Festival (02-15…02-23), then
        // the make-up Saturday 02-14.
        QTest::newRow("February, over the Spring Festival")
            << QDate(2026, 1, 15) << 31 << 5 << QDate(2026, 2, 14);
        QTest::newRow("day 31 in November") << QDate(2026, 10, 31) << 31 << 0 << QDate(2026, 11, 30);
        // Repayment Monday 2026-01-05; back 2: Sunday 01-04 (a make-up workday), then past New Year's
        // holiday (01-01…01-03) to Wednesday 2025-12-31.
        QTest::newRow("across the new year") << QDate(2025, 12, 10) << 5 << 2 << QDate(2025, 12, 31);
        QTest::newRow("no repayment day") << QDate(2026, 11, 3) << 0 << 10 << QDate();
        QTest::newRow("no spending day") << QDate() << 20 << 10 << QDate();
    }
    void claimDue()
    {
        QFETCH(QDate, spentOn);
        QFETCH(int, repaymentDay);
        QFETCH(int, leadDays);
        QFETCH(QDate, due);
        QCOMPARE(claimDueOn(spentOn, repaymentDay, leadDays, WorkingCalendar::builtIn()), due);
    }

    // --- CARD_OVER_LIMIT, CARD_PRIVATE_MONEY ---

    void claimDueNeverBeforeTheSpending()
    {
        // Repayment on the 5th, spending on Saturday 28 November: 5 December less 10 working days falls
        // before the spending, so the claim is due before the repayment of 5 January (2027, weekends only).
        const WorkingCalendar &calendar = WorkingCalendar::builtIn();
        const QDate due = claimDueOn(QDate(2026, 11, 28), 5, 10, calendar);
        QVERIFY(due > QDate(2026, 11, 28));
        QCOMPARE(due, calendar.addWorkingDays(QDate(2027, 1, 5), -10));
    }

    void nightNeedsTheTime()
    {
        // A statement without times: the line's midnight is not night-time spending.
        CardTxn t = makeTxn(u"t"_s, moment(2026, 11, 17, 0, 0), TxnKind::Purchase, 1000);
        t.timeKnown = false;
        QVERIFY(!isOffHours(t, WorkingCalendar::builtIn(), 22, 6));
        t.timeKnown = true;
        QVERIFY(isOffHours(t, WorkingCalendar::builtIn(), 22, 6));
    }

    void monthlyOutflow()
    {
        const QList<CardTxn> txns{
            purchase(u"p1"_s, moment(2026, 11, 3), 30'000),
            makeTxn(u"c1"_s, moment(2026, 11, 4), TxnKind::Cash, 20'000),
            makeTxn(u"o1"_s, moment(2026, 11, 5), TxnKind::TransferOut, 10'000),
            refund(u"r1"_s, moment(2026, 11, 6), 5'000),
            makeTxn(u"i1"_s, moment(2026, 11, 7), TxnKind::TransferIn, 99'999),
            makeTxn(u"k1"_s, moment(2026, 11, 8), TxnKind::Repayment, 300'000),
            purchase(u"p2"_s, moment(2026, 12, 1), 7'000),
            refund(u"r2"_s, moment(2027, 1, 2), 3'000),
        };
        const QHash<QString, Fen> months = monthlyNetOutflow(txns);
        QCOMPARE(months.size(), 3);
        QCOMPARE(months.value(u"2026-11"_s), Fen(55'000));
        QCOMPARE(months.value(u"2026-12"_s), Fen(7'000));
        QCOMPARE(months.value(u"2027-01"_s), Fen(-3'000));
    }

    void privateMoney_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("counterparty");
        QTest::addColumn<bool>("isPrivate");
        const int in = int(TxnKind::TransferIn), repay = int(TxnKind::Repayment);
        // The card's funding account: 演示村股份经济合作社（备用金）.
        QTest::newRow("funding account, ASCII brackets") << in << u"演示村股份经济合作社(备用金)"_s << false;
        QTest::newRow("funding account, full-width brackets")
            << in << u"演示村股份经济合作社（备用金）"_s << false;
        QTest::newRow("funding account, spaces") << in << u"演示村 股份经济合作社 ( 备用金 )"_s << false;
        QTest::newRow("funding account, ideographic space")
            << repay << u"演示村\u3000股份经济合作社（备用金）"_s << false;
        QTest::newRow("a person transfers in") << in << u"吴某某"_s << true;
        QTest::newRow("a person repays") << repay << u"吴某某"_s << true;
        QTest::newRow("another collective account") << in << u"演示村村民委员会"_s << true;
        QTest::newRow("repayment without payer") << repay << QString() << false;
        QTest::newRow("transfer in without payer") << in << QString() << true;
        QTest::newRow("a refund from a merchant") << int(TxnKind::Refund) << u"苏果超市"_s << false;
        QTest::newRow("a purchase") << int(TxnKind::Purchase) << u"吴某某"_s << false;
    }
    void privateMoney()
    {
        QFETCH(int, kind);
        QFETCH(QString, counterparty);
        QFETCH(bool, isPrivate);
        CardTxn t = makeTxn(u"t"_s, moment(2026, 11, 3), TxnKind(kind), 20'000, QString());
        t.counterparty = counterparty;
        QCOMPARE(isPrivateMoney(t, u"演示村股份经济合作社（备用金）"_s), isPrivate);
    }

    void comparableNames()
    {
        QCOMPARE(comparableName(u" 润发 农资店（通州） "_s), u"润发农资店(通州)"_s);
        QCOMPARE(comparableName(QString()), QString());
    }

    // --- matching with spend requests ---

    void matching_data()
    {
        QTest::addColumn<QList<CardTxn>>("txns");
        QTest::addColumn<QList<ApprovedRequest>>("requests");
        QTest::addColumn<QStringList>("matched"); // "txn=request", sorted
        const ApprovedRequest early{u"r-early"_s, u"c1"_s, QDate(2026, 11, 1), 50'000};
        const ApprovedRequest late{u"r-late"_s, u"c1"_s, QDate(2026, 11, 3), 50'000};
        QTest::newRow("the latest request planned on or before the day")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 4), 30'000)}
            << QList<ApprovedRequest>{early, late} << QStringList{u"t1=r-late"_s};
        QTest::newRow("planned on the day of the purchase")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 3, 23, 0), 30'000)}
            << QList<ApprovedRequest>{early, late} << QStringList{u"t1=r-late"_s};
        QTest::newRow("planned after the purchase")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 2), 30'000)} << QList<ApprovedRequest>{late}
            << QStringList{};
        QTest::newRow("planned after: the earlier one instead")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 2), 30'000)}
            << QList<ApprovedRequest>{early, late} << QStringList{u"t1=r-early"_s};
        QTest::newRow("used up by an earlier purchase")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 4), 30'000),
                              purchase(u"t2"_s, moment(2026, 11, 5), 30'000)}
            << QList<ApprovedRequest>{late} << QStringList{u"t1=r-late"_s};
        QTest::newRow("used up by a stored purchase that refers to it")
            << QList<CardTxn>{[] {
                                  CardTxn t = purchase(u"t0"_s, moment(2026, 11, 3), 30'000);
                                  t.requestId = u"r-late"_s;
                                  return t;
                              }(),
                              purchase(u"t1"_s, moment(2026, 11, 4), 30'000)}
            << QList<ApprovedRequest>{late} << QStringList{};
        QTest::newRow("used up: the older request still has enough")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 4), 30'000),
                              purchase(u"t2"_s, moment(2026, 11, 5), 30'000)}
            << QList<ApprovedRequest>{early, late} << QStringList{u"t1=r-late"_s, u"t2=r-early"_s};
        QTest::newRow("estimate too small") << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 4), 60'000)}
                                            << QList<ApprovedRequest>{early, late} << QStringList{};
        QTest::newRow("another card's request")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 4), 30'000, u"润发农资店"_s, u"c2"_s)}
            << QList<ApprovedRequest>{early, late} << QStringList{};
        QTest::newRow("planned more than 30 days before")
            << QList<CardTxn>{purchase(u"t1"_s, moment(2026, 11, 4), 30'000)}
            << QList<ApprovedRequest>{ApprovedRequest{u"r-old"_s, u"c1"_s, QDate(2026, 9, 1), 50'000}}
            << QStringList{};
        QTest::newRow("cash needs no request")
            << QList<CardTxn>{makeTxn(u"t1"_s, moment(2026, 11, 4), TxnKind::Cash, 30'000)}
            << QList<ApprovedRequest>{early, late} << QStringList{};
    }
    void matching()
    {
        QFETCH(QList<CardTxn>, txns);
        QFETCH(QList<ApprovedRequest>, requests);
        QFETCH(QStringList, matched);
        const QHash<QString, QString> got = matchRequests(txns, requests);
        QStringList pairs;
        for (auto it = got.constBegin(); it != got.constEnd(); ++it)
            pairs.append(it.key() + u'=' + it.value());
        pairs.sort();
        QCOMPARE(pairs, matched);
    }
};

QTEST_GUILESS_MAIN(TestCardRules)
#include "tst_card_rules.moc"
