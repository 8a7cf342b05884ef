#include "common/relief/RosterImport.h"

#include "common/core/IdCard.h"
#include "common/relief/RegistryTypes.h"

#include <QHash>
#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::relief {

namespace {

enum class Target
{
    Village,
    Household,
    Member
};

struct Column
{
    QString key;
    Target target;
    bool required;
    QStringList names; // the canonical header first
};

const QList<Column> &columns()
{
    static const QList<Column> all{
        {u"village"_s,
         Target::Village,
         true,
         {u"村（社区）"_s, u"村"_s, u"社区"_s, u"村名"_s, u"村名称"_s, u"所在村"_s, u"行政村"_s, u"村代码"_s,
          u"村居"_s}},
        {u"householdNo"_s, Target::Household, true, {u"户编号"_s, u"户号"_s, u"户编码"_s}},
        {u"headName"_s, Target::Household, false, {u"户主姓名"_s, u"户主"_s}},
        {u"name"_s, Target::Member, true, {u"姓名"_s, u"成员姓名"_s, u"家庭成员姓名"_s}},
        {u"idNumber"_s,
         Target::Member,
         true,
         {u"身份证号"_s, u"身份证号码"_s, u"身份证"_s, u"公民身份号码"_s, u"证件号码"_s}},
        {u"relation"_s, Target::Member, true, {u"与户主关系"_s}},
        {u"povertyCause"_s, Target::Household, true, {u"致贫原因"_s, u"主要致贫原因"_s}},
        {u"registeredYear"_s,
         Target::Household,
         true,
         {u"建档年份"_s, u"建档年度"_s, u"识别年度"_s, u"识别年份"_s}},
        {u"phone"_s, Target::Household, false, {u"联系电话"_s, u"电话"_s, u"联系方式"_s}},
        {u"health"_s, Target::Member, false, {u"健康状况"_s}},
        {u"labour"_s, Target::Member, false, {u"劳动能力"_s, u"劳动技能"_s}},
        {u"address"_s, Target::Household, false, {u"家庭住址"_s, u"住址"_s, u"地址"_s}},
        {u"passbookBank"_s, Target::Household, false, {u"一折通开户行"_s, u"开户行"_s, u"开户银行"_s}},
        {u"passbookAccount"_s, Target::Household, false, {u"一折通账号"_s, u"一折通账户"_s, u"银行账号"_s}},
    };
    return all;
}

QList<io::ImportColumn> importColumns()
{
    QList<io::ImportColumn> out;
    for (const Column &c : columns())
        out.append({c.key, c.required, c.names});
    return out;
}

// A problem with a row: its line, the column's index in the file (-1 for the row as a whole), the reason.
using Problem = io::RowProblem;

struct Row
{
    int line = 0;
    int tableIndex = 0;
    QString householdKey; // empty when the row cannot belong to a household (unknown village, no 户编号)
    QString villageId;
    QJsonObject member;
    QJsonObject household; // this row's values of the household's columns
    bool bad = false;
};

struct HouseholdDraft
{
    QString villageId;
    QList<int> rows;                               // indexes into the rows
    QHash<QString, QPair<QJsonValue, int>> values; // household field → value and the row that gave it
};

class Checker
{
public:
    Checker(const io::TableData &table, const RosterOptions &options)
        : m_table(table)
        , m_options(options)
        , m_villages(options.villages)
    {
        m_household = sync::RecordTypes::find(QString::fromUtf16(HouseholdType::kName));
        m_member = sync::RecordTypes::find(QString::fromUtf16(MemberType::kName));
        const QList<sync::FieldSpec> hs = m_household->fields();
        for (const sync::FieldSpec &s : hs)
            m_householdSpecs.insert(s.name, s);
        const QList<sync::FieldSpec> ms = m_member->fields();
        for (const sync::FieldSpec &s : ms)
            m_memberSpecs.insert(s.name, s);
        m_context.today = options.today;
        if (options.today.isValid())
            m_context.nowMs = options.today.startOfDay(Qt::UTC).toMSecsSinceEpoch();
    }

