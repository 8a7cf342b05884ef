// Strict reading of JSON request bodies, and the error answer every API failure becomes.

#include "common/api/ApiError.h"
#include "common/api/JsonReader.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

Q_DECLARE_METATYPE(sunshine::ErrorCode)

namespace sunshine {
// Failure output names the code ("MISSING_FIELD") instead of a bare number.
char *toString(ErrorCode code)
{
    return qstrdup(errorCodeName(code).toUtf8().constData());
}
} // namespace sunshine

namespace {

constexpr qint64 kMinI64 = std::numeric_limits<qint64>::min();
constexpr qint64 kMaxI64 = std::numeric_limits<qint64>::max();

// The ApiError `f` throws, or nothing when it returns normally. Any other exception escapes and fails the
// test.
template <typename F>
std::optional<ApiError> errorOf(F &&f)
{
    try {
        f();
    } catch (const ApiError &e) {
        return e;
    }
    return std::nullopt;
}

JsonReader readerFor(const QByteArray &body)
{
    return JsonReader::fromBody(body);
}

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void malformedBody_data();
    void malformedBody();
    void acceptedBody_data();
    void acceptedBody();
    void requiredString_data();
    void requiredString();
    void optionalString_data();
    void optionalString();
    void integer_data();
    void integer();
    void optionalBool_data();
    void optionalBool();
    void stringList_data();
    void stringList();
    void finish_data();
    void finish();
    void hasDoesNotCountAsRead();
    void loginBody();
    void apiErrorJson_data();
    void apiErrorJson();
    void apiErrorDetails();
    void httpStatus_data();
    void httpStatus();
    void everyCodeIsDistinct();
};

// ---- fromBody ----

void TestJsonReader::malformedBody_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray("  \n");
    QTest::newRow("unclosed object") << QByteArray("{");
    QTest::newRow("missing value") << QByteArray("{\"a\":}");
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
    QTest::newRow("single quotes") << QByteArray("{'a':1}");
    QTest::newRow("unquoted key") << QByteArray("{a:1}");
    QTest::newRow("not json") << QByteArray("username=admin&password=x");
    QTest::newRow("garbage after object") << QByteArray("{\"a\":1} x");
    QTest::newRow("two objects") << QByteArray("{}{}");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("array of object") << QByteArray("[{\"a\":1}]");
    QTest::newRow("string") << QByteArray("\"text\"");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("true") << QByteArray("true");
}

void TestJsonReader::malformedBody()
{
    QFETCH(QByteArray, body);
    const std::optional<ApiError> e = errorOf([&] { readerFor(body); });
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), ErrorCode::MalformedJson);
    QCOMPARE(e->codeName(), u"MALFORMED_JSON"_s);
    QCOMPARE(e->httpStatus(), 400);
    QVERIFY(e->field().isEmpty());
    QVERIFY(!e->message().isEmpty());
}

void TestJsonReader::acceptedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("fields");

    QTest::newRow("empty object") << QByteArray("{}") << 0;
    QTest::newRow("surrounding whitespace") << QByteArray(" \r\n{\"a\":\"b\"}\n ") << 1;
    QTest::newRow("nested") << QByteArray("{\"a\":{\"b\":[1,2]},\"c\":null}") << 2;
    QTest::newRow("unicode") << QByteArray("{\"姓名\":\"张三\"}") << 1;
}

void TestJsonReader::acceptedBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, fields);
    const std::optional<ApiError> e = errorOf([&] { QCOMPARE(readerFor(body).object().size(), fields); });
    QVERIFY2(!e.has_value(), e ? e->what() : "");
}

// ---- strings ----

