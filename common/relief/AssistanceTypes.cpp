#include "common/relief/AssistanceTypes.h"

#include "common/auth/ServerActor.h"
#include "common/relief/ReliefRules.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

// --- weak-village ---

QList<FieldSpec> WeakVillageType::fields() const
{
    return {
        FieldSpec(u"designation"_s, FieldKind::Choice, u"认定类别"_s)
            .options({u"provincial"_s, u"省定"_s, u"city"_s, u"市定"_s})
            .require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"认定年份"_s).require(),
        FieldSpec(u"collectiveIncomeFen"_s, FieldKind::Money, u"村集体经营性收入"_s),
        FieldSpec(u"pairedDepartmentId"_s, FieldKind::Reference, u"挂钩帮扶部门"_s)
            .references(u"department"_s),
        FieldSpec(u"note"_s, FieldKind::Text, u"备注"_s).max(300),
    };
}

std::optional<QString> WeakVillageType::writeDenied(const Scope &actor,
                                                    const sync::Placement &placement) const
{
    if (auto denied = ReliefType::writeDenied(actor, placement))
        return denied;
    if (sync::orgLevelOfPath(actor.orgPath) > OrgLevel::County)
        return u"经济薄弱村由市、县两级认定和登记"_s;
    return std::nullopt;
}

QString WeakVillageType::recordIdFor(const QString &villageId)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), villageId);
}

std::optional<FieldProblem> WeakVillageType::checkRules(const QString &recordId, const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &context) const
{
    const int year = f.value(u"year"_s).toInt();
    if (year < 2014 || (context.today.isValid() && year > context.today.year()))
        return problem(u"year"_s, u"认定年份应在 2014 年至今年之间"_s);
    // Art. 19: the city designates its weak villages (省定 ones are registered by the city or the county) and
    // pairs each with a department of the city.
    const bool cityDesignated = f.value(u"designation"_s).toString() == u"city"_s;
    if (cityDesignated && context.actor && !isServerActor(*context.actor) &&
        sync::orgLevelOfPath(context.actor->orgPath) != OrgLevel::City)
        return problem(u"designation"_s, u"市定经济薄弱村由市级认定和登记（第十九条）"_s, u"FORBIDDEN"_s);
    const QString paired = f.value(u"pairedDepartmentId"_s).toString();
    if (cityDesignated && paired.isEmpty())
        return problem(u"pairedDepartmentId"_s, u"市定经济薄弱村须明确一个市级挂钩帮扶部门（第十九条）"_s);
    if (!paired.isEmpty() && context.lookup) {
        const std::optional<sync::Record> dept = context.lookup(paired);
        if (!dept || dept->type != u"department"_s)
            return problem(u"pairedDepartmentId"_s, u"挂钩帮扶部门不存在"_s, u"NOT_FOUND"_s);
        if (cityDesignated && dept->fields.value(u"orgLevel"_s).toString() != orgLevelName(OrgLevel::City))
            return problem(u"pairedDepartmentId"_s,
                           u"市定经济薄弱村由市级机关部门结对帮扶，请选择市级部门（第十九条）"_s);
    }
    return checkDerivedId(recordId, placement.orgUnitId, u"designation"_s);
}

// --- helper ---

QList<FieldSpec> HelperType::fields() const
{
    return {
        FieldSpec(u"name"_s, FieldKind::Text, u"姓名"_s).max(40).require(),
        FieldSpec(u"kind"_s, FieldKind::Choice, u"类别"_s)
            .options({u"cadre"_s, u"机关干部"_s, u"village-cadre"_s, u"村干部"_s, u"entrepreneur"_s,
                      u"企业家"_s, u"other"_s, u"其他"_s})
            .require(),
        FieldSpec(u"unit"_s, FieldKind::Text, u"工作单位"_s).max(80).require(),
        FieldSpec(u"post"_s, FieldKind::Text, u"职务"_s).max(60),
        FieldSpec(u"mobile"_s, FieldKind::Mobile, u"手机"_s).require().personalData(),
    };
}

// --- pairing ---

