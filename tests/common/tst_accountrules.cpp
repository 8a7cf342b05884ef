// Account rules: password policy, user names, phone numbers and their masking, roles.

#include "common/auth/AccountRules.h"
#include "common/auth/PasswordPolicy.h"
#include "common/auth/Role.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

Q_DECLARE_METATYPE(sunshine::Role)

namespace {

// The reasons the policy gives, as the user reads them.
const QString kTooShort = u"密码至少需要 8 个字符"_s;
const QString kTooLong = u"密码不能超过 128 个字符"_s;
const QString kClasses = u"密码需包含大写字母、小写字母、数字、符号中的至少三类"_s;
const QString kControl = u"密码不能包含控制字符"_s;
const QString kSameAsUser = u"密码不能与用户名相同"_s;

const QString kUsernameEmpty = u"请输入用户名"_s;
const QString kUsernameTooLong = u"用户名不能超过 32 个字符"_s;
const QString kUsernameShape = u"用户名须以字母开头，由 3–32 个字母、数字、“.”“_”“-”组成"_s;

const QString kPhoneBad = u"电话号码格式不正确：手机号为 11 位数字，固定电话如 0513-85012345"_s;

} // namespace

class TestAccountRules : public QObject
{
    Q_OBJECT

private slots:
    void passwordPolicy_data();
    void passwordPolicy();
    void usernameRules_data();
    void usernameRules();
    void displayNameRules_data();
    void displayNameRules();
    void phoneRules_data();
    void phoneRules();
    void maskedPhone_data();
    void maskedPhone();
    void roleRoundTrip_data();
    void roleRoundTrip();
    void roleFromUnknownName_data();
    void roleFromUnknownName();
    void roleSets();
};

void TestAccountRules::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("violation"); // empty: accepted

    QTest::newRow("Demo@2026") << u"Demo@2026"_s << QString() << QString();
    QTest::newRow("Demo@2026 for user admin") << u"Demo@2026"_s << u"admin"_s << QString();
    QTest::newRow("exactly 8, four classes") << u"Short1A!"_s << QString() << QString();
    QTest::newRow("lower, digit, symbol") << u"lower@12345"_s << QString() << QString();
    QTest::newRow("upper, lower, symbol") << u"UPPER@abc"_s << QString() << QString();
    QTest::newRow("upper, lower, digit") << u"Abcdefg1"_s << QString() << QString();
    QTest::newRow("space counts as symbol") << u"pass word1"_s << QString() << QString();
    QTest::newRow("Chinese counts as symbol") << u"密码密码Ab12"_s << QString() << QString();
    QTest::newRow("128 characters") << QString(u"Aa1"_s + QString(125, u'x')) << QString() << QString();

    QTest::newRow("empty") << QString() << QString() << kTooShort;
    QTest::newRow("short1A") << u"short1A"_s << QString() << kTooShort;
    QTest::newRow("7 characters, four classes") << u"Ab1!Ab1"_s << QString() << kTooShort;
    QTest::newRow("129 characters") << QString(u"Aa1"_s + QString(126, u'x')) << QString() << kTooLong;
    QTest::newRow("alllowercase") << u"alllowercase"_s << QString() << kClasses;
    QTest::newRow("ALLUPPERCASE") << u"ALLUPPERCASE"_s << QString() << kClasses;
    QTest::newRow("only digits") << u"1234567890"_s << QString() << kClasses;
    QTest::newRow("only symbols") << u"!@#$%^&*"_s << QString() << kClasses;
    QTest::newRow("lower and digits") << u"lower123456"_s << QString() << kClasses;
    QTest::newRow("upper and digits") << u"UPPER123456"_s << QString() << kClasses;
    QTest::newRow("upper and lower") << u"UpperLower"_s << QString() << kClasses;
    QTest::newRow("Chinese and digits") << u"扶贫扶贫2026"_s << QString() << kClasses;
    QTest::newRow("tab") << u"Demo@2026\t"_s << QString() << kControl;
    QTest::newRow("newline") << u"Demo\n@2026"_s << QString() << kControl;
    QTest::newRow("DEL") << u"Demo\u007f@2026"_s << QString() << kControl;
    QTest::newRow("NUL") << QString(u"Demo@2026"_s + QChar(u'\0')) << QString() << kControl;

    QTest::newRow("same as user name") << u"zhang.san-2026"_s << u"zhang.san-2026"_s << kSameAsUser;
    QTest::newRow("same as user name, other case")
        << u"Zhang.San-2026"_s << u"zhang.san-2026"_s << kSameAsUser;
    QTest::newRow("user name plus one character") << u"zhang.san-2026x"_s << u"zhang.san-2026"_s << QString();
    QTest::newRow("short and same as user name: length first") << u"ab.1"_s << u"ab.1"_s << kTooShort;
    QTest::newRow("weak and same as user name: classes first")
        << u"zhangsanfeng"_s << u"zhangsanfeng"_s << kClasses;
}

