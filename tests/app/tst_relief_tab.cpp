// The 阳光扶贫 tab as clerks, reviewers and leaders see it, over a cache synced from the real server with the
// module's demo records: the tables hold exactly the user's area, personal data is masked for leaders,
// workflow actions appear only for reviewers, a step taken offline reaches the server, and the visit
// statistics and pairing coverage agree with the records.
#include "tests/support/AppProgram.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/records/RecordListView.h"
#include "app/relief/AssistanceViews.h"
#include "app/relief/CasesView.h"
#include "app/relief/HouseholdsView.h"
#include "app/relief/IncomeProxy.h"
#include "app/relief/ReliefTab.h"
#include "app/relief/StepDialog.h"
#include "app/sync/ClientSession.h"
#include "common/core/IdCard.h"
#include "server/api/Services.h"
#include "server/relief/ReliefDemo.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

class TestReliefTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clerkSeesTheArea();
    void leaderSeesMaskedData();
    void stepsOnlyForReviewers();
    void reviewerTakesAStep();
    void statisticsAgreeWithRecords();

private:
    bool open(const QString &username, test::AppProgram *program);
    QString scopeOf(const QString &username);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
};

void TestReliefTab::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    // 2026-11-20 10:00 in China: the third quarter's visits are done, exits are not yet open.
    m_server->clock().setNowMs(QDateTime(QDate(2026, 11, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());
    const ReliefDemo::Counts counts =
        ReliefDemo::loadIfEmpty(m_server->store(), m_server->clock(), m_server->services().audit);
    QVERIFY(counts.households > 0);
}

bool TestReliefTab::open(const QString &username, test::AppProgram *program)
{
    return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
}

void TestReliefTab::clerkSeesTheArea()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    ReliefTab tab(*p.session);
    auto *households = tab.findChild<HouseholdsView *>();
    QVERIFY(households);
    const qint64 expected =
        test::scalar(m_server->store(),
                     u"SELECT COUNT(*) FROM records WHERE type = 'household' AND deleted = 0 "
                     u"AND org_path LIKE ?"_s,
                     QVariantList{QString(p.client->scopePath() + u'%')});
    QVERIFY(expected > 100);
    QCOMPARE(households->households()->model().totalCount(), expected);
    // Another town's households never reach this cache.
    const qint64 all =
        test::scalar(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = 'household'"_s);
    QVERIFY(all > expected);

    // A clerk sees full phone numbers. A town clerk adds no household: households come in through an
    // approved identification case (Art. 9), which the clerk enters.
    RecordTableModel &model = households->households()->model();
    const int phone = model.columnOf(u"phone"_s);
    QVERIFY(phone >= 0);
    QVERIFY(!model.index(0, phone).data().toString().contains(u'*'));
    const QList<QPushButton *> buttons = households->households()->findChildren<QPushButton *>();
    QVERIFY(std::none_of(buttons.begin(), buttons.end(), [&](QPushButton *b) {
        return b->text().contains(u"New"_s) && b->isVisibleTo(households->households());
    }));

    // Choosing a household shows its members, all of them, and nobody else.
    households->households()->view()->setCurrentIndex(model.index(0, 0));
    const QString householdId = model.recordIdAt(0);
    const qint64 members =
        test::scalar(m_server->store(),
                     u"SELECT COUNT(*) FROM records WHERE type = 'member' AND deleted = 0 "
                     u"AND data LIKE ?"_s,
                     QVariantList{QString(u"%\"householdId\":\""_s + householdId + u"\"%"_s)});
    QVERIFY(members >= 1);
    QCOMPARE(households->members()->model().totalCount(), members);
    // Each member's gender and age, derived from the 身份证号 as of today.
    auto *ages = qobject_cast<MemberAgeProxy *>(households->members()->view()->model());
    QVERIFY(ages);
    const QString memberId = households->members()->model().recordIdAt(0);
    const QString number = test::serverRecords(m_server->store(), p.client->scopePath())
                               .value(memberId)
                               .fields.value(u"idNumber"_s)
                               .toString();
    const QDate today = chinaDateOf(m_server->clock().nowMs());
    const IdCard card = IdCard::parse(number, today);
    QVERIFY(card.isValid());
    const QString shownAge = ages->index(0, ages->computedColumn()).data().toString();
    QVERIFY2(shownAge.endsWith(QString::number(card.ageOn(today))), qPrintable(shownAge));
    QVERIFY2(shownAge.startsWith(card.gender() == IdCard::Gender::Male ? u"male"_s : u"female"_s),
             qPrintable(shownAge));

    // The per-capita income column: the household's last four quarters over its members, flagged at 7,000
    // yuan.
    auto *income = qobject_cast<IncomeProxy *>(households->households()->view()->model());
    QVERIFY(income);
    QAbstractItemModelTester incomeTester(income, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QHash<QString, test::ServerRow> rows =
        test::serverRecords(m_server->store(), p.client->scopePath());
    for (int r = 0; r < 60 && r < model.rowCount(); ++r) {
        const QString id = model.recordIdAt(r);
        qint64 total = 0;
        int size = 0;
        QString latest;
        for (const test::ServerRow &row : rows) {
            if (row.type != u"household-income"_s || row.fields.value(u"householdId"_s).toString() != id)
                continue;
            total += qint64(row.fields.value(u"wagesFen"_s).toDouble() +
                            row.fields.value(u"businessFen"_s).toDouble() +
                            row.fields.value(u"propertyFen"_s).toDouble() +
                            row.fields.value(u"transferFen"_s).toDouble());
            if (row.fields.value(u"quarter"_s).toString() > latest) {
                latest = row.fields.value(u"quarter"_s).toString();
                size = row.fields.value(u"members"_s).toInt();
            }
        }
        const relief::PerCapitaIncome shown = income->incomeOf(id);
        QCOMPARE(shown.annualFen, total); // the demo records exactly the last four quarters
        QCOMPARE(shown.perCapitaFen, size ? total / size : 0);
        const QString text = income->index(r, income->incomeColumn()).data().toString();
        QCOMPARE(text.contains(u"7,000"_s), shown.perCapitaFen >= 700000);
    }
}

void TestReliefTab::leaderSeesMaskedData()
{
    test::AppProgram p;
    QVERIFY(open(u"town-leader"_s, &p));
    ReliefTab tab(*p.session);
    auto *households = tab.findChild<HouseholdsView *>();
    RecordTableModel &model = households->households()->model();
    QVERIFY(model.rowCount() > 0);
    const QString shown = model.index(0, model.columnOf(u"phone"_s)).data().toString();
    QVERIFY2(shown.contains(u'*'), qPrintable(shown));
    // Leaders read; they get no New or Edit.
    const QList<QPushButton *> buttons = households->households()->findChildren<QPushButton *>();
    QVERIFY(std::none_of(buttons.begin(), buttons.end(), [](QPushButton *b) {
        return b->text().contains(u"New"_s) || b->text().contains(u"Edit"_s);
    }));
}

void TestReliefTab::stepsOnlyForReviewers()
{
    const auto hasStepButton = [](ReliefTab &tab) {
        auto *cases = tab.findChild<CasesView *>();
        const QList<QPushButton *> buttons = cases->findChildren<QPushButton *>();
        return std::any_of(buttons.begin(), buttons.end(),
                           [](QPushButton *b) { return b->text().contains(u"Next"_s); });
    };
    test::AppProgram clerk;
    QVERIFY(open(u"town-clerk"_s, &clerk));
    ReliefTab clerkTab(*clerk.session);
    QVERIFY(!hasStepButton(clerkTab));
    test::AppProgram reviewer;
    QVERIFY(open(u"town-reviewer"_s, &reviewer));
    ReliefTab reviewerTab(*reviewer.session);
    QVERIFY(hasStepButton(reviewerTab));
    // Every model of the cases view (the state and deadline proxies over the record tables) under the tester.
    const QList<QAbstractItemView *> views =
        reviewerTab.findChild<CasesView *>()->findChildren<QAbstractItemView *>();
    QVERIFY(views.size() >= 2);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (QAbstractItemView *v : views) {
        for (QAbstractItemModel *m = v->model(); m;) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
            auto *proxy = qobject_cast<QAbstractProxyModel *>(m);
            m = proxy ? proxy->sourceModel() : nullptr;
        }
    }
    QVERIFY(qsizetype(testers.size()) > views.size()); // the proxies and their sources
}

void TestReliefTab::reviewerTakesAStep()
{
    test::AppProgram p;
    QVERIFY(open(u"town-reviewer"_s, &p));
    // A case with no step yet, and one waiting for the county's approval.
    QString fresh, atCounty;
    const QHash<QString, test::ServerRow> rows =
        test::serverRecords(m_server->store(), p.client->scopePath());
    for (const test::ServerRow &r : rows) {
        if (r.type != u"identification-case"_s)
            continue;
        const QJsonArray steps = r.fields.value(u"steps"_s).toArray();
        if (steps.isEmpty() && fresh.isEmpty())
            fresh = r.id;
        if (steps.size() == 5 && atCounty.isEmpty())
            atCounty = r.id;
    }
    QVERIFY(!fresh.isEmpty());
    QVERIFY(!atCounty.isEmpty());

    const QDate today = chinaDateOf(m_server->clock().nowMs());
    {
        StepDialog county(*p.session, atCounty);
        QVERIFY(county.hasNextStep());
        county.setEntry(true, today, u"王立新"_s, u"同意"_s);
        county.submit();
        QVERIFY2(!county.problem().isEmpty(), "a town reviewer cannot approve for the county");
        QCOMPARE(p.session->cache().pendingCount(), 0);
    }
    StepDialog dialog(*p.session, fresh);
    QVERIFY(dialog.hasNextStep());
    dialog.setEntry(true, today, u"王立新"_s, u"经村民小组评议，同意申请"_s);
    dialog.submit();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(p.session->cache().pendingCount(), 1);

    QSignalSpy finished(&p.session->engine(), &SyncEngine::finished);
    p.session->engine().syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.last().at(0).toBool());
    QCOMPARE(p.session->cache().pendingCount(), 0);
    const test::ServerRow row = test::serverRecords(m_server->store(), p.client->scopePath()).value(fresh);
    const QJsonArray steps = row.fields.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).toObject().value(u"step"_s).toString(), u"group-review"_s);
    QCOMPARE(steps.at(0).toObject().value(u"by"_s).toString(), p.client->user().id);
}

