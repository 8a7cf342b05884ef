#include "server/collective/PublicDisclosureList.h"

#include "common/api/ApiError.h"
#include "common/collective/CollectiveTypes.h"
#include "common/core/Quarter.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QJsonDocument>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

// A posted disclosure as the public sees it: the totals of its report (fen), never the report's detail. A
// total the report does not carry is left blank rather than shown as 0.
QJsonObject rowOf(const QString &village, const QJsonObject &f)
{
    const QJsonObject report = QJsonDocument::fromJson(f.value(u"report"_s).toString().toUtf8()).object();
    const QString quarterText = f.value(u"quarter"_s).toString();
    const std::optional<Quarter> quarter = Quarter::parse(quarterText);
    QJsonObject row{{u"village"_s, village},
                    {u"quarter"_s, quarter ? quarter->chineseName() : quarterText},
                    {u"postedOn"_s, f.value(u"postedOn"_s)}};
    if (report.contains(u"incomeTotal"_s))
        row.insert(u"incomeFen"_s, report.value(u"incomeTotal"_s).toInteger());
    if (report.contains(u"spendingTotal"_s))
        row.insert(u"spendingFen"_s, report.value(u"spendingTotal"_s).toInteger());
    // Cash and bank: every journal's balance at the quarter's end.
    if (report.contains(u"books"_s)) {
        qint64 funds = 0;
        for (const QJsonValue &book : report.value(u"books"_s).toArray())
            funds += book.toObject().value(u"closing"_s).toInteger();
        row.insert(u"fundsFen"_s, funds);
    }
    if (report.contains(u"arrears"_s))
        row.insert(u"arrearsFen"_s, report.value(u"arrears"_s).toInteger());
    return row;
}

} // namespace

PublicList publicDisclosureList(Store &store)
{
    PublicList list;
    list.name = u"disclosures"_s;
    list.title = u"村集体财务公开"_s;
    list.description =
        u"各村（社区）按季度公开的集体财务收支情况，经民主理财小组审核后公布。详细内容请查看村务公开栏。"_s;
    list.filters = {
        QJsonObject{{u"key"_s, u"place"_s},
                    {u"label"_s, u"镇（街道）或村（社区）"_s},
                    {u"kind"_s, u"place"_s},
                    {u"level"_s, u"town"_s}},
        QJsonObject{{u"key"_s, u"year"_s}, {u"label"_s, u"年度"_s}, {u"kind"_s, u"year"_s}},
        QJsonObject{
            {u"key"_s, u"quarter"_s},
            {u"label"_s, u"季度"_s},
            {u"kind"_s, u"choice"_s},
            {u"options"_s, QJsonArray{QJsonObject{{u"value"_s, u"1"_s}, {u"label"_s, u"第一季度"_s}},
                                      QJsonObject{{u"value"_s, u"2"_s}, {u"label"_s, u"第二季度"_s}},
                                      QJsonObject{{u"value"_s, u"3"_s}, {u"label"_s, u"第三季度"_s}},
                                      QJsonObject{{u"value"_s, u"4"_s}, {u"label"_s, u"第四季度"_s}}}}},
    };
    list.columns = {PublicList::column(u"village"_s, u"村（社区）"_s),
                    PublicList::column(u"quarter"_s, u"季度"_s),
                    PublicList::column(u"incomeFen"_s, u"本季收入（元）"_s, u"money"_s),
                    PublicList::column(u"spendingFen"_s, u"本季支出（元）"_s, u"money"_s),
                    PublicList::column(u"fundsFen"_s, u"季末现金和银行存款（元）"_s, u"money"_s),
                    PublicList::column(u"arrearsFen"_s, u"欠缴租金（元）"_s, u"money"_s),
                    PublicList::column(u"postedOn"_s, u"公开日期"_s, u"date"_s)};
    list.page = [&store](const HttpRequest &req, const QString &placePath, int page, int pageSize) {
        const QString yearText = req.queryValue(u"year"_s);
        bool yearOk = true;
        const int year = yearText.isEmpty() ? 0 : yearText.toInt(&yearOk);
        if (!yearOk || (year != 0 && (year < 2000 || year > 2100)))
            throw ApiError(ErrorCode::BadRequest, u"年度应为四位数字，例如 2026"_s, u"year"_s);
        const QString numberText = req.queryValue(u"quarter"_s);
        bool numberOk = true;
        const int number = numberText.isEmpty() ? 0 : numberText.toInt(&numberOk);
        if (!numberOk || (!numberText.isEmpty() && (number < 1 || number > 4)))
            throw ApiError(ErrorCode::BadRequest, u"季度应为 1 到 4"_s, u"quarter"_s);

        // The posted disclosures of the area (records_type_path serves type and path).
        const QString quarterSql = store.fieldSql(u"quarter"_s);
        const QString postedSql = store.fieldSql(u"postedOn"_s);
        QString where = u"r.type = ? AND r.deleted = 0 AND r.org_path LIKE ? AND "_s + postedSql +
                        u" IS NOT NULL AND "_s + postedSql + u" <> ''"_s;
        QStringList binds{QString::fromUtf16(collective::DisclosureType::kName), QString(placePath + u'%')};
        if (year != 0 && number != 0) {
            where += u" AND "_s + quarterSql + u" = ?"_s;
            binds.append(Quarter{year, number}.toString());
        } else if (year != 0) {
            where += u" AND "_s + quarterSql + u" LIKE ?"_s;
            binds.append(QString(QString::number(year) + u"Q%"_s));
        } else if (number != 0) {
            where += u" AND "_s + quarterSql + u" LIKE ?"_s;
            binds.append(QString(u"%Q"_s + QString::number(number)));
        }
        const QString from = u" FROM records r JOIN org_units o ON o.id = r.org_unit_id WHERE "_s + where;
        qint64 total = 0;
        {
            SqlQuery count(store, u"SELECT COUNT(*)"_s + from);
            for (const QString &b : std::as_const(binds))
                count.bindText(b);
            count.exec();
            total = count.next() ? count.int64(0) : 0;
        }
        // The newest quarter first, then the villages in the order of the org tree.
        SqlQuery q(store, u"SELECT o.name, r.data"_s + from + u" ORDER BY "_s + quarterSql +
                              u" DESC, o.sort_order, o.id LIMIT ? OFFSET ?"_s);
        for (const QString &b : std::as_const(binds))
            q.bindText(b);
        q.bind(pageSize).bind(qint64(page - 1) * pageSize).exec();
        QJsonArray rows;
        while (q.next())
            rows.append(rowOf(q.text(0), QJsonDocument::fromJson(q.text(1).toUtf8()).object()));
        return PublicList::answer(rows, total, page, pageSize);
    };
    return list;
}

} // namespace sunshine
