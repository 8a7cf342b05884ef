// Need-to-know (Art. 26): every demo role signs in and reads the same records through every read path of the
// server (pull, record pages, a record read with a reason, attachments, the dashboard, the server's record in
// a push answer). The test asserts exactly which personal and comparison data each role receives, and that
// the server wrote an audit entry for each hand-out itself. The town's register of village cadres and their
// relatives is need-to-know the same way: its names and ID numbers go to the town's clerks and reviewers who
// keep it, to county and city reviewers and to supervisors with a reason, each hand-out logged. Then: what a
// reader receives masked or summarised and sends back does not overwrite the stored value, and supervisors
// list the hand-outs of their area.
#include "common/core/IdCard.h"
#include "common/funds/ComparisonList.h"
#include "common/relief/CaseTypes.h"
#include "common/trading/CadreTypes.h"
#include "server/demo/DemoData.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/TestStores.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kCounty = u"320612000000"_s;
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kCase = QString::fromUtf16(relief::IdentificationCaseType::kName);
const QString kEntry = QString::fromUtf16(funds::ComparisonEntryType::kName);
const QString kCadre = QString::fromUtf16(trading::CadreRegisterType::kName);
const QString kCadreHandout = QString::fromUtf16(trading::CadreRegisterType::kHandoutKind);
const QString kHandout = u"personal-data.handout"_s;
const QString kHitDetail = u"名下登记小型客车一辆（测试）"_s;
const QByteArray kFeedback = "vehicle registry feedback: one car (test)";

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString idNumber(int n)
{
    const QString first17 =
        u"320612"_s + QDate(1961, 1, 1).addDays(n * 7).toString(u"yyyyMMdd"_s) + u"%1"_s.arg(500 + n, 3);
    return first17 + IdCard::checkCharacter(first17);
}

// What a role receives of the case and the list entry, and what the server logs.
struct Expected
{
    bool idInFull = false;    // the applicant's ID number unmasked
    bool hitsInFull = false;  // the comparison hits with their details, the feedback file
    bool seesEntry = false;   // the county's comparison list is in their area
    bool cadreInFull = false; // the names and ID numbers of the town's register of village cadres
};

Expected expectedFor(const QString &username, bool withReason)
{
    const QString level = username.section(u'-', 0, 0); // admin has no prefix: city
    const QString role = username.contains(u'-') ? username.section(u'-', 1) : u"admin"_s;
    Expected e;
    e.seesEntry = level != u"town"_s;
    const bool supervisorWithReason = role == u"supervisor"_s && withReason;
    e.idInFull = role == u"clerk"_s || role == u"reviewer"_s || supervisorWithReason;
    e.hitsInFull = (role == u"reviewer"_s && level != u"town"_s) || supervisorWithReason;
    // The town's clerks and reviewers keep the register; above them, as comparison data.
    e.cadreInFull = ((role == u"clerk"_s || role == u"reviewer"_s) && level == u"town"_s) || e.hitsInFull;
    return e;
}

} // namespace

