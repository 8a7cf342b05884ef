// The 涉农资金 tab over a cache synced from the real server, with allocations and disbursements pushed by the
// clerks of two counties' agriculture departments: the tables show fund lines by name and places as county ·
// town · village, the deadline column agrees with FundTypes' deadlineState for every record, the deadline
// filter (done in SQL) finds exactly the records in each state, the clerk's form offers only his department's
// fund lines, leaders get no New, and the yearly summary per fund line and county (or town) agrees with sums
// computed here from the server's records; it exports to .xlsx.
#include "tests/support/AppProgram.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/funds/FundCatalogView.h"
#include "app/funds/FundRecordViews.h"
#include "app/funds/FundSummaryView.h"
#include "app/funds/FundsTab.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/sync/ClientSession.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "common/io/XlsxReader.h"
#include "server/demo/DemoData.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>
#include <tuple>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kTongzhou = u"320612000000"_s; // 通州区
const QString kRudong = u"320623000000"_s;   // 如东县
const QString kRudongClerk = u"rudong-agri-clerk"_s;
const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);
const QString kAllocation = QString::fromUtf16(funds::AllocationType::kName);

// A moment in China (UTC+8) as UTC milliseconds.
qint64 chinaMs(QDate date, QTime time = QTime(10, 0))
{
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - 8LL * 3600 * 1000;
}

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// Relief lines of the civil affairs bureau: their central and provincial money is reported to the city
// (Art. 6 (一)).
QList<funds::FundLine> civilReliefLines()
{
    QList<funds::FundLine> out;
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &l : lines) {
        if (l.leadDepartment == u"civil-affairs"_s && funds::isReliefFund(l.kind))
            out.append(l);
    }
    return out;
}

// Agriculture lines not paid to persons (no 身份证号 needed).
QList<funds::FundLine> agricultureLines()
{
    QList<funds::FundLine> out;
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &l : lines) {
        if (l.leadDepartment == u"agriculture"_s && l.recipient != funds::Recipient::Person &&
            l.cycle != funds::PaymentCycle::Quarterly)
            out.append(l);
    }
    return out;
}

void fetchAll(RecordTableModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

} // namespace

class TestFundsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clerkTables();
    void deadlinesAndFilter();
    void clerkFormOffersOwnLines();
    void leaderReadsOnly();
    void catalog();
    void summaryPerCounty();
    void summaryPerTown();

private:
    bool open(const QString &username, test::AppProgram *program);
    void push(const QString &username, const QList<QJsonObject> &ops);
    QJsonObject upsert(const QString &type, const QString &orgUnitId, const QString &departmentId,
                       const QJsonObject &fields);
    QDate today() const { return chinaDateOf(m_server->clock().nowMs()); }
    // The county (or, with `level` 2, the town) of an org unit, from the server's org paths.
    QString ancestor(const QString &orgUnitId, int depth);
    void screenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
    std::unique_ptr<test::HttpsClient> m_http;
};

