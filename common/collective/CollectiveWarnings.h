#pragma once

#include "common/collective/CollectiveRules.h"
#include "common/rules/Rules.h"

// The warning rules of a village collective's books (集体三资, MODULES.md §2, 分析预警). Each reads the books
// of a village (its journals and entries, assets, resources, contracts with their instalments, disclosures)
// and its town's reference rents. Every warning is owned by the town 农经站, which keeps the books; those
// about money possibly lost to the collective are copied to the discipline committee at once.
namespace sunshine::collective {

// One village's books as the rules read them.
struct VillageBooks
{
    QString villageId;
    QString orgPath;
    QList<rules::RuleRecord> books;
    QList<rules::RuleRecord> entries;
    QList<rules::RuleRecord> assets;
    QList<rules::RuleRecord> resources;
    QList<rules::RuleRecord> contracts;
    QList<rules::RuleRecord> instalments;
    QList<rules::RuleRecord> disclosures;
    // The town's reference rents: kind → (year → price per mu).
    QHash<QString, QMap<int, Fen>> referenceRents;
    // The county's own figures (collective-settings), where it set them; otherwise the rules' parameters.
    std::optional<Fen> cashLimit;
    std::optional<Fen> tradingThreshold;

    const rules::RuleRecord *resource(const QString &id) const;
    const rules::RuleRecord *contract(const QString &id) const;
};

// What every rule of the books shares: the records it watches and how a run reads the villages (all, or
// those of the records a push touched).
class CollectiveRule : public rules::Rule
{
public:
    using rules::Rule::Rule;
    void evaluate(rules::RuleData &data, const rules::RuleRun &run,
                  const rules::FindingSink &sink) const final;
    void evaluateTouched(rules::RuleData &data, const rules::RuleRun &run,
                         const QList<rules::RuleRecord> &touched, const rules::FindingSink &sink) const final;
    virtual void check(const VillageBooks &village, const rules::RuleRun &run,
                       const rules::FindingSink &sink) const = 0;

protected:
    // A finding about `record`, at its village, owned by the town 农经站.
    rules::Finding bookFinding(const rules::RuleRecord &record, const QString &period,
                               rules::Severity severity, bool toDiscipline) const;
};

// Reads the villages whose org paths are `villagePaths` (every village with books when empty).
QList<VillageBooks> readVillageBooks(rules::RuleData &data, const QStringList &villagePaths);

#define SUNSHINE_COLLECTIVE_RULE(Class)                                                                      \
    class Class final : public CollectiveRule                                                                \
    {                                                                                                        \
    public:                                                                                                  \
        Class();                                                                                             \
        QList<rules::RuleParameter> parameters() const override;                                             \
        void check(const VillageBooks &village, const rules::RuleRun &run,                                   \
                   const rules::FindingSink &sink) const override;                                           \
    };

SUNSHINE_COLLECTIVE_RULE(RentOverdueRule)       // RENT_OVERDUE
SUNSHINE_COLLECTIVE_RULE(ContractTermRule)      // CONTRACT_TERM_EXCEEDS
SUNSHINE_COLLECTIVE_RULE(ContractLowPriceRule)  // CONTRACT_LOW_PRICE
SUNSHINE_COLLECTIVE_RULE(ContractNotTradedRule) // CONTRACT_NOT_TRADED
SUNSHINE_COLLECTIVE_RULE(AssetDisposalRule)     // ASSET_DISPOSED_UNAPPROVED
SUNSHINE_COLLECTIVE_RULE(CashOverLimitRule)     // CASH_OVER_LIMIT
SUNSHINE_COLLECTIVE_RULE(DisclosureLateRule)    // DISCLOSURE_LATE
SUNSHINE_COLLECTIVE_RULE(ContractExpiringRule)  // CONTRACT_EXPIRING

#undef SUNSHINE_COLLECTIVE_RULE

// The codes of the books' rules, as registered.
QStringList collectiveRuleCodes();

} // namespace sunshine::collective