    RosterResult run();

private:
    bool findHeader(RosterResult &result);
    void readRow(int index, Row &row);
    std::optional<QJsonValue> cellValue(const Column &col, const QString &text, int line, int columnIndex);
    void checkHousehold(HouseholdDraft &draft);
    // RecordType::checkField, remembering what it said about values that repeat (choices, years, the
    // household's columns on each of its rows).
    std::optional<sync::FieldProblem> checkField(const sync::RecordType &type, const QString &key,
                                                 const QJsonValue &value, bool once)
    {
        if (once)
            return type.checkField(key, value);
        QString memoKey = key + u'\x1f';
        memoKey += value.isString() ? value.toString() : QString::number(value.toDouble(), 'g', 17);
        const auto it = m_seen.constFind(memoKey);
        if (it != m_seen.constEnd())
            return *it;
        std::optional<sync::FieldProblem> p = type.checkField(key, value);
        m_seen.insert(memoKey, p);
        return p;
    }
    void report(Row &row, int columnIndex, const QString &reason)
    {
        row.bad = true;
        m_problems.append({row.line, columnIndex, reason, false});
    }
    int columnOf(const QString &key) const { return m_header.columnOf(key); }
    QString columnKey(int column) const { return m_header.keyOf(column); }
    QString cell(const QStringList &cells, const QString &key) const
    {
        const int c = columnOf(key);
        return c < 0 ? QString() : cells.value(c).trimmed();
    }
    sync::Placement placement(const QString &villageId) const
    {
        sync::Placement p;
        p.orgUnitId = villageId;
        const OrgUnit *village = m_villages.byId(villageId);
        p.orgPath = village ? village->path : QString();
        p.orgLevel = OrgLevel::Village;
        return p;
    }

    const io::TableData &m_table;
    const RosterOptions &m_options;
    const sync::RecordType *m_household = nullptr;
    const sync::RecordType *m_member = nullptr;
    QHash<QString, sync::FieldSpec> m_householdSpecs;
    QHash<QString, sync::FieldSpec> m_memberSpecs;
    io::PlaceLookup m_villages;
    sync::RuleContext m_context;

