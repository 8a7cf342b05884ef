#pragma once

#include <QString>

class QTextDocument;

namespace sunshine::app {

// Prints a document as an A4 PDF (portrait, 15 mm margins, 300 dpi) with its title; false with the reason
// (Chinese) when the file could not be written. The reports and bulletins the program hands on.
bool writePdf(QTextDocument &document, const QString &path, const QString &title, QString *error);

} // namespace sunshine::app
