// 产权交易 (MODULES.md §3) as the server keeps it, on both stores, over real pushes of the demo accounts and
// the server's bid route: a listing of a village's land applied for by the town's clerk, approved by the
// town's reviewer (the station's level) and by nobody else, published; bidders registered during the notice
// and not after it; qualification only once the notice has ended; bids taken only through the route, stamped
// with the server's time and judged against the start price and the last bid plus the step, never pushed by a
// clerk, never after the hammer; the hammer dealing to the highest bid at or above the reserve; the result
// notice of five working days before signing; signing writing the village's 三资 contract for review;
// settlement and certificate. A listing nobody qualified for unsold and relisted, bids under the reserve
// unsold; open negotiation after a second notice; a suspension and its resumption; two bids of the same
// amount sent at once, one taken and one refused. Then the seven trading rules on the store, table-driven (a
// notice across the National Day holiday, the edges of each rule's default parameters, the deadlines passed
// by moving the clock, a winner on the town's register of village cadres and their relatives). The module's
// demo records are not loaded: the test makes all it reads.
#include "common/collective/CollectiveTypes.h"
#include "common/core/ChinaTime.h"
#include "common/trading/CadreTypes.h"
#include "common/trading/TradingTypes.h"
#include "tests/server/WarningsTest.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

namespace {

const QString kListingType = QString::fromUtf16(trading::ListingType::kName);
const QString kRegistrationType = QString::fromUtf16(trading::RegistrationType::kName);
const QString kResourceType = QString::fromUtf16(collective::CollectiveResourceType::kName);
const QString kCadreType = QString::fromUtf16(trading::CadreRegisterType::kName);
const QString kTownLeader = u"town-leader"_s;
const QString kRudongClerk = u"rudong-clerk"_s; // 如东县: outside every listing of the test
const QDate kToday(2026, 11, 20);               // a Friday
// The rules' rows put their listings here.
const QString kRulesVillage = DemoData::villageId(kTown, 2);

// What a rule's finding is about: the warning's subject and period; `timed` when the clock was moved past a
// deadline after the records were made.
struct Subject
{
    QString type;
    QString id;
    QString period;
    bool timed = false;
};

// A step of a listing's path as the program appends it.
QJsonObject act(const QString &action, QJsonObject more = {})
{
    more.insert(u"action"_s, action);
    return more;
}

QJsonObject merged(QJsonObject into, const QJsonObject &more)
{
    for (auto it = more.constBegin(); it != more.constEnd(); ++it)
        into.insert(it.key(), it.value());
    return into;
}

} // namespace

class TestTrading : public WarningsTest
{
    Q_OBJECT

private:
    int m_listingNo = 0;

    QString orgUnitOf(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT org_unit_id FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.text(0) : QString();
    }

    QString stateOf(const QString &id) { return storedFields(id).value(u"state"_s).toString(); }

