#include "common/collective/AssetImport.h"

#include "common/collective/CollectiveTypes.h"
#include "common/core/Money.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::collective {

namespace {

// The columns, each keyed by the asset's field it fills.
const QList<io::ImportColumn> &columns()
{
    static const QList<io::ImportColumn> c{
        {u"code"_s, true, {u"资产编号"_s, u"编号"_s, u"资产编码"_s, u"资产代码"_s}},
        {u"name"_s, true, {u"资产名称"_s, u"名称"_s}},
        {u"category"_s, true, {u"类别"_s, u"资产类别"_s, u"资产类型"_s, u"分类"_s}},
        {u"location"_s, false, {u"坐落位置"_s, u"坐落"_s, u"位置"_s, u"存放地点"_s, u"地点"_s}},
        {u"quantity"_s, false, {u"数量"_s}},
        {u"originalValue"_s, true, {u"原值"_s, u"资产原值"_s, u"账面原值"_s}},
        {u"acquiredBy"_s, true, {u"取得方式"_s, u"取得途径"_s, u"来源"_s, u"资产来源"_s}},
        {u"startOn"_s, true, {u"启用日期"_s, u"启用时间"_s, u"购建日期"_s, u"取得日期"_s, u"投入使用日期"_s}},
        {u"usefulYears"_s, true, {u"使用年限"_s, u"折旧年限"_s, u"预计使用年限"_s}},
        {u"status"_s, true, {u"状态"_s, u"使用状态"_s, u"资产状态"_s}},
        {u"custodian"_s, false, {u"管护人"_s, u"管护责任人"_s, u"保管人"_s, u"责任人"_s}},
        {u"fundCode"_s, false, {u"资金项目"_s, u"资金项目编码"_s}},
        {u"projectRef"_s,
         false,
         {u"建设项目"_s, u"项目名称"_s, u"扶贫项目"_s, u"资金项目/建设项目"_s, u"资金项目或建设项目"_s}},
        {u"disposedOn"_s, false, {u"处置日期"_s}},
        {u"disposalKind"_s, false, {u"处置方式"_s}},
    };
    return c;
}

// The text fields copied as they stand.
const QStringList &textFields()
{
    static const QStringList names{u"name"_s, u"location"_s, u"custodian"_s, u"fundCode"_s, u"projectRef"_s};
    return names;
}

// A number Excel stored, written back as the clerk typed it: "101.0" → "101".
QString wholeNumberText(const QString &text)
{
    static const QRegularExpression whole(u"^(\\d+)\\.0+$"_s);
    const QRegularExpressionMatch m = whole.match(text);
    return m.hasMatch() ? m.captured(1) : text;
}

// A whole number, perhaps with its unit after it (3台, 10年).
std::optional<int> countOf(const QString &text)
{
    static const QRegularExpression count(u"^(\\d{1,6})(?:\\.0+)?\\s*\\p{Han}{0,2}$"_s);
    const QRegularExpressionMatch m = count.match(text);
    return m.hasMatch() ? std::optional<int>(m.captured(1).toInt()) : std::nullopt;
}

// A choice by its label, wire value or a synonym (assetChoiceSynonyms(), used where its label is a choice of
// the column).
std::optional<QString> choiceOf(const sync::FieldSpec &spec, const QString &textIn, const QString &header,
                                QString *problem)
{
    QString text = textIn;
    text.remove(u' ').remove(u'\u3000').replace(u'(', u'（').replace(u')', u'）');
    const auto synonym = assetChoiceSynonyms().constFind(text);
    if (!spec.choiceLabels.contains(text) && !spec.choices.contains(text) &&
        synonym != assetChoiceSynonyms().constEnd() && spec.choiceLabels.contains(*synonym))
        text = *synonym;
    return io::importChoice(spec, text, header, problem);
}

// A date of the register: ISO, 2018/3/1, 2018.3.1, 2018年3月1日, 20180301, an Excel serial, or a year and
// month alone (the 1st); years from 1949 (a village's buildings are often older than the program's lists).
std::optional<QString> registerDate(const io::TableData &table, int row, int column, const QString &text,
                                    const QString &header, QString *problem)
{
    static const QRegularExpression separated(
        u"^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*(?:[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?|月)?$"_s);
    static const QRegularExpression compact(u"^(\\d{4})(\\d{2})(\\d{2})$"_s);
    static const QRegularExpression serial(u"^(\\d{4,5})(?:\\.\\d+)?$"_s);
    static const QRegularExpression numericMonth(u"^\\d{4}\\.\\d{1,2}$"_s);
    QDate d;
    if (table.isNumber(row, column) && numericMonth.match(text).hasMatch()) {
        // 2018.06 typed into a General cell: Excel keeps 2018.06, but 2018.10 becomes 2018.1.
        const std::optional<QString> month = io::numericPeriod(text, header, problem);
        if (!month)
            return std::nullopt;
        d = QDate::fromString(QString(*month + u"-01"_s), Qt::ISODate);
    } else if (const QRegularExpressionMatch m = separated.match(text); m.hasMatch()) {
        d = QDate(m.captured(1).toInt(), m.captured(2).toInt(),
                  m.captured(3).isEmpty() ? 1 : m.captured(3).toInt());
    } else if (const QRegularExpressionMatch c = compact.match(text); c.hasMatch()) {
        d = QDate(c.captured(1).toInt(), c.captured(2).toInt(), c.captured(3).toInt());
    } else if (const QRegularExpressionMatch s = serial.match(text); s.hasMatch() && !text.startsWith(u'0')) {
        if (s.captured(1).size() == 5 || table.isNumber(row, column))
            d = QDate(1899, 12, 30).addDays(s.captured(1).toInt()); // Excel's day count
    }
    if (d.isValid() && d.year() >= 1949 && d.year() <= 2100)
        return d.toString(Qt::ISODate);
    *problem = u"无法识别“%1”中的“%2”，应写作 2018-03-01、2018年3月1日，或只写年月 2018-03"_s.arg(
        header, text.left(30));
    return std::nullopt;
}

} // namespace

