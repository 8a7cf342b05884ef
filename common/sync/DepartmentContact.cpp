#include "common/sync/DepartmentContact.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

QList<FieldSpec> DepartmentContactType::fields() const
{
    return {FieldSpec(u"contactRole"_s, FieldKind::Choice, u"角色"_s)
                .options({u"leader"_s, u"分管领导"_s, u"liaison"_s, u"联络员"_s})
                .require(),
            FieldSpec(u"name"_s, FieldKind::Text, u"姓名"_s).max(40).require(),
            FieldSpec(u"post"_s, FieldKind::Text, u"职务"_s).max(60),
            FieldSpec(u"officePhone"_s, FieldKind::Phone, u"办公电话"_s).personalData(),
            FieldSpec(u"mobile"_s, FieldKind::Mobile, u"手机"_s).personalData(),
            // The unit's appointment document (任命文件) and the like.
            FieldSpec(u"documents"_s, FieldKind::Attachments, u"证明材料"_s).max(10)};
}

QString DepartmentContactType::recordIdFor(const QString &departmentId, const QString &contactRole)
{
    static const QUuid ns(u"7b0c6a52-3f1e-4d6b-9a55-2f9b8c0d1e21"_s);
    return QUuid::createUuidV5(ns, departmentId + u'/' + contactRole).toString(QUuid::WithoutBraces);
}

std::optional<QString> DepartmentContactType::writeDenied(const Scope &actor,
                                                          const Placement &placement) const
{
    if (!actor.hasRole(Role::Clerk))
        return u"只有录入员可以录入部门联络人"_s;
    if (placement.departmentId.isEmpty())
        return u"部门联络人必须属于一个部门"_s;
    if (actor.departmentId != placement.departmentId)
        return u"只能录入本部门的分管领导和联络员"_s;
    if (placement.orgUnitId != placement.departmentOrgUnitId)
        return u"部门联络人的行政区划应为该部门所在的行政区划"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该部门不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> DepartmentContactType::checkRules(const QString &recordId, const QJsonObject &f,
                                                              const Placement &placement,
                                                              const RuleContext &) const
{
    const QString role = f.value(u"contactRole"_s).toString();
    if (recordId != recordIdFor(placement.departmentId, role))
        return FieldProblem{u"VALIDATION_FAILED"_s,
                            u"每个部门只有一名分管领导和一名联络员，记录编号与部门、角色不符"_s,
                            u"contactRole"_s};
    if (f.value(u"officePhone"_s).toString().isEmpty() && f.value(u"mobile"_s).toString().isEmpty())
        return FieldProblem{u"VALIDATION_FAILED"_s, u"办公电话和手机至少填写一项"_s, u"mobile"_s};
    return std::nullopt;
}

} // namespace sunshine::sync
