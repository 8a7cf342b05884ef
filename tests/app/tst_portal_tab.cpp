// The 投诉与公开 tab as the office, a department, a leader and a town see it, over a cache synced from the
// real server with the demo complaints, announcements and policies: the complaints list holds exactly those
// of the user's area (none for a town), late ones are found by the same rule the warning engine uses, the
// statistics add up to the list, the steps offered follow the office and the slip, a step taken in the app
// reaches the server, the complainant's name is withheld from a department, and a reviewer publishes an
// announcement that the public route then shows.
#include "tests/support/AppProgram.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/portal/ComplaintStatsModel.h"
#include "app/portal/ComplaintStepDialog.h"
#include "app/portal/ComplaintsView.h"
#include "app/portal/PortalQueries.h"
#include "app/portal/PortalTab.h"
#include "app/portal/PublicationsView.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/portal/ComplaintType.h"
#include "common/portal/PublicationTypes.h"
#include "server/api/Services.h"
#include "server/portal/PortalDemo.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

const QString kCountyPath = u"/320600000000/320612000000/"_s;

QPushButton *button(QWidget *in, const QString &name)
{
    return in->findChild<QPushButton *>(name);
}

} // namespace

class TestPortalTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void complaintsOfTheArea();
    void statisticsAddUp();
    void officeAndDepartmentTakeTheirSteps();
    void complainantWithheldFromDepartments();
    void reviewerPublishes();

