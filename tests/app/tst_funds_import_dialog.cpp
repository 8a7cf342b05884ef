// The disbursement list import dialog driven offscreen over a real local cache: a list with good and bad rows
// (.xlsx and GBK CSV) is read and checked in the worker, the bad rows are shown with their lines and reasons
// (and exported to .xlsx), and then either every valid row goes into the cache and its outbox in one
// transaction, or — "Import nothing", or Cancel during the save — nothing is written.
#include "app/funds/ComparisonListView.h"
#include "app/funds/DisbursementImportDialog.h"
#include "common/funds/ComparisonList.h"

#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "common/core/Clock.h"
#include "common/core/IdCard.h"
#include "common/funds/FundTypes.h"
#include "common/io/TableFile.h"
#include "common/io/XlsxWriter.h"
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

const QString kCounty = u"320612000000"_s;
const QString kTown = u"320612101000"_s;
const QString kXinhe = u"320612101201"_s;
const QString kDepartment = u"320612000000-civil-affairs"_s;
const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);

QString idFor(int seq)
{
    const QString first17 = u"32061219480517"_s + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

OrgUnit unit(const QString &id, const QString &parent, OrgLevel level, const QString &name,
             const QString &path)
{
    OrgUnit u;
    u.id = id;
    u.parentId = parent;
    u.level = level;
    u.name = name;
    u.path = path;
    return u;
}

// Lines: 1 header, then one payment per row.
QList<QStringList> list()
{
    QString wrong = idFor(3);
    wrong[17] = wrong[17] == u'1' ? u'2' : u'1';
    return {
        {u"资金项目"_s, u"村（社区）"_s, u"姓名"_s, u"身份证号"_s, u"金额（元）"_s, u"所属期"_s,
         u"发放日期"_s, u"一折通账号"_s},
        {u"农村尊老金"_s, u"新河村"_s, u"张山"_s, idFor(1), u"100"_s, u"2026-03"_s, u"2026-03-10"_s,
         u"6228480012345678"_s},                                                                       // 2
        {u"农村尊老金"_s, u"新河村"_s, u"李梅"_s, idFor(2), u"100"_s, u"2026年3月"_s, u"2026/3/10"_s}, // 3
        {u"农村尊老金"_s, u"新河村"_s, u"王五"_s, wrong, u"100"_s, u"2026-03"_s, u"2026-03-10"_s},     // 4
        {u"耕地地力保护资金"_s, {}, u"赵六"_s, idFor(4), u"100"_s, u"2026-03"_s, u"2026-03-10"_s},     // 5
        {u"农村尊老金"_s, u"新河村"_s, u"张山"_s, idFor(1), u"100"_s, u"2026-03"_s, u"2026-03-11"_s},  // 6
    };
}

const QList<QStringList> kBadRows{
    {u"4"_s, u"身份证号"_s, u"“身份证号”：身份证号校验位不正确，请核对是否有输错的数字"_s},
    {u"5"_s, u"资金项目"_s, u"“耕地地力保护资金”由其他部门负责发放和录入（谁发放、谁录入）"_s},
    {u"6"_s, u"身份证号"_s,
     u"第 2 行已向同一对象发放过“农村尊老金”2026-03的资金，同一对象每个所属期只能发放一次"_s},
};

QList<QStringList> shown(const QAbstractItemModel *model)
{
    QList<QStringList> out;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row.append(model->index(r, c).data().toString());
        out.append(row);
    }
    return out;
}

QPushButton *button(QDialog &dialog, const QString &text)
{
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

} // namespace

class TestDisbursementImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsBadRowsAndExportsThem();
    void importNothing();
    void importsValidRowsInOneGo();
    void gbkCsv();
    void missingColumn();
    void saveAllIsAllOrNothing();
    void cancelWhileChecking();
    void comparisonListImport();

private:
    std::unique_ptr<ClientSession> makeSession(const QString &name, const RoleSet &roles = {Role::Clerk});
    QString writeXlsx(const QString &name, const QList<QStringList> &rows);
    int disbursementsInCache(ClientSession &session);

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch()};
    std::unique_ptr<ApiClient> m_api;
    QString m_listPath;
};

