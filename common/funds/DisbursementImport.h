#pragma once

#include "common/auth/Scope.h"
#include "common/core/WorkingCalendar.h"
#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"
#include "common/org/OrgUnit.h"
#include "common/sync/RecordType.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Reading a disbursement list (发放名单 / 发放清册) as departments keep it in Excel or export it from a bank
// or a subsidy system: one row per payment.
//
// The header row is the first of the table's first 20 rows that names at least three known columns; rows
// above it (a title) and unknown columns (序号, 备注 ...) are ignored. Headers are compared as io::headerKey
// does (no spaces, no asterisks, nothing in parentheses). The columns and the names accepted for them:
//
//   资金项目       项目名称, 资金项目名称, 资金名称, 补贴项目, 资金项目代码 — the line's Chinese name (as the
//   catalog
//                 words it; full-width or ASCII parentheses and quotes alike) or its code
//   发放对象类别    对象类别, 发放对象类型, 收款人类别 — optional: 个人, 农户, 单位, 村, 项目; empty: the
//   fund line's 姓名           收款人, 收款人姓名, 单位名称, 收款单位, 发放对象, 户主姓名, 名称 身份证号
//   身份证号码, 身份证, 公民身份号码, 证件号码 — optional column (a payment to a person needs it) 金额（元）
//   金额, 发放金额, 补贴金额, 实发金额, 拨付金额 — yuan: "1200", "1,200.50", "￥1200", "1200元";
//                 a header in 万元 is refused
//   所属期         所属期间, 发放期间, 所属月份, 所属季度, 所属年月 — a month (2026-03, 2026-3, 2026/03,
//   2026.03,
//                 202603, 2026年3月, or a date in it, as Excel turns 2026-03 into 2026-03-01) or a quarter
//                 (2026Q1, 2026-Q1, 2026年第一季度, 2026年一季度, 2026年1季度, 2026年第1季度)
//   发放日期       拨付日期, 支付日期, 发放时间, 到账日期 — 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日,
//   20260315,
//                 an Excel serial number (46096), or a date and time
//   村（社区）      村, 社区, 村名, 所在村, 行政村, 村居, 村代码, 地区, 所属地区, 区划代码 — optional: the
//   village (or
//                 other unit of the clerk's area) the payment is placed in, by name or 12-digit code; empty:
//                 the clerk's own unit
//   收款账号       一折通账号, 一折通账户, 银行账号, 银行卡号, 账号, 卡号 — optional
//
// A file without one of the required columns (资金项目, 姓名, 金额, 所属期, 发放日期) imports nothing and
// says which are missing. Every row is checked with the disbursement record type's own checks (checkField,
// and checkRecord with the caller's day, calendar and placement: the line led by the clerk's department,
// amount above 0, the period's shape against the line's payment cycle, no payment after today, none crossing
// the year, an ID number for a person) and the relief quarter close (rule 4), plus the list's own rule: the
// same recipient paid twice for the same fund line and period in the file (the later rows are bad), or paid
// already (DisbursementImportOptions::enteredAlready). Empty rows are skipped. Each bad row is reported with
// its reasons (one entry per problem); the good rows can be imported on their own.
namespace sunshine::funds {

// One good row: the disbursement's fields in wire values (derived fields left to the server) and where it
// goes.
struct DisbursementRow
{
    int line = 0;
    QJsonObject fields;
    sync::Placement placement; // org unit, path, level, the clerk's department
};

struct DisbursementImportOptions
{
    QDate today;                               // the checks' day, and the day of entry (rule 6)
    qint64 nowMs = 0;                          // the relief quarter close; 0: today's start
    const WorkingCalendar *calendar = nullptr; // nullptr: the built-in calendar
    // The clerk: their own org unit (rows without a place go there), its path, their department and roles.
    // The department's code decides which fund lines the clerk may enter (rule 14).
    Scope actor;
    QString departmentCode;
    QString departmentOrgUnitId;
    // The org units rows may name (the clerk's area: own unit and below). The clerk's own unit must be
    // among them.
    QList<OrgUnit> places;
    // Payments entered already (e.g. in the local cache), by disbursementKey(): a row paying one of them
    // again is bad.
    QSet<QString> enteredAlready;
    // Rows checked so far out of all rows; returning false stops (the result is then cancelled).
    io::ProgressCallback progress;
};

struct DisbursementImportResult
{
    QList<DisbursementRow> rows;       // the good rows, in file order
    QList<io::ImportProblem> problems; // by line, then column order
    int headerLine = 0;
    int rowsRead = 0; // non-empty rows below the header
    int badRows = 0;
    qint64 validAmountFen = 0; // the sum of the good rows
    QString error;             // why nothing could be checked (no header, a column missing), Chinese
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Checks a disbursement list read by io::readTable. Pure: the caller saves DisbursementImportResult::rows.
// Whether a table (one worksheet) has a disbursement list's header (io::ReadOptions::acceptSheet).
bool hasDisbursementHeader(const io::TableData &table);
DisbursementImportResult checkDisbursements(const io::TableData &table,
                                            const DisbursementImportOptions &options);

// The header names accepted for a column (the canonical first), by field key: "fundCode", "recipientKind",
// "recipientName", "idNumber", "amountFen", "period", "paidOn", "place", "account".
QStringList disbursementHeaderNames(const QString &key);
// The canonical headers of the required columns, or of the optional ones, in template order.
QStringList disbursementHeaders(bool required);

// What the list's rule compares: one payment per recipient (ID number, else name), fund line and period.
QString disbursementKey(const QString &fundCode, const QString &period, const QString &idNumber,
                        const QString &recipientName);

// The cell texts the list accepts, in wire values: "2026-03" or "2026Q1"; nothing when the text is not one of
// the accepted forms. (Dates: io::parseDateText.)
std::optional<QString> parsePeriodText(const QString &text);

} // namespace sunshine::funds
