#include "common/io/XlsxReader.h"

#include <QDate>
#include <QTime>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

// The text of a cell's stored value as Excel shows it: the date kinds of number formats, numbers with Excel's
// fifteen significant digits, and date serials.
namespace sunshine::io {

namespace {
// Excel's serial of 9999-12-31, the last date it shows.
constexpr double kMaxSerial = 2958465.99999;
} // namespace

DateKind dateKindOfFormat(int numFmtId, const QString &formatCode)
{
    if (formatCode.isEmpty()) {
        if ((numFmtId >= 14 && numFmtId <= 17) || (numFmtId >= 27 && numFmtId <= 31) || numFmtId == 36 ||
            (numFmtId >= 50 && numFmtId <= 54) || numFmtId == 57 || numFmtId == 58)
            return DateKind::Date;
        if ((numFmtId >= 18 && numFmtId <= 21) || (numFmtId >= 32 && numFmtId <= 35) ||
            (numFmtId >= 45 && numFmtId <= 47) || numFmtId == 55 || numFmtId == 56)
            return DateKind::Time;
        if (numFmtId == 22)
            return DateKind::DateTime;
        return DateKind::None;
    }
    bool date = false;
    bool time = false;
    bool month = false;
    const qsizetype n = formatCode.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = formatCode.at(i);
        if (c == u';')
            break; // the first section decides
        if (c == u'"') {
            const qsizetype close = formatCode.indexOf(u'"', i + 1);
            if (close < 0)
                break;
            i = close;
            continue;
        }
        if (c == u'\\' || c == u'_' || c == u'*') {
            ++i; // an escaped character, a space as wide as one, a fill character
            continue;
        }
        if (c == u'[') {
            const qsizetype close = formatCode.indexOf(u']', i + 1);
            if (close < 0)
                break;
            const QStringView inside = QStringView(formatCode).mid(i + 1, close - i - 1);
            bool elapsed = !inside.isEmpty();
            for (const QChar e : inside) {
                const char16_t l = e.toLower().unicode();
                if (l != u'h' && l != u'm' && l != u's')
                    elapsed = false;
            }
            time = time || elapsed; // [h]:mm:ss
            i = close;
            continue;
        }
        const QStringView rest = QStringView(formatCode).mid(i);
        if (rest.startsWith(u"am/pm", Qt::CaseInsensitive)) {
            time = true;
            i += 4;
            continue;
        }
        if (rest.startsWith(u"a/p", Qt::CaseInsensitive)) {
            time = true;
            i += 2;
            continue;
        }
        const char16_t l = c.toLower().unicode();
        if (l == u'y' || l == u'd')
            date = true;
        else if (l == u'h' || l == u's')
            time = true;
        else if (l == u'm')
            month = true;
    }
    if (month && !time)
        date = true; // "m" with no hours or seconds near is a month; "mm:ss" is minutes
    if (date && time)
        return DateKind::DateTime;
    if (date)
        return DateKind::Date;
    if (time)
        return DateKind::Time;
    return DateKind::None;
}

QString excelNumberText(const QString &stored)
{
    bool ok = false;
    const double value = stored.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return stored.trimmed();
    if (value == 0)
        return u"0"_s;
    // Fifteen significant digits, as Excel shows: d.dddddddddddddde±XX
    const QString e = QString::number(std::fabs(value), 'e', 14);
    const qsizetype ePos = e.indexOf(u'e');
    QString digits = e.left(ePos);
    digits.remove(u'.');
    const int exponent = QStringView(e).mid(ePos + 1).toInt();
    while (digits.size() > 1 && digits.endsWith(u'0'))
        digits.chop(1);
    const int count = int(digits.size());
    QString out;
    if (value < 0)
        out.append(u'-');
    if (exponent > 20 || exponent < -10) {
        out += digits.left(1);
        if (count > 1)
            out += u'.' + digits.mid(1);
        out += u'E' + QString(exponent < 0 ? u"-"_s : u"+"_s) +
               QString::number(std::abs(exponent)).rightJustified(2, u'0');
    } else if (exponent >= count - 1) {
        out += digits + QString(exponent - (count - 1), u'0');
    } else if (exponent >= 0) {
        out += digits.left(exponent + 1) + u'.' + digits.mid(exponent + 1);
    } else {
        out += u"0."_s + QString(-exponent - 1, u'0') + digits;
    }
    return out;
}

QString excelSerialText(double serial, DateKind kind, bool date1904)
{
    if (kind == DateKind::None || !std::isfinite(serial) || serial < 0 || serial > kMaxSerial)
        return excelNumberText(QString::number(serial, 'g', 17));
    const qint64 seconds = std::llround(serial * 86400.0);
    const qint64 days = seconds / 86400;
    const int secondOfDay = int(seconds % 86400);
    const QString timeText = QTime(0, 0).addSecs(secondOfDay).toString(u"HH:mm:ss"_s);
    if (kind == DateKind::Time)
        return timeText;
    QString dateText;
    if (date1904) {
        dateText = QDate(1904, 1, 1).addDays(days).toString(u"yyyy-MM-dd"_s);
    } else if (days >= 61) {
        dateText = QDate(1899, 12, 30).addDays(days).toString(u"yyyy-MM-dd"_s);
    } else if (days == 60) {
        dateText = u"1900-02-29"_s; // the day Excel counts though it never was (kept for Lotus 1-2-3)
    } else {
        dateText = QDate(1899, 12, 31).addDays(days).toString(u"yyyy-MM-dd"_s);
    }
    if (kind == DateKind::Date)
        return dateText;
    return dateText + u' ' + timeText;
}

} // namespace sunshine::io
