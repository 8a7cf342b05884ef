#pragma once

#include "app/sync/CacheQuery.h"

#include <QMap>
#include <QString>

// 分析预警's questions to the local cache: which warnings are open or escalated, and how many are in each
// state.
namespace sunshine::app::warningquery {

// Not yet closed (销号).
CacheCondition open();
// Escalated (督办): marked by the server when overdue.
CacheCondition escalated();
// The number of live warnings per state (the state's wire name).
QMap<QString, qint64> countsByState(const LocalCache &cache);

} // namespace sunshine::app::warningquery