std::unique_ptr<ClientSession> TestDisbursementImportDialog::makeSession(const QString &name,
                                                                         const RoleSet &roles)
{
    const QString path = m_dir.filePath(name + u".sqlite"_s);
    {
        // What the program remembers from its last connection: the units and departments of the area.
        LocalCache cache(path);
        QString error;
        if (!cache.open(&error))
            qFatal("cache: %s", qPrintable(error));
        const QString countyPath = u"/320600000000/320612000000/"_s;
        const QString townPath = countyPath + kTown + u'/';
        QJsonArray units;
        for (const OrgUnit &u :
             {unit(kCounty, u"320600000000"_s, OrgLevel::County, u"通州区"_s, countyPath),
              unit(kTown, kCounty, OrgLevel::Town, u"兴仁镇"_s, townPath),
              unit(kXinhe, kTown, OrgLevel::Village, u"新河村"_s, townPath + kXinhe + u'/')})
            units.append(u.toJson());
        cache.setMetaValue(u"orgUnits"_s,
                           QString::fromUtf8(QJsonDocument(units).toJson(QJsonDocument::Compact)));
        Department d;
        d.id = kDepartment;
        d.code = u"civil-affairs"_s;
        d.name = u"通州区民政局"_s;
        d.orgUnitId = kCounty;
        d.orgUnitName = u"通州区"_s;
        cache.setMetaValue(
            u"departments"_s,
            QString::fromUtf8(QJsonDocument(QJsonArray{d.toJson()}).toJson(QJsonDocument::Compact)));
    }
    UserInfo user;
    user.id = u"u-"_s + name;
    user.username = name;
    user.roles = roles;
    user.orgUnitId = kCounty;
    user.orgLevel = OrgLevel::County;
    user.departmentId = kDepartment;
    auto session = std::make_unique<ClientSession>(*m_api, user, path, m_clock);
    QString error;
    if (!session->open(&error))
        qFatal("session: %s", qPrintable(error));
    return session;
}

QString TestDisbursementImportDialog::writeXlsx(const QString &name, const QList<QStringList> &rows)
{
    const QString path = m_dir.filePath(name);
    io::XlsxWriter w(path);
    w.beginSheet(u"发放名单"_s);
    for (const QStringList &row : rows)
        w.writeRow(row);
    if (!w.finish())
        qFatal("xlsx: %s", qPrintable(w.errorString()));
    return path;
}

int TestDisbursementImportDialog::disbursementsInCache(ClientSession &session)
{
    return int(session.cache().records(kDisbursement).size());
}

void TestDisbursementImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_api = std::make_unique<ApiClient>(); // no server: everything here happens offline
    m_listPath = writeXlsx(u"发放名单.xlsx"_s, list());
}

void TestDisbursementImportDialog::showsBadRowsAndExportsThem()
{
    auto session = makeSession(u"shows"_s);
    DisbursementImportDialog dialog(*session);
    QVERIFY(dialog.loadFile(m_listPath));
    QCOMPARE(dialog.importResult().rows.size(), 2);
    QVERIFY2(dialog.summary().startsWith(u"2 row(s) can be imported, 3 row(s) have errors."_s),
             qPrintable(dialog.summary()));
    auto *read = dialog.findChild<QLabel *>(u"readLabel"_s);
    QVERIFY(read);
    QCOMPARE(read->text(), u"5 row(s) read from worksheet “发放名单”."_s);
    QCOMPARE(shown(dialog.problemsModel()), kBadRows);
    auto *view = dialog.findChild<QTableView *>(u"problemsView"_s);
    QVERIFY(view);
    QCOMPARE(view->model(), dialog.problemsModel());
    QVERIFY(!view->isHidden());
    QVERIFY(button(dialog, u"&Import the valid rows"_s)->isEnabled());

    const QString out = m_dir.filePath(u"bad-rows.xlsx"_s);
    QString error;
    QVERIFY2(dialog.exportProblems(out, &error), qPrintable(error));
    const io::TableData exported = io::readTable(out);
    QVERIFY2(exported.ok(), qPrintable(exported.error));
    QCOMPARE(exported.rows.size(), 4);
    QCOMPARE(exported.rows.mid(1), kBadRows);
    QCOMPARE(disbursementsInCache(*session), 0); // checking writes nothing
}

