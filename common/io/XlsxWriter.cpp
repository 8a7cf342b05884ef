#include "common/io/XlsxWriter.h"

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>
#include <QXmlStreamWriter>
#include <cmath>
#include <functional>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::io {

namespace {

constexpr int kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;
constexpr qsizetype kMaxCellText = 32767;
// The sheet XML is handed to the compressor in pieces of about this size.
constexpr qsizetype kFlushBytes = 256 * 1024;
// Fast deflate: a sheet is mostly repetitive markup, level 1 compresses it nearly as well as level 6.
constexpr int kCompressionLevel = 1;
constexpr int kProgressRows = 1024;
// writeXlsx() sizes the columns to fit the header and this many rows.
constexpr qsizetype kWidthSampleRows = 200;
// Integers with more digits lose digits as Excel numbers.
constexpr qint64 kMaxExactInteger = 999'999'999'999'999LL;

const QString kMainNs = u"http://schemas.openxmlformats.org/spreadsheetml/2006/main"_s;
const QString kRelNs = u"http://schemas.openxmlformats.org/officeDocument/2006/relationships"_s;
const QString kPackageRelNs = u"http://schemas.openxmlformats.org/package/2006/relationships"_s;

// Indexes into cellXfs of styles.xml below.
enum Style
{
    StyleDefault = 0,
    StyleHeader = 1,
    StyleText = 2,
    StyleDate = 3,
    StyleDateTime = 4
};

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool allDigits(const QString &text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return !text.isEmpty();
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

// Text as Excel stores it: characters XML 1.0 cannot hold become _xHHHH_, an underscore that would be read
// as the start of such an escape becomes _x005F_, a lone surrogate becomes U+FFFD; cut at Excel's limit.
QString encodeCellText(const QString &text)
{
    const qsizetype n = qMin(text.size(), kMaxCellText);
    bool plain = n == text.size();
    for (qsizetype i = 0; plain && i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if ((c < 0x20 && c != u'\t' && c != u'\n') || c == u'_' || (c >= 0xD800 && c <= 0xDFFF) ||
            c >= 0xFFFE)
            plain = false;
    }
    if (plain)
        return text;
    QString out;
    out.reserve(n + 16);
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || u >= 0xFFFE) {
            out += u"_x"_s + QString::number(uint(u), 16).toUpper().rightJustified(4, u'0') + u'_';
        } else if (u == u'_' && i + 6 < text.size() && text.at(i + 1) == u'x' && isHexDigit(text.at(i + 2)) &&
                   isHexDigit(text.at(i + 3)) && isHexDigit(text.at(i + 4)) && isHexDigit(text.at(i + 5)) &&
                   text.at(i + 6) == u'_') {
            out += u"_x005F_"_s;
        } else if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate()) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
    return out;
}

// Column width for a text: CJK characters count twice, plus a margin for the bold font of a header.
int widthFor(const QString &text)
{
    int width = 0;
    for (const QChar c : text)
        width += c.unicode() >= 0x1100 ? 2 : 1;
    return qBound(8, width + 3, 60);
}

