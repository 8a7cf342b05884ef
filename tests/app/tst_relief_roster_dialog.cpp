// The roster import dialog driven offscreen: a roster file with good households and bad rows is read and
// checked, the bad rows are shown (and exported to .xlsx) with their lines and reasons, and importing puts
// the valid households and their members into the local cache's outbox — offline, whole households only.
#include "app/net/ApiClient.h"
#include "app/records/RecordListView.h"
#include "app/relief/HouseholdsView.h"
#include "app/relief/RosterImportDialog.h"
#include "app/sync/ClientSession.h"
#include "common/core/Clock.h"
#include "common/core/IdCard.h"
#include "common/io/TableFile.h"
#include "common/io/XlsxWriter.h"
#include "common/relief/RegistryTypes.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStringEncoder>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

QString idFor(int seq, QDate birth = QDate(1962, 5, 17))
{
    const QString first17 =
        u"320612"_s + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

OrgUnit village(const QString &id, const QString &name)
{
    OrgUnit u;
    u.id = id;
    u.name = name;
    u.level = OrgLevel::Village;
    u.parentId = id.left(9) + u"000"_s;
    u.path = u"/320600000000/320612000000/"_s + u.parentId + u'/' + id + u'/';
    return u;
}

const QString kXinhe = u"320612101201"_s;
const QString kDongfeng = u"320612101202"_s;

// Lines: 1 header, then one row per person.
QList<QStringList> roster()
{
    const QStringList header{u"村（社区）"_s, u"户编号"_s,   u"姓名"_s,     u"身份证号"_s, u"与户主关系"_s,
                             u"致贫原因"_s,   u"建档年份"_s, u"健康状况"_s, u"劳动能力"_s, u"家庭住址"_s};
    QString wrong = idFor(3);
    wrong[17] = wrong[17] == u'1' ? u'2' : u'1';
    return {
        header,
        {u"新河村"_s, u"001"_s, u"张山"_s, idFor(1), u"户主"_s, u"因病"_s, u"2016"_s, u"大病"_s,
         u"无劳动能力"_s, u"一组 3 号"_s},                                                           // 2
        {u"新河村"_s, u"001"_s, u"李梅"_s, idFor(2), u"配偶"_s, {}, {}, u"健康"_s, u"有劳动能力"_s}, // 3
        {u"新河村"_s, u"002"_s, u"王五"_s, wrong, u"户主"_s, u"因残"_s, u"2017"_s},                  // 4
        {u"新河村"_s, u"002"_s, u"王小五"_s, idFor(4, QDate(2012, 1, 1)), u"子女"_s},                // 5
        {u"东风村"_s, u"003"_s, u"赵六"_s, idFor(5), u"户主"_s, u"缺资金"_s, u"2018"_s},             // 6
        {u"东风村"_s, u"003"_s, u"赵小六"_s, idFor(6, QDate(2015, 6, 1)), u"子女"_s, u"缺资金"_s, u"2018"_s,
         u"长期慢性病"_s},                                                              // 7
        {u"西风村"_s, u"004"_s, u"孙八"_s, idFor(7), u"户主"_s, u"因病"_s, u"2016"_s},  // 8
        {u"东风村"_s, u"005"_s, u"周九"_s, idFor(99), u"户主"_s, u"因学"_s, u"2020"_s}, // 9
    };
}

// line, column, reason, as the dialog's table must show them.
const QList<QStringList> kBadRows{
    {u"4"_s, u"身份证号"_s, u"“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s},
    {u"5"_s, u""_s, u"同户有错误行，整户未导入"_s},
    {u"8"_s, u"村（社区）"_s, u"本辖区没有村（社区）“西风村”，请填写村名或 12 位村代码"_s},
    {u"9"_s, u"身份证号"_s, u"此人已登记在册（身份证号已有记录），不能重复登记"_s},
};

} // namespace

class TestRosterImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsBadRowsAndExportsThem();
    void importsValidHouseholdsOffline();
    void importNothing();
    void gbkCsv();
    void unreadableFile();
    void householdsViewButton();

private:
    std::unique_ptr<ClientSession> makeSession(const QString &name, RoleSet roles,
                                               OrgLevel level = OrgLevel::County);
    QString writeXlsx(const QString &name, const QList<QStringList> &rows);

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch()};
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ClientSession> m_session;
    QString m_rosterPath;
    int m_pendingBefore = 0;
};

