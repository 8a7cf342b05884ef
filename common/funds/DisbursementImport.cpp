#include "common/funds/DisbursementImport.h"

#include "common/core/ChinaTime.h"
#include "common/core/Money.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

namespace {

const QList<io::ImportColumn> &columns()
{
    static const QList<io::ImportColumn> all{
        {u"fundCode"_s,
         true,
         {u"资金项目"_s, u"项目名称"_s, u"资金项目名称"_s, u"资金名称"_s, u"补贴项目"_s, u"资金项目代码"_s}},
        {u"recipientKind"_s, false, {u"发放对象类别"_s, u"对象类别"_s, u"发放对象类型"_s, u"收款人类别"_s}},
        {u"recipientName"_s,
         true,
         {u"姓名"_s, u"收款人"_s, u"收款人姓名"_s, u"单位名称"_s, u"收款单位"_s, u"发放对象"_s, u"户主姓名"_s,
          u"名称"_s}},
        {u"idNumber"_s,
         false,
         {u"身份证号"_s, u"身份证号码"_s, u"身份证"_s, u"公民身份号码"_s, u"证件号码"_s}},
        {u"amountFen"_s,
         true,
         {u"金额（元）"_s, u"金额"_s, u"发放金额"_s, u"补贴金额"_s, u"实发金额"_s, u"拨付金额"_s}},
        {u"period"_s,
         true,
         {u"所属期"_s, u"所属期间"_s, u"发放期间"_s, u"所属月份"_s, u"所属季度"_s, u"所属年月"_s}},
        {u"paidOn"_s, true, {u"发放日期"_s, u"拨付日期"_s, u"支付日期"_s, u"发放时间"_s, u"到账日期"_s}},
        {u"place"_s,
         false,
         {u"村（社区）"_s, u"村"_s, u"社区"_s, u"村名"_s, u"所在村"_s, u"行政村"_s, u"村居"_s, u"村代码"_s,
          u"地区"_s, u"所属地区"_s, u"区划代码"_s}},
        {u"account"_s,
         false,
         {u"收款账号"_s, u"一折通账号"_s, u"一折通账户"_s, u"银行账号"_s, u"银行卡号"_s, u"账号"_s,
          u"卡号"_s}},
    };
    return all;
}

// A fund line's name as compared: no spaces, full-width parentheses as ASCII, no quotes of any kind.
QString lineNameKey(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace() || c == u'"' || c == u'“' || c == u'”' || c == u'\'' || c == u'‘' || c == u'’')
            continue;
        out.append(c == u'（' ? QChar(u'(') : c == u'）' ? QChar(u')') : c);
    }
    return out;
}

int chineseDigit(QChar c)
{
    switch (c.unicode()) {
    case u'一':
        return 1;
    case u'二':
        return 2;
    case u'三':
        return 3;
    case u'四':
        return 4;
    default:
        return c.isDigit() ? c.digitValue() : -1;
    }
}

QString monthText(int year, int month)
{
    return u"%1-%2"_s.arg(year).arg(month, 2, 10, QChar(u'0'));
}

struct Cells
{
    QString fundCode, recipientKind, recipientName, idNumber, amount, period, paidOn, place, account;
};

class Checker
{
public:
    Checker(const io::TableData &table, const DisbursementImportOptions &options)
        : m_table(table)
        , m_options(options)
        , m_places(options.places)
    {
        m_type = sync::RecordTypes::find(QString::fromUtf16(DisbursementType::kName));
        m_context.today = options.today;
        m_context.entryDay = options.today;
        // 0: the start of today in China (UTC+8).
        m_context.nowMs = options.nowMs != 0        ? options.nowMs
                          : options.today.isValid() ? chinaMidnightUtcMs(options.today)
                                                    : 0;
        m_context.calendar = options.calendar ? options.calendar : &WorkingCalendar::current();
        m_context.actor = &m_options.actor;
        const QList<FundLine> lines = allFundLines();
        for (const FundLine &l : lines) {
            m_lineByCode.insert(l.code, l);
            m_lineByName.insert(lineNameKey(l.name), l.code);
        }
    }