const QHash<QString, QString> &assetChoiceSynonyms()
{
    static const QHash<QString, QString> synonyms{
        // 类别
        {u"房屋"_s, u"房屋建筑物"_s},
        {u"房屋建筑"_s, u"房屋建筑物"_s},
        {u"建筑物"_s, u"房屋建筑物"_s},
        {u"房屋及建筑物"_s, u"房屋建筑物"_s},
        {u"房产"_s, u"房屋建筑物"_s},
        {u"厂房"_s, u"房屋建筑物"_s},
        {u"办公用房"_s, u"房屋建筑物"_s},
        {u"机器设备"_s, u"机械设备"_s},
        {u"设备"_s, u"机械设备"_s},
        {u"机械"_s, u"机械设备"_s},
        {u"农业机械"_s, u"机械设备"_s},
        {u"农机"_s, u"机械设备"_s},
        {u"汽车"_s, u"车辆"_s},
        {u"运输工具"_s, u"车辆"_s},
        {u"交通工具"_s, u"车辆"_s},
        {u"运输设备"_s, u"车辆"_s},
        {u"水利设施"_s, u"农田水利"_s},
        {u"农田水利设施"_s, u"农田水利"_s},
        {u"农田水利工程"_s, u"农田水利"_s},
        {u"水利"_s, u"农田水利"_s},
        {u"公共设施"_s, u"公益设施"_s},
        {u"公益性设施"_s, u"公益设施"_s},
        {u"基础设施"_s, u"公益设施"_s},
        {u"公益性资产"_s, u"公益设施"_s},
        {u"扶贫项目资产"_s, u"扶贫资产"_s},
        {u"帮扶资产"_s, u"扶贫资产"_s},
        {u"衔接资金项目资产"_s, u"扶贫资产"_s},
        {u"其它"_s, u"其他"_s},
        // 取得方式
        {u"自行建造"_s, u"自建"_s},
        {u"新建"_s, u"自建"_s},
        {u"修建"_s, u"自建"_s},
        {u"建造"_s, u"自建"_s},
        {u"购买"_s, u"购置"_s},
        {u"购入"_s, u"购置"_s},
        {u"外购"_s, u"购置"_s},
        {u"采购"_s, u"购置"_s},
        {u"划拨"_s, u"调拨"_s},
        {u"调入"_s, u"调拨"_s},
        {u"上级调拨"_s, u"调拨"_s},
        {u"无偿调入"_s, u"调拨"_s},
        {u"无偿划拨"_s, u"调拨"_s},
        {u"接受捐赠"_s, u"捐赠"_s},
        {u"社会捐赠"_s, u"捐赠"_s},
        {u"捐建"_s, u"捐赠"_s},
        {u"项目形成"_s, u"项目建成"_s},
        {u"项目建设"_s, u"项目建成"_s},
        {u"项目移交"_s, u"项目建成"_s},
        {u"扶贫项目形成"_s, u"项目建成"_s},
        // 状态
        {u"在用"_s, u"自用"_s},
        {u"使用中"_s, u"自用"_s},
        {u"正常使用"_s, u"自用"_s},
        {u"正常"_s, u"自用"_s},
        {u"出租中"_s, u"出租"_s},
        {u"已出租"_s, u"出租"_s},
        {u"租赁"_s, u"出租"_s},
        {u"对外出租"_s, u"出租"_s},
        {u"承包经营"_s, u"出租"_s},
        {u"未使用"_s, u"闲置"_s},
        {u"停用"_s, u"闲置"_s},
        {u"空置"_s, u"闲置"_s},
        {u"已报废"_s, u"报废"_s},
        {u"处置"_s, u"已处置"_s},
        // 处置方式
        {u"变卖"_s, u"出售"_s},
        {u"拍卖"_s, u"出售"_s},
        {u"毁损"_s, u"毁损灭失"_s},
        {u"灭失"_s, u"毁损灭失"_s},
        {u"划转"_s, u"无偿划转"_s},
        {u"调出"_s, u"无偿划转"_s},
    };
    return synonyms;
}

