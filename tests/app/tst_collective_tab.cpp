// The 集体三资 tab as a town's clerk and a county's leader see it, over a cache synced from the real server
// and then given a village's books as the server would have sent them (and one entry not sent yet): every
// sub-view lists its records, an asset's net value follows its straight-line depreciation, an entry's balance
// shows once the server has computed it, the rent calendar marks an instalment unpaid after its due day as in
// arrears, the disclosure generated for an ended quarter adds the quarter's income entries up and prints as a
// PDF, and the overview and the 首页 panel add each village's books up (as worked out by hand below) and
// drill down a level.
#include "tests/support/AppProgram.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/collective/CollectiveDashboardPanel.h"
#include "app/collective/CollectiveOverviewView.h"
#include "app/collective/CollectiveQueries.h"
#include "app/collective/CollectiveTab.h"
#include "app/collective/DisclosureView.h"
#include "app/collective/RentCalendarView.h"
#include "app/dashboard/DashboardTab.h"
#include "app/records/RecordListView.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"
#include "common/core/Money.h"
#include "common/io/XlsxReader.h"
#include "server/demo/DemoData.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;
using collectivequery::RentState;

namespace {

// 10:00 on 20 April 2026 in China: the first quarter has ended, the second instalment of the lease is 19 days
// late.
const qint64 kNow = QDateTime(QDate(2026, 4, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch();
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kVillage2 = DemoData::villageId(kTown, 1);

QString testId(int n)
{
    return u"3f1c0a52-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

const QString kCashBook = testId(1);
const QString kBankBook = testId(2);
const QString kOtherBook = testId(3);
const QString kAsset = testId(4);
const QString kOtherAsset = testId(5);
const QString kResource = testId(6);
const QString kContract = testId(7);
const QString kOtherContract = testId(8);
const QString kReversal = testId(17);
const QString kPendingEntry = testId(20);

struct EntrySpec
{
    QString id;
    QString village;
    QString book;
    QString on;
    bool income = true;
    Fen amount = 0;
    QString entryClass;
    bool synced = true;
};

// In date order per journal, as journals are kept.
const QList<EntrySpec> &entrySpecs()
{
    static const QList<EntrySpec> specs{
        {testId(10), kVillage, kBankBook, u"2025-12-20"_s, true, 500'000, u"other-income"_s, true},
        {testId(11), kVillage, kBankBook, u"2026-01-05"_s, true, 1'200'000, u"operating-income"_s, true},
        {testId(12), kVillage, kBankBook, u"2026-02-10"_s, true, 800'000, u"contracting-income"_s, true},
        {testId(13), kVillage, kCashBook, u"2026-02-20"_s, false, 300'000, u"management"_s, true},
        {testId(14), kVillage, kCashBook, u"2026-03-01"_s, true, 200'000, u"transfer"_s, true},
        {testId(15), kVillage, kBankBook, u"2026-03-15"_s, true, 6'000'000, u"subsidy-income"_s, true},
        {testId(16), kVillage2, kOtherBook, u"2026-01-10"_s, true, 999'900, u"operating-income"_s, true},
        // 红字冲销 of the contracting income of February (kReversal): out of that class, not spending.
        {kReversal, kVillage, kBankBook, u"2026-04-10"_s, false, 800'000, u"contracting-income"_s, true},
        {kPendingEntry, kVillage, kCashBook, u"2026-03-20"_s, true, 50'000, u"other-income"_s, false},
    };
    return specs;
}

// The income of the village's first quarter as the disclosure counts it: by the class's side (a transfer
// between the village's own accounts is neither income nor spending).
Fen expectedIncome()
{
    Fen total = 0;
    for (const EntrySpec &e : entrySpecs()) {
        if (e.village == kVillage && e.on >= u"2026-01-01"_s && e.on <= u"2026-03-31"_s &&
            collective::LedgerEntryType::classSide(e.entryClass) == u"income"_s)
            total += e.income ? e.amount : -e.amount;
    }
    return total;
}

QJsonObject entryFields(const EntrySpec &e, int n)
{
    QJsonObject fields{{u"bookId"_s, e.book},
                       {u"on"_s, e.on},
                       {u"voucherNo"_s, u"记-%1"_s.arg(n)},
                       {u"summary"_s, u"测试分录 %1"_s.arg(n)},
                       {u"direction"_s, e.income ? u"debit"_s : u"credit"_s},
                       {u"amount"_s, e.amount},
                       {u"entryClass"_s, e.entryClass}};
    if (e.id == kReversal)
        fields.insert(u"reverses"_s, testId(12));
    return fields;
}

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

sync::Record serverRecord(const char16_t *type, const QString &id, const QString &unit,
                          const QJsonObject &fields)
{
    sync::Record r;
    r.id = id;
    r.type = QString::fromUtf16(type);
    r.orgUnitId = unit;
    r.version = 1;
    r.updatedAtMs = kNow;
    r.updatedBy = u"tst"_s;
    r.fields = fields;
    return r;
}

} // namespace

class TestCollectiveTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void subViewsListTheRecords();
    void netValueOfAnAsset();
    void balanceOnceSynced();
    void rentCalendarMarksArrears();
    void disclosureFromTheBooks();
    void disclosureAsPdf();
    void leaderOnlyReads();
    void overviewOfTheTown();
    void overviewDrillsDown();
    void overviewExport();
    void panelShowsTheFigures();
    void panelOnTheHomeBoard();

private:
    RecordListView *list(QWidget *in, const QString &name) { return in->findChild<RecordListView *>(name); }
    // The county's leader, whose cache has the books as the server sent them (not the entry still on the
    // clerk's computer).
    bool openLeader(test::AppProgram &leader, const QString &file)
    {
        if (!leader.open(*m_server, u"county-leader"_s, m_dir.filePath(file)))
            return false;
        sync::PullPage page = m_books;
        page.cursor = leader.session->cache().cursor();
        QString error;
        return leader.session->cache().applyPull(page, &error);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
    test::AppProgram m_p;
    QHash<QString, Fen> m_balance; // entry id -> the balance the server computed after it
    sync::PullPage m_books;        // the records of the books the server sent
};

void TestCollectiveTab::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(kNow);
    QVERIFY(m_p.open(*m_server, u"town-clerk"_s, m_dir.filePath(u"town-clerk.sqlite"_s)));
    QVERIFY(m_p.session->user().orgLevel == OrgLevel::Town);
    QVERIFY(m_p.session->orgUnit(kVillage));
    QVERIFY(m_p.session->orgUnit(kVillage2));

    using namespace collective;
    sync::PullPage page;
    page.cursor = m_p.session->cache().cursor();
    // The journals, with what the server keeps on them after their synced entries.
    QHash<QString, Fen> balance{{kCashBook, 1'000'000}, {kBankBook, 5'000'000}, {kOtherBook, 2'000'000}};
    QHash<QString, QJsonObject> books{
        {kCashBook, {{u"kind"_s, u"cash"_s}, {u"name"_s, u"库存现金"_s}, {u"openingBalance"_s, 1'000'000}}},
        {kBankBook,
         {{u"kind"_s, u"bank"_s}, {u"name"_s, u"农商行基本户"_s}, {u"openingBalance"_s, 5'000'000}}},
        {kOtherBook,
         {{u"kind"_s, u"bank"_s}, {u"name"_s, u"信用社账户"_s}, {u"openingBalance"_s, 2'000'000}}}};
    const QList<EntrySpec> &entries = entrySpecs();
    for (int i = 0; i < entries.size(); ++i) {
        const EntrySpec &e = entries.at(i);
        if (!e.synced)
            continue;
        balance[e.book] = balanceAfter(balance.value(e.book),
                                       e.income ? EntryDirection::Debit : EntryDirection::Credit, e.amount);
        m_balance.insert(e.id, balance.value(e.book));
        QJsonObject &book = books[e.book];
        const qint64 seq = book.value(u"entries"_s).toInteger() + 1;
        book.insert(u"entries"_s, seq);
        book.insert(u"lastOn"_s, e.on);
        book.insert(u"balance"_s, balance.value(e.book));
        QJsonObject fields = entryFields(e, i + 1);
        fields.insert(u"balance"_s, balance.value(e.book));
        fields.insert(u"seq"_s, seq);
        page.records.append(serverRecord(LedgerEntryType::kName, e.id, e.village, fields));
    }
    for (auto it = books.begin(); it != books.end(); ++it) {
        it->insert(u"openingOn"_s, u"2025-01-01"_s);
        page.records.append(serverRecord(LedgerBookType::kName, it.key(),
                                         it.key() == kOtherBook ? kVillage2 : kVillage, it.value()));
    }
    const auto add = [&page](const char16_t *type, const QString &id, const QString &unit,
                             const QString &text) {
        page.records.append(serverRecord(type, id, unit, jsonOf(text)));
    };
    add(CashCloseType::kName, testId(30), kVillage,
        uR"({"bookId": "%1", "period": "month", "on": "2026-02-28",
        "counted": 700000, "countedBy": "王会计", "bookBalance": 700000, "difference": 0})"_s.arg(kCashBook));
    // A tractor of 100,000.00 yuan put into use on 15 June 2020, written off over ten years to 5 %.
    add(CollectiveAssetType::kName, kAsset, kVillage, uR"({"code": "JX-001", "name": "拖拉机",
        "category": "machinery", "quantity": 1, "originalValue": 10000000, "acquiredBy": "bought",
        "startOn": "2020-06-15", "usefulYears": 10, "status": "own-use"})"_s);
    add(CollectiveAssetType::kName, kOtherAsset, kVillage2, uR"({"code": "SC-001", "name": "晒场",
        "category": "public-facility", "quantity": 1, "originalValue": 2000000, "acquiredBy": "built",
        "startOn": "2018-03-01", "usefulYears": 0, "status": "own-use"})"_s);
    add(CollectiveResourceType::kName, kResource, kVillage,
        uR"({"name": "东片耕地", "kind": "land", "areaMu": 10, "state": "let"})"_s);
    QJsonObject lease = jsonOf(uR"({"contractNo": "HT-2025-001", "kind": "contracting-out",
        "counterpartyName": "张三家庭农场", "startOn": "2025-04-01", "endOn": "2028-03-31", "areaMu": 10,
        "pricePerMu": 100000, "yearlyIncreasePercent": 3, "state": "running"})"_s);
    lease.insert(u"resourceId"_s, kResource);
    lease.insert(u"value"_s, contractValue(CollectiveContractType::termsOf(lease)));
    page.records.append(serverRecord(CollectiveContractType::kName, kContract, kVillage, lease));
    add(CollectiveContractType::kName, kOtherContract, kVillage2, uR"({"contractNo": "HT-2026-002",
        "kind": "lease", "assetId": "%1", "counterpartyName": "李四", "startOn": "2026-05-01",
        "endOn": "2027-04-30", "yearlyRent": 500000, "state": "draft"})"_s.arg(kOtherAsset));
    // The lease's instalments: the first paid, the second unpaid since 1 April, the third not due yet.
    add(InstalmentType::kName, InstalmentType::recordIdFor(kContract, 1), kVillage,
        uR"({"contractId": "%1", "number": 1, "dueOn": "2025-04-01", "amountDue": 1000000,
        "received": 1000000, "receivedOn": "2025-04-02"})"_s.arg(kContract));
    add(InstalmentType::kName, InstalmentType::recordIdFor(kContract, 2), kVillage,
        uR"({"contractId": "%1", "number": 2, "dueOn": "2026-04-01", "amountDue": 1030000,
        "received": 0})"_s.arg(kContract));
    add(InstalmentType::kName, InstalmentType::recordIdFor(kContract, 3), kVillage,
        uR"({"contractId": "%1", "number": 3, "dueOn": "2027-04-01", "amountDue": 1060900,
        "received": 0})"_s.arg(kContract));
    add(RentReferenceType::kName, RentReferenceType::recordIdFor(kTown, u"land"_s, 2026), kTown,
        uR"({"kind": "land", "year": 2026, "pricePerMu": 90000})"_s);
    // Last quarter's disclosure, posted.
    add(DisclosureType::kName, DisclosureType::recordIdFor(kVillage, u"2025Q4"_s), kVillage,
        uR"({"quarter": "2025Q4", "report": "{\"quarter\": \"2025Q4\", \"incomeTotal\": 500000}",
        "checkedOn": "2026-01-08", "checkedBy": "赵组长", "postedOn": "2026-01-10", "postedAt": "村务公开栏",
        "state": "posted"})"_s);
    // The warnings raised on the books: one open at each village, one closed; and a card's, not the books'.
    const QString warning = uR"({"rule": "%1", "subjectType": "%2", "subjectId": "%3", "summary": "测试预警",
        "raisedOn": "2026-04-16", "state": "%4"})"_s;
    add(u"warning", testId(40), kVillage,
        warning.arg(u"RENT_OVERDUE"_s, QString::fromUtf16(InstalmentType::kName),
                    InstalmentType::recordIdFor(kContract, 2), u"new"_s));
    add(u"warning", testId(41), kVillage,
        warning.arg(u"CASH_OVER_LIMIT"_s, QString::fromUtf16(LedgerBookType::kName), kCashBook, u"closed"_s));
    add(u"warning", testId(42), kVillage,
        warning.arg(u"CARD_CASH_WITHDRAWAL"_s, u"card-transaction"_s, testId(43), u"assigned"_s));
    add(u"warning", testId(44), kVillage2,
        warning.arg(u"CONTRACT_NOT_TRADED"_s, QString::fromUtf16(CollectiveContractType::kName),
                    kOtherContract, u"verifying"_s));
    m_books = page;
    QVERIFY2(m_p.session->cache().applyPull(page, &error), qPrintable(error));

    // One entry made on this computer and not sent yet: no balance.
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).synced)
            continue;
        LocalCache::Change change;
        change.type = QString::fromUtf16(LedgerEntryType::kName);
        change.recordId = entries.at(i).id;
        change.orgUnitId = entries.at(i).village;
        change.changedFields = entryFields(entries.at(i), i + 1);
        QVERIFY2(!m_p.session->cache().save(change, kNow, &error).isEmpty(), qPrintable(error));
    }
}

