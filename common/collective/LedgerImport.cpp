#include "common/collective/LedgerImport.h"

#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::collective {

namespace {

const QList<io::ImportColumn> &columns()
{
    static const QList<io::ImportColumn> c{
        {u"date"_s, true, {u"日期"_s, u"记账日期"_s, u"业务日期"_s, u"凭证日期"_s}},
        {u"voucherNo"_s, true, {u"凭证号"_s, u"凭证编号"_s, u"凭证字号"_s, u"记账凭证号"_s}},
        {u"summary"_s, true, {u"摘要"_s, u"业务摘要"_s}},
        {u"debit"_s, false, {u"收入（借方）金额"_s, u"借方金额"_s, u"收入金额"_s, u"借方"_s, u"收入"_s}},
        {u"credit"_s, false, {u"支出（贷方）金额"_s, u"贷方金额"_s, u"支出金额"_s, u"贷方"_s, u"支出"_s}},
        {u"amount"_s, false, {u"金额"_s, u"发生额"_s}},
        {u"direction"_s, false, {u"方向"_s, u"收支方向"_s, u"借贷方向"_s, u"收支"_s}},
        {u"entryClass"_s, true, {u"收支类别"_s, u"类别"_s, u"收支项目"_s, u"对方科目"_s, u"科目"_s}},
        {u"counterparty"_s, false, {u"对方单位"_s, u"对方单位或个人"_s, u"对方户名"_s, u"往来单位"_s}},
    };
    return c;
}

// A header on two rows (金额 above 借方 | 贷方): the names of the second row are added, and true returned,
// when it names at least two more columns and is no entry itself.
bool addSecondHeaderRow(const io::TableData &table, io::ImportHeader *header)
{
    const int r = header->row + 1;
    if (r >= table.rows.size())
        return false;
    QHash<QString, QString> byHeader;
    for (const io::ImportColumn &c : columns()) {
        for (const QString &n : c.names)
            byHeader.insert(io::headerKey(n), c.key);
    }
    const QStringList &cells = table.rows.at(r);
    if (io::parseDateText(cells.value(header->columnOf(u"date"_s))))
        return false;
    QHash<QString, int> added;
    for (int c = 0; c < cells.size(); ++c) {
        const QString key = byHeader.value(io::headerKey(cells.at(c)));
        if (!key.isEmpty() && !header->index.contains(key) && !added.contains(key))
            added.insert(key, c);
    }
    if (added.size() < 2)
        return false;
    for (auto it = added.constBegin(); it != added.constEnd(); ++it) {
        header->index.insert(it.key(), it.value());
        while (header->texts.size() <= it.value())
            header->texts.append(QString());
        header->texts[it.value()] = cells.at(it.value());
    }
    return true;
}

// The header and the index of the first row below it.
std::optional<io::ImportHeader> ledgerHeader(const io::TableData &table, int *firstRow)
{
    std::optional<io::ImportHeader> header = io::findImportHeader(table, columns());
    if (!header)
        return std::nullopt;
    *firstRow = header->row + (addSecondHeaderRow(table, &*header) ? 2 : 1);
    header->missingColumns.clear();
    for (const io::ImportColumn &c : columns()) {
        if (c.required && !header->index.contains(c.key))
            header->missingColumns.append(c.names.first());
    }
    const bool split = header->index.contains(u"debit"_s) && header->index.contains(u"credit"_s);
    if (!split && !header->index.contains(u"amount"_s))
        header->missingColumns.append(u"收入（借方）金额和支出（贷方）金额（或金额）"_s);
    return header;
}

// A journal's own lines that hold no entry: the balance carried in, page carries and totals, named in the
// 摘要 or in the row's first cell.
bool isCarryRow(const QStringList &cells, int summaryColumn)
{
    static const QRegularExpression carry(u"^(期初余额|年初余额|上年结转|上月结转|结转下年|结转下月|承前页|"
                                          u"过次页|本[日月年期季]合计|本[日月年期季]累计|"
                                          u"本[日月期]小计|月计|年计|合计|累计)"_s);
    const auto isCarry = [](QString text) {
        text.remove(u' ').remove(u'\u3000');
        return carry.match(text).hasMatch();
    };
    const auto first = std::find_if(cells.begin(), cells.end(),
                                    [](const QString &cell) { return !cell.trimmed().isEmpty(); });
    return isCarry(cells.value(summaryColumn)) || (first != cells.end() && isCarry(*first));
}

// A 凭证号 Excel stored as a number, written back as the clerk typed it: "12.0" → "12".
QString voucherText(const QString &text)
{
    static const QRegularExpression whole(u"^(\\d+)\\.0+$"_s);
    const QRegularExpressionMatch m = whole.match(text);
    return m.hasMatch() ? m.captured(1) : text;
}

// The direction a 方向 cell names: true for spending (贷方), false for income (借方).
std::optional<bool> creditOf(const QString &textIn)
{
    const QString text = textIn.trimmed().toLower();
    if (text == u"debit"_s || text == u"+"_s)
        return false;
    if (text == u"credit"_s || text == u"-"_s)
        return true;
    if (text.isEmpty())
        return std::nullopt;
    if (u"借收进入"_s.contains(text.front()))
        return false;
    if (u"贷支付出"_s.contains(text.front()))
        return true;
    return std::nullopt;
}

// The class a cell names: its label, wire value or a synonym, also after an account code (501 经营收入) or
// before a sub-account (管理费用—办公费).
std::optional<QString> entryClassOf(const sync::FieldSpec &spec, const QString &textIn, const QString &header,
                                    QString *problem)
{
    static const QRegularExpression code(u"^\\d+[\\s\\-—.、]*"_s);
    static const QRegularExpression subAccount(u"[\\-—－/／]"_s);
    QString text = textIn;
    text.remove(u' ').remove(u'\u3000').replace(u'(', u'（').replace(u')', u'）').remove(code);
    const auto known = [&spec](const QString &t) {
        return spec.choiceLabels.contains(t) || spec.choices.contains(t) || ledgerClassSynonyms().contains(t);
    };
    if (!known(text)) {
        const QString head = text.section(subAccount, 0, 0);
        if (!head.isEmpty() && known(head))
            text = head;
    }
    return io::importChoice(spec, ledgerClassSynonyms().value(text, text), header, problem);
}

struct Candidate
{
    LedgerImportRow row;
    QDate on;
    Fen amount = 0;
    bool credit = false;
    int amountColumn = -1;
};

} // namespace

