#include "common/rules/Rules.h"

#include "common/sync/RecordType.h"

#include <QMutex>
#include <QMutexLocker>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::rules {

namespace {

const char16_t *const kSeverityNames[] = {u"yellow", u"orange", u"red"};
const char16_t *const kSeverityChinese[] = {u"黄色", u"橙色", u"红色"};

struct RegistryData
{
    QMutex mutex;
    std::map<QString, std::unique_ptr<Rule>> rules;
};

RegistryData &ruleRegistry()
{
    static RegistryData r;
    return r;
}

// The rules are registered with the record types, when the module registry is first built.
void ensureModulesRegistered()
{
    (void)sync::RecordTypes::find(QString());
}

} // namespace

QString severityName(Severity severity)
{
    return QString::fromUtf16(kSeverityNames[int(severity)]);
}

std::optional<Severity> severityFromName(const QString &name)
{
    for (int i = 0; i < 3; ++i) {
        if (name == QStringView(kSeverityNames[i]))
            return Severity(i);
    }
    return std::nullopt;
}

QString severityChinese(Severity severity)
{
    return QString::fromUtf16(kSeverityChinese[int(severity)]);
}

QJsonObject parametersToJson(const ParameterValues &values)
{
    QJsonObject o;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

std::optional<ParameterValues> parametersFromJson(const QJsonObject &json, QString *badName)
{
    ParameterValues out;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonValue v = it.value();
        if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
            if (badName)
                *badName = it.key();
            return std::nullopt;
        }
        out.insert(it.key(), v.toInteger());
    }
    return out;
}

QString Finding::dedupKey() const
{
    return rule + u'|' + subjectType + u':' + subjectId + u'|' + period;
}

void Finding::placeAt(const RuleRecord &record)
{
    orgUnitId = record.orgUnitId;
    orgPath = record.orgPath;
}

Finding Rule::finding(const QString &subjectType, const QString &subjectId, const QString &period,
                      Severity severity) const
{
    Finding f;
    f.rule = code();
    f.subjectType = subjectType;
    f.subjectId = subjectId;
    f.period = period;
    f.severity = severity;
    return f;
}

ParameterValues Rule::withDefaults(const ParameterValues &values) const
{
    ParameterValues out;
    const QList<RuleParameter> specs = parameters();
    for (const RuleParameter &p : specs)
        out.insert(p.name, values.value(p.name, p.defaultValue));
    return out;
}

std::optional<QString> Rule::parameterProblem(const ParameterValues &values) const
{
    const QList<RuleParameter> specs = parameters();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const auto spec = std::find_if(specs.cbegin(), specs.cend(),
                                       [&](const RuleParameter &p) { return p.name == it.key(); });
        if (spec == specs.cend())
            return u"规则%1没有参数“%2”"_s.arg(code(), it.key());
        if (it.value() < spec->minimum || it.value() > spec->maximum)
            return u"“%1”应在 %2 到 %3 之间"_s.arg(spec->label).arg(spec->minimum).arg(spec->maximum);
    }
    return std::nullopt;
}

const Rule *RuleRegistry::find(const QString &code)
{
    ensureModulesRegistered();
    RegistryData &r = ruleRegistry();
    QMutexLocker lock(&r.mutex);
    const auto it = r.rules.find(code);
    return it == r.rules.end() ? nullptr : it->second.get();
}

QList<const Rule *> RuleRegistry::all()
{
    ensureModulesRegistered();
    RegistryData &r = ruleRegistry();
    QMutexLocker lock(&r.mutex);
    QList<const Rule *> out;
    for (const auto &entry : r.rules)
        out.append(entry.second.get());
    return out;
}

void RuleRegistry::adopt(RuleList rules)
{
    RegistryData &r = ruleRegistry();
    QMutexLocker lock(&r.mutex);
    for (auto &rule : rules) {
        const QString code = rule->code();
        r.rules[code] = std::move(rule);
    }
}

QString personSubjectId(const QString &idNumber)
{
    return sync::derivedRecordId(u"person"_s, idNumber.toUpper());
}

} // namespace sunshine::rules

namespace sunshine::rules {

QString commonOrgPath(const QStringList &orgPaths)
{
    if (orgPaths.isEmpty())
        return {};
    QString common = orgPaths.first();
    for (const QString &p : orgPaths) {
        while (!common.isEmpty() && !p.startsWith(common)) {
            common.chop(1); // the trailing '/'
            common.truncate(common.lastIndexOf(u'/') + 1);
        }
    }
    return common;
}

QString unitOfPath(const QString &orgPath)
{
    const QStringList parts = orgPath.split(u'/', Qt::SkipEmptyParts);
    return parts.isEmpty() ? QString() : parts.last();
}

QStringList idsOf(const QList<RuleRecord> &touched, const QString &type, const QString &field)
{
    QStringList out;
    for (const RuleRecord &r : touched) {
        const QString id = r.type == type    ? r.id
                           : field.isEmpty() ? QString()
                                             : r.fields.value(field).toString();
        if (!id.isEmpty() && !out.contains(id))
            out.append(id);
    }
    return out;
}

void placeAtCommonUnit(Finding &finding, const QList<RuleRecord> &records)
{
    QStringList paths;
    for (const RuleRecord &r : records)
        paths.append(r.orgPath);
    finding.orgPath = commonOrgPath(paths);
    finding.orgUnitId = unitOfPath(finding.orgPath);
}

} // namespace sunshine::rules

namespace sunshine::rules {

bool canManageRules(const RoleSet &roles, OrgLevel level)
{
    return roles.contains(Role::Admin) && level == OrgLevel::City;
}

} // namespace sunshine::rules
