#include "server/funds/FundDashboard.h"

#include "common/core/WorkingCalendar.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

// Money of one group of disbursements.
struct Figures
{
    qint64 count = 0;
    qint64 amountFen = 0;
    qint64 lateCount = 0; // entered late
    qint64 lateFen = 0;
    qint64 paidLateCount = 0; // paid after the pay-by date
    qint64 paidLateFen = 0;
    void add(qint64 c, qint64 a, qint64 lc = 0, qint64 lf = 0, qint64 pc = 0, qint64 pf = 0)
    {
        count += c;
        amountFen += a;
        lateCount += lc;
        lateFen += lf;
        paidLateCount += pc;
        paidLateFen += pf;
    }
};

struct Overdue
{
    qint64 vouchers = 0;
    qint64 reports = 0;
    qint64 amountFen = 0;
};

// One grouped row: `child` is the child unit it falls under ("" for the unit itself, or for rows that already
// cover the whole unit).
struct Row
{
    QString child;
    int year = 0;
    int month = 0;
    QString department;
    QString fund;
    qint64 count = 0;
    qint64 amountFen = 0;
    qint64 lateCount = 0;
    qint64 lateFen = 0;
    qint64 paidLateCount = 0;
    qint64 paidLateFen = 0;
};

// Both ways of computing the dashboard feed their rows through this one fold.
class Fold
{
public:
    explicit Fold(const DashboardFilter &f)
        : m_f(f)
    {}

    // A row covering the whole unit (all its descendants): months, kinds, departments, totals.
    void unitRow(const Row &r)
    {
        if (!matchesKind(r.fund) || !matchesDepartment(r.department))
            return;
        if ((r.year == m_f.year || r.year == m_f.year - 1) && r.month >= 1 && r.month <= 12)
            (r.year == m_f.year ? m_thisYear : m_lastYear)[r.month - 1].add(r.count, r.amountFen, 0, 0);
        if (r.year != m_f.year || !inQuarter(r.month))
            return;
        m_total.add(r.count, r.amountFen, r.lateCount, r.lateFen, r.paidLateCount, r.paidLateFen);
        m_kinds[kindOf(r.fund)].add(r.count, r.amountFen, 0, 0);
        m_departments[r.department].add(r.count, r.amountFen, r.lateCount, r.lateFen, r.paidLateCount,
                                        r.paidLateFen);
    }

    // A row of one child unit, for the drill-down.
    void childRow(const Row &r)
    {
        if (r.year != m_f.year || !inQuarter(r.month) || !matchesKind(r.fund) ||
            !matchesDepartment(r.department))
            return;
        m_children[r.child].add(r.count, r.amountFen, 0, 0);
    }

    void overdue(const QString &department, const QString &fund, const QString &what, qint64 count,
                 qint64 amountFen)
    {
        if (!matchesKind(fund) || !matchesDepartment(department))
            return;
        Overdue &o = m_overdue[department];
        (what == u"report"_s ? o.reports : o.vouchers) += count;
        o.amountFen += amountFen;
    }

    QJsonObject result(Store &store) const;

private:
    bool inQuarter(int month) const
    {
        return m_f.quarter == 0 || (month >= m_f.quarter * 3 - 2 && month <= m_f.quarter * 3);
    }
    bool matchesDepartment(const QString &id) const
    {
        if (m_f.department.isEmpty())
            return true;
        return m_f.department.contains(u'-') && m_f.department.front().isDigit()
                   ? id == m_f.department
                   : id.endsWith(u'-' + m_f.department);
    }
    QString kindOf(const QString &fund) const
    {
        if (const auto it = m_kindOf.constFind(fund); it != m_kindOf.constEnd())
            return *it;
        const std::optional<funds::FundLine> line = funds::findFundLine(fund);
        const QString kind = line ? funds::fundKindName(line->kind) : QString();
        m_kindOf.insert(fund, kind);
        return kind;
    }
    bool matchesKind(const QString &fund) const { return m_f.kind.isEmpty() || kindOf(fund) == m_f.kind; }

    const DashboardFilter &m_f;
    mutable QHash<QString, QString> m_kindOf;
    Figures m_total;
    Figures m_thisYear[12];
    Figures m_lastYear[12];
    QMap<QString, Figures> m_kinds;
    QMap<QString, Figures> m_departments;
    QMap<QString, Figures> m_children;
    QMap<QString, Overdue> m_overdue;
};

