#include "server/http/JsonText.h"

namespace sunshine {

void appendJsonUtf8(QByteArray &out, const QByteArray &utf8)
{
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[u >> 4];
            out += "0123456789abcdef"[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendJsonString(QByteArray &out, const QString &s)
{
    appendJsonUtf8(out, s.toUtf8());
}

} // namespace sunshine
