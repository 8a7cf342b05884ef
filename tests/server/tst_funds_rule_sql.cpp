#include "common/core/WorkingCalendar.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "server/store/Store.h"
#include "tests/support/TestStores.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

// The SQL that lists and summaries count with (funds::entryStatusSql) against the rule itself
// (funds::entryStatus), on a table of due and done dates across the 2026 Mid-Autumn and National Day holidays
// and the make-up workdays, for several "today"s, on the store this run uses (SQLite or PostgreSQL).
class TestFundsRuleSql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void entryStatusAgrees_data();
    void entryStatusAgrees();
    void periodAgrees();
    void paidLateAgrees();

private:
    std::unique_ptr<Store> m_store;
    struct Case
    {
        int id;
        QDate due;
        QDate done;
    };
    QList<Case> m_cases;
};

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

QString iso(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

void TestFundsRuleSql::initTestCase()
{
    m_store = std::make_unique<Store>(test::freshStoreConfig());
    QString error;
    QVERIFY2(m_store->open(&error), qPrintable(error));
    QSqlQuery create(m_store->connection()); // DDL is not prepared (PostgreSQL refuses to)
    QVERIFY2(create.exec(u"CREATE TABLE rule_cases (id INTEGER PRIMARY KEY, due TEXT, done TEXT)"_s),
             qPrintable(create.lastError().text()));
    // Due dates every day from mid-September to late October; done never, early, on the day, late; and rows
    // without a due date (no deadline) or with empty text.
    int id = 0;
    const QList<int> doneOffsets{-3, 0, 1, 9};
    for (QDate due = d(2026, 9, 15); due <= d(2026, 10, 25); due = due.addDays(1)) {
        m_cases.append({++id, due, QDate()});
        for (int offset : doneOffsets)
            m_cases.append({++id, due, due.addDays(offset)});
    }
    m_cases.append({++id, QDate(), QDate()});
    m_cases.append({++id, QDate(), d(2026, 10, 9)});
    Transaction tx(*m_store);
    for (const Case &c : std::as_const(m_cases))
        SqlQuery(*m_store, u"INSERT INTO rule_cases (id, due, done) VALUES (?, ?, ?)"_s)
            .bind(c.id)
            .bindText(c.due.isValid() ? iso(c.due) : (c.id % 2 ? QString() : u""_s))
            .bindText(iso(c.done))
            .exec();
    tx.commit();
}

void TestFundsRuleSql::entryStatusAgrees_data()
{
    QTest::addColumn<QDate>("today");
    QTest::newRow("Sep 18, Friday before Mid-Autumn") << d(2026, 9, 18);
    QTest::newRow("Sep 20, a make-up workday (Sunday)") << d(2026, 9, 20);
    QTest::newRow("Sep 24, the day before Mid-Autumn") << d(2026, 9, 24);
    QTest::newRow("Sep 30, the day before National Day") << d(2026, 9, 30);
    QTest::newRow("Oct 3, in the National Day holiday") << d(2026, 10, 3);
    QTest::newRow("Oct 8, first workday after it") << d(2026, 10, 8);
    QTest::newRow("Oct 10, a make-up workday (Saturday)") << d(2026, 10, 10);
    QTest::newRow("Oct 20, an ordinary Tuesday") << d(2026, 10, 20);
}

void TestFundsRuleSql::entryStatusAgrees()
{
    QFETCH(QDate, today);
    const WorkingCalendar &calendar = WorkingCalendar::builtIn();
    for (const funds::EntryStatus status : {funds::EntryStatus::OnTime, funds::EntryStatus::DueSoon,
                                            funds::EntryStatus::Overdue, funds::EntryStatus::EnteredLate}) {
        QList<int> expected;
        for (const Case &c : std::as_const(m_cases)) {
            const std::optional<QDate> done = c.done.isValid() ? std::optional<QDate>(c.done) : std::nullopt;
            if (funds::entryStatus(c.due, done, today, calendar) == status)
                expected.append(c.id);
        }
        const funds::SqlCondition cond = funds::entryStatusSql(u"due"_s, u"done"_s, status, today, calendar);
        SqlQuery q(*m_store, u"SELECT id FROM rule_cases WHERE "_s + cond.sql + u" ORDER BY id"_s);
        for (const QString &b : cond.binds)
            q.bindText(b);
        q.exec();
        QList<int> found;
        while (q.next())
            found.append(int(q.int64(0)));
        QVERIFY2(!expected.isEmpty(),
                 qPrintable(funds::entryStatusName(status))); // the table covers every state
        QCOMPARE(found, expected);
    }
}

// The year and first month of a disbursement's 所属期 as the dashboards count them (periodYearSql,
// periodMonthSql) against DisbursementType::periodStart, for every month and quarter of two years.
void TestFundsRuleSql::periodAgrees()
{
    QSqlQuery create(m_store->connection());
    QVERIFY2(create.exec(u"CREATE TABLE period_cases (id INTEGER PRIMARY KEY, period TEXT)"_s),
             qPrintable(create.lastError().text()));
    QStringList periods;
    for (int year : {2025, 2026}) {
        for (int m = 1; m <= 12; ++m)
            periods.append(u"%1-%2"_s.arg(year).arg(m, 2, 10, QChar(u'0')));
        for (int q = 1; q <= 4; ++q)
            periods.append(u"%1Q%2"_s.arg(year).arg(q));
    }
    {
        Transaction tx(*m_store);
        for (int i = 0; i < periods.size(); ++i)
            SqlQuery(*m_store, u"INSERT INTO period_cases (id, period) VALUES (?, ?)"_s)
                .bind(i)
                .bindText(periods.at(i))
                .exec();
        tx.commit();
    }
    SqlQuery q(*m_store, u"SELECT id, "_s + funds::DisbursementType::periodYearSql(u"period"_s) + u", "_s +
                             funds::DisbursementType::periodMonthSql(u"period"_s) +
                             u" FROM period_cases ORDER BY id"_s);
    q.exec();
    int rows = 0;
    while (q.next()) {
        const QString period = periods.at(int(q.int64(0)));
        const QDate start = funds::DisbursementType::periodStart(period);
        QVERIFY2(start.isValid(), qPrintable(period));
        QCOMPARE(int(q.int64(1)), start.year());
        QCOMPARE(int(q.int64(2)), start.month());
        ++rows;
    }
    QCOMPARE(rows, periods.size());
}

// Paid after the pay-by date (DisbursementType::paidLate) against its SQL (paidLateSql), on the same table
// read as pay-by date (due) and paid date (done).
void TestFundsRuleSql::paidLateAgrees()
{
    QList<int> expected;
    for (const Case &c : std::as_const(m_cases)) {
        QJsonObject f;
        if (c.due.isValid())
            f.insert(u"payDueOn"_s, iso(c.due));
        if (c.done.isValid())
            f.insert(u"paidOn"_s, iso(c.done));
        if (funds::DisbursementType::paidLate(f))
            expected.append(c.id);
    }
    const QString sql = funds::DisbursementType::paidLateSql(
        [](const QString &field) { return field == u"payDueOn"_s ? u"due"_s : u"done"_s; });
    SqlQuery q(*m_store, u"SELECT id FROM rule_cases WHERE "_s + sql + u" ORDER BY id"_s);
    q.exec();
    QList<int> found;
    while (q.next())
        found.append(int(q.int64(0)));
    QVERIFY(expected.size() > 10);
    QCOMPARE(found, expected);
}

QTEST_GUILESS_MAIN(TestFundsRuleSql)
#include "tst_funds_rule_sql.moc"
