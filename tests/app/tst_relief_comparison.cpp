// The comparison (比对, Art. 9 and 26) in the desktop program, against the real server in-process over TLS: a
// GBK CSV of results imported into the identification cases of a county reviewer's cache (new hits appended,
// one save per case, duplicates skipped, unmatched and malformed rows reported with their line numbers), hits
// cleared with a reason or confirmed, and every view of the hits logged with its reason: queued in the cache
// while offline and delivered to the server's audit log after the next successful sync.
#include "app/net/ApiClient.h"
#include "app/records/RecordListView.h"
#include "app/relief/CasesView.h"
#include "app/relief/ComparisonDialog.h"
#include "app/relief/DisclosureDialog.h"
#include "app/sync/ClientSession.h"
#include "app/sync/ViewLog.h"
#include "common/core/IdCard.h"
#include "common/relief/CaseTypes.h"
#include "server/demo/DemoData.h"
#include "server/store/Store.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kVillage2 = DemoData::villageId(kTown, 1);
const QString kIdentification = QString::fromUtf16(relief::IdentificationCaseType::kName);

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString idNumber(int n)
{
    const QString first17 =
        u"320612"_s + QDate(1961, 1, 1).addDays(n * 7).toString(u"yyyyMMdd"_s) + u"%1"_s.arg(400 + n, 3);
    return first17 + IdCard::checkCharacter(first17);
}

