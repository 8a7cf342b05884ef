#include "app/shell/ModuleTabShell.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace sunshine::app {

ModuleTabShell::ModuleTabShell(QWidget *parent)
    : QWidget(parent)
    , m_views(new QTabWidget(this))
{
    m_views->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_views);
}

void ModuleTabShell::addViewWidget(QWidget *view, const QString &title)
{
    m_views->addTab(view, title);
}

} // namespace sunshine::app
