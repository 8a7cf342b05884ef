// Resident identity numbers (GB 11643-1999). The valid numbers below carry check characters computed by hand
// with the standard's ISO 7064 MOD 11-2 weights (and by gb11643Check() in this file, written independently of
// the code under test); 11010519491231002X is the standard's own example.

#include "common/core/IdCard.h"

#include <QSet>
#include <QTest>
#include <array>

using namespace Qt::Literals::StringLiterals;
using sunshine::IdCard;

Q_DECLARE_METATYPE(sunshine::IdCard::Error)
Q_DECLARE_METATYPE(sunshine::IdCard::Gender)

namespace {

// GB 11643-1999: weights 2^(17-i) mod 11 for positions 1..17; check = (12 - (sum mod 11)) mod 11, 10 as 'X'.
QChar gb11643Check(const QString &first17)
{
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        int weight = 1;
        for (int k = 0; k < 17 - i; ++k)
            weight = weight * 2 % 11;
        sum += (first17.at(i).unicode() - u'0') * weight;
    }
    const int check = (12 - sum % 11) % 11;
    return check == 10 ? QChar(u'X') : QChar(char16_t(u'0' + check));
}

// A number with a correct check character, so that only the other parts can make it invalid.
QString withCheck(const QString &first17)
{
    return first17 + gb11643Check(first17);
}

// The same number with a check character that is wrong.
QString withWrongCheck(const QString &first17)
{
    const QChar right = gb11643Check(first17);
    return first17 + (right == u'0' ? QChar(u'1') : QChar(u'0'));
}

QString toFullWidth(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c >= u'0' && c <= u'9')
            out.append(QChar(char16_t(c.unicode() - u'0' + 0xFF10)));
        else if (c == u'X')
            out.append(u'ｘ');
        else
            out.append(c);
    }
    return out;
}

const QDate kToday(2026, 6, 1);

} // namespace

class TestIdCard : public QObject
{
    Q_OBJECT

private slots:
    void checkCharacter_data();
    void checkCharacter();
    void checkCharacterAgreesWithStandard();
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void everySingleDigitErrorIsCaught();
    void ageOn_data();
    void ageOn();
    void masked_data();
    void masked();
    void errorMessages();
};

void TestIdCard::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("expected");

    // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> 'X'.
    QTest::newRow("GB 11643 example") << u"11010519491231002"_s << QChar(u'X');
    QTest::newRow("Nantong Chongchuan 1980") << u"32060219800615123"_s << QChar(u'7');
    QTest::newRow("Rugao 1980 X") << u"32068419800615124"_s << QChar(u'X');
    QTest::newRow("Haimen 2000-02-29") << u"32061220000229001"_s << QChar(u'3');
    QTest::newRow("Beijing 1900-01-01") << u"11010119000101001"_s << QChar(u'4');
    QTest::newRow("Shenzhen 1985") << u"44030419851120052"_s << QChar(u'3');
    QTest::newRow("Shanghai 1978 check 0") << u"31011519780923341"_s << QChar(u'0');
    QTest::newRow("all zeros") << u"00000000000000000"_s << QChar(u'1');
    QTest::newRow("16 digits") << u"1101051949123100"_s << QChar();
    QTest::newRow("18 digits") << u"110105194912310021"_s << QChar();
    QTest::newRow("letter inside") << u"1101051949123100A"_s << QChar();
    QTest::newRow("empty") << QString() << QChar();
}

void TestIdCard::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, expected);
    QCOMPARE(IdCard::checkCharacter(first17), expected);
}

void TestIdCard::checkCharacterAgreesWithStandard()
{
    // Deterministic spread of 17-digit prefixes; each check character value must turn up.
    quint64 state = 11643;
    QSet<QChar> seen;
    for (int i = 0; i < 5000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const QString first17 = QString::number(state >> 8).rightJustified(17, u'0').right(17);
        QCOMPARE(first17.size(), 17);
        const QChar expected = gb11643Check(first17);
        QCOMPARE(IdCard::checkCharacter(first17), expected);
        seen.insert(expected);
    }
    QCOMPARE(seen.size(), 11);
}

