// Attachments entered offline: the clerk's LocalCache keeps a copy of each file (by SHA-256, once), and the
// SyncEngine uploads it in chunks before the changes that refer to it, against the real server in-process
// over TLS, on SQLite and PostgreSQL. Interrupted uploads continue from the server's offset; a file missing
// on the PC sets only the changes referring to it aside.
#include "common/sync/RecordType.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using app::RecordState;

namespace {

const QString kPhotoType = u"test-photo"_s;

// A visit-like record: a title and up to three photos.
class TestPhotoType final : public sync::RecordType
{
public:
    TestPhotoType()
        : RecordType(kPhotoType, u"测试照片记录"_s)
    {}
    QList<sync::FieldSpec> fields() const override
    {
        return {sync::FieldSpec(u"title"_s, sync::FieldKind::Text, u"标题"_s).max(60).require(),
                sync::FieldSpec(u"photos"_s, sync::FieldKind::Attachments, u"照片"_s).max(3)};
    }
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &p) const override
    {
        if (!actor.hasRole(Role::Clerk) || !actor.coversOrgPath(p.orgPath))
            return u"只有本辖区录入员可以录入"_s;
        return std::nullopt;
    }
};

void registerPhotoType()
{
    static QMutex mutex;
    static bool done = false;
    QMutexLocker lock(&mutex);
    if (done)
        return;
    sync::RecordTypes::add(std::make_unique<TestPhotoType>());
    done = true;
}

QByteArray randomBytes(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator *gen = QRandomGenerator::global();
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(gen->generate() & 0xff);
    return data;
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestSyncAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void offlinePhotoReachesServer();
    void brokenUploadResumesFromServerOffset();
    void samePhotoInTwoRecordsStoredOnce();
    void missingLocalFileSetsOperationAside();
    void tooLargeFileRefused();
    void migrationFromVersion3KeepsData();

private:
    QString cacheFile(const QString &username)
    {
        return m_dir.filePath(u"%1-%2.sqlite"_s.arg(username).arg(++m_caches));
    }
    // Writes `data` to a new file of the test's folder.
    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(u"src-%1-%2"_s.arg(++m_files).arg(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return path;
    }
    QString savePhotoRecord(SyncClient &c, QString *recordId, const QString &title, const QStringList &shas,
                            QString *error)
    {
        if (recordId->isEmpty())
            *recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return c.save(kPhotoType, *recordId, c.user().orgUnitId, {},
                      {{u"title"_s, title}, {u"photos"_s, QJsonArray::fromStringList(shas)}}, error);
    }
    // The file as the server gives it to its uploader.
    QByteArray download(SyncClient &c, const QString &sha)
    {
        HttpsClient http(*m_fixture);
        const HttpResult r = http.get(u"/api/v1/attachments/"_s + sha, c.api().token());
        return r.status == 200 ? r.body : QByteArray();
    }
    Store &store() { return m_fixture->store(); }

    std::unique_ptr<ServerFixture> m_fixture;
    QTemporaryDir m_dir;
    int m_caches = 0;
    int m_files = 0;
};

void TestSyncAttachments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SunshineTest"_s);
    QCoreApplication::setApplicationName(u"tst_sync_attachments"_s);
    QVERIFY(m_dir.isValid());
    registerTestNoteType();
    registerPhotoType();
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    qInfo("store: %s", qPrintable(testStoreName()));
}

