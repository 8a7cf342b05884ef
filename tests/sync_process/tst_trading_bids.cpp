// 产权交易 bids taken by two real server processes on one PostgreSQL database at the same moment (the issue's
// "two servers receiving bids at the same moment (order by the server's commit)"). A listing of the first
// village of the first town of 通州区 is brought to bidding through process A (applied for by the town's
// clerk, approved by the town's reviewer, published for a notice that has ended, four registrations
// qualified). Then four threads, two per process, each with its own connection and its own session of the
// town's clerk from its process, repeatedly read the highest bid and bid the highest plus the step, so they
// all race for the same amount. At the end, read through process B: the bids answered 201 are exactly the
// listing's bid steps, none lost and none twice; in the order the server committed them their amounts rise by
// at least the step each time (never two at one amount) and their server times ("at") never go back; every
// refusal (403) is "below the lowest acceptable bid"; both processes took bids.
#include "common/core/ChinaTime.h"
#include "common/core/IdCard.h"
#include "common/trading/TradingTypes.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/TestStores.h"
#include "tests/support/TestTls.h"
#include "tests/sync_process/SyncApi.h"
#include "tests/sync_process/SyncProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kListingType = QString::fromUtf16(trading::ListingType::kName);
const QString kRegistrationType = QString::fromUtf16(trading::RegistrationType::kName);
// The demo accounts town-* sit in the first town of 通州区; the listing is of its first village.
const QString kVillage = DemoData::villageId(DemoData::townId(u"320612"_s, 0), 0);
constexpr qint64 kStartPrice = 800'000; // fen a year
constexpr qint64 kStep = 50'000;
constexpr int kRounds = 60;     // bids tried per thread at most
constexpr int kEnoughBids = 40; // the threads stop once this many bids were taken overall

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A valid 身份证号 of 通州区, a different one for each n.
QString bidderIdNumber(int n)
{
    const QString first17 = u"320612"_s + QDate(1970, 1, 1).addDays(500 * n).toString(u"yyyyMMdd"_s) +
                            u"%1"_s.arg(100 + n, 3, 10, QLatin1Char('0'));
    return first17 + IdCard::checkCharacter(first17);
}

// A bid the server took (201): its amount, bidder, the server's time of it and the process that took it.
struct Accepted
{
    qint64 amount = 0;
    QString registrationId;
    qint64 at = 0;
    bool onA = false;
};

struct BidderResult
{
    int tried = 0;
    QList<Accepted> accepted;
    int below = 0;       // 403 "低于最低应价": another bid of that amount came first
    int conflicts = 0;   // 409 VERSION_CONFLICT: other bids kept coming first
    int failedWhole = 0; // 500/503: the transaction failed and was rolled back, nothing taken
    QStringList problems;
};

