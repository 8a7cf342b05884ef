#include "common/api/JsonReader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

JsonReader::JsonReader(QJsonObject object)
    : m_object(std::move(object))
{}

JsonReader JsonReader::fromBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw ApiError(ErrorCode::MalformedJson,
                       u"请求内容不是有效的 JSON（第 %1 个字符附近）"_s.arg(parseError.offset));
    if (!doc.isObject())
        throw ApiError(ErrorCode::MalformedJson, u"请求内容应为一个 JSON 对象"_s);
    return JsonReader(doc.object());
}

QJsonValue JsonReader::take(const QString &key)
{
    m_read.insert(key);
    return m_object.value(key);
}

void JsonReader::typeError(const QString &key, const char16_t *expected)
{
    throw ApiError(ErrorCode::InvalidType, u"字段“%1”应为%2"_s.arg(key, QString::fromUtf16(expected)), key);
}

bool JsonReader::has(const QString &key) const
{
    return m_object.contains(key) && !m_object.value(key).isNull();
}

QString JsonReader::requiredString(const QString &key, int maxLength, bool allowEmpty)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        throw ApiError(ErrorCode::MissingField, u"缺少必填字段“%1”"_s.arg(key), key);
    if (!v.isString())
        typeError(key, u"字符串");
    const QString s = v.toString();
    if (!allowEmpty && s.trimmed().isEmpty())
        throw ApiError(ErrorCode::MissingField, u"字段“%1”不能为空"_s.arg(key), key);
    if (s.size() > maxLength)
        throw ApiError(ErrorCode::TooLong, u"字段“%1”不能超过 %2 个字符"_s.arg(key).arg(maxLength), key);
    return s;
}

std::optional<QString> JsonReader::optionalString(const QString &key, int maxLength)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        typeError(key, u"字符串");
    const QString s = v.toString();
    if (s.size() > maxLength)
        throw ApiError(ErrorCode::TooLong, u"字段“%1”不能超过 %2 个字符"_s.arg(key).arg(maxLength), key);
    return s;
}

std::optional<qint64> JsonReader::optionalInteger(const QString &key, qint64 min, qint64 max)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble())
        typeError(key, u"整数");
    const double d = v.toDouble();
    // Doubles hold integers exactly up to 2^53; anything beyond, or with a fraction, is refused.
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740991.0)
        typeError(key, u"整数");
    const auto n = qint64(d);
    if (n < min || n > max)
        throw ApiError(ErrorCode::ValidationFailed,
                       u"字段“%1”应在 %2 到 %3 之间"_s.arg(key).arg(min).arg(max), key);
    return n;
}

qint64 JsonReader::requiredInteger(const QString &key, qint64 min, qint64 max)
{
    if (m_object.value(key).isUndefined() || m_object.value(key).isNull()) {
        m_read.insert(key);
        throw ApiError(ErrorCode::MissingField, u"缺少必填字段“%1”"_s.arg(key), key);
    }
    return *optionalInteger(key, min, max);
}

std::optional<bool> JsonReader::optionalBool(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool())
        typeError(key, u"布尔值（true 或 false）");
    return v.toBool();
}

std::optional<QJsonObject> JsonReader::optionalObject(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject())
        typeError(key, u"对象");
    return v.toObject();
}

std::optional<QJsonArray> JsonReader::optionalArray(const QString &key, int maxItems)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray())
        typeError(key, u"数组");
    if (v.toArray().size() > maxItems)
        throw ApiError(ErrorCode::TooLong, u"“%1”最多 %2 项"_s.arg(key).arg(maxItems), key);
    return v.toArray();
}

std::optional<QStringList> JsonReader::optionalStringList(const QString &key, int maxItems, int maxLength)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray())
        typeError(key, u"字符串数组");
    const QJsonArray array = v.toArray();
    if (array.size() > maxItems)
        throw ApiError(ErrorCode::TooLong, u"字段“%1”最多 %2 项"_s.arg(key).arg(maxItems), key);
    QStringList out;
    for (const QJsonValue &item : array) {
        if (!item.isString())
            typeError(key, u"字符串数组");
        if (item.toString().size() > maxLength)
            throw ApiError(ErrorCode::TooLong, u"字段“%1”的每项不能超过 %2 个字符"_s.arg(key).arg(maxLength),
                           key);
        out.append(item.toString());
    }
    return out;
}

QStringList JsonReader::requiredStringList(const QString &key, int maxItems, int maxLength)
{
    if (m_object.value(key).isUndefined() || m_object.value(key).isNull()) {
        m_read.insert(key);
        throw ApiError(ErrorCode::MissingField, u"缺少必填字段“%1”"_s.arg(key), key);
    }
    return *optionalStringList(key, maxItems, maxLength);
}

void JsonReader::finish() const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read.contains(it.key())) {
            QString shown = it.key();
            if (shown.size() > 40)
                shown = shown.left(40) + u"…"_s;
            throw ApiError(ErrorCode::UnknownField, u"无法识别的字段“%1”"_s.arg(shown), shown);
        }
    }
}

} // namespace sunshine