QList<FieldSpec> PairingType::fields() const
{
    return {
        FieldSpec(u"helperId"_s, FieldKind::Reference, u"帮扶责任人"_s).references(u"helper"_s).require(),
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"帮扶对象"_s)
            .references(u"household"_s)
            .cacheLookup()
            .require(),
        FieldSpec(u"startDate"_s, FieldKind::Date, u"结对日期"_s).pastOrToday().require(),
        FieldSpec(u"endDate"_s, FieldKind::Date, u"结束日期"_s),
    };
}

QString PairingType::recordIdFor(const QString &helperId, const QString &householdId)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), helperId + u'/' + householdId);
}

std::optional<FieldProblem> PairingType::checkRules(const QString &recordId, const QJsonObject &f,
                                                    const sync::Placement &placement,
                                                    const sync::RuleContext &context) const
{
    const QDate start = dateOf(f, u"startDate"_s);
    const QDate end = dateOf(f, u"endDate"_s);
    if (end.isValid() && end < start)
        return problem(u"endDate"_s, u"结束日期不能早于结对日期"_s);
    if (auto p = checkDerivedId(
            recordId, f.value(u"helperId"_s).toString() + u'/' + f.value(u"householdId"_s).toString(),
            u"householdId"_s))
        return p;
    if (auto p = checkReference(context, f, u"householdId"_s, placement, true))
        return p;
    return checkReference(context, f, u"helperId"_s, placement, false);
}

// --- visit ---

QStringList VisitType::photoFields()
{
    return {u"photoLocation"_s, u"photoScene"_s, u"photoPassbookFront"_s, u"photoPassbookPayments"_s,
            u"photoHandbook"_s};
}

QList<FieldSpec> VisitType::fields() const
{
    return {
        FieldSpec(u"pairingId"_s, FieldKind::Reference, u"结对"_s)
            .references(u"pairing"_s)
            .cacheLookup()
            .require(),
        FieldSpec(u"quarter"_s, FieldKind::Text, u"走访季度"_s).max(6).require(),
        FieldSpec(u"visitDate"_s, FieldKind::Date, u"走访日期"_s).pastOrToday().require(),
        FieldSpec(u"latitude"_s, FieldKind::Number, u"纬度"_s),
        FieldSpec(u"longitude"_s, FieldKind::Number, u"经度"_s),
        FieldSpec(u"notes"_s, FieldKind::Text, u"走访情况"_s).max(2000).require(),
        FieldSpec(u"incomeWagesFen"_s, FieldKind::Money, u"本季工资性收入"_s),
        FieldSpec(u"incomeBusinessFen"_s, FieldKind::Money, u"本季经营性收入"_s),
        FieldSpec(u"incomePropertyFen"_s, FieldKind::Money, u"本季财产性收入"_s),
        FieldSpec(u"incomeTransferFen"_s, FieldKind::Money, u"本季转移性收入"_s),
        FieldSpec(u"photoLocation"_s, FieldKind::Attachments, u"定位照片"_s).max(5),
        FieldSpec(u"photoScene"_s, FieldKind::Attachments, u"与帮扶对象合影"_s).max(5),
        FieldSpec(u"photoPassbookFront"_s, FieldKind::Attachments, u"一折通首页"_s).max(5),
        FieldSpec(u"photoPassbookPayments"_s, FieldKind::Attachments, u"一折通当年发放页"_s).max(10),
        FieldSpec(u"photoHandbook"_s, FieldKind::Attachments, u"帮扶手册页"_s).max(10),
    };
}

std::optional<qint64> VisitType::entryClosesAtMs(const QJsonObject &f) const
{
    const std::optional<Quarter> q = Quarter::parse(f.value(u"quarter"_s).toString());
    if (!q)
        return std::nullopt;
    return visitEntryClosesAtMs(*q);
}

QString VisitType::recordIdFor(const QString &pairingId, const QString &quarter)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), pairingId + u'/' + quarter);
}

