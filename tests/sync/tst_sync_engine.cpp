// The client's LocalCache and SyncEngine against the real server in-process over TLS, on SQLite and
// PostgreSQL. Every scenario ends with the convergence check: the client's cache equals the server's records
// of the user's scope (same ids, versions, fields, deleted flags, everything synced), nothing lost and
// nothing doubled; after every test the server's history is checked too (versions without gaps, no operation
// applied twice).
#include "common/sync/DepartmentContact.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using app::RecordState;

namespace {

const QString kCounty = u"320612000000"_s; // 通州区
const QString kAgriculture = u"320612000000-agriculture"_s;
const QString kContact = QString::fromUtf16(sync::DepartmentContactType::kName);

QSet<QString> outboxOpIds(app::LocalCache &cache)
{
    QSet<QString> ids;
    const QList<sync::Operation> ops = cache.pendingOperations(100000);
    for (const sync::Operation &op : ops)
        ids.insert(op.opId);
    return ids;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void offlineEntryThenSync();
    void chainedEditsOfflineOneSync();
    void twoClientsDifferentFieldsMerge();
    void twoClientsSameFieldConflict();
    void rejectedChangeThenResend();
    void deletePulledByOtherClient();
    void conflictWithDeleteKeepsChosenValues();
    void conflictWithDeleteAcceptsDeletion();
    void conflictKeepsAClearedField();
    void otherDepartmentRejectedPerOperation();
    void supervisorPushRejected();
    void pullPaginationResumesAfterRestart();
    void cancelDuringRound();
    void cancelFromSignalHandlerEndsRound();
    void secondUserOnSamePcHasOwnCache();
    void convergenceChecksCanFail();

private:
    QString cacheFile(const QString &username)
    {
        return m_dir.filePath(u"%1-%2.sqlite"_s.arg(username).arg(++m_caches));
    }
    // The agriculture contacts exist on the server (entered by county-clerk).
    void ensureAgricultureContacts();
    Store &store() { return m_fixture->store(); }

    std::unique_ptr<ServerFixture> m_fixture;
    QTemporaryDir m_dir;
    int m_caches = 0;
    QStringList m_removeAtEnd;
};

void TestSyncEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SunshineTest"_s);
    QCoreApplication::setApplicationName(u"tst_sync_engine"_s);
    QVERIFY(m_dir.isValid());
    registerTestNoteType();
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    qInfo("store: %s", qPrintable(testStoreName()));
    const struct
    {
        const char16_t *name;
        const char16_t *dept;
    } clerks[] = {{u"edu-a", u"education"},        {u"edu-b", u"education"},  {u"civ-a", u"civil-affairs"},
                  {u"civ-b", u"civil-affairs"},    {u"fin-a", u"finance"},    {u"water-a", u"water"},
                  {u"water-b", u"water"},          {u"eco-a", u"ecology"},    {u"eco-b", u"ecology"},
                  {u"tzpov-a", u"poverty-office"}, {u"housing-a", u"housing"}};
    for (const auto &c : clerks)
        addUser(*m_fixture, QString::fromUtf16(c.name), Role::Clerk, kCounty,
                kCounty + u'-' + QString::fromUtf16(c.dept));
}

void TestSyncEngine::cleanup()
{
    const QString problems = historyProblems(store());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestSyncEngine::cleanupTestCase()
{
    for (const QString &path : std::as_const(m_removeAtEnd)) {
        QFile::remove(path);
        QFile::remove(path + u"-wal"_s);
        QFile::remove(path + u"-shm"_s);
    }
    m_fixture.reset();
}

void TestSyncEngine::ensureAgricultureContacts()
{
    START_CLIENT(c, u"county-clerk"_s);
    SYNC_OK(*c);
    for (const QString &role : {u"leader"_s, u"liaison"_s}) {
        if (!c->cache().record(c->contactId(role)))
            SAVED(
                c->saveContact(role, {{u"name"_s, u"农业联系人"_s}, {u"mobile"_s, u"13800000001"_s}}, error));
    }
    SYNC_OK(*c);
    CONVERGED(*c);
}

// Entries made while the server cannot be reached stay in the outbox; the engine retries by itself with
// growing pauses and sends them when the server is back.
void TestSyncEngine::offlineEntryThenSync()
{
    app::SyncEngine::Options options = SyncClient::quietOptions();
    options.firstRetryMs = 150;
    options.maxRetryMs = 300;
    START_CLIENT(c, u"county-clerk"_s, options);
    SYNC_OK(*c);
    const qint64 before = serverRecords(store()).size();

    c->api().setServerUrl(closedPortUrl());
    SAVED(c->saveContact(u"leader"_s,
                         {{u"name"_s, u"张农"_s}, {u"post"_s, u"副局长"_s}, {u"mobile"_s, u"13800000011"_s}},
                         error));
    SAVED(c->saveContact(u"liaison"_s, {{u"name"_s, u"李联"_s}, {u"officePhone"_s, u"0513-86000001"_s}},
                         error));
    QStringList notes(3);
    for (int i = 0; i < 3; ++i)
        SAVED(c->saveNote(&notes[i], {{u"title"_s, u"离线录入 %1"_s.arg(i)}, {u"amountFen"_s, 100 * i}},
                          error));
    QCOMPARE(c->cache().pendingCount(), 5);
    QCOMPARE(c->cache().record(notes[0])->state, RecordState::Pending);
    QCOMPARE(c->cache().record(c->contactId(u"leader"_s))->record.fields.value(u"name"_s).toString(),
             u"张农"_s);

    QSignalSpy finished(&c->engine(), &app::SyncEngine::finished);
    c->engine().syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(finished.first().at(1).toString().contains(u"refused"_s),
             qPrintable(finished.first().at(1).toString()));
    QCOMPARE(c->cache().pendingCount(), 5);
    // It tries again by itself; entries keep being made meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 15000);
    QVERIFY(!finished.last().at(0).toBool());
    SAVED(c->saveNote(&notes.emplaceBack(), {{u"title"_s, u"离线录入 3"_s}}, error));
    QCOMPARE(c->cache().pendingCount(), 6);
    QCOMPARE(serverRecords(store()).size(), before);

    c->api().setServerUrl(m_fixture->baseUrl());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toBool(), 15000);
    const int rounds = int(finished.size());
    QCOMPARE(c->cache().pendingCount(), 0);
    const auto server = serverRecords(store());
    for (const QString &id : std::as_const(notes)) {
        QVERIFY(server.contains(id));
        QCOMPARE(server.value(id).version, 1);
        QCOMPARE(server.value(id).updatedBy, c->user().id);
    }
    QCOMPARE(server.value(notes[1]).fields,
             QJsonObject({{u"title"_s, u"离线录入 1"_s}, {u"amountFen"_s, 100}}));
    QCOMPARE(server.value(c->contactId(u"leader"_s)).fields.value(u"post"_s).toString(), u"副局长"_s);
    QVERIFY(server.size() >= before + 4);
    CONVERGED(*c);
    // A successful round ends the retries.
    QTest::qWait(600);
    QCOMPARE(finished.size(), rounds);
}