void TestJsonReader::requiredString_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<bool>("allowEmpty");
    QTest::addColumn<QString>("value");
    QTest::addColumn<std::optional<ErrorCode>>("error");

    const std::optional<ErrorCode> none;
    QTest::newRow("plain") << QByteArray("{\"name\":\"张三\"}") << 40 << false << u"张三"_s << none;
    QTest::newRow("not trimmed") << QByteArray("{\"name\":\" a \"}") << 40 << false << u" a "_s << none;
    QTest::newRow("missing") << QByteArray("{}") << 40 << false << QString()
                             << std::optional(ErrorCode::MissingField);
    QTest::newRow("other key only") << QByteArray("{\"other\":\"x\"}") << 40 << false << QString()
                                    << std::optional(ErrorCode::MissingField);
    QTest::newRow("keys are case-sensitive") << QByteArray("{\"Name\":\"x\"}") << 40 << false << QString()
                                             << std::optional(ErrorCode::MissingField);
    QTest::newRow("null") << QByteArray("{\"name\":null}") << 40 << false << QString()
                          << std::optional(ErrorCode::MissingField);
    QTest::newRow("null even when empty allowed")
        << QByteArray("{\"name\":null}") << 40 << true << QString() << std::optional(ErrorCode::MissingField);
    QTest::newRow("empty") << QByteArray("{\"name\":\"\"}") << 40 << false << QString()
                           << std::optional(ErrorCode::MissingField);
    QTest::newRow("blank") << QByteArray("{\"name\":\"  \\t \"}") << 40 << false << QString()
                           << std::optional(ErrorCode::MissingField);
    QTest::newRow("empty allowed") << QByteArray("{\"name\":\"\"}") << 40 << true << u""_s << none;
    QTest::newRow("blank allowed") << QByteArray("{\"name\":\"  \"}") << 40 << true << u"  "_s << none;
    QTest::newRow("number") << QByteArray("{\"name\":5}") << 40 << false << QString()
                            << std::optional(ErrorCode::InvalidType);
    QTest::newRow("bool") << QByteArray("{\"name\":true}") << 40 << false << QString()
                          << std::optional(ErrorCode::InvalidType);
    QTest::newRow("array") << QByteArray("{\"name\":[\"a\"]}") << 40 << false << QString()
                           << std::optional(ErrorCode::InvalidType);
    QTest::newRow("object") << QByteArray("{\"name\":{\"a\":\"b\"}}") << 40 << false << QString()
                            << std::optional(ErrorCode::InvalidType);
    QTest::newRow("exactly max length")
        << QByteArray("{\"name\":\"abcdef\"}") << 6 << false << u"abcdef"_s << none;
    QTest::newRow("one over max length") << QByteArray("{\"name\":\"abcdef\"}") << 5 << false << QString()
                                         << std::optional(ErrorCode::TooLong);
    QTest::newRow("Chinese at max length")
        << QByteArray("{\"name\":\"阳光扶贫\"}") << 4 << false << u"阳光扶贫"_s << none;
    QTest::newRow("Chinese over max length") << QByteArray("{\"name\":\"阳光扶贫\"}") << 3 << false
                                             << QString() << std::optional(ErrorCode::TooLong);
    QTest::newRow("blank but too long when allowed")
        << QByteArray("{\"name\":\"    \"}") << 3 << true << QString() << std::optional(ErrorCode::TooLong);
}

void TestJsonReader::requiredString()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxLength);
    QFETCH(bool, allowEmpty);
    QFETCH(QString, value);
    QFETCH(std::optional<ErrorCode>, error);

    JsonReader reader = readerFor(body);
    QString got;
    const std::optional<ApiError> e =
        errorOf([&] { got = reader.requiredString(u"name"_s, maxLength, allowEmpty); });
    if (!error) {
        QVERIFY2(!e.has_value(), e ? e->what() : "");
        QCOMPARE(got, value);
        QVERIFY(!got.isNull());
        return;
    }
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), *error);
    QCOMPARE(e->field(), u"name"_s);
    QCOMPARE(e->httpStatus(), 400);
    QVERIFY2(e->message().contains(u"name"_s), qPrintable(e->message()));
    if (*error == ErrorCode::TooLong)
        QVERIFY2(e->message().contains(QString::number(maxLength)), qPrintable(e->message()));
}

