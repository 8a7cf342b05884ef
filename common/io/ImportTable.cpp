#include "common/io/ImportTable.h"

#include "common/core/IdCard.h"

#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::io {

QString headerKey(const QString &text)
{
    static const QRegularExpression parens(u"[（(][^）)]*[）)]"_s);
    QString s = text;
    if (s.contains(u'(') || s.contains(u'（'))
        s.remove(parens);
    QString out;
    out.reserve(s.size());
    for (const QChar c : std::as_const(s)) {
        if (!c.isSpace() && c != u'*' && c != u'＊')
            out.append(c);
    }
    return out;
}

std::optional<ImportHeader> findImportHeader(const TableData &table, const QList<ImportColumn> &columns,
                                             int minimum, int scanRows)
{
    QHash<QString, QString> byHeader; // normalised header → column key
    for (const ImportColumn &c : columns) {
        for (const QString &n : c.names)
            byHeader.insert(headerKey(n), c.key);
    }
    const int scan = int(qMin<qsizetype>(table.rows.size(), scanRows));
    for (int r = 0; r < scan; ++r) {
        const QStringList &cells = table.rows.at(r);
        QHash<QString, int> found;
        for (int c = 0; c < cells.size(); ++c) {
            const QString key = byHeader.value(headerKey(cells.at(c)));
            if (!key.isEmpty() && !found.contains(key))
                found.insert(key, c);
        }
        if (found.size() < minimum)
            continue;
        ImportHeader header;
        header.row = r;
        header.line = table.lineNumbers.value(r, r + 1);
        header.index = found;
        header.texts = cells;
        for (const ImportColumn &c : columns) {
            if (c.required && !found.contains(c.key))
                header.missingColumns.append(c.names.first());
        }
        return header;
    }
    return std::nullopt;
}

QList<ImportProblem> importReport(QList<RowProblem> problems, const ImportHeader &header)
{
    std::stable_sort(problems.begin(), problems.end(), [](const RowProblem &a, const RowProblem &b) {
        if (a.line != b.line)
            return a.line < b.line;
        const unsigned ca = unsigned(a.column), cb = unsigned(b.column); // -1 (the whole row) last
        return ca < cb;
    });
    QList<ImportProblem> out;
    out.reserve(problems.size());
    for (const RowProblem &p : std::as_const(problems))
        out.append({p.line, p.column < 0 ? QString() : header.text(p.column), p.reason, p.heldBack});
    return out;
}

PlaceLookup::PlaceLookup(const QList<OrgUnit> &units)
    : m_units(units)
{
    for (qsizetype i = 0; i < m_units.size(); ++i) {
        m_byCode.insert(m_units.at(i).id, i);
        m_byName[m_units.at(i).name.trimmed()].append(i);
    }
}

const OrgUnit *PlaceLookup::byId(const QString &id) const
{
    const auto it = m_byCode.constFind(id);
    return it == m_byCode.constEnd() ? nullptr : &m_units.at(*it);
}

const OrgUnit *PlaceLookup::find(const QString &textIn, QString *problem) const
{
    const QString text = textIn.trimmed();
    if (const OrgUnit *u = byId(text))
        return u;
    const QList<qsizetype> named = m_byName.value(text);
    if (named.size() == 1)
        return &m_units.at(named.first());
    if (named.size() > 1)
        *problem = u"有 %1 个村（社区）叫“%2”，请改填 12 位村代码"_s.arg(named.size()).arg(text);
    else
        *problem = u"本辖区没有村（社区）“%1”，请填写村名或 12 位村代码"_s.arg(text.left(40));
    return nullptr;
}

