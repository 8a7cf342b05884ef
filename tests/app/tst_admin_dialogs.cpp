// The account dialogs and the administration tab, offscreen, against the real server in-process over TLS.
#include "app/account/PasswordDialog.h"
#include "app/admin/AdminTab.h"
#include "app/admin/OrgTreeModel.h"
#include "app/admin/UserDialog.h"
#include "app/admin/UsersModel.h"
#include "app/net/ApiClient.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

class TestAdminDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void validationBesideFields();
    void createsAccount();
    void serverErrorLandsBesideItsField();
    void editsAccount();
    void resetsPassword();
    void adminTabLoads();

private:
    QList<OrgUnit> units();
    template <typename T>
    T *child(QWidget &w, const QString &name)
    {
        T *c = w.findChild<T *>(name);
        if (!c)
            qFatal("no child %s", qPrintable(name));
        return c;
    }

    std::unique_ptr<test::ServerFixture> m_server;
    std::unique_ptr<test::HttpsClient> m_http;
    std::unique_ptr<ApiClient> m_api;
    QString m_token;
};

void TestAdminDialogs::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_http = std::make_unique<test::HttpsClient>(*m_server);
    m_token = m_http->login(u"county-admin"_s, u"Demo@2026"_s);
    QVERIFY(!m_token.isEmpty());
    m_api = std::make_unique<ApiClient>();
    m_api->setServerUrl(m_server->baseUrl());
    m_api->setExtraCaCertificates({m_server->caCertificate()});
    m_api->setToken(m_token);
}

QList<OrgUnit> TestAdminDialogs::units()
{
    const test::HttpResult r = m_http->get(u"/api/v1/org/units"_s, m_token);
    QList<OrgUnit> out;
    const QJsonArray items = r.json.value(u"items"_s).toArray();
    for (const QJsonValue &v : items)
        out.append(OrgUnit::fromJson(v.toObject()));
    return out;
}

void TestAdminDialogs::validationBesideFields()
{
    UserDialog dialog(*m_api, units());
    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u"9starts-with-digit"_s);
    child<QLineEdit>(dialog, u"phoneEdit"_s)->setText(u"12345"_s);
    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"Good@Pass1"_s);
    child<QLineEdit>(dialog, u"confirmEdit"_s)->setText(u"Good@Pass2"_s);
    dialog.submit();
    const QHash<QString, QString> errors = dialog.fieldErrors();
    QVERIFY(errors.contains(u"username"_s));
    QVERIFY(errors.contains(u"displayName"_s));
    QVERIFY(errors.contains(u"roles"_s));
    QVERIFY(errors.contains(u"orgUnitId"_s));
    QVERIFY(errors.contains(u"phone"_s));
    QVERIFY(errors.contains(u"password"_s));
    QVERIFY(errors.value(u"password"_s).contains(u"differ"_s));
    QCOMPARE(dialog.result(), 0);
}

void TestAdminDialogs::createsAccount()
{
    UserDialog dialog(*m_api, units());
    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u"Tz.Clerk2"_s);
    child<QLineEdit>(dialog, u"displayNameEdit"_s)->setText(u"通州录入员二"_s);
    child<QCheckBox>(dialog, u"clerkCheck"_s)->setChecked(true);
    child<QLineEdit>(dialog, u"phoneEdit"_s)->setText(u"13812345678"_s);
    dialog.setInitialOrgUnit(u"320612000000"_s);
    auto *departments = child<QComboBox>(dialog, u"departmentCombo"_s);
    QTRY_VERIFY_WITH_TIMEOUT(departments->count() > 10, 10000);
    const int finance = departments->findData(u"320612000000-finance"_s);
    QVERIFY(finance > 0);
    departments->setCurrentIndex(finance);
    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"Start@2026"_s);
    child<QLineEdit>(dialog, u"confirmEdit"_s)->setText(u"Start@2026"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(dialog.savedUser().username, u"tz.clerk2"_s);
    QCOMPARE(dialog.savedUser().departmentName, u"通州区财政局"_s);
    QVERIFY(dialog.savedUser().mustChangePassword);
    QVERIFY(!m_http->login(u"tz.clerk2"_s, u"Start@2026"_s).isEmpty());
}

