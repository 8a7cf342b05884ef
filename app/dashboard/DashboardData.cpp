#include "app/dashboard/DashboardData.h"

#include "app/sync/ClientSession.h"
#include "common/core/Clock.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

const QString kLive = u" AND deleted = 0 AND local_deleted = 0"_s;

QString jsonArray(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

// The year and month of a disbursement's 所属期 ("2026-03", or "2026Q2" counted in its first month), as the
// server's summaries count them.
const QString &periodYear()
{
    static const QString e = u"CAST(substr(json_extract(data, '$.period'), 1, 4) AS INTEGER)"_s;
    return e;
}
const QString &periodMonth()
{
    static const QString e =
        u"(CASE WHEN substr(json_extract(data, '$.period'), 5, 1) = 'Q' "
        u"THEN (CAST(substr(json_extract(data, '$.period'), 6, 1) AS INTEGER) - 1) * 3 + 1 "
        u"ELSE CAST(substr(json_extract(data, '$.period'), 6, 2) AS INTEGER) END)"_s;
    return e;
}

QDate dateOf(const QJsonObject &f, const QString &name)
{
    return QDate::fromString(f.value(name).toString(), Qt::ISODate);
}

// Runs a query over the cache; each row to `row`.
template <typename F>
void select(const QSqlDatabase &db, const QString &sql, const QVariantList &binds, F row)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qWarning("dashboard: %s [%s]", qPrintable(q.lastError().text()), qPrintable(sql));
        return;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("dashboard: %s [%s]", qPrintable(q.lastError().text()), qPrintable(sql));
        return;
    }
    while (q.next())
        row(q);
}

const QString kHouseholdRegistered = u"json_extract(data, '$.status') = 'registered'"_s;
const QString kHouseholdExit = u"json_extract(data, '$.exitYear') = ?"_s;
// As the pairings view counts coverage: a pairing of the household in the household's village. The unary "+"
// makes SQLite look pairings and visits up by the household and pairing indexes: "+records.id" drops the
// column's TEXT affinity (with it the expression index cannot serve the comparison), "+p.deleted" keeps the
// (type, local_deleted, deleted) index from being preferred. Otherwise every pairing is read for each
// household.
const QString kHouseholdUnpaired =
    u"json_extract(data, '$.status') = 'registered' AND NOT EXISTS (SELECT 1 FROM records p "
    u"WHERE p.type = 'pairing' AND +p.deleted = 0 AND +p.local_deleted = 0 "
    u"AND json_extract(p.data, '$.householdId') = +records.id AND p.org_unit_id = records.org_unit_id)"_s;
const QString kPairingNotVisited =
    u"NOT EXISTS (SELECT 1 FROM records v WHERE v.type = 'visit' AND +v.deleted = 0 AND +v.local_deleted = 0 "
    u"AND json_extract(v.data, '$.pairingId') = +records.id AND json_extract(v.data, '$.quarter') = ?)"_s;

} // namespace

QString wanYuan(qint64 fen)
{
    // Rounded half away from zero to 0.01 万元 (100 yuan), without floating point.
    const qint64 hundredths = (fen >= 0 ? fen + 5000 : fen - 5000) / 10000;
    const qint64 whole = hundredths / 100;
    const qint64 frac = qAbs(hundredths % 100);
    const QString sign = (hundredths < 0 && whole == 0) ? u"-"_s : QString();
    return sign + QString::number(whole) + u'.' + QStringLiteral("%1").arg(frac, 2, 10, QChar(u'0'));
}

DashboardData::DashboardData(ClientSession &session)
    : m_session(session)
{}

QDate DashboardData::today() const
{
    return chinaDateOf(m_session.clock().nowMs());
}

QStringList DashboardData::subtree(const QString &orgUnitId) const
{
    const std::optional<OrgUnit> root = m_session.orgUnit(orgUnitId);
    if (!root)
        return {};
    QStringList out;
    const QList<OrgUnit> units = m_session.orgUnits();
    for (const OrgUnit &u : units) {
        if (u.path.startsWith(root->path))
            out.append(u.id);
    }
    return out;
}

