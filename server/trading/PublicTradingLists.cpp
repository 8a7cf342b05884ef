#include "server/trading/PublicTradingLists.h"

#include "common/api/ApiError.h"
#include "common/trading/TradingTypes.h"
#include "common/trading/TradingWorkflow.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

bool isRightKind(const QString &value)
{
    const QStringList pairs = trading::rightKindPairs();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        if (pairs.at(i) == value)
            return true;
    }
    return false;
}

QString rightKindLabel(const QString &value)
{
    const QStringList pairs = trading::rightKindPairs();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        if (pairs.at(i) == value)
            return pairs.at(i + 1);
    }
    return value;
}

// The filters both lists share: the area (a county or below) and the kind of right.
QJsonArray tradingFilters()
{
    QJsonArray kinds;
    const QStringList pairs = trading::rightKindPairs();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        kinds.append(QJsonObject{{u"value"_s, pairs.at(i)}, {u"label"_s, pairs.at(i + 1)}});
    return {QJsonObject{{u"key"_s, u"place"_s},
                        {u"label"_s, u"地区"_s},
                        {u"kind"_s, u"place"_s},
                        {u"level"_s, u"county"_s}},
            QJsonObject{{u"key"_s, u"rightKind"_s},
                        {u"label"_s, u"权利类别"_s},
                        {u"kind"_s, u"choice"_s},
                        {u"options"_s, kinds}}};
}

// Which listings of the area a page reads: the WHERE clause over `records r` and its bindings, in order.
struct Selection
{
    QString where;
    QStringList binds;
};

// The live listings of the area (records_type_path serves type and path) in one of `states`, of the request's
// kind of right when it names one. Throws ApiError for an unknown kind.
Selection selectionOf(Store &store, const HttpRequest &req, const QString &placePath,
                      const QStringList &states)
{
    const QString kind = req.queryValue(u"rightKind"_s).left(32);
    if (!kind.isEmpty() && !isRightKind(kind))
        throw ApiError(ErrorCode::BadRequest, u"没有这个权利类别"_s, u"rightKind"_s);
    Selection s;
    s.where = u"r.type = ? AND r.deleted = 0 AND r.org_path LIKE ? AND "_s + store.fieldSql(u"state"_s) +
              u" IN ("_s + placeholders(states.size()) + u")"_s;
    s.binds << QString::fromUtf16(trading::ListingType::kName) << QString(placePath + u'%') << states;
    if (!kind.isEmpty()) {
        s.where += u" AND "_s + store.fieldSql(u"rightKind"_s) + u" = ?"_s;
        s.binds.append(kind);
    }
    return s;
}

qint64 countOf(Store &store, const Selection &s)
{
    SqlQuery count(store, u"SELECT COUNT(*) FROM records r WHERE "_s + s.where);
    for (const QString &b : s.binds)
        count.bindText(b);
    count.exec();
    return count.next() ? count.int64(0) : 0;
}

// A listing being noticed as the public sees it: whitelisted terms, the reserve never among them. Terms the
// listing leaves open (the area of a building, no deposit) are left blank.
QJsonObject noticeRow(const QString &village, const QJsonObject &f)
{
    QJsonObject row{{u"listingNo"_s, f.value(u"listingNo"_s)},
                    {u"village"_s, village},
                    {u"subject"_s, f.value(u"subject"_s)},
                    {u"rightKind"_s, rightKindLabel(f.value(u"rightKind"_s).toString())},
                    {u"termYears"_s, f.value(u"termYears"_s)},
                    {u"startPrice"_s, f.value(u"startPrice"_s)},
                    {u"step"_s, f.value(u"step"_s)},
                    {u"noticeFrom"_s, f.value(u"noticeFrom"_s)},
                    {u"noticeTo"_s, f.value(u"noticeTo"_s)}};
    for (const QString &key : {u"areaMu"_s, u"deposit"_s, u"qualifications"_s}) {
        const QJsonValue v = f.value(key);
        if (v.isDouble() || (v.isString() && !v.toString().trimmed().isEmpty()))
            row.insert(key, v);
    }
    return row;
}

// The transferees of the deals whose winning registrations are `winners` (registration id → listing id): each
// registration's bidder name, read from the registration of that very listing and nothing else of it (never
// its ID number or phone).
QHash<QString, QString> transfereesOf(Store &store, const QHash<QString, QString> &winners)
{
    QHash<QString, QString> names;
    if (winners.isEmpty())
        return names;
    SqlQuery q(store, u"SELECT id, data FROM records WHERE type = ? AND deleted = 0 AND id IN ("_s +
                          placeholders(winners.size()) + u")"_s);
    q.bindText(QString::fromUtf16(trading::RegistrationType::kName));
    for (auto it = winners.constBegin(); it != winners.constEnd(); ++it)
        q.bindText(it.key());
    q.exec();
    while (q.next()) {
        const QJsonObject f = QJsonDocument::fromJson(q.text(1).toUtf8()).object();
        if (f.value(u"listingId"_s).toString() == winners.value(q.text(0)))
            names.insert(q.text(0), f.value(u"bidderName"_s).toString());
    }
    return names;
}

} // namespace

