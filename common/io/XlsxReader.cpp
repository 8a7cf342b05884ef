#include "common/io/XlsxReader.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QTime>
#include <QXmlStreamReader>
#include <cmath>
#include <optional>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::io {

namespace {

constexpr int kMaxColumns = 16384; // XFD
constexpr int kMaxRows = 1048576;  // Excel's limit
constexpr int kProgressRows = 256; // rows between two calls of the progress callback
constexpr int kProgressStrings = 4096;

struct Relationship
{
    QString type;
    QString target; // the part it names, resolved
};

struct SheetEntry
{
    QString name;
    QString part;
    bool hidden = false;
    bool worksheet = true; // chart sheets and dialog sheets have no cells
};

struct Workbook
{
    QString part;
    QList<SheetEntry> sheets;
    bool date1904 = false;
    QString sharedStringsPart;
    QString stylesPart;
};

// Reports progress over several parts read one after the other.
class Progress
{
public:
    explicit Progress(const ProgressCallback &callback)
        : m_callback(callback)
    {}
    void setTotal(qint64 total) { m_total = total; }
    void setBase(qint64 base) { m_base = base; }
    // False when the callback asked to stop.
    bool report(qint64 doneInPart)
    {
        if (!m_callback)
            return true;
        if (!m_callback(qMin(m_base + doneInPart, m_total), m_total))
            m_cancelled = true;
        return !m_cancelled;
    }
    bool cancelled() const { return m_cancelled; }

private:
    const ProgressCallback &m_callback;
    qint64 m_total = 0;
    qint64 m_base = 0;
    bool m_cancelled = false;
};

QString fileLabel(const QString &path)
{
    return QFileInfo(path).fileName();
}

QString notXlsxMessage(const QString &path)
{
    return u"文件“%1”不是有效的 xlsx 文件，或已损坏，无法读取。请用 Excel 或 WPS 打开检查后，另存为 .xlsx 或 "
           u"CSV "
           u"再导入"_s.arg(fileLabel(path));
}

QString damagedPartMessage(const QString &path, const QString &part, const QString &detail)
{
    return u"文件“%1”已损坏，其中的 %2 无法读取（%3）。请用 Excel 或 WPS 打开检查后另存再导入"_s.arg(
        fileLabel(path), part, detail);
}

QString xmlErrorDetail(const QXmlStreamReader &xml)
{
    if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        return u"内容不完整"_s;
    return u"XML 第 %1 行格式错误"_s.arg(xml.lineNumber());
}

// The part a relationship target names, relative to the folder of the part that holds the relationship.
QString resolvePart(const QString &sourcePart, const QString &target)
{
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.mid(1));
    const qsizetype slash = sourcePart.lastIndexOf(u'/');
    return QDir::cleanPath(sourcePart.left(slash + 1) + target);
}

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"
QString relsPartFor(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return part.left(slash + 1) + u"_rels/"_s + part.mid(slash + 1) + u".rels"_s;
}

// Decodes the _xHHHH_ escapes Excel uses for characters XML cannot hold ("_x000D_" for CR, "_x005F_" for
// an underscore that would otherwise start an escape).
QString decodeEscapes(const QString &text)
{
    if (!text.contains(u"_x"_s))
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (text.at(i) == u'_' && i + 6 < n && text.at(i + 1) == u'x' && text.at(i + 6) == u'_') {
            bool ok = false;
            const uint code = QStringView(text).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out.append(QChar(char16_t(code)));
                i += 6;
                continue;
            }
        }
        out.append(text.at(i));
    }
    return out;
}

// Column index (0-based) and row number of a reference like "AB12"; column -1 when there are no letters.
bool parseCellReference(QStringView ref, int *column, int *row)
{
    qsizetype i = 0;
    int col = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref.at(i).unicode();
        int letter = -1;
        if (c >= u'A' && c <= u'Z')
            letter = c - u'A';
        else if (c >= u'a' && c <= u'z')
            letter = c - u'a';
        else
            break;
        col = col * 26 + letter + 1;
        if (col > kMaxColumns)
            return false;
    }
    if (i == 0)
        return false;
    *column = col - 1;
    bool ok = true;
    *row = i < ref.size() ? ref.mid(i).toInt(&ok) : 0;
    return ok;
}