DashboardFilter DashboardData::normalized(DashboardFilter filter) const
{
    if (filter.year <= 0)
        filter.year = today().year();
    if (filter.quarter < 0 || filter.quarter > 4)
        filter.quarter = 0;
    if (!funds::fundKindFromName(filter.kind))
        filter.kind.clear();
    if (filter.orgUnitId.isEmpty() || !m_session.orgUnit(filter.orgUnitId))
        filter.orgUnitId = m_session.user().orgUnitId;
    return filter;
}

QString DashboardData::fundCodesOf(const QString &kind) const
{
    const std::optional<funds::FundKind> k = funds::fundKindFromName(kind);
    QStringList codes;
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &l : lines) {
        if (!k || l.kind == *k)
            codes.append(l.code);
    }
    return jsonArray(codes);
}

void DashboardData::periodCondition(int year, int quarter, int month, QString *sql, QVariantList *binds) const
{
    *sql += u" AND "_s + periodYear() + u" = ?"_s;
    binds->append(year);
    if (month >= 1 && month <= 12) {
        *sql += u" AND "_s + periodMonth() + u" = ?"_s;
        binds->append(month);
    } else if (quarter >= 1 && quarter <= 4) {
        *sql += u" AND "_s + periodMonth() + u" BETWEEN ? AND ?"_s;
        binds->append((quarter - 1) * 3 + 1);
        binds->append(quarter * 3);
    }
}

void DashboardData::fundCondition(const DashboardFilter &filter, QString *sql, QVariantList *binds) const
{
    if (!filter.kind.isEmpty()) {
        *sql += u" AND json_extract(data, '$.fundCode') IN (SELECT value FROM json_each(?))"_s;
        binds->append(fundCodesOf(filter.kind));
    }
    if (!filter.departmentId.isEmpty()) {
        *sql += u" AND department_id = ?"_s;
        binds->append(filter.departmentId);
    }
}

relief::Quarter DashboardData::visitQuarter(const DashboardFilter &filter) const
{
    if (filter.quarter >= 1)
        return relief::Quarter{filter.year, filter.quarter};
    if (filter.year >= today().year())
        return relief::quarterUnderCheck(today());
    return relief::Quarter{filter.year, 4};
}

QStringList DashboardData::overdueIds(const DashboardFilter &filter, const QStringList &units,
                                      const QString &departmentId, QHash<QString, QString> *unitOf,
                                      QHash<QString, QString> *departmentOf) const
{
    const QDate now = today();
    const WorkingCalendar &calendar = WorkingCalendar::builtIn();
    QStringList out;
    DashboardFilter f = filter;
    if (!departmentId.isEmpty())
        f.departmentId = departmentId;
    const auto collect = [&](const QString &type, const QString &extra, const QVariantList &extraBinds,
                             const std::function<bool(const QJsonObject &)> &overdue) {
        QString sql = u"SELECT id, org_unit_id, department_id, data FROM records WHERE type = ?"_s + kLive +
                      u" AND org_unit_id IN (SELECT value FROM json_each(?))"_s + extra;
        QVariantList binds{type, jsonArray(units)};
        binds.append(extraBinds);
        fundCondition(f, &sql, &binds);
        select(m_session.cache().database(), sql, binds, [&](const QSqlQuery &q) {
            const QJsonObject data = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            if (!overdue(data))
                return;
            const QString id = q.value(0).toString();
            out.append(id);
            if (unitOf)
                unitOf->insert(id, q.value(1).toString());
            if (departmentOf)
                departmentOf->insert(id, q.value(2).toString());
        });
    };
    // Disbursements whose vouchers are not attached past the Art. 7 time (5 working days after payment),
    // unless entered late.
    collect(QString::fromUtf16(funds::DisbursementType::kName),
            u" AND json_array_length(COALESCE(json_extract(data, '$.vouchers'), '[]')) = 0 "
            u"AND json_extract(data, '$.paidOn') < ?"_s,
            {now.toString(Qt::ISODate)}, [&](const QJsonObject &d) {
                // Entered late comes first: such a record counts as late, not as overdue.
                return funds::DisbursementType::deadlineState(d, now, calendar).status ==
                       funds::EntryStatus::Overdue;
            });
    // Provincial-or-higher allocations not reported to the city in time (rule 1).
    collect(QString::fromUtf16(funds::AllocationType::kName),
            u" AND json_extract(data, '$.reportedOn') IS NULL AND json_extract(data, '$.reportDueOn') < ?"_s,
            {now.toString(Qt::ISODate)}, [&](const QJsonObject &d) {
                return funds::AllocationType::deadlineState(d, now, calendar).status ==
                       funds::EntryStatus::Overdue;
            });
    return out;
}

