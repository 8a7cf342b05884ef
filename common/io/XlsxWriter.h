#pragma once

#include "common/io/TableFile.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>

namespace sunshine::io {

// Writes an .xlsx workbook row by row, streaming each sheet into the archive, so 100,000 rows take little
// memory. Excel, WPS and LibreOffice open the result.
//
//     XlsxWriter writer(path);
//     writer.beginSheet(u"发放名单"_s, {u"姓名"_s, u"身份证号"_s, u"金额"_s});
//     writer.writeRow({u"张三"_s, u"320682199001011234"_s, u"1200.50"_s});
//     if (!writer.finish()) showError(writer.errorString());
//
// The file appears only when finish() succeeds (it is written to a temporary file first); destroying the
// writer before, or discard(), leaves any earlier file of that name as it was.
//
// Cell types. writeRow(QStringList) writes a text that isNumberText() accepts as a number cell and every
// other text as a text cell, so 身份证号, bank account numbers, codes with leading zeros and
// formatted amounts ("1,234.50") stay exactly as given; text cells made only of digits get Excel's text
// format "@" so that editing them in Excel keeps them text. writeValues(QVariantList) goes by the value's
// type: integers and floating point numbers are numbers (integers of more than 15 digits are written as
// text, which keeps every digit), bool is a boolean, QDate and QDateTime are dates formatted
// yyyy-mm-dd [hh:mm:ss], a QString is always text and a null QVariant an empty cell.
//
// Text is written as inline strings; characters XML cannot hold are written as Excel's _xHHHH_ escapes.
// Text longer than Excel's 32,767 characters per cell is cut there.
class XlsxWriter
{
public:
    explicit XlsxWriter(const QString &path);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter &) = delete;
    XlsxWriter &operator=(const XlsxWriter &) = delete;

    // Starts a new worksheet (ending the previous one). name is made valid for Excel (at most 31 characters,
    // none of : \ / ? * [ ], unique; "Sheet1" etc. when empty). A non-empty header becomes a bold first row
    // that stays in view when scrolling; columnWidths (in characters, optional) set the column widths,
    // otherwise the header's width decides.
    bool beginSheet(const QString &name, const QStringList &header = {}, const QList<int> &columnWidths = {});

    bool writeRow(const QStringList &cells);
    bool writeValues(const QVariantList &cells);

    // Writes the workbook parts and moves the file into place. Without any sheet, writes one empty sheet.
    bool finish();
    // Abandons the file.
    void discard();

    // Chinese message after a call returned false.
    QString errorString() const;
    // Rows written to the current sheet, the header included.
    int rowCount() const;
    // The sheet names as written into the workbook.
    QStringList sheetNames() const;

    // Whether writeRow() writes text as a number: plain decimal notation ("-12", "3.5", "0.25") with no
    // leading zero, at most 11 digits before the point (Excel shows more as 1.23457E+11) and at most 15
    // significant digits in all (Excel keeps no more).
    static bool isNumberText(const QString &text);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// One sheet for writeXlsx().
struct XlsxSheet
{
    QString name;
    QStringList header;
    QList<QStringList> rows;
};

// Writes a whole workbook, each column as wide as its header and first rows need; progress counts rows and
// can cancel (nothing is then written). On failure returns false and sets *error (Chinese).
bool writeXlsx(const QString &path, const QList<XlsxSheet> &sheets, QString *error = nullptr,
               const ProgressCallback &progress = {});

} // namespace sunshine::io
