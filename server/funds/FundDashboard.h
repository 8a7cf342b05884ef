#pragma once

#include "server/store/Store.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace sunshine {

// What the leaders' fund dashboard asks for.
struct DashboardFilter
{
    int year = 0;       // the year shown (months are compared with the year before)
    int quarter = 0;    // 1-4 narrows children, kinds and departments to that quarter; 0: the whole year
    QString kind;       // a fund kind wire name ("agricultural", "relief-fiscal", …); empty: all
    QString department; // a department id ("320612000000-agriculture"), or a code for every unit's
                        // department of that code ("agriculture"); empty: all
    QString orgUnitId;  // the unit drilled into: its children are listed
    QString orgPath;    // its path
    int orgLevel = 1;   // its level (1 city … 4 village)
    QDate today;        // China date; deadlines due before it are overdue
};

// The fund dashboard's figures for one unit: totals, one line per child unit (the drill-down) plus what is
// placed at the unit itself, money per month this year and last year, per fund kind with its share, and per
// department the money, entries made late and deadlines overdue (vouchers, reports to the city).
// summary() reads only the summary tables (a few thousand rows); raw() computes the same answer with plain
// GROUP BY queries over the records, for the check in the tests and as the benchmark's baseline. Both fold
// their rows through the same code, so the answers are equal whenever the summaries are right.
// No HTTP and no permissions here: the route checks the caller's scope.
class FundDashboard
{
public:
    explicit FundDashboard(Store &store);

    QJsonObject summary(const DashboardFilter &filter);
    QJsonObject raw(const DashboardFilter &filter);

private:
    Store &m_store;
};

} // namespace sunshine
