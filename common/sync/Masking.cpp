#include "common/sync/Masking.h"

#include "common/core/IdCard.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

bool needsPersonalData(const RoleSet &roles)
{
    return roles.contains(Role::Clerk) || roles.contains(Role::Reviewer);
}

FieldAccess fieldAccess(const FieldSpec &spec, const Reader &reader)
{
    const bool supervisorWithReason = reader.reasonGiven && reader.roles.contains(Role::Supervisor);
    if (spec.confidential && spec.ownDepartmentOnly) {
        const bool own = reader.ownDepartment && needsPersonalData(reader.roles);
        return own || supervisorWithReason ? FieldAccess::Full : FieldAccess::Summary;
    }
    if (spec.confidential) {
        const bool reviewerAbove = reader.roles.contains(Role::Reviewer) &&
                                   (reader.level == OrgLevel::County || reader.level == OrgLevel::City);
        const bool keeper =
            spec.keeperLevel && reader.level == *spec.keeperLevel && needsPersonalData(reader.roles);
        return reviewerAbove || keeper || supervisorWithReason ? FieldAccess::Full : FieldAccess::Summary;
    }
    if (spec.personal)
        return needsPersonalData(reader.roles) || supervisorWithReason ? FieldAccess::Full
                                                                       : FieldAccess::Masked;
    return FieldAccess::Full;
}

QJsonValue summaryValue(const FieldSpec &spec, const QJsonValue &value)
{
    if (!value.isArray() || spec.summaryKeys.isEmpty())
        return QJsonValue::Null;
    QJsonArray out;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject full = item.toObject();
        QJsonObject kept;
        for (const QString &key : spec.summaryKeys) {
            if (full.contains(key))
                kept.insert(key, full.value(key));
        }
        out.append(kept);
    }
    return out;
}

QJsonValue disclosedValue(const FieldSpec &spec, const QJsonValue &value, FieldAccess access)
{
    switch (access) {
    case FieldAccess::Full:
        return value;
    case FieldAccess::Masked:
        return maskedValue(spec, value);
    case FieldAccess::Summary:
        return summaryValue(spec, value);
    }
    return QJsonValue::Null;
}

void Handout::add(const FieldSpec &spec)
{
    const QString kind = spec.confidential ? spec.handoutKind : u"id-number"_s;
    if (!m_what.contains(kind))
        m_what.append(kind);
}

bool handoutLogged(const FieldSpec &spec)
{
    return spec.confidential || (spec.personal && spec.kind == FieldKind::IdNumber);
}

namespace {

bool holdsSomething(const QJsonValue &v)
{
    if (v.isString())
        return !v.toString().isEmpty();
    if (v.isArray())
        return !v.toArray().isEmpty();
    if (v.isObject())
        return !v.toObject().isEmpty();
    return !v.isNull() && !v.isUndefined();
}

} // namespace

void discloseFields(const RecordType &type, QJsonObject &fields, const Reader &reader, Handout *handout)
{
    for (const FieldSpec &spec : type.fieldSpecs()) {
        if (!spec.personal && !spec.confidential)
            continue;
        const auto it = fields.find(spec.name);
        if (it == fields.end())
            continue;
        const FieldAccess access = fieldAccess(spec, reader);
        if (access == FieldAccess::Full) {
            if (handout && handoutLogged(spec) && holdsSomething(it.value()))
                handout->add(spec);
            continue;
        }
        it.value() = disclosedValue(spec, it.value(), access);
    }
}

QString maskedPhone(const QString &phone)
{
    if (phone.size() <= 7)
        return QString(phone.size(), u'*');
    return phone.left(3) + QString(phone.size() - 7, u'*') + phone.right(4);
}

QString maskedText(const QString &text)
{
    return text.isEmpty() ? text : text.left(1) + QString(qMax<qsizetype>(2, text.size() - 1), u'*');
}

QString publicName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.size() <= 1)
        return n.isEmpty() ? n : u"*"_s;
    if (n.size() == 2)
        return n.left(1) + u'*';
    return n.left(1) + QString(n.size() - 2, u'*') + n.right(1);
}

QString publicIdNumber(const QString &idNumber)
{
    const QString n = idNumber.trimmed();
    if (n.size() != 18 && n.size() != 15)
        return QString(n.size(), u'*');
    return n.left(6) + QString(n.size() - 10, u'*') + n.right(4);
}

QString publicPhone(const QString &phone)
{
    return maskedPhone(phone.trimmed());
}

QJsonValue maskedValue(const FieldSpec &spec, const QJsonValue &value)
{
    if (!spec.personal || value.isNull() || value.isUndefined())
        return value;
    switch (spec.kind) {
    case FieldKind::Phone:
    case FieldKind::Mobile:
        return maskedPhone(value.toString());
    case FieldKind::IdNumber:
        return IdCard::masked(value.toString());
    case FieldKind::Integer:
    case FieldKind::Money:
    case FieldKind::Number:
        return u"***"_s;
    case FieldKind::Text:
    case FieldKind::Date:
        return maskedText(value.toString());
    default:
        return value.isString() ? QJsonValue(maskedText(value.toString())) : QJsonValue(u"***"_s);
    }
}

void maskPersonalFields(const RecordType &type, QJsonObject &fields)
{
    for (const FieldSpec &spec : type.fieldSpecs()) {
        if (!spec.personal)
            continue;
        const auto it = fields.find(spec.name);
        if (it != fields.end())
            it.value() = maskedValue(spec, it.value());
    }
}

bool hasPersonalFields(const RecordType &type)
{
    for (const FieldSpec &spec : type.fieldSpecs()) {
        if (spec.personal)
            return true;
    }
    return false;
}

} // namespace sunshine::sync