QJsonObject Fold::result(Store &store) const
{
    QJsonObject out;
    {
        SqlQuery q(store, u"SELECT name, level FROM org_units WHERE id = ?"_s);
        q.bindText(m_f.orgUnitId).exec();
        q.next();
        out.insert(
            u"org"_s,
            QJsonObject{{u"id"_s, m_f.orgUnitId}, {u"name"_s, q.text(0)}, {u"level"_s, int(q.int64(1))}});
    }
    out.insert(u"year"_s, m_f.year);
    out.insert(u"quarter"_s, m_f.quarter);
    out.insert(u"kind"_s, m_f.kind);
    out.insert(u"department"_s, m_f.department);
    out.insert(u"asOf"_s, m_f.today.toString(Qt::ISODate));
    out.insert(u"totals"_s, QJsonObject{{u"count"_s, m_total.count},
                                        {u"amountFen"_s, m_total.amountFen},
                                        {u"lateCount"_s, m_total.lateCount},
                                        {u"lateFen"_s, m_total.lateFen},
                                        {u"paidLateCount"_s, m_total.paidLateCount},
                                        {u"paidLateFen"_s, m_total.paidLateFen}});

    // The drill-down: every child unit (also those without money), then what is placed at the unit itself.
    QJsonArray children;
    Figures inChildren;
    {
        SqlQuery q(store, u"SELECT id, name FROM org_units WHERE parent_id = ? ORDER BY sort_order, id"_s);
        q.bindText(m_f.orgUnitId).exec();
        QSet<QString> listed;
        while (q.next()) {
            const Figures c = m_children.value(q.text(0));
            listed.insert(q.text(0));
            inChildren.add(c.count, c.amountFen, 0, 0);
            children.append(QJsonObject{{u"orgUnitId"_s, q.text(0)},
                                        {u"name"_s, q.text(1)},
                                        {u"count"_s, c.count},
                                        {u"amountFen"_s, c.amountFen}});
        }
        for (auto it = m_children.constBegin(); it != m_children.constEnd(); ++it) {
            if (listed.contains(it.key()) || it.key().isEmpty())
                continue;
            inChildren.add(it->count, it->amountFen, 0, 0);
            children.append(QJsonObject{{u"orgUnitId"_s, it.key()},
                                        {u"name"_s, it.key()},
                                        {u"count"_s, it->count},
                                        {u"amountFen"_s, it->amountFen}});
        }
    }
    out.insert(u"children"_s, children);
    out.insert(u"self"_s, QJsonObject{{u"count"_s, m_total.count - inChildren.count},
                                      {u"amountFen"_s, m_total.amountFen - inChildren.amountFen}});

    QJsonArray months;
    for (int m = 0; m < 12; ++m)
        months.append(QJsonObject{{u"month"_s, m + 1},
                                  {u"count"_s, m_thisYear[m].count},
                                  {u"amountFen"_s, m_thisYear[m].amountFen},
                                  {u"lastYearCount"_s, m_lastYear[m].count},
                                  {u"lastYearAmountFen"_s, m_lastYear[m].amountFen}});
    out.insert(u"months"_s, months);

    QJsonArray kinds;
    for (const funds::FundKind k : {funds::FundKind::ReliefFiscal, funds::FundKind::ReliefDonation,
                                    funds::FundKind::ReliefOther, funds::FundKind::Agricultural}) {
        const Figures f = m_kinds.value(funds::fundKindName(k));
        const double share = m_total.amountFen > 0
                                 ? qRound64(double(f.amountFen) * 10000 / double(m_total.amountFen)) / 10000.0
                                 : 0.0;
        kinds.append(QJsonObject{{u"kind"_s, funds::fundKindName(k)},
                                 {u"name"_s, funds::fundKindChineseName(k)},
                                 {u"count"_s, f.count},
                                 {u"amountFen"_s, f.amountFen},
                                 {u"share"_s, share}});
    }
    out.insert(u"kinds"_s, kinds);

    // Departments with money, late entries or overdue deadlines; most money first.
    QStringList ids = m_departments.keys();
    for (auto it = m_overdue.constBegin(); it != m_overdue.constEnd(); ++it) {
        if (!m_departments.contains(it.key()))
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) {
        const qint64 x = m_departments.value(a).amountFen, y = m_departments.value(b).amountFen;
        return x != y ? x > y : a < b;
    });
    QHash<QString, QString> names;
    {
        SqlQuery q(store, u"SELECT id, name FROM departments"_s);
        q.exec();
        while (q.next())
            names.insert(q.text(0), q.text(1));
    }
    QJsonArray departments;
    for (const QString &id : std::as_const(ids)) {
        const Figures f = m_departments.value(id);
        const Overdue o = m_overdue.value(id);
        if (f.count == 0 && o.vouchers == 0 && o.reports == 0)
            continue;
        departments.append(QJsonObject{{u"departmentId"_s, id},
                                       {u"name"_s, names.value(id)},
                                       {u"count"_s, f.count},
                                       {u"amountFen"_s, f.amountFen},
                                       {u"lateCount"_s, f.lateCount},
                                       {u"lateFen"_s, f.lateFen},
                                       {u"paidLateCount"_s, f.paidLateCount},
                                       {u"paidLateFen"_s, f.paidLateFen},
                                       {u"overdueVoucherCount"_s, o.vouchers},
                                       {u"overdueReportCount"_s, o.reports},
                                       {u"overdueFen"_s, o.amountFen}});
    }
    out.insert(u"departments"_s, departments);
    return out;
}