std::unique_ptr<ClientSession> TestRosterImportDialog::makeSession(const QString &name, RoleSet roles,
                                                                   OrgLevel level)
{
    const QString path = m_dir.filePath(name + u".sqlite"_s);
    {
        // What the program remembers from its last connection: the villages of the area, and one person
        // registered already (entered offline, waiting in the outbox).
        LocalCache cache(path);
        QString error;
        if (!cache.open(&error))
            qFatal("cache: %s", qPrintable(error));
        QJsonArray units;
        for (const OrgUnit &u : {village(kXinhe, u"新河村"_s), village(kDongfeng, u"东风村"_s)})
            units.append(u.toJson());
        cache.setMetaValue(u"orgUnits"_s,
                           QString::fromUtf8(QJsonDocument(units).toJson(QJsonDocument::Compact)));
        LocalCache::Change member;
        member.type = QString::fromUtf16(relief::MemberType::kName);
        member.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        member.orgUnitId = kDongfeng;
        member.changedFields = {{u"householdId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                {u"name"_s, u"周九"_s},
                                {u"idNumber"_s, idFor(99)},
                                {u"relation"_s, u"head"_s}};
        if (cache.save(member, m_clock.nowMs(), &error).isEmpty())
            qFatal("save: %s", qPrintable(error));
    }
    UserInfo user;
    user.id = u"u-"_s + name;
    user.username = name;
    user.roles = roles;
    user.orgUnitId = level == OrgLevel::County ? u"320612000000"_s : u"320612101000"_s;
    user.orgLevel = level;
    auto session = std::make_unique<ClientSession>(*m_api, user, path, m_clock);
    QString error;
    if (!session->open(&error))
        qFatal("session: %s", qPrintable(error));
    return session;
}

QString TestRosterImportDialog::writeXlsx(const QString &name, const QList<QStringList> &rows)
{
    const QString path = m_dir.filePath(name);
    io::XlsxWriter w(path);
    w.beginSheet(u"花名册"_s);
    for (const QStringList &row : rows)
        w.writeRow(row);
    if (!w.finish())
        qFatal("xlsx: %s", qPrintable(w.errorString()));
    return path;
}

void TestRosterImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_api = std::make_unique<ApiClient>(); // no server: everything here happens offline
    // The roster of households registered before the system is a county reviewer's (Art. 9).
    m_session = makeSession(u"reviewer"_s, {Role::Reviewer}, OrgLevel::County);
    m_pendingBefore = m_session->cache().pendingCount();
    QCOMPARE(m_pendingBefore, 1);
    m_rosterPath = writeXlsx(u"花名册.xlsx"_s, roster());
}

void TestRosterImportDialog::showsBadRowsAndExportsThem()
{
    RosterImportDialog dialog(*m_session);
    QVERIFY(dialog.loadFile(m_rosterPath));
    QCOMPARE(dialog.rosterResult().households.size(), 2);
    QCOMPARE(dialog.rosterResult().personCount, 4);
    QCOMPARE(dialog.summary(),
             u"2 household(s) / 4 person(s) valid, 3 bad row(s), 1 row(s) held back with their household."_s);
    auto *read = dialog.findChild<QLabel *>(u"readLabel"_s);
    QVERIFY(read);
    QCOMPARE(read->text(), u"8 row(s) read from worksheet “花名册”."_s);

    const QAbstractItemModel *model = dialog.problemsModel();
    QAbstractItemModelTester tester(const_cast<QAbstractItemModel *>(model),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->columnCount(), 3);
    QList<QStringList> shown;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < 3; ++c)
            row.append(model->index(r, c).data().toString());
        shown.append(row);
    }
    QCOMPARE(shown, kBadRows);
    auto *view = dialog.findChild<QTableView *>(u"problemsView"_s);
    QVERIFY(view);
    QCOMPARE(view->model(), model);
    QVERIFY(!view->isHidden());

    // Exported as the clerk sees them, with the line as a number.
    const QString out = m_dir.filePath(u"bad-rows.xlsx"_s);
    QString error;
    QVERIFY2(dialog.exportProblems(out, &error), qPrintable(error));
    const io::TableData t = io::readTable(out);
    QVERIFY2(t.ok(), qPrintable(t.error));
    QCOMPARE(t.rows.size(), kBadRows.size() + 1);
    QCOMPARE(t.rows.first(), (QStringList{u"Line"_s, u"Column"_s, u"Reason"_s}));
    for (int i = 0; i < kBadRows.size(); ++i) {
        QStringList expected = kBadRows.at(i);
        if (expected.at(1).isEmpty())
            expected = {expected.at(0), {}, expected.at(2)};
        QStringList got = t.rows.at(i + 1);
        while (got.size() < 3)
            got.append(QString());
        QCOMPARE(got, expected);
    }
    QCOMPARE(m_session->cache().pendingCount(), m_pendingBefore); // reading changes nothing
}

