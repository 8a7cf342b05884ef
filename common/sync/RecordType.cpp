#include "common/sync/RecordType.h"

#include "common/auth/AccountRules.h"
#include "common/core/IdCard.h"
#include "common/sync/CommonModules.h"
#include "common/sync/DepartmentContact.h"

#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUuid>
#include <cmath>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

std::optional<FieldProblem> RecordType::checkField(const QString &key, const QJsonValue &value) const
{
    const QList<FieldSpec> &specs = fieldSpecs();
    const auto it =
        std::find_if(specs.begin(), specs.end(), [&](const FieldSpec &s) { return s.name == key; });
    if (it == specs.end())
        return FieldProblem{u"UNKNOWN_FIELD"_s, u"%1没有字段“%2”"_s.arg(chineseName(), key.left(40)),
                            key.left(40)};
    const FieldSpec &spec = *it;
    const QString label = spec.displayName();
    if (value.isNull()) {
        if (spec.required)
            return FieldProblem{u"MISSING_FIELD"_s, u"“%1”不能为空"_s.arg(label), key};
        return std::nullopt;
    }
    auto wrongType = [&](const QString &what) {
        return FieldProblem{u"INVALID_TYPE"_s, u"“%1”应为%2"_s.arg(label, what), key};
    };
    switch (spec.kind) {
    case FieldKind::Text:
    case FieldKind::Phone:
    case FieldKind::Mobile:
    case FieldKind::Date:
    case FieldKind::Choice:
    case FieldKind::IdNumber:
    case FieldKind::Reference: {
        if (!value.isString())
            return wrongType(u"字符串"_s);
        const QString s = value.toString();
        const int max = spec.kind == FieldKind::Text        ? spec.maxLength
                        : spec.kind == FieldKind::Reference ? 64
                                                            : 32;
        if (s.size() > max)
            return FieldProblem{u"TOO_LONG"_s, u"“%1”不能超过 %2 个字符"_s.arg(label).arg(max), key};
        if (spec.required && s.trimmed().isEmpty())
            return FieldProblem{u"MISSING_FIELD"_s, u"“%1”不能为空"_s.arg(label), key};
        if (spec.kind == FieldKind::Choice && !spec.choices.contains(s)) {
            const QStringList shown =
                spec.choiceLabels.size() == spec.choices.size() ? spec.choiceLabels : spec.choices;
            return FieldProblem{u"VALIDATION_FAILED"_s, u"“%1”应为 %2 之一"_s.arg(label, shown.join(u"、"_s)),
                                key};
        }
        if (spec.kind == FieldKind::Date && !s.isEmpty() && !QDate::fromString(s, Qt::ISODate).isValid())
            return FieldProblem{u"VALIDATION_FAILED"_s, u"“%1”应为日期，例如 2026-03-31"_s.arg(label), key};
        if (spec.kind == FieldKind::IdNumber && !s.isEmpty()) {
            // The birth date against the real date is checked with the record (RuleContext::today).
            const IdCard card = IdCard::parse(s, QDate(9999, 12, 31));
            if (!card.isValid())
                return FieldProblem{u"INVALID_ID_NUMBER"_s,
                                    u"“%1”：%2"_s.arg(label, IdCard::errorMessage(card.error())), key};
            if (card.number() != s)
                return FieldProblem{u"INVALID_ID_NUMBER"_s,
                                    u"“%1”应为 18 位半角字符，末位 X 大写"_s.arg(label), key};
        }
        if (spec.kind == FieldKind::Phone && !s.isEmpty()) {
            if (const QString v = accounts::phoneViolation(s); !v.isEmpty())
                return FieldProblem{u"VALIDATION_FAILED"_s, v, key};
        }
        if (spec.kind == FieldKind::Mobile && !s.isEmpty() &&
            (s.size() != 11 || !s.startsWith(u'1') || !accounts::phoneViolation(s).isEmpty()))
            return FieldProblem{u"VALIDATION_FAILED"_s, u"手机号应为 11 位数字，以 1 开头"_s, key};
        return std::nullopt;
    }
    case FieldKind::Integer:
    case FieldKind::Money: {
        const double d = value.toDouble();
        if (!value.isDouble() || std::floor(d) != d || std::fabs(d) > 9007199254740991.0)
            return wrongType(spec.kind == FieldKind::Money ? u"以分为单位的整数金额"_s : u"整数"_s);
        return std::nullopt;
    }
    case FieldKind::Number:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return wrongType(u"数字"_s);
        return std::nullopt;
    case FieldKind::StepList: {
        if (!value.isArray())
            return wrongType(u"办理记录列表"_s);
        const QJsonArray items = value.toArray();
        if (items.size() > spec.maxLength)
            return FieldProblem{u"TOO_LONG"_s, u"“%1”最多 %2 条"_s.arg(label).arg(spec.maxLength), key};
        for (const QJsonValue &item : items) {
            if (!item.isObject())
                return wrongType(u"办理记录列表"_s);
        }
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
            return FieldProblem{u"TOO_LONG"_s, u"“%1”最多 %2 个附件"_s.arg(label).arg(spec.maxLength), key};
        static const QRegularExpression sha(u"^[0-9a-f]{64}$"_s);
        for (const QJsonValue &item : items) {
            if (!item.isString() || !sha.match(item.toString()).hasMatch())
                return FieldProblem{u"VALIDATION_FAILED"_s,
                                    u"“%1”中的附件编号应为 64 位十六进制 SHA-256"_s.arg(label), key};
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<FieldProblem> RecordType::checkRecord(const QString &recordId, const QJsonObject &fieldsIn,
                                                    const Placement &placement,
                                                    const RuleContext &context) const
{
    for (auto it = fieldsIn.constBegin(); it != fieldsIn.constEnd(); ++it) {
        if (auto p = checkField(it.key(), it.value()))
            return p;
    }
    const QList<FieldSpec> &specs = fieldSpecs();
    for (const FieldSpec &spec : specs) {
        const QJsonValue v = fieldsIn.value(spec.name);
        if (spec.required &&
            (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())))
            return FieldProblem{u"MISSING_FIELD"_s, u"请填写“%1”"_s.arg(spec.displayName()), spec.name};
        if (spec.notAfterToday && context.today.isValid()) {
            const QDate d = dateOf(fieldsIn, spec.name);
            if (d.isValid() && d > context.today)
                return problem(spec.name, u"%1不能晚于今天"_s.arg(spec.displayName()));
        }
        if (spec.kind == FieldKind::IdNumber && v.isString() && !v.toString().isEmpty() &&
            context.today.isValid()) {
            const IdCard card = IdCard::parse(v.toString(), context.today);
            if (!card.isValid())
                return FieldProblem{u"INVALID_ID_NUMBER"_s,
                                    u"“%1”：%2"_s.arg(spec.displayName(), IdCard::errorMessage(card.error())),
                                    spec.name};
        }
    }
    return checkRules(recordId, fieldsIn, placement, context);
}

const QList<FieldSpec> &RecordType::fieldSpecs() const
{
    std::call_once(m_specsOnce, [this] { m_specs = fields(); });
    return m_specs;
}

std::optional<FieldSpec> RecordType::field(const QString &name) const
{
    const QList<FieldSpec> &specs = fieldSpecs();
    for (const FieldSpec &s : specs) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

FieldSpec &FieldSpec::options(const QStringList &valueLabelPairs)
{
    kind = FieldKind::Choice;
    choices.clear();
    choiceLabels.clear();
    for (qsizetype i = 0; i + 1 < valueLabelPairs.size(); i += 2) {
        choices.append(valueLabelPairs.at(i));
        choiceLabels.append(valueLabelPairs.at(i + 1));
    }
    return *this;
}

QString FieldSpec::choiceLabel(const QString &value) const
{
    const qsizetype i = choices.indexOf(value);
    return i >= 0 && i < choiceLabels.size() ? choiceLabels.at(i) : value;
}

QList<QPair<QString, QString>> RecordType::uniqueKeys(const QJsonObject &) const
{
    return {};
}

std::optional<qint64> RecordType::entryClosesAtMs(const QJsonObject &) const
{
    return std::nullopt;
}

QList<Consequence> RecordType::consequences(const QString &, const QJsonObject &, const Placement &,
                                            const RuleContext &) const
{
    return {};
}

void RecordType::derive(QJsonObject &, const RuleContext &) const
{}

std::optional<FieldProblem> RecordType::deleteProblem(const QString &, const QJsonObject &,
                                                      const RuleContext &) const
{
    return std::nullopt;
}

QStringList RecordType::attachmentsOf(const QJsonObject &f) const
{
    QStringList out;
    const QList<FieldSpec> &specs = fieldSpecs();
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

std::optional<FieldProblem> RecordType::checkRules(const QString &, const QJsonObject &, const Placement &,
                                                   const RuleContext &) const
{
    return std::nullopt;
}

FieldProblem RecordType::problem(const QString &field, const QString &message, const QString &code)
{
    return FieldProblem{code, message, field};
}

QDate RecordType::dateOf(const QJsonObject &fields, const QString &field)
{
    return QDate::fromString(fields.value(field).toString(), Qt::ISODate);
}

void RecordType::setDate(QJsonObject &fields, const QString &field, QDate date)
{
    if (date.isValid())
        fields.insert(field, date.toString(Qt::ISODate));
    else
        fields.remove(field);
}

qint64 RecordType::fenOf(const QJsonObject &fields, const QString &field)
{
    const QJsonValue v = fields.value(field);
    return v.isDouble() ? qint64(v.toDouble()) : 0;
}

QString derivedRecordId(const QString &typeName, const QString &key)
{
    static const QUuid ns(u"4f1d2c8e-9a3b-5e7f-8c21-6d0b3a9e5f47"_s);
    return QUuid::createUuidV5(ns, typeName + u'/' + key).toString(QUuid::WithoutBraces);
}

OrgLevel orgLevelOfPath(const QString &orgPath)
{
    const int depth = int(orgPath.count(u'/')) - 1;
    return OrgLevel(qBound(1, depth, 4));
}

namespace {

struct Registry
{
    QMutex mutex;
    std::map<QString, std::unique_ptr<RecordType>> types;

    Registry()
    {
        insert(std::make_unique<DepartmentContactType>());
        // The modules' record types and rules, from the module list of common/CMakeLists.txt.
        CommonModules fromModules;
        registerAllCommonModules(fromModules);
        for (auto &t : fromModules.types)
            insert(std::move(t));
        rules::RuleRegistry::adopt(std::move(fromModules.rules));
    }
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

bool readableBy(const Scope &scope, const QString &type, const QString &orgPath)
{
    if (scope.coversOrgPath(orgPath))
        return true;
    const RecordType *t = RecordTypes::find(type);
    return t && t->sharedBelow() && !orgPath.isEmpty() && scope.orgPath.startsWith(orgPath);
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
