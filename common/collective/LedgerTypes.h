#pragma once

#include "common/collective/CollectiveTypes.h"

// A village collective's money (资金, MODULES.md §2): the cash and bank journals whose balance the server
// keeps, their entries in date order, and the daily and monthly cash closes.
namespace sunshine::collective {

// 日记账: a village's cash journal or one bank account's journal. The server keeps its balance, its last
// entry's day, the number of entries and the day it was closed through; the clerk sets the opening.
class LedgerBookType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"ledger-book";
    LedgerBookType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("日记账"))
    {}
    QList<sync::FieldSpec> fields() const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 日记账分录: one entry of a journal, in date order, never changed or deleted once written (an error is put
// right by a reversing entry, 红字冲销). The server computes the balance after it and moves the journal on.
class LedgerEntryType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"ledger-entry";
    LedgerEntryType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("日记账分录"))
    {}
    QList<sync::FieldSpec> fields() const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;
    static EntryDirection directionOf(const QJsonObject &fields);
    // Whether a class of entry is income (debit), spending (credit), or either (a transfer between the cash
    // and a bank account): "income", "spending", "either".
    static QString classSide(const QString &entryClass);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 日结 / 月结: the cash counted at the end of a day (or a month's last day) against the journal's balance.
// Nothing may be entered on or before a closed day afterwards.
class CashCloseType final : public BookRecordType
{
public:
    static constexpr const char16_t *kName = u"cash-close";
    CashCloseType()
        : BookRecordType(QString::fromUtf16(kName), QStringLiteral("现金日结月结"))
    {}
    QList<sync::FieldSpec> fields() const override;
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    QList<sync::Consequence> consequences(const QString &recordId, const QJsonObject &fields,
                                          const sync::Placement &placement,
                                          const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// The classes of a journal entry, as (wire value, Chinese) pairs.
QStringList entryClassPairs();

} // namespace sunshine::collective