void TestFundsTab::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_http = std::make_unique<test::HttpsClient>(*m_server);
    test::addUser(*m_server, kRudongClerk, Role::Clerk, kRudong, kRudong + u"-agriculture"_s);
    const QList<funds::FundLine> lines = agricultureLines();
    QVERIFY(lines.size() >= 3);

    // A payment of the last year, entered in that year.
    m_server->clock().setNowMs(chinaMs(QDate(2025, 12, 12)));
    const QString tzAgri = kTongzhou + u"-agriculture"_s;
    const QString village0 = DemoData::villageId(DemoData::townId(u"320612"_s, 0), 0);
    push(u"county-clerk"_s, {upsert(kDisbursement, village0, tzAgri,
                                    {{u"fundCode"_s, lines.at(0).code},
                                     {u"recipientKind"_s, funds::recipientName(lines.at(0).recipient)},
                                     {u"recipientName"_s, u"去年的项目"_s},
                                     {u"amountFen"_s, 990000},
                                     {u"period"_s, u"2025-12"_s},
                                     {u"paidOn"_s, u"2025-12-10"_s}})});

    // 2026-11-20 (a Friday) 10:00 in China: payments of the last weeks in every deadline state.
    m_server->clock().setNowMs(chinaMs(QDate(2026, 11, 20)));
    const QList<QDate> paid = {QDate(2026, 11, 20), QDate(2026, 11, 19), QDate(2026, 11, 17),
                               QDate(2026, 11, 16), QDate(2026, 11, 13), QDate(2026, 11, 12),
                               QDate(2026, 11, 5),  QDate(2026, 10, 20)};
    QList<QJsonObject> tz;
    int n = 0;
    for (int town = 0; town < 3; ++town) {
        for (int v = 0; v < 3; ++v) {
            for (const QDate &d : paid) {
                const funds::FundLine &line = lines.at(n % 3);
                const QString place =
                    (n % 11 == 0) ? kTongzhou : DemoData::villageId(DemoData::townId(u"320612"_s, town), v);
                tz.append(upsert(kDisbursement, place, tzAgri,
                                 {{u"fundCode"_s, line.code},
                                  {u"recipientKind"_s, funds::recipientName(line.recipient)},
                                  {u"recipientName"_s, u"收款单位%1"_s.arg(n)},
                                  {u"amountFen"_s, 100000 + n * 12345},
                                  {u"period"_s, d.toString(u"yyyy-MM"_s)},
                                  {u"paidOn"_s, iso(d)}}));
                ++n;
            }
        }
    }
    // Allocations: due soon, overdue, on time, reported late, and city money with no report.
    const auto allocation = [&](const funds::FundLine &line, const QString &level, QDate received,
                                QDate reported, qint64 fen, int year) {
        QJsonObject f{{u"fundCode"_s, line.code},
                      {u"sourceLevel"_s, level},
                      {u"year"_s, year},
                      {u"amountFen"_s, fen},
                      {u"documentNo"_s, u"通财农〔2026〕%1号"_s.arg(fen % 97)},
                      {u"receivedOn"_s, iso(received)},
                      {u"account"_s, u"agriculture"_s}};
        if (reported.isValid())
            f.insert(u"reportedOn"_s, iso(reported));
        return f;
    };
    // Relief money of the civil affairs bureau is reported to the city: due soon, overdue, on time, late.
    const QList<funds::FundLine> civil = civilReliefLines();
    QVERIFY(civil.size() >= 2);
    const QString tzCivil = kTongzhou + u"-civil-affairs"_s;
    const QString civilClerk = u"tz-civil-funds"_s;
    test::addUser(*m_server, civilClerk, Role::Clerk, kTongzhou, tzCivil);
    const auto reliefAllocation = [&](const funds::FundLine &line, const QString &level, QDate received,
                                      QDate reported, qint64 fen) {
        QJsonObject f = allocation(line, level, received, reported, fen, 2026);
        f.insert(u"account"_s, u"social-security"_s);
        return upsert(kAllocation, kTongzhou, tzCivil, f);
    };
    push(civilClerk,
         {reliefAllocation(civil.at(0), u"central"_s, QDate(2026, 11, 16), {}, 50000000),
          reliefAllocation(civil.at(1), u"central"_s, QDate(2026, 11, 2), {}, 12000000),
          reliefAllocation(civil.at(1), u"provincial"_s, QDate(2026, 11, 20), {}, 3300000),
          reliefAllocation(civil.at(0), u"central"_s, QDate(2026, 10, 9), QDate(2026, 10, 30), 7700000)});
    // Agricultural money: no report; city and county money: none either.
    tz.append(upsert(kAllocation, kTongzhou, tzAgri,
                     allocation(lines.at(1), u"central"_s, QDate(2026, 11, 2), {}, 12000001, 2026)));
    tz.append(upsert(kAllocation, kTongzhou, tzAgri,
                     allocation(lines.at(0), u"city"_s, QDate(2026, 11, 10), {}, 450000, 2026)));
    tz.append(upsert(kAllocation, kTongzhou, tzAgri,
                     allocation(lines.at(0), u"county"_s, QDate(2025, 12, 1), {}, 880000, 2025)));
    push(u"county-clerk"_s, tz);

    QList<QJsonObject> rd;
    const QString rdAgri = kRudong + u"-agriculture"_s;
    for (int i = 0; i < 6; ++i) {
        const funds::FundLine &line = lines.at(i % 2);
        const QDate d = QDate(2026, 11, 9).addDays(i);
        rd.append(upsert(kDisbursement, DemoData::villageId(DemoData::townId(u"320623"_s, i % 2), i), rdAgri,
                         {{u"fundCode"_s, line.code},
                          {u"recipientKind"_s, funds::recipientName(line.recipient)},
                          {u"recipientName"_s, u"如东收款%1"_s.arg(i)},
                          {u"amountFen"_s, 250000 + i * 1000},
                          {u"period"_s, d.toString(u"yyyy-MM"_s)},
                          {u"paidOn"_s, iso(d)}}));
    }
    rd.append(upsert(kAllocation, kRudong, rdAgri,
                     allocation(lines.at(0), u"central"_s, QDate(2026, 11, 18), {}, 21000000, 2026)));
    push(kRudongClerk, rd);
}

