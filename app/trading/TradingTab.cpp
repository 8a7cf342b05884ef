#include "app/trading/TradingTab.h"

#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "app/trading/PriceStatsView.h"
#include "app/trading/TradingRecordViews.h"

namespace sunshine::app {

TradingTab::TradingTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
{
    addView(new ListingsView(session, api, this), tr("Listings"));
    addView(dealsView(session, this), tr("Deals"));
    addView(new PriceStatsView(session, this), tr("Price statistics"));
    // Need-to-know: only for those who receive the register's names and ID numbers.
    if (readsCadreRegister(session))
        addView(cadreRegisterView(session, this), tr("Cadre register"));
}

} // namespace sunshine::app