class TestNeedToKnow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pull_data();
    void pull();
    void recordPages_data();
    void recordPages();
    void disclosedWithReason_data();
    void disclosedWithReason();
    void attachments_data();
    void attachments();
    void dashboardHasNoIdNumbers_data();
    void dashboardHasNoIdNumbers();
    void pushAnswerIsDisclosedToo();
    void withheldValuesAreKeptOnPush();
    void supervisorsListHandouts();

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QHash<QString, QString> m_tokens;
    QString m_caseId;
    QString m_applicantId = idNumber(1);
    QString m_entryId;
    QString m_listedId = idNumber(2);
    QString m_feedbackSha;
    qint64 m_firstSeq = 0;
    QString m_cadreId;
    QString m_secretaryId = idNumber(3);
    QString m_spouseId = idNumber(4);

    static void addRoles()
    {
        QTest::addColumn<QString>("username");
        for (const DemoData::Account &a : DemoData::accounts())
            QTest::newRow(qPrintable(a.username)) << a.username;
    }

    QString token(const QString &username)
    {
        if (!m_tokens.contains(username))
            m_tokens.insert(username, m_http->login(username, kPassword));
        return m_tokens.value(username);
    }

    qint64 scalar(const QString &sql, const QStringList &binds = {})
    {
        SqlQuery q(m_server->store(), sql);
        for (const QString &b : binds)
            q.bindText(b);
        q.exec();
        const qint64 v = q.next() ? q.int64(0) : -1;
        while (q.next()) {
        }
        return v;
    }

    // The hand-outs of a record to a user by a route, as the audit log has them: each entry's "what".
    QList<QStringList> handouts(const QString &username, const QString &recordId, const QString &route)
    {
        SqlQuery q(m_server->store(), u"SELECT detail FROM audit_log WHERE action = ? AND actor_name = ? AND "
                                      u"target_id = ? ORDER BY seq"_s);
        q.bindText(kHandout).bindText(username).bindText(recordId).exec();
        QList<QStringList> out;
        while (q.next()) {
            const QJsonObject detail = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
            if (detail.value(u"route"_s).toString() != route)
                continue;
            QStringList what;
            for (const QJsonValue &v : detail.value(u"what"_s).toArray())
                what.append(v.toString());
            out.append(what);
        }
        return out;
    }

    QJsonObject push(const QString &username, const QString &type, const QString &id, const QString &org,
                     qint64 base, const QJsonObject &fields)
    {
        const QJsonObject op{{u"opId"_s, newId()},
                             {u"recordId"_s, id},
                             {u"type"_s, type},
                             {u"orgUnitId"_s, org},
                             {u"kind"_s, u"upsert"_s},
                             {u"baseVersion"_s, base},
                             {u"changedFields"_s, fields},
                             {u"deviceTime"_s, m_server->clock().nowMs()}};
        const HttpResult r =
            m_http->post(u"/api/v1/sync/push"_s,
                         {{u"deviceNow"_s, m_server->clock().nowMs()}, {u"operations"_s, QJsonArray{op}}},
                         token(username));
        return r.json.value(u"results"_s).toArray().first().toObject();
    }

    qint64 version(const QString &id) { return scalar(u"SELECT version FROM records WHERE id = ?"_s, {id}); }

    QString upload(const QString &username, const QByteArray &bytes)
    {
        return m_http->upload(bytes, token(username));
    }

    // Our three records as the pull gives them to `username`: id -> fields.
    QHash<QString, QJsonObject> pulled(const QString &username)
    {
        QHash<QString, QJsonObject> out;
        QString cursor = QString::number(m_firstSeq - 1);
        for (int page = 0; page < 50; ++page) {
            const HttpResult r =
                m_http->get(u"/api/v1/sync/pull?limit=500&cursor="_s + cursor, token(username));
            if (r.status != 200) {
                qWarning("pull: %s", r.describe().constData());
                return {};
            }
            for (const QJsonValue &v : r.json.value(u"records"_s).toArray()) {
                const QJsonObject rec = v.toObject();
                const QString id = rec.value(u"id"_s).toString();
                if (id == m_caseId || id == m_entryId || id == m_cadreId)
                    out.insert(id, rec.value(u"fields"_s).toObject());
            }
            cursor = r.json.value(u"cursor"_s).toString();
            if (!r.json.value(u"hasMore"_s).toBool())
                break;
        }
        return out;
    }

    // The case's and the entry's fields as `e` says the role receives them.
    void verifyCase(const QJsonObject &f, const Expected &e)
    {
        const QString id = f.value(u"applicantIdNumber"_s).toString();
        if (e.idInFull)
            QCOMPARE(id, m_applicantId);
        else
            QCOMPARE(id, IdCard::masked(m_applicantId));
        const QJsonArray hits = f.value(u"hits"_s).toArray();
        QCOMPARE(hits.size(), 2);
        if (e.hitsInFull) {
            QCOMPARE(hits.at(0).toObject().value(u"detail"_s).toString(), kHitDetail);
            QCOMPARE(hits.at(1).toObject().value(u"reason"_s).toString(), u"已过户（测试）"_s);
            QCOMPARE(f.value(u"hitDocuments"_s).toArray(), QJsonArray{m_feedbackSha});
        } else {
            // At most the count and the state of the hits.
            QCOMPARE(hits.at(0).toObject(), (QJsonObject{{u"status"_s, u"open"_s}}));
            QCOMPARE(hits.at(1).toObject(), (QJsonObject{{u"status"_s, u"cleared"_s}}));
            QVERIFY(f.value(u"hitDocuments"_s).isNull());
        }
        QVERIFY(!QJsonDocument(f).toJson().contains(kHitDetail.toUtf8()) || e.hitsInFull);
    }

    void verifyEntry(const QJsonObject &f, const Expected &e)
    {
        QCOMPARE(f.value(u"list"_s).toString(), u"deceased"_s);
        if (e.hitsInFull) {
            QCOMPARE(f.value(u"idNumber"_s).toString(), m_listedId);
            QCOMPARE(f.value(u"name"_s).toString(), u"钱故"_s);
        } else {
            QVERIFY(f.value(u"idNumber"_s).isNull());
            QVERIFY(f.value(u"name"_s).isNull());
        }
    }

    // The register's entry: the names and ID numbers in full or nothing of them; the rest as it is.
    void verifyCadre(const QJsonObject &f, const Expected &e)
    {
        QCOMPARE(f.value(u"position"_s).toString(), u"secretary"_s);
        QCOMPARE(f.value(u"relation"_s).toString(), u"spouse"_s);
        QCOMPARE(f.value(u"villageId"_s).toString(), kVillage);
        QCOMPARE(f.value(u"inOfficeFrom"_s).toString(), u"2021-12-28"_s);
        if (e.cadreInFull) {
            QCOMPARE(f.value(u"cadreName"_s).toString(), u"孙书记"_s);
            QCOMPARE(f.value(u"cadreIdNumber"_s).toString(), m_secretaryId);
            QCOMPARE(f.value(u"relativeName"_s).toString(), u"孙配偶"_s);
            QCOMPARE(f.value(u"relativeIdNumber"_s).toString(), m_spouseId);
        } else {
            for (const QString &name :
                 {u"cadreName"_s, u"cadreIdNumber"_s, u"relativeName"_s, u"relativeIdNumber"_s})
                QVERIFY2(f.value(name).isNull(), qPrintable(name));
            const QByteArray text = QJsonDocument(f).toJson();
            QVERIFY(!text.contains(m_secretaryId.toUtf8()) && !text.contains(m_spouseId.toUtf8()));
            QVERIFY(!text.contains(QString(u"孙配偶"_s).toUtf8()));
        }
    }

    void verifyLogged(const QString &username, const QString &route, const Expected &e)
    {
        const QList<QStringList> caseOut = handouts(username, m_caseId, route);
        if (!e.idInFull && !e.hitsInFull) {
            QVERIFY2(caseOut.isEmpty(), "nothing handed out in full, nothing logged");
        } else {
            QVERIFY2(!caseOut.isEmpty(), "the hand-out of the case is logged");
            QCOMPARE(caseOut.last().contains(u"id-number"_s), e.idInFull);
            QCOMPARE(caseOut.last().contains(u"comparison"_s), e.hitsInFull);
        }
        if (e.seesEntry)
            QCOMPARE(!handouts(username, m_entryId, route).isEmpty(), e.hitsInFull);
        const QList<QStringList> cadreOut = handouts(username, m_cadreId, route);
        QCOMPARE(!cadreOut.isEmpty(), e.cadreInFull);
        if (e.cadreInFull)
            QCOMPARE(cadreOut.last(), QStringList{kCadreHandout});
    }
};