    DisbursementImportResult run();

private:
    void checkRow(int index, int line);
    int col(const QString &key) const { return m_header.columnOf(key); }
    QString cell(const QStringList &cells, int column) const
    {
        return column < 0 ? QString() : cells.value(column).trimmed();
    }
    void problem(int line, int column, const QString &reason)
    {
        // An empty cell that is a formula with no stored result: not for the clerk to fill in.
        if (m_table.formulaWithoutValue(m_row, column))
            m_problems.append({line, column, io::formulaWithoutValueProblem(header(column))});
        else
            m_problems.append({line, column, reason});
    }
    QString header(int column) const { return m_header.text(column); }
    // The placement of a unit, or nothing when the clerk may not enter payments there (with the reason).
    const sync::Placement *placementOf(const OrgUnit &unit, QString *why);

    const io::TableData &m_table;
    int m_row = -1; // the row being checked (index into m_table.rows)
    const DisbursementImportOptions &m_options;
    io::PlaceLookup m_places;
    const sync::RecordType *m_type = nullptr;
    sync::RuleContext m_context;
    QHash<QString, FundLine> m_lineByCode;
    QHash<QString, QString> m_lineByName; // lineNameKey(name) → code
    io::ImportHeader m_header;
    QList<io::RowProblem> m_problems;
    QList<DisbursementRow> m_rows;
    QHash<QString, sync::Placement> m_placements; // org unit id → placement (allowed ones)
    QHash<QString, QString> m_denied;             // org unit id → why not
    QHash<QString, int> m_paid;                   // fund line, period, recipient → the first line paying it
    int m_badRows = 0;
};

const sync::Placement *Checker::placementOf(const OrgUnit &unit, QString *why)
{
    const auto it = m_placements.constFind(unit.id);
    if (it != m_placements.constEnd())
        return &*it;
    const auto denied = m_denied.constFind(unit.id);
    if (denied != m_denied.constEnd()) {
        *why = *denied;
        return nullptr;
    }
    sync::Placement p;
    p.orgUnitId = unit.id;
    p.orgPath = unit.path;
    p.orgLevel = unit.level;
    p.departmentId = m_options.actor.departmentId;
    p.departmentCode = m_options.departmentCode;
    p.departmentOrgUnitId = m_options.departmentOrgUnitId;
    if (const std::optional<QString> no = m_type->writeDenied(m_options.actor, p)) {
        m_denied.insert(unit.id, *no);
        *why = *no;
        return nullptr;
    }
    return &*m_placements.insert(unit.id, p);
}

