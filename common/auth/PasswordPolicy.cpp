#include "common/auth/PasswordPolicy.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::password {

QString policyViolation(const QString &password, const QString &username)
{
    if (password.size() < kMinLength)
        return u"密码至少需要 %1 个字符"_s.arg(kMinLength);
    if (password.size() > kMaxLength)
        return u"密码不能超过 %1 个字符"_s.arg(kMaxLength);
    bool upper = false, lower = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return u"密码不能包含控制字符"_s;
        if (c >= u'A' && c <= u'Z')
            upper = true;
        else if (c >= u'a' && c <= u'z')
            lower = true;
        else if (c >= u'0' && c <= u'9')
            digit = true;
        else
            other = true;
    }
    if (int(upper) + int(lower) + int(digit) + int(other) < 3)
        return u"密码需包含大写字母、小写字母、数字、符号中的至少三类"_s;
    if (!username.isEmpty() && password.compare(username, Qt::CaseInsensitive) == 0)
        return u"密码不能与用户名相同"_s;
    return {};
}

} // namespace sunshine::password
