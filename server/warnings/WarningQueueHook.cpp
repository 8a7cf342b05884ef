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
    // Rows of up to 100 per statement (SQLite parses a statement with many '?' slowly).
    for (qsizetype from = 0; from < changes.size(); from += 100) {
        const qsizetype n = qMin<qsizetype>(100, changes.size() - from);
        SqlQuery q(store, u"INSERT INTO warning_queue (record_id, queued_at) VALUES "_s +
                              placeholders(n, u"(?, ?)"_s) + u" ON CONFLICT (record_id) DO NOTHING"_s);
        for (qsizetype i = from; i < from + n; ++i)
            q.bindText(changes.at(i).second.id).bind(now);
        q.exec();
    }
}

} // namespace sunshine