QStringList assetImportHeaders(bool required)
{
    if (required)
        return {u"资产编号"_s, u"资产名称"_s, u"类别"_s,     u"原值"_s,
                u"取得方式"_s, u"启用日期"_s, u"使用年限"_s, u"状态"_s};
    return {u"坐落位置"_s, u"数量"_s,     u"管护人"_s,  u"资金项目"_s,
            u"建设项目"_s, u"处置日期"_s, u"处置方式"_s};
}

bool hasAssetHeader(const io::TableData &table)
{
    const auto header = io::findImportHeader(table, columns());
    return header && header->missingColumns.isEmpty();
}

QString assetRecordId(const QString &villageId, const QString &code)
{
    return sync::derivedRecordId(QString::fromUtf16(CollectiveAssetType::kName), villageId + u'|' + code);
}

AssetImportResult checkAssetImport(const io::TableData &table, const AssetImportOptions &options)
{
    AssetImportResult result;
    const std::optional<io::ImportHeader> found = io::findImportHeader(table, columns());
    if (!found) {
        result.error =
            u"没有找到表头：资产台账应有一行列名，至少包括 %1"_s.arg(assetImportHeaders(true).join(u"、"_s));
        return result;
    }
    const io::ImportHeader &header = *found;
    if (!header.missingColumns.isEmpty()) {
        result.error = u"资产台账缺少必需的列：%1"_s.arg(header.missingColumns.join(u"、"_s));
        return result;
    }
    const CollectiveAssetType type;
    sync::RuleContext context;
    context.today = options.today;
    QList<io::RowProblem> problems;
    QHash<QString, int> seen; // 资产编号 → the line it was first on
    auto cell = [](const QStringList &cells, int c) {
        return c < 0 ? QString() : cells.value(c).trimmed();
    };
    const int total = int(table.rows.size());
    for (int i = header.row + 1; i < total; ++i) {
        if (options.progress && (i % 256 == 0) && !options.progress(i, total)) {
            result.cancelled = true;
            return result;
        }
        const QStringList &cells = table.rows.at(i);
        if (io::isNoRecordRow(cells))
            continue;
        ++result.rowsRead;
        const int line = table.lineNumbers.value(i);
        const qsizetype before = problems.size();
        auto bad = [&](const QString &key, const QString &reason) {
            problems.append({line, header.columnOf(key), reason, false});
        };
        auto text = [&](const QString &key) {
            return cell(cells, header.columnOf(key));
        };
        QJsonObject f;

        const int codeCol = header.columnOf(u"code"_s);
        const QString code = wholeNumberText(text(u"code"_s).remove(u' '));
        if (table.lostDigits(i, codeCol) || io::isExcelExponentText(code))
            bad(u"code"_s, io::lostDigitsProblem(header.text(codeCol), code));
        else if (!code.isEmpty())
            f.insert(u"code"_s, code);
        for (const QString &key : textFields()) {
            if (const QString value = text(key); !value.isEmpty())
                f.insert(key, value);
        }
        for (const QString &key : {u"category"_s, u"acquiredBy"_s, u"status"_s, u"disposalKind"_s}) {
            const QString value = text(key);
            QString why;
            if (value.isEmpty())
                continue; // a required one is named by the record's check
            if (const std::optional<QString> choice =
                    choiceOf(*type.field(key), value, header.text(header.columnOf(key)), &why))
                f.insert(key, *choice);
            else
                bad(key, why);
        }
        if (const QString value = text(u"quantity"_s); value.isEmpty())
            f.insert(u"quantity"_s, 1);
        else if (const std::optional<int> n = countOf(value))
            f.insert(u"quantity"_s, *n);
        else
            bad(u"quantity"_s, u"数量应为整数，例如 1 或 3"_s);
        if (const QString value = text(u"originalValue"_s); !value.isEmpty()) {
            const money::ParseResult r = money::parseYuan(value);
            if (r.fen)
                f.insert(u"originalValue"_s, double(*r.fen));
            else
                bad(u"originalValue"_s, u"“%1”：%2"_s.arg(header.text(header.columnOf(u"originalValue"_s)),
                                                          money::parseErrorMessage(r.error)));
        }
        for (const QString &key : {u"startOn"_s, u"disposedOn"_s}) {
            const QString value = text(key);
            const int column = header.columnOf(key);
            QString why;
            if (value.isEmpty())
                continue;
            if (const std::optional<QString> d =
                    registerDate(table, i, column, value, header.text(column), &why))
                f.insert(key, *d);
            else
                bad(key, why);
        }
        if (const QString value = text(u"usefulYears"_s); value.isEmpty())
            bad(u"usefulYears"_s, u"请填写使用年限（不折旧的填 0）"_s);
        else if (const std::optional<int> years = countOf(value))
            f.insert(u"usefulYears"_s, *years);
        else
            bad(u"usefulYears"_s, u"使用年限应为整年数，例如 20；不折旧的填 0"_s);

        // The record type's own checks, each problem on the column of its field.
        if (problems.size() == before) {
            for (auto it = f.constBegin(); it != f.constEnd() && problems.size() == before; ++it) {
                if (const auto p = type.checkField(it.key(), it.value()))
                    bad(it.key(), p->message);
            }
        }
        const QString recordId = assetRecordId(options.placement.orgUnitId, code);
        if (problems.size() == before) {
            if (const auto p = type.checkRecord(recordId, f, options.placement, context))
                bad(p->field, p->message);
        }
        if (problems.size() == before && seen.contains(code))
            bad(u"code"_s, u"资产编号“%1”在本台账中出现了两次（第 %2 行）"_s.arg(code).arg(seen.value(code)));
        if (problems.size() > before) {
            ++result.badRows;
            continue;
        }
        seen.insert(code, line);
        if (options.existingCodes.contains(code)) {
            ++result.alreadyImported;
            continue;
        }
        result.rows.append({recordId, f, line});
    }
    result.problems = io::importReport(problems, header);
    return result;
}

} // namespace sunshine::collective