class Package
{
public:
    explicit Package(const QString &path)
        : m_zip(path)
    {}
    bool open() { return m_zip.open(QuaZip::mdUnzip); }
    QuaZip *zip() { return &m_zip; }
    bool select(const QString &part) { return m_zip.setCurrentFile(part, QuaZip::csInsensitive); }
    qint64 uncompressedSize(const QString &part)
    {
        QuaZipFileInfo64 info;
        if (!select(part) || !m_zip.getCurrentFileInfo(&info))
            return 0;
        return qint64(info.uncompressedSize);
    }

    // Reads a small part whole. False when it is missing (*missing set) or cannot be read.
    bool read(const QString &part, QByteArray *data, bool *missing)
    {
        *missing = false;
        if (!select(part)) {
            *missing = true;
            return false;
        }
        QuaZipFile file(&m_zip);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        *data = file.readAll();
        file.close();
        return file.getZipError() == UNZ_OK;
    }

private:
    QuaZip m_zip;
};

QHash<QString, Relationship> parseRelationships(const QString &sourcePart, const QByteArray &data)
{
    QHash<QString, Relationship> rels;
    QXmlStreamReader xml(data);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        const QXmlStreamAttributes attrs = xml.attributes();
        if (attrs.value("TargetMode"_L1) == u"External")
            continue;
        rels.insert(attrs.value("Id"_L1).toString(),
                    {attrs.value("Type"_L1).toString(),
                     resolvePart(sourcePart, attrs.value("Target"_L1).toString())});
    }
    return rels;
}

bool loadWorkbook(Package &package, const QString &path, Workbook *workbook, QString *error)
{
    QByteArray data;
    bool missing = false;
    workbook->part = u"xl/workbook.xml"_s;
    if (package.read(u"_rels/.rels"_s, &data, &missing)) {
        const QHash<QString, Relationship> rels = parseRelationships(QString(), data);
        for (const Relationship &rel : rels) {
            if (rel.type.endsWith(u"/officeDocument"))
                workbook->part = rel.target;
        }
    }
    if (!package.read(workbook->part, &data, &missing)) {
        *error = missing ? u"文件“%1”中没有工作簿内容（缺少 %2），不是有效的 xlsx 文件"_s.arg(fileLabel(path),
                                                                                              workbook->part)
                         : damagedPartMessage(path, workbook->part, u"压缩数据损坏"_s);
        return false;
    }

    struct Listed
    {
        QString name;
        QString relId;
        bool hidden;
    };
    QList<Listed> listed;
    QXmlStreamReader xml(data);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes attrs = xml.attributes();
        if (xml.name() == u"workbookPr") {
            const QStringView v = attrs.value("date1904"_L1);
            workbook->date1904 = v == u"1" || v == u"true";
        } else if (xml.name() == u"sheet") {
            QString relId;
            for (const QXmlStreamAttribute &a : attrs) {
                if (a.name() == u"id" && !a.namespaceUri().isEmpty())
                    relId = a.value().toString();
            }
            const QStringView state = attrs.value("state"_L1);
            listed.append(
                {attrs.value("name"_L1).toString(), relId, state == u"hidden" || state == u"veryHidden"});
        }
    }
    if (xml.hasError()) {
        *error = damagedPartMessage(path, workbook->part, xmlErrorDetail(xml));
        return false;
    }

    QHash<QString, Relationship> rels;
    const QString relsPart = relsPartFor(workbook->part);
    if (package.read(relsPart, &data, &missing))
        rels = parseRelationships(workbook->part, data);
    for (const Relationship &rel : std::as_const(rels)) {
        if (rel.type.endsWith(u"/sharedStrings"))
            workbook->sharedStringsPart = rel.target;
        else if (rel.type.endsWith(u"/styles"))
            workbook->stylesPart = rel.target;
    }
    // Without relationships, the usual names.
    const QString folder = workbook->part.left(workbook->part.lastIndexOf(u'/') + 1);
    if (workbook->sharedStringsPart.isEmpty() && package.select(folder + u"sharedStrings.xml"_s))
        workbook->sharedStringsPart = folder + u"sharedStrings.xml"_s;
    if (workbook->stylesPart.isEmpty() && package.select(folder + u"styles.xml"_s))
        workbook->stylesPart = folder + u"styles.xml"_s;

    for (qsizetype i = 0; i < listed.size(); ++i) {
        SheetEntry sheet;
        sheet.name = listed.at(i).name;
        sheet.hidden = listed.at(i).hidden;
        const auto rel = rels.constFind(listed.at(i).relId);
        if (rel != rels.constEnd()) {
            sheet.part = rel->target;
            sheet.worksheet = rel->type.endsWith(u"/worksheet");
        } else {
            sheet.part = folder + u"worksheets/sheet%1.xml"_s.arg(i + 1);
        }
        workbook->sheets.append(sheet);
    }
    if (workbook->sheets.isEmpty()) {
        *error = u"文件“%1”中没有工作表"_s.arg(fileLabel(path));
        return false;
    }
    return true;
}