void TestAdminDialogs::serverErrorLandsBesideItsField()
{
    UserDialog dialog(*m_api, units());
    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u"county-clerk"_s); // taken
    child<QLineEdit>(dialog, u"displayNameEdit"_s)->setText(u"重名"_s);
    child<QCheckBox>(dialog, u"clerkCheck"_s)->setChecked(true);
    dialog.setInitialOrgUnit(u"320612000000"_s);
    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"Start@2026"_s);
    child<QLineEdit>(dialog, u"confirmEdit"_s)->setText(u"Start@2026"_s);
    dialog.submit();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.fieldErrors().contains(u"username"_s), 15000);
    QVERIFY2(dialog.fieldErrors().value(u"username"_s).contains(u"已被使用"_s),
             qPrintable(dialog.fieldErrors().value(u"username"_s)));
    QCOMPARE(dialog.result(), 0);
}

void TestAdminDialogs::editsAccount()
{
    const test::HttpResult list = m_http->get(u"/api/v1/admin/users?q=county-leader"_s, m_token);
    QCOMPARE(list.status, 200);
    const UserInfo user = UserInfo::fromJson(list.json.value(u"items"_s).toArray().first().toObject());
    UserDialog dialog(*m_api, units());
    dialog.setUser(user);
    QVERIFY(child<QLineEdit>(dialog, u"usernameEdit"_s)->isReadOnly());
    QVERIFY(child<QLineEdit>(dialog, u"passwordEdit"_s)->isHidden());
    child<QLineEdit>(dialog, u"displayNameEdit"_s)->setText(u"通州区分管领导"_s);
    child<QCheckBox>(dialog, u"reviewerCheck"_s)->setChecked(true);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(dialog.savedUser().displayName, u"通州区分管领导"_s);
    QCOMPARE(dialog.savedUser().roles, (RoleSet{Role::Reviewer, Role::Leader}));
    QCOMPARE(dialog.savedUser().version, user.version + 1);
    // Department kept as it was.
    QCOMPARE(dialog.savedUser().departmentId, user.departmentId);
}

void TestAdminDialogs::resetsPassword()
{
    const test::HttpResult list = m_http->get(u"/api/v1/admin/users?q=town-clerk"_s, m_token);
    const UserInfo user = UserInfo::fromJson(list.json.value(u"items"_s).toArray().first().toObject());
    PasswordDialog dialog(*m_api, PasswordDialog::Mode::ResetOther, user);
    dialog.setPasswords({}, u"short"_s, u"short"_s);
    dialog.submit();
    QVERIFY(!dialog.error().isEmpty());
    dialog.setPasswords({}, u"Reset@2026x"_s, u"Reset@2026x"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QVERIFY(dialog.updatedUser().mustChangePassword);
    QVERIFY(m_http->login(u"town-clerk"_s, u"Demo@2026"_s).isEmpty());
    QVERIFY(!m_http->login(u"town-clerk"_s, u"Reset@2026x"_s).isEmpty());
}

void TestAdminDialogs::adminTabLoads()
{
    UserInfo me;
    me.id = u"demo-county-admin"_s;
    me.roles = {Role::Admin};
    AdminTab tab(*m_api, me);
    // The county admin sees 通州区 and below only.
    QTRY_VERIFY_WITH_TIMEOUT(tab.orgModel()->rowCount() == 1, 10000);
    QCOMPARE(tab.orgModel()->data(tab.orgModel()->index(0, 0)).toString(), u"通州区"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tab.usersModel()->rowCount() >= 11, 10000);
    for (int r = 0; r < tab.usersModel()->rowCount(); ++r)
        QVERIFY(!tab.usersModel()->userAt(r)->username.startsWith(u"city-"_s));
}

QTEST_MAIN(TestAdminDialogs)
#include "tst_admin_dialogs.moc"
