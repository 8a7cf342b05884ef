#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;

// 公众层 in the desktop program: complaints (Art. 24), announcements (Art. 23) and department policies
// (Art. 22), as the portal receives and shows them.
class PortalTab : public ModuleTabShell
{
    Q_OBJECT
public:
    PortalTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
};

} // namespace sunshine::app
