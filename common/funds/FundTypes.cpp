#include "common/funds/FundTypes.h"

#include "common/core/IdCard.h"
#include "common/funds/FundRules.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;
using sync::RecordType;

namespace {

// The day the record was first entered: kept from the stored record, else the day of this entry.
void keepEnteredOn(QJsonObject &f, const sync::RuleContext &context)
{
    const QJsonValue kept = context.before ? context.before->value(u"enteredOn"_s) : QJsonValue();
    const QDate day = context.entryDay.isValid() ? context.entryDay : context.today;
    if (kept.isString())
        f.insert(u"enteredOn"_s, kept);
    else
        RecordType::setDate(f, u"enteredOn"_s, day);
}

} // namespace

std::optional<QString> FundRecordType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    if (!actor.hasRole(Role::Clerk))
        return u"资金数据由录入员录入（谁发放、谁录入）"_s;
    if (placement.departmentId.isEmpty())
        return u"资金数据必须登记在发放部门名下"_s;
    if (actor.departmentId != placement.departmentId)
        return u"只能录入本部门发放的资金（谁发放、谁录入）"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该地区不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> FundRecordType::checkOwnership(const QJsonObject &f,
                                                           const sync::Placement &placement,
                                                           const sync::RuleContext &, FundLine *line) const
{
    const std::optional<FundLine> found = findFundLine(f.value(u"fundCode"_s).toString());
    if (!found)
        return problem(u"fundCode"_s, u"资金项目不在资金目录中"_s);
    // Rule 14: the record belongs to the fund line's lead department (checked when the department is known).
    if (!placement.departmentCode.isEmpty() && placement.departmentCode != found->leadDepartment)
        return problem(u"fundCode"_s, u"“%1”由其他部门负责发放和录入（谁发放、谁录入）"_s.arg(found->name),
                       u"FORBIDDEN"_s);
    *line = *found;
    return std::nullopt;
}

void FundRecordType::storeEnteredOn(QJsonObject &f, const sync::RuleContext &context)
{
    keepEnteredOn(f, context);
}

// --- fund-allocation ---

QList<FieldSpec> AllocationType::fields() const
{
    return {
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(64).require(),
        FieldSpec(u"sourceLevel"_s, FieldKind::Choice, u"资金来源"_s)
            .options({u"central"_s, u"中央"_s, u"provincial"_s, u"省级"_s, u"city"_s, u"市级"_s, u"county"_s,
                      u"县级"_s})
            .require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"年度"_s).require(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"金额"_s).require(),
        FieldSpec(u"documentNo"_s, FieldKind::Text, u"文号"_s).max(60).require(),
        FieldSpec(u"receivedOn"_s, FieldKind::Date, u"到账日期"_s).pastOrToday().require(),
        FieldSpec(u"reportedOn"_s, FieldKind::Date, u"报市日期"_s).pastOrToday(),
        FieldSpec(u"account"_s, FieldKind::Choice, u"资金专户"_s)
            .options({u"agriculture"_s, u"涉农专户"_s, u"social-security"_s, u"社保专户"_s})
            .require(),
        FieldSpec(u"documents"_s, FieldKind::Attachments, u"文件凭证"_s).max(20),
        FieldSpec(u"enteredOn"_s, FieldKind::Date, u"录入日期"_s).derived(),
        FieldSpec(u"reportDueOn"_s, FieldKind::Date, u"报市期限"_s).derived(),
        FieldSpec(u"entryDueOn"_s, FieldKind::Date, u"录入期限"_s).derived(),
    };
}

void AllocationType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    keepEnteredOn(f, context);
    const QDate received = dateOf(f, u"receivedOn"_s);
    const auto level = sourceLevelFromName(f.value(u"sourceLevel"_s).toString());
    const std::optional<FundLine> line = findFundLine(f.value(u"fundCode"_s).toString());
    const std::optional<QDate> due = level && line && context.calendar
                                         ? reportDue(received, line->kind, *level, *context.calendar)
                                         : std::nullopt;
    setDate(f, u"reportDueOn"_s, due.value_or(QDate()));
    // Art. 7: the allocation's documents are entered within 5 working days of the money's arrival.
    setDate(f, u"entryDueOn"_s, context.calendar ? documentDue(received, *context.calendar) : QDate());
}

