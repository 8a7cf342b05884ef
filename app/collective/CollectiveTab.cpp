#include "app/collective/CollectiveTab.h"

#include "app/collective/CollectiveOverviewView.h"
#include "app/collective/CollectiveRecordViews.h"
#include "app/collective/DisclosureView.h"
#include "app/collective/RentCalendarView.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"

namespace sunshine::app {

CollectiveTab::CollectiveTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
{
    Q_UNUSED(api)
    addView(journalsView(session, this), tr("Journals"));
    addView(new CollectiveOverviewView(session, this), tr("Overview"));
    addView(cashClosesView(session, this), tr("Cash closes"));
    addView(assetsView(session, this), tr("Asset register"));
    addView(resourcesView(session, this), tr("Resources"));
    addView(contractsView(session, this), tr("Contracts"));
    addView(new RentCalendarView(session, this), tr("Rent collection"));
    // The reference rents are the towns' own (a town's clerk sets them, its contracts are judged by them).
    if (session.user().orgLevel == OrgLevel::Town)
        addView(rentReferencesView(session, this), tr("Reference rents"));
    addView(new DisclosureView(session, this), tr("Disclosure"));
    // The counties' own figures, where a county set them (towns read them; the county's reviewers set them).
    if (session.user().orgLevel != OrgLevel::Town)
        addView(countySettingsView(session, this), tr("County figures"));
}

} // namespace sunshine::app