std::optional<FieldProblem> VisitType::checkRules(const QString &recordId, const QJsonObject &f,
                                                  const sync::Placement &placement,
                                                  const sync::RuleContext &context) const
{
    const std::optional<Quarter> q = Quarter::parse(f.value(u"quarter"_s).toString());
    if (!q)
        return problem(u"quarter"_s, u"季度应写作 2026Q3 这样的形式"_s);
    if (const auto why = visitDateProblem(*q, dateOf(f, u"visitDate"_s)))
        return problem(u"visitDate"_s, *why);
    const bool hasLat = f.contains(u"latitude"_s), hasLon = f.contains(u"longitude"_s);
    if (hasLat != hasLon)
        return problem(hasLat ? u"longitude"_s : u"latitude"_s, u"经度和纬度应同时填写"_s);
    if (hasLat) {
        const double lat = f.value(u"latitude"_s).toDouble(), lon = f.value(u"longitude"_s).toDouble();
        if (lat < 3.0 || lat > 54.0)
            return problem(u"latitude"_s, u"纬度应在 3 至 54 度之间（中国境内）"_s);
        if (lon < 73.0 || lon > 136.0)
            return problem(u"longitude"_s, u"经度应在 73 至 136 度之间（中国境内）"_s);
    }
    for (const QString &k : {u"incomeWagesFen"_s, u"incomePropertyFen"_s, u"incomeTransferFen"_s}) {
        if (fenOf(f, k) < 0)
            return problem(k, u"“%1”不能为负数"_s.arg(field(k)->displayName()));
    }
    if (auto p =
            checkDerivedId(recordId, f.value(u"pairingId"_s).toString() + u'/' + q->toString(), u"quarter"_s))
        return p;
    return checkReference(context, f, u"pairingId"_s, placement, true);
}

// --- help-request ---

QList<FieldSpec> HelpRequestType::fields() const
{
    return {
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"求助户"_s)
            .references(u"household"_s)
            .cacheLookup()
            .require(),
        FieldSpec(u"raisedOn"_s, FieldKind::Date, u"提出日期"_s).pastOrToday().require(),
        FieldSpec(u"category"_s, FieldKind::Choice, u"类别"_s)
            .options({u"medical"_s, u"医疗"_s, u"education"_s, u"教育"_s, u"housing"_s, u"住房"_s,
                      u"employment"_s, u"就业"_s, u"subsidy"_s, u"补贴发放"_s, u"other"_s, u"其他"_s})
            .require(),
        FieldSpec(u"content"_s, FieldKind::Text, u"求助内容"_s).max(1000).require(),
        FieldSpec(u"requester"_s, FieldKind::Text, u"求助人"_s).max(40).require(),
        FieldSpec(u"requesterPhone"_s, FieldKind::Phone, u"求助人电话"_s).personalData(),
        FieldSpec(u"acceptedOn"_s, FieldKind::Date, u"受理日期"_s).pastOrToday(),
        FieldSpec(u"answer"_s, FieldKind::Text, u"答复意见"_s).max(1000),
        FieldSpec(u"answeredOn"_s, FieldKind::Date, u"答复日期"_s).pastOrToday(),
        FieldSpec(u"assignedTo"_s, FieldKind::Text, u"交办单位"_s).max(80),
        FieldSpec(u"assignedOn"_s, FieldKind::Date, u"收到交办单日期"_s).pastOrToday(),
        FieldSpec(u"result"_s, FieldKind::Text, u"调查处理结果"_s).max(2000),
        FieldSpec(u"resultOn"_s, FieldKind::Date, u"办结日期"_s).pastOrToday(),
        // helpLookupCode(record id), set when the request is entered; the requester's side looks it up.
        FieldSpec(u"lookupCode"_s, FieldKind::Text, u"查询码"_s).max(10).derived(),
    };
}

QList<QPair<QString, QString>> HelpRequestType::uniqueKeys(const QJsonObject &f) const
{
    const QString code = f.value(u"lookupCode"_s).toString();
    if (code.isEmpty())
        return {};
    return {{lookupKey(code), u"lookupCode"_s}};
}