void TestRosterImportDialog::importsValidHouseholdsOffline()
{
    LocalCache &cache = m_session->cache();
    const int householdsBefore = int(cache.records(QString::fromUtf16(relief::HouseholdType::kName)).size());
    RosterImportDialog dialog(*m_session);
    QVERIFY(dialog.loadFile(m_rosterPath));
    auto *box = dialog.findChild<QDialogButtonBox *>(u"buttonBox"_s);
    QVERIFY(box);
    QPushButton *import = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
            import = qobject_cast<QPushButton *>(b);
    }
    QVERIFY(import);
    QVERIFY(import->isEnabled());
    import->click();
    QCOMPARE(dialog.result(), QDialog::Accepted);
    QCOMPARE(dialog.importedHouseholds(), 2);
    QCOMPARE(dialog.importedPersons(), 4);
    QCOMPARE(cache.pendingCount(), m_pendingBefore + 2 + 4);
    QVERIFY(!import->isEnabled());
    QCOMPARE(dialog.importValid(), 0); // once only
    QCOMPARE(cache.pendingCount(), m_pendingBefore + 6);

    // The households and their members, in wire values, with fresh ids and the household's id.
    const QList<CachedRecord> households = cache.records(QString::fromUtf16(relief::HouseholdType::kName));
    QCOMPARE(households.size(), householdsBefore + 2);
    QHash<QString, CachedRecord> byNo;
    for (const CachedRecord &h : households)
        byNo.insert(h.record.fields.value(u"householdNo"_s).toString(), h);
    QVERIFY(byNo.contains(u"001"_s) && byNo.contains(u"003"_s) && !byNo.contains(u"002"_s));
    const CachedRecord &a = byNo.value(u"001"_s);
    QCOMPARE(a.state, RecordState::Pending);
    QCOMPARE(a.record.orgUnitId, kXinhe);
    QCOMPARE(a.record.fields, (QJsonObject{{u"householdNo"_s, u"001"_s},
                                           {u"headName"_s, u"张山"_s},
                                           {u"povertyCause"_s, u"illness"_s},
                                           {u"registeredYear"_s, 2016},
                                           {u"address"_s, u"一组 3 号"_s},
                                           {u"status"_s, u"registered"_s}}));
    QCOMPARE(byNo.value(u"003"_s).record.orgUnitId, kDongfeng);
    QCOMPARE(byNo.value(u"003"_s).record.fields.value(u"povertyCause"_s).toString(), u"no-funds"_s);

    QHash<QString, CachedRecord> byId;
    const QList<CachedRecord> members = cache.records(QString::fromUtf16(relief::MemberType::kName));
    for (const CachedRecord &m : members)
        byId.insert(m.record.fields.value(u"idNumber"_s).toString(), m);
    QCOMPARE(members.size(), 1 + 4);
    const CachedRecord &spouse = byId.value(idFor(2));
    QCOMPARE(spouse.record.fields.value(u"householdId"_s).toString(), a.record.id);
    QCOMPARE(spouse.record.orgUnitId, kXinhe);
    QCOMPARE(spouse.record.fields, (QJsonObject{{u"householdId"_s, a.record.id},
                                                {u"name"_s, u"李梅"_s},
                                                {u"idNumber"_s, idFor(2)},
                                                {u"relation"_s, u"spouse"_s},
                                                {u"health"_s, u"healthy"_s},
                                                {u"labour"_s, u"full"_s}}));
    QCOMPARE(byId.value(idFor(1)).record.fields.value(u"relation"_s).toString(), u"head"_s);
    const CachedRecord &child = byId.value(idFor(6, QDate(2015, 6, 1)));
    QCOMPARE(child.record.fields.value(u"householdId"_s).toString(), byNo.value(u"003"_s).record.id);
    QCOMPARE(child.record.fields.value(u"health"_s).toString(), u"chronic"_s);
    QVERIFY(!byId.contains(idFor(4, QDate(2012, 1, 1)))); // held back with its household

    // The same file again: the imported people are registered now, nothing is valid.
    RosterImportDialog again(*m_session);
    QVERIFY(again.loadFile(m_rosterPath));
    QCOMPARE(again.rosterResult().households.size(), 0);
    QCOMPARE(again.problemsModel()->rowCount(), 8);
}

