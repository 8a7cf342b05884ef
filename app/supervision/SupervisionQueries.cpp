#include "app/supervision/SupervisionQueries.h"

#include "common/funds/FundTypes.h"
#include "common/relief/AssistanceTypes.h"
#include "common/supervision/RectificationTypes.h"
#include "common/supervision/SupervisionRules.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::supervisionquery {

using namespace cachequery;

Coverage coverage(const LocalCache &cache, const QStringList &orgUnitIds, Quarter quarter)
{
    Coverage c;
    // A payment belongs to the quarter of its period: the quarter itself or one of its months.
    QStringList periods{quarter.toString()};
    for (int m = 0; m < 3; ++m)
        periods.append(quarter.firstDay().addMonths(m).toString(u"yyyy-MM"_s));
    CacheQuery(cache, QString::fromUtf16(funds::DisbursementType::kName))
        .where(unitAmong(orgUnitIds) && among(field(u"period"_s), periods))
        .forEach({count(), sum(field(u"amountFen"_s))}, [&](const QSqlQuery &q) {
            c.payments = q.value(0).toLongLong();
            c.paymentsFen = q.value(1).toLongLong();
        });
    c.visits = CacheQuery(cache, QString::fromUtf16(relief::VisitType::kName))
                   .where(unitAmong(orgUnitIds) && equals(field(u"quarter"_s), quarter.toString()))
                   .count();
    c.helpRequests =
        CacheQuery(cache, QString::fromUtf16(relief::HelpRequestType::kName))
            .where(unitAmong(orgUnitIds) &&
                   compare(field(u"raisedOn"_s), u">="_s, quarter.firstDay().toString(Qt::ISODate)) &&
                   compare(field(u"raisedOn"_s), u"<="_s, quarter.lastDay().toString(Qt::ISODate)))
            .count();
    return c;
}

CacheCondition openRectifications()
{
    return among(field(u"state"_s),
                 {supervision::rectificationStateName(supervision::RectificationState::Rectifying),
                  supervision::rectificationStateName(supervision::RectificationState::Applied)});
}

CacheCondition overdueRectifications(QDate today)
{
    const rules::SqlCondition c =
        supervision::rectificationOverdueSql([](const QString &name) { return field(name); }, today);
    return generated(c.sql, QVariantList(c.binds.cbegin(), c.binds.cend()));
}

} // namespace sunshine::app::supervisionquery