void TestDisbursementImportDialog::importNothing()
{
    auto session = makeSession(u"nothing"_s);
    const int pending = session->cache().pendingCount();
    DisbursementImportDialog dialog(*session);
    QVERIFY(dialog.loadFile(m_listPath));
    QPushButton *nothing = button(dialog, u"Import &nothing"_s);
    QVERIFY(nothing);
    dialog.show();
    nothing->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.importedCount(), 0);
    QCOMPARE(session->cache().pendingCount(), pending);
    QCOMPARE(disbursementsInCache(*session), 0);
}

void TestDisbursementImportDialog::importsValidRowsInOneGo()
{
    auto session = makeSession(u"valid"_s);
    const int pending = session->cache().pendingCount();
    DisbursementImportDialog dialog(*session);
    QSignalSpy imported(&dialog, &DisbursementImportDialog::imported);
    QVERIFY(dialog.loadFile(m_listPath));
    QPushButton *import = button(dialog, u"&Import the valid rows"_s);
    QVERIFY(import);
    dialog.show();
    import->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.importedCount(), 2);
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.first().first().toInt(), 2);
    QCOMPARE(session->cache().pendingCount(), pending + 2);

    const QList<CachedRecord> records = session->cache().records(kDisbursement);
    QCOMPARE(records.size(), 2);
    QStringList names;
    for (const CachedRecord &r : records) {
        QCOMPARE(r.state, RecordState::Pending);
        QCOMPARE(r.record.orgUnitId, kXinhe);
        QCOMPARE(r.record.departmentId, kDepartment);
        QCOMPARE(r.record.fields.value(u"fundCode"_s).toString(), u"civil-elderly-allowance"_s);
        QCOMPARE(r.record.fields.value(u"amountFen"_s).toInteger(), 10000);
        QCOMPARE(r.record.fields.value(u"period"_s).toString(), u"2026-03"_s);
        QCOMPARE(r.record.fields.value(u"paidOn"_s).toString(), u"2026-03-10"_s);
        names.append(r.record.fields.value(u"recipientName"_s).toString());
    }
    names.sort();
    QCOMPARE(names, (QStringList{u"张山"_s, u"李梅"_s}));
    // One outbox operation per record, as a form's save makes it.
    const QList<sync::Operation> ops = session->cache().pendingOperations(100);
    QCOMPARE(ops.size(), 2);
    for (const sync::Operation &op : ops) {
        QCOMPARE(op.type, kDisbursement);
        QCOMPARE(op.kind, sync::OpKind::Upsert);
        QCOMPARE(op.baseVersion, 0);
        QCOMPARE(op.deviceTimeMs, m_clock.nowMs());
        QCOMPARE(session->cache().record(op.recordId)->record.fields, op.changedFields);
    }
    // Imported once: the button is off now.
    QVERIFY(!import->isEnabled());
    QCOMPARE(dialog.importValid(), 0);
    QCOMPARE(session->cache().pendingCount(), pending + 2);

    // The same list again: its payments are in the cache now.
    DisbursementImportDialog again(*session);
    QVERIFY(again.loadFile(m_listPath));
    QCOMPARE(again.importResult().rows.size(), 0);
    const QList<QStringList> problems = shown(again.problemsModel());
    QCOMPARE(problems.size(), 6);
    const QString paid =
        u"已录入过向同一对象发放的“农村尊老金”2026-03的资金（本机已有记录），同一对象每个所属期只能发放一次"_s;
    QCOMPARE(problems.at(0), (QStringList{u"2"_s, u"身份证号"_s, paid}));
    QCOMPARE(problems.at(1), (QStringList{u"3"_s, u"身份证号"_s, paid}));
    QVERIFY(!button(again, u"&Import the valid rows"_s)->isEnabled());
}

