#include "app/portal/PortalQueries.h"

#include "app/sync/ClientSession.h"
#include "common/portal/ComplaintType.h"

#include <QMap>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::portalquery {

using namespace cachequery;
using portal::ComplaintState;

bool inOffice(const ClientSession &session)
{
    const QString own = session.user().departmentId;
    for (const Department &d : session.departments()) {
        if (d.id == own && d.code == QStringView(portal::kOfficeDepartmentCode))
            return true;
    }
    return false;
}

CacheCondition overdueComplaints(QDate today)
{
    const rules::SqlCondition c =
        portal::complaintOverdueSql([](const QString &name) { return field(name); }, today);
    return generated(c.sql, QVariantList(c.binds.cbegin(), c.binds.cend()));
}

QList<QPair<QString, ComplaintCounts>> complaintCounts(const LocalCache &cache, const QString &groupField,
                                                       QDate today)
{
    const QString type = QString::fromUtf16(portal::ComplaintType::kName);
    QMap<QString, ComplaintCounts> out;
    CacheQuery(cache, type)
        .forEach(
            {field(groupField), field(u"state"_s), count()},
            [&out](const QSqlQuery &q) {
                ComplaintCounts &c = out[q.value(0).toString()];
                const qint64 n = q.value(2).toLongLong();
                c.total += n;
                switch (portal::complaintStateFromName(q.value(1).toString())
                            .value_or(ComplaintState::Registered)) {
                case ComplaintState::Registered:
                case ComplaintState::Accepted:
                case ComplaintState::Reopened:
                    c.waiting += n;
                    break;
                case ComplaintState::Assigned:
                case ComplaintState::Replied:
                    c.handling += n;
                    break;
                case ComplaintState::Declined:
                    c.declined += n;
                    break;
                case ComplaintState::Concluded:
                case ComplaintState::Reviewed:
                case ComplaintState::FedBack:
                case ComplaintState::Archived:
                    c.concluded += n;
                    break;
                }
            },
            2);
    CacheQuery(cache, type)
        .where(overdueComplaints(today))
        .forEach(
            {field(groupField), count()},
            [&out](const QSqlQuery &q) { out[q.value(0).toString()].overdue += q.value(1).toLongLong(); }, 1);
    QList<QPair<QString, ComplaintCounts>> list;
    for (auto it = out.constBegin(); it != out.constEnd(); ++it)
        list.append({it.key(), it.value()});
    return list;
}

} // namespace sunshine::app::portalquery
