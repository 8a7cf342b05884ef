#pragma once

#include "common/card/CardRules.h"
#include "common/card/CardWorkflow.h"
#include "common/sync/RecordType.h"

// The records of the village card (村务卡, MODULES.md §1), all at village level, kept by the town 农经站 for
// its villages (agency bookkeeping): the cards, the county's approval tiers, the spend requests (报备), the
// transactions of the bank's statements, and the claims (报账) that cover them.
namespace sunshine::card {

// 村务卡: one card of a village, held by its secretary, director or bookkeeper. Only the last four digits of
// the number are kept. One active card per holder (by ID number, city-wide).
class VillageCardType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"village-card";
    VillageCardType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("村务卡"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    QList<QPair<QString, QString>> uniqueKeys(const QJsonObject &fields) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    // Whether a card in `from` may be put in `to` ("applied" → "active" → "frozen"/"lost" → "cancelled").
    static bool canMove(const QString &from, const QString &to);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 村务卡审批权限: a county's approval tiers (one record per county, at the county; none: the defaults).
class CardTierSettingType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"card-tiers";
    CardTierSettingType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("村务卡审批权限"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    // Towns read their county's tiers offline, to preview the body a request needs.
    bool sharedBelow() const override { return true; }
    static QString recordIdFor(const QString &countyId);
    static CardTiers tiersOf(const QJsonObject &fields);
    // The tiers in force at a place: its county's record (looked up through the context, on the server),
    // else the defaults.
    static CardTiers tiersAt(const QString &orgPath, const sync::RuleContext &context);
    // The county of an org path ("/city/county/…"), or empty above the counties.
    static QString countyOf(const QString &orgPath);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 报备: what a village means to spend by card, approved by the body its tier needs.
class SpendRequestType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"card-request";
    SpendRequestType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("用卡报备"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 村务卡交易: one line of the bank's statement. Its id is fixed by the card and the bank's reference, so a
// line imported twice is the same record. Only the matching (which request allowed it, which claim covers it)
// and a note change after import.
class CardTransactionType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"card-transaction";
    CardTransactionType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("村务卡交易"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static QString recordIdFor(const QString &cardId, const QString &bankRef);
    // The transaction as the rules read it (an invalid time when the record has none).
    static CardTxn txnOf(const QString &id, const QJsonObject &fields);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 报账: the claim that covers a card's spending (the transactions refer to it), checked by the village
// supervision committee, then the town 农经站, then booked with a voucher number.
class CardClaimType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"card-claim";
    CardClaimType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("村务卡报账"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// The card's categories of spending (wire value, Chinese), in pairs: office supplies, hospitality,
// utilities, post and phone, travel and training, printing, other.
QStringList spendCategoryPairs();
// The actor as the card's workflows see it.
CardActor cardActorOf(const Scope &scope);

} // namespace sunshine::card
