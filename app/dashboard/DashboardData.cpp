#include "app/dashboard/DashboardData.h"

#include "app/funds/FundQueries.h"
#include "app/relief/ReliefQueries.h"
#include "app/supervision/SupervisionQueries.h"
#include "app/sync/CacheQuery.h"
#include "app/sync/ClientSession.h"
#include "app/warnings/WarningQueries.h"
#include "common/core/Clock.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/supervision/RectificationTypes.h"
#include "common/warnings/WarningType.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

using namespace cachequery;

QString typeName(const char16_t *name)
{
    return QString::fromUtf16(name);
}

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

CacheCondition DashboardData::fundScope(const DashboardFilter &filter)
{
    CacheCondition c = fundquery::ofKind(filter.kind);
    if (!filter.departmentId.isEmpty())
        c = c && equals(kDepartment, filter.departmentId);
    return c;
}

relief::Quarter DashboardData::visitQuarter(const DashboardFilter &filter) const
{
    if (filter.quarter >= 1)
        return relief::Quarter{filter.year, filter.quarter};
    if (filter.year >= today().year())
        return relief::quarterUnderCheck(today());
    return relief::Quarter{filter.year, 4};
}

QHash<QString, QPair<QString, QString>> DashboardData::overdue(const DashboardFilter &filter,
                                                               const QStringList &units) const
{
    return fundquery::overdueEntries(m_session.cache(), units, fundScope(filter), today(),
                                     WorkingCalendar::current());
}

