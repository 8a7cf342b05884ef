#include "server/funds/SummaryUpdater.h"

#include "common/core/WorkingCalendar.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "server/store/BulkInsert.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);
const QString kAllocation = QString::fromUtf16(funds::AllocationType::kName);

// Key columns are NOT NULL: an absent value is stored as ''.
QString text(const QString &s)
{
    return s.isNull() ? QString(u""_s) : s;
}

qint64 amountOf(const QJsonObject &f)
{
    return qint64(f.value(u"amountFen"_s).toDouble());
}

} // namespace

bool SummaryUpdater::SumKey::operator<(const SumKey &o) const
{
    return std::tie(lvl, unitId, year, month, departmentId, fundCode) <
           std::tie(o.lvl, o.unitId, o.year, o.month, o.departmentId, o.fundCode);
}

bool SummaryUpdater::SumKey::operator==(const SumKey &o) const
{
    return std::tie(lvl, unitId, year, month, departmentId, fundCode) ==
           std::tie(o.lvl, o.unitId, o.year, o.month, o.departmentId, o.fundCode);
}

bool SummaryUpdater::PendKey::operator<(const PendKey &o) const
{
    return std::tie(unitId, departmentId, fundCode, what, dueOn) <
           std::tie(o.unitId, o.departmentId, o.fundCode, o.what, o.dueOn);
}

SummaryUpdater::SummaryUpdater(Store &store)
    : m_store(store)
{}

bool SummaryUpdater::concerns(const QString &type)
{
    return type == kDisbursement || type == kAllocation;
}

QString SummaryUpdater::voucherDue(const QString &paidOn)
{
    if (const auto it = m_voucherDue.constFind(paidOn); it != m_voucherDue.constEnd())
        return *it;
    const QDate paid = QDate::fromString(paidOn, Qt::ISODate);
    const QDate due = paid.isValid() ? funds::documentDue(paid, WorkingCalendar::current()) : QDate();
    const QString text = due.isValid() ? due.toString(Qt::ISODate) : QString();
    m_voucherDue.insert(paidOn, text);
    return text;
}

// The one definition of what a record adds to the summaries.
void SummaryUpdater::contribute(const SummaryRecord &r, int sign)
{
    if (r.deleted || !concerns(r.type))
        return;
    const QJsonObject &f = r.fields;
    const QString fundCode = text(f.value(u"fundCode"_s).toString());
    const QString department = text(r.departmentId);
    const qint64 amount = amountOf(f);
    // The unit the record is placed at: the last segment of its path.
    const QStringList units = r.orgPath.split(u'/', Qt::SkipEmptyParts);
    if (units.isEmpty())
        return;
    const QString unitId = units.last();

    if (r.type == kAllocation) {
        // Provincial-or-higher money not yet reported to the city: open until reported.
        const QString due = f.value(u"reportDueOn"_s).toString();
        if (!due.isEmpty() && f.value(u"reportedOn"_s).toString().isEmpty()) {
            PendValue &p = m_pending[{unitId, department, fundCode, u"report"_s, due}];
            p.unitPath = r.orgPath;
            p.count += sign;
            p.amountFen += sign * amount;
        }
        return;
    }

    // Disbursement: counted in the month of its period (a quarter in its first month).
    const QDate period = funds::DisbursementType::periodStart(f.value(u"period"_s).toString());
    const int year = period.isValid() ? period.year() : 0;
    const int month = period.isValid() ? period.month() : 0;
    const bool late = funds::DisbursementType::enteredLate(f);
    const bool paidLate = funds::DisbursementType::paidLate(f);
    QString parent = text({});
    QString path = u"/"_s;
    for (qsizetype i = 0; i < units.size(); ++i) {
        path += units.at(i) + u'/';
        SumValue &v = m_sums[{int(i) + 1, units.at(i), year, month, department, fundCode}];
        v.parentId = parent;
        v.unitPath = path;
        v.count += sign;
        v.amountFen += sign * amount;
        if (late) {
            v.lateCount += sign;
            v.lateFen += sign * amount;
        }
        if (paidLate) {
            v.paidLateCount += sign;
            v.paidLateFen += sign * amount;
        }
        parent = units.at(i);
    }
    // Not entered late, paid, no voucher yet: the voucher is due 5 working days after payment (Art. 7), as
    // DisbursementType::deadlineState judges it.
    if (!late && f.value(u"vouchers"_s).toArray().isEmpty()) {
        const QString due = voucherDue(f.value(u"paidOn"_s).toString());
        if (!due.isEmpty()) {
            PendValue &p = m_pending[{unitId, department, fundCode, u"voucher"_s, due}];
            p.unitPath = r.orgPath;
            p.count += sign;
            p.amountFen += sign * amount;
        }
    }
}

