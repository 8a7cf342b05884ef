#include "app/supervision/SupervisionTab.h"

#include "app/records/RecordListView.h"
#include "app/supervision/AuditView.h"
#include "app/supervision/InspectionsView.h"
#include "app/supervision/RectificationsView.h"

namespace sunshine::app {

SupervisionTab::SupervisionTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
{
    addView(new InspectionsView(session, api, this), tr("Inspections"));
    addView(new AuditView(session, this), tr("Audit"));
    addView(new RectificationsView(session, this), tr("Rectifications"));
    addView(makeReferralsView(session, this), tr("Referrals"));
    addView(makeAccountabilityView(session, this), tr("Accountability"));
}

} // namespace sunshine::app