QString validSheetName(const QString &wanted, qsizetype index, const QStringList &taken)
{
    QString name;
    for (const QChar c : wanted) {
        const bool forbidden = c == u':' || c == u'\\' || c == u'/' || c == u'?' || c == u'*' || c == u'[' ||
                               c == u']' || c.unicode() < 0x20;
        name += forbidden ? QChar(u'_') : c;
    }
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    name = name.trimmed().left(31);
    if (name.isEmpty())
        name = u"Sheet%1"_s.arg(index + 1);
    if (name.compare(u"History"_s, Qt::CaseInsensitive) == 0) // reserved by Excel
        name += u'_';
    const auto isTaken = [&taken](const QString &candidate) {
        for (const QString &t : taken) {
            if (t.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QString candidate = name;
    for (int n = 2; isTaken(candidate); ++n) {
        const QString suffix = u" (%1)"_s.arg(n);
        candidate = name.left(31 - suffix.size()) + suffix;
    }
    return candidate;
}

// Excel's serial day number of a date (1900 system).
qint64 excelDay(const QDate &date)
{
    const qint64 days = QDate(1899, 12, 30).daysTo(date);
    return days < 61 ? days - 1 : days; // before 1900-03-01 Excel counts a 1900-02-29
}

QByteArray xmlPart(const std::function<void(QXmlStreamWriter &)> &body)
{
    QByteArray data;
    QXmlStreamWriter xml(&data);
    xml.writeStartDocument(u"1.0"_s, true);
    body(xml);
    xml.writeEndDocument();
    return data;
}

} // namespace

struct XlsxWriter::Private
{
    QString path;
    QSaveFile file;
    QuaZip zip;
    QuaZipFile entry{&zip};
    QBuffer buffer;
    QXmlStreamWriter xml;
    QStringList sheetNames;
    QStringList columnNames;
    QString error;
    int row = 0;
    bool started = false;
    bool sheetOpen = false;
    bool finished = false;
    bool failed = false;

    bool fail(const QString &message)
    {
        if (!failed)
            error = message;
        failed = true;
        return false;
    }

    bool writeFailed()
    {
        return fail(u"写入文件“%1”时出错，可能是磁盘已满或没有写入权限"_s.arg(QFileInfo(path).fileName()));
    }

    bool start()
    {
        if (started)
            return !failed;
        started = true;
        file.setFileName(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return fail(
                u"无法创建文件“%1”：文件夹不存在、没有写入权限，或文件正被其他程序（如 Excel）打开"_s.arg(
                    QFileInfo(path).fileName()));
        }
        zip.setIoDevice(&file);
        zip.setAutoClose(false); // the QSaveFile is committed by finish() or dropped by discard()
        if (!zip.open(QuaZip::mdCreate))
            return writeFailed();
        buffer.open(QIODevice::WriteOnly);
        return true;
    }

    bool writePart(const QString &name, const QByteArray &data)
    {
        if (!entry.open(QIODevice::WriteOnly, QuaZipNewInfo(name), nullptr, 0, Z_DEFLATED, kCompressionLevel))
            return writeFailed();
        const bool written = entry.write(data) == data.size();
        entry.close();
        if (!written || entry.getZipError() != ZIP_OK)
            return writeFailed();
        return true;
    }

    bool flush()
    {
        if (buffer.data().isEmpty())
            return true;
        const bool written = entry.write(buffer.data()) == buffer.data().size();
        buffer.buffer().truncate(0);
        buffer.seek(0);
        return written || writeFailed();
    }

    const QString &columnName(int column)
    {
        while (columnNames.size() <= column) {
            int n = int(columnNames.size()) + 1;
            QString name;
            while (n > 0) {
                const int rest = (n - 1) % 26;
                name.prepend(QChar(char16_t(u'A' + rest)));
                n = (n - 1) / 26;
            }
            columnNames.append(name);
        }
        return columnNames.at(column);
    }

    void startCell(int column, int style, const QString &type)
    {
        xml.writeStartElement(u"c"_s);
        xml.writeAttribute(u"r"_s, columnName(column) + QString::number(row));
        if (style != StyleDefault)
            xml.writeAttribute(u"s"_s, QString::number(style));
        if (!type.isEmpty())
            xml.writeAttribute(u"t"_s, type);
    }

    void textCell(int column, const QString &text, int style)
    {
        startCell(column, style, u"inlineStr"_s);
        xml.writeStartElement(u"is"_s);
        xml.writeStartElement(u"t"_s);
        if (text.front().isSpace() || text.back().isSpace() || text.contains(u'\n'))
            xml.writeAttribute(u"xml:space"_s, u"preserve"_s);
        xml.writeCharacters(encodeCellText(text));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    void valueCell(int column, const QString &value, int style, const QString &type = QString())
    {
        startCell(column, style, type);
        xml.writeTextElement(u"v"_s, value);
        xml.writeEndElement();
    }

    bool startRow(qsizetype cells)
    {
        if (failed)
            return false;
        if (row >= kMaxRows) {
            return fail(
                u"一个工作表最多 %1 行，数据超出了 Excel 的上限，请分成几个文件或工作表导出"_s.arg(kMaxRows));
        }
        if (cells > kMaxColumns)
            return fail(u"一个工作表最多 %1 列，数据超出了 Excel 的上限"_s.arg(kMaxColumns));
        ++row;
        xml.writeStartElement(u"row"_s);
        xml.writeAttribute(u"r"_s, QString::number(row));
        return true;
    }

    bool endRow()
    {
        xml.writeEndElement();
        if (xml.hasError())
            return writeFailed();
        if (buffer.data().size() >= kFlushBytes)
            return flush();
        return true;
    }

    bool endSheet()
    {
        if (!sheetOpen)
            return true;
        sheetOpen = false;
        xml.writeEndElement(); // sheetData
        xml.writeEndElement(); // worksheet
        xml.writeEndDocument();
        if (!flush())
            return false;
        entry.close();
        if (xml.hasError() || entry.getZipError() != ZIP_OK)
            return writeFailed();
        return true;
    }
};

XlsxWriter::XlsxWriter(const QString &path)
    : d(std::make_unique<Private>())
{
    d->path = path;
}

XlsxWriter::~XlsxWriter()
{
    if (!d->finished)
        discard();
}

bool XlsxWriter::beginSheet(const QString &name, const QStringList &header, const QList<int> &columnWidths)
{
    if (d->finished)
        return d->fail(u"文件已经写完，不能再添加工作表"_s);
    if (!d->start() || !d->endSheet())
        return false;
    const qsizetype index = d->sheetNames.size();
    d->sheetNames.append(validSheetName(name, index, d->sheetNames));
    if (!d->entry.open(QIODevice::WriteOnly, QuaZipNewInfo(u"xl/worksheets/sheet%1.xml"_s.arg(index + 1)),
                       nullptr, 0, Z_DEFLATED, kCompressionLevel))
        return d->writeFailed();
    d->sheetOpen = true;
    d->row = 0;

    QXmlStreamWriter &xml = d->xml;
    xml.setDevice(&d->buffer);
    xml.writeStartDocument(u"1.0"_s, true);
    xml.writeStartElement(u"worksheet"_s);
    xml.writeDefaultNamespace(kMainNs);
    xml.writeNamespace(kRelNs, u"r"_s);

    xml.writeStartElement(u"sheetViews"_s);
    xml.writeStartElement(u"sheetView"_s);
    if (index == 0)
        xml.writeAttribute(u"tabSelected"_s, u"1"_s);
    xml.writeAttribute(u"workbookViewId"_s, u"0"_s);
    if (!header.isEmpty()) { // the header stays in view
        xml.writeEmptyElement(u"pane"_s);
        xml.writeAttribute(u"ySplit"_s, u"1"_s);
        xml.writeAttribute(u"topLeftCell"_s, u"A2"_s);
        xml.writeAttribute(u"activePane"_s, u"bottomLeft"_s);
        xml.writeAttribute(u"state"_s, u"frozen"_s);
        xml.writeEmptyElement(u"selection"_s);
        xml.writeAttribute(u"pane"_s, u"bottomLeft"_s);
        xml.writeAttribute(u"activeCell"_s, u"A2"_s);
        xml.writeAttribute(u"sqref"_s, u"A2"_s);
    }
    xml.writeEndElement();
    xml.writeEndElement();

    const qsizetype columns = qMin<qsizetype>(qMax(header.size(), columnWidths.size()), kMaxColumns);
    if (columns > 0) {
        xml.writeStartElement(u"cols"_s);
        for (qsizetype i = 0; i < columns; ++i) {
            const int width = i < columnWidths.size() && columnWidths.at(i) > 0
                                  ? qMin(columnWidths.at(i), 255)
                                  : (i < header.size() ? widthFor(header.at(i)) : 10);
            xml.writeEmptyElement(u"col"_s);
            xml.writeAttribute(u"min"_s, QString::number(i + 1));
            xml.writeAttribute(u"max"_s, QString::number(i + 1));
            xml.writeAttribute(u"width"_s, QString::number(width));
            xml.writeAttribute(u"customWidth"_s, u"1"_s);
        }
        xml.writeEndElement();
    }
    xml.writeStartElement(u"sheetData"_s);

    if (header.isEmpty())
        return true;
    if (!d->startRow(header.size()))
        return false;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (!header.at(i).isEmpty())
            d->textCell(int(i), header.at(i), StyleHeader);
    }
    return d->endRow();
}

bool XlsxWriter::writeRow(const QStringList &cells)
{
    if (!d->sheetOpen && !beginSheet(QString()))
        return false;
    if (!d->startRow(cells.size()))
        return false;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString &text = cells.at(i);
        if (text.isEmpty())
            continue;
        if (isNumberText(text))
            d->valueCell(int(i), text, StyleDefault);
        else
            d->textCell(int(i), text, allDigits(text) ? StyleText : StyleDefault);
    }
    return d->endRow();
}

bool XlsxWriter::writeValues(const QVariantList &cells)
{
    if (!d->sheetOpen && !beginSheet(QString()))
        return false;
    if (!d->startRow(cells.size()))
        return false;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QVariant &value = cells.at(i);
        const int column = int(i);
        if (value.isNull())
            continue;
        switch (value.metaType().id()) {
        case QMetaType::Bool:
            d->valueCell(column, value.toBool() ? u"1"_s : u"0"_s, StyleDefault, u"b"_s);
            break;
        case QMetaType::Int:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::SChar:
        case QMetaType::UChar:
            if (qAbs(value.toLongLong()) > kMaxExactInteger)
                d->textCell(column, value.toString(), StyleText);
            else
                d->valueCell(column, QString::number(value.toLongLong()), StyleDefault);
            break;
        case QMetaType::ULong:
        case QMetaType::ULongLong:
            if (value.toULongLong() > quint64(kMaxExactInteger))
                d->textCell(column, value.toString(), StyleText);
            else
                d->valueCell(column, QString::number(value.toULongLong()), StyleDefault);
            break;
        case QMetaType::Double:
        case QMetaType::Float: {
            const double number = value.toDouble();
            if (std::isfinite(number))
                d->valueCell(column, QString::number(number, 'g', QLocale::FloatingPointShortest),
                             StyleDefault);
            break;
        }
        case QMetaType::QDate: {
            const QDate date = value.toDate();
            if (date.isValid() && date.year() >= 1900 && date.year() <= 9999)
                d->valueCell(column, QString::number(excelDay(date)), StyleDate);
            break;
        }
        case QMetaType::QDateTime: {
            const QDateTime dateTime = value.toDateTime();
            if (dateTime.isValid() && dateTime.date().year() >= 1900 && dateTime.date().year() <= 9999) {
                const double serial = double(excelDay(dateTime.date())) +
                                      double(dateTime.time().msecsSinceStartOfDay()) / 86'400'000.0;
                d->valueCell(column, QString::number(serial, 'g', QLocale::FloatingPointShortest),
                             StyleDateTime);
            }
            break;
        }
        default: {
            const QString text = value.toString();
            if (!text.isEmpty())
                d->textCell(column, text, allDigits(text) ? StyleText : StyleDefault);
            break;
        }
        }
    }
    return d->endRow();
}