QJsonObject caseFields(const QString &name, const QString &number)
{
    return {{u"year"_s, 2026},          {u"applicantName"_s, name},        {u"applicantIdNumber"_s, number},
            {u"members"_s, 3},          {u"perCapitaIncomeFen"_s, 520000}, {u"reason"_s, u"因病致贫"_s},
            {u"steps"_s, QJsonArray()}, {u"hits"_s, QJsonArray()}};
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void importGbkCsv();
    void badFiles();
    void hitsViewAsksReasonOnceAndLogs();
    void clearAndConfirm();
    void viewLogQueuedOfflineDeliveredAfterSync();
    void viewOfLocalOnlyRecordWaitsForItsSync();
    void onlyCountyAndCityReviewers();
    void supervisorReadsHitsWithReason();

private:
    bool sync();
    QJsonArray hitsOf(const QString &caseId)
    {
        return m_session->cache().record(caseId)->record.fields.value(u"hits"_s).toArray();
    }
    QJsonArray serverHitsOf(const QString &caseId)
    {
        SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE id = ?"_s);
        q.bindText(caseId).exec();
        return q.next() ? QJsonDocument::fromJson(q.text(0).toUtf8()).object().value(u"hits"_s).toArray()
                        : QJsonArray();
    }
    qint64 viewsLogged(const QString &caseId, const QString &reason)
    {
        SqlQuery q(m_server->store(), u"SELECT detail, actor_name FROM audit_log WHERE action = "
                                      u"'personal-data.view' AND target_id = ?"_s);
        q.bindText(caseId).exec();
        qint64 n = 0;
        while (q.next()) {
            const QJsonObject d = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
            if (d.value(u"reason"_s).toString() == reason && q.text(1) == u"county-reviewer"_s &&
                d.value(u"what"_s).toString() == u"comparison"_s)
                ++n;
        }
        return n;
    }
    QString writeGbk(const QString &name, const QString &text)
    {
        QStringEncoder encoder("GB18030");
        const QByteArray bytes = encoder.encode(text);
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }
    int rowOf(const ComparisonDialog &dialog, const QString &caseId, const QString &source)
    {
        for (int r = 0; r < dialog.hitsTable()->rowCount(); ++r) {
            if (dialog.caseAt(r) == caseId &&
                hitsOf(caseId).at(dialog.hitIndexAt(r)).toObject().value(u"source"_s).toString() == source)
                return r;
        }
        return -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ClientSession> m_session;
    QString m_caseA;      // 通州区, first village: two hits from the import
    QString m_caseB;      // second village: one hit
    QString m_caseClosed; // refused at the first step
    QString m_numberA = idNumber(1);
    QString m_numberB = idNumber(2);
    QString m_numberClosed = idNumber(3);
    QString m_numberNone = idNumber(4); // valid, no case
};

bool TestComparison::sync()
{
    QSignalSpy spy(&m_session->engine(), &SyncEngine::finished);
    m_session->engine().syncNow();
    if (spy.isEmpty() && !spy.wait(60000))
        return false;
    if (!spy.first().at(0).toBool())
        qWarning("sync failed: %s", qPrintable(spy.first().at(1).toString()));
    return spy.first().at(0).toBool();
}

void TestComparison::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QStringDecoder("GB18030").isValid(), "GBK files need a Qt with ICU");
    m_server = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_http = std::make_unique<HttpsClient>(*m_server);

    // Cases entered by the town clerk, on the server.
    const QString clerk = m_http->login(u"town-clerk"_s, kPassword);
    QVERIFY(!clerk.isEmpty());
    m_caseA = newId();
    m_caseB = newId();
    QJsonArray ops;
    const QList<std::tuple<QString, QString, QString, QString>> cases{
        {m_caseA, kVillage, u"甲申请"_s, m_numberA}, {m_caseB, kVillage2, u"乙申请"_s, m_numberB}};
    for (const auto &[id, village, name, number] : cases)
        ops.append(QJsonObject{{u"opId"_s, newId()},
                               {u"recordId"_s, id},
                               {u"type"_s, kIdentification},
                               {u"orgUnitId"_s, village},
                               {u"kind"_s, u"upsert"_s},
                               {u"baseVersion"_s, 0},
                               {u"changedFields"_s, caseFields(name, number)},
                               {u"deviceTime"_s, m_server->clock().nowMs()}});
    const HttpResult pushed = m_http->post(
        u"/api/v1/sync/push"_s, {{u"deviceNow"_s, m_server->clock().nowMs()}, {u"operations"_s, ops}}, clerk);
    QVERIFY2(pushed.status == 200, pushed.describe().constData());
    for (const QJsonValue &v : pushed.json.value(u"results"_s).toArray())
        QVERIFY2(v.toObject().value(u"status"_s).toString() == u"applied"_s,
                 QJsonDocument(v.toObject()).toJson().constData());

    // The county reviewer's program.
    const QString token = m_http->login(u"county-reviewer"_s, kPassword);
    QVERIFY(!token.isEmpty());
    const UserInfo user = LoginResult::fromJson(m_http->lastLogin().json).user;
    QCOMPARE(user.orgLevel, OrgLevel::County);
    m_api = std::make_unique<ApiClient>();
    m_api->setServerUrl(m_server->baseUrl());
    m_api->setExtraCaCertificates({m_server->caCertificate()});
    m_api->setToken(token);
    m_session = std::make_unique<ClientSession>(*m_api, user, m_dir.filePath(u"county-reviewer.sqlite"_s),
                                                m_server->clock());
    QVERIFY2(m_session->open(&error), qPrintable(error));
    QVERIFY(sync());
    QVERIFY(m_session->cache().record(m_caseA));
    QVERIFY(m_session->cache().record(m_caseB));

    // A case closed at its first step, as the server would have sent it.
    m_caseClosed = newId();
    sync::Record closed;
    closed.id = m_caseClosed;
    closed.type = kIdentification;
    closed.orgUnitId = kVillage;
    closed.version = 3;
    closed.updatedAtMs = m_server->clock().nowMs();
    QJsonObject fields = caseFields(u"丙申请"_s, m_numberClosed);
    fields.insert(u"steps"_s, QJsonArray{QJsonObject{{u"step"_s, u"group-review"_s},
                                                     {u"passed"_s, false},
                                                     {u"date"_s, u"2026-02-20"_s},
                                                     {u"person"_s, u"李组长"_s},
                                                     {u"opinion"_s, u"收入超过标准"_s}}});
    closed.fields = fields;
    sync::PullPage page;
    page.records = {closed};
    page.cursor = m_session->cache().cursor();
    QVERIFY2(m_session->cache().applyPull(page, &error), qPrintable(error));
    QVERIFY(relief::caseState(
                relief::CaseKind::Identification,
                relief::stepsFromJson(
                    m_session->cache().record(m_caseClosed)->record.fields.value(u"steps"_s).toArray()))
                .refused);
}

