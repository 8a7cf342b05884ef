// 村务卡 (MODULES.md §1) as the server keeps it, on both stores, over real pushes of the demo accounts: a
// card registered by the town's clerk for a village of the town, one active card per holder city-wide; spend
// requests approved by the body their tier needs, recorded by the town's clerk, the top tier also by the
// town's reviewer; claims checked by the village committee (recorded by the clerk), the town's reviewer, then
// booked by the clerk, each step refused to the wrong role or level; the transactions of a booked claim kept;
// a statement line pushed twice stored once; the warning engine raising CARD_CASH_WITHDRAWAL and CARD_SPLIT
// once, but no CARD_SPLIT for a split whose purchase was refunded; and all eight card rules on the store,
// table-driven (across midnight, a holiday, a make-up working day, refunds).
#include "common/card/CardTypes.h"
#include "tests/server/WarningsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

namespace {

const QString kCardType = QString::fromUtf16(card::VillageCardType::kName);
const QString kRequest = QString::fromUtf16(card::SpendRequestType::kName);
const QString kTxn = QString::fromUtf16(card::CardTransactionType::kName);
const QString kClaim = QString::fromUtf16(card::CardClaimType::kName);
const QString kCitySupervisor = u"city-supervisor"_s;
const QDate kToday(2026, 11, 20); // a Friday

QJsonObject cardFields(const QString &holderId, const QString &cardState = u"active"_s,
                       const QString &last4 = u"1234"_s)
{
    QJsonObject f{{u"holderName"_s, u"赵书记"_s},
                  {u"holderId"_s, holderId},
                  {u"holderRole"_s, u"secretary"_s},
                  {u"bank"_s, u"江苏南通农村商业银行"_s},
                  {u"last4"_s, last4},
                  {u"kind"_s, u"debit"_s},
                  {u"monthLimit"_s, 300000},
                  {u"repaymentDay"_s, 20},
                  {u"fundingAccount"_s, u"演示村股份经济合作社"_s},
                  {u"state"_s, cardState}};
    if (cardState == u"active"_s)
        f.insert(u"issuedOn"_s, u"2026-05-01"_s);
    return f;
}

QJsonObject txnFields(const QString &cardId, const QString &bankRef, QDate on, const QString &at,
                      const QString &kind, qint64 amount, const QString &merchant, const QString &channel)
{
    QJsonObject f{{u"cardId"_s, cardId}, {u"on"_s, iso(on)},    {u"at"_s, at},
                  {u"kind"_s, kind},     {u"amount"_s, amount}, {u"bankRef"_s, bankRef}};
    if (!merchant.isEmpty())
        f.insert(u"merchant"_s, merchant);
    if (!channel.isEmpty())
        f.insert(u"channel"_s, channel);
    return f;
}

QJsonObject requestFields(const QString &cardId, qint64 estimate)
{
    return {{u"cardId"_s, cardId},
            {u"purpose"_s, u"购买办公用品（打印纸、墨盒）"_s},
            {u"category"_s, u"office"_s},
            {u"estimate"_s, estimate},
            {u"plannedOn"_s, iso(kToday)}};
}

QJsonObject claimFields(const QString &cardId, qint64 amount)
{
    return {{u"cardId"_s, cardId},         {u"claimedOn"_s, iso(kToday)}, {u"amount"_s, amount},
            {u"purpose"_s, u"办公用品"_s}, {u"handler"_s, u"周会计"_s},   {u"witness"_s, u"吴主任"_s}};
}

QJsonObject approval(const QString &body)
{
    return {{u"action"_s, u"approve"_s}, {u"body"_s, body}, {u"signer"_s, u"吴主任"_s}};
}

QJsonObject evidenceOf(const QJsonObject &warningFields)
{
    return QJsonDocument::fromJson(warningFields.value(u"evidence"_s).toString().toUtf8()).object();
}

bool sampleHas(const QJsonObject &dryRun, const QString &subjectId)
{
    const QJsonArray sample = dryRun.value(u"sample"_s).toArray();
    return std::any_of(sample.begin(), sample.end(), [&](const QJsonValue &v) {
        return v.toObject().value(u"subjectId"_s).toString() == subjectId;
    });
}

} // namespace

class TestCard : public WarningsTest
{
    Q_OBJECT

private:
    int m_refs = 0;

    // A new active card of kVillage held by a new person, registered by the town clerk; its id.
    QString activeCard() { return create(kTownClerk, kCardType, kVillage, cardFields(freshIdNumber())); }

    QString nextRef() { return u"TST%1"_s.arg(++m_refs, 8, 10, QChar(u'0')); }

    // A statement line of the card entered by the town clerk under its fixed id; the id (empty when refused).
    QString txn(const QString &cardId, QDate on, const QString &at, const QString &kind, qint64 amount,
                const QString &merchant, const QString &channel = u"pos"_s)
    {
        const QString ref = nextRef();
        return create(kTownClerk, kTxn, kVillage,
                      txnFields(cardId, ref, on, at, kind, amount, merchant, channel),
                      card::CardTransactionType::recordIdFor(cardId, ref));
    }

    QString stateOf(const QString &id) { return storedFields(id).value(u"state"_s).toString(); }

    qint64 countOf(const QString &type)
    {
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = ? AND deleted = 0"_s);
        q.bindText(type).exec();
        return q.next() ? q.int64(0) : -1;
    }