void Checker::checkRow(int index, int line)
{
    const QStringList &cells = m_table.rows.at(index);
    m_row = index;
    const qsizetype before = m_problems.size();
    QJsonObject fields;
    std::optional<FundLine> fundLine;

    // 资金项目: its name or code.
    const int fundColumn = col(u"fundCode"_s);
    const QString fundText = cell(cells, fundColumn);
    if (fundText.isEmpty()) {
        problem(line, fundColumn, u"请填写“%1”"_s.arg(header(fundColumn)));
    } else {
        auto it = m_lineByCode.constFind(fundText);
        if (it == m_lineByCode.constEnd()) {
            const QString code = m_lineByName.value(lineNameKey(fundText));
            if (!code.isEmpty())
                it = m_lineByCode.constFind(code);
        }
        if (it != m_lineByCode.constEnd()) {
            fundLine = *it;
            fields.insert(u"fundCode"_s, it->code);
        } else {
            problem(
                line, fundColumn,
                u"资金目录中没有“%1”，请填写资金项目的名称（如“农村低保”）或代码"_s.arg(fundText.left(40)));
        }
    }

    // 发放对象类别: empty takes the fund line's.
    const int kindColumn = col(u"recipientKind"_s);
    const QString kindText = cell(cells, kindColumn);
    if (!kindText.isEmpty()) {
        static const sync::FieldSpec kindSpec = *m_type->field(u"recipientKind"_s);
        QString why;
        if (const std::optional<QString> kind =
                io::importChoice(kindSpec, kindText, header(kindColumn), &why))
            fields.insert(u"recipientKind"_s, *kind);
        else
            problem(line, kindColumn, why);
    } else if (fundLine) {
        fields.insert(u"recipientKind"_s, recipientName(fundLine->recipient));
    }

    const int nameColumn = col(u"recipientName"_s);
    const QString name = cell(cells, nameColumn);
    if (name.isEmpty())
        problem(line, nameColumn, u"请填写“%1”"_s.arg(header(nameColumn)));
    else
        fields.insert(u"recipientName"_s, name);

    const int idColumn = col(u"idNumber"_s);
    const QString idText = cell(cells, idColumn);
    if (!idText.isEmpty() && m_table.lostDigits(index, idColumn)) {
        problem(line, idColumn, io::lostDigitsProblem(header(idColumn), idText));
    } else if (!idText.isEmpty()) {
        QString why;
        if (const std::optional<QString> id = io::importIdNumber(idText, &why))
            fields.insert(u"idNumber"_s, *id);
        else
            problem(line, idColumn, why);
    }

    // 金额（元） → fen. A negative amount goes to the record's own rule (金额应大于 0).
    const int amountColumn = col(u"amountFen"_s);
    QString amountText = cell(cells, amountColumn);
    if (amountText.endsWith(u'元'))
        amountText.chop(1);
    if (amountText.isEmpty()) {
        problem(line, amountColumn, u"请填写“%1”"_s.arg(header(amountColumn)));
    } else {
        const money::ParseResult amount = money::parseYuan(amountText, true);
        if (amount.fen)
            fields.insert(u"amountFen"_s, QJsonValue(*amount.fen));
        else
            problem(
                line, amountColumn,
                u"无法识别金额“%1”：%2"_s.arg(amountText.left(40), money::parseErrorMessage(amount.error)));
    }

    const int periodColumn = col(u"period"_s);
    const QString periodText = cell(cells, periodColumn);
    QString numericWhy;
    if (periodText.isEmpty()) {
        problem(line, periodColumn, u"请填写“%1”"_s.arg(header(periodColumn)));
    } else if (m_table.isNumber(index, periodColumn)) {
        if (const std::optional<QString> period =
                io::numericPeriod(periodText, header(periodColumn), &numericWhy))
            fields.insert(u"period"_s, *period);
        else
            problem(line, periodColumn, numericWhy);
    } else if (const std::optional<QString> period = parsePeriodText(periodText)) {
        fields.insert(u"period"_s, *period);
    } else {
        problem(line, periodColumn,
                u"无法识别所属期“%1”，按月发放的写作 2026-03 或 2026年3月，按季发放的写作 2026Q1 或 "
                u"2026年第一季度"_s.arg(periodText.left(40)));
    }

    const int paidColumn = col(u"paidOn"_s);
    const QString paidText = cell(cells, paidColumn);
    if (paidText.isEmpty()) {
        problem(line, paidColumn, u"请填写“%1”"_s.arg(header(paidColumn)));
    } else if (const std::optional<QString> paid = io::parseDateText(paidText)) {
        fields.insert(u"paidOn"_s, *paid);
    } else {
        problem(
            line, paidColumn,
            u"无法识别发放日期“%1”，应写作 2026-03-15、2026/3/15 或 2026年3月15日"_s.arg(paidText.left(40)));
    }

    const int accountColumn = col(u"account"_s);
    QString account = cell(cells, accountColumn);
    if (!account.isEmpty()) {
        account.remove(u' ');
        if (m_table.lostDigits(index, accountColumn))
            problem(line, accountColumn, io::lostDigitsProblem(header(accountColumn), account));
        else if (io::isExcelExponentText(account))
            problem(line, accountColumn,
                    u"“%1”中的“%2”被 Excel 存成了数字，后几位已丢失；请把该列设为文本格式后重新填写"_s.arg(
                        header(accountColumn), account.left(40)));
        else
            fields.insert(u"account"_s, account);
    }

    // Where the payment goes: the place named, else the clerk's own unit.
    const int placeColumn = col(u"place"_s);
    const QString placeText = cell(cells, placeColumn);
    const sync::Placement *placement = nullptr;
    {
        QString why;
        const OrgUnit *unit =
            placeText.isEmpty() ? m_places.byId(m_options.actor.orgUnitId) : m_places.find(placeText, &why);
        if (unit)
            placement = placementOf(*unit, &why);
        if (!placement)
            problem(line, placeText.isEmpty() ? -1 : placeColumn,
                    why.isEmpty() ? u"您所在的单位不在本机已知的行政区划中，请联网同步后再导入"_s : why);
    }

    // The list's rule: one payment per recipient, fund line and period.
    const QString period = fields.value(u"period"_s).toString();
    const QString id = fields.value(u"idNumber"_s).toString();
    if (fundLine && !period.isEmpty() && (!id.isEmpty() || !name.isEmpty())) {
        const QString key = disbursementKey(fundLine->code, period, id, name);
        const int column = id.isEmpty() ? nameColumn : idColumn;
        const auto seen = m_paid.constFind(key);
        if (seen == m_paid.constEnd())
            m_paid.insert(key, line);
        else
            problem(
                line, column,
                u"第 %1 行已向同一对象发放过“%2”%3的资金，同一对象每个所属期只能发放一次"_s.arg(*seen).arg(
                    fundLine->name, period));
        if (m_options.enteredAlready.contains(key))
            problem(
                line, column,
                u"已录入过向同一对象发放的“%1”%2的资金（本机已有记录），同一对象每个所属期只能发放一次"_s.arg(
                    fundLine->name, period));
    }

    // The record as the record type checks it: each field, then its rules with the clerk's department and
    // place. checkRecord stops at the first problem; when there is one, each field is checked on its own so
    // that the row shows all of them.
    if (placement) {
        if (const std::optional<sync::FieldProblem> whole =
                m_type->checkRecord({}, fields, *placement, m_context)) {
            const qsizetype mark = m_problems.size();
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                if (auto p = m_type->checkField(it.key(), it.value()))
                    problem(line, col(it.key()), p->message);
            }
            // A required field left empty or unreadable is reported already, as is a column with a problem.
            const int column = col(whole->field);
            const bool told = std::any_of(m_problems.begin() + before, m_problems.end(),
                                          [column](const io::RowProblem &p) { return p.column == column; });
            if (m_problems.size() == mark && whole->code != u"MISSING_FIELD"_s && !told)
                problem(line, column, whole->message);
        } else if (fundLine) {
            // Rule 4: relief-fund entry for a quarter closes on the 20th of its last month.
            const std::optional<qint64> closes = m_type->entryClosesAtMs(fields);
            if (closes && m_context.nowMs >= *closes) {
                if (const std::optional<QString> why = reliefEntryClosedProblem(
                        fundLine->kind, DisbursementType::periodStart(period), m_context.nowMs))
                    problem(line, periodColumn, *why);
            }
        }
    }

    if (m_problems.size() != before) {
        ++m_badRows;
        return;
    }
    m_rows.append({line, fields, *placement});
}