QJsonObject TestFundsTab::upsert(const QString &type, const QString &orgUnitId, const QString &departmentId,
                                 const QJsonObject &fields)
{
    return {{u"opId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"recordId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"type"_s, type},
            {u"orgUnitId"_s, orgUnitId},
            {u"departmentId"_s, departmentId},
            {u"kind"_s, u"upsert"_s},
            {u"baseVersion"_s, 0},
            {u"changedFields"_s, fields},
            {u"deviceTime"_s, m_server->clock().nowMs()}};
}

void TestFundsTab::push(const QString &username, const QList<QJsonObject> &ops)
{
    const QString token = m_http->login(username, kPassword);
    QVERIFY2(!token.isEmpty(), qPrintable(username));
    QJsonArray operations;
    for (const QJsonObject &op : ops)
        operations.append(op);
    const test::HttpResult r =
        m_http->post(u"/api/v1/sync/push"_s,
                     {{u"deviceNow"_s, m_server->clock().nowMs()}, {u"operations"_s, operations}}, token);
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonArray results = r.json.value(u"results"_s).toArray();
    QCOMPARE(results.size(), operations.size());
    for (const QJsonValue &v : results)
        QVERIFY2(v.toObject().value(u"status"_s).toString() == u"applied"_s,
                 QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).constData());
}

bool TestFundsTab::open(const QString &username, test::AppProgram *program)
{
    return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
}

QString TestFundsTab::ancestor(const QString &orgUnitId, int depth)
{
    const QStringList ids = test::orgPathOf(m_server->store(), orgUnitId).split(u'/', Qt::SkipEmptyParts);
    return depth < ids.size() ? ids.at(depth) : QString();
}

void TestFundsTab::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SUNSHINE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget->resize(1500, 720);
    widget->show();
    QTest::qWait(400);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