void TestComparison::cleanupTestCase()
{
    m_session.reset();
    m_api.reset();
    m_http.reset();
    m_server.reset();
}

// Good rows become open hits of their case (one save each), unmatched and malformed rows are reported with
// their line numbers, and nothing is added twice, neither within a file nor on a second import.
void TestComparison::importGbkCsv()
{
    const QString csv =
        u"身份证号,比对来源,比对情况\r\n"_s    // line 1
        u"%1,车辆,名下登记小型轿车一辆\r\n"_s  // 2: A
        u"%2,公积金,在职缴存公积金\r\n"_s      // 3: B
        u"%3,房产,城区住房一套（120㎡）\r\n"_s // 4: A
        u"%4,社保,企业职工养老保险在缴\r\n"_s  // 5: no case
        u"%5,车辆,某车\r\n"_s                  // 6: bad check digit
        u"%1,飞机,私人飞机\r\n"_s              // 7: unknown source
        u"%1,车辆,\r\n"_s                      // 8: no detail
        u",,\r\n"_s                            // 9: blank, skipped
        u"%1,车辆,名下登记小型轿车一辆\r\n"_s  // 10: the same hit again
        u"%6,车辆,名下登记货车一辆\r\n"_s      // 11: closed case
        u",车辆,无号码\r\n"_s                  // 12: no ID number
            .arg(m_numberA, m_numberB, m_numberA, m_numberNone,
                 m_numberA.left(17) + (m_numberA.endsWith(u'0') ? u"1"_s : u"0"_s), m_numberClosed);
    const QString path = writeGbk(u"results.csv"_s, csv);
    QVERIFY(!path.isEmpty());
    // Really GBK: not readable as UTF-8.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8.decode(f.readAll());
        QVERIFY(!decoded.isEmpty());
        QVERIFY(utf8.hasError());
    }

    const int pendingBefore = m_session->cache().pendingCount();
    ComparisonDialog dialog(*m_session);
    QVERIFY(dialog.canCompare());
    const ComparisonDialog::ImportReport rep = dialog.importFile(path);
    QVERIFY2(rep.error.isEmpty(), qPrintable(rep.error));
    QCOMPARE(rep.rows, 10);
    QCOMPARE(rep.hitsAdded, 3);
    QCOMPARE(rep.casesChanged, 2);
    QCOMPARE(rep.duplicates, 1);
    QList<int> unmatched;
    for (const auto &p : rep.unmatched)
        unmatched.append(p.line);
    QCOMPARE(unmatched, QList<int>({5, 11}));
    QVERIFY2(rep.unmatched.at(0).reason.contains(IdCard::masked(m_numberNone)),
             qPrintable(rep.unmatched.at(0).reason));
    QVERIFY2(rep.unmatched.at(1).reason.contains(u"closed"_s), qPrintable(rep.unmatched.at(1).reason));
    QList<int> malformed;
    for (const auto &p : rep.malformed)
        malformed.append(p.line);
    QCOMPARE(malformed, QList<int>({6, 7, 8, 12}));
    QVERIFY2(rep.malformed.at(1).reason.contains(u"飞机"_s), qPrintable(rep.malformed.at(1).reason));
    QVERIFY(dialog.report().contains(u"line 5"_s));
    QVERIFY(dialog.report().contains(u"line 12"_s));
    // The report never shows a full ID number.
    QVERIFY(!dialog.report().contains(m_numberNone));

    // One save per case that got hits.
    QCOMPARE(m_session->cache().pendingCount(), pendingBefore + 2);
    const QJsonArray a = hitsOf(m_caseA);
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).toObject(), QJsonObject({{u"source"_s, u"vehicles"_s},
                                              {u"detail"_s, u"名下登记小型轿车一辆"_s},
                                              {u"status"_s, u"open"_s}}));
    QCOMPARE(a.at(1).toObject().value(u"source"_s).toString(), u"housing"_s);
    QCOMPARE(a.at(1).toObject().value(u"detail"_s).toString(), u"城区住房一套（120㎡）"_s);
    const QJsonArray b = hitsOf(m_caseB);
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.at(0).toObject().value(u"source"_s).toString(), u"provident-fund"_s);
    QVERIFY(hitsOf(m_caseClosed).isEmpty());

    // The same file again adds nothing and saves nothing.
    const ComparisonDialog::ImportReport again = dialog.importFile(path);
    QCOMPARE(again.hitsAdded, 0);
    QCOMPARE(again.casesChanged, 0);
    QCOMPARE(again.duplicates, 4);
    QCOMPARE(m_session->cache().pendingCount(), pendingBefore + 2);
    QCOMPARE(hitsOf(m_caseA).size(), 2);

    // The server takes them as they are.
    QVERIFY(sync());
    QCOMPARE(m_session->cache().pendingCount(), 0);
    QCOMPARE(serverHitsOf(m_caseA), hitsOf(m_caseA));
    QCOMPARE(serverHitsOf(m_caseB).size(), 1);
}

