#pragma once

#include "common/api/ApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace sunshine {

// Reads a JSON request body strictly: every field read is checked for type and length, and finish() rejects
// any field that was not read. Each problem throws ApiError naming the field in Chinese.
class JsonReader
{
public:
    explicit JsonReader(QJsonObject object);

    // Parses a request body; throws MALFORMED_JSON unless it is one JSON object.
    static JsonReader fromBody(const QByteArray &body);

    QString requiredString(const QString &key, int maxLength, bool allowEmpty = false);
    std::optional<QString> optionalString(const QString &key, int maxLength);
    qint64 requiredInteger(const QString &key, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(const QString &key, qint64 min, qint64 max);
    std::optional<bool> optionalBool(const QString &key);
    // A nested object, returned as it is (its members are the caller's to check).
    std::optional<QJsonObject> optionalObject(const QString &key);
    // A nested array of at most maxItems, returned as it is (its items are the caller's to check).
    std::optional<QJsonArray> optionalArray(const QString &key, int maxItems);
    QStringList requiredStringList(const QString &key, int maxItems, int maxLength);
    std::optional<QStringList> optionalStringList(const QString &key, int maxItems, int maxLength);
    bool has(const QString &key) const;

    // Throws UNKNOWN_FIELD for the first field not read.
    void finish() const;

    const QJsonObject &object() const { return m_object; }

private:
    QJsonValue take(const QString &key);
    [[noreturn]] static void typeError(const QString &key, const char16_t *expected);

    QJsonObject m_object;
    QSet<QString> m_read;
};

} // namespace sunshine