private:
    bool open(const QString &username, test::AppProgram *program)
    {
        return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
    }
    qint64 serverComplaints(const QString &scopePath, const QString &extra = {})
    {
        return test::scalar(
            m_server->store(),
            u"SELECT COUNT(*) FROM records WHERE type = 'complaint' AND deleted = 0 AND org_path "
            u"LIKE ?"_s +
                extra,
            QVariantList{QString(scopePath + u'%')});
    }
    QString complaintIn(const QString &state)
    {
        SqlQuery q(m_server->store(), u"SELECT id FROM records WHERE type = 'complaint' AND "
                                      u"json_extract(data, '$.state') = ? ORDER BY id LIMIT 1"_s);
        q.bindText(state).exec();
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

void TestPortalTab::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(QDateTime(QDate(2026, 11, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());
    PortalDemo::loadIfEmpty(m_server->services());
    QCOMPARE(serverComplaints(u"/"_s), 6);
}

void TestPortalTab::complaintsOfTheArea()
{
    test::AppProgram p;
    QVERIFY(open(u"county-reviewer"_s, &p));
    PortalTab tab(*p.session, p.client->api());
    auto *view = tab.findChild<ComplaintsView *>();
    QVERIFY(view);
    RecordTableModel &model = view->list()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.totalCount(), serverComplaints(kCountyPath));
    // Late by the rule of the warning engine: the demo has one slip past its reply and result dates and one
    // past its result date on 20 November.
    const QDate today = chinaDateOf(p.session->clock().nowMs());
    qint64 late = 0;
    for (const test::ServerRow &row : test::serverRecords(m_server->store(), kCountyPath)) {
        if (row.type != u"complaint"_s)
            continue;
        const portal::ComplaintHandling h =
            portal::replayComplaint(portal::complaintStepsFromJson(row.fields.value(u"steps"_s).toArray()));
        if (!portal::complaintOverdue(h, today, WorkingCalendar::current()).isEmpty())
            ++late;
    }
    QVERIFY(late >= 1);
    auto *filter = view->findChild<QComboBox *>(u"complaintFilter"_s);
    filter->setCurrentIndex(filter->findData(u"overdue"_s));
    QCOMPARE(model.totalCount(), late);
    filter->setCurrentIndex(filter->findData(u"declined"_s));
    QCOMPARE(model.totalCount(), 1);
    filter->setCurrentIndex(0);
    // The office registers calls: New is offered to it.
    bool canAdd = false;
    for (QPushButton *b : view->list()->findChildren<QPushButton *>())
        canAdd = canAdd || (b->text().contains(u"New"_s) && b->isVisibleTo(view));
    QVERIFY(canAdd);

    // A town receives no complaints and sees no tab (the module hides it); its cache holds none.
    test::AppProgram town;
    QVERIFY(open(u"town-reviewer"_s, &town));
    QCOMPARE(CacheQuery(town.session->cache(), u"complaint"_s).count(), 0);
}

void TestPortalTab::statisticsAddUp()
{
    test::AppProgram p;
    QVERIFY(open(u"county-leader"_s, &p));
    ComplaintsView view(*p.session);
    for (ComplaintStatsModel *stats : {view.departmentStats(), view.categoryStats()}) {
        QAbstractItemModelTester tester(stats, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 total = 0, parts = 0, late = 0;
        for (int r = 0; r < stats->rowCount(); ++r) {
            const auto at = [&](int c) {
                return stats->data(stats->index(r, c)).toLongLong();
            };
            total += at(ComplaintStatsModel::Total);
            parts += at(ComplaintStatsModel::Waiting) + at(ComplaintStatsModel::Handling) +
                     at(ComplaintStatsModel::Concluded) + at(ComplaintStatsModel::Declined);
            late += at(ComplaintStatsModel::Overdue);
        }
        QCOMPARE(total, view.list()->model().totalCount());
        QCOMPARE(parts, total);
        // The late ones as the filter finds them.
        QCOMPARE(late, CacheQuery(p.session->cache(), u"complaint"_s)
                           .where(portalquery::overdueComplaints(chinaDateOf(p.session->clock().nowMs())))
                           .count());
        QVERIFY(late >= 1);
    }
    // Leaders read: no New, no Edit.
    for (QPushButton *b : view.list()->findChildren<QPushButton *>()) {
        if (b->text().contains(u"New"_s) || b->text().contains(u"Edit"_s))
            QVERIFY(!b->isVisibleTo(&view));
    }
}

void TestPortalTab::officeAndDepartmentTakeTheirSteps()
{
    const QString id = complaintIn(u"accepted"_s);
    QVERIFY(!id.isEmpty());
    {
        test::AppProgram office;
        QVERIFY(open(u"county-reviewer"_s, &office));
        ComplaintStepDialog dialog(*office.session, id);
        QCOMPARE(dialog.offered(), (QList<portal::ComplaintAction>{portal::ComplaintAction::Assign}));
        dialog.setEntry(portal::ComplaintAction::Assign, QString(), u"320612000000-agriculture"_s);
        dialog.submit();
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(sync(office));
        QCOMPARE(
            test::serverRecords(m_server->store(), kCountyPath).value(id).fields.value(u"state"_s).toString(),
            u"assigned"_s);
    }
    test::AppProgram department;
    QVERIFY(open(u"county-clerk"_s, &department));
    ComplaintsView view(*department.session);
    // The department on the slip replies; the office's steps are not offered to it.
    {
        ComplaintStepDialog dialog(*department.session, id);
        QCOMPARE(dialog.offered(), (QList<portal::ComplaintAction>{portal::ComplaintAction::Reply}));
        dialog.setEntry(portal::ComplaintAction::Reply, QString());
        dialog.submit();
        QVERIFY(!dialog.problem().isEmpty()); // a reply needs its text: the rule the server applies
    }
    // Through the list's Handle button, as the clerk works.
    QTableView *table = view.list()->view();
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        table->setCurrentIndex(table->model()->index(r, 0));
        if (view.list()->currentRecordId() == id)
            break;
    }
    QCOMPARE(view.list()->currentRecordId(), id);
    ComplaintsView::setNextStepEntry([](ComplaintStepDialog &d) {
        d.setEntry(portal::ComplaintAction::Reply, u"已收到，正在核实。"_s);
        d.submit();
    });
    button(view.list(), u"handleComplaint"_s)->click();
    QCOMPARE(department.session->cache().pendingCount(), 1);
    QVERIFY(sync(department));
    const QJsonObject f = test::serverRecords(m_server->store(), kCountyPath).value(id).fields;
    QCOMPARE(f.value(u"state"_s).toString(), u"replied"_s);
    QCOMPARE(f.value(u"steps"_s).toArray().last().toObject().value(u"by"_s).toString(),
             department.client->user().id);
    // The slip of another department offers this one nothing.
    QString other;
    for (const test::ServerRow &row : test::serverRecords(m_server->store(), kCountyPath)) {
        if (row.fields.value(u"assignedDepartment"_s).toString() == u"320612000000-civil-affairs"_s)
            other = row.id;
    }
    QVERIFY(!other.isEmpty());
    ComplaintStepDialog dialog(*department.session, other);
    QVERIFY(dialog.offered().isEmpty());
    QVERIFY(!dialog.problem().isEmpty());
}

void TestPortalTab::complainantWithheldFromDepartments()
{
    test::AppProgram department;
    QVERIFY(open(u"county-clerk"_s, &department));
    test::AppProgram office;
    QVERIFY(open(u"county-reviewer"_s, &office));
    int named = 0;
    for (const sync::Record &r : CacheQuery(office.session->cache(), u"complaint"_s).records()) {
        if (r.fields.value(u"complainantName"_s).toString().isEmpty())
            continue;
        ++named;
        const std::optional<CachedRecord> seen = department.session->cache().record(r.id);
        QVERIFY(seen);
        QVERIFY(seen->record.fields.value(u"complainantName"_s).toString().isEmpty());
        QVERIFY(seen->record.fields.value(u"complainantPhone"_s).toString().isEmpty());
        QCOMPARE(seen->record.fields.value(u"subject"_s), r.fields.value(u"subject"_s));
    }
    QVERIFY(named >= 3);
}

void TestPortalTab::reviewerPublishes()
{
    test::AppProgram p;
    QVERIFY(open(u"city-reviewer"_s, &p));
    PublicationsView view(*p.session, sync::RecordTypes::get<portal::AnnouncementType>());
    RecordTableModel &model = view.list()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.totalCount(), 3); // two published, one draft
    QString draft;
    for (const sync::Record &r : CacheQuery(p.session->cache(), u"announcement"_s).records()) {
        if (!r.fields.contains(u"publishedOn"_s))
            draft = r.id;
    }
    QVERIFY(!draft.isEmpty());
    QTableView *table = view.list()->view();
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        table->setCurrentIndex(table->model()->index(r, 0));
        if (view.list()->currentRecordId() == draft)
            break;
    }
    QPushButton *publish = button(view.list(), u"publish"_s);
    QVERIFY(publish && publish->isVisibleTo(&view));
    publish->click();
    QVERIFY(sync(p));
    const QJsonObject f = test::serverRecords(m_server->store(), u"/320600000000/"_s).value(draft).fields;
    QCOMPARE(f.value(u"state"_s).toString(), u"published"_s);
    test::HttpsClient http(*m_server);
    const test::HttpResult portal = http.get(u"/api/v1/public/announcements"_s);
    QCOMPARE(portal.status, 200);
    QVERIFY(QString::fromUtf8(portal.body).contains(f.value(u"title"_s).toString()));

    // A department clerk neither publishes announcements nor adds them.
    test::AppProgram clerk;
    QVERIFY(open(u"county-clerk"_s, &clerk));
    PublicationsView other(*clerk.session, sync::RecordTypes::get<portal::AnnouncementType>());
    QVERIFY(!button(other.list(), u"publish"_s));
    for (QPushButton *b : other.list()->findChildren<QPushButton *>())
        QVERIFY(!b->isVisibleTo(&other) || !b->text().contains(u"New"_s));
}

QTEST_MAIN(TestPortalTab)
#include "tst_portal_tab.moc"
