#include "app/funds/FundsTab.h"

#include "app/funds/ComparisonListView.h"
#include "app/funds/FundCatalogView.h"
#include "app/funds/FundRecordViews.h"
#include "app/funds/FundStandardsView.h"
#include "app/funds/FundSummaryView.h"
#include "app/records/RecordListView.h"

namespace sunshine::app {

FundsTab::FundsTab(ClientSession &session, QWidget *parent)
    : ModuleTabShell(parent)
{
    // The money's way: paid out, received, planned, its returns and the year's evaluation.
    m_disbursements = addView(makeDisbursementsView(session, this), tr("Disbursements"));
    m_allocations = addView(makeAllocationsView(session, this), tr("Allocations"));
    m_plans = addView(makePlansView(session, this), tr("Allocation plans"));
    m_returns = addView(makeReturnsView(session, this), tr("Returns"));
    m_evaluations = addView(makeEvaluationsView(session, this), tr("Evaluations"));
    addView(makeStandardsView(session, this), tr("Standards"));
    addView(new ComparisonListView(session, this), tr("Comparison lists"));
    m_summary = addView(new FundSummaryView(session, this), tr("Yearly summary"));
    m_catalog = addView(new FundCatalogView(session, this), tr("Fund catalog"));
}

} // namespace sunshine::app