void TestIdCard::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<IdCard::Gender>("gender");

    using G = IdCard::Gender;
    QTest::newRow("GB example, female")
        << u"11010519491231002X"_s << u"11010519491231002X"_s << QDate(1949, 12, 31) << G::Female;
    QTest::newRow("Chongchuan, male")
        << u"320602198006151237"_s << u"320602198006151237"_s << QDate(1980, 6, 15) << G::Male;
    QTest::newRow("Rugao, female, X")
        << u"32068419800615124X"_s << u"32068419800615124X"_s << QDate(1980, 6, 15) << G::Female;
    QTest::newRow("Feb 29 in a leap year")
        << u"320612200002290013"_s << u"320612200002290013"_s << QDate(2000, 2, 29) << G::Male;
    QTest::newRow("1900-01-01 is the earliest")
        << u"110101190001010014"_s << u"110101190001010014"_s << QDate(1900, 1, 1) << G::Male;
    QTest::newRow("Shenzhen, female")
        << u"440304198511200523"_s << u"440304198511200523"_s << QDate(1985, 11, 20) << G::Female;
    QTest::newRow("check digit 0, male")
        << u"310115197809233410"_s << u"310115197809233410"_s << QDate(1978, 9, 23) << G::Male;
    QTest::newRow("born today") << u"320682202606010033"_s << u"320682202606010033"_s << QDate(2026, 6, 1)
                                << G::Male;
    QTest::newRow("Taiwan code 71") << u"710101198001010012"_s << u"710101198001010012"_s << QDate(1980, 1, 1)
                                    << G::Male;
    QTest::newRow("residence permit code 83")
        << u"83010119800101001X"_s << u"83010119800101001X"_s << QDate(1980, 1, 1) << G::Male;

    // Normalisation.
    QTest::newRow("lower-case x") << u"11010519491231002x"_s << u"11010519491231002X"_s << QDate(1949, 12, 31)
                                  << G::Female;
    QTest::newRow("full-width digits and x") << u"１１０１０５１９４９１２３１００２ｘ"_s
                                             << u"11010519491231002X"_s << QDate(1949, 12, 31) << G::Female;
    QTest::newRow("full-width digits and x, Rugao")
        << toFullWidth(u"32068419800615124X"_s) << u"32068419800615124X"_s << QDate(1980, 6, 15) << G::Female;
    QTest::newRow("full-width capital X")
        << u"32068419800615124Ｘ"_s << u"32068419800615124X"_s << QDate(1980, 6, 15) << G::Female;
    QTest::newRow("surrounding and inner spaces")
        << u"  110105 19491231 002X\n"_s << u"11010519491231002X"_s << QDate(1949, 12, 31) << G::Female;
    QTest::newRow("ideographic space")
        << u"320602\u300019800615\u30001237"_s << u"320602198006151237"_s << QDate(1980, 6, 15) << G::Male;
    QTest::newRow("built with computed check")
        << withCheck(u"32068119650301571"_s) << withCheck(u"32068119650301571"_s) << QDate(1965, 3, 1)
        << G::Male;
}

void TestIdCard::parseValid()
{
    QFETCH(QString, input);
    QFETCH(QString, number);
    QFETCH(QDate, birth);
    QFETCH(IdCard::Gender, gender);

    const IdCard id = IdCard::parse(input, kToday);
    QCOMPARE(id.error(), IdCard::Error::None);
    QVERIFY(id.isValid());
    QCOMPARE(id.number(), number);
    QCOMPARE(id.regionCode(), number.left(6));
    QCOMPARE(id.birthDate(), birth);
    QCOMPARE(id.gender(), gender);
    // Also valid with no `today` to compare against.
    QVERIFY(IdCard::parse(input, QDate()).isValid());
}