std::optional<FieldProblem> AllocationType::checkRules(const QString &, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    FundLine line;
    if (auto p = checkOwnership(f, placement, context, &line))
        return p;
    if (f.value(u"amountFen"_s).toDouble() <= 0)
        return problem(u"amountFen"_s, u"金额应大于 0"_s);
    const QDate received = dateOf(f, u"receivedOn"_s);
    const QDate reported = dateOf(f, u"reportedOn"_s);
    if (reported.isValid() && reported < received)
        return problem(u"reportedOn"_s, u"报市日期不能早于到账日期"_s);
    const int year = f.value(u"year"_s).toInt();
    if (year < 2014 || year > received.year() + 1)
        return problem(u"year"_s, u"资金年度不正确"_s);
    return std::nullopt;
}

// --- disbursement ---

QList<FieldSpec> DisbursementType::fields() const
{
    return {
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(64).require(),
        FieldSpec(u"recipientKind"_s, FieldKind::Choice, u"发放对象类别"_s)
            .options({u"person"_s, u"个人"_s, u"household"_s, u"农户"_s, u"unit"_s, u"单位"_s, u"village"_s,
                      u"村"_s, u"project"_s, u"项目"_s})
            .require(),
        FieldSpec(u"recipientName"_s, FieldKind::Text, u"发放对象"_s).max(80).require(),
        FieldSpec(u"idNumber"_s, FieldKind::IdNumber, u"身份证号"_s).personalData(),
        FieldSpec(u"householdId"_s, FieldKind::Reference, u"建档立卡户"_s)
            .references(u"household"_s)
            .derived(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"金额"_s).require(),
        FieldSpec(u"period"_s, FieldKind::Text, u"所属期"_s).max(7).require(),
        FieldSpec(u"paidOn"_s, FieldKind::Date, u"发放日期"_s).pastOrToday().require(),
        FieldSpec(u"account"_s, FieldKind::Text, u"收款账号"_s).max(32).personalData(),
        FieldSpec(u"vouchers"_s, FieldKind::Attachments, u"凭证"_s).max(20),
        FieldSpec(u"enteredOn"_s, FieldKind::Date, u"录入日期"_s).derived(),
        FieldSpec(u"payDueOn"_s, FieldKind::Date, u"发放期限"_s).derived(),
        FieldSpec(u"entryDueOn"_s, FieldKind::Date, u"录入期限"_s).derived(),
    };
}

void DisbursementType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    keepEnteredOn(f, context);
    const std::optional<FundLine> line = findFundLine(f.value(u"fundCode"_s).toString());
    if (line && context.calendar) {
        const QDate paid = dateOf(f, u"paidOn"_s);
        const Deadlines d = disbursementDeadlines(
            line->kind, line->cycle, periodStart(f.value(u"period"_s).toString()),
            paid.isValid() ? std::optional<QDate>(paid) : std::nullopt, *context.calendar);
        setDate(f, u"payDueOn"_s, d.payBy.value_or(QDate()));
        setDate(f, u"entryDueOn"_s, d.enterBy.value_or(QDate()));
    }
    // A person in the registry: the payment is linked to the person's household.
    f.remove(u"householdId"_s);
    const QString id = f.value(u"idNumber"_s).toString();
    if (!id.isEmpty() && context.lookupKey) {
        if (const std::optional<sync::Record> member = context.lookupKey(u"person:"_s + id);
            member && member->type == u"member"_s)
            f.insert(u"householdId"_s, member->fields.value(u"householdId"_s));
    }
}

