#include "server/api/Services.h"
#include "server/relief/ReliefRoutes.h"

#include "common/core/LookupCode.h"
#include "common/core/WorkingCalendar.h"
#include "common/relief/AssistanceTypes.h"
#include "server/store/Store.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

// The requester's side (Art. 21): the state and result of a help request by its lookup code, without signing
// in and without names, phone numbers or the household.
void registerHelpLookupRoutes(Router &router, Services &services)
{
    router.add(u"GET"_s, u"/api/v1/public/help-requests/{code}"_s, Router::Access::Public,
               [&services](HttpRequest &req) {
                   const QString code = req.pathParams.value(u"code"_s).toUpper();
                   if (!isLookupCode(u"QZ"_s, code))
                       throw ApiError(ErrorCode::BadRequest,
                                      u"查询码应为 QZ 加 8 位字母数字，例如 QZ7K3M9P2A"_s, u"code"_s);
                   const std::optional<QJsonObject> fields =
                       liveFieldsByKey(services.store, QString::fromUtf16(relief::HelpRequestType::kName),
                                       relief::HelpRequestType::lookupKey(code));
                   if (!fields)
                       throw ApiError(ErrorCode::NotFound, u"没有查到该查询码对应的求助事项，请核对后再试"_s,
                                      u"code"_s);
                   QJsonObject answer =
                       relief::HelpRequestType::publicView(*fields, WorkingCalendar::current());
                   answer.insert(u"code"_s, code);
                   return HttpResponse::json(answer);
               });
}

} // namespace sunshine
