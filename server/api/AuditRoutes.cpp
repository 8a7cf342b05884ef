// GET /api/v1/audit/entries: the hash-chained audit log as supervisors read it (who handed out which personal
// data, who changed what). A supervisor of a county or town sees the entries about the records of their area;
// a city supervisor sees every entry. Newest first, in keyset pages:
//   ?action=personal-data.handout   exact action, or a prefix ending in '*' ("personal-data.*")
//   &actor=<username>&record=<recordId>&from=<ms>&to=<ms>&before=<seq>&limit=50
// -> {"entries":[{seq,at,actorId,actorName,action,targetType,targetId,detail,address}],"next":seq|null}
#include "common/sync/RecordType.h"
#include "server/api/Services.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;
constexpr qsizetype kMaxTextParameter = 64;

qint64 int64Parameter(const HttpRequest &req, const QString &name, qint64 fallback)
{
    const QString text = req.queryValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 v = text.size() <= 15 ? text.toLongLong(&ok) : 0;
    if (!ok || v < 0)
        throw ApiError(ErrorCode::BadRequest, u"参数 %1 应为非负整数"_s.arg(name), name);
    return v;
}

QString textParameter(const HttpRequest &req, const QString &name)
{
    const QString text = req.queryValue(name);
    if (text.size() > kMaxTextParameter)
        throw ApiError(ErrorCode::TooLong, u"参数 %1 过长"_s.arg(name), name);
    return text;
}

} // namespace

void registerAuditRoutes(Router &router, Services &services)
{
    router.add(
        u"GET"_s, u"/api/v1/audit/entries"_s, Router::Access::Authenticated, [&services](HttpRequest &req) {
            static const QStringList known{u"action"_s, u"actor"_s,  u"record"_s, u"from"_s,
                                           u"to"_s,     u"before"_s, u"limit"_s};
            const auto items = req.query.queryItems(QUrl::FullyDecoded);
            for (const auto &item : items) {
                if (!known.contains(item.first))
                    throw ApiError(ErrorCode::UnknownField, u"无法识别的参数“%1”"_s.arg(item.first.left(40)),
                                   item.first.left(40));
            }
            const Scope &scope = req.session().scope;
            if (!scope.hasRole(Role::Supervisor))
                throw ApiError(ErrorCode::Forbidden, u"只有监督人员可以查阅审计日志"_s);
            if (scope.orgPath.isEmpty())
                throw ApiError(ErrorCode::Forbidden, u"账户未分配所属单位，无法查阅审计日志"_s);

            const int limit = int(int64Parameter(req, u"limit"_s, kDefaultLimit));
            if (limit < 1 || limit > kMaxLimit)
                throw ApiError(ErrorCode::BadRequest, u"参数 limit 应为 1 到 %1 之间的整数"_s.arg(kMaxLimit),
                               u"limit"_s);
            const QString action = textParameter(req, u"action"_s);
            const QString actor = textParameter(req, u"actor"_s);
            const QString record = textParameter(req, u"record"_s);
            const qint64 from = int64Parameter(req, u"from"_s, 0);
            const qint64 to = int64Parameter(req, u"to"_s, std::numeric_limits<qint64>::max());
            const qint64 before = int64Parameter(req, u"before"_s, std::numeric_limits<qint64>::max());

            const bool wholeCity = sync::orgLevelOfPath(scope.orgPath) == OrgLevel::City;
            QString sql =
                u"SELECT l.seq, l.at_ms, l.actor_id, l.actor_name, l.action, l.target_type, l.target_id, "
                u"l.detail, l.address FROM audit_log l "_s;
            QVariantList binds;
            if (!wholeCity) {
                sql += u"JOIN records r ON r.id = l.target_id AND r.org_path LIKE ? "_s;
                binds.append(QString(scope.orgPath + u'%'));
            }
            sql += u"WHERE l.seq < ? AND l.at_ms >= ? AND l.at_ms <= ?"_s;
            binds << before << from << to;
            if (!action.isEmpty()) {
                if (action.endsWith(u'*')) {
                    sql += u" AND l.action LIKE ?"_s;
                    QString prefix = action.chopped(1);
                    prefix.replace(u'%', QString()).replace(u'_', QString());
                    binds.append(QString(prefix + u'%'));
                } else {
                    sql += u" AND l.action = ?"_s;
                    binds.append(action);
                }
            }
            if (!actor.isEmpty()) {
                sql += u" AND l.actor_name = ?"_s;
                binds.append(actor);
            }
            if (!record.isEmpty()) {
                sql += u" AND l.target_id = ?"_s;
                binds.append(record);
            }
            sql += u" ORDER BY l.seq DESC LIMIT ?"_s;
            binds.append(limit + 1);

            SqlQuery q(services.store, sql);
            for (const QVariant &v : std::as_const(binds)) {
                if (v.typeId() == QMetaType::QString)
                    q.bindText(v.toString());
                else
                    q.bind(v);
            }
            q.exec();
            QJsonArray entries;
            qint64 last = 0;
            bool more = false;
            while (q.next()) {
                if (entries.size() == limit) {
                    more = true;
                    continue; // read to the end
                }
                last = q.int64(0);
                entries.append(
                    QJsonObject{{u"seq"_s, last},
                                {u"at"_s, q.int64(1)},
                                {u"actorId"_s, q.text(2)},
                                {u"actorName"_s, q.text(3)},
                                {u"action"_s, q.text(4)},
                                {u"targetType"_s, q.text(5)},
                                {u"targetId"_s, q.text(6)},
                                {u"detail"_s, QJsonDocument::fromJson(q.text(7).toUtf8()).object()},
                                {u"address"_s, q.text(8)}});
            }
            return HttpResponse::json(
                QJsonObject{{u"entries"_s, entries}, {u"next"_s, more ? QJsonValue(last) : QJsonValue()}});
        });
}

} // namespace sunshine