QHash<QString, QString> DashboardData::helpOverdue(const QStringList &units) const
{
    return reliefquery::overdueHelpRequests(m_session.cache(), units, today(), WorkingCalendar::current());
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
    const LocalCache &cache = m_session.cache();
    const CacheCondition scope = unitAmong(units);
    const QString disbursement = typeName(funds::DisbursementType::kName);

    // Money of the period, per unit and fund line.
    {
        QHash<QString, KindFigures> kinds;
        fundquery::sumsPerUnitAndLine(
            cache, disbursement,
            scope && fundquery::periodIn(filter.year, filter.quarter) && fundScope(filter),
            [&](const QString &unitId, const QString &fundCode, qint64 fen, qint64 count) {
                if (UnitFigures *r = rowFor(unitId)) {
                    r->disbursedFen += fen;
                    r->disbursements += count;
                }
                const std::optional<funds::FundLine> line = funds::findFundLine(fundCode);
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
    CacheQuery(cache, disbursement)
        .where(scope &&
               generated(fundquery::periodYear() + u" IN (?, ?)"_s, {filter.year, filter.year - 1}) &&
               fundScope(filter))
        .forEach(
            {fundquery::periodYear(), fundquery::periodMonth(), sum(field(u"amountFen"_s))},
            [&](const QSqlQuery &q) {
                const int year = q.value(0).toInt(), month = q.value(1).toInt();
                if (month < 1 || month > 12)
                    return;
                (year == filter.year ? out.monthFen : out.lastYearFen)[size_t(month - 1)] +=
                    q.value(2).toLongLong();
            },
            2);
    // Overdue now and entered late in the period, per unit and department.
    QHash<QString, DepartmentFigures> departments;
    {
        const QHash<QString, QPair<QString, QString>> overdueNow = overdue(filter, units);
        for (auto it = overdueNow.constBegin(); it != overdueNow.constEnd(); ++it) {
            if (UnitFigures *r = rowFor(it->first))
                ++r->overdue;
            ++departments[it->second].overdue;
        }
        const RecordsBehind late = behind(filter, {Figure::EnteredLate, node->id}).value(0);
        CacheQuery(cache, late.type)
            .where(scope && late.condition)
            .forEach(
                {kOrgUnit, kDepartment, count()},
                [&](const QSqlQuery &q) {
                    const qint64 n = q.value(2).toLongLong();
                    if (UnitFigures *r = rowFor(q.value(0).toString()))
                        r->enteredLate += n;
                    departments[q.value(1).toString()].enteredLate += n;
                },
                2);
        const RecordsBehind paidLate = behind(filter, {Figure::PaidLate, node->id}).value(0);
        CacheQuery(cache, paidLate.type)
            .where(scope && paidLate.condition)
            .forEach(
                {kDepartment, count()},
                [&](const QSqlQuery &q) {
                    departments[q.value(0).toString()].paidLate += q.value(1).toLongLong();
                },
                1);
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
    const auto countPerUnit = [&](const char16_t *type, const CacheCondition &condition,
                                  qint64 UnitFigures::*member) {
        CacheQuery(cache, typeName(type))
            .where(scope && condition)
            .forEach(
                {kOrgUnit, count()},
                [&](const QSqlQuery &q) {
                    if (UnitFigures *r = rowFor(q.value(0).toString()))
                        r->*member += q.value(1).toLongLong();
                },
                1);
    };
    countPerUnit(relief::HouseholdType::kName, reliefquery::registered(), &UnitFigures::households);
    countPerUnit(relief::HouseholdType::kName, reliefquery::exitedIn(filter.year), &UnitFigures::exits);
    // Unpaired, turned into paired below.
    countPerUnit(relief::HouseholdType::kName, reliefquery::unpaired(), &UnitFigures::paired);
    countPerUnit(relief::PairingType::kName, {}, &UnitFigures::pairings);
    // Not visited, turned into visited below.
    countPerUnit(relief::PairingType::kName, reliefquery::notVisitedIn(out.visitQuarter),
                 &UnitFigures::visited);
    countPerUnit(warnings::WarningType::kName, warningquery::open(), &UnitFigures::openWarnings);
    countPerUnit(warnings::WarningType::kName, warningquery::escalated(), &UnitFigures::escalated);
    countPerUnit(supervision::RectificationType::kName, supervisionquery::openRectifications(),
                 &UnitFigures::openRectifications);
    countPerUnit(supervision::RectificationType::kName, supervisionquery::overdueRectifications(today()),
                 &UnitFigures::lateRectifications);
    {
        const QHash<QString, QString> unitOf = helpOverdue(units);
        for (auto it = unitOf.constBegin(); it != unitOf.constEnd(); ++it) {
            if (UnitFigures *r = rowFor(it.value()))
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
        total.openWarnings += r->openWarnings;
        total.escalated += r->escalated;
        total.openRectifications += r->openRectifications;
        total.lateRectifications += r->lateRectifications;
    }
    out.total = total;
    out.children = children;
    if (own.disbursements || own.households || own.pairings || own.helpOverdue || own.overdue ||
        own.enteredLate || own.exits || own.openWarnings || own.openRectifications)
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
        r.type = typeName(funds::DisbursementType::kName);
        DashboardFilter f = filter;
        if (!ref.kind.isEmpty())
            f.kind = ref.kind;
        const int year = ref.year > 0 ? ref.year : f.year;
        r.condition = fundquery::periodIn(year, f.quarter, ref.month) && fundScope(f);
        const QString period =
            ref.month ? u"%1-%2"_s.arg(year).arg(ref.month, 2, 10, QChar(u'0'))
                      : (f.quarter ? relief::Quarter{year, f.quarter}.chineseName() : QString::number(year));
        r.title = tr("Disbursements of %1, %2").arg(place, period);
        if (const auto k = funds::fundKindFromName(f.kind))
            r.title += u" · "_s + funds::fundKindChineseName(*k);
        break;
    }
    case Figure::Households:
        r.type = typeName(relief::HouseholdType::kName);
        r.condition = reliefquery::registered();
        r.title = tr("Registered households of %1").arg(place);
        break;
    case Figure::Exits:
        r.type = typeName(relief::HouseholdType::kName);
        r.condition = reliefquery::exitedIn(filter.year);
        r.title = tr("Households of %1 that left the registry in %2").arg(place).arg(filter.year);
        break;
    case Figure::Unpaired:
        r.type = typeName(relief::HouseholdType::kName);
        r.condition = reliefquery::unpaired();
        r.title = tr("Registered households of %1 without a helper").arg(place);
        break;
    case Figure::NotVisited: {
        const relief::Quarter q = visitQuarter(filter);
        r.type = typeName(relief::PairingType::kName);
        r.condition = reliefquery::notVisitedIn(q);
        r.title = tr("Pairings of %1 without a visit in %2").arg(place, q.chineseName());
        break;
    }
    case Figure::OpenWarnings:
        r.type = typeName(warnings::WarningType::kName);
        r.condition = warningquery::open();
        r.title = tr("Open warnings of %1").arg(place);
        break;
    case Figure::Escalated:
        r.type = typeName(warnings::WarningType::kName);
        r.condition = warningquery::escalated();
        r.title = tr("Escalated warnings of %1").arg(place);
        break;
    case Figure::OpenRectifications:
        r.type = typeName(supervision::RectificationType::kName);
        r.condition = supervisionquery::openRectifications();
        r.title = tr("Rectifications of %1 not struck off").arg(place);
        break;
    case Figure::LateRectifications:
        r.type = typeName(supervision::RectificationType::kName);
        r.condition = supervisionquery::overdueRectifications(today());
        r.title = tr("Rectifications of %1 past their deadline").arg(place);
        break;
    case Figure::HelpOverdue:
        r.type = typeName(relief::HelpRequestType::kName);
        r.condition = idAmong(helpOverdue(units).keys());
        r.title = tr("Help requests of %1 past their deadline").arg(place);
        break;
    case Figure::Overdue: {
        DashboardFilter f = filter;
        if (!ref.departmentId.isEmpty())
            f.departmentId = ref.departmentId;
        const QHash<QString, QPair<QString, QString>> ids = overdue(f, units);
        QList<RecordsBehind> out;
        for (const QString &type :
             {typeName(funds::DisbursementType::kName), typeName(funds::AllocationType::kName)}) {
            QStringList ofType;
            for (auto it = ids.constBegin(); it != ids.constEnd(); ++it) {
                const std::optional<CachedRecord> rec = m_session.cache().record(it.key());
                if (rec && rec->record.type == type)
                    ofType.append(it.key());
            }
            RecordsBehind b = r;
            b.type = type;
            b.condition = idAmong(ofType);
            b.title = type == typeName(funds::DisbursementType::kName)
                          ? tr("Disbursements of %1 whose vouchers are overdue").arg(place)
                          : tr("Allocations of %1 not reported to the city in time").arg(place);
            if (!ofType.isEmpty() || type == typeName(funds::DisbursementType::kName))
                out.append(b);
        }
        return out;
    }
    case Figure::EnteredLate: {
        r.type = typeName(funds::DisbursementType::kName);
        DashboardFilter f = filter;
        if (!ref.departmentId.isEmpty())
            f.departmentId = ref.departmentId;
        // Entered after the entry due date (funds::entryStatus, "entered late").
        r.condition = fundquery::periodIn(f.year, f.quarter) && fundScope(f) && fundquery::enteredLate();
        r.title = tr("Disbursements of %1 entered late").arg(place);
        break;
    }
    case Figure::PaidLate: {
        r.type = typeName(funds::DisbursementType::kName);
        DashboardFilter f = filter;
        if (!ref.departmentId.isEmpty())
            f.departmentId = ref.departmentId;
        // Paid after the pay-by date (funds::DisbursementType::paidLate).
        r.condition = fundquery::periodIn(f.year, f.quarter) && fundScope(f) && fundquery::paidLate();
        r.title = tr("Disbursements of %1 paid late").arg(place);
        break;
    }
    }
    if (!ref.departmentId.isEmpty() && (ref.figure == Figure::EnteredLate || ref.figure == Figure::PaidLate))
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
    // "departments": [{"departmentId", "name", "lateCount", "paidLateCount", "overdueVoucherCount",
    // "overdueReportCount"}]}.
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
        d.paidLate = number(o, u"paidLateCount"_s);
        f.total.overdue += d.overdue;
        if (d.overdue || d.enteredLate || d.paidLate)
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
