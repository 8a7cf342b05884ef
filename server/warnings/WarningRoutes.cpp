#include "server/warnings/WarningRoutes.h"
#include "common/api/JsonReader.h"
#include "common/sync/RecordType.h"
#include "server/api/Services.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

void requireManager(const HttpRequest &req)
{
    const Scope &scope = req.session().scope;
    if (!rules::canManageRules(scope.roles, sync::orgLevelOfPath(scope.orgPath)))
        throw ApiError(ErrorCode::Forbidden, u"只有市级管理员可以设置和运行预警规则"_s);
}

// {"name": integer, ...}: every value an integer.
rules::ParameterValues parametersFrom(const QJsonObject &o)
{
    QString bad;
    const std::optional<rules::ParameterValues> values = rules::parametersFromJson(o, &bad);
    if (!values)
        throw ApiError(ErrorCode::InvalidType, u"参数“%1”应为整数"_s.arg(bad.left(40)), u"parameters"_s);
    return *values;
}

QJsonObject ruleJson(const rules::Rule &rule, const WarningEngine::RuleSetting &s)
{
    QJsonArray parameters;
    const QList<rules::RuleParameter> specs = rule.parameters();
    for (const rules::RuleParameter &p : specs) {
        parameters.append(QJsonObject{{u"name"_s, p.name},
                                      {u"label"_s, p.label},
                                      {u"default"_s, p.defaultValue},
                                      {u"minimum"_s, p.minimum},
                                      {u"maximum"_s, p.maximum},
                                      {u"value"_s, s.parameters.value(p.name)}});
    }
    return QJsonObject{{u"code"_s, rule.code()},
                       {u"name"_s, rule.chineseName()},
                       {u"basis"_s, rule.basis()},
                       {u"description"_s, rule.description()},
                       {u"watches"_s, QJsonArray::fromStringList(rule.watchedTypes())},
                       {u"enabled"_s, s.enabled},
                       {u"version"_s, s.version},
                       {u"setAt"_s, s.setAtMs},
                       {u"parameters"_s, parameters}};
}

} // namespace

void registerWarningRoutes(Router &router, Services &services, WarningEngine &engine)
{
    const auto auth = Router::Access::Authenticated;

    router.add(u"GET"_s, u"/api/v1/warnings/rules"_s, auth, [&engine](HttpRequest &) {
        QJsonArray items;
        const QList<const rules::Rule *> all = rules::RuleRegistry::all();
        for (const rules::Rule *rule : all)
            items.append(ruleJson(*rule, engine.setting(*rule)));
        const warnings::HandlingDays days = engine.handlingDays();
        QJsonObject out{{u"items"_s, items},
                        {u"handling"_s,
                         QJsonObject{{u"replyDays"_s, days.replyDays}, {u"resultDays"_s, days.resultDays}}},
                        {u"queued"_s, engine.queued()}};
        if (const auto last = engine.lastFullRun())
            out.insert(u"lastFullRun"_s, last->toJson());
        return HttpResponse::json(out);
    });

    router.add(u"PUT"_s, u"/api/v1/admin/warnings/rules/{code}"_s, auth, [&engine](HttpRequest &req) {
        requireManager(req);
        JsonReader in = JsonReader::fromBody(req.body);
        const std::optional<bool> enabled = in.optionalBool(u"enabled"_s);
        std::optional<rules::ParameterValues> parameters;
        if (const auto o = in.optionalObject(u"parameters"_s))
            parameters = parametersFrom(*o);
        in.finish();
        const QString code = req.pathParams.value(u"code"_s);
        const WarningEngine::RuleSetting s =
            engine.update(req.session(), code, enabled, parameters, req.peerAddress);
        return HttpResponse::json(ruleJson(*rules::RuleRegistry::find(code), s));
    });

    router.add(
        u"POST"_s, u"/api/v1/admin/warnings/rules/{code}/dry-run"_s, auth, [&engine](HttpRequest &req) {
            requireManager(req);
            JsonReader in = JsonReader::fromBody(req.body.isEmpty() ? QByteArray("{}") : req.body);
            const rules::ParameterValues parameters =
                parametersFrom(in.optionalObject(u"parameters"_s).value_or(QJsonObject()));
            in.finish();
            const WarningEngine::DryRun d = engine.dryRun(req.pathParams.value(u"code"_s), parameters);
            QJsonArray sample;
            for (const rules::Finding &f : d.sample) {
                // No ID numbers: the finding as its warning would show it to everyone in its area.
                sample.append(QJsonObject{{u"subjectType"_s, f.subjectType},
                                          {u"subjectId"_s, f.subjectId},
                                          {u"period"_s, f.period},
                                          {u"severity"_s, rules::severityName(f.severity)},
                                          {u"summary"_s, f.summary},
                                          {u"orgUnitId"_s, f.orgUnitId},
                                          {u"ownerDepartment"_s, f.ownerDepartment}});
            }
            return HttpResponse::json(QJsonObject{{u"findings"_s, d.findings},
                                                  {u"alreadyRaised"_s, d.alreadyRaised},
                                                  {u"new"_s, d.findings - d.alreadyRaised},
                                                  {u"parameters"_s, rules::parametersToJson(parameters)},
                                                  {u"sample"_s, sample}});
        });

    router.add(u"PUT"_s, u"/api/v1/admin/warnings/handling"_s, auth, [&engine](HttpRequest &req) {
        requireManager(req);
        JsonReader in = JsonReader::fromBody(req.body);
        warnings::HandlingDays days;
        days.replyDays = int(in.requiredInteger(u"replyDays"_s, 1, 60));
        days.resultDays = int(in.requiredInteger(u"resultDays"_s, 1, 120));
        in.finish();
        days = engine.updateHandlingDays(req.session(), days, req.peerAddress);
        return HttpResponse::json(
            QJsonObject{{u"replyDays"_s, days.replyDays}, {u"resultDays"_s, days.resultDays}});
    });

    router.add(u"POST"_s, u"/api/v1/admin/warnings/run"_s, auth, [&engine](HttpRequest &req) {
        requireManager(req);
        JsonReader in = JsonReader::fromBody(req.body.isEmpty() ? QByteArray("{}") : req.body);
        const QString kind = in.optionalString(u"kind"_s, 8).value_or(u"full"_s);
        in.finish();
        if (kind != u"full"_s && kind != u"queue"_s)
            throw ApiError(ErrorCode::ValidationFailed,
                           u"运行方式应为 full（全量）或 queue（处理待评估队列）"_s, u"kind"_s);
        const WarningEngine::Report r = kind == u"full"_s ? engine.runFull() : engine.drainQueue();
        return HttpResponse::json(r.toJson());
    });
    Q_UNUSED(services)
}

} // namespace sunshine