QStringList DashboardData::helpOverdueIds(const QStringList &units, QHash<QString, QString> *unitOf) const
{
    const QDate now = today();
    const WorkingCalendar &calendar = WorkingCalendar::builtIn();
    QStringList out;
    select(m_session.cache().database(),
           u"SELECT id, org_unit_id, data FROM records WHERE type = 'help-request'"_s + kLive +
               u" AND org_unit_id IN (SELECT value FROM json_each(?)) "
               u"AND json_extract(data, '$.resultOn') IS NULL"_s,
           {jsonArray(units)}, [&](const QSqlQuery &q) {
               const QJsonObject d = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
               bool overdue = false;
               const QDate raised = dateOf(d, u"raisedOn"_s);
               if (raised.isValid() && !d.contains(u"answeredOn"_s))
                   overdue = relief::deadlineState(relief::helpAnswerDue(raised, calendar), std::nullopt, now,
                                                   calendar) == relief::DeadlineState::Overdue;
               const QDate assigned = dateOf(d, u"assignedOn"_s);
               if (!overdue && assigned.isValid())
                   overdue = relief::deadlineState(relief::helpResultDue(assigned, calendar), std::nullopt,
                                                   now, calendar) == relief::DeadlineState::Overdue;
               if (!overdue)
                   return;
               out.append(q.value(0).toString());
               if (unitOf)
                   unitOf->insert(q.value(0).toString(), q.value(1).toString());
           });
    return out;
}

