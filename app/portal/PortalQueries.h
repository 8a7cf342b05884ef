#pragma once

#include "app/sync/CacheQuery.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

// 公众层's questions to the local cache: which complaints are late, and how many each department and
// category has in each stage.
namespace sunshine::app {
class ClientSession;
}

namespace sunshine::app::portalquery {

// The user belongs to the leading-group office (the 扶贫办) of their unit: they register and sort complaints
// and publish announcements. False until the departments are known (ClientSession::departmentsChanged).
bool inOffice(const ClientSession &session);

// Complaints past a deadline of their current slip on `today` (portal::complaintOverdueSql).
CacheCondition overdueComplaints(QDate today);

struct ComplaintCounts
{
    qint64 total = 0;
    qint64 waiting = 0;   // registered or accepted: not yet on a slip (or reopened)
    qint64 handling = 0;  // on a slip: assigned or replied
    qint64 overdue = 0;   // of those, past a deadline
    qint64 concluded = 0; // concluded, reviewed, fed back or archived
    qint64 declined = 0;
};
// The counts per value of `groupField` ("assignedDepartment", "category"; "" for complaints without one),
// in the order of the values.
QList<QPair<QString, ComplaintCounts>> complaintCounts(const LocalCache &cache, const QString &groupField,
                                                       QDate today);

} // namespace sunshine::app::portalquery
