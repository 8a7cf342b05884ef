#include "common/funds/FundCatalog.h"

#include <QFile>
#include <QHash>
#include <QReadWriteLock>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

namespace {

constexpr qsizetype kColumns = 8;

bool isCodeChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

bool isValidCode(const QString &code)
{
    if (code.isEmpty())
        return false;
    for (QChar c : code) {
        if (!isCodeChar(c))
            return false;
    }
    return true;
}

} // namespace

QString recipientName(Recipient recipient)
{
    switch (recipient) {
    case Recipient::Person:
        return u"person"_s;
    case Recipient::Household:
        return u"household"_s;
    case Recipient::Unit:
        return u"unit"_s;
    case Recipient::Village:
        return u"village"_s;
    case Recipient::Project:
        return u"project"_s;
    }
    return {};
}

std::optional<Recipient> recipientFromName(const QString &name)
{
    for (Recipient r :
         {Recipient::Person, Recipient::Household, Recipient::Unit, Recipient::Village, Recipient::Project}) {
        if (recipientName(r) == name)
            return r;
    }
    return std::nullopt;
}

QString recipientChineseName(Recipient recipient)
{
    switch (recipient) {
    case Recipient::Person:
        return u"个人"_s;
    case Recipient::Household:
        return u"农户"_s;
    case Recipient::Unit:
        return u"单位"_s;
    case Recipient::Village:
        return u"村"_s;
    case Recipient::Project:
        return u"项目"_s;
    }
    return {};
}

const FundCatalog &FundCatalog::builtIn()
{
    static const FundCatalog catalog = [] {
        FundCatalog c;
        QFile file(u":/funds/fund-catalog.csv"_s);
        QString error = u"cannot open :/funds/fund-catalog.csv"_s;
        if (!file.open(QIODevice::ReadOnly) || !c.loadCsv(file.readAll(), &error))
            qFatal("The built-in fund catalog cannot be read: %s", qPrintable(error));
        return c;
    }();
    return catalog;
}

std::optional<FundLineProblem> FundCatalog::validateLine(const FundLineText &text, FundLine *line)
{
    auto problem = [](const char16_t *field, const QString &message, const QString &chinese) {
        return FundLineProblem{QString::fromUtf16(field), message, chinese};
    };
    FundLine l;
    l.code = text.code.trimmed();
    l.article = text.article.trimmed();
    l.name = text.name.trimmed();
    l.leadDepartment = text.leadDepartment.trimmed();
    l.note = text.note.trimmed();
    const QString kindText = text.kind.trimmed();
    const QString cycleText = text.cycle.trimmed();
    const QString recipientText = text.recipient.trimmed();
    if (!isValidCode(l.code))
        return problem(u"code", u"bad code \"%1\" (lower-case ASCII letters, digits and '-')"_s.arg(l.code),
                       u"编码只能由小写英文字母、数字和“-”组成，且不能为空"_s);
    if (l.code.size() > kMaxCodeLength)
        return problem(u"code", u"code longer than %1 characters"_s.arg(kMaxCodeLength),
                       u"编码不能超过 %1 个字符"_s.arg(kMaxCodeLength));
    if (l.article.isEmpty())
        return problem(u"article", u"empty article"_s, u"请填写条款（如“二十二(十)”）"_s);
    if (l.article.size() > kMaxArticleLength)
        return problem(u"article", u"article longer than %1 characters"_s.arg(kMaxArticleLength),
                       u"条款不能超过 %1 个字符"_s.arg(kMaxArticleLength));
    if (l.name.isEmpty())
        return problem(u"name", u"empty name"_s, u"请填写资金项目名称"_s);
    if (l.name.size() > kMaxNameLength)
        return problem(u"name", u"name longer than %1 characters"_s.arg(kMaxNameLength),
                       u"资金项目名称不能超过 %1 个字符"_s.arg(kMaxNameLength));
    if (!isValidCode(l.leadDepartment) || l.leadDepartment.size() > kMaxCodeLength)
        return problem(u"leadDepartment", u"bad lead department \"%1\""_s.arg(l.leadDepartment),
                       u"牵头部门编码不正确"_s);
    const std::optional<FundKind> kind = fundKindFromName(kindText);
    if (!kind)
        return problem(
            u"kind", u"unknown kind \"%1\""_s.arg(kindText),
            u"资金类别“%1”不正确（应为财政扶贫济困资金、社会捐助资金、其他扶贫济困资金或涉农资金）"_s.arg(
                kindText.left(32)));
    const std::optional<PaymentCycle> cycle = paymentCycleFromName(cycleText);
    if (!cycle)
        return problem(u"cycle", u"unknown payment cycle \"%1\""_s.arg(cycleText),
                       u"发放方式“%1”不正确（应为按月、按季、一次性或按项目）"_s.arg(cycleText.left(32)));
    const std::optional<Recipient> recipient = recipientFromName(recipientText);
    if (!recipient)
        return problem(u"recipient", u"unknown recipient \"%1\""_s.arg(recipientText),
                       u"发放对象“%1”不正确（应为个人、农户、单位、村或项目）"_s.arg(recipientText.left(32)));
    if (l.note.size() > kMaxNoteLength)
        return problem(u"note", u"note longer than %1 characters"_s.arg(kMaxNoteLength),
                       u"备注不能超过 %1 个字符"_s.arg(kMaxNoteLength));
    l.kind = *kind;
    l.cycle = *cycle;
    l.recipient = *recipient;
    if (line)
        *line = l;
    return std::nullopt;
}

