// Attachments: resumable uploads in chunks by SHA-256, deduplicated, limited in size, and downloads only for
// the uploader and for users who can see a record that refers to the file.
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/UserAdminService.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/sync_process/SyncApi.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kTzFinance = u"320612000000-finance"_s;
const QString kCcFinance = u"320602000000-finance"_s;
constexpr qint64 kMiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QHash<QString, QString> m_tokens;

    QString token(const QString &username)
    {
        if (!m_tokens.contains(username))
            m_tokens.insert(username, m_http->login(username, kPassword));
        return m_tokens.value(username);
    }

    qint64 now() { return m_server->clock().nowMs(); }

    HttpResult begin(const QString &username, const QString &sha, qint64 size,
                     const QString &mime = u"application/pdf"_s)
    {
        return m_http->post(u"/api/v1/attachments"_s,
                            {{u"sha256"_s, sha}, {u"size"_s, size}, {u"mimeType"_s, mime}}, token(username));
    }

    HttpResult put(const QString &username, const QString &sha, qint64 offset, const QByteArray &chunk,
                   HttpsClient *client = nullptr)
    {
        return (client ? *client : *m_http)
            .request("PUT", u"/api/v1/attachments/%1/content?offset=%2"_s.arg(sha).arg(offset), chunk,
                     token(username), "application/octet-stream");
    }

    HttpResult status(const QString &username, const QString &sha, HttpsClient *client = nullptr)
    {
        return (client ? *client : *m_http).get(u"/api/v1/attachments/%1/status"_s.arg(sha), token(username));
    }

    HttpResult download(const QString &username, const QString &sha)
    {
        return m_http->get(u"/api/v1/attachments/"_s + sha, token(username));
    }

    // Uploads the whole file in chunks of `chunk` bytes; false when any answer is not 200.
    bool upload(const QString &username, const QByteArray &data, qint64 chunk)
    {
        const QString sha = sha256(data);
        HttpResult r = begin(username, sha, data.size());
        if (r.status != 200)
            return false;
        qint64 offset = r.json.value(u"received"_s).toInteger();
        while (offset < data.size()) {
            r = put(username, sha, offset, data.mid(offset, chunk));
            if (r.status != 200)
                return false;
            offset = r.json.value(u"received"_s).toInteger();
        }
        return r.json.value(u"complete"_s).toBool();
    }

    qint64 scalar(const QString &sql, const QString &bind)
    {
        SqlQuery q(m_server->store(), sql);
        q.bindText(bind).exec();
        return q.next() ? q.int64(0) : -1;
    }

    qint64 version(const QString &id) { return scalar(u"SELECT version FROM records WHERE id = ?"_s, id); }

    QJsonObject pushOne(const QString &username, const QJsonObject &op)
    {
        const QList<QJsonObject> results =
            pushResults(pushOps(*m_http, token(username), QJsonArray{op}, now()));
        return results.size() == 1 ? results.first() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        {
            Store &store = m_server->store();
            PasswordHasher hasher(PasswordHasher::minimum());
            const QByteArray hash = hasher.hash(kPassword);
            Transaction tx(store);
            for (const auto &c :
                 {qMakePair(u"tz-finance"_s, kTzFinance), qMakePair(u"cc-finance"_s, kCcFinance)}) {
                UserAdminService::NewUser u;
                u.username = c.first;
                u.displayName = u"测试录入员"_s;
                u.roles = {Role::Clerk};
                u.orgUnitId = c.second.section(u'-', 0, 0);
                u.departmentId = c.second;
                UserAdminService::insertUser(store, u"test-"_s + c.first, u, hash, now(), {}, false);
            }
            tx.commit();
        }
        m_http = std::make_unique<HttpsClient>(*m_server);
        for (const QString &u : {u"tz-finance"_s, u"cc-finance"_s, u"county-clerk"_s, u"city-clerk"_s,
                                 u"city-supervisor"_s, u"town-clerk"_s})
            QVERIFY2(!token(u).isEmpty(), qPrintable(u));
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void chunkedUploadContinuesWhereItStopped()
    {
        const QByteArray data = randomBytes(5 * kMiB + 12345, 1);
        const QString sha = sha256(data);
        HttpResult r = begin(u"tz-finance"_s, sha, data.size());
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), 0);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), false);
        QCOMPARE(r.json.value(u"size"_s).toInteger(), data.size());

        r = put(u"tz-finance"_s, sha, 0, data.left(kMiB));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), kMiB);
        r = put(u"tz-finance"_s, sha, kMiB, data.mid(kMiB, kMiB));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), 2 * kMiB);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), false);

        // The program stops here. Started again (a new connection), it asks where to continue.
        HttpsClient again(*m_server);
        r = status(u"tz-finance"_s, sha, &again);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), 2 * kMiB);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), false);
        // Announcing the file again tells the same.
        r = begin(u"tz-finance"_s, sha, data.size());
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), 2 * kMiB);

        qint64 offset = status(u"tz-finance"_s, sha, &again).json.value(u"received"_s).toInteger();
        while (offset < data.size()) {
            const QByteArray chunk = data.mid(offset, 4 * kMiB); // the largest chunk allowed
            r = put(u"tz-finance"_s, sha, offset, chunk, &again);
            EXPECT_STATUS(r, 200);
            QCOMPARE(r.json.value(u"received"_s).toInteger(), offset + chunk.size());
            offset += chunk.size();
        }
        QCOMPARE(r.json.value(u"complete"_s).toBool(), true);
        r = status(u"tz-finance"_s, sha);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), true);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), data.size());

        const HttpResult d = download(u"tz-finance"_s, sha);
        EXPECT_STATUS(d, 200);
        QCOMPARE(d.body.size(), data.size());
        QVERIFY(d.body == data);
        QCOMPARE(d.header("content-type"), QByteArray("application/pdf"));
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'attachment.upload' AND target_id = ?"_s,
                   sha),
            1);
    }

    // Chunks cut off in flight (the connection dropped after a random moment): the server either took the
    // whole chunk or nothing of it, and its status says where to go on.
    void chunksCutOffInFlight()
    {
        const QByteArray data = randomBytes(12 * kMiB + 777, 9);
        const QString sha = sha256(data);
        EXPECT_STATUS(begin(u"tz-finance"_s, sha, data.size()), 200);
        QRandomGenerator rng(99);
        qint64 known = 0;
        int cut = 0, whole = 0;
        for (int attempt = 0; attempt < 200 && known < data.size(); ++attempt) {
            const QByteArray chunk = data.mid(known, 2 * kMiB);
            if (attempt % 2 == 0) {
                HttpsClient hasty(*m_server); // a new connection each time, dropped after a few milliseconds
                hasty.setTimeoutMs(int(rng.bounded(1, 40)));
                const HttpResult r = put(u"tz-finance"_s, sha, known, chunk, &hasty);
                cut += r.status == 0 ? 1 : 0;
            } else {
                const HttpResult r = put(u"tz-finance"_s, sha, known, chunk);
                whole += r.status == 200 ? 1 : 0;
            }
            const HttpResult s = status(u"tz-finance"_s, sha);
            EXPECT_STATUS(s, 200);
            const qint64 received = s.json.value(u"received"_s).toInteger();
            QVERIFY2(received == known || received == known + chunk.size(),
                     qPrintable(u"received %1 after sending %2 bytes at %3"_s.arg(received)
                                    .arg(chunk.size())
                                    .arg(known)));
            known = received;
        }
        QCOMPARE(known, data.size());
        QCOMPARE(status(u"tz-finance"_s, sha).json.value(u"complete"_s).toBool(), true);
        QVERIFY(cut > 0);
        QVERIFY(download(u"tz-finance"_s, sha).body == data);
        qInfo("%d chunks cut off in flight, %d sent whole", cut, whole);
    }

    void wrongOffsetIsRefusedWithWhereToContinue()
    {
        const QByteArray data = randomBytes(300 * 1024, 2);
        const QString sha = sha256(data);
        EXPECT_STATUS(begin(u"tz-finance"_s, sha, data.size()), 200);
        EXPECT_STATUS(put(u"tz-finance"_s, sha, 0, data.left(100 * 1024)), 200);

        // The same chunk again (an answer that got lost), and a chunk too far ahead.
        for (const qint64 wrong : {qint64(0), qint64(200 * 1024), qint64(100 * 1024 - 1)}) {
            const HttpResult r = put(u"tz-finance"_s, sha, wrong, data.mid(wrong, 100 * 1024));
            EXPECT_ERROR(r, 409, "CONFLICT");
            QCOMPARE(r.error().value(u"received"_s).toInteger(), 100 * 1024);
        }
        QCOMPARE(status(u"tz-finance"_s, sha).json.value(u"received"_s).toInteger(), 100 * 1024);

        // Past the announced size, an empty chunk, a bad offset, a file never announced.
        EXPECT_ERROR(put(u"tz-finance"_s, sha, 100 * 1024, randomBytes(201 * 1024, 3)), 413,
                     "PAYLOAD_TOO_LARGE");
        EXPECT_ERROR(put(u"tz-finance"_s, sha, 100 * 1024, QByteArray()), 400, "BAD_REQUEST");
        EXPECT_ERROR(m_http->request("PUT", u"/api/v1/attachments/%1/content?offset=-1"_s.arg(sha), "x",
                                     token(u"tz-finance"_s), "application/octet-stream"),
                     400, "BAD_REQUEST");
        EXPECT_ERROR(put(u"tz-finance"_s, sha256("never announced"), 0, "x"), 404, "NOT_FOUND");
        QCOMPARE(status(u"tz-finance"_s, sha).json.value(u"received"_s).toInteger(), 100 * 1024);

        // A chunk larger than 4 MiB is refused whatever the offset.
        const QByteArray big = randomBytes(10 * kMiB, 4);
        EXPECT_STATUS(begin(u"tz-finance"_s, sha256(big), big.size()), 200);
        EXPECT_ERROR(put(u"tz-finance"_s, sha256(big), 0, big.left(4 * kMiB + 1)), 413, "PAYLOAD_TOO_LARGE");
        QCOMPARE(status(u"tz-finance"_s, sha256(big)).json.value(u"received"_s).toInteger(), 0);

        // The right offset goes on.
        const HttpResult r = put(u"tz-finance"_s, sha, 100 * 1024, data.mid(100 * 1024));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), true);
        QVERIFY(download(u"tz-finance"_s, sha).body == data);
    }

    void hashMismatchRestartsTheUpload()
    {
        const QByteArray data = randomBytes(200 * 1024, 5);
        QByteArray other = data;
        other[150 * 1024] = char(other.at(150 * 1024) ^ 0x5a);
        const QString sha = sha256(data);
        EXPECT_STATUS(begin(u"tz-finance"_s, sha, data.size()), 200);
        EXPECT_STATUS(put(u"tz-finance"_s, sha, 0, other.left(100 * 1024)), 200);
        const HttpResult r = put(u"tz-finance"_s, sha, 100 * 1024, other.mid(100 * 1024));
        EXPECT_ERROR(r, 422, "VALIDATION_FAILED");
        QCOMPARE(r.errorField(), u"sha256"_s);

        HttpResult s = status(u"tz-finance"_s, sha);
        EXPECT_STATUS(s, 200);
        QCOMPARE(s.json.value(u"received"_s).toInteger(), 0);
        QCOMPARE(s.json.value(u"complete"_s).toBool(), false);
        EXPECT_ERROR(download(u"tz-finance"_s, sha), 404, "NOT_FOUND");
        EXPECT_ERROR(put(u"tz-finance"_s, sha, 100 * 1024, data.mid(100 * 1024)), 409, "CONFLICT");

        // From the start again, with the right bytes.
        EXPECT_STATUS(put(u"tz-finance"_s, sha, 0, data.left(120 * 1024)), 200);
        s = put(u"tz-finance"_s, sha, 120 * 1024, data.mid(120 * 1024));
        EXPECT_STATUS(s, 200);
        QCOMPARE(s.json.value(u"complete"_s).toBool(), true);
        QVERIFY(download(u"tz-finance"_s, sha).body == data);
    }

    void sameFileTwiceIsStoredOnce()
    {
        const QByteArray data = randomBytes(64 * 1024, 6);
        const QString sha = sha256(data);
        QVERIFY(upload(u"tz-finance"_s, data, 16 * 1024));

        // Someone else announces the same file: nothing to send.
        HttpResult r = begin(u"cc-finance"_s, sha, data.size());
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), true);
        QCOMPARE(r.json.value(u"received"_s).toInteger(), data.size());
        // A chunk sent anyway changes nothing.
        r = put(u"cc-finance"_s, sha, 0, data.left(1000));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"complete"_s).toBool(), true);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM attachments WHERE sha256 = ?"_s, sha), 1);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'attachment.upload' AND target_id = ?"_s,
                   sha),
            1);
        QVERIFY(download(u"tz-finance"_s, sha).body == data);
        // The same name with another size is a different claim, refused.
        EXPECT_ERROR(begin(u"cc-finance"_s, sha, data.size() + 1), 409, "CONFLICT");
    }

    void sizeAndInputLimits()
    {
        const QString sha = sha256("limits");
        EXPECT_ERROR(begin(u"tz-finance"_s, sha, 50 * kMiB + 1), 413, "PAYLOAD_TOO_LARGE");
        EXPECT_ERROR(begin(u"tz-finance"_s, sha, 0), 422, "VALIDATION_FAILED");
        EXPECT_STATUS(m_http->get(u"/api/v1/attachments/%1/status"_s.arg(sha), token(u"tz-finance"_s)), 404);
        const HttpResult ok = begin(u"tz-finance"_s, sha, 50 * kMiB);
        EXPECT_STATUS(ok, 200); // exactly 50 MiB is allowed
        QCOMPARE(ok.json.value(u"size"_s).toInteger(), 50 * kMiB);

        EXPECT_ERROR(begin(u"tz-finance"_s, sha.toUpper(), 10), 400, "BAD_REQUEST");
        EXPECT_ERROR(begin(u"tz-finance"_s, u"abc"_s, 10), 400, "BAD_REQUEST");
        // A path instead of a name gets an error, never a file.
        const HttpResult traversal =
            m_http->get(u"/api/v1/attachments/..%2F..%2Fetc%2Fpasswd"_s, token(u"tz-finance"_s));
        QVERIFY2((traversal.status == 400 || traversal.status == 404) && !traversal.errorCode().isEmpty(),
                 traversal.describe().constData());
        EXPECT_ERROR(m_http->post(u"/api/v1/attachments"_s,
                                  {{u"sha256"_s, sha}, {u"size"_s, 10}, {u"path"_s, u"/tmp/x"_s}},
                                  token(u"tz-finance"_s)),
                     400, "UNKNOWN_FIELD");
        // Leaders read; they upload nothing. Nobody without a session does. (Supervisors attach the documents
        // of their own records: audit reports, referral letters.)
        EXPECT_ERROR(begin(u"city-leader"_s, sha256("leader"), 10), 403, "FORBIDDEN");
        QCOMPARE(begin(u"city-supervisor"_s, sha256("supervisor"), 10).status, 200);
        EXPECT_STATUS(m_http->post(u"/api/v1/attachments"_s, {{u"sha256"_s, sha}, {u"size"_s, 10}}), 401);
        EXPECT_STATUS(m_http->get(u"/api/v1/health"_s), 200);
    }

    void downloadFollowsTheRecordsScope()
    {
        const QByteArray data = randomBytes(40 * 1024, 7);
        const QString sha = sha256(data);
        QVERIFY(upload(u"tz-finance"_s, data, 40 * 1024));

        // No record refers to it yet: only the uploader.
        EXPECT_STATUS(download(u"tz-finance"_s, sha), 200);
        for (const QString &u : {u"county-clerk"_s, u"city-clerk"_s, u"cc-finance"_s})
            EXPECT_ERROR(download(u, sha), 403, "FORBIDDEN");

        const QString id = contactId(kTzFinance, u"leader"_s);
        QJsonObject fields = newContactFields(u"leader"_s, u"任命文件"_s);
        fields.insert(u"documents"_s, QJsonArray{sha});
        const QJsonObject applied =
            pushOne(u"tz-finance"_s, contactOp(kTzFinance, u"leader"_s, 0, fields, now()));
        QCOMPARE(applied.value(u"status"_s).toString(), u"applied"_s);

        // Whoever can see the record can read its document: the county (another department too), the city,
        // the city's supervisor. Another county and a town below cannot.
        for (const QString &u : {u"county-clerk"_s, u"city-clerk"_s, u"city-supervisor"_s}) {
            const HttpResult r = download(u, sha);
            EXPECT_STATUS(r, 200);
            QVERIFY2(r.body == data, qPrintable(u));
        }
        for (const QString &u : {u"cc-finance"_s, u"town-clerk"_s})
            EXPECT_ERROR(download(u, sha), 403, "FORBIDDEN");
        EXPECT_ERROR(download(u"county-clerk"_s, sha256("no such file")), 404, "NOT_FOUND");

        // The record deleted: its document is the uploader's alone again.
        QJsonObject remove = contactOp(kTzFinance, u"leader"_s, version(id), {}, now());
        remove.insert(u"kind"_s, u"delete"_s);
        QCOMPARE(pushOne(u"tz-finance"_s, remove).value(u"status"_s).toString(), u"applied"_s);
        EXPECT_ERROR(download(u"county-clerk"_s, sha), 403, "FORBIDDEN");
        EXPECT_ERROR(download(u"city-clerk"_s, sha), 403, "FORBIDDEN");
        EXPECT_STATUS(download(u"tz-finance"_s, sha), 200);
    }

    void recordWithUnfinishedAttachmentIsRejected()
    {
        const QByteArray data = randomBytes(100 * 1024, 8);
        const QString sha = sha256(data);
        EXPECT_STATUS(begin(u"tz-finance"_s, sha, data.size()), 200);
        EXPECT_STATUS(put(u"tz-finance"_s, sha, 0, data.left(50 * 1024)), 200);

        const QString id = contactId(kTzFinance, u"liaison"_s);
        QJsonObject fields = newContactFields(u"liaison"_s, u"联络员"_s);
        fields.insert(u"documents"_s, QJsonArray{sha});
        const QJsonObject unfinished = contactOp(kTzFinance, u"liaison"_s, 0, fields, now());
        QJsonObject neverAnnounced = contactOp(kTzFinance, u"liaison"_s, 0, fields, now());
        neverAnnounced.insert(u"changedFields"_s,
                              QJsonObject{{u"contactRole"_s, u"liaison"_s},
                                          {u"name"_s, u"联络员"_s},
                                          {u"mobile"_s, u"13812345678"_s},
                                          {u"documents"_s, QJsonArray{sha256("never uploaded")}}});
        for (const QJsonObject &op : {unfinished, neverAnnounced}) {
            const QJsonObject r = pushOne(u"tz-finance"_s, op);
            QCOMPARE(r.value(u"status"_s).toString(), u"rejected"_s);
            QCOMPARE(r.value(u"code"_s).toString(), u"ATTACHMENT_MISSING"_s);
            QCOMPARE(r.value(u"field"_s).toString(), u"documents"_s);
        }
        QCOMPARE(version(id), -1); // not created
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM attachment_refs WHERE sha256 = ?"_s, sha), 0);

        // Upload finished: the same entry sent again as a new change applies; the refused one stays refused.
        EXPECT_STATUS(put(u"tz-finance"_s, sha, 50 * 1024, data.mid(50 * 1024)), 200);
        QCOMPARE(pushOne(u"tz-finance"_s, unfinished).value(u"code"_s).toString(), u"ATTACHMENT_MISSING"_s);
        QJsonObject resent = unfinished;
        resent.insert(u"opId"_s, newOpId());
        const QJsonObject r = pushOne(u"tz-finance"_s, resent);
        QCOMPARE(r.value(u"status"_s).toString(), u"applied"_s);
        QCOMPARE(version(id), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM attachment_refs WHERE sha256 = ?"_s, sha), 1);
        EXPECT_STATUS(download(u"county-clerk"_s, sha), 200);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