    QString orgUnitOf(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT org_unit_id FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.text(0) : QString();
    }

    // POST …/rules/{code}/dry-run as the city administrator, default parameters.
    QJsonObject dryRun(const QString &code)
    {
        const HttpResult r = m_http->post(u"/api/v1/admin/warnings/rules/"_s + code + u"/dry-run"_s,
                                          QJsonObject(), token(kCityAdmin));
        if (r.status != 200)
            qWarning("dry run of %s: %s", qPrintable(code), r.describe().constData());
        return r.json;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        setChinaTime(kToday);
    }
    void cleanupTestCase() { stopServer(); }

    // --- cards ---

    void cardRegisteredByTheTownClerk()
    {
        setChinaTime(kToday);
        const QString holder = freshIdNumber();
        const qint64 before = countOf(kCardType);
        const QString cardId = create(kTownClerk, kCardType, kVillage, cardFields(holder));
        QVERIFY(!cardId.isEmpty());
        QCOMPARE(countOf(kCardType), before + 1);
        QCOMPARE(orgUnitOf(cardId), kVillage);
        const QJsonObject stored = storedFields(cardId);
        QCOMPARE(stored.value(u"last4"_s).toString(), u"1234"_s);
        QCOMPARE(stored.value(u"state"_s).toString(), u"active"_s);
        QCOMPARE(keyHolders(u"card-holder:"_s + holder), 1);

        // Only the last four digits are kept.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kCardType, newId(), kVillage,
                                                   cardFields(freshIdNumber(), u"active"_s, u"12a4"_s))),
                        "VALIDATION_FAILED", "last4");
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kCardType, newId(), kVillage,
                                       cardFields(freshIdNumber(), u"active"_s, u"6228480012341234"_s))),
            "TOO_LONG", "last4");
        // A card belongs to a village, not to the town.
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kCardType, newId(), kTown, cardFields(freshIdNumber()))),
                       u"VALIDATION_FAILED"_s, QString());
        // Not in another town's village; supervisors only read.
        EXPECT_OUTCOME(
            pushOne(kTownClerk, upsert(kCardType, newId(), kOtherTownVillage, cardFields(freshIdNumber()))),
            u"FORBIDDEN"_s, QString());
        EXPECT_OUTCOME(
            pushOne(kCitySupervisor, upsert(kCardType, newId(), kVillage, cardFields(freshIdNumber()))),
            u"FORBIDDEN"_s, QString());
        // The number and the holder stay; a card is cancelled, never deleted.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kCardType, cardId, kVillage, {{u"last4"_s, u"9999"_s}})),
                        "FORBIDDEN", "last4");
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kCardType, cardId, kVillage, {{u"state"_s, u"applied"_s}})),
            "FORBIDDEN", "state");
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kCardType, cardId, kVillage)), u"FORBIDDEN"_s, QString());
        QCOMPARE(version(cardId), 1);
    }

    void oneActiveCardPerHolder()
    {
        setChinaTime(kToday);
        const QString holder = freshIdNumber();
        const QString first = create(kTownClerk, kCardType, kVillage, cardFields(holder));
        QVERIFY(!first.isEmpty());

        // A second active card of the same person, in another village of the town: refused.
        const QString refused = newId();
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kCardType, refused, kVillage2,
                                                   cardFields(holder, u"active"_s, u"5678"_s))),
                        "DUPLICATE", "holderId");
        QCOMPARE(version(refused), 0);
        // Applied for (申领), the new card holds nothing yet; it cannot be put in use while the first is.
        const QString second =
            create(kTownClerk, kCardType, kVillage2, cardFields(holder, u"applied"_s, u"5678"_s));
        QVERIFY(!second.isEmpty());
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kCardType, second, kVillage2,
                                       {{u"state"_s, u"active"_s}, {u"issuedOn"_s, iso(kToday)}})),
            "DUPLICATE", "holderId");
        QCOMPARE(stateOf(second), u"applied"_s);
        QCOMPARE(keyHolders(u"card-holder:"_s + holder), 1);

        // The first cancelled, the second is put in use.
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kCardType, first, kVillage, {{u"state"_s, u"cancelled"_s}})));
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kCardType, second, kVillage2,
                                       {{u"state"_s, u"active"_s}, {u"issuedOn"_s, iso(kToday)}})));
        QCOMPARE(stateOf(second), u"active"_s);
        QCOMPARE(keyHolders(u"card-holder:"_s + holder), 1);
        // A cancelled card stays cancelled.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kCardType, first, kVillage, {{u"state"_s, u"active"_s}})),
                        "FORBIDDEN", "state");
    }

    // --- spend requests ---

    void spendRequestApproval()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());

        // 300 yuan: the director's.
        const QString small = create(kTownClerk, kRequest, kVillage, requestFields(cardId, 30'000));
        QVERIFY(!small.isEmpty());
        QCOMPARE(stateOf(small), u"pending"_s);
        EXPECT_APPLIED(appendStep(kTownClerk, kRequest, small, approval(u"director"_s)));
        QJsonObject f = storedFields(small);
        QCOMPARE(f.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(f.value(u"approvedBody"_s).toString(), u"director"_s);
        QCOMPARE(f.value(u"approvedOn"_s).toString(), iso(kToday));
        const QJsonObject stamped = f.value(u"steps"_s).toArray().first().toObject();
        QCOMPARE(stamped.value(u"on"_s).toString(), iso(kToday));
        QCOMPARE(stamped.value(u"by"_s).toString(), userId(kTownClerk));
        // Approved once; the estimate stays.
        EXPECT_REJECTED(appendStep(kTownClerk, kRequest, small, approval(u"director"_s)), "FORBIDDEN",
                        "steps");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kRequest, small, kVillage, {{u"estimate"_s, 45'000}})),
                        "FORBIDDEN", "estimate");

        // 800 yuan: not the director's, the two committees'.
        const QString middle = create(kTownClerk, kRequest, kVillage, requestFields(cardId, 80'000));
        QVERIFY(!middle.isEmpty());
        const Answer refused = appendStep(kTownClerk, kRequest, middle, approval(u"director"_s));
        EXPECT_REJECTED(refused, "FORBIDDEN", "steps");
        QVERIFY2(refused.message().contains(u"村两委"_s), refused.describe().constData());
        QCOMPARE(stateOf(middle), u"pending"_s);
        EXPECT_APPLIED(appendStep(kTownClerk, kRequest, middle, approval(u"committees"_s)));
        QCOMPARE(stateOf(middle), u"approved"_s);

        // 1,200 yuan: the representatives' meeting, then the town.
        const QString large = create(kTownClerk, kRequest, kVillage, requestFields(cardId, 120'000));
        QVERIFY(!large.isEmpty());
        EXPECT_REJECTED(appendStep(kTownClerk, kRequest, large, approval(u"committees"_s)), "FORBIDDEN",
                        "steps");
        EXPECT_APPLIED(appendStep(kTownClerk, kRequest, large, approval(u"representatives"_s)));
        QCOMPARE(stateOf(large), u"village-approved"_s);
        const QJsonObject townApprove{{u"action"_s, u"town-approve"_s}};
        EXPECT_REJECTED(appendStep(kTownClerk, kRequest, large, townApprove), "FORBIDDEN", "steps");
        EXPECT_REJECTED(appendStep(kCountyReviewer, kRequest, large, townApprove), "FORBIDDEN", "steps");
        QCOMPARE(stateOf(large), u"village-approved"_s);
        EXPECT_APPLIED(appendStep(kTownReviewer, kRequest, large, townApprove));
        f = storedFields(large);
        QCOMPARE(f.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(f.value(u"approvedBody"_s).toString(), u"representatives"_s);
        QCOMPARE(f.value(u"approvedOn"_s).toString(), iso(kToday));
        QCOMPARE(f.value(u"steps"_s).toArray().size(), 2);
        QCOMPARE(f.value(u"steps"_s).toArray().at(1).toObject().value(u"by"_s).toString(),
                 userId(kTownReviewer));
        // Approved requests are not deleted.
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kRequest, large, kVillage)), u"FORBIDDEN"_s, QString());
    }

    // The county's tiers reach its towns' computers (read-only), not the other counties'.
    void countyTiersReachItsTowns()
    {
        setChinaTime(kToday);
        const QString tiersType = QString::fromUtf16(card::CardTierSettingType::kName);
        const QString tiersId = card::CardTierSettingType::recordIdFor(kCounty);
        EXPECT_APPLIED(
            pushOne(kCountyReviewer, upsert(tiersType, tiersId, kCounty,
                                            {{u"directorMax"_s, 70'000}, {u"committeesMax"_s, 150'000}})));
        const auto tiersIn = [&](const QString &username) {
            QStringList ids;
            const QList<QJsonObject> pulled = pullAll(username);
            for (const QJsonObject &r : pulled) {
                if (r.value(u"type"_s).toString() == tiersType)
                    ids.append(r.value(u"id"_s).toString());
            }
            return ids;
        };
        QCOMPARE(tiersIn(kTownClerk), QStringList{tiersId});
        QVERIFY(!addUser(*m_server, kRudongReviewer, Role::Reviewer, u"320623000000"_s, {}).isEmpty());
        QCOMPARE(tiersIn(kRudongReviewer).contains(tiersId), false);
        // Read-only below the county.
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(tiersType, tiersId, kCounty, {{u"directorMax"_s, 90'000}})),
                       u"FORBIDDEN"_s, QString());
        // The towns' approvals follow the county's figures: 650 yuan is the director's here.
        const QString cardId = activeCard();
        const QString request = create(kTownClerk, kRequest, kVillage, requestFields(cardId, 65'000));
        QVERIFY(!request.isEmpty());
        const Answer byDirector = appendStep(kTownClerk, kRequest, request, approval(u"director"_s));
        // Back to the defaults for the other tests, before anything can fail.
        EXPECT_APPLIED(pushOne(kCountyReviewer, remove(tiersType, tiersId, kCounty)));
        EXPECT_APPLIED(byDirector);
    }

    void spendRequestNeedsAnActiveCardOfTheVillage()
    {
        setChinaTime(kToday);
        const QString applied =
            create(kTownClerk, kCardType, kVillage, cardFields(freshIdNumber(), u"applied"_s, u"4321"_s));
        QVERIFY(!applied.isEmpty());
        Answer a = pushOne(kTownClerk, upsert(kRequest, newId(), kVillage, requestFields(applied, 30'000)));
        EXPECT_REJECTED(a, "VALIDATION_FAILED", "cardId");
        const QString elsewhere = create(kTownClerk, kCardType, kVillage2, cardFields(freshIdNumber()));
        QVERIFY(!elsewhere.isEmpty());
        a = pushOne(kTownClerk, upsert(kRequest, newId(), kVillage, requestFields(elsewhere, 30'000)));
        EXPECT_REJECTED(a, "VALIDATION_FAILED", "cardId");
    }

    // --- claims ---

    void claimChecksAndBooking()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        const QString spent =
            txn(cardId, QDate(2026, 11, 18), u"10:05:31"_s, u"purchase"_s, 54'800, u"通州文具商店"_s);
        QVERIFY(!spent.isEmpty());

        // The witness is not the one who spent.
        QJsonObject selfWitnessed = claimFields(cardId, 54'800);
        selfWitnessed.insert(u"witness"_s, u"周会计"_s);
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kClaim, newId(), kVillage, selfWitnessed)),
                        "VALIDATION_FAILED", "witness");

        const QString claimId = create(kTownClerk, kClaim, kVillage, claimFields(cardId, 54'800));
        QVERIFY(!claimId.isEmpty());
        QCOMPARE(stateOf(claimId), u"submitted"_s);
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kTxn, spent, kVillage, {{u"claimId"_s, claimId}})));

        // The town does not check before the village committee.
        const QJsonObject townCheck{{u"action"_s, u"town-check"_s}};
        EXPECT_REJECTED(appendStep(kTownReviewer, kClaim, claimId, townCheck), "FORBIDDEN", "steps");
        // The committee's check is recorded by the clerk, from the signed slip.
        EXPECT_REJECTED(appendStep(kTownReviewer, kClaim, claimId,
                                   {{u"action"_s, u"village-check"_s}, {u"checker"_s, u"钱监委"_s}}),
                        "FORBIDDEN", "steps");
        EXPECT_APPLIED(appendStep(kTownClerk, kClaim, claimId,
                                  {{u"action"_s, u"village-check"_s}, {u"checker"_s, u"钱监委"_s}}));
        QCOMPARE(stateOf(claimId), u"village-checked"_s);
        // The town's check: not by its clerk, not by the county.
        EXPECT_REJECTED(appendStep(kTownClerk, kClaim, claimId, townCheck), "FORBIDDEN", "steps");
        EXPECT_REJECTED(appendStep(kCountyReviewer, kClaim, claimId, townCheck), "FORBIDDEN", "steps");
        QCOMPARE(stateOf(claimId), u"village-checked"_s);
        EXPECT_APPLIED(appendStep(kTownReviewer, kClaim, claimId, townCheck));
        QCOMPARE(stateOf(claimId), u"town-checked"_s);
        // Checked: the amount stays.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kClaim, claimId, kVillage, {{u"amount"_s, 60'000}})),
                        "FORBIDDEN", "amount");
        // Booked by the clerk, with the voucher number.
        EXPECT_REJECTED(appendStep(kTownClerk, kClaim, claimId, {{u"action"_s, u"book"_s}}), "FORBIDDEN",
                        "steps");
        EXPECT_REJECTED(appendStep(kTownReviewer, kClaim, claimId,
                                   {{u"action"_s, u"book"_s}, {u"voucherNo"_s, u"记-202611-001"_s}}),
                        "FORBIDDEN", "steps");
        EXPECT_APPLIED(appendStep(kTownClerk, kClaim, claimId,
                                  {{u"action"_s, u"book"_s}, {u"voucherNo"_s, u"记-202611-001"_s}}));
        const QJsonObject booked = storedFields(claimId);
        QCOMPARE(booked.value(u"state"_s).toString(), u"booked"_s);
        QCOMPARE(booked.value(u"voucherNo"_s).toString(), u"记-202611-001"_s);
        QCOMPARE(booked.value(u"bookedOn"_s).toString(), iso(kToday));
        QCOMPARE(booked.value(u"steps"_s).toArray().size(), 3);
        // Nothing more: no return, no deletion.
        EXPECT_REJECTED(appendStep(kTownReviewer, kClaim, claimId,
                                   {{u"action"_s, u"return"_s}, {u"reason"_s, u"重新核对"_s}}),
                        "FORBIDDEN", "steps");
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kClaim, claimId, kVillage)), u"FORBIDDEN"_s, QString());

        // What a booked claim covers stays with it.
        const QString other = create(kTownClerk, kClaim, kVillage, claimFields(cardId, 1'000));
        QVERIFY(!other.isEmpty());
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kTxn, spent, kVillage, {{u"claimId"_s, other}})),
                        "FORBIDDEN", "claimId");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kTxn, spent, kVillage, {{u"claimId"_s, QJsonValue()}})),
                        "FORBIDDEN", "claimId");
        QCOMPARE(storedFields(spent).value(u"claimId"_s).toString(), claimId);
        // Nor does a booked claim take in more.
        const QString ref = nextRef();
        QJsonObject late = txnFields(cardId, ref, QDate(2026, 11, 19), u"11:00:00"_s, u"purchase"_s, 1'000,
                                     u"通州文具商店"_s, u"pos"_s);
        late.insert(u"claimId"_s, claimId);
        const QString lateId = card::CardTransactionType::recordIdFor(cardId, ref);
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kTxn, lateId, kVillage, late)), "FORBIDDEN", "claimId");
        late.insert(u"claimId"_s, other);
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kTxn, lateId, kVillage, late)));
    }

    void claimReturnedAndResubmitted()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        const QString claimId = create(kTownClerk, kClaim, kVillage, claimFields(cardId, 26'000));
        QVERIFY(!claimId.isEmpty());
        EXPECT_APPLIED(appendStep(kTownClerk, kClaim, claimId,
                                  {{u"action"_s, u"village-check"_s}, {u"checker"_s, u"钱监委"_s}}));
        // Returned by the town, with its reason.
        EXPECT_REJECTED(appendStep(kTownReviewer, kClaim, claimId, {{u"action"_s, u"return"_s}}), "FORBIDDEN",
                        "steps");
        EXPECT_APPLIED(appendStep(kTownReviewer, kClaim, claimId,
                                  {{u"action"_s, u"return"_s}, {u"reason"_s, u"缺少接待审批单"_s}}));
        QCOMPARE(stateOf(claimId), u"returned"_s);
        // Returned: the village corrects it, the clerk resubmits it.
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kClaim, claimId, kVillage, {{u"amount"_s, 25'000}})));
        EXPECT_REJECTED(appendStep(kTownReviewer, kClaim, claimId, {{u"action"_s, u"resubmit"_s}}),
                        "FORBIDDEN", "steps");
        EXPECT_APPLIED(appendStep(kTownClerk, kClaim, claimId, {{u"action"_s, u"resubmit"_s}}));
        QCOMPARE(stateOf(claimId), u"submitted"_s);
        QCOMPARE(storedFields(claimId).value(u"amount"_s).toInteger(), 25'000);
    }

    // --- the bank's statement lines ---

    void transactionPushedTwice()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        const QString ref = nextRef();
        const QJsonObject f = txnFields(cardId, ref, QDate(2026, 11, 18), u"10:05:31"_s, u"purchase"_s, 4'280,
                                        u"通州文具商店"_s, u"pos"_s);
        const QString id = card::CardTransactionType::recordIdFor(cardId, ref);
        const qint64 before = countOf(kTxn);
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kTxn, id, kVillage, f)));
        QCOMPARE(countOf(kTxn), before + 1);
        QCOMPARE(version(id), 1);

        // The same statement imported again: the same id, sent as a new record.
        QJsonObject again = upsert(kTxn, id, kVillage, f);
        again.insert(u"baseVersion"_s, 0);
        const Answer a = pushOne(kTownClerk, again);
        QVERIFY2(a.status() == u"conflict"_s || (a.status() == u"applied"_s && a.version() == 1),
                 a.describe().constData());
        QCOMPARE(countOf(kTxn), before + 1);
        QCOMPARE(version(id), 1);

        // Under an id of its own, the line is refused rather than stored twice.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kTxn, newId(), kVillage, f)), "VALIDATION_FAILED",
                        "bankRef");
        QCOMPARE(countOf(kTxn), before + 1);

        // Twice in one push: one record.
        const QString ref2 = nextRef();
        const QJsonObject f2 = txnFields(cardId, ref2, QDate(2026, 11, 19), u"09:00:00"_s, u"purchase"_s,
                                         1'500, u"中国移动通州营业厅"_s, u"pos"_s);
        const QString id2 = card::CardTransactionType::recordIdFor(cardId, ref2);
        const QList<Answer> answers =
            push(kTownClerk, QJsonArray{upsert(kTxn, id2, kVillage, f2), upsert(kTxn, id2, kVillage, f2)});
        QCOMPARE(answers.size(), 2);
        EXPECT_APPLIED(answers.at(0));
        QVERIFY2(answers.at(1).status() == u"conflict"_s || answers.at(1).status() == u"applied"_s,
                 answers.at(1).describe().constData());
        QCOMPARE(countOf(kTxn), before + 2);
        QCOMPARE(version(id2), 1);

        // What came from the bank stays as it came; a line is never deleted.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kTxn, id, kVillage, {{u"amount"_s, 428}})), "FORBIDDEN",
                        "amount");
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kTxn, id, kVillage, {{u"note"_s, u"已核对小票"_s}})));
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kTxn, id, kVillage)), u"FORBIDDEN"_s, QString());
        QCOMPARE(countOf(kTxn), before + 2);
    }

    // --- warnings ---

    void cashWithdrawalRaised()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        // Tuesday 2026-11-17: cash at an ATM, a payment at an ATM, and an ordinary one at a till.
        const QString cash = txn(cardId, QDate(2026, 11, 17), u"16:48:09"_s, u"cash"_s, 50'000,
                                 u"农商银行自助银行"_s, u"atm"_s);
        const QString atm = txn(cardId, QDate(2026, 11, 17), u"16:50:00"_s, u"purchase"_s, 2'000,
                                u"自助缴费终端"_s, u"atm"_s);
        const QString till = txn(cardId, QDate(2026, 11, 17), u"11:00:00"_s, u"purchase"_s, 3'000,
                                 u"通州文具商店"_s, u"pos"_s);
        QVERIFY(!cash.isEmpty() && !atm.isEmpty() && !till.isEmpty());
        QVERIFY(queued() > 0);
        drain();
        QCOMPARE(queued(), 0);

        const QString k = key(u"CARD_CASH_WITHDRAWAL"_s, kTxn, cash, QString());
        const QJsonObject w = warning(k);
        QVERIFY(!w.isEmpty());
        QCOMPARE(w.value(u"severity"_s).toString(), u"red"_s);
        QCOMPARE(w.value(u"ownerDepartment"_s).toString(), u"agri-station"_s);
        QCOMPARE(w.value(u"disciplineCopy"_s).toBool(), true);
        QCOMPARE(w.value(u"subjectId"_s).toString(), cash);
        QCOMPARE(orgUnitOf(warnings::WarningType::recordIdFor(k)), kVillage);
        const QJsonObject evidence = evidenceOf(w);
        QCOMPARE(evidence.value(u"amount"_s).toInteger(), 50'000);
        QCOMPARE(evidence.value(u"kind"_s).toString(), u"cash"_s);
        QVERIFY(!warning(key(u"CARD_CASH_WITHDRAWAL"_s, kTxn, atm, QString())).isEmpty());
        QVERIFY(warning(key(u"CARD_CASH_WITHDRAWAL"_s, kTxn, till, QString())).isEmpty());
        // Raised once.
        fullRun();
        QCOMPARE(version(warnings::WarningType::recordIdFor(k)), 1);
    }

    void splitRaised()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        // 200 + 200 + 150 yuan at one shop within three days, across midnight: each under the director's 500,
        // together above.
        const QString first =
            txn(cardId, QDate(2026, 11, 17), u"23:50:00"_s, u"purchase"_s, 20'000, u"润发农资店"_s, u"qr"_s);
        const QString second =
            txn(cardId, QDate(2026, 11, 18), u"00:20:00"_s, u"purchase"_s, 20'000, u"润发农资店"_s, u"qr"_s);
        const QString third =
            txn(cardId, QDate(2026, 11, 19), u"10:00:00"_s, u"purchase"_s, 15'000, u"润发农资店"_s, u"qr"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty());
        drain();

        const QString k = key(u"CARD_SPLIT"_s, kTxn, first, QString());
        const QJsonObject w = warning(k);
        QVERIFY(!w.isEmpty());
        QCOMPARE(w.value(u"severity"_s).toString(), u"orange"_s);
        QCOMPARE(w.value(u"ownerDepartment"_s).toString(), u"agri-station"_s);
        QCOMPARE(w.value(u"disciplineCopy"_s).toBool(), true);
        const QJsonObject evidence = evidenceOf(w);
        QCOMPARE(evidence.value(u"payments"_s).toArray().size(), 3);
        QCOMPARE(evidence.value(u"total"_s).toInteger(), 55'000);
        QCOMPARE(evidence.value(u"tier"_s).toInteger(), 50'000);
        const QJsonArray records = evidence.value(u"records"_s).toArray();
        for (const QString &id : {cardId, first, second, third})
            QVERIFY2(records.contains(id), qPrintable(id));
        // One warning for the group, raised once.
        QVERIFY(warning(key(u"CARD_SPLIT"_s, kTxn, second, QString())).isEmpty());
        QVERIFY(warning(key(u"CARD_SPLIT"_s, kTxn, third, QString())).isEmpty());
        fullRun();
        QCOMPARE(version(warnings::WarningType::recordIdFor(k)), 1);
    }

    void purchaseBeyondItsRequestRaised()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        // The two committees approve 800 yuan (planned on the 16th).
        QJsonObject fields = requestFields(cardId, 80'000);
        fields.insert(u"plannedOn"_s, iso(QDate(2026, 11, 16)));
        const QString request = create(kTownClerk, kRequest, kVillage, fields);
        QVERIFY(!request.isEmpty());
        EXPECT_APPLIED(appendStep(kTownClerk, kRequest, request, approval(u"committees"_s)));
        // A purchase above the estimate cannot refer to it.
        const QString big = nextRef();
        QJsonObject over = txnFields(cardId, big, QDate(2026, 11, 17), u"10:00:00"_s, u"purchase"_s, 90'000,
                                     u"五金建材城"_s, u"pos"_s);
        over.insert(u"requestId"_s, request);
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kTxn, card::CardTransactionType::recordIdFor(cardId, big),
                                                   kVillage, over)),
                        "VALIDATION_FAILED", "requestId");
        // Two purchases of 600 yuan each refer to it: the first is covered, the second goes beyond what is
        // left.
        QStringList ids;
        for (const QString &day : {u"2026-11-17"_s, u"2026-11-18"_s}) {
            const QString ref = nextRef();
            QJsonObject f = txnFields(cardId, ref, QDate::fromString(day, Qt::ISODate), u"10:00:00"_s,
                                      u"purchase"_s, 60'000, u"五金建材城"_s, u"pos"_s);
            f.insert(u"requestId"_s, request);
            ids.append(
                create(kTownClerk, kTxn, kVillage, f, card::CardTransactionType::recordIdFor(cardId, ref)));
            QVERIFY(!ids.last().isEmpty());
        }
        drain();
        QVERIFY(warning(key(u"CARD_NO_REQUEST"_s, kTxn, ids.at(0), QString())).isEmpty());
        const QJsonObject w = warning(key(u"CARD_NO_REQUEST"_s, kTxn, ids.at(1), QString()));
        QVERIFY(!w.isEmpty());
        QVERIFY2(w.value(u"summary"_s).toString().contains(u"超出对应报备"_s),
                 qPrintable(w.value(u"summary"_s).toString()));
    }

    // The eight rules on the store, table-driven: each row's lines go on a fresh card (monthly limit 3,000
    // yuan, repayment on the 20th, refilled by 演示村股份经济合作社), the queue is drained, and the rules
    // raised on the card and its lines must include `raised` and none of `notRaised`. Today is Friday
    // 2026-11-20; 2026-10-01…07 are the National Day holiday, Saturday 2026-10-10 a make-up working day.
    void rulesOnTheStore_data()
    {
        QTest::addColumn<QStringList>("lines"); // "day|time|kind|fen|merchant|mcc|channel|counterparty"
        QTest::addColumn<QStringList>("raised");
        QTest::addColumn<QStringList>("notRaised");
        const QStringList all{u"CARD_CASH_WITHDRAWAL"_s, u"CARD_BANNED_MERCHANT"_s, u"CARD_SPLIT"_s,
                              u"CARD_OFF_DAY"_s,         u"CARD_NO_REQUEST"_s,      u"CARD_OVER_LIMIT"_s,
                              u"CARD_UNCLAIMED"_s,       u"CARD_PRIVATE_MONEY"_s};
        QTest::newRow("an ordinary purchase on a Tuesday")
            << QStringList{u"2026-11-17|10:00:00|purchase|12000|通州文具商店|5943|pos|"_s} << QStringList{}
            << all;
        QTest::newRow("cash at an ATM")
            << QStringList{u"2026-11-17|16:48:00|cash|50000|自助银行|6011|atm|"_s}
            << QStringList{u"CARD_CASH_WITHDRAWAL"_s} << QStringList{u"CARD_OFF_DAY"_s, u"CARD_UNCLAIMED"_s};
        QTest::newRow("a bar (5813)")
            << QStringList{u"2026-11-17|15:00:00|purchase|38000|夜色酒吧|5813|pos|"_s}
            << QStringList{u"CARD_BANNED_MERCHANT"_s}
            << QStringList{u"CARD_CASH_WITHDRAWAL"_s, u"CARD_NO_REQUEST"_s};
        QTest::newRow("a restaurant (5812) is not denied by default")
            << QStringList{u"2026-11-17|12:00:00|purchase|26000|濠河饭店|5812|pos|"_s} << QStringList{}
            << QStringList{u"CARD_BANNED_MERCHANT"_s};
        QTest::newRow("split across midnight")
            << QStringList{u"2026-11-17|23:50:00|purchase|20000|润发农资店|5200|qr|"_s,
                           u"2026-11-18|00:20:00|purchase|20000|润发农资店|5200|qr|"_s,
                           u"2026-11-18|10:00:00|purchase|15000|润发农资店|5200|qr|"_s}
            << QStringList{u"CARD_SPLIT"_s, u"CARD_OFF_DAY"_s} << QStringList{u"CARD_NO_REQUEST"_s};
        QTest::newRow("split across the National Day holiday")
            << QStringList{u"2026-09-30|16:00:00|purchase|30000|五金建材城|5251|pos|"_s,
                           u"2026-10-02|10:00:00|purchase|30000|五金建材城|5251|pos|"_s}
            << QStringList{u"CARD_SPLIT"_s, u"CARD_OFF_DAY"_s, u"CARD_UNCLAIMED"_s} << QStringList{};
        QTest::newRow("split across the two committees' tier")
            << QStringList{u"2026-11-16|10:00:00|purchase|80000|五金建材城|5251|pos|"_s,
                           u"2026-11-17|10:00:00|purchase|70000|五金建材城|5251|pos|"_s}
            << QStringList{u"CARD_SPLIT"_s, u"CARD_NO_REQUEST"_s} << QStringList{};
        QTest::newRow("a refund cancels one of a split")
            << QStringList{u"2026-11-16|10:00:00|purchase|30000|润发农资店|5200|qr|"_s,
                           u"2026-11-17|10:00:00|purchase|30000|润发农资店|5200|qr|"_s,
                           u"2026-11-18|09:30:00|refund|30000|润发农资店|5200|qr|"_s}
            << QStringList{} << QStringList{u"CARD_SPLIT"_s, u"CARD_PRIVATE_MONEY"_s};
        QTest::newRow("a Saturday") << QStringList{u"2026-11-14|10:00:00|purchase|8000|苏果超市|5411|pos|"_s}
                                    << QStringList{u"CARD_OFF_DAY"_s} << QStringList{};
        QTest::newRow("the make-up working Saturday, claimed late")
            << QStringList{u"2026-10-10|10:00:00|purchase|8000|苏果超市|5411|pos|"_s}
            << QStringList{u"CARD_UNCLAIMED"_s} << QStringList{u"CARD_OFF_DAY"_s};
        QTest::newRow("at night") << QStringList{u"2026-11-17|22:30:00|purchase|8000|苏果超市|5411|pos|"_s}
                                  << QStringList{u"CARD_OFF_DAY"_s} << QStringList{};
        QTest::newRow("above the director's limit, no request")
            << QStringList{u"2026-11-17|10:00:00|purchase|96000|五金建材城|5251|pos|"_s}
            << QStringList{u"CARD_NO_REQUEST"_s} << QStringList{u"CARD_SPLIT"_s};
        QTest::newRow("over the month's limit")
            << QStringList{u"2026-11-02|10:00:00|purchase|160000|五金建材城|5251|pos|"_s,
                           u"2026-11-09|10:00:00|purchase|160000|五金建材城|5251|pos|"_s}
            << QStringList{u"CARD_OVER_LIMIT"_s} << QStringList{};
        QTest::newRow("a refund keeps the month under its limit")
            << QStringList{u"2026-11-02|10:00:00|purchase|160000|五金建材城|5251|pos|"_s,
                           u"2026-11-03|10:00:00|refund|160000|五金建材城|5251|pos|"_s,
                           u"2026-11-09|10:00:00|purchase|160000|五金建材城|5251|pos|"_s}
            << QStringList{} << QStringList{u"CARD_OVER_LIMIT"_s};
        QTest::newRow("unclaimed past its day")
            << QStringList{u"2026-09-15|10:00:00|purchase|16500|兴旺印刷社|2741|qr|"_s}
            << QStringList{u"CARD_UNCLAIMED"_s} << QStringList{};
        QTest::newRow("money from a person")
            << QStringList{u"2026-11-17|10:30:00|transfer-in|20000|||online|吴某某"_s}
            << QStringList{u"CARD_PRIVATE_MONEY"_s} << QStringList{};
        QTest::newRow("the collective refills the card")
            << QStringList{u"2026-11-17|09:12:00|repayment|300000|||counter|演示村股份经济合作社"_s}
            << QStringList{} << QStringList{u"CARD_PRIVATE_MONEY"_s};
    }

    void rulesOnTheStore()
    {
        QFETCH(QStringList, lines);
        QFETCH(QStringList, raised);
        QFETCH(QStringList, notRaised);
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        QStringList ids{cardId};
        for (const QString &spec : std::as_const(lines)) {
            const QStringList p = spec.split(u'|');
            QCOMPARE(p.size(), 8);
            const QString ref = nextRef();
            QJsonObject f = txnFields(cardId, ref, QDate::fromString(p.at(0), Qt::ISODate), p.at(1), p.at(2),
                                      p.at(3).toLongLong(), p.at(4), p.at(6));
            if (!p.at(5).isEmpty())
                f.insert(u"mcc"_s, p.at(5));
            if (!p.at(7).isEmpty())
                f.insert(u"counterparty"_s, p.at(7));
            ids.append(
                create(kTownClerk, kTxn, kVillage, f, card::CardTransactionType::recordIdFor(cardId, ref)));
            QVERIFY2(!ids.last().isEmpty(), qPrintable(spec));
        }
        drain();
        QSet<QString> found;
        SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE type = 'warning' AND deleted = 0"_s);
        q.exec();
        while (q.next()) {
            const QJsonObject w = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
            if (ids.contains(w.value(u"subjectId"_s).toString()))
                found.insert(w.value(u"rule"_s).toString());
        }
        QStringList got = found.values();
        got.sort();
        for (const QString &rule : std::as_const(raised))
            QVERIFY2(found.contains(rule), qPrintable(rule + u" not raised; raised: "_s + got.join(u", "_s)));
        for (const QString &rule : std::as_const(notRaised))
            QVERIFY2(!found.contains(rule), qPrintable(rule + u" raised; raised: "_s + got.join(u", "_s)));
    }

    void splitWithinTheTierNotRaised()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        // 250 + 250 yuan: not above the director's 500.
        const QString first =
            txn(cardId, QDate(2026, 11, 16), u"10:00:00"_s, u"purchase"_s, 25'000, u"苏果超市"_s, u"pos"_s);
        const QString second =
            txn(cardId, QDate(2026, 11, 16), u"15:00:00"_s, u"purchase"_s, 25'000, u"苏果超市"_s, u"pos"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        drain();
        QVERIFY(warning(key(u"CARD_SPLIT"_s, kTxn, first, QString())).isEmpty());
    }

    void splitRefundedBeforeTheRun()
    {
        setChinaTime(kToday);
        const QString cardId = activeCard();
        QVERIFY(!cardId.isEmpty());
        const QString first =
            txn(cardId, QDate(2026, 11, 16), u"10:00:00"_s, u"purchase"_s, 30'000, u"润发农资店"_s, u"qr"_s);
        const QString second =
            txn(cardId, QDate(2026, 11, 17), u"10:00:00"_s, u"purchase"_s, 30'000, u"润发农资店"_s, u"qr"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        // Not yet evaluated (the queue is not drained): a dry run finds the split.
        QVERIFY(sampleHas(dryRun(u"CARD_SPLIT"_s), first));
        // The shop refunds the second payment: what remains is under the tier.
        const QString refunded =
            txn(cardId, QDate(2026, 11, 18), u"09:30:00"_s, u"refund"_s, 30'000, u"润发农资店"_s, u"qr"_s);
        QVERIFY(!refunded.isEmpty());
        QVERIFY(!sampleHas(dryRun(u"CARD_SPLIT"_s), first));
        drain();
        fullRun();
        QVERIFY(warning(key(u"CARD_SPLIT"_s, kTxn, first, QString())).isEmpty());
        QVERIFY(warning(key(u"CARD_SPLIT"_s, kTxn, second, QString())).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCard)
#include "tst_card.moc"
