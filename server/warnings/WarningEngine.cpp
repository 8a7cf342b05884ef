#include "server/warnings/WarningEngine.h"

#include "common/api/ApiError.h"
#include "common/warnings/WarningType.h"
#include "server/audit/AuditLog.h"
#include "server/store/Store.h"
#include "server/warnings/StoreRuleData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using rules::Finding;
using rules::Rule;
using rules::RuleRegistry;
using warnings::WarningType;

namespace {

const QString kHandling = u"HANDLING"_s;
const QString kWarning = QString::fromUtf16(WarningType::kName);
constexpr int kWriteBatch = 500; // warnings written per transaction

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject WarningEngine::Report::toJson() const
{
    return QJsonObject{{u"kind"_s, kind},
                       {u"startedAt"_s, startedAtMs},
                       {u"finishedAt"_s, finishedAtMs},
                       {u"recordsRead"_s, recordsRead},
                       {u"findings"_s, findings},
                       {u"raised"_s, raised},
                       {u"escalated"_s, escalated}};
}

WarningEngine::WarningEngine(Store &store, AuditLog &audit, const Clock &clock, const SyncService &sync)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
    , m_sync(sync)
{}

// --- Settings
// ------------------------------------------------------------------------------------------------

std::optional<WarningEngine::RuleSetting> WarningEngine::storedSetting(const QString &code)
{
    SqlQuery q(m_store, u"SELECT version, enabled, parameters, set_at, set_by FROM warning_rule_versions "
                        u"WHERE code = ? ORDER BY version DESC LIMIT 1"_s);
    q.bindText(code).exec();
    if (!q.next())
        return std::nullopt;
    RuleSetting s;
    s.code = code;
    s.version = int(q.int64(0));
    s.enabled = q.flag(1);
    s.parameters = rules::parametersFromJson(QJsonDocument::fromJson(q.text(2).toUtf8()).object())
                       .value_or(rules::ParameterValues());
    s.setAtMs = q.int64(3);
    s.setBy = q.text(4);
    return s;
}

WarningEngine::RuleSetting WarningEngine::setting(const Rule &rule)
{
    RuleSetting defaults;
    defaults.code = rule.code();
    RuleSetting s = storedSetting(rule.code()).value_or(defaults);
    s.parameters = rule.withDefaults(s.parameters);
    return s;
}

WarningEngine::RuleSetting WarningEngine::update(const AuthSession &actor, const QString &code,
                                                 std::optional<bool> enabled,
                                                 const std::optional<rules::ParameterValues> &parameters,
                                                 const QString &address)
{
    const Rule *rule = RuleRegistry::find(code);
    if (!rule)
        throw ApiError(ErrorCode::NotFound, u"没有这条预警规则"_s, u"code"_s);
    if (parameters) {
        if (const auto why = rule->parameterProblem(*parameters))
            throw ApiError(ErrorCode::ValidationFailed, *why, u"parameters"_s);
    }
    Transaction tx(m_store);
    RuleSetting s = setting(*rule);
    if (enabled)
        s.enabled = *enabled;
    if (parameters)
        s.parameters = rule->withDefaults(*parameters);
    s.version += 1;
    s.setAtMs = m_clock.nowMs();
    s.setBy = actor.userId;
    storeVersion(actor, code, s.version, s.enabled, s.parameters, s.setAtMs,
                 QJsonObject{{u"version"_s, s.version},
                             {u"enabled"_s, s.enabled},
                             {u"parameters"_s, rules::parametersToJson(s.parameters)}},
                 address);
    tx.commit();
    return s;
}

void WarningEngine::storeVersion(const AuthSession &actor, const QString &code, int version, bool enabled,
                                 const rules::ParameterValues &values, qint64 atMs,
                                 const QJsonObject &auditDetail, const QString &address)
{
    SqlQuery(m_store,
             u"INSERT INTO warning_rule_versions (code, version, enabled, parameters, set_at, set_by) "
             u"VALUES (?, ?, ?, ?, ?, ?)"_s)
        .bindText(code)
        .bind(version)
        .bind(enabled ? 1 : 0)
        .bindText(compact(rules::parametersToJson(values)))
        .bind(atMs)
        .bindText(actor.userId)
        .exec();
    m_audit.append(AuditEntry{actor.userId, actor.username, u"warning-rule.update"_s, u"warning-rule"_s, code,
                              auditDetail, address});
}

warnings::HandlingDays WarningEngine::handlingDays()
{
    warnings::HandlingDays days;
    if (const auto s = storedSetting(kHandling)) {
        days.replyDays = int(s->parameters.value(u"replyDays"_s, days.replyDays));
        days.resultDays = int(s->parameters.value(u"resultDays"_s, days.resultDays));
    }
    return days;
}

warnings::HandlingDays WarningEngine::updateHandlingDays(const AuthSession &actor,
                                                         const warnings::HandlingDays &days,
                                                         const QString &address)
{
    if (days.replyDays < 1 || days.replyDays > 60 || days.resultDays < days.replyDays ||
        days.resultDays > 120)
        throw ApiError(ErrorCode::ValidationFailed,
                       u"签收期限应为 1–60 个工作日，办结期限不短于签收期限且不超过 120 个工作日"_s,
                       u"resultDays"_s);
    Transaction tx(m_store);
    const int version = storedSetting(kHandling).value_or(RuleSetting{}).version + 1;
    const rules::ParameterValues values{{u"replyDays"_s, days.replyDays}, {u"resultDays"_s, days.resultDays}};
    storeVersion(actor, kHandling, version, true, values, m_clock.nowMs(),
                 QJsonObject{{u"version"_s, version}, {u"parameters"_s, rules::parametersToJson(values)}},
                 address);
    tx.commit();
    return days;
}

// --- Runs
// ----------------------------------------------------------------------------------------------------

rules::RuleRun WarningEngine::runFor(const Rule &rule, const rules::ParameterValues &parameters) const
{
    rules::RuleRun run;
    run.today = m_clock.todayInChina();
    run.calendar = &WorkingCalendar::current();
    run.parameters = rule.withDefaults(parameters);
    return run;
}

AuthSession WarningEngine::serverActor()
{
    AuthSession s;
    s.userId = QString::fromUtf16(warnings::kServerActorId);
    s.username = u"system"_s;
    s.displayName = u"分析预警"_s;
    SqlQuery city(m_store, u"SELECT id, path FROM org_units WHERE level = 1"_s);
    city.exec();
    if (city.next()) {
        s.scope.orgUnitId = city.text(0);
        s.scope.orgPath = city.text(1);
    }
    s.scope.userId = s.userId;
    s.scope.roles = {Role::Reviewer};
    return s;
}

QString WarningEngine::departmentFor(const QString &orgPath, const QString &code)
{
    // The owner's department at the town of the place when the town has one of that code (its offices: 农经站
    // …), else at its county (at the city for a place above the counties).
    const QStringList units = orgPath.split(u'/', Qt::SkipEmptyParts);
    if (units.isEmpty() || code.isEmpty())
        return {};
    QStringList candidates;
    if (units.size() >= 3)
        candidates.append(units.at(2));
    if (units.size() >= 2)
        candidates.append(units.at(1));
    candidates.append(units.at(0));
    for (const QString &unit : candidates) {
        const QString key = unit + u'|' + code;
        if (const auto it = m_departments.constFind(key); it != m_departments.constEnd()) {
            if (!it->isEmpty())
                return *it;
            continue;
        }
        SqlQuery q(m_store, u"SELECT id FROM departments WHERE org_unit_id = ? AND code = ?"_s);
        q.bindText(unit).bindText(code).exec();
        const QString id = q.next() ? q.text(0) : QString();
        m_departments.insert(key, id);
        if (!id.isEmpty())
            return id;
    }
    return {};
}

QSet<QString> WarningEngine::existingIds(const QStringList &ids)
{
    QSet<QString> out;
    for (qsizetype from = 0; from < ids.size(); from += StoreRuleData::kChunk) {
        const QStringList part = ids.mid(from, StoreRuleData::kChunk);
        SqlQuery q(m_store, u"SELECT id FROM records WHERE id IN ("_s + placeholders(part.size()) + u')');
        for (const QString &id : part)
            q.bindText(id);
        q.exec();
        while (q.next())
            out.insert(q.text(0));
    }
    return out;
}

qint64 WarningEngine::raise(const QList<Finding> &findings)
{
    QHash<QString, const Finding *> byId;
    QStringList ids;
    for (const Finding &f : findings) {
        const QString id = WarningType::recordIdFor(f.dedupKey());
        if (!byId.contains(id))
            ids.append(id);
        byId.insert(id, &f);
    }
    const QSet<QString> existing = existingIds(ids);
    const QDate today = m_clock.todayInChina();
    const warnings::HandlingDays days = handlingDays();
    const WorkingCalendar &calendar = WorkingCalendar::current();
    const QDate replyDue = warnings::replyDue(today, days, calendar);
    const QDate resultDue = warnings::resultDue(today, days, calendar);
    const qint64 now = m_clock.nowMs();
    QJsonArray ops;
    for (const QString &id : std::as_const(ids)) {
        if (existing.contains(id))
            continue;
        const Finding &f = *byId.value(id);
        const Rule *rule = RuleRegistry::find(f.rule);
        ops.append(warningOp(
            u"warn-"_s + id, id, f.orgUnitId,
            f.ownerDepartmentId.isEmpty() ? departmentFor(f.orgPath, f.ownerDepartment) : f.ownerDepartmentId,
            0, WarningType::fieldsFor(f, rule ? rule->chineseName() : f.rule, today, replyDue, resultDue),
            now));
    }
    return pushAsServer(ops);
}

QJsonObject WarningEngine::warningOp(const QString &opId, const QString &recordId, const QString &orgUnitId,
                                     const QString &departmentId, qint64 baseVersion,
                                     const QJsonObject &changed, qint64 deviceNowMs)
{
    QJsonObject op{{u"opId"_s, opId},
                   {u"recordId"_s, recordId},
                   {u"type"_s, kWarning},
                   {u"orgUnitId"_s, orgUnitId},
                   {u"kind"_s, u"upsert"_s},
                   {u"baseVersion"_s, baseVersion},
                   {u"changedFields"_s, changed},
                   {u"deviceTime"_s, deviceNowMs}};
    if (!departmentId.isEmpty())
        op.insert(u"departmentId"_s, departmentId);
    return op;
}

qint64 WarningEngine::pushAsServer(const QJsonArray &ops)
{
    if (ops.isEmpty())
        return 0;
    const AuthSession actor = serverActor();
    qint64 applied = 0;
    const QList<sync::OpResult> results = m_sync.pushWithin(actor, ops, m_clock.nowMs(), u"server"_s);
    for (const sync::OpResult &r : results) {
        if (r.status == sync::OpStatus::Applied)
            ++applied;
        else
            qWarning("warning not written (%s): %s", qPrintable(r.opId), qPrintable(r.message));
    }
    return applied;
}

qint64 WarningEngine::escalate()
{
    const QDate today = m_clock.todayInChina();
    const WorkingCalendar &calendar = WorkingCalendar::current();
    const qint64 now = m_clock.nowMs();
    QJsonArray ops;
    SqlQuery q(m_store, u"SELECT r.id, r.org_unit_id, r.department_id, r.version, r.data, u.parent_id, "
                        u"d.org_unit_id FROM records r LEFT JOIN departments d ON d.id = r.department_id "
                        u"LEFT JOIN org_units u ON u.id = d.org_unit_id WHERE r.type = 'warning' AND "
                        u"r.deleted = 0 AND "_s +
                            m_store.fieldSql(u"state"_s) + u" NOT IN ('review', 'closed')"_s);
    q.raw().setForwardOnly(true);
    q.exec();
    while (q.next()) {
        const QJsonObject f = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
        const warnings::Handling h = warnings::replay(warnings::stepsFromJson(f.value(u"steps"_s).toArray()));
        const QDate resultDue = sync::RecordType::dateOf(f, u"resultDueOn"_s);
        const warnings::Lateness late =
            warnings::lateness(h, sync::RecordType::dateOf(f, u"replyDueOn"_s), resultDue, today);
        if (late == warnings::Lateness::None)
            continue;
        QJsonObject changed;
        if (!f.contains(u"escalatedOn"_s)) {
            changed.insert(u"escalatedOn"_s, today.toString(Qt::ISODate));
            // One level above the owning department's unit (the city escalates to itself: its leading group).
            const QString up = !q.text(5).isEmpty()   ? q.text(5)
                               : !q.text(6).isEmpty() ? q.text(6)
                                                      : q.text(1);
            changed.insert(u"escalatedTo"_s, up);
        }
        // A red warning still open five working days after its result date goes to the 纪委 (MODULES.md §5).
        if (f.value(u"severity"_s).toString() == u"red"_s && !f.value(u"disciplineCopy"_s).toBool() &&
            resultDue.isValid() && today > calendar.addWorkingDays(resultDue, 5))
            changed.insert(u"disciplineCopy"_s, true);
        if (changed.isEmpty())
            continue;
        ops.append(warningOp(u"esc-"_s + q.text(0) + u'-' + QString::number(q.int64(3)), q.text(0), q.text(1),
                             q.text(2), q.int64(3), changed, now));
    }
    return pushAsServer(ops);
}

void WarningEngine::recordRun(const Report &report)
{
    SqlQuery(m_store, u"INSERT INTO warning_runs (started_at, kind, run_day, finished_at, findings, raised, "
                      u"escalated) VALUES (?, ?, ?, ?, ?, ?, ?)"_s)
        .bind(report.startedAtMs)
        .bindText(report.kind)
        .bindText(m_clock.todayInChina().toString(Qt::ISODate))
        .bind(report.finishedAtMs)
        .bind(report.findings)
        .bind(report.raised)
        .bind(report.escalated)
        .exec();
}

WarningEngine::Report WarningEngine::drainQueue()
{
    QMutexLocker running(&m_running);
    m_departments.clear();
    Report report;
    report.kind = u"queue"_s;
    report.startedAtMs = m_clock.nowMs();
    for (;;) {
        Transaction tx(m_store);
        QStringList ids;
        {
            SqlQuery q(m_store,
                       u"SELECT record_id FROM warning_queue ORDER BY queued_at, record_id LIMIT ?"_s);
            q.bind(StoreRuleData::kChunk).exec();
            while (q.next())
                ids.append(q.text(0));
        }
        if (ids.isEmpty())
            break;
        QList<rules::RuleRecord> touched;
        {
            SqlQuery q(m_store, u"SELECT id, type, org_unit_id, org_path, department_id, data FROM records "
                                u"WHERE deleted = 0 AND id IN ("_s +
                                    placeholders(ids.size()) + u')');
            for (const QString &id : std::as_const(ids))
                q.bindText(id);
            q.exec();
            while (q.next()) {
                touched.append({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4),
                                QJsonDocument::fromJson(q.text(5).toUtf8()).object()});
            }
        }
        StoreRuleData data(m_store);
        QList<Finding> findings;
        const QList<const Rule *> all = RuleRegistry::all();
        for (const Rule *rule : all) {
            const RuleSetting s = setting(*rule);
            if (!s.enabled)
                continue;
            const QStringList watched = rule->watchedTypes();
            QList<rules::RuleRecord> mine;
            for (const rules::RuleRecord &r : std::as_const(touched)) {
                if (watched.contains(r.type))
                    mine.append(r);
            }
            if (!mine.isEmpty())
                rule->evaluateTouched(data, runFor(*rule, s.parameters), mine,
                                      [&](Finding &&f) { findings.append(std::move(f)); });
        }
        report.recordsRead += data.rowsRead() + touched.size();
        report.findings += findings.size();
        report.raised += raise(findings);
        SqlQuery del(m_store,
                     u"DELETE FROM warning_queue WHERE record_id IN ("_s + placeholders(ids.size()) + u')');
        for (const QString &id : std::as_const(ids))
            del.bindText(id);
        del.exec();
        tx.commit();
    }
    report.finishedAtMs = m_clock.nowMs();
    return report;
}