void TestJsonReader::optionalString_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<std::optional<QString>>("value");
    QTest::addColumn<std::optional<ErrorCode>>("error");

    const std::optional<ErrorCode> none;
    const std::optional<QString> absent;
    QTest::newRow("missing") << QByteArray("{}") << 10 << absent << none;
    QTest::newRow("null") << QByteArray("{\"note\":null}") << 10 << absent << none;
    QTest::newRow("empty") << QByteArray("{\"note\":\"\"}") << 10 << std::optional(u""_s) << none;
    QTest::newRow("text") << QByteArray("{\"note\":\"备注\"}") << 10 << std::optional(u"备注"_s) << none;
    QTest::newRow("at max") << QByteArray("{\"note\":\"0123456789\"}") << 10 << std::optional(u"0123456789"_s)
                            << none;
    QTest::newRow("over max") << QByteArray("{\"note\":\"0123456789A\"}") << 10 << absent
                              << std::optional(ErrorCode::TooLong);
    QTest::newRow("number") << QByteArray("{\"note\":0}") << 10 << absent
                            << std::optional(ErrorCode::InvalidType);
    QTest::newRow("false") << QByteArray("{\"note\":false}") << 10 << absent
                           << std::optional(ErrorCode::InvalidType);
}

void TestJsonReader::optionalString()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxLength);
    QFETCH(std::optional<QString>, value);
    QFETCH(std::optional<ErrorCode>, error);

    JsonReader reader = readerFor(body);
    std::optional<QString> got = u"sentinel"_s;
    const std::optional<ApiError> e = errorOf([&] { got = reader.optionalString(u"note"_s, maxLength); });
    if (!error) {
        QVERIFY2(!e.has_value(), e ? e->what() : "");
        QCOMPARE(got.has_value(), value.has_value());
        if (value)
            QCOMPARE(*got, *value);
        // Reading it, even when absent, makes it known to finish().
        QVERIFY(!errorOf([&] { reader.finish(); }).has_value());
        return;
    }
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), *error);
    QCOMPARE(e->field(), u"note"_s);
}

// ---- integers ----

void TestJsonReader::integer_data()
{
    QTest::addColumn<QByteArray>("json"); // the value of "n"; empty: no "n" at all
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<bool>("required");
    QTest::addColumn<std::optional<qint64>>("value");
    QTest::addColumn<std::optional<ErrorCode>>("error");

    const std::optional<ErrorCode> none;
    const std::optional<qint64> absent;
    const auto ok = [](qint64 v) {
        return std::optional<qint64>(v);
    };
    const auto err = [](ErrorCode c) {
        return std::optional<ErrorCode>(c);
    };

    for (const bool required : {false, true}) {
        const QByteArray p = required ? "required " : "optional ";
        QByteArray tagBuffer;
        const auto tag = [&p, &tagBuffer](const char *t) {
            tagBuffer = p + t;
            return tagBuffer.constData();
        };
        QTest::newRow(tag("5")) << QByteArray("5") << qint64(0) << qint64(10) << required << ok(5) << none;
        QTest::newRow(tag("min bound"))
            << QByteArray("0") << qint64(0) << qint64(10) << required << ok(0) << none;
        QTest::newRow(tag("max bound"))
            << QByteArray("10") << qint64(0) << qint64(10) << required << ok(10) << none;
        QTest::newRow(tag("negative"))
            << QByteArray("-3") << qint64(-10) << qint64(10) << required << ok(-3) << none;
        QTest::newRow(tag("above max")) << QByteArray("11") << qint64(0) << qint64(10) << required << absent
                                        << err(ErrorCode::ValidationFailed);
        QTest::newRow(tag("below min")) << QByteArray("-1") << qint64(0) << qint64(10) << required << absent
                                        << err(ErrorCode::ValidationFailed);
        QTest::newRow(tag("1.0 is an integer"))
            << QByteArray("1.0") << qint64(0) << qint64(10) << required << ok(1) << none;
        QTest::newRow(tag("2.5e2 is 250"))
            << QByteArray("2.5e2") << qint64(0) << qint64(1000) << required << ok(250) << none;
        QTest::newRow(tag("1.5")) << QByteArray("1.5") << qint64(0) << qint64(10) << required << absent
                                  << err(ErrorCode::InvalidType);
        QTest::newRow(tag("-0.5")) << QByteArray("-0.5") << qint64(-10) << qint64(10) << required << absent
                                   << err(ErrorCode::InvalidType);
        QTest::newRow(tag("1e300")) << QByteArray("1e300") << kMinI64 << kMaxI64 << required << absent
                                    << err(ErrorCode::InvalidType);
        QTest::newRow(tag("-1e300")) << QByteArray("-1e300") << kMinI64 << kMaxI64 << required << absent
                                     << err(ErrorCode::InvalidType);
        QTest::newRow(tag("2^53-1")) << QByteArray("9007199254740991") << kMinI64 << kMaxI64 << required
                                     << ok(9007199254740991LL) << none;
        QTest::newRow(tag("-(2^53-1)")) << QByteArray("-9007199254740991") << kMinI64 << kMaxI64 << required
                                        << ok(-9007199254740991LL) << none;
        QTest::newRow(tag("2^53")) << QByteArray("9007199254740992") << kMinI64 << kMaxI64 << required
                                   << absent << err(ErrorCode::InvalidType);
        QTest::newRow(tag("beyond qint64")) << QByteArray("12345678901234567890") << kMinI64 << kMaxI64
                                            << required << absent << err(ErrorCode::InvalidType);
        QTest::newRow(tag("string")) << QByteArray("\"5\"") << qint64(0) << qint64(10) << required << absent
                                     << err(ErrorCode::InvalidType);
        QTest::newRow(tag("bool")) << QByteArray("true") << qint64(0) << qint64(10) << required << absent
                                   << err(ErrorCode::InvalidType);
        QTest::newRow(tag("array")) << QByteArray("[5]") << qint64(0) << qint64(10) << required << absent
                                    << err(ErrorCode::InvalidType);
        QTest::newRow(tag("object")) << QByteArray("{}") << qint64(0) << qint64(10) << required << absent
                                     << err(ErrorCode::InvalidType);
        const std::optional<ErrorCode> ifRequired = required ? err(ErrorCode::MissingField) : none;
        QTest::newRow(tag("null")) << QByteArray("null") << qint64(0) << qint64(10) << required << absent
                                   << ifRequired;
        QTest::newRow(tag("missing"))
            << QByteArray() << qint64(0) << qint64(10) << required << absent << ifRequired;
    }
}

