#pragma once

#include "app/shell/HomePanel.h"

class QLabel;
class QTableView;

namespace sunshine::app {

class ClientSession;
class CollectiveOverviewModel;

// 集体三资 on the 首页 dashboard: for the place looked at, the year's income and spending of its villages'
// collectives, their cash and bank balances, the net value of their assets, the rent in arrears and the
// warnings of the books still open, and the same per unit below (a unit clicked is looked into).
class CollectiveDashboardPanel : public HomePanel
{
    Q_OBJECT
public:
    explicit CollectiveDashboardPanel(ClientSession &session, QWidget *parent = nullptr);
    void showScope(const QString &orgUnitId, int year, int quarter) override;
    CollectiveOverviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString summary() const;

private:
    void updateSummary();

    CollectiveOverviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sunshine::app
