// The 村务卡 tab as a town's clerk and reviewer, a county's reviewer and a leader see it, over a cache synced
// from the real server with the demo cards and the warnings the engine raised on them: the lines of the
// user's area, the filters (unclaimed, without request, warned) agree with the server's records and
// warnings, a statement imported twice is imported once and reaches the server, the approval and check
// steps offered follow the role and the level, and the monthly summary adds up to its drill-down.
#include "tests/support/AppProgram.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/card/CardDashboardPanel.h"
#include "app/card/CardOverviewView.h"
#include "app/card/CardQueries.h"
#include "app/card/CardStepDialog.h"
#include "app/card/CardTab.h"
#include "app/card/ClaimTransactionsDialog.h"
#include "app/card/MonthSummaryView.h"
#include "app/card/StatementImportDialog.h"
#include "app/card/TransactionsView.h"
#include "app/dashboard/DashboardTab.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/card/CardTypes.h"
#include "server/api/Services.h"
#include "server/card/CardDemo.h"
#include "server/warnings/WarningEngine.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

const QString kTownPath = u"/320600000000/320612000000/320612101000/"_s;

QPushButton *button(QWidget *in, const QString &name)
{
    return in->findChild<QPushButton *>(name);
}

} // namespace

class TestCardTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void linesOfTheArea();
    void filtersAgreeWithTheServer();
    void statementImportedOnce();
    void requestApprovalByTier();
    void claimStepsByRoleAndLevel();
    void claimCoversTransactions();
    void monthSummaryAddsUp();
    void leaderOnlyReads();
    void overviewAddsUp();
    void countyTiers();
    void onTheHomeBoard();

private:
    bool open(const QString &username, test::AppProgram *program)
    {
        return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
    }
    qint64 serverCount(const QString &type, const QString &extra = {})
    {
        return test::scalar(
            m_server->store(),
            u"SELECT COUNT(*) FROM records WHERE type = ? AND deleted = 0 AND org_path LIKE ?"_s + extra,
            QVariantList{type, QString(kTownPath + u'%')});
    }
    QString recordIn(const QString &type, const QString &state)
    {
        SqlQuery q(m_server->store(), u"SELECT id FROM records WHERE type = ? AND org_path LIKE ? AND "
                                      u"json_extract(data, '$.state') = ? ORDER BY id LIMIT 1"_s);
        q.bindText(type).bindText(kTownPath + u'%').bindText(state).exec();
        return q.next() ? q.text(0) : QString();
    }
    bool sync(test::AppProgram &p)
    {
        QSignalSpy finished(&p.session->engine(), &SyncEngine::finished);
        p.session->engine().syncNow();
        return finished.wait(30000) && finished.last().at(0).toBool();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
};

void TestCardTab::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(QDateTime(QDate(2026, 11, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());
    CardDemo::loadIfEmpty(m_server->services());
    Services &s = m_server->services();
    WarningEngine engine(s.store, s.audit, s.clock, s.sync);
    engine.runFull();
    QCOMPARE(serverCount(u"village-card"_s), 3);
    QVERIFY(serverCount(u"card-transaction"_s) >= 15);
}

void TestCardTab::linesOfTheArea()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    CardTab tab(*p.session, p.client->api());
    auto *view = tab.findChild<TransactionsView *>();
    QVERIFY(view);
    RecordTableModel &model = view->list()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.totalCount(), serverCount(u"card-transaction"_s));
    QVERIFY(button(view, u"importStatement"_s));
}

void TestCardTab::filtersAgreeWithTheServer()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    TransactionsView view(*p.session);
    RecordTableModel &model = view.list()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Spending not claimed, less the purchase a refund cancelled (the demo has one).
    const QSet<QString> refunded = cardquery::refundedTransactions(p.session->cache());
    QCOMPARE(refunded.size(), 2);
    view.setFilter(u"unclaimed"_s);
    QCOMPARE(model.totalCount(),
             serverCount(u"card-transaction"_s,
                         u" AND json_extract(data, '$.kind') IN ('purchase', 'cash', 'transfer-out') AND "
                         u"COALESCE(json_extract(data, '$.claimId'), '') = ''"_s) -
                 1);
    view.setFilter(u"no-request"_s);
    QCOMPARE(model.totalCount(),
             serverCount(u"card-transaction"_s, u" AND json_extract(data, '$.kind') = 'purchase' AND "
                                                u"COALESCE(json_extract(data, '$.requestId'), '') = ''"_s));
    // The lines with an open warning: the engine's subjects of the town, and every payment of a split.
    QSet<QString> subjects;
    QSet<QString> warned;
    {
        SqlQuery q(m_server->store(),
                   u"SELECT data FROM records WHERE type = 'warning' AND org_path LIKE ?"_s);
        q.bindText(kTownPath + u'%').exec();
        while (q.next()) {
            const QJsonObject f = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
            if (f.value(u"subjectType"_s).toString() != u"card-transaction"_s)
                continue;
            subjects.insert(f.value(u"subjectId"_s).toString());
            warned.insert(f.value(u"subjectId"_s).toString());
            const QJsonObject evidence =
                QJsonDocument::fromJson(f.value(u"evidence"_s).toString().toUtf8()).object();
            for (const QJsonValue &id : evidence.value(u"transactionIds"_s).toArray())
                warned.insert(id.toString());
        }
    }
    QVERIFY(subjects.size() >= 6);
    QVERIFY(warned.size() > subjects.size());
    view.setFilter(u"warnings"_s);
    QCOMPARE(model.totalCount(), qint64(warned.size()));
    view.setFilter(QString());
    QCOMPARE(model.totalCount(), serverCount(u"card-transaction"_s));
}