DisbursementImportResult Checker::run()
{
    DisbursementImportResult result;
    if (!m_table.ok()) {
        result.error = m_table.error;
        result.cancelled = m_table.cancelled;
        return result;
    }
    if (!m_type) {
        result.error = u"程序缺少资金发放的记录类型"_s;
        return result;
    }
    const std::optional<io::ImportHeader> header = io::findImportHeader(m_table, columns());
    if (!header) {
        result.error =
            u"找不到表头：前 20 行中没有一行写着“资金项目”“姓名”“金额（元）”“所属期”“发放日期”等列名"_s;
        return result;
    }
    m_header = *header;
    result.headerLine = header->line;
    if (!header->missingColumns.isEmpty()) {
        result.error = u"发放名单第 %1 行的表头缺少以下列：%2。请补上这些列后再导入"_s.arg(header->line)
                           .arg(header->missingColumns.join(u"、"_s));
        return result;
    }
    const QString amountHeader = m_header.text(m_header.columnOf(u"amountFen"_s));
    if (amountHeader.contains(u"万元"_s)) {
        result.error = u"“%1”列以万元为单位；请改为以元为单位的金额后再导入"_s.arg(amountHeader);
        return result;
    }
    // The clerk must be able to enter payments at all (a clerk of a department, in their own unit).
    if (const OrgUnit *own = m_places.byId(m_options.actor.orgUnitId)) {
        QString why;
        if (!placementOf(*own, &why)) {
            result.error = why;
            return result;
        }
    }

    const qsizetype total = m_table.rows.size();
    m_rows.reserve(total - header->row);
    for (qsizetype i = header->row + 1; i < total; ++i) {
        if ((i & 1023) == 0 && m_options.progress && !m_options.progress(i, total)) {
            result.cancelled = true;
            result.error = io::cancelledMessage();
            return result;
        }
        const QStringList &cells = m_table.rows.at(i);
        if (io::isNoRecordRow(cells))
            continue;
        ++result.rowsRead;
        checkRow(int(i), m_table.lineNumbers.value(i, int(i) + 1));
    }
    result.badRows = m_badRows;
    for (const DisbursementRow &r : std::as_const(m_rows))
        result.validAmountFen += qint64(r.fields.value(u"amountFen"_s).toDouble());
    result.rows = std::move(m_rows);
    result.problems = io::importReport(std::move(m_problems), m_header);
    if (m_options.progress)
        m_options.progress(total, total);
    return result;
}

} // namespace

