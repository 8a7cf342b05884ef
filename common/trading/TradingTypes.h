#pragma once

#include "common/sync/RecordType.h"
#include "common/trading/TradingWorkflow.h"

// The records of rural property-rights trading (产权交易, MODULES.md §3), at the village whose collective
// lets the right: the listing with its path (bids included, which only the server records), and the bidders'
// registrations with their deposits. A signed deal of a 三资 asset or resource creates the village's
// contract.
namespace sunshine::trading {

// 挂牌项目: what is let, on which terms, decided how; its path in "steps".
class ListingType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"trade-listing";
    ListingType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("产权交易挂牌"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static ListingTerms termsOf(const QJsonObject &fields);
    // The 三资 contract a signed deal creates.
    static QString contractIdFor(const QString &listingId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 竞买报名: a bidder's registration for a listing, the deposit paid, the eligibility, the refund.
class RegistrationType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"trade-registration";
    RegistrationType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("竞买报名"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    // One registration per bidder and listing.
    static QString recordIdFor(const QString &listingId, const QString &bidderIdNumber);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// The actor as the trading path sees it (`online`: a bid the server records for the centre).
TradingActor tradingActorOf(const Scope &scope);
// The prefix of the server actor that records a bid for a user ("server:bid:<user id>").
inline constexpr char16_t kBidActorPrefix[] = u"server:bid:";
QStringList rightKindPairs();

} // namespace sunshine::trading
