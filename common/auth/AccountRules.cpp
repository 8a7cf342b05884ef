#include "common/auth/AccountRules.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::accounts {

QString usernameViolation(const QString &username)
{
    static const QRegularExpression re(u"^[a-z][a-z0-9._-]{2,31}\\z"_s); // \z: $ allows a final newline
    if (username.isEmpty())
        return u"请输入用户名"_s;
    if (username.size() > kUsernameMax)
        return u"用户名不能超过 %1 个字符"_s.arg(kUsernameMax);
    if (!re.match(username.toLower()).hasMatch())
        return u"用户名须以字母开头，由 3–32 个字母、数字、“.”“_”“-”组成"_s;
    return {};
}

QString displayNameViolation(const QString &displayName)
{
    const QString t = displayName.trimmed();
    if (t.isEmpty())
        return u"请输入姓名"_s;
    if (t.size() > kDisplayNameMax)
        return u"姓名不能超过 %1 个字符"_s.arg(kDisplayNameMax);
    for (const QChar c : t) {
        if (c.category() == QChar::Other_Control)
            return u"姓名不能包含控制字符"_s;
    }
    return {};
}

QString phoneViolation(const QString &phone)
{
    static const QRegularExpression mobile(u"^1[3-9]\\d{9}$"_s);
    static const QRegularExpression landline(u"^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$"_s);
    const QString t = phone.trimmed();
    if (t.isEmpty())
        return {};
    if (t.size() > kPhoneMax || (!mobile.match(t).hasMatch() && !landline.match(t).hasMatch()))
        return u"电话号码格式不正确：手机号为 11 位数字，固定电话如 0513-85012345"_s;
    return {};
}

QString rolesViolation(const RoleSet &roles)
{
    if (roles.isEmpty())
        return u"请至少选择一个角色"_s;
    return {};
}

QString maskedPhone(const QString &phone)
{
    const QString t = phone.trimmed();
    if (t.size() == 11 && t.startsWith(u'1'))
        return t.left(3) + u"****"_s + t.right(4);
    if (t.size() > 6)
        return t.left(t.indexOf(u'-') > 0 ? t.indexOf(u'-') + 1 : 4) + u"****"_s + t.right(2);
    return QString(t.size(), u'*');
}

} // namespace sunshine::accounts
