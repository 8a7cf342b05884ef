#pragma once

#include <QByteArray>
#include <QString>

namespace sunshine {

// JSON written straight into an answer body, for the hot read paths that copy stored JSON text instead of
// parsing and encoding it again: a string value with its quotes and escapes.
void appendJsonString(QByteArray &out, const QString &s);
// The same for text that is UTF-8 already.
void appendJsonUtf8(QByteArray &out, const QByteArray &utf8);

} // namespace sunshine
