#include "common/core/Quarter.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

std::optional<Quarter> Quarter::parse(const QString &text)
{
    if (text.size() != 6 || text.at(4) != u'Q')
        return std::nullopt;
    int y = 0;
    for (int i = 0; i < 4; ++i) {
        const QChar c = text.at(i);
        if (c < u'0' || c > u'9')
            return std::nullopt;
        y = y * 10 + (c.unicode() - u'0');
    }
    const QChar digit = text.at(5);
    if (digit < u'1' || digit > u'4')
        return std::nullopt;
    const Quarter q{y, digit.unicode() - u'0'};
    if (!q.isValid())
        return std::nullopt;
    return q;
}

Quarter Quarter::of(QDate date)
{
    if (!date.isValid())
        return {};
    return Quarter{date.year(), (date.month() - 1) / 3 + 1};
}

QString Quarter::toString() const
{
    if (!isValid())
        return {};
    return u"%1Q%2"_s.arg(year, 4, 10, QLatin1Char('0')).arg(number);
}

QString Quarter::chineseName() const
{
    if (!isValid())
        return {};
    static const std::array<QString, 4> numerals{u"一"_s, u"二"_s, u"三"_s, u"四"_s};
    return u"%1年第%2季度"_s.arg(year).arg(numerals[std::size_t(number - 1)]);
}

QDate Quarter::firstDay() const
{
    if (!isValid())
        return {};
    return QDate(year, (number - 1) * 3 + 1, 1);
}

QDate Quarter::lastDay() const
{
    if (!isValid())
        return {};
    return next().firstDay().addDays(-1);
}

Quarter Quarter::next() const
{
    return number >= 4 ? Quarter{year + 1, 1} : Quarter{year, number + 1};
}

Quarter Quarter::previous() const
{
    return number <= 1 ? Quarter{year - 1, 4} : Quarter{year, number - 1};
}

} // namespace sunshine