void TestJsonReader::integer()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    QFETCH(bool, required);
    QFETCH(std::optional<qint64>, value);
    QFETCH(std::optional<ErrorCode>, error);

    const QByteArray body = json.isEmpty() ? QByteArray("{}") : QByteArray("{\"n\":" + json + '}');
    JsonReader reader = readerFor(body);
    std::optional<qint64> got = -424242;
    const std::optional<ApiError> e = errorOf([&] {
        if (required)
            got = reader.requiredInteger(u"n"_s, min, max);
        else
            got = reader.optionalInteger(u"n"_s, min, max);
    });
    if (!error) {
        QVERIFY2(!e.has_value(), e ? e->what() : "");
        QCOMPARE(got, value);
        QVERIFY(!errorOf([&] { reader.finish(); }).has_value());
        return;
    }
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), *error);
    QCOMPARE(e->field(), u"n"_s);
    if (*error == ErrorCode::ValidationFailed) {
        QCOMPARE(e->httpStatus(), 422);
        QVERIFY2(e->message().contains(QString::number(min)) && e->message().contains(QString::number(max)),
                 qPrintable(e->message()));
    } else {
        QCOMPARE(e->httpStatus(), 400);
    }
}

// ---- booleans ----

void TestJsonReader::optionalBool_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<std::optional<bool>>("value");
    QTest::addColumn<std::optional<ErrorCode>>("error");

    const std::optional<ErrorCode> none;
    const std::optional<ErrorCode> invalid = ErrorCode::InvalidType;
    QTest::newRow("true") << QByteArray("{\"flag\":true}") << std::optional(true) << none;
    QTest::newRow("false") << QByteArray("{\"flag\":false}") << std::optional(false) << none;
    QTest::newRow("missing") << QByteArray("{}") << std::optional<bool>() << none;
    QTest::newRow("null") << QByteArray("{\"flag\":null}") << std::optional<bool>() << none;
    QTest::newRow("string true") << QByteArray("{\"flag\":\"true\"}") << std::optional<bool>() << invalid;
    QTest::newRow("one") << QByteArray("{\"flag\":1}") << std::optional<bool>() << invalid;
    QTest::newRow("zero") << QByteArray("{\"flag\":0}") << std::optional<bool>() << invalid;
    QTest::newRow("array") << QByteArray("{\"flag\":[true]}") << std::optional<bool>() << invalid;
}