void TestCollectiveTab::cleanupTestCase()
{
    m_p.session.reset();
    m_p.client.reset();
}

void TestCollectiveTab::subViewsListTheRecords()
{
    CollectiveTab tab(*m_p.session, m_p.client->api());
    // Journals, overview, cash closes, assets, resources, contracts, rent, the town's reference rents,
    // disclosure.
    QCOMPARE(tab.views()->count(), 9);
    const QList<QPair<QString, qint64>> expected{
        {u"ledgerBooks"_s, 3},         {u"ledgerEntries"_s, qint64(entrySpecs().size())},
        {u"cashCloses"_s, 1},          {u"collectiveAssets"_s, 2},
        {u"collectiveResources"_s, 1}, {u"collectiveContracts"_s, 2},
        {u"rentReferences"_s, 1},      {u"collectiveDisclosures"_s, 1}};
    for (const auto &[name, count] : expected) {
        RecordListView *view = list(&tab, name);
        QVERIFY2(view, qPrintable(name));
        QVERIFY2(view->model().totalCount() == count, qPrintable(name));
    }
    QVERIFY(tab.findChild<RentCalendarView *>());
    QVERIFY(tab.findChild<DisclosureView *>());
    QVERIFY(tab.findChild<CollectiveOverviewView *>());
    QVERIFY(tab.findChild<QPushButton *>(u"generateDisclosure"_s));
    QVERIFY(tab.findChild<QPushButton *>(u"recordRentPayment"_s));
}

