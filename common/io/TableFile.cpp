#include "common/io/TableFile.h"

#include "common/io/CsvReader.h"
#include "common/io/XlsxReader.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::io {

namespace {

TableData failure(const QString &message)
{
    TableData out;
    out.error = message;
    return out;
}

QString saveAgainMessage(const QString &fileName)
{
    return u"“%1”是旧版 Excel（.xls）文件或设置了打开密码的工作簿，无法直接读取。请在 Excel 或 WPS 中另存为 "
           u".xlsx "
           u"或 CSV（不设密码）后再导入"_s.arg(fileName);
}

} // namespace

QString cancelledMessage()
{
    return u"已取消"_s;
}

TableFormat formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv" || suffix == u"txt" || suffix == u"tsv")
        return TableFormat::Csv;
    if (suffix == u"xlsx" || suffix == u"xlsm")
        return TableFormat::Xlsx;
    if (suffix == u"xls")
        return TableFormat::Xls;
    if (suffix == u"ods")
        return TableFormat::Ods;
    return TableFormat::Unknown;
}

TableData readTable(const QString &path, const ReadOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(u"找不到文件“%1”"_s.arg(info.fileName()));
    if (info.isDir())
        return failure(u"“%1”是文件夹，请选择一个 .xlsx 或 CSV 文件"_s.arg(info.fileName()));
    TableFormat format = formatForPath(path);
    if (format == TableFormat::Unknown) {
        return failure(u"不支持的文件类型“%1”，请选择 .xlsx 或 CSV 文件"_s.arg(
            info.suffix().isEmpty() ? info.fileName() : u"."_s + info.suffix()));
    }

    // The content decides where it is unambiguous: a ZIP archive is a workbook, an OLE compound file is an
    // old .xls (or an encrypted workbook, which Excel also stores that way).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(u"无法打开文件“%1”：没有读取权限，或文件正被其他程序占用"_s.arg(info.fileName()));
    const QByteArray head = file.read(96);
    file.close();
    // An OpenDocument spreadsheet is a ZIP too, its first entry the uncompressed "mimetype".
    if (format == TableFormat::Ods || head.contains("opendocument.spreadsheet"))
        return failure(
            u"“%1”是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存），无法直接读取。请在 LibreOffice 或 "
            u"WPS 中另存为 .xlsx 或 CSV 后再导入"_s.arg(info.fileName()));
    if (head.startsWith("PK\x03\x04"))
        format = TableFormat::Xlsx;
    else if (head.startsWith(QByteArray::fromHex("d0cf11e0a1b11ae1")))
        return failure(saveAgainMessage(info.fileName()));

    switch (format) {
    case TableFormat::Csv:
        return readCsv(path, options.progress);
    case TableFormat::Xlsx:
        return readXlsx(path, options);
    case TableFormat::Xls:
        return failure(
            u"不能直接读取旧版 Excel（.xls）文件“%1”，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入"_s.arg(
                info.fileName()));
    case TableFormat::Ods:
    case TableFormat::Unknown:
        break;
    }
    return failure(u"不支持的文件类型"_s);
}

TableData readTable(const QString &path, const ProgressCallback &progress)
{
    ReadOptions options;
    options.progress = progress;
    return readTable(path, options);
}

} // namespace sunshine::io