bool XlsxWriter::finish()
{
    if (d->finished)
        return !d->failed;
    if (!d->start())
        return false;
    if (d->sheetNames.isEmpty() && !beginSheet(QString()))
        return false;
    if (!d->endSheet())
        return false;
    const QStringList &names = d->sheetNames;

    const QByteArray contentTypes = xmlPart([&names](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"Types"_s);
        xml.writeDefaultNamespace(u"http://schemas.openxmlformats.org/package/2006/content-types"_s);
        xml.writeEmptyElement(u"Default"_s);
        xml.writeAttribute(u"Extension"_s, u"rels"_s);
        xml.writeAttribute(u"ContentType"_s, u"application/vnd.openxmlformats-package.relationships+xml"_s);
        xml.writeEmptyElement(u"Default"_s);
        xml.writeAttribute(u"Extension"_s, u"xml"_s);
        xml.writeAttribute(u"ContentType"_s, u"application/xml"_s);
        const auto override = [&xml](const QString &part, const QString &type) {
            xml.writeEmptyElement(u"Override"_s);
            xml.writeAttribute(u"PartName"_s, part);
            xml.writeAttribute(u"ContentType"_s, u"application/vnd.openxmlformats-officedocument."_s + type);
        };
        override(u"/xl/workbook.xml"_s, u"spreadsheetml.sheet.main+xml"_s);
        for (qsizetype i = 0; i < names.size(); ++i)
            override(u"/xl/worksheets/sheet%1.xml"_s.arg(i + 1), u"spreadsheetml.worksheet+xml"_s);
        override(u"/xl/styles.xml"_s, u"spreadsheetml.styles+xml"_s);
        xml.writeEndElement();
    });

    const QByteArray packageRels = xmlPart([](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"Relationships"_s);
        xml.writeDefaultNamespace(kPackageRelNs);
        xml.writeEmptyElement(u"Relationship"_s);
        xml.writeAttribute(u"Id"_s, u"rId1"_s);
        xml.writeAttribute(u"Type"_s, kRelNs + u"/officeDocument"_s);
        xml.writeAttribute(u"Target"_s, u"xl/workbook.xml"_s);
        xml.writeEndElement();
    });

    const QByteArray workbook = xmlPart([&names](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"workbook"_s);
        xml.writeDefaultNamespace(kMainNs);
        xml.writeNamespace(kRelNs, u"r"_s);
        xml.writeStartElement(u"bookViews"_s);
        xml.writeEmptyElement(u"workbookView"_s);
        xml.writeAttribute(u"activeTab"_s, u"0"_s);
        xml.writeEndElement();
        xml.writeStartElement(u"sheets"_s);
        for (qsizetype i = 0; i < names.size(); ++i) {
            xml.writeEmptyElement(u"sheet"_s);
            xml.writeAttribute(u"name"_s, names.at(i));
            xml.writeAttribute(u"sheetId"_s, QString::number(i + 1));
            xml.writeAttribute(kRelNs, u"id"_s, u"rId%1"_s.arg(i + 1));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    });

    const QByteArray workbookRels = xmlPart([&names](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"Relationships"_s);
        xml.writeDefaultNamespace(kPackageRelNs);
        for (qsizetype i = 0; i <= names.size(); ++i) {
            const bool styles = i == names.size();
            xml.writeEmptyElement(u"Relationship"_s);
            xml.writeAttribute(u"Id"_s, u"rId%1"_s.arg(i + 1));
            xml.writeAttribute(u"Type"_s, kRelNs + (styles ? u"/styles"_s : u"/worksheet"_s));
            xml.writeAttribute(u"Target"_s,
                               styles ? u"styles.xml"_s : u"worksheets/sheet%1.xml"_s.arg(i + 1));
        }
        xml.writeEndElement();
    });

    const QByteArray styles = xmlPart([](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"styleSheet"_s);
        xml.writeDefaultNamespace(kMainNs);
        xml.writeStartElement(u"numFmts"_s);
        xml.writeAttribute(u"count"_s, u"2"_s);
        xml.writeEmptyElement(u"numFmt"_s);
        xml.writeAttribute(u"numFmtId"_s, u"164"_s);
        xml.writeAttribute(u"formatCode"_s, u"yyyy-mm-dd"_s);
        xml.writeEmptyElement(u"numFmt"_s);
        xml.writeAttribute(u"numFmtId"_s, u"165"_s);
        xml.writeAttribute(u"formatCode"_s, u"yyyy-mm-dd hh:mm:ss"_s);
        xml.writeEndElement();

        xml.writeStartElement(u"fonts"_s);
        xml.writeAttribute(u"count"_s, u"2"_s);
        for (const bool bold : {false, true}) {
            xml.writeStartElement(u"font"_s);
            if (bold)
                xml.writeEmptyElement(u"b"_s);
            xml.writeEmptyElement(u"sz"_s);
            xml.writeAttribute(u"val"_s, u"11"_s);
            xml.writeEmptyElement(u"name"_s);
            xml.writeAttribute(u"val"_s, u"宋体"_s);
            xml.writeEmptyElement(u"family"_s);
            xml.writeAttribute(u"val"_s, u"3"_s);
            xml.writeEmptyElement(u"charset"_s);
            xml.writeAttribute(u"val"_s, u"134"_s);
            xml.writeEndElement();
        }
        xml.writeEndElement();

        xml.writeStartElement(u"fills"_s);
        xml.writeAttribute(u"count"_s, u"2"_s);
        for (const QString &pattern : {u"none"_s, u"gray125"_s}) {
            xml.writeStartElement(u"fill"_s);
            xml.writeEmptyElement(u"patternFill"_s);
            xml.writeAttribute(u"patternType"_s, pattern);
            xml.writeEndElement();
        }
        xml.writeEndElement();

        xml.writeStartElement(u"borders"_s);
        xml.writeAttribute(u"count"_s, u"1"_s);
        xml.writeStartElement(u"border"_s);
        for (const QString &side : {u"left"_s, u"right"_s, u"top"_s, u"bottom"_s, u"diagonal"_s})
            xml.writeEmptyElement(side);
        xml.writeEndElement();
        xml.writeEndElement();

        xml.writeStartElement(u"cellStyleXfs"_s);
        xml.writeAttribute(u"count"_s, u"1"_s);
        xml.writeEmptyElement(u"xf"_s);
        xml.writeAttribute(u"numFmtId"_s, u"0"_s);
        xml.writeAttribute(u"fontId"_s, u"0"_s);
        xml.writeAttribute(u"fillId"_s, u"0"_s);
        xml.writeAttribute(u"borderId"_s, u"0"_s);
        xml.writeEndElement();

        // In the order of enum Style.
        struct Xf
        {
            const char16_t *numFmtId;
            const char16_t *fontId;
        };
        const Xf xfs[] = {{u"0", u"0"}, {u"0", u"1"}, {u"49", u"0"}, {u"164", u"0"}, {u"165", u"0"}};
        xml.writeStartElement(u"cellXfs"_s);
        xml.writeAttribute(u"count"_s, QString::number(std::size(xfs)));
        for (const Xf &xf : xfs) {
            const QString numFmtId = QString::fromUtf16(xf.numFmtId);
            const QString fontId = QString::fromUtf16(xf.fontId);
            xml.writeEmptyElement(u"xf"_s);
            xml.writeAttribute(u"numFmtId"_s, numFmtId);
            xml.writeAttribute(u"fontId"_s, fontId);
            xml.writeAttribute(u"fillId"_s, u"0"_s);
            xml.writeAttribute(u"borderId"_s, u"0"_s);
            xml.writeAttribute(u"xfId"_s, u"0"_s);
            if (numFmtId != u"0")
                xml.writeAttribute(u"applyNumberFormat"_s, u"1"_s);
            if (fontId != u"0")
                xml.writeAttribute(u"applyFont"_s, u"1"_s);
        }
        xml.writeEndElement();

        xml.writeStartElement(u"cellStyles"_s);
        xml.writeAttribute(u"count"_s, u"1"_s);
        xml.writeEmptyElement(u"cellStyle"_s);
        xml.writeAttribute(u"name"_s, u"Normal"_s);
        xml.writeAttribute(u"xfId"_s, u"0"_s);
        xml.writeAttribute(u"builtinId"_s, u"0"_s);
        xml.writeEndElement();
        xml.writeEndElement();
    });

    if (!d->writePart(u"[Content_Types].xml"_s, contentTypes) ||
        !d->writePart(u"_rels/.rels"_s, packageRels) || !d->writePart(u"xl/workbook.xml"_s, workbook) ||
        !d->writePart(u"xl/_rels/workbook.xml.rels"_s, workbookRels) ||
        !d->writePart(u"xl/styles.xml"_s, styles))
        return false;

    d->zip.close();
    if (d->zip.getZipError() != ZIP_OK)
        return d->writeFailed();
    // The file appears under its name only now.
    if (!d->file.commit())
        return d->writeFailed();
    d->finished = true;
    return true;
}

