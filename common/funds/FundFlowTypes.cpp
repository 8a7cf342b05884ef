#include "common/funds/FundFlowTypes.h"

#include "common/funds/FundRules.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

// The fields every one of the three types ends with: the day entered, the documents' due date and the day
// they were attached, all set by the server.
QList<FieldSpec> derivedDates()
{
    return {
        FieldSpec(u"enteredOn"_s, FieldKind::Date, u"录入日期"_s).derived(),
        FieldSpec(u"documentsDueOn"_s, FieldKind::Date, u"材料录入期限"_s).derived(),
        FieldSpec(u"documentsOn"_s, FieldKind::Date, u"材料录入日期"_s).derived(),
    };
}

// How many leading digits of an org unit's 12-digit code are its own at each level (city 4, county 6, town 9,
// village 12).
int ownDigits(OrgLevel level)
{
    switch (level) {
    case OrgLevel::City:
        return 4;
    case OrgLevel::County:
        return 6;
    case OrgLevel::Town:
        return 9;
    case OrgLevel::Village:
        return 12;
    }
    return 12;
}

} // namespace

// --- what the three types share ---

void FundDocumentType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    storeEnteredOn(f, context);
    const QDate finished = dateOf(f, finishedField());
    setDate(f, u"documentsDueOn"_s,
            finished.isValid() && context.calendar ? documentDue(finished, *context.calendar) : QDate());
    // The day documents were first attached: kept while any stay attached.
    const bool attached = !f.value(documentsField()).toArray().isEmpty();
    const QJsonValue kept = context.before ? context.before->value(u"documentsOn"_s) : QJsonValue();
    const bool hadDocuments = context.before && !context.before->value(documentsField()).toArray().isEmpty();
    if (!attached)
        f.remove(u"documentsOn"_s);
    else if (hadDocuments && kept.isString())
        f.insert(u"documentsOn"_s, kept);
    else
        setDate(f, u"documentsOn"_s, context.entryDay.isValid() ? context.entryDay : context.today);
}

DeadlineState FundDocumentType::documentsState(const QJsonObject &f, QDate today,
                                               const WorkingCalendar &calendar)
{
    const QDate due = dateOf(f, u"documentsDueOn"_s);
    const QDate attached = dateOf(f, u"documentsOn"_s);
    return {
        entryStatus(due, attached.isValid() ? std::optional<QDate>(attached) : std::nullopt, today, calendar),
        due, u"材料"_s};
}

std::optional<FieldProblem> FundDocumentType::checkYear(const QJsonObject &f, QDate date)
{
    const int year = f.value(u"year"_s).toInt();
    if (year < 2014 || (date.isValid() && year > date.year() + 1))
        return problem(u"year"_s, u"资金年度不正确"_s);
    return std::nullopt;
}

// --- fund-plan ---

QList<FieldSpec> PlanType::fields() const
{
    QList<FieldSpec> out{
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(64).require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"年度"_s).require(),
        FieldSpec(u"allocationId"_s, FieldKind::Reference, u"资金指标"_s)
            .references(QString::fromUtf16(AllocationType::kName)),
        FieldSpec(u"amountFen"_s, FieldKind::Money, u"分配总额"_s).require(),
        FieldSpec(u"content"_s, FieldKind::Text, u"方案内容"_s).max(2000).require(),
        FieldSpec(u"meetingKind"_s, FieldKind::Choice, u"审定会议"_s)
            .options({u"leading-group"_s, u"扶贫开发领导小组会议"_s, u"party-committee"_s, u"党委会"_s,
                      u"executive"_s, u"常务会"_s, u"joint-review"_s, u"主管部门与财政部门集体审定"_s,
                      u"villagers"_s, u"村民代表会议"_s})
            .require(),
        FieldSpec(u"approvedOn"_s, FieldKind::Date, u"审定日期"_s).pastOrToday().require(),
        FieldSpec(u"approvedBy"_s, FieldKind::Text, u"审定人员"_s).max(200).require(),
        FieldSpec(u"approvalDocNo"_s, FieldKind::Text, u"审定文号"_s).max(60),
        FieldSpec(u"documents"_s, FieldKind::Attachments, u"方案及会议纪要"_s).max(20),
    };
    out.append(derivedDates());
    return out;
}

QString PlanType::finishedField() const
{
    return u"approvedOn"_s;
}

QString PlanType::documentsField() const
{
    return u"documents"_s;
}

DeadlineState PlanType::deadlineState(const QJsonObject &f, QDate today, const WorkingCalendar &calendar)
{
    return documentsState(f, today, calendar);
}