void TestFundsTab::clerkTables()
{
    test::AppProgram p;
    QVERIFY(open(u"county-clerk"_s, &p));
    FundsTab tab(*p.session);
    QCOMPARE(tab.views()->count(), 9); // … standards and comparison lists
    RecordListView *list = tab.disbursements()->list();
    RecordTableModel &model = list->model();
    // Exactly the county's payments, of every year.
    const qint64 expected = test::scalar(
        m_server->store(),
        u"SELECT COUNT(*) FROM records WHERE type = 'disbursement' AND deleted = 0 AND org_path LIKE ?"_s,
        QVariantList{QString(p.client->scopePath() + u'%')});
    QCOMPARE(expected, 73);
    QCOMPARE(model.totalCount(), expected);

    // The columns: the fund line by name, the place as county · town · village, money in yuan, the dates, and
    // the deadline last.
    QAbstractItemModel *shown = list->view()->model();
    QStringList headers;
    for (int c = 0; c < shown->columnCount(); ++c)
        headers.append(shown->headerData(c, Qt::Horizontal).toString());
    QCOMPARE(headers.first(), u"资金项目"_s);
    for (const QString &h : {u"Place"_s, u"发放对象"_s, u"Amount (yuan)"_s, u"所属期"_s, u"发放日期"_s,
                             u"录入日期"_s, u"录入期限"_s, u"Deadline"_s})
        QVERIFY2(headers.contains(h), qPrintable(headers.join(u", "_s)));
    QCOMPARE(headers.last(), u"Deadline"_s);

    fetchAll(model);
    const QHash<QString, test::ServerRow> rows =
        test::serverRecords(m_server->store(), p.client->scopePath());
    const int fund = model.columnOf(u"fundCode"_s), place = model.columnOf(u"@orgUnit"_s),
              amount = model.columnOf(u"amountFen"_s);
    for (int r = 0; r < model.rowCount(); ++r) {
        const test::ServerRow row = rows.value(model.recordIdAt(r));
        const QString code = row.fields.value(u"fundCode"_s).toString();
        QCOMPARE(model.index(r, fund).data().toString(), funds::findFundLine(code)->name);
        const QString where = model.index(r, place).data().toString();
        QVERIFY2(where.startsWith(u"通州区"_s), qPrintable(where));
        if (row.orgUnitId != kTongzhou)
            QCOMPARE(where.count(u" · "_s), 2); // county · town · village
        QCOMPARE(model.index(r, amount).data().toString(),
                 money::formatYuan(qint64(row.fields.value(u"amountFen"_s).toDouble())));
    }

    // The search finds a fund line by its name.
    const funds::FundLine line = agricultureLines().at(1);
    qint64 ofLine = 0;
    for (const test::ServerRow &row : rows)
        ofLine += row.type == kDisbursement && row.fields.value(u"fundCode"_s).toString() == line.code;
    QVERIFY(ofLine > 0);
    model.setSearch(line.name);
    QCOMPARE(model.totalCount(), ofLine);
    model.setSearch({});

    // The clerk enters data.
    const QList<QPushButton *> buttons = list->findChildren<QPushButton *>();
    QVERIFY(std::any_of(buttons.begin(), buttons.end(),
                        [](QPushButton *b) { return b->text().contains(u"New"_s); }));
    // ... and imports payment lists.
    QVERIFY(tab.disbursements()->findChild<QPushButton *>(u"importDisbursements"_s));

    tab.views()->setCurrentWidget(tab.disbursements());
    screenshot(&tab, u"funds-disbursements.png"_s);
    tab.views()->setCurrentWidget(tab.allocations());
    screenshot(&tab, u"funds-allocations.png"_s);
}

void TestFundsTab::deadlinesAndFilter()
{
    test::AppProgram p;
    QVERIFY(open(u"county-clerk"_s, &p));
    FundsTab tab(*p.session);
    const QHash<QString, test::ServerRow> rows =
        test::serverRecords(m_server->store(), p.client->scopePath());
    const WorkingCalendar &calendar = WorkingCalendar::builtIn();
    using State = funds::DeadlineState (*)(const QJsonObject &, QDate, const WorkingCalendar &);
    const QList<std::tuple<FundRecordsView *, QString, State>> tables = {
        {tab.disbursements(), kDisbursement, &funds::DisbursementType::deadlineState},
        {tab.allocations(), kAllocation, &funds::AllocationType::deadlineState}};
    for (const auto &[view, type, state] : tables) {
        DeadlineColumnProxy *proxy = view->deadlines();
        QAbstractItemModelTester tester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RecordTableModel &model = view->list()->model();
        fetchAll(model);

        // Every record's state as the rules judge it, from the server's copy.
        QHash<QString, funds::DeadlineState> expected;
        QHash<int, qint64> perState;
        for (const test::ServerRow &row : rows) {
            if (row.type != type)
                continue;
            const funds::DeadlineState s = state(row.fields, today(), calendar);
            expected.insert(row.id, s);
            ++perState[int(s.status)];
        }
        QCOMPARE(model.rowCount(), int(expected.size()));
        for (funds::EntryStatus s : {funds::EntryStatus::OnTime, funds::EntryStatus::DueSoon,
                                     funds::EntryStatus::Overdue, funds::EntryStatus::EnteredLate})
            QVERIFY2(perState.value(int(s)) > 0,
                     qPrintable(type + u": no record "_s + funds::entryStatusName(s)));

        const int column = proxy->computedColumn();
        for (int r = 0; r < proxy->rowCount(); ++r) {
            const QString id = model.recordIdAt(r);
            const funds::DeadlineState want = expected.value(id);
            const QModelIndex cell = proxy->index(r, column);
            const QString text = cell.data().toString();
            QVERIFY2(text.startsWith(funds::entryStatusChinese(want.status)), qPrintable(text));
            if (want.due.isValid())
                QVERIFY2(text.contains(iso(want.due)) && text.contains(want.what), qPrintable(text));
            const QVariant background = cell.data(Qt::BackgroundRole);
            QCOMPARE(background.isValid(), want.status != funds::EntryStatus::OnTime);
            if (want.status == funds::EntryStatus::Overdue) {
                const QColor c = background.value<QBrush>().color();
                QVERIFY(c.red() > c.green() && c.red() > c.blue()); // red
            }
            if (want.status == funds::EntryStatus::DueSoon) {
                const QColor c = background.value<QBrush>().color();
                QVERIFY(c.red() > c.blue() && c.green() > c.blue()); // amber
            }
        }

        // The filter: exactly the records in the state, counted over all records by SQLite.
        for (funds::EntryStatus s : {funds::EntryStatus::OnTime, funds::EntryStatus::DueSoon,
                                     funds::EntryStatus::Overdue, funds::EntryStatus::EnteredLate}) {
            view->setStatusFilter(s);
            QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
            QCOMPARE(model.totalCount(), perState.value(int(s)));
            fetchAll(model);
            for (int r = 0; r < model.rowCount(); ++r)
                QCOMPARE(int(expected.value(model.recordIdAt(r)).status), int(s));
            QCOMPARE(view->statusFilter()->currentText(), funds::entryStatusChinese(s));
        }
        view->setStatusFilter(std::nullopt);
        QCOMPARE(model.totalCount(), qint64(expected.size()));
    }
}

