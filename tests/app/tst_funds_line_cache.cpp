// Fund lines added by administrators, as the program holds them: fetched into the user's cache and the
// catalog in force, found again from the cache when the server cannot be reached, and added through the
// dialog with each problem shown beside its field.
#include "app/funds/FundLineCache.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/funds/FundCatalogView.h"
#include "app/funds/FundLineDialog.h"
#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "common/funds/FundCatalog.h"
#include "server/api/Services.h"
#include "server/demo/DemoData.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

const QString kLine = u"agri-app-cache-test"_s;

QJsonObject lineJson(const QString &code)
{
    return {{u"code"_s, code},
            {u"article"_s, u"二十二(十)"_s},
            {u"name"_s, u"农机作业补助（测试）"_s},
            {u"leadDepartment"_s, u"agriculture"_s},
            {u"kind"_s, u"agricultural"_s},
            {u"cycle"_s, u"once"_s},
            {u"recipient"_s, u"household"_s}};
}

} // namespace

class TestFundLineCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fetchedThenFoundOffline();
    void dialogAddsALine();
    void dialogShowsProblemsBesideFields();

private:
    // A signed-in user's ClientSession on a cache of their own (not synced: only what the test needs).
    std::unique_ptr<ClientSession> openSession(const QString &username,
                                               std::unique_ptr<test::SyncClient> *client);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
};

void TestFundLineCache::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    // The server runs in this process and shares its catalog in force; its lookups in the store would hide
    // what the program itself knows.
    for (const auto &m : m_server->services().modules)
        m->stop(); // the added lines leave the catalog in force
    test::HttpsClient http(*m_server);
    const QString admin = http.login(u"city-admin"_s, QString::fromUtf16(DemoData::kPassword));
    QVERIFY(!admin.isEmpty());
    EXPECT_STATUS(http.post(u"/api/v1/admin/fund-lines"_s, lineJson(kLine), admin), 201);
}

