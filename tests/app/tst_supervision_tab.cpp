// The 监督 tab as a supervisor and as a clerk see it, over caches synced from the real server with the demo
// records: the Art. 31 window open on the day and the inspection it opens, what an inspection covers and its
// draw, the re-draw from the seed, the rectification tracker with its late ones (the same as the rule says on
// the server's records), and who may add what.
#include "tests/support/AppProgram.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/MessageBox.h"
#include "app/supervision/AuditView.h"
#include "app/supervision/InspectionsView.h"
#include "app/supervision/RectificationsView.h"
#include "app/supervision/SupervisionBulletin.h"
#include "app/supervision/SupervisionTab.h"
#include "app/sync/ClientSession.h"
#include "common/supervision/SupervisionRules.h"
#include "server/api/Services.h"
#include "server/funds/FundDemo.h"
#include "server/relief/ReliefDemo.h"
#include "server/supervision/SupervisionDemo.h"
#include "server/warnings/WarningDemo.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

class TestSupervisionTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void supervisorSeesTheWindowAndTheDraw();
    void openingTheWindowsInspection();
    void trackerShowsWhatIsLate();
    void clerksFollowRectifications();
    void bulletinTellsTheQuarter();

private:
    bool open(const QString &username, test::AppProgram *program)
    {
        return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
    }
    qint64 serverCount(const QString &type, const QString &scopePath)
    {
        return test::scalar(
            m_server->store(),
            u"SELECT COUNT(*) FROM records WHERE type = ? AND deleted = 0 AND org_path LIKE ?"_s,
            QVariantList{type, QString(scopePath + u'%')});
    }
    static bool sync(ClientSession &session)
    {
        QSignalSpy finished(&session.engine(), &SyncEngine::finished);
        session.engine().syncNow();
        return finished.wait(30000) && finished.last().at(0).toBool();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
    const QDate m_today{2026, 10, 22}; // in the spot-check window of 2026Q3 (20-30 October)
};

void TestSupervisionTab::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(QDateTime(m_today, QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());
    Services &services = m_server->services();
    QVERIFY(ReliefDemo::loadIfEmpty(services.store, services.clock, services.audit).households > 0);
    FundDemo::loadIfEmpty(services.store, services.clock, services.audit, services.files);
    WarningDemo::loadIfEmpty(services);
    SupervisionDemo::loadIfEmpty(services);
    QCOMPARE(serverCount(u"inspection"_s, u"/"_s), 2);
    QVERIFY(serverCount(u"rectification"_s, u"/"_s) >= 4); // three audit findings and a warning's outcome
    QVERIFY(serverCount(u"referral"_s, u"/"_s) >= 2);      // the audit's and a warning's
}

void TestSupervisionTab::supervisorSeesTheWindowAndTheDraw()
{
    test::AppProgram p;
    QVERIFY(open(u"city-supervisor"_s, &p));
    SupervisionTab tab(*p.session, p.client->api());
    QCOMPARE(tab.views()->count(), 5);
    auto *inspections = tab.findChild<InspectionsView *>();
    QVERIFY(inspections);
    QVERIFY2(inspections->windowText().contains(u"2026-10-20"_s) &&
                 inspections->windowText().contains(u"抽查"_s),
             qPrintable(inspections->windowText()));
    RecordTableModel &model = inspections->inspections()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.totalCount(), serverCount(u"inspection"_s, p.client->scopePath()));

    // The spot check the demo drew: its villages, and the draw re-done from the seed on request.
    QString spotId;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.recordIdAt(row);
        const auto rec = p.session->cache().record(id);
        if (rec && rec->record.fields.value(u"kind"_s).toString() == u"spot"_s) {
            spotId = id;
            inspections->inspections()->view()->selectRow(row);
        }
    }
    QVERIFY(!spotId.isEmpty());
    const QString detail = inspections->detailText();
    QVERIFY2(detail.contains(u"seed"_s) || detail.contains(u"种子"_s), qPrintable(detail));
    const QJsonArray drawn =
        p.session->cache().record(spotId)->record.fields.value(u"drawnVillages"_s).toArray();
    QCOMPARE(drawn.size(), 3);
    for (const QJsonValue &v : drawn)
        QVERIFY2(detail.contains(v.toObject().value(u"name"_s).toString()), qPrintable(detail));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    inspections->verifyChosen();
    QVERIFY2(MessageBox::lastText().contains(u"same"_s) || MessageBox::lastText().contains(u"相同"_s),
             qPrintable(MessageBox::lastText()));
}