void TestDisbursementImportDialog::gbkCsv()
{
    QString text;
    for (const QStringList &row : list())
        text += row.join(u',') + u"\r\n"_s;
    QStringEncoder gbk("GB18030");
    const QByteArray bytes = gbk.encode(text);
    QVERIFY(!gbk.hasError());
    const QString path = m_dir.filePath(u"发放名单-gbk.csv"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    auto session = makeSession(u"gbk"_s);
    DisbursementImportDialog dialog(*session);
    QVERIFY(dialog.loadFile(path));
    QCOMPARE(dialog.findChild<QLabel *>(u"readLabel"_s)->text(),
             u"5 row(s) read from a CSV file in GB18030."_s);
    QCOMPARE(shown(dialog.problemsModel()), kBadRows);
    QCOMPARE(dialog.importValid(), 2);
    QCOMPARE(disbursementsInCache(*session), 2);
}

void TestDisbursementImportDialog::missingColumn()
{
    QList<QStringList> rows = list();
    for (QStringList &row : rows)
        row.removeAt(5); // 所属期
    const QString path = writeXlsx(u"no-period.xlsx"_s, rows);
    auto session = makeSession(u"missing"_s);
    DisbursementImportDialog dialog(*session);
    QVERIFY(!dialog.loadFile(path));
    auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QCOMPARE(error->text(), u"发放名单第 1 行的表头缺少以下列：所属期。请补上这些列后再导入"_s);
    QVERIFY(!button(dialog, u"&Import the valid rows"_s)->isEnabled());
    QCOMPARE(dialog.importValid(), 0);
    QCOMPARE(disbursementsInCache(*session), 0);
}

void TestDisbursementImportDialog::saveAllIsAllOrNothing()
{
    auto session = makeSession(u"batch"_s);
    LocalCache &cache = session->cache();
    QList<LocalCache::Change> changes;
    for (int i = 0; i < 1500; ++i) {
        LocalCache::Change c;
        c.type = kDisbursement;
        c.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.orgUnitId = kXinhe;
        c.departmentId = kDepartment;
        c.changedFields = {{u"recipientName"_s, u"张山"_s}, {u"amountFen"_s, i + 1}};
        changes.append(c);
    }
    // Cancelled part-way: nothing at all.
    QString error;
    QCOMPARE(cache.saveAll(changes, m_clock.nowMs(), &error, [](qint64 done, qint64) { return done < 1000; }),
             -1);
    QCOMPARE(cache.pendingCount(), 0);
    QCOMPARE(cache.recordCount(true), 0);
    // A clash part-way (a record placed elsewhere already): nothing at all either.
    LocalCache::Change elsewhere = changes.at(700);
    elsewhere.orgUnitId = kCounty;
    QVERIFY(!cache.save(elsewhere, m_clock.nowMs(), &error).isEmpty());
    QCOMPARE(cache.saveAll(changes, m_clock.nowMs(), &error), -1);
    QCOMPARE(error, u"记录的类型、行政区划和部门创建后不能更改"_s);
    QCOMPARE(cache.pendingCount(), 1);
    // Whole.
    changes.removeAt(700);
    QCOMPARE(cache.saveAll(changes, m_clock.nowMs(), &error), 1499);
    QCOMPARE(cache.pendingCount(), 1500);
    QCOMPARE(cache.record(changes.at(10).recordId)->record.fields.value(u"amountFen"_s).toInt(), 11);
}

void TestDisbursementImportDialog::cancelWhileChecking()
{
    // A list long enough that the worker is still busy when Cancel comes.
    QList<QStringList> rows{list().first()};
    for (int i = 0; i < 20000; ++i)
        rows.append({u"农村尊老金"_s, u"新河村"_s, u"张山"_s, idFor(i % 999 + 1), u"100"_s, u"2026-03"_s,
                     u"2026-03-10"_s});
    const QString path = writeXlsx(u"long.xlsx"_s, rows);
    auto session = makeSession(u"cancel"_s);
    DisbursementImportDialog dialog(*session);
    QTimer::singleShot(0, &dialog, &DisbursementImportDialog::cancelCheck);
    QVERIFY(!dialog.loadFile(path));
    QVERIFY(dialog.check().cancelled);
    QCOMPARE(dialog.findChild<QLabel *>(u"errorLabel"_s)->text(),
             u"Checking was cancelled; nothing was imported."_s);
    QVERIFY(!button(dialog, u"&Import the valid rows"_s)->isEnabled());
    QCOMPARE(disbursementsInCache(*session), 0);
    // Loaded again without cancelling: all rows checked.
    QVERIFY(dialog.loadFile(path));
    QCOMPARE(dialog.importResult().rowsRead, 20000);
}

// The comparison lists on the same dialog: a county reviewer imports a list of the deceased; bad rows are
// reported, good ones saved; the same list again updates its entries instead of doubling them. Clerks cannot.
void TestDisbursementImportDialog::comparisonListImport()
{
    const QString path = writeXlsx(
        u"死亡人员.xlsx"_s, {{u"序号"_s, u"身份证号"_s, u"姓名"_s, u"死亡日期"_s, u"来源"_s},
                             {u"1"_s, idFor(1), u"张山"_s, u"2026-01-20"_s, u"公安户籍"_s},
                             {u"2"_s, idFor(2), u"李梅"_s, u"2026年2月3日"_s, u"公安户籍"_s},
                             {u"3"_s, idFor(3).left(17) + u"0"_s, u"王五"_s, u"2026-01-02"_s, QString()},
                             {u"4"_s, idFor(1), u"张山"_s, u"2026-01-20"_s, QString()},
                             {u"5"_s, idFor(4), u"赵六"_s, QString(), QString()},
                             {u"6"_s, idFor(5), u"钱七"_s, u"2027-01-01"_s, QString()},
                             {u"合计"_s, QString(), QString(), QString(), QString()}});
    auto clerk = makeSession(u"list-clerk"_s);
    {
        ComparisonImportDialog dialog(*clerk);
        QVERIFY(!dialog.loadFile(path));
        QVERIFY(dialog.check().error.contains(u"reviewers"_s));
    }
    auto session = makeSession(u"list-reviewer"_s, {Role::Reviewer});
    ComparisonImportDialog dialog(*session);
    dialog.setList(u"deceased"_s);
    QVERIFY(dialog.loadFile(path));
    QVERIFY2(dialog.summary().startsWith(u"2 row(s) can be imported, 4 row(s) have errors."_s),
             qPrintable(dialog.summary()));
    QAbstractItemModelTester tester(dialog.problemsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList reasons;
    for (const io::ImportProblem &p : dialog.check().problems)
        reasons.append(u"%1 %2: %3"_s.arg(p.line).arg(p.column, p.reason));
    const QString all = reasons.join(u'\n');
    QVERIFY2(all.contains(u"4 身份证号"_s) && all.contains(u"5 身份证号: 同一人在本名单中出现了两次"_s) &&
                 all.contains(u"6 "_s) && all.contains(u"7 死亡日期: 起始日期不能晚于今天"_s),
             qPrintable(all));
    QCOMPARE(dialog.importValid(), 2);
    const QString type = QString::fromUtf16(funds::ComparisonEntryType::kName);
    QCOMPARE(session->cache().records(type).size(), 2);
    const QString id = funds::ComparisonEntryType::recordIdFor(u"deceased"_s, idFor(2), kCounty);
    QCOMPARE(session->cache().record(id)->record.fields.value(u"since"_s).toString(), u"2026-02-03"_s);
    // The same list again: the same two entries.
    ComparisonImportDialog again(*session);
    again.setList(u"deceased"_s);
    QVERIFY(again.loadFile(path));
    QCOMPARE(again.importValid(), 2);
    QCOMPARE(session->cache().records(type).size(), 2);
}

QTEST_MAIN(TestDisbursementImportDialog)
#include "tst_funds_import_dialog.moc"
