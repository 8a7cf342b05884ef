// The public portal's lists of the 集体三资 and 产权交易 modules, as the public sees them: a village's
// quarterly disclosure once posted and not before, with its report's totals only; a trading listing in its
// notice without its reserve; a deal in its result notice naming the transferee and nobody's ID number or
// phone.
#include "common/collective/CollectiveTypes.h"
#include "common/collective/DisclosureReport.h"
#include "common/collective/LedgerTypes.h"
#include "common/core/ChinaTime.h"
#include "common/core/IdCard.h"
#include "common/core/Quarter.h"
#include "common/trading/TradingTypes.h"
#include "tests/server/WarningsTest.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

namespace {

const QString kDisclosureType = QString::fromUtf16(collective::DisclosureType::kName);
const QString kListingType = QString::fromUtf16(trading::ListingType::kName);
const QString kRegistrationType = QString::fromUtf16(trading::RegistrationType::kName);

const QRegularExpression kIdNumber(u"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])"_s);
const QRegularExpression kMobile(u"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"_s);

QJsonObject bookEntry(const QString &bookId, const QString &on, const QString &direction, qint64 amount,
                      const QString &entryClass, const QString &voucherNo, const QString &summary)
{
    return {{u"bookId"_s, bookId},         {u"on"_s, on},
            {u"direction"_s, direction},   {u"amount"_s, amount},
            {u"entryClass"_s, entryClass}, {u"voucherNo"_s, voucherNo},
            {u"summary"_s, summary}};
}

// The row of a list's answer whose `key` is `value` (empty when none is).
QJsonObject rowWith(const HttpResult &answer, const QString &key, const QString &value)
{
    for (const QJsonValue &v : answer.json.value(u"rows"_s).toArray()) {
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestPortalModules : public WarningsTest
{
    Q_OBJECT

    HttpResult publicGet(const QString &path) { return m_http->get(path); }

    QString unitName(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT name FROM org_units WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.text(0) : QString();
    }

    // Appends one step to a trading listing's path as `username`; false (the reason logged) when refused.
    bool listingStep(const QString &username, const QString &listingId, const QString &village,
                     const QJsonObject &step)
    {
        QJsonArray steps = storedFields(listingId).value(u"steps"_s).toArray();
        steps.append(step);
        const Answer a = pushOne(username, upsert(kListingType, listingId, village, {{u"steps"_s, steps}}));
        if (a.status() != u"applied"_s) {
            qWarning("%s by %s not applied: %s", qPrintable(step.value(u"action"_s).toString()),
                     qPrintable(username), a.describe().constData());
            return false;
        }
        return true;
    }

    // A listing of the village applied for by the town's clerk, approved by the town's reviewer and published
    // for `from`–`to`, the clock on `from`: 20 mu of land for five years, bidding from 8,000 yuan a year in
    // steps of 500, a deposit of 1,000, the reserve given. Its id (empty when refused).
    QString noticedListing(const QString &village, const QString &listingNo, qint64 reserve, QDate from,
                           QDate to)
    {
        setChinaTime(from);
        const QString id = create(kTownClerk, kListingType, village,
                                  {{u"listingNo"_s, listingNo},
                                   {u"subject"_s, u"东圩耕地经营权（20 亩）"_s},
                                   {u"rightKind"_s, u"land"_s},
                                   {u"areaMu"_s, 20.0},
                                   {u"termYears"_s, 5},
                                   {u"reserve"_s, reserve},
                                   {u"startPrice"_s, 800'000},
                                   {u"step"_s, 50'000},
                                   {u"deposit"_s, 100'000},
                                   {u"qualifications"_s, u"具有农业生产经营能力的自然人、法人或其他组织"_s},
                                   {u"decisionRef"_s, QString(u"村民代表会议决议〔2026〕"_s + listingNo)},
                                   {u"decisionOn"_s, u"2026-01-10"_s},
                                   {u"centreLevel"_s, u"town"_s},
                                   {u"steps"_s, QJsonArray{QJsonObject{{u"action"_s, u"submit"_s}}}}});
        if (id.isEmpty() || !listingStep(kTownReviewer, id, village, {{u"action"_s, u"approve"_s}}) ||
            !listingStep(kTownClerk, id, village,
                         {{u"action"_s, u"publish"_s}, {u"from"_s, iso(from)}, {u"to"_s, iso(to)}}))
            return {};
        return id;
    }

    // A bidder registered and qualified by the town's clerk, the deposit of 1,000 yuan paid today; the
    // registration's id.
    QString registerBidder(const QString &listingId, const QString &village, const QString &name,
                           const QString &idNumber, const QString &phone)
    {
        return create(kTownClerk, kRegistrationType, village,
                      {{u"listingId"_s, listingId},
                       {u"bidderName"_s, name},
                       {u"bidderId"_s, idNumber},
                       {u"phone"_s, phone},
                       {u"depositPaid"_s, 100'000},
                       {u"depositPaidOn"_s, iso(chinaDateOf(now()))},
                       {u"qualified"_s, true}},
                      trading::RegistrationType::recordIdFor(listingId, idNumber));
    }

    // A bid taken by the town's clerk through the server's route.
    HttpResult bid(const QString &listingId, const QString &registrationId, qint64 amount)
    {
        return m_http->post(u"/api/v1/trading/listings/%1/bids"_s.arg(listingId),
                            {{u"registrationId"_s, registrationId}, {u"amount"_s, amount}},
                            token(kTownClerk));
    }
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
    }
    void cleanupTestCase() { stopServer(); }

    void disclosuresOncePosted()
    {
        // The three lists of the books and of trading are handed over, none with a column of personal data
        // or the reserve.
        const HttpResult index = publicGet(u"/api/v1/public/lists"_s);
        EXPECT_STATUS(index, 200);
        QStringList listNames;
        for (const QJsonValue &v : index.json.value(u"lists"_s).toArray()) {
            const QJsonObject l = v.toObject();
            listNames.append(l.value(u"name"_s).toString());
            for (const QJsonValue &c : l.value(u"columns"_s).toArray()) {
                const QString column = c.toObject().value(u"key"_s).toString();
                for (const QString &hidden : {u"reserve"_s, u"bidderId"_s, u"phone"_s, u"report"_s})
                    QVERIFY2(column != hidden, qPrintable(l.value(u"name"_s).toString() + u": "_s + column));
            }
        }
        for (const QString &name : {u"disclosures"_s, u"trade-listings"_s, u"trade-deals"_s})
            QVERIFY2(listNames.contains(name), qPrintable(listNames.join(u", "_s)));

        // 2026Q1 of a village's books: a cash and a bank journal, income and spending in the quarter (a
        // receipt of December counts for the balance only), and a contract whose first instalment is partly
        // unpaid.
        setChinaTime(QDate(2026, 5, 6));
        collective::DisclosureInput in;
        in.quarter = Quarter{2026, 1};
        in.books = {QJsonObject{{u"id"_s, u"cash"_s},
                                {u"kind"_s, u"cash"_s},
                                {u"name"_s, u"库存现金"_s},
                                {u"openingOn"_s, u"2025-01-01"_s},
                                {u"openingBalance"_s, 300'000}},
                    QJsonObject{{u"id"_s, u"bank"_s},
                                {u"kind"_s, u"bank"_s},
                                {u"name"_s, u"农商银行基本户"_s},
                                {u"openingOn"_s, u"2025-01-01"_s},
                                {u"openingBalance"_s, 8'000'000}}};
        in.entries = {bookEntry(u"bank"_s, u"2025-12-20"_s, u"debit"_s, 400'000, u"other-income"_s,
                                u"记-0099"_s, u"收到往来款"_s),
                      bookEntry(u"bank"_s, u"2026-01-15"_s, u"debit"_s, 5'000'000, u"contracting-income"_s,
                                u"记-0001"_s, u"收到东圩耕地发包款"_s),
                      bookEntry(u"bank"_s, u"2026-02-10"_s, u"debit"_s, 1'200'000, u"subsidy-income"_s,
                                u"记-0002"_s, u"收到村级运转补助"_s),
                      bookEntry(u"cash"_s, u"2026-03-05"_s, u"credit"_s, 80'000, u"management"_s,
                                u"记-0003"_s, u"购买办公用品"_s),
                      bookEntry(u"bank"_s, u"2026-03-20"_s, u"credit"_s, 2'500'000, u"public-welfare"_s,
                                u"记-0004"_s, u"修缮村道"_s)};
        in.contracts = {QJsonObject{{u"id"_s, u"contract"_s},
                                    {u"contractNo"_s, u"TZ-HT-0901"_s},
                                    {u"counterpartyName"_s, u"周承包"_s},
                                    {u"startOn"_s, u"2025-03-01"_s},
                                    {u"endOn"_s, u"2030-02-28"_s},
                                    {u"value"_s, 5'000'000},
                                    {u"state"_s, u"running"_s}}};
        in.instalments = {QJsonObject{{u"contractId"_s, u"contract"_s},
                                      {u"dueOn"_s, u"2026-03-01"_s},
                                      {u"amountDue"_s, 1'000'000},
                                      {u"received"_s, 400'000},
                                      {u"receivedOn"_s, u"2026-03-10"_s}}};
        const QJsonObject report = collective::buildDisclosure(in);
        QCOMPARE(report.value(u"incomeTotal"_s).toInteger(), 6'200'000);
        QCOMPARE(report.value(u"spendingTotal"_s).toInteger(), 2'580'000);
        QCOMPARE(report.value(u"arrears"_s).toInteger(), 600'000);
        const QString reportText = QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact));
        const auto fields = [&reportText](const QString &quarter, QDate checkedOn, QDate postedOn) {
            QJsonObject f{{u"quarter"_s, quarter}, {u"report"_s, reportText}};
            if (checkedOn.isValid()) {
                f.insert(u"checkedOn"_s, iso(checkedOn));
                f.insert(u"checkedBy"_s, u"钱组长"_s);
            }
            if (postedOn.isValid()) {
                f.insert(u"postedOn"_s, iso(postedOn));
                f.insert(u"postedAt"_s, u"村务公开栏"_s);
            }
            return f;
        };
        // Posted in the second village; checked but not posted in the first; a draft of the quarter before.
        const QString posted = create(kTownClerk, kDisclosureType, kVillage2,
                                      fields(u"2026Q1"_s, QDate(2026, 4, 8), QDate(2026, 4, 10)),
                                      collective::DisclosureType::recordIdFor(kVillage2, u"2026Q1"_s));
        const QString checked =
            create(kTownClerk, kDisclosureType, kVillage, fields(u"2026Q1"_s, QDate(2026, 4, 8), {}),
                   collective::DisclosureType::recordIdFor(kVillage, u"2026Q1"_s));
        const QString draft = create(kTownClerk, kDisclosureType, kVillage2, fields(u"2025Q4"_s, {}, {}),
                                     collective::DisclosureType::recordIdFor(kVillage2, u"2025Q4"_s));
        QVERIFY(!posted.isEmpty() && !checked.isEmpty() && !draft.isEmpty());
        QCOMPARE(storedFields(posted).value(u"state"_s).toString(), u"posted"_s);
        QCOMPARE(storedFields(checked).value(u"state"_s).toString(), u"checked"_s);
        QCOMPARE(storedFields(draft).value(u"state"_s).toString(), u"draft"_s);

        const auto disclosures = [this](const QString &query) {
            return publicGet(u"/api/v1/public/lists/disclosures?"_s + query);
        };
        const auto totalOf = [&disclosures](const QString &query) {
            return disclosures(query).json.value(u"total"_s).toInteger(-1);
        };
        const HttpResult r = disclosures(u"place="_s + kTown);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"total"_s).toInteger(), 1);
        const QJsonArray rows = r.json.value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(u"village"_s).toString(), unitName(kVillage2));
        QCOMPARE(row.value(u"quarter"_s).toString(), u"2026年第一季度"_s);
        QCOMPARE(row.value(u"incomeFen"_s).toInteger(), 6'200'000);
        QCOMPARE(row.value(u"spendingFen"_s).toInteger(), 2'580'000);
        // Cash 3,000 − 800; bank 80,000 + 4,000 (December) + 50,000 + 12,000 − 25,000.
        QCOMPARE(row.value(u"fundsFen"_s).toInteger(), 220'000 + 12'100'000);
        QCOMPARE(row.value(u"arrearsFen"_s).toInteger(), 600'000);
        QCOMPARE(row.value(u"postedOn"_s).toString(), u"2026-04-10"_s);
        // The totals only: nothing of the report's detail, the finance group or the place of posting.
        const QString body = QString::fromUtf8(r.body);
        for (const QString &detail : {u"周承包"_s, u"TZ-HT-0901"_s, u"收到东圩耕地发包款"_s, u"记-0001"_s,
                                      u"钱组长"_s, u"农商银行基本户"_s, posted})
            QVERIFY2(!body.contains(detail), qPrintable(detail));

        // By village, year and quarter.
        QCOMPARE(totalOf(u"place="_s + kVillage2), 1);
        QCOMPARE(totalOf(u"place="_s + kVillage), 0); // checked, not posted
        QCOMPARE(totalOf(u"place="_s + kOtherTown), 0);
        QCOMPARE(totalOf(u"place=%1&year=2026&quarter=1"_s.arg(kTown)), 1);
        QCOMPARE(totalOf(u"place=%1&year=2026"_s.arg(kTown)), 1);
        QCOMPARE(totalOf(u"place=%1&quarter=1"_s.arg(kTown)), 1);
        QCOMPARE(totalOf(u"place=%1&year=2026&quarter=2"_s.arg(kTown)), 0);
        QCOMPARE(totalOf(u"place=%1&year=2025"_s.arg(kTown)), 0); // 2025Q4 is a draft
        EXPECT_ERROR(disclosures(u"place="_s + kCounty), 400, "BAD_REQUEST");
        EXPECT_ERROR(disclosures(u"place=%1&quarter=5"_s.arg(kTown)), 400, "BAD_REQUEST");
        EXPECT_ERROR(disclosures(u"place=%1&year=20x6"_s.arg(kTown)), 400, "BAD_REQUEST");

        // Posted, the first village's joins the list.
        EXPECT_APPLIED(pushOne(kTownClerk,
                               upsert(kDisclosureType, checked, kVillage,
                                      {{u"postedOn"_s, u"2026-04-12"_s}, {u"postedAt"_s, u"村务公开栏"_s}})));
        QCOMPARE(totalOf(u"place="_s + kTown), 2);
        QCOMPARE(totalOf(u"place="_s + kVillage), 1);
        setChinaTime(QDate(2026, 3, 2));
    }

    void tradingNoticesAndDeals()
    {
        const auto listed = [this](const QString &name, const QString &query) {
            return publicGet(u"/api/v1/public/lists/%1?%2"_s.arg(name, query));
        };
        // A listing of the first village in its notice from Monday 2 November to the 10th, its reserve 12,345
        // yuan a year; one of the second village noticed for two days, three bidders registered.
        const QString offered =
            noticedListing(kVillage, u"CQ-P-0001"_s, 1'234'500, QDate(2026, 11, 2), QDate(2026, 11, 10));
        const QString sold =
            noticedListing(kVillage2, u"CQ-P-0002"_s, 1'000'000, QDate(2026, 11, 2), QDate(2026, 11, 3));
        QVERIFY(!offered.isEmpty() && !sold.isEmpty());
        const QString winnerIdNumber = freshIdNumber();
        const QString winnerPhone = u"13962805678"_s;
        const QString loserIdNumber = freshIdNumber();
        const QString winner = registerBidder(sold, kVillage2, u"顾海林"_s, winnerIdNumber, winnerPhone);
        const QString second = registerBidder(sold, kVillage2, u"陈建国"_s, loserIdNumber, u"13962805679"_s);
        const QString third = registerBidder(sold, kVillage2, u"施卫东"_s, freshIdNumber(), u"13962805680"_s);
        QVERIFY(!winner.isEmpty() && !second.isEmpty() && !third.isEmpty());

        // 挂牌公告: both, the notice ending first at the top; the terms a bidder needs, never the reserve.
        HttpResult r = listed(u"trade-listings"_s, u"place="_s + kCounty);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"total"_s).toInteger(), 2);
        QCOMPARE(r.json.value(u"rows"_s).toArray().first().toObject().value(u"listingNo"_s).toString(),
                 u"CQ-P-0002"_s);
        QJsonObject row = rowWith(r, u"listingNo"_s, u"CQ-P-0001"_s);
        QCOMPARE(row.value(u"village"_s).toString(), unitName(kVillage));
        QCOMPARE(row.value(u"subject"_s).toString(), u"东圩耕地经营权（20 亩）"_s);
        QCOMPARE(row.value(u"rightKind"_s).toString(), u"土地经营权"_s);
        QCOMPARE(row.value(u"areaMu"_s).toDouble(), 20.0);
        QCOMPARE(row.value(u"termYears"_s).toInteger(), 5);
        QCOMPARE(row.value(u"startPrice"_s).toInteger(), 800'000);
        QCOMPARE(row.value(u"step"_s).toInteger(), 50'000);
        QCOMPARE(row.value(u"deposit"_s).toInteger(), 100'000);
        QCOMPARE(row.value(u"qualifications"_s).toString(),
                 u"具有农业生产经营能力的自然人、法人或其他组织"_s);
        QCOMPARE(row.value(u"noticeFrom"_s).toString(), u"2026-11-02"_s);
        QCOMPARE(row.value(u"noticeTo"_s).toString(), u"2026-11-10"_s);
        QVERIFY(!row.contains(u"reserve"_s));
        QVERIFY2(!r.body.contains("1234500") && !r.body.contains("12345"), r.body.constData());
        // By place and kind of right.
        const auto totalOf = [&listed](const QString &name, const QString &query) {
            return listed(name, query).json.value(u"total"_s).toInteger(-1);
        };
        QCOMPARE(totalOf(u"trade-listings"_s, u"place="_s + kTown), 2);
        QCOMPARE(totalOf(u"trade-listings"_s, u"place="_s + kVillage), 1);
        QCOMPARE(totalOf(u"trade-listings"_s, u"place="_s + kOtherTown), 0);
        QCOMPARE(totalOf(u"trade-listings"_s, u"place=%1&rightKind=land"_s.arg(kCounty)), 2);
        QCOMPARE(totalOf(u"trade-listings"_s, u"place=%1&rightKind=forest"_s.arg(kCounty)), 0);
        EXPECT_ERROR(listed(u"trade-listings"_s, u"place=%1&rightKind=nope"_s.arg(kCounty)), 400,
                     "BAD_REQUEST");
        EXPECT_ERROR(listed(u"trade-listings"_s, u"place="_s + kCity), 400, "BAD_REQUEST");
        // Nothing dealt yet.
        QCOMPARE(totalOf(u"trade-deals"_s, u"place="_s + kCounty), 0);

        // The second village's: qualified after its notice, three bids through the server, the hammer.
        setChinaTime(QDate(2026, 11, 4));
        QVERIFY(listingStep(kTownClerk, sold, kVillage2, {{u"action"_s, u"qualify"_s}, {u"qualified"_s, 3}}));
        QCOMPARE(totalOf(u"trade-listings"_s, u"place="_s + kCounty), 1); // bidding: no longer in its notice
        EXPECT_STATUS(bid(sold, second, 800'000), 201);
        m_server->clock().advanceMs(30'000);
        EXPECT_STATUS(bid(sold, third, 900'000), 201);
        m_server->clock().advanceMs(30'000);
        EXPECT_STATUS(bid(sold, winner, 1'050'000), 201);
        QVERIFY(listingStep(kTownClerk, sold, kVillage2, {{u"action"_s, u"hammer"_s}}));
        QCOMPARE(storedFields(sold).value(u"state"_s).toString(), u"dealt"_s);
        QCOMPARE(storedFields(sold).value(u"winnerId"_s).toString(), winner);
        // Dealt, its result notice not yet begun: not listed.
        QCOMPARE(totalOf(u"trade-deals"_s, u"place="_s + kCounty), 0);

        // 成交公示 from the 5th: the price, the day and the transferee by name; nobody's ID number or phone,
        // nor the other bidders.
        setChinaTime(QDate(2026, 11, 5));
        QVERIFY(listingStep(kTownClerk, sold, kVillage2,
                            {{u"action"_s, u"announce"_s}, {u"from"_s, u"2026-11-05"_s}}));
        QCOMPARE(storedFields(sold).value(u"state"_s).toString(), u"announced"_s);
        const auto checkDeals = [&]() {
            const HttpResult deals = listed(u"trade-deals"_s, u"place="_s + kCounty);
            EXPECT_STATUS(deals, 200);
            QCOMPARE(deals.json.value(u"total"_s).toInteger(), 1);
            const QJsonObject deal = rowWith(deals, u"listingNo"_s, u"CQ-P-0002"_s);
            QCOMPARE(deal.value(u"village"_s).toString(), unitName(kVillage2));
            QCOMPARE(deal.value(u"subject"_s).toString(), u"东圩耕地经营权（20 亩）"_s);
            QCOMPARE(deal.value(u"dealPrice"_s).toInteger(), 1'050'000);
            QCOMPARE(deal.value(u"transferee"_s).toString(), u"顾海林"_s);
            QCOMPARE(deal.value(u"dealOn"_s).toString(), u"2026-11-04"_s);
            QCOMPARE(deal.value(u"resultFrom"_s).toString(), u"2026-11-05"_s);
            const QString body = QString::fromUtf8(deals.body);
            for (const QString &secret : {winnerIdNumber, IdCard::masked(winnerIdNumber), winnerPhone,
                                          loserIdNumber, u"陈建国"_s, u"施卫东"_s, winner, second})
                QVERIFY2(!body.contains(secret), qPrintable(secret + u" in "_s + body));
            QVERIFY2(!kIdNumber.match(body).hasMatch(), qPrintable(body));
            QVERIFY2(!kMobile.match(body).hasMatch(), qPrintable(body));
        };
        checkDeals();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(totalOf(u"trade-listings"_s, u"place="_s + kCounty), 1);
        QVERIFY(rowWith(listed(u"trade-listings"_s, u"place="_s + kCounty), u"listingNo"_s, u"CQ-P-0002"_s)
                    .isEmpty());
        QCOMPARE(totalOf(u"trade-deals"_s, u"place="_s + kVillage2), 1);
        QCOMPARE(totalOf(u"trade-deals"_s, u"place="_s + kVillage), 0);
        QCOMPARE(totalOf(u"trade-deals"_s, u"place=%1&rightKind=water"_s.arg(kCounty)), 0);

        // Signed after the five working days of the notice (5–11 November): still listed.
        setChinaTime(QDate(2026, 11, 12));
        QVERIFY(listingStep(kTownClerk, sold, kVillage2,
                            {{u"action"_s, u"sign"_s}, {u"contractNo"_s, u"TZ-CQ-2026-901"_s}}));
        QCOMPARE(storedFields(sold).value(u"state"_s).toString(), u"signed"_s);
        checkDeals();
        setChinaTime(QDate(2026, 3, 2));
    }
};

QTEST_MAIN(TestPortalModules)
#include "tst_portal_modules.moc"