    int m_headerRow = -1;
    io::ImportHeader m_header; // the header row and where each column is
    QList<Row> m_rows;
    QList<Problem> m_problems;
    QHash<QString, int> m_idLines; // 身份证号 → the first line it is on
    // What the record types said about a value of a choice or year column (they repeat across rows).
    QHash<QString, std::optional<sync::FieldProblem>> m_seen;
};

bool Checker::findHeader(RosterResult &result)
{
    static const QList<io::ImportColumn> known = importColumns();
    const std::optional<io::ImportHeader> header = io::findImportHeader(m_table, known);
    if (!header) {
        result.error =
            u"找不到表头：前 20 行中没有一行写着“村（社区）”“户编号”“姓名”“身份证号”“与户主关系”等列名"_s;
        return false;
    }
    m_header = *header;
    m_headerRow = header->row;
    result.headerLine = header->line;
    if (!header->missingColumns.isEmpty()) {
        result.error = u"花名册第 %1 行的表头缺少以下列：%2。请补上这些列后再导入"_s.arg(result.headerLine)
                           .arg(header->missingColumns.join(u"、"_s));
        return false;
    }
    return true;
}

std::optional<QJsonValue> Checker::cellValue(const Column &col, const QString &text, int line,
                                             int columnIndex)
{
    const sync::RecordType *type = col.target == Target::Member ? m_member : m_household;
    const sync::FieldSpec &spec =
        col.target == Target::Member ? m_memberSpecs[col.key] : m_householdSpecs[col.key];
    QJsonValue value;
    bool once = false; // a value unlikely to repeat: not remembered
    switch (spec.kind) {
    case sync::FieldKind::Choice: {
        QString problem;
        const std::optional<QString> choice =
            io::importChoice(spec, text, m_header.text(columnIndex), &problem);
        if (!choice) {
            m_problems.append({line, columnIndex, problem});
            return std::nullopt;
        }
        value = *choice;
        break;
    }
    case sync::FieldKind::Integer: {
        QString t = text;
        if (t.endsWith(u'年'))
            t.chop(1);
        if (t.endsWith(u".0"_s))
            t.chop(2);
        bool ok = false;
        const int n = t.toInt(&ok);
        value = ok ? QJsonValue(n) : QJsonValue(text);
        break;
    }
    case sync::FieldKind::IdNumber: {
        once = true;
        QString problem;
        const std::optional<QString> id = io::importIdNumber(text, &problem);
        if (!id) {
            m_problems.append({line, columnIndex, problem});
            return std::nullopt;
        }
        value = *id;
        break;
    }
    default:
        value = text;
        break;
    }
    if (col.target == Target::Member)
        return value; // checked with the whole member (readRow)
    if (const std::optional<sync::FieldProblem> p = checkField(*type, col.key, value, once)) {
        m_problems.append({line, columnIndex, p->message});
        return std::nullopt;
    }
    return value;
}

void Checker::readRow(int index, Row &row)
{
    const QStringList &cells = m_table.rows.at(index);
    const qsizetype before = m_problems.size();

    // The village: its 12-digit code or its name.
    const QString villageText = cell(cells, u"village"_s);
    const int villageColumn = columnOf(u"village"_s);
    QString placeProblem;
    if (villageText.isEmpty())
        m_problems.append({row.line, villageColumn, u"请填写“%1”"_s.arg(m_header.text(villageColumn))});
    else if (const OrgUnit *village = m_villages.find(villageText, &placeProblem))
        row.villageId = village->id;
    else
        m_problems.append({row.line, villageColumn, placeProblem});

    for (const Column &col : columns()) {
        if (col.target == Target::Village)
            continue;
        const int c = columnOf(col.key);
        if (c < 0)
            continue;
        const QString text = cells.value(c).trimmed();
        if (m_table.lostDigits(index, c)) {
            m_problems.append({row.line, c, io::lostDigitsProblem(m_header.text(c), text)});
            continue;
        }
        if (text.isEmpty() && m_table.formulaWithoutValue(index, c)) {
            m_problems.append({row.line, c, io::formulaWithoutValueProblem(m_header.text(c))});
            continue;
        }
        if (text.isEmpty()) {
            // A household's columns may be filled on one of its rows only (merged cells); checked per
            // household.
            if (col.required && col.target == Target::Member)
                m_problems.append({row.line, c, u"请填写“%1”"_s.arg(m_header.text(c))});
            if (col.key == u"householdNo"_s)
                m_problems.append({row.line, c, u"请填写“%1”"_s.arg(m_header.text(c))});
            continue;
        }
        const std::optional<QJsonValue> v = cellValue(col, text, row.line, c);
        if (!v)
            continue;
        (col.target == Target::Member ? row.member : row.household).insert(col.key, *v);
    }

    // The member as a record: each field, then what only the whole record shows (a birth date after today).
    // checkRecord stops at the first problem; when there is one, each field is checked on its own so that the
    // row shows all of them.
    QJsonObject fields = row.member;
    fields.insert(u"householdId"_s, u"00000000-0000-0000-0000-000000000000"_s);
    if (const std::optional<sync::FieldProblem> whole =
            m_member->checkRecord({}, fields, placement(row.villageId), m_context)) {
        const qsizetype mark = m_problems.size();
        for (auto it = row.member.constBegin(); it != row.member.constEnd(); ++it) {
            if (auto p = checkField(*m_member, it.key(), it.value(), it.key() == u"idNumber"_s))
                m_problems.append({row.line, columnOf(it.key()), p->message});
        }
        // A required field left empty is reported already (请填写…).
        if (m_problems.size() == mark && whole->code != u"MISSING_FIELD"_s)
            m_problems.append({row.line, columnOf(whole->field), whole->message});
        for (qsizetype i = mark; i < m_problems.size(); ++i)
            row.member.remove(columnKey(m_problems.at(i).column));
    }

    // The person: once in the file, not registered already.
    const QString id = row.member.value(u"idNumber"_s).toString();
    if (!id.isEmpty()) {
        const int idColumn = columnOf(u"idNumber"_s);
        const auto seen = m_idLines.constFind(id);
        if (seen != m_idLines.constEnd())
            m_problems.append({row.line, idColumn, u"此人在第 %1 行已出现，同一人只能登记一次"_s.arg(*seen)});
        else
            m_idLines.insert(id, row.line);
        if (m_options.registeredIdNumbers.contains(id))
            m_problems.append({row.line, idColumn, u"此人已登记在册（身份证号已有记录），不能重复登记"_s});
    }

    row.bad = m_problems.size() != before;
    const QString householdNo = row.household.value(u"householdNo"_s).toString();
    if (!row.villageId.isEmpty() && !householdNo.isEmpty())
        row.householdKey = row.villageId + u'\x1f' + householdNo;
}

void Checker::checkHousehold(HouseholdDraft &draft)
{
    // The household's columns: the first row that fills one gives it; the others must agree.
    for (const int r : std::as_const(draft.rows)) {
        Row &row = m_rows[r];
        for (auto it = row.household.constBegin(); it != row.household.constEnd(); ++it) {
            const auto given = draft.values.constFind(it.key());
            if (given == draft.values.constEnd()) {
                draft.values.insert(it.key(), {it.value(), r});
            } else if (given->first != it.value()) {
                const int c = columnOf(it.key());
                report(
                    row, c,
                    u"与同户第 %1 行的“%2”不一致"_s.arg(m_rows.at(given->second).line).arg(m_header.text(c)));
            }
        }
    }

    // One head.
    const int relationColumn = columnOf(u"relation"_s);
    int head = -1;
    for (const int r : std::as_const(draft.rows)) {
        Row &row = m_rows[r];
        if (row.member.value(u"relation"_s).toString() != u"head"_s)
            continue;
        if (head < 0)
            head = r;
        else
            report(row, relationColumn,
                   u"本户已有户主（第 %1 行），一户只能有一个户主"_s.arg(m_rows.at(head).line));
    }
    Row &first = m_rows[draft.rows.first()];
    if (head < 0) {
        // Unless a row's own relation is unreadable (then that row says so already).
        bool unreadable = false;
        for (const int r : std::as_const(draft.rows))
            unreadable = unreadable || !m_rows.at(r).member.contains(u"relation"_s);
        if (!unreadable)
            report(first, relationColumn,
                   u"本户（户编号 %1）没有“与户主关系”为“户主”的成员"_s.arg(
                       first.household.value(u"householdNo"_s).toString()));
        return;
    }

    const QString headName = m_rows.at(head).member.value(u"name"_s).toString();
    const auto named = draft.values.constFind(u"headName"_s);
    if (named == draft.values.constEnd()) {
        draft.values.insert(u"headName"_s, {headName, head});
    } else if (named->first.toString() != headName) {
        const int c = columnOf(u"headName"_s);
        report(m_rows[named->second], c,
               u"“%1”为“%2”，而户主（第 %3 行）的姓名是“%4”"_s.arg(m_header.text(c), named->first.toString())
                   .arg(m_rows.at(head).line)
                   .arg(headName));
    }

    // Required household columns that no row fills (a value given but unreadable is reported where it is).
    bool incomplete = false;
    for (const Column &col : columns()) {
        if (col.target != Target::Household || !col.required || draft.values.contains(col.key))
            continue;
        incomplete = true;
        const int c = columnOf(col.key);
        const bool given = std::any_of(draft.rows.begin(), draft.rows.end(), [&](int r) {
            return !m_table.rows.at(m_rows.at(r).tableIndex).value(c).trimmed().isEmpty();
        });
        if (!given)
            report(first, c, u"本户未填写“%1”"_s.arg(m_header.text(c)));
    }
    if (incomplete)
        return;

    // The household as a record, with its own rules (建档年份 not after this year ...).
    QJsonObject fields{{u"status"_s, u"registered"_s}};
    for (auto it = draft.values.constBegin(); it != draft.values.constEnd(); ++it)
        fields.insert(it.key(), it.value().first);
    if (const std::optional<sync::FieldProblem> p =
            m_household->checkRecord({}, fields, placement(draft.villageId), m_context)) {
        const auto source = draft.values.constFind(p->field);
        report(source == draft.values.constEnd() ? first : m_rows[source->second], columnOf(p->field),
               p->message);
    }
}

RosterResult Checker::run()
{
    RosterResult result;
    if (!m_table.ok()) {
        result.error = m_table.error;
        result.cancelled = m_table.cancelled;
        return result;
    }
    if (!m_household || !m_member) {
        result.error = u"程序缺少低收入户或家庭成员的记录类型"_s;
        return result;
    }
    if (!findHeader(result))
        return result;

    // Rows, each on its own.
    const qsizetype total = m_table.rows.size();
    m_rows.reserve(total - m_headerRow);
    for (qsizetype i = m_headerRow + 1; i < total; ++i) {
        if ((i & 1023) == 0 && m_options.progress && !m_options.progress(i, total)) {
            result.cancelled = true;
            result.error = io::cancelledMessage();
            return result;
        }
        const QStringList &cells = m_table.rows.at(i);
        if (io::isNoRecordRow(cells))
            continue;
        Row row;
        row.line = m_table.lineNumbers.value(i, int(i) + 1);
        row.tableIndex = int(i);
        readRow(int(i), row);
        m_rows.append(std::move(row));
    }
    result.rowsRead = int(m_rows.size());

    // Households, in the order they first appear.
    QHash<QString, qsizetype> index;
    QList<HouseholdDraft> drafts;
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        if (row.householdKey.isEmpty())
            continue;
        auto it = index.constFind(row.householdKey);
        if (it == index.constEnd()) {
            it = index.insert(row.householdKey, drafts.size());
            drafts.append({row.villageId, {}, {}});
        }
        drafts[*it].rows.append(r);
    }
    for (HouseholdDraft &d : drafts)
        checkHousehold(d);