std::unique_ptr<ClientSession> TestFundLineCache::openSession(const QString &username,
                                                              std::unique_ptr<test::SyncClient> *client)
{
    const QString path = m_dir.filePath(username + u".sqlite"_s);
    *client = std::make_unique<test::SyncClient>(*m_server, username, path);
    QString error;
    if (!(*client)->start(&error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    (*client)->closeCache();
    auto session =
        std::make_unique<ClientSession>((*client)->api(), (*client)->user(), path, m_server->clock());
    if (!session->open(&error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return session;
}

void TestFundLineCache::fetchedThenFoundOffline()
{
    funds::FundCatalog::setAddedLines({}); // a program just started
    std::unique_ptr<test::SyncClient> client;
    const QString path = m_dir.filePath(u"county-clerk.sqlite"_s);
    {
        std::unique_ptr<ClientSession> session = openSession(u"county-clerk"_s, &client);
        QVERIFY(session);
        QVERIFY(!funds::findFundLine(kLine)); // nothing fetched yet
        QSignalSpy changed(FundLineCache::of(*session), &FundLineCache::changed);
        FundLineCache::of(*session)->refresh();
        QVERIFY(changed.wait(10000));
        const std::optional<funds::FundLine> line = funds::findFundLine(kLine);
        QVERIFY(line);
        QCOMPARE(line->recipient, funds::Recipient::Household);
        QCOMPARE(funds::allFundLines().last().code, kLine);
        bool agriculture = false;
        for (const FundLineCache::LeadDepartment &d : FundLineCache::of(*session)->leadDepartments())
            agriculture = agriculture || (d.code == u"agriculture"_s && d.name == u"农业农村局"_s);
        QVERIFY(agriculture);
        // A clerk does not get the button that adds lines.
        FundCatalogView view(*session);
        bool addButton = false;
        for (const QPushButton *b : view.findChildren<QPushButton *>())
            addButton = addButton || b->text().contains(u"fund line"_s, Qt::CaseInsensitive);
        QVERIFY(!addButton);
        QCOMPARE(view.model()->rowCount(), int(funds::allFundLines().size()));
    }

    // The program starts again with the server out of reach: the cache brings the line back.
    funds::FundCatalog::setAddedLines({});
    QVERIFY(!funds::findFundLine(kLine));
    ApiClient offline;
    offline.setServerUrl(test::closedPortUrl());
    offline.setExtraCaCertificates({m_server->caCertificate()});
    ClientSession session(offline, client->user(), path, m_server->clock());
    QString error;
    QVERIFY2(session.open(&error), qPrintable(error));
    QVERIFY(funds::findFundLine(kLine));
    QCOMPARE(funds::findFundLine(kLine)->leadDepartment, u"agriculture"_s);
    // A refresh that cannot reach the server keeps what the cache remembers.
    QSignalSpy changed(FundLineCache::of(session), &FundLineCache::changed);
    FundLineCache::of(session)->refresh();
    bool answered = false; // asked after the refresh: answered after it
    offline.get(u"/api/v1/fund-lines"_s, {}, &session, [&answered](const ApiResult &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    QTest::qWait(50);
    QCOMPARE(changed.count(), 0);
    QVERIFY(funds::findFundLine(kLine));
    // The offline checks of the records use it: a disbursement on it names a known line.
    FundCatalogView view(session);
    QCOMPARE(view.model()->rowCount(), int(funds::FundCatalog::builtIn().lines().size()) + 1);
}

void TestFundLineCache::dialogAddsALine()
{
    std::unique_ptr<test::SyncClient> client;
    std::unique_ptr<ClientSession> session = openSession(u"city-admin"_s, &client);
    QVERIFY(session);
    QVERIFY(FundLineDialog::mayAdd(*session));
    QSignalSpy changed(FundLineCache::of(*session), &FundLineCache::changed);
    FundLineCache::of(*session)->refresh();
    QVERIFY(changed.wait(10000));

    FundCatalogView view(*session);
    QPushButton *add = nullptr;
    for (QPushButton *b : view.findChildren<QPushButton *>()) {
        if (b->text().contains(u"fund line"_s, Qt::CaseInsensitive))
            add = b;
    }
    QVERIFY(add); // city administrators get the button

    FundLineDialog dialog(session->api(), FundLineDialog::departmentsOf(*session));
    auto *code = dialog.findChild<QLineEdit *>(u"codeEdit"_s);
    auto *article = dialog.findChild<QLineEdit *>(u"articleEdit"_s);
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    auto *department = dialog.findChild<QComboBox *>(u"departmentCombo"_s);
    auto *kind = dialog.findChild<QComboBox *>(u"kindCombo"_s);
    auto *cycle = dialog.findChild<QComboBox *>(u"cycleCombo"_s);
    auto *recipient = dialog.findChild<QComboBox *>(u"recipientCombo"_s);
    QVERIFY(code && article && name && department && kind && cycle && recipient);
    code->setText(u"water-app-dialog-test"_s);
    article->setText(u"二十二(十一)"_s);
    name->setText(u"小型水利设施维护补助（测试）"_s);
    department->setCurrentIndex(department->findData(u"water"_s));
    QVERIFY(department->currentIndex() > 0);
    kind->setCurrentIndex(kind->findData(u"agricultural"_s));
    cycle->setCurrentIndex(cycle->findData(u"per-project"_s));
    recipient->setCurrentIndex(recipient->findData(u"village"_s));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.submit();
    QVERIFY2(accepted.wait(10000), qPrintable(QStringList(dialog.fieldErrors().values()).join(u"; "_s)));
    QCOMPARE(dialog.savedLine().code, u"water-app-dialog-test"_s);
    QCOMPARE(dialog.savedLine().recipient, funds::Recipient::Village);
    FundLineCache::of(*session)->remember(dialog.savedLine());
    QVERIFY(funds::findFundLine(u"water-app-dialog-test"_s));
    QCOMPARE(view.model()->rowCount(), int(funds::allFundLines().size()));
}

void TestFundLineCache::dialogShowsProblemsBesideFields()
{
    std::unique_ptr<test::SyncClient> client;
    std::unique_ptr<ClientSession> session = openSession(u"city-admin"_s, &client);
    QVERIFY(session);
    FundLineDialog dialog(session->api(), FundLineDialog::departmentsOf(*session));
    auto *code = dialog.findChild<QLineEdit *>(u"codeEdit"_s);
    auto *article = dialog.findChild<QLineEdit *>(u"articleEdit"_s);
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    auto *department = dialog.findChild<QComboBox *>(u"departmentCombo"_s);
    QVERIFY(code && article && name && department);

    // Checked before anything is sent.
    dialog.submit();
    QVERIFY(dialog.fieldErrors().contains(u"leadDepartment"_s));
    department->setCurrentIndex(department->findData(u"agriculture"_s));
    code->setText(u"农机补助"_s);
    dialog.submit();
    QCOMPARE(dialog.fieldErrors().keys(), QStringList{u"code"_s});
    code->setText(funds::FundCatalog::builtIn().lines().first().code);
    article->setText(u"二十二(十)"_s);
    name->setText(u"重复编码"_s);
    dialog.submit();
    QCOMPARE(dialog.fieldErrors().keys(), QStringList{u"code"_s});
    code->setText(u"agri-no-name"_s);
    name->clear();
    dialog.submit();
    QCOMPARE(dialog.fieldErrors().keys(), QStringList{u"name"_s});

    // The server's verdict lands beside its field: a code another administrator took meanwhile.
    funds::FundCatalog::setAddedLines({}); // this program has not heard of kLine yet
    code->setText(kLine);
    name->setText(u"同码项目"_s);
    dialog.submit();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.fieldErrors().contains(u"code"_s), 10000);
    QVERIFY(dialog.fieldErrors().value(u"code"_s).contains(kLine));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestFundLineCache)
#include "tst_funds_line_cache.moc"
