// The 涉农资金 demo records obey the module's own rules: every record, replayed as the entry the server took
// on the day it was entered (the same rule context: that day, the working-day calendar, the records and
// registered persons it may look up, the relief quarter close), passes its type's checks, and the fields the
// server derives are the ones stored. The spread is what a demo must show: every fund line with allocations
// and disbursements in every county, overdue and late items of each kind, payments linked to registered
// households, returns distributed in full, in part and not yet. The documents referred to are real files; the
// fund summaries agree with the records. On SQLite and PostgreSQL.
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "common/funds/FundCatalog.h"
#include "common/funds/FundFlowTypes.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "common/sync/RecordType.h"
#include "server/api/Services.h"
#include "server/audit/AuditLog.h"
#include "server/funds/FundDemo.h"
#include "server/funds/SummaryUpdater.h"
#include "server/relief/ReliefDemo.h"
#include "server/store/Store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

namespace {

const QStringList kFundTypes{u"fund-allocation"_s, u"disbursement"_s, u"fund-plan"_s, u"fund-return"_s,
                             u"fund-evaluation"_s};

struct Row
{
    sync::Record record;
    QString orgPath;
    qint64 updatedAt = 0;
};

QDate dateOf(const QJsonObject &f, const QString &field)
{
    return QDate::fromString(f.value(field).toString(), Qt::ISODate);
}

} // namespace

class TestFundDemo : public QObject
{
    Q_OBJECT

private:
    test::ServerFixture m_server;
    FundDemo::Counts m_counts;
    QHash<QString, Row> m_rows;                            // every live record
    QHash<QString, QList<QString>> m_byType;               // type -> ids
    QHash<QString, QString> m_memberHousehold;             // "person:<身份证号>" -> household id
    QHash<QString, QString> m_memberPath;                  // "person:<身份证号>" -> the member's org path
    QHash<QString, QPair<QString, QString>> m_departments; // id -> (code, org unit)
    QHash<QString, sync::Placement> m_places;

