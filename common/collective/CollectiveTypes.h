#pragma once

#include "common/collective/CollectiveRules.h"
#include "common/sync/RecordType.h"

// The records of a village collective's books (集体三资, MODULES.md §2), all at village level, kept by the
// town 农经站 for its villages (村账镇代管): the cash and bank journals with the balance the server computes,
// the daily and monthly cash closes, the asset register, the resources, the contracts that let them with the
// rent instalments the server schedules on signing, the towns' reference rents, and the quarterly disclosure.
namespace sunshine::collective {

// What every record of the books shares: written by clerks and reviewers for the villages of their area (the
// server for its consequences); leaders and supervisors read.
class BookRecordType : public sync::RecordType
{
public:
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;

protected:
    using sync::RecordType::RecordType;
    // The place must be a village (the town, for a town's settings).
    static std::optional<sync::FieldProblem> atLevel(const sync::Placement &placement, OrgLevel level);
    // Fields that may not change once `why` holds (FORBIDDEN, naming the field).
    std::optional<sync::FieldProblem> unchanged(const QJsonObject &fields, const QJsonObject &before,
                                                const QStringList &names, const QString &why) const;
    // The live record `id` of `type` at the same village, when the server can look it up (the app offline
    // cannot: nothing to check then). `field` is named in the problem.
    // Whether the server writes the record (a consequence), not a user.
    static bool byServer(const sync::RuleContext &context);
    static std::optional<sync::FieldProblem> sameVillage(const QString &field, const QString &type,
                                                         const QJsonObject &fields,
                                                         const sync::Placement &placement,
                                                         const sync::RuleContext &context,
                                                         std::optional<sync::Record> *found = nullptr);
};

// 资产台账: one entry of the asset register, depreciated straight-line to its residual value. A disposal is
// recorded as it happened; without a collective decision before it, the rules raise a warning.
class CollectiveAssetType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"collective-asset";
    CollectiveAssetType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("集体资产"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static Depreciation depreciationOf(const QJsonObject &fields);
    static bool isDisposed(const QJsonObject &fields);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 资源: land, forest, water and other resources of the collective, with the end of their current term.
class CollectiveResourceType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"collective-resource";
    CollectiveResourceType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("集体资源"))
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 合同: a contract letting an asset or a resource. States 草拟 → 审核 → 签订 → 履行 → 到期 / 终止 / 续签;
// the town's reviewer signs off the review. On signing, the server writes the rent instalments, and a
// contract that renews another marks that one 续签.
class CollectiveContractType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"collective-contract";
    CollectiveContractType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("集体合同"))
    {}
    QList<sync::FieldSpec> fields() const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static RentTerms termsOf(const QJsonObject &fields);
    // Whether a clerk or reviewer may move a contract from `from` to `to` (the server alone marks 续签).
    static bool canMove(const QString &from, const QString &to);
    // Signed and not yet over: "signed", "running".
    static bool inForce(const QString &state);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 租金分期: one instalment of a signed contract, written by the server from the schedule; clerks record what
// was received and when.
class InstalmentType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"contract-instalment";
    InstalmentType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("租金分期"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static QString recordIdFor(const QString &contractId, int number);
    // What is still owed on an instalment.
    static Fen outstanding(const QJsonObject &fields);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 租金指导价: a town's reference rent per mu and year for a kind of resource, from a year on.
class RentReferenceType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"rent-reference";
    RentReferenceType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("租金指导价"))
    {}
    QList<sync::FieldSpec> fields() const override;
    static QString recordIdFor(const QString &townId, const QString &kind, int year);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 三资监管参数: a county's own figures for its villages' books (one record per county, at the county; none:
// the rules' city-wide parameters): the cash a village may hold (库存现金限额) and the contract value from
// which a contract must go through trading (进场交易标准, MODULES.md §3: per county). Its towns read it
// offline.
class CollectiveSettingsType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"collective-settings";
    CollectiveSettingsType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("三资监管参数"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    bool sharedBelow() const override { return true; }
    static QString recordIdFor(const QString &countyId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 财务公开: a village's quarterly disclosure, generated from the books, checked by the village finance group
// (民主理财小组) and posted. One per village and quarter; nothing of it changes once posted.
class DisclosureType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"collective-disclosure";
    DisclosureType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("财务公开"))
    {}
    QList<sync::FieldSpec> fields() const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static QString recordIdFor(const QString &villageId, const QString &quarter);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// The choices, as (wire value, Chinese) pairs.
QStringList assetCategoryPairs();
QStringList resourceKindPairs();
QStringList contractStatePairs();

} // namespace sunshine::collective
