#pragma once

#include "common/card/CardRules.h"
#include "common/rules/Rules.h"

// The village card's warning rules (MODULES.md §1, 分析预警). Each reads a card with its transactions, its
// village's approved requests and its county's tiers; each warning is owned by the town 农经站
// (department code "agri-station"; a warning has no owning department where the org tree gives its town
// no 农经站) and copied to the
// discipline committee at once.
namespace sunshine::card {

// A card's records as the rules read them.
struct CardBook
{
    rules::RuleRecord card;
    QList<CardTxn> txns;
    QHash<QString, Fen> approvedRequests; // the card's approved spend requests: id → estimate
    QSet<QString> liveClaims;             // the card's claims that cover what they list (not returned)
    CardTiers tiers;
    QString label; // "书记的村务卡（尾号 1234）": how findings name the card (no personal name)

    int repaymentDay() const;
    QString fundingAccount() const;
    Fen monthLimit() const;
};

// What every card rule shares: which records it watches and how a run reads the cards it checks (all of
// them, or those a push touched).
class CardRule : public rules::Rule
{
public:
    using rules::Rule::Rule;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const final;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched, const rules::FindingSink &sink) const final;
    // The findings about one card.
    virtual void check(const CardBook &book, const rules::RuleRun &run,
                       const rules::FindingSink &sink) const = 0;

protected:
    // A finding about a transaction of the card (or the card itself when `txn` is null), placed at the card's
    // village, owned by the town 农经站, copied to the discipline committee.
    rules::Finding cardFinding(const CardBook &book, const CardTxn *txn, const QString &period,
                               rules::Severity severity) const;
};

// Reads the cards with `cardIds` (every card when empty) and their records, one book per card, in id order.
void readCardBooks(rules::RuleData &data, const QStringList &cardIds,
                   const std::function<void(const CardBook &)> &each);

class CardCashRule final : public CardRule // CARD_CASH_WITHDRAWAL
{
public:
    CardCashRule();
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardBannedMerchantRule final : public CardRule // CARD_BANNED_MERCHANT
{
public:
    CardBannedMerchantRule();
    QList<rules::RuleParameter> parameters() const override;
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardSplitRule final : public CardRule // CARD_SPLIT
{
public:
    CardSplitRule();
    QList<rules::RuleParameter> parameters() const override;
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardOffDayRule final : public CardRule // CARD_OFF_DAY
{
public:
    CardOffDayRule();
    QList<rules::RuleParameter> parameters() const override;
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardNoRequestRule final : public CardRule // CARD_NO_REQUEST
{
public:
    CardNoRequestRule();
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardOverLimitRule final : public CardRule // CARD_OVER_LIMIT
{
public:
    CardOverLimitRule();
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardUnclaimedRule final : public CardRule // CARD_UNCLAIMED
{
public:
    CardUnclaimedRule();
    QList<rules::RuleParameter> parameters() const override;
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

class CardPrivateMoneyRule final : public CardRule // CARD_PRIVATE_MONEY
{
public:
    CardPrivateMoneyRule();
    void check(const CardBook &book, const rules::RuleRun &run,
               const rules::FindingSink &sink) const override;
};

// The codes of the card's rules, as registered.
QStringList cardRuleCodes();

// The parameter name of an MCC's switch on the deny list ("mcc5813").
QString mccParameter(const QString &mcc);

} // namespace sunshine::card
