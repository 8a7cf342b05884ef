#pragma once

#include "app/dashboard/DashboardData.h"
#include "common/wire/UserInfo.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;
class QChartView;

namespace sunshine::app {

class ClientSession;
class HomePanel;
class DepartmentFiguresModel;
class KindPieChart;
class MonthLineChart;
class RecordsBehindDialog;
class UnitBarChart;
class UnitFiguresModel;

// The leaders' 首页: money disbursed per place (bars), per month against last year (lines), per fund kind
// (pie); the registry, exits, pairing and visit coverage; overdue and late fund entries per department;
// help requests past their deadline. A bar or a row drills down city → county → town → village, the
// breadcrumbs go back up; filters by year, quarter, fund kind and department; every figure opens as the
// table of its records (exportable to .xlsx). The figures come from the local cache (the user's area only,
// with the time of the last sync) and, when the server answers, from its summaries.
class DashboardTab : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardTab(ClientSession &session, QWidget *parent = nullptr);
    ~DashboardTab() override;

    DashboardFilter filter() const { return m_filter; }
    // Sets the filter (its combos too) and shows its figures.
    void setFilter(const DashboardFilter &filter);
    void drillTo(const QString &orgUnitId);
    const DashboardFigures &figures() const { return m_figures; }
    DashboardData &data() { return *m_data; }

    UnitFiguresModel *unitModel() const { return m_unitModel; }
    DepartmentFiguresModel *departmentModel() const { return m_departmentModel; }
    UnitBarChart *barChart() const { return m_bars; }
    MonthLineChart *lineChart() const { return m_months; }
    KindPieChart *pieChart() const { return m_kinds; }
    QTableView *unitTable() const { return m_unitTable; }
    // The modules' panels on the board (AppModules::addHomePanel), in the order of the module list.
    const QList<HomePanel *> &panels() const { return m_panels; }
    // What is exported as "the dashboard": the heading, the figures, the charts and the tables.
    QWidget *board() const { return m_board; }
    QString breadcrumbText() const;
    QString asOfText() const;
    // Whether the server is asked for the fund figures (tests switch it off to see the local source alone).
    void setAskServer(bool ask)
    {
        m_askServer = ask;
        ++m_generation; // an answer on its way is not shown
    }

    bool exportPng(QWidget *what, const QString &path, QString *error) const;
    bool exportPdf(QWidget *what, const QString &path, QString *error) const;
    // Opens (non-modal) the records behind a figure; returns the dialog.
    RecordsBehindDialog *showBehind(const FigureRef &ref);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // New figures are shown (local ones, then possibly the server's).
    void figuresShown();

private:
    void buildFilters();
    void fillDepartments();
    void readFilters();
    void showFigures(const DashboardFigures &figures);
    void askServer();
    void addChartActions(QChartView *chart, const QString &name);
    void saveAs(QWidget *what, const QString &name, bool pdf);
    void printWidget(QWidget *what, const QString &name);
    void quarterReport();
    QString periodText() const;

    ClientSession &m_session;
    std::unique_ptr<DashboardData> m_data;
    DashboardFilter m_filter;
    DashboardFigures m_figures;
    bool m_askServer = true;
    bool m_serverHasRoute = true;
    int m_generation = 0;

    QComboBox *m_year = nullptr;
    QComboBox *m_quarter = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_department = nullptr;
    QWidget *m_board = nullptr;
    QLabel *m_breadcrumbs = nullptr;
    QLabel *m_asOf = nullptr;
    QList<QPair<QPushButton *, QLabel *>> m_cards; // the button and its value label
    QList<QLabel *> m_cardNotes;
    QList<HomePanel *> m_panels;
    UnitBarChart *m_bars = nullptr;
    MonthLineChart *m_months = nullptr;
    KindPieChart *m_kinds = nullptr;
    UnitFiguresModel *m_unitModel = nullptr;
    DepartmentFiguresModel *m_departmentModel = nullptr;
    QTableView *m_unitTable = nullptr;
    QTableView *m_departmentTable = nullptr;
    QTimer *m_changed = nullptr;
};

// Whether the 首页 dashboard is the user's first tab (leaders) or shown at all (leaders and supervisors).
bool dashboardFirst(const UserInfo &user);
bool seesDashboard(const UserInfo &user);

} // namespace sunshine::app
