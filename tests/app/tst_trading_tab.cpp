// The 产权交易 tab as a town's clerk, a town's reviewer and a county's leader see it, over a cache given a
// town's listings in every state of their path as the server would have sent them: the listings, their
// registrations and the deals are listed, the notice's working days left are counted across the May Day
// holiday, the steps offered follow the role (the clerk applies and runs the notice, the reviewer reviews)
// and are checked on the day, a bid shows the lowest bid accepted and the server's refusal, the prices per mu
// of the town's land deals have the median worked out by hand, and the deal confirmation prints as a PDF.
#include "tests/support/AppProgram.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/records/RecordListView.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/trading/BidDialog.h"
#include "app/trading/DealPdf.h"
#include "app/trading/ListingStepDialog.h"
#include "app/trading/PriceStatsView.h"
#include "app/trading/TradingQueries.h"
#include "app/trading/TradingRecordViews.h"
#include "app/trading/TradingTab.h"
#include "common/core/Money.h"
#include "common/io/XlsxReader.h"
#include "common/trading/TradingTypes.h"
#include "server/demo/DemoData.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <tuple>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;
using namespace sunshine::trading;

namespace {

// 10:00 on Monday 20 April 2026 in China.
const qint64 kNow = QDateTime(QDate(2026, 4, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 kAfterNotice = QDateTime(QDate(2026, 4, 27), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch();
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kVillage2 = DemoData::villageId(kTown, 1);

QString testId(int n)
{
    return u"7a2d0b13-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

const QString kDraft = testId(1), kApplied = testId(2), kNoticed = testId(3), kNoticedLong = testId(4),
              kBidding = testId(5), kDealt = testId(6), kAnnounced = testId(7), kSigned = testId(8),
              kCertified = testId(9), kSettled = testId(10), kNegotiated = testId(11), kUnsold = testId(12);
const int kListings = 12;

QString idNumber(int n)
{
    return u"32061219800101%1"_s.arg(n, 4, 10, QChar(u'0'));
}

QString registration(const QString &listing, int n)
{
    return RegistrationType::recordIdFor(listing, idNumber(n));
}

ListingStep step(ListingAction action, QDate on, QDate from = {}, QDate to = {})
{
    ListingStep s;
    s.action = action;
    s.on = on;
    s.from = from;
    s.to = to;
    s.byUserId = u"tst"_s;
    return s;
}

ListingStep qualify(int n, QDate on)
{
    ListingStep s = step(ListingAction::Qualify, on);
    s.qualified = n;
    return s;
}

ListingStep withBidder(ListingAction action, const QString &reg, Fen amount, QDate on)
{
    ListingStep s = step(action, on);
    s.registrationId = reg;
    s.amount = amount;
    return s;
}

QList<ListingStep> noticed(QDate from, QDate to)
{
    return {step(ListingAction::Submit, QDate(2026, 2, 2)), step(ListingAction::Approve, QDate(2026, 2, 3)),
            step(ListingAction::Publish, from, from, to)};
}

QList<ListingStep> bidding(const QList<QPair<QString, Fen>> &bids)
{
    QList<ListingStep> s = noticed(QDate(2026, 3, 2), QDate(2026, 3, 13));
    s.append(qualify(3, QDate(2026, 3, 16)));
    for (const QPair<QString, Fen> &b : bids)
        s.append(withBidder(ListingAction::Bid, b.first, b.second, QDate(2026, 3, 18)));
    return s;
}

// Dealt by bidding on 18 March, then `more` steps after the deal: the result notice, the contract, the
// settlement, the certificate.
QList<ListingStep> dealt(const QString &winner, Fen price, int more = 0, const QString &number = {})
{
    QList<ListingStep> s = bidding({{winner, price}});
    s.append(step(ListingAction::Hammer, QDate(2026, 3, 18)));
    if (more >= 1)
        s.append(step(ListingAction::Announce, QDate(2026, 3, 20), QDate(2026, 3, 23)));
    if (more >= 2) {
        ListingStep sign = step(ListingAction::Sign, QDate(2026, 4, 1));
        sign.contractNo = u"HT-"_s + number;
        s.append(sign);
    }
    if (more >= 3)
        s.append(step(ListingAction::Settle, QDate(2026, 4, 8)));
    if (more >= 4) {
        ListingStep certify = step(ListingAction::Certify, QDate(2026, 4, 10));
        certify.certificateNo = u"JZ-"_s + number;
        s.append(certify);
    }
    return s;
}

// The fields of a listing with what the server derives from its steps.
QJsonObject listingFields(int n, const QString &kind, double area, const QList<ListingStep> &steps)
{
    const QString no = u"GP-2026-%1"_s.arg(n, 3, 10, QChar(u'0'));
    QJsonObject f{{u"listingNo"_s, no},
                  {u"subject"_s, u"测试标的 %1"_s.arg(n)},
                  {u"rightKind"_s, kind},
                  {u"termYears"_s, 5},
                  {u"reserve"_s, 100'000},
                  {u"startPrice"_s, 100'000},
                  {u"step"_s, 5'000},
                  {u"deposit"_s, 20'000},
                  {u"decisionRef"_s, u"村民代表会议决议"_s},
                  {u"decisionOn"_s, u"2026-01-10"_s},
                  {u"centreLevel"_s, u"town"_s}};
    if (area > 0)
        f.insert(u"areaMu"_s, area);
    QJsonArray array;
    for (const ListingStep &s : steps)
        array.append(s.toJson());
    f.insert(u"steps"_s, array);
    const ListingHandling h = replayListing(steps, ListingType::termsOf(f));
    const auto date = [&f](const QString &key, QDate d) {
        if (d.isValid())
            f.insert(key, d.toString(Qt::ISODate));
    };
    f.insert(u"state"_s, listingStateName(h.state));
    date(u"noticeFrom"_s, h.noticeFrom);
    date(u"noticeTo"_s, h.noticeTo);
    f.insert(u"noticeRound"_s, h.noticeRound);
    f.insert(u"qualified"_s, h.qualified);
    f.insert(u"bids"_s, h.bids);
    if (h.bids > 0)
        f.insert(u"highBid"_s, h.highBid);
    if (!h.winnerRegistration.isEmpty()) {
        f.insert(u"dealPrice"_s, h.dealPrice);
        f.insert(u"winnerId"_s, h.winnerRegistration);
    }
    date(u"dealOn"_s, h.dealOn);
    date(u"resultFrom"_s, h.resultFrom);
    date(u"signedOn"_s, h.signedOn);
    if (!h.contractNo.isEmpty())
        f.insert(u"contractNo"_s, h.contractNo);
    if (!h.certificateNo.isEmpty())
        f.insert(u"certificateNo"_s, h.certificateNo);
    return f;
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

QPushButton *button(QWidget *in, const QString &name)
{
    return in->findChild<QPushButton *>(name);
}

void choose(RecordListView *list, const QString &id)
{
    QTableView *table = list->view();
    table->setCurrentIndex(table->model()->index(list->model().rowOf(id), 0));
}

} // namespace

class TestTradingTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void subViewsListTheRecords();
    void countdownInWorkingDays();
    void stepsByRole();
    void bidThroughTheServer();
    void priceStatistics();
    void dealConfirmationPdf();
    void leaderOnlyReads();

private:
    // A user's program whose cache has the listings as the server sent them.
    bool openWith(test::AppProgram &program, const QString &username)
    {
        if (!program.open(*m_server, username, m_dir.filePath(username + u".sqlite"_s)))
            return false;
        sync::PullPage page = m_page;
        page.cursor = program.session->cache().cursor();
        QString error;
        return program.session->cache().applyPull(page, &error);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
    test::AppProgram m_p;
    sync::PullPage m_page;
};

void TestTradingTab::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(kNow);

    const auto listing = [this](const QString &id, const QString &unit, const QJsonObject &fields) {
        m_page.records.append(serverRecord(ListingType::kName, id, unit, fields));
    };
    listing(kDraft, kVillage, listingFields(1, u"land"_s, 15, {}));
    listing(kApplied, kVillage,
            listingFields(2, u"land"_s, 15, {step(ListingAction::Submit, QDate(2026, 4, 1))}));
    listing(kNoticed, kVillage,
            listingFields(3, u"land"_s, 12, noticed(QDate(2026, 4, 13), QDate(2026, 4, 24))));
    listing(kNoticedLong, kVillage,
            listingFields(4, u"water"_s, 30, noticed(QDate(2026, 4, 20), QDate(2026, 5, 8))));
    // Bids of 1,000 and 1,050 yuan: the next is at least 1,100.
    const QList<QPair<QString, Fen>> bids{{registration(kBidding, 3), 100'000},
                                          {registration(kBidding, 4), 105'000}};
    listing(kBidding, kVillage, listingFields(5, u"land"_s, 6, bidding(bids)));
    // Per mu and year: 1,200, 200 (water), 1,000, 1,500, none (no area), 1,100 yuan.
    listing(kDealt, kVillage, listingFields(6, u"land"_s, 10, dealt(registration(kDealt, 6), 1'200'000)));
    listing(kAnnounced, kVillage,
            listingFields(7, u"water"_s, 40, dealt(registration(kAnnounced, 7), 800'000, 1)));
    listing(kSigned, kVillage,
            listingFields(8, u"land"_s, 20, dealt(registration(kSigned, 8), 2'000'000, 2, u"008"_s)));
    listing(kCertified, kVillage,
            listingFields(9, u"land"_s, 5, dealt(registration(kCertified, 9), 750'000, 4, u"009"_s)));
    listing(kSettled, kVillage,
            listingFields(10, u"building"_s, 0, dealt(registration(kSettled, 10), 300'000, 3, u"010"_s)));
    // Two qualified twice: open negotiation after the second notice, in the other village.
    QList<ListingStep> negotiation = noticed(QDate(2026, 2, 9), QDate(2026, 2, 20));
    negotiation << qualify(1, QDate(2026, 2, 23))
                << step(ListingAction::Publish, QDate(2026, 3, 2), QDate(2026, 3, 2), QDate(2026, 3, 13))
                << qualify(1, QDate(2026, 3, 16))
                << withBidder(ListingAction::Negotiate, registration(kNegotiated, 11), 880'000,
                              QDate(2026, 3, 20));
    listing(kNegotiated, kVillage2, listingFields(11, u"land"_s, 8, negotiation));
    QList<ListingStep> unsold = noticed(QDate(2026, 3, 2), QDate(2026, 3, 13));
    unsold << qualify(0, QDate(2026, 3, 16));
    listing(kUnsold, kVillage, listingFields(12, u"land"_s, 9, unsold));

    const QList<std::tuple<QString, QString, int, bool>> bidders{
        {kNoticed, u"赵一"_s, 1, false},  {kNoticed, u"钱二"_s, 2, false},   {kBidding, u"孙三"_s, 3, true},
        {kBidding, u"李四"_s, 4, true},   {kBidding, u"周五"_s, 5, true},    {kDealt, u"张三"_s, 6, true},
        {kAnnounced, u"吴六"_s, 7, true}, {kSigned, u"郑七"_s, 8, true},     {kCertified, u"王八"_s, 9, true},
        {kSettled, u"冯九"_s, 10, true},  {kNegotiated, u"陈十"_s, 11, true}};
    for (const auto &[listingId, name, n, qualified] : bidders) {
        const QJsonObject fields{{u"listingId"_s, listingId},           {u"bidderName"_s, name},
                                 {u"bidderId"_s, idNumber(n)},          {u"depositPaid"_s, 20'000},
                                 {u"depositPaidOn"_s, u"2026-03-10"_s}, {u"qualified"_s, qualified}};
        m_page.records.append(serverRecord(RegistrationType::kName, registration(listingId, n),
                                           listingId == kNegotiated ? kVillage2 : kVillage, fields));
    }
    QVERIFY(openWith(m_p, u"town-clerk"_s));
    QVERIFY(m_p.session->user().orgLevel == OrgLevel::Town);
}

void TestTradingTab::cleanupTestCase()
{
    m_p.session.reset();
    m_p.client.reset();
}

void TestTradingTab::subViewsListTheRecords()
{
    TradingTab tab(*m_p.session, m_p.client->api());
    QCOMPARE(tab.views()->count(), 4); // with the town's cadre register, which its clerk keeps
    QVERIFY(tab.findChild<RecordListView *>(u"cadreRegister"_s));
    auto *view = tab.findChild<ListingsView *>();
    QVERIFY(view);
    QCOMPARE(view->listings()->model().totalCount(), qint64(kListings));
    QCOMPARE(view->registrations()->model().totalCount(), qint64(11));
    // The registrations of the listing chosen.
    choose(view->listings(), kNoticed);
    QCOMPARE(view->listings()->currentRecordId(), kNoticed);
    QCOMPARE(view->registrations()->model().totalCount(), qint64(2));
    view->setStateFilter(listingStateName(ListingState::Noticed));
    QCOMPARE(view->listings()->model().totalCount(), qint64(2));
    view->setStateFilter(QString());
    QCOMPARE(view->listings()->model().totalCount(), qint64(kListings));
    // The deals: dealt and after, with the winner's name.
    RecordListView *deals = tab.findChild<RecordListView *>(u"tradeDeals"_s);
    QVERIFY(deals);
    QCOMPARE(deals->model().totalCount(), qint64(6));
    const QModelIndex winner =
        deals->model().index(deals->model().rowOf(kDealt), deals->model().columnOf(u"winnerId"_s));
    QCOMPARE(winner.data().toString(), u"张三"_s);
    QVERIFY(button(&tab, u"listingSteps"_s));
    QVERIFY(button(&tab, u"dealConfirmationPdf"_s));
}

void TestTradingTab::countdownInWorkingDays()
{
    const WorkingCalendar &calendar = WorkingCalendar::current();
    const auto fields = [this](const QString &id) {
        return m_p.session->cache().record(id)->record.fields;
    };
    // Monday 20 to Friday 24 April; the notice's last day is 1, the day after 0 (qualification due).
    QCOMPARE(tradingquery::noticeDaysLeft(fields(kNoticed), QDate(2026, 4, 20), calendar), 5);
    QCOMPARE(tradingquery::noticeDaysLeft(fields(kNoticed), QDate(2026, 4, 24), calendar), 1);
    QCOMPARE(tradingquery::noticeDaysLeft(fields(kNoticed), QDate(2026, 4, 25), calendar), 0);
    // To 8 May: 5 + 4 working days in April, then 1 to 5 May off (劳动节), then 6 to 8 May.
    QCOMPARE(tradingquery::noticeDaysLeft(fields(kNoticedLong), QDate(2026, 4, 20), calendar), 12);
    QCOMPARE(tradingquery::noticeDaysLeft(fields(kBidding), QDate(2026, 4, 20), calendar), -1);

    ListingsView view(*m_p.session, m_p.client->api());
    QAbstractItemModel *shown = view.listings()->view()->model();
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int column = view.daysLeftColumn();
    QCOMPARE(column, view.listings()->model().columnCount());
    const auto left = [&](const QString &id) {
        return shown->index(view.listings()->model().rowOf(id), column).data().toString();
    };
    QCOMPARE(left(kNoticed), u"5"_s);
    QCOMPARE(left(kNoticedLong), u"12"_s);
    QVERIFY(left(kApplied).isEmpty());
    QVERIFY(left(kBidding).isEmpty());
    QVERIFY(left(kDealt).isEmpty());
    m_server->clock().setNowMs(kAfterNotice);
    const QString after = left(kNoticed);
    m_server->clock().setNowMs(kNow);
    QCOMPARE(after, u"0"_s);
}

void TestTradingTab::stepsByRole()
{
    // The town's clerk: applies a listing, but does not review one.
    TradingTab tab(*m_p.session, m_p.client->api());
    auto *view = tab.findChild<ListingsView *>();
    QVERIFY(view);
    QStringList offered;
    const auto offeredOn = [&](const QString &id) {
        choose(view->listings(), id);
        offered = {u"-"_s};
        setNextListingStep([&offered](ListingStepDialog &dialog) { offered = dialog.offered(); });
        button(&tab, u"listingSteps"_s)->click();
        return offered;
    };
    QCOMPARE(offeredOn(kDraft), QStringList{u"submit"_s});
    QCOMPARE(offeredOn(kApplied), (QStringList{u"suspend"_s, u"terminate"_s}));
    QCOMPARE(offeredOn(kNoticed), (QStringList{u"qualify"_s, u"suspend"_s, u"terminate"_s}));
    {
        // Not before the notice has ended.
        ListingStepDialog dialog(*m_p.session, kNoticed);
        dialog.setAction(u"qualify"_s);
        dialog.setQualified(2);
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(dialog.problem().contains(u"2026-04-24"_s), qPrintable(dialog.problem()));
    }
    // The town's reviewer: reviews, and runs the town centre's notice too.
    test::AppProgram reviewer;
    QVERIFY(openWith(reviewer, u"town-reviewer"_s));
    QVERIFY(ListingStepDialog(*reviewer.session, kDraft).offered().isEmpty());
    ListingStepDialog approve(*reviewer.session, kApplied);
    QCOMPARE(approve.offered(), (QStringList{u"approve"_s, u"reject"_s, u"suspend"_s, u"terminate"_s}));
    approve.setAction(u"approve"_s);
    approve.submit();
    QCOMPARE(approve.result(), int(QDialog::Accepted));
    const auto stateOf = [&reviewer](const QString &id) {
        return tradingquery::handlingOf(reviewer.session->cache().record(id)->record.fields).state;
    };
    QVERIFY(stateOf(kApplied) == ListingState::Approved);
    // Two qualified after the notice: a second notice follows.
    m_server->clock().setNowMs(kAfterNotice);
    ListingStepDialog qualifyDialog(*reviewer.session, kNoticed);
    qualifyDialog.setAction(u"qualify"_s);
    qualifyDialog.setQualified(2);
    qualifyDialog.submit();
    m_server->clock().setNowMs(kNow);
    QVERIFY2(qualifyDialog.result() == QDialog::Accepted, qPrintable(qualifyDialog.problem()));
    QVERIFY(stateOf(kNoticed) == ListingState::Approved);
    const QJsonArray steps =
        reviewer.session->cache().record(kNoticed)->record.fields.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), qsizetype(4));
    QCOMPARE(steps.last().toObject().value(u"qualified"_s).toInt(), 2);
}

void TestTradingTab::bidThroughTheServer()
{
    TradingTab tab(*m_p.session, m_p.client->api());
    auto *view = tab.findChild<ListingsView *>();
    QPushButton *bid = button(&tab, u"bidOnListing"_s);
    QVERIFY(view && bid);
    choose(view->listings(), kNoticed);
    QVERIFY(!bid->isEnabled());
    choose(view->listings(), kBidding);
    QVERIFY(bid->isEnabled());
    view->setOnline(false);
    QVERIFY(!bid->isEnabled());
    view->setOnline(true);
    QVERIFY(bid->isEnabled());

    Fen minimum = 0;
    QStringList bidders;
    QString low;
    QString refused;
    int result = -1;
    setNextBid([&](BidDialog &dialog) {
        minimum = dialog.minimumBid();
        bidders = dialog.registrations();
        dialog.setEntry(registration(kBidding, 5), u"1,050.00"_s);
        dialog.submit();
        low = dialog.problem();
        // Enough, but the server does not hold this listing: it refuses, and says why.
        dialog.setEntry(registration(kBidding, 5), u"1,100.00"_s);
        dialog.submit();
        refused = dialog.problem();
        result = dialog.result();
    });
    MessageBox::setNextAnswer(QMessageBox::Ok);
    bid->click();
    MessageBox::clearNextAnswer();
    // The last bid of 1,050 yuan plus the step of 50.
    QCOMPARE(minimum, Fen(110'000));
    QCOMPARE(bidders.size(), qsizetype(3));
    QVERIFY(!low.isEmpty());
    QVERIFY2(!refused.isEmpty() && refused != low, qPrintable(refused));
    QCOMPARE(result, int(QDialog::Rejected));
}

void TestTradingTab::priceStatistics()
{
    QCOMPARE(tradingquery::quantile({100, 200, 300, 400, 1000}, 0.5), Fen(300));
    QCOMPARE(tradingquery::quantile({100, 200, 300, 400, 1000}, 0.25), Fen(200));
    QCOMPARE(tradingquery::quantile({}, 0.5), Fen(0));

    PriceStatsView view(*m_p.session);
    PriceStatsModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The town's land, water and building deals (both villages are the town's).
    QCOMPARE(model->rowCount(), 3);
    const int land = model->rowOf(kTown, u"land"_s);
    QVERIFY(land >= 0);
    const tradingquery::PriceStat s = model->rowAt(land);
    // 1,000, 1,100, 1,200 and 1,500 yuan per mu: the median halfway between 1,100 and 1,200.
    QCOMPARE(s.deals, qint64(4));
    QCOMPARE(s.priced, qint64(4));
    QCOMPARE(s.median, Fen(115'000));
    QCOMPARE(s.minimum, Fen(100'000));
    QCOMPARE(s.maximum, Fen(150'000));
    QCOMPARE(s.lowerQuartile, Fen(107'500));
    QCOMPARE(s.upperQuartile, Fen(127'500));
    QCOMPARE(model->index(land, PriceStatsModel::MedianColumn).data().toString(), money::formatYuan(115'000));
    QCOMPARE(model->index(land, PriceStatsModel::TownColumn).data().toString(),
             m_p.session->orgUnitName(kTown));
    const int building = model->rowOf(kTown, u"building"_s);
    QVERIFY(building >= 0);
    QCOMPARE(model->rowAt(building).deals, qint64(1));
    QVERIFY(model->index(building, PriceStatsModel::MedianColumn).data().toString().isEmpty());
    QCOMPARE(model->rowAt(model->rowOf(kTown, u"water"_s)).median, Fen(20'000));

    const QString path = m_dir.filePath(u"prices.xlsx"_s);
    QString error;
    QVERIFY2(view.exportTo(path, &error), qPrintable(error));
    const io::TableData table = io::readXlsx(path);
    QVERIFY2(table.ok(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), qsizetype(model->rowCount() + 1));
    QCOMPARE(table.rows.at(land + 1).at(PriceStatsModel::MedianColumn), u"1150"_s);
    QCOMPARE(table.rows.at(land + 1).at(PriceStatsModel::DealsColumn), u"4"_s);
}

void TestTradingTab::dealConfirmationPdf()
{
    QString error;
    const QString html = dealConfirmationHtml(*m_p.session, kDealt, &error);
    QVERIFY2(html.contains(u"张三"_s), qPrintable(error));
    QVERIFY(html.contains(money::formatYuan(1'200'000)));
    const QString direct = m_dir.filePath(u"deal.pdf"_s);
    QVERIFY2(writeDealPdf(*m_p.session, kDealt, direct, &error), qPrintable(error));
    QVERIFY(QFile(direct).size() > 0);
    // Not before the deal.
    QVERIFY(!writeDealPdf(*m_p.session, kNoticed, m_dir.filePath(u"none.pdf"_s), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(u"none.pdf"_s)));

    // Through the deals view's button, the file dialog and the message box answered.
    TradingTab tab(*m_p.session, m_p.client->api());
    RecordListView *deals = tab.findChild<RecordListView *>(u"tradeDeals"_s);
    QVERIFY(deals);
    choose(deals, kSigned);
    const QString chosen = m_dir.filePath(u"chosen.pdf"_s);
    FileDialog::setNextFileName(chosen);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    button(deals, u"dealConfirmationPdf"_s)->click();
    QVERIFY(QFile(chosen).size() > 0);
}

void TestTradingTab::leaderOnlyReads()
{
    test::AppProgram leader;
    QVERIFY(openWith(leader, u"county-leader"_s));
    TradingTab tab(*leader.session, leader.client->api());
    QVERIFY(!button(&tab, u"listingSteps"_s));
    QVERIFY(!button(&tab, u"bidOnListing"_s));
    QVERIFY(!button(&tab, u"dealSteps"_s));
    QVERIFY(button(&tab, u"dealConfirmationPdf"_s));
    QCOMPARE(tab.findChild<ListingsView *>()->listings()->model().totalCount(), qint64(kListings));
    // The cadre register is need-to-know: not for leaders.
    QCOMPARE(tab.views()->count(), 3);
    QVERIFY(!tab.findChild<RecordListView *>(u"cadreRegister"_s));
}

QTEST_MAIN(TestTradingTab)
#include "tst_trading_tab.moc"