    funds::DeadlineState stateOf(const Row &r, QDate today) const
    {
        const WorkingCalendar &c = WorkingCalendar::builtIn();
        const QString &t = r.record.type;
        const QJsonObject &f = r.record.fields;
        return t == u"fund-allocation"_s ? funds::AllocationType::deadlineState(f, today, c)
               : t == u"disbursement"_s  ? funds::DisbursementType::deadlineState(f, today, c)
               : t == u"fund-plan"_s     ? funds::PlanType::deadlineState(f, today, c)
               : t == u"fund-return"_s   ? funds::ReturnType::deadlineState(f, today, c)
                                         : funds::EvaluationType::deadlineState(f, today, c);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        // Late in a quarter: every kind of deadline is open, due or past somewhere.
        m_server.clock().setNowMs(
            QDateTime(QDate(2026, 11, 24), QTime(2, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        ReliefDemo::loadIfEmpty(m_server.store(), m_server.clock(), m_server.services().audit);
        QElapsedTimer timer;
        timer.start();
        m_counts = FundDemo::loadIfEmpty(m_server.store(), m_server.clock(), m_server.services().audit,
                                         m_server.services().files);
        qInfo("fund demo on %s: %d allocations, %d disbursements, %d plans, %d returns, %d evaluations "
              "(%d records) in %lld ms",
              qPrintable(m_server.storeConfig().describe()), m_counts.allocations, m_counts.disbursements,
              m_counts.plans, m_counts.returns, m_counts.evaluations, m_counts.records, timer.elapsed());

        SqlQuery q(m_server.store(),
                   u"SELECT id, type, org_unit_id, department_id, data, org_path, updated_at "
                   u"FROM records WHERE deleted = 0 ORDER BY seq"_s);
        q.exec();
        while (q.next()) {
            Row r;
            r.record.id = q.text(0);
            r.record.type = q.text(1);
            r.record.orgUnitId = q.text(2);
            r.record.departmentId = q.text(3);
            r.record.fields = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
            r.orgPath = q.text(5);
            r.updatedAt = q.int64(6);
            if (r.record.type == u"member"_s) {
                const QString key = u"person:"_s + r.record.fields.value(u"idNumber"_s).toString();
                m_memberHousehold.insert(key, r.record.fields.value(u"householdId"_s).toString());
                m_memberPath.insert(key, r.orgPath);
            }
            m_byType[r.record.type].append(r.record.id);
            m_rows.insert(r.record.id, r);
        }
        SqlQuery d(m_server.store(), u"SELECT id, code, org_unit_id FROM departments"_s);
        d.exec();
        while (d.next())
            m_departments.insert(d.text(0), {d.text(1), d.text(2)});
        SqlQuery o(m_server.store(), u"SELECT id, path, level FROM org_units"_s);
        o.exec();
        while (o.next()) {
            sync::Placement p;
            p.orgUnitId = o.text(0);
            p.orgPath = o.text(1);
            p.orgLevel = OrgLevel(o.int64(2));
            m_places.insert(p.orgUnitId, p);
        }
    }

    void loadsEveryKind()
    {
        QCOMPARE(qsizetype(m_counts.allocations), m_byType.value(u"fund-allocation"_s).size());
        QCOMPARE(qsizetype(m_counts.disbursements), m_byType.value(u"disbursement"_s).size());
        QCOMPARE(qsizetype(m_counts.plans), m_byType.value(u"fund-plan"_s).size());
        QCOMPARE(qsizetype(m_counts.returns), m_byType.value(u"fund-return"_s).size());
        QCOMPARE(qsizetype(m_counts.evaluations), m_byType.value(u"fund-evaluation"_s).size());
        QCOMPARE(m_counts.records, m_counts.allocations + m_counts.disbursements + m_counts.plans +
                                       m_counts.returns + m_counts.evaluations);
        QVERIFY2(m_counts.disbursements >= 8000 && m_counts.disbursements <= 25000,
                 qPrintable(QString::number(m_counts.disbursements)));
        QVERIFY(m_counts.plans > 100);
        QVERIFY(m_counts.returns > 20);
        QVERIFY(m_counts.evaluations > 100);
    }

    void secondLoadDoesNothing()
    {
        const FundDemo::Counts again = FundDemo::loadIfEmpty(
            m_server.store(), m_server.clock(), m_server.services().audit, m_server.services().files);
        QCOMPARE(again.records, 0);
    }

    // Every fund line has allocations and disbursements in every county, and records of its lead department
    // only.
    void everyLineInEveryCounty()
    {
        QHash<QString, QSet<QString>> allocated, paid; // line -> counties
        for (const QString &type : {u"fund-allocation"_s, u"disbursement"_s}) {
            for (const QString &id : m_byType.value(type)) {
                const Row &r = m_rows[id];
                const QString line = r.record.fields.value(u"fundCode"_s).toString();
                const QString county = r.orgPath.section(u'/', 2, 2);
                (type == u"disbursement"_s ? paid : allocated)[line].insert(county);
            }
        }
        const QList<funds::FundLine> lines = funds::allFundLines();
        QVERIFY(lines.size() > 50);
        for (const funds::FundLine &line : lines) {
            QVERIFY2(allocated.value(line.code).size() >= 9, qPrintable(line.code));
            QVERIFY2(paid.value(line.code).size() == 9, qPrintable(line.code));
        }
    }

    // Replayed as the server took each entry, every record passes its rules and carries the derived fields
    // the server would have stored.
    void everyRecordPassesItsRules()
    {
        int checked = 0;
        for (const QString &type : kFundTypes) {
            const sync::RecordType *t = sync::RecordTypes::find(type);
            QVERIFY2(t, qPrintable(type));
            for (const QString &id : m_byType.value(type)) {
                const Row &r = m_rows[id];
                sync::Placement place = m_places.value(r.record.orgUnitId);
                QVERIFY2(!place.orgUnitId.isEmpty(), qPrintable(id));
                place.departmentId = r.record.departmentId;
                place.departmentCode = m_departments.value(r.record.departmentId).first;
                place.departmentOrgUnitId = m_departments.value(r.record.departmentId).second;
                QVERIFY2(!place.departmentCode.isEmpty(), qPrintable(id));
                // The department sits above or at the record (its clerks' area).
                QVERIFY2(place.orgPath.contains(u'/' + place.departmentOrgUnitId + u'/'), qPrintable(id));

                // A clerk of the record's department, at the department's unit, may write it (rule 14).
                Scope clerk;
                clerk.orgUnitId = place.departmentOrgUnitId;
                clerk.orgPath = m_places.value(place.departmentOrgUnitId).orgPath;
                clerk.departmentId = place.departmentId;
                clerk.roles = {Role::Clerk};
                const std::optional<QString> denied = t->writeDenied(clerk, place);
                QVERIFY2(!denied, qPrintable(id + u": "_s + denied.value_or(QString())));

                const QDate entered = dateOf(r.record.fields, u"enteredOn"_s);
                QVERIFY2(entered.isValid(), qPrintable(id));
                QCOMPARE(chinaDateOf(r.updatedAt), entered);
                sync::RuleContext context;
                context.nowMs = r.updatedAt;
                context.today = entered;
                context.entryDay = entered;
                context.calendar = &WorkingCalendar::builtIn();
                context.actor = &clerk;
                // As the server looks records up: only those in the clerk's area.
                context.lookup = [this, &clerk](const QString &target) -> std::optional<sync::Record> {
                    const auto it = m_rows.constFind(target);
                    return it == m_rows.constEnd() || !clerk.coversOrgPath(it->orgPath)
                               ? std::nullopt
                               : std::optional<sync::Record>(it->record);
                };
                context.lookupKey = [this, &clerk](const QString &key) -> std::optional<sync::Record> {
                    const auto it = m_memberHousehold.constFind(key);
                    if (it == m_memberHousehold.constEnd() || !clerk.coversOrgPath(m_memberPath.value(key)))
                        return std::nullopt;
                    sync::Record m;
                    m.type = u"member"_s;
                    m.fields = {{u"householdId"_s, *it}};
                    return m;
                };
                // What the clerk sent: the record without the derived fields.
                QJsonObject sent = r.record.fields;
                for (const sync::FieldSpec &spec : t->fieldSpecs()) {
                    if (spec.readOnly)
                        sent.remove(spec.name);
                }
                const auto problem = t->checkRecord(id, sent, place, context);
                QVERIFY2(!problem,
                         qPrintable(u"%1 %2: %3 %4"_s.arg(type, id, problem ? problem->field : QString(),
                                                          problem ? problem->message : QString())));
                // The late-sync judge: no relief entry after its quarter closed.
                if (const std::optional<qint64> closes = t->entryClosesAtMs(sent))
                    QVERIFY2(r.updatedAt < *closes, qPrintable(id));
                QJsonObject derived = sent;
                t->derive(derived, context);
                QCOMPARE(derived, r.record.fields);
                ++checked;
            }
        }
        QCOMPARE(checked, m_counts.records);
    }

    // Every deadline state is shown somewhere, and payments to registered persons link to their households.
    void spread()
    {
        const QDate today = chinaDateOf(m_server.clock().nowMs());
        QHash<QString, QHash<funds::EntryStatus, int>> states;
        for (const QString &type : kFundTypes) {
            for (const QString &id : m_byType.value(type))
                ++states[type][stateOf(m_rows[id], today).status];
        }
        using S = funds::EntryStatus;
        for (const QString &type : kFundTypes) {
            QVERIFY2(states[type][S::OnTime] > 0, qPrintable(type));
            const QHash<S, int> &s = states[type];
            qInfo("%s: on time %d, due soon %d, overdue %d, entered late %d", qPrintable(type),
                  s.value(S::OnTime), s.value(S::DueSoon), s.value(S::Overdue), s.value(S::EnteredLate));
        }
        // Allocations reported late and not reported past the due date.
        QVERIFY(states[u"fund-allocation"_s][S::Overdue] > 0);
        QVERIFY(states[u"fund-allocation"_s][S::EnteredLate] > 0);
        // Payments entered late, and without vouchers past their due date.
        QVERIFY(states[u"disbursement"_s][S::EnteredLate] > 0);
        QVERIFY(states[u"disbursement"_s][S::Overdue] > 0);
        QVERIFY(states[u"fund-plan"_s][S::Overdue] > 0);
        QVERIFY(states[u"fund-plan"_s][S::EnteredLate] > 0);
        QVERIFY(states[u"fund-return"_s][S::Overdue] > 0);
        QVERIFY(states[u"fund-evaluation"_s][S::EnteredLate] > 0);

        int linked = 0, persons = 0, unlinked = 0;
        QSet<QString> levels;
        for (const QString &id : m_byType.value(u"disbursement"_s)) {
            const QJsonObject &f = m_rows[id].record.fields;
            const QString kind = f.value(u"recipientKind"_s).toString();
            levels.insert(kind);
            if (kind != u"person"_s && kind != u"household"_s)
                continue;
            ++persons;
            const QString household = f.value(u"householdId"_s).toString();
            const QString expected =
                m_memberHousehold.value(u"person:"_s + f.value(u"idNumber"_s).toString());
            QCOMPARE(household, expected);
            if (household.isEmpty())
                ++unlinked;
            else {
                ++linked;
                QCOMPARE(m_rows.value(household).record.type, u"household"_s);
            }
        }
        QVERIFY(linked > persons / 2);
        QVERIFY(unlinked > 0);
        QCOMPARE(levels, (QSet<QString>{u"person"_s, u"household"_s, u"unit"_s, u"village"_s, u"project"_s}));

        QSet<QString> sources;
        for (const QString &id : m_byType.value(u"fund-allocation"_s))
            sources.insert(m_rows[id].record.fields.value(u"sourceLevel"_s).toString());
        QCOMPARE(sources, (QSet<QString>{u"central"_s, u"provincial"_s, u"city"_s, u"county"_s}));

        int full = 0, part = 0, none = 0, toHouseholds = 0;
        for (const QString &id : m_byType.value(u"fund-return"_s)) {
            const QJsonObject &f = m_rows[id].record.fields;
            const qint64 income = qint64(f.value(u"incomeFen"_s).toDouble());
            const qint64 distributed = funds::ReturnType::distributedFen(f);
            QVERIFY(distributed <= income);
            (distributed == income ? full : distributed == 0 ? none : part)++;
            const QJsonArray items = f.value(u"distribution"_s).toArray();
            for (const QJsonValue &item : items)
                toHouseholds += item.toObject().value(u"targetKind"_s).toString() == u"household"_s;
        }
        QVERIFY(full > 0 && part > 0 && none > 0);
        QVERIFY(toHouseholds > 0);
    }

    // The documents referred to are complete uploads whose bytes are in the attachment store, and each
    // reference is recorded (downloads are allowed through it).
    void documentsAreFiles()
    {
        QSet<QString> shas;
        qint64 refs = 0;
        for (const QString &type : kFundTypes) {
            const sync::RecordType *t = sync::RecordTypes::find(type);
            for (const QString &id : m_byType.value(type)) {
                const QStringList files = t->attachmentsOf(m_rows[id].record.fields);
                refs += files.size();
                for (const QString &sha : files)
                    shas.insert(sha);
            }
        }
        QVERIFY(!shas.isEmpty());
        for (const QString &sha : std::as_const(shas)) {
            QCOMPARE(
                test::scalar(m_server.store(), u"SELECT complete FROM attachments WHERE sha256 = ?"_s, {sha}),
                qint64(1));
            QVERIFY(m_server.services().files.exists(sha));
        }
        QCOMPARE(
            test::scalar(m_server.store(),
                         u"SELECT COUNT(*) FROM attachment_refs a JOIN records r ON r.id = a.record_id WHERE "
                         u"r.type IN ('fund-allocation', 'disbursement', 'fund-plan', 'fund-return', "
                         u"'fund-evaluation')"_s),
            refs);
    }

    void summariesAgreeWithRecords()
    {
        qint64 differences = -1;
        const QStringList lines = SummaryUpdater::check(m_server.store(), 10, &differences);
        QVERIFY2(differences == 0, qPrintable(u"%1 differences:\n"_s.arg(differences) + lines.join(u'\n')));
    }

    void auditChainIntact()
    {
        const AuditLog::Verification v = m_server.services().audit.verify();
        QVERIFY2(v.intact, qPrintable(v.reason));
    }
};

QTEST_GUILESS_MAIN(TestFundDemo)
#include "tst_funds_demo.moc"