void TestComparison::badFiles()
{
    ComparisonDialog dialog(*m_session);
    const int pending = m_session->cache().pendingCount();
    ComparisonDialog::ImportReport rep =
        dialog.importFile(writeGbk(u"columns.csv"_s, u"身份证号,来源说明\r\n%1,车辆\r\n"_s.arg(m_numberA)));
    QVERIFY2(rep.error.contains(u"比对来源"_s) && rep.error.contains(u"比对情况"_s), qPrintable(rep.error));
    QCOMPARE(rep.hitsAdded, 0);
    rep = dialog.importFile(m_dir.filePath(u"missing.csv"_s));
    QVERIFY(!rep.error.isEmpty());
    QVERIFY(!dialog.report().isEmpty());
    QCOMPARE(m_session->cache().pendingCount(), pending);
    QCOMPARE(ComparisonDialog::sourceFromText(u"社保"_s), std::optional<QString>(u"social-security"_s));
    QCOMPARE(ComparisonDialog::sourceFromText(u" 房产 "_s), std::optional<QString>(u"housing"_s));
    QCOMPARE(ComparisonDialog::sourceFromText(u"公积金"_s), std::optional<QString>(u"provident-fund"_s));
    QVERIFY(!ComparisonDialog::sourceFromText(u"银行"_s));
}

// The hits are shown only after the reason was given, asked once per dialog; each case shown is logged once
// and, online, reaches the server's audit log at once.
void TestComparison::hitsViewAsksReasonOnceAndLogs()
{
    ViewLog &log = ViewLog::of(*m_session);
    QCOMPARE(&ViewLog::of(*m_session), &log); // one per session
    QSignalSpy delivered(&log, &ViewLog::delivered);
    ComparisonDialog dialog(*m_session);
    int asked = 0;
    QString answer;
    dialog.setReasonPrompt([&] {
        ++asked;
        return answer;
    });
    QVERIFY(!dialog.showHits());
    QCOMPARE(asked, 1);
    QCOMPARE(dialog.hitsTable()->rowCount(), 0);
    QVERIFY(!dialog.problem().isEmpty());
    QCOMPARE(log.pendingCount(), 0);

    const QString reason = u"县级审批前核对比对疑点"_s;
    answer = reason;
    QVERIFY(dialog.showHits());
    QCOMPARE(asked, 2);
    QCOMPARE(dialog.queryReason(), reason);
    const QStringList shown = dialog.shownCases();
    QCOMPARE(QSet<QString>(shown.begin(), shown.end()), QSet<QString>({m_caseA, m_caseB}));
    QCOMPARE(dialog.hitsTable()->rowCount(), 3);
    const int rowA = rowOf(dialog, m_caseA, u"vehicles"_s);
    QVERIFY(rowA >= 0);
    QCOMPARE(dialog.hitsTable()->item(rowA, 0)->text(), u"甲申请"_s);
    QCOMPARE(dialog.hitsTable()->item(rowA, 2)->text(), u"车辆"_s);
    QCOMPARE(dialog.hitsTable()->item(rowA, 3)->text(), u"名下登记小型轿车一辆"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), 15000);
    QCOMPARE(delivered.first().at(0).toInt(), 2);
    QCOMPARE(log.pendingCount(), 0);
    QCOMPARE(viewsLogged(m_caseA, reason), 1);
    QCOMPARE(viewsLogged(m_caseB, reason), 1);

    // Shown again (and after a change): not asked again, not logged again.
    QVERIFY(dialog.showHits());
    QCOMPARE(asked, 2);
    QTest::qWait(200);
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(viewsLogged(m_caseA, reason), 1);
    QVERIFY(m_server->services().audit.verify().intact);
}

