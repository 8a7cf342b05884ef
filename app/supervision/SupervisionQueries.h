#pragma once

#include "app/sync/CacheQuery.h"
#include "common/core/Quarter.h"

#include <QDate>
#include <QString>
#include <QStringList>

// 监督's questions to the local cache: what an inspection covers, and which rectifications are open or late.
namespace sunshine::app::supervisionquery {

// What a full inspection of `quarter` covers in the org units given (the inspected unit and those below it).
struct Coverage
{
    qint64 payments = 0;
    qint64 paymentsFen = 0;
    qint64 visits = 0;
    qint64 helpRequests = 0; // raised in the quarter
};
Coverage coverage(const LocalCache &cache, const QStringList &orgUnitIds, Quarter quarter);

// Rectifications not struck off.
CacheCondition openRectifications();
// Not struck off and past their deadline on `today`.
CacheCondition overdueRectifications(QDate today);

} // namespace sunshine::app::supervisionquery
