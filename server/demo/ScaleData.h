#pragma once

#include "server/store/Store.h"

#include <QDate>
#include <functional>

namespace sunshine {

// Nantong-scale data for benchmarks (DOMAIN.md "Scale"): households with members, helpers, pairings and
// visits, and disbursements across five years on real fund lines, spread over the demo org tree (9 counties,
// 99 towns, 1,782 villages). Deterministic from the seed and the day given as today. Written straight to the
// store in bulk (records, history, unique keys, voucher references), in transactions of about 200,000
// records; the fund summaries go through SummaryUpdater in each of those transactions, as the push does.
//
// Disbursements come in payment batches, as they are paid: a village's payroll of one fund line for one
// period, paid on one day (monthly relief to registered households, yearly agricultural subsidies to every
// farming household, one-off relief, village projects). Batches paid more than 30 days before today carry a
// voucher; a few batches were entered after their entry deadline. What the money rules read besides: an
// allocation per county, fund line and year, a standard per county for the lines paid to people, and about
// one person paid in 500 on a comparison list of the county.
class ScaleData
{
public:
    struct Options
    {
        quint64 seed = 20191210;
        qint64 disbursements = 10'000'000;
        int households = 100'000;
        int members = 300'000;
        int visitQuarters = 4; // the last quarters whose visit window has opened
        QDate today;           // default: today in China
        bool history = true;   // write record_history rows (version 1) as the push would
    };
    struct Result
    {
        qint64 households = 0;
        qint64 members = 0;
        qint64 helpers = 0;
        qint64 pairings = 0;
        qint64 visits = 0;
        qint64 disbursements = 0;
        qint64 allocations = 0; // per county, line and year
        qint64 standards = 0;   // per county and line paid to people
        qint64 listEntries = 0; // comparison-list entries (about one person paid in 500)
        qint64 records = 0;
        double seconds = 0;
    };

    // The store must hold the demo org tree (DemoData) and no generated records; throws StoreError, or
    // std::runtime_error when the tree is missing. `progress` gets a line now and then.
    static Result generate(Store &store, const Options &options,
                           const std::function<void(const QString &)> &progress = {});
};

} // namespace sunshine
