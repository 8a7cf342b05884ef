#include "sync/RecordType.h"

#include "auth/AccountRules.h"
#include "sync/DepartmentContact.h"

#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <cmath>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

std::optional<FieldProblem> RecordType::checkField(const QString &key, const QJsonValue &value) const
{
    const QList<FieldSpec> specs = fields();
    const auto it =
        std::find_if(specs.begin(), specs.end(), [&](const FieldSpec &s) { return s.name == key; });
    if (it == specs.end())
        return FieldProblem{u"UNKNOWN_FIELD"_s, u"%1没有字段“%2”"_s.arg(chineseName(), key.left(40)),
                            key.left(40)};
    const FieldSpec &spec = *it;
    if (value.isNull()) {
        if (spec.required)
            return FieldProblem{u"MISSING_FIELD"_s, u"字段“%1”不能为空"_s.arg(key), key};
        return std::nullopt;
    }
    auto wrongType = [&](const QString &what) {
        return FieldProblem{u"INVALID_TYPE"_s, u"字段“%1”应为%2"_s.arg(key, what), key};
    };
    switch (spec.kind) {
    case FieldKind::Text:
    case FieldKind::Phone:
    case FieldKind::Mobile:
    case FieldKind::Date:
    case FieldKind::Choice: {
        if (!value.isString())
            return wrongType(u"字符串"_s);
        const QString s = value.toString();
        const int max = spec.kind == FieldKind::Text ? spec.maxLength : 32;
        if (s.size() > max)
            return FieldProblem{u"TOO_LONG"_s, u"字段“%1”不能超过 %2 个字符"_s.arg(key).arg(max), key};
        if (spec.required && s.trimmed().isEmpty())
            return FieldProblem{u"MISSING_FIELD"_s, u"字段“%1”不能为空"_s.arg(key), key};
        if (spec.kind == FieldKind::Choice && !spec.choices.contains(s))
            return FieldProblem{u"VALIDATION_FAILED"_s,
                                u"字段“%1”应为 %2 之一"_s.arg(key, spec.choices.join(u"、"_s)), key};
        if (spec.kind == FieldKind::Date && !s.isEmpty() && !QDate::fromString(s, Qt::ISODate).isValid())
            return FieldProblem{u"VALIDATION_FAILED"_s, u"字段“%1”应为日期，例如 2026-03-31"_s.arg(key), key};
        if (spec.kind == FieldKind::Phone && !s.isEmpty()) {
            if (const QString v = accounts::phoneViolation(s); !v.isEmpty())
                return FieldProblem{u"VALIDATION_FAILED"_s, v, key};
        }
        if (spec.kind == FieldKind::Mobile && !s.isEmpty() &&
            (s.size() != 11 || !s.startsWith(u'1') || !accounts::phoneViolation(s).isEmpty()))
            return FieldProblem{u"VALIDATION_FAILED"_s, u"手机号应为 11 位数字，以 1 开头"_s, key};
        return std::nullopt;
    }
    case FieldKind::Integer: {
        const double d = value.toDouble();
        if (!value.isDouble() || std::floor(d) != d || std::fabs(d) > 9007199254740991.0)
            return wrongType(u"整数"_s);
        return std::nullopt;
    }
    case FieldKind::Boolean:
        if (!value.isBool())
            return wrongType(u"布尔值"_s);
        return std::nullopt;
    case FieldKind::Attachments: {
        if (!value.isArray())
            return wrongType(u"附件列表"_s);
        const QJsonArray items = value.toArray();
        if (items.size() > spec.maxLength)
            return FieldProblem{u"TOO_LONG"_s, u"字段“%1”最多 %2 个附件"_s.arg(key).arg(spec.maxLength), key};
        static const QRegularExpression sha(u"^[0-9a-f]{64}$"_s);
        for (const QJsonValue &item : items) {
            if (!item.isString() || !sha.match(item.toString()).hasMatch())
                return FieldProblem{u"VALIDATION_FAILED"_s,
                                    u"字段“%1”中的附件编号应为 64 位十六进制 SHA-256"_s.arg(key), key};
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<FieldProblem> RecordType::checkRecord(const QString &recordId, const QJsonObject &fieldsIn,
                                                    const Placement &placement) const
{
    for (auto it = fieldsIn.constBegin(); it != fieldsIn.constEnd(); ++it) {
        if (auto p = checkField(it.key(), it.value()))
            return p;
    }
    const QList<FieldSpec> specs = fields();
    for (const FieldSpec &spec : specs) {
        const QJsonValue v = fieldsIn.value(spec.name);
        if (spec.required &&
            (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())))
            return FieldProblem{u"MISSING_FIELD"_s, u"请填写“%1”"_s.arg(spec.name), spec.name};
    }
    return checkRules(recordId, fieldsIn, placement);
}

std::optional<qint64> RecordType::entryClosesAtMs(const QJsonObject &) const
{
    return std::nullopt;
}

QStringList RecordType::attachmentsOf(const QJsonObject &f) const
{
    QStringList out;
    const QList<FieldSpec> specs = fields();
    for (const FieldSpec &spec : specs) {
        if (spec.kind != FieldKind::Attachments)
            continue;
        const QJsonArray items = f.value(spec.name).toArray();
        for (const QJsonValue &v : items) {
            if (!out.contains(v.toString()))
                out.append(v.toString());
        }
    }
    return out;
}

std::optional<FieldProblem> RecordType::checkRules(const QString &, const QJsonObject &,
                                                   const Placement &) const
{
    return std::nullopt;
}

namespace {

struct Registry
{
    QMutex mutex;
    std::map<QString, std::unique_ptr<RecordType>> types;

    Registry() { insert(std::make_unique<DepartmentContactType>()); }
    void insert(std::unique_ptr<RecordType> t)
    {
        const QString n = t->name();
        types[n] = std::move(t);
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

const RecordType *RecordTypes::find(const QString &name)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    const auto it = r.types.find(name);
    return it == r.types.end() ? nullptr : it->second.get();
}

QStringList RecordTypes::names()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    QStringList out;
    for (const auto &entry : r.types)
        out.append(entry.first);
    return out;
}

void RecordTypes::add(std::unique_ptr<RecordType> type)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.insert(std::move(type));
}

} // namespace sunshine::sync
