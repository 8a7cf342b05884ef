#pragma once

class QWidget;

namespace sunshine::app {

class ClientSession;
class RecordListView;

// 资金标准: the standard amount per payment of the fund lines, set at the city or a county by each line's
// lead department (the clerk's own lines offered); PAYMENT_OVER_STANDARD compares payments with them.
RecordListView *makeStandardsView(ClientSession &session, QWidget *parent);

} // namespace sunshine::app