QJsonObject HelpRequestType::publicView(const QJsonObject &f, const WorkingCalendar &calendar)
{
    QJsonObject out;
    for (const QString &k : {u"raisedOn"_s, u"category"_s, u"acceptedOn"_s, u"answer"_s, u"answeredOn"_s,
                             u"assignedOn"_s, u"result"_s, u"resultOn"_s}) {
        if (f.contains(k))
            out.insert(k, f.value(k));
    }
    const QDate raised = QDate::fromString(f.value(u"raisedOn"_s).toString(), Qt::ISODate);
    if (raised.isValid())
        out.insert(u"answerDue"_s, helpAnswerDue(raised, calendar).toString(Qt::ISODate));
    const QDate assigned = QDate::fromString(f.value(u"assignedOn"_s).toString(), Qt::ISODate);
    if (assigned.isValid())
        out.insert(u"resultDue"_s, helpResultDue(assigned, calendar).toString(Qt::ISODate));
    const QString status = f.contains(u"resultOn"_s)     ? u"done"_s
                           : f.contains(u"assignedOn"_s) ? u"investigating"_s
                           : f.contains(u"answeredOn"_s) ? u"answered"_s
                           : f.contains(u"acceptedOn"_s) ? u"accepted"_s
                                                         : u"received"_s;
    static const QHash<QString, QString> chinese{{u"done"_s, u"已办结"_s},
                                                 {u"investigating"_s, u"调查处理中"_s},
                                                 {u"answered"_s, u"已答复"_s},
                                                 {u"accepted"_s, u"已受理"_s},
                                                 {u"received"_s, u"已收到，待受理"_s}};
    out.insert(u"status"_s, status);
    out.insert(u"statusText"_s, chinese.value(status));
    return out;
}

std::optional<HelpRequestType::Overdue> HelpRequestType::overdue(const QJsonObject &f, QDate today,
                                                                 const WorkingCalendar &calendar)
{
    if (f.contains(u"resultOn"_s))
        return std::nullopt;
    const QDate raised = dateOf(f, u"raisedOn"_s);
    if (raised.isValid() && !f.contains(u"answeredOn"_s)) {
        const QDate due = helpAnswerDue(raised, calendar);
        if (deadlineState(due, std::nullopt, today, calendar) == DeadlineState::Overdue)
            return Overdue{u"answer"_s, due};
    }
    const QDate assigned = dateOf(f, u"assignedOn"_s);
    if (assigned.isValid()) {
        const QDate due = helpResultDue(assigned, calendar);
        if (deadlineState(due, std::nullopt, today, calendar) == DeadlineState::Overdue)
            return Overdue{u"result"_s, due};
    }
    return std::nullopt;
}

std::optional<FieldProblem> HelpRequestType::checkRules(const QString &recordId, const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &context) const
{
    struct Order
    {
        const char16_t *field;
        const char16_t *after;
        const char16_t *message;
    };
    static const Order order[] = {
        {u"acceptedOn", u"raisedOn", u"受理日期不能早于提出日期"},
        {u"answeredOn", u"acceptedOn", u"答复日期不能早于受理日期"},
        {u"assignedOn", u"acceptedOn", u"交办日期不能早于受理日期"},
        {u"resultOn", u"assignedOn", u"办结日期不能早于收到交办单日期"},
    };
    for (const Order &o : order) {
        const QString k = QString::fromUtf16(o.field), a = QString::fromUtf16(o.after);
        if (!f.contains(k))
            continue;
        if (!f.contains(a))
            return problem(k, u"请先填写“%1”"_s.arg(field(a)->displayName()));
        if (dateOf(f, k) < dateOf(f, a))
            return problem(k, QString::fromUtf16(o.message));
    }
    if (f.contains(u"answeredOn"_s) && f.value(u"answer"_s).toString().trimmed().isEmpty())
        return problem(u"answer"_s, u"请填写答复意见"_s);
    if (f.contains(u"assignedOn"_s) && f.value(u"assignedTo"_s).toString().trimmed().isEmpty())
        return problem(u"assignedTo"_s, u"请填写交办单位"_s);
    if (f.contains(u"lookupCode"_s) && f.value(u"lookupCode"_s).toString() != helpLookupCode(recordId))
        return problem(u"lookupCode"_s, u"查询码与求助事项不符"_s);
    if (context.before && context.before->value(u"lookupCode"_s) != f.value(u"lookupCode"_s) &&
        context.before->contains(u"lookupCode"_s))
        return problem(u"lookupCode"_s, u"查询码登记后不能更改"_s);
    if (f.contains(u"resultOn"_s) && f.value(u"result"_s).toString().trimmed().isEmpty())
        return problem(u"result"_s, u"请填写调查处理结果，以便求助人查询"_s);
    return checkReference(context, f, u"householdId"_s, placement, true);
}

} // namespace sunshine::relief
