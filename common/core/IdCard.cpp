#include "common/core/IdCard.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char16_t kCheckChars[] = u"10X98765432";

bool isProvinceCode(int code)
{
    // Province-level divisions of GB/T 2260, plus 71 (Taiwan), 81/82 (Hong Kong, Macao) and 83 used by
    // residence permits for Taiwan residents.
    return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37) ||
           (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
           code == 71 || code == 81 || code == 82 || code == 83;
}

} // namespace

QChar IdCard::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (c < u'0' || c > u'9')
            return {};
        sum += (c.unicode() - u'0') * kWeights[size_t(i)];
    }
    return QChar(kCheckChars[sum % 11]);
}

IdCard IdCard::parse(const QString &text, QDate today)
{
    IdCard id;
    QString s;
    s.reserve(18);
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        // Full-width digits and letters (as typed with a Chinese IME) fold to ASCII.
        if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19)
            s.append(QChar(char16_t(c.unicode() - 0xFF10 + u'0')));
        else if (c == u'ｘ' || c == u'Ｘ' || c == u'x')
            s.append(u'X');
        else
            s.append(c);
    }
    id.m_number = s;
    if (s.isEmpty())
        return id;
    if (s.size() != 18) {
        id.m_error = Error::WrongLength;
        return id;
    }
    for (int i = 0; i < 18; ++i) {
        const QChar c = s.at(i);
        const bool digit = c >= u'0' && c <= u'9';
        if (!digit && !(i == 17 && c == u'X')) {
            id.m_error = Error::BadCharacters;
            return id;
        }
    }
    if (!isProvinceCode(QStringView(s).left(2).toInt())) {
        id.m_error = Error::UnknownRegion;
        return id;
    }
    const QDate birth(QStringView(s).mid(6, 4).toInt(), QStringView(s).mid(10, 2).toInt(),
                      QStringView(s).mid(12, 2).toInt());
    if (!birth.isValid() || birth.year() < 1900) {
        id.m_error = Error::BadBirthDate;
        return id;
    }
    if (today.isValid() && birth > today) {
        id.m_error = Error::FutureBirthDate;
        return id;
    }
    if (checkCharacter(QStringView(s).left(17)) != s.at(17)) {
        id.m_error = Error::BadCheckDigit;
        return id;
    }
    id.m_birth = birth;
    id.m_error = Error::None;
    return id;
}

IdCard::Gender IdCard::gender() const
{
    if (!isValid())
        return Gender::Unknown;
    return (m_number.at(16).unicode() - u'0') % 2 == 1 ? Gender::Male : Gender::Female;
}

int IdCard::ageOn(QDate on) const
{
    if (!isValid() || !on.isValid() || on < m_birth)
        return 0;
    int age = on.year() - m_birth.year();
    if (on.month() < m_birth.month() || (on.month() == m_birth.month() && on.day() < m_birth.day()))
        --age;
    return age;
}

QString IdCard::masked(const QString &number)
{
    if (number.size() <= 8)
        return QString(number.size(), u'*');
    return number.left(4) + QString(number.size() - 8, u'*') + number.right(4);
}

QString IdCard::errorMessage(Error error)
{
    switch (error) {
    case Error::None:
        return {};
    case Error::Empty:
        return u"请输入身份证号"_s;
    case Error::WrongLength:
        return u"身份证号应为 18 位"_s;
    case Error::BadCharacters:
        return u"身份证号前 17 位应为数字，最后一位为数字或 X"_s;
    case Error::UnknownRegion:
        return u"身份证号的地区码不存在"_s;
    case Error::BadBirthDate:
        return u"身份证号中的出生日期不是有效日期"_s;
    case Error::FutureBirthDate:
        return u"身份证号中的出生日期晚于今天"_s;
    case Error::BadCheckDigit:
        return u"身份证号校验位不正确，请核对是否有输错的数字"_s;
    }
    return {};
}

} // namespace sunshine
