#include "common/collective/LedgerTypes.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::collective {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

const QString kBook = QString::fromUtf16(LedgerBookType::kName);
const QString kEntry = QString::fromUtf16(LedgerEntryType::kName);

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// The journal's fields the server keeps.
const QStringList &bookDerived()
{
    static const QStringList names{u"balance"_s, u"lastOn"_s, u"entries"_s, u"closedThrough"_s};
    return names;
}

} // namespace

QStringList entryClassPairs()
{
    return {u"operating-income"_s,  u"经营收入"_s, u"contracting-income"_s, u"发包及上交收入"_s,
            u"investment-income"_s, u"投资收益"_s, u"subsidy-income"_s,     u"补助收入"_s,
            u"other-income"_s,      u"其他收入"_s, u"operating-cost"_s,     u"经营支出"_s,
            u"management"_s,        u"管理费用"_s, u"public-welfare"_s,     u"公益支出"_s,
            u"other-spending"_s,    u"其他支出"_s, u"transfer"_s,           u"内部转款（存取现金）"_s};
}

// --- LedgerBookType
// -----------------------------------------------------------------------------------------

QList<FieldSpec> LedgerBookType::fields() const
{
    return {
        FieldSpec(u"kind"_s, FieldKind::Choice, u"类别"_s)
            .options({u"cash"_s, u"现金日记账"_s, u"bank"_s, u"银行存款日记账"_s})
            .require(),
        FieldSpec(u"name"_s, FieldKind::Text, u"账户"_s).max(40).require().cacheOrder(),
        FieldSpec(u"openingOn"_s, FieldKind::Date, u"建账日期"_s).require(),
        FieldSpec(u"openingBalance"_s, FieldKind::Money, u"期初余额"_s).require(),
        FieldSpec(u"balance"_s, FieldKind::Money, u"当前余额"_s).derived(),
        FieldSpec(u"lastOn"_s, FieldKind::Date, u"最后记账日期"_s).derived(),
        FieldSpec(u"entries"_s, FieldKind::Integer, u"分录数"_s).derived(),
        FieldSpec(u"closedThrough"_s, FieldKind::Date, u"已结账至"_s).derived(),
    };
}

std::optional<FieldProblem> LedgerBookType::checkRules(const QString &, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    if (fenOf(f, u"openingBalance"_s) < 0)
        return problem(u"openingBalance"_s, u"期初余额不能为负数"_s);
    if (context.before && context.before->value(u"entries"_s).toInteger() > 0) {
        if (auto p = unchanged(f, *context.before, {u"kind"_s, u"openingOn"_s, u"openingBalance"_s},
                               u"在登记分录后不能修改"_s))
            return p;
    }
    return std::nullopt;
}

void LedgerBookType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    if (byServer(context))
        return; // an entry or a close moved the journal on
    for (const QString &name : bookDerived())
        f.remove(name);
    if (context.before) {
        for (const QString &name : bookDerived()) {
            if (context.before->contains(name))
                f.insert(name, context.before->value(name));
        }
    }
    if (!f.value(u"entries"_s).toInteger()) {
        f.insert(u"entries"_s, 0);
        f.insert(u"balance"_s, f.value(u"openingBalance"_s));
    }
}