void TestReliefTab::statisticsAgreeWithRecords()
{
    test::AppProgram p;
    QVERIFY(open(u"town-clerk"_s, &p));
    ReliefTab tab(*p.session);
    auto *stats = tab.findChild<VisitStatsView *>();
    QVERIFY(stats);
    QTableWidget *table = stats->table();
    QVERIFY(table->rowCount() >= 1);
    int pairings = 0, visited = 0;
    for (int r = 0; r < table->rowCount(); ++r) {
        pairings += table->item(r, 1)->text().toInt();
        visited += table->item(r, 2)->text().toInt();
    }
    const QString scope = p.client->scopePath() + u'%';
    QCOMPARE(qint64(pairings),
             test::scalar(m_server->store(),
                          u"SELECT COUNT(*) FROM records WHERE type = 'pairing' AND deleted = 0 "
                          u"AND org_path LIKE ?"_s,
                          QVariantList{scope}));
    // 2026-11-20 is in the fourth quarter's second month: the third quarter is the one to check.
    QCOMPARE(qint64(visited),
             test::scalar(m_server->store(),
                          u"SELECT COUNT(*) FROM records WHERE type = 'visit' AND deleted = 0 "
                          u"AND org_path LIKE ? AND data LIKE '%\"quarter\":\"2026Q3\"%'"_s,
                          QVariantList{scope}));
    QVERIFY(visited < pairings); // the demo leaves some unvisited

    auto *pairingsView = tab.findChild<PairingsView *>();
    QVERIFY(pairingsView);
    const QList<QStringList> gaps = pairingsView->gaps(10000);
    QVERIFY(!gaps.isEmpty());
    QVERIFY2(pairingsView->coverageText().contains(QString::number(gaps.size())),
             qPrintable(pairingsView->coverageText()));
}

QTEST_MAIN(TestReliefTab)
#include "tst_relief_tab.moc"
