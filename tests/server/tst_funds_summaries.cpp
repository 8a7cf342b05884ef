// The fund summaries (server/summary): kept in the push transaction as records arrive, equal to what the raw
// rows say after every kind of change (create, amount changed, period moved to another month, delete,
// rejected operations, a push whose transaction fails at any database access), a corrupted summary row
// reported by `sunshine-server summary-check` and repaired by `summary-rebuild`, and the dashboard route's
// figures equal to plain GROUP BY queries over the raw rows, within the caller's area only.
#include "common/auth/Role.h"
#include "common/core/IdCard.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "server/demo/DemoData.h"
#include "server/funds/FundDashboard.h"
#include "server/funds/SummaryUpdater.h"
#include "tests/support/HttpsClient.h"
#include "tests/support/PushAnswer.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestStores.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;

namespace {

const QString kPassword = QString::fromUtf16(DemoData::kPassword);
const QString kCity = u"320600000000"_s;
const QString kCounty = u"320612000000"_s; // 通州区
const QString kTown = DemoData::townId(u"320612"_s, 0);
const QString kTown2 = DemoData::townId(u"320612"_s, 1);
const QString kVillage = DemoData::villageId(kTown, 0);
const QString kVillage2 = DemoData::villageId(kTown, 1);
const QString kVillage3 = DemoData::villageId(kTown2, 4);
const QString kOtherCounty = u"320623000000"_s; // 如东县
const QString kOtherVillage = DemoData::villageId(DemoData::townId(u"320623"_s, 2), 3);
const QString kAgriculture = kCounty + u"-agriculture"_s;
const QString kOtherAgriculture = kOtherCounty + u"-agriculture"_s;
const QString kCivil = kCounty + u"-civil-affairs"_s;
const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);
const QString kAllocation = QString::fromUtf16(funds::AllocationType::kName);

constexpr qint64 kHour = 3600LL * 1000;

qint64 chinaMs(QDate date, QTime time = QTime(10, 0))
{
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - 8 * kHour;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString idNumber(int sequence)
{
    const QString first17 = u"320612"_s + u"19700101"_s + u"%1"_s.arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdCard::checkCharacter(first17);
}

funds::FundLine firstLine(const std::function<bool(const funds::FundLine &)> &wanted)
{
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &line : lines) {
        if (wanted(line))
            return line;
    }
    return {};
}

funds::FundLine agriProjectLine()
{
    return firstLine([](const funds::FundLine &l) {
        return l.leadDepartment == u"agriculture"_s && l.cycle == funds::PaymentCycle::PerProject;
    });
}

funds::FundLine agriPersonLine()
{
    return firstLine([](const funds::FundLine &l) {
        return l.leadDepartment == u"agriculture"_s && l.recipient == funds::Recipient::Person;
    });
}

funds::FundLine civilMonthlyLine()
{
    return firstLine([](const funds::FundLine &l) {
        return l.leadDepartment == u"civil-affairs"_s && l.cycle == funds::PaymentCycle::Monthly &&
               l.recipient == funds::Recipient::Person;
    });
}

QJsonObject disbursement(const funds::FundLine &line, const QString &period, QDate paidOn, qint64 amountFen)
{
    QJsonObject f{{u"fundCode"_s, line.code},
                  {u"recipientKind"_s, funds::recipientName(line.recipient)},
                  {u"recipientName"_s, u"王建国"_s},
                  {u"amountFen"_s, amountFen},
                  {u"period"_s, period},
                  {u"paidOn"_s, paidOn.toString(Qt::ISODate)}};
    if (line.recipient == funds::Recipient::Person)
        f.insert(u"idNumber"_s, idNumber(11));
    return f;
}

// The summary rows of a unit at its level, summed over the other columns.
struct Sums
{
    qint64 count = 0;
    qint64 amount = 0;
};

} // namespace