const QHash<QString, QString> &ledgerClassSynonyms()
{
    static const QHash<QString, QString> synonyms{
        {u"经营性收入"_s, u"经营收入"_s},
        {u"营业收入"_s, u"经营收入"_s},
        {u"发包收入"_s, u"发包及上交收入"_s},
        {u"承包收入"_s, u"发包及上交收入"_s},
        {u"承包费收入"_s, u"发包及上交收入"_s},
        {u"承包费"_s, u"发包及上交收入"_s},
        {u"上交收入"_s, u"发包及上交收入"_s},
        {u"发包及上交"_s, u"发包及上交收入"_s},
        {u"投资收入"_s, u"投资收益"_s},
        {u"分红收入"_s, u"投资收益"_s},
        {u"股金分红"_s, u"投资收益"_s},
        {u"补助"_s, u"补助收入"_s},
        {u"补贴收入"_s, u"补助收入"_s},
        {u"财政补助"_s, u"补助收入"_s},
        {u"财政补助收入"_s, u"补助收入"_s},
        {u"上级补助"_s, u"补助收入"_s},
        {u"上级补助收入"_s, u"补助收入"_s},
        {u"其它收入"_s, u"其他收入"_s},
        {u"利息收入"_s, u"其他收入"_s},
        {u"经营成本"_s, u"经营支出"_s},
        {u"经营性支出"_s, u"经营支出"_s},
        {u"管理费"_s, u"管理费用"_s},
        {u"管理费用支出"_s, u"管理费用"_s},
        {u"公益性支出"_s, u"公益支出"_s},
        {u"公益事业支出"_s, u"公益支出"_s},
        {u"其它支出"_s, u"其他支出"_s},
        {u"内部转款"_s, u"内部转款（存取现金）"_s},
        {u"内部转账"_s, u"内部转款（存取现金）"_s},
        {u"存取现金"_s, u"内部转款（存取现金）"_s},
        {u"提取现金"_s, u"内部转款（存取现金）"_s},
        {u"提现"_s, u"内部转款（存取现金）"_s},
        {u"取现"_s, u"内部转款（存取现金）"_s},
        {u"存现"_s, u"内部转款（存取现金）"_s},
        {u"现金存入银行"_s, u"内部转款（存取现金）"_s},
        {u"从银行提取现金"_s, u"内部转款（存取现金）"_s},
    };
    return synonyms;
}

