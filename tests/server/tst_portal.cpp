// 公众层 (MODULES.md §6-7) as the public and the office use it: the portal's pages with their security
// headers; the lists the modules hand over, masked, paged and checked against the store (the 集体三资 and
// 产权交易 lists in tst_portal_modules); the complaint form with its attachment and lookup code, and the
// lookup that never names the complainant; a complaint handled from intake to archive by the office and the
// department on its slip, each step refused to the wrong role, unit or department; the complainant's identity
// need-to-know and logged; COMPLAINT_OVERDUE raised once per slip and deadline; announcements and policies
// from draft to publication and withdrawal; and a scan of every public answer for unmasked ID numbers, phones
// and names.
#include "common/core/ChinaTime.h"
#include "common/core/IdCard.h"
#include "common/core/Quarter.h"
#include "common/portal/ComplaintType.h"
#include "common/portal/PublicationTypes.h"
#include "common/sync/Masking.h"
#include "tests/server/WarningsTest.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

namespace {

const QString kComplaint = QString::fromUtf16(portal::ComplaintType::kName);
const QString kAnnouncement = QString::fromUtf16(portal::AnnouncementType::kName);
const QString kPolicy = QString::fromUtf16(portal::PolicyType::kName);
const QString kOffice = kCounty + u"-poverty-office"_s;
const QString kCityOffice = kCity + u"-poverty-office"_s;
const QString kCivilAffairs = kCounty + u"-civil-affairs"_s;

// What no public answer may carry: an 18-character ID number or an 11-digit mobile number in the clear.
const QRegularExpression kIdNumber(u"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])"_s);
const QRegularExpression kMobile(u"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"_s);

QByteArray pdf()
{
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
}

// One entry of a journal, as a disclosure's books hold it.
} // namespace

class TestPortal : public WarningsTest
{
    Q_OBJECT

    QStringList m_publicBodies; // every public answer the test received, for the scan

    HttpResult publicGet(const QString &path)
    {
        const HttpResult r = m_http->get(path);
        m_publicBodies.append(QString::fromUtf8(r.body));
        return r;
    }
    HttpResult publicPost(const QJsonObject &body)
    {
        const HttpResult r = m_http->post(u"/api/v1/public/complaints"_s, body);
        m_publicBodies.append(QString::fromUtf8(r.body));
        return r;
    }

    QJsonObject complaintForm(const QString &subject)
    {
        return {{u"anonymous"_s, false},
                {u"name"_s, u"赵晓梅"_s},
                {u"phone"_s, u"13962801234"_s},
                {u"category"_s, u"funds"_s},
                {u"subject"_s, subject},
                {u"place"_s, u"石港镇"_s},
                {u"content"_s, u"我家的耕地地力保护补贴少发了 300 元。"_s},
                {u"unit"_s, kCounty}};
    }

    // The stored complaint with this lookup code: its id.
    QString complaintId(const QString &code)
    {
        SqlQuery q(m_server->store(), u"SELECT record_id FROM record_keys WHERE key = ?"_s);
        q.bindText(portal::ComplaintType::lookupKey(code)).exec();
        return q.next() ? q.text(0) : QString();
    }

    // One handling step taken by `user`.
    Answer take(const QString &user, const QString &id, QJsonObject step)
    {
        step.insert(u"person"_s, u"经办人"_s);
        QJsonArray steps = storedFields(id).value(u"steps"_s).toArray();
        steps.append(step);
        QJsonObject op = upsert(kComplaint, id, kCounty, {{u"steps"_s, steps}});
        op.insert(u"departmentId"_s, kOffice);
        return pushOne(user, op);
    }

    QString state(const QString &id) { return storedFields(id).value(u"state"_s).toString(); }

