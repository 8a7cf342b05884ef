#include "app/warnings/WarningsTab.h"

#include "app/warnings/WarningBoardView.h"

namespace sunshine::app {

WarningsTab::WarningsTab(ClientSession &session, QWidget *parent)
    : ModuleTabShell(parent)
{
    m_board = addView(new WarningBoardView(session, this), tr("Warning board"));
}

} // namespace sunshine::app
