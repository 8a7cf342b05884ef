#pragma once

#include "app/shell/HomePanel.h"

class QLabel;
class QTableView;

namespace sunshine::app {

class CardOverviewModel;
class ClientSession;

// 村务卡 on the 首页 dashboard: the year's card spending of the place looked at, the share of its spending
// not claimed yet and the card warnings still open, and the same per unit below (a unit clicked is looked
// into).
class CardDashboardPanel : public HomePanel
{
    Q_OBJECT
public:
    explicit CardDashboardPanel(ClientSession &session, QWidget *parent = nullptr);
    void showScope(const QString &orgUnitId, int year, int quarter) override;
    CardOverviewModel *model() const { return m_model; }
    QString summary() const;

private:
    void update();

    CardOverviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sunshine::app
