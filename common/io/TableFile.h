#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace sunshine::io {

// Called now and then during a long read or write with the work done so far and the total, in one unit
// (characters, bytes or rows; only the ratio matters). Returning false cancels the operation.
using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

// A table read from a CSV or XLSX file: the same shape whatever the format.
//
// Rows hold the cells left to right as text; rows may differ in length (an XLSX row ends at its last cell
// with a value). Empty rows in the middle are kept (as empty lists) so that every row keeps its own line
// number; empty rows at the end of the table are dropped.
struct TableData
{
    QList<QStringList> rows;
    // For each row, the 1-based number clerks see: the CSV line the row starts on (a quoted field may span
    // lines), or the XLSX row number. For messages like "第 N 行".
    QList<int> lineNumbers;
    // CSV: the text encoding found ("UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE" or "GB18030"). XLSX: empty.
    QString encoding;
    // XLSX: the name of the worksheet read. CSV: empty.
    QString sheetName;
    // Why the file could not be read, in Chinese for the clerk; empty on success. On error rows are empty.
    QString error;
    // The progress callback returned false (error then says the reading was cancelled).
    bool cancelled = false;
    // XLSX: per row index, the columns whose cell was stored as a number (not a date), and those of them
    // whose number has more than 15 significant digits. Excel keeps 15, so the digits after them are lost: an
    // 18-digit ID number or a 19-digit account typed into a General cell. Empty for CSV.
    QHash<int, QList<int>> numberCells;
    QHash<int, QList<int>> lostDigitCells;
    // XLSX: per row index, the columns whose cell is a formula with no stored result (a file written by a
    // program that leaves the calculation to Excel): empty text, but not left empty by the clerk.
    QHash<int, QList<int>> formulaWithoutValueCells;

    bool ok() const { return error.isEmpty(); }
    bool isNumber(int row, int column) const { return numberCells.value(row).contains(column); }
    bool lostDigits(int row, int column) const { return lostDigitCells.value(row).contains(column); }
    bool formulaWithoutValue(int row, int column) const
    {
        return formulaWithoutValueCells.value(row).contains(column);
    }
};

struct ReadOptions
{
    // XLSX: the worksheet to read; empty reads the first visible one, or, with `acceptSheet`, the first
    // visible one it accepts (e.g. the one with the import's header, after a 填表说明 sheet); when it accepts
    // none, the first visible one.
    QString sheetName;
    std::function<bool(const TableData &table)> acceptSheet;
    ProgressCallback progress;
};

enum class TableFormat
{
    Unknown,
    Csv,  // .csv, .txt, .tsv
    Xlsx, // .xlsx, .xlsm
    Xls,  // the old binary Excel format, which is not read
    Ods   // OpenDocument (LibreOffice, WPS), which is not read either
};

// The format a file name's extension announces.
TableFormat formatForPath(const QString &path);

// Reads a whole table file, choosing the reader by extension (.csv/.txt/.tsv → CSV, .xlsx → XLSX). A file
// whose content is a ZIP archive is read as XLSX whatever its extension; an .xls file, or an old binary or
// encrypted workbook, gives a message asking to save it again as .xlsx or CSV.
TableData readTable(const QString &path, const ReadOptions &options = {});
TableData readTable(const QString &path, const ProgressCallback &progress);

// The Chinese message for a cancelled read.
QString cancelledMessage();

} // namespace sunshine::io
