#include "common/card/CardStatementImport.h"

#include "common/card/CardTypes.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::card {

namespace {

const QList<io::ImportColumn> &columns()
{
    static const QList<io::ImportColumn> c{
        {u"date"_s, false, {u"交易日期"_s, u"记账日期"_s, u"日期"_s, u"交易日期时间"_s}},
        {u"time"_s, false, {u"交易时间"_s, u"时间"_s}},
        {u"amount"_s, false, {u"交易金额"_s, u"金额"_s, u"发生额"_s}},
        {u"debit"_s, false, {u"支出金额"_s, u"支出"_s, u"借方发生额"_s}},
        {u"credit"_s, false, {u"收入金额"_s, u"收入"_s, u"贷方发生额"_s}},
        {u"kind"_s, false, {u"交易类型"_s, u"交易种类"_s, u"业务类型"_s, u"摘要"_s}},
        {u"merchant"_s, false, {u"商户名称"_s, u"商户"_s, u"交易商户"_s, u"交易地点"_s}},
        {u"mcc"_s, false, {u"商户类别码"_s, u"MCC"_s, u"商户类别"_s}},
        {u"channel"_s, false, {u"交易渠道"_s, u"渠道"_s}},
        {u"counterparty"_s, false, {u"对方户名"_s, u"对方账户名"_s, u"付款人"_s, u"收款人"_s}},
        {u"bankRef"_s, true, {u"交易流水号"_s, u"流水号"_s, u"交易参考号"_s, u"参考号"_s, u"银行流水号"_s}},
        {u"card"_s, false, {u"卡号"_s, u"卡号后四位"_s, u"卡号末四位"_s}},
    };
    return c;
}

std::optional<QString> channelOf(const QString &textIn)
{
    const QString text = textIn.trimmed().toUpper();
    if (text.isEmpty())
        return QString();
    if (text.contains(u"ATM"_s) || text.contains(u"自助"_s))
        return u"atm"_s;
    if (text.contains(u"POS"_s) || text.contains(u"刷卡"_s))
        return u"pos"_s;
    if (text.contains(u"扫码"_s) || text.contains(u"二维码"_s) || text.contains(u"微信"_s) ||
        text.contains(u"支付宝"_s) || text.contains(u"云闪付"_s) || text == u"QR"_s)
        return u"qr"_s;
    if (text.contains(u"网"_s) || text.contains(u"手机"_s) || text.contains(u"快捷"_s) || text == u"ONLINE"_s)
        return u"online"_s;
    if (text.contains(u"柜"_s))
        return u"counter"_s;
    return std::nullopt;
}

} // namespace

QStringList cardStatementHeaders(bool required)
{
    if (required)
        return {u"交易日期"_s, u"交易金额"_s, u"交易流水号"_s};
    return {u"交易时间"_s, u"交易类型"_s, u"商户名称"_s, u"商户类别码"_s,
            u"交易渠道"_s, u"对方户名"_s, u"卡号"_s};
}

bool hasCardStatementHeader(const io::TableData &table)
{
    const auto header = io::findImportHeader(table, columns());
    return header && header->missingColumns.isEmpty();
}

