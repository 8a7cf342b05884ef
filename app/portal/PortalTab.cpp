#include "app/portal/PortalTab.h"

#include "app/portal/ComplaintsView.h"
#include "app/portal/PublicationsView.h"
#include "common/portal/PublicationTypes.h"

namespace sunshine::app {

PortalTab::PortalTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
{
    Q_UNUSED(api)
    addView(new ComplaintsView(session, this), tr("Complaints"));
    addView(new PublicationsView(session, sync::RecordTypes::get<portal::AnnouncementType>(), this),
            tr("Announcements"));
    addView(new PublicationsView(session, sync::RecordTypes::get<portal::PolicyType>(), this),
            tr("Policies"));
}

} // namespace sunshine::app
