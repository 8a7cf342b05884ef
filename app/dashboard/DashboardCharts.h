#pragma once

#include "app/dashboard/DashboardData.h"

#include <QChartView>

class QBarSet;
class QPieSlice;

namespace sunshine::app {

// The money disbursed per child of the unit looked at (bars, in 万元). Clicking a bar drills down.
class UnitBarChart : public QChartView
{
    Q_OBJECT
public:
    explicit UnitBarChart(QWidget *parent = nullptr);
    void setFigures(const DashboardFigures &figures);
    // The bars as shown: (org unit id, value in fen), in order.
    QList<QPair<QString, qint64>> bars() const { return m_bars; }
    // As a click on bar `index` does.
    void clickBar(int index);

Q_SIGNALS:
    void unitClicked(const QString &orgUnitId, bool own);

private:
    QList<QPair<QString, qint64>> m_bars;
    QList<bool> m_own;
};

// The money per month of the year against the year before (lines, in 万元). Clicking a point lists that
// month's records.
class MonthLineChart : public QChartView
{
    Q_OBJECT
public:
    explicit MonthLineChart(QWidget *parent = nullptr);
    void setFigures(const DashboardFigures &figures);

Q_SIGNALS:
    void monthClicked(int year, int month);

private:
    int m_year = 0;
};

// The share of each fund kind (pie). Clicking a slice lists its records.
class KindPieChart : public QChartView
{
    Q_OBJECT
public:
    explicit KindPieChart(QWidget *parent = nullptr);
    void setFigures(const DashboardFigures &figures);

Q_SIGNALS:
    void kindClicked(const QString &kind);
};

} // namespace sunshine::app
