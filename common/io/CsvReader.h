#pragma once

#include "common/io/TableFile.h"

#include <QByteArray>
#include <QString>

namespace sunshine::io {

// CSV as Chinese Excel and WPS save it (RFC 4180): fields separated by commas (or tabs, for "Unicode text"
// .txt files and files whose first line has tabs but no comma; a first line "sep=;" names the separator),
// quoted fields with doubled quotes, embedded separators and line breaks, CRLF, LF or CR line ends, with or
// without a final line break. Fields are not trimmed. A quote inside an unquoted field, or text after a
// closing quote, is kept as it stands (as Excel does); a quote that is never closed is an error.

enum class TextEncoding
{
    Utf8,
    Utf8Bom,
    Utf16Le, // with byte order mark: Excel's "Unicode 文本"
    Utf16Be, // with byte order mark
    Gb18030  // GBK and GB2312 are subsets: what Chinese Excel writes for "CSV (逗号分隔)"
};

// "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030".
QString encodingName(TextEncoding encoding);

// A byte order mark decides; otherwise valid UTF-8 is UTF-8 (plain ASCII included) and anything else is
// taken for GB18030.
TextEncoding detectEncoding(const QByteArray &data);

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence.
bool isValidUtf8(const QByteArray &data);

// Decodes with detectEncoding(). Returns false (text then holds what could be decoded, with U+FFFD for
// the bad bytes) when the bytes are not valid in the detected encoding either.
bool decodeText(const QByteArray &data, QString *text, TextEncoding *encoding);

// Reads CSV bytes; progress is reported in characters of the decoded text.
TableData parseCsv(const QByteArray &data, const ProgressCallback &progress = {});

// Reads CSV text that is already decoded (encoding stays empty).
TableData parseCsvText(const QString &text, const ProgressCallback &progress = {});

// Reads a whole CSV file.
TableData readCsv(const QString &path, const ProgressCallback &progress = {});

} // namespace sunshine::io
