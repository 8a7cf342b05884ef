#pragma once

#include "common/io/TableFile.h"
#include "common/org/OrgUnit.h"
#include "common/sync/RecordType.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// What every bulk import of a table file (花名册, 发放名单 ...) shares: finding the header row by the names
// of its columns and their aliases, the list of problems per line and column, and finding the org unit a row
// names. The imports themselves (relief/RosterImport, funds/DisbursementImport) hold their own columns and
// rules.
namespace sunshine::io {

// A column an import reads: its key, whether a file must have it, and the header names accepted for it (the
// canonical one first).
struct ImportColumn
{
    QString key;
    bool required = false;
    QStringList names;
};

// A header as compared: no spaces, no asterisks (required marks), nothing in parentheses, so 村（社区）,
// 村(居), *身份证号, 身份证号（18位） and 金额（元） match 村, 村, 身份证号, 身份证号 and 金额.
QString headerKey(const QString &text);

// The header row a table was found to have.
struct ImportHeader
{
    int row = -1;               // index into TableData::rows
    int line = 0;               // its line number in the file
    QHash<QString, int> index;  // column key → column in the file (the first column naming it)
    QStringList texts;          // the file's header cells as they stand
    QStringList missingColumns; // the canonical names of required columns not found, in column order

    int columnOf(const QString &key) const { return index.value(key, -1); }
    QString keyOf(int column) const { return index.key(column); }
    // The header of a column, trimmed (empty for -1).
    // (A label written on two lines in its cell is given on one.)
    QString text(int column) const
    {
        return QString(texts.value(column)).remove(u'\r').remove(u'\n').trimmed();
    }
};

// The first of the table's first `scanRows` rows that names at least `minimum` known columns; nothing when
// none does. Unknown columns (序号, 备注 ...) are ignored.
std::optional<ImportHeader> findImportHeader(const TableData &table, const QList<ImportColumn> &columns,
                                             int minimum = 3, int scanRows = 20);

// One problem with a row, as the clerk is told.
struct ImportProblem
{
    int line = 0;          // the row's number in the file (TableData::lineNumbers): CSV line or Excel row
    QString column;        // the column's header as the file names it; empty when about the row as a whole
    QString reason;        // Chinese
    bool heldBack = false; // the row itself is good, but is not imported because of another row
};

// A problem as an import collects it: the column as its index in the file (-1: the row as a whole).
struct RowProblem
{
    int line = 0;
    int column = -1;
    QString reason;
    bool heldBack = false;
};

// The problems in report order (by line, then column; the row as a whole after its columns), each column
// named by its header.
QList<ImportProblem> importReport(QList<RowProblem> problems, const ImportHeader &header);

// Finds the org unit a cell names: its 12-digit code or its name (unique among the units given).
class PlaceLookup
{
public:
    explicit PlaceLookup(const QList<OrgUnit> &units);

    // The unit named by `text` (trimmed), or nothing with the reason (Chinese) in *problem.
    const OrgUnit *find(const QString &text, QString *problem) const;
    const OrgUnit *byId(const QString &id) const;
    bool isEmpty() const { return m_units.isEmpty(); }

private:
    QList<OrgUnit> m_units;
    QHash<QString, qsizetype> m_byCode;
    QHash<QString, QList<qsizetype>> m_byName;
};

// Cell values that several imports read alike. `header` is the column's header as the file names it.
//
// The synonyms importChoice() accepts, synonym → the label it stands for (本人 → 户主, 之子 → 子女,
// 缺劳动力 → 缺劳力 …).
const QHash<QString, QString> &choiceSynonyms();
// A choice by its Chinese label, its wire value or a synonym of its label: the wire value, or nothing with
// the reason in *problem.
std::optional<QString> importChoice(const sync::FieldSpec &spec, const QString &text, const QString &header,
                                    QString *problem);
// A 身份证号: the normalised number when it is valid (full-width digits folded, x upper-cased, spaces
// removed), else the text without spaces, for the record type's own check to word the problem. Nothing, with
// the reason in *problem, when Excel stored it as a number and dropped digits ("3.20612E+17").
// A row that holds no record: empty, or a total or signature row a clerk's sheet has below its data (合计,
// 小计, 共 25 户 80 人, 制表人：…, 审核人：…, 日期：…, 说明：…), recognised by its first non-empty cell.
// Skipped, not reported as a bad row.
bool isNoRecordRow(const QStringList &cells);

// A cell Excel stored as a number with more than 15 significant digits (TableData::lostDigits): an ID number,
// account or other identifier whose last digits Excel has already replaced by zeros. Always refused: about
// one wrong ID number in eleven still passes the check digit. The message (Chinese) says how to fix the file.
QString lostDigitsProblem(const QString &header, const QString &shown);
// A required cell that is a formula with no stored result (TableData::formulaWithoutValue): what to do.
QString formulaWithoutValueProblem(const QString &header);
// A 所属期 Excel stored as a number ("2026.10" typed into a General cell becomes 2026.1): the period it can
// only be, or nothing with the reason when it may be two months (2026.1: January or October).
std::optional<QString> numericPeriod(const QString &shown, const QString &header, QString *problem);

std::optional<QString> importIdNumber(const QString &text, QString *problem);
// A year a list may name (2000–2100): a date outside is a typing error.
bool plausibleYear(int year);
// A date as clerks and exports write it, as an ISO date: 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日,
// 20260315, an Excel serial number (46096), or any of them with a time after it; nothing when the text is
// none of them.
std::optional<QString> parseDateText(const QString &text);
// A date and time as bank statements write it (China time, no zone): any date parseDateText() reads followed
// by HH:mm or HH:mm:ss ("2026-11-03 14:22:05", "2026/11/3 9:05"), 20261103142205, or an Excel date-time
// serial (46329.5989); a date alone is midnight. Nothing when the text is none of them.
std::optional<QDateTime> parseDateTimeText(const QString &text);
// Whether a cell shows a long number Excel stored as a number in exponent form, its last digits lost.
bool isExcelExponentText(const QString &text);

} // namespace sunshine::io