// Paths of the subtree as a range (ids are digits, '/' sorts just before '0'): index-friendly on both stores.
QString pathEnd(const QString &path)
{
    return path.left(path.size() - 1) + u'0';
}

} // namespace

FundDashboard::FundDashboard(Store &store)
    : m_store(store)
{}

QJsonObject FundDashboard::summary(const DashboardFilter &f)
{
    Transaction tx(m_store, Transaction::Mode::Read);
    Fold fold(f);
    {
        SqlQuery q(m_store,
                   u"SELECT year, month, department_id, fund_code, record_count, amount_fen, late_count, "
                   u"late_fen, paid_late_count, paid_late_fen FROM fund_summary "
                   u"WHERE lvl = ? AND unit_id = ? AND year IN (?, ?)"_s);
        q.raw().setForwardOnly(true);
        q.bind(f.orgLevel).bindText(f.orgUnitId).bind(f.year).bind(f.year - 1).exec();
        while (q.next())
            fold.unitRow({QString(), int(q.int64(0)), int(q.int64(1)), q.text(2), q.text(3), q.int64(4),
                          q.int64(5), q.int64(6), q.int64(7), q.int64(8), q.int64(9)});
    }
    if (f.orgLevel < 4) {
        SqlQuery q(m_store, u"SELECT unit_id, month, department_id, fund_code, record_count, amount_fen "
                            u"FROM fund_summary WHERE lvl = ? AND parent_id = ? AND year = ?"_s);
        q.raw().setForwardOnly(true);
        q.bind(f.orgLevel + 1).bindText(f.orgUnitId).bind(f.year).exec();
        while (q.next())
            fold.childRow({q.text(0), f.year, int(q.int64(1)), q.text(2), q.text(3), q.int64(4), q.int64(5)});
    }
    {
        SqlQuery q(
            m_store,
            u"SELECT department_id, fund_code, what, SUM(record_count), SUM(amount_fen) FROM fund_pending "
            u"WHERE unit_path >= ? AND unit_path < ? AND due_on < ? GROUP BY department_id, fund_code, "
            u"what"_s);
        q.bindText(f.orgPath).bindText(pathEnd(f.orgPath)).bindText(f.today.toString(Qt::ISODate)).exec();
        while (q.next())
            fold.overdue(q.text(0), q.text(1), q.text(2), q.int64(3), q.int64(4));
    }
    QJsonObject out = fold.result(m_store);
    tx.commit();
    return out;
}