bool hasDisbursementHeader(const io::TableData &table)
{
    return io::findImportHeader(table, columns()).has_value();
}

DisbursementImportResult checkDisbursements(const io::TableData &table,
                                            const DisbursementImportOptions &options)
{
    return Checker(table, options).run();
}

QStringList disbursementHeaderNames(const QString &key)
{
    for (const io::ImportColumn &c : columns()) {
        if (c.key == key)
            return c.names;
    }
    return {};
}

QStringList disbursementHeaders(bool required)
{
    QStringList out;
    for (const io::ImportColumn &c : columns()) {
        if (c.required == required)
            out.append(c.names.first());
    }
    return out;
}

QString disbursementKey(const QString &fundCode, const QString &period, const QString &idNumber,
                        const QString &recipientName)
{
    return fundCode + u'\x1f' + period + u'\x1f' +
           (idNumber.isEmpty() ? u"name:"_s + recipientName : idNumber);
}

std::optional<QString> parsePeriodText(const QString &textIn)
{
    const QString text = textIn.trimmed();
    static const QRegularExpression month(u"^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(?:份)?$"_s);
    static const QRegularExpression compact(u"^(\\d{4})(\\d{2})$"_s);
    static const QRegularExpression quarter(
        u"^(\\d{4})\\s*(?:[-年]\\s*)?(?:[Qq]\\s*([1-4])|第?\\s*([一二三四1-4])\\s*季度?)$"_s);
    auto monthOf = [](int year, int m) -> std::optional<QString> {
        if (!io::plausibleYear(year) || m < 1 || m > 12)
            return std::nullopt;
        return monthText(year, m);
    };
    if (auto m = month.match(text); m.hasMatch())
        return monthOf(m.captured(1).toInt(), m.captured(2).toInt());
    if (auto m = compact.match(text); m.hasMatch())
        return monthOf(m.captured(1).toInt(), m.captured(2).toInt());
    if (auto m = quarter.match(text); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const QString q = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
        const int n = chineseDigit(q.at(0));
        if (!io::plausibleYear(year) || n < 1 || n > 4)
            return std::nullopt;
        return u"%1Q%2"_s.arg(year).arg(n);
    }
    // A date stands for its month (Excel turns a typed 2026-03 into the date 2026-03-01).
    if (const std::optional<QString> date = io::parseDateText(text)) {
        const QDate d = QDate::fromString(*date, Qt::ISODate);
        return monthText(d.year(), d.month());
    }
    return std::nullopt;
}

} // namespace sunshine::funds
