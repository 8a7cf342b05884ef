#include "common/sync/Masking.h"

#include "common/core/IdCard.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

bool needsPersonalData(const RoleSet &roles)
{
    return roles.contains(Role::Clerk) || roles.contains(Role::Reviewer);
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
