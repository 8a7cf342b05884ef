#include "server/api/Services.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

// GET /api/v1/calendar               any signed-in user: the working-day schedules loaded at run time (the
//                                    shipped years come with every program), the years covered and whether
//                                    this or next year is missing: {"items":[{year,csv,version,loadedAt,
//                                    loadedBy}],"version","covered":[2025,...],"missingThisYear",
//                                    "missingNextYear","entryCloseTime":"00:00"}
// PUT /api/v1/admin/calendar/{year}  city administrators: the year's official schedule as CSV text
//                                    ("date,type,name" lines, UTF-8); 200 with {year, version}
void registerCalendarRoutes(Router &router, Services &services)
{
    const auto auth = Router::Access::Authenticated;

    router.add(u"GET"_s, u"/api/v1/calendar"_s, auth,
               [&services](HttpRequest &) { return HttpResponse::json(services.calendar.status()); });

    router.add(u"PUT"_s, u"/api/v1/admin/calendar/{year}"_s, auth, [&services](HttpRequest &req) {
        bool ok = false;
        const QString text = req.pathParams.value(u"year"_s);
        const int year = text.size() == 4 ? text.toInt(&ok) : 0;
        if (!ok)
            throw ApiError(ErrorCode::BadRequest, u"年份应为四位数字，例如 2027"_s, u"year"_s);
        if (req.body.size() > 64 * 1024)
            throw ApiError(ErrorCode::PayloadTooLarge, u"日历文件过大（不超过 64 KB）"_s, u"csv"_s);
        QByteArray csv = req.body;
        if (csv.startsWith("\xEF\xBB\xBF"))
            csv.remove(0, 3); // a BOM as Excel writes it
        if (QString::fromUtf8(csv).toUtf8() != csv)
            throw ApiError(ErrorCode::ValidationFailed, u"日历文件应为 UTF-8 编码的 CSV"_s, u"csv"_s);
        const CalendarService::StoredYear s =
            services.calendar.load(req.session(), year, csv, req.peerAddress);
        return HttpResponse::json(QJsonObject{{u"year"_s, s.year}, {u"version"_s, s.version}});
    });
}

} // namespace sunshine