    // Where a record sits: its org unit and department (the query is done with before the next one: an open
    // SQLite statement would keep this thread's snapshot).
    QPair<QString, QString> placeOf(const QString &id)
    {
        SqlQuery q(m_server->store(), u"SELECT org_unit_id, department_id FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        return q.next() ? qMakePair(q.text(0), q.text(1)) : QPair<QString, QString>();
    }

    qint64 handouts(const QString &username, const QString &recordId)
    {
        SqlQuery q(m_server->store(),
                   u"SELECT COUNT(*) FROM audit_log WHERE action = 'personal-data.handout' "
                   u"AND actor_name = ? AND target_id = ? AND detail LIKE '%complainant%'"_s);
        q.bindText(username).bindText(recordId).exec();
        return q.next() ? q.int64(0) : -1;
    }

    QString submit(const QString &subject)
    {
        const HttpResult r = publicPost(complaintForm(subject));
        if (r.status != 201)
            qWarning("complaint refused: %s", r.describe().constData());
        return r.json.value(u"code"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
    }
    void cleanupTestCase() { stopServer(); }

    void siteWithItsHeaders()
    {
        const HttpResult home = publicGet(u"/"_s);
        EXPECT_STATUS(home, 200);
        QVERIFY(home.header("Content-Type").startsWith("text/html"));
        const QByteArray csp = home.header("Content-Security-Policy");
        QVERIFY2(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") &&
                     csp.contains("default-src 'none'") && !csp.contains("unsafe"),
                 csp.constData());
        QCOMPARE(home.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(home.header("Cache-Control"), QByteArray("no-store"));
        // No inline script, handler or style: the policy would block them, and nothing relies on them.
        const QString html = QString::fromUtf8(home.body);
        QVERIFY(!html.contains(QRegularExpression(u"<script(?![^>]*\\bsrc=)"_s)));
        QVERIFY(!html.contains(QRegularExpression(u"\\son[a-z]+\\s*="_s)));
        QVERIFY(!html.contains(u"style="_s));
        QVERIFY(html.contains(u"lang=\"zh-CN\""_s) && html.contains(u"name=\"viewport\""_s));

        const HttpResult js = publicGet(u"/assets/portal.js"_s);
        EXPECT_STATUS(js, 200);
        QVERIFY(js.header("Content-Type").startsWith("text/javascript"));
        QVERIFY(js.header("Cache-Control").startsWith("public"));
        QVERIFY2(!js.body.contains("innerHTML"), "the portal writes text, never HTML");
        EXPECT_STATUS(publicGet(u"/assets/portal.css"_s), 200);
        EXPECT_ERROR(publicGet(u"/assets/..%2Fetc%2Fpasswd"_s), 404, "NOT_FOUND");
        EXPECT_ERROR(publicGet(u"/assets/index.html"_s), 404, "NOT_FOUND");
        EXPECT_ERROR(publicGet(u"/assets/none.js"_s), 404, "NOT_FOUND");
    }

    void paymentListsMaskedAndPaged()
    {
        const HttpResult index = publicGet(u"/api/v1/public/lists"_s);
        EXPECT_STATUS(index, 200);
        QJsonObject payments;
        for (const QJsonValue &v : index.json.value(u"lists"_s).toArray()) {
            if (v.toObject().value(u"name"_s) == u"payments"_s)
                payments = v.toObject();
        }
        QVERIFY(!payments.isEmpty());

        // More than a page of payments in a village: people with ID numbers, and a project by name.
        const QString village = kVillage;
        for (int i = 0; i < 24; ++i) {
            QJsonObject f = paymentFields(freshIdNumber(), u"2026-02"_s, QDate(2026, 2, 1 + i));
            f.insert(u"recipientName"_s, i % 2 ? u"孙小兰"_s : u"孙兰"_s);
            QVERIFY(!pay(village, f).isEmpty());
        }
        QJsonObject project = paymentFields(QString(), u"2026-02"_s, QDate(2026, 2, 26));
        project.remove(u"idNumber"_s);
        project.insert(u"recipientKind"_s, u"unit"_s);
        project.insert(u"recipientName"_s, u"石港镇农业服务中心"_s);
        QVERIFY(!pay(village, project).isEmpty());
        SqlQuery count(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = 'disbursement' AND "
                                          u"deleted = 0 AND org_unit_id = ?"_s);
        count.bindText(village).exec();
        QVERIFY(count.next());
        const qint64 stored = count.int64(0);
        QVERIFY(stored >= 25);
        bool unitNamed = false;

        QSet<QString> seen;
        qint64 total = -1;
        for (int page = 1; page <= (stored + 19) / 20; ++page) {
            const HttpResult r =
                publicGet(u"/api/v1/public/lists/payments?place=%1&page=%2"_s.arg(village).arg(page));
            EXPECT_STATUS(r, 200);
            total = r.json.value(u"total"_s).toInteger();
            for (const QJsonValue &v : r.json.value(u"rows"_s).toArray()) {
                const QJsonObject row = v.toObject();
                seen.insert(QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact)));
                const QString id = row.value(u"idNumber"_s).toString();
                if (!id.isEmpty())
                    QVERIFY2(QRegularExpression(u"^[0-9]{6}\\*{8}[0-9X]{4}$"_s).match(id).hasMatch(),
                             qPrintable(id));
                QVERIFY(row.value(u"amountFen"_s).toInteger() > 0);
                QVERIFY(!row.contains(u"account"_s));
                const QString recipient = row.value(u"recipient"_s).toString();
                if (recipient == u"石港镇农业服务中心"_s)
                    unitNamed = true;
                else
                    QVERIFY2(recipient == u"孙*"_s || recipient == u"孙*兰"_s, qPrintable(recipient));
            }
        }
        QCOMPARE(total, stored);
        QCOMPARE(seen.size(), stored);
        QVERIFY(unitNamed);

        // A person's name is shown as 张*明; units and projects by name.
        QCOMPARE(sync::publicName(u"张三"_s), u"张*"_s);
        QCOMPARE(sync::publicName(u"张小明"_s), u"张*明"_s);
        QCOMPARE(sync::publicName(u"欧阳小明"_s), u"欧**明"_s);
        QCOMPARE(sync::publicIdNumber(u"32061219660923401X"_s), u"320612********401X"_s);
        QCOMPARE(sync::publicPhone(u"13812341234"_s), u"138****1234"_s);

        // The filters are checked.
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/payments"_s), 400, "MISSING_FIELD");
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/payments?place=%1"_s.arg(kTown)), 400, "BAD_REQUEST");
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/payments?place=999"_s), 404, "NOT_FOUND");
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/payments?place=%1&year=20x6"_s.arg(village)), 400,
                     "BAD_REQUEST");
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/payments?place=%1&fund=nope"_s.arg(village)), 400,
                     "BAD_REQUEST");
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/payments?place=%1&page=0"_s.arg(village)), 400,
                     "BAD_REQUEST");
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/nothing?place=%1"_s.arg(village)), 404, "NOT_FOUND");
        const HttpResult far = publicGet(u"/api/v1/public/lists/payments?place=%1&page=9999"_s.arg(village));
        EXPECT_STATUS(far, 200);
        QVERIFY(far.json.value(u"rows"_s).toArray().isEmpty());

        // The places by name, from the counties down.
        const HttpResult counties = publicGet(u"/api/v1/public/places"_s);
        EXPECT_STATUS(counties, 200);
        QCOMPARE(counties.json.value(u"places"_s).toArray().size(), 9);
        const HttpResult towns = publicGet(u"/api/v1/public/places?parent=%1"_s.arg(kCounty));
        EXPECT_STATUS(towns, 200);
        QVERIFY(!towns.json.value(u"places"_s).toArray().isEmpty());
        EXPECT_ERROR(publicGet(u"/api/v1/public/places?parent=nowhere"_s), 404, "NOT_FOUND");
    }

    void complaintFormAndLookup()
    {
        QJsonObject form = complaintForm(u"补贴少发"_s);
        form.insert(u"content"_s, u"<script>alert('x')</script><img src=x onerror=alert(1)> 补贴少发"_s);
        form.insert(u"files"_s, QJsonArray{QJsonObject{{u"data"_s, QString::fromLatin1(pdf().toBase64())}}});
        const HttpResult r = publicPost(form);
        EXPECT_STATUS(r, 201);
        QVERIFY(r.header("Content-Security-Policy").contains("default-src 'none'"));
        const QString code = r.json.value(u"code"_s).toString();
        QVERIFY2(portal::isComplaintLookupCode(code), qPrintable(code));
        const QString id = complaintId(code);
        QVERIFY(!id.isEmpty());
        QCOMPARE(portal::complaintLookupCode(id), code);
        const QJsonObject stored = storedFields(id);
        QCOMPARE(stored.value(u"channel"_s).toString(), u"portal"_s);
        QCOMPARE(stored.value(u"complainantName"_s).toString(), u"赵晓梅"_s);
        QCOMPARE(stored.value(u"content"_s).toString(), form.value(u"content"_s).toString()); // kept as text
        QCOMPARE(stored.value(u"state"_s).toString(), u"registered"_s);
        QCOMPARE(stored.value(u"attachments"_s).toArray().size(), 1);
        QCOMPARE(placeOf(id), qMakePair(kCounty, kOffice));

        const HttpResult lookup = publicGet(u"/api/v1/public/complaints/"_s + code.toLower());
        EXPECT_STATUS(lookup, 200);
        QCOMPARE(lookup.json.value(u"stateText"_s).toString(), u"登记"_s);
        const QString body = QString::fromUtf8(lookup.body);
        for (const QString &secret : {u"赵晓梅"_s, u"13962801234"_s, u"script"_s, u"石港镇"_s, kOffice})
            QVERIFY2(!body.contains(secret), qPrintable(secret));

        // A code of the right shape finds nothing else; a wrong shape is told so.
        QString other = code;
        other[9] = other.at(9) == u'2' ? u'3' : u'2';
        EXPECT_ERROR(publicGet(u"/api/v1/public/complaints/"_s + other), 404, "NOT_FOUND");
        EXPECT_ERROR(publicGet(u"/api/v1/public/complaints/TS123"_s), 400, "BAD_REQUEST");
        EXPECT_ERROR(publicGet(u"/api/v1/public/complaints/QZ23456789"_s), 400, "BAD_REQUEST");

        // Anonymous: no name kept even when one is typed.
        QJsonObject anonymous = complaintForm(u"匿名反映"_s);
        anonymous.insert(u"anonymous"_s, true);
        const HttpResult a = publicPost(anonymous);
        EXPECT_STATUS(a, 201);
        const QJsonObject anon = storedFields(complaintId(a.json.value(u"code"_s).toString()));
        QVERIFY(!anon.contains(u"complainantName"_s) && !anon.contains(u"complainantPhone"_s));
        // The city's office when no county is named.
        QJsonObject city = complaintForm(u"市级受理"_s);
        city.remove(u"unit"_s);
        const HttpResult c = publicPost(city);
        EXPECT_STATUS(c, 201);
        QCOMPARE(placeOf(complaintId(c.json.value(u"code"_s).toString())).first, kCity);
    }

    void complaintFormRefusals()
    {
        const qint64 before = [this] {
            SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = 'complaint'"_s);
            q.exec();
            return q.next() ? q.int64(0) : -1;
        }();
        QJsonObject f = complaintForm(u"类别错误"_s);
        f.insert(u"category"_s, u"bogus"_s);
        EXPECT_ERROR(publicPost(f), 422, "VALIDATION_FAILED");
        f = complaintForm(u"没写姓名"_s);
        f.remove(u"name"_s);
        EXPECT_ERROR(publicPost(f), 400, "MISSING_FIELD");
        f = complaintForm(u"坏电话"_s);
        f.insert(u"phone"_s, u"abc"_s);
        EXPECT_ERROR(publicPost(f), 422, "VALIDATION_FAILED");
        f = complaintForm(u"   "_s);
        EXPECT_ERROR(publicPost(f), 400, "MISSING_FIELD");
        f = complaintForm(u"乡镇不能受理"_s);
        f.insert(u"unit"_s, kTown);
        EXPECT_ERROR(publicPost(f), 400, "BAD_REQUEST");
        f = complaintForm(u"多余字段"_s);
        f.insert(u"lookupCode"_s, u"TS22222222"_s);
        EXPECT_ERROR(publicPost(f), 400, "UNKNOWN_FIELD");
        f = complaintForm(u"不是图片"_s);
        f.insert(u"files"_s,
                 QJsonArray{QJsonObject{
                     {u"data"_s, QString::fromLatin1(QByteArray("MZ\x90\x00 an exe").toBase64())}}});
        EXPECT_ERROR(publicPost(f), 400, "BAD_REQUEST");
        f = complaintForm(u"太多附件"_s);
        QJsonArray four;
        for (int i = 0; i < 4; ++i)
            four.append(QJsonObject{{u"data"_s, QString::fromLatin1(pdf().toBase64())}});
        f.insert(u"files"_s, four);
        EXPECT_ERROR(publicPost(f), 400, "TOO_LONG");
        f = complaintForm(u"太大"_s);
        f.insert(
            u"files"_s,
            QJsonArray{QJsonObject{
                {u"data"_s, QString::fromLatin1(QByteArray(pdf() + QByteArray(3 << 20, 'a')).toBase64())}}});
        EXPECT_ERROR(publicPost(f), 413, "PAYLOAD_TOO_LARGE");
        f = complaintForm(u"坏编码"_s);
        f.insert(u"files"_s, QJsonArray{QJsonObject{{u"data"_s, u"!!!not base64!!!"_s}}});
        EXPECT_ERROR(publicPost(f), 400, "BAD_REQUEST");
        EXPECT_ERROR(m_http->request("POST", u"/api/v1/public/complaints"_s, QByteArray("{\"subject\":")),
                     400, "MALFORMED_JSON");
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = 'complaint'"_s);
        q.exec();
        QVERIFY(q.next());
        QCOMPARE(q.int64(0), before); // nothing half-registered
    }

    void handledFromIntakeToArchive()
    {
        const QString code = submit(u"补贴发放有误"_s);
        const QString id = complaintId(code);
        QVERIFY(!id.isEmpty());
        const auto step = [](const QString &action, const QJsonObject &more = QJsonObject()) {
            QJsonObject s{{u"action"_s, action}};
            for (auto it = more.constBegin(); it != more.constEnd(); ++it)
                s.insert(it.key(), it.value());
            return s;
        };
        // Only the office's reviewer takes it in.
        EXPECT_OUTCOME(take(kCountyClerk, id, step(u"accept"_s)), u"FORBIDDEN"_s, u"steps"_s);
        EXPECT_OUTCOME(take(kTownReviewer, id, step(u"accept"_s)), u"FORBIDDEN"_s, QString());
        EXPECT_OUTCOME(take(kCountyReviewer, id, step(u"reply"_s, {{u"note"_s, u"x"_s}})), u"FORBIDDEN"_s,
                       u"steps"_s);
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"accept"_s)));
        QCOMPARE(state(id), u"accepted"_s);
        // The slip names a department of the county.
        EXPECT_OUTCOME(take(kCountyReviewer, id, step(u"assign"_s)), u"FORBIDDEN"_s, u"steps"_s);
        EXPECT_OUTCOME(take(kCountyReviewer, id,
                            step(u"assign"_s, {{u"department"_s, QString(kCity + u"-agriculture"_s)}})),
                       u"VALIDATION_FAILED"_s, u"steps"_s);
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"assign"_s, {{u"department"_s, kAgriculture}})));
        QJsonObject f = storedFields(id);
        QCOMPARE(f.value(u"state"_s).toString(), u"assigned"_s);
        QCOMPARE(f.value(u"assignedDepartment"_s).toString(), kAgriculture);
        const QDate slip = sync::RecordType::dateOf(f, u"assignedOn"_s);
        QCOMPARE(sync::RecordType::dateOf(f, u"replyDueOn"_s),
                 WorkingCalendar::current().addWorkingDays(slip, 5));
        QCOMPARE(sync::RecordType::dateOf(f, u"resultDueOn"_s),
                 WorkingCalendar::current().addWorkingDays(slip, 10));
        // The department on the slip replies and concludes; the office does not do it for them.
        EXPECT_OUTCOME(take(kCountyReviewer, id, step(u"reply"_s, {{u"note"_s, u"收到"_s}})), u"FORBIDDEN"_s,
                       u"steps"_s);
        EXPECT_OUTCOME(take(kCountyClerk, id, step(u"reply"_s)), u"FORBIDDEN"_s, u"steps"_s); // no note
        EXPECT_APPLIED(take(kCountyClerk, id, step(u"reply"_s, {{u"note"_s, u"已收到，正在核实。"_s}})));
        // What the complainant wrote stays as written, and the department cannot re-sort it.
        QJsonObject op = upsert(kComplaint, id, kCounty, {{u"content"_s, u"改写"_s}});
        op.insert(u"departmentId"_s, kOffice);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"FORBIDDEN"_s, u"content"_s);
        op = upsert(kComplaint, id, kCounty, {{u"category"_s, u"conduct"_s}});
        op.insert(u"departmentId"_s, kOffice);
        EXPECT_OUTCOME(pushOne(kCountyClerk, op), u"FORBIDDEN"_s, u"category"_s);
        EXPECT_APPLIED(take(kCountyClerk, id,
                            step(u"conclude"_s, {{u"note"_s, u"经核实少发 300 元，已于本月补发。"_s}})));
        // The result reaches the complainant only once the office has reviewed it.
        QVERIFY(!publicGet(u"/api/v1/public/complaints/"_s + code).json.contains(u"result"_s));
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"return"_s, {{u"note"_s, u"请附补发凭证"_s}})));
        QCOMPARE(state(id), u"replied"_s);
        EXPECT_APPLIED(
            take(kCountyClerk, id,
                 step(u"conclude"_s, {{u"note"_s, u"经核实少发 300 元，已补发，凭证见附件。"_s}})));
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"approve"_s)));
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"feedback"_s, {{u"note"_s, u"已补发，请查收。"_s}})));
        QJsonObject seen = publicGet(u"/api/v1/public/complaints/"_s + code).json;
        QCOMPARE(seen.value(u"state"_s).toString(), u"fed-back"_s);
        QCOMPARE(seen.value(u"result"_s).toString(), u"经核实少发 300 元，已补发，凭证见附件。"_s);
        QCOMPARE(seen.value(u"feedback"_s).toString(), u"已补发，请查收。"_s);
        // An objection reopens it for a new slip.
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"object"_s, {{u"note"_s, u"投诉人称仍未到账"_s}})));
        QCOMPARE(state(id), u"reopened"_s);
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"assign"_s, {{u"department"_s, kAgriculture}})));
        EXPECT_APPLIED(take(kCountyClerk, id, step(u"reply"_s, {{u"note"_s, u"复查中"_s}})));
        EXPECT_APPLIED(take(kCountyClerk, id, step(u"conclude"_s, {{u"note"_s, u"银行已到账。"_s}})));
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"approve"_s)));
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"feedback"_s, {{u"note"_s, u"经复查已到账。"_s}})));
        EXPECT_APPLIED(take(kCountyReviewer, id, step(u"archive"_s)));
        QCOMPARE(state(id), u"archived"_s);
        // The history only grows.
        op = upsert(kComplaint, id, kCounty, {{u"steps"_s, QJsonArray{}}});
        op.insert(u"departmentId"_s, kOffice);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"FORBIDDEN"_s, u"steps"_s);
        op = remove(kComplaint, id, kCounty);
        op.insert(u"departmentId"_s, kOffice);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"FORBIDDEN"_s, QString());

        // The office enters a phone call; the portal's channel is the portal's.
        const QString callId = newId();
        QJsonObject call{{u"channel"_s, u"phone"_s},
                         {u"anonymous"_s, true},
                         {u"category"_s, u"conduct"_s},
                         {u"subject"_s, u"来电反映"_s},
                         {u"content"_s, u"干部态度差"_s},
                         {u"receivedOn"_s, iso(QDate(2026, 3, 2))},
                         {u"lookupCode"_s, portal::complaintLookupCode(callId)}};
        op = upsert(kComplaint, callId, kCounty, call);
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kCountyClerk, op), u"VALIDATION_FAILED"_s, u"channel"_s); // not the office
        op.insert(u"departmentId"_s, kOffice);
        op.insert(u"opId"_s, newId());
        EXPECT_APPLIED(pushOne(kCountyReviewer, op));
        call.insert(u"channel"_s, u"portal"_s);
        const QString fakeId = newId();
        call.insert(u"lookupCode"_s, portal::complaintLookupCode(fakeId));
        op = upsert(kComplaint, fakeId, kCounty, call);
        op.insert(u"departmentId"_s, kOffice);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"VALIDATION_FAILED"_s, u"channel"_s);
        call.insert(u"channel"_s, u"letter"_s);
        call.insert(u"lookupCode"_s, u"TS22222222"_s);
        op = upsert(kComplaint, newId(), kCounty, call);
        op.insert(u"departmentId"_s, kOffice);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"VALIDATION_FAILED"_s, u"lookupCode"_s);
    }

    void complainantNeedToKnow()
    {
        const QString id = complaintId(submit(u"身份保密"_s));
        QVERIFY(!id.isEmpty());
        const auto received = [this, &id](const QString &user) -> std::optional<QJsonObject> {
            for (const QJsonObject &r : pullAll(user)) {
                if (r.value(u"id"_s).toString() == id)
                    return r.value(u"fields"_s).toObject();
            }
            return std::nullopt;
        };
        const std::optional<QJsonObject> office = received(kCountyReviewer);
        QVERIFY(office);
        QCOMPARE(office->value(u"complainantName"_s).toString(), u"赵晓梅"_s);
        QCOMPARE(office->value(u"complainantPhone"_s).toString(), u"13962801234"_s);
        QVERIFY(handouts(kCountyReviewer, id) >= 1);
        for (const QString &user :
             {kCountyClerk, kCityReviewer, u"county-leader"_s, u"county-supervisor"_s}) {
            const std::optional<QJsonObject> f = received(user);
            QVERIFY2(f, qPrintable(user));
            QVERIFY2(f->value(u"complainantName"_s).isNull() && f->value(u"complainantPhone"_s).isNull(),
                     qPrintable(user));
            QCOMPARE(f->value(u"subject"_s).toString(), u"身份保密"_s);
            QCOMPARE(handouts(user, id), 0);
        }
        // Towns do not receive a county's complaints at all.
        QVERIFY(!received(kTownReviewer));
        // A supervisor who gives a reason reads it, and the hand-out is logged with the reason.
        const HttpResult disclosed =
            m_http->post(u"/api/v1/records/%1/disclose"_s.arg(id), {{u"reason"_s, u"核查投诉办理"_s}},
                         token(u"county-supervisor"_s));
        EXPECT_STATUS(disclosed, 200);
        QCOMPARE(disclosed.json.value(u"fields"_s).toObject().value(u"complainantName"_s).toString(),
                 u"赵晓梅"_s);
        QVERIFY(handouts(u"county-supervisor"_s, id) >= 1);
    }

    void overdueFollowedUpOnce()
    {
        setChinaTime(QDate(2026, 3, 2));
        const QString id = complaintId(submit(u"超期未办"_s));
        const auto step = [this, &id](const QString &user, const QJsonObject &s) {
            EXPECT_APPLIED(take(user, id, s));
        };
        step(kCountyReviewer, {{u"action"_s, u"accept"_s}});
        step(kCountyReviewer, {{u"action"_s, u"assign"_s}, {u"department"_s, kCivilAffairs}});
        drain();
        const QString replyKey = key(u"COMPLAINT_OVERDUE"_s, kComplaint, id, u"2026-03-02/reply"_s);
        QVERIFY(warning(replyKey).isEmpty());
        // 5 working days after Monday 2 March is Monday 9 March: late from the 10th.
        setChinaTime(QDate(2026, 3, 9));
        fullRun();
        QVERIFY(warning(replyKey).isEmpty());
        setChinaTime(QDate(2026, 3, 10));
        fullRun();
        const QJsonObject w = warning(replyKey);
        QCOMPARE(w.value(u"rule"_s).toString(), u"COMPLAINT_OVERDUE"_s);
        QCOMPARE(w.value(u"severity"_s).toString(), u"orange"_s);
        QVERIFY(!w.value(u"summary"_s).toString().contains(u"赵晓梅"_s));
        const qint64 count = warningCount();
        fullRun();
        QCOMPARE(warningCount(), count); // never twice
        // The office that assigned it follows it up.
        QCOMPARE(placeOf(warnings::WarningType::recordIdFor(replyKey)).second, kOffice);
        // The result deadline (10 working days: 16 March) follows once passed.
        setChinaTime(QDate(2026, 3, 17));
        fullRun();
        QCOMPARE(warning(key(u"COMPLAINT_OVERDUE"_s, kComplaint, id, u"2026-03-02/result"_s))
                     .value(u"rule"_s)
                     .toString(),
                 u"COMPLAINT_OVERDUE"_s);
        setChinaTime(QDate(2026, 3, 2));
    }

    void publicationsFromDraftToWithdrawal()
    {
        setChinaTime(QDate(2026, 3, 2));
        const QString id = newId();
        QJsonObject draft{{u"title"_s, u"测试公告"_s}, {u"category"_s, u"notice"_s}, {u"body"_s, u"正文"_s}};
        QJsonObject op = upsert(kAnnouncement, id, kCity, draft);
        op.insert(u"departmentId"_s, kCityOffice);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"FORBIDDEN"_s, QString()); // another unit's office
        op.insert(u"opId"_s, newId());
        EXPECT_APPLIED(pushOne(kCityClerk, op));
        const auto onPortal = [this](const QString &title) {
            for (const QJsonValue &v :
                 publicGet(u"/api/v1/public/announcements"_s).json.value(u"rows"_s).toArray()) {
                if (v.toObject().value(u"title"_s).toString() == title)
                    return true;
            }
            return false;
        };
        QVERIFY(!onPortal(u"测试公告"_s));
        op = upsert(kAnnouncement, id, kCity, {{u"publishedOn"_s, iso(QDate(2026, 3, 2))}});
        op.insert(u"departmentId"_s, kCityOffice);
        EXPECT_OUTCOME(pushOne(kCityClerk, op), u"FORBIDDEN"_s, u"publishedOn"_s); // clerks draft only
        op.insert(u"opId"_s, newId());
        EXPECT_APPLIED(pushOne(kCityReviewer, op));
        QCOMPARE(storedFields(id).value(u"state"_s).toString(), u"published"_s);
        QVERIFY(onPortal(u"测试公告"_s));
        op = upsert(kAnnouncement, id, kCity, {{u"body"_s, u"改了"_s}});
        op.insert(u"departmentId"_s, kCityOffice);
        EXPECT_OUTCOME(pushOne(kCityClerk, op), u"FORBIDDEN"_s, u"title"_s);
        QJsonObject del = remove(kAnnouncement, id, kCity);
        del.insert(u"departmentId"_s, kCityOffice);
        EXPECT_OUTCOME(pushOne(kCityReviewer, del), u"FORBIDDEN"_s, QString());
        op = upsert(kAnnouncement, id, kCity, {{u"expiresOn"_s, iso(QDate(2026, 3, 5))}});
        op.insert(u"departmentId"_s, kCityOffice);
        EXPECT_APPLIED(pushOne(kCityReviewer, op));
        setChinaTime(QDate(2026, 3, 6));
        QVERIFY(!onPortal(u"测试公告"_s)); // expired
        setChinaTime(QDate(2026, 3, 3));
        QVERIFY(onPortal(u"测试公告"_s));
        op = upsert(kAnnouncement, id, kCity, {{u"withdrawnOn"_s, iso(QDate(2026, 3, 3))}});
        op.insert(u"departmentId"_s, kCityOffice);
        EXPECT_APPLIED(pushOne(kCityReviewer, op));
        QVERIFY(!onPortal(u"测试公告"_s));

        // A department's policy with its Art. 22 entry deadline; only that department writes it.
        const QString policyId = newId();
        op = upsert(kPolicy, policyId, kCounty,
                    {{u"title"_s, u"农机购置补贴申请条件"_s},
                     {u"kind"_s, u"conditions"_s},
                     {u"body"_s, u"购置列入目录的农机具可申请补贴。"_s},
                     {u"completedOn"_s, iso(QDate(2026, 2, 20))}});
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kCountyReviewer, op), u"FORBIDDEN"_s,
                       QString()); // the office is not agriculture
        op.insert(u"opId"_s, newId());
        EXPECT_APPLIED(pushOne(kCountyClerk, op));
        const QJsonObject p = storedFields(policyId);
        // 20 Feb 2026 (in the Spring Festival holiday) + 7 working days.
        QCOMPARE(sync::RecordType::dateOf(p, u"publishDueOn"_s),
                 WorkingCalendar::current().addWorkingDays(QDate(2026, 2, 20), 7));
        const QDate due = sync::RecordType::dateOf(p, u"publishDueOn"_s);
        // The holiday ends on the 23rd: 24-27 Feb, the make-up Saturday 28 Feb, then 2 and 3 March.
        QCOMPARE(due, QDate(2026, 3, 3));
        QVERIFY(portal::policyPublishedLate(p, QDate(2026, 3, 4)));
        QVERIFY(!portal::policyPublishedLate(p, QDate(2026, 3, 3)));
        const HttpResult policies =
            publicGet(u"/api/v1/public/policies?place=%1&kind=conditions"_s.arg(kCounty));
        EXPECT_STATUS(policies, 200);
        for (const QJsonValue &v : policies.json.value(u"rows"_s).toArray())
            QVERIFY(v.toObject().value(u"title"_s).toString() != u"农机购置补贴申请条件"_s); // a draft
        EXPECT_ERROR(publicGet(u"/api/v1/public/policies?kind=nope"_s), 400, "BAD_REQUEST");
    }

    void identificationNoticesWhileTheyLast()
    {
        setChinaTime(QDate(2026, 5, 4));
        const QString id = identificationCaseAt(2, false); // village review passed on 3 May
        QVERIFY(!id.isEmpty());
        const auto post = [this, &id](QDate from, QDate to) {
            return pushOne(kTownClerk, upsert(kIdentification, id, kVillage,
                                              {{u"noticeStart"_s, iso(from)}, {u"noticeEnd"_s, iso(to)}}));
        };
        EXPECT_OUTCOME(post(QDate(2026, 5, 4), QDate(2026, 5, 7)), u"VALIDATION_FAILED"_s, u"noticeEnd"_s);
        EXPECT_OUTCOME(post(QDate(2026, 5, 2), QDate(2026, 5, 8)), u"VALIDATION_FAILED"_s, u"noticeStart"_s);
        EXPECT_APPLIED(post(QDate(2026, 5, 4), QDate(2026, 5, 8)));
        const auto listed = [this](const QString &place) {
            QJsonArray rows;
            const HttpResult r = publicGet(u"/api/v1/public/lists/notices?place=%1"_s.arg(place));
            if (r.status == 200)
                rows = r.json.value(u"rows"_s).toArray();
            return rows;
        };
        QJsonArray rows = listed(kCounty);
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(u"applicant"_s).toString(), u"赵*请"_s);
        QCOMPARE(row.value(u"stage"_s).toString(), u"村内公示"_s);
        QCOMPARE(row.value(u"start"_s).toString(), u"2026-05-04"_s);
        QCOMPARE(row.value(u"members"_s).toInt(), 3);
        QVERIFY(!row.contains(u"applicantIdNumber"_s) && !row.contains(u"perCapitaIncomeFen"_s));
        QCOMPARE(listed(kTown).size(), 1);
        QCOMPARE(listed(kOtherTown).size(), 0);
        EXPECT_ERROR(publicGet(u"/api/v1/public/lists/notices?place=%1"_s.arg(kCity)), 400, "BAD_REQUEST");
        // Over on the 9th; and once the notice step is taken, the dates left on the case do not count again.
        setChinaTime(QDate(2026, 5, 9));
        QCOMPARE(listed(kCounty).size(), 0);
        setChinaTime(QDate(2026, 5, 8));
        QCOMPARE(listed(kCounty).size(), 1);
        EXPECT_APPLIED(
            appendStep(kTownReviewer, kIdentification, id, identificationStep(2, userId(kTownReviewer))));
        QCOMPARE(listed(kCounty).size(), 0);
        // A case whose next step is no notice posts none.
        const QString fresh = identificationCaseAt(0, false);
        EXPECT_OUTCOME(pushOne(kTownClerk, upsert(kIdentification, fresh, kVillage,
                                                  {{u"noticeStart"_s, iso(QDate(2026, 5, 8))},
                                                   {u"noticeEnd"_s, iso(QDate(2026, 5, 14))}})),
                       u"VALIDATION_FAILED"_s, u"noticeStart"_s);
        setChinaTime(QDate(2026, 3, 2));
    }

    // Last: every public answer of the test, scanned.
    void noPersonalDataInAnyPublicAnswer()
    {
        // The help-request lookup and the demo's complaints join the scan.
        SqlQuery q(m_server->store(), u"SELECT key FROM record_keys WHERE key LIKE 'complaint-lookup:%' OR "
                                      u"key LIKE 'help-lookup:%'"_s);
        q.exec();
        while (q.next()) {
            const QString code = q.text(0).section(u':', 1);
            publicGet((code.startsWith(u"TS"_s) ? u"/api/v1/public/complaints/"_s
                                                : u"/api/v1/public/help-requests/"_s) +
                      code);
        }
        publicGet(u"/api/v1/public/announcements"_s);
        publicGet(u"/api/v1/public/policies"_s);
        QVERIFY(m_publicBodies.size() > 30);
        // Every complainant and household head name the store holds.
        QStringList names;
        SqlQuery n(m_server->store(),
                   u"SELECT data FROM records WHERE type IN ('complaint', 'household', 'disbursement')"_s);
        n.exec();
        while (n.next()) {
            const QJsonObject f = QJsonDocument::fromJson(n.text(0).toUtf8()).object();
            if (f.contains(u"recipientKind"_s) && f.value(u"recipientKind"_s).toString() != u"person"_s)
                continue;
            for (const QString &k : {u"complainantName"_s, u"headName"_s, u"recipientName"_s}) {
                const QString name = f.value(k).toString();
                if (name.size() >= 2)
                    names.append(name);
            }
        }
        QVERIFY(names.size() > 5);
        for (const QString &body : std::as_const(m_publicBodies)) {
            QVERIFY2(!kIdNumber.match(body).hasMatch(), qPrintable(body.left(300)));
            QVERIFY2(!kMobile.match(body).hasMatch(), qPrintable(body.left(300)));
            for (const QString &name : std::as_const(names))
                QVERIFY2(!body.contains(name), qPrintable(name + u": "_s + body.left(300)));
        }
    }

    void rateLimited()
    {
        ServerFixture::Options options;
        options.publicRate.perMinute = 3;
        ServerFixture limited(options);
        QString error;
        QVERIFY2(limited.start(&error), qPrintable(error));
        HttpsClient http(limited);
        for (int i = 0; i < 3; ++i)
            EXPECT_STATUS(http.get(u"/api/v1/public/complaints/TS22222222"_s), 404);
        const HttpResult r = http.get(u"/api/v1/public/complaints/TS22222223"_s);
        EXPECT_ERROR(r, 429, "TOO_MANY_REQUESTS");
        QVERIFY(!r.header("Retry-After").isEmpty());
        QVERIFY(isChinese(r.errorMessage()));
        // The portal's pages count on their own.
        EXPECT_STATUS(http.get(u"/"_s), 200);
    }
};

QTEST_MAIN(TestPortal)
#include "tst_portal.moc"
