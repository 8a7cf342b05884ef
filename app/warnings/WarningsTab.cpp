#include "app/warnings/WarningsTab.h"

#include "app/warnings/WarningBoardView.h"
#include "app/warnings/WarningRulesView.h"

namespace sunshine::app {

WarningsTab::WarningsTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
{
    m_board = addView(new WarningBoardView(session, this), tr("Warning board"));
    m_rules = addView(new WarningRulesView(session, api, this), tr("Rules"));
}

} // namespace sunshine::app