CardStatementResult checkCardStatement(const io::TableData &table, const CardStatementOptions &options)
{
    CardStatementResult result;
    const std::optional<io::ImportHeader> header = io::findImportHeader(table, columns());
    if (!header) {
        result.error =
            u"没有找到表头：对账单应有一行列名，至少包括 %1"_s.arg(cardStatementHeaders(true).join(u"、"_s));
        return result;
    }
    QStringList missing = header->missingColumns;
    const int dateCol = header->columnOf(u"date"_s);
    const int timeCol = header->columnOf(u"time"_s);
    const int amountCol = header->columnOf(u"amount"_s);
    const int debitCol = header->columnOf(u"debit"_s);
    const int creditCol = header->columnOf(u"credit"_s);
    if (dateCol < 0 && timeCol < 0)
        missing.append(u"交易日期"_s);
    if (amountCol < 0 && (debitCol < 0 || creditCol < 0))
        missing.append(u"交易金额（或支出金额和收入金额）"_s);
    if (!missing.isEmpty()) {
        result.error = u"对账单缺少必需的列：%1"_s.arg(missing.join(u"、"_s));
        return result;
    }
    const CardTransactionType type;
    sync::RuleContext context;
    context.today = options.today;
    QList<io::RowProblem> problems;
    QSet<QString> seen;
    QList<CardTxn> txns = options.stored;
    auto cell = [&](const QStringList &cells, int c) {
        return c < 0 ? QString() : cells.value(c).trimmed();
    };
    const int total = int(table.rows.size());
    for (int i = header->row + 1; i < total; ++i) {
        if (options.progress && (i % 256 == 0) && !options.progress(i, total)) {
            result.cancelled = true;
            return result;
        }
        const QStringList &cells = table.rows.at(i);
        if (io::isNoRecordRow(cells))
            continue;
        ++result.rowsRead;
        const int line = table.lineNumbers.value(i);
        const qsizetype before = problems.size();
        auto bad = [&](int column, const QString &reason) {
            problems.append({line, column, reason, false});
        };
        QJsonObject f{{u"cardId"_s, options.cardId}};

        // When: a date (and time) column, or the time column holding both.
        const QString dateText = cell(cells, dateCol);
        const QString timeText = cell(cells, timeCol);
        std::optional<QDateTime> at;
        if (!dateText.isEmpty()) {
            at = io::parseDateTimeText(dateText);
            if (at && !timeText.isEmpty() && at->time() == QTime(0, 0)) {
                const QTime t =
                    QTime::fromString(timeText.size() == 5 ? timeText + u":00"_s : timeText, Qt::ISODate);
                if (t.isValid())
                    at->setTime(t);
                else if (const auto both = io::parseDateTimeText(timeText))
                    at->setTime(both->time());
                else
                    bad(timeCol, u"无法识别交易时间“%1”，应写作 14:05:30"_s.arg(timeText.left(20)));
            }
        } else if (!timeText.isEmpty() && dateCol < 0) {
            at = io::parseDateTimeText(timeText);
        }
        const int whenCol = dateCol >= 0 ? dateCol : timeCol;
        if (dateText.isEmpty() && (dateCol >= 0 || timeText.isEmpty())) {
            bad(whenCol, u"请填写交易日期"_s);
        } else if (!at) {
            bad(whenCol, u"无法识别交易日期“%1”，应写作 2026-11-03 或 2026-11-03 14:05:30"_s.arg(
                             (dateText.isEmpty() ? timeText : dateText).left(30)));
        } else {
            f.insert(u"on"_s, at->date().toString(Qt::ISODate));
            // The time only when the statement gave one (a date alone says nothing of the hour).
            const QString given = dateText + timeText;
            if (given.contains(u':') || at->time() != QTime(0, 0))
                f.insert(u"at"_s, at->time().toString(u"HH:mm:ss"_s));
        }

        // How much, and which way.
        std::optional<Fen> amount;
        bool outflow = true;
        auto readAmount = [&](int column, bool allowNegative) -> std::optional<Fen> {
            const QString text = cell(cells, column);
            if (text.isEmpty())
                return std::nullopt;
            const money::ParseResult r = money::parseYuan(text, allowNegative);
            if (!r.fen) {
                bad(column, u"“%1”：%2"_s.arg(header->text(column), money::parseErrorMessage(r.error)));
                return Fen(0);
            }
            return r.fen;
        };
        if (amountCol >= 0) {
            amount = readAmount(amountCol, true);
            if (amount && *amount < 0) {
                amount = -*amount;
            } else if (amount) {
                outflow = false;
            }
        }
        if (!amount && debitCol >= 0) {
            amount = readAmount(debitCol, false);
            if (amount && *amount == 0)
                amount.reset();
        }
        if (!amount && creditCol >= 0) {
            amount = readAmount(creditCol, false);
            outflow = false;
            if (amount && *amount == 0)
                amount.reset();
        }
        if (!amount)
            bad(amountCol >= 0 ? amountCol : debitCol, u"请填写交易金额"_s);
        else if (*amount > 0)
            f.insert(u"amount"_s, double(*amount));

        // What it was: the statement's word, else the direction.
        const QString kindText = cell(cells, header->columnOf(u"kind"_s));
        // A word the list recognises decides the direction; without one, the sign or the column does.
        std::optional<TxnKind> kind = txnKindFromStatement(kindText);
        if (!kindText.isEmpty() && !kind)
            bad(header->columnOf(u"kind"_s),
                u"无法识别交易类型“%1”（消费、取现、转出、转入、退款、还款）"_s.arg(kindText.left(20)));
        // Without a word: money out is a purchase; money in from a merchant a refund, from anyone else a
        // transfer in.
        if (!kind)
            kind = outflow                                                  ? TxnKind::Purchase
                   : cell(cells, header->columnOf(u"merchant"_s)).isEmpty() ? TxnKind::TransferIn
                                                                            : TxnKind::Refund;
        f.insert(u"kind"_s, txnKindName(*kind));

        const QString channelText = cell(cells, header->columnOf(u"channel"_s));
        if (const auto channel = channelOf(channelText)) {
            if (!channel->isEmpty())
                f.insert(u"channel"_s, *channel);
        } else {
            bad(header->columnOf(u"channel"_s),
                u"无法识别交易渠道“%1”（POS、扫码、ATM、网上、柜面）"_s.arg(channelText.left(20)));
        }
        for (const QString &key : {u"merchant"_s, u"counterparty"_s}) {
            const QString text = cell(cells, header->columnOf(key));
            if (!text.isEmpty())
                f.insert(key, text);
        }
        const int mccCol = header->columnOf(u"mcc"_s);
        const QString mcc = cell(cells, mccCol);
        if (!mcc.isEmpty())
            f.insert(u"mcc"_s, mcc.left(8));

        const int refCol = header->columnOf(u"bankRef"_s);
        QString ref = cell(cells, refCol);
        ref.remove(u' ');
        if (ref.isEmpty())
            bad(refCol, u"请填写交易流水号：同一笔交易靠它只导入一次"_s);
        else if (table.lostDigits(i, refCol) || io::isExcelExponentText(ref))
            bad(refCol, io::lostDigitsProblem(header->text(refCol), ref));
        else
            f.insert(u"bankRef"_s, ref);

        const int cardCol = header->columnOf(u"card"_s);
        const QString cardText = cell(cells, cardCol).remove(u' ').remove(u'*');
        if (!cardText.isEmpty() && (table.lostDigits(i, cardCol) || io::isExcelExponentText(cardText)))
            bad(cardCol, io::lostDigitsProblem(header->text(cardCol), cardText));
        else if (!cardText.isEmpty() && !cardText.endsWith(options.cardLast4))
            bad(cardCol, u"卡号“%1”不是所选村务卡（尾号 %2）的"_s.arg(cardText.right(8), options.cardLast4));

        if (problems.size() == before) {
            for (auto it = f.constBegin(); it != f.constEnd() && problems.size() == before; ++it) {
                if (const auto p = type.checkField(it.key(), it.value()))
                    bad(header->columnOf(it.key() == u"on"_s || it.key() == u"at"_s ? u"date"_s : it.key()),
                        p->message);
            }
        }
        const QString recordId = CardTransactionType::recordIdFor(options.cardId, ref);
        if (problems.size() == before) {
            if (const auto p = type.checkRecord(recordId, f, options.placement, context)) {
                const QString key = p->field == u"on"_s || p->field == u"at"_s ? u"date"_s : p->field;
                bad(p->field.isEmpty() ? -1 : header->columnOf(key), p->message);
            }
        }
        if (problems.size() == before && seen.contains(ref))
            bad(refCol, u"交易流水号“%1”在本对账单中出现了两次"_s.arg(ref));
        if (problems.size() > before) {
            ++result.badRows;
            continue;
        }
        seen.insert(ref);
        if (options.imported.contains(recordId)) {
            ++result.alreadyImported;
            continue;
        }
        txns.append(CardTransactionType::txnOf(recordId, f));
        result.rows.append({recordId, f, line});
    }
    // Purchases matched with the card's approved requests (the stored transactions use theirs up first).
    const QHash<QString, QString> matched = matchRequests(txns, options.requests);
    for (CardStatementRow &row : result.rows) {
        if (const auto it = matched.constFind(row.recordId); it != matched.constEnd()) {
            row.fields.insert(u"requestId"_s, *it);
            ++result.matched;
        }
    }
    result.problems = io::importReport(problems, *header);
    return result;
}

} // namespace sunshine::card