class TestSummaries : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpsClient> m_http;
    QHash<QString, QString> m_tokens;
    QHash<QString, qint64> m_versions; // record id -> version the server gave it
    bool m_quiet = false;              // pushes expected to fail

    Store &store() { return m_server->store(); }
    qint64 now() const { return m_server->clock().nowMs(); }

    void setChinaTime(QDate date)
    {
        m_server->clock().setNowMs(chinaMs(date));
        m_tokens.clear();
    }

    QString token(const QString &username)
    {
        if (!m_tokens.contains(username))
            m_tokens.insert(username, m_http->login(username, kPassword));
        return m_tokens.value(username);
    }

    QJsonObject op(const QString &type, const QString &id, const QString &orgUnitId, const QString &dept,
                   const QJsonObject &fields, const QString &kind = u"upsert"_s)
    {
        return {{u"opId"_s, newId()},
                {u"recordId"_s, id},
                {u"type"_s, type},
                {u"orgUnitId"_s, orgUnitId},
                {u"departmentId"_s, dept},
                {u"kind"_s, kind},
                {u"baseVersion"_s, m_versions.value(id)},
                {u"changedFields"_s, fields},
                {u"deviceTime"_s, now()}};
    }

    // One push; the answers (empty when the push as a whole failed). Remembers the versions applied.
    QList<PushAnswer> push(const QString &username, const QJsonArray &ops)
    {
        const HttpResult r = m_http->post(u"/api/v1/sync/push"_s,
                                          {{u"deviceNow"_s, now()}, {u"operations"_s, ops}}, token(username));
        if (r.status != 200) {
            if (store().accessCount() >= 0 && !m_quiet)
                qWarning("push by %s failed: %s", qPrintable(username), r.describe().constData());
            return {};
        }
        QList<PushAnswer> answers;
        const QJsonArray results = r.json.value(u"results"_s).toArray();
        for (qsizetype i = 0; i < results.size(); ++i) {
            answers.append({results.at(i).toObject()});
            if (answers.last().status() == u"applied"_s)
                m_versions.insert(ops.at(i).toObject().value(u"recordId"_s).toString(),
                                  answers.last().version());
        }
        return answers;
    }

    PushAnswer pushOne(const QString &username, const QJsonObject &o)
    {
        const QList<PushAnswer> a = push(username, QJsonArray{o});
        return a.size() == 1 ? a.first() : PushAnswer{};
    }

    // Differences between the summaries and the raw rows, as lines.
    QString differences()
    {
        qint64 count = 0;
        const QStringList lines = SummaryUpdater::check(store(), 20, &count);
        return count == 0 ? QString() : u"%1 differences:\n"_s.arg(count) + lines.join(u'\n');
    }

    Sums sums(int lvl, const QString &unit, int year = 0, int month = 0)
    {
        QString sql =
            u"SELECT COALESCE(SUM(record_count), 0), COALESCE(SUM(amount_fen), 0) FROM fund_summary "
            u"WHERE lvl = ? AND unit_id = ?"_s;
        if (year)
            sql += u" AND year = ? AND month = ?"_s;
        SqlQuery q(store(), sql);
        q.bind(lvl).bindText(unit);
        if (year)
            q.bind(year).bind(month);
        q.exec();
        q.next();
        return {q.int64(0), q.int64(1)};
    }

    struct CliResult
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    CliResult cli(const QString &command)
    {
        CliResult result;
        QProcess p;
        p.start(QString::fromLocal8Bit(SUNSHINE_SERVER_BIN),
                {command, u"--database"_s, m_server->storeConfig().describe()});
        if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
            result.err = p.errorString();
            p.kill();
            p.waitForFinished(5000);
            return result;
        }
        result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        result.out = QString::fromUtf8(p.readAllStandardOutput());
        result.err = QString::fromUtf8(p.readAllStandardError());
        return result;
    }

    DashboardFilter filter(const QString &org, int year, int quarter = 0, const QString &kind = {},
                           const QString &department = {})
    {
        SqlQuery q(store(), u"SELECT path, level FROM org_units WHERE id = ?"_s);
        q.bindText(org).exec();
        q.next();
        DashboardFilter f;
        f.year = year;
        f.quarter = quarter;
        f.kind = kind;
        f.department = department;
        f.orgUnitId = org;
        f.orgPath = q.text(0);
        f.orgLevel = int(q.int64(1));
        f.today = chinaDateOf(now());
        return f;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpsClient>(*m_server);
        qInfo("store: %s", qPrintable(testStoreName()));
        addUser(*m_server, u"rudong-agri"_s, Role::Clerk, kOtherCounty, kOtherAgriculture);
        addUser(*m_server, u"tz-civil"_s, Role::Clerk, kCounty, kCivil);
        addUser(*m_server, u"rudong-leader"_s, Role::Leader, kOtherCounty,
                kOtherCounty + u"-poverty-office"_s);
        QVERIFY(!agriProjectLine().code.isEmpty());
        QVERIFY(!agriPersonLine().code.isEmpty());
        QVERIFY(!civilMonthlyLine().code.isEmpty());
        setChinaTime(QDate(2026, 5, 12));
        QVERIFY2(differences().isEmpty(), qPrintable(differences()));
    }

    void cleanup()
    {
        store().failAccessNumber(0);
        const QString d = differences();
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    // Create, change the amount, move the period to another month, delete: the summaries follow at every
    // level.
    void followsEachChange()
    {
        setChinaTime(QDate(2026, 5, 12));
        const funds::FundLine line = agriProjectLine();
        const Sums cityBefore = sums(1, kCity);
        const QString id = newId();
        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, id, kVillage, kAgriculture,
                                          disbursement(line, u"2026-04"_s, QDate(2026, 5, 8), 125000))));
        QVERIFY2(differences().isEmpty(), qPrintable(differences()));
        QCOMPARE(sums(4, kVillage, 2026, 4).amount, 125000);
        QCOMPARE(sums(3, kTown, 2026, 4).count, 1);
        QCOMPARE(sums(2, kCounty, 2026, 4).amount, 125000);
        QCOMPARE(sums(1, kCity).amount, cityBefore.amount + 125000);

        EXPECT_APPLIED(pushOne(u"county-clerk"_s,
                               op(kDisbursement, id, kVillage, kAgriculture, {{u"amountFen"_s, 200000}})));
        QVERIFY2(differences().isEmpty(), qPrintable(differences()));
        QCOMPARE(sums(4, kVillage, 2026, 4).amount, 200000);
        QCOMPARE(sums(1, kCity).amount, cityBefore.amount + 200000);

        EXPECT_APPLIED(pushOne(u"county-clerk"_s,
                               op(kDisbursement, id, kVillage, kAgriculture, {{u"period"_s, u"2026-03"_s}})));
        QVERIFY2(differences().isEmpty(), qPrintable(differences()));
        QCOMPARE(sums(4, kVillage, 2026, 4).count, 0);
        QCOMPARE(sums(4, kVillage, 2026, 3).amount, 200000);
        QCOMPARE(sums(2, kCounty, 2026, 3).count, 1);

        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, id, kVillage, kAgriculture, {}, u"delete"_s)));
        QVERIFY2(differences().isEmpty(), qPrintable(differences()));
        QCOMPARE(sums(4, kVillage, 2026, 3).count, 0);
        QCOMPARE(sums(1, kCity).amount, cityBefore.amount);
        QCOMPARE(sums(1, kCity).count, cityBefore.count);
    }

    // Several operations on one record in one batch, and rejected operations beside them: only what was
    // applied counts, once.
    void batchesAndRejections()
    {
        setChinaTime(QDate(2026, 5, 12));
        const funds::FundLine line = agriProjectLine();
        const Sums before = sums(2, kCounty);
        const QString a = newId(), b = newId(), c = newId();
        QJsonArray ops{op(kDisbursement, a, kVillage, kAgriculture,
                          disbursement(line, u"2026-05"_s, QDate(2026, 5, 6), 10000)),
                       op(kDisbursement, b, kVillage2, kAgriculture,
                          disbursement(line, u"2026-05"_s, QDate(2026, 5, 6), 0)), // amount 0: rejected
                       op(kDisbursement, c, kVillage2, kAgriculture,
                          disbursement(line, u"2026-05"_s, QDate(2026, 5, 13), 500))}; // paid tomorrow
        QJsonObject second = op(kDisbursement, a, kVillage, kAgriculture, {{u"amountFen"_s, 30000}});
        second.insert(u"baseVersion"_s, 1);
        ops.append(second);
        const QList<PushAnswer> answers = push(u"county-clerk"_s, ops);
        QCOMPARE(answers.size(), 4);
        EXPECT_APPLIED(answers.at(0));
        EXPECT_REJECTED(answers.at(1), "VALIDATION_FAILED", "amountFen");
        EXPECT_REJECTED(answers.at(2), "VALIDATION_FAILED", "paidOn");
        EXPECT_APPLIED(answers.at(3));
        QCOMPARE(sums(2, kCounty).count, before.count + 1);
        QCOMPARE(sums(2, kCounty).amount, before.amount + 30000);
        // Someone outside the department, and a leader: refused, nothing counted.
        EXPECT_REJECTED(
            pushOne(u"rudong-agri"_s, op(kDisbursement, newId(), kVillage, kAgriculture,
                                         disbursement(line, u"2026-05"_s, QDate(2026, 5, 6), 777))),
            "FORBIDDEN", "");
        EXPECT_REJECTED(
            pushOne(u"county-leader"_s, op(kDisbursement, newId(), kVillage, kAgriculture,
                                           disbursement(line, u"2026-05"_s, QDate(2026, 5, 6), 777))),
            "FORBIDDEN", "");
        QCOMPARE(sums(2, kCounty).count, before.count + 1);
        // The same operation sent again: applied once.
        const QJsonObject again = op(kDisbursement, newId(), kVillage, kAgriculture,
                                     disbursement(line, u"2026-05"_s, QDate(2026, 5, 7), 4000));
        EXPECT_APPLIED(pushOne(u"county-clerk"_s, again));
        EXPECT_APPLIED(pushOne(u"county-clerk"_s, again));
        QCOMPARE(sums(2, kCounty).count, before.count + 2);
    }

    // The Nth database access of a push fails, for every N: the batch is rolled back whole, summaries
    // included.
    void faultedTransactionsLeaveSummariesConsistent()
    {
        setChinaTime(QDate(2026, 5, 12));
        const funds::FundLine line = agriProjectLine();
        const QString moved = newId();
        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, moved, kVillage3, kAgriculture,
                                          disbursement(line, u"2026-02"_s, QDate(2026, 2, 10), 9900))));
        token(u"county-clerk"_s);
        auto batch = [&](int round) {
            return QJsonArray{
                op(kDisbursement, newId(), kVillage3, kAgriculture,
                   disbursement(line, u"2026-05"_s, QDate(2026, 5, 4), 1000 + round)),
                op(kDisbursement, moved, kVillage3, kAgriculture,
                   {{u"amountFen"_s, 5000 + round}, {u"period"_s, u"2026-0%1"_s.arg(1 + round % 4)}}),
                op(kDisbursement, newId(), kVillage2, kAgriculture,
                   disbursement(line, u"2026Q2"_s, QDate(2026, 5, 5), 3000 + round))};
        };
        // How many accesses a push takes.
        qint64 before = store().accessCount();
        QCOMPARE(push(u"county-clerk"_s, batch(0)).size(), 3);
        const qint64 accesses = store().accessCount() - before;
        qInfo("one push of 3 disbursements: %lld database accesses", accesses);
        QVERIFY(accesses > 5);
        int failed = 0;
        for (qint64 n = 1; n <= accesses + 1; ++n) {
            const Sums county = sums(2, kCounty);
            m_quiet = true;
            store().failAccessNumber(n);
            const QList<PushAnswer> answers = push(u"county-clerk"_s, batch(int(n)));
            store().failAccessNumber(0);
            m_quiet = false;
            if (answers.isEmpty()) {
                ++failed;
                QCOMPARE(sums(2, kCounty).count, county.count); // nothing of the batch
            }
            const QString d = differences();
            QVERIFY2(d.isEmpty(), qPrintable(u"fault at access %1:\n%2"_s.arg(n).arg(d)));
        }
        qInfo("%d of %lld faulty pushes failed as a whole", failed, accesses + 1);
        QVERIFY(failed > 0);
    }

    // summary-check reports a corrupted row and a missing one (exit 1); summary-rebuild repairs them.
    void checkReportsCorruption()
    {
        QVERIFY(sums(2, kCounty).count > 0);
        QCOMPARE(cli(u"summary-check"_s).exitCode, 0);
        SqlQuery(store(),
                 u"UPDATE fund_summary SET amount_fen = amount_fen + 1 WHERE lvl = 2 AND unit_id = ? "
                 u"AND record_count > 0"_s)
            .bindText(kCounty)
            .exec();
        qint64 count = 0;
        QStringList lines = SummaryUpdater::check(store(), 50, &count);
        QVERIFY2(count >= 1, "a changed amount is not reported");
        QVERIFY2(lines.first().contains(kCounty), qPrintable(lines.join(u'\n')));
        SqlQuery(store(), u"DELETE FROM fund_summary WHERE lvl = 4 AND unit_id = ?"_s)
            .bindText(kVillage3)
            .exec();
        const qint64 changed = count;
        lines = SummaryUpdater::check(store(), 50, &count);
        QVERIFY2(count > changed, qPrintable(lines.join(u'\n')));
        QVERIFY(lines.join(u'\n').contains(u"missing"_s));
        const CliResult check = cli(u"summary-check"_s);
        QVERIFY2(check.exitCode == 1, qPrintable(check.out + check.err));
        QVERIFY2(check.err.contains(kVillage3), qPrintable(check.err));
        const CliResult rebuild = cli(u"summary-rebuild"_s);
        QVERIFY2(rebuild.exitCode == 0, qPrintable(rebuild.out + rebuild.err));
        const CliResult after = cli(u"summary-check"_s);
        QVERIFY2(after.exitCode == 0, qPrintable(after.out + after.err));
    }

    // The dashboard route's figures equal plain GROUP BY queries over the raw rows, for every level and
    // filter.
    void dashboardEqualsRawGroupBy()
    {
        const funds::FundLine project = agriProjectLine();
        const funds::FundLine person = agriPersonLine();
        const funds::FundLine monthly = civilMonthlyLine();
        // Last year (entered last year: rule 6).
        setChinaTime(QDate(2025, 6, 20));
        for (int i = 0; i < 4; ++i)
            EXPECT_APPLIED(pushOne(
                u"county-clerk"_s,
                op(kDisbursement, newId(), i % 2 ? kVillage : kVillage3, kAgriculture,
                   disbursement(project, u"2025-0%1"_s.arg(3 + i), QDate(2025, 6, 2 + i), 20000 * (i + 1)))));
        EXPECT_APPLIED(
            pushOne(u"rudong-agri"_s, op(kDisbursement, newId(), kOtherVillage, kOtherAgriculture,
                                         disbursement(project, u"2025-05"_s, QDate(2025, 6, 1), 70000))));
        // Entered on time without a voucher: the voucher is overdue by 12 May.
        setChinaTime(QDate(2026, 4, 30));
        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, newId(), kVillage2, kAgriculture,
                                          disbursement(project, u"2026-04"_s, QDate(2026, 4, 27), 31000))));
        // This year: villages, a town and the county itself, a relief line, a late entry, an allocation not
        // reported.
        setChinaTime(QDate(2026, 5, 12));
        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, newId(), kTown2, kAgriculture,
                                          disbursement(project, u"2026-01"_s, QDate(2026, 1, 20), 88000))));
        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, newId(), kCounty, kAgriculture,
                                          disbursement(project, u"2026Q1"_s, QDate(2026, 2, 3), 99000))));
        EXPECT_APPLIED(
            pushOne(u"county-clerk"_s, op(kDisbursement, newId(), kVillage2, kAgriculture,
                                          disbursement(person, u"2026-03"_s, QDate(2026, 3, 2), 6600))));
        EXPECT_APPLIED(
            pushOne(u"tz-civil"_s, op(kDisbursement, newId(), kVillage, kCivil,
                                      disbursement(monthly, u"2026-05"_s, QDate(2026, 5, 11), 52000))));
        // April's money paid on the 20th, after the 15th it was due by (Art. 6 (三)): paid late.
        EXPECT_APPLIED(
            pushOne(u"tz-civil"_s, op(kDisbursement, newId(), kVillage, kCivil,
                                      disbursement(monthly, u"2026-04"_s, QDate(2026, 4, 20), 30000))));
        EXPECT_APPLIED(
            pushOne(u"rudong-agri"_s, op(kDisbursement, newId(), kOtherVillage, kOtherAgriculture,
                                         disbursement(person, u"2026-04"_s, QDate(2026, 4, 8), 4400))));
        // Central relief money not reported to the city (Art. 6 (一) is for relief funds only).
        EXPECT_APPLIED(pushOne(u"tz-civil"_s, op(kAllocation, newId(), kCounty, kCivil,
                                                 {{u"fundCode"_s, monthly.code},
                                                  {u"sourceLevel"_s, u"central"_s},
                                                  {u"year"_s, 2026},
                                                  {u"amountFen"_s, 50000000},
                                                  {u"documentNo"_s, u"通财社〔2026〕12号"_s},
                                                  {u"receivedOn"_s, u"2026-04-01"_s},
                                                  {u"account"_s, u"social-security"_s}})));
        QVERIFY2(differences().isEmpty(), qPrintable(differences()));

        FundDashboard dashboard(store());
        struct Case
        {
            QString org;
            int quarter;
            QString kind;
            QString department;
        };
        const QList<Case> cases{{kCity, 0, {}, {}},
                                {kCounty, 0, {}, {}},
                                {kTown, 0, {}, {}},
                                {kTown2, 0, {}, {}},
                                {kVillage, 0, {}, {}},
                                {kCity, 1, {}, {}},
                                {kCity, 2, u"agricultural"_s, {}},
                                {kCounty, 0, u"relief-fiscal"_s, {}},
                                {kCity, 0, {}, u"agriculture"_s},
                                {kCounty, 0, {}, kCivil},
                                {kOtherCounty, 0, {}, {}}};
        const QString leader = token(u"city-leader"_s);
        for (const Case &c : cases) {
            for (const int year : {2026, 2025}) {
                const DashboardFilter f = filter(c.org, year, c.quarter, c.kind, c.department);
                const QJsonObject raw = dashboard.raw(f);
                QString query = u"/api/v1/dashboard/funds?org=%1&year=%2"_s.arg(c.org).arg(year);
                if (c.quarter)
                    query += u"&quarter=%1"_s.arg(c.quarter);
                if (!c.kind.isEmpty())
                    query += u"&kind="_s + c.kind;
                if (!c.department.isEmpty())
                    query += u"&department="_s + c.department;
                const HttpResult r = m_http->get(query, leader);
                EXPECT_STATUS(r, 200);
                QVERIFY2(r.json == raw,
                         qPrintable(query + u"\nroute: "_s +
                                    QString::fromUtf8(QJsonDocument(r.json).toJson()) + u"\nraw: "_s +
                                    QString::fromUtf8(QJsonDocument(raw).toJson())));
                QCOMPARE(dashboard.summary(f), raw);
            }
        }
        // Something is there to compare: the city this year, by county, with a late entry and overdue items.
        const QJsonObject city = dashboard.summary(filter(kCity, 2026));
        QVERIFY(city.value(u"totals"_s).toObject().value(u"count"_s).toInteger() >= 7);
        QCOMPARE(city.value(u"children"_s).toArray().size(), 9);
        QVERIFY(city.value(u"totals"_s).toObject().value(u"lateCount"_s).toInteger() >= 1);
        QCOMPARE(city.value(u"totals"_s).toObject().value(u"paidLateCount"_s).toInteger(), 1);
        QCOMPARE(city.value(u"totals"_s).toObject().value(u"paidLateFen"_s).toInteger(), 30000);
        qint64 reports = 0, vouchers = 0, civilPaidLate = 0;
        const QJsonArray departments = city.value(u"departments"_s).toArray();
        for (const QJsonValue &d : departments) {
            reports += d.toObject().value(u"overdueReportCount"_s).toInteger();
            vouchers += d.toObject().value(u"overdueVoucherCount"_s).toInteger();
            if (d.toObject().value(u"departmentId"_s).toString() == kCivil)
                civilPaidLate = d.toObject().value(u"paidLateCount"_s).toInteger();
        }
        QCOMPARE(civilPaidLate, 1);
        QVERIFY(reports >= 1);
        QVERIFY(vouchers >= 1);
        const QJsonObject county = dashboard.summary(filter(kCounty, 2026));
        QCOMPARE(county.value(u"children"_s).toArray().size(), DemoData::kTownsPerCounty);
        QCOMPARE(county.value(u"self"_s).toObject().value(u"amountFen"_s).toInteger(), 99000);
    }

    // Each caller sees its own area only; bad parameters are answered 400 with the field.
    void scopeAndParameters()
    {
        setChinaTime(QDate(2026, 5, 12));
        const QString county = token(u"county-leader"_s);
        const QString town = token(u"town-leader"_s);
        EXPECT_STATUS(m_http->get(u"/api/v1/dashboard/funds"_s, county), 200);
        const HttpResult own = m_http->get(u"/api/v1/dashboard/funds?year=2026"_s, county);
        QCOMPARE(own.json.value(u"org"_s).toObject().value(u"id"_s).toString(), kCounty);
        EXPECT_ERROR(m_http->get(u"/api/v1/dashboard/funds?org="_s + kOtherCounty, county), 403, "FORBIDDEN");
        EXPECT_ERROR(m_http->get(u"/api/v1/dashboard/funds?org="_s + kCity, county), 403, "FORBIDDEN");
        EXPECT_ERROR(m_http->get(u"/api/v1/dashboard/funds?org="_s + kOtherVillage, county), 403,
                     "FORBIDDEN");
        EXPECT_ERROR(m_http->get(u"/api/v1/dashboard/funds?org="_s + kCounty, town), 403, "FORBIDDEN");
        EXPECT_STATUS(m_http->get(u"/api/v1/dashboard/funds?org="_s + kVillage, town), 200);
        EXPECT_ERROR(m_http->get(u"/api/v1/dashboard/funds?org="_s + kCounty, token(u"rudong-leader"_s)), 403,
                     "FORBIDDEN");
        EXPECT_ERROR(m_http->get(u"/api/v1/dashboard/funds"_s), 401, "UNAUTHENTICATED");
        for (const QString &bad : {u"year=abc"_s, u"year=1999"_s, u"year=99999999999"_s, u"quarter=5"_s,
                                   u"quarter=0"_s, u"quarter=q1"_s, u"kind=money"_s, u"department=%27%3B--"_s,
                                   u"org=abc"_s, u"org=999999999999"_s, u"org=%00"_s}) {
            const HttpResult r = m_http->get(u"/api/v1/dashboard/funds?"_s + bad, county);
            QVERIFY2(r.status == 400 && r.errorCode() == u"BAD_REQUEST"_s && !r.errorField().isEmpty() &&
                         isChinese(r.errorMessage()),
                     qPrintable(bad + u": "_s + QString::fromUtf8(r.describe())));
        }
        EXPECT_STATUS(m_http->get(u"/api/v1/health"_s), 200);
    }
};

QTEST_GUILESS_MAIN(TestSummaries)
#include "tst_funds_summaries.moc"