void SummaryUpdater::add(const SummaryRecord &record, int sign)
{
    contribute(record, sign);
}

void SummaryUpdater::change(const SummaryRecord *before, const SummaryRecord *after)
{
    if (before)
        contribute(*before, -1);
    if (after)
        contribute(*after, 1);
}

void SummaryUpdater::flush()
{
    {
        BulkInsert rows(m_store, u"fund_summary"_s,
                        {u"lvl"_s, u"unit_id"_s, u"parent_id"_s, u"unit_path"_s, u"year"_s, u"month"_s,
                         u"department_id"_s, u"fund_code"_s, u"record_count"_s, u"amount_fen"_s,
                         u"late_count"_s, u"late_fen"_s, u"paid_late_count"_s, u"paid_late_fen"_s},
                        u"ON CONFLICT (lvl, unit_id, year, month, department_id, fund_code) DO UPDATE SET "
                        u"record_count = fund_summary.record_count + excluded.record_count, "
                        u"amount_fen = fund_summary.amount_fen + excluded.amount_fen, "
                        u"late_count = fund_summary.late_count + excluded.late_count, "
                        u"late_fen = fund_summary.late_fen + excluded.late_fen, "
                        u"paid_late_count = fund_summary.paid_late_count + excluded.paid_late_count, "
                        u"paid_late_fen = fund_summary.paid_late_fen + excluded.paid_late_fen"_s);
        for (const auto &[k, v] : m_sums) {
            if (v.isZero())
                continue;
            rows.add({k.lvl, k.unitId, v.parentId, v.unitPath, k.year, k.month, k.departmentId, k.fundCode,
                      v.count, v.amountFen, v.lateCount, v.lateFen, v.paidLateCount, v.paidLateFen});
        }
        rows.flush();
    }
    {
        BulkInsert rows(m_store, u"fund_pending"_s,
                        {u"unit_id"_s, u"unit_path"_s, u"department_id"_s, u"fund_code"_s, u"what"_s,
                         u"due_on"_s, u"record_count"_s, u"amount_fen"_s},
                        u"ON CONFLICT (unit_id, department_id, fund_code, what, due_on) DO UPDATE SET "
                        u"record_count = fund_pending.record_count + excluded.record_count, "
                        u"amount_fen = fund_pending.amount_fen + excluded.amount_fen"_s);
        for (const auto &[k, v] : m_pending) {
            if (v.isZero())
                continue;
            rows.add(
                {k.unitId, v.unitPath, k.departmentId, k.fundCode, k.what, k.dueOn, v.count, v.amountFen});
        }
        rows.flush();
    }
    m_sums.clear();
    m_pending.clear();
}

SummaryUpdater::Computed SummaryUpdater::computeFromRecords(Store &store)
{
    // Read in pages by id: a forward-only scan of millions of rows would otherwise be held in memory whole by
    // some drivers.
    SummaryUpdater updater(store);
    Computed out;
    QString after = u""_s; // not null: "id > NULL" matches nothing
    constexpr int kPage = 20000;
    for (;;) {
        SqlQuery q(store, u"SELECT id, type, org_path, department_id, data FROM records "
                          u"WHERE id > ? AND type IN ('disbursement', 'fund-allocation') AND deleted = 0 "
                          u"ORDER BY id LIMIT ?"_s);
        q.raw().setForwardOnly(true);
        q.bindText(after).bind(kPage).exec();
        int n = 0;
        while (q.next()) {
            ++n;
            after = q.text(0);
            SummaryRecord r;
            r.type = q.text(1);
            r.orgPath = q.text(2);
            r.departmentId = q.text(3);
            r.fields = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
            r.deleted = false; // live records only
            updater.contribute(r, 1);
        }
        out.records += n;
        if (n < kPage)
            break;
    }
    out.sums = std::move(updater.m_sums);
    out.pending = std::move(updater.m_pending);
    return out;
}