// Several edits of one record made offline go as a chain in one sync; they apply in order on top of each
// other, also when the chain is split over several push batches.
void TestSyncEngine::chainedEditsOfflineOneSync()
{
    ensureAgricultureContacts();
    for (const int batch : {500, 2}) {
        app::SyncEngine::Options options = SyncClient::quietOptions();
        options.pushBatch = batch;
        START_CLIENT(c, u"county-clerk"_s, options);
        SYNC_OK(*c);
        QString note;
        SAVED(c->saveNote(&note, {{u"title"_s, u"t0"_s}, {u"amountFen"_s, 100}}, error));
        SYNC_OK(*c);
        const qint64 liaisonVersion = c->cache().record(c->contactId(u"liaison"_s))->record.version;
        QVERIFY(liaisonVersion > 0);

        SAVED(c->saveNote(&note, {{u"title"_s, u"t1"_s}}, error));
        SAVED(c->saveNote(&note, {{u"amountFen"_s, 200}}, error));
        SAVED(c->saveContact(u"liaison"_s, {{u"post"_s, u"科长 %1"_s.arg(batch)}}, error));
        SAVED(c->saveNote(&note, {{u"note"_s, u"n3"_s}}, error));
        SAVED(c->saveNote(&note, {{u"title"_s, u"t4"_s}}, error));
        SAVED(c->saveContact(u"liaison"_s, {{u"mobile"_s, u"1390000%1"_s.arg(batch, 4, 10, QChar(u'0'))}},
                             error));
        const QList<sync::Operation> ops = c->cache().pendingOperations(100);
        QCOMPARE(ops.size(), 6);
        for (const sync::Operation &op : ops)
            QCOMPARE(op.baseVersion, op.recordId == note ? 1 : liaisonVersion);
        const QJsonObject expected{{u"title"_s, u"t4"_s}, {u"amountFen"_s, 200}, {u"note"_s, u"n3"_s}};
        QCOMPARE(c->cache().record(note)->record.fields, expected);

        SYNC_OK(*c);
        const auto server = serverRecords(store());
        QCOMPARE(server.value(note).version, 5);
        QCOMPARE(server.value(note).fields, expected);
        QCOMPARE(server.value(c->contactId(u"liaison"_s)).version, liaisonVersion + 2);
        QCOMPARE(server.value(c->contactId(u"liaison"_s)).fields.value(u"post"_s).toString(),
                 u"科长 %1"_s.arg(batch));
        for (const sync::Operation &op : ops)
            QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM record_history WHERE op_id = ?"_s, {op.opId}), 1);
        CONVERGED(*c);
    }
}