void TestCardTab::statementImportedOnce()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    const auto cards = cardquery::cardChoices(p.session->cache(), {}, true);
    QVERIFY(!cards.isEmpty());
    const QString cardId = cards.first().first;
    const QString last4 = p.session->cache().record(cardId)->record.fields.value(u"last4"_s).toString();
    // The bank's export: a title line above the header, GBK-free UTF-8 with a BOM, one line refused.
    const QString path = m_dir.filePath(u"statement.csv"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QString text = u"\uFEFF江苏南通农村商业银行 对账单,,,,,,\n"
                             u"交易日期,交易时间,交易类型,交易金额,商户名称,商户类别码,交易流水号,卡号\n"
                             u"2026-11-16,10:02:11,消费,-86.00,通州文具商店,5943,T9001,6222****%1\n"
                             u"2026-11-16,19:40:00,消费,-128.50,濠河饭店,5812,T9002,6222****%1\n"
                             u"2026-11-17,09:00:00,还款,3000.00,,,T9003,6222****%1\n"
                             u"2026-11-17,09:10:00,消费,-20.00,某商店,5411,T9004,6222****0000\n"
                             u"合计,,,,,,,\n"_s.arg(last4);
        f.write(text.toUtf8());
    }
    const qint64 before = serverCount(u"card-transaction"_s);
    {
        StatementImportDialog dialog(*p.session, {});
        dialog.setCard(cardId);
        QVERIFY(dialog.loadFile(path));
        QCOMPARE(dialog.check().changes.size(), 3);
        QCOMPARE(dialog.check().badRows, 1);
        QCOMPARE(dialog.check().problems.first().line, 6);
        QCOMPARE(dialog.importValid(), 3);
    }
    {
        // The same file again: nothing new.
        StatementImportDialog dialog(*p.session, {});
        dialog.setCard(cardId);
        QVERIFY(dialog.loadFile(path));
        QCOMPARE(dialog.check().changes.size(), 0);
        QVERIFY2(dialog.summary().contains(u"已导入过"_s) || dialog.check().note.contains(u"已导入过"_s) ||
                     dialog.check().note.contains(u"imported before"_s),
                 qPrintable(dialog.check().note));
    }
    QVERIFY(sync(p));
    QCOMPARE(serverCount(u"card-transaction"_s), before + 3);
    // Imported on a second computer too: still three.
    test::AppProgram other;
    QVERIFY(open(u"town-reviewer"_s, &other));
    StatementImportDialog again(*other.session, {});
    again.setCard(cardId);
    QVERIFY(again.loadFile(path));
    QCOMPARE(again.check().changes.size(), 0);
}

void TestCardTab::requestApprovalByTier()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    const QString pending = recordIn(u"card-request"_s, u"pending"_s);
    QVERIFY(!pending.isEmpty());
    // 800 yuan: the director may not approve it, the two committees may.
    CardStepDialog dialog(*p.session, CardStepDialog::Kind::Request, pending);
    QVERIFY(dialog.offered().contains(u"approve"_s));
    QVERIFY(!dialog.offered().contains(u"town-approve"_s));
    dialog.setEntry(u"approve"_s, u"director"_s, u"吴主任"_s, {});
    dialog.submit();
    QVERIFY(dialog.problem().contains(u"村两委"_s));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.setEntry(u"approve"_s, u"committees"_s, u"村两委会议"_s, {});
    dialog.submit();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(sync(p));
    SqlQuery q(m_server->store(), u"SELECT json_extract(data, '$.state') FROM records WHERE id = ?"_s);
    q.bindText(pending).exec();
    QVERIFY(q.next());
    QCOMPARE(q.text(0), u"approved"_s);
}