DashboardFigures DashboardData::compute(const DashboardFilter &requested) const
{
    DashboardFigures out;
    const DashboardFilter filter = normalized(requested);
    out.filter = filter;
    out.asOfMs = m_session.cache().lastSyncMs();
    const std::optional<OrgUnit> node = m_session.orgUnit(filter.orgUnitId);
    if (!node)
        return out; // the places of the area are not known yet
    out.valid = true;
    out.unit = *node;
    out.visitQuarter = visitQuarter(filter);
    out.lastMonth = filter.year < today().year() ? 12 : (filter.year == today().year() ? today().month() : 0);

    // The trail from the user's unit down, and which row each unit of the subtree adds to.
    for (std::optional<OrgUnit> u = node; u; u = m_session.orgUnit(u->parentId)) {
        out.trail.prepend(*u);
        if (u->id == m_session.user().orgUnitId)
            break;
    }
    QHash<QString, QString> bucketOf; // unit id -> child id (the node's own id for the node)
    QStringList units;
    QList<UnitFigures> children;
    QHash<QString, qsizetype> rowOf;
    const QList<OrgUnit> all = m_session.orgUnits();
    for (const OrgUnit &u : all) {
        if (!u.path.startsWith(node->path))
            continue;
        units.append(u.id);
        if (u.id == node->id) {
            bucketOf.insert(u.id, u.id);
            continue;
        }
        const QString child = u.path.mid(node->path.size()).section(u'/', 0, 0);
        bucketOf.insert(u.id, child);
        if (u.parentId == node->id) {
            UnitFigures c;
            c.orgUnitId = u.id;
            c.name = u.name;
            rowOf.insert(u.id, children.size());
            children.append(c);
        }
    }
    UnitFigures own;
    own.orgUnitId = node->id;
    own.name = tr("%1 (itself)").arg(node->name);
    own.own = true;
    const auto rowFor = [&](const QString &unitId) -> UnitFigures * {
        const QString b = bucketOf.value(unitId);
        if (b.isEmpty())
            return nullptr;
        if (b == node->id)
            return &own;
        const auto it = rowOf.constFind(b);
        return it == rowOf.constEnd() ? nullptr : &children[*it];
    };
    const QSqlDatabase db = m_session.cache().database();
    const QString scope = u" AND org_unit_id IN (SELECT value FROM json_each(?))"_s;
    const QString unitsJson = jsonArray(units);
    const QString disbursement = QString::fromUtf16(funds::DisbursementType::kName);

    // Money of the period, per unit and fund line.
    {
        QString sql = u"SELECT org_unit_id, json_extract(data, '$.fundCode'), SUM(json_extract(data, "
                      u"'$.amountFen')), COUNT(*) FROM records WHERE type = ?"_s +
                      kLive + scope;
        QVariantList binds{disbursement, unitsJson};
        periodCondition(filter.year, filter.quarter, 0, &sql, &binds);
        fundCondition(filter, &sql, &binds);
        sql += u" GROUP BY 1, 2"_s;
        QHash<QString, KindFigures> kinds;
        select(db, sql, binds, [&](const QSqlQuery &q) {
            const qint64 fen = q.value(2).toLongLong(), count = q.value(3).toLongLong();
            if (UnitFigures *r = rowFor(q.value(0).toString())) {
                r->disbursedFen += fen;
                r->disbursements += count;
            }
            const std::optional<funds::FundLine> line = funds::findFundLine(q.value(1).toString());
            const QString kind = line ? funds::fundKindName(line->kind) : QString();
            kinds[kind].amountFen += fen;
            kinds[kind].count += count;
        });
        for (funds::FundKind k : {funds::FundKind::ReliefFiscal, funds::FundKind::ReliefDonation,
                                  funds::FundKind::ReliefOther, funds::FundKind::Agricultural}) {
            KindFigures f = kinds.value(funds::fundKindName(k));
            f.kind = funds::fundKindName(k);
            f.name = funds::fundKindChineseName(k);
            out.kinds.append(f);
        }
    }
    // Per month, this year and last.
    {
        QString sql = u"SELECT "_s + periodYear() + u", "_s + periodMonth() +
                      u", SUM(json_extract(data, '$.amountFen')) FROM records WHERE type = ?"_s + kLive +
                      scope + u" AND "_s + periodYear() + u" IN (?, ?)"_s;
        QVariantList binds{disbursement, unitsJson, filter.year, filter.year - 1};
        fundCondition(filter, &sql, &binds);
        sql += u" GROUP BY 1, 2"_s;
        select(db, sql, binds, [&](const QSqlQuery &q) {
            const int year = q.value(0).toInt(), month = q.value(1).toInt();
            if (month < 1 || month > 12)
                return;
            (year == filter.year ? out.monthFen : out.lastYearFen)[size_t(month - 1)] +=
                q.value(2).toLongLong();
        });
    }
    // Overdue now and entered late in the period, per unit and department.
    QHash<QString, DepartmentFigures> departments;
    {
        QHash<QString, QString> unitOf, departmentOf;
        const QStringList ids = overdueIds(filter, units, QString(), &unitOf, &departmentOf);
        for (const QString &id : ids) {
            if (UnitFigures *r = rowFor(unitOf.value(id)))
                ++r->overdue;
            ++departments[departmentOf.value(id)].overdue;
        }
        const RecordsBehind late = behind(filter, {Figure::EnteredLate, node->id}).value(0);
        select(db,
               u"SELECT org_unit_id, department_id, COUNT(*) FROM records WHERE type = ?"_s + kLive + scope +
                   late.sql + u" GROUP BY 1, 2"_s,
               QVariantList{late.type, unitsJson} + late.binds, [&](const QSqlQuery &q) {
                   const qint64 n = q.value(2).toLongLong();
                   if (UnitFigures *r = rowFor(q.value(0).toString()))
                       r->enteredLate += n;
                   departments[q.value(1).toString()].enteredLate += n;
               });
    }
    for (auto it = departments.begin(); it != departments.end(); ++it) {
        it->departmentId = it.key();
        it->name = it.key().isEmpty() ? tr("(no department)") : m_session.departmentName(it.key());
        out.departments.append(*it);
    }
    std::sort(out.departments.begin(), out.departments.end(),
              [](const DepartmentFigures &a, const DepartmentFigures &b) {
                  if (a.overdue + a.enteredLate != b.overdue + b.enteredLate)
                      return a.overdue + a.enteredLate > b.overdue + b.enteredLate;
                  return a.name < b.name;
              });

    // The registry, pairings and visits: the same conditions as the records behind them.
    const auto countPerUnit = [&](const QString &type, const QString &condition, const QVariantList &binds,
                                  qint64 UnitFigures::*member) {
        select(db,
               u"SELECT org_unit_id, COUNT(*) FROM records WHERE type = ?"_s + kLive + scope +
                   (condition.isEmpty() ? QString() : u" AND "_s + condition) + u" GROUP BY 1"_s,
               QVariantList{type, unitsJson} + binds, [&](const QSqlQuery &q) {
                   if (UnitFigures *r = rowFor(q.value(0).toString()))
                       r->*member += q.value(1).toLongLong();
               });
    };
    countPerUnit(u"household"_s, kHouseholdRegistered, {}, &UnitFigures::households);
    countPerUnit(u"household"_s, kHouseholdExit, {filter.year}, &UnitFigures::exits);
    countPerUnit(u"household"_s, kHouseholdUnpaired, {}, &UnitFigures::paired); // unpaired, turned below
    countPerUnit(u"pairing"_s, QString(), {}, &UnitFigures::pairings);
    countPerUnit(u"pairing"_s, kPairingNotVisited, {out.visitQuarter.toString()}, &UnitFigures::visited);
    {
        QHash<QString, QString> unitOf;
        const QStringList ids = helpOverdueIds(units, &unitOf);
        for (const QString &id : ids) {
            if (UnitFigures *r = rowFor(unitOf.value(id)))
                ++r->helpOverdue;
        }
    }
    const auto finish = [](UnitFigures &r) {
        r.paired = r.households - r.paired;
        r.visited = r.pairings - r.visited;
    };
    for (UnitFigures &c : children)
        finish(c);
    finish(own);

    UnitFigures total;
    total.orgUnitId = node->id;
    total.name = node->name;
    QList<const UnitFigures *> parts;
    for (const UnitFigures &c : std::as_const(children))
        parts.append(&c);
    parts.append(&own);
    for (const UnitFigures *r : std::as_const(parts)) {
        total.disbursedFen += r->disbursedFen;
        total.disbursements += r->disbursements;
        total.households += r->households;
        total.exits += r->exits;
        total.paired += r->paired;
        total.pairings += r->pairings;
        total.visited += r->visited;
        total.helpOverdue += r->helpOverdue;
        total.overdue += r->overdue;
        total.enteredLate += r->enteredLate;
    }
    out.total = total;
    out.children = children;
    if (own.disbursements || own.households || own.pairings || own.helpOverdue || own.overdue ||
        own.enteredLate || own.exits)
        out.children.append(own);
    return out;
}

