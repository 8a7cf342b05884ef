#include "common/funds/ComparisonList.h"

#include "common/funds/DisbursementImport.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

QList<ComparisonList> allComparisonLists()
{
    return {ComparisonList::Deceased, ComparisonList::Payroll, ComparisonList::Vehicle,
            ComparisonList::Housing, ComparisonList::Company};
}

QString comparisonListName(ComparisonList list)
{
    static const char16_t *names[] = {u"deceased", u"payroll", u"vehicle", u"housing", u"company"};
    return QString::fromUtf16(names[int(list)]);
}

std::optional<ComparisonList> comparisonListFromName(const QString &name)
{
    for (ComparisonList l : allComparisonLists()) {
        if (comparisonListName(l) == name)
            return l;
    }
    return std::nullopt;
}

QString comparisonListChinese(ComparisonList list)
{
    static const char16_t *names[] = {u"死亡人员", u"财政供养人员", u"车辆登记", u"商品房登记", u"工商登记"};
    return QString::fromUtf16(names[int(list)]);
}

// --- comparison-entry -------------------------------------------------------------------------------------

QList<FieldSpec> ComparisonEntryType::fields() const
{
    QStringList lists;
    for (ComparisonList l : allComparisonLists())
        lists << comparisonListName(l) << comparisonListChinese(l);
    return {
        FieldSpec(u"list"_s, FieldKind::Choice, u"名单类别"_s).options(lists).require(),
        FieldSpec(u"idNumber"_s, FieldKind::IdNumber, u"身份证号"_s)
            .personalData()
            .confidentialData()
            .require()
            .cacheLookup(),
        FieldSpec(u"name"_s, FieldKind::Text, u"姓名"_s).max(40).require().confidentialData(),
        FieldSpec(u"since"_s, FieldKind::Date, u"起始日期"_s).pastOrToday().require(),
        FieldSpec(u"until"_s, FieldKind::Date, u"截止日期"_s),
        FieldSpec(u"source"_s, FieldKind::Text, u"数据来源"_s).max(100),
        FieldSpec(u"note"_s, FieldKind::Text, u"备注"_s).max(200).confidentialData(),
    };
}

std::optional<QString> ComparisonEntryType::writeDenied(const Scope &actor,
                                                        const sync::Placement &placement) const
{
    if (!actor.hasRole(Role::Reviewer))
        return u"比对名单由县、市两级审核员导入（第二十六条）"_s;
    if (placement.orgLevel != OrgLevel::City && placement.orgLevel != OrgLevel::County)
        return u"比对名单登记在市或县（市、区）一级"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该地区不在您的管辖范围内"_s;
    return std::nullopt;
}

QString ComparisonEntryType::recordIdFor(const QString &list, const QString &idNumber,
                                         const QString &orgUnitId)
{
    return sync::derivedRecordId(QString::fromUtf16(kName),
                                 list + u'|' + idNumber.toUpper() + u'|' + orgUnitId);
}

bool ComparisonEntryType::covers(const QJsonObject &entry, QDate paidOn)
{
    const QDate since = dateOf(entry, u"since"_s);
    const QDate until = dateOf(entry, u"until"_s);
    return paidOn.isValid() && since.isValid() && paidOn >= since && (!until.isValid() || paidOn <= until);
}

std::optional<FieldProblem> ComparisonEntryType::checkRules(const QString &recordId, const QJsonObject &f,
                                                            const sync::Placement &placement,
                                                            const sync::RuleContext &) const
{
    const QDate since = dateOf(f, u"since"_s);
    const QDate until = dateOf(f, u"until"_s);
    if (until.isValid() && until < since)
        return problem(u"until"_s, u"截止日期不能早于起始日期"_s);
    if (recordId !=
        recordIdFor(f.value(u"list"_s).toString(), f.value(u"idNumber"_s).toString(), placement.orgUnitId))
        return problem(u"idNumber"_s, u"记录编号与内容不符：同一名单、同一人在本单位只登记一条"_s);
    return std::nullopt;
}

// --- the import -------------------------------------------------------------------------------------------

namespace {

const QList<io::ImportColumn> &columns()
{
    static const QList<io::ImportColumn> c{
        {u"idNumber"_s,
         true,
         {u"身份证号"_s, u"身份证号码"_s, u"公民身份号码"_s, u"证件号码"_s, u"身份证"_s}},
        {u"name"_s, true, {u"姓名"_s, u"人员姓名"_s, u"名称"_s}},
        {u"since"_s,
         true,
         {u"日期"_s, u"起始日期"_s, u"死亡日期"_s, u"登记日期"_s, u"入编日期"_s, u"注册日期"_s, u"开始日期"_s,
          u"购房日期"_s}},
        {u"until"_s, false, {u"截止日期"_s, u"终止日期"_s, u"注销日期"_s, u"离职日期"_s, u"结束日期"_s}},
        {u"source"_s, false, {u"来源"_s, u"数据来源"_s, u"提供单位"_s}},
        {u"note"_s, false, {u"备注"_s}},
    };
    return c;
}

} // namespace