void TestNeedToKnow::initTestCase()
{
    m_server = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    qInfo("store: %s", qPrintable(testStoreName()));
    m_http = std::make_unique<HttpsClient>(*m_server);

    // The case, entered by the town clerk; the hits and the feedback file by the county reviewer.
    m_caseId = newId();
    QJsonObject r = push(u"town-clerk"_s, kCase, m_caseId, kVillage, 0,
                         {{u"year"_s, 2026},
                          {u"applicantName"_s, u"赵申请"_s},
                          {u"applicantIdNumber"_s, m_applicantId},
                          {u"members"_s, 3},
                          {u"perCapitaIncomeFen"_s, 520000},
                          {u"reason"_s, u"因病致贫"_s},
                          {u"steps"_s, QJsonArray()},
                          {u"hits"_s, QJsonArray()}});
    QCOMPARE(r.value(u"status"_s).toString(), u"applied"_s);
    m_firstSeq = scalar(u"SELECT seq FROM records WHERE id = ?"_s, {m_caseId});
    m_feedbackSha = upload(u"county-reviewer"_s, kFeedback);
    QVERIFY(!m_feedbackSha.isEmpty());
    const QJsonArray hits{
        QJsonObject{{u"source"_s, u"vehicles"_s}, {u"detail"_s, kHitDetail}, {u"status"_s, u"open"_s}},
        QJsonObject{{u"source"_s, u"housing"_s},
                    {u"detail"_s, u"商品房一套（测试）"_s},
                    {u"status"_s, u"cleared"_s},
                    {u"reason"_s, u"已过户（测试）"_s}}};
    r = push(u"county-reviewer"_s, kCase, m_caseId, kVillage, version(m_caseId),
             {{u"hits"_s, hits}, {u"hitDocuments"_s, QJsonArray{m_feedbackSha}}});
    QVERIFY2(r.value(u"status"_s).toString() == u"applied"_s, qPrintable(r.value(u"message"_s).toString()));

    // A county comparison list entry.
    m_entryId = funds::ComparisonEntryType::recordIdFor(u"deceased"_s, m_listedId, kCounty);
    r = push(u"county-reviewer"_s, kEntry, m_entryId, kCounty, 0,
             {{u"list"_s, u"deceased"_s},
              {u"idNumber"_s, m_listedId},
              {u"name"_s, u"钱故"_s},
              {u"since"_s, u"2026-01-10"_s}});
    QVERIFY2(r.value(u"status"_s).toString() == u"applied"_s, qPrintable(r.value(u"message"_s).toString()));

    // The town's register: the secretary of the village and her spouse, entered by the town's clerk.
    m_cadreId = newId();
    r = push(u"town-clerk"_s, kCadre, m_cadreId, kTown, 0,
             {{u"villageId"_s, kVillage},
              {u"position"_s, u"secretary"_s},
              {u"cadreName"_s, u"孙书记"_s},
              {u"cadreIdNumber"_s, m_secretaryId},
              {u"relation"_s, u"spouse"_s},
              {u"relativeName"_s, u"孙配偶"_s},
              {u"relativeIdNumber"_s, m_spouseId},
              {u"inOfficeFrom"_s, u"2021-12-28"_s}});
    QVERIFY2(r.value(u"status"_s).toString() == u"applied"_s, qPrintable(r.value(u"message"_s).toString()));
}