DeadlineState DisbursementType::deadlineState(const QJsonObject &f, QDate today,
                                              const WorkingCalendar &calendar)
{
    const QDate entryDue = dateOf(f, u"entryDueOn"_s);
    if (enteredLate(f))
        return {EntryStatus::EnteredLate, entryDue, u"录入"_s};
    const QDate paid = dateOf(f, u"paidOn"_s);
    if (paid.isValid() && f.value(u"vouchers"_s).toArray().isEmpty()) {
        const QDate due = documentDue(paid, calendar);
        return {entryStatus(due, std::nullopt, today, calendar), due, u"凭证"_s};
    }
    return {EntryStatus::OnTime, entryDue, u"录入"_s};
}

bool DisbursementType::enteredLate(const QJsonObject &f)
{
    return funds::enteredLate(dateOf(f, u"entryDueOn"_s), dateOf(f, u"enteredOn"_s));
}

SqlCondition AllocationType::deadlineStateSql(const std::function<QString(const QString &field)> &field,
                                              EntryStatus status, QDate today,
                                              const WorkingCalendar &calendar)
{
    const QString hasReport = u"COALESCE("_s + field(u"reportDueOn"_s) + u", '') <> ''"_s;
    const SqlCondition report =
        entryStatusSql(field(u"reportDueOn"_s), field(u"reportedOn"_s), status, today, calendar);
    const QString late = funds::enteredLateSql(field(u"entryDueOn"_s), field(u"enteredOn"_s));
    QString sql = u"("_s + hasReport + u" AND "_s + report.sql + u')';
    if (status == EntryStatus::OnTime)
        sql += u" OR (NOT ("_s + hasReport + u") AND NOT "_s + late + u')';
    else if (status == EntryStatus::EnteredLate)
        sql += u" OR (NOT ("_s + hasReport + u") AND "_s + late + u')';
    return {u"("_s + sql + u')', report.binds};
}

bool DisbursementType::paidLate(const QJsonObject &f)
{
    return funds::enteredLate(dateOf(f, u"payDueOn"_s), dateOf(f, u"paidOn"_s));
}

QString DisbursementType::paidLateSql(const std::function<QString(const QString &field)> &field)
{
    return funds::enteredLateSql(field(u"payDueOn"_s), field(u"paidOn"_s));
}

QString DisbursementType::enteredLateSql(const std::function<QString(const QString &field)> &field)
{
    return funds::enteredLateSql(field(u"entryDueOn"_s), field(u"enteredOn"_s));
}

DeadlineState AllocationType::deadlineState(const QJsonObject &f, QDate today,
                                            const WorkingCalendar &calendar)
{
    const QDate due = dateOf(f, u"reportDueOn"_s);
    const QDate reported = dateOf(f, u"reportedOn"_s);
    if (!due.isValid()) {
        // No report to the city (Art. 6 (一) is for provincial-or-higher relief funds): the documents' entry
        // within 5 working days (Art. 7).
        const QDate entryDue = dateOf(f, u"entryDueOn"_s);
        if (funds::enteredLate(entryDue, dateOf(f, u"enteredOn"_s)))
            return {EntryStatus::EnteredLate, entryDue, u"录入"_s};
        return {EntryStatus::OnTime, entryDue, u"录入"_s};
    }
    return {
        entryStatus(due, reported.isValid() ? std::optional<QDate>(reported) : std::nullopt, today, calendar),
        due, u"报市"_s};
}

QDate DisbursementType::periodStart(const QString &period)
{
    static const QRegularExpression month(u"^(\\d{4})-(0[1-9]|1[0-2])$"_s);
    static const QRegularExpression quarter(u"^(\\d{4})Q([1-4])$"_s);
    if (const auto m = month.match(period); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1);
    if (const auto m = quarter.match(period); m.hasMatch())
        return QDate(m.captured(1).toInt(), (m.captured(2).toInt() - 1) * 3 + 1, 1);
    return {};
}

QString DisbursementType::periodMonthSql(const QString &period)
{
    // "2026-03": the month; "2026Q2": the quarter's first month.
    const QString p = u'(' + period + u')';
    return u"(CASE WHEN substr("_s + p + u", 5, 1) = 'Q' THEN (CAST(substr("_s + p +
           u", 6, 1) AS INTEGER) - 1) * 3 + 1 ELSE CAST(substr("_s + p + u", 6, 2) AS INTEGER) END)"_s;
}