void XlsxWriter::discard()
{
    if (d->started && !d->finished && d->zip.isOpen()) {
        if (d->entry.isOpen())
            d->entry.close();
        d->zip.close();
    }
    if (d->started && !d->finished)
        d->file.cancelWriting(); // the temporary file goes when the QSaveFile does
    d->sheetOpen = false;
    d->finished = true;
    if (!d->failed)
        d->fail(u"已取消，文件没有保存"_s);
}

QString XlsxWriter::errorString() const
{
    return d->error;
}

int XlsxWriter::rowCount() const
{
    return d->row;
}

QStringList XlsxWriter::sheetNames() const
{
    return d->sheetNames;
}

bool XlsxWriter::isNumberText(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    if (n > 0 && text.at(0) == u'-')
        i = 1;
    const qsizetype wholeStart = i;
    while (i < n && isAsciiDigit(text.at(i)))
        ++i;
    const qsizetype wholeDigits = i - wholeStart;
    if (wholeDigits == 0 || wholeDigits > 11)
        return false;
    if (wholeDigits > 1 && text.at(wholeStart) == u'0')
        return false; // a code like "0513"
    if (i < n && text.at(i) == u'.') {
        const qsizetype fractionStart = ++i;
        while (i < n && isAsciiDigit(text.at(i)))
            ++i;
        if (i == fractionStart)
            return false;
    }
    if (i != n)
        return false;
    qsizetype significant = 0;
    bool leading = true;
    for (qsizetype k = wholeStart; k < n; ++k) {
        const QChar c = text.at(k);
        if (c == u'.')
            continue;
        if (leading && c == u'0')
            continue;
        leading = false;
        ++significant;
    }
    return significant <= 15;
}