// Reads the text of an <si> or <is> element (the reader stands on its start): plain <t>, or the <t> of
// each rich-text run <r>; phonetic runs <rPh> are left out. Leaves the reader on the element's end.
QString readRichText(QXmlStreamReader &xml)
{
    QString text;
    int depth = 1;
    while (!xml.atEnd() && !xml.hasError()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"t")
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (xml.name() == u"r")
                ++depth;
            else
                xml.skipCurrentElement();
        } else if (token == QXmlStreamReader::EndElement) {
            if (--depth == 0)
                break;
        }
    }
    return decodeEscapes(text);
}

// Opens a part for streaming.
bool openPart(Package &package, QuaZipFile *file, const QString &part)
{
    return package.select(part) && file->open(QIODevice::ReadOnly);
}

bool loadSharedStrings(Package &package, const QString &path, const QString &part, Progress &progress,
                       QStringList *strings, QString *error)
{
    QuaZipFile file(package.zip());
    if (!openPart(package, &file, part)) {
        *error = damagedPartMessage(path, part, u"压缩数据损坏"_s);
        return false;
    }
    QXmlStreamReader xml(&file);
    int sinceReport = 0;
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"sst") {
            const int count = xml.attributes().value("uniqueCount"_L1).toInt();
            if (count > 0 && count < 10'000'000)
                strings->reserve(count);
        } else if (xml.name() == u"si") {
            strings->append(readRichText(xml));
            if (++sinceReport >= kProgressStrings) {
                sinceReport = 0;
                if (!progress.report(file.pos()))
                    return false;
            }
        }
    }
    const bool xmlError = xml.hasError();
    file.close();
    if (xmlError || file.getZipError() != UNZ_OK) {
        *error = damagedPartMessage(path, part, xmlError ? xmlErrorDetail(xml) : u"压缩数据损坏"_s);
        return false;
    }
    return true;
}

// The date kind of each cell format (index = the s attribute of a cell).
QList<DateKind> loadCellFormats(Package &package, const QString &part)
{
    QList<DateKind> kinds;
    QByteArray data;
    bool missing = false;
    if (part.isEmpty() || !package.read(part, &data, &missing))
        return kinds; // without styles every number is a number
    QHash<int, QString> codes;
    QXmlStreamReader xml(data);
    bool inCellXfs = false;
    while (!xml.atEnd() && !xml.hasError()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QXmlStreamAttributes attrs = xml.attributes();
            if (xml.name() == u"numFmt") {
                codes.insert(attrs.value("numFmtId"_L1).toInt(), attrs.value("formatCode"_L1).toString());
            } else if (xml.name() == u"cellXfs") {
                inCellXfs = true;
            } else if (xml.name() == u"xf" && inCellXfs) {
                const int id = attrs.value("numFmtId"_L1).toInt();
                kinds.append(dateKindOfFormat(id, codes.value(id)));
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs") {
            inCellXfs = false;
        }
    }
    return kinds;
}

struct SheetContext
{
    const QString &path;
    const QString &sheetName;
    const QStringList &sharedStrings;
    const QList<DateKind> &formats;
    bool date1904;
};

// Reads one <c> element (the reader stands on its start) into row. False on a damaged cell.
// What a row's cells were stored as, beyond their text.
struct CellKinds
{
    QList<int> numbers;    // columns stored as numbers (not dates)
    QList<int> lostDigits; // of those, the ones with more than 15 significant digits
    QList<int> formulaWithoutValue;
};