// Two clerks change different fields of the same record: merged by the server without asking anyone.
void TestSyncEngine::twoClientsDifferentFieldsMerge()
{
    START_CLIENT(a, u"edu-a"_s);
    START_CLIENT(b, u"edu-b"_s);
    SAVED(a->saveContact(u"leader"_s,
                         {{u"name"_s, u"王教"_s},
                          {u"post"_s, u"局长"_s},
                          {u"mobile"_s, u"13700000001"_s},
                          {u"officePhone"_s, u"0513-86000100"_s}},
                         error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    const QString id = a->contactId(u"leader"_s);
    QCOMPARE(b->cache().record(id)->record.version, 1);

    SAVED(a->saveContact(u"leader"_s, {{u"post"_s, u"副局长"_s}}, error));
    SAVED(b->saveContact(u"leader"_s, {{u"mobile"_s, u"13700000002"_s}, {u"officePhone"_s, QJsonValue()}},
                         error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    QCOMPARE(b->cache().conflictCount(), 0);
    QCOMPARE(b->cache().rejectedCount(), 0);
    const QJsonObject merged{{u"contactRole"_s, u"leader"_s},
                             {u"name"_s, u"王教"_s},
                             {u"post"_s, u"副局长"_s},
                             {u"mobile"_s, u"13700000002"_s}};
    QCOMPARE(serverRecords(store()).value(id).fields, merged);
    QCOMPARE(serverRecords(store()).value(id).version, 3);
    QCOMPARE(b->cache().record(id)->record.fields, merged);
    SYNC_OK(*a);
    QCOMPARE(a->cache().record(id)->record.fields, merged);
    CONVERGED(*a);
    CONVERGED(*b);
}

// The same field changed by both: the second gets a conflict with the server's record, chooses per field, and
// both converge on the choice.
void TestSyncEngine::twoClientsSameFieldConflict()
{
    START_CLIENT(a, u"civ-a"_s);
    START_CLIENT(b, u"civ-b"_s);
    SAVED(a->saveContact(
        u"liaison"_s, {{u"name"_s, u"N0"_s}, {u"post"_s, u"P0"_s}, {u"mobile"_s, u"13600000000"_s}}, error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    const QString id = a->contactId(u"liaison"_s);

    SAVED(a->saveContact(u"liaison"_s, {{u"name"_s, u"NA"_s}, {u"post"_s, u"PA"_s}}, error));
    SYNC_OK(*a);
    QString bOp;
    {
        QString e;
        bOp = b->saveContact(
            u"liaison"_s,
            {{u"name"_s, u"NB"_s}, {u"post"_s, u"PB"_s}, {u"officePhone"_s, u"0513-86000200"_s}}, &e);
        QVERIFY2(!bOp.isEmpty(), qPrintable(e));
    }
    SYNC_OK(*b);
    QCOMPARE(b->cache().conflictCount(), 1);
    std::optional<app::CachedRecord> rec = b->cache().record(id);
    QVERIFY(rec);
    QCOMPARE(rec->state, RecordState::Conflict);
    QVERIFY(!rec->stateMessage.isEmpty());
    QVERIFY(rec->theirs);
    QCOMPARE(rec->theirs->version, 2);
    QCOMPARE(rec->theirs->fields.value(u"name"_s).toString(), u"NA"_s);
    QCOMPARE(
        rec->mine,
        QJsonObject({{u"name"_s, u"NB"_s}, {u"post"_s, u"PB"_s}, {u"officePhone"_s, u"0513-86000200"_s}}));
    // Neither side is lost: the server keeps A's values, B's cache shows B's.
    QCOMPARE(serverRecords(store()).value(id).version, 2);
    QCOMPARE(rec->record.fields.value(u"name"_s).toString(), u"NB"_s);
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM applied_ops WHERE op_id = ?"_s, {bOp}), 0);
    // The conflicting change waits for the clerk; another round changes nothing.
    SYNC_OK(*b);
    QCOMPARE(b->cache().conflictCount(), 1);
    QCOMPARE(serverRecords(store()).value(id).version, 2);

    // Per field: my name, their post, my office phone.
    QJsonObject chosen = rec->theirs->fields;
    chosen.insert(u"name"_s, u"NB"_s);
    chosen.insert(u"officePhone"_s, u"0513-86000200"_s);
    QString why;
    const QString resolution = b->cache().resolveConflict(id, chosen, m_fixture->clock().nowMs(), &why);
    QVERIFY2(!resolution.isEmpty(), qPrintable(why));
    QCOMPARE(b->cache().conflictCount(), 0);
    QCOMPARE(b->cache().record(id)->state, RecordState::Pending);
    SYNC_OK(*b);
    SYNC_OK(*a);
    const QJsonObject expected{{u"contactRole"_s, u"liaison"_s},
                               {u"name"_s, u"NB"_s},
                               {u"post"_s, u"PA"_s},
                               {u"mobile"_s, u"13600000000"_s},
                               {u"officePhone"_s, u"0513-86000200"_s}};
    QCOMPARE(serverRecords(store()).value(id).fields, expected);
    QCOMPARE(serverRecords(store()).value(id).version, 3);
    QCOMPARE(a->cache().record(id)->record.fields, expected);
    CONVERGED(*a);
    CONVERGED(*b);
}

// A change the server refuses is shown with its code and message, holds back later changes of the same record
// but not the other records, and goes through once corrected.
void TestSyncEngine::rejectedChangeThenResend()
{
    START_CLIENT(c, u"fin-a"_s);
    SYNC_OK(*c);
    SAVED(c->saveContact(
        u"leader"_s,
        {{u"name"_s, u"赵财"_s}, {u"officePhone"_s, u"0513-86000300"_s}, {u"mobile"_s, u"13500000001"_s}},
        error));
    SAVED(c->saveContact(u"liaison"_s, {{u"name"_s, u"钱财"_s}, {u"mobile"_s, u"13500000002"_s}}, error));
    SYNC_OK(*c);
    const QString leader = c->contactId(u"leader"_s);
    const QString liaison = c->contactId(u"liaison"_s);

    // Both phones removed: the server refuses it (at least one phone).
    SAVED(
        c->saveContact(u"leader"_s, {{u"officePhone"_s, QJsonValue()}, {u"mobile"_s, QJsonValue()}}, error));
    SAVED(c->saveContact(u"liaison"_s, {{u"post"_s, u"办公室主任"_s}}, error));
    QString note;
    SAVED(c->saveNote(&note, {{u"title"_s, u"退回时的其他记录"_s}}, error));
    SYNC_OK(*c);

    std::optional<app::CachedRecord> rec = c->cache().record(leader);
    QCOMPARE(rec->state, RecordState::Rejected);
    QCOMPARE(rec->stateCode, u"VALIDATION_FAILED"_s);
    QCOMPARE(rec->stateMessage, u"办公电话和手机至少填写一项"_s);
    QCOMPARE(rec->stateField, u"mobile"_s);
    QCOMPARE(c->cache().rejectedCount(), 1);
    QCOMPARE(c->cache().pendingCount(), 0);
    auto server = serverRecords(store());
    QCOMPARE(server.value(leader).version, 1);
    QCOMPARE(server.value(leader).fields.value(u"mobile"_s).toString(), u"13500000001"_s);
    QCOMPARE(server.value(liaison).fields.value(u"post"_s).toString(), u"办公室主任"_s);
    QCOMPARE(server.value(note).version, 1);
    CONVERGED(*c, {leader});

    // Corrected: a new mobile, no office phone, a new name.
    QJsonObject corrected = rec->serverFields;
    corrected.remove(u"officePhone"_s);
    corrected.insert(u"mobile"_s, u"13500000009"_s);
    corrected.insert(u"name"_s, u"赵财新"_s);
    QString why;
    QVERIFY2(!c->cache().resend(leader, corrected, m_fixture->clock().nowMs(), &why).isEmpty(),
             qPrintable(why));
    QCOMPARE(c->cache().rejectedCount(), 0);
    QCOMPARE(c->cache().record(leader)->state, RecordState::Pending);
    SYNC_OK(*c);
    server = serverRecords(store());
    QCOMPARE(server.value(leader).fields, corrected);
    QCOMPARE(server.value(leader).version, 2);
    CONVERGED(*c);
}

// A record deleted by one clerk disappears from the other's list at the next pull (kept as a tombstone).
void TestSyncEngine::deletePulledByOtherClient()
{
    START_CLIENT(a, u"water-a"_s);
    START_CLIENT(b, u"water-b"_s);
    SAVED(a->saveContact(u"leader"_s, {{u"name"_s, u"孙水"_s}, {u"mobile"_s, u"13400000001"_s}}, error));
    QString n1, n2;
    SAVED(a->saveNote(&n1, {{u"title"_s, u"将被删除"_s}}, error));
    SAVED(a->saveNote(&n2, {{u"title"_s, u"保留"_s}}, error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    const QString leader = a->contactId(u"leader"_s);
    const qint64 visible = b->cache().recordCount();
    const qint64 all = b->cache().recordCount(true);

    SAVED(a->removeRecord(leader, error));
    SAVED(a->removeRecord(n1, error));
    QVERIFY(a->cache().record(n1)->record.deleted);
    SYNC_OK(*a);
    auto server = serverRecords(store());
    QVERIFY(server.value(leader).deleted);
    QCOMPARE(server.value(leader).version, 2);
    QVERIFY(server.value(n1).deleted);
    QVERIFY(!server.value(n2).deleted);

    SYNC_OK(*b);
    QVERIFY(b->cache().record(leader)->record.deleted);
    QVERIFY(b->cache().record(n1)->record.deleted);
    QVERIFY(!b->cache().record(n2)->record.deleted);
    QCOMPARE(b->cache().recordCount(), visible - 2);
    QCOMPARE(b->cache().recordCount(true), all); // kept as tombstones
    CONVERGED(*a);
    CONVERGED(*b);
}

// A change made to a record that someone else deleted meanwhile is a conflict (the clerk sees both); when the
// clerk keeps their values, the record is there again with them: neither side is lost.
void TestSyncEngine::conflictWithDeleteKeepsChosenValues()
{
    START_CLIENT(a, u"eco-a"_s);
    START_CLIENT(b, u"eco-b"_s);
    QString keep;
    SAVED(a->saveNote(&keep, {{u"title"_s, u"K0"_s}, {u"amountFen"_s, 1}}, error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    SAVED(a->removeRecord(keep, error));
    SYNC_OK(*a);
    SAVED(b->saveNote(&keep, {{u"title"_s, u"K1"_s}}, error));
    SYNC_OK(*b);
    QCOMPARE(b->cache().conflictCount(), 1);
    const std::optional<app::CachedRecord> k = b->cache().record(keep);
    QVERIFY(k && k->theirs);
    QVERIFY(k->theirs->deleted);
    QCOMPARE(k->mine, QJsonObject({{u"title"_s, u"K1"_s}}));

    QJsonObject mine = k->theirs->fields;
    mine.insert(u"title"_s, u"K1"_s);
    QString why;
    QVERIFY2(!b->cache().resolveConflict(keep, mine, m_fixture->clock().nowMs(), &why).isEmpty(),
             qPrintable(why));
    SYNC_OK(*b);
    SYNC_OK(*a);
    const auto server = serverRecords(store());
    QVERIFY2(!server.value(keep).deleted,
             "the clerk chose to keep the record with their values, but it stays deleted on the server");
    QCOMPARE(server.value(keep).fields, QJsonObject({{u"title"_s, u"K1"_s}, {u"amountFen"_s, 1}}));
    QVERIFY(!b->cache().record(keep)->record.deleted);
    QVERIFY(!a->cache().record(keep)->record.deleted);
    CONVERGED(*a);
    CONVERGED(*b);
}

// The clerk may also accept the other side's deletion: the record is gone on both, nothing is sent.
void TestSyncEngine::conflictWithDeleteAcceptsDeletion()
{
    START_CLIENT(a, u"eco-a"_s);
    START_CLIENT(b, u"eco-b"_s);
    QString gone;
    SAVED(a->saveNote(&gone, {{u"title"_s, u"D0"_s}, {u"amountFen"_s, 2}}, error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    SAVED(a->removeRecord(gone, error));
    SYNC_OK(*a);
    SAVED(b->saveNote(&gone, {{u"title"_s, u"D1"_s}}, error));
    SYNC_OK(*b);
    QCOMPARE(b->cache().conflictCount(), 1);
    QString why;
    QVERIFY2(b->cache().acceptTheirs(gone, &why), qPrintable(why));
    QCOMPARE(b->cache().conflictCount(), 0);
    QCOMPARE(b->cache().pendingCount(), 0);
    SYNC_OK(*b);
    QVERIFY(serverRecords(store()).value(gone).deleted);
    QVERIFY(b->cache().record(gone)->record.deleted);
    CONVERGED(*a);
    CONVERGED(*b);
}

// A field the clerk cleared while someone else changed it: keeping the clerk's side clears it on the server
// too.
void TestSyncEngine::conflictKeepsAClearedField()
{
    START_CLIENT(a, u"eco-a"_s);
    START_CLIENT(b, u"eco-b"_s);
    QString id;
    SAVED(a->saveNote(&id, {{u"title"_s, u"C0"_s}, {u"amountFen"_s, 3}, {u"note"_s, u"原备注"_s}}, error));
    SYNC_OK(*a);
    SYNC_OK(*b);
    SAVED(a->saveNote(&id, {{u"note"_s, u"他人改过的备注"_s}}, error));
    SYNC_OK(*a);
    SAVED(b->saveNote(&id, {{u"note"_s, QJsonValue(QJsonValue::Null)}}, error));
    SYNC_OK(*b);
    QCOMPARE(b->cache().conflictCount(), 1);
    const std::optional<app::CachedRecord> c = b->cache().record(id);
    QVERIFY(c && c->theirs);
    QVERIFY2(c->mine.contains(u"note"_s) && c->mine.value(u"note"_s).isNull(),
             "the clerk's clearing of the field must be part of their side of the conflict");
    // Keep mine for the disputed field, as the conflict dialog sends it: explicit null.
    QJsonObject chosen = c->theirs->fields;
    chosen.insert(u"note"_s, QJsonValue(QJsonValue::Null));
    QString why;
    QVERIFY2(!b->cache().resolveConflict(id, chosen, m_fixture->clock().nowMs(), &why).isEmpty(),
             qPrintable(why));
    SYNC_OK(*b);
    SYNC_OK(*a);
    QVERIFY(!serverRecords(store()).value(id).fields.contains(u"note"_s));
    CONVERGED(*a);
    CONVERGED(*b);
}

// A clerk writing another department's record: that operation is refused, the batch's others apply.
void TestSyncEngine::otherDepartmentRejectedPerOperation()
{
    ensureAgricultureContacts();
    const QString agriLeader = sync::DepartmentContactType::recordIdFor(kAgriculture, u"leader"_s);
    const ServerRow before = serverRecords(store()).value(agriLeader);
    QVERIFY(before.version > 0);

    START_CLIENT(p, u"tzpov-a"_s);
    SYNC_OK(*p);
    SAVED(p->saveContact(u"leader"_s, {{u"name"_s, u"周扶"_s}, {u"mobile"_s, u"13300000001"_s}}, error));
    QString forbiddenOp;
    {
        QString e;
        forbiddenOp = p->save(kContact, agriLeader, kCounty, kAgriculture, {{u"post"_s, u"越权修改"_s}}, &e);
        QVERIFY2(!forbiddenOp.isEmpty(), qPrintable(e));
    }
    QString note;
    SAVED(p->saveNote(&note, {{u"title"_s, u"同一批的其他记录"_s}}, error));
    SAVED(p->saveContact(u"liaison"_s, {{u"name"_s, u"吴扶"_s}, {u"officePhone"_s, u"0513-86000400"_s}},
                         error));
    QCOMPARE(p->cache().pendingCount(), 4);
    SYNC_OK(*p);

    const std::optional<app::CachedRecord> rec = p->cache().record(agriLeader);
    QCOMPARE(rec->state, RecordState::Rejected);
    QCOMPARE(rec->stateCode, u"FORBIDDEN"_s);
    QCOMPARE(rec->stateMessage, u"只能录入本部门的分管领导和联络员"_s);
    const auto server = serverRecords(store());
    QCOMPARE(server.value(agriLeader).version, before.version);
    QCOMPARE(server.value(agriLeader).fields, before.fields);
    QCOMPARE(server.value(p->contactId(u"leader"_s)).version, 1);
    QCOMPARE(server.value(p->contactId(u"liaison"_s)).version, 1);
    QCOMPARE(server.value(note).version, 1);
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM applied_ops WHERE op_id = ?"_s, {forbiddenOp}), 1);
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM record_history WHERE op_id = ?"_s, {forbiddenOp}), 0);
    SYNC_OK(*p);
    CONVERGED(*p, {agriLeader});
}

// Supervisors read, never write: each operation refused, nothing stored.
void TestSyncEngine::supervisorPushRejected()
{
    ensureAgricultureContacts();
    const QString agriLeader = sync::DepartmentContactType::recordIdFor(kAgriculture, u"leader"_s);
    START_CLIENT(s, u"county-supervisor"_s);
    SYNC_OK(*s);
    CONVERGED(*s);
    const auto before = serverRecords(store());
    const qint64 applied = scalar(store(), u"SELECT COUNT(*) FROM record_history"_s);

    SAVED(s->save(kContact, agriLeader, kCounty, kAgriculture, {{u"post"_s, u"监督修改"_s}}, error));
    QString note;
    SAVED(s->saveNote(&note, {{u"title"_s, u"监督员录入"_s}}, error));
    SAVED(s->saveContact(u"leader"_s, {{u"name"_s, u"审计"_s}, {u"mobile"_s, u"13200000001"_s}}, error));
    SYNC_OK(*s);
    for (const QString &id : {agriLeader, note, s->contactId(u"leader"_s)}) {
        const std::optional<app::CachedRecord> rec = s->cache().record(id);
        QVERIFY(rec);
        QCOMPARE(rec->state, RecordState::Rejected);
        QCOMPARE(rec->stateCode, u"FORBIDDEN"_s);
        QCOMPARE(rec->stateMessage, u"领导和监督人员只能查看数据，不能录入或修改"_s);
    }
    QCOMPARE(serverRecords(store()).size(), before.size());
    QCOMPARE(serverRecords(store()).value(agriLeader).fields, before.value(agriLeader).fields);
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM record_history"_s), applied);
    CONVERGED(*s, {agriLeader, note, s->contactId(u"leader"_s)});
}

// Pull in small pages; the cursor is kept with each page, so a program closed in the middle continues where
// it stopped (a new LocalCache on the same file), and records changed meanwhile still arrive in their latest
// state.
void TestSyncEngine::pullPaginationResumesAfterRestart()
{
    START_CLIENT(w, u"county-clerk"_s);
    SYNC_OK(*w);
    QStringList notes(11);
    for (int i = 0; i < notes.size(); ++i)
        SAVED(w->saveNote(&notes[i], {{u"title"_s, u"分页 %1"_s.arg(i)}}, error));
    SYNC_OK(*w);

    app::SyncEngine::Options options = SyncClient::quietOptions();
    options.pullLimit = 3;
    START_CLIENT(r, u"city-clerk"_s, options);
    const qint64 total = serverRecords(store(), r->scopePath()).size();
    QVERIFY(total > 12);
    int pages = 0;
    qint64 pulled = 0;
    auto count = [&](app::SyncEngine::Phase phase, qint64 done, qint64) {
        if (phase == app::SyncEngine::Phase::Pulling) {
            ++pages;
            pulled = done;
        }
    };
    QMetaObject::Connection progress = connect(&r->engine(), &app::SyncEngine::progress, this, count);
    // Stop after the second page, as when the program is closed.
    connect(&r->engine(), &app::SyncEngine::progress, this,
            [&](app::SyncEngine::Phase phase, qint64 done, qint64) {
                if (phase == app::SyncEngine::Phase::Pulling && done == 6)
                    QTimer::singleShot(0, &r->engine(), &app::SyncEngine::cancel);
            });
    const SyncClient::Round first = r->sync();
    QVERIFY(first.ended);
    QVERIFY(!first.ok);
    // Normally two pages; one more if the next answer beat the cancel.
    QVERIFY2(pages == 2 || pages == 3, qPrintable(QString::number(pages)));
    const qint64 already = r->cache().recordCount(true);
    QCOMPARE(already, pages * 3);
    const QString cursor = r->cache().cursor();
    QVERIFY(!cursor.isEmpty());
    QVERIFY(!r->cache().record(notes.last())); // the newest comes last

    // Meanwhile: one record already pulled and one not yet pulled change.
    QString pulledNote;
    {
        QSqlQuery q(r->cache().database());
        QVERIFY(q.exec(
            u"SELECT id FROM records WHERE type = 'test-note' AND org_unit_id = '320612000000' LIMIT 1"_s));
        QVERIFY2(q.next(), "no county note among the first pages");
        pulledNote = q.value(0).toString();
    }
    SYNC_OK(*w);
    SAVED(w->saveNote(&pulledNote, {{u"title"_s, u"分页中修改（已拉取）"_s}}, error));
    SAVED(w->saveNote(&notes.last(), {{u"title"_s, u"分页中修改（未拉取）"_s}}, error));
    SYNC_OK(*w);

    r->closeCache();
    {
        QString why;
        QVERIFY2(r->openCache(&why), qPrintable(why));
    }
    QCOMPARE(r->cache().cursor(), cursor);
    QCOMPARE(r->cache().recordCount(true), already);
    pages = 0;
    pulled = 0;
    disconnect(progress);
    connect(&r->engine(), &app::SyncEngine::progress, this, count);
    SYNC_OK(*r);
    // Exactly the rest plus the one that changed after it was pulled: nothing from the start again.
    const qint64 rest = total - already + 1;
    QCOMPARE(pulled, rest);
    QCOMPARE(pages, int((rest + 2) / 3));
    QCOMPARE(r->cache().record(pulledNote)->record.fields.value(u"title"_s).toString(),
             u"分页中修改（已拉取）"_s);
    QCOMPARE(r->cache().record(notes.last())->record.fields.value(u"title"_s).toString(),
             u"分页中修改（未拉取）"_s);
    CONVERGED(*r);
    CONVERGED(*w);
}

// cancel() ends the round at once, the engine does not retry by itself, and the next round sends what is left
// without sending anything twice.
void TestSyncEngine::cancelDuringRound()
{
    app::SyncEngine::Options options = SyncClient::quietOptions();
    options.pushBatch = 2;
    options.firstRetryMs = 100;
    options.maxRetryMs = 100;
    START_CLIENT(c, u"county-clerk"_s, options);
    SYNC_OK(*c);

    // Cancelled while the first request is on its way.
    QStringList notes(2);
    for (QString &n : notes)
        SAVED(c->saveNote(&n, {{u"title"_s, u"取消 A"_s}}, error));
    QSignalSpy finished(&c->engine(), &app::SyncEngine::finished);
    c->engine().syncNow();
    QVERIFY(c->engine().isRunning());
    c->engine().cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!c->engine().isRunning());
    QTest::qWait(500); // no retry after a cancel
    QCOMPARE(finished.size(), 1);
    QCOMPARE(c->cache().pendingCount(), 2);
    SYNC_OK(*c);
    CONVERGED(*c);

    // Cancelled after the first of three batches, while the second is on its way.
    QStringList more(6);
    for (QString &n : more)
        SAVED(c->saveNote(&n, {{u"title"_s, u"取消 B"_s}}, error));
    const QSet<QString> ops = outboxOpIds(c->cache());
    QCOMPARE(ops.size(), 6);
    bool once = false;
    QMetaObject::Connection conn = connect(
        &c->engine(), &app::SyncEngine::progress, this, [&](app::SyncEngine::Phase phase, qint64, qint64) {
            if (phase == app::SyncEngine::Phase::Pushing && !once) {
                once = true;
                QTimer::singleShot(0, &c->engine(), &app::SyncEngine::cancel);
            }
        });
    finished.clear();
    c->engine().syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!finished.first().at(0).toBool());
    disconnect(conn);
    // The second batch's request was aborted (or, had its answer beaten the cancel, the third's).
    QVERIFY2(c->cache().pendingCount() == 4 || c->cache().pendingCount() == 2,
             qPrintable(QString::number(c->cache().pendingCount())));
    QTest::qWait(500);
    QCOMPARE(finished.size(), 1);
    SYNC_OK(*c);
    for (const QString &op : ops)
        QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM applied_ops WHERE op_id = ?"_s, {op}), 1);
    const auto server = serverRecords(store());
    for (const QString &n : std::as_const(more))
        QCOMPARE(server.value(n).version, 1);
    CONVERGED(*c);
}

// cancel() called from a slot connected to the engine's own signals (here: as the pull is about to start)
// ends the round too: one finished() signal, no request after it, the cursor untouched.
void TestSyncEngine::cancelFromSignalHandlerEndsRound()
{
    START_CLIENT(w, u"county-clerk"_s);
    START_CLIENT(c, u"county-clerk"_s);
    SYNC_OK(*c);
    QString note;
    SAVED(w->saveNote(&note, {{u"title"_s, u"取消时的新记录"_s}}, error));
    SYNC_OK(*w);
    const QString cursor = c->cache().cursor();

    connect(&c->engine(), &app::SyncEngine::phaseChanged, this, [&](app::SyncEngine::Phase phase) {
        if (phase == app::SyncEngine::Phase::Pulling)
            c->engine().cancel();
    });
    QSignalSpy finished(&c->engine(), &app::SyncEngine::finished);
    c->engine().syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QTest::qWait(1000); // long enough for a pull the engine should not have started
    QCOMPARE(finished.size(), 1);
    QVERIFY(!c->engine().isRunning());
    QCOMPARE(c->cache().cursor(), cursor);
    QVERIFY(!c->cache().record(note));

    disconnect(&c->engine(), &app::SyncEngine::phaseChanged, this, nullptr);
    SYNC_OK(*c);
    QVERIFY(c->cache().record(note));
    CONVERGED(*c);
}

// Another user signing in on the same PC gets a cache file of their own; the first user's unsent changes wait
// in theirs, untouched, and go out at their next sign-in.
void TestSyncEngine::secondUserOnSamePcHasOwnCache()
{
    const QUrl url = m_fixture->baseUrl();
    const QString pathA = app::LocalCache::defaultPath(url, u"county-clerk"_s);
    const QString pathB = app::LocalCache::defaultPath(url, u"housing-a"_s);
    QVERIFY(pathA != pathB);
    QCOMPARE(QFileInfo(pathA).absolutePath(), QFileInfo(pathB).absolutePath());
    QVERIFY2(pathA.contains(QStringLiteral(".qttest")), qPrintable(pathA)); // test mode, not the real profile
    m_removeAtEnd << pathA << pathB;
    for (const QString &p : {pathA, pathB}) {
        QFile::remove(p);
        QFile::remove(p + u"-wal"_s);
        QFile::remove(p + u"-shm"_s);
    }

    auto a = std::make_unique<SyncClient>(*m_fixture, u"county-clerk"_s, pathA);
    {
        QString why;
        QVERIFY2(a->start(&why), qPrintable(why));
    }
    SYNC_OK(*a);
    QString n1, n2;
    SAVED(a->saveNote(&n1, {{u"title"_s, u"甲的未同步记录 1"_s}}, error));
    SAVED(a->saveNote(&n2, {{u"title"_s, u"甲的未同步记录 2"_s}}, error));
    const QList<sync::Operation> waiting = a->cache().pendingOperations(100);
    QCOMPARE(waiting.size(), 2);
    a->closeCache(); // signs out; the program keeps the file

    auto b = std::make_unique<SyncClient>(*m_fixture, u"housing-a"_s, pathB);
    {
        QString why;
        QVERIFY2(b->start(&why), qPrintable(why));
    }
    QCOMPARE(b->cache().pendingCount(), 0);
    QVERIFY(!b->cache().record(n1));
    SAVED(b->saveContact(u"leader"_s, {{u"name"_s, u"郑住"_s}, {u"mobile"_s, u"13100000001"_s}}, error));
    SYNC_OK(*b);
    CONVERGED(*b);
    for (const sync::Operation &op : waiting)
        QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM applied_ops WHERE op_id = ?"_s, {op.opId}), 0);
    b.reset();

    {
        QString why;
        QVERIFY2(a->openCache(&why), qPrintable(why));
    }
    const QList<sync::Operation> still = a->cache().pendingOperations(100);
    QCOMPARE(still.size(), waiting.size());
    for (qsizetype i = 0; i < still.size(); ++i) {
        QCOMPARE(still.at(i).opId, waiting.at(i).opId);
        QCOMPARE(still.at(i).changedFields, waiting.at(i).changedFields);
    }
    SYNC_OK(*a);
    QCOMPARE(serverRecords(store()).value(n1).fields.value(u"title"_s).toString(), u"甲的未同步记录 1"_s);
    CONVERGED(*a);
}

// The checks used above do see differences: a changed field, a missing or extra record, a wrong version or
// deletion flag, a record left pending; a gap in the server's history.
void TestSyncEngine::convergenceChecksCanFail()
{
    START_CLIENT(c, u"county-clerk"_s);
    SYNC_OK(*c);
    QString note;
    SAVED(c->saveNote(&note, {{u"title"_s, u"检查"_s}}, error));
    SYNC_OK(*c);
    CONVERGED(*c);
    const QSqlDatabase db = c->cache().database();
    const struct
    {
        const char *what;
        QString sql;
        const char *expected;
    } damages[] = {
        {"field", u"UPDATE records SET data = '{\"title\":\"x\"}' WHERE id = ?"_s, "shown fields"},
        {"confirmed field", u"UPDATE records SET server_data = '{}' WHERE id = ?"_s, "confirmed fields"},
        {"version", u"UPDATE records SET version = version + 1 WHERE id = ?"_s, "version"},
        {"deleted", u"UPDATE records SET local_deleted = 1 WHERE id = ?"_s, "deleted"},
        {"state", u"UPDATE records SET state = 1 WHERE id = ?"_s, "expected synced"},
        {"missing", u"DELETE FROM records WHERE id = ?"_s, "missing in the cache"},
        {"extra",
         u"INSERT INTO records (id, type, org_unit_id) SELECT id || '-copy', type, org_unit_id FROM records "
         u"WHERE id = ?"_s,
         "not on the server"},
    };
    for (const auto &d : damages) {
        QVERIFY(QSqlDatabase(db).transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(d.sql));
        q.addBindValue(note);
        QVERIFY2(q.exec(), d.what);
        const QString problems = c->problems();
        QVERIFY(QSqlDatabase(db).rollback());
        QVERIFY2(problems.contains(QLatin1String(d.expected)),
                 qPrintable(u"%1: %2"_s.arg(QLatin1String(d.what), problems)));
    }
    CONVERGED(*c);
    {
        Transaction tx(store());
        SqlQuery(store(), u"DELETE FROM record_history WHERE record_id = ? AND version = 1"_s)
            .bindText(note)
            .exec();
        QVERIFY(historyProblems(store()).contains(u"history rows"_s));
    } // rolled back
    QVERIFY(historyProblems(store()).isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"