bool FundCatalog::loadCsv(const QByteArray &csv, QString *error)
{
    const QString text = QString::fromUtf8(csv);
    const QStringList rawLines = text.split(u'\n');
    QList<FundLine> parsed;
    QSet<QString> codes;
    auto fail = [error](int lineNo, const QString &reason) {
        if (error)
            *error = u"line %1: %2"_s.arg(lineNo).arg(reason);
        return false;
    };
    int lineNo = 0;
    for (const QString &rawLine : rawLines) {
        ++lineNo;
        QString line = rawLine;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (lineNo == 1 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.trimmed().isEmpty() || line.startsWith(u'#') || line.startsWith(u"code,"_s))
            continue;
        const QStringList f = line.split(u',');
        if (f.size() != kColumns)
            return fail(lineNo, u"%1 fields, expected %2"_s.arg(f.size()).arg(kColumns));
        const QString code = f[0].trimmed();
        if (isValidCode(code) && codes.contains(code))
            return fail(lineNo, u"duplicate code \"%1\""_s.arg(code));
        FundLine l;
        if (const auto p = validateLine({f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]}, &l))
            return fail(lineNo, p->message);
        codes.insert(l.code);
        parsed.append(l);
    }
    m_lines = parsed;
    return true;
}

std::optional<FundLine> FundCatalog::find(const QString &code) const
{
    for (const FundLine &l : m_lines) {
        if (l.code == code)
            return l;
    }
    return std::nullopt;
}

QList<FundLine> FundCatalog::ofDepartment(const QString &departmentCode) const
{
    QList<FundLine> result;
    for (const FundLine &l : m_lines) {
        if (l.leadDepartment == departmentCode)
            result.append(l);
    }
    return result;
}

QJsonObject fundLineToJson(const FundLine &line)
{
    return {{u"code"_s, line.code},
            {u"article"_s, line.article},
            {u"name"_s, line.name},
            {u"leadDepartment"_s, line.leadDepartment},
            {u"kind"_s, fundKindName(line.kind)},
            {u"cycle"_s, paymentCycleName(line.cycle)},
            {u"recipient"_s, recipientName(line.recipient)},
            {u"note"_s, line.note}};
}

std::optional<FundLine> fundLineFromJson(const QJsonObject &json)
{
    auto text = [&json](const char16_t *key) {
        return json.value(QString::fromUtf16(key)).toString();
    };
    FundLine line;
    if (FundCatalog::validateLine({text(u"code"), text(u"article"), text(u"name"), text(u"leadDepartment"),
                                   text(u"kind"), text(u"cycle"), text(u"recipient"), text(u"note")},
                                  &line))
        return std::nullopt;
    return line;
}

QList<FundLine> fundLinesFromJson(const QJsonArray &items)
{
    QList<FundLine> lines;
    for (const QJsonValue &v : items) {
        if (std::optional<FundLine> line = fundLineFromJson(v.toObject()))
            lines.append(*line);
    }
    return lines;
}

bool canManageFundLines(const RoleSet &roles, OrgLevel level)
{
    return roles.contains(Role::Admin) && level == OrgLevel::City;
}

namespace {

// The lines administrators added, and the server's resolver for codes not seen yet.
struct AddedLines
{
    QReadWriteLock lock;
    QList<FundLine> lines;
    QHash<QString, qsizetype> index;
    FundCatalog::MissResolver resolver;
    quint64 resolverToken = 0;
};

AddedLines &added()
{
    static AddedLines a;
    return a;
}

// Appends `line` unless built in or already there; the caller holds the write lock.
void addLocked(AddedLines &a, const FundLine &line)
{
    if (FundCatalog::builtIn().find(line.code) || a.index.contains(line.code))
        return;
    a.index.insert(line.code, a.lines.size());
    a.lines.append(line);
}

} // namespace

void FundCatalog::setAddedLines(const QList<FundLine> &lines)
{
    AddedLines &a = added();
    QWriteLocker locker(&a.lock);
    a.lines.clear();
    a.index.clear();
    for (const FundLine &l : lines)
        addLocked(a, l);
}

QList<FundLine> FundCatalog::addedLines()
{
    AddedLines &a = added();
    QReadLocker locker(&a.lock);
    return a.lines;
}

bool FundCatalog::isBuiltIn(const QString &code)
{
    return builtIn().find(code).has_value();
}

quint64 FundCatalog::setMissResolver(MissResolver resolver)
{
    AddedLines &a = added();
    QWriteLocker locker(&a.lock);
    a.resolver = std::move(resolver);
    return ++a.resolverToken;
}

void FundCatalog::clearMissResolver(quint64 token)
{
    AddedLines &a = added();
    QWriteLocker locker(&a.lock);
    if (a.resolverToken == token)
        a.resolver = nullptr;
}

std::optional<FundLine> findFundLine(const QString &code)
{
    if (std::optional<FundLine> line = FundCatalog::builtIn().find(code))
        return line;
    AddedLines &a = added();
    FundCatalog::MissResolver resolver;
    {
        QReadLocker locker(&a.lock);
        const auto it = a.index.constFind(code);
        if (it != a.index.constEnd())
            return a.lines.at(*it);
        resolver = a.resolver;
    }
    if (!resolver || code.isEmpty())
        return std::nullopt;
    std::optional<FundLine> found = resolver(code);
    if (!found || found->code != code)
        return std::nullopt;
    QWriteLocker locker(&a.lock);
    addLocked(a, *found);
    return found;
}

QList<FundLine> allFundLines()
{
    return FundCatalog::builtIn().lines() + FundCatalog::addedLines();
}

QString fundLineName(const QString &code)
{
    const std::optional<FundLine> line = findFundLine(code);
    return line ? line->name : code;
}

QString leadDepartmentOf(const QString &code)
{
    const std::optional<FundLine> line = findFundLine(code);
    return line ? line->leadDepartment : u"finance"_s;
}

} // namespace sunshine::funds