QStringList ledgerImportHeaders(bool required)
{
    if (required)
        return {u"日期"_s,    u"凭证号"_s, u"摘要"_s, u"收入（借方）金额"_s, u"支出（贷方）金额"_s,
                u"收支类别"_s};
    return {u"金额"_s, u"方向"_s, u"对方单位"_s};
}

bool hasLedgerHeader(const io::TableData &table)
{
    int first = 0;
    const auto header = ledgerHeader(table, &first);
    return header && header->missingColumns.isEmpty();
}

QString ledgerEntryKey(const QJsonObject &f)
{
    return u"%1|%2|%3|%4"_s.arg(f.value(u"on"_s).toString(), f.value(u"voucherNo"_s).toString().trimmed(),
                                QString::number(sync::RecordType::fenOf(f, u"amount"_s)),
                                f.value(u"direction"_s).toString());
}

QString ledgerEntryRecordId(const QString &bookId, const QJsonObject &fields)
{
    return sync::derivedRecordId(QString::fromUtf16(LedgerEntryType::kName),
                                 bookId + u'|' + ledgerEntryKey(fields));
}

LedgerImportResult checkLedgerImport(const io::TableData &table, const LedgerImportOptions &options)
{
    LedgerImportResult result;
    int firstRow = 0;
    const std::optional<io::ImportHeader> found = ledgerHeader(table, &firstRow);
    if (!found) {
        result.error =
            u"没有找到表头：日记账应有一行列名，至少包括 %1"_s.arg(ledgerImportHeaders(true).join(u"、"_s));
        return result;
    }
    const io::ImportHeader &header = *found;
    if (!header.missingColumns.isEmpty()) {
        result.error = u"日记账缺少必需的列：%1"_s.arg(header.missingColumns.join(u"、"_s));
        return result;
    }
    const int dateCol = header.columnOf(u"date"_s);
    const int voucherCol = header.columnOf(u"voucherNo"_s);
    const int summaryCol = header.columnOf(u"summary"_s);
    const int debitCol = header.columnOf(u"debit"_s);
    const int creditCol = header.columnOf(u"credit"_s);
    const int amountCol = header.columnOf(u"amount"_s);
    const int directionCol = header.columnOf(u"direction"_s);
    const int classCol = header.columnOf(u"entryClass"_s);
    const bool split = debitCol >= 0 && creditCol >= 0;
    const LedgerEntryType type;
    const sync::FieldSpec classSpec = *type.field(u"entryClass"_s);
    sync::RuleContext context;
    context.today = options.today;
    const LedgerBookState &book = options.book;
    const QString iso = u"yyyy-MM-dd"_s;
    QList<io::RowProblem> problems;
    QHash<QString, int> seen; // key → the line it was first on
    QList<Candidate> good;
    auto cell = [](const QStringList &cells, int c) {
        return c < 0 ? QString() : cells.value(c).trimmed();
    };
    const int total = int(table.rows.size());
    for (int i = firstRow; i < total; ++i) {
        if (options.progress && (i % 256 == 0) && !options.progress(i, total)) {
            result.cancelled = true;
            return result;
        }
        const QStringList &cells = table.rows.at(i);
        if (io::isNoRecordRow(cells) || isCarryRow(cells, summaryCol))
            continue;
        ++result.rowsRead;
        const int line = table.lineNumbers.value(i);
        const qsizetype before = problems.size();
        auto bad = [&](int column, const QString &reason) {
            problems.append({line, column, reason, false});
        };
        QJsonObject f{{u"bookId"_s, book.bookId}};

        const QString dateText = cell(cells, dateCol);
        if (dateText.isEmpty())
            bad(dateCol, u"请填写日期"_s);
        else if (const std::optional<QString> on = io::parseDateText(dateText))
            f.insert(u"on"_s, *on);
        else
            bad(dateCol, u"无法识别日期“%1”，应写作 2026-03-15 或 2026年3月15日"_s.arg(dateText.left(30)));

        const QString voucher = voucherText(cell(cells, voucherCol));
        if (table.lostDigits(i, voucherCol) || io::isExcelExponentText(voucher))
            bad(voucherCol, io::lostDigitsProblem(header.text(voucherCol), voucher));
        else if (!voucher.isEmpty())
            f.insert(u"voucherNo"_s, voucher);
        if (const QString summary = cell(cells, summaryCol); !summary.isEmpty())
            f.insert(u"summary"_s, summary);

        // How much, and which way: the income or the spending column, or one amount with its direction.
        std::optional<Fen> amount;
        bool credit = false;
        int amountAt = split ? debitCol : amountCol;
        auto readAmount = [&](int column, bool allowNegative) -> std::optional<Fen> {
            const QString text = cell(cells, column);
            if (text.isEmpty())
                return std::nullopt;
            const money::ParseResult r = money::parseYuan(text, allowNegative);
            if (!r.fen)
                bad(column, u"“%1”：%2"_s.arg(header.text(column), money::parseErrorMessage(r.error)));
            return r.fen;
        };
        if (split) {
            const std::optional<Fen> in = readAmount(debitCol, false);
            const std::optional<Fen> out = readAmount(creditCol, false);
            const bool hasIn = in && *in != 0;
            const bool hasOut = out && *out != 0;
            if (hasIn && hasOut) {
                bad(creditCol, u"一行只能填收入（借方）或支出（贷方）中的一个金额"_s);
            } else if (hasIn || hasOut) {
                amount = hasIn ? *in : *out;
                credit = hasOut;
                amountAt = hasOut ? creditCol : debitCol;
            } else if (problems.size() == before) {
                bad(debitCol, u"请填写收入（借方）或支出（贷方）金额"_s);
            }
        } else if (const std::optional<Fen> value = readAmount(amountCol, true)) {
            const QString directionText = cell(cells, directionCol);
            if (directionCol < 0) {
                amount = *value < 0 ? -*value : *value;
                credit = *value < 0;
            } else if (directionText.isEmpty()) {
                bad(directionCol, u"请填写收支方向（收入或支出）"_s);
            } else if (const std::optional<bool> d = creditOf(directionText); !d) {
                bad(directionCol,
                    u"无法识别收支方向“%1”（收入或借、支出或贷）"_s.arg(directionText.left(20)));
            } else if (*value < 0) {
                bad(amountCol, u"填写了收支方向时金额不能为负数"_s);
            } else {
                amount = *value;
                credit = *d;
            }
        } else if (cell(cells, amountCol).isEmpty()) {
            bad(amountCol, u"请填写金额"_s);
        }
        if (amount) {
            f.insert(u"amount"_s, double(*amount));
            f.insert(u"direction"_s, credit ? u"credit"_s : u"debit"_s);
        }

        const QString classText = cell(cells, classCol);
        QString why;
        if (classText.isEmpty())
            bad(classCol, u"请填写收支类别（%1）"_s.arg(classSpec.choiceLabels.join(u"、"_s)));
        else if (const std::optional<QString> c =
                     entryClassOf(classSpec, classText, header.text(classCol), &why))
            f.insert(u"entryClass"_s, *c);
        else
            bad(classCol, why);
        if (const QString other = cell(cells, header.columnOf(u"counterparty"_s)); !other.isEmpty())
            f.insert(u"counterparty"_s, other);

        // The record type's own checks, each problem on the column it is about.
        const auto columnOf = [&](const QString &field) {
            if (field == u"on"_s)
                return dateCol;
            if (field == u"amount"_s)
                return amountAt;
            if (field == u"direction"_s)
                return directionCol >= 0 ? directionCol : amountAt;
            return field == u"bookId"_s ? -1 : header.columnOf(field);
        };
        if (problems.size() == before) {
            for (auto it = f.constBegin(); it != f.constEnd() && problems.size() == before; ++it) {
                if (const auto p = type.checkField(it.key(), it.value()))
                    bad(columnOf(it.key()), p->message);
            }
        }
        const QString recordId = ledgerEntryRecordId(book.bookId, f);
        if (problems.size() == before) {
            if (const auto p = type.checkRecord(recordId, f, options.placement, context))
                bad(p->field.isEmpty() ? -1 : columnOf(p->field), p->message);
        }
        const QString key = ledgerEntryKey(f);
        if (problems.size() == before && seen.contains(key))
            bad(-1,
                u"与第 %1 行的日期、凭证号、金额和收支方向都相同：同一分录只导入一次"_s.arg(seen.value(key)));
        if (problems.size() > before) {
            ++result.badRows;
            continue;
        }
        seen.insert(key, line);
        if (options.imported.contains(key)) {
            ++result.alreadyImported;
            continue;
        }

        // Against the journal as it stands: entries go on in date order after its last one.
        const QDate on = sync::RecordType::dateOf(f, u"on"_s);
        if (book.closedThrough.isValid() && on <= book.closedThrough)
            bad(dateCol,
                u"该账户已结账至 %1，不能再登记这一天及以前的分录"_s.arg(book.closedThrough.toString(iso)));
        else if (book.lastOn.isValid() && on < book.lastOn)
            bad(dateCol,
                u"日记账按日期顺序登记：该账户已登记到 %1，早于这一天的分录不能再导入；补记以前的业务请按"
                u"今天的日期登记，并在摘要中注明"_s.arg(book.lastOn.toString(iso)));
        else if (book.openingOn.isValid() && on < book.openingOn)
            bad(dateCol, u"分录日期早于建账日期 %1"_s.arg(book.openingOn.toString(iso)));
        if (problems.size() > before) {
            ++result.badRows;
            continue;
        }
        good.append({{recordId, f, line}, on, amount.value_or(0), credit, amountAt});
    }

    // In date order, a day's rows as the file has them.
    QDate latest;
    for (const Candidate &c : std::as_const(good)) {
        if (latest.isValid() && c.on < latest)
            ++result.reordered;
        latest = std::max(latest, c.on);
    }
    std::stable_sort(good.begin(), good.end(),
                     [](const Candidate &a, const Candidate &b) { return a.on < b.on; });

    // A cash journal never goes below zero: spending more than the cash there is at that row is refused.
    std::optional<Fen> balance = book.kind == u"cash"_s ? book.balance : std::nullopt;
    for (const Candidate &c : std::as_const(good)) {
        if (balance) {
            if (c.credit && *balance < c.amount) {
                problems.append(
                    {c.row.line, c.amountColumn,
                     u"库存现金不足：按日期顺序登记到这一行时现金日记账余额 %1 元，不能支出 %2 元"_s.arg(
                         money::formatYuan(*balance), money::formatYuan(c.amount)),
                     false});
                ++result.badRows;
                continue;
            }
            *balance =
                balanceAfter(*balance, c.credit ? EntryDirection::Credit : EntryDirection::Debit, c.amount);
        }
        result.rows.append(c.row);
    }
    result.problems = io::importReport(problems, header);
    return result;
}

} // namespace sunshine::collective
