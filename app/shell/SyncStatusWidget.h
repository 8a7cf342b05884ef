#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace sunshine::app {

class ClientSession;

// Always in the status bar: changes waiting to be sent, records needing the clerk, the last successful sync,
// a sync button, and while syncing the progress with a cancel button.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    SyncStatusWidget(ClientSession &session, QWidget *parent = nullptr);

    QString text() const;

public Q_SLOTS:
    void refresh();

private:
    ClientSession &m_session;
    QLabel *m_label;
    QToolButton *m_sync;
    QToolButton *m_cancel;
    QString m_progress;
};

} // namespace sunshine::app