void TestIdCard::parseInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<IdCard::Error>("error");

    using E = IdCard::Error;
    QTest::newRow("empty") << QString() << kToday << E::Empty;
    QTest::newRow("blank") << u"  \t "_s << kToday << E::Empty;

    QTest::newRow("wrong check digit") << u"110105194912310021"_s << kToday << E::BadCheckDigit;
    QTest::newRow("X where 7 is due") << u"32060219800615123X"_s << kToday << E::BadCheckDigit;
    QTest::newRow("digit where X is due") << u"110105194912310020"_s << kToday << E::BadCheckDigit;
    // 320602198006151237 with the two sequence digits 2,3 swapped.
    QTest::newRow("adjacent transposition") << u"320602198006151327"_s << kToday << E::BadCheckDigit;
    QTest::newRow("one digit mistyped") << u"320602198006151247"_s << kToday << E::BadCheckDigit;
    QTest::newRow("computed wrong check")
        << withWrongCheck(u"32068119650301571"_s) << kToday << E::BadCheckDigit;

    QTest::newRow("17 characters") << u"11010519491231002"_s << kToday << E::WrongLength;
    QTest::newRow("19 characters") << u"11010519491231002X1"_s << kToday << E::WrongLength;
    QTest::newRow("old 15-digit number") << u"110105491231002"_s << kToday << E::WrongLength;
    QTest::newRow("one character") << u"1"_s << kToday << E::WrongLength;

    QTest::newRow("letter inside") << u"1101051949123100AX"_s << kToday << E::BadCharacters;
    QTest::newRow("X not last") << u"1101051949123100X2"_s << kToday << E::BadCharacters;
    QTest::newRow("hyphen") << u"110105-1949123100X"_s << kToday << E::BadCharacters;
    QTest::newRow("last is Y") << u"11010519491231002Y"_s << kToday << E::BadCharacters;
    QTest::newRow("Arabic-Indic digit") << u"11010519491231002\u0661"_s << kToday << E::BadCharacters;

    // Correct check characters, so only the region is wrong.
    QTest::newRow("region 00") << u"000101198001010015"_s << kToday << E::UnknownRegion;
    QTest::newRow("region 10") << u"100101198001010019"_s << kToday << E::UnknownRegion;
    QTest::newRow("region 16") << u"16010119800101001X"_s << kToday << E::UnknownRegion;
    QTest::newRow("region 99") << u"990101198001010014"_s << kToday << E::UnknownRegion;
    QTest::newRow("region 24") << withCheck(u"24010119800101001"_s) << kToday << E::UnknownRegion;
    QTest::newRow("region 38") << withCheck(u"38010119800101001"_s) << kToday << E::UnknownRegion;
    QTest::newRow("region 47") << withCheck(u"47010119800101001"_s) << kToday << E::UnknownRegion;
    QTest::newRow("region 55") << withCheck(u"55010119800101001"_s) << kToday << E::UnknownRegion;
    QTest::newRow("region 66") << withCheck(u"66010119800101001"_s) << kToday << E::UnknownRegion;
    QTest::newRow("region 84") << withCheck(u"84010119800101001"_s) << kToday << E::UnknownRegion;

    // Correct check characters, so only the birth date is wrong.
    QTest::newRow("Feb 30") << u"320602199002301239"_s << kToday << E::BadBirthDate;
    QTest::newRow("Feb 29 in 2001") << u"32060220010229123X"_s << kToday << E::BadBirthDate;
    QTest::newRow("Feb 29 in 1900, no leap year") << u"320602190002291236"_s << kToday << E::BadBirthDate;
    QTest::newRow("month 13") << u"320602199013011237"_s << kToday << E::BadBirthDate;
    QTest::newRow("day 00") << u"320602199001001234"_s << kToday << E::BadBirthDate;
    QTest::newRow("month 00") << withCheck(u"32060219900001123"_s) << kToday << E::BadBirthDate;
    QTest::newRow("April 31") << withCheck(u"32060219900431123"_s) << kToday << E::BadBirthDate;
    QTest::newRow("1899-12-31 before 1900") << u"320602189912311234"_s << kToday << E::BadBirthDate;
    QTest::newRow("year 0000") << withCheck(u"32060200000101123"_s) << kToday << E::BadBirthDate;

    QTest::newRow("born tomorrow") << u"320682202606020039"_s << kToday << E::FutureBirthDate;
    QTest::newRow("born next century") << withCheck(u"32068221000101003"_s) << kToday << E::FutureBirthDate;
    QTest::newRow("valid a day later") << u"320682202606020039"_s << kToday.addDays(1) << E::None;
}

void TestIdCard::parseInvalid()
{
    QFETCH(QString, input);
    QFETCH(QDate, today);
    QFETCH(IdCard::Error, error);

    const IdCard id = IdCard::parse(input, today);
    QCOMPARE(id.error(), error);
    QCOMPARE(id.isValid(), error == IdCard::Error::None);
    if (error != IdCard::Error::None) {
        QCOMPARE(id.gender(), IdCard::Gender::Unknown);
        QVERIFY(!id.birthDate().isValid());
        QCOMPARE(id.ageOn(kToday), 0);
    }
}

