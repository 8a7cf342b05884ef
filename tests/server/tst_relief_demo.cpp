// The 阳光扶贫 demo records obey the module's own rules: every record passes its type's checks as the server
// applies them (case histories replayed step by step), every member's 身份证号 is held once, and the audit
// chain stays intact. On SQLite and PostgreSQL.
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "common/relief/CaseTypes.h"
#include "common/sync/RecordType.h"
#include "server/api/Services.h"
#include "server/audit/AuditLog.h"
#include "server/relief/ReliefDemo.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

QJsonArray firstSteps(const QJsonArray &steps, qsizetype n)
{
    QJsonArray out;
    for (qsizetype i = 0; i < n && i < steps.size(); ++i)
        out.append(steps.at(i));
    return out;
}

} // namespace

class TestReliefDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_counts = ReliefDemo::loadIfEmpty(m_server.store(), m_server.clock(), m_server.services().audit);
    }

    void loadsEveryKind()
    {
        QVERIFY(m_counts.households > 2000);
        QVERIFY(m_counts.members > m_counts.households);
        SqlQuery q(m_server.store(), u"SELECT type, COUNT(*) FROM records GROUP BY type"_s);
        q.exec();
        QHash<QString, qint64> byType;
        while (q.next())
            byType.insert(q.text(0), q.int64(1));
        for (const QString &type :
             {u"household"_s, u"member"_s, u"household-income"_s, u"identification-case"_s, u"exit-case"_s,
              u"weak-village"_s, u"helper"_s, u"pairing"_s, u"visit"_s, u"help-request"_s})
            QVERIFY2(byType.value(type) > 0, qPrintable(type));
        QCOMPARE(byType.value(u"household"_s), qint64(m_counts.households));
        QCOMPARE(byType.value(u"member"_s), qint64(m_counts.members));
        QCOMPARE(byType.value(u"weak-village"_s), qint64(122));
    }

    void secondLoadDoesNothing()
    {
        const ReliefDemo::Counts again =
            ReliefDemo::loadIfEmpty(m_server.store(), m_server.clock(), m_server.services().audit);
        QCOMPARE(again.records, 0);
    }

    void everyRecordPassesItsRules()
    {
        QHash<QString, sync::Placement> places;
        {
            SqlQuery q(m_server.store(), u"SELECT id, path, level FROM org_units"_s);
            q.exec();
            while (q.next()) {
                sync::Placement p;
                p.orgUnitId = q.text(0);
                p.orgPath = q.text(1);
                p.orgLevel = OrgLevel(q.int64(2));
                places.insert(p.orgUnitId, p);
            }
        }
        QHash<QString, sync::Record> all;
        {
            SqlQuery q(m_server.store(),
                       u"SELECT id, type, org_unit_id, data FROM records WHERE deleted = 0 ORDER BY seq"_s);
            q.exec();
            while (q.next()) {
                sync::Record r;
                r.id = q.text(0);
                r.type = q.text(1);
                r.orgUnitId = q.text(2);
                r.fields = QJsonDocument::fromJson(q.text(3).toUtf8()).object();
                all.insert(r.id, r);
            }
        }
        sync::RuleContext context;
        context.nowMs = m_server.clock().nowMs();
        context.today = chinaDateOf(context.nowMs);
        context.calendar = &WorkingCalendar::builtIn();
        // Departments answer as the server's lookup gives them: records of type "department".
        QHash<QString, sync::Record> departments;
        {
            SqlQuery q(m_server.store(), u"SELECT d.id, d.code, d.org_unit_id, o.level FROM departments d "
                                         u"JOIN org_units o ON o.id = d.org_unit_id"_s);
            q.exec();
            while (q.next()) {
                sync::Record d;
                d.id = q.text(0);
                d.type = u"department"_s;
                d.orgUnitId = q.text(2);
                d.fields = {{u"code"_s, q.text(1)}, {u"orgLevel"_s, orgLevelName(OrgLevel(q.int64(3)))}};
                departments.insert(d.id, d);
            }
        }
        context.lookup = [&all, &departments](const QString &id) -> std::optional<sync::Record> {
            if (const auto it = all.constFind(id); it != all.constEnd())
                return *it;
            if (const auto it = departments.constFind(id); it != departments.constEnd())
                return *it;
            return std::nullopt;
        };
        QHash<QString, int> checkedByType;
        int stepsChecked = 0;
        for (const sync::Record &r : std::as_const(all)) {
            const sync::RecordType *type = sync::RecordTypes::find(r.type);
            QVERIFY2(type, qPrintable(r.type));
            const sync::Placement place = places.value(r.orgUnitId);
            const QJsonArray steps = r.fields.value(u"steps"_s).toArray();
            // A case's history is checked as it was built: one step at a time.
            for (qsizetype k = 0; k <= steps.size(); ++k) {
                QJsonObject after = r.fields;
                QJsonObject before = r.fields;
                if (r.fields.contains(u"steps"_s)) {
                    after.insert(u"steps"_s, firstSteps(steps, k));
                    before.insert(u"steps"_s, firstSteps(steps, k - 1));
                }
                // A notice being held is posted after the last step: checked as posted then.
                for (const QString &posted : {u"noticeStart"_s, u"noticeEnd"_s}) {
                    before.remove(posted);
                    if (k < steps.size())
                        after.remove(posted);
                }
                context.before = k == 0 ? nullptr : &before;
                const auto problem = type->checkRecord(r.id, after, place, context);
                QVERIFY2(!problem, qPrintable(u"%1 %2 (step %3): %4 %5"_s.arg(
                                       r.type, r.id, QString::number(k), problem ? problem->field : QString(),
                                       problem ? problem->message : QString())));
                stepsChecked += k > 0 ? 1 : 0;
            }
            ++checkedByType[r.type];
        }
        // Every kind of record the demo makes went through its rules, the cases step by step.
        for (const QString &type :
             {u"household"_s, u"member"_s, u"household-income"_s, u"identification-case"_s, u"exit-case"_s,
              u"help-request"_s, u"pairing"_s, u"visit"_s, u"helper"_s}) {
            QVERIFY2(checkedByType.value(type) > 0, qPrintable(type));
        }
        QVERIFY(stepsChecked > checkedByType.value(u"identification-case"_s));
    }

    void everyPersonHeldOnce()
    {
        // One key per member (身份证号) and one per help request (lookup code), each held by one record.
        SqlQuery q(m_server.store(),
                   u"SELECT COUNT(*), COUNT(DISTINCT record_id) FROM record_keys WHERE key LIKE "
                   u"'person:%'"_s);
        q.exec();
        QVERIFY(q.next());
        QCOMPARE(q.int64(0), qint64(m_counts.members));
        QCOMPARE(q.int64(1), qint64(m_counts.members));
        QCOMPARE(
            test::scalar(m_server.store(),
                         u"SELECT COUNT(*) FROM record_keys WHERE key LIKE 'help-lookup:%'"_s),
            test::scalar(m_server.store(), u"SELECT COUNT(*) FROM records WHERE type = 'help-request'"_s));
    }

    void auditChainIntact()
    {
        const AuditLog::Verification v = m_server.services().audit.verify();
        QVERIFY2(v.intact, qPrintable(v.reason));
    }

private:
    test::ServerFixture m_server;
    ReliefDemo::Counts m_counts;
};

QTEST_GUILESS_MAIN(TestReliefDemo)
#include "tst_relief_demo.moc"