void TestNeedToKnow::cleanupTestCase()
{
    m_http.reset();
    m_server.reset();
}

void TestNeedToKnow::pull_data()
{
    addRoles();
}

void TestNeedToKnow::pull()
{
    QFETCH(QString, username);
    const Expected e = expectedFor(username, false);
    const QHash<QString, QJsonObject> got = pulled(username);
    QVERIFY2(got.contains(m_caseId), "every demo role's area holds the village");
    verifyCase(got.value(m_caseId), e);
    QCOMPARE(got.contains(m_entryId), e.seesEntry);
    if (e.seesEntry)
        verifyEntry(got.value(m_entryId), e);
    QVERIFY2(got.contains(m_cadreId), "every demo role's area holds the town");
    verifyCadre(got.value(m_cadreId), e);
    verifyLogged(username, u"sync/pull"_s, e);
}

void TestNeedToKnow::recordPages_data()
{
    addRoles();
}

void TestNeedToKnow::recordPages()
{
    QFETCH(QString, username);
    const Expected e = expectedFor(username, false);
    const HttpResult r =
        m_http->get(u"/api/v1/records?type=%1&org=%2&limit=200"_s.arg(kCase, kVillage), token(username));
    QCOMPARE(r.status, 200);
    QJsonObject fields;
    for (const QJsonValue &v : r.json.value(u"records"_s).toArray()) {
        if (v.toObject().value(u"id"_s).toString() == m_caseId)
            fields = v.toObject().value(u"fields"_s).toObject();
    }
    QVERIFY(!fields.isEmpty());
    verifyCase(fields, e);
    if (e.seesEntry) {
        const HttpResult list =
            m_http->get(u"/api/v1/records?type=%1&org=%2&limit=200"_s.arg(kEntry, kCounty), token(username));
        QCOMPARE(list.status, 200);
        bool found = false;
        for (const QJsonValue &v : list.json.value(u"records"_s).toArray()) {
            if (v.toObject().value(u"id"_s).toString() == m_entryId) {
                found = true;
                verifyEntry(v.toObject().value(u"fields"_s).toObject(), e);
            }
        }
        QVERIFY(found);
    }
    const HttpResult cadres =
        m_http->get(u"/api/v1/records?type=%1&org=%2&limit=200"_s.arg(kCadre, kTown), token(username));
    QCOMPARE(cadres.status, 200);
    bool listed = false;
    for (const QJsonValue &v : cadres.json.value(u"records"_s).toArray()) {
        if (v.toObject().value(u"id"_s).toString() == m_cadreId) {
            listed = true;
            verifyCadre(v.toObject().value(u"fields"_s).toObject(), e);
        }
    }
    QVERIFY(listed);
    verifyLogged(username, u"records"_s, e);
}