// One bidding thread: reads the highest bid, bids it plus the step (the start price for the first bid),
// records the answer; until kRounds bids were tried or kEnoughBids were taken overall.
void runBidder(const QUrl &server, bool onA, const QString &token, const QString &listingId,
               const QStringList &registrations, int bidder, std::atomic<int> *ready, QSemaphore *go,
               std::atomic<int> *taken, BidderResult *out)
{
    HttpsClient http(server, {TestTls::instance().caCertificate()});
    http.setTimeoutMs(60000);
    const QString path = u"/api/v1/trading/listings/%1/bids"_s.arg(listingId);
    http.get(u"/api/v1/health"_s); // connection and TLS session first
    ++*ready;
    go->acquire();
    for (int round = 0; round < kRounds && taken->load() < kEnoughBids && out->problems.size() < 5; ++round) {
        const HttpResult seen = http.get(path, token);
        if (seen.status != 200) {
            out->problems.append(u"reading the bids answered "_s + QString::fromUtf8(seen.describe()));
            continue;
        }
        const qint64 amount = seen.json.contains(u"highBid"_s)
                                  ? seen.json.value(u"highBid"_s).toInteger() + kStep
                                  : kStartPrice;
        const QString registration = registrations.at((bidder + round) % registrations.size());
        const HttpResult r =
            http.post(path, QJsonObject{{u"registrationId"_s, registration}, {u"amount"_s, amount}}, token);
        ++out->tried;
        if (r.status == 201) {
            // The listing as stored right after the bid: this bid is its last step, stamped with the server's
            // time.
            const QJsonArray steps = r.json.value(u"listing"_s).toObject().value(u"steps"_s).toArray();
            const QJsonObject last = steps.isEmpty() ? QJsonObject() : steps.last().toObject();
            if (last.value(u"action"_s).toString() != u"bid"_s ||
                last.value(u"amount"_s).toInteger() != amount ||
                last.value(u"registrationId"_s).toString() != registration)
                out->problems.append(
                    u"201 for %1 whose listing does not end with that bid: %2"_s.arg(amount).arg(
                        compact(last)));
            out->accepted.append(Accepted{amount, registration, last.value(u"at"_s).toInteger(), onA});
            ++*taken;
            // A bidder who just won reads the next highest bid first and would win every round: it lets the
            // others' bids of this round arrive before it bids again, as people in a hall do.
            QThread::msleep(40);
        } else if (r.status == 403) {
            if (r.errorCode() == u"FORBIDDEN"_s && r.errorMessage().contains(u"低于最低应价"_s))
                ++out->below;
            else
                out->problems.append(u"a refusal other than below the minimum: "_s +
                                     QString::fromUtf8(r.describe()));
        } else if (r.status == 409 && r.errorCode() == u"VERSION_CONFLICT"_s) {
            ++out->conflicts;
        } else if (r.status == 500 || r.status == 503) {
            ++out->failedWhole;
        } else {
            // Among them no answer at all: the bid may or may not have been taken, which the test cannot
            // account for.
            out->problems.append(u"bid of %1 answered "_s.arg(amount) + QString::fromUtf8(r.describe()));
        }
    }
}

} // namespace

