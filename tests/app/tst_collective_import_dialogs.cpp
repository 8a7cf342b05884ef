// The imports of existing books in the 集体三资 tab, as a town's clerk runs them against the real server: a
// journal chosen through the file dialog for the journal selected, its rows checked against the journal as
// the cache knows it (the entry there already skipped, an earlier day, spending the cash has not and an
// unknown class refused), the rest saved in date order and taken by the server in that order, the same file
// again importing nothing; an asset register (.xlsx) imported into the village chosen, once; the buttons
// shown to those who enter data only.
#include "tests/support/AppProgram.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/collective/CollectiveImportDialogs.h"
#include "app/collective/CollectiveTab.h"
#include "app/shell/FileDialog.h"
#include "app/sync/ClientSession.h"
#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"
#include "common/io/XlsxWriter.h"
#include "server/demo/DemoData.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

// 10:00 on 20 April 2026 in China.
const qint64 kNow = QDateTime(QDate(2026, 4, 20), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch();
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestCollectiveImportDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void journalInDateOrder();
    void registerImportedOnce();
    void buttonsForThoseWhoEnterData();

private:
    // Until a round has sent everything saved (an import starts a round of its own, which may have begun
    // before the import's records were saved).
    bool sync()
    {
        QSignalSpy finished(&m_p.session->engine(), &SyncEngine::finished);
        m_p.session->engine().syncNow();
        for (int round = 0; round < 5; ++round) {
            if (!finished.wait(30000) || !finished.last().at(0).toBool())
                return false;
            if (m_p.session->cache().pendingCount() == 0)
                return true;
            if (!m_p.session->engine().isRunning())
                m_p.session->engine().syncNow();
        }
        return false;
    }
    bool save(const QString &type, const QString &id, const QJsonObject &fields)
    {
        LocalCache::Change change;
        change.type = type;
        change.recordId = id;
        change.orgUnitId = kVillage;
        change.changedFields = fields;
        QString error;
        const bool saved = !m_p.session->cache().save(change, kNow, &error).isEmpty();
        if (!saved)
            qWarning("%s", qPrintable(error));
        return saved;
    }
    qint64 serverValue(const QString &sql, const QVariantList &binds)
    {
        return test::scalar(m_server->store(), sql, binds);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
    test::AppProgram m_p;
    QString m_book; // the village's cash journal: 2,000.00 opened, 500.00 in on 2 March
};

void TestCollectiveImportDialogs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->clock().setNowMs(kNow);
    QVERIFY(m_p.open(*m_server, u"town-clerk"_s, m_dir.filePath(u"town-clerk.sqlite"_s)));
    QVERIFY(m_p.session->orgUnit(kVillage));

    // The journal, then its first entry, each through the server (which keeps the balance).
    m_book = newId();
    QVERIFY(save(QString::fromUtf16(collective::LedgerBookType::kName), m_book,
                 {{u"kind"_s, u"cash"_s},
                  {u"name"_s, u"库存现金"_s},
                  {u"openingOn"_s, u"2026-01-01"_s},
                  {u"openingBalance"_s, 200'000}}));
    QVERIFY(sync());
    QVERIFY(save(QString::fromUtf16(collective::LedgerEntryType::kName), newId(),
                 {{u"bookId"_s, m_book},
                  {u"on"_s, u"2026-03-02"_s},
                  {u"voucherNo"_s, u"现-1"_s},
                  {u"summary"_s, u"收到租金"_s},
                  {u"direction"_s, u"debit"_s},
                  {u"amount"_s, 50'000},
                  {u"entryClass"_s, u"operating-income"_s}}));
    QVERIFY(sync());
    const std::optional<CachedRecord> book = m_p.session->cache().record(m_book);
    QVERIFY(book);
    QCOMPARE(book->record.fields.value(u"lastOn"_s).toString(), u"2026-03-02"_s);
    QCOMPARE(book->record.fields.value(u"balance"_s).toInteger(), 250'000);
}

void TestCollectiveImportDialogs::cleanupTestCase()
{
    m_p.session.reset();
    m_p.client.reset();
}

void TestCollectiveImportDialogs::journalInDateOrder()
{
    // The clerk's journal as kept in Excel and saved as CSV: the entry entered already, two new ones out of
    // date order, one before the journal's last day, spending more than the cash, an unknown class.
    const QString path = m_dir.filePath(u"journal.csv"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"\uFEFF库存现金日记账,,,,,,\n"
                u"日期,凭证号,摘要,收入（借方）金额,支出（贷方）金额,收支类别,对方单位\n"
                u"2026-03-02,现-1,收到租金,500.00,,经营收入,\n"
                u"2026-03-10,现-3,支付误工补贴,,300.00,管理费用,\n"
                u"2026-03-05,现-2,收到承包费,\"1,000.00\",,发包及上交收入,张三家庭农场\n"
                u"2026-03-01,现-0,补记利息,100.00,,其他收入,\n"
                u"2026-03-12,现-4,支付保洁费,,5000.00,公益支出,\n"
                u"2026-03-15,现-5,接待,,50.00,招待费,\n"_s.toUtf8());
    }
    {
        JournalImportDialog dialog(*m_p.session, {});
        dialog.setBook(m_book);
        auto *combo = dialog.findChild<QComboBox *>(u"bookCombo"_s);
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), m_book);
        FileDialog::setNextFileName(path);
        dialog.chooseFile();
        const TableImportCheck &check = dialog.check();
        QVERIFY2(check.ok(), qPrintable(check.error));
        QCOMPARE(check.rowsRead, 6);
        QCOMPARE(check.badRows, 3);
        QList<int> lines;
        for (const io::ImportProblem &p : check.problems)
            lines.append(p.line);
        QCOMPARE(lines, (QList<int>{6, 7, 8}));
        // In date order, whatever the file's.
        QCOMPARE(check.changes.size(), 2);
        QCOMPARE(check.changes.at(0).changedFields.value(u"on"_s).toString(), u"2026-03-05"_s);
        QCOMPARE(check.changes.at(1).changedFields.value(u"on"_s).toString(), u"2026-03-10"_s);
        for (const LocalCache::Change &c : check.changes) {
            QCOMPARE(c.orgUnitId, kVillage);
            QCOMPARE(c.changedFields.value(u"bookId"_s).toString(), m_book);
        }
        QVERIFY(!check.note.isEmpty()); // out of order, and one entered before
        QCOMPARE(dialog.importValid(), 2);
    }
    QVERIFY(sync());
    // The server took them in that order and moved the journal on.
    const QString ofBook = u"SELECT COUNT(*) FROM records WHERE type = 'ledger-entry' AND deleted = 0 AND "
                           u"json_extract(data, '$.bookId') = ?"_s;
    QCOMPARE(serverValue(ofBook, {m_book}), qint64(3));
    QCOMPARE(
        serverValue(u"SELECT json_extract(data, '$.seq') FROM records WHERE type = 'ledger-entry' AND "
                    u"json_extract(data, '$.bookId') = ? AND json_extract(data, '$.on') = '2026-03-10'"_s,
                    {m_book}),
        qint64(3));
    QCOMPARE(serverValue(u"SELECT json_extract(data, '$.balance') FROM records WHERE id = ?"_s, {m_book}),
             qint64(320'000));
    QCOMPARE(m_p.session->cache().record(m_book)->record.fields.value(u"lastOn"_s).toString(),
             u"2026-03-10"_s);

    // The same file again: nothing new.
    JournalImportDialog again(*m_p.session, kVillage);
    again.setBook(m_book);
    FileDialog::setNextFileName(path);
    again.chooseFile();
    QVERIFY2(again.check().ok(), qPrintable(again.check().error));
    QCOMPARE(again.check().changes.size(), 0);
    QCOMPARE(again.check().badRows, 3);
    QCOMPARE(serverValue(ofBook, {m_book}), qint64(3));

    // No journal chosen: nothing is read.
    JournalImportDialog none(*m_p.session, {});
    QVERIFY(!none.loadFile(path));
    QVERIFY(!none.check().error.isEmpty());
}

void TestCollectiveImportDialogs::registerImportedOnce()
{
    const QString path = m_dir.filePath(u"register.xlsx"_s);
    {
        io::XlsxWriter writer(path);
        QVERIFY(writer.beginSheet(u"资产台账"_s, {u"资产编号"_s, u"资产名称"_s, u"类别"_s, u"坐落位置"_s,
                                                  u"数量"_s, u"原值"_s, u"取得方式"_s, u"启用日期"_s,
                                                  u"使用年限"_s, u"状态"_s, u"管护人"_s}));
        QVERIFY(writer.writeRow({u"ZC-101"_s, u"村部办公楼"_s, u"房屋"_s, u"村部"_s, u"1"_s, u"850000"_s,
                                 u"自建"_s, u"2008-06-01"_s, u"50"_s, u"自用"_s, u"王会计"_s}));
        QVERIFY(writer.writeRow({u"ZC-102"_s, u"拖拉机"_s, u"机械设备"_s, u"农机库"_s, u"2"_s, u"120000"_s,
                                 u"购置"_s, u"2019-05-01"_s, u"10"_s, u"出租"_s, u"李四"_s}));
        QVERIFY(writer.writeRow({u"ZC-103"_s, u"沙发"_s, u"家具"_s, u"村部"_s, u"1"_s, u"3000"_s, u"购置"_s,
                                 u"2020-01-01"_s, u"5"_s, u"自用"_s, QString()}));
        QVERIFY2(writer.finish(), qPrintable(writer.errorString()));
    }
    const QString countInVillage =
        u"SELECT COUNT(*) FROM records WHERE type = 'collective-asset' AND deleted = 0 "
        u"AND org_unit_id = ?"_s;
    const qint64 before = serverValue(countInVillage, {kVillage});
    {
        // The town's clerk chooses the village; without one nothing is read.
        AssetRegisterImportDialog dialog(*m_p.session, {});
        QVERIFY(dialog.findChild<QComboBox *>(u"villageCombo"_s));
        QVERIFY(!dialog.loadFile(path));
        QVERIFY(!dialog.check().error.isEmpty());
        dialog.setVillage(kVillage);
        QCOMPARE(dialog.village(), kVillage);
        FileDialog::setNextFileName(path);
        dialog.chooseFile();
        QVERIFY2(dialog.check().ok(), qPrintable(dialog.check().error));
        QCOMPARE(dialog.check().changes.size(), 2);
        QCOMPARE(dialog.check().badRows, 1);
        QCOMPARE(dialog.check().problems.first().line, 4);
        QCOMPARE(dialog.check().problems.first().column, u"类别"_s);
        QCOMPARE(dialog.importValid(), 2);
    }
    QVERIFY(sync());
    QCOMPARE(serverValue(countInVillage, {kVillage}), before + 2);

    // Again: the village has those 资产编号 now.
    AssetRegisterImportDialog again(*m_p.session, kVillage);
    FileDialog::setNextFileName(path);
    again.chooseFile();
    QVERIFY2(again.check().ok(), qPrintable(again.check().error));
    QCOMPARE(again.check().changes.size(), 0);
    QCOMPARE(again.check().badRows, 1);
}

void TestCollectiveImportDialogs::buttonsForThoseWhoEnterData()
{
    {
        CollectiveTab tab(*m_p.session, m_p.client->api());
        QVERIFY(tab.findChild<QPushButton *>(u"importJournal"_s));
        QVERIFY(tab.findChild<QPushButton *>(u"importAssetRegister"_s));
    }
    test::AppProgram leader;
    QVERIFY(leader.open(*m_server, u"county-leader"_s, m_dir.filePath(u"county-leader.sqlite"_s)));
    CollectiveTab tab(*leader.session, leader.client->api());
    QVERIFY(!tab.findChild<QPushButton *>(u"importJournal"_s));
    QVERIFY(!tab.findChild<QPushButton *>(u"importAssetRegister"_s));
}

QTEST_MAIN(TestCollectiveImportDialogs)
#include "tst_collective_import_dialogs.moc"