void TestNeedToKnow::disclosedWithReason_data()
{
    addRoles();
}

void TestNeedToKnow::disclosedWithReason()
{
    QFETCH(QString, username);
    const Expected e = expectedFor(username, true);
    const QString reason = u"核查 2026 年第一季度精准识别（测试）"_s;
    const HttpResult r = m_http->post(u"/api/v1/records/%1/disclose"_s.arg(m_caseId), {{u"reason"_s, reason}},
                                      token(username));
    QCOMPARE(r.status, 200);
    verifyCase(r.json.value(u"fields"_s).toObject(), e);
    if (e.seesEntry) {
        const HttpResult entry = m_http->post(u"/api/v1/records/%1/disclose"_s.arg(m_entryId),
                                              {{u"reason"_s, reason}}, token(username));
        QCOMPARE(entry.status, 200);
        verifyEntry(entry.json.value(u"fields"_s).toObject(), e);
    } else {
        // Outside the area: as if it did not exist.
        QCOMPARE(m_http
                     ->post(u"/api/v1/records/%1/disclose"_s.arg(m_entryId), {{u"reason"_s, reason}},
                            token(username))
                     .status,
                 404);
    }
    const HttpResult cadre = m_http->post(u"/api/v1/records/%1/disclose"_s.arg(m_cadreId),
                                          {{u"reason"_s, reason}}, token(username));
    QCOMPARE(cadre.status, 200);
    verifyCadre(cadre.json.value(u"fields"_s).toObject(), e);
    verifyLogged(username, u"records/disclose"_s, e);
    if (e.idInFull || e.hitsInFull) {
        SqlQuery q(m_server->store(), u"SELECT detail FROM audit_log WHERE action = ? AND actor_name = ? AND "
                                      u"target_id = ? ORDER BY seq DESC"_s);
        q.bindText(kHandout).bindText(username).bindText(m_caseId).exec();
        QVERIFY(q.next());
        QCOMPARE(QJsonDocument::fromJson(q.text(0).toUtf8()).object().value(u"reason"_s).toString(), reason);
        while (q.next()) {
        }
    }

    // No reason, an unknown record, a record of another county: clear answers, nothing handed out.
    QCOMPARE(
        m_http
            ->post(u"/api/v1/records/%1/disclose"_s.arg(m_caseId), {{u"reason"_s, u"  "_s}}, token(username))
            .errorCode(),
        u"MISSING_FIELD"_s);
    QCOMPARE(
        m_http->post(u"/api/v1/records/%1/disclose"_s.arg(newId()), {{u"reason"_s, reason}}, token(username))
            .status,
        404);
}

