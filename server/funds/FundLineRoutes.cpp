#include "common/api/JsonReader.h"
#include "server/api/Services.h"
#include "server/funds/FundLineService.h"
#include "server/funds/FundRoutes.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

// GET    /api/v1/fund-lines                any signed-in user: the lines administrators added (the built-in
//                                          ones come with every program) and the department codes a lead
//                                          department may name:
//                                          {"items":[line...],"departments":[{code,name}]}
// POST   /api/v1/admin/fund-lines          city administrators: adds a line; 201 with it
// DELETE /api/v1/admin/fund-lines/{code}   city administrators: removes an added line no live record uses
void registerFundLineRoutes(Router &router, Services &services, FundLineService &fundLines)
{
    const auto auth = Router::Access::Authenticated;

    router.add(u"GET"_s, u"/api/v1/fund-lines"_s, auth, [&services, &fundLines](HttpRequest &) {
        const QList<FundLineService::Stored> lines = fundLines.added();
        QList<funds::FundLine> catalog;
        QJsonArray items;
        for (const FundLineService::Stored &s : lines) {
            items.append(s.toJson());
            catalog.append(s.line);
        }
        // What another server process added or removed reaches this one's catalog here too.
        funds::FundCatalog::setAddedLines(catalog);
        QJsonArray departments;
        for (const FundLineService::DepartmentName &d : fundLines.departmentNames())
            departments.append(QJsonObject{{u"code"_s, d.code}, {u"name"_s, d.name}});
        return HttpResponse::json(QJsonObject{{u"items"_s, items}, {u"departments"_s, departments}});
    });

    router.add(u"POST"_s, u"/api/v1/admin/fund-lines"_s, auth, [&services, &fundLines](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        funds::FundLineText text;
        text.code = in.requiredString(u"code"_s, 2 * funds::FundCatalog::kMaxCodeLength, true);
        text.article = in.requiredString(u"article"_s, 2 * funds::FundCatalog::kMaxArticleLength, true);
        text.name = in.requiredString(u"name"_s, 2 * funds::FundCatalog::kMaxNameLength, true);
        text.leadDepartment =
            in.requiredString(u"leadDepartment"_s, 2 * funds::FundCatalog::kMaxCodeLength, true);
        text.kind = in.requiredString(u"kind"_s, 64, true);
        text.cycle = in.requiredString(u"cycle"_s, 64, true);
        text.recipient = in.requiredString(u"recipient"_s, 64, true);
        text.note = in.optionalString(u"note"_s, 2 * funds::FundCatalog::kMaxNoteLength).value_or(QString());
        in.finish();
        return HttpResponse::json(fundLines.add(req.session(), text, req.peerAddress).toJson(), 201);
    });

    router.add(u"DELETE"_s, u"/api/v1/admin/fund-lines/{code}"_s, auth,
               [&services, &fundLines](HttpRequest &req) {
                   const QString code = req.pathParams.value(u"code"_s);
                   fundLines.remove(req.session(), code, req.peerAddress);
                   return HttpResponse::json(QJsonObject{{u"code"_s, code}, {u"deleted"_s, true}});
               });
}

} // namespace sunshine