void TestCardTab::claimStepsByRoleAndLevel()
{
    const QString waiting = recordIn(u"card-claim"_s, u"submitted"_s);
    QVERIFY(!waiting.isEmpty());
    {
        // The town's clerk records the committee's check; the 农经站's check is not theirs.
        test::AppProgram p;
        QVERIFY(open(u"town-clerk"_s, &p));
        CardStepDialog dialog(*p.session, CardStepDialog::Kind::Claim, waiting);
        QVERIFY(dialog.offered().contains(u"village-check"_s));
        QVERIFY(!dialog.offered().contains(u"town-check"_s));
        dialog.setEntry(u"village-check"_s, {}, u"钱监委"_s, {});
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(sync(p));
    }
    {
        test::AppProgram p;
        QVERIFY(open(u"county-reviewer"_s, &p));
        CardStepDialog dialog(*p.session, CardStepDialog::Kind::Claim, waiting);
        QVERIFY(dialog.offered().isEmpty());
    }
    {
        test::AppProgram p;
        QVERIFY(open(u"town-reviewer"_s, &p));
        CardStepDialog dialog(*p.session, CardStepDialog::Kind::Claim, waiting);
        QCOMPARE(dialog.offered(), (QStringList{u"town-check"_s, u"return"_s}));
        dialog.setEntry(u"town-check"_s, {}, {}, {});
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(sync(p));
    }
    SqlQuery q(m_server->store(), u"SELECT json_extract(data, '$.state') FROM records WHERE id = ?"_s);
    q.bindText(waiting).exec();
    QVERIFY(q.next());
    QCOMPARE(q.text(0), u"town-checked"_s);
}

void TestCardTab::claimCoversTransactions()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    // Lines change only on a claim not yet checked, or returned.
    const QString claim = recordIn(u"card-claim"_s, u"returned"_s);
    QVERIFY(!claim.isEmpty());
    const QString cardId = p.session->cache().record(claim)->record.fields.value(u"cardId"_s).toString();
    const auto open = cardquery::unclaimedOf(p.session->cache(), cardId);
    QVERIFY(!open.isEmpty());
    const QStringList before = cardquery::transactionsOfClaim(p.session->cache(), claim);
    ClaimTransactionsDialog dialog(*p.session, claim);
    dialog.setCovered(open.first().first, true);
    dialog.submit();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(cardquery::transactionsOfClaim(p.session->cache(), claim).size(), before.size() + 1);
    QVERIFY(sync(p));
    SqlQuery q(m_server->store(), u"SELECT json_extract(data, '$.claimId') FROM records WHERE id = ?"_s);
    q.bindText(open.first().first).exec();
    QVERIFY(q.next());
    QCOMPARE(q.text(0), claim);
    // A booked claim keeps what it covers.
    const QString booked = recordIn(u"card-claim"_s, u"booked"_s);
    ClaimTransactionsDialog bookedDialog(*p.session, booked);
    QVERIFY(!bookedDialog.problem().isEmpty());
}

void TestCardTab::monthSummaryAddsUp()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    MonthSummaryView view(*p.session);
    view.setMonth(u"2026-11"_s);
    MonthSummaryModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->rowCount() > 0);
    qint64 spent = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        spent += model->rowAt(r).outflow;
    const qint64 server = test::scalar(
        m_server->store(),
        u"SELECT COALESCE(SUM(json_extract(data, '$.amount')), 0) FROM records WHERE type = "
        u"'card-transaction' "
        u"AND deleted = 0 AND org_path LIKE ? AND json_extract(data, '$.on') LIKE '2026-11-%' AND "
        u"json_extract(data, '$.kind') IN ('purchase', 'cash', 'transfer-out')"_s,
        QVariantList{QString(kTownPath + u'%')});
    QCOMPARE(spent, server);
    for (int r = 0; r < model->rowCount(); ++r) {
        view.drillDown(r);
        const cardquery::MonthRow &row = model->rowAt(r);
        qint64 outflows = 0;
        const auto &rows = view.transactions()->model();
        for (int i = 0; i < rows.rowCount(); ++i) {
            const QString id = rows.recordIdAt(i);
            const auto rec = p.session->cache().record(id);
            QVERIFY(rec);
            if (card::isOutflow(*card::txnKindFromName(rec->record.fields.value(u"kind"_s).toString())))
                ++outflows;
        }
        QCOMPARE(outflows, row.count);
    }
}

void TestCardTab::leaderOnlyReads()
{
    test::AppProgram p;
    QVERIFY(open(u"county-leader"_s, &p));
    CardTab tab(*p.session, p.client->api());
    QVERIFY(!button(&tab, u"importStatement"_s));
    QVERIFY(!button(&tab, u"approveRequest"_s));
    QVERIFY(!button(&tab, u"checkClaim"_s));
    auto *view = tab.findChild<TransactionsView *>();
    QVERIFY(view);
    // The county's leader reads every village of the county.
    QCOMPARE(view->list()->model().totalCount(),
             test::scalar(m_server->store(),
                          u"SELECT COUNT(*) FROM records WHERE type = 'card-transaction' AND deleted = 0 AND "
                          u"org_path LIKE '/320600000000/320612000000/%'"_s));
}