void TestNeedToKnow::attachments_data()
{
    addRoles();
}

void TestNeedToKnow::attachments()
{
    QFETCH(QString, username);
    const Expected e = expectedFor(username, false);
    const HttpResult r = m_http->get(u"/api/v1/attachments/"_s + m_feedbackSha, token(username));
    if (e.hitsInFull || username == u"county-reviewer"_s) {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, kFeedback);
    } else {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"FORBIDDEN"_s);
    }
    // A supervisor gives a reason and receives it, logged with the reason.
    const Expected withReason = expectedFor(username, true);
    const HttpResult reasoned = m_http->get(
        u"/api/v1/attachments/%1?reason=%2"_s.arg(
            m_feedbackSha, QString::fromLatin1(QUrl::toPercentEncoding(u"核查比对反馈材料（测试）"_s))),
        token(username));
    QCOMPARE(reasoned.status, withReason.hitsInFull || username == u"county-reviewer"_s ? 200 : 403);
    const QList<QStringList> logged = handouts(username, m_caseId, u"attachments"_s);
    if (username == u"county-reviewer"_s)
        QVERIFY(logged.isEmpty()); // the uploader reads their own file
    else
        QCOMPARE(logged.size(), int(e.hitsInFull) + int(withReason.hitsInFull));
}

void TestNeedToKnow::dashboardHasNoIdNumbers_data()
{
    addRoles();
}

void TestNeedToKnow::dashboardHasNoIdNumbers()
{
    QFETCH(QString, username);
    const HttpResult r = m_http->get(u"/api/v1/dashboard/funds"_s, token(username));
    QVERIFY2(r.status == 200 || r.status == 403, r.describe().constData());
    static const QRegularExpression idShape(u"\\d{17}[\\dX]"_s);
    QVERIFY(!idShape.match(QString::fromUtf8(r.body)).hasMatch());
}

void TestNeedToKnow::pushAnswerIsDisclosedToo()
{
    // Two changes of the reason on the same version: the second is a conflict, and its answer carries the
    // server's record as the clerk may receive it.
    const qint64 base = version(m_caseId);
    QJsonObject r =
        push(u"town-clerk"_s, kCase, m_caseId, kVillage, base, {{u"reason"_s, u"因病致贫（一）"_s}});
    QCOMPARE(r.value(u"status"_s).toString(), u"applied"_s);
    r = push(u"town-clerk"_s, kCase, m_caseId, kVillage, base, {{u"reason"_s, u"因病致贫（二）"_s}});
    QCOMPARE(r.value(u"status"_s).toString(), u"conflict"_s);
    const QJsonObject current = r.value(u"current"_s).toObject().value(u"fields"_s).toObject();
    QVERIFY2(!current.isEmpty(), QJsonDocument(r).toJson().constData());
    verifyCase(current, expectedFor(u"town-clerk"_s, false));
    QVERIFY(!handouts(u"town-clerk"_s, m_caseId, u"sync/push"_s).isEmpty()); // the unmasked ID number
}

