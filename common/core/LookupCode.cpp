#include "common/core/LookupCode.h"

#include <QCryptographicHash>
#include <cstring>

namespace sunshine {

namespace {
// 32 symbols: each byte modulo 32 is unbiased.
constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
static_assert(sizeof(kAlphabet) == 33);
constexpr int kLength = 8;
} // namespace

QString lookupCode(const QString &prefix, const QString &recordId)
{
    const QByteArray hash = QCryptographicHash::hash(recordId.toUtf8(), QCryptographicHash::Sha256);
    QString code = prefix;
    for (int i = 0; i < kLength; ++i)
        code.append(QLatin1Char(kAlphabet[static_cast<unsigned char>(hash.at(i)) % 32]));
    return code;
}

bool isLookupCode(const QString &prefix, const QString &code)
{
    if (code.size() != prefix.size() + kLength || !code.startsWith(prefix))
        return false;
    for (qsizetype i = prefix.size(); i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (c.unicode() > 127 || !std::strchr(kAlphabet, char(c.unicode())))
            return false;
    }
    return true;
}

} // namespace sunshine
