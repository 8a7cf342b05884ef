#include "common/collective/CollectiveRules.h"

#include <cmath>

namespace sunshine::collective {

int depreciatedMonths(const Depreciation &asset, QDate on)
{
    if (!asset.startOn.isValid() || !on.isValid() || asset.usefulYears <= 0)
        return 0;
    // Months from the one after the start up to and including the month of `on`.
    const int months = (on.year() - asset.startOn.year()) * 12 + (on.month() - asset.startOn.month());
    return std::clamp(months, 0, asset.usefulYears * 12);
}

Fen accumulatedDepreciation(const Depreciation &asset, QDate on)
{
    const int months = depreciatedMonths(asset, on);
    if (months <= 0 || asset.original <= 0)
        return 0;
    const int residual = std::clamp(asset.residualBasisPoints, 0, 10000);
    // original × (1 − residual) × months / life, rounded half up, in integers (fen × basis points stays far
    // below 2^63 for any sum a village holds).
    const qint64 depreciableBp = asset.original * (10000 - residual); // fen × 1/10000
    const qint64 lifeMonths = qint64(asset.usefulYears) * 12;
    if (months >= lifeMonths)
        return (depreciableBp + 5000) / 10000;
    const qint64 denominator = lifeMonths * 10000;
    return (depreciableBp * months + denominator / 2) / denominator;
}

Fen netValue(const Depreciation &asset, QDate on)
{
    return asset.original - accumulatedDepreciation(asset, on);
}

Fen baseYearlyRent(const RentTerms &terms)
{
    if (terms.areaMu > 0)
        return Fen(std::llround(terms.areaMu * double(terms.pricePerMu)));
    return terms.yearlyRent;
}

QDate contractYearStart(QDate startOn, int n)
{
    if (!startOn.isValid() || n < 1)
        return {};
    // QDate::addYears keeps 29 February on 28 February of a common year.
    return startOn.addYears(n - 1);
}

int termMonths(const RentTerms &terms)
{
    if (!terms.startOn.isValid() || !terms.endOn.isValid() || terms.endOn < terms.startOn)
        return 0;
    const QDate after = terms.endOn.addDays(1);
    int months = (after.year() - terms.startOn.year()) * 12 + (after.month() - terms.startOn.month());
    if (terms.startOn.addMonths(months) < after)
        ++months;
    return months;
}

QList<Instalment> rentSchedule(const RentTerms &terms)
{
    QList<Instalment> out;
    if (!terms.startOn.isValid() || !terms.endOn.isValid() || terms.endOn < terms.startOn)
        return out;
    const Fen base = baseYearlyRent(terms);
    if (base <= 0)
        return out;
    const double rise = 1.0 + terms.yearlyIncreasePercent / 100.0;
    // A term of more than 70 years is not a contract a village may sign; the schedule stops there.
    for (int n = 1; n <= 70; ++n) {
        const QDate from = contractYearStart(terms.startOn, n);
        if (from > terms.endOn)
            break;
        const QDate nextFrom = contractYearStart(terms.startOn, n + 1);
        const Fen yearly = Fen(std::llround(double(base) * std::pow(rise, n - 1)));
        Fen amount = yearly;
        if (nextFrom.addDays(-1) > terms.endOn) {
            // The last, shorter year pays its share by days.
            const qint64 days = from.daysTo(terms.endOn) + 1;
            const qint64 yearDays = from.daysTo(nextFrom);
            amount = (yearly * days + yearDays / 2) / yearDays;
        }
        out.append({n, from, amount});
    }
    return out;
}

Fen contractValue(const RentTerms &terms)
{
    Fen total = 0;
    const QList<Instalment> schedule = rentSchedule(terms);
    for (const Instalment &i : schedule)
        total += i.amount;
    return total;
}

QDate disclosureDeadline(const Quarter &quarter, int postDay)
{
    if (!quarter.isValid())
        return {};
    const QDate first = quarter.next().firstDay();
    return QDate(first.year(), first.month(), std::clamp(postDay, 1, first.daysInMonth()));
}

Fen balanceAfter(Fen before, EntryDirection direction, Fen amount)
{
    return direction == EntryDirection::Debit ? before + amount : before - amount;
}

} // namespace sunshine::collective
