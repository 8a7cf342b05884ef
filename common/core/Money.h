#pragma once

#include <QString>
#include <optional>

namespace sunshine {

// Money is an integer number of fen (分). Never floating point.
using Fen = qint64;

namespace money {

enum class ParseError
{
    None,
    Empty,
    Malformed,
    TooManyDecimals,
    Negative,
    TooLarge
};

struct ParseResult
{
    std::optional<Fen> fen;
    ParseError error = ParseError::None;
};

// Largest amount accepted: one trillion yuan, far above any single record and far below overflow.
inline constexpr Fen kMaxFen = 100'000'000'000'000LL;

// Parses a yuan amount as clerks type it or Excel exports it: "1234", "1,234.5", "1234.56", "￥1 234.00",
// "-12.30" (when allowNegative). At most two decimals; no exponent; no rounding.
ParseResult parseYuan(const QString &text, bool allowNegative = false);

// "1,234.56" (grouped) or "1234.56" (plain); always two decimals.
QString formatYuan(Fen fen, bool grouped = true);

// Chinese message for a parse error, for the field it belongs to.
QString parseErrorMessage(ParseError error);

} // namespace money
} // namespace sunshine
