#pragma once

#include "common/relief/ReliefRules.h"
#include "common/relief/ReliefType.h"

// The registry of low-income households (建档立卡低收入户, Art. 8): households, their members and each
// quarter's income.
namespace sunshine::relief {

// A household in a village: address, passbook (一折通), poverty cause, the 两不愁三保障 indicators, status.
class HouseholdType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"household";
    HouseholdType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("低收入户"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// A person in a household. The 身份证号 is unique across the city: one person, one household.
class MemberType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"member";
    MemberType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("家庭成员"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;
    QList<QPair<QString, QString>> uniqueKeys(const QJsonObject &fields) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// One quarter's income of a household by category (non-cumulative): one record per household and quarter.
class HouseholdIncomeType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"household-income";
    HouseholdIncomeType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("季度收入"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;
    static QString recordIdFor(const QString &householdId, const QString &quarter);
    // A household's per-capita income from its quarterly income records: the four quarters ending with the
    // latest one recorded, divided by the members that record gives (Art. 8). Nothing recorded: all zero.
    static PerCapitaIncome perCapitaOf(const QList<QJsonObject> &incomeRecords);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::relief