std::optional<FieldProblem> PlanType::checkRules(const QString &, const QJsonObject &f,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const
{
    FundLine line;
    if (auto p = checkOwnership(f, placement, context, &line))
        return p;
    const qint64 amount = fenOf(f, u"amountFen"_s);
    if (amount <= 0)
        return problem(u"amountFen"_s, u"分配总额应大于 0"_s);
    if (auto p = checkYear(f, dateOf(f, u"approvedOn"_s)))
        return p;
    const QString allocationId = f.value(u"allocationId"_s).toString();
    if (!allocationId.isEmpty() && context.lookup) {
        const std::optional<sync::Record> allocation = context.lookup(allocationId);
        if (!allocation || allocation->type != QString::fromUtf16(AllocationType::kName))
            return problem(u"allocationId"_s, u"所分配的资金指标不存在或不在您的管辖范围内"_s);
        if (allocation->fields.value(u"fundCode"_s).toString() != line.code)
            return problem(u"allocationId"_s, u"所分配的资金指标属于其他资金项目"_s);
        const qint64 available = fenOf(allocation->fields, u"amountFen"_s);
        if (amount > available)
            return problem(u"amountFen"_s, u"分配总额不能超过资金指标金额（%1 元）"_s.arg(
                                               QString::number(double(available) / 100.0, 'f', 2)));
    }
    return std::nullopt;
}

// --- fund-return ---

QList<FieldSpec> ReturnType::fields() const
{
    QList<FieldSpec> out{
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(64).require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"年度"_s).require(),
        FieldSpec(u"asset"_s, FieldKind::Text, u"收益项目（资产）"_s).max(200).require(),
        FieldSpec(u"incomeFen"_s, FieldKind::Money, u"收益金额"_s).require(),
        FieldSpec(u"receivedOn"_s, FieldKind::Date, u"收益确认日期"_s).pastOrToday().require(),
        // Items {targetKind, targetId, targetName, amountFen}, checked by the type's rules.
        FieldSpec(u"distribution"_s, FieldKind::StepList, u"收益分配"_s).max(kMaxDistribution),
        FieldSpec(u"documents"_s, FieldKind::Attachments, u"收益确认及分配材料"_s).max(20),
    };
    out.append(derivedDates());
    return out;
}

QString ReturnType::finishedField() const
{
    return u"receivedOn"_s;
}

QString ReturnType::documentsField() const
{
    return u"documents"_s;
}

DeadlineState ReturnType::deadlineState(const QJsonObject &f, QDate today, const WorkingCalendar &calendar)
{
    return documentsState(f, today, calendar);
}

qint64 ReturnType::distributedFen(const QJsonObject &f)
{
    qint64 total = 0;
    const QJsonArray items = f.value(u"distribution"_s).toArray();
    for (const QJsonValue &item : items) {
        const qint64 fen = fenOf(item.toObject(), u"amountFen"_s);
        if (fen > 0)
            total += fen;
    }
    return total;
}

std::optional<FieldProblem> ReturnType::checkRules(const QString &, const QJsonObject &f,
                                                   const sync::Placement &placement,
                                                   const sync::RuleContext &context) const
{
    FundLine line;
    if (auto p = checkOwnership(f, placement, context, &line))
        return p;
    const qint64 income = fenOf(f, u"incomeFen"_s);
    if (income <= 0)
        return problem(u"incomeFen"_s, u"收益金额应大于 0"_s);
    if (auto p = checkYear(f, dateOf(f, u"receivedOn"_s)))
        return p;

    const QString field = u"distribution"_s;
    static const QRegularExpression orgCode(u"^\\d{12}$"_s);
    const QString area = placement.orgUnitId.left(ownDigits(placement.orgLevel));
    const QJsonArray items = f.value(field).toArray();
    QSet<QString> targets;
    qint64 total = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString n = QString::number(i + 1);
        for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
            if (it.key() != u"targetKind"_s && it.key() != u"targetId"_s && it.key() != u"targetName"_s &&
                it.key() != u"amountFen"_s)
                return problem(field, u"收益分配第 %1 项有未知内容“%2”"_s.arg(n, it.key().left(40)));
        }
        const QString kind = item.value(u"targetKind"_s).toString();
        if (kind != u"village"_s && kind != u"household"_s)
            return problem(field, u"收益分配第 %1 项的分配对象应为村或农户"_s.arg(n));
        const QString target = item.value(u"targetId"_s).toString();
        if (target.isEmpty() || target.size() > 64)
            return problem(field, u"收益分配第 %1 项缺少分配对象"_s.arg(n));
        if (item.value(u"targetName"_s).toString().size() > 80)
            return problem(field, u"收益分配第 %1 项的对象名称不能超过 80 个字符"_s.arg(n));
        const QJsonValue amount = item.value(u"amountFen"_s);
        const double d = amount.toDouble();
        if (!amount.isDouble() || std::floor(d) != d || d <= 0 || d > 9007199254740991.0)
            return problem(field, u"收益分配第 %1 项的金额应为大于 0 的整数（分）"_s.arg(n));
        if (targets.contains(kind + u'/' + target))
            return problem(field, u"收益分配第 %1 项的对象重复"_s.arg(n));
        targets.insert(kind + u'/' + target);
        if (kind == u"village"_s) {
            // A village of the record's own area (an org unit code under the record's org unit).
            if (!orgCode.match(target).hasMatch() || target.endsWith(u"000"_s) || !target.startsWith(area))
                return problem(field, u"收益分配第 %1 项的村不在本地区"_s.arg(n));
        } else if (context.lookup) {
            const std::optional<sync::Record> household = context.lookup(target);
            if (!household || household->type != u"household"_s)
                return problem(field, u"收益分配第 %1 项的农户不存在或不在您的管辖范围内"_s.arg(n));
        }
        total += qint64(d);
    }
    if (total > income)
        return problem(field, u"收益分配合计（%1 元）超过收益金额（%2 元）"_s.arg(
                                  QString::number(double(total) / 100.0, 'f', 2),
                                  QString::number(double(income) / 100.0, 'f', 2)));
    return std::nullopt;
}