std::optional<FieldProblem> LedgerBookType::deleteProblem(const QString &, const QJsonObject &f,
                                                          const sync::RuleContext &) const
{
    if (f.value(u"entries"_s).toInteger() > 0)
        return problem(QString(), u"已登记分录的日记账不能删除"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

// --- LedgerEntryType
// ----------------------------------------------------------------------------------------

QList<FieldSpec> LedgerEntryType::fields() const
{
    return {
        FieldSpec(u"bookId"_s, FieldKind::Reference, u"日记账"_s).references(kBook).require().cacheLookup(),
        FieldSpec(u"on"_s, FieldKind::Date, u"日期"_s).require().pastOrToday().cacheOrder(),
        FieldSpec(u"voucherNo"_s, FieldKind::Text, u"凭证号"_s).max(20).require(),
        FieldSpec(u"summary"_s, FieldKind::Text, u"摘要"_s).max(60).require(),
        FieldSpec(u"direction"_s, FieldKind::Choice, u"收支"_s)
            .options({u"debit"_s, u"收入（借方）"_s, u"credit"_s, u"支出（贷方）"_s})
            .require(),
        FieldSpec(u"amount"_s, FieldKind::Money, u"金额"_s).require(),
        FieldSpec(u"entryClass"_s, FieldKind::Choice, u"收支类别"_s).options(entryClassPairs()).require(),
        FieldSpec(u"counterparty"_s, FieldKind::Text, u"对方单位或个人"_s).max(40),
        FieldSpec(u"reverses"_s, FieldKind::Reference, u"冲销的分录"_s).references(kEntry),
        FieldSpec(u"balance"_s, FieldKind::Money, u"余额"_s).derived(),
        FieldSpec(u"seq"_s, FieldKind::Integer, u"序号"_s).derived(),
    };
}

EntryDirection LedgerEntryType::directionOf(const QJsonObject &f)
{
    return f.value(u"direction"_s).toString() == u"credit"_s ? EntryDirection::Credit : EntryDirection::Debit;
}

QString LedgerEntryType::classSide(const QString &entryClass)
{
    if (entryClass == u"transfer"_s)
        return u"either"_s;
    return entryClass.endsWith(u"-income"_s) ? u"income"_s : u"spending"_s;
}

std::optional<FieldProblem> LedgerEntryType::checkRules(const QString &, const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    if (context.before && !byServer(context)) {
        const QStringList all{u"bookId"_s, u"on"_s,         u"voucherNo"_s,    u"summary"_s, u"direction"_s,
                              u"amount"_s, u"entryClass"_s, u"counterparty"_s, u"reverses"_s};
        if (auto p = unchanged(f, *context.before, all, u"已记账，不能修改；更正请登记一笔冲销分录"_s))
            return p;
        return std::nullopt;
    }
    if (fenOf(f, u"amount"_s) <= 0)
        return problem(u"amount"_s, u"金额应大于 0；冲销请选择相反的收支方向"_s);
    // A reversing entry keeps the class of the entry it reverses (it takes the amount out of that class); any
    // other entry's class fits its direction.
    const bool reversal = !f.value(u"reverses"_s).toString().isEmpty();
    const QString side = classSide(f.value(u"entryClass"_s).toString());
    const bool income = directionOf(f) == EntryDirection::Debit;
    if (!reversal && ((side == u"income"_s && !income) || (side == u"spending"_s && income)))
        return problem(u"entryClass"_s, income ? u"收入分录应选择收入类别"_s : u"支出分录应选择支出类别"_s);
    std::optional<sync::Record> book;
    if (auto p = sameVillage(u"bookId"_s, kBook, f, placement, context, &book))
        return p;
    if (!f.value(u"reverses"_s).toString().isEmpty()) {
        std::optional<sync::Record> original;
        if (auto p = sameVillage(u"reverses"_s, kEntry, f, placement, context, &original))
            return p;
        if (original && (original->fields.value(u"bookId"_s) != f.value(u"bookId"_s) ||
                         directionOf(original->fields) == directionOf(f) ||
                         fenOf(original->fields, u"amount"_s) != fenOf(f, u"amount"_s) ||
                         original->fields.value(u"entryClass"_s) != f.value(u"entryClass"_s)))
            return problem(u"reverses"_s, u"冲销分录应与原分录同一账户、同一类别、金额相同、方向相反"_s);
    }
    if (book) {
        const QDate on = dateOf(f, u"on"_s);
        const QDate closed = dateOf(book->fields, u"closedThrough"_s);
        if (closed.isValid() && on <= closed)
            return problem(u"on"_s, u"该账户已结账至 %1，不能再登记这一天及以前的分录"_s.arg(iso(closed)));
        const QDate last = dateOf(book->fields, u"lastOn"_s);
        if (last.isValid() && on < last)
            return problem(u"on"_s,
                           u"日记账按日期顺序登记：该账户已登记到 %1；补记以前的业务请按今天的日期登记，"
                           u"并在摘要中注明"_s.arg(iso(last)));
        if (on < dateOf(book->fields, u"openingOn"_s))
            return problem(u"on"_s, u"分录日期早于建账日期"_s);
        if (book->fields.value(u"kind"_s).toString() == u"cash"_s &&
            directionOf(f) == EntryDirection::Credit &&
            fenOf(book->fields, u"balance"_s) < fenOf(f, u"amount"_s))
            return problem(u"amount"_s, u"库存现金不足：现金日记账余额 %1 元，不能支出 %2 元"_s.arg(
                                            money::formatYuan(fenOf(book->fields, u"balance"_s)),
                                            money::formatYuan(fenOf(f, u"amount"_s))));
    }
    return std::nullopt;
}

void LedgerEntryType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    if (context.before) {
        for (const char16_t *name : {u"balance", u"seq"})
            f.insert(QString::fromUtf16(name), context.before->value(QString::fromUtf16(name)));
        return;
    }
    f.remove(u"balance"_s);
    f.remove(u"seq"_s);
    if (!context.lookup)
        return; // the server computes it when the entry arrives
    const std::optional<sync::Record> book = context.lookup(f.value(u"bookId"_s).toString());
    if (!book)
        return;
    f.insert(u"seq"_s, book->fields.value(u"entries"_s).toInteger() + 1);
    f.insert(u"balance"_s,
             balanceAfter(fenOf(book->fields, u"balance"_s), directionOf(f), fenOf(f, u"amount"_s)));
}

QList<sync::Consequence> LedgerEntryType::consequences(const QString &, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    if (context.before || !f.contains(u"seq"_s))
        return {};
    sync::Consequence book;
    book.type = kBook;
    book.recordId = f.value(u"bookId"_s).toString();
    book.orgUnitId = placement.orgUnitId;
    book.fields = {{u"balance"_s, f.value(u"balance"_s)},
                   {u"lastOn"_s, f.value(u"on"_s)},
                   {u"entries"_s, f.value(u"seq"_s)}};
    return {book};
}

std::optional<FieldProblem> LedgerEntryType::deleteProblem(const QString &, const QJsonObject &,
                                                           const sync::RuleContext &) const
{
    return problem(QString(), u"已记账的分录不能删除；更正请登记一笔冲销分录"_s, u"FORBIDDEN"_s);
}

// --- CashCloseType
// ------------------------------------------------------------------------------------------

QList<FieldSpec> CashCloseType::fields() const
{
    return {
        FieldSpec(u"bookId"_s, FieldKind::Reference, u"现金日记账"_s)
            .references(kBook)
            .require()
            .cacheLookup(),
        FieldSpec(u"period"_s, FieldKind::Choice, u"结账"_s)
            .options({u"day"_s, u"日结"_s, u"month"_s, u"月结"_s})
            .require(),
        FieldSpec(u"on"_s, FieldKind::Date, u"结账日期"_s).require().pastOrToday().cacheOrder(),
        FieldSpec(u"counted"_s, FieldKind::Money, u"实点库存现金"_s).require(),
        FieldSpec(u"countedBy"_s, FieldKind::Text, u"盘点人"_s).max(20).require(),
        FieldSpec(u"bookBalance"_s, FieldKind::Money, u"账面余额"_s).derived(),
        FieldSpec(u"difference"_s, FieldKind::Money, u"长款（+）短款（−）"_s).derived(),
    };
}

std::optional<FieldProblem> CashCloseType::checkRules(const QString &, const QJsonObject &f,
                                                      const sync::Placement &placement,
                                                      const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    if (context.before)
        return unchanged(f, *context.before,
                         {u"bookId"_s, u"period"_s, u"on"_s, u"counted"_s, u"countedBy"_s},
                         u"结账后不能修改"_s);
    if (fenOf(f, u"counted"_s) < 0)
        return problem(u"counted"_s, u"实点库存现金不能为负数"_s);
    const QDate on = dateOf(f, u"on"_s);
    if (f.value(u"period"_s).toString() == u"month"_s && on.isValid() && on.day() != on.daysInMonth())
        return problem(u"on"_s, u"月结的日期应为当月最后一天"_s);
    std::optional<sync::Record> book;
    if (auto p = sameVillage(u"bookId"_s, kBook, f, placement, context, &book))
        return p;
    if (book) {
        if (book->fields.value(u"kind"_s).toString() != u"cash"_s)
            return problem(u"bookId"_s, u"日结、月结针对现金日记账"_s);
        const QDate last = dateOf(book->fields, u"lastOn"_s);
        if (last.isValid() && last > on)
            return problem(u"on"_s, u"已登记 %1 的分录，不能再结 %2 的账"_s.arg(iso(last), iso(on)));
        const QDate closed = dateOf(book->fields, u"closedThrough"_s);
        if (closed.isValid() && on < closed)
            return problem(u"on"_s, u"该账户已结账至 %1"_s.arg(iso(closed)));
    }
    return std::nullopt;
}

void CashCloseType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    if (context.before) {
        for (const char16_t *name : {u"bookBalance", u"difference"})
            f.insert(QString::fromUtf16(name), context.before->value(QString::fromUtf16(name)));
        return;
    }
    f.remove(u"bookBalance"_s);
    f.remove(u"difference"_s);
    if (!context.lookup)
        return;
    if (const std::optional<sync::Record> book = context.lookup(f.value(u"bookId"_s).toString())) {
        const Fen balance = fenOf(book->fields, u"balance"_s);
        f.insert(u"bookBalance"_s, balance);
        f.insert(u"difference"_s, fenOf(f, u"counted"_s) - balance);
    }
}

QList<sync::Consequence> CashCloseType::consequences(const QString &, const QJsonObject &f,
                                                     const sync::Placement &placement,
                                                     const sync::RuleContext &context) const
{
    if (context.before || !f.contains(u"bookBalance"_s))
        return {};
    sync::Consequence book;
    book.type = kBook;
    book.recordId = f.value(u"bookId"_s).toString();
    book.orgUnitId = placement.orgUnitId;
    book.fields = {{u"closedThrough"_s, f.value(u"on"_s)}};
    return {book};
}

std::optional<FieldProblem> CashCloseType::deleteProblem(const QString &, const QJsonObject &,
                                                         const sync::RuleContext &) const
{
    return problem(QString(), u"结账记录不能删除"_s, u"FORBIDDEN"_s);
}

} // namespace sunshine::collective
