#pragma once

#include <QString>
#include <QWidget>

namespace sunshine::app {

// A module's panel on the leaders' 首页 (registered with AppModules::addHomePanel): the module's own figures
// for the place and period the 首页 looks at. It sits on the board, so it is exported with it.
class HomePanel : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    // Shows the figures of the unit looked at (`orgUnitId`) for the year and quarter (0: the whole year).
    virtual void showScope(const QString &orgUnitId, int year, int quarter) = 0;

Q_SIGNALS:
    // The user asked to look into a unit below (the 首页 goes there, with every panel).
    void drillRequested(const QString &orgUnitId);
};

} // namespace sunshine::app
