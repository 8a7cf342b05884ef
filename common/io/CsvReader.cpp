#include "common/io/CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::io {

namespace {

// How many rows are read between two calls of the progress callback.
constexpr int kProgressRows = 1024;

// Larger CSV files are refused rather than read into memory (a 100,000-row list is some 20 MB).
constexpr qint64 kMaxCsvBytes = qint64(1) << 30;

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

// Skips one line break (CRLF, LF or a lone CR) at *i, if there is one.
bool skipLineBreak(const QChar *p, qsizetype n, qsizetype *i)
{
    if (*i >= n)
        return false;
    if (p[*i] == u'\r') {
        ++*i;
        if (*i < n && p[*i] == u'\n')
            ++*i;
        return true;
    }
    if (p[*i] == u'\n') {
        ++*i;
        return true;
    }
    return false;
}

// The separator: named by a first line "sep=X" (which is then skipped), else a tab when more of the first 20
// records have tabs than have commas (Excel's "Unicode text" is tab-separated, and its first line may be a
// title with neither), else a comma.
QChar detectDelimiter(const QString &text, qsizetype *pos, int *line)
{
    if (text.startsWith(u"sep="_s) && text.size() >= 5 && !isLineBreak(text.at(4)) && text.at(4) != u'"' &&
        (text.size() == 5 || isLineBreak(text.at(5)))) {
        qsizetype i = 5;
        if (skipLineBreak(text.constData(), text.size(), &i))
            *line = 2;
        *pos = i;
        return text.at(4);
    }
    int commaLines = 0, tabLines = 0, records = 0;
    bool comma = false, tab = false, quoted = false;
    const auto endRecord = [&] {
        commaLines += comma ? 1 : 0;
        tabLines += tab ? 1 : 0;
        comma = tab = false;
        ++records;
    };
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted) {
            if (c == u',')
                comma = true;
            else if (c == u'\t')
                tab = true;
            else if (isLineBreak(c)) {
                endRecord();
                if (records >= 20)
                    break;
            }
        }
    }
    endRecord();
    return tabLines > commaLines ? QChar(u'\t') : QChar(u',');
}

bool rowIsEmpty(const QStringList &row)
{
    for (const QString &cell : row) {
        if (!cell.isEmpty())
            return false;
    }
    return true;
}

} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return u"UTF-8"_s;
    case TextEncoding::Utf8Bom:
        return u"UTF-8 BOM"_s;
    case TextEncoding::Utf16Le:
        return u"UTF-16LE"_s;
    case TextEncoding::Utf16Be:
        return u"UTF-16BE"_s;
    case TextEncoding::Gb18030:
        return u"GB18030"_s;
    }
    return {};
}

