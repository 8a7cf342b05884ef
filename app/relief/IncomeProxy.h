#pragma once

#include "app/records/ComputedColumnProxy.h"
#include "common/relief/ReliefRules.h"

#include <QHash>

namespace sunshine::app {

class ClientSession;

// The households table with the per-capita annual income of the last four quarters recorded (Art. 8), from
// the household's quarterly incomes in the cache; at or above 7,000 yuan it is flagged.
class IncomeProxy : public ComputedColumnProxy
{
    Q_OBJECT
public:
    IncomeProxy(ClientSession &session, QObject *parent = nullptr);
    int incomeColumn() const { return computedColumn(); }
    // The figure for one household (computed from the cache, remembered until the table reloads).
    relief::PerCapitaIncome incomeOf(const QString &householdId) const;

private:
    QVariant show(const QString &householdId, int role) const;

    ClientSession &m_session;
    mutable QHash<QString, relief::PerCapitaIncome> m_cache;
};

// The members table with gender and age derived from the 身份证号 (as of today in China).
class MemberAgeProxy : public ComputedColumnProxy
{
    Q_OBJECT
public:
    MemberAgeProxy(ClientSession &session, QObject *parent = nullptr);
};

} // namespace sunshine::app
