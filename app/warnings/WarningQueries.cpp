#include "app/warnings/WarningQueries.h"

#include "common/warnings/WarningType.h"
#include "common/warnings/WarningWorkflow.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::warningquery {

using namespace cachequery;
using warnings::WarningState;

namespace {

QString typeName()
{
    return QString::fromUtf16(warnings::WarningType::kName);
}

} // namespace

CacheCondition open()
{
    QStringList states;
    for (const WarningState s :
         {WarningState::New, WarningState::Assigned, WarningState::Verifying, WarningState::Review})
        states.append(warnings::stateName(s));
    return among(field(u"state"_s), states);
}

CacheCondition escalated()
{
    return open() && compare(field(u"escalatedOn"_s), u">"_s, QString());
}

QMap<QString, qint64> countsByState(const LocalCache &cache)
{
    QMap<QString, qint64> out;
    const QString state = field(u"state"_s);
    CacheQuery(cache, typeName())
        .forEach(
            {state, count()},
            [&](const QSqlQuery &q) { out.insert(q.value(0).toString(), q.value(1).toLongLong()); }, 1);
    return out;
}

} // namespace sunshine::app::warningquery