void TestSyncAttachments::cleanup()
{
    const QString problems = historyProblems(store());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestSyncAttachments::cleanupTestCase()
{
    m_fixture.reset();
}

// A photo added while offline is kept beside the cache (the original may go), uploaded before the record, and
// the record is applied with it.
void TestSyncAttachments::offlinePhotoReachesServer()
{
    app::SyncEngine::Options options = SyncClient::quietOptions();
    START_CLIENT(c, u"county-clerk"_s, options);
    SYNC_OK(*c);

    c->api().setServerUrl(closedPortUrl());
    const QByteArray photo = randomBytes(3 * 1024 * 1024 + 321);
    const QString source = writeFile(u"现场照片.jpg"_s, photo);
    QVERIFY(!source.isEmpty());
    QString addError;
    const QString sha = c->cache().addAttachment(source, &addError);
    QVERIFY2(!sha.isEmpty(), qPrintable(addError));
    QCOMPARE(sha, sha256(photo));
    QVERIFY(QFile::remove(source)); // moved away by the clerk: the cache has its own copy
    QVERIFY(QFile::exists(c->cache().attachmentPath(sha)));
    QVERIFY(c->cache().attachmentName(sha).endsWith(u"-现场照片.jpg"_s));
    QString id;
    SAVED(savePhotoRecord(*c, &id, u"走访"_s, {sha}, error));
    QCOMPARE(c->cache().pendingUploads(), QStringList{sha});

    const SyncClient::Round offline = c->sync();
    QVERIFY(offline.ended);
    QVERIFY(!offline.ok);
    QCOMPARE(c->cache().pendingUploads(), QStringList{sha});

    c->api().setServerUrl(m_fixture->baseUrl());
    QList<qint64> sent;
    connect(&c->engine(), &app::SyncEngine::uploadProgress, this,
            [&sent](const QString &, const QString &, qint64 done, qint64) { sent.append(done); });
    SYNC_OK(*c);
    QVERIFY(c->cache().pendingUploads().isEmpty());
    QCOMPARE(c->engine().uploadedBytes(), qint64(photo.size()));
    QVERIFY2(sent.size() >= 4, "chunks of at most 1 MiB"); // 3 MiB + 321 bytes: four chunks
    QCOMPARE(sent.last(), qint64(photo.size()));
    QCOMPARE(scalar(store(),
                    u"SELECT COUNT(*) FROM attachments WHERE sha256 = ? AND complete = 1 AND size = ?"_s,
                    {sha, qint64(photo.size())}),
             1);
    QCOMPARE(download(*c, sha), photo);
    const auto server = serverRecords(store());
    QVERIFY(server.contains(id));
    QCOMPARE(server.value(id).fields.value(u"photos"_s).toArray(), QJsonArray{sha});
    CONVERGED(*c);
}

// A round stopped after the first chunk: the next round asks the server where it stands and sends only the
// rest.
void TestSyncAttachments::brokenUploadResumesFromServerOffset()
{
    const int chunk = 64 * 1024;
    app::SyncEngine::Options options = SyncClient::quietOptions();
    options.uploadChunkBytes = chunk;
    START_CLIENT(c, u"county-clerk"_s, options);
    SYNC_OK(*c);

    const QByteArray photo = randomBytes(1024 * 1024 + 777);
    QString addError;
    const QString sha = c->cache().addAttachment(writeFile(u"户口本.png"_s, photo), &addError);
    QVERIFY2(!sha.isEmpty(), qPrintable(addError));
    QString id;
    SAVED(savePhotoRecord(*c, &id, u"断点续传"_s, {sha}, error));

    int chunks = 0;
    const QMetaObject::Connection stopper = connect(&c->engine(), &app::SyncEngine::uploadProgress, this,
                                                    [&](const QString &, const QString &, qint64, qint64) {
                                                        if (++chunks == 1)
                                                            c->engine().cancel();
                                                    });
    const SyncClient::Round broken = c->sync();
    disconnect(stopper);
    QVERIFY(broken.ended);
    QVERIFY(!broken.ok);
    QCOMPARE(broken.finishedSignals, 1);
    QCOMPARE(c->engine().uploadedBytes(), qint64(chunk));
    QCOMPARE(scalar(store(), u"SELECT received FROM attachments WHERE sha256 = ?"_s, {sha}), qint64(chunk));
    QCOMPARE(scalar(store(), u"SELECT complete FROM attachments WHERE sha256 = ?"_s, {sha}), 0);
    QVERIFY(!serverRecords(store()).contains(id));
    QCOMPARE(c->cache().pendingUploads(), QStringList{sha});

    SYNC_OK(*c);
    QCOMPARE(c->engine().uploadedBytes(), qint64(photo.size() - chunk)); // nothing sent twice
    QCOMPARE(download(*c, sha), photo);
    QVERIFY(serverRecords(store()).contains(id));
    CONVERGED(*c);
}

// The same photo added twice (two copies with different names) is one file here and on the server, sent once,
// referred to by both records.
void TestSyncAttachments::samePhotoInTwoRecordsStoredOnce()
{
    START_CLIENT(c, u"county-clerk"_s);
    SYNC_OK(*c);
    const QByteArray photo = randomBytes(700 * 1024);
    QString addError;
    const QString a = c->cache().addAttachment(writeFile(u"a.jpg"_s, photo), &addError);
    const QString b = c->cache().addAttachment(writeFile(u"b.jpg"_s, photo), &addError);
    QVERIFY2(!a.isEmpty(), qPrintable(addError));
    QCOMPARE(a, b);
    QCOMPARE(QDir(c->cache().path() + u".files"_s).entryList(QDir::Files).size(), 1);
    QString first, second;
    SAVED(savePhotoRecord(*c, &first, u"一"_s, {a}, error));
    SAVED(savePhotoRecord(*c, &second, u"二"_s, {a}, error));
    QCOMPARE(c->cache().pendingUploads(), QStringList{a});
    SYNC_OK(*c);
    QCOMPARE(c->engine().uploadedBytes(), qint64(photo.size()));
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM attachments WHERE sha256 = ?"_s, {a}), 1);
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM attachment_refs WHERE sha256 = ?"_s, {a}), 2);
    CONVERGED(*c);
}

// A file gone from the cache's folder: the change referring to it is set aside with the reason; other
// changes (with and without files) are sent.
void TestSyncAttachments::missingLocalFileSetsOperationAside()
{
    START_CLIENT(c, u"county-clerk"_s);
    SYNC_OK(*c);
    QString addError;
    const QString lost =
        c->cache().addAttachment(writeFile(u"lost.jpg"_s, randomBytes(200 * 1024)), &addError);
    const QString kept =
        c->cache().addAttachment(writeFile(u"kept.jpg"_s, randomBytes(150 * 1024)), &addError);
    QVERIFY2(!lost.isEmpty() && !kept.isEmpty(), qPrintable(addError));
    QVERIFY(QFile::remove(c->cache().attachmentPath(lost)));
    QString withLost, withKept, plain;
    SAVED(savePhotoRecord(*c, &withLost, u"丢失"_s, {lost}, error));
    SAVED(savePhotoRecord(*c, &withKept, u"完好"_s, {kept}, error));
    SAVED(c->saveNote(&plain, {{u"title"_s, u"无附件"_s}}, error));

    SYNC_OK(*c);
    const std::optional<app::CachedRecord> rec = c->cache().record(withLost);
    QVERIFY(rec);
    QCOMPARE(rec->state, RecordState::Rejected);
    QCOMPARE(rec->stateCode, u"ATTACHMENT_MISSING"_s);
    QVERIFY2(rec->stateMessage.contains(u"lost.jpg"_s) && rec->stateMessage.contains(u"找不到"_s),
             qPrintable(rec->stateMessage));
    const auto server = serverRecords(store());
    QVERIFY(!server.contains(withLost));
    QVERIFY(server.contains(withKept));
    QVERIFY(server.contains(plain));
    QCOMPARE(scalar(store(), u"SELECT COUNT(*) FROM attachments WHERE sha256 = ?"_s, {lost}), 0);
    CONVERGED(*c, {withLost});
}

void TestSyncAttachments::tooLargeFileRefused()
{
    app::LocalCache cache(m_dir.filePath(u"large.sqlite"_s));
    QString error;
    QVERIFY2(cache.open(&error), qPrintable(error));
    const QString path = m_dir.filePath(u"big.pdf"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(app::LocalCache::kMaxAttachmentBytes + 1)); // sparse: nothing written
    }
    QVERIFY(cache.addAttachment(path, &error).isEmpty());
    QVERIFY2(error.contains(u"50 MB"_s), qPrintable(error));
    QVERIFY(cache.addAttachment(m_dir.filePath(u"no-such-file.jpg"_s), &error).isEmpty());
    QVERIFY(error.contains(u"无法读取"_s));
}

