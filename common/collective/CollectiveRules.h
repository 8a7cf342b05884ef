#pragma once

#include "common/core/Money.h"
#include "common/core/Quarter.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// The arithmetic of a village collective's books (集体三资, MODULES.md §2; 《农村集体经济组织财务制度》):
// straight-line depreciation, the rent a contract schedules, and the days its disclosure is due. Pure
// functions of their inputs: the records' types, the warning rules and the app all call these.
namespace sunshine::collective {

// --- assets ---------------------------------------------------------------------------------------------

// The residual value of an asset when none is given: 5 % of its original value (财务制度; a parameter of the
// asset record, in basis points).
inline constexpr int kDefaultResidualBasisPoints = 500;

struct Depreciation
{
    Fen original = 0;
    QDate startOn;                                         // put into use
    int usefulYears = 0;                                   // 0: not depreciated (land, works of art)
    int residualBasisPoints = kDefaultResidualBasisPoints; // 500 = 5 %
};

// The months depreciated by the end of `on`: an asset is depreciated from the month after it was put into
// use (当月增加的固定资产当月不提折旧，从下月起计提), up to its useful life.
int depreciatedMonths(const Depreciation &asset, QDate on);
// The depreciation accumulated by the end of `on`: the depreciable amount (original less residual) spread
// evenly over the useful life's months, rounded to the fen; never more than the depreciable amount.
Fen accumulatedDepreciation(const Depreciation &asset, QDate on);
// Original value less accumulated depreciation, at the end of `on` (before use: the original value).
Fen netValue(const Depreciation &asset, QDate on);

// --- contracts ------------------------------------------------------------------------------------------

// How a contract's rent is set: per mu and year over an area, or a sum per year (a building), rising by a
// percentage each contract year.
struct RentTerms
{
    QDate startOn;
    QDate endOn;       // the last day of the term
    double areaMu = 0; // 0: the yearly rent is `yearlyRent`
    Fen pricePerMu = 0;
    Fen yearlyRent = 0;
    double yearlyIncreasePercent = 0;
};

// One instalment of the schedule: due at the start of each contract year.
struct Instalment
{
    int number = 0; // 1, 2, …
    QDate dueOn;
    Fen amount = 0;
};

// The yearly rent of the first contract year: area × price per mu, or the yearly sum.
Fen baseYearlyRent(const RentTerms &terms);
// The day contract year `n` (1-based) starts: the start's anniversary (29 February falls on 28 February
// in common years).
QDate contractYearStart(QDate startOn, int n);
// The term in whole months, rounded up (a term of 1 May 2026 – 30 April 2031 is 60 months).
int termMonths(const RentTerms &terms);
// The instalments: one per contract year, due on its first day; each year's rent is the first year's raised
// by the increase, compounded, rounded to the fen; a last, shorter year pays its share by days.
QList<Instalment> rentSchedule(const RentTerms &terms);
// The whole contract's value: the sum of its instalments.
Fen contractValue(const RentTerms &terms);

// --- disclosure ------------------------------------------------------------------------------------------

// The day a quarter's disclosure must be posted by: the `postDay`th of the first month of the next quarter
// (MODULES.md §2: the finance group checks in days 1–10, posting by the 15th, default).
QDate disclosureDeadline(const Quarter &quarter, int postDay);

// --- journals --------------------------------------------------------------------------------------------

enum class EntryDirection
{
    Debit, // 借方: money in
    Credit // 贷方: money out
};
// The balance after an entry.
Fen balanceAfter(Fen before, EntryDirection direction, Fen amount);

} // namespace sunshine::collective
