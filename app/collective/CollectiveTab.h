#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;

// 集体三资: a village collective's books as the town 农经站 keeps them (村账镇代管) and leaders and
// supervisors read them: the journals and their entries, the cash closes, the asset register, the resources,
// the contracts and their rent, the towns' reference rents, and the quarterly disclosure.
class CollectiveTab : public ModuleTabShell
{
    Q_OBJECT
public:
    CollectiveTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
};

} // namespace sunshine::app