QList<RecordsBehind> DashboardData::behind(const DashboardFilter &requested, const FigureRef &ref) const
{
    const DashboardFilter filter = normalized(requested);
    const QString unitId = ref.orgUnitId.isEmpty() ? filter.orgUnitId : ref.orgUnitId;
    const QStringList units = ref.ownOnly ? QStringList{unitId} : subtree(unitId);
    const QString place = m_session.orgUnitName(unitId);
    RecordsBehind r;
    r.orgUnitIds = units;
    switch (ref.figure) {
    case Figure::Disbursed: {
        r.type = QString::fromUtf16(funds::DisbursementType::kName);
        DashboardFilter f = filter;
        if (!ref.kind.isEmpty())
            f.kind = ref.kind;
        const int year = ref.year > 0 ? ref.year : f.year;
        periodCondition(year, f.quarter, ref.month, &r.sql, &r.binds);
        fundCondition(f, &r.sql, &r.binds);
        const QString period =
            ref.month ? u"%1-%2"_s.arg(year).arg(ref.month, 2, 10, QChar(u'0'))
                      : (f.quarter ? relief::Quarter{year, f.quarter}.chineseName() : QString::number(year));
        r.title = tr("Disbursements of %1, %2").arg(place, period);
        if (const auto k = funds::fundKindFromName(f.kind))
            r.title += u" · "_s + funds::fundKindChineseName(*k);
        break;
    }
    case Figure::Households:
        r.type = u"household"_s;
        r.sql = u" AND "_s + kHouseholdRegistered;
        r.title = tr("Registered households of %1").arg(place);
        break;
    case Figure::Exits:
        r.type = u"household"_s;
        r.sql = u" AND "_s + kHouseholdExit;
        r.binds = {filter.year};
        r.title = tr("Households of %1 that left the registry in %2").arg(place).arg(filter.year);
        break;
    case Figure::Unpaired:
        r.type = u"household"_s;
        r.sql = u" AND "_s + kHouseholdUnpaired;
        r.title = tr("Registered households of %1 without a helper").arg(place);
        break;
    case Figure::NotVisited: {
        const relief::Quarter q = visitQuarter(filter);
        r.type = u"pairing"_s;
        r.sql = u" AND "_s + kPairingNotVisited;
        r.binds = {q.toString()};
        r.title = tr("Pairings of %1 without a visit in %2").arg(place, q.chineseName());
        break;
    }
    case Figure::HelpOverdue:
        r.type = u"help-request"_s;
        r.sql = u" AND id IN (SELECT value FROM json_each(?))"_s;
        r.binds = {jsonArray(helpOverdueIds(units, nullptr))};
        r.title = tr("Help requests of %1 past their deadline").arg(place);
        break;
    case Figure::Overdue: {
        QHash<QString, QString> unitOf;
        const QStringList ids = overdueIds(filter, units, ref.departmentId, &unitOf, nullptr);
        QList<RecordsBehind> out;
        for (const QString &type : {QString::fromUtf16(funds::DisbursementType::kName),
                                    QString::fromUtf16(funds::AllocationType::kName)}) {
            QStringList ofType;
            for (const QString &id : ids) {
                const std::optional<CachedRecord> rec = m_session.cache().record(id);
                if (rec && rec->record.type == type)
                    ofType.append(id);
            }
            RecordsBehind b = r;
            b.type = type;
            b.sql = u" AND id IN (SELECT value FROM json_each(?))"_s;
            b.binds = {jsonArray(ofType)};
            b.title = type == QString::fromUtf16(funds::DisbursementType::kName)
                          ? tr("Disbursements of %1 whose vouchers are overdue").arg(place)
                          : tr("Allocations of %1 not reported to the city in time").arg(place);
            if (!ofType.isEmpty() || type == QString::fromUtf16(funds::DisbursementType::kName))
                out.append(b);
        }
        return out;
    }
    case Figure::EnteredLate: {
        r.type = QString::fromUtf16(funds::DisbursementType::kName);
        DashboardFilter f = filter;
        if (!ref.departmentId.isEmpty())
            f.departmentId = ref.departmentId;
        periodCondition(f.year, f.quarter, 0, &r.sql, &r.binds);
        fundCondition(f, &r.sql, &r.binds);
        // Entered after the entry due date (funds::entryStatus, "entered late").
        r.sql += u" AND "_s + funds::DisbursementType::enteredLateSql([](const QString &name) -> QString {
                     return u"json_extract(data, '$."_s + name + u"')"_s;
                 });
        r.title = tr("Disbursements of %1 entered late").arg(place);
        break;
    }
    }
    if (!ref.departmentId.isEmpty() && (ref.figure == Figure::EnteredLate))
        r.title += u" · "_s + m_session.departmentName(ref.departmentId);
    return {r};
}