QString DisbursementType::periodYearSql(const QString &period)
{
    return u"CAST(substr("_s + period + u", 1, 4) AS INTEGER)"_s;
}

std::optional<qint64> DisbursementType::entryClosesAtMs(const QJsonObject &f) const
{
    const std::optional<FundLine> line = findFundLine(f.value(u"fundCode"_s).toString());
    const QDate start = periodStart(f.value(u"period"_s).toString());
    if (!line || !isReliefFund(line->kind) || !start.isValid())
        return std::nullopt;
    return reliefEntryClosesAtMs(start.year(), (start.month() - 1) / 3 + 1);
}

std::optional<FieldProblem> DisbursementType::checkRules(const QString &, const QJsonObject &f,
                                                         const sync::Placement &placement,
                                                         const sync::RuleContext &context) const
{
    FundLine line;
    if (auto p = checkOwnership(f, placement, context, &line))
        return p;
    if (f.value(u"amountFen"_s).toDouble() <= 0)
        return problem(u"amountFen"_s, u"发放金额应大于 0"_s);
    const QString period = f.value(u"period"_s).toString();
    const QDate start = periodStart(period);
    if (!start.isValid())
        return problem(u"period"_s, u"所属期应写作 2026-03（月）或 2026Q1（季）"_s);
    if (line.cycle == PaymentCycle::Monthly && period.contains(u'Q'))
        return problem(u"period"_s, u"按月发放的资金，所属期应写到月份，例如 2026-03"_s);
    if (line.cycle == PaymentCycle::Quarterly && !period.contains(u'Q'))
        return problem(u"period"_s, u"按季发放的资金，所属期应写到季度，例如 2026Q1"_s);
    const QDate paid = dateOf(f, u"paidOn"_s);
    if (const auto why = periodProblem(start, paid))
        return problem(u"period"_s, *why);
    // Rule 6: a payment is entered in the year it was paid; none crosses the year (new entries only).
    const QDate entered = context.entryDay.isValid() ? context.entryDay : context.today;
    if (!context.before && entered.isValid()) {
        if (const auto why = yearProblem(paid, entered))
            return problem(u"paidOn"_s, *why);
    }
    const QString kind = f.value(u"recipientKind"_s).toString();
    if (kind == u"person"_s && f.value(u"idNumber"_s).toString().isEmpty())
        return problem(u"idNumber"_s, u"发放给个人的资金须填写收款人身份证号"_s);
    return std::nullopt;
}

// --- fund-standard ---

QList<FieldSpec> StandardType::fields() const
{
    return {
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(64).require(),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"每笔标准金额"_s).require(),
        FieldSpec(u"effectiveFrom"_s, FieldKind::Date, u"执行日期"_s).require(),
        FieldSpec(u"documentNo"_s, FieldKind::Text, u"标准文件文号"_s).max(60).require(),
        FieldSpec(u"note"_s, FieldKind::Text, u"说明"_s).max(300),
        FieldSpec(u"documents"_s, FieldKind::Attachments, u"标准文件"_s).max(20),
    };
}

std::optional<FieldProblem> StandardType::checkRules(const QString &, const QJsonObject &f,
                                                     const sync::Placement &placement,
                                                     const sync::RuleContext &context) const
{
    FundLine line;
    if (auto p = checkOwnership(f, placement, context, &line))
        return p;
    if (placement.orgLevel != OrgLevel::City && placement.orgLevel != OrgLevel::County)
        return problem(u"fundCode"_s, u"资金标准由市、县两级牵头部门制定"_s);
    if (fenOf(f, u"amountFen"_s) <= 0)
        return problem(u"amountFen"_s, u"标准金额应大于 0"_s);
    if (dateOf(f, u"effectiveFrom"_s).year() < 2014)
        return problem(u"effectiveFrom"_s, u"执行日期不正确"_s);
    return std::nullopt;
}

} // namespace sunshine::funds
