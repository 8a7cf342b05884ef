#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;
class WarningBoardView;
class WarningRulesView;

// 分析预警: the warning board of the user's area, and the rules in force (set by city administrators).
class WarningsTab : public ModuleTabShell
{
    Q_OBJECT
public:
    WarningsTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
    WarningBoardView *board() const { return m_board; }
    WarningRulesView *rules() const { return m_rules; }

private:
    WarningBoardView *m_board = nullptr;
    WarningRulesView *m_rules = nullptr;
};

} // namespace sunshine::app
