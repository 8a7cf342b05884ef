// Views of personal comparison data (Art. 26: queries are lawful, logged and confidential): the program
// reports each view with its reason, and every accepted one becomes a hash-chained audit entry.
#include "common/api/JsonReader.h"
#include "common/wire/ViewLogLimits.h"
#include "server/api/Services.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kMaxViewsPerRequest = wire::kMaxViewsPerRequest;
constexpr int kMaxReasonLength = wire::kMaxViewReasonLength;
constexpr int kMaxRecordIdLength = wire::kMaxViewRecordIdLength;
constexpr qint64 kMaxMs = 9'999'999'999'999LL;

struct View
{
    QString what;
    QString recordId;
    QString reason;
    qint64 atMs = 0;
};

// One entry of "views", strictly: the first problem throws, its field named "views[i].key".
View readView(const QJsonValue &value, int index)
{
    const QString prefix = u"views[%1]"_s.arg(index);
    if (!value.isObject())
        throw ApiError(ErrorCode::InvalidType, u"“views”的第 %1 项应为对象"_s.arg(index + 1), prefix);
    try {
        JsonReader in(value.toObject());
        View v;
        v.what = in.requiredString(u"what"_s, 20);
        if (v.what != u"comparison"_s && v.what != u"id-number"_s)
            throw ApiError(ErrorCode::BadRequest, u"字段“what”应为 comparison 或 id-number"_s, u"what"_s);
        v.recordId = in.requiredString(u"recordId"_s, kMaxRecordIdLength);
        v.reason = in.requiredString(u"reason"_s, kMaxReasonLength).trimmed();
        v.atMs = in.requiredInteger(u"at"_s, 0, kMaxMs);
        in.finish();
        return v;
    } catch (const ApiError &e) {
        throw ApiError(e.code(), u"“views”的第 %1 项：%2"_s.arg(QString::number(index + 1), e.message()),
                       e.field().isEmpty() ? prefix : prefix + u'.' + e.field());
    }
}

} // namespace

void registerAccessLogRoutes(Router &router, Services &services)
{
    // {"views":[{"what","recordId","reason","at"}]} -> {"logged": N, "refused": [{"index","recordId","code",
    // "message"}]}. A record the caller cannot see (or that does not exist) is refused on its own, saying
    // nothing about it; the others are logged together in one transaction.
    router.add(
        u"POST"_s, u"/api/v1/audit/views"_s, Router::Access::Authenticated, [&services](HttpRequest &req) {
            const JsonReader in = JsonReader::fromBody(req.body);
            for (auto it = in.object().constBegin(); it != in.object().constEnd(); ++it) {
                if (it.key() != u"views"_s)
                    throw ApiError(ErrorCode::UnknownField, u"无法识别的字段“%1”"_s.arg(it.key().left(40)),
                                   it.key().left(40));
            }
            if (!in.has(u"views"_s))
                throw ApiError(ErrorCode::MissingField, u"缺少必填字段“views”"_s, u"views"_s);
            const QJsonValue views = in.object().value(u"views"_s);
            if (!views.isArray())
                throw ApiError(ErrorCode::InvalidType, u"字段“views”应为数组"_s, u"views"_s);
            const QJsonArray items = views.toArray();
            if (items.isEmpty())
                throw ApiError(ErrorCode::BadRequest, u"字段“views”至少应有一项"_s, u"views"_s);
            if (items.size() > kMaxViewsPerRequest)
                throw ApiError(ErrorCode::TooLong, u"每次最多报送 %1 条查看记录"_s.arg(kMaxViewsPerRequest),
                               u"views"_s);

            QList<View> parsed;
            parsed.reserve(items.size());
            for (int i = 0; i < items.size(); ++i)
                parsed.append(readView(items.at(i), i));

            const AuthSession &who = req.session();
            QList<AuditEntry> entries;
            QJsonArray refused;
            for (int i = 0; i < parsed.size(); ++i) {
                const View &v = parsed.at(i);
                SqlQuery q(services.store, u"SELECT type, org_path FROM records WHERE id = ?"_s);
                q.bindText(v.recordId).exec();
                if (!q.next() || !who.scope.coversOrgPath(q.text(1))) {
                    refused.append(QJsonObject{{u"index"_s, i},
                                               {u"recordId"_s, v.recordId},
                                               {u"code"_s, errorCodeName(ErrorCode::Forbidden)},
                                               {u"message"_s, u"没有权限查看该记录"_s}});
                    continue;
                }
                entries.append({who.userId,
                                who.username,
                                u"personal-data.view"_s,
                                q.text(0),
                                v.recordId,
                                {{u"what"_s, v.what}, {u"reason"_s, v.reason}, {u"viewedAt"_s, v.atMs}},
                                req.peerAddress});
            }
            if (!entries.isEmpty()) {
                Transaction tx(services.store);
                services.audit.append(entries);
                tx.commit();
            }
            QJsonObject answer{{u"logged"_s, int(entries.size())}};
            if (!refused.isEmpty())
                answer.insert(u"refused"_s, refused);
            return HttpResponse::json(answer);
        });
}

} // namespace sunshine