void TestCollectiveTab::netValueOfAnAsset()
{
    CollectiveTab tab(*m_p.session, m_p.client->api());
    RecordListView *assets = list(&tab, u"collectiveAssets"_s);
    QVERIFY(assets);
    QAbstractItemModel *shown = assets->view()->model();
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int column = assets->model().columnCount(); // the computed column follows the record's
    QCOMPARE(shown->columnCount(), column + 1);
    const int row = assets->model().rowOf(kAsset);
    QVERIFY(row >= 0);
    const collective::Depreciation d =
        collective::CollectiveAssetType::depreciationOf(m_p.session->cache().record(kAsset)->record.fields);
    // 66 months of 95,000.00 / 120 by the end of 2025.
    QCOMPARE(collective::netValue(d, QDate(2025, 12, 31)), Fen(4'775'000));
    m_server->clock().setNowMs(QDateTime(QDate(2025, 12, 31), QTime(4, 0), Qt::UTC).toMSecsSinceEpoch());
    const QString atYearEnd = shown->index(row, column).data().toString();
    m_server->clock().setNowMs(kNow);
    QCOMPARE(atYearEnd, u"47,750.00"_s);
    // Today, one more month each month.
    QCOMPARE(shown->index(row, column).data().toString(),
             money::formatYuan(collective::netValue(d, m_server->clock().todayInChina())));
    QVERIFY(!shown->index(row, column).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestCollectiveTab::balanceOnceSynced()
{
    CollectiveTab tab(*m_p.session, m_p.client->api());
    RecordListView *books = list(&tab, u"ledgerBooks"_s);
    RecordListView *entries = list(&tab, u"ledgerEntries"_s);
    auto *only = tab.findChild<QCheckBox *>(u"onlyChosenBook"_s);
    QVERIFY(books && entries && only);
    QAbstractItemModel *shown = entries->view()->model();
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int column = entries->model().columnCount();
    for (const EntrySpec &e : entrySpecs()) {
        const int row = entries->model().rowOf(e.id);
        QVERIFY(row >= 0);
        const QModelIndex balance = shown->index(row, column);
        if (e.synced) {
            QCOMPARE(balance.data().toString(), money::formatYuan(m_balance.value(e.id)));
        } else {
            // The server computes it: blank, with the reason, until then.
            QVERIFY(balance.data().toString().isEmpty());
            QVERIFY(!balance.data(Qt::ToolTipRole).toString().isEmpty());
        }
    }
    // A journal chosen: its entries only (all of them again when the box is cleared).
    qint64 ofCash = 0;
    for (const EntrySpec &e : entrySpecs())
        ofCash += e.book == kCashBook ? 1 : 0;
    QTableView *table = books->view();
    table->setCurrentIndex(table->model()->index(books->model().rowOf(kCashBook), 0));
    QCOMPARE(books->currentRecordId(), kCashBook);
    QCOMPARE(entries->model().totalCount(), ofCash);
    only->setChecked(false);
    QCOMPARE(entries->model().totalCount(), qint64(entrySpecs().size()));
}

void TestCollectiveTab::rentCalendarMarksArrears()
{
    // The rule of the query: past the due day with less received is in arrears; on the day it is only due.
    const QDate due(2026, 4, 1);
    QVERIFY(collectivequery::rentStateOf(due, 1'030'000, 0, QDate(2026, 4, 20)) == RentState::Arrears);
    QVERIFY(collectivequery::rentStateOf(due, 1'030'000, 1'000'000, QDate(2026, 4, 2)) == RentState::Arrears);
    QVERIFY(collectivequery::rentStateOf(due, 1'030'000, 0, due) == RentState::Due);
    QVERIFY(collectivequery::rentStateOf(due, 1'030'000, 1'030'000, QDate(2026, 5, 1)) == RentState::Paid);

    RentCalendarView view(*m_p.session);
    RentCalendarModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 3);
    const QList<QPair<int, RentState>> expected{
        {1, RentState::Paid}, {2, RentState::Arrears}, {3, RentState::Due}};
    for (const auto &[number, state] : expected) {
        const int row = model->rowOf(collective::InstalmentType::recordIdFor(kContract, number));
        QVERIFY(row >= 0);
        QVERIFY(model->rowAt(row).state == state);
        QCOMPARE(model->rowAt(row).contractNo, u"HT-2025-001"_s);
        QCOMPARE(model->index(row, RentCalendarModel::StateColumn).data().toString(),
                 RentCalendarModel::stateName(state));
        const QVariant colour = model->index(row, RentCalendarModel::DueOnColumn).data(Qt::ForegroundRole);
        if (state == RentState::Arrears)
            QVERIFY(colour.value<QBrush>().color() == RentCalendarModel::arrearsColor());
        else
            QVERIFY(!colour.isValid());
    }
    model->setState(RentState::Arrears);
    QCOMPARE(model->rowCount(), 1);
    model->setState(std::nullopt);
    model->setVillage(kVillage2);
    QCOMPARE(model->rowCount(), 0);
}

void TestCollectiveTab::disclosureFromTheBooks()
{
    CollectiveTab tab(*m_p.session, m_p.client->api());
    auto *view = tab.findChild<DisclosureView *>();
    QVERIFY(view);
    QVERIFY(view->endedQuarters().first() == (Quarter{2026, 1}));
    QString error;
    // The quarter running, and the one posted already, are not generated.
    QVERIFY(view->generate(kVillage, Quarter{2026, 2}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(view->generate(kVillage, Quarter{2025, 4}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();

    const QString id = view->generate(kVillage, Quarter{2026, 1}, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(id, collective::DisclosureType::recordIdFor(kVillage, u"2026Q1"_s));
    const std::optional<CachedRecord> rec = m_p.session->cache().record(id);
    QVERIFY(rec);
    QCOMPARE(rec->record.orgUnitId, kVillage);
    QCOMPARE(rec->record.fields.value(u"quarter"_s).toString(), u"2026Q1"_s);
    const QJsonObject report =
        QJsonDocument::fromJson(rec->record.fields.value(u"report"_s).toString().toUtf8()).object();
    QCOMPARE(report.value(u"incomeTotal"_s).toInteger(), expectedIncome());
    QCOMPARE(report.value(u"spendingTotal"_s).toInteger(), qint64(300'000));
    QCOMPARE(view->list()->model().totalCount(), qint64(2));
    // Generated again from the same books: the same record, nothing new to send.
    QCOMPARE(view->generate(kVillage, Quarter{2026, 1}, &error), id);
}

void TestCollectiveTab::disclosureAsPdf()
{
    const QString id = collective::DisclosureType::recordIdFor(kVillage, u"2026Q1"_s);
    QVERIFY(m_p.session->cache().record(id));
    DisclosureView view(*m_p.session);
    const QString direct = m_dir.filePath(u"disclosure.pdf"_s);
    QString error;
    QVERIFY2(view.exportPdf(id, direct, &error), qPrintable(error));
    QVERIFY(QFile(direct).size() > 0);

    // Through the button, the file dialog and the message box answered.
    QTableView *table = view.list()->view();
    const int row = view.list()->model().rowOf(id);
    QVERIFY(row >= 0);
    table->setCurrentIndex(table->model()->index(row, 0));
    const QString chosen = m_dir.filePath(u"chosen.pdf"_s);
    FileDialog::setNextFileName(chosen);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    auto *button = view.findChild<QPushButton *>(u"exportDisclosurePdf"_s);
    QVERIFY(button);
    button->click();
    QVERIFY(QFile(chosen).size() > 0);
}

void TestCollectiveTab::leaderOnlyReads()
{
    test::AppProgram leader;
    QVERIFY(leader.open(*m_server, u"county-leader"_s, m_dir.filePath(u"county-leader.sqlite"_s)));
    CollectiveTab tab(*leader.session, leader.client->api());
    QVERIFY(tab.findChild<DisclosureView *>());
    QVERIFY(tab.findChild<QPushButton *>(u"exportDisclosurePdf"_s));
    QVERIFY(!tab.findChild<QPushButton *>(u"generateDisclosure"_s));
    QVERIFY(!tab.findChild<QPushButton *>(u"recordRentPayment"_s));
    // The reference rents are the towns' own view.
    QVERIFY(!list(&tab, u"rentReferences"_s));
    // The county's own figures, which a leader reads and does not set.
    QVERIFY(list(&tab, u"collectiveSettings"_s));
    QCOMPARE(tab.views()->count(), 9);
}

void TestCollectiveTab::overviewOfTheTown()
{
    // The town's clerk: a row per village of the town, the figures worked out by hand from the records above.
    CollectiveOverviewView view(*m_p.session);
    CollectiveOverviewModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->orgUnitId(), kTown);
    QCOMPARE(model->year(), 2026);
    QCOMPARE(model->unitRows(), 2);
    const int row = model->rowOf(kVillage);
    QVERIFY(row >= 0);
    const collectivequery::VillageFigures f = model->rowAt(row).figures;
    // 12,000 + 8,000 + 60,000 + 500 (not sent yet) − 8,000 reversed in April; the transfer is neither.
    QCOMPARE(f.income, Fen(7'250'000));
    QCOMPARE(f.spending, Fen(300'000));
    // Cash: 10,000 − 3,000 + 2,000 (the entry not sent yet has moved nothing yet); bank: 50,000 + 5,000 +
    // 12,000 + 8,000 + 60,000 − 8,000.
    QCOMPARE(f.cash, Fen(900'000));
    QCOMPARE(f.bank, Fen(12'700'000));
    // The tractor: 95,000.00 depreciable over 120 months, 70 of them by April 2026: 100,000 − 55,416.67.
    QCOMPARE(f.assets, qint64(1));
    QCOMPARE(f.netAssets, Fen(4'458'333));
    // The lease, running, worth its three instalments; the second unpaid since 1 April.
    QCOMPARE(f.contracts, qint64(1));
    QCOMPARE(f.contractValue, Fen(1'000'000 + 1'030'000 + 1'060'900));
    QCOMPARE(f.arrears, Fen(1'030'000));
    // RENT_OVERDUE; neither the closed warning nor the card's.
    QCOMPARE(f.openWarnings, qint64(1));
    // The other village: its one entry, its bank journal, the threshing floor (not depreciated), a draft.
    const collectivequery::VillageFigures g = model->rowAt(model->rowOf(kVillage2)).figures;
    QCOMPARE(g.income, Fen(999'900));
    QCOMPARE(g.bank, Fen(2'999'900));
    QCOMPARE(g.netAssets, Fen(2'000'000));
    QCOMPARE(g.contracts, qint64(0));
    QCOMPARE(g.arrears, Fen(0));
    QCOMPARE(g.openWarnings, qint64(1));
    // The town's total, last; arrears and warnings in red.
    QCOMPARE(model->total().figures.income, f.income + g.income);
    QCOMPARE(model->index(model->rowCount() - 1, CollectiveOverviewModel::IncomeColumn).data().toString(),
             money::formatYuan(7'250'000 + 999'900));
    QCOMPARE(model->index(row, CollectiveOverviewModel::ArrearsColumn).data().toString(),
             money::formatYuan(1'030'000));
    const QVariant red = model->index(row, CollectiveOverviewModel::ArrearsColumn).data(Qt::ForegroundRole);
    QVERIFY(red.value<QBrush>().color() == RentCalendarModel::arrearsColor());
    // Last year: only December's entry; the balances, assets and rent are today's whatever the year.
    view.setYear(2025);
    QCOMPARE(model->year(), 2025);
    QCOMPARE(model->rowAt(model->rowOf(kVillage)).figures.income, Fen(500'000));
    QCOMPARE(model->rowAt(model->rowOf(kVillage)).figures.cash, Fen(900'000));
    // A village has nothing below it, and the clerk's town is as far up as the clerk goes.
    view.openRow(model->rowOf(kVillage));
    QCOMPARE(model->orgUnitId(), kTown);
    view.up();
    QCOMPARE(model->orgUnitId(), kTown);
}

void TestCollectiveTab::overviewDrillsDown()
{
    // The county's leader: a row per town with books; the town double-clicked shows its villages.
    test::AppProgram leader;
    QVERIFY(openLeader(leader, u"county-leader-overview.sqlite"_s));
    const QString county = leader.session->user().orgUnitId;
    CollectiveOverviewView view(*leader.session);
    CollectiveOverviewModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->orgUnitId(), county);
    QCOMPARE(model->unitRows(), 1);
    const int town = model->rowOf(kTown);
    QCOMPARE(town, 0);
    const collectivequery::VillageFigures inTown = model->rowAt(town).figures;
    // 72,500 less the 500 the clerk has not sent, and the other village's 9,999.
    QCOMPARE(inTown.income, Fen(7'200'000 + 999'900));
    QCOMPARE(inTown.arrears, Fen(1'030'000));
    QCOMPARE(inTown.openWarnings, qint64(2));
    Q_EMIT view.table()->doubleClicked(model->index(town, CollectiveOverviewModel::UnitColumn));
    QCOMPARE(model->orgUnitId(), kTown);
    QCOMPARE(model->unitRows(), 2);
    QVERIFY(model->rowOf(kVillage) >= 0);
    QVERIFY(model->rowOf(kVillage2) >= 0);
    QCOMPARE(model->total().figures.income, inTown.income);
    QCOMPARE(model->total().figures.netAssets, inTown.netAssets);
    QCOMPARE(model->rowAt(model->rowOf(kVillage)).figures.income, Fen(7'200'000));
    // Villages are the bottom; up goes back to the county, and no further.
    view.openRow(model->rowOf(kVillage));
    QCOMPARE(model->orgUnitId(), kTown);
    view.up();
    QCOMPARE(model->orgUnitId(), county);
    view.up();
    QCOMPARE(model->orgUnitId(), county);
}

void TestCollectiveTab::overviewExport()
{
    CollectiveOverviewView view(*m_p.session);
    const QString path = m_dir.filePath(u"overview.xlsx"_s);
    QString error;
    QVERIFY2(view.exportTo(path, &error), qPrintable(error));
    const io::TableData table = io::readXlsx(path);
    QVERIFY2(table.ok(), qPrintable(table.error));
    // The header, the villages and the total; amounts as numbers of yuan.
    QCOMPARE(table.rows.size(), qsizetype(view.model()->rowCount() + 1));
    QCOMPARE(table.rows.first().at(CollectiveOverviewModel::IncomeColumn),
             view.model()->headerData(CollectiveOverviewModel::IncomeColumn, Qt::Horizontal).toString());
    const QStringList village = table.rows.at(view.model()->rowOf(kVillage) + 1);
    QCOMPARE(village.at(CollectiveOverviewModel::UnitColumn), m_p.session->orgUnitName(kVillage));
    QCOMPARE(village.at(CollectiveOverviewModel::IncomeColumn), u"72500"_s);
    QCOMPARE(village.at(CollectiveOverviewModel::ArrearsColumn), u"10300"_s);
    QCOMPARE(village.at(CollectiveOverviewModel::WarningsColumn), u"1"_s);
}

void TestCollectiveTab::panelShowsTheFigures()
{
    CollectiveDashboardPanel panel(*m_p.session);
    // A quarter on the board shows its year.
    panel.showScope(kTown, 2026, 2);
    QCOMPARE(panel.model()->orgUnitId(), kTown);
    QCOMPARE(panel.model()->year(), 2026);
    QCOMPARE(panel.model()->total().figures.openWarnings, qint64(2));
    // Income, spending, cash, bank, net assets and arrears of the two villages.
    const QString summary = panel.summary();
    for (const Fen fen : {Fen(7'250'000 + 999'900), Fen(300'000), Fen(900'000), Fen(12'700'000 + 2'999'900),
                          Fen(4'458'333 + 2'000'000), Fen(1'030'000)})
        QVERIFY2(summary.contains(money::formatYuan(fen)), qPrintable(summary));
    // A village clicked is looked into.
    QSignalSpy drill(&panel, &HomePanel::drillRequested);
    Q_EMIT panel.table()->clicked(panel.model()->index(panel.model()->rowOf(kVillage), 0));
    QCOMPARE(drill.size(), 1);
    QCOMPARE(drill.first().first().toString(), kVillage);
}

void TestCollectiveTab::panelOnTheHomeBoard()
{
    // The county's leader opens the 首页: the panel shows the county; a town asked for takes the board there.
    test::AppProgram leader;
    QVERIFY(openLeader(leader, u"county-leader-board.sqlite"_s));
    DashboardTab tab(*leader.session);
    tab.setAskServer(false);
    tab.refresh();
    auto *panel = tab.findChild<CollectiveDashboardPanel *>();
    QVERIFY(panel);
    QVERIFY(tab.panels().contains(panel));
    QCOMPARE(panel->model()->orgUnitId(), leader.session->user().orgUnitId);
    QCOMPARE(panel->model()->total().figures.arrears, Fen(1'030'000));
    QVERIFY2(panel->summary().contains(money::formatYuan(1'030'000)), qPrintable(panel->summary()));
    Q_EMIT panel->drillRequested(kTown);
    QCOMPARE(tab.figures().unit.id, kTown);
    QCOMPARE(panel->model()->orgUnitId(), kTown);
}

QTEST_MAIN(TestCollectiveTab)
#include "tst_collective_tab.moc"
