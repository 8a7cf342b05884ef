#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;

// 村务卡: the cards, their transactions with matching and warnings, the spend requests, the claims, and the
// monthly summary.
class CardTab : public ModuleTabShell
{
    Q_OBJECT
public:
    CardTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
};

} // namespace sunshine::app