void TestJsonReader::optionalBool()
{
    QFETCH(QByteArray, body);
    QFETCH(std::optional<bool>, value);
    QFETCH(std::optional<ErrorCode>, error);

    JsonReader reader = readerFor(body);
    std::optional<bool> got = true;
    if (!value && !error)
        got = false; // sentinel that a missing value must overwrite
    const std::optional<ApiError> e = errorOf([&] { got = reader.optionalBool(u"flag"_s); });
    if (!error) {
        QVERIFY2(!e.has_value(), e ? e->what() : "");
        QCOMPARE(got, value);
        return;
    }
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), *error);
    QCOMPARE(e->field(), u"flag"_s);
}

// ---- string lists ----

void TestJsonReader::stringList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("required");
    QTest::addColumn<std::optional<QStringList>>("value");
    QTest::addColumn<std::optional<ErrorCode>>("error");

    const std::optional<ErrorCode> none;
    const std::optional<QStringList> absent;
    const auto err = [](ErrorCode c) {
        return std::optional<ErrorCode>(c);
    };
    // maxItems 3, maxLength 5 throughout.
    for (const bool required : {false, true}) {
        const QByteArray p = required ? "required " : "optional ";
        QByteArray tagBuffer;
        const auto tag = [&p, &tagBuffer](const char *t) {
            tagBuffer = p + t;
            return tagBuffer.constData();
        };
        QTest::newRow(tag("two")) << QByteArray("{\"roles\":[\"clerk\",\"admin\"]}") << required
                                  << std::optional(QStringList{u"clerk"_s, u"admin"_s}) << none;
        QTest::newRow(tag("order and duplicates kept"))
            << QByteArray("{\"roles\":[\"b\",\"a\",\"b\"]}") << required
            << std::optional(QStringList{u"b"_s, u"a"_s, u"b"_s}) << none;
        QTest::newRow(tag("empty array"))
            << QByteArray("{\"roles\":[]}") << required << std::optional(QStringList()) << none;
        QTest::newRow(tag("too many items")) << QByteArray("{\"roles\":[\"a\",\"b\",\"c\",\"d\"]}")
                                             << required << absent << err(ErrorCode::TooLong);
        QTest::newRow(tag("item too long"))
            << QByteArray("{\"roles\":[\"a\",\"abcdef\"]}") << required << absent << err(ErrorCode::TooLong);
        QTest::newRow(tag("number item"))
            << QByteArray("{\"roles\":[\"a\",1]}") << required << absent << err(ErrorCode::InvalidType);
        QTest::newRow(tag("null item"))
            << QByteArray("{\"roles\":[null]}") << required << absent << err(ErrorCode::InvalidType);
        QTest::newRow(tag("nested array"))
            << QByteArray("{\"roles\":[[\"a\"]]}") << required << absent << err(ErrorCode::InvalidType);
        QTest::newRow(tag("string, not array"))
            << QByteArray("{\"roles\":\"clerk\"}") << required << absent << err(ErrorCode::InvalidType);
        QTest::newRow(tag("object")) << QByteArray("{\"roles\":{\"0\":\"a\"}}") << required << absent
                                     << err(ErrorCode::InvalidType);
        const std::optional<ErrorCode> ifRequired = required ? err(ErrorCode::MissingField) : none;
        QTest::newRow(tag("missing")) << QByteArray("{}") << required << absent << ifRequired;
        QTest::newRow(tag("null")) << QByteArray("{\"roles\":null}") << required << absent << ifRequired;
    }
}

void TestJsonReader::stringList()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, required);
    QFETCH(std::optional<QStringList>, value);
    QFETCH(std::optional<ErrorCode>, error);

    JsonReader reader = readerFor(body);
    std::optional<QStringList> got = QStringList{u"sentinel"_s};
    const std::optional<ApiError> e = errorOf([&] {
        if (required)
            got = reader.requiredStringList(u"roles"_s, 3, 5);
        else
            got = reader.optionalStringList(u"roles"_s, 3, 5);
    });
    if (!error) {
        QVERIFY2(!e.has_value(), e ? e->what() : "");
        QCOMPARE(got, value);
        return;
    }
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), *error);
    QCOMPARE(e->field(), u"roles"_s);
}

// ---- finish ----