QJsonObject FundDashboard::raw(const DashboardFilter &f)
{
    const bool lite = m_store.isSqlite();
    // Field `name` of the record's JSON, per dialect; PostgreSQL parses each row once (column j).
    auto field = [this](const char *name) {
        return m_store.fieldSql(QLatin1String(name), u"j"_s);
    };
    auto source = [lite](const QString &type) {
        const QString where =
            u"type = '"_s + type + u"' AND deleted = 0 AND org_path >= ? AND org_path < ?"_s;
        return lite ? QString(u"records WHERE "_s + where)
                    : QString(
                          u"(SELECT org_path, department_id, CAST(data AS jsonb) AS j FROM records WHERE "_s +
                          where + u") s WHERE 1 = 1"_s);
    };
    // Entered after the entry due date: the SQL of the rule itself (funds::entryStatus).
    const QString late = u"CASE WHEN "_s +
                         funds::DisbursementType::enteredLateSql(
                             [&](const QString &name) -> QString { return field(qPrintable(name)); }) +
                         u" THEN 1 ELSE 0 END"_s;
    // Paid after the pay-by date: the SQL of that rule (funds::DisbursementType::paidLate).
    const QString paidLate = u"CASE WHEN "_s +
                             funds::DisbursementType::paidLateSql(
                                 [&](const QString &name) -> QString { return field(qPrintable(name)); }) +
                             u" THEN 1 ELSE 0 END"_s;
    const QString amount = u"CAST("_s + field("amountFen") + u" AS BIGINT)"_s;
    const QString period = field("period");
    const QString yearOf = funds::DisbursementType::periodYearSql(period);
    const QString monthOf = funds::DisbursementType::periodMonthSql(period);
    const QString childOf = u"substr(org_path, %1, 12)"_s.arg(f.orgPath.size() + 1);

    Transaction tx(m_store, Transaction::Mode::Read);
    Fold fold(f);
    {
        // One plain GROUP BY over the raw rows of the subtree, this year and last.
        SqlQuery q(m_store, u"SELECT "_s + childOf + u", "_s + yearOf + u", "_s + monthOf +
                                u", COALESCE(department_id, ''), "_s + field("fundCode") +
                                u", COUNT(*), SUM("_s + amount + u"), SUM("_s + late + u"), SUM("_s + late +
                                u" * "_s + amount + u"), SUM("_s + paidLate + u"), SUM("_s + paidLate +
                                u" * "_s + amount + u") FROM "_s + source(u"disbursement"_s) +
                                u" AND substr("_s + period + u", 1, 4) IN (?, ?) GROUP BY 1, 2, 3, 4, 5"_s);
        q.raw().setForwardOnly(true);
        q.bindText(f.orgPath)
            .bindText(pathEnd(f.orgPath))
            .bindText(QString::number(f.year))
            .bindText(QString::number(f.year - 1))
            .exec();
        while (q.next()) {
            const Row r{q.text(0),  int(q.int64(1)), int(q.int64(2)), q.text(3),  q.text(4),  q.int64(5),
                        q.int64(6), q.int64(7),      q.int64(8),      q.int64(9), q.int64(10)};
            fold.unitRow(r);
            if (!r.child.isEmpty() && f.orgLevel < 4)
                fold.childRow(r);
        }
    }
    {
        // Disbursements without a voucher and not entered late, by payment day: overdue once the voucher
        // deadline (5 working days after payment) has passed.
        const QString noVoucher = lite ? u"COALESCE(json_array_length(data, '$.vouchers'), 0) = 0"_s
                                       : u"COALESCE(jsonb_array_length(j -> 'vouchers'), 0) = 0"_s;
        SqlQuery q(m_store, u"SELECT COALESCE(department_id, ''), "_s + field("fundCode") + u", "_s +
                                field("paidOn") + u", COUNT(*), SUM("_s + amount + u") FROM "_s +
                                source(u"disbursement"_s) + u" AND "_s + noVoucher + u" AND "_s + late +
                                u" = 0 GROUP BY 1, 2, 3"_s);
        q.bindText(f.orgPath).bindText(pathEnd(f.orgPath)).exec();
        const WorkingCalendar &calendar = WorkingCalendar::current();
        while (q.next()) {
            const QDate paid = QDate::fromString(q.text(2), Qt::ISODate);
            const QDate due = paid.isValid() ? funds::documentDue(paid, calendar) : QDate();
            if (due.isValid() && due < f.today)
                fold.overdue(q.text(0), q.text(1), u"voucher"_s, q.int64(3), q.int64(4));
        }
    }
    {
        // Allocations not reported to the city by their report deadline.
        const QString due = field("reportDueOn");
        SqlQuery q(m_store, u"SELECT COALESCE(department_id, ''), "_s + field("fundCode") +
                                u", COUNT(*), SUM("_s + amount + u") FROM "_s + source(u"fund-allocation"_s) +
                                u" AND "_s + due + u" <> '' AND "_s + due + u" < ? AND COALESCE("_s +
                                field("reportedOn") + u", '') = '' GROUP BY 1, 2"_s);
        q.bindText(f.orgPath).bindText(pathEnd(f.orgPath)).bindText(f.today.toString(Qt::ISODate)).exec();
        while (q.next())
            fold.overdue(q.text(0), q.text(1), u"report"_s, q.int64(2), q.int64(3));
    }
    QJsonObject out = fold.result(m_store);
    tx.commit();
    return out;
}

} // namespace sunshine