void TestFundsTab::clerkFormOffersOwnLines()
{
    test::AppProgram p;
    QVERIFY(open(u"county-clerk"_s, &p));
    FundsTab tab(*p.session);
    sync::Placement place;
    place.orgUnitId = kTongzhou;
    place.departmentId = kTongzhou + u"-agriculture"_s;
    const sync::RecordType &type = *sync::RecordTypes::find(kDisbursement);
    RecordDialog dialog(*p.session, type, place);
    tab.disbursements()->prepareDialog(dialog, place);
    auto *combo = qobject_cast<QComboBox *>(dialog.form()->editor(u"fundCode"_s));
    QVERIFY(combo);
    int agriculture = 0;
    const QList<funds::FundLine> all = funds::allFundLines();
    for (const funds::FundLine &l : all)
        agriculture += l.leadDepartment == u"agriculture"_s;
    QCOMPARE(combo->count(), agriculture);
    for (int i = 0; i < combo->count(); ++i) {
        const std::optional<funds::FundLine> line = funds::findFundLine(combo->itemData(i).toString());
        QVERIFY(line);
        QCOMPARE(line->leadDepartment, u"agriculture"_s);
        QCOMPARE(combo->itemText(i), line->name);
    }
    // The chosen line's code is what the form writes.
    combo->setCurrentIndex(2);
    QCOMPARE(dialog.form()->values().value(u"fundCode"_s).toString(), combo->itemData(2).toString());
}

void TestFundsTab::leaderReadsOnly()
{
    test::AppProgram p;
    QVERIFY(open(u"city-leader"_s, &p));
    FundsTab tab(*p.session);
    // The whole city: both counties' payments.
    QCOMPARE(tab.disbursements()->list()->model().totalCount(),
             test::scalar(m_server->store(),
                          u"SELECT COUNT(*) FROM records WHERE type = 'disbursement' AND deleted = 0"_s));
    const QList<QPushButton *> buttons = tab.findChildren<QPushButton *>();
    QVERIFY(std::none_of(buttons.begin(), buttons.end(), [](QPushButton *b) {
        return b->text().contains(u"New"_s) || b->text().contains(u"Edit"_s);
    }));
    QVERIFY(!tab.findChild<QPushButton *>(u"importDisbursements"_s));
}