void TestJsonReader::finish_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("read");
    QTest::addColumn<QString>("unknownField"); // empty: finish() passes

    const QString longKey = QString(50, u'k');
    QTest::newRow("empty body, nothing read") << QByteArray("{}") << QStringList() << QString();
    QTest::newRow("empty body, absent keys read")
        << QByteArray("{}") << QStringList{u"a"_s, u"b"_s} << QString();
    QTest::newRow("all read") << QByteArray("{\"a\":\"1\",\"b\":\"2\"}") << QStringList{u"a"_s, u"b"_s}
                              << QString();
    QTest::newRow("one unread") << QByteArray("{\"a\":\"1\",\"b\":\"2\"}") << QStringList{u"a"_s} << u"b"_s;
    QTest::newRow("nothing read") << QByteArray("{\"a\":\"1\"}") << QStringList() << u"a"_s;
    QTest::newRow("null field still counts") << QByteArray("{\"a\":null}") << QStringList() << u"a"_s;
    QTest::newRow("case matters") << QByteArray("{\"Name\":\"x\"}") << QStringList{u"name"_s} << u"Name"_s;
    QTest::newRow("first unread in key order") << QByteArray("{\"zeta\":\"1\",\"alpha\":\"2\",\"mid\":\"3\"}")
                                               << QStringList{u"mid"_s} << u"alpha"_s;
    QTest::newRow("long key shown shortened") << QByteArray("{\"" + longKey.toLatin1() + "\":\"x\"}")
                                              << QStringList() << QString(QString(40, u'k') + u"…"_s);
    QTest::newRow("40-character key shown whole")
        << QByteArray("{\"" + QByteArray(40, 'k') + "\":\"x\"}") << QStringList() << QString(40, u'k');
}

void TestJsonReader::finish()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, read);
    QFETCH(QString, unknownField);

    JsonReader reader = readerFor(body);
    for (const QString &key : std::as_const(read))
        QVERIFY(!errorOf([&] { reader.optionalString(key, 100); }).has_value());
    const std::optional<ApiError> e = errorOf([&] { reader.finish(); });
    if (unknownField.isEmpty()) {
        QVERIFY2(!e.has_value(), e ? e->what() : "");
        return;
    }
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), ErrorCode::UnknownField);
    QCOMPARE(e->codeName(), u"UNKNOWN_FIELD"_s);
    QCOMPARE(e->httpStatus(), 400);
    QCOMPARE(e->field(), unknownField);
    QVERIFY2(e->message().contains(unknownField), qPrintable(e->message()));
}

void TestJsonReader::hasDoesNotCountAsRead()
{
    JsonReader reader = readerFor("{\"a\":\"x\",\"b\":null}");
    QVERIFY(reader.has(u"a"_s));
    QVERIFY(!reader.has(u"b"_s)); // null is "not there"
    QVERIFY(!reader.has(u"c"_s));
    const std::optional<ApiError> e = errorOf([&] { reader.finish(); });
    QVERIFY(e.has_value());
    QCOMPARE(e->code(), ErrorCode::UnknownField);
    QCOMPARE(e->field(), u"a"_s);
}

void TestJsonReader::loginBody()
{
    {
        JsonReader reader = readerFor("{\"username\":\"admin\",\"password\":\"Demo@2026\"}");
        QCOMPARE(reader.requiredString(u"username"_s, 32), u"admin"_s);
        QCOMPARE(reader.requiredString(u"password"_s, 128), u"Demo@2026"_s);
        QVERIFY(!errorOf([&] { reader.finish(); }).has_value());
    }
    {
        JsonReader reader = readerFor("{\"username\":\"admin\",\"password\":\"Demo@2026\",\"isAdmin\":true}");
        reader.requiredString(u"username"_s, 32);
        reader.requiredString(u"password"_s, 128);
        const std::optional<ApiError> e = errorOf([&] { reader.finish(); });
        QVERIFY(e.has_value());
        QCOMPARE(e->code(), ErrorCode::UnknownField);
        QCOMPARE(e->field(), u"isAdmin"_s);
        const QJsonObject expected =
            QJsonDocument::fromJson(
                u"{\"error\":{\"code\":\"UNKNOWN_FIELD\",\"message\":\"无法识别的字段“isAdmin”\","
                "\"field\":\"isAdmin\"}}"_s.toUtf8())
                .object();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(e->toJson(), expected);
    }
}

// ---- ApiError ----

