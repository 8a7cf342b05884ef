#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;

// 监督 (Art. 27-31): inspections, audit, the rectification tracker, referrals and accountability; the
// quarterly bulletin (季度通报) as PDF.
class SupervisionTab : public ModuleTabShell
{
    Q_OBJECT
public:
    SupervisionTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);

    // Asks for the quarter (the last finished one offered first) and the file, then writes the bulletin.
    void exportBulletin();

private:
    ClientSession &m_session;
};

} // namespace sunshine::app
