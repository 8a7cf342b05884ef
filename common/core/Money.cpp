#include "common/core/Money.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::money {

ParseResult parseYuan(const QString &text, bool allowNegative)
{
    QString s;
    s.reserve(text.size());
    QList<int> commaPositions; // where thousands separators stood, counted in the digits kept
    for (const QChar c : text) {
        // Spaces (also full-width and non-breaking) and currency signs are dropped.
        if (c.isSpace() || c == u'¥' || c == u'￥' || c == u'元')
            continue;
        if (c == u',' || c == u'，') {
            commaPositions.append(int(s.size()));
            continue;
        }
        s.append(c);
    }
    if (s.isEmpty())
        return {std::nullopt, ParseError::Empty};
    // Commas are thousands separators only: each must stand before a group of exactly three digits of the
    // whole part ("1,234.5"); "1,5" (a decimal comma) is refused rather than read as 15.
    if (!commaPositions.isEmpty()) {
        qsizetype wholeEnd = s.indexOf(u'.');
        if (wholeEnd < 0)
            wholeEnd = s.size();
        const qsizetype firstDigit = (s.startsWith(u'-') || s.startsWith(u'+')) ? 1 : 0;
        for (const int pos : std::as_const(commaPositions)) {
            if (pos <= firstDigit || pos > wholeEnd || (wholeEnd - pos) % 3 != 0)
                return {std::nullopt, ParseError::Malformed};
        }
    }

    bool negative = false;
    int i = 0;
    if (s.at(0) == u'-' || s.at(0) == u'+') {
        negative = s.at(0) == u'-';
        i = 1;
    }
    Fen yuan = 0;
    int intDigits = 0;
    for (; i < s.size() && s.at(i).isDigit(); ++i) {
        if (s.at(i).unicode() > 127)
            return {std::nullopt, ParseError::Malformed};
        yuan = yuan * 10 + (s.at(i).unicode() - u'0');
        if (yuan > kMaxFen / 100)
            return {std::nullopt, ParseError::TooLarge};
        ++intDigits;
    }
    Fen cents = 0;
    int decimals = 0;
    if (i < s.size() && s.at(i) == u'.') {
        ++i;
        for (; i < s.size() && s.at(i).isDigit() && s.at(i).unicode() <= 127; ++i) {
            if (++decimals > 2)
                return {std::nullopt, ParseError::TooManyDecimals};
            cents = cents * 10 + (s.at(i).unicode() - u'0');
        }
        if (decimals == 1)
            cents *= 10;
    }
    if (i != s.size() || (intDigits == 0 && decimals == 0))
        return {std::nullopt, ParseError::Malformed};
    if (negative && !allowNegative && (yuan != 0 || cents != 0))
        return {std::nullopt, ParseError::Negative};
    const Fen total = yuan * 100 + cents;
    if (total > kMaxFen)
        return {std::nullopt, ParseError::TooLarge};
    return {negative ? -total : total, ParseError::None};
}

QString formatYuan(Fen fen, bool grouped)
{
    const bool negative = fen < 0;
    // Work in unsigned space so the most negative value formats too.
    const quint64 abs = negative ? quint64(0) - quint64(fen) : quint64(fen);
    QString whole = QString::number(abs / 100);
    if (grouped) {
        for (qsizetype pos = whole.size() - 3; pos > 0; pos -= 3)
            whole.insert(pos, u',');
    }
    const quint64 cents = abs % 100;
    return (negative ? u"-"_s : QString()) + whole + u'.' + QChar(u'0' + int(cents / 10)) +
           QChar(u'0' + int(cents % 10));
}

QString parseErrorMessage(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return {};
    case ParseError::Empty:
        return u"请输入金额"_s;
    case ParseError::Malformed:
        return u"金额格式不正确，应为数字，例如 1234.56"_s;
    case ParseError::TooManyDecimals:
        return u"金额最多保留两位小数（精确到分）"_s;
    case ParseError::Negative:
        return u"金额不能为负数"_s;
    case ParseError::TooLarge:
        return u"金额超出允许范围"_s;
    }
    return {};
}

} // namespace sunshine::money