// MOD 11-2 catches every single wrong digit: change each of the 18 positions of a valid number to each other
// digit; the result must never parse as valid.
void TestIdCard::everySingleDigitErrorIsCaught()
{
    const QString valid = u"320602198006151237"_s;
    QVERIFY(IdCard::parse(valid, kToday).isValid());
    int variants = 0;
    for (int pos = 0; pos < 18; ++pos) {
        for (char16_t digit = u'0'; digit <= u'9'; ++digit) {
            if (valid.at(pos) == QChar(digit))
                continue;
            QString changed = valid;
            changed[pos] = QChar(digit);
            const IdCard id = IdCard::parse(changed, kToday);
            QVERIFY2(!id.isValid(), qPrintable(changed));
            ++variants;
        }
    }
    QCOMPARE(variants, 18 * 9);
}

void TestIdCard::ageOn_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<int>("age");

    const QString born1980 = u"320602198006151237"_s; // 1980-06-15
    QTest::newRow("day before 46th birthday") << born1980 << QDate(2026, 6, 14) << 45;
    QTest::newRow("46th birthday") << born1980 << QDate(2026, 6, 15) << 46;
    QTest::newRow("day after 46th birthday") << born1980 << QDate(2026, 6, 16) << 46;
    QTest::newRow("earlier month") << born1980 << QDate(2026, 5, 31) << 45;
    QTest::newRow("later month") << born1980 << QDate(2026, 7, 1) << 46;
    QTest::newRow("day of birth") << born1980 << QDate(1980, 6, 15) << 0;
    QTest::newRow("day before first birthday") << born1980 << QDate(1981, 6, 14) << 0;
    QTest::newRow("first birthday") << born1980 << QDate(1981, 6, 15) << 1;
    QTest::newRow("before birth") << born1980 << QDate(1970, 1, 1) << 0;
    QTest::newRow("invalid date") << born1980 << QDate() << 0;

    const QString leap = u"320612200002290013"_s; // 2000-02-29
    QTest::newRow("leapling 2001-02-28") << leap << QDate(2001, 2, 28) << 0;
    QTest::newRow("leapling 2001-03-01") << leap << QDate(2001, 3, 1) << 1;
    QTest::newRow("leapling 2004-02-28") << leap << QDate(2004, 2, 28) << 3;
    QTest::newRow("leapling 2004-02-29") << leap << QDate(2004, 2, 29) << 4;
    QTest::newRow("leapling 2018-03-01 turns 18") << leap << QDate(2018, 3, 1) << 18;
    QTest::newRow("leapling 2018-02-28 still 17") << leap << QDate(2018, 2, 28) << 17;

    QTest::newRow("GB example on 2026-06-01") << u"11010519491231002X"_s << QDate(2026, 6, 1) << 76;
    QTest::newRow("invalid number") << u"110105194912310021"_s << QDate(2026, 6, 1) << 0;
}

void TestIdCard::ageOn()
{
    QFETCH(QString, number);
    QFETCH(QDate, on);
    QFETCH(int, age);
    QCOMPARE(IdCard::parse(number, kToday).ageOn(on), age);
}

void TestIdCard::masked_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("expected");

    QTest::newRow("18 characters") << u"11010519491231002X"_s << u"1101**********002X"_s;
    QTest::newRow("Nantong") << u"320602198006151237"_s << u"3206**********1237"_s;
    QTest::newRow("9 characters") << u"123456789"_s << u"1234*6789"_s;
    QTest::newRow("8 characters all hidden") << u"12345678"_s << u"********"_s;
    QTest::newRow("3 characters all hidden") << u"123"_s << u"***"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestIdCard::masked()
{
    QFETCH(QString, number);
    QFETCH(QString, expected);
    const QString m = IdCard::masked(number);
    QCOMPARE(m, expected);
    QCOMPARE(m.size(), number.size());
}

void TestIdCard::errorMessages()
{
    using E = IdCard::Error;
    QVERIFY(IdCard::errorMessage(E::None).isEmpty());
    QCOMPARE(IdCard::errorMessage(E::WrongLength), u"身份证号应为 18 位"_s);
    const std::array<E, 7> errors = {E::Empty,        E::WrongLength,     E::BadCharacters, E::UnknownRegion,
                                     E::BadBirthDate, E::FutureBirthDate, E::BadCheckDigit};
    QStringList seen;
    for (const E e : errors) {
        const QString m = IdCard::errorMessage(e);
        QVERIFY(!m.isEmpty());
        QVERIFY2(!seen.contains(m), qPrintable(m));
        seen.append(m);
    }
    // A default-constructed card is empty, not valid.
    const IdCard none;
    QCOMPARE(none.error(), E::Empty);
    QVERIFY(!none.isValid());
}

QTEST_GUILESS_MAIN(TestIdCard)
#include "tst_idcard.moc"