WarningEngine::Report WarningEngine::runFull()
{
    QMutexLocker running(&m_running);
    m_departments.clear();
    Report report;
    report.kind = u"full"_s;
    report.startedAtMs = m_clock.nowMs();
    QList<Finding> findings;
    {
        Transaction read(m_store, Transaction::Mode::Read);
        StoreRuleData data(m_store);
        const QList<const Rule *> all = RuleRegistry::all();
        for (const Rule *rule : all) {
            const RuleSetting s = setting(*rule);
            if (s.enabled)
                rule->evaluate(data, runFor(*rule, s.parameters),
                               [&](Finding &&f) { findings.append(std::move(f)); });
        }
        report.recordsRead = data.rowsRead();
        read.commit();
    }
    report.findings = findings.size();
    for (qsizetype from = 0; from < findings.size(); from += kWriteBatch) {
        Transaction tx(m_store);
        report.raised += raise(findings.mid(from, kWriteBatch));
        tx.commit();
    }
    Transaction tx(m_store);
    report.escalated = escalate();
    report.finishedAtMs = m_clock.nowMs();
    recordRun(report);
    tx.commit();
    return report;
}

std::optional<WarningEngine::Report> WarningEngine::lastFullRun()
{
    SqlQuery q(m_store, u"SELECT started_at, finished_at, findings, raised, escalated FROM warning_runs "
                        u"WHERE kind = 'full' ORDER BY started_at DESC LIMIT 1"_s);
    q.exec();
    if (!q.next())
        return std::nullopt;
    Report r;
    r.kind = u"full"_s;
    r.startedAtMs = q.int64(0);
    r.finishedAtMs = q.int64(1);
    r.findings = q.int64(2);
    r.raised = q.int64(3);
    r.escalated = q.int64(4);
    return r;
}