void TestFundsTab::catalog()
{
    test::AppProgram p;
    QVERIFY(open(u"county-clerk"_s, &p));
    FundCatalogView view(*p.session);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(view.proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<funds::FundLine> lines = funds::allFundLines();
    QCOMPARE(view.proxy()->rowCount(), int(lines.size()));
    for (int r = 0; r < lines.size(); ++r) {
        const funds::FundLine &l = lines.at(r);
        QCOMPARE(view.model()->index(r, FundCatalogModel::Article).data().toString(), l.article);
        QCOMPARE(view.model()->index(r, FundCatalogModel::Name).data().toString(), l.name);
        QCOMPARE(view.model()->index(r, FundCatalogModel::Kind).data().toString(),
                 funds::fundKindChineseName(l.kind));
        QCOMPARE(view.model()->index(r, FundCatalogModel::Cycle).data().toString(),
                 funds::paymentCycleChineseName(l.cycle));
        QCOMPARE(view.model()->index(r, FundCatalogModel::Recipient).data().toString(),
                 funds::recipientChineseName(l.recipient));
        // The lead department by name, without the place.
        if (l.leadDepartment == u"agriculture"_s)
            QCOMPARE(view.model()->index(r, FundCatalogModel::LeadDepartment).data().toString(),
                     u"农业农村局"_s);
    }
    view.setSearch(u"助学"_s);
    QVERIFY(view.proxy()->rowCount() > 0 && view.proxy()->rowCount() < lines.size());
    for (int r = 0; r < view.proxy()->rowCount(); ++r) {
        bool found = false;
        for (int c = 0; c < view.proxy()->columnCount(); ++c)
            found = found || view.proxy()->index(r, c).data().toString().contains(u"助学"_s);
        QVERIFY(found);
    }
    view.setSearch(u"农业农村局"_s); // by the department's name
    int agriculture = 0;
    for (const funds::FundLine &l : lines)
        agriculture += l.leadDepartment == u"agriculture"_s;
    QCOMPARE(view.proxy()->rowCount(), agriculture);
    view.setSearch({});
    screenshot(&view, u"funds-catalog.png"_s);
}

void TestFundsTab::summaryPerCounty()
{
    test::AppProgram p;
    QVERIFY(open(u"city-leader"_s, &p));
    FundsTab tab(*p.session);
    FundSummaryView *view = tab.summary();
    FundSummaryModel *model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    view->refresh();
    QCOMPARE(model->year(), 2026);

    // Sums computed here: per fund line and county, from the server's records.
    const QHash<QString, test::ServerRow> rows = test::serverRecords(m_server->store());
    const auto expectedSums = [&](bool disbursed, int year) {
        QHash<QString, QHash<QString, qint64>> sums; // line -> county -> fen
        for (const test::ServerRow &row : rows) {
            if (row.deleted || row.type != (disbursed ? kDisbursement : kAllocation))
                continue;
            const int y =
                disbursed ? QDate::fromString(row.fields.value(u"paidOn"_s).toString(), Qt::ISODate).year()
                          : row.fields.value(u"year"_s).toInt();
            if (y != year)
                continue;
            sums[row.fields.value(u"fundCode"_s).toString()][ancestor(row.orgUnitId, 1)] +=
                qint64(row.fields.value(u"amountFen"_s).toDouble());
        }
        return sums;
    };
    for (const bool disbursed : {true, false}) {
        view->measureChooser()->setCurrentIndex(disbursed ? 0 : 1);
        QCOMPARE(model->measure(),
                 disbursed ? FundSummaryModel::Measure::Disbursed : FundSummaryModel::Measure::Allocated);
        const QHash<QString, QHash<QString, qint64>> sums = expectedSums(disbursed, 2026);
        const QStringList codes = model->lineCodes();
        QCOMPARE(QSet<QString>(codes.begin(), codes.end()), QSet<QString>(sums.keyBegin(), sums.keyEnd()));
        // Every county of the city is a column; the money sits in 通州 and 如东 only.
        QCOMPARE(model->areaIds().size(), p.session->orgUnitsAt(OrgLevel::County).size());
        QVERIFY(model->areaIds().contains(kTongzhou) && model->areaIds().contains(kRudong));
        qint64 total = 0;
        for (int r = 0; r < model->totalRow(); ++r) {
            const QString code = model->lineCodes().at(r);
            qint64 lineTotal = 0;
            QCOMPARE(model->index(r, 0).data().toString(), funds::findFundLine(code)->name);
            for (int c = model->firstAreaColumn(); c < model->totalColumn(); ++c) {
                const QString area = model->areaIds().at(c - model->firstAreaColumn());
                const qint64 want = sums.value(code).value(area);
                QCOMPARE(model->index(r, c).data(FundSummaryModel::FenRole).toLongLong(), want);
                QCOMPARE(model->index(r, c).data().toString(), want ? money::formatYuan(want) : QString());
                lineTotal += want;
            }
            QCOMPARE(model->index(r, model->totalColumn()).data(FundSummaryModel::FenRole).toLongLong(),
                     lineTotal);
            total += lineTotal;
        }
        QVERIFY(total > 0);
        QCOMPARE(model->index(model->totalRow(), model->totalColumn())
                     .data(FundSummaryModel::FenRole)
                     .toLongLong(),
                 total);
        QCOMPARE(model->fen({}, u"*"_s), total);
    }

    // The last year holds only what was paid or allocated for it.
    view->yearChooser()->setCurrentIndex(view->yearChooser()->findData(2025));
    QCOMPARE(model->fen({}, u"*"_s), 880000);
    view->measureChooser()->setCurrentIndex(0);
    QCOMPARE(model->fen({}, u"*"_s), 990000);
    view->yearChooser()->setCurrentIndex(view->yearChooser()->findData(2026));

    // In 万元 with thousands separators, two decimals, rounded.
    view->unitChooser()->setCurrentIndex(1);
    QCOMPARE(model->unit(), FundSummaryModel::Unit::TenThousandYuan);
    const qint64 total = model->fen({}, u"*"_s);
    QCOMPARE(model->index(model->totalRow(), model->totalColumn()).data().toString(),
             money::formatYuan((total + 5000) / 10000));
    QCOMPARE(model->formatted(123456789012), u"123,456.79"_s); // 1,234,567,890.12 yuan
    QCOMPARE(model->formatted(4999), u"0.00"_s);               // 49.99 yuan
    QCOMPARE(model->formatted(5000), u"0.01"_s);

    // Exported as numbers in the unit shown.
    const QString path = m_dir.filePath(u"summary.xlsx"_s);
    QString error;
    QVERIFY2(view->exportTo(path, &error), qPrintable(error));
    const io::TableData table = io::readXlsx(path);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), model->rowCount() + 1);
    QCOMPARE(table.rows.first().size(), model->columnCount());
    QCOMPARE(table.rows.last().first(), u"Total"_s);
    QCOMPARE(qRound64(table.rows.last().last().toDouble() * 100), (total + 5000) / 10000);

    screenshot(view, u"funds-summary.png"_s);
}

void TestFundsTab::summaryPerTown()
{
    test::AppProgram p;
    QVERIFY(open(u"county-leader"_s, &p));
    FundSummaryView view(*p.session);
    FundSummaryModel *model = view.model();
    view.refresh();
    // A county's user sees the county's towns, and the county's own level (its departments' records there).
    QCOMPARE(model->areaIds().size(), p.session->orgUnitsAt(OrgLevel::Town).size() + 1);
    QVERIFY(model->areaIds().last().isEmpty());
    const QHash<QString, test::ServerRow> rows =
        test::serverRecords(m_server->store(), p.client->scopePath());
    QHash<QString, qint64> perTown;
    for (const test::ServerRow &row : rows) {
        if (row.type == kDisbursement && row.fields.value(u"paidOn"_s).toString().startsWith(u"2026"_s))
            perTown[ancestor(row.orgUnitId, 2)] += qint64(row.fields.value(u"amountFen"_s).toDouble());
    }
    QVERIFY(perTown.size() >= 3);
    for (auto it = perTown.constBegin(); it != perTown.constEnd(); ++it)
        QCOMPARE(model->fen({}, it.key()), it.value()); // "" (the county itself) included
}

QTEST_MAIN(TestFundsTab)
#include "tst_funds_tab.moc"
