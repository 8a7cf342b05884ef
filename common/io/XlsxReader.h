#pragma once

#include "common/io/TableFile.h"

#include <QString>
#include <QStringList>

namespace sunshine::io {

// Reads one worksheet of an .xlsx workbook (Office Open XML, as Excel, WPS and LibreOffice write it) as text.
//
// The sheet is streamed, never held as a document. Cells come out as:
//   - text (shared strings, rich-text runs joined, inline strings, formula results) as it stands, with
//     Excel's _xHHHH_ escapes decoded and phonetic (ruby) runs left out;
//   - numbers as Excel shows them in "General": at most 15 significant digits, never an exponent for
//     ordinary magnitudes, whole numbers without ".0" (a 身份证号 that Excel stored as a number comes out
//     with the digits Excel kept, e.g. "320682199001011000": it is not repaired);
//   - numbers in cells formatted as dates as ISO text: "2024-03-01", "2024-03-01 08:30:00", "08:30:00";
//   - booleans as "TRUE"/"FALSE", error values as Excel writes them ("#N/A").
// Cell references ("AB12") put values in their columns when cells are skipped; rows keep their numbers.
// A damaged or non-xlsx file gives a Chinese message, never a crash.

// Reads the worksheet options.sheetName (or the first visible one). Progress counts uncompressed bytes.
TableData readXlsx(const QString &path, const ReadOptions &options = {});

// The worksheet names of a workbook, in tab order. On failure returns an empty list and sets *error.
QStringList xlsxSheetNames(const QString &path, QString *error = nullptr);

// What a number format shows of a date: nothing, the date, the time of day, or both.
enum class DateKind
{
    None,
    Date,
    Time,
    DateTime
};

// The kind of a number format: built-in ids 14–22 and 45–47 (and the zh-CN ones 27–36, 50–58) when
// formatCode is empty, else the format code's first section (y, d or a month m make a date; h or s a time).
DateKind dateKindOfFormat(int numFmtId, const QString &formatCode);

// The text of a number as stored in an .xlsx <v> element, as Excel's "General" shows it.
QString excelNumberText(const QString &stored);

// An Excel serial date (days since 1899-12-30, or since 1904-01-01 in the 1904 system) as ISO text;
// out-of-range values give excelNumberText() of the serial.
QString excelSerialText(double serial, DateKind kind, bool date1904 = false);

} // namespace sunshine::io
