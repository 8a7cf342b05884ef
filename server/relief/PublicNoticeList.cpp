#include "server/relief/PublicNoticeList.h"

#include "common/core/ChinaTime.h"
#include "common/relief/CaseTypes.h"
#include "common/sync/Masking.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QJsonDocument>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

PublicList publicNoticeList(Store &store, const Clock &clock)
{
    PublicList list;
    list.name = u"notices"_s;
    list.title = u"精准识别公示"_s;
    list.description =
        u"正在公示的建档立卡低收入户申请（第九条）。对公示对象有异议的，可在公示期内向村委会、镇政府反映或举报投诉。"_s;
    list.filters = {QJsonObject{
        {u"key"_s, u"place"_s}, {u"label"_s, u"地区"_s}, {u"kind"_s, u"place"_s}, {u"level"_s, u"county"_s}}};
    list.columns = {PublicList::column(u"village"_s, u"村（社区）"_s),
                    PublicList::column(u"applicant"_s, u"申请人"_s),
                    PublicList::column(u"members"_s, u"家庭人口"_s, u"number"_s),
                    PublicList::column(u"stage"_s, u"公示环节"_s),
                    PublicList::column(u"start"_s, u"公示开始"_s, u"date"_s),
                    PublicList::column(u"end"_s, u"公示结束"_s, u"date"_s)};
    list.page = [&store, &clock](const HttpRequest &, const QString &placePath, int page, int pageSize) {
        const QDate today = chinaDateOf(clock.nowMs());
        struct Row
        {
            QString village;
            QJsonObject json;
        };
        QList<Row> rows;
        // The cases of the area (records_type_path serves type and path); the notice rule decides in C++.
        SqlQuery q(store, u"SELECT r.org_unit_id, o.name, r.data FROM records r JOIN org_units o ON "
                          u"o.id = r.org_unit_id WHERE r.type = ? AND r.deleted = 0 AND r.org_path LIKE ?"_s);
        q.bindText(QString::fromUtf16(relief::IdentificationCaseType::kName))
            .bindText(placePath + u'%')
            .exec();
        while (q.next()) {
            const QJsonObject f = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
            const auto notice = relief::noticeInForce(relief::CaseKind::Identification,
                                                      relief::stepsFromJson(f.value(u"steps"_s).toArray()),
                                                      sync::RecordType::dateOf(f, u"noticeStart"_s),
                                                      sync::RecordType::dateOf(f, u"noticeEnd"_s), today);
            if (!notice)
                continue;
            rows.append({q.text(0), QJsonObject{{u"village"_s, q.text(1)},
                                                {u"applicant"_s,
                                                 sync::publicName(f.value(u"applicantName"_s).toString())},
                                                {u"members"_s, f.value(u"members"_s)},
                                                {u"stage"_s, notice->stepName},
                                                {u"start"_s, notice->start.toString(Qt::ISODate)},
                                                {u"end"_s, notice->end.toString(Qt::ISODate)}}});
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            const QString ea = a.json.value(u"end"_s).toString(), eb = b.json.value(u"end"_s).toString();
            return ea != eb ? ea < eb : a.village < b.village;
        });
        QList<QJsonObject> ordered;
        ordered.reserve(rows.size());
        for (const Row &r : std::as_const(rows))
            ordered.append(r.json);
        return PublicList::pageOf(ordered, page, pageSize);
    };
    return list;
}

} // namespace sunshine
