#include "common/trading/CadreTypes.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::trading {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

// The Chinese label of `value` among (value, label) pairs; the value itself when unknown.
QString labelIn(const QStringList &pairs, const QString &value)
{
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        if (pairs.at(i) == value)
            return pairs.at(i + 1);
    }
    return value;
}

// Need-to-know like comparison data, and kept by the town's clerks and reviewers, who receive it in full.
FieldSpec confidential(FieldSpec spec)
{
    spec.confidentialData({}, QString::fromUtf16(CadreRegisterType::kHandoutKind)).keptAt(OrgLevel::Town);
    return spec;
}

} // namespace

QStringList cadrePositionPairs()
{
    return {u"secretary"_s,  u"书记"_s,         u"director"_s,
            u"主任"_s,       u"member"_s,       u"委员"_s,
            u"accountant"_s, u"会计/记账员"_s,  u"supervision-head"_s,
            u"监委会主任"_s, u"group-leader"_s, u"村民小组长"_s,
            u"other"_s,      u"其他"_s};
}

QStringList cadreRelationPairs()
{
    return {QString::fromUtf16(CadreRegisterType::kSelf),
            u"本人"_s,
            u"spouse"_s,
            u"配偶"_s,
            u"parent"_s,
            u"父母"_s,
            u"child"_s,
            u"子女"_s,
            u"sibling"_s,
            u"兄弟姐妹"_s,
            u"child-spouse"_s,
            u"子女配偶"_s,
            u"other"_s,
            u"其他近亲属"_s};
}

QString cadrePositionChinese(const QString &position)
{
    return labelIn(cadrePositionPairs(), position);
}

QString cadreRelationChinese(const QString &relation)
{
    return labelIn(cadreRelationPairs(), relation);
}

// --- CadreRegisterType
// --------------------------------------------------------------------------------------

QList<FieldSpec> CadreRegisterType::fields() const
{
    return {
        // The village's org unit code (a village of the town the register is kept at).
        FieldSpec(u"villageId"_s, FieldKind::Text, u"所在村"_s).max(12).require().cacheLookup(),
        FieldSpec(u"position"_s, FieldKind::Choice, u"职务"_s).options(cadrePositionPairs()).require(),
        confidential(FieldSpec(u"cadreName"_s, FieldKind::Text, u"村干部姓名"_s).max(40).require()),
        confidential(
            FieldSpec(u"cadreIdNumber"_s, FieldKind::IdNumber, u"村干部身份证号"_s).require().personalData()),
        FieldSpec(u"relation"_s, FieldKind::Choice, u"与村干部关系"_s)
            .options(cadreRelationPairs())
            .require(),
        confidential(FieldSpec(u"relativeName"_s, FieldKind::Text, u"本人或近亲属姓名"_s).max(40)),
        confidential(
            FieldSpec(u"relativeIdNumber"_s, FieldKind::IdNumber, u"本人或近亲属身份证号"_s).personalData()),
        FieldSpec(u"inOfficeFrom"_s, FieldKind::Date, u"任职起始日期"_s),
        FieldSpec(u"inOfficeTo"_s, FieldKind::Date, u"任职截止日期"_s),
    };
}

std::optional<QString> CadreRegisterType::writeDenied(const Scope &actor,
                                                      const sync::Placement &placement) const
{
    if ((!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer)) ||
        sync::orgLevelOfPath(actor.orgPath) != OrgLevel::Town)
        return u"村干部及近亲属登记由乡镇（街道）的录入员和审核员维护"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该乡镇（街道）不在您的管辖范围内"_s;
    return std::nullopt;
}

bool CadreRegisterType::inOfficeOn(const QJsonObject &f, QDate day)
{
    const QDate from = dateOf(f, u"inOfficeFrom"_s);
    const QDate to = dateOf(f, u"inOfficeTo"_s);
    return day.isValid() && (!from.isValid() || from <= day) && (!to.isValid() || day <= to);
}

std::optional<FieldProblem> CadreRegisterType::checkRules(const QString &, const QJsonObject &f,
                                                          const sync::Placement &placement,
                                                          const sync::RuleContext &) const
{
    if (placement.orgLevel != OrgLevel::Town)
        return problem(QString(), u"村干部及近亲属登记放在乡镇（街道）一级"_s);
    // A village of the town: a 12-digit code under the town's own nine digits, not a town's code itself.
    static const QRegularExpression orgCode(u"^\\d{12}$"_s);
    const QString village = f.value(u"villageId"_s).toString();
    if (!orgCode.match(village).hasMatch() || village.endsWith(u"000"_s) ||
        !village.startsWith(placement.orgUnitId.left(9)))
        return problem(u"villageId"_s, u"所在村应为本乡镇（街道）下辖的村（社区）"_s);
    const QString cadreName = f.value(u"cadreName"_s).toString().trimmed();
    const QString cadreId = f.value(u"cadreIdNumber"_s).toString().toUpper();
    const QString personName = f.value(u"relativeName"_s).toString().trimmed();
    const QString personId = f.value(u"relativeIdNumber"_s).toString().toUpper();
    if (f.value(u"relation"_s).toString() == QString::fromUtf16(kSelf)) {
        if ((!personName.isEmpty() && personName != cadreName) ||
            (!personId.isEmpty() && personId != cadreId))
            return problem((personId.isEmpty() || personId == cadreId) ? u"relativeName"_s
                                                                       : u"relativeIdNumber"_s,
                           u"关系为“本人”时，姓名和身份证号应与村干部本人的相同"_s);
    } else {
        if (personName.isEmpty())
            return problem(u"relativeName"_s, u"请填写近亲属的姓名"_s);
        if (personId.isEmpty())
            return problem(u"relativeIdNumber"_s, u"请填写近亲属的身份证号"_s);
        if (personId == cadreId)
            return problem(u"relativeIdNumber"_s,
                           u"近亲属的身份证号与村干部本人的相同；登记村干部本人请选择关系“本人”"_s);
    }
    const QDate from = dateOf(f, u"inOfficeFrom"_s);
    const QDate to = dateOf(f, u"inOfficeTo"_s);
    if (from.isValid() && to.isValid() && to < from)
        return problem(u"inOfficeTo"_s, u"任职截止日期不能早于起始日期"_s);
    return std::nullopt;
}

void CadreRegisterType::derive(QJsonObject &f, const sync::RuleContext &) const
{
    if (f.value(u"relation"_s).toString() != QString::fromUtf16(kSelf))
        return;
    f.insert(u"relativeName"_s, f.value(u"cadreName"_s));
    f.insert(u"relativeIdNumber"_s, f.value(u"cadreIdNumber"_s));
}

} // namespace sunshine::trading