    // 20 mu of land at the town station: reserve 10,000 yuan a year, bidding from 8,000 in steps of 500, a
    // deposit of 1,000, five years; applied for (the first step). `overrides` replace any of it.
    QJsonObject listingFields(const QJsonObject &overrides = {})
    {
        ++m_listingNo;
        return merged({{u"listingNo"_s, u"CQ-T-%1"_s.arg(m_listingNo, 4, 10, QChar(u'0'))},
                       {u"subject"_s, u"东圩耕地经营权（20 亩）"_s},
                       {u"rightKind"_s, u"land"_s},
                       {u"areaMu"_s, 20.0},
                       {u"termYears"_s, 5},
                       {u"reserve"_s, 1'000'000},
                       {u"startPrice"_s, 800'000},
                       {u"step"_s, 50'000},
                       {u"deposit"_s, 100'000},
                       {u"decisionRef"_s, u"村民代表会议决议〔2026〕T%1号"_s.arg(m_listingNo)},
                       {u"decisionOn"_s, u"2026-01-10"_s},
                       {u"centreLevel"_s, u"town"_s},
                       {u"steps"_s, QJsonArray{act(u"submit"_s)}}},
                      overrides);
    }

    // A listing of the village applied for by the town's clerk; its id (empty when refused).
    QString newListing(const QString &village, const QJsonObject &overrides = {})
    {
        return create(kTownClerk, kListingType, village, listingFields(overrides));
    }

    // Appends one step to the listing's path as `username`.
    Answer take(const QString &username, const QString &listingId, const QJsonObject &step)
    {
        QJsonArray steps = storedFields(listingId).value(u"steps"_s).toArray();
        steps.append(step);
        return pushOne(username,
                       upsert(kListingType, listingId, orgUnitOf(listingId), {{u"steps"_s, steps}}));
    }

    bool took(const QString &username, const QString &listingId, const QJsonObject &step)
    {
        const Answer a = take(username, listingId, step);
        if (a.status() != u"applied"_s) {
            qWarning("%s by %s not applied: %s", qPrintable(step.value(u"action"_s).toString()),
                     qPrintable(username), a.describe().constData());
            return false;
        }
        return true;
    }

    // A bidder registered by the town's clerk with a deposit of 1,000 yuan paid today; the registration's id.
    QString registerBidder(const QString &listingId, const QString &name, bool qualified = true,
                           QString bidderId = {})
    {
        if (bidderId.isEmpty())
            bidderId = freshIdNumber();
        return create(kTownClerk, kRegistrationType, orgUnitOf(listingId),
                      {{u"listingId"_s, listingId},
                       {u"bidderName"_s, name},
                       {u"bidderId"_s, bidderId},
                       {u"depositPaid"_s, 100'000},
                       {u"depositPaidOn"_s, iso(chinaDateOf(now()))},
                       {u"qualified"_s, qualified}},
                      trading::RegistrationType::recordIdFor(listingId, bidderId));
    }

    // POST /api/v1/trading/listings/{id}/bids as `username`.
    HttpResult bid(const QString &username, const QString &listingId, const QString &registrationId,
                   qint64 amount)
    {
        return m_http->post(u"/api/v1/trading/listings/%1/bids"_s.arg(listingId),
                            {{u"registrationId"_s, registrationId}, {u"amount"_s, amount}}, token(username));
    }

    // Several POSTs in flight at once on their own connections; the answers in the order sent.
    QList<HttpResult> postTogether(const QString &path, const QList<QJsonObject> &bodies,
                                   const QString &bearer)
    {
        QNetworkAccessManager nam;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({m_server->caCertificate()});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        QList<QNetworkReply *> replies;
        for (const QJsonObject &body : bodies) {
            QNetworkRequest request(m_server->baseUrl().resolved(QUrl(path)));
            request.setSslConfiguration(tls);
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", QByteArray("Bearer " + bearer.toLatin1()));
            replies.append(nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
        }
        QEventLoop loop;
        int pending = int(replies.size());
        for (QNetworkReply *reply : std::as_const(replies)) {
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&pending, &loop] {
                if (--pending == 0)
                    loop.quit();
            });
        }
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        if (pending > 0)
            loop.exec();
        QList<HttpResult> out;
        for (QNetworkReply *reply : std::as_const(replies)) {
            HttpResult r;
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.body = reply->readAll();
            r.json = QJsonDocument::fromJson(r.body).object();
            r.networkError = reply->error();
            r.errorString = reply->errorString();
            r.timedOut = !reply->isFinished();
            out.append(r);
        }
        return out;
    }

    // 20 mu of the village's land, let; its id.
    QString newResource(const QString &village)
    {
        return create(kTownClerk, kResourceType, village,
                      {{u"name"_s, u"东圩耕地"_s},
                       {u"kind"_s, u"land"_s},
                       {u"areaMu"_s, 20.0},
                       {u"state"_s, u"let"_s}});
    }

    // A listing of the village applied for, approved and published for `from`–`to`, the clock on `from`.
    QString noticed(const QString &village, QDate from, QDate to, const QJsonObject &overrides = {})
    {
        setChinaTime(from);
        const QString id = newListing(village, overrides);
        if (id.isEmpty() || !took(kTownReviewer, id, act(u"approve"_s)) ||
            !took(kTownClerk, id, act(u"publish"_s, {{u"from"_s, iso(from)}, {u"to"_s, iso(to)}})))
            return {};
        return id;
    }

    // A listing noticed(), three bidders registered and qualified during the notice, qualified on the day
    // after it (the clock there): bidding. The registrations in `registrations`.
    QString bidding(const QString &village, QDate from, QDate to, QStringList *registrations)
    {
        const QString id = noticed(village, from, to);
        if (id.isEmpty())
            return {};
        registrations->clear();
        for (const QString &name : {u"顾竞买"_s, u"陈竞买"_s, u"施竞买"_s}) {
            const QString r = registerBidder(id, name);
            if (r.isEmpty())
                return {};
            registrations->append(r);
        }
        setChinaTime(to.addDays(1));
        if (!took(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 3}})))
            return {};
        return id;
    }