void TestSupervisionTab::openingTheWindowsInspection()
{
    test::AppProgram p;
    QVERIFY(open(u"city-supervisor"_s, &p));
    InspectionsView view(*p.session, p.client->api());
    // The dialog opens filled in for the window open today; the supervisor saves it.
    QJsonObject seen;
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<RecordDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = dialog->form()->values();
        dialog->submit();
    });
    const qint64 before = p.session->cache().pendingCount();
    p.session->orgUnits(); // the place of a new inspection: the supervisor's own unit (the city)
    view.openCurrentWindow();
    QCOMPARE(seen.value(u"kind"_s).toString(), u"spot"_s);
    QCOMPARE(seen.value(u"quarter"_s).toString(), u"2026Q3"_s);
    QCOMPARE(seen.value(u"startedOn"_s).toString(), u"2026-10-22"_s);
    QCOMPARE(p.session->cache().pendingCount(), before + 1);
    QVERIFY(sync(*p.session));
    QCOMPARE(p.session->cache().pendingCount(), 0);
    QCOMPARE(serverCount(u"inspection"_s, u"/"_s), 3);

    // Drawn by the server on the supervisor's word; the result comes back with the next sync.
    RecordTableModel &model = view.inspections()->model();
    view.inspections()->reload();
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto rec = p.session->cache().record(model.recordIdAt(r));
        if (rec && rec->record.fields.value(u"seed"_s).toString().isEmpty() &&
            rec->record.fields.value(u"kind"_s).toString() == u"spot"_s)
            row = r;
    }
    QVERIFY(row >= 0);
    const QString id = model.recordIdAt(row);
    view.inspections()->view()->selectRow(row);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTimer::singleShot(0, this, [] { MessageBox::setNextAnswer(QMessageBox::Ok); });
    view.drawChosen();
    QVERIFY(sync(*p.session));
    QTRY_VERIFY(!p.session->cache().record(id)->record.fields.value(u"seed"_s).toString().isEmpty());
    QCOMPARE(p.session->cache().record(id)->record.fields.value(u"drawnVillages"_s).toArray().size(), 5);
}

void TestSupervisionTab::trackerShowsWhatIsLate()
{
    test::AppProgram p;
    QVERIFY(open(u"county-supervisor"_s, &p));
    RectificationsView view(*p.session);
    RecordTableModel &model = view.rectifications()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString scope = p.client->scopePath();
    QCOMPARE(model.totalCount(), serverCount(u"rectification"_s, scope));
    // Late on the server's records by the rule itself, and in the tracker by the SQL generated from it.
    qint64 late = 0, closed = 0;
    const QHash<QString, test::ServerRow> rows = test::serverRecords(m_server->store(), scope);
    for (const test::ServerRow &r : rows) {
        if (r.type != u"rectification"_s)
            continue;
        const auto state = supervision::rectificationStateFromName(r.fields.value(u"state"_s).toString());
        QVERIFY(state);
        late += supervision::rectificationOverdue(*state, sync::RecordType::dateOf(r.fields, u"dueOn"_s),
                                                  m_today);
        closed += *state == supervision::RectificationState::Closed;
    }
    QVERIFY(late >= 1);   // the demo's 30-day order of 45 days ago
    QVERIFY(closed >= 1); // the demo's returned payment
    view.showOnly(u"overdue"_s);
    QCOMPARE(model.totalCount(), late);
    view.showOnly(u"closed"_s);
    QCOMPARE(model.totalCount(), closed);
    view.showOnly(u"overdue"_s);
    // The late one reads in red, with its days late.
    QAbstractItemModel *shown = view.rectifications()->view()->model();
    const int deadline = shown->columnCount() - 1;
    QVERIFY(shown->rowCount() >= 1);
    QCOMPARE(shown->index(0, deadline).data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::red));
    QVERIFY(shown->index(0, deadline).data().toString().contains(u"late"_s));
    view.showOnly(QString());
    QCOMPARE(model.totalCount(), serverCount(u"rectification"_s, scope));
}

