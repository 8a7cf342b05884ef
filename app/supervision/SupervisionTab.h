#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;

// 监督 (Art. 27-31): inspections, audit, the rectification tracker, referrals and accountability.
class SupervisionTab : public ModuleTabShell
{
    Q_OBJECT
public:
    SupervisionTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
};

} // namespace sunshine::app