qint64 WarningEngine::queued()
{
    SqlQuery q(m_store, u"SELECT COUNT(*) FROM warning_queue"_s);
    q.exec();
    return q.next() ? q.int64(0) : 0;
}

WarningEngine::DryRun WarningEngine::dryRun(const QString &code, const rules::ParameterValues &parameters,
                                            int sampleLimit)
{
    const Rule *rule = RuleRegistry::find(code);
    if (!rule)
        throw ApiError(ErrorCode::NotFound, u"没有这条预警规则"_s, u"code"_s);
    if (const auto why = rule->parameterProblem(parameters))
        throw ApiError(ErrorCode::ValidationFailed, *why, u"parameters"_s);
    DryRun out;
    QList<Finding> findings;
    Transaction read(m_store, Transaction::Mode::Read);
    StoreRuleData data(m_store);
    rule->evaluate(data, runFor(*rule, parameters), [&](Finding &&f) { findings.append(std::move(f)); });
    QStringList ids;
    for (const Finding &f : std::as_const(findings))
        ids.append(WarningType::recordIdFor(f.dedupKey()));
    const QSet<QString> existing = existingIds(ids);
    read.commit();
    out.findings = findings.size();
    for (qsizetype i = 0; i < findings.size(); ++i) {
        if (existing.contains(ids.at(i)))
            ++out.alreadyRaised;
        else if (out.sample.size() < sampleLimit)
            out.sample.append(findings.at(i));
    }
    return out;
}

} // namespace sunshine
