#pragma once

#include "app/sync/CacheQuery.h"
#include "common/org/OrgUnit.h"
#include "common/relief/ReliefRules.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <array>
#include <optional>

// The figures of the leaders' 首页 dashboard, without widgets: computed from the user's local cache (which
// holds only the user's area, so the scope is the cache's) or taken from the server's summary route, and the
// records behind each figure as a filter RecordTableModel applies.
namespace sunshine::app {

class ClientSession;

// What the dashboard looks at.
struct DashboardFilter
{
    int year = 0;
    int quarter = 0;      // 1..4; 0: the whole year
    QString kind;         // funds::fundKindName(); empty: every kind
    QString departmentId; // empty: every department
    QString orgUnitId;    // the unit looked at; empty: the user's own unit

    friend bool operator==(const DashboardFilter &a, const DashboardFilter &b)
    {
        return a.year == b.year && a.quarter == b.quarter && a.kind == b.kind &&
               a.departmentId == b.departmentId && a.orgUnitId == b.orgUnitId;
    }
};

// The figures of one unit (the one looked at, one of its children, or the records placed on it directly).
struct UnitFigures
{
    QString orgUnitId;
    QString name;
    bool own = false;              // the records placed on the unit looked at itself, not on a child
    qint64 disbursedFen = 0;       // disbursements of the period (year, quarter) by 所属期
    qint64 disbursements = 0;      // their number
    qint64 households = 0;         // registered (在册) households
    qint64 exits = 0;              // households that left the registry in the year
    qint64 paired = 0;             // registered households with a helper
    qint64 pairings = 0;           // pairings
    qint64 visited = 0;            // pairings visited in the visit quarter
    qint64 helpOverdue = 0;        // open help requests past their deadline
    qint64 overdue = 0;            // fund entries overdue (vouchers, reports to the city)
    qint64 enteredLate = 0;        // disbursements of the period entered after their entry deadline
    qint64 openWarnings = 0;       // warnings not yet closed (销号)
    qint64 escalated = 0;          // open warnings escalated (督办) for being overdue
    qint64 openRectifications = 0; // rectifications not struck off (销号)
    qint64 lateRectifications = 0; // of them, past their deadline
};

struct KindFigures
{
    QString kind; // funds::fundKindName()
    QString name; // Chinese
    qint64 amountFen = 0;
    qint64 count = 0;
};

struct DepartmentFigures
{
    QString departmentId;
    QString name;
    qint64 overdue = 0;     // open deadlines past due now: vouchers not attached, reports to the city missing
    qint64 enteredLate = 0; // disbursements of the period entered after their entry due date
    qint64 paidLate = 0;    // disbursements of the period paid after their pay-by date
};

struct DashboardFigures
{
    bool valid = false;
    bool fromServer = false; // the fund figures came from the server's summaries
    qint64 asOfMs = 0;       // the time of the data: the last sync (local) or the server's answer
    DashboardFilter filter;  // as applied (orgUnitId filled in)
    OrgUnit unit;            // the unit looked at
    QList<OrgUnit> trail;    // from the user's own unit down to `unit`
    UnitFigures total;
    QList<UnitFigures> children;          // the children of `unit` with records, then `own` when it has any
    std::array<qint64, 12> monthFen{};    // per month of the year (period month; a quarter in its first)
    std::array<qint64, 12> lastYearFen{}; // the same months a year before
    int lastMonth = 12;                   // the last month of the year that has begun (this year: today's)
    QList<KindFigures> kinds;             // every kind, in the order of funds::FundKind
    QList<DepartmentFigures> departments; // departments with anything overdue or late, most first
    relief::Quarter visitQuarter;         // the quarter whose visits are counted
};

// One figure whose records can be listed.
enum class Figure
{
    Disbursed,          // disbursements of the period (optionally one kind, month, year)
    Households,         // registered households
    Exits,              // households that left in the year
    Unpaired,           // registered households without a helper
    NotVisited,         // pairings without a visit in the visit quarter
    HelpOverdue,        // open help requests past their deadline
    Overdue,            // fund entries overdue now
    EnteredLate,        // disbursements entered late
    PaidLate,           // disbursements paid after their pay-by date (Art. 6 (三))
    OpenWarnings,       // warnings not yet closed
    Escalated,          // open warnings escalated (督办)
    OpenRectifications, // rectifications not struck off
    LateRectifications, // rectifications past their deadline
};

struct FigureRef
{
    FigureRef(Figure f = Figure::Disbursed, QString unit = {}, bool own = false)
        : figure(f)
        , orgUnitId(std::move(unit))
        , ownOnly(own)
    {}
    Figure figure = Figure::Disbursed;
    QString orgUnitId;    // empty: the unit looked at; a child's id, or the unit itself for `own`
    bool ownOnly = false; // only the records placed on orgUnitId itself
    QString kind;         // Disbursed: one kind (else the filter's)
    int month = 0;        // Disbursed: one month 1..12 (else the period)
    int year = 0;         // Disbursed: that month's year (else the filter's)
    QString departmentId; // Overdue / EnteredLate: one department (else the filter's)
};

// The records behind a figure: a record type, the org units, and a condition on the cache's records
// (RecordTableModel::setCondition); empty when the org units alone select them.
struct RecordsBehind
{
    QString type;
    QString title;
    QStringList orgUnitIds;
    CacheCondition condition;
};

// 1234567 fen -> "1.23" (万元, two decimals).
QString wanYuan(qint64 fen);

class DashboardData
{
    Q_DECLARE_TR_FUNCTIONS(DashboardData)

public:
    explicit DashboardData(ClientSession &session);

    // The figures of the local cache for `filter`. Relief figures always come from here.
    DashboardFigures compute(const DashboardFilter &filter) const;
    // The filter applied: the user's unit when none or one outside the area is given; the current year when
    // none.
    DashboardFilter normalized(DashboardFilter filter) const;

    // The records behind a figure: one list per record type (overdue entries: disbursements, then allocations
    // when there are any).
    QList<RecordsBehind> behind(const DashboardFilter &filter, const FigureRef &ref) const;

    // GET /api/v1/dashboard/funds: the query for `filter`, and the fund figures of an answer put into
    // `figures` (per child, per month, per kind, per department). False when the answer is not understood;
    // `figures` is then unchanged.
    static QList<QPair<QString, QString>> serverQuery(const DashboardFilter &filter);
    bool mergeServerFunds(const QJsonObject &answer, DashboardFigures *figures) const;

    ClientSession &session() const { return m_session; }
    QDate today() const;
    // The units of the subtree of `orgUnitId` (itself included) that this PC knows.
    QStringList subtree(const QString &orgUnitId) const;

private:
    // The kind and department of the filter, as a condition on fund records.
    static CacheCondition fundScope(const DashboardFilter &filter);
    // Fund entries overdue now in the units: id -> (org unit, department).
    QHash<QString, QPair<QString, QString>> overdue(const DashboardFilter &filter,
                                                    const QStringList &units) const;
    // Help requests past their deadline in the units: id -> org unit.
    QHash<QString, QString> helpOverdue(const QStringList &units) const;
    relief::Quarter visitQuarter(const DashboardFilter &filter) const;

    ClientSession &m_session;
};

} // namespace sunshine::app