void TestAccountRules::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(QString, username);
    QFETCH(QString, violation);
    QCOMPARE(password::policyViolation(password, username), violation);
    if (username.isEmpty())
        QCOMPARE(password::policyViolation(password), violation);
}

void TestAccountRules::usernameRules_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("violation");

    QTest::newRow("zhangsan") << u"zhangsan"_s << QString();
    QTest::newRow("admin") << u"admin"_s << QString();
    QTest::newRow("three characters") << u"abc"_s << QString();
    QTest::newRow("dot") << u"zhang.san"_s << QString();
    QTest::newRow("underscore, hyphen, digits") << u"zhang_san-01"_s << QString();
    QTest::newRow("upper case is folded") << u"ZhangSan"_s << QString();
    QTest::newRow("32 characters") << QString(32, u'a') << QString();
    QTest::newRow("ends with a dot") << u"abc."_s << QString();

    QTest::newRow("empty") << QString() << kUsernameEmpty;
    QTest::newRow("33 characters") << QString(33, u'a') << kUsernameTooLong;
    QTest::newRow("two characters") << u"ab"_s << kUsernameShape;
    QTest::newRow("one character") << u"a"_s << kUsernameShape;
    QTest::newRow("starts with a digit") << u"1abc"_s << kUsernameShape;
    QTest::newRow("starts with underscore") << u"_abc"_s << kUsernameShape;
    QTest::newRow("starts with a dot") << u".abc"_s << kUsernameShape;
    QTest::newRow("space inside") << u"zhang san"_s << kUsernameShape;
    QTest::newRow("leading space") << u" zhangsan"_s << kUsernameShape;
    QTest::newRow("trailing space") << u"zhangsan "_s << kUsernameShape;
    QTest::newRow("trailing newline") << u"zhangsan\n"_s << kUsernameShape;
    QTest::newRow("newline inside") << u"zhang\nsan"_s << kUsernameShape;
    QTest::newRow("Chinese") << u"张三"_s << kUsernameShape;
    QTest::newRow("Chinese after a letter") << u"z张三"_s << kUsernameShape;
    QTest::newRow("at sign") << u"zhang@san"_s << kUsernameShape;
    QTest::newRow("full-width letters") << u"ａｄｍｉｎ"_s << kUsernameShape;
    QTest::newRow("Latin letter with accent") << u"josé"_s << kUsernameShape;
}

void TestAccountRules::usernameRules()
{
    QFETCH(QString, username);
    QFETCH(QString, violation);
    QCOMPARE(accounts::usernameViolation(username), violation);
}

void TestAccountRules::displayNameRules_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("violation");

    QTest::newRow("Chinese name") << u"张三"_s << QString();
    QTest::newRow("with spaces around") << u"  李四  "_s << QString();
    QTest::newRow("40 characters") << QString(40, u'王') << QString();
    QTest::newRow("40 characters plus spaces")
        << QString(u"  "_s + QString(40, u'王') + u"  "_s) << QString();
    QTest::newRow("empty") << QString() << u"请输入姓名"_s;
    QTest::newRow("blank") << u" \t "_s << u"请输入姓名"_s;
    QTest::newRow("41 characters") << QString(41, u'王') << u"姓名不能超过 40 个字符"_s;
    QTest::newRow("control character") << u"张\u0007三"_s << u"姓名不能包含控制字符"_s;
}

void TestAccountRules::displayNameRules()
{
    QFETCH(QString, displayName);
    QFETCH(QString, violation);
    QCOMPARE(accounts::displayNameViolation(displayName), violation);
}

void TestAccountRules::phoneRules_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<bool>("ok");

    QTest::newRow("empty is allowed") << QString() << true;
    QTest::newRow("blank is allowed") << u"   "_s << true;
    QTest::newRow("mobile 13812345678") << u"13812345678"_s << true;
    QTest::newRow("mobile 19912345678") << u"19912345678"_s << true;
    QTest::newRow("mobile with spaces around") << u" 13812345678 "_s << true;
    QTest::newRow("landline 0513-85012345") << u"0513-85012345"_s << true;
    QTest::newRow("landline without hyphen") << u"051385012345"_s << true;
    QTest::newRow("Beijing 010-12345678") << u"010-12345678"_s << true;
    QTest::newRow("landline 7 digits") << u"0513-8501234"_s << true;
    QTest::newRow("landline with extension") << u"0513-85012345-123"_s << true;
    QTest::newRow("landline, longest extension") << u"0513-85012345-123456"_s << true;

    QTest::newRow("mobile second digit 2") << u"12812345678"_s << false;
    QTest::newRow("mobile second digit 0") << u"10812345678"_s << false;
    QTest::newRow("mobile 10 digits") << u"1381234567"_s << false;
    QTest::newRow("mobile 12 digits") << u"138123456789"_s << false;
    QTest::newRow("mobile with hyphens") << u"138-1234-5678"_s << false;
    QTest::newRow("mobile with spaces inside") << u"138 1234 5678"_s << false;
    QTest::newRow("mobile with country code") << u"+8613812345678"_s << false;
    QTest::newRow("mobile with a letter") << u"1381234567a"_s << false;
    QTest::newRow("full-width digits") << u"１３８１２３４５６７８"_s << false;
    QTest::newRow("landline 6 digits") << u"0513-850123"_s << false;
    QTest::newRow("landline 9 digits") << u"0513-850123456"_s << false;
    QTest::newRow("landline without leading 0") << u"513-85012345"_s << false;
    QTest::newRow("area code too long") << u"05134-85012345"_s << false;
    QTest::newRow("extension too long") << u"0513-85012345-1234567"_s << false;
    QTest::newRow("empty extension") << u"0513-85012345-"_s << false;
    QTest::newRow("letters") << u"phone"_s << false;
    QTest::newRow("newline inside") << u"138\n12345678"_s << false;
}