bool readCell(QXmlStreamReader &xml, const SheetContext &context, int rowNumber, int *nextColumn,
              QStringList *row, CellKinds *kinds, QString *error)
{
    const QXmlStreamAttributes attrs = xml.attributes();
    const QStringView ref = attrs.value("r"_L1);
    int column = *nextColumn;
    if (!ref.isEmpty()) {
        int refRow = 0;
        if (!parseCellReference(ref, &column, &refRow)) {
            *error = u"文件“%1”的工作表“%2”第 %3 行有无效的单元格位置“%4”，文件可能已损坏"_s.arg(
                fileLabel(context.path), context.sheetName, QString::number(rowNumber), ref.toString());
            return false;
        }
    }
    if (column >= kMaxColumns) {
        *error = u"文件“%1”的工作表“%2”第 %3 行的列数超过 Excel 的上限，文件可能已损坏"_s.arg(
            fileLabel(context.path), context.sheetName, QString::number(rowNumber));
        return false;
    }
    *nextColumn = column + 1;
    const QStringView type = attrs.value("t"_L1);
    const QStringView style = attrs.value("s"_L1);

    QString stored;
    QString inlineText;
    bool hasInline = false;
    bool hasValue = false;
    bool hasFormula = false;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"v") {
            stored = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            hasValue = true;
        } else if (xml.name() == u"is") {
            inlineText = readRichText(xml);
            hasInline = true;
        } else {
            hasFormula = hasFormula || xml.name() == u"f";
            xml.skipCurrentElement(); // the formula <f>, extensions
        }
    }
    if (xml.hasError())
        return true; // reported by the caller
    if (hasFormula && !hasValue && !hasInline)
        kinds->formulaWithoutValue.append(column);

    QString value;
    if (type == u"s") {
        if (!stored.isEmpty()) {
            bool ok = false;
            const int index = stored.trimmed().toInt(&ok);
            if (!ok || index < 0 || index >= context.sharedStrings.size()) {
                *error = u"文件“%1”的工作表“%2”第 %3 行引用了不存在的共享文本，文件可能已损坏"_s.arg(
                    fileLabel(context.path), context.sheetName, QString::number(rowNumber));
                return false;
            }
            value = context.sharedStrings.at(index);
        }
    } else if (type == u"inlineStr") {
        value = hasInline ? inlineText : decodeEscapes(stored);
    } else if (type == u"str") {
        value = decodeEscapes(stored);
    } else if (type == u"b") {
        if (!stored.isEmpty())
            value = stored.trimmed() == u"0" ? u"FALSE"_s : u"TRUE"_s;
    } else if (type == u"e" || type == u"d") {
        value = stored.trimmed();
    } else if (!stored.isEmpty()) { // a number
        DateKind kind = DateKind::None;
        if (!style.isEmpty()) {
            const int s = style.toInt();
            if (s >= 0 && s < context.formats.size())
                kind = context.formats.at(s);
        }
        if (kind != DateKind::None) {
            bool ok = false;
            const double serial = stored.toDouble(&ok);
            value = ok ? excelSerialText(serial, kind, context.date1904) : stored.trimmed();
        } else {
            value = excelNumberText(stored);
            kinds->numbers.append(column);
            // 16 digits or more before the point: beyond the 15 significant digits Excel keeps.
            bool ok = false;
            if (std::fabs(stored.toDouble(&ok)) >= 1e15 && ok)
                kinds->lostDigits.append(column);
        }
    }
    if (!value.isEmpty()) {
        if (row->size() <= column)
            row->resize(column + 1);
        (*row)[column] = value;
    }
    return true;
}

void fillMerges(const QList<QPair<QString, QString>> &merges, TableData *out)
{
    QHash<int, int> indexOf; // row number -> index into rows
    for (qsizetype i = 0; i < out->lineNumbers.size(); ++i)
        indexOf.insert(out->lineNumbers.at(i), int(i));
    for (const auto &[from, to] : merges) {
        int r1 = 0, c1 = 0, r2 = 0, c2 = 0;
        if (!parseCellReference(from, &c1, &r1) || !parseCellReference(to, &c2, &r2) || r1 < 1 || r2 < r1 ||
            r2 > kMaxRows || c2 < c1)
            continue;
        const int top = indexOf.value(r1, -1);
        if (top < 0)
            continue;
        const QString value = out->rows.at(top).value(c1);
        const bool number = out->isNumber(top, c1), lost = out->lostDigits(top, c1);
        if (value.isEmpty())
            continue;
        for (int r = r1; r <= r2; ++r) {
            const int index = indexOf.value(r, -1);
            if (index < 0)
                continue; // a covered row with no cells at all is no data row
            QStringList &row = out->rows[index];
            for (int c = c1; c <= c2; ++c) {
                if (row.size() <= c)
                    row.resize(c + 1);
                if (!row.at(c).isEmpty())
                    continue;
                row[c] = value;
                if (number)
                    out->numberCells[index].append(c);
                if (lost)
                    out->lostDigitCells[index].append(c);
            }
        }
    }
}