    // A listing of the village dealt on `start` + 4 days by open negotiation with its one bidder `bidderId`
    // at `price`: two notices of two days, one qualified bidder after each. Its id.
    QString negotiated(const QString &village, QDate start, qint64 price, const QString &bidderId)
    {
        const QString id = noticed(village, start, start.addDays(1));
        if (id.isEmpty())
            return {};
        const QString sole = registerBidder(id, u"周独家"_s, true, bidderId);
        if (sole.isEmpty())
            return {};
        setChinaTime(start.addDays(2));
        if (!took(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 1}})) ||
            !took(kTownClerk, id,
                  act(u"publish"_s, {{u"from"_s, iso(start.addDays(2))}, {u"to"_s, iso(start.addDays(3))}})))
            return {};
        setChinaTime(start.addDays(4));
        if (!took(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 1}})) ||
            !took(kTownClerk, id, act(u"negotiate"_s, {{u"registrationId"_s, sole}, {u"amount"_s, price}})))
            return {};
        return id;
    }

    // The warnings about a record, as "RULE/period", sorted.
    QStringList raisedAbout(const QString &subjectId)
    {
        QStringList out;
        SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE type = 'warning' AND deleted = 0"_s);
        q.exec();
        while (q.next()) {
            const QJsonObject w = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
            if (w.value(u"subjectId"_s).toString() == subjectId)
                out.append(w.value(u"rule"_s).toString() + u'/' + w.value(u"period"_s).toString());
        }
        out.sort();
        return out;
    }

    // The records of one row of rulesOnTheStore, on fresh listings, with the clock set; what the rule is
    // about (an empty id when a record was refused).
    Subject build(const QString &scenario)
    {
        // LISTING_PERIOD_SHORT: a notice from Monday 2026-09-28 over the National Day holiday (10-01 to
        // 10-07): to Friday 10-09 it has 5 working days, to Monday 10-12 7 (with the make-up Saturday 10-10);
        // the least is 7.
        if (scenario.startsWith(u"notice-"_s)) {
            const QDate to = scenario == u"notice-5-days"_s ? QDate(2026, 10, 9) : QDate(2026, 10, 12);
            return {kListingType, noticed(kRulesVillage, QDate(2026, 9, 28), to), u"1"_s};
        }
        // DEAL_BELOW_RESERVE: let by negotiation at 9,999.99 yuan or at the reserve of 10,000.
        if (scenario.startsWith(u"negotiated-"_s)) {
            const qint64 price = scenario == u"negotiated-below"_s ? 999'999 : 1'000'000;
            return {kListingType, negotiated(kRulesVillage, QDate(2026, 11, 2), price, freshIdNumber()), {}};
        }
        // RELIST_PRICE_DROP: 10,000 yuan unsold (nobody qualified), relisted at 8,900 or 9,000 under the same
        // decision or a new one; the most without a new decision is 10 %.
        if (scenario.startsWith(u"relist-"_s)) {
            const QString first = noticed(kRulesVillage, QDate(2026, 11, 2), QDate(2026, 11, 3));
            if (first.isEmpty())
                return {};
            setChinaTime(QDate(2026, 11, 4));
            if (!took(kTownClerk, first, act(u"qualify"_s, {{u"qualified"_s, 0}})))
                return {};
            const qint64 reserve = scenario == u"relist-10-same"_s ? 900'000 : 890'000;
            const QString decision = storedFields(first).value(u"decisionRef"_s).toString();
            return {kListingType,
                    newListing(kRulesVillage, {{u"relistOf"_s, first},
                                               {u"reserve"_s, reserve},
                                               {u"startPrice"_s, reserve},
                                               {u"decisionRef"_s, scenario == u"relist-11-new"_s
                                                                      ? QString(decision + u"（重新决议）"_s)
                                                                      : decision}}),
                    {}};
        }
        // SINGLE_BIDDER_REPEAT: one bidder, alone, let two plots of the village or one; the least is two.
        if (scenario.startsWith(u"sole-"_s)) {
            const QString bidder = freshIdNumber();
            const int deals = scenario == u"sole-twice"_s ? 2 : 1;
            for (int i = 0; i < deals; ++i) {
                if (negotiated(kRulesVillage, QDate(2026, 11, 2).addDays(7 * i), 1'000'000, bidder).isEmpty())
                    return {};
            }
            return {u"person"_s, rules::personSubjectId(bidder), kRulesVillage};
        }
        // DEAL_NOT_SIGNED: dealt on Friday 2026-11-06 and not signed; ten working days end on 2026-11-20.
        if (scenario.startsWith(u"unsigned-"_s)) {
            const QString id = negotiated(kRulesVillage, QDate(2026, 11, 2), 1'000'000, freshIdNumber());
            setChinaTime(scenario == u"unsigned-after"_s ? QDate(2026, 11, 23) : QDate(2026, 11, 20));
            return {kListingType, id, {}, true};
        }
        // DEPOSIT_NOT_REFUNDED: three bidders, dealt to the first on Wednesday 2026-11-04 (or unsold: no
        // bid); the second one's deposit is due back within five working days, by 2026-11-11.
        if (scenario.startsWith(u"deposit-"_s)) {
            QStringList regs;
            const QString id = bidding(kRulesVillage, QDate(2026, 11, 2), QDate(2026, 11, 3), &regs);
            if (id.isEmpty())
                return {};
            if (scenario != u"deposit-unsold"_s) {
                const HttpResult r = bid(kTownClerk, id, regs.at(0), 1'000'000);
                if (r.status != 201) {
                    qWarning("bid not taken: %s", r.describe().constData());
                    return {};
                }
            }
            if (!took(kTownClerk, id, act(u"hammer"_s)))
                return {};
            setChinaTime(scenario == u"deposit-on-the-day"_s ? QDate(2026, 11, 11) : QDate(2026, 11, 12));
            if (scenario == u"deposit-refunded"_s) {
                const Answer a = pushOne(
                    kTownClerk, upsert(kRegistrationType, regs.at(1), kRulesVillage,
                                       {{u"refundedOn"_s, u"2026-11-10"_s}, {u"refundAmount"_s, 100'000}}));
                if (a.status() != u"applied"_s) {
                    qWarning("refund not recorded: %s", a.describe().constData());
                    return {};
                }
            }
            return {kRegistrationType, regs.at(1), {}, true};
        }
        // WINNER_RELATED_TO_CADRE: the town's clerk registers the spouse of a village secretary in office
        // since the 2021 election, for the listing's village (or for another village of the town, or with the
        // term ended on 2026-11-05); the spouse alone then wins the listing by negotiation on 2026-11-06.
        if (scenario.startsWith(u"cadre-"_s)) {
            const QString spouse = freshIdNumber();
            QJsonObject entry{
                {u"villageId"_s, scenario == u"cadre-other-village"_s ? kVillage : kRulesVillage},
                {u"position"_s, u"secretary"_s},
                {u"cadreName"_s, u"王书记"_s},
                {u"cadreIdNumber"_s, freshIdNumber()},
                {u"relation"_s, u"spouse"_s},
                {u"relativeName"_s, u"周独家"_s},
                {u"relativeIdNumber"_s, spouse},
                {u"inOfficeFrom"_s, u"2021-12-28"_s}};
            if (scenario == u"cadre-out-of-office"_s)
                entry.insert(u"inOfficeTo"_s, u"2026-11-05"_s);
            if (create(kTownClerk, kCadreType, kTown, entry).isEmpty())
                return {};
            const QString listing = negotiated(kRulesVillage, QDate(2026, 11, 2), 1'000'000, spouse);
            if (listing.isEmpty())
                return {};
            return {u"person"_s, rules::personSubjectId(spouse), listing};
        }
        qWarning("unknown scenario %s", qPrintable(scenario));
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        QVERIFY(!addUser(*m_server, kRudongClerk, Role::Clerk, u"320623000000"_s, {}).isEmpty());
        setChinaTime(kToday);
    }
    void cleanupTestCase() { stopServer(); }

    // --- the path ---

    void auctionEndToEnd()
    {
        setChinaTime(QDate(2026, 11, 2)); // a Monday
        const QString resource = newResource(kVillage);
        QVERIFY(!resource.isEmpty());

        // Applied for by the town's clerk, not its reviewer.
        EXPECT_REJECTED(pushOne(kTownReviewer, upsert(kListingType, newId(), kVillage,
                                                      listingFields({{u"resourceId"_s, resource}}))),
                        "FORBIDDEN", "steps");
        const QString id = newListing(kVillage, {{u"resourceId"_s, resource}});
        QVERIFY(!id.isEmpty());
        QCOMPARE(stateOf(id), u"applied"_s);
        const QString listingNo = storedFields(id).value(u"listingNo"_s).toString();

        // Approved by the reviewer of the station's level (the town), not the county's, not a clerk.
        EXPECT_REJECTED(take(kCountyReviewer, id, act(u"approve"_s)), "FORBIDDEN", "steps");
        EXPECT_REJECTED(take(kTownClerk, id, act(u"approve"_s)), "FORBIDDEN", "steps");
        QCOMPARE(stateOf(id), u"applied"_s);
        EXPECT_APPLIED(take(kTownReviewer, id, act(u"approve"_s)));
        QCOMPARE(stateOf(id), u"approved"_s);

        // Published for seven working days, 2 to 10 November.
        EXPECT_APPLIED(take(kTownClerk, id,
                            act(u"publish"_s, {{u"from"_s, u"2026-11-02"_s}, {u"to"_s, u"2026-11-10"_s}})));
        QJsonObject f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"noticed"_s);
        QCOMPARE(f.value(u"noticeRound"_s).toInteger(), 1);
        QCOMPARE(f.value(u"noticeTo"_s).toString(), u"2026-11-10"_s);
        // The terms stay once published.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kListingType, id, kVillage, {{u"reserve"_s, 900'000}})),
                        "FORBIDDEN", "reserve");

        // Registrations during the notice: three qualified, one not.
        const QString a = registerBidder(id, u"顾海林"_s);
        const QString b = registerBidder(id, u"陈建国"_s);
        const QString c = registerBidder(id, u"施卫东"_s);
        const QString d = registerBidder(id, u"黄志强"_s, false);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !d.isEmpty());
        const QString winnerIdNumber = storedFields(a).value(u"bidderId"_s).toString();

        // Qualification once the notice has ended, not on its last day.
        setChinaTime(QDate(2026, 11, 10));
        EXPECT_REJECTED(take(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 3}})), "FORBIDDEN", "steps");
        setChinaTime(QDate(2026, 11, 11));
        EXPECT_APPLIED(take(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 3}})));
        QCOMPARE(stateOf(id), u"bidding"_s);
        // No registration after the notice.
        const QString late = freshIdNumber();
        EXPECT_REJECTED(
            pushOne(kTownClerk,
                    upsert(kRegistrationType, trading::RegistrationType::recordIdFor(id, late), kVillage,
                           {{u"listingId"_s, id}, {u"bidderName"_s, u"陆迟到"_s}, {u"bidderId"_s, late}})),
            "VALIDATION_FAILED", "listingId");

        // The bids, through the server only.
        QList<qint64> times;
        QStringList bidders;
        QStringList takers;
        HttpResult r = bid(kTownClerk, id, a, 790'000);
        EXPECT_ERROR(r, 403, "FORBIDDEN");
        QVERIFY2(r.errorMessage().contains(u"起拍价"_s), r.describe().constData());
        r = bid(kTownClerk, id, a, 800'000);
        EXPECT_STATUS(r, 201);
        times << now();
        bidders << a;
        takers << kTownClerk;
        QJsonObject listing = r.json.value(u"listing"_s).toObject();
        QCOMPARE(listing.value(u"id"_s).toString(), id);
        QCOMPARE(listing.value(u"state"_s).toString(), u"bidding"_s);
        QCOMPARE(listing.value(u"bids"_s).toInteger(), 1);
        QCOMPARE(listing.value(u"highBid"_s).toInteger(), 800'000);
        QCOMPARE(listing.value(u"minimumNextBid"_s).toInteger(), 850'000);
        const QJsonObject first = listing.value(u"steps"_s).toArray().last().toObject();
        QCOMPARE(first.value(u"action"_s).toString(), u"bid"_s);
        QCOMPARE(first.value(u"registrationId"_s).toString(), a);
        QCOMPARE(first.value(u"amount"_s).toInteger(), 800'000);
        QCOMPARE(first.value(u"at"_s).toInteger(), times.last());
        QCOMPARE(first.value(u"on"_s).toString(), u"2026-11-11"_s);
        QCOMPARE(first.value(u"by"_s).toString(), QString(u"server:bid:"_s + userId(kTownClerk)));

        m_server->clock().advanceMs(30'000);
        r = bid(kTownClerk, id, b, 840'000);
        EXPECT_ERROR(r, 403, "FORBIDDEN");
        QVERIFY2(r.errorMessage().contains(u"低于最低应价"_s), r.describe().constData());
        r = bid(kTownReviewer, id, b, 850'000); // the station's reviewer takes bids too
        EXPECT_STATUS(r, 201);
        times << now();
        bidders << b;
        takers << kTownReviewer;

        m_server->clock().advanceMs(45'000);
        // Only a qualified registration of this listing bids.
        r = bid(kTownClerk, id, d, 900'000);
        EXPECT_ERROR(r, 403, "FORBIDDEN");
        r = bid(kTownClerk, id, newId(), 900'000);
        EXPECT_ERROR(r, 422, "VALIDATION_FAILED");
        // Never entered by a clerk as a push, not even online.
        EXPECT_REJECTED(
            take(kTownClerk, id, act(u"bid"_s, {{u"registrationId"_s, c}, {u"amount"_s, 1'000'000}})),
            "FORBIDDEN", "steps");
        // Only the station's staff take bids; outside the area the listing is not there.
        EXPECT_ERROR(bid(kCountyClerk, id, c, 1'000'000), 403, "FORBIDDEN");
        EXPECT_ERROR(bid(kTownLeader, id, c, 1'000'000), 403, "FORBIDDEN");
        EXPECT_ERROR(bid(kRudongClerk, id, c, 1'000'000), 404, "NOT_FOUND");
        EXPECT_ERROR(bid(kTownClerk, newId(), c, 1'000'000), 404, "NOT_FOUND");
        EXPECT_ERROR(m_http->post(u"/api/v1/trading/listings/%1/bids"_s.arg(id),
                                  {{u"registrationId"_s, c}, {u"amount"_s, 1'000'000}, {u"at"_s, 1}},
                                  token(kTownClerk)),
                     400, "UNKNOWN_FIELD");
        QCOMPARE(storedFields(id).value(u"bids"_s).toInteger(), 2);

        r = bid(kTownClerk, id, c, 1'000'000);
        EXPECT_STATUS(r, 201);
        times << now();
        bidders << c;
        takers << kTownClerk;
        m_server->clock().advanceMs(20'000);
        r = bid(kTownClerk, id, a, 1'050'000);
        EXPECT_STATUS(r, 201);
        times << now();
        bidders << a;
        takers << kTownClerk;

        // The bids in the order the server took them, with its time.
        const QList<qint64> amounts{800'000, 850'000, 1'000'000, 1'050'000};
        for (const QString &reader : {kTownLeader, kTownClerk}) {
            const HttpResult got = m_http->get(u"/api/v1/trading/listings/%1/bids"_s.arg(id), token(reader));
            EXPECT_STATUS(got, 200);
            const QJsonArray list = got.json.value(u"bids"_s).toArray();
            QCOMPARE(list.size(), 4);
            QCOMPARE(got.json.value(u"highBid"_s).toInteger(), 1'050'000);
            for (int i = 0; i < 4; ++i) {
                const QJsonObject one = list.at(i).toObject();
                QCOMPARE(one.value(u"n"_s).toInteger(), i + 1);
                QCOMPARE(one.value(u"registrationId"_s).toString(), bidders.at(i));
                QCOMPARE(one.value(u"amount"_s).toInteger(), amounts.at(i));
                QCOMPARE(one.value(u"at"_s).toInteger(), times.at(i));
                QVERIFY(one.value(u"time"_s).toString().startsWith(u"2026-11-11 10:0"_s));
                QCOMPARE(one.value(u"by"_s).toString(), QString(u"server:bid:"_s + userId(takers.at(i))));
            }
        }
        EXPECT_ERROR(m_http->get(u"/api/v1/trading/listings/%1/bids"_s.arg(id), token(kRudongClerk)), 404,
                     "NOT_FOUND");

        // The hammer: the highest bid, above the reserve, wins. No bid after it.
        EXPECT_APPLIED(take(kTownClerk, id, act(u"hammer"_s)));
        f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"dealt"_s);
        QCOMPARE(f.value(u"dealPrice"_s).toInteger(), 1'050'000);
        QCOMPARE(f.value(u"winnerId"_s).toString(), a);
        QCOMPARE(f.value(u"dealOn"_s).toString(), u"2026-11-11"_s);
        EXPECT_ERROR(bid(kTownClerk, id, b, 1'100'000), 403, "FORBIDDEN");
        QCOMPARE(storedFields(id).value(u"bids"_s).toInteger(), 4);

        // The result notice from 12 November: five working days, to the 18th. Signed after it, not during it.
        setChinaTime(QDate(2026, 11, 12));
        EXPECT_APPLIED(take(kTownClerk, id, act(u"announce"_s, {{u"from"_s, u"2026-11-12"_s}})));
        QCOMPARE(stateOf(id), u"announced"_s);
        const QJsonObject sign = act(u"sign"_s, {{u"contractNo"_s, u"TZ-CQ-2026-001"_s}});
        setChinaTime(QDate(2026, 11, 18));
        const Answer early = take(kTownClerk, id, sign);
        EXPECT_REJECTED(early, "FORBIDDEN", "steps");
        QVERIFY2(early.message().contains(u"2026-11-18"_s), early.describe().constData());
        QCOMPARE(version(trading::ListingType::contractIdFor(id)), 0);
        setChinaTime(QDate(2026, 11, 19));
        EXPECT_APPLIED(take(kTownClerk, id, sign));
        f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"signed"_s);
        QCOMPARE(f.value(u"signedOn"_s).toString(), u"2026-11-19"_s);
        QCOMPARE(f.value(u"contractNo"_s).toString(), u"TZ-CQ-2026-001"_s);

        // The village's 三资 contract, for the town's review, referring to the deal.
        const QString contractId = trading::ListingType::contractIdFor(id);
        QCOMPARE(orgUnitOf(contractId), kVillage);
        const QJsonObject contract = storedFields(contractId);
        QCOMPARE(contract.value(u"state"_s).toString(), u"review"_s);
        QCOMPARE(contract.value(u"dealNo"_s).toString(), listingNo);
        QCOMPARE(contract.value(u"dealOn"_s).toString(), u"2026-11-11"_s);
        QCOMPARE(contract.value(u"contractNo"_s).toString(), u"TZ-CQ-2026-001"_s);
        QCOMPARE(contract.value(u"kind"_s).toString(), u"contracting-out"_s);
        QCOMPARE(contract.value(u"resourceId"_s).toString(), resource);
        QCOMPARE(contract.value(u"counterpartyName"_s).toString(), u"顾海林"_s);
        QCOMPARE(contract.value(u"counterpartyId"_s).toString(), winnerIdNumber);
        QCOMPARE(contract.value(u"startOn"_s).toString(), u"2026-11-19"_s);
        QCOMPARE(contract.value(u"endOn"_s).toString(), u"2031-11-18"_s);
        QCOMPARE(contract.value(u"areaMu"_s).toDouble(), 20.0);
        QCOMPARE(contract.value(u"pricePerMu"_s).toInteger(), 52'500);
        QCOMPARE(contract.value(u"decisionRef"_s).toString(),
                 storedFields(id).value(u"decisionRef"_s).toString());

        // The losers' deposits back; settled; certified with the certificate's number.
        for (const QString &loser : {b, c}) {
            EXPECT_APPLIED(pushOne(
                kTownClerk, upsert(kRegistrationType, loser, kVillage,
                                   {{u"refundedOn"_s, u"2026-11-19"_s}, {u"refundAmount"_s, 100'000}})));
        }
        EXPECT_APPLIED(take(kTownClerk, id, act(u"settle"_s)));
        QCOMPARE(stateOf(id), u"settled"_s);
        EXPECT_REJECTED(take(kTownClerk, id, act(u"certify"_s)), "FORBIDDEN", "steps");
        EXPECT_APPLIED(take(kTownClerk, id, act(u"certify"_s, {{u"certificateNo"_s, u"TZJZ-2026-0031"_s}})));
        f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"certified"_s);
        QCOMPARE(f.value(u"certificateNo"_s).toString(), u"TZJZ-2026-0031"_s);
        // A listing under way stays: it ends by termination, not deletion.
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kListingType, id, kVillage)), u"FORBIDDEN"_s, QString());
    }

    void unsoldThenRelisted()
    {
        // Nobody qualified: unsold, and finished.
        const QString first = noticed(kVillage2, QDate(2026, 11, 2), QDate(2026, 11, 10));
        QVERIFY(!first.isEmpty());
        setChinaTime(QDate(2026, 11, 11));
        EXPECT_APPLIED(take(kTownClerk, first, act(u"qualify"_s, {{u"qualified"_s, 0}})));
        QCOMPARE(stateOf(first), u"unsold"_s);
        EXPECT_REJECTED(take(kTownClerk, first,
                             act(u"publish"_s, {{u"from"_s, u"2026-11-12"_s}, {u"to"_s, u"2026-11-20"_s}})),
                        "FORBIDDEN", "steps");
        EXPECT_REJECTED(take(kTownClerk, first, act(u"suspend"_s, {{u"reason"_s, u"核实"_s}})), "FORBIDDEN",
                        "steps");

        // Listed again, at a lower reserve; a listing is never its own relisting.
        const QString second = newListing(
            kVillage2, {{u"relistOf"_s, first}, {u"reserve"_s, 900'000}, {u"startPrice"_s, 700'000}});
        QVERIFY(!second.isEmpty());
        QCOMPARE(storedFields(second).value(u"relistOf"_s).toString(), first);
        QCOMPARE(stateOf(second), u"applied"_s);
        const QString self = newId();
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kListingType, self, kVillage2,
                                                   listingFields({{u"relistOf"_s, self}}))),
                        "VALIDATION_FAILED", "relistOf");

        // Bids that never reach the reserve: unsold too, without a winner.
        QStringList regs;
        const QString third = bidding(kVillage2, QDate(2026, 11, 16), QDate(2026, 11, 18), &regs);
        QVERIFY(!third.isEmpty());
        EXPECT_STATUS(bid(kTownClerk, third, regs.at(0), 800'000), 201);
        EXPECT_STATUS(bid(kTownClerk, third, regs.at(1), 950'000), 201);
        EXPECT_APPLIED(take(kTownClerk, third, act(u"hammer"_s)));
        const QJsonObject f = storedFields(third);
        QCOMPARE(f.value(u"state"_s).toString(), u"unsold"_s);
        QCOMPARE(f.value(u"highBid"_s).toInteger(), 950'000);
        QVERIFY(!f.contains(u"winnerId"_s));
        QVERIFY(!f.contains(u"dealPrice"_s));
        EXPECT_ERROR(bid(kTownClerk, third, regs.at(2), 1'000'000), 403, "FORBIDDEN");
    }

    void negotiationAfterTwoNotices()
    {
        const QString id = noticed(kVillage, QDate(2026, 11, 2), QDate(2026, 11, 10));
        QVERIFY(!id.isEmpty());
        const QString a = registerBidder(id, u"朱协商"_s);
        const QString b = registerBidder(id, u"钱协商"_s);
        QVERIFY(!a.isEmpty() && !b.isEmpty());

        // Two qualified: no auction, a second notice.
        setChinaTime(QDate(2026, 11, 11));
        const QJsonObject deal = act(u"negotiate"_s, {{u"registrationId"_s, a}, {u"amount"_s, 950'000}});
        EXPECT_REJECTED(take(kTownClerk, id, deal), "FORBIDDEN", "steps");
        EXPECT_APPLIED(take(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 2}})));
        QJsonObject f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(f.value(u"qualified"_s).toInteger(), 2);
        EXPECT_ERROR(bid(kTownClerk, id, a, 800'000), 403, "FORBIDDEN");
        EXPECT_REJECTED(take(kTownClerk, id, deal), "FORBIDDEN", "steps");
        EXPECT_APPLIED(take(kTownClerk, id,
                            act(u"publish"_s, {{u"from"_s, u"2026-11-11"_s}, {u"to"_s, u"2026-11-19"_s}})));
        QCOMPARE(storedFields(id).value(u"noticeRound"_s).toInteger(), 2);
        // One of them withdraws during the second notice.
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kRegistrationType, b, kVillage, {{u"qualified"_s, false}})));

        // Still two or fewer after the second notice: open negotiation, no bidding.
        setChinaTime(QDate(2026, 11, 20));
        EXPECT_APPLIED(take(kTownClerk, id, act(u"qualify"_s, {{u"qualified"_s, 1}})));
        QCOMPARE(stateOf(id), u"negotiating"_s);
        EXPECT_ERROR(bid(kTownClerk, id, a, 800'000), 403, "FORBIDDEN");
        EXPECT_REJECTED(take(kCountyReviewer, id, deal), "FORBIDDEN", "steps");
        EXPECT_REJECTED(take(kTownClerk, id, act(u"negotiate"_s, {{u"registrationId"_s, a}})), "FORBIDDEN",
                        "steps");
        EXPECT_REJECTED(
            take(kTownClerk, id, act(u"negotiate"_s, {{u"registrationId"_s, b}, {u"amount"_s, 950'000}})),
            "FORBIDDEN", "steps");
        EXPECT_APPLIED(take(kTownClerk, id, deal));
        f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"dealt"_s);
        QCOMPARE(f.value(u"dealPrice"_s).toInteger(), 950'000);
        QCOMPARE(f.value(u"winnerId"_s).toString(), a);
        QCOMPARE(f.value(u"dealOn"_s).toString(), u"2026-11-20"_s);
        QCOMPARE(f.value(u"bids"_s).toInteger(), 0);
    }

    void suspendedAndResumed()
    {
        QStringList regs;
        const QString id = bidding(kVillage2, QDate(2026, 11, 2), QDate(2026, 11, 10), &regs);
        QVERIFY(!id.isEmpty());
        EXPECT_STATUS(bid(kTownClerk, id, regs.at(0), 800'000), 201);

        // Suspended by the station's staff, with a reason.
        const QJsonObject suspend =
            act(u"suspend"_s, {{u"reason"_s, u"竞买人对标的四至提出异议，暂停核实"_s}});
        EXPECT_REJECTED(take(kCountyReviewer, id, suspend), "FORBIDDEN", "steps");
        EXPECT_REJECTED(take(kTownClerk, id, act(u"suspend"_s)), "FORBIDDEN", "steps");
        EXPECT_APPLIED(take(kTownClerk, id, suspend));
        QCOMPARE(stateOf(id), u"suspended"_s);

        // Nothing goes on meanwhile.
        EXPECT_ERROR(bid(kTownClerk, id, regs.at(1), 850'000), 403, "FORBIDDEN");
        EXPECT_REJECTED(take(kTownClerk, id, act(u"hammer"_s)), "FORBIDDEN", "steps");
        EXPECT_REJECTED(take(kTownClerk, id, suspend), "FORBIDDEN", "steps");

        // Resumed where it stopped: bidding from the last bid.
        EXPECT_APPLIED(take(kTownClerk, id, act(u"resume"_s)));
        QCOMPARE(stateOf(id), u"bidding"_s);
        EXPECT_REJECTED(take(kTownClerk, id, act(u"resume"_s)), "FORBIDDEN", "steps");
        const HttpResult r = bid(kTownClerk, id, regs.at(1), 850'000);
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.json.value(u"listing"_s).toObject().value(u"bids"_s).toInteger(), 2);
        QCOMPARE(r.json.value(u"listing"_s).toObject().value(u"highBid"_s).toInteger(), 850'000);
    }

    // Two bids for the same amount sent at the same moment, in three rounds: each time the server takes one
    // and refuses the other as below the lowest acceptable bid, which the first one has just raised.
    void simultaneousBidsForTheSameAmount()
    {
        QStringList regs;
        const QString id = bidding(kVillage2, QDate(2026, 11, 16), QDate(2026, 11, 18), &regs);
        QVERIFY(!id.isEmpty());
        EXPECT_STATUS(bid(kTownClerk, id, regs.at(0), 800'000), 201);
        const QString path = u"/api/v1/trading/listings/%1/bids"_s.arg(id);
        for (int round = 1; round <= 3; ++round) {
            const qint64 amount = 800'000 + round * 50'000;
            const QList<HttpResult> answers =
                postTogether(path,
                             {QJsonObject{{u"registrationId"_s, regs.at(1)}, {u"amount"_s, amount}},
                              QJsonObject{{u"registrationId"_s, regs.at(2)}, {u"amount"_s, amount}}},
                             token(kTownClerk));
            QCOMPARE(answers.size(), 2);
            int taken = 0;
            int refused = 0;
            for (const HttpResult &r : answers) {
                if (r.status == 201)
                    ++taken;
                else if (r.status == 403 && r.errorCode() == u"FORBIDDEN"_s &&
                         r.errorMessage().contains(u"低于最低应价"_s))
                    ++refused;
                else
                    QFAIL(r.describe().constData());
            }
            QCOMPARE(taken, 1);
            QCOMPARE(refused, 1);
        }
        const QJsonObject f = storedFields(id);
        QCOMPARE(f.value(u"bids"_s).toInteger(), 4);
        QCOMPARE(f.value(u"highBid"_s).toInteger(), 950'000);
        QList<qint64> amounts;
        const QList<trading::ListingStep> steps =
            trading::listingStepsFromJson(f.value(u"steps"_s).toArray());
        for (const trading::ListingStep &s : steps) {
            if (s.action == trading::ListingAction::Bid)
                amounts.append(s.amount);
        }
        QCOMPARE(amounts, (QList<qint64>{800'000, 850'000, 900'000, 950'000}));
    }

    // --- the rules on the store ---

    // Each row builds fresh records (build()), drains the queue the pushes filled (and, when the clock was
    // moved past a deadline, runs every rule), and looks up the warning the rule raises about its subject: it
    // must be there exactly when `raised`. Default parameters.
    void rulesOnTheStore_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("raised");
        const QString period = u"LISTING_PERIOD_SHORT"_s;
        QTest::newRow("5 working days over the holiday") << period << u"notice-5-days"_s << true;
        QTest::newRow("7 working days over the holiday") << period << u"notice-7-days"_s << false;
        const QString below = u"DEAL_BELOW_RESERVE"_s;
        QTest::newRow("negotiated below the reserve") << below << u"negotiated-below"_s << true;
        QTest::newRow("negotiated at the reserve") << below << u"negotiated-at"_s << false;
        const QString relist = u"RELIST_PRICE_DROP"_s;
        QTest::newRow("11 % lower, same decision") << relist << u"relist-11-same"_s << true;
        QTest::newRow("11 % lower, new decision") << relist << u"relist-11-new"_s << false;
        QTest::newRow("10 % lower, same decision") << relist << u"relist-10-same"_s << false;
        const QString sole = u"SINGLE_BIDDER_REPEAT"_s;
        QTest::newRow("alone twice") << sole << u"sole-twice"_s << true;
        QTest::newRow("alone once") << sole << u"sole-once"_s << false;
        const QString unsigned_ = u"DEAL_NOT_SIGNED"_s;
        QTest::newRow("unsigned past the tenth working day") << unsigned_ << u"unsigned-after"_s << true;
        QTest::newRow("unsigned on the tenth working day") << unsigned_ << u"unsigned-on-the-day"_s << false;
        const QString deposit = u"DEPOSIT_NOT_REFUNDED"_s;
        QTest::newRow("deposit kept past the fifth working day") << deposit << u"deposit-after"_s << true;
        QTest::newRow("deposit kept on the fifth working day") << deposit << u"deposit-on-the-day"_s << false;
        QTest::newRow("deposit refunded") << deposit << u"deposit-refunded"_s << false;
        QTest::newRow("unsold, deposit kept past the deadline") << deposit << u"deposit-unsold"_s << true;
        const QString cadre = u"WINNER_RELATED_TO_CADRE"_s;
        QTest::newRow("won by the spouse of the village's secretary in office")
            << cadre << u"cadre-in-office"_s << true;
        QTest::newRow("the spouse registered for another village")
            << cadre << u"cadre-other-village"_s << false;
        QTest::newRow("the secretary out of office on the deal day")
            << cadre << u"cadre-out-of-office"_s << false;
    }

    void rulesOnTheStore()
    {
        QFETCH(QString, rule);
        QFETCH(QString, scenario);
        QFETCH(bool, raised);
        const Subject subject = build(scenario);
        QVERIFY2(!subject.id.isEmpty(), "the row's records were not all applied");
        drain();
        if (subject.timed)
            fullRun();
        const bool found = !warning(key(rule, subject.type, subject.id, subject.period)).isEmpty();
        QVERIFY2(found == raised, qPrintable(u"%1 %2 about %3 %4 (%5); raised about it: %6"_s.arg(
                                      rule, found ? u"raised"_s : u"not raised"_s, subject.type, subject.id,
                                      subject.period, raisedAbout(subject.id).join(u", "_s))));
    }
};

QTEST_GUILESS_MAIN(TestTrading)
#include "tst_trading.moc"