class TestTradingBids : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (testStoreKind() != StoreConfig::Kind::Postgresql)
            QSKIP("several server processes share one database only on PostgreSQL");
    }

    void simultaneousBidsOnTwoProcesses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const StoreConfig config = freshStoreConfig();
        QVERIFY2(prepareStore(config, {}, &error), qPrintable(error)); // the demo accounts
        Store store(config);
        QVERIFY2(store.open(&error), qPrintable(error));
        ServerProcess serverA(config, freeLoopbackPort(), dir.filePath(u"data"_s));
        ServerProcess serverB(config, freeLoopbackPort(), dir.filePath(u"data"_s));
        QVERIFY2(serverA.start(&error), qPrintable(error));
        QVERIFY2(serverB.start(&error), qPrintable(error));
        const QList<QSslCertificate> ca{TestTls::instance().caCertificate()};
        HttpsClient httpA(serverA.baseUrl(), ca);
        HttpsClient httpB(serverB.baseUrl(), ca);
        const QString clerk = httpA.login(u"town-clerk"_s, kPassword);
        QVERIFY2(!clerk.isEmpty(), httpA.lastLogin().describe().constData());
        const QString reviewer = httpA.login(u"town-reviewer"_s, kPassword);
        QVERIFY2(!reviewer.isEmpty(), httpA.lastLogin().describe().constData());

        const QString listingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // One upsert of the village's record pushed through process A: "applied", or the answer otherwise.
        auto push = [&httpA](const QString &token, const QString &type, const QString &id, qint64 baseVersion,
                             const QJsonObject &changed) -> QString {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QJsonObject op{
                {u"opId"_s, newOpId()},        {u"recordId"_s, id},      {u"type"_s, type},
                {u"orgUnitId"_s, kVillage},    {u"kind"_s, u"upsert"_s}, {u"baseVersion"_s, baseVersion},
                {u"changedFields"_s, changed}, {u"deviceTime"_s, now}};
            const HttpResult r = pushOps(httpA, token, QJsonArray{op}, now);
            const QList<QJsonObject> results = pushResults(r);
            if (results.size() != 1)
                return QString::fromUtf8(r.describe());
            return results.first().value(u"status"_s).toString() == u"applied"_s ? u"applied"_s
                                                                                 : compact(results.first());
        };
        // Appends one step to the listing's path as stored.
        auto takeStep = [&](const QString &token, const QJsonObject &step) {
            const ServerRecord listing = serverRecords(store).value(listingId);
            QJsonArray steps = listing.fields.value(u"steps"_s).toArray();
            steps.append(step);
            return push(token, kListingType, listingId, listing.version, QJsonObject{{u"steps"_s, steps}});
        };

        // The listing brought to bidding. The server processes run on the real clock: the notice is in the
        // past (China time), so the qualification after it can be recorded today.
        const QDate today = chinaDateOf(QDateTime::currentMSecsSinceEpoch());
        const QJsonObject fields{{u"listingNo"_s, u"CQ-P-0001"_s},
                                 {u"subject"_s, u"东圩耕地经营权（20 亩）"_s},
                                 {u"rightKind"_s, u"land"_s},
                                 {u"termYears"_s, 5},
                                 {u"reserve"_s, 1'000'000},
                                 {u"startPrice"_s, kStartPrice},
                                 {u"step"_s, kStep},
                                 {u"decisionRef"_s, u"村民代表会议决议〔2026〕P1号"_s},
                                 {u"decisionOn"_s, today.addDays(-30).toString(Qt::ISODate)},
                                 {u"centreLevel"_s, u"town"_s},
                                 {u"steps"_s, QJsonArray{QJsonObject{{u"action"_s, u"submit"_s}}}}};
        QCOMPARE(push(clerk, kListingType, listingId, 0, fields), u"applied"_s);
        QCOMPARE(takeStep(reviewer, QJsonObject{{u"action"_s, u"approve"_s}}), u"applied"_s);
        QCOMPARE(takeStep(clerk, QJsonObject{{u"action"_s, u"publish"_s},
                                             {u"from"_s, today.addDays(-20).toString(Qt::ISODate)},
                                             {u"to"_s, today.addDays(-10).toString(Qt::ISODate)}}),
                 u"applied"_s);
        QStringList registrations;
        const QStringList names{u"顾竞买"_s, u"陈竞买"_s, u"施竞买"_s, u"黄竞买"_s};
        for (int i = 0; i < names.size(); ++i) {
            const QString bidder = bidderIdNumber(i + 1);
            const QString id = trading::RegistrationType::recordIdFor(listingId, bidder);
            const QJsonObject registration{{u"listingId"_s, listingId},
                                           {u"bidderName"_s, names.at(i)},
                                           {u"bidderId"_s, bidder},
                                           {u"qualified"_s, true}};
            QCOMPARE(push(clerk, kRegistrationType, id, 0, registration), u"applied"_s);
            registrations.append(id);
        }
        QCOMPARE(takeStep(clerk, QJsonObject{{u"action"_s, u"qualify"_s}, {u"qualified"_s, 4}}),
                 u"applied"_s);
        const ServerRecord bidding = serverRecords(store).value(listingId);
        QCOMPARE(bidding.fields.value(u"state"_s).toString(), u"bidding"_s);
        QCOMPARE(bidding.version, qint64(4)); // submit, approve, publish, qualify

        // The town clerk's sessions: two made by each process.
        QStringList tokens;
        for (int t = 0; t < 4; ++t) {
            HttpsClient &http = t % 2 == 0 ? httpA : httpB;
            tokens.append(http.login(u"town-clerk"_s, kPassword));
            QVERIFY2(!tokens.last().isEmpty(), http.lastLogin().describe().constData());
        }

        // The bidders on threads, two per process, let go at once.
        std::atomic<int> ready{0};
        std::atomic<int> taken{0};
        QSemaphore go;
        QList<BidderResult> results(4);
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            const bool onA = t % 2 == 0;
            const QUrl url = (onA ? serverA : serverB).baseUrl();
            const QString token = tokens.at(t);
            BidderResult *out = &results[t];
            threads.append(QThread::create([=, &ready, &go, &taken] {
                runBidder(url, onA, token, listingId, registrations, t, &ready, &go, &taken, out);
            }));
            threads.last()->start();
        }
        const bool allReady = QTest::qWaitFor([&] { return ready.load() == 4; }, 30000);
        go.release(4);
        const auto finished = [](const QThread *t) {
            return t->isFinished();
        };
        const bool allEnded =
            QTest::qWaitFor([&] { return std::all_of(threads.cbegin(), threads.cend(), finished); }, 240000);
        for (QThread *t : std::as_const(threads)) {
            t->wait(60000);
            delete t;
        }
        QVERIFY(allReady);
        QVERIFY2(allEnded, "the bidders did not finish in time");

        // Every answer was 201, 403 below the minimum, 409 after retries (or a rolled-back failure).
        QList<Accepted> accepted;
        int tried = 0, below = 0, conflicts = 0, failedWhole = 0, takenByA = 0, takenByB = 0;
        for (const BidderResult &r : std::as_const(results)) {
            if (!r.problems.isEmpty())
                qInfo("server output:\n%s\n%s", qPrintable(serverA.outputTail()),
                      qPrintable(serverB.outputTail()));
            QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
            tried += r.tried;
            below += r.below;
            conflicts += r.conflicts;
            failedWhole += r.failedWhole;
            accepted += r.accepted;
            for (const Accepted &a : r.accepted)
                (a.onA ? takenByA : takenByB)++;
        }
        qInfo(
            "%d bids tried: %d taken (%d by process A, %d by B), %d below the minimum, %d version conflicts, "
            "%d failed as a whole",
            tried, int(accepted.size()), takenByA, takenByB, below, conflicts, failedWhole);
        QVERIFY2(accepted.size() >= kEnoughBids / 2, "too few bids taken");
        QVERIFY2(below > 0, "no bid ever lost a race: the threads did not bid at the same moment");
        // Both processes took bids.
        QVERIFY(takenByA > 0);
        QVERIFY(takenByB > 0);

        // The listing's bids, read through process B, in the order the server committed them.
        const HttpResult got = httpB.get(u"/api/v1/trading/listings/%1/bids"_s.arg(listingId), tokens.at(1));
        EXPECT_STATUS(got, 200);
        const QJsonArray bids = got.json.value(u"bids"_s).toArray();
        // As many bid steps as 201 answers, each amount answered 201 once: nothing lost, nothing twice.
        QCOMPARE(int(bids.size()), int(accepted.size()));
        QHash<qint64, Accepted> byAmount;
        for (const Accepted &a : std::as_const(accepted)) {
            QVERIFY2(!byAmount.contains(a.amount),
                     qPrintable(u"two bids of %1 answered 201"_s.arg(a.amount)));
            byAmount.insert(a.amount, a);
        }
        // The first at the start price, each later one at least the step above the one before, and the
        // server's times never going back along the commit order.
        qint64 previousAmount = 0;
        qint64 previousAt = 0;
        for (qsizetype i = 0; i < bids.size(); ++i) {
            const QJsonObject b = bids.at(i).toObject();
            const qint64 amount = b.value(u"amount"_s).toInteger();
            const qint64 at = b.value(u"at"_s).toInteger();
            const QString where = u"bid %1 %2"_s.arg(i + 1).arg(compact(b));
            QCOMPARE(b.value(u"n"_s).toInteger(), qint64(i + 1));
            QVERIFY2(byAmount.contains(amount), qPrintable(where + u" was never answered 201"_s));
            const Accepted a = byAmount.value(amount);
            QVERIFY2(b.value(u"registrationId"_s).toString() == a.registrationId, qPrintable(where));
            QVERIFY2(at == a.at, qPrintable(where + u": the 201 said at %1"_s.arg(a.at)));
            if (i == 0)
                QCOMPARE(amount, kStartPrice);
            else
                QVERIFY2(amount >= previousAmount + kStep,
                         qPrintable(where + u" after a bid of %1"_s.arg(previousAmount)));
            QVERIFY2(at >= previousAt,
                     qPrintable(where + u" before the bid committed ahead of it (at %1)"_s.arg(previousAt)));
            previousAmount = amount;
            previousAt = at;
        }
        QCOMPARE(got.json.value(u"state"_s).toString(), u"bidding"_s);
        QCOMPARE(got.json.value(u"highBid"_s).toInteger(), previousAmount);
        // The stored listing: one version per bid on top of the four steps before, its count of bids.
        const ServerRecord listing = serverRecords(store).value(listingId);
        QCOMPARE(listing.fields.value(u"bids"_s).toInteger(), qint64(bids.size()));
        QCOMPARE(listing.version, qint64(4 + bids.size()));
        const QString invariants = checkHistoryInvariants(store);
        QVERIFY2(invariants.isEmpty(), qPrintable(invariants));
        serverA.stop();
        serverB.stop();
    }
};

QTEST_GUILESS_MAIN(TestTradingBids)
#include "tst_trading_bids.moc"
