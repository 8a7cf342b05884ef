// The 分析预警 tab as clerks, reviewers and supervisors see it, over a cache synced from the real server with
// the demo records and the warnings the rules raised on them: the board holds exactly the open warnings of
// the user's area, the filters narrow it in the cache, the steps offered follow the roles, and a step taken
// in the app reaches the server.
#include "tests/support/AppProgram.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "app/warnings/HandlingDaysDialog.h"
#include "app/warnings/WarningBoardView.h"
#include "app/warnings/WarningDetailView.h"
#include "app/warnings/WarningRuleDialog.h"
#include "app/warnings/WarningRulesModel.h"
#include "app/warnings/WarningRulesView.h"
#include "app/warnings/WarningStepDialog.h"
#include "app/warnings/WarningsTab.h"
#include "common/rules/Rules.h"
#include "server/api/Services.h"
#include "server/funds/FundDemo.h"
#include "server/relief/ReliefDemo.h"
#include "server/warnings/WarningDemo.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

class TestWarningsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void boardHoldsTheOpenWarningsOfTheArea();
    void filtersNarrowTheBoard();
    void stepsFollowTheRoles();
    void reviewerAssignsAndTheServerHasIt();
    void cityAdministratorSetsARule();
    void othersReadTheRules();

private:
    bool open(const QString &username, test::AppProgram *program);
    qint64 serverCount(const QString &scopePath, const QString &extra = {});
    // The first warning of the area in `state` (any state when empty).
    QString firstWarning(const QString &scopePath, const QString &state = {});

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
};

void TestWarningsTab::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(QDateTime(QDate(2026, 11, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());
    Services &services = m_server->services();
    QVERIFY(ReliefDemo::loadIfEmpty(services.store, services.clock, services.audit).households > 0);
    FundDemo::loadIfEmpty(services.store, services.clock, services.audit, services.files);
    WarningDemo::loadIfEmpty(services);
    QVERIFY(serverCount(u"/"_s) > 50);
}

qint64 TestWarningsTab::serverCount(const QString &scopePath, const QString &extra)
{
    return test::scalar(
        m_server->store(),
        u"SELECT COUNT(*) FROM records WHERE type = 'warning' AND deleted = 0 AND org_path LIKE ?"_s + extra,
        QVariantList{QString(scopePath + u'%')});
}

QString TestWarningsTab::firstWarning(const QString &scopePath, const QString &state)
{
    const QString byState = state.isEmpty() ? QString() : u" AND json_extract(data, '$.state') = ?"_s;
    SqlQuery q(m_server->store(), u"SELECT id FROM records WHERE type = 'warning' AND org_path LIKE ?"_s +
                                      byState + u" ORDER BY id LIMIT 1"_s);
    q.bindText(scopePath + u'%');
    if (!state.isEmpty())
        q.bindText(state);
    q.exec();
    return q.next() ? q.text(0) : QString();
}

bool TestWarningsTab::open(const QString &username, test::AppProgram *program)
{
    return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
}

void TestWarningsTab::boardHoldsTheOpenWarningsOfTheArea()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    WarningsTab tab(*p.session, p.client->api());
    WarningBoardView *board = tab.board();
    RecordTableModel &model = board->list()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString scope = p.client->scopePath();
    const qint64 open = serverCount(scope, u" AND json_extract(data, '$.state') <> 'closed'"_s);
    QVERIFY(open > 0);
    QCOMPARE(model.totalCount(), open);
    board->setStateFilter(u"all"_s);
    QCOMPARE(model.totalCount(), serverCount(scope));
    QVERIFY(serverCount(u"/"_s) > serverCount(scope)); // other towns' warnings never reach this cache
    QVERIFY(board->counts()->text().contains(u"新生成"_s));
}

void TestWarningsTab::filtersNarrowTheBoard()
{
    test::AppProgram p;
    QVERIFY(open(u"county-reviewer"_s, &p));
    WarningsTab tab(*p.session, p.client->api());
    WarningBoardView *board = tab.board();
    RecordTableModel &model = board->list()->model();
    const QString scope = p.client->scopePath();
    board->setStateFilter(u"all"_s);
    board->severityFilter()->setCurrentIndex(board->severityFilter()->findData(u"red"_s));
    QCOMPARE(model.totalCount(), serverCount(scope, u" AND json_extract(data, '$.severity') = 'red'"_s));
    board->severityFilter()->setCurrentIndex(0);
    board->ruleFilter()->setCurrentIndex(board->ruleFilter()->findData(u"VISIT_MISSING"_s));
    QCOMPARE(model.totalCount(),
             serverCount(scope, u" AND json_extract(data, '$.rule') = 'VISIT_MISSING'"_s));
    board->ruleFilter()->setCurrentIndex(0);
    board->setStateFilter(u"closed"_s);
    QCOMPARE(model.totalCount(), serverCount(scope, u" AND json_extract(data, '$.state') = 'closed'"_s));
    QVERIFY(model.totalCount() >= 1); // the demo closes one
}

void TestWarningsTab::stepsFollowTheRoles()
{
    test::AppProgram p;
    QVERIFY(open(u"county-supervisor"_s, &p));
    WarningsTab tab(*p.session, p.client->api());
    const QString id = firstWarning(p.client->scopePath());
    QVERIFY(!id.isEmpty());
    tab.board()->detail()->showWarning(id);
    QVERIFY(!tab.board()->detail()->summary()->text().isEmpty());
    QVERIFY(tab.board()->detail()->evidence()->rowCount() > 0);
    for (const warnings::Action a :
         {warnings::Action::Assign, warnings::Action::Reply, warnings::Action::Decide,
          warnings::Action::Close, warnings::Action::Return})
        QVERIFY(
            !tab.board()->detail()->actionButton(a)->isEnabled()); // supervisors follow, they do not handle
}