QStringList comparisonHeaders(bool required)
{
    QStringList out;
    for (const io::ImportColumn &c : columns()) {
        if (c.required == required)
            out.append(c.names.first());
    }
    return out;
}

bool hasComparisonHeader(const io::TableData &table)
{
    return io::findImportHeader(table, columns()).has_value();
}

ComparisonImportResult checkComparisonList(const io::TableData &table, const ComparisonImportOptions &options)
{
    ComparisonImportResult result;
    const std::optional<io::ImportHeader> header = io::findImportHeader(table, columns());
    if (!header) {
        result.error =
            u"没有找到表头：名单应有一行列名，至少包括 %1"_s.arg(comparisonHeaders(true).join(u"、"_s));
        return result;
    }
    if (!header->missingColumns.isEmpty()) {
        result.error = u"名单缺少必需的列：%1"_s.arg(header->missingColumns.join(u"、"_s));
        return result;
    }
    const ComparisonEntryType type;
    const QString list = comparisonListName(options.list);
    sync::RuleContext context;
    context.today = options.today;
    QList<io::RowProblem> problems;
    QSet<QString> seen;
    auto cell = [&](const QStringList &cells, const QString &key) {
        const int c = header->columnOf(key);
        return c < 0 ? QString() : cells.value(c).trimmed();
    };
    const int total = int(table.rows.size());
    for (int i = header->row + 1; i < total; ++i) {
        if (options.progress && !options.progress(i, total)) {
            result.cancelled = true;
            return result;
        }
        const QStringList &cells = table.rows.at(i);
        if (io::isNoRecordRow(cells))
            continue;
        ++result.rowsRead;
        const int line = table.lineNumbers.value(i);
        const qsizetype before = problems.size();
        QJsonObject f{{u"list"_s, list}};
        const int idColumn = header->columnOf(u"idNumber"_s);
        const QString idText = cell(cells, u"idNumber"_s);
        if (idText.isEmpty()) {
            problems.append({line, idColumn, u"请填写“%1”"_s.arg(header->text(idColumn)), false});
        } else if (table.lostDigits(i, idColumn)) {
            problems.append({line, idColumn, io::lostDigitsProblem(header->text(idColumn), idText), false});
        } else {
            QString why;
            if (const std::optional<QString> id = io::importIdNumber(idText, &why))
                f.insert(u"idNumber"_s, *id);
            else
                problems.append({line, idColumn, why, false});
        }
        const QString name = cell(cells, u"name"_s);
        if (!name.isEmpty())
            f.insert(u"name"_s, name);
        for (const QString &key : {u"since"_s, u"until"_s}) {
            const QString text = cell(cells, key);
            if (text.isEmpty())
                continue;
            if (const std::optional<QString> date = io::parseDateText(text))
                f.insert(key, *date);
            else
                problems.append(
                    {line, header->columnOf(key),
                     u"无法识别日期“%1”，应写作 2026-03-15、2026/3/15 或 2026年3月15日"_s.arg(text.left(40)),
                     false});
        }
        for (const QString &key : {u"source"_s, u"note"_s}) {
            if (!cell(cells, key).isEmpty())
                f.insert(key, cell(cells, key));
        }
        if (problems.size() == before) {
            // The entry type's own checks, field by field and as a record.
            for (auto it = f.constBegin(); it != f.constEnd() && problems.size() == before; ++it) {
                if (const auto p = type.checkField(it.key(), it.value()))
                    problems.append({line, header->columnOf(it.key()), p->message, false});
            }
        }
        const QString id = f.value(u"idNumber"_s).toString();
        const QString recordId = ComparisonEntryType::recordIdFor(list, id, options.orgUnitId);
        if (problems.size() == before) {
            if (const auto p = type.checkRecord(recordId, f, options.placement, context))
                problems.append(
                    {line, p->field.isEmpty() ? -1 : header->columnOf(p->field), p->message, false});
        }
        if (problems.size() == before && seen.contains(id.toUpper()))
            problems.append({line, idColumn, u"同一人在本名单中出现了两次"_s, false});
        if (problems.size() > before) {
            ++result.badRows;
            continue;
        }
        seen.insert(id.toUpper());
        result.rows.append({recordId, f, line});
    }
    result.problems = io::importReport(problems, *header);
    return result;
}

} // namespace sunshine::funds