const QHash<QString, QString> &choiceSynonyms()
{
    // What clerks' rosters write for the labels of the choice columns (README lists them). A synonym is used
    // only where its label is one of the column's choices.
    static const QHash<QString, QString> synonyms{
        {u"本人"_s, u"户主"_s},
        {u"妻"_s, u"配偶"_s},
        {u"妻子"_s, u"配偶"_s},
        {u"夫"_s, u"配偶"_s},
        {u"丈夫"_s, u"配偶"_s},
        {u"之妻"_s, u"配偶"_s},
        {u"之夫"_s, u"配偶"_s},
        {u"子"_s, u"子女"_s},
        {u"女"_s, u"子女"_s},
        {u"之子"_s, u"子女"_s},
        {u"之女"_s, u"子女"_s},
        {u"儿子"_s, u"子女"_s},
        {u"女儿"_s, u"子女"_s},
        {u"长子"_s, u"子女"_s},
        {u"次子"_s, u"子女"_s},
        {u"长女"_s, u"子女"_s},
        {u"次女"_s, u"子女"_s},
        {u"父"_s, u"父母"_s},
        {u"母"_s, u"父母"_s},
        {u"父亲"_s, u"父母"_s},
        {u"母亲"_s, u"父母"_s},
        {u"之父"_s, u"父母"_s},
        {u"之母"_s, u"父母"_s},
        {u"孙子"_s, u"孙子女"_s},
        {u"孙女"_s, u"孙子女"_s},
        {u"之孙子"_s, u"孙子女"_s},
        {u"之孙女"_s, u"孙子女"_s},
        {u"外孙子"_s, u"孙子女"_s},
        {u"外孙女"_s, u"孙子女"_s},
        {u"兄"_s, u"兄弟姐妹"_s},
        {u"弟"_s, u"兄弟姐妹"_s},
        {u"姐"_s, u"兄弟姐妹"_s},
        {u"妹"_s, u"兄弟姐妹"_s},
        {u"缺劳动力"_s, u"缺劳力"_s},
        {u"因残疾"_s, u"因残"_s},
        {u"因灾害"_s, u"因灾"_s},
        {u"缺少资金"_s, u"缺资金"_s},
        {u"缺少技术"_s, u"缺技术"_s},
        {u"因上学"_s, u"因学"_s},
        {u"普通劳动力"_s, u"有劳动能力"_s},
        {u"技能劳动力"_s, u"有劳动能力"_s},
        {u"弱劳动力"_s, u"弱劳动能力"_s},
        {u"半劳动力"_s, u"弱劳动能力"_s},
        {u"丧失劳动力"_s, u"无劳动能力"_s},
        {u"无劳动力"_s, u"无劳动能力"_s},
    };
    return synonyms;
}

std::optional<QString> importChoice(const sync::FieldSpec &spec, const QString &text, const QString &header,
                                    QString *problem)
{
    qsizetype i = spec.choiceLabels.indexOf(text);
    if (i < 0)
        i = spec.choices.indexOf(text);
    if (i < 0) {
        const auto synonym = choiceSynonyms().constFind(QString(text).remove(u' '));
        if (synonym != choiceSynonyms().constEnd())
            i = spec.choiceLabels.indexOf(*synonym);
    }
    if (i >= 0)
        return spec.choices.at(i);
    *problem =
        u"无法识别“%1”，“%2”应为 %3 之一"_s.arg(text.left(40), header, spec.choiceLabels.join(u"、"_s));
    return std::nullopt;
}

bool isNoRecordRow(const QStringList &cells)
{
    static const QRegularExpression footer(
        u"^(合计|总计|小计|共计|累计|共\\d+(户|人|笔|条)|制表|审核|复核|填表|填报|经办人|负责人|单位负责人|"
        u"(制表|填表|填报)?日期[:：]|说明[:：]|注[:：])"_s);
    for (const QString &cell : cells) {
        QString text = cell.trimmed();
        if (text.isEmpty())
            continue;
        text.remove(u' ');
        text.remove(u'\u3000');
        return footer.match(text).hasMatch();
    }
    return true; // empty
}

QString lostDigitsProblem(const QString &header, const QString &shown)
{
    return u"“%1”中的“%2”被 Excel 存成了数字，只保留了 15 位有效数字，后几位已丢失。请把该列设为“文本”格式后"
           u"重新输入，或在号码前加英文单引号（'）"_s.arg(header, shown.left(40));
}

QString formulaWithoutValueProblem(const QString &header)
{
    return u"“%1”是公式，文件中没有保存计算结果（由程序生成的表格常见）；请在 Excel 或 WPS 中打开、保存后再导入"_s
        .arg(header);
}