bool readSheet(Package &package, const SheetEntry &sheet, const SheetContext &context, Progress &progress,
               TableData *out, QString *error)
{
    QuaZipFile file(package.zip());
    if (!openPart(package, &file, sheet.part)) {
        *error = package.select(sheet.part) ? damagedPartMessage(context.path, sheet.part, u"压缩数据损坏"_s)
                                            : u"文件“%1”中缺少工作表“%2”的内容（%3），文件已损坏"_s.arg(
                                                  fileLabel(context.path), sheet.name, sheet.part);
        return false;
    }
    QXmlStreamReader xml(&file);
    int rowNumber = 0;
    int sinceReport = 0;
    bool inSheetData = false;
    // Every loop here also stops on an error: after a premature end, atEnd() asks the device, and a ZIP entry
    // whose compressed data is damaged never says it is at its end.
    while (!xml.atEnd() && !xml.hasError()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (!inSheetData) {
                if (xml.name() == u"sheetData")
                    inSheetData = true;
                else if (xml.name() != u"worksheet")
                    xml.skipCurrentElement();
                continue;
            }
            if (xml.name() != u"row") {
                xml.skipCurrentElement();
                continue;
            }
            const QXmlStreamAttributes rowAttributes = xml.attributes();
            const QStringView r = rowAttributes.value("r"_L1);
            int number = rowNumber + 1;
            if (!r.isEmpty()) {
                bool ok = false;
                number = r.toInt(&ok);
                if (!ok || number < 1 || number > kMaxRows) {
                    *error = u"文件“%1”的工作表“%2”中有无效的行号“%3”，文件可能已损坏"_s.arg(
                        fileLabel(context.path), sheet.name, r.toString());
                    return false;
                }
            }
            rowNumber = number;
            QStringList row;
            CellKinds kinds;
            int nextColumn = 0;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"c") {
                    if (!readCell(xml, context, rowNumber, &nextColumn, &row, &kinds, error))
                        return false;
                } else {
                    xml.skipCurrentElement();
                }
            }
            if (!kinds.numbers.isEmpty())
                out->numberCells.insert(int(out->rows.size()), kinds.numbers);
            if (!kinds.lostDigits.isEmpty())
                out->lostDigitCells.insert(int(out->rows.size()), kinds.lostDigits);
            if (!kinds.formulaWithoutValue.isEmpty())
                out->formulaWithoutValueCells.insert(int(out->rows.size()), kinds.formulaWithoutValue);
            out->rows.append(row);
            out->lineNumbers.append(rowNumber);
            if (++sinceReport >= kProgressRows) {
                sinceReport = 0;
                if (!progress.report(file.pos()))
                    return false;
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"sheetData") {
            break;
        }
    }
    const bool xmlError = xml.hasError();
    // Merged ranges (<mergeCells> after the data): rosters and payment lists merge 村, 户编号, 资金项目 or
    // 发放日期 over the rows of one household or batch. The range's value (its top-left cell's) is read into
    // every cell it covers.
    QList<QPair<QString, QString>> merges; // (top-left, bottom-right) references
    // Read after the data as far as the part can be read: the data itself was read whole (a damaged stream
    // before </sheetData> shows up as an XML error above).
    while (!xmlError && inSheetData && !xml.hasError() && !xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement && xml.name() == u"mergeCell") {
            const QString ref = xml.attributes().value("ref"_L1).toString();
            merges.append({ref.section(u':', 0, 0), ref.section(u':', 1, 1)});
        } else if (token == QXmlStreamReader::EndElement &&
                   (xml.name() == u"mergeCells" || xml.name() == u"worksheet")) {
            if (xml.name() == u"worksheet")
                break;
        }
    }
    if (!merges.isEmpty())
        fillMerges(merges, out);
    if (!xmlError && !inSheetData) {
        *error = damagedPartMessage(context.path, sheet.part, u"没有表格数据"_s);
        return false;
    }
    if (xmlError) {
        *error = damagedPartMessage(context.path, sheet.part, xmlErrorDetail(xml));
        return false;
    }
    file.close();
    return true;
}