void TestComparison::clearAndConfirm()
{
    ComparisonDialog dialog(*m_session);
    dialog.setReasonPrompt([] { return u"处理比对疑点"_s; });
    QVERIFY(!dialog.clearHit(0, u"理由"_s)); // nothing shown yet
    QVERIFY(dialog.showHits());
    const int pending = m_session->cache().pendingCount();

    int row = rowOf(dialog, m_caseA, u"vehicles"_s);
    QVERIFY(!dialog.clearHit(row, u"  "_s));
    QVERIFY(!dialog.problem().isEmpty());
    QCOMPARE(m_session->cache().pendingCount(), pending);
    QVERIFY2(dialog.clearHit(row, u"车辆已于 2025 年报废注销"_s), qPrintable(dialog.problem()));
    QJsonObject hit = hitsOf(m_caseA).at(0).toObject();
    QCOMPARE(hit.value(u"status"_s).toString(), u"cleared"_s);
    QCOMPARE(hit.value(u"reason"_s).toString(), u"车辆已于 2025 年报废注销"_s);
    QCOMPARE(m_session->cache().pendingCount(), pending + 1);
    row = rowOf(dialog, m_caseA, u"vehicles"_s);
    QCOMPARE(dialog.hitsTable()->item(row, 4)->text(), u"Cleared"_s);
    QCOMPARE(dialog.hitsTable()->item(row, 5)->text(), u"车辆已于 2025 年报废注销"_s);
    // Resolved once: neither cleared nor confirmed again.
    QVERIFY(!dialog.confirmHit(row));
    QCOMPARE(m_session->cache().pendingCount(), pending + 1);

    row = rowOf(dialog, m_caseA, u"housing"_s);
    QVERIFY2(dialog.confirmHit(row), qPrintable(dialog.problem()));
    hit = hitsOf(m_caseA).at(1).toObject();
    QCOMPARE(hit.value(u"status"_s).toString(), u"confirmed"_s);
    QCOMPARE(m_session->cache().pendingCount(), pending + 2);
    QCOMPARE(hitsOf(m_caseA).size(), 2);
    QCOMPARE(hitsOf(m_caseA).at(0).toObject().value(u"status"_s).toString(), u"cleared"_s);
    QCOMPARE(relief::unresolvedHits(relief::hitsFromJson(hitsOf(m_caseA))), 1);

    QVERIFY(sync());
    QCOMPARE(m_session->cache().pendingCount(), 0);
    const QJsonArray server = serverHitsOf(m_caseA);
    QCOMPARE(server.at(0).toObject().value(u"status"_s).toString(), u"cleared"_s);
    QCOMPARE(server.at(1).toObject().value(u"status"_s).toString(), u"confirmed"_s);
}