void TestWarningsTab::reviewerAssignsAndTheServerHasIt()
{
    test::AppProgram p;
    QVERIFY(open(u"county-reviewer"_s, &p));
    WarningsTab tab(*p.session, p.client->api());
    WarningDetailView *detail = tab.board()->detail();
    // A warning nobody has taken up yet.
    const QString id = firstWarning(p.client->scopePath(), u"new"_s);
    QVERIFY(!id.isEmpty());
    detail->showWarning(id);
    QPushButton *assign = detail->actionButton(warnings::Action::Assign);
    QVERIFY(assign->isEnabled());
    QVERIFY(!detail->actionButton(warnings::Action::Close)->isEnabled());
    // The rule the server applies runs in the dialog first: no assignee, no step.
    QString firstProblem;
    WarningDetailView::setNextStepEntry([&](WarningStepDialog &d) {
        d.setEntry(u"王审核"_s, QString());
        d.submit();
        firstProblem = d.problem();
    });
    assign->click();
    QVERIFY(!firstProblem.isEmpty());
    QCOMPARE(p.session->cache().pendingCount(), 0);
    WarningDetailView::setNextStepEntry([](WarningStepDialog &d) {
        d.setEntry(u"王审核"_s, u"请三日内核实"_s, u"李经办"_s);
        d.submit();
    });
    assign->click();
    QCOMPARE(p.session->cache().pendingCount(), 1);
    QCOMPARE(detail->history()->rowCount(), 1);

    QSignalSpy finished(&p.session->engine(), &SyncEngine::finished);
    p.session->engine().syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.last().at(0).toBool());
    QCOMPARE(p.session->cache().pendingCount(), 0);
    const test::ServerRow row = test::serverRecords(m_server->store(), p.client->scopePath()).value(id);
    QCOMPARE(row.fields.value(u"state"_s).toString(), u"assigned"_s);
    QCOMPARE(row.fields.value(u"assignee"_s).toString(), u"李经办"_s);
    QCOMPARE(row.fields.value(u"steps"_s).toArray().first().toObject().value(u"by"_s).toString(),
             p.client->user().id);
}

void TestWarningsTab::cityAdministratorSetsARule()
{
    test::AppProgram p;
    QVERIFY(open(u"city-admin"_s, &p));
    WarningsTab tab(*p.session, p.client->api());
    WarningRulesView *view = tab.rules();
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(view, &WarningRulesView::loaded);
    view->refresh();
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.last().at(0).toBool());
    QCOMPARE(view->model()->rowCount(), rules::RuleRegistry::all().size());
    QVERIFY(!view->editButton()->isHidden());
    QVERIFY(!view->runButton()->isHidden());
    int row = -1;
    for (int i = 0; i < view->model()->rowCount(); ++i) {
        if (view->model()->rule(i).value(u"code"_s).toString() == u"ENTRY_OVERDUE"_s)
            row = i;
    }
    QVERIFY(row >= 0);
    // A dry run with the parameter changed, then saved as a new version.
    WarningRuleDialog dialog(p.client->api(), view->model()->rule(row));
    dialog.setParameter(u"minCount"_s, 3);
    dialog.dryRun();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    // The figures the server gives for the same parameters.
    test::HttpsClient http(*m_server);
    const test::HttpResult direct = http.post(u"/api/v1/admin/warnings/rules/ENTRY_OVERDUE/dry-run"_s,
                                              {{u"parameters"_s, QJsonObject{{u"minCount"_s, 3}}}},
                                              http.login(u"city-admin"_s, u"Demo@2026"_s));
    QCOMPARE(direct.status, 200);
    QVERIFY2(dialog.dryRunText().contains(QString::number(direct.json.value(u"findings"_s).toInteger())),
             qPrintable(dialog.dryRunText()));
    dialog.save();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(test::scalar(m_server->store(), u"SELECT MAX(version) FROM warning_rule_versions WHERE code = "
                                             u"'ENTRY_OVERDUE'"_s),
             1);
    view->refresh();
    QVERIFY(loaded.wait(10000));
    QVERIFY(WarningRulesModel::parametersText(view->model()->rule(row)).contains(u"3"_s));

    // The handling deadlines: a reply longer than the result is refused by the server, then a valid pair
    // kept.
    QVERIFY(!view->handlingButton()->isHidden());
    HandlingDaysDialog days(p.client->api(), 5, 10);
    days.setDays(9, 7);
    days.save();
    QVERIFY(!days.problem().isEmpty());
    days.setDays(4, 8);
    days.save();
    QVERIFY2(days.problem().isEmpty(), qPrintable(days.problem()));
    view->refresh();
    QVERIFY(loaded.wait(10000));
    QVERIFY2(view->status()->text().contains(u"Reply within 4 working days, result within 8."_s),
             qPrintable(view->status()->text()));
}

void TestWarningsTab::othersReadTheRules()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    WarningsTab tab(*p.session, p.client->api());
    QSignalSpy loaded(tab.rules(), &WarningRulesView::loaded);
    tab.rules()->refresh();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(tab.rules()->model()->rowCount(), rules::RuleRegistry::all().size());
    QVERIFY(tab.rules()->editButton()->isHidden());
    QVERIFY(tab.rules()->runButton()->isHidden());
    QVERIFY(tab.rules()->handlingButton()->isHidden());
    // The server refuses a clerk's change whatever the program shows.
    WarningRuleDialog dialog(p.client->api(), tab.rules()->model()->rule(0));
    dialog.setEnabled(false);
    dialog.save();
    QVERIFY(!dialog.problem().isEmpty());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestWarningsTab)
#include "tst_warnings_tab.moc"
