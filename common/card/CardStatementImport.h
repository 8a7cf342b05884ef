#pragma once

#include "common/card/CardRules.h"
#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"
#include "common/sync/RecordType.h"

#include <QSet>

// Reading a village card's bank statement (对账单 / 交易明细, CSV or .xlsx as the bank exports it, UTF-8 or
// GBK): one row per transaction of one card. The header row is found by its column names (rows above it,
// the bank's title and account lines, are ignored):
//
//   交易日期   记账日期, 日期, 交易日期时间 — a date, or a date and time (2026-11-03 14:22:05)
//   交易时间   时间 — optional: the time (14:22:05), or a date and time when there is no 交易日期 column
//   交易金额   金额, 发生额 — yuan; negative for money leaving the card, when there are no separate columns
//   支出金额   支出, 借方发生额 and 收入金额 收入, 贷方发生额 — instead of 交易金额
//   交易类型   交易种类, 业务类型, 摘要 — 消费, 取现, 转出, 转入, 退款, 还款 and the banks' own words
//              (支取现金, ATM取款, 消费退货, 快捷支付 …); empty: money out a purchase, money in a refund when
//              a merchant is named, else a transfer in
//   商户名称   商户, 交易商户, 交易地点
//   商户类别码 MCC, 商户类别
//   交易渠道   渠道 — POS, 扫码 (微信/支付宝), ATM, 网银, 柜面
//   对方户名   对方账户名, 付款人, 收款人
//   交易流水号 流水号, 交易参考号, 参考号, 银行流水号 — required: the bank's reference
//   卡号       卡号后四位, 卡号末四位 — optional: must end with the chosen card's last four digits
//
// Every row is checked with the transaction type's own checks. A line whose bank reference was imported
// before (CardStatementOptions::imported) is skipped and counted, never doubled; the same reference twice in
// the file is reported on the second row. Purchases are matched with the card's approved spend requests
// (matchRequests). Empty rows and total rows are skipped.
namespace sunshine::card {

struct CardStatementOptions
{
    QString cardId;
    QString cardLast4;
    sync::Placement placement; // the card's village
    QDate today;
    // Ids of the card's transactions stored already (CardTransactionType::recordIdFor).
    QSet<QString> imported;
    // For matching: the card's approved requests and its transactions stored already.
    QList<ApprovedRequest> requests;
    QList<CardTxn> stored;
    io::ProgressCallback progress;
};

struct CardStatementRow
{
    QString recordId;
    QJsonObject fields;
    int line = 0;
};

struct CardStatementResult
{
    QList<CardStatementRow> rows; // the good new rows
    QList<io::ImportProblem> problems;
    int rowsRead = 0;
    int badRows = 0;
    int alreadyImported = 0; // rows skipped: their bank reference is stored already
    int matched = 0;         // purchases given the spend request that allowed them
    QString error;
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

CardStatementResult checkCardStatement(const io::TableData &table, const CardStatementOptions &options);
bool hasCardStatementHeader(const io::TableData &table);
// The canonical headers of the required or of the optional columns.
QStringList cardStatementHeaders(bool required);

} // namespace sunshine::card