// Offline, the views wait in the cache's meta; the next successful sync delivers them.
void TestComparison::viewLogQueuedOfflineDeliveredAfterSync()
{
    ViewLog &log = ViewLog::of(*m_session);
    // Views of the tests before are delivered first (on a busy machine they may still be on their way).
    QVERIFY(sync());
    QTRY_COMPARE_WITH_TIMEOUT(log.pendingCount(), 0, 15000);
    QSignalSpy failed(&log, &ViewLog::sendFailed);
    QSignalSpy delivered(&log, &ViewLog::delivered);
    const QString reason = u"离线核对第一村"_s;
    m_api->setServerUrl(closedPortUrl());
    {
        ComparisonDialog dialog(*m_session, kVillage);
        dialog.setReasonPrompt([&] { return reason; });
        QVERIFY(dialog.showHits());
        QCOMPARE(dialog.shownCases(), QStringList{m_caseA}); // the cases in view: one village
    }
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 15000);
    QCOMPARE(log.pendingCount(), 1);
    const QJsonArray queued =
        QJsonDocument::fromJson(m_session->cache().metaValue(u"pendingViewLog"_s).toUtf8()).array();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.at(0).toObject().value(u"recordId"_s).toString(), m_caseA);
    QCOMPARE(queued.at(0).toObject().value(u"reason"_s).toString(), reason);
    QCOMPARE(queued.at(0).toObject().value(u"what"_s).toString(), u"comparison"_s);
    QCOMPARE(viewsLogged(m_caseA, reason), 0);

    // Still there when the program is opened again (a new ViewLog over the same cache).
    {
        ViewLog other(*m_api, m_session->cache(), nullptr);
        QCOMPARE(other.pendingCount(), 1);
    }

    m_api->setServerUrl(m_server->baseUrl());
    QVERIFY(sync());
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), 15000);
    QCOMPARE(delivered.first().at(0).toInt(), 1);
    QCOMPARE(log.pendingCount(), 0);
    QCOMPARE(viewsLogged(m_caseA, reason), 1);
    QCOMPARE(viewsLogged(m_caseB, reason), 0);
    QVERIFY(m_server->services().audit.verify().intact);
}

// A view of a record the server does not have yet waits for the record's own sync; a record outside the
// user's area is refused by the server and dropped.
void TestComparison::viewOfLocalOnlyRecordWaitsForItsSync()
{
    ViewLog &log = ViewLog::of(*m_session);
    QVERIFY(sync());
    QTRY_COMPARE_WITH_TIMEOUT(log.pendingCount(), 0, 15000);
    QSignalSpy delivered(&log, &ViewLog::delivered);
    const QString local = newId();
    LocalCache::Change change;
    change.type = kIdentification;
    change.recordId = local;
    change.orgUnitId = kVillage;
    change.changedFields = caseFields(u"丁申请"_s, idNumber(5));
    QString error;
    QVERIFY2(!m_session->cache().save(change, m_server->clock().nowMs(), &error).isEmpty(),
             qPrintable(error));

    const qint64 now = m_server->clock().nowMs();
    QVERIFY(!log.record({{u"comparison"_s, local, u"   "_s, now}}, &error)); // no reason
    QVERIFY(!error.isEmpty());
    QCOMPARE(log.pendingCount(), 0);
    QVERIFY2(log.record({{u"comparison"_s, local, u"核对新录入的申请"_s, now}}, &error), qPrintable(error));
    QTest::qWait(300);
    QVERIFY(delivered.isEmpty()); // not even sent
    QCOMPARE(log.pendingCount(), 1);

    QVERIFY(sync()); // the record goes to the server first, then the view
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), 15000);
    QCOMPARE(delivered.first().at(0).toInt(), 1);
    QCOMPARE(log.pendingCount(), 0);
    QCOMPARE(viewsLogged(local, u"核对新录入的申请"_s), 1);

    // Unknown to the server and not in the cache: refused, dropped.
    delivered.clear();
    QVERIFY(log.record({{u"comparison"_s, newId(), u"核对"_s, now}}, &error));
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), 15000);
    QCOMPARE(delivered.first().at(0).toInt(), 0);
    QCOMPARE(delivered.first().at(1).toInt(), 1);
    QCOMPARE(log.pendingCount(), 0);
}

// Town reviewers and clerks get no comparison; the button is there for reviewers only.
void TestComparison::onlyCountyAndCityReviewers()
{
    UserInfo town = m_session->user();
    town.orgLevel = OrgLevel::Town;
    ClientSession townSession(*m_api, town, m_dir.filePath(u"town.sqlite"_s), m_server->clock());
    QString error;
    QVERIFY2(townSession.open(&error), qPrintable(error));
    ComparisonDialog dialog(townSession);
    QVERIFY(!dialog.canCompare());
    QVERIFY(!dialog.problem().isEmpty());
    dialog.setReasonPrompt([] { return u"看看"_s; });
    QVERIFY(!dialog.showHits());
    QVERIFY(!dialog.importFile(m_dir.filePath(u"results.csv"_s)).error.isEmpty());

    const auto hasComparisonButton = [](CasesView &view) {
        const QList<QPushButton *> buttons = view.identification()->findChildren<QPushButton *>();
        return std::any_of(buttons.begin(), buttons.end(),
                           [](QPushButton *b) { return b->text() == u"Comparison…"_s; });
    };
    CasesView reviewerView(*m_session);
    QVERIFY(hasComparisonButton(reviewerView));
    UserInfo clerk = m_session->user();
    clerk.roles = RoleSet{Role::Clerk};
    ClientSession clerkSession(*m_api, clerk, m_dir.filePath(u"clerk.sqlite"_s), m_server->clock());
    QVERIFY2(clerkSession.open(&error), qPrintable(error));
    CasesView clerkView(clerkSession);
    QVERIFY(!hasComparisonButton(clerkView));
}