namespace {

QString describe(const SummaryUpdater::SumKey &k)
{
    return u"fund_summary lvl=%1 unit=%2 %3-%4 department=%5 fund=%6"_s.arg(k.lvl)
        .arg(k.unitId)
        .arg(k.year)
        .arg(k.month, 2, 10, QChar(u'0'))
        .arg(k.departmentId.isEmpty() ? u"-"_s : k.departmentId, k.fundCode);
}

QString describe(const SummaryUpdater::PendKey &k)
{
    return u"fund_pending unit=%1 department=%2 fund=%3 %4 due %5"_s.arg(
        k.unitId, k.departmentId.isEmpty() ? u"-"_s : k.departmentId, k.fundCode, k.what, k.dueOn);
}

QString figures(const SummaryUpdater::SumValue &v)
{
    return u"count %1, amount %2 fen, late %3 (%4 fen), paid late %5 (%6 fen)"_s.arg(v.count)
        .arg(v.amountFen)
        .arg(v.lateCount)
        .arg(v.lateFen)
        .arg(v.paidLateCount)
        .arg(v.paidLateFen);
}

QString figures(const SummaryUpdater::PendValue &v)
{
    return u"count %1, amount %2 fen"_s.arg(v.count).arg(v.amountFen);
}

// Walks two sorted maps side by side; rows whose figures are all zero count as absent.
template <typename Map>
void compare(const Map &stored, const Map &computed, QStringList *lines, int maxLines, qint64 *count)
{
    auto s = stored.begin();
    auto c = computed.begin();
    auto report = [&](const QString &line) {
        ++*count;
        if (lines->size() < maxLines)
            lines->append(line);
    };
    while (s != stored.end() || c != computed.end()) {
        if (s != stored.end() && s->second.isZero()) {
            ++s;
            continue;
        }
        if (c != computed.end() && c->second.isZero()) {
            ++c;
            continue;
        }
        if (c == computed.end() || (s != stored.end() && s->first < c->first)) {
            report(describe(s->first) + u": stored "_s + figures(s->second) + u", raw rows have none"_s);
            ++s;
        } else if (s == stored.end() || c->first < s->first) {
            report(describe(c->first) + u": missing, raw rows have "_s + figures(c->second));
            ++c;
        } else {
            if (figures(s->second) != figures(c->second) || s->second.unitPath != c->second.unitPath)
                report(describe(s->first) + u": stored "_s + figures(s->second) + u", raw rows have "_s +
                       figures(c->second));
            ++s;
            ++c;
        }
    }
}

} // namespace

QStringList SummaryUpdater::check(Store &store, int maxLines, qint64 *count, qint64 *recordsRead)
{
    Transaction tx(store, Transaction::Mode::Read);
    // One snapshot for the raw rows and the summaries, also while pushes commit (SQLite: the read transaction
    // is one already).
    if (store.isPostgres()) {
        QSqlQuery set(store.connection()); // not preparable
        store.countAccess();
        if (!set.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s))
            throw StoreError(u"SET TRANSACTION failed: %1"_s.arg(set.lastError().text()));
    }
    const Computed computed = computeFromRecords(store);
    if (recordsRead)
        *recordsRead = computed.records;
    SumMap sums;
    {
        SqlQuery q(store,
                   u"SELECT lvl, unit_id, year, month, department_id, fund_code, parent_id, unit_path, "
                   u"record_count, amount_fen, late_count, late_fen, paid_late_count, paid_late_fen "
                   u"FROM fund_summary"_s);
        q.raw().setForwardOnly(true);
        q.exec();
        while (q.next()) {
            SumValue v{q.text(6),   q.text(7),   q.int64(8),  q.int64(9),
                       q.int64(10), q.int64(11), q.int64(12), q.int64(13)};
            sums[{int(q.int64(0)), q.text(1), int(q.int64(2)), int(q.int64(3)), q.text(4), q.text(5)}] = v;
        }
    }
    PendMap pending;
    {
        SqlQuery q(store, u"SELECT unit_id, department_id, fund_code, what, due_on, unit_path, record_count, "
                          u"amount_fen FROM fund_pending"_s);
        q.raw().setForwardOnly(true);
        q.exec();
        while (q.next())
            pending[{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)}] =
                PendValue{q.text(5), q.int64(6), q.int64(7)};
    }
    tx.commit();
    QStringList lines;
    *count = 0;
    compare(sums, computed.sums, &lines, maxLines, count);
    compare(pending, computed.pending, &lines, maxLines, count);
    return lines;
}

qint64 SummaryUpdater::rebuild(Store &store)
{
    Transaction tx(store);
    // The pushes' commit-order lock: no record changes while the summaries are recomputed, and two rebuilds
    // take turns.
    SqlQuery(store, u"UPDATE sync_head SET seq = seq WHERE id = 1"_s).exec();
    Computed computed = computeFromRecords(store);
    SqlQuery(store, u"DELETE FROM fund_summary"_s).exec();
    SqlQuery(store, u"DELETE FROM fund_pending"_s).exec();
    SummaryUpdater writer(store);
    writer.m_sums = std::move(computed.sums);
    writer.m_pending = std::move(computed.pending);
    writer.flush();
    tx.commit();
    return computed.records;
}

void SummaryUpdater::rebuildAfterMigration(Store &store, int fromVersion, int toVersion)
{
    // 6: the summaries appear; 13: they count payments made late.
    if (fromVersion > 0 && ((fromVersion < 6 && toVersion >= 6) || (fromVersion < 13 && toVersion >= 13)))
        rebuild(store);
}

} // namespace sunshine
