#include "app/card/CardTab.h"

#include "app/card/CardOverviewView.h"
#include "app/card/CardRecordViews.h"
#include "app/card/MonthSummaryView.h"
#include "app/card/TransactionsView.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"

namespace sunshine::app {

CardTab::CardTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
{
    Q_UNUSED(api)
    addView(new TransactionsView(session, this), tr("Transactions"));
    addView(new CardOverviewView(session, this), tr("Overview"));
    addView(cardsView(session, this), tr("Cards"));
    addView(requestsView(session, this), tr("Spend requests"));
    addView(claimsView(session, this), tr("Claims"));
    addView(new MonthSummaryView(session, this), tr("Monthly summary"));
    // The tiers are the counties' (towns read them in the approval dialog).
    if (session.user().orgLevel != OrgLevel::Town)
        addView(tiersView(session, this), tr("Approval tiers"));
}

} // namespace sunshine::app
