#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ClientSession;
class WarningBoardView;

// 分析预警: the warning board of the user's area.
class WarningsTab : public ModuleTabShell
{
    Q_OBJECT
public:
    explicit WarningsTab(ClientSession &session, QWidget *parent = nullptr);
    WarningBoardView *board() const { return m_board; }

private:
    WarningBoardView *m_board = nullptr;
};

} // namespace sunshine::app