void TestNeedToKnow::withheldValuesAreKeptOnPush()
{
    // The town clerk's program holds the summary of the hits; sending it back with a change of the reason
    // changes the reason only.
    const QJsonArray summary{QJsonObject{{u"status"_s, u"open"_s}}, QJsonObject{{u"status"_s, u"cleared"_s}}};
    const QJsonObject r = push(u"town-clerk"_s, kCase, m_caseId, kVillage, version(m_caseId),
                               {{u"reason"_s, u"因病致贫，子女在读（测试）"_s}, {u"hits"_s, summary}});
    QVERIFY2(r.value(u"status"_s).toString() == u"applied"_s, qPrintable(r.value(u"message"_s).toString()));
    SqlQuery q(m_server->store(), u"SELECT data FROM records WHERE id = ?"_s);
    q.bindText(m_caseId).exec();
    QVERIFY(q.next());
    const QJsonObject stored = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
    QCOMPARE(stored.value(u"reason"_s).toString(), u"因病致贫，子女在读（测试）"_s);
    QCOMPARE(stored.value(u"hits"_s).toArray().at(0).toObject().value(u"detail"_s).toString(), kHitDetail);
    QCOMPARE(stored.value(u"hitDocuments"_s).toArray(), QJsonArray{m_feedbackSha});
}

void TestNeedToKnow::supervisorsListHandouts()
{
    const QString path = u"/api/v1/audit/entries?action=%1&record=%2&limit=200"_s.arg(kHandout, m_caseId);
    // Every hand-out of the case so far, to the city supervisor and to the town's.
    const qint64 all =
        scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = ? AND target_id = ?"_s, {kHandout, m_caseId});
    QVERIFY(all > 10);
    for (const QString &supervisor : {u"city-supervisor"_s, u"county-supervisor"_s, u"town-supervisor"_s}) {
        const HttpResult r = m_http->get(path, token(supervisor));
        QVERIFY2(r.status == 200, r.describe().constData());
        const QJsonArray entries = r.json.value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), int(all));
        QSet<QString> who;
        for (const QJsonValue &v : entries) {
            QCOMPARE(v.toObject().value(u"action"_s).toString(), kHandout);
            who.insert(v.toObject().value(u"actorName"_s).toString());
        }
        QVERIFY(who.contains(u"town-clerk"_s) && who.contains(u"city-reviewer"_s) &&
                who.contains(u"county-supervisor"_s));
    }
    // Newest first, in pages.
    const HttpResult first = m_http->get(path.chopped(3) + u"2"_s, token(u"city-supervisor"_s));
    QCOMPARE(first.json.value(u"entries"_s).toArray().size(), 2);
    const qint64 next = first.json.value(u"next"_s).toInteger();
    QVERIFY(next > 0);
    const HttpResult second =
        m_http->get(path.chopped(3) + u"2&before="_s + QString::number(next), token(u"city-supervisor"_s));
    QVERIFY(second.json.value(u"entries"_s).toArray().first().toObject().value(u"seq"_s).toInteger() < next);
    // A prefix, and the list entry of the county is not in the town supervisor's area.
    const HttpResult prefix =
        m_http->get(u"/api/v1/audit/entries?action=personal-data.*&record=%1"_s.arg(m_entryId),
                    token(u"town-supervisor"_s));
    QCOMPARE(prefix.status, 200);
    QCOMPARE(prefix.json.value(u"entries"_s).toArray().size(), 0);
    const HttpResult county =
        m_http->get(u"/api/v1/audit/entries?action=personal-data.*&record=%1"_s.arg(m_entryId),
                    token(u"county-supervisor"_s));
    QVERIFY(!county.json.value(u"entries"_s).toArray().isEmpty());
    // Only supervisors; bad parameters get clear answers.
    for (const QString &other : {u"city-leader"_s, u"county-reviewer"_s, u"admin"_s})
        QCOMPARE(m_http->get(path, token(other)).status, 403);
    QCOMPARE(m_http->get(u"/api/v1/audit/entries?limit=0"_s, token(u"city-supervisor"_s)).errorCode(),
             u"BAD_REQUEST"_s);
    QCOMPARE(m_http->get(u"/api/v1/audit/entries?who=x"_s, token(u"city-supervisor"_s)).errorCode(),
             u"UNKNOWN_FIELD"_s);
}

QTEST_GUILESS_MAIN(TestNeedToKnow)
#include "tst_need_to_know.moc"
