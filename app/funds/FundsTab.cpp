#include "app/funds/FundsTab.h"

#include "app/funds/FundCatalogView.h"
#include "app/funds/FundRecordViews.h"
#include "app/funds/FundSummaryView.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace sunshine::app {

FundsTab::FundsTab(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_views(new QTabWidget(this))
{
    m_views->setDocumentMode(true);
    m_allocations = makeAllocationsView(session, m_views);
    m_plans = makePlansView(session, m_views);
    m_disbursements = makeDisbursementsView(session, m_views);
    m_returns = makeReturnsView(session, m_views);
    m_evaluations = makeEvaluationsView(session, m_views);
    m_summary = new FundSummaryView(session, m_views);
    m_catalog = new FundCatalogView(session, m_views);
    // The money's way: received, planned, paid out, its returns and the year's evaluation.
    m_views->addTab(m_disbursements, tr("Disbursements"));
    m_views->addTab(m_allocations, tr("Allocations"));
    m_views->addTab(m_plans, tr("Allocation plans"));
    m_views->addTab(m_returns, tr("Returns"));
    m_views->addTab(m_evaluations, tr("Evaluations"));
    m_views->addTab(m_summary, tr("Yearly summary"));
    m_views->addTab(m_catalog, tr("Fund catalog"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_views);
}

} // namespace sunshine::app
