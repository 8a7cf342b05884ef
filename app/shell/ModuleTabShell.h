#pragma once

#include <QWidget>

class QTabWidget;

namespace sunshine::app {

// The frame every module's tab shares: the module's views as sub-tabs, in the order added. A module's tab
// derives from it and adds its views (a view class or a factory function per view).
class ModuleTabShell : public QWidget
{
    Q_OBJECT
public:
    explicit ModuleTabShell(QWidget *parent = nullptr);

    // Adds a view (reparented into the shell) under `title`; returns it.
    template <typename View>
    View *addView(View *view, const QString &title)
    {
        addViewWidget(view, title);
        return view;
    }
    QTabWidget *views() const { return m_views; }

private:
    void addViewWidget(QWidget *view, const QString &title);

    QTabWidget *m_views = nullptr;
};

} // namespace sunshine::app
