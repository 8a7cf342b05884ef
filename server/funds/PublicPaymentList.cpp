#include "server/funds/PublicPaymentList.h"

#include "common/api/ApiError.h"
#include "common/funds/FundCatalog.h"
#include "common/sync/Masking.h"
#include "common/sync/RecordType.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

// People are masked; units, villages and projects are named as they are.
bool namesPerson(const QString &recipientKind)
{
    return recipientKind == u"person"_s || recipientKind == u"household"_s;
}

} // namespace

PublicList publicPaymentList(Store &store)
{
    PublicList list;
    list.name = u"payments"_s;
    list.title = u"资金发放名单"_s;
    list.description = u"按村查看惠农补贴和扶贫资金的发放情况，姓名和身份证号已作脱敏处理。"_s;
    QJsonArray funds;
    for (const funds::FundLine &line : funds::allFundLines())
        funds.append(QJsonObject{{u"value"_s, line.code}, {u"label"_s, line.name}});
    list.filters = {
        QJsonObject{{u"key"_s, u"place"_s},
                    {u"label"_s, u"村（社区）"_s},
                    {u"kind"_s, u"place"_s},
                    {u"level"_s, u"village"_s}},
        QJsonObject{{u"key"_s, u"fund"_s},
                    {u"label"_s, u"资金项目"_s},
                    {u"kind"_s, u"choice"_s},
                    {u"options"_s, funds}},
        QJsonObject{{u"key"_s, u"year"_s}, {u"label"_s, u"发放年度"_s}, {u"kind"_s, u"year"_s}},
    };
    list.columns = {PublicList::column(u"recipient"_s, u"发放对象"_s),
                    PublicList::column(u"idNumber"_s, u"身份证号"_s),
                    PublicList::column(u"fund"_s, u"资金项目"_s),
                    PublicList::column(u"amountFen"_s, u"金额（元）"_s, u"money"_s),
                    PublicList::column(u"period"_s, u"所属期"_s),
                    PublicList::column(u"paidOn"_s, u"发放日期"_s, u"date"_s)};
    list.page = [&store](const HttpRequest &req, const QString &placePath, int page, int pageSize) {
        if (sync::orgLevelOfPath(placePath) != OrgLevel::Village)
            throw ApiError(ErrorCode::BadRequest, u"请选择到村（社区）"_s, u"place"_s);
        const QString fund = req.queryValue(u"fund"_s).left(funds::FundCatalog::kMaxCodeLength);
        if (!fund.isEmpty() && !funds::findFundLine(fund))
            throw ApiError(ErrorCode::BadRequest, u"没有这个资金项目"_s, u"fund"_s);
        const QString yearText = req.queryValue(u"year"_s);
        bool ok = true;
        const int year = yearText.isEmpty() ? 0 : yearText.toInt(&ok);
        if (!ok || (year != 0 && (year < 2000 || year > 2100)))
            throw ApiError(ErrorCode::BadRequest, u"年度应为四位数字，例如 2026"_s, u"year"_s);
        // The village's payments: records_type_path serves (type, org_path).
        QString where = u"type = 'disbursement' AND deleted = 0 AND org_path = ?"_s;
        QStringList binds{placePath};
        if (!fund.isEmpty()) {
            where += u" AND "_s + store.fieldSql(u"fundCode"_s) + u" = ?"_s;
            binds.append(fund);
        }
        if (year != 0) {
            where += u" AND "_s + store.fieldSql(u"paidOn"_s) + u" >= ? AND "_s +
                     store.fieldSql(u"paidOn"_s) + u" < ?"_s;
            binds << u"%1-01-01"_s.arg(year) << u"%1-01-01"_s.arg(year + 1);
        }
        SqlQuery count(store, u"SELECT COUNT(*) FROM records WHERE "_s + where);
        for (const QString &b : std::as_const(binds))
            count.bindText(b);
        count.exec();
        const qint64 total = count.next() ? count.int64(0) : 0;
        SqlQuery q(store, u"SELECT data FROM records WHERE "_s + where + u" ORDER BY "_s +
                              store.fieldSql(u"paidOn"_s) + u" DESC, id LIMIT ? OFFSET ?"_s);
        for (const QString &b : std::as_const(binds))
            q.bindText(b);
        q.bind(pageSize).bind(qint64(page - 1) * pageSize).exec();
        QJsonArray rows;
        while (q.next()) {
            const QJsonObject f = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
            const bool person = namesPerson(f.value(u"recipientKind"_s).toString());
            const QString name = f.value(u"recipientName"_s).toString();
            const QString code = f.value(u"fundCode"_s).toString();
            const std::optional<funds::FundLine> line = funds::findFundLine(code);
            QJsonObject row{{u"recipient"_s, person ? sync::publicName(name) : name},
                            {u"fund"_s, line ? line->name : code},
                            {u"amountFen"_s, f.value(u"amountFen"_s)},
                            {u"period"_s, f.value(u"period"_s)},
                            {u"paidOn"_s, f.value(u"paidOn"_s)}};
            const QString id = f.value(u"idNumber"_s).toString();
            if (!id.isEmpty())
                row.insert(u"idNumber"_s, sync::publicIdNumber(id));
            rows.append(row);
        }
        return QJsonObject{
            {u"rows"_s, rows}, {u"total"_s, total}, {u"page"_s, page}, {u"pageSize"_s, pageSize}};
    };
    return list;
}

} // namespace sunshine