void TestJsonReader::apiErrorJson_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("json");

    QTest::newRow("default message with field")
        << ErrorCode::MissingField << QString() << u"name"_s
        << u"{\"error\":{\"code\":\"MISSING_FIELD\",\"message\":\"缺少必填字段\",\"field\":\"name\"}}"_s;
    QTest::newRow("own message, no field")
        << ErrorCode::NotFound << u"该户不存在"_s << QString()
        << u"{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"该户不存在\"}}"_s;
    QTest::newRow("own message and field")
        << ErrorCode::ValidationFailed << u"电话号码格式不正确"_s << u"phone"_s
        << u"{\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":\"电话号码格式不正确\",\"field\":\"phone\"}}"_s;
    QTest::newRow("internal") << ErrorCode::Internal << QString() << QString()
                              << u"{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":"
                                 "\"服务器内部错误，请稍后重试；如持续出现请联系系统管理员\"}}"_s;
    QTest::newRow("forbidden")
        << ErrorCode::Forbidden << QString() << QString()
        << u"{\"error\":{\"code\":\"FORBIDDEN\",\"message\":\"没有权限执行此操作\"}}"_s;
}

void TestJsonReader::apiErrorJson()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    QFETCH(QString, field);
    QFETCH(QString, json);

    const QJsonObject expected = QJsonDocument::fromJson(json.toUtf8()).object();
    QVERIFY(!expected.isEmpty());
    const ApiError e(code, message, field);
    const QJsonObject got = e.toJson();
    QCOMPARE(got, expected);
    QCOMPARE(got.keys(), QStringList{u"error"_s});
    const QJsonObject inner = got.value(u"error"_s).toObject();
    QCOMPARE(inner.value(u"code"_s).toString(), e.codeName());
    QCOMPARE(inner.value(u"message"_s).toString(), e.message());
    QCOMPARE(inner.contains(u"field"_s), !field.isEmpty());
    if (message.isEmpty())
        QCOMPARE(e.message(), defaultMessage(code));
    else
        QCOMPARE(e.message(), message);
    QCOMPARE(e.field(), field);
    // what(): "CODE: message" in UTF-8.
    QCOMPARE(QByteArray(e.what()), QByteArray(e.codeName().toUtf8() + ": " + e.message().toUtf8()));
}

void TestJsonReader::apiErrorDetails()
{
    ApiError e(ErrorCode::AccountLocked);
    e.withDetail(u"lockedUntil"_s, u"2026-06-01T10:15:00Z"_s).withDetail(u"attempts"_s, 5);
    QCOMPARE(e.httpStatus(), 423);
    QCOMPARE(e.details().size(), 2);
    const QJsonObject expected =
        QJsonDocument::fromJson(
            u"{\"error\":{\"code\":\"ACCOUNT_LOCKED\",\"message\":\"连续登录失败次数过多，"
            "账户已暂时锁定\",\"lockedUntil\":\"2026-06-01T10:15:00Z\",\"attempts\":5}}"_s.toUtf8())
            .object();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(e.toJson(), expected);

    // A detail cannot overwrite the code, message or field.
    ApiError spoof(ErrorCode::Forbidden, u"不行"_s, u"x"_s);
    spoof.withDetail(u"code"_s, u"OK"_s).withDetail(u"message"_s, u"fine"_s).withDetail(u"field"_s, u"y"_s);
    const QJsonObject inner = spoof.toJson().value(u"error"_s).toObject();
    QCOMPARE(inner.value(u"code"_s).toString(), u"FORBIDDEN"_s);
    QCOMPARE(inner.value(u"message"_s).toString(), u"不行"_s);
    QCOMPARE(inner.value(u"field"_s).toString(), u"x"_s);

    // ApiError is a std::exception.
    try {
        throw ApiError(ErrorCode::NotFound, u"没有"_s);
    } catch (const std::exception &ex) {
        QCOMPARE(QByteArray(ex.what()), QByteArray(QByteArray("NOT_FOUND: ") + u"没有"_s.toUtf8()));
    }
}

