#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ClientSession;
class FundCatalogView;
class FundRecordsView;
class FundSummaryView;

// The 涉农资金 module: the fund catalog, allocations, allocation plans, disbursements, returns and
// evaluations (each a searchable table with its form and deadline state), and the yearly summary per fund
// line and area, all over the local cache.
class FundsTab : public ModuleTabShell
{
    Q_OBJECT
public:
    explicit FundsTab(ClientSession &session, QWidget *parent = nullptr);

    FundCatalogView *catalog() const { return m_catalog; }
    FundRecordsView *allocations() const { return m_allocations; }
    FundRecordsView *disbursements() const { return m_disbursements; }
    FundRecordsView *plans() const { return m_plans; }
    FundRecordsView *returns() const { return m_returns; }
    FundRecordsView *evaluations() const { return m_evaluations; }
    FundSummaryView *summary() const { return m_summary; }

private:
    FundCatalogView *m_catalog = nullptr;
    FundRecordsView *m_allocations = nullptr;
    FundRecordsView *m_disbursements = nullptr;
    FundRecordsView *m_plans = nullptr;
    FundRecordsView *m_returns = nullptr;
    FundRecordsView *m_evaluations = nullptr;
    FundSummaryView *m_summary = nullptr;
};

} // namespace sunshine::app
