#pragma once

#include "app/shell/ModuleTabShell.h"

namespace sunshine::app {

class ApiClient;
class ClientSession;

// 产权交易: the listings on the rural property-rights trading centre with the working days left of their
// notice and the bidders' registrations, the steps of their path and the bids (online only), the deals with
// their confirmation as a PDF, and the deals' prices per town and kind of right.
class TradingTab : public ModuleTabShell
{
    Q_OBJECT
public:
    TradingTab(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
};

} // namespace sunshine::app
