#include "tests/support/PushAnswer.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

bool isChinese(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

QString PushAnswer::status() const
{
    return json.value(u"status"_s).toString();
}

QString PushAnswer::code() const
{
    return json.value(u"code"_s).toString();
}

QString PushAnswer::field() const
{
    return json.value(u"field"_s).toString();
}

QString PushAnswer::message() const
{
    return json.value(u"message"_s).toString();
}

qint64 PushAnswer::version() const
{
    return json.value(u"version"_s).toInteger();
}

bool PushAnswer::lateSynced() const
{
    return json.value(u"lateSynced"_s).toBool();
}

QByteArray PushAnswer::describe() const
{
    return json.isEmpty() ? QByteArray("no answer") : QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray outcomeMismatch(const PushAnswer &a, const QString &code, const QString &field)
{
    const bool ok = code.isEmpty() ? a.status() == u"applied"_s
                                   : a.status() == u"rejected"_s && a.code() == code && a.field() == field &&
                                         isChinese(a.message()) && !a.json.contains(u"current"_s);
    if (ok)
        return {};
    const QByteArray expected = code.isEmpty()
                                    ? QByteArray("applied")
                                    : "rejected " + code.toUtf8() + " on field '" + field.toUtf8() + "'";
    return "expected " + expected + ", got " + a.describe();
}

} // namespace sunshine::test
