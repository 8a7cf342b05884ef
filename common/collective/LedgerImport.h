#pragma once

#include "common/collective/CollectiveRules.h"
#include "common/collective/LedgerTypes.h"
#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"
#include "common/sync/RecordType.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <optional>

// Reading an existing journal (日记账, CSV or .xlsx as a clerk keeps it, UTF-8 or GBK) into one chosen
// ledger-book: one row per entry. The header row is found by its column names (a title above it is ignored):
//
//   日期       记账日期, 业务日期, 凭证日期 — 2026-03-15, 2026/3/15, 2026年3月15日, an Excel date
//   凭证号     凭证编号, 凭证字号, 记账凭证号 — text; a number Excel stored (12, 12.0) is read as "12"
//   摘要       业务摘要
//   收入（借方）金额  借方金额, 收入金额, 借方, 收入 and 支出（贷方）金额 贷方金额, 支出金额, 贷方, 支出 —
//   yuan,
//              one of the two on each row; or instead
//   金额       发生额 — yuan, with 方向 (收支方向, 借贷方向: 收入/借/debit, 支出/贷/credit), or signed
//   without it
//              (negative: spending)
//   收支类别   类别, 收支项目, 对方科目, 科目 — the labels of entryClassPairs() or a common synonym
//              (ledgerClassSynonyms())
//   对方单位   对方单位或个人, 对方户名, 往来单位 — optional
//
// Every row is checked with the entry type's own checks (without the server's look-ups). Rows are put in date
// order (stable: a day's rows keep the file's order), since the server takes a journal's entries in date
// order. A row equal in date, 凭证号, amount and direction to an entry of the book stored already is skipped
// and counted, never doubled; the same row twice in the file is reported on the second. A row dated before
// the book's last entry, on or before the day it is closed through, or before its opening is refused with the
// reason; so is spending that would take a cash journal below zero. Empty rows, total rows and the journal's
// own carry rows (期初余额, 上年结转, 承前页, 过次页, 本月合计, 本年累计 …) are skipped.
namespace sunshine::collective {

// The chosen journal as the local cache knows it (its entries made on this computer and not sent yet
// included).
struct LedgerBookState
{
    QString bookId;
    QString kind; // "cash" or "bank"
    QDate openingOn;
    QDate lastOn;        // the day of its last entry
    QDate closedThrough; // the last day closed
    // Its balance after the last entry; nothing when unknown (the cash check is then left to the server).
    std::optional<Fen> balance;
};

struct LedgerImportOptions
{
    LedgerBookState book;
    sync::Placement placement; // the journal's village
    QDate today;
    // ledgerEntryKey() of the book's entries stored already.
    QSet<QString> imported;
    io::ProgressCallback progress;
};

struct LedgerImportRow
{
    QString recordId;
    QJsonObject fields;
    int line = 0;
};

struct LedgerImportResult
{
    QList<LedgerImportRow> rows; // the good new rows, in date order
    QList<io::ImportProblem> problems;
    int rowsRead = 0;
    int badRows = 0;
    int alreadyImported = 0; // rows skipped: the entry is stored already
    int reordered = 0;       // good rows the file had out of date order
    QString error;
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

LedgerImportResult checkLedgerImport(const io::TableData &table, const LedgerImportOptions &options);
bool hasLedgerHeader(const io::TableData &table);
// The canonical headers of the required or of the optional columns.
QStringList ledgerImportHeaders(bool required);
// What makes an entry the same entry: its day, 凭证号, amount and direction.
QString ledgerEntryKey(const QJsonObject &fields);
// The id an imported entry gets (the same file imported on two computers gives the same records).
QString ledgerEntryRecordId(const QString &bookId, const QJsonObject &fields);
// The other words journals use for the classes, word → the class's label (经营性收入 → 经营收入, 存取现金 →
// 内部转款（存取现金） …).
const QHash<QString, QString> &ledgerClassSynonyms();

} // namespace sunshine::collective