void TestCardTab::overviewAddsUp()
{
    test::AppProgram p;
    QVERIFY(open(u"county-leader"_s, &p));
    CardOverviewView view(*p.session);
    CardOverviewModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->year(), 2026);
    const QString county = u"/320600000000/320612000000/%"_s;
    const auto server = [&](const QString &extra) {
        return test::scalar(
            m_server->store(),
            u"SELECT COUNT(*) FROM records WHERE type = 'card-transaction' AND deleted = 0 AND "
            u"org_path LIKE ? AND json_extract(data, '$.on') LIKE '2026-%' AND "
            u"json_extract(data, '$.kind') IN ('purchase', 'cash', 'transfer-out')"_s +
                extra,
            QVariantList{county});
    };
    // The county's total: every line spent this year, those no claim covers less the refunded purchase, and
    // the card warnings still open.
    QCOMPARE(model->total().figures.lines, server({}));
    QCOMPARE(model->total().figures.unclaimed,
             server(u" AND COALESCE(json_extract(data, '$.claimId'), '') = ''"_s) - 1);
    const qint64 warnings = test::scalar(m_server->store(),
                                         u"SELECT COUNT(*) FROM records WHERE type = 'warning' AND "
                                         u"json_extract(data, '$.rule') LIKE 'CARD%' AND "
                                         u"json_extract(data, '$.state') <> 'closed' AND org_path LIKE ?"_s,
                                         QVariantList{county});
    QVERIFY(warnings > 0);
    QCOMPARE(model->total().figures.openWarnings, warnings);
    // One town of the county has cards; below it, one village, with the same figures.
    QCOMPARE(model->rowCount(), 2);
    const qint64 lines = model->rowAt(0).figures.lines;
    view.openRow(0);
    QCOMPARE(model->orgUnitId(), model->rowAt(0).orgUnitId.left(9) + u"000"_s);
    QCOMPARE(model->total().figures.lines, lines);
    view.up();
    QCOMPARE(model->orgUnitId(), u"320612000000"_s);
}

void TestCardTab::countyTiers()
{
    // The county's reviewer keeps its tiers (the demo's 600 and 1,200 yuan); a town reads them in the
    // approval dialog and has no view of them.
    test::AppProgram p;
    QVERIFY(open(u"county-reviewer"_s, &p));
    CardTab tab(*p.session, p.client->api());
    auto *tiers = tab.findChild<RecordListView *>(u"cardTiers"_s);
    QVERIFY(tiers);
    QCOMPARE(tiers->model().totalCount(), 1);
    const auto rec = p.session->cache().record(card::CardTierSettingType::recordIdFor(u"320612000000"_s));
    QVERIFY(rec);
    QCOMPARE(card::CardTierSettingType::tiersOf(rec->record.fields).directorMax, 60'000);
    test::AppProgram town;
    QVERIFY(open(u"town-clerk"_s, &town));
    CardTab townTab(*town.session, town.client->api());
    QVERIFY(!townTab.findChild<RecordListView *>(u"cardTiers"_s));
}

void TestCardTab::onTheHomeBoard()
{
    // The county's leader opens the 首页: the card panel shows the county's year, per town; a town clicked
    // takes the whole board (and the panel) there.
    test::AppProgram p;
    QVERIFY(open(u"county-leader"_s, &p));
    DashboardTab tab(*p.session);
    tab.setAskServer(false);
    tab.refresh();
    auto *panel = tab.findChild<CardDashboardPanel *>();
    QVERIFY(panel);
    QVERIFY(tab.panels().contains(panel));
    QCOMPARE(panel->model()->orgUnitId(), u"320612000000"_s);
    const qint64 lines = test::scalar(
        m_server->store(),
        u"SELECT COUNT(*) FROM records WHERE type = 'card-transaction' AND deleted = 0 AND org_path LIKE "
        u"'/320600000000/320612000000/%' AND json_extract(data, '$.on') LIKE '2026-%' AND "
        u"json_extract(data, '$.kind') IN ('purchase', 'cash', 'transfer-out')"_s);
    QCOMPARE(panel->model()->total().figures.lines, lines);
    QVERIFY2(panel->summary().contains(QString::number(lines)), qPrintable(panel->summary()));
    const QString town = panel->model()->rowAt(0).orgUnitId;
    Q_EMIT panel->drillRequested(town);
    QCOMPARE(tab.figures().unit.id, town);
    QCOMPARE(panel->model()->orgUnitId(), town);
}

QTEST_MAIN(TestCardTab)
#include "tst_card_tab.moc"
