#pragma once

#include <QString>

// The codes people without an account look something up by (what they asked for or reported): a two-letter
// prefix and 8 characters of [2-9A-HJ-NP-Z] (no 0/1/I/O, which are easily misread), derived from the record
// id by SHA-256: the same id always gives the same code, and a code reveals neither the id nor another code.
namespace sunshine {

QString lookupCode(const QString &prefix, const QString &recordId);
// True when `code` (upper case) has the shape of a code with `prefix`.
bool isLookupCode(const QString &prefix, const QString &code);

} // namespace sunshine
