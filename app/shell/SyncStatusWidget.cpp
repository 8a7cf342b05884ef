#include "app/shell/SyncStatusWidget.h"

#include "app/sync/ClientSession.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

SyncStatusWidget::SyncStatusWidget(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_label(new QLabel(this))
    , m_sync(new QToolButton(this))
    , m_cancel(new QToolButton(this))
{
    m_sync->setText(tr("Sync now"));
    m_sync->setToolTip(tr("Send the changes made on this computer and fetch the others' (F5)"));
    m_sync->setShortcut(QKeySequence::Refresh);
    m_cancel->setText(tr("Cancel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_sync);
    layout->addWidget(m_cancel);

    SyncEngine &engine = session.engine();
    connect(m_sync, &QToolButton::clicked, &engine, &SyncEngine::syncNow);
    connect(m_cancel, &QToolButton::clicked, &engine, &SyncEngine::cancel);
    connect(&engine, &SyncEngine::phaseChanged, this, [this] {
        m_progress.clear();
        refresh();
    });
    connect(&engine, &SyncEngine::progress, this,
            [this](SyncEngine::Phase phase, qint64 done, qint64 remaining) {
                m_progress = phase == SyncEngine::Phase::Pushing
                                 ? tr("sending: %1 sent, %2 waiting").arg(done).arg(remaining)
                                 : tr("receiving: %1 records").arg(done);
                refresh();
            });
    connect(&engine, &SyncEngine::finished, this, &SyncStatusWidget::refresh);
    connect(&engine, &SyncEngine::cacheChanged, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

void SyncStatusWidget::refresh()
{
    const SyncEngine &engine = m_session.engine();
    LocalCache &cache = m_session.cache();
    QStringList parts;
    if (engine.isRunning())
        parts << (m_progress.isEmpty() ? tr("Synchronising…") : tr("Synchronising – %1").arg(m_progress));
    parts << tr("%n change(s) waiting", nullptr, cache.pendingCount());
    if (const int rejected = cache.rejectedCount())
        parts << u"<span style=\"color:#b00020\">%1</span>"_s.arg(
            tr("%n returned for correction", nullptr, rejected));
    if (const int conflicts = cache.conflictCount())
        parts << u"<span style=\"color:#b36b00\">%1</span>"_s.arg(
            tr("%n conflict(s) to settle", nullptr, conflicts));
    const qint64 last = cache.lastSyncMs();
    parts << (last > 0
                  ? tr("last sync %1").arg(QDateTime::fromMSecsSinceEpoch(last).toString(u"MM-dd HH:mm"_s))
                  : tr("never synchronised"));
    if (!engine.isRunning() && !engine.lastError().isEmpty())
        m_label->setToolTip(engine.lastError());
    else
        m_label->setToolTip({});
    m_label->setText(parts.join(u" · "_s));
    m_sync->setEnabled(!engine.isRunning());
    m_cancel->setVisible(engine.isRunning());
}

} // namespace sunshine::app