QList<QPair<QString, QString>> DashboardData::serverQuery(const DashboardFilter &filter)
{
    QList<QPair<QString, QString>> q{{u"year"_s, QString::number(filter.year)}};
    if (filter.quarter)
        q.append({u"quarter"_s, QString::number(filter.quarter)});
    if (!filter.kind.isEmpty())
        q.append({u"kind"_s, filter.kind});
    if (!filter.departmentId.isEmpty())
        q.append({u"department"_s, filter.departmentId});
    q.append({u"org"_s, filter.orgUnitId});
    return q;
}

bool DashboardData::mergeServerFunds(const QJsonObject &answer, DashboardFigures *figures) const
{
    // server/funds/FundDashboard: {"org": {"id"}, "year", "totals": {"count", "amountFen", "lateCount"},
    // "children": [{"orgUnitId", "count", "amountFen"}], "self": {"count", "amountFen"},
    // "months": [{"month", "amountFen", "lastYearAmountFen"}], "kinds": [{"kind", "count", "amountFen"}],
    // "departments": [{"departmentId", "name", "lateCount", "overdueVoucherCount", "overdueReportCount"}]}.
    // Per place it gives the money only: the late and overdue entries per place stay those of the local copy.
    if (!figures->valid || !answer.value(u"children"_s).isArray() || !answer.value(u"months"_s).isArray() ||
        !answer.value(u"totals"_s).isObject() ||
        answer.value(u"org"_s).toObject().value(u"id"_s).toString() != figures->unit.id ||
        answer.value(u"year"_s).toInt() != figures->filter.year)
        return false;
    DashboardFigures f = *figures;
    const auto number = [](const QJsonObject &o, const QString &key) {
        return qint64(o.value(key).toDouble());
    };
    QHash<QString, QJsonObject> children;
    const QJsonArray list = answer.value(u"children"_s).toArray();
    for (const QJsonValue &v : list)
        children.insert(v.toObject().value(u"orgUnitId"_s).toString(), v.toObject());
    const QJsonObject self = answer.value(u"self"_s).toObject();
    bool hasOwn = false;
    for (UnitFigures &c : f.children) {
        const QJsonObject o = c.own ? self : children.value(c.orgUnitId);
        hasOwn = hasOwn || c.own;
        c.disbursedFen = number(o, u"amountFen"_s);
        c.disbursements = number(o, u"count"_s);
    }
    if (!hasOwn && number(self, u"count"_s) > 0) {
        UnitFigures own;
        own.orgUnitId = f.unit.id;
        own.own = true;
        own.name = tr("%1 (itself)").arg(f.unit.name);
        own.disbursedFen = number(self, u"amountFen"_s);
        own.disbursements = number(self, u"count"_s);
        f.children.append(own);
    }
    const QJsonObject totals = answer.value(u"totals"_s).toObject();
    f.total.disbursedFen = number(totals, u"amountFen"_s);
    f.total.disbursements = number(totals, u"count"_s);
    f.total.enteredLate = number(totals, u"lateCount"_s);

    f.monthFen.fill(0);
    f.lastYearFen.fill(0);
    const QJsonArray months = answer.value(u"months"_s).toArray();
    for (const QJsonValue &v : months) {
        const QJsonObject o = v.toObject();
        const int month = o.value(u"month"_s).toInt();
        if (month < 1 || month > 12)
            continue;
        f.monthFen[size_t(month - 1)] = number(o, u"amountFen"_s);
        f.lastYearFen[size_t(month - 1)] = number(o, u"lastYearAmountFen"_s);
    }
    const QJsonArray kinds = answer.value(u"kinds"_s).toArray();
    for (KindFigures &k : f.kinds) {
        k.amountFen = k.count = 0;
        for (const QJsonValue &v : kinds) {
            if (v.toObject().value(u"kind"_s).toString() == k.kind) {
                k.amountFen = number(v.toObject(), u"amountFen"_s);
                k.count = number(v.toObject(), u"count"_s);
            }
        }
    }
    f.departments.clear();
    f.total.overdue = 0;
    const QJsonArray departments = answer.value(u"departments"_s).toArray();
    for (const QJsonValue &v : departments) {
        const QJsonObject o = v.toObject();
        DepartmentFigures d;
        d.departmentId = o.value(u"departmentId"_s).toString();
        d.name = m_session.departmentName(d.departmentId);
        if (d.name == d.departmentId && !o.value(u"name"_s).toString().isEmpty())
            d.name = o.value(u"name"_s).toString();
        d.overdue = number(o, u"overdueVoucherCount"_s) + number(o, u"overdueReportCount"_s);
        d.enteredLate = number(o, u"lateCount"_s);
        f.total.overdue += d.overdue;
        if (d.overdue || d.enteredLate)
            f.departments.append(d);
    }
    std::sort(f.departments.begin(), f.departments.end(),
              [](const DepartmentFigures &a, const DepartmentFigures &b) {
                  if (a.overdue + a.enteredLate != b.overdue + b.enteredLate)
                      return a.overdue + a.enteredLate > b.overdue + b.enteredLate;
                  return a.name < b.name;
              });
    f.fromServer = true;
    f.asOfMs = m_session.clock().nowMs();
    *figures = f;
    return true;
}

} // namespace sunshine::app