int chooseSheet(const Workbook &workbook, const QString &wanted)
{
    if (wanted.isEmpty()) {
        for (qsizetype i = 0; i < workbook.sheets.size(); ++i) {
            if (workbook.sheets.at(i).worksheet && !workbook.sheets.at(i).hidden)
                return int(i);
        }
        for (qsizetype i = 0; i < workbook.sheets.size(); ++i) {
            if (workbook.sheets.at(i).worksheet)
                return int(i);
        }
        return -1;
    }
    for (qsizetype i = 0; i < workbook.sheets.size(); ++i) {
        if (workbook.sheets.at(i).name == wanted)
            return int(i);
    }
    for (qsizetype i = 0; i < workbook.sheets.size(); ++i) {
        if (workbook.sheets.at(i).name.compare(wanted, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

} // namespace

QStringList xlsxSheetNames(const QString &path, QString *error)
{
    QString message;
    QStringList names;
    Package package(path);
    Workbook workbook;
    if (!QFileInfo::exists(path)) {
        message = u"找不到文件“%1”"_s.arg(fileLabel(path));
    } else if (!package.open()) {
        message = notXlsxMessage(path);
    } else if (loadWorkbook(package, path, &workbook, &message)) {
        for (const SheetEntry &sheet : std::as_const(workbook.sheets)) {
            if (sheet.worksheet)
                names.append(sheet.name);
        }
    }
    if (error)
        *error = message;
    return names;
}

// One worksheet of an opened workbook.
static TableData readSheetAt(Package &package, const QString &path, Workbook workbook, int index,
                             const ReadOptions &options)
{
    QString error;
    TableData out;
    const SheetEntry &sheet = workbook.sheets.at(index);

    // A shared string table the relationships name but the archive lacks is as good as none: a cell that
    // needs it is reported as damaged.
    if (!workbook.sharedStringsPart.isEmpty() && !package.select(workbook.sharedStringsPart))
        workbook.sharedStringsPart.clear();

    Progress progress(options.progress);
    const qint64 stringsSize =
        workbook.sharedStringsPart.isEmpty() ? 0 : package.uncompressedSize(workbook.sharedStringsPart);
    progress.setTotal(stringsSize + package.uncompressedSize(sheet.part));

    QStringList sharedStrings;
    if (!workbook.sharedStringsPart.isEmpty() &&
        !loadSharedStrings(package, path, workbook.sharedStringsPart, progress, &sharedStrings, &error)) {
        TableData bad;
        bad.cancelled = progress.cancelled();
        bad.error = bad.cancelled ? cancelledMessage() : error;
        return bad;
    }
    const QList<DateKind> formats = loadCellFormats(package, workbook.stylesPart);

    progress.setBase(stringsSize);
    const SheetContext context{path, sheet.name, sharedStrings, formats, workbook.date1904};
    if (!readSheet(package, sheet, context, progress, &out, &error)) {
        TableData bad;
        bad.cancelled = progress.cancelled();
        bad.error = bad.cancelled ? cancelledMessage() : error;
        return bad;
    }
    while (!out.rows.isEmpty() && out.rows.constLast().isEmpty()) {
        out.rows.removeLast();
        out.lineNumbers.removeLast();
    }
    out.sheetName = sheet.name;
    if (!progress.report(package.uncompressedSize(sheet.part))) {
        TableData bad;
        bad.cancelled = true;
        bad.error = cancelledMessage();
        return bad;
    }
    return out;
}

TableData readXlsx(const QString &path, const ReadOptions &options)
{
    TableData out;
    if (!QFileInfo::exists(path)) {
        out.error = u"找不到文件“%1”"_s.arg(fileLabel(path));
        return out;
    }
    Package package(path);
    if (!package.open()) {
        out.error = notXlsxMessage(path);
        return out;
    }
    Workbook workbook;
    QString error;
    if (!loadWorkbook(package, path, &workbook, &error)) {
        out.error = error;
        return out;
    }
    const int index = chooseSheet(workbook, options.sheetName);
    if (index < 0) {
        QStringList names;
        for (const SheetEntry &sheet : std::as_const(workbook.sheets))
            names.append(sheet.name);
        out.error = options.sheetName.isEmpty()
                        ? u"文件“%1”中没有可读取的工作表"_s.arg(fileLabel(path))
                        : u"文件“%1”中没有名为“%2”的工作表（现有：%3）"_s.arg(
                              fileLabel(path), options.sheetName, names.join(u"、"_s));
        return out;
    }
    if (options.sheetName.isEmpty() && options.acceptSheet) {
        std::optional<TableData> first;
        for (qsizetype i = index; i < workbook.sheets.size(); ++i) {
            const SheetEntry &candidate = workbook.sheets.at(i);
            if (!candidate.worksheet || (candidate.hidden && i != index))
                continue;
            TableData t = readSheetAt(package, path, workbook, int(i), options);
            if (!t.ok() || options.acceptSheet(t))
                return t;
            if (!first)
                first = std::move(t);
        }
        if (first)
            return *first;
    }
    return readSheetAt(package, path, workbook, index, options);
}

} // namespace sunshine::io