// A supervisor's program holds only the count and state of the hits (need-to-know, Art. 26); with a stated
// reason the server hands the case out in full to the dialog, which keeps it nowhere, and logs the hand-out.
void TestComparison::supervisorReadsHitsWithReason()
{
    const QString token = m_http->login(u"county-supervisor"_s, kPassword);
    QVERIFY(!token.isEmpty());
    const UserInfo user = LoginResult::fromJson(m_http->lastLogin().json).user;
    ApiClient api;
    api.setServerUrl(m_server->baseUrl());
    api.setExtraCaCertificates({m_server->caCertificate()});
    api.setToken(token);
    ClientSession session(api, user, m_dir.filePath(u"county-supervisor.sqlite"_s), m_server->clock());
    QString error;
    QVERIFY2(session.open(&error), qPrintable(error));
    QSignalSpy spy(&session.engine(), &SyncEngine::finished);
    session.engine().syncNow();
    QVERIFY(!spy.isEmpty() || spy.wait(60000));
    QVERIFY(spy.first().at(0).toBool());

    const QJsonArray server = serverHitsOf(m_caseA);
    QVERIFY(server.size() >= 2);
    QVERIFY(session.cache().record(m_caseA));
    const QJsonObject cached = session.cache().record(m_caseA)->record.fields;
    const QJsonArray cachedHits = cached.value(u"hits"_s).toArray();
    QCOMPARE(cachedHits.size(), server.size());
    for (int i = 0; i < server.size(); ++i)
        QCOMPARE(cachedHits.at(i).toObject(),
                 (QJsonObject{{u"status"_s, server.at(i).toObject().value(u"status"_s)}}));
    QCOMPARE(cached.value(u"applicantIdNumber"_s).toString(), IdCard::masked(m_numberA));

    CasesView view(session);
    const QList<QPushButton *> buttons = view.identification()->findChildren<QPushButton *>();
    QVERIFY(std::any_of(buttons.begin(), buttons.end(),
                        [](QPushButton *b) { return b->text() == u"Comparison &data…"_s; }));

    const QString reason = u"审计核查 2026 年精准识别比对（测试）"_s;
    DisclosureDialog dialog(session, m_caseA);
    QVERIFY2(dialog.load(reason), qPrintable(dialog.problem()));
    QCOMPARE(dialog.fields().value(u"hits"_s).toArray(), server);
    QCOMPARE(dialog.fields().value(u"applicantIdNumber"_s).toString(), m_numberA);
    SqlQuery q(m_server->store(), u"SELECT detail FROM audit_log WHERE action = 'personal-data.handout' AND "
                                  u"actor_name = 'county-supervisor' AND target_id = ? ORDER BY seq DESC"_s);
    q.bindText(m_caseA).exec();
    QVERIFY(q.next());
    QCOMPARE(QJsonDocument::fromJson(q.text(0).toUtf8()).object().value(u"reason"_s).toString(), reason);
    while (q.next()) {
    }
    // The cache still holds the summary only.
    QCOMPARE(session.cache().record(m_caseA)->record.fields.value(u"hits"_s).toArray(), cachedHits);

    // Offline: the data cannot be read, and the dialog says so.
    api.setServerUrl(closedPortUrl());
    DisclosureDialog offline(session, m_caseA);
    QVERIFY(!offline.load(reason));
    QVERIFY(!offline.problem().isEmpty());
}

QTEST_MAIN(TestComparison)
#include "tst_relief_comparison.moc"
