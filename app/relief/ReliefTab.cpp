#include "app/relief/ReliefTab.h"

#include "app/records/RecordListView.h"
#include "app/relief/AssistanceViews.h"
#include "app/relief/CasesView.h"
#include "app/relief/HouseholdsView.h"

namespace sunshine::app {

ReliefTab::ReliefTab(ClientSession &session, QWidget *parent)
    : ModuleTabShell(parent)
{
    addView(new HouseholdsView(session, this), tr("Households"));
    addView(makeWeakVillagesView(session, this), tr("Weak villages"));
    addView(new PairingsView(session, this), tr("Helpers and pairings"));
    addView(new VisitsView(session, this), tr("Visits"));
    addView(new VisitStatsView(session, this), tr("Visit statistics"));
    addView(new CasesView(session, this), tr("Identification and exit"));
    addView(new HelpRequestsView(session, this), tr("Help requests"));
}

} // namespace sunshine::app
