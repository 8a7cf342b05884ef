#pragma once

#include "common/rules/Rules.h"
#include "common/trading/TradingWorkflow.h"

// The warning rules of property-rights trading (MODULES.md §3, 分析预警). Each reads the listings with their
// registrations (and the towns' registers of village cadres); every warning is owned by the town 农经站 and
// copied to the discipline committee.
namespace sunshine::trading {

struct TradeBook
{
    QList<rules::RuleRecord> listings;
    QHash<QString, QList<rules::RuleRecord>> registrations; // listing id → its registrations
    // village (org unit id) → the entries of its town's register of cadres and their relatives for it
    QHash<QString, QList<rules::RuleRecord>> cadres;
    const rules::RuleRecord *listing(const QString &id) const;
};

class TradingRule : public rules::Rule
{
public:
    using rules::Rule::Rule;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const final;
    // Trading is small beside the books: a push re-reads it all.
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched, const rules::FindingSink &sink) const final;
    virtual void check(const TradeBook &book, const rules::RuleRun &run,
                       const rules::FindingSink &sink) const = 0;

protected:
    rules::Finding listingFinding(const rules::RuleRecord &listing, const QString &period,
                                  rules::Severity severity) const;
};

#define SUNSHINE_TRADING_RULE(Class)                                                                         \
    class Class final : public TradingRule                                                                   \
    {                                                                                                        \
    public:                                                                                                  \
        Class();                                                                                             \
        QList<rules::RuleParameter> parameters() const override;                                             \
        void check(const TradeBook &book, const rules::RuleRun &run,                                         \
                   const rules::FindingSink &sink) const override;                                           \
    };

SUNSHINE_TRADING_RULE(ListingPeriodShortRule)   // LISTING_PERIOD_SHORT
SUNSHINE_TRADING_RULE(DealBelowReserveRule)     // DEAL_BELOW_RESERVE
SUNSHINE_TRADING_RULE(SingleBidderRepeatRule)   // SINGLE_BIDDER_REPEAT
SUNSHINE_TRADING_RULE(RelistPriceDropRule)      // RELIST_PRICE_DROP
SUNSHINE_TRADING_RULE(DealNotSignedRule)        // DEAL_NOT_SIGNED
SUNSHINE_TRADING_RULE(DepositNotRefundedRule)   // DEPOSIT_NOT_REFUNDED
SUNSHINE_TRADING_RULE(WinnerRelatedToCadreRule) // WINNER_RELATED_TO_CADRE

#undef SUNSHINE_TRADING_RULE

QStringList tradingRuleCodes();

} // namespace sunshine::trading
