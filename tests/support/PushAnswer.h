#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QtTest/QTest>

// One operation's answer from a push, as the rule tests read it, and the check that it is the expected one.
namespace sunshine::test {

// True when the text contains Chinese characters (every refusal reaches the clerk in Chinese).
bool isChinese(const QString &text);

struct PushAnswer
{
    QJsonObject json;

    QString status() const;
    QString code() const;
    QString field() const;
    QString message() const;
    qint64 version() const;
    bool lateSynced() const;
    QByteArray describe() const;
};

// Empty when the answer is the expected one: applied when `code` is empty, otherwise rejected with exactly
// that code and field, a Chinese message and nothing of the stored record. Otherwise what differs.
QByteArray outcomeMismatch(const PushAnswer &answer, const QString &code, const QString &field);

} // namespace sunshine::test

#define EXPECT_OUTCOME(answer, code, field)                                                                  \
    do {                                                                                                     \
        const QByteArray why_ = ::sunshine::test::outcomeMismatch((answer), (code), (field));                \
        QVERIFY2(why_.isEmpty(), why_.constData());                                                          \
    } while (false)
#define EXPECT_APPLIED(answer) EXPECT_OUTCOME(answer, QString(), QString())
#define EXPECT_REJECTED(answer, code, field) EXPECT_OUTCOME(answer, u"" code ""_s, u"" field ""_s)
