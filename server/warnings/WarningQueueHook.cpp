#include "server/warnings/WarningQueueHook.h"

#include "common/rules/Rules.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

WarningQueueHook::WarningQueueHook()
{
    const QList<const rules::Rule *> all = rules::RuleRegistry::all();
    for (const rules::Rule *rule : all) {
        const QStringList types = rule->watchedTypes();
        for (const QString &t : types)
            m_watched.insert(t);
    }
}

void WarningQueueHook::apply(Store &store, const QList<QPair<RecordSnapshot, RecordSnapshot>> &changes) const
{
    // The order of arrival is kept coarsely (a drain takes the oldest first); the time is not a rule's input.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &change : changes) {
        CachedQuery(store, u"INSERT INTO warning_queue (record_id, queued_at) VALUES (?, ?) "
                           u"ON CONFLICT (record_id) DO NOTHING"_s)
            .bindText(change.second.id)
            .bind(now)
            .exec();
    }
}

} // namespace sunshine