std::optional<QString> numericPeriod(const QString &shown, const QString &header, QString *problem)
{
    static const QRegularExpression number(u"^(\\d{4})\\.(\\d{1,2})$"_s);
    const QRegularExpressionMatch m = number.match(shown.trimmed());
    const int month = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (m.captured(2) == u"1"_s) {
        *problem =
            u"“%1”中的“%2”被 Excel 存成了数字，无法分辨是 1 月还是 10 月；请把该列设为“文本”格式后填写 "
            u"%3-01 或 %3-10"_s.arg(header, shown.left(40), m.captured(1));
        return std::nullopt;
    }
    if (month < 1 || month > 12) {
        *problem = u"“%1”中的“%2”被 Excel 存成了数字，无法识别为所属期；请把该列设为“文本”格式后填写 2026-03 "
                   u"或 2026Q1"_s.arg(header, shown.left(40));
        return std::nullopt;
    }
    return u"%1-%2"_s.arg(m.captured(1)).arg(month, 2, 10, QChar(u'0'));
}

bool plausibleYear(int year)
{
    return year >= 2000 && year <= 2100;
}

std::optional<QString> parseDateText(const QString &textIn)
{
    const QString text = textIn.trimmed();
    // The usual forms first: ISO, as .xlsx date cells and most exports give it.
    if (text.size() == 10 && text.at(4) == u'-' && text.at(7) == u'-') {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        return d.isValid() && plausibleYear(d.year()) ? std::optional<QString>(d.toString(Qt::ISODate))
                                                      : std::nullopt;
    }
    static const QRegularExpression separated(
        u"^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?$"_s);
    static const QRegularExpression compact(u"^(\\d{4})(\\d{2})(\\d{2})$"_s);
    static const QRegularExpression serial(u"^(\\d{5})(?:\\.\\d+)?$"_s);
    QDate d;
    if (auto m = separated.match(text); m.hasMatch())
        d = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    else if (auto c = compact.match(text); c.hasMatch())
        d = QDate(c.captured(1).toInt(), c.captured(2).toInt(), c.captured(3).toInt());
    else if (auto s = serial.match(text); s.hasMatch())
        d = QDate(1899, 12, 30).addDays(s.captured(1).toInt()); // Excel's day count (1900 system)
    if (!d.isValid() || !plausibleYear(d.year()))
        return std::nullopt;
    return d.toString(Qt::ISODate);
}

std::optional<QDateTime> parseDateTimeText(const QString &textIn)
{
    const QString text = textIn.trimmed();
    static const QRegularExpression withTime(u"^(.+?)[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?$"_s);
    static const QRegularExpression compact(u"^(\\d{8})\\s*(\\d{2})(\\d{2})(\\d{2})$"_s);
    static const QRegularExpression serial(u"^(\\d{5})\\.(\\d+)$"_s);
    QString datePart = text;
    QTime time(0, 0);
    if (auto m = withTime.match(text); m.hasMatch()) {
        datePart = m.captured(1);
        time = QTime(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
    } else if (auto c = compact.match(text); c.hasMatch()) {
        datePart = c.captured(1);
        time = QTime(c.captured(2).toInt(), c.captured(3).toInt(), c.captured(4).toInt());
    } else if (auto s = serial.match(text); s.hasMatch()) {
        // An Excel date-time: the day count and the fraction of the day.
        const double fraction = QString(u"0."_s + s.captured(2)).toDouble();
        time = QTime(0, 0).addSecs(qRound(fraction * 86400.0) % 86400);
        datePart = s.captured(1);
    }
    if (!time.isValid())
        return std::nullopt;
    const std::optional<QString> date = parseDateText(datePart);
    if (!date)
        return std::nullopt;
    return QDateTime(QDate::fromString(*date, Qt::ISODate), time, Qt::UTC);
}

bool isExcelExponentText(const QString &text)
{
    return text.contains(u"E+"_s, Qt::CaseInsensitive);
}

std::optional<QString> importIdNumber(const QString &text, QString *problem)
{
    QString t = text;
    t.remove(u' ');
    const IdCard card = IdCard::parse(t, QDate(9999, 12, 31));
    if (card.isValid())
        return card.number();
    if (isExcelExponentText(t)) {
        *problem = u"身份证号“%1”被 Excel 存成了数字，后几位已丢失；请把该列设为文本格式后重新填写"_s.arg(
            text.left(40));
        return std::nullopt;
    }
    return t;
}

} // namespace sunshine::io
