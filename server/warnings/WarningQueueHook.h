#pragma once

#include "server/sync/PushHook.h"

#include <QSet>

namespace sunshine {

// Queues the records a push touched that a warning rule watches, in the push's own transaction: the queue is
// as durable as the records. WarningEngine::drainQueue() evaluates and empties it.
class WarningQueueHook final : public PushHook
{
public:
    WarningQueueHook(); // watches the types of every registered rule
    bool concerns(const QString &type) const override { return m_watched.contains(type); }
    void apply(Store &store, const QList<QPair<RecordSnapshot, RecordSnapshot>> &changes) const override;

private:
    QSet<QString> m_watched;
};

} // namespace sunshine
