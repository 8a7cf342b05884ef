// 集体三资 (MODULES.md §2) as the server keeps it, on both stores, over real pushes of the demo accounts: a
// village's cash journal kept by the town's clerk, each entry given the server's running balance and number
// whether pushed together or apart, in date order, never overdrawn, changed or deleted, put right only by a
// reversing entry of the same journal, amount and the other direction; day and month closes of the cash;
// contracts taken from draft through review to signing by the town's reviewer alone, the server then writing
// the rent instalments (29 February, a yearly increase) and marking a renewed contract; a disposal without a
// collective decision recorded and raised once by the full run; the eight rules of the books on the store,
// table-driven on fresh records (the edges of each rule's default parameters); and the counterparty's ID
// number masked for leaders and supervisors. The module's demo records are not loaded: the test makes all
// it reads.
#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"
#include "common/core/IdCard.h"
#include "tests/server/WarningsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

namespace {

const QString kBookType = QString::fromUtf16(collective::LedgerBookType::kName);
const QString kEntryType = QString::fromUtf16(collective::LedgerEntryType::kName);
const QString kCloseType = QString::fromUtf16(collective::CashCloseType::kName);
const QString kAssetType = QString::fromUtf16(collective::CollectiveAssetType::kName);
const QString kResourceType = QString::fromUtf16(collective::CollectiveResourceType::kName);
const QString kContractType = QString::fromUtf16(collective::CollectiveContractType::kName);
const QString kInstalmentType = QString::fromUtf16(collective::InstalmentType::kName);
const QString kReferenceType = QString::fromUtf16(collective::RentReferenceType::kName);
const QString kDisclosureType = QString::fromUtf16(collective::DisclosureType::kName);
const QDate kToday(2026, 11, 20); // a Friday
// The rules' rows put their records here (each row its own); rows about a village's disclosures take the
// villages after it, one each.
const QString kRulesVillage = DemoData::villageId(kTown, 2);

// What a rule's finding is about: the warning's subject and period.
struct Subject
{
    QString type;
    QString id;
    QString period;
};

QJsonObject entryFields(const QString &bookId, QDate on, const QString &direction, qint64 amount,
                        const QString &entryClass)
{
    static int voucher = 0;
    return {{u"bookId"_s, bookId},
            {u"on"_s, iso(on)},
            {u"voucherNo"_s, u"记-%1"_s.arg(++voucher, 4, 10, QChar(u'0'))},
            {u"summary"_s, direction == u"debit"_s ? u"收到款项"_s : u"支付款项"_s},
            {u"direction"_s, direction},
            {u"amount"_s, amount},
            {u"entryClass"_s, entryClass}};
}

QJsonObject closeFields(const QString &bookId, const QString &period, QDate on, qint64 counted)
{
    return {{u"bookId"_s, bookId},
            {u"period"_s, period},
            {u"on"_s, iso(on)},
            {u"counted"_s, counted},
            {u"countedBy"_s, u"钱出纳"_s}};
}

// 20 mu at 500 yuan a mu and year (10,000 yuan a year), no increase, a new person's contract, in draft.
QJsonObject contractFields(const QString &resourceId, QDate startOn, QDate endOn)
{
    static int n = 0;
    return {{u"contractNo"_s, u"TZ-HT-%1"_s.arg(++n, 4, 10, QChar(u'0'))},
            {u"kind"_s, u"contracting-out"_s},
            {u"resourceId"_s, resourceId},
            {u"counterpartyName"_s, u"周承包"_s},
            {u"counterpartyId"_s, freshIdNumber()},
            {u"startOn"_s, iso(startOn)},
            {u"endOn"_s, iso(endOn)},
            {u"areaMu"_s, 20.0},
            {u"pricePerMu"_s, 50'000},
            {u"state"_s, u"draft"_s}};
}

// A tractor bought in 2015 for 30,000 yuan, in use.
QJsonObject assetFields(const QString &name)
{
    static int n = 0;
    return {{u"code"_s, u"ZC-%1"_s.arg(++n, 4, 10, QChar(u'0'))},
            {u"name"_s, name},
            {u"category"_s, u"machinery"_s},
            {u"quantity"_s, 1},
            {u"originalValue"_s, 3'000'000},
            {u"acquiredBy"_s, u"bought"_s},
            {u"startOn"_s, u"2015-05-01"_s},
            {u"usefulYears"_s, 10},
            {u"status"_s, u"own-use"_s}};
}

QJsonObject disposalFields(QDate on)
{
    return {{u"status"_s, u"disposed"_s},
            {u"disposedOn"_s, iso(on)},
            {u"disposalKind"_s, u"sale"_s},
            {u"disposalAmount"_s, 200'000}};
}

QJsonObject merged(QJsonObject into, const QJsonObject &more)
{
    for (auto it = more.constBegin(); it != more.constEnd(); ++it)
        into.insert(it.key(), it.value());
    return into;
}

QJsonObject evidenceOf(const QJsonObject &warningFields)
{
    return QJsonDocument::fromJson(warningFields.value(u"evidence"_s).toString().toUtf8()).object();
}

} // namespace

class TestCollective : public WarningsTest
{
    Q_OBJECT

private:
    int m_freshVillage = 3; // the next village of kTown no test has used

    // A journal of the village opened by the town clerk; its id (empty when refused).
    QString newBook(const QString &village, QDate openingOn, qint64 opening, const QString &kind = u"cash"_s)
    {
        return create(kTownClerk, kBookType, village,
                      {{u"kind"_s, kind},
                       {u"name"_s, kind == u"cash"_s ? u"库存现金"_s : u"农商银行基本户"_s},
                       {u"openingOn"_s, iso(openingOn)},
                       {u"openingBalance"_s, opening}});
    }

    QString enter(const QString &village, const QJsonObject &fields)
    {
        return create(kTownClerk, kEntryType, village, fields);
    }

    // 20 mu of the village's arable land, let; with the end of its contracting term when given.
    QString newResource(const QString &village, QDate termEndsOn = {})
    {
        QJsonObject f{
            {u"name"_s, u"东圩耕地"_s}, {u"kind"_s, u"land"_s}, {u"areaMu"_s, 20.0}, {u"state"_s, u"let"_s}};
        if (termEndsOn.isValid())
            f.insert(u"termEndsOn"_s, iso(termEndsOn));
        return create(kTownClerk, kResourceType, village, f);
    }

    // A contract put to review by the town clerk and signed by the town's reviewer; its id.
    QString signedContract(const QString &village, QJsonObject fields)
    {
        fields.insert(u"state"_s, u"review"_s);
        const QString id = create(kTownClerk, kContractType, village, fields);
        if (id.isEmpty())
            return {};
        const Answer a =
            pushOne(kTownReviewer, upsert(kContractType, id, village, {{u"state"_s, u"signed"_s}}));
        if (a.status() != u"applied"_s) {
            qWarning("contract not signed: %s", a.describe().constData());
            return {};
        }
        return id;
    }

    QString stateOf(const QString &id) { return storedFields(id).value(u"state"_s).toString(); }

    QString orgUnitOf(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT org_unit_id FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? q.text(0) : QString();
    }

    // The warnings about a record or village, as "RULE/period", sorted.
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

    // The records of one row of rulesOnTheStore, on fresh records, with the clock set; what the rule is about
    // (an empty id when a record was refused).
    Subject build(const QString &scenario)
    {
        // RENT_OVERDUE: a signed contract from 2026-03-01, its first instalment due that day; grace 30 days.
        if (scenario.startsWith(u"rent-"_s)) {
            const QDate due(2026, 3, 1);
            setChinaTime(due.addDays(scenario == u"rent-30-days-late"_s ? 30 : 31));
            const QString contract = signedContract(
                kRulesVillage, contractFields(newResource(kRulesVillage), due, QDate(2029, 2, 28)));
            if (contract.isEmpty())
                return {};
            const QString first = collective::InstalmentType::recordIdFor(contract, 1);
            if (scenario == u"rent-received"_s) {
                const Answer a =
                    pushOne(kTownClerk, upsert(kInstalmentType, first, kRulesVillage,
                                               {{u"received"_s, storedFields(first).value(u"amountDue"_s)},
                                                {u"receivedOn"_s, u"2026-03-05"_s}}));
                if (a.status() != u"applied"_s) {
                    qWarning("receipt not recorded: %s", a.describe().constData());
                    return {};
                }
            }
            return {kInstalmentType, first, {}};
        }
        // CONTRACT_TERM_EXCEEDS: contracts under review from 2026-01-01; the limit is 15 years.
        if (scenario.startsWith(u"term-"_s)) {
            setChinaTime(kToday);
            QDate end(2040, 12, 31);
            QDate landEnds;
            if (scenario == u"term-14-years"_s)
                end = QDate(2039, 12, 31);
            if (scenario == u"term-beyond-land"_s) {
                end = QDate(2030, 12, 31);
                landEnds = QDate(2028, 12, 31);
            }
            QJsonObject f = contractFields(newResource(kRulesVillage, landEnds), QDate(2026, 1, 1), end);
            f.insert(u"state"_s, u"review"_s);
            return {kContractType, create(kTownClerk, kContractType, kRulesVillage, f), {}};
        }
        // CONTRACT_LOW_PRICE: the town's land is let at 1,000 yuan a mu from 2026; the limit is 80 %.
        if (scenario.startsWith(u"low-price-"_s)) {
            setChinaTime(kToday);
            const QString reference = collective::RentReferenceType::recordIdFor(kTown, u"land"_s, 2026);
            const Answer a = pushOne(
                kTownClerk, upsert(kReferenceType, reference, kTown,
                                   {{u"kind"_s, u"land"_s}, {u"year"_s, 2026}, {u"pricePerMu"_s, 100'000}}));
            if (a.status() != u"applied"_s) {
                qWarning("reference rent not applied: %s", a.describe().constData());
                return {};
            }
            QJsonObject f = contractFields(newResource(kRulesVillage), QDate(2026, 3, 1), QDate(2031, 2, 28));
            f.insert(u"pricePerMu"_s, scenario == u"low-price-79"_s ? 79'000 : 80'000);
            f.insert(u"state"_s, u"review"_s);
            return {kContractType, create(kTownClerk, kContractType, kRulesVillage, f), {}};
        }
        // CONTRACT_NOT_TRADED: signed, 10,000 yuan a year for five years (50,000 yuan) or four.
        if (scenario.startsWith(u"deal-"_s)) {
            setChinaTime(kToday);
            QJsonObject f = contractFields(newResource(kRulesVillage), QDate(2026, 1, 1),
                                           scenario == u"deal-under-threshold"_s ? QDate(2029, 12, 31)
                                                                                 : QDate(2030, 12, 31));
            if (scenario == u"deal-traded"_s) {
                f.insert(u"dealNo"_s, u"NTCQ-2025-0188"_s);
                f.insert(u"dealOn"_s, u"2025-12-20"_s);
            }
            if (scenario == u"deal-exempt"_s)
                f.insert(u"exemptReason"_s, u"本集体经济组织成员承包，经村民代表会议同意"_s);
            return {kContractType, signedContract(kRulesVillage, f), {}};
        }
        // CASH_OVER_LIMIT: a cash journal opened with 4,000 yuan, entries on 2026-11-16; the limit is 5,000.
        if (scenario.startsWith(u"cash-"_s)) {
            setChinaTime(kToday);
            const QDate day(2026, 11, 16);
            const QString book = newBook(kRulesVillage, QDate(2026, 11, 1), 400'000);
            if (book.isEmpty())
                return {};
            QList<QJsonObject> entries;
            if (scenario == u"cash-over-limit"_s)
                entries = {entryFields(book, day, u"debit"_s, 100'001, u"other-income"_s)};
            else if (scenario == u"cash-at-limit"_s)
                entries = {entryFields(book, day, u"debit"_s, 100'000, u"other-income"_s)};
            else // above the limit during the day, at it by the day's end
                entries = {entryFields(book, day, u"debit"_s, 200'000, u"other-income"_s),
                           entryFields(book, day, u"credit"_s, 100'000, u"management"_s)};
            for (const QJsonObject &e : std::as_const(entries)) {
                if (enter(kRulesVillage, e).isEmpty())
                    return {};
            }
            return {kBookType, book, iso(day)};
        }
        // DISCLOSURE_LATE: a fresh village whose books open on 2026-04-01, its 2026Q2 disclosure checked on
        // 2026-07-10 and posted; today is 2026-10-16, each quarter due by the 15th of the next one.
        if (scenario.startsWith(u"disclosure-"_s)) {
            setChinaTime(QDate(2026, 10, 16));
            const QString village = DemoData::villageId(kTown, m_freshVillage++);
            if (newBook(village, QDate(2026, 4, 1), 0).isEmpty())
                return {};
            const QDate posted =
                scenario == u"disclosure-q2-late"_s ? QDate(2026, 7, 16) : QDate(2026, 7, 15);
            const QString posting = create(kTownClerk, kDisclosureType, village,
                                           {{u"quarter"_s, u"2026Q2"_s},
                                            {u"report"_s, u"{\"quarter\":\"2026Q2\"}"_s},
                                            {u"checkedOn"_s, u"2026-07-10"_s},
                                            {u"checkedBy"_s, u"钱组长"_s},
                                            {u"postedOn"_s, iso(posted)},
                                            {u"postedAt"_s, u"村务公开栏"_s}},
                                           collective::DisclosureType::recordIdFor(village, u"2026Q2"_s));
            if (posting.isEmpty())
                return {};
            const QString quarter = scenario == u"disclosure-q3-missing"_s            ? u"2026Q3"_s
                                    : scenario == u"disclosure-q1-before-the-books"_s ? u"2026Q1"_s
                                                                                      : u"2026Q2"_s;
            return {u"village"_s, village, quarter};
        }
        // CONTRACT_EXPIRING: signed three-year contracts ending soon; the horizon is 60 days.
        if (scenario.startsWith(u"expiring-"_s)) {
            setChinaTime(kToday);
            const QDate end = kToday.addDays(scenario == u"expiring-in-61-days"_s ? 61 : 60);
            const QString resource = newResource(kRulesVillage);
            const QString contract =
                signedContract(kRulesVillage, contractFields(resource, end.addDays(1).addYears(-3), end));
            if (contract.isEmpty())
                return {};
            if (scenario == u"expiring-renewed"_s) {
                QJsonObject next = contractFields(resource, end.addDays(1), end.addYears(3));
                next.insert(u"renews"_s, contract);
                if (signedContract(kRulesVillage, next).isEmpty() || stateOf(contract) != u"renewed"_s) {
                    qWarning("the old contract is %s", qPrintable(stateOf(contract)));
                    return {};
                }
            }
            return {kContractType, contract, iso(end)};
        }
        qWarning("unknown scenario %s", qPrintable(scenario));
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        setChinaTime(kToday);
    }
    void cleanupTestCase() { stopServer(); }

    // --- journals ---

    void journalKeepsTheBalance()
    {
        setChinaTime(kToday);
        const QString book = newBook(kVillage, QDate(2026, 11, 1), 100'000);
        QVERIFY(!book.isEmpty());
        QJsonObject b = storedFields(book);
        QCOMPARE(b.value(u"balance"_s).toInteger(), 100'000);
        QCOMPARE(b.value(u"entries"_s).toInteger(), 0);
        QVERIFY(!b.contains(u"lastOn"_s));

        // Three entries in one push: each gets the balance after it and the next number.
        const QStringList ids{newId(), newId(), newId()};
        const QList<Answer> answers = push(
            kTownClerk,
            QJsonArray{
                upsert(kEntryType, ids.at(0), kVillage,
                       entryFields(book, QDate(2026, 11, 2), u"debit"_s, 50'000, u"contracting-income"_s)),
                upsert(kEntryType, ids.at(1), kVillage,
                       entryFields(book, QDate(2026, 11, 2), u"credit"_s, 30'000, u"management"_s)),
                upsert(kEntryType, ids.at(2), kVillage,
                       entryFields(book, QDate(2026, 11, 3), u"debit"_s, 20'000, u"subsidy-income"_s))});
        QCOMPARE(answers.size(), 3);
        for (const Answer &a : answers)
            EXPECT_APPLIED(a);
        const QList<qint64> balances{150'000, 120'000, 140'000};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject e = storedFields(ids.at(i));
            QCOMPARE(e.value(u"seq"_s).toInteger(), i + 1);
            QCOMPARE(e.value(u"balance"_s).toInteger(), balances.at(i));
        }
        b = storedFields(book);
        QCOMPARE(b.value(u"balance"_s).toInteger(), 140'000);
        QCOMPARE(b.value(u"lastOn"_s).toString(), u"2026-11-03"_s);
        QCOMPARE(b.value(u"entries"_s).toInteger(), 3);

        // One more, on its own.
        const QString fourth =
            enter(kVillage, entryFields(book, QDate(2026, 11, 5), u"credit"_s, 40'000, u"public-welfare"_s));
        QVERIFY(!fourth.isEmpty());
        QCOMPARE(storedFields(fourth).value(u"seq"_s).toInteger(), 4);
        QCOMPARE(storedFields(fourth).value(u"balance"_s).toInteger(), 100'000);

        // In date order; never more cash out than there is (1,000.01 yuan of 1,000.00); a class of the side.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   entryFields(book, QDate(2026, 11, 4), u"debit"_s, 1'000,
                                                               u"other-income"_s))),
                        "VALIDATION_FAILED", "on");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   entryFields(book, QDate(2026, 11, 5), u"credit"_s, 100'001,
                                                               u"management"_s))),
                        "VALIDATION_FAILED", "amount");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   entryFields(book, QDate(2026, 11, 5), u"debit"_s, 1'000,
                                                               u"management"_s))),
                        "VALIDATION_FAILED", "entryClass");

        // Written once: not changed, not deleted.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, ids.at(0), kVillage, {{u"amount"_s, 60'000}})),
                        "FORBIDDEN", "amount");
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kEntryType, ids.at(0), kVillage)), u"FORBIDDEN"_s,
                       QString());
        QCOMPARE(version(ids.at(0)), 1);

        // Put right by a reversing entry: the same journal and amount, the other direction.
        const QString bank = newBook(kVillage, QDate(2026, 11, 1), 0, u"bank"_s);
        QVERIFY(!bank.isEmpty());
        // It keeps the class of what it reverses (the amount comes out of that class).
        QJsonObject reversal = entryFields(book, QDate(2026, 11, 5), u"debit"_s, 30'000, u"management"_s);
        reversal.insert(u"reverses"_s, ids.at(1));
        reversal.insert(u"summary"_s, u"冲销 11月2日 办公用品重复记账"_s);
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   merged(reversal, {{u"direction"_s, u"credit"_s},
                                                                     {u"entryClass"_s, u"management"_s}}))),
                        "VALIDATION_FAILED", "reverses");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   merged(reversal, {{u"amount"_s, 20'000}}))),
                        "VALIDATION_FAILED", "reverses");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   merged(reversal, {{u"bookId"_s, bank}}))),
                        "VALIDATION_FAILED", "reverses");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   merged(reversal, {{u"entryClass"_s, u"other-income"_s}}))),
                        "VALIDATION_FAILED", "reverses");
        const QString reversing = enter(kVillage, reversal);
        QVERIFY(!reversing.isEmpty());
        QCOMPARE(storedFields(reversing).value(u"seq"_s).toInteger(), 5);
        QCOMPARE(storedFields(reversing).value(u"balance"_s).toInteger(), 130'000);
        b = storedFields(book);
        QCOMPARE(b.value(u"balance"_s).toInteger(), 130'000);
        QCOMPARE(b.value(u"lastOn"_s).toString(), u"2026-11-05"_s);
        QCOMPARE(b.value(u"entries"_s).toInteger(), 5);

        // The journal's figures are the server's; its opening stays once entries are made; it stays.
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kBookType, book, kVillage,
                                       {{u"name"_s, u"库存现金（村委会）"_s}, {u"balance"_s, 1}})));
        QCOMPARE(storedFields(book).value(u"balance"_s).toInteger(), 130'000);
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kBookType, book, kVillage, {{u"openingBalance"_s, 90'000}})),
            "FORBIDDEN", "openingBalance");
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kBookType, book, kVillage)), u"FORBIDDEN"_s, QString());
    }

    void cashClose()
    {
        setChinaTime(kToday);
        const QString book = newBook(kVillage, QDate(2026, 11, 1), 200'000);
        const QString bank = newBook(kVillage, QDate(2026, 11, 1), 0, u"bank"_s);
        QVERIFY(!book.isEmpty() && !bank.isEmpty());
        const QString received =
            enter(kVillage, entryFields(book, QDate(2026, 11, 10), u"debit"_s, 30'000, u"other-income"_s));
        QVERIFY(!received.isEmpty());

        // The day's close: 2,299.50 yuan counted against 2,300.00 in the journal, 0.50 short.
        const QString close = create(kTownClerk, kCloseType, kVillage,
                                     closeFields(book, u"day"_s, QDate(2026, 11, 10), 229'950));
        QVERIFY(!close.isEmpty());
        const QJsonObject c = storedFields(close);
        QCOMPARE(c.value(u"bookBalance"_s).toInteger(), 230'000);
        QCOMPARE(c.value(u"difference"_s).toInteger(), -50);
        QCOMPARE(storedFields(book).value(u"closedThrough"_s).toString(), u"2026-11-10"_s);

        // Nothing more on or before the closed day; the next day is open.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   entryFields(book, QDate(2026, 11, 10), u"debit"_s, 1'000,
                                                               u"other-income"_s))),
                        "VALIDATION_FAILED", "on");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kEntryType, newId(), kVillage,
                                                   entryFields(book, QDate(2026, 11, 9), u"debit"_s, 1'000,
                                                               u"other-income"_s))),
                        "VALIDATION_FAILED", "on");
        const QString nextDay =
            enter(kVillage, entryFields(book, QDate(2026, 11, 11), u"credit"_s, 10'000, u"management"_s));
        QVERIFY(!nextDay.isEmpty());

        // A month closes on its last day, and no close goes behind the journal's last entry.
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kCloseType, newId(), kVillage,
                                       closeFields(book, u"month"_s, QDate(2026, 11, 19), 220'000))),
            "VALIDATION_FAILED", "on");
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kCloseType, newId(), kVillage,
                                       closeFields(book, u"day"_s, QDate(2026, 11, 10), 220'000))),
            "VALIDATION_FAILED", "on");
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kCloseType, newId(), kVillage,
                                       closeFields(book, u"month"_s, QDate(2026, 10, 31), 200'000))),
            "VALIDATION_FAILED", "on");
        // Only the cash is counted.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kCloseType, newId(), kVillage,
                                                   closeFields(bank, u"day"_s, QDate(2026, 11, 11), 0))),
                        "VALIDATION_FAILED", "bookId");

        // November's close, on 1 December.
        setChinaTime(QDate(2026, 12, 1));
        const QString month = create(kTownClerk, kCloseType, kVillage,
                                     closeFields(book, u"month"_s, QDate(2026, 11, 30), 220'000));
        QVERIFY(!month.isEmpty());
        QCOMPARE(storedFields(month).value(u"bookBalance"_s).toInteger(), 220'000);
        QCOMPARE(storedFields(month).value(u"difference"_s).toInteger(), 0);
        QCOMPARE(storedFields(book).value(u"closedThrough"_s).toString(), u"2026-11-30"_s);
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kCloseType, close, kVillage)), u"FORBIDDEN"_s, QString());
    }

    // --- contracts ---

    void contractSignedByTheTownReviewer()
    {
        setChinaTime(kToday);
        const QString resource = newResource(kVillage);
        QVERIFY(!resource.isEmpty());
        // From 29 February 2024 for three years, 800 yuan a mu rising 5 % a year.
        QJsonObject terms = contractFields(resource, QDate(2024, 2, 29), QDate(2027, 2, 27));
        terms.insert(u"pricePerMu"_s, 80'000);
        terms.insert(u"yearlyIncreasePercent"_s, 5.0);
        terms.insert(u"dealNo"_s, u"NTCQ-2024-0017"_s);

        // Not entered as signed.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kContractType, newId(), kVillage,
                                                   merged(terms, {{u"state"_s, u"signed"_s}}))),
                        "FORBIDDEN", "state");
        const QString id = create(kTownClerk, kContractType, kVillage, terms);
        QVERIFY(!id.isEmpty());
        QJsonObject f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"draft"_s);
        QCOMPARE(f.value(u"value"_s).toInteger(), 1'600'000 + 1'680'000 + 1'764'000);
        QVERIFY(!f.contains(u"reviewedOn"_s));
        EXPECT_APPLIED(pushOne(kTownClerk, upsert(kContractType, id, kVillage, {{u"state"_s, u"review"_s}})));

        // Signed by the town's reviewer, not its clerk, not the county's reviewer.
        const QJsonObject sign{{u"state"_s, u"signed"_s}};
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kContractType, id, kVillage, sign)), "FORBIDDEN", "state");
        EXPECT_REJECTED(pushOne(kCountyReviewer, upsert(kContractType, id, kVillage, sign)), "FORBIDDEN",
                        "state");
        QCOMPARE(stateOf(id), u"review"_s);
        QCOMPARE(version(collective::InstalmentType::recordIdFor(id, 1)), 0);
        EXPECT_APPLIED(pushOne(kTownReviewer, upsert(kContractType, id, kVillage, sign)));
        f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"signed"_s);
        QCOMPARE(f.value(u"reviewedOn"_s).toString(), iso(kToday));
        QCOMPARE(f.value(u"reviewedBy"_s).toString(), userId(kTownReviewer));

        // The instalments the server wrote: one a contract year, due on 29 February, then 28 February.
        const QList<collective::Instalment> schedule =
            collective::rentSchedule(collective::CollectiveContractType::termsOf(f));
        QCOMPARE(schedule.size(), 3);
        const QList<QDate> dues{QDate(2024, 2, 29), QDate(2025, 2, 28), QDate(2026, 2, 28)};
        const QList<qint64> amounts{1'600'000, 1'680'000, 1'764'000};
        for (int n = 1; n <= 3; ++n) {
            const QString instalment = collective::InstalmentType::recordIdFor(id, n);
            QCOMPARE(orgUnitOf(instalment), kVillage);
            const QJsonObject i = storedFields(instalment);
            QCOMPARE(i.value(u"contractId"_s).toString(), id);
            QCOMPARE(i.value(u"number"_s).toInteger(), n);
            QCOMPARE(i.value(u"dueOn"_s).toString(), iso(dues.at(n - 1)));
            QCOMPARE(i.value(u"dueOn"_s).toString(), iso(schedule.at(n - 1).dueOn));
            QCOMPARE(i.value(u"amountDue"_s).toInteger(), amounts.at(n - 1));
            QCOMPARE(i.value(u"amountDue"_s).toInteger(), schedule.at(n - 1).amount);
            QCOMPARE(i.value(u"received"_s).toInteger(), 0);
        }
        QCOMPARE(version(collective::InstalmentType::recordIdFor(id, 4)), 0);

        // Signed: the terms stay, the contract stays.
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kContractType, id, kVillage, {{u"pricePerMu"_s, 60'000}})),
                        "FORBIDDEN", "pricePerMu");
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kContractType, id, kVillage, {{u"endOn"_s, u"2030-02-27"_s}})),
            "FORBIDDEN", "endOn");
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kContractType, id, kVillage, {{u"state"_s, u"draft"_s}})),
                        "FORBIDDEN", "state");
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kContractType, id, kVillage)), u"FORBIDDEN"_s, QString());

        // The clerk records what was received; what is due is the schedule's, and only signing makes one.
        const QString first = collective::InstalmentType::recordIdFor(id, 1);
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kInstalmentType, first, kVillage,
                                       {{u"received"_s, 1'600'000}, {u"receivedOn"_s, u"2024-03-05"_s}})));
        QCOMPARE(storedFields(first).value(u"received"_s).toInteger(), 1'600'000);
        QCOMPARE(storedFields(first).value(u"receivedOn"_s).toString(), u"2024-03-05"_s);
        EXPECT_REJECTED(
            pushOne(kTownClerk, upsert(kInstalmentType, first, kVillage, {{u"amountDue"_s, 1'000'000}})),
            "FORBIDDEN", "amountDue");
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kInstalmentType,
                                                  collective::InstalmentType::recordIdFor(id, 4), kVillage,
                                                  {{u"contractId"_s, id},
                                                   {u"number"_s, 4},
                                                   {u"dueOn"_s, u"2027-02-28"_s},
                                                   {u"amountDue"_s, 1'852'200}})),
                       u"FORBIDDEN"_s, QString());
        QCOMPARE(version(collective::InstalmentType::recordIdFor(id, 4)), 0);

        // Renewed: the old contract is marked when the new one is signed, not before.
        QJsonObject next = contractFields(resource, QDate(2027, 2, 28), QDate(2030, 2, 27));
        next.insert(u"renews"_s, id);
        next.insert(u"state"_s, u"review"_s);
        const QString renewal = create(kTownClerk, kContractType, kVillage, next);
        QVERIFY(!renewal.isEmpty());
        QCOMPARE(stateOf(id), u"signed"_s);
        EXPECT_APPLIED(pushOne(kTownReviewer, upsert(kContractType, renewal, kVillage, sign)));
        QCOMPARE(stateOf(renewal), u"signed"_s);
        QCOMPARE(stateOf(id), u"renewed"_s);
        QCOMPARE(
            storedFields(collective::InstalmentType::recordIdFor(renewal, 1)).value(u"dueOn"_s).toString(),
            u"2027-02-28"_s);
    }

    // --- assets ---

    void disposalWithoutDecisionRaised()
    {
        setChinaTime(kToday);
        const QDate disposedOn(2026, 11, 10);
        // Sold without a collective decision: recorded as it happened.
        const QString unapproved = create(kTownClerk, kAssetType, kVillage, assetFields(u"旧拖拉机"_s));
        QVERIFY(!unapproved.isEmpty());
        EXPECT_APPLIED(
            pushOne(kTownClerk, upsert(kAssetType, unapproved, kVillage, disposalFields(disposedOn))));
        // Sold after the representatives decided; and one decided only afterwards.
        const QString approved =
            create(kTownClerk, kAssetType, kVillage,
                   merged(merged(assetFields(u"旧抽水机组"_s), disposalFields(disposedOn)),
                          {{u"decisionRef"_s, u"村民代表会议决议〔2026〕3号"_s},
                           {u"decisionOn"_s, u"2026-11-01"_s}}));
        const QString decidedLate =
            create(kTownClerk, kAssetType, kVillage,
                   merged(merged(assetFields(u"旧脱粒机"_s), disposalFields(disposedOn)),
                          {{u"decisionRef"_s, u"村民代表会议决议〔2026〕5号"_s},
                           {u"decisionOn"_s, u"2026-11-15"_s}}));
        QVERIFY(!approved.isEmpty() && !decidedLate.isEmpty());

        fullRun();
        const QString k = key(u"ASSET_DISPOSED_UNAPPROVED"_s, kAssetType, unapproved, QString());
        const QJsonObject w = warning(k);
        QVERIFY(!w.isEmpty());
        QCOMPARE(w.value(u"rule"_s).toString(), u"ASSET_DISPOSED_UNAPPROVED"_s);
        QCOMPARE(w.value(u"subjectId"_s).toString(), unapproved);
        QCOMPARE(w.value(u"severity"_s).toString(), u"red"_s);
        QCOMPARE(w.value(u"ownerDepartment"_s).toString(), u"agri-station"_s);
        QCOMPARE(w.value(u"disciplineCopy"_s).toBool(), true);
        QCOMPARE(orgUnitOf(warnings::WarningType::recordIdFor(k)), kVillage);
        const QJsonObject evidence = evidenceOf(w);
        QCOMPARE(evidence.value(u"disposedOn"_s).toString(), iso(disposedOn));
        QCOMPARE(evidence.value(u"disposalKind"_s).toString(), u"sale"_s);
        QCOMPARE(evidence.value(u"originalValue"_s).toInteger(), 3'000'000);
        QVERIFY(evidence.value(u"records"_s).toArray().contains(unapproved));
        QVERIFY(warning(key(u"ASSET_DISPOSED_UNAPPROVED"_s, kAssetType, approved, QString())).isEmpty());
        QVERIFY(!warning(key(u"ASSET_DISPOSED_UNAPPROVED"_s, kAssetType, decidedLate, QString())).isEmpty());

        // Raised once: a second run adds nothing.
        const qint64 before = warningCount();
        fullRun();
        QCOMPARE(warningCount(), before);
        QCOMPARE(version(warnings::WarningType::recordIdFor(k)), 1);
        QCOMPARE(raisedAbout(unapproved).count(u"ASSET_DISPOSED_UNAPPROVED/"_s), 1);

        // The register keeps a disposed asset as it was disposed of.
        EXPECT_OUTCOME(pushOne(kTownClerk, remove(kAssetType, unapproved, kVillage)), u"FORBIDDEN"_s,
                       QString());
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(kAssetType, unapproved, kVillage,
                                                   {{u"disposedOn"_s, u"2026-11-11"_s}})),
                        "FORBIDDEN", "disposedOn");
        QCOMPARE(version(unapproved), 2);
    }

    // --- the rules on the store ---

    // Each row builds fresh records (build()), drains the queue the pushes filled, and looks up the warning
    // the rule raises about its subject: it must be there exactly when `raised`. Default parameters.
    void rulesOnTheStore_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("raised");
        const QString rent = u"RENT_OVERDUE"_s;
        QTest::newRow("rent 31 days late") << rent << u"rent-31-days-late"_s << true;
        QTest::newRow("rent 30 days late") << rent << u"rent-30-days-late"_s << false;
        QTest::newRow("rent received") << rent << u"rent-received"_s << false;
        const QString term = u"CONTRACT_TERM_EXCEEDS"_s;
        QTest::newRow("a 15-year term") << term << u"term-15-years"_s << true;
        QTest::newRow("a 14-year term") << term << u"term-14-years"_s << false;
        QTest::newRow("beyond the land's term") << term << u"term-beyond-land"_s << true;
        const QString low = u"CONTRACT_LOW_PRICE"_s;
        QTest::newRow("79 % of the reference") << low << u"low-price-79"_s << true;
        QTest::newRow("80 % of the reference") << low << u"low-price-80"_s << false;
        const QString traded = u"CONTRACT_NOT_TRADED"_s;
        QTest::newRow("50,000 yuan, no deal") << traded << u"deal-none"_s << true;
        QTest::newRow("50,000 yuan, traded") << traded << u"deal-traded"_s << false;
        QTest::newRow("50,000 yuan, exempt") << traded << u"deal-exempt"_s << false;
        QTest::newRow("40,000 yuan, no deal") << traded << u"deal-under-threshold"_s << false;
        const QString cash = u"CASH_OVER_LIMIT"_s;
        QTest::newRow("a day ending at 5,000.01") << cash << u"cash-over-limit"_s << true;
        QTest::newRow("a day ending at 5,000.00") << cash << u"cash-at-limit"_s << false;
        QTest::newRow("above the limit within the day") << cash << u"cash-above-within-the-day"_s << false;
        const QString disclosure = u"DISCLOSURE_LATE"_s;
        QTest::newRow("Q2 posted on the 15th") << disclosure << u"disclosure-q2-on-time"_s << false;
        QTest::newRow("Q2 posted on the 16th") << disclosure << u"disclosure-q2-late"_s << true;
        QTest::newRow("Q3 not posted") << disclosure << u"disclosure-q3-missing"_s << true;
        QTest::newRow("Q1 before the books") << disclosure << u"disclosure-q1-before-the-books"_s << false;
        const QString expiring = u"CONTRACT_EXPIRING"_s;
        QTest::newRow("ending in 60 days") << expiring << u"expiring-in-60-days"_s << true;
        QTest::newRow("ending in 61 days") << expiring << u"expiring-in-61-days"_s << false;
        QTest::newRow("ending in 60 days, renewed") << expiring << u"expiring-renewed"_s << false;
    }

    void rulesOnTheStore()
    {
        QFETCH(QString, rule);
        QFETCH(QString, scenario);
        QFETCH(bool, raised);
        const Subject subject = build(scenario);
        QVERIFY2(!subject.id.isEmpty(), "the row's records were not all applied");
        drain();
        const bool found = !warning(key(rule, subject.type, subject.id, subject.period)).isEmpty();
        QVERIFY2(found == raised, qPrintable(u"%1 %2 about %3 %4 (%5); raised about it: %6"_s.arg(
                                      rule, found ? u"raised"_s : u"not raised"_s, subject.type, subject.id,
                                      subject.period, raisedAbout(subject.id).join(u", "_s))));
    }

    // A county sets its own cash limit (6,000 yuan): a day ending at 5,000.01 is within it there; the towns'
    // computers receive the figures, read-only.
    void countySetsItsOwnFigures()
    {
        setChinaTime(kToday);
        const QString type = QString::fromUtf16(collective::CollectiveSettingsType::kName);
        const QString id = collective::CollectiveSettingsType::recordIdFor(kCounty);
        EXPECT_REJECTED(pushOne(kTownClerk, upsert(type, id, kCounty, {{u"cashLimit"_s, 600'000}})),
                        "FORBIDDEN", "");
        EXPECT_REJECTED(pushOne(kCountyReviewer, upsert(type, id, kCounty, {{u"cashLimit"_s, 0}})),
                        "VALIDATION_FAILED", "cashLimit");
        EXPECT_APPLIED(pushOne(kCountyReviewer, upsert(type, id, kCounty, {{u"cashLimit"_s, 600'000}})));
        const QList<QJsonObject> pulled = pullAll(kTownClerk);
        const bool received = std::any_of(pulled.begin(), pulled.end(), [&](const QJsonObject &r) {
            return r.value(u"id"_s).toString() == id;
        });
        const Subject subject = build(u"cash-over-limit"_s);
        drain();
        const bool found =
            !warning(key(u"CASH_OVER_LIMIT"_s, subject.type, subject.id, subject.period)).isEmpty();
        // Back to the city-wide parameter for the other tests, before anything can fail.
        EXPECT_APPLIED(pushOne(kCountyReviewer, remove(type, id, kCounty)));
        QVERIFY(received);
        QVERIFY(!subject.id.isEmpty());
        QVERIFY2(!found, "CASH_OVER_LIMIT raised under the county's own limit");
    }

    // --- need to know ---

    void counterpartyIdMasked()
    {
        setChinaTime(kToday);
        const QString resource = newResource(kVillage2);
        QVERIFY(!resource.isEmpty());
        const QJsonObject f = contractFields(resource, QDate(2026, 3, 1), QDate(2031, 2, 28));
        const QString holder = f.value(u"counterpartyId"_s).toString();
        const QString id = create(kTownClerk, kContractType, kVillage2, f);
        QVERIFY(!id.isEmpty());
        QCOMPARE(storedFields(id).value(u"counterpartyId"_s).toString(), holder);
        const auto idIn = [&](const QString &username) {
            return pulled(username, id).value(u"fields"_s).toObject().value(u"counterpartyId"_s).toString();
        };
        QCOMPARE(idIn(kTownClerk), holder);
        for (const QString &reader : {u"town-leader"_s, u"town-supervisor"_s}) {
            const QString got = idIn(reader);
            QVERIFY2(got == IdCard::masked(holder), qPrintable(reader + u" received "_s + got));
        }
    }
};

QTEST_GUILESS_MAIN(TestCollective)
#include "tst_collective.moc"