// A cache made by the previous program (user_version 3, no attachment table) opens with its records and
// outbox kept.
void TestSyncAttachments::migrationFromVersion3KeepsData()
{
    const QString path = m_dir.filePath(u"old.sqlite"_s);
    QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        app::LocalCache cache(path);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        app::LocalCache::Change change;
        change.type = QString::fromUtf16(kTestNoteType);
        change.recordId = id;
        change.orgUnitId = u"320612000000"_s;
        change.changedFields = {{u"title"_s, u"旧记录"_s}};
        QVERIFY2(!cache.save(change, 1000, &error).isEmpty(), qPrintable(error));
        QSqlDatabase db = cache.database();
        QSqlQuery q(db);
        QVERIFY(q.exec(u"DROP TABLE attachments"_s));
        // The hand-named field index of versions 3-5, replaced in version 6 by those the fields declare (and
        // in version 7 by one per type).
        QVERIFY(
            q.exec(u"CREATE INDEX IF NOT EXISTS records_by_householdId ON records(type, json_extract(data, "
                   u"'$.householdId'))"_s));
        QVERIFY(q.exec(
            u"CREATE INDEX records_household ON records(type, json_extract(data, '$.householdId'))"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 3"_s));
    }
    app::LocalCache cache(path);
    QString error;
    QVERIFY2(cache.open(&error), qPrintable(error));
    {
        QSqlQuery q(cache.database());
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 7);
        QStringList indexes;
        QVERIFY(q.exec(
            u"SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'records_%' ORDER BY name"_s));
        while (q.next())
            indexes.append(q.value(0).toString());
        const QString all = indexes.join(u' ');
        QVERIFY2(!indexes.contains(u"records_household"_s), qPrintable(all));
        // One partial index per type and field (version 7), none over every type.
        QVERIFY2(!indexes.contains(u"records_by_householdId"_s), qPrintable(all));
        QVERIFY2(all.contains(u"records_by_householdId__"_s), qPrintable(all));
        QVERIFY2(all.contains(u"records_by_pairingId__"_s), qPrintable(all));
        QVERIFY2(indexes.contains(u"records_order_householdNo__household"_s), qPrintable(all));
        QVERIFY(
            q.exec(
                u"SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'records_order_householdNo__household'"_s) &&
            q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    QCOMPARE(cache.pendingCount(), 1);
    QCOMPARE(cache.record(id)->record.fields.value(u"title"_s).toString(), u"旧记录"_s);
    const QString sha = cache.addAttachment(writeFile(u"新.jpg"_s, randomBytes(1000)), &error);
    QVERIFY2(!sha.isEmpty(), qPrintable(error));
    QVERIFY(cache.pendingUploads().isEmpty()); // not referred to by any change yet
}

QTEST_GUILESS_MAIN(TestSyncAttachments)
#include "tst_sync_attachments.moc"
