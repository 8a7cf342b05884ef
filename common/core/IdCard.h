#pragma once

#include <QDate>
#include <QString>

namespace sunshine {

// The 18-character resident identity number of GB 11643-1999 (身份证号).
class IdCard
{
public:
    enum class Error
    {
        None,
        Empty,
        WrongLength,   // not 18 characters
        BadCharacters, // first 17 must be digits, the last a digit or X
        UnknownRegion, // first two digits are no province-level code
        BadBirthDate,  // digits 7-14 are no real date, or before 1900
        FutureBirthDate,
        BadCheckDigit,
    };
    enum class Gender
    {
        Unknown,
        Male,
        Female
    };

    // Normalises (trims, upper-cases a trailing x, folds full-width digits) and validates.
    // `today` is the date the birth date must not be after.
    static IdCard parse(const QString &text, QDate today);

    // The check character for the first 17 digits ('0'-'9' or 'X'), or a null QChar when they are not digits.
    static QChar checkCharacter(QStringView first17);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    QString number() const { return m_number; }
    QString regionCode() const { return m_number.left(6); }
    QDate birthDate() const { return m_birth; }
    Gender gender() const;
    // Age in whole years on `on`.
    int ageOn(QDate on) const;

    // "3206**********123X": keeps the first 4 and the last 4 characters.
    static QString masked(const QString &number);
    static QString errorMessage(Error error);

private:
    QString m_number;
    QDate m_birth;
    Error m_error = Error::Empty;
};

} // namespace sunshine