// --- fund-evaluation ---

QList<FieldSpec> EvaluationType::fields() const
{
    QList<FieldSpec> out{
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(64).require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"评价年度"_s).require(),
        FieldSpec(u"score"_s, FieldKind::Number, u"评价得分"_s),
        FieldSpec(u"grade"_s, FieldKind::Choice, u"评价等级"_s)
            .options({u"excellent"_s, u"优"_s, u"good"_s, u"良"_s, u"fair"_s, u"中"_s, u"poor"_s, u"差"_s}),
        FieldSpec(u"conclusion"_s, FieldKind::Text, u"评价结论"_s).max(2000).require(),
        FieldSpec(u"evaluator"_s, FieldKind::Text, u"评价单位"_s).max(80),
        FieldSpec(u"evaluatedOn"_s, FieldKind::Date, u"评价日期"_s).pastOrToday().require(),
        // The report is what the evaluation is (Art. 6 (五): 形成评价报告): required.
        FieldSpec(u"report"_s, FieldKind::Attachments, u"评价报告"_s).max(20).require(),
    };
    out.append(derivedDates());
    return out;
}

QString EvaluationType::finishedField() const
{
    return u"evaluatedOn"_s;
}

QString EvaluationType::documentsField() const
{
    return u"report"_s;
}

DeadlineState EvaluationType::deadlineState(const QJsonObject &f, QDate today,
                                            const WorkingCalendar &calendar)
{
    return documentsState(f, today, calendar);
}

QString EvaluationType::recordIdFor(const QString &fundCode, int year, const QString &orgUnitId)
{
    return sync::derivedRecordId(QString::fromUtf16(kName),
                                 fundCode + u'/' + QString::number(year) + u'/' + orgUnitId);
}

QString EvaluationType::gradeForScore(double score)
{
    return score >= 90 ? u"excellent"_s : score >= 80 ? u"good"_s : score >= 60 ? u"fair"_s : u"poor"_s;
}

std::optional<FieldProblem> EvaluationType::checkRules(const QString &recordId, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    FundLine line;
    if (auto p = checkOwnership(f, placement, context, &line))
        return p;
    if (f.value(u"report"_s).toArray().isEmpty())
        return problem(u"report"_s, u"请上传评价报告"_s, u"MISSING_FIELD"_s);
    const bool hasScore = f.value(u"score"_s).isDouble();
    const QString grade = f.value(u"grade"_s).toString();
    if (!hasScore && grade.isEmpty())
        return problem(u"score"_s, u"请填写评价得分或评价等级"_s, u"MISSING_FIELD"_s);
    if (hasScore) {
        const double score = f.value(u"score"_s).toDouble();
        if (score < 0 || score > 100)
            return problem(u"score"_s, u"评价得分应在 0 至 100 之间"_s);
        if (!grade.isEmpty() && grade != gradeForScore(score)) {
            const FieldSpec spec = *field(u"grade"_s);
            return problem(u"grade"_s,
                           u"评价等级与得分不符：%1 分应为“%2”（优 90 分以上，良 80 分以上，中 60 "
                           u"分以上，60 分以下为差）"_s.arg(QString::number(score),
                                                            spec.choiceLabel(gradeForScore(score))));
        }
    }
    const QDate evaluated = dateOf(f, u"evaluatedOn"_s);
    // A year is evaluated once it has begun: in its course or after it.
    const int year = f.value(u"year"_s).toInt();
    if (year < 2014 || (evaluated.isValid() && year > evaluated.year()))
        return problem(u"year"_s, u"评价年度不正确：不能评价评价日期以后的年度"_s);
    if (recordId != recordIdFor(line.code, year, placement.orgUnitId))
        return problem(
            u"year"_s,
            u"记录编号与资金项目、年度和地区不符：每个资金项目每年度在同一地区只登记一份绩效评价"_s);
    return std::nullopt;
}

} // namespace sunshine::funds