void TestJsonReader::httpStatus_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");

    QTest::newRow("MalformedJson") << ErrorCode::MalformedJson << u"MALFORMED_JSON"_s << 400;
    QTest::newRow("InvalidType") << ErrorCode::InvalidType << u"INVALID_TYPE"_s << 400;
    QTest::newRow("MissingField") << ErrorCode::MissingField << u"MISSING_FIELD"_s << 400;
    QTest::newRow("UnknownField") << ErrorCode::UnknownField << u"UNKNOWN_FIELD"_s << 400;
    QTest::newRow("TooLong") << ErrorCode::TooLong << u"TOO_LONG"_s << 400;
    QTest::newRow("BadRequest") << ErrorCode::BadRequest << u"BAD_REQUEST"_s << 400;
    QTest::newRow("Unauthenticated") << ErrorCode::Unauthenticated << u"UNAUTHENTICATED"_s << 401;
    QTest::newRow("SessionExpired") << ErrorCode::SessionExpired << u"SESSION_EXPIRED"_s << 401;
    QTest::newRow("InvalidCredentials") << ErrorCode::InvalidCredentials << u"INVALID_CREDENTIALS"_s << 401;
    QTest::newRow("Forbidden") << ErrorCode::Forbidden << u"FORBIDDEN"_s << 403;
    QTest::newRow("AccountDisabled") << ErrorCode::AccountDisabled << u"ACCOUNT_DISABLED"_s << 403;
    QTest::newRow("NotFound") << ErrorCode::NotFound << u"NOT_FOUND"_s << 404;
    QTest::newRow("MethodNotAllowed") << ErrorCode::MethodNotAllowed << u"METHOD_NOT_ALLOWED"_s << 405;
    QTest::newRow("Conflict") << ErrorCode::Conflict << u"CONFLICT"_s << 409;
    QTest::newRow("UsernameTaken") << ErrorCode::UsernameTaken << u"USERNAME_TAKEN"_s << 409;
    QTest::newRow("VersionConflict") << ErrorCode::VersionConflict << u"VERSION_CONFLICT"_s << 409;
    QTest::newRow("DuplicateCode") << ErrorCode::DuplicateCode << u"DUPLICATE_CODE"_s << 409;
    QTest::newRow("InUse") << ErrorCode::InUse << u"IN_USE"_s << 409;
    QTest::newRow("PayloadTooLarge") << ErrorCode::PayloadTooLarge << u"PAYLOAD_TOO_LARGE"_s << 413;
    QTest::newRow("ValidationFailed") << ErrorCode::ValidationFailed << u"VALIDATION_FAILED"_s << 422;
    QTest::newRow("WeakPassword") << ErrorCode::WeakPassword << u"WEAK_PASSWORD"_s << 422;
    QTest::newRow("WrongPassword") << ErrorCode::WrongPassword << u"WRONG_PASSWORD"_s << 422;
    QTest::newRow("AccountLocked") << ErrorCode::AccountLocked << u"ACCOUNT_LOCKED"_s << 423;
    QTest::newRow("TooManyRequests") << ErrorCode::TooManyRequests << u"TOO_MANY_REQUESTS"_s << 429;
    QTest::newRow("Internal") << ErrorCode::Internal << u"INTERNAL_ERROR"_s << 500;
    QTest::newRow("StoreUnavailable") << ErrorCode::StoreUnavailable << u"STORE_UNAVAILABLE"_s << 503;
}

void TestJsonReader::httpStatus()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QFETCH(int, status);
    QCOMPARE(httpStatusOf(code), status);
    QCOMPARE(errorCodeName(code), name);
    const ApiError e(code);
    QCOMPARE(e.httpStatus(), status);
    QCOMPARE(e.codeName(), name);
    QCOMPARE(e.code(), code);
    QVERIFY(!e.message().isEmpty());
    QCOMPARE(e.message(), defaultMessage(code));
}

void TestJsonReader::everyCodeIsDistinct()
{
    static const QRegularExpression wireName(u"^[A-Z][A-Z_]*[A-Z]$"_s);
    QStringList names, messages;
    for (int i = 0; i <= int(ErrorCode::StoreUnavailable); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        const QString name = errorCodeName(code);
        QVERIFY2(wireName.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.append(name);
        const QString message = defaultMessage(code);
        QVERIFY2(!message.isEmpty(), qPrintable(name));
        QVERIFY2(!messages.contains(message), qPrintable(name));
        messages.append(message);
        const int status = httpStatusOf(code);
        QVERIFY2(status >= 400 && status <= 599, qPrintable(name));
    }
    QCOMPARE(names.size(), 26);
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