    // Whole households only.
    for (const HouseholdDraft &d : std::as_const(drafts)) {
        const bool bad = std::any_of(d.rows.begin(), d.rows.end(), [&](int r) { return m_rows.at(r).bad; });
        if (bad) {
            for (const int r : d.rows) {
                if (!m_rows.at(r).bad) {
                    m_problems.append({m_rows.at(r).line, -1, u"同户有错误行，整户未导入"_s, true});
                    ++result.heldBackRows;
                }
            }
            continue;
        }
        RosterHousehold h;
        h.villageId = d.villageId;
        h.fields.insert(u"status"_s, u"registered"_s);
        for (auto it = d.values.constBegin(); it != d.values.constEnd(); ++it)
            h.fields.insert(it.key(), it.value().first);
        for (const int r : d.rows) {
            h.members.append(m_rows.at(r).member);
            h.lines.append(m_rows.at(r).line);
        }
        result.personCount += int(h.members.size());
        result.households.append(std::move(h));
    }
    for (const Row &row : std::as_const(m_rows))
        result.badRows += row.bad ? 1 : 0;

    result.problems = io::importReport(std::move(m_problems), m_header);
    if (m_options.progress)
        m_options.progress(total, total);
    return result;
}

} // namespace

bool hasRosterHeader(const io::TableData &table)
{
    static const QList<io::ImportColumn> known = importColumns();
    return io::findImportHeader(table, known).has_value();
}

RosterResult checkRoster(const io::TableData &table, const RosterOptions &options)
{
    return Checker(table, options).run();
}

QStringList rosterHeaderNames(const QString &key)
{
    for (const Column &c : columns()) {
        if (c.key == key)
            return c.names;
    }
    return {};
}

QStringList rosterHeaders(bool required)
{
    QStringList out;
    for (const Column &c : columns()) {
        if (c.required == required)
            out.append(c.names.first());
    }
    return out;
}

} // namespace sunshine::relief