void TestAccountRules::phoneRules()
{
    QFETCH(QString, phone);
    QFETCH(bool, ok);
    QCOMPARE(accounts::phoneViolation(phone), ok ? QString() : kPhoneBad);
}

void TestAccountRules::maskedPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("masked");

    QTest::newRow("mobile") << u"13812345678"_s << u"138****5678"_s;
    QTest::newRow("mobile with spaces around") << u" 13812345678 "_s << u"138****5678"_s;
    QTest::newRow("landline keeps area code") << u"0513-85012345"_s << u"0513-****45"_s;
    QTest::newRow("Beijing landline") << u"010-12345678"_s << u"010-****78"_s;
    QTest::newRow("landline with extension") << u"0513-85012345-123"_s << u"0513-****23"_s;
    QTest::newRow("landline without hyphen") << u"051385012345"_s << u"0513****45"_s;
    QTest::newRow("short") << u"12345"_s << u"*****"_s;
    QTest::newRow("six characters") << u"123456"_s << u"******"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestAccountRules::maskedPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, masked);
    const QString got = accounts::maskedPhone(phone);
    QCOMPARE(got, masked);
    // The subscriber number never shows whole.
    if (phone.trimmed().size() >= 7)
        QVERIFY(!got.contains(phone.trimmed().right(phone.trimmed().size() - 3)));
}

void TestAccountRules::roleRoundTrip_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("chinese");

    QTest::newRow("clerk") << Role::Clerk << u"clerk"_s << u"录入员"_s;
    QTest::newRow("reviewer") << Role::Reviewer << u"reviewer"_s << u"审核员"_s;
    QTest::newRow("leader") << Role::Leader << u"leader"_s << u"领导"_s;
    QTest::newRow("supervisor") << Role::Supervisor << u"supervisor"_s << u"监督人员"_s;
    QTest::newRow("admin") << Role::Admin << u"admin"_s << u"管理员"_s;
}

void TestAccountRules::roleRoundTrip()
{
    QFETCH(Role, role);
    QFETCH(QString, name);
    QFETCH(QString, chinese);
    QCOMPARE(roleName(role), name);
    QCOMPARE(roleChineseName(role), chinese);
    const std::optional<Role> back = roleFromName(name);
    QVERIFY(back.has_value());
    QCOMPARE(*back, role);
    QVERIFY(allRoles().contains(role));
}

void TestAccountRules::roleFromUnknownName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << u"Admin"_s;
    QTest::newRow("upper case") << u"CLERK"_s;
    QTest::newRow("with space") << u"admin "_s;
    QTest::newRow("Chinese name") << u"管理员"_s;
    QTest::newRow("root") << u"root"_s;
}

void TestAccountRules::roleFromUnknownName()
{
    QFETCH(QString, name);
    QVERIFY(!roleFromName(name).has_value());
}

void TestAccountRules::roleSets()
{
    const QList<Role> all = allRoles();
    QCOMPARE(all.size(), 5);
    QCOMPARE(sunshine::rolesFromNames(roleNames(all)), all);
    QCOMPARE(roleNames(all),
             (QStringList{u"clerk"_s, u"reviewer"_s, u"leader"_s, u"supervisor"_s, u"admin"_s}));

    QString unknown = u"untouched"_s;
    const RoleSet parsed =
        sunshine::rolesFromNames({u"admin"_s, u"clerk"_s, u"boss"_s, u"admin"_s, u"clerk"_s}, &unknown);
    QCOMPARE(parsed, (RoleSet{Role::Admin, Role::Clerk}));
    QCOMPARE(unknown, u"boss"_s);

    unknown = u"untouched"_s;
    QCOMPARE(sunshine::rolesFromNames({u"leader"_s}, &unknown), RoleSet{Role::Leader});
    QCOMPARE(unknown, u"untouched"_s);
    QVERIFY(sunshine::rolesFromNames({}).isEmpty());
    QVERIFY(sunshine::rolesFromNames({u"nobody"_s}).isEmpty());

    QCOMPARE(accounts::rolesViolation({}), u"请至少选择一个角色"_s);
    QCOMPARE(accounts::rolesViolation({Role::Clerk}), QString());
}

QTEST_GUILESS_MAIN(TestAccountRules)
#include "tst_accountrules.moc"