PublicList publicListingNotices(Store &store)
{
    PublicList list;
    list.name = u"trade-listings"_s;
    list.title = u"产权交易挂牌公告"_s;
    list.description =
        u"正在挂牌公告的农村集体产权交易项目。有意竞买的，请在公告期内到项目所在的乡镇农村产权交易服务站或县农村产权交易中心报名并交纳保证金。"_s;
    list.filters = tradingFilters();
    list.columns = {PublicList::column(u"listingNo"_s, u"项目编号"_s),
                    PublicList::column(u"village"_s, u"村（社区）"_s),
                    PublicList::column(u"subject"_s, u"交易标的"_s),
                    PublicList::column(u"rightKind"_s, u"权利类别"_s),
                    PublicList::column(u"areaMu"_s, u"面积（亩）"_s, u"number"_s),
                    PublicList::column(u"termYears"_s, u"流转年限（年）"_s, u"number"_s),
                    PublicList::column(u"startPrice"_s, u"起拍价（元/年）"_s, u"money"_s),
                    PublicList::column(u"step"_s, u"加价幅度（元）"_s, u"money"_s),
                    PublicList::column(u"deposit"_s, u"保证金（元）"_s, u"money"_s),
                    PublicList::column(u"qualifications"_s, u"竞买人资格条件"_s),
                    PublicList::column(u"noticeFrom"_s, u"公告开始"_s, u"date"_s),
                    PublicList::column(u"noticeTo"_s, u"公告截止"_s, u"date"_s)};
    list.page = [&store](const HttpRequest &req, const QString &placePath, int page, int pageSize) {
        const Selection s =
            selectionOf(store, req, placePath, {trading::listingStateName(trading::ListingState::Noticed)});
        const qint64 total = countOf(store, s);
        // The notice that ends first comes first.
        SqlQuery q(store, u"SELECT o.name, r.data FROM records r JOIN org_units o ON o.id = r.org_unit_id "
                          u"WHERE "_s +
                              s.where + u" ORDER BY "_s + store.fieldSql(u"noticeTo"_s) + u", "_s +
                              store.fieldSql(u"listingNo"_s) + u", r.id LIMIT ? OFFSET ?"_s);
        for (const QString &b : s.binds)
            q.bindText(b);
        q.bind(pageSize).bind(qint64(page - 1) * pageSize).exec();
        QJsonArray rows;
        while (q.next())
            rows.append(noticeRow(q.text(0), QJsonDocument::fromJson(q.text(1).toUtf8()).object()));
        return PublicList::answer(rows, total, page, pageSize);
    };
    return list;
}

PublicList publicDealNotices(Store &store)
{
    PublicList list;
    list.name = u"trade-deals"_s;
    list.title = u"产权交易成交公示"_s;
    list.description =
        u"已成交并进入结果公示的农村集体产权交易项目。对成交结果有异议的，可在公示期内向交易机构或乡镇人民政府反映，也可在本网站举报投诉。"_s;
    list.filters = tradingFilters();
    list.columns = {PublicList::column(u"listingNo"_s, u"项目编号"_s),
                    PublicList::column(u"village"_s, u"村（社区）"_s),
                    PublicList::column(u"subject"_s, u"交易标的"_s),
                    PublicList::column(u"dealPrice"_s, u"成交价（元/年）"_s, u"money"_s),
                    PublicList::column(u"transferee"_s, u"受让方"_s),
                    PublicList::column(u"dealOn"_s, u"成交日期"_s, u"date"_s),
                    PublicList::column(u"resultFrom"_s, u"公示开始"_s, u"date"_s)};
    list.page = [&store](const HttpRequest &req, const QString &placePath, int page, int pageSize) {
        using trading::ListingState;
        Selection s = selectionOf(store, req, placePath,
                                  {trading::listingStateName(ListingState::Announced),
                                   trading::listingStateName(ListingState::Signed),
                                   trading::listingStateName(ListingState::Settled),
                                   trading::listingStateName(ListingState::Certified)});
        const QString resultSql = store.fieldSql(u"resultFrom"_s);
        s.where += u" AND "_s + resultSql + u" IS NOT NULL AND "_s + resultSql + u" <> ''"_s;
        const qint64 total = countOf(store, s);
        struct Deal
        {
            QString winnerId;
            QJsonObject row;
        };
        QList<Deal> deals;
        QHash<QString, QString> winners; // registration id → listing id
        {
            // The newest result notice first. Read through before the registrations are asked for.
            SqlQuery q(store, u"SELECT r.id, o.name, r.data FROM records r JOIN org_units o ON "
                              u"o.id = r.org_unit_id WHERE "_s +
                                  s.where + u" ORDER BY "_s + resultSql + u" DESC, "_s +
                                  store.fieldSql(u"listingNo"_s) + u", r.id LIMIT ? OFFSET ?"_s);
            for (const QString &b : std::as_const(s.binds))
                q.bindText(b);
            q.bind(pageSize).bind(qint64(page - 1) * pageSize).exec();
            while (q.next()) {
                const QJsonObject f = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
                const QString winnerId = f.value(u"winnerId"_s).toString();
                if (!winnerId.isEmpty())
                    winners.insert(winnerId, q.text(0));
                deals.append(Deal{winnerId, QJsonObject{{u"listingNo"_s, f.value(u"listingNo"_s)},
                                                        {u"village"_s, q.text(1)},
                                                        {u"subject"_s, f.value(u"subject"_s)},
                                                        {u"dealPrice"_s, f.value(u"dealPrice"_s)},
                                                        {u"dealOn"_s, f.value(u"dealOn"_s)},
                                                        {u"resultFrom"_s, f.value(u"resultFrom"_s)}}});
            }
        }
        const QHash<QString, QString> names = transfereesOf(store, winners);
        QJsonArray rows;
        for (Deal &d : deals) {
            const QString name = names.value(d.winnerId);
            if (!name.isEmpty())
                d.row.insert(u"transferee"_s, name);
            rows.append(d.row);
        }
        return PublicList::answer(rows, total, page, pageSize);
    };
    return list;
}

} // namespace sunshine
