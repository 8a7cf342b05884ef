// 村务卡 (MODULES.md §1), the record types' own checks through checkRecord (cards, transactions, claims,
// spend requests: placement, fixed fields, state moves, steps by role and level) and the bank statement
// import on in-memory tables (title rows, date and time columns, debit and credit columns, a statement
// imported twice, duplicate references, bad rows, missing columns, matching with approved requests).
#include "tests/common/CardRuleSupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::card;
using namespace sunshine::cardtest;

class TestCardRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- the record types' own checks ---

    void cardChecks_data()
    {
        QTest::addColumn<QString>("field");    // changed from the valid card; empty: none
        QTest::addColumn<QJsonValue>("value"); // null: the field is left out
        QTest::addColumn<QString>("problemField");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::newRow("valid") << QString() << QJsonValue() << QString() << QString();
        QTest::newRow("last4 with a letter")
            << u"last4"_s << QJsonValue(u"12a4"_s) << u"last4"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("last4 of three digits")
            << u"last4"_s << QJsonValue(u"123"_s) << u"last4"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("the whole number")
            << u"last4"_s << QJsonValue(u"6228480012341234"_s) << u"last4"_s << u"TOO_LONG"_s;
        QTest::newRow("full-width digits")
            << u"last4"_s << QJsonValue(u"１２３４"_s) << u"last4"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("repayment day 29")
            << u"repaymentDay"_s << QJsonValue(29) << u"repaymentDay"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("repayment day 0")
            << u"repaymentDay"_s << QJsonValue(0) << u"repaymentDay"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("repayment day 28") << u"repaymentDay"_s << QJsonValue(28) << QString() << QString();
        QTest::newRow("no month limit")
            << u"monthLimit"_s << QJsonValue(0) << u"monthLimit"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("registered frozen")
            << u"state"_s << QJsonValue(u"frozen"_s) << u"state"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("registered applied, no issue date")
            << u"state"_s << QJsonValue(u"applied"_s) << QString() << QString();
        QTest::newRow("active without issue date")
            << u"issuedOn"_s << QJsonValue() << u"issuedOn"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("issued tomorrow")
            << u"issuedOn"_s << QJsonValue(u"2026-11-21"_s) << u"issuedOn"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("unknown holder role")
            << u"holderRole"_s << QJsonValue(u"chairman"_s) << u"holderRole"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("holder ID with a wrong check character")
            << u"holderId"_s << QJsonValue(withWrongCheck(idNumber(101))) << u"holderId"_s
            << u"INVALID_ID_NUMBER"_s;
        QTest::newRow("no bank") << u"bank"_s << QJsonValue() << u"bank"_s << u"MISSING_FIELD"_s;
    }
    void cardChecks()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, problemField);
        QFETCH(QString, code);
        QJsonObject f = cardFields();
        if (!field.isEmpty()) {
            if (value.isNull())
                f.remove(field);
            else
                f.insert(field, value);
            if (field == u"state"_s && value.toString() == u"applied"_s)
                f.remove(u"issuedOn"_s);
        }
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk);
        const VillageCardType type;
        const auto p = type.checkRecord(u"card-1"_s, f, villagePlacement(), context);
        if (code.isEmpty()) {
            QVERIFY2(!p, describe(p).constData());
            return;
        }
        QVERIFY(p);
        QCOMPARE(p->code, code);
        QCOMPARE(p->field, problemField);
        QVERIFY(!p->message.isEmpty());
    }

    void cardStateMoves_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("applied → active") << u"applied"_s << u"active"_s << true;
        QTest::newRow("active → applied") << u"active"_s << u"applied"_s << false;
        QTest::newRow("active → frozen") << u"active"_s << u"frozen"_s << true;
        QTest::newRow("frozen → active") << u"frozen"_s << u"active"_s << true;
        QTest::newRow("active → lost") << u"active"_s << u"lost"_s << true;
        QTest::newRow("lost → active") << u"lost"_s << u"active"_s << false;
        QTest::newRow("lost → cancelled") << u"lost"_s << u"cancelled"_s << true;
        QTest::newRow("cancelled → active") << u"cancelled"_s << u"active"_s << false;
        QTest::newRow("applied → frozen") << u"applied"_s << u"frozen"_s << false;
        QTest::newRow("active → active") << u"active"_s << u"active"_s << true;
    }
    void cardStateMoves()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        QCOMPARE(VillageCardType::canMove(from, to), allowed);
        QJsonObject before = cardFields();
        before.insert(u"state"_s, from);
        QJsonObject after = cardFields();
        after.insert(u"state"_s, to);
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk, &before);
        const VillageCardType type;
        const auto p = type.checkRecord(u"card-1"_s, after, villagePlacement(), context);
        if (allowed) {
            QVERIFY2(!p, describe(p).constData());
        } else {
            QVERIFY(p);
            QCOMPARE(p->code, u"FORBIDDEN"_s);
            QCOMPARE(p->field, u"state"_s);
        }
    }

    void cardFixedFields()
    {
        const QJsonObject before = cardFields();
        QJsonObject after = before;
        after.insert(u"last4"_s, u"9999"_s);
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk, &before);
        const VillageCardType type;
        const auto p = type.checkRecord(u"card-1"_s, after, villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"last4"_s);
        // The limit may change.
        after = before;
        after.insert(u"monthLimit"_s, 500000);
        QVERIFY(!type.checkRecord(u"card-1"_s, after, villagePlacement(), context));
        // Never deleted.
        const auto d = type.deleteProblem(u"card-1"_s, before, context);
        QVERIFY(d);
        QCOMPARE(d->code, u"FORBIDDEN"_s);
        // One active card per holder: the key is the ID number's, only while active.
        const QList<QPair<QString, QString>> keys = type.uniqueKeys(before);
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.first().first, u"card-holder:"_s + idNumber(101));
        QCOMPARE(keys.first().second, u"holderId"_s);
        QJsonObject applied = before;
        applied.insert(u"state"_s, u"applied"_s);
        QVERIFY(type.uniqueKeys(applied).isEmpty());
    }

    void recordsAtVillageOnly()
    {
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk);
        const sync::Placement town = placementAt(kTownPath);
        QCOMPARE(town.orgLevel, OrgLevel::Town);
        const VillageCardType cardType;
        auto p = cardType.checkRecord(u"card-1"_s, cardFields(), town, context);
        QVERIFY(p);
        QCOMPARE(p->field, QString());
        const CardTransactionType txnType;
        const QString txnId = CardTransactionType::recordIdFor(u"card-1"_s, u"REF0001"_s);
        p = txnType.checkRecord(txnId, txnFields(), town, context);
        QVERIFY(p);
        QCOMPARE(p->field, QString());
        const CardClaimType claimType;
        p = claimType.checkRecord(u"claim-1"_s, claimFields(), town, context);
        QVERIFY(p);
        QCOMPARE(p->field, QString());
    }

    void writers()
    {
        const VillageCardType type;
        const sync::Placement village = villagePlacement();
        QVERIFY(!type.writeDenied(scopeOf(kTownPath, Role::Clerk), village));
        QVERIFY(!type.writeDenied(scopeOf(kTownPath, Role::Reviewer), village));
        QVERIFY(!type.writeDenied(scopeOf(kCountyPath, Role::Reviewer), village));
        QVERIFY(type.writeDenied(scopeOf(kTownPath, Role::Leader), village));
        QVERIFY(type.writeDenied(scopeOf(kCityPath, Role::Supervisor), village));
        // Another town's clerk.
        QVERIFY(
            type.writeDenied(scopeOf(u"/320600000000/320612000000/320612102000/"_s, Role::Clerk), village));
    }

    void transactionChecks_data()
    {
        QTest::addColumn<QString>("field"); // changed from the valid line; empty: none
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("id"); // empty: recordIdFor("card-1", "REF0001"), the line's own
        QTest::addColumn<QString>("problemField");
        QTest::addColumn<QString>("code");
        QTest::newRow("valid") << QString() << QJsonValue() << QString() << QString() << QString();
        QTest::newRow("an id of its own")
            << QString() << QJsonValue() << u"7a1d2a9e-0000-4000-8000-000000000001"_s << u"bankRef"_s
            << u"VALIDATION_FAILED"_s;
        QTest::newRow("another card's id")
            << QString() << QJsonValue() << CardTransactionType::recordIdFor(u"card-2"_s, u"REF0001"_s)
            << u"bankRef"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("another bank reference under the same id")
            << u"bankRef"_s << QJsonValue(u"REF0002"_s) << QString() << u"bankRef"_s
            << u"VALIDATION_FAILED"_s;
        QTest::newRow("no amount") << u"amount"_s << QJsonValue(0) << QString() << u"amount"_s
                                   << u"VALIDATION_FAILED"_s;
        QTest::newRow("negative amount")
            << u"amount"_s << QJsonValue(-12050) << QString() << u"amount"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("time 24:00") << u"at"_s << QJsonValue(u"24:00"_s) << QString() << u"at"_s
                                    << u"VALIDATION_FAILED"_s;
        QTest::newRow("time without seconds")
            << u"at"_s << QJsonValue(u"09:05"_s) << QString() << QString() << QString();
        QTest::newRow("MCC with a letter")
            << u"mcc"_s << QJsonValue(u"58a3"_s) << QString() << u"mcc"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("a day to come")
            << u"on"_s << QJsonValue(u"2026-11-21"_s) << QString() << u"on"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("unknown channel")
            << u"channel"_s << QJsonValue(u"phone"_s) << QString() << u"channel"_s << u"VALIDATION_FAILED"_s;
        QTest::newRow("unknown kind")
            << u"kind"_s << QJsonValue(u"loan"_s) << QString() << u"kind"_s << u"VALIDATION_FAILED"_s;
    }
    void transactionChecks()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, id);
        QFETCH(QString, problemField);
        QFETCH(QString, code);
        QJsonObject f = txnFields();
        if (!field.isEmpty())
            f.insert(field, value);
        const QString recordId =
            id.isEmpty() ? CardTransactionType::recordIdFor(u"card-1"_s, u"REF0001"_s) : id;
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk);
        const CardTransactionType type;
        const auto p = type.checkRecord(recordId, f, villagePlacement(), context);
        if (code.isEmpty()) {
            QVERIFY2(!p, describe(p).constData());
            return;
        }
        QVERIFY2(p, "accepted");
        QCOMPARE(p->code, code);
        QCOMPARE(p->field, problemField);
    }

    void transactionIds()
    {
        const QString id = CardTransactionType::recordIdFor(u"card-1"_s, u"REF0001"_s);
        QCOMPARE(CardTransactionType::recordIdFor(u"card-1"_s, u" REF0001 "_s), id);
        QVERIFY(CardTransactionType::recordIdFor(u"card-2"_s, u"REF0001"_s) != id);
        QVERIFY(CardTransactionType::recordIdFor(u"card-1"_s, u"REF0002"_s) != id);
        const CardTxn t = CardTransactionType::txnOf(id, txnFields());
        QCOMPARE(t.id, id);
        QCOMPARE(t.at, QDateTime(QDate(2026, 11, 3), QTime(14, 22, 5)));
        QCOMPARE(t.kind, TxnKind::Purchase);
        QCOMPARE(t.amount, Fen(12050));
        QCOMPARE(t.channel, u"pos"_s);
    }

    void transactionFromTheBankIsFixed()
    {
        const QString id = CardTransactionType::recordIdFor(u"card-1"_s, u"REF0001"_s);
        const QJsonObject before = txnFields();
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk, &before);
        const CardTransactionType type;
        QJsonObject after = before;
        after.insert(u"amount"_s, 1205);
        auto p = type.checkRecord(id, after, villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"amount"_s);
        // A note may be added.
        after = before;
        after.insert(u"note"_s, u"已核对"_s);
        QVERIFY(!type.checkRecord(id, after, villagePlacement(), context));
        // Only spending is claimed; only purchases need a request.
        QJsonObject refundLine = txnFields();
        refundLine.insert(u"kind"_s, u"refund"_s);
        refundLine.insert(u"claimId"_s, u"claim-1"_s);
        const sync::RuleContext fresh = contextFor(&clerk);
        p = type.checkRecord(id, refundLine, villagePlacement(), fresh);
        QVERIFY(p);
        QCOMPARE(p->field, u"claimId"_s);
        QJsonObject cashLine = txnFields();
        cashLine.insert(u"kind"_s, u"cash"_s);
        cashLine.insert(u"requestId"_s, u"request-1"_s);
        p = type.checkRecord(id, cashLine, villagePlacement(), fresh);
        QVERIFY(p);
        QCOMPARE(p->field, u"requestId"_s);
        QVERIFY(type.deleteProblem(id, before, fresh));
    }

    void claimChecks()
    {
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk);
        const CardClaimType type;
        QVERIFY(!type.checkRecord(u"claim-1"_s, claimFields(), villagePlacement(), context));
        // The witness is not the one who spent.
        QJsonObject f = claimFields();
        f.insert(u"witness"_s, u"周会计"_s);
        auto p = type.checkRecord(u"claim-1"_s, f, villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->code, u"VALIDATION_FAILED"_s);
        QCOMPARE(p->field, u"witness"_s);
        f.insert(u"witness"_s, u" 周会计 "_s);
        p = type.checkRecord(u"claim-1"_s, f, villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->field, u"witness"_s);
        // No amount.
        f = claimFields();
        f.insert(u"amount"_s, 0);
        p = type.checkRecord(u"claim-1"_s, f, villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->field, u"amount"_s);
        // A new claim with the village's check already recorded by the clerk.
        f = claimFields();
        f.insert(u"steps"_s,
                 QJsonArray{QJsonObject{{u"action"_s, u"village-check"_s}, {u"checker"_s, u"钱监委"_s}}});
        QVERIFY(!type.checkRecord(u"claim-1"_s, f, villagePlacement(), context));
    }

    void claimTownCheckByTheClerk()
    {
        // Stored: checked by the village (stamped by the server).
        QJsonObject before = claimFields();
        before.insert(u"steps"_s, QJsonArray{QJsonObject{{u"action"_s, u"village-check"_s},
                                                         {u"checker"_s, u"钱监委"_s},
                                                         {u"on"_s, u"2026-11-19"_s},
                                                         {u"by"_s, u"user-clerk"_s}}});
        before.insert(u"state"_s, u"village-checked"_s);
        QJsonObject after = before;
        QJsonArray steps = after.value(u"steps"_s).toArray();
        steps.append(QJsonObject{{u"action"_s, u"town-check"_s}});
        after.insert(u"steps"_s, steps);
        const CardClaimType type;

        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        auto p = type.checkRecord(u"claim-1"_s, after, villagePlacement(), contextFor(&clerk, &before));
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"steps"_s);
        QVERIFY(!p->message.isEmpty());

        const Scope county = scopeOf(kCountyPath, Role::Reviewer);
        p = type.checkRecord(u"claim-1"_s, after, villagePlacement(), contextFor(&county, &before));
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"steps"_s);

        const Scope reviewer = scopeOf(kTownPath, Role::Reviewer);
        p = type.checkRecord(u"claim-1"_s, after, villagePlacement(), contextFor(&reviewer, &before));
        QVERIFY2(!p, describe(p).constData());

        // A stored step is never taken back.
        QJsonObject removed = before;
        removed.insert(u"steps"_s, QJsonArray());
        p = type.checkRecord(u"claim-1"_s, removed, villagePlacement(), contextFor(&reviewer, &before));
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"steps"_s);

        // Once checking began, the amount stays.
        QJsonObject changed = before;
        changed.insert(u"amount"_s, 99900);
        p = type.checkRecord(u"claim-1"_s, changed, villagePlacement(), contextFor(&clerk, &before));
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"amount"_s);
    }

    void claimDerivedFields()
    {
        QJsonObject f = claimFields();
        f.insert(u"steps"_s,
                 QJsonArray{QJsonObject{{u"action"_s, u"village-check"_s}, {u"checker"_s, u"钱监委"_s}},
                            QJsonObject{{u"action"_s, u"town-check"_s}},
                            QJsonObject{{u"action"_s, u"book"_s}, {u"voucherNo"_s, u"记-001"_s}}});
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const CardClaimType type;
        type.derive(f, contextFor(&clerk));
        QCOMPARE(f.value(u"state"_s).toString(), u"booked"_s);
        QCOMPARE(f.value(u"voucherNo"_s).toString(), u"记-001"_s);
        QCOMPARE(f.value(u"bookedOn"_s).toString(), kToday.toString(Qt::ISODate));
        const QJsonArray steps = f.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).toObject().value(u"by"_s).toString(), clerk.userId);
    }

    void requestChecks()
    {
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const sync::RuleContext context = contextFor(&clerk);
        const SpendRequestType type;
        QVERIFY(!type.checkRecord(u"request-1"_s, requestFields(30'000), villagePlacement(), context));
        auto p = type.checkRecord(u"request-1"_s, requestFields(0), villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->field, u"estimate"_s);
        // The director cannot approve 800 yuan: the committees must.
        QJsonObject f = requestFields(80'000);
        f.insert(u"steps"_s,
                 QJsonArray{QJsonObject{
                     {u"action"_s, u"approve"_s}, {u"body"_s, u"director"_s}, {u"signer"_s, u"吴主任"_s}}});
        p = type.checkRecord(u"request-1"_s, f, villagePlacement(), context);
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"steps"_s);
        f.insert(u"steps"_s,
                 QJsonArray{QJsonObject{
                     {u"action"_s, u"approve"_s}, {u"body"_s, u"committees"_s}, {u"signer"_s, u"赵书记"_s}}});
        QVERIFY(!type.checkRecord(u"request-1"_s, f, villagePlacement(), context));
        type.derive(f, context);
        QCOMPARE(f.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(f.value(u"approvedBody"_s).toString(), u"committees"_s);
        QCOMPARE(f.value(u"approvedOn"_s).toString(), kToday.toString(Qt::ISODate));
        // Approved: its day, like its amount, stays as approved (matching reads it).
        const QJsonObject approved = f;
        QJsonObject moved = f;
        moved.insert(u"plannedOn"_s, u"2026-12-20"_s);
        const sync::RuleContext later = contextFor(&clerk, &approved);
        p = type.checkRecord(u"request-1"_s, moved, villagePlacement(), later);
        QVERIFY(p);
        QCOMPARE(p->code, u"FORBIDDEN"_s);
        QCOMPARE(p->field, u"plannedOn"_s);
    }

    // --- the bank statement ---

    void statementWithTitleRows()
    {
        const io::TableData table = bankExport();
        QVERIFY(hasCardStatementHeader(table));
        const CardStatementResult r = checkCardStatement(table, statementOptions());
        QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
        QCOMPARE(r.rowsRead, 3); // the total row is skipped
        QCOMPARE(r.badRows, 0);
        QCOMPARE(r.alreadyImported, 0);
        QCOMPARE(r.rows.size(), 3);

        const CardStatementRow &first = r.rows.at(0);
        QCOMPARE(first.line, 4);
        QCOMPARE(first.recordId, CardTransactionType::recordIdFor(u"card-1"_s, u"REF0001"_s));
        QCOMPARE(first.fields.value(u"cardId"_s).toString(), u"card-1"_s);
        QCOMPARE(first.fields.value(u"on"_s).toString(), u"2026-11-03"_s);
        QCOMPARE(first.fields.value(u"at"_s).toString(), u"14:22:05"_s);
        QCOMPARE(first.fields.value(u"amount"_s).toInteger(), 12050);
        QCOMPARE(first.fields.value(u"kind"_s).toString(), u"purchase"_s);
        QCOMPARE(first.fields.value(u"merchant"_s).toString(), u"通州文具商店"_s);
        QCOMPARE(first.fields.value(u"mcc"_s).toString(), u"5943"_s);
        QCOMPARE(first.fields.value(u"channel"_s).toString(), u"pos"_s);
        QCOMPARE(first.fields.value(u"bankRef"_s).toString(), u"REF0001"_s);

        const CardStatementRow &cash = r.rows.at(1);
        QCOMPARE(cash.line, 5);
        QCOMPARE(cash.fields.value(u"at"_s).toString(), u"09:30:00"_s);
        QCOMPARE(cash.fields.value(u"kind"_s).toString(), u"cash"_s);
        QCOMPARE(cash.fields.value(u"channel"_s).toString(), u"atm"_s);
        QCOMPARE(cash.fields.value(u"amount"_s).toInteger(), 30000);

        const CardStatementRow &in = r.rows.at(2);
        QCOMPARE(in.fields.value(u"kind"_s).toString(), u"transfer-in"_s);
        QCOMPARE(in.fields.value(u"amount"_s).toInteger(), 50000);
        QCOMPARE(in.fields.value(u"channel"_s).toString(), u"online"_s);
        QCOMPARE(in.fields.value(u"counterparty"_s).toString(), u"演示村股份经济合作社"_s);
        QVERIFY(!in.fields.contains(u"merchant"_s));

        // Every good row passes the record type's own checks under its id.
        const Scope clerk = scopeOf(kTownPath, Role::Clerk);
        const CardTransactionType type;
        for (const CardStatementRow &row : r.rows)
            QVERIFY(!type.checkRecord(row.recordId, row.fields, villagePlacement(), contextFor(&clerk)));
    }

    void statementDateAndTime_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QStringList>("row");
        QTest::addColumn<QString>("on");
        QTest::addColumn<QString>("at");
        const QStringList rest{u"交易金额"_s, u"交易类型"_s, u"商户名称"_s, u"交易流水号"_s};
        const QStringList values{u"-300.00"_s, u"消费"_s, u"润发农资店"_s, u"R1"_s};
        QTest::newRow("separate columns")
            << QStringList{u"交易日期"_s, u"交易时间"_s} + rest
            << QStringList{u"2026-11-03"_s, u"23:50:10"_s} + values << u"2026-11-03"_s << u"23:50:10"_s;
        QTest::newRow("date and time in the time column")
            << QStringList{u"交易时间"_s} + rest << QStringList{u"2026-11-03 23:50:10"_s} + values
            << u"2026-11-03"_s << u"23:50:10"_s;
        QTest::newRow("date and time in the date column")
            << QStringList{u"交易日期"_s} + rest << QStringList{u"2026/11/3 9:05"_s} + values
            << u"2026-11-03"_s << u"09:05:00"_s;
        QTest::newRow("交易日期时间, compact")
            << QStringList{u"交易日期时间"_s} + rest << QStringList{u"20261103142205"_s} + values
            << u"2026-11-03"_s << u"14:22:05"_s;
        QTest::newRow("date column with time, time column ignored")
            << QStringList{u"交易日期"_s, u"交易时间"_s} + rest
            << QStringList{u"2026-11-03 08:15:22"_s, u"23:59:59"_s} + values << u"2026-11-03"_s
            << u"08:15:22"_s;
        QTest::newRow("a date alone: no time")
            << QStringList{u"交易日期"_s} + rest << QStringList{u"2026-11-03"_s} + values << u"2026-11-03"_s
            << QString();
    }
    void statementDateAndTime()
    {
        QFETCH(QStringList, header);
        QFETCH(QStringList, row);
        QFETCH(QString, on);
        QFETCH(QString, at);
        const CardStatementResult r = checkCardStatement(tableOf({header, row}), statementOptions());
        QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows.first().fields.value(u"on"_s).toString(), on);
        QCOMPARE(r.rows.first().fields.value(u"at"_s).toString(), at);
        QCOMPARE(r.rows.first().fields.value(u"amount"_s).toInteger(), 30000);
        QCOMPARE(r.rows.first().line, 2);
    }

    void statementDebitAndCreditColumns()
    {
        const io::TableData table = tableOf({
            {u"记账日期"_s, u"支出金额"_s, u"收入金额"_s, u"摘要"_s, u"交易商户"_s, u"流水号"_s},
            {u"2026-11-03"_s, u"120.00"_s, QString(), u"消费"_s, u"苏果超市"_s, u"A1"_s},
            {u"2026-11-04"_s, QString(), u"120.00"_s, u"消费退货"_s, u"苏果超市"_s, u"A2"_s},
            {u"2026-11-05"_s, QString(), u"3,000.00"_s, QString(), QString(), u"A3"_s},
            {u"2026-11-06"_s, u"50.00"_s, QString(), QString(), u"五金店"_s, u"A4"_s},
            {u"2026-11-07"_s, u"0.00"_s, u"80.00"_s, u"还款"_s, QString(), u"A5"_s},
            // Money in from a merchant, without a word: the merchant's refund, not private money.
            {u"2026-11-08"_s, QString(), u"50.00"_s, QString(), u"五金店"_s, u"A6"_s},
        });
        const CardStatementResult r = checkCardStatement(table, statementOptions());
        QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
        QCOMPARE(r.rows.size(), 6);
        const QList<std::pair<QString, qint64>> expected{{u"purchase"_s, 12000},     {u"refund"_s, 12000},
                                                         {u"transfer-in"_s, 300000}, {u"purchase"_s, 5000},
                                                         {u"repayment"_s, 8000},     {u"refund"_s, 5000}};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(r.rows.at(i).fields.value(u"kind"_s).toString(), expected.at(i).first);
            QCOMPARE(r.rows.at(i).fields.value(u"amount"_s).toInteger(), expected.at(i).second);
        }
        // Only one of the two columns: not enough to tell the direction.
        const CardStatementResult half =
            checkCardStatement(tableOf({{u"记账日期"_s, u"支出金额"_s, u"摘要"_s, u"流水号"_s},
                                        {u"2026-11-03"_s, u"120.00"_s, u"消费"_s, u"A1"_s}}),
                               statementOptions());
        QVERIFY(!half.error.isEmpty());
        QVERIFY(!half.ok());
    }

    void statementImportedTwice()
    {
        const io::TableData table = bankExport();
        CardStatementOptions options = statementOptions();
        const CardStatementResult first = checkCardStatement(table, options);
        QVERIFY2(first.ok() && first.problems.isEmpty(), describeProblems(first).constData());
        QCOMPARE(first.rows.size(), 3);
        for (const CardStatementRow &row : first.rows)
            options.imported.insert(row.recordId);
        const CardStatementResult second = checkCardStatement(table, options);
        QVERIFY2(second.ok() && second.problems.isEmpty(), describeProblems(second).constData());
        QVERIFY(second.rows.isEmpty());
        QCOMPARE(second.alreadyImported, 3);
        QCOMPARE(second.rowsRead, 3);
        QCOMPARE(second.badRows, 0);
        // Another card's statement with the same references is new.
        CardStatementOptions other = statementOptions();
        other.cardId = u"card-2"_s;
        other.imported = options.imported;
        const CardStatementResult third = checkCardStatement(table, other);
        QCOMPARE(third.rows.size(), 3);
        QCOMPARE(third.alreadyImported, 0);
    }

    void statementDuplicateReference()
    {
        const io::TableData table = tableOf({
            {u"交易日期"_s, u"交易金额"_s, u"交易类型"_s, u"交易流水号"_s},
            {u"2026-11-03"_s, u"-10.00"_s, u"消费"_s, u"R1"_s},
            {u"2026-11-03"_s, u"-20.00"_s, u"消费"_s, u"R2"_s},
            {u"2026-11-04"_s, u"-10.00"_s, u"消费"_s, u"R 1"_s}, // spaces dropped: the same reference
        });
        const CardStatementResult r = checkCardStatement(table, statementOptions());
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.badRows, 1);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().line, 4);
        QCOMPARE(r.problems.first().column, u"交易流水号"_s);
        QVERIFY(r.problems.first().reason.contains(u"R1"_s));
    }

    void statementBadRows_data()
    {
        QTest::addColumn<QString>("column"); // the header whose cell is changed
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problemColumn"); // empty: accepted
        QTest::newRow("the card's own number") << u"卡号"_s << u"6228 **** **** 1234"_s << QString();
        QTest::newRow("another card's number") << u"卡号"_s << u"6228****9999"_s << u"卡号"_s;
        QTest::newRow("Excel ate the card number") << u"卡号"_s << u"6.22848E+18"_s << u"卡号"_s;
        QTest::newRow("unknown kind") << u"交易类型"_s << u"手续费"_s << u"交易类型"_s;
        QTest::newRow("unknown channel") << u"交易渠道"_s << u"电话"_s << u"交易渠道"_s;
        QTest::newRow("no reference") << u"交易流水号"_s << QString() << u"交易流水号"_s;
        QTest::newRow("Excel ate the reference") << u"交易流水号"_s << u"2.02611E+17"_s << u"交易流水号"_s;
        QTest::newRow("no amount") << u"交易金额"_s << QString() << u"交易金额"_s;
        QTest::newRow("three decimals") << u"交易金额"_s << u"-1.005"_s << u"交易金额"_s;
        QTest::newRow("no date") << u"交易日期"_s << QString() << u"交易日期"_s;
        QTest::newRow("not a date") << u"交易日期"_s << u"昨天"_s << u"交易日期"_s;
        QTest::newRow("a day to come") << u"交易日期"_s << u"2026-11-21"_s << u"交易日期"_s;
        QTest::newRow("MCC with a letter") << u"商户类别码"_s << u"58a3"_s << u"商户类别码"_s;
    }
    void statementBadRows()
    {
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, problemColumn);
        const QStringList header{u"交易日期"_s, u"交易时间"_s,   u"交易金额"_s,
                                 u"交易类型"_s, u"商户名称"_s,   u"商户类别码"_s,
                                 u"交易渠道"_s, u"交易流水号"_s, u"卡号"_s};
        QStringList row{u"2026-11-03"_s, u"14:22:05"_s, u"-120.50"_s, u"消费"_s, u"通州文具商店"_s,
                        u"5943"_s,       u"POS"_s,      u"REF0001"_s, u"1234"_s};
        row[header.indexOf(column)] = value;
        const CardStatementResult r = checkCardStatement(tableOf({header, row}), statementOptions());
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.rowsRead, 1);
        if (problemColumn.isEmpty()) {
            QVERIFY2(r.problems.isEmpty(), describeProblems(r).constData());
            QCOMPARE(r.rows.size(), 1);
            return;
        }
        QVERIFY(r.rows.isEmpty());
        QCOMPARE(r.badRows, 1);
        QVERIFY2(!r.problems.isEmpty(), "no problem reported");
        QCOMPARE(r.problems.first().line, 2);
        QCOMPARE(r.problems.first().column, problemColumn);
        QVERIFY(!r.problems.first().reason.isEmpty());
    }

    void statementMissingColumns()
    {
        // No 交易流水号: the import cannot tell lines apart, so it refuses the file.
        const io::TableData noRef = tableOf({{u"交易日期"_s, u"交易金额"_s, u"交易类型"_s, u"商户名称"_s},
                                             {u"2026-11-03"_s, u"-10.00"_s, u"消费"_s, u"苏果超市"_s}});
        QVERIFY(!hasCardStatementHeader(noRef));
        const CardStatementResult r = checkCardStatement(noRef, statementOptions());
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"交易流水号"_s), qPrintable(r.error));
        QVERIFY(r.rows.isEmpty());
        // No amount column at all.
        const CardStatementResult noAmount =
            checkCardStatement(tableOf({{u"交易日期"_s, u"交易类型"_s, u"商户名称"_s, u"交易流水号"_s},
                                        {u"2026-11-03"_s, u"消费"_s, u"苏果超市"_s, u"R1"_s}}),
                               statementOptions());
        QVERIFY(!noAmount.error.isEmpty());
        // No header row at all.
        const CardStatementResult none =
            checkCardStatement(tableOf({{u"2026-11-03"_s, u"-10.00"_s, u"R1"_s}}), statementOptions());
        QVERIFY(!none.error.isEmpty());
        QVERIFY(cardStatementHeaders(true).contains(u"交易流水号"_s));
    }

    void statementMatchesRequests()
    {
        const io::TableData table = tableOf({
            {u"交易日期"_s, u"交易金额"_s, u"交易类型"_s, u"商户名称"_s, u"交易流水号"_s},
            {u"2026-11-04"_s, u"-300.00"_s, u"消费"_s, u"通州文具商店"_s, u"M1"_s},
            {u"2026-11-04"_s, u"-50.00"_s, u"取现"_s, u"自助银行"_s, u"M2"_s},
            {u"2026-11-05"_s, u"-200.00"_s, u"消费"_s, u"通州文具商店"_s, u"M3"_s},
        });
        CardStatementOptions options = statementOptions();
        options.requests = {ApprovedRequest{u"req-1"_s, u"card-1"_s, QDate(2026, 11, 1), 45'000},
                            ApprovedRequest{u"req-other"_s, u"card-2"_s, QDate(2026, 11, 3), 99'999}};
        CardStatementResult r = checkCardStatement(table, options);
        QVERIFY2(r.ok() && r.problems.isEmpty(), describeProblems(r).constData());
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.matched, 1);
        const CardStatementRow *m1 = rowWithRef(r, u"M1"_s);
        const CardStatementRow *m2 = rowWithRef(r, u"M2"_s);
        const CardStatementRow *m3 = rowWithRef(r, u"M3"_s);
        QVERIFY(m1 && m2 && m3);
        QCOMPARE(m1->fields.value(u"requestId"_s).toString(), u"req-1"_s);
        QVERIFY(!m2->fields.contains(u"requestId"_s)); // cash needs none
        QVERIFY(!m3->fields.contains(u"requestId"_s)); // 150 yuan left of 450
        // A stored purchase already used 200 yuan of the request: the 300 no longer fits.
        CardTxn stored = purchase(u"stored"_s, moment(2026, 11, 2), 20'000, u"通州文具商店"_s, u"card-1"_s);
        stored.requestId = u"req-1"_s;
        options.stored = {stored};
        r = checkCardStatement(table, options);
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.matched, 1);
        const CardStatementRow *n1 = rowWithRef(r, u"M1"_s);
        const CardStatementRow *n3 = rowWithRef(r, u"M3"_s);
        QVERIFY(n1 && n3);
        QVERIFY(!n1->fields.contains(u"requestId"_s));
        QCOMPARE(n3->fields.value(u"requestId"_s).toString(), u"req-1"_s);
    }
};

QTEST_GUILESS_MAIN(TestCardRecords)
#include "tst_card_records.moc"
