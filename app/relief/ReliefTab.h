#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ClientSession;

// The 阳光扶贫 module: the registry of low-income households, weak villages, helpers and pairings, visits,
// identification and exit cases, help requests and the visit statistics, all over the local cache.
class ReliefTab : public ModuleTabShell
{
    Q_OBJECT
public:
    explicit ReliefTab(ClientSession &session, QWidget *parent = nullptr);
};

} // namespace sunshine::app