bool writeXlsx(const QString &path, const QList<XlsxSheet> &sheets, QString *error,
               const ProgressCallback &progress)
{
    qint64 total = 0;
    for (const XlsxSheet &sheet : sheets)
        total += sheet.rows.size();
    qint64 done = 0;
    XlsxWriter writer(path);
    const auto failed = [&writer, error]() {
        if (error)
            *error = writer.errorString();
        return false;
    };
    for (const XlsxSheet &sheet : sheets) {
        // Columns as wide as the header and the first rows need (an 18-digit 身份证号 is wider than its
        // header).
        QList<int> widths;
        for (qsizetype i = 0; i < sheet.header.size(); ++i)
            widths.append(widthFor(sheet.header.at(i)));
        for (qsizetype r = 0; r < qMin<qsizetype>(sheet.rows.size(), kWidthSampleRows); ++r) {
            const QStringList &row = sheet.rows.at(r);
            for (qsizetype i = 0; i < qMin<qsizetype>(row.size(), kMaxColumns); ++i) {
                if (widths.size() <= i)
                    widths.append(8);
                if (!row.at(i).isEmpty())
                    widths[i] = qMax(widths.at(i), widthFor(row.at(i).section(u'\n', 0, 0)));
            }
        }
        if (!writer.beginSheet(sheet.name, sheet.header, widths))
            return failed();
        for (const QStringList &row : sheet.rows) {
            if (!writer.writeRow(row))
                return failed();
            if (progress && ++done % kProgressRows == 0 && !progress(done, total)) {
                writer.discard();
                return failed();
            }
        }
    }
    if (!writer.finish())
        return failed();
    if (progress)
        progress(total, total);
    if (error)
        error->clear();
    return true;
}

} // namespace sunshine::io