void TestRosterImportDialog::importNothing()
{
    auto session = makeSession(u"nothing"_s, {Role::Clerk});
    const int before = session->cache().pendingCount();
    RosterImportDialog dialog(*session);
    QVERIFY(dialog.loadFile(m_rosterPath));
    auto *box = dialog.findChild<QDialogButtonBox *>(u"buttonBox"_s);
    QAbstractButton *nothing = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QDialogButtonBox::RejectRole)
            nothing = b;
    }
    QVERIFY(nothing);
    nothing->click();
    QCOMPARE(dialog.result(), QDialog::Rejected);
    QCOMPARE(dialog.importedHouseholds(), 0);
    QCOMPARE(session->cache().pendingCount(), before);
}

void TestRosterImportDialog::gbkCsv()
{
    auto session = makeSession(u"csv"_s, {Role::Reviewer});
    QString text;
    for (const QStringList &row : roster())
        text += row.join(u',') + u"\r\n"_s;
    QStringEncoder gbk("GB18030");
    const QString path = m_dir.filePath(u"花名册.csv"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(gbk.encode(text));
    f.close();
    RosterImportDialog dialog(*session);
    QVERIFY(dialog.loadFile(path));
    QCOMPARE(dialog.findChild<QLabel *>(u"readLabel"_s)->text(),
             u"8 row(s) read from a CSV file in GB18030."_s);
    QCOMPARE(dialog.problemsModel()->rowCount(), kBadRows.size());
    QCOMPARE(dialog.problemsModel()->index(3, 2).data().toString(), kBadRows.at(3).at(2));
    QCOMPARE(dialog.importValid(), 2);
    QCOMPARE(session->cache().pendingCount(), 1 + 6);
}

void TestRosterImportDialog::unreadableFile()
{
    RosterImportDialog dialog(*m_session);
    QVERIFY(!dialog.loadFile(m_dir.filePath(u"missing.xlsx"_s)));
    QVERIFY(dialog.summary().isEmpty());
    QCOMPARE(dialog.problemsModel()->rowCount(), 0);
    QCOMPARE(dialog.importValid(), 0);

    // A table without the roster's columns.
    const QString other =
        writeXlsx(u"other.xlsx"_s, {{u"村（社区）"_s, u"户编号"_s, u"姓名"_s}, {u"新河村"_s}});
    QVERIFY(!dialog.loadFile(other));
    auto *label = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(label);
    QCOMPARE(
        label->text(),
        u"花名册第 1 行的表头缺少以下列：身份证号、与户主关系、致贫原因、建档年份。请补上这些列后再导入"_s);
    QVERIFY(!label->isHidden());
}

void TestRosterImportDialog::householdsViewButton()
{
    auto hasImport = [](HouseholdsView &view) {
        const QList<QPushButton *> buttons = view.households()->findChildren<QPushButton *>();
        return std::any_of(buttons.begin(), buttons.end(),
                           [](QPushButton *b) { return b->text() == u"Import roster…"_s; });
    };
    HouseholdsView reviewerView(*m_session);
    QVERIFY(hasImport(reviewerView));
    // Town clerks and reviewers register households through identification only.
    auto clerk = makeSession(u"clerk"_s, {Role::Clerk}, OrgLevel::Town);
    HouseholdsView clerkView(*clerk);
    QVERIFY(!hasImport(clerkView));
    auto townReviewer = makeSession(u"town-reviewer"_s, {Role::Reviewer}, OrgLevel::Town);
    HouseholdsView townReviewerView(*townReviewer);
    QVERIFY(!hasImport(townReviewerView));
    auto leader = makeSession(u"leader"_s, {Role::Leader}, OrgLevel::County);
    HouseholdsView leaderView(*leader);
    QVERIFY(!hasImport(leaderView));
}

QTEST_MAIN(TestRosterImportDialog)
#include "tst_relief_roster_dialog.moc"