bool isValidUtf8(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar lead = p[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uint codePoint = 0;
        uint smallest = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            codePoint = lead & 0x1Fu;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            codePoint = lead & 0x0Fu;
            smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            codePoint = lead & 0x07u;
            smallest = 0x10000;
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        for (int k = 1; k < length; ++k) {
            const uchar next = p[i + k];
            if ((next & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3Fu);
        }
        if (codePoint < smallest || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

TextEncoding detectEncoding(const QByteArray &data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return TextEncoding::Utf8Bom;
    if (data.startsWith("\xFF\xFE"))
        return TextEncoding::Utf16Le;
    if (data.startsWith("\xFE\xFF"))
        return TextEncoding::Utf16Be;
    if (isValidUtf8(data))
        return TextEncoding::Utf8;
    return TextEncoding::Gb18030;
}

bool decodeText(const QByteArray &data, QString *text, TextEncoding *encoding)
{
    const TextEncoding found = detectEncoding(data);
    if (encoding)
        *encoding = found;
    QByteArrayView bytes(data);
    std::optional<QStringDecoder> decoder;
    const auto flags = QStringConverter::Flag::Stateless;
    switch (found) {
    case TextEncoding::Utf8Bom:
        bytes = bytes.sliced(3);
        decoder.emplace(QStringConverter::Utf8, flags);
        break;
    case TextEncoding::Utf8:
        decoder.emplace(QStringConverter::Utf8, flags);
        break;
    case TextEncoding::Utf16Le:
        bytes = bytes.sliced(2);
        decoder.emplace(QStringConverter::Utf16LE, flags);
        break;
    case TextEncoding::Utf16Be:
        bytes = bytes.sliced(2);
        decoder.emplace(QStringConverter::Utf16BE, flags);
        break;
    case TextEncoding::Gb18030:
        // Needs Qt built with ICU (as Debian's and the official Windows builds are).
        decoder.emplace("GB18030", flags);
        break;
    }
    if (!decoder->isValid()) {
        if (text)
            text->clear();
        return false;
    }
    QString decoded = decoder->decode(bytes);
    const bool utf16 = found == TextEncoding::Utf16Le || found == TextEncoding::Utf16Be;
    const bool ok = !decoder->hasError() && !(utf16 && bytes.size() % 2 != 0);
    if (text)
        *text = std::move(decoded);
    return ok;
}

TableData parseCsvText(const QString &text, const ProgressCallback &progress)
{
    TableData out;
    const QChar *p = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    int line = 1;
    const QChar delimiter = detectDelimiter(text, &i, &line);
    int rowsSinceReport = 0;

    while (i < n) {
        if (progress && ++rowsSinceReport >= kProgressRows) {
            rowsSinceReport = 0;
            if (!progress(i, n)) {
                TableData cancelled;
                cancelled.cancelled = true;
                cancelled.error = cancelledMessage();
                return cancelled;
            }
        }
        const int startLine = line;
        QStringList row;
        if (skipLineBreak(p, n, &i)) { // an empty line
            ++line;
            out.rows.append(row);
            out.lineNumbers.append(startLine);
            continue;
        }
        for (;;) {
            QString field;
            if (i < n && p[i] == u'"') {
                const int quoteLine = line;
                ++i;
                qsizetype chunk = i;
                bool closed = false;
                while (i < n) {
                    const QChar c = p[i];
                    if (c == u'"') {
                        field.append(p + chunk, i - chunk);
                        if (i + 1 < n && p[i + 1] == u'"') {
                            field.append(u'"');
                            i += 2;
                            chunk = i;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == u'\r') { // CRLF or a lone CR inside a cell becomes LF, as Excel has it
                        field.append(p + chunk, i - chunk);
                        field.append(u'\n');
                        skipLineBreak(p, n, &i);
                        ++line;
                        chunk = i;
                        continue;
                    }
                    if (c == u'\n')
                        ++line;
                    ++i;
                }
                if (!closed) {
                    TableData bad;
                    bad.error =
                        u"第 %1 行：引号没有结束（从这里开始的带引号内容直到文件末尾都没有配对的引号），"
                        u"文件可能已损坏"_s.arg(quoteLine);
                    return bad;
                }
                // Text after the closing quote is kept, as Excel does with "ab"c.
                const qsizetype rest = i;
                while (i < n && p[i] != delimiter && !isLineBreak(p[i]))
                    ++i;
                field.append(p + rest, i - rest);
            } else {
                const qsizetype start = i;
                while (i < n && p[i] != delimiter && !isLineBreak(p[i]))
                    ++i;
                field = QString(p + start, i - start);
            }
            row.append(field);
            if (i < n && p[i] == delimiter) {
                ++i;
                continue; // another field follows, perhaps empty at the end of the line
            }
            break;
        }
        if (skipLineBreak(p, n, &i))
            ++line;
        out.rows.append(row);
        out.lineNumbers.append(startLine);
    }

    while (!out.rows.isEmpty() && rowIsEmpty(out.rows.constLast())) {
        out.rows.removeLast();
        out.lineNumbers.removeLast();
    }
    if (progress && !progress(n, n)) {
        TableData cancelled;
        cancelled.cancelled = true;
        cancelled.error = cancelledMessage();
        return cancelled;
    }
    return out;
}

TableData parseCsv(const QByteArray &data, const ProgressCallback &progress)
{
    // NUL bytes do not occur in text files (UTF-16 ones are recognised by their byte order mark first).
    const TextEncoding guessed = detectEncoding(data);
    if (guessed != TextEncoding::Utf16Le && guessed != TextEncoding::Utf16Be && data.contains('\0')) {
        TableData bad;
        bad.error =
            u"文件不是文本格式的 CSV（含有二进制内容）。如果是 Excel 文件，请保存为 .xlsx 或 CSV 后再导入"_s;
        return bad;
    }
    QString text;
    TextEncoding encoding = TextEncoding::Utf8;
    if (!decodeText(data, &text, &encoding)) {
        TableData bad;
        bad.encoding = encodingName(encoding);
        bad.error = u"无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030）。请在 Excel 或 WPS 中另存为"
                    u"“CSV UTF-8（逗号分隔）”后再导入"_s;
        return bad;
    }
    TableData out = parseCsvText(text, progress);
    out.encoding = encodingName(encoding);
    return out;
}

TableData readCsv(const QString &path, const ProgressCallback &progress)
{
    QFile file(path);
    if (!file.exists()) {
        TableData bad;
        bad.error = u"找不到文件“%1”"_s.arg(QFileInfo(path).fileName());
        return bad;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        TableData bad;
        bad.error =
            u"无法打开文件“%1”：没有读取权限，或文件正被其他程序占用"_s.arg(QFileInfo(path).fileName());
        return bad;
    }
    if (file.size() > kMaxCsvBytes) {
        TableData bad;
        bad.error = u"文件“%1”太大（超过 1 GB），请分成几个文件导入"_s.arg(QFileInfo(path).fileName());
        return bad;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        TableData bad;
        bad.error = u"读取文件“%1”时出错"_s.arg(QFileInfo(path).fileName());
        return bad;
    }
    return parseCsv(data, progress);
}

} // namespace sunshine::io