void TestSupervisionTab::clerksFollowRectifications()
{
    test::AppProgram p;
    QVERIFY(open(u"county-clerk"_s, &p));
    SupervisionTab tab(*p.session, p.client->api());
    auto *rect = tab.findChild<RectificationsView *>();
    QVERIFY(rect);
    QCOMPARE(rect->rectifications()->model().totalCount(),
             serverCount(u"rectification"_s, p.client->scopePath()));
    auto buttonsOf = [](QWidget *w) {
        QStringList texts;
        for (const QPushButton *b : w->findChildren<QPushButton *>()) {
            if (b->isVisibleTo(w))
                texts.append(b->text());
        }
        return texts.join(u'|');
    };
    // Clerks edit a rectification (report, apply) but order none, and enter no inspection or audit.
    const QString rectButtons = buttonsOf(rect->rectifications());
    QVERIFY2(rectButtons.contains(u"Edit"_s) && !rectButtons.contains(u"New"_s), qPrintable(rectButtons));
    QVERIFY(buttonsOf(rect->reports()).contains(u"New"_s));
    auto *inspections = tab.findChild<InspectionsView *>();
    QVERIFY(!buttonsOf(inspections->inspections()).contains(u"New"_s));
    QVERIFY(!buttonsOf(tab.findChild<AuditView *>()->reports()).contains(u"New"_s));
}

void TestSupervisionTab::bulletinTellsTheQuarter()
{
    test::AppProgram p;
    QVERIFY(open(u"city-supervisor"_s, &p));
    const Quarter quarter = Quarter::of(m_today);
    const QString html = SupervisionBulletin(*p.session).html(quarter);
    // The warnings raised in the quarter, as the server holds them; the accountability made public; the
    // inspections.
    const qint64 raised = test::scalar(
        m_server->store(),
        u"SELECT COUNT(*) FROM records WHERE type = 'warning' AND deleted = 0 AND json_extract(data, "
        u"'$.raisedOn') "
        u"BETWEEN ? AND ?"_s,
        QVariantList{quarter.firstDay().toString(Qt::ISODate), quarter.lastDay().toString(Qt::ISODate)});
    QVERIFY(raised > 0);
    QVERIFY2(html.contains(u"%1 warnings were raised in the quarter"_s.arg(raised)),
             qPrintable(html.left(2000)));
    QVERIFY(html.contains(u"张某某"_s));
    QVERIFY(html.contains(u"党纪处分"_s));
    QVERIFY(html.contains(u"村户随机抽查"_s));
    const QString pdf = m_dir.filePath(u"bulletin.pdf"_s);
    QString error;
    QVERIFY2(SupervisionBulletin(*p.session).writePdf(quarter, pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QVERIFY(file.size() > 5000);
    // To look at it: SUNSHINE_KEEP_BULLETIN=/some/file.pdf keeps a copy.
    if (const QString keep = qEnvironmentVariable("SUNSHINE_KEEP_BULLETIN"); !keep.isEmpty()) {
        QFile::remove(keep);
        QVERIFY(QFile::copy(pdf, keep));
    }
}

QTEST_MAIN(TestSupervisionTab)
#include "tst_supervision_tab.moc"
