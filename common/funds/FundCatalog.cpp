#include "funds/FundCatalog.h"

#include <QFile>
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
        FundLine l;
        l.code = f[0].trimmed();
        l.article = f[1].trimmed();
        l.name = f[2].trimmed();
        l.leadDepartment = f[3].trimmed();
        l.note = f[7].trimmed();
        if (!isValidCode(l.code))
            return fail(lineNo, u"bad code \"%1\" (lower-case ASCII letters, digits and '-')"_s.arg(l.code));
        if (codes.contains(l.code))
            return fail(lineNo, u"duplicate code \"%1\""_s.arg(l.code));
        if (l.article.isEmpty())
            return fail(lineNo, u"empty article"_s);
        if (l.name.isEmpty())
            return fail(lineNo, u"empty name"_s);
        if (!isValidCode(l.leadDepartment))
            return fail(lineNo, u"bad lead department \"%1\""_s.arg(l.leadDepartment));
        const std::optional<FundKind> kind = fundKindFromName(f[4].trimmed());
        if (!kind)
            return fail(lineNo, u"unknown kind \"%1\""_s.arg(f[4].trimmed()));
        const std::optional<PaymentCycle> cycle = paymentCycleFromName(f[5].trimmed());
        if (!cycle)
            return fail(lineNo, u"unknown payment cycle \"%1\""_s.arg(f[5].trimmed()));
        const std::optional<Recipient> recipient = recipientFromName(f[6].trimmed());
        if (!recipient)
            return fail(lineNo, u"unknown recipient \"%1\""_s.arg(f[6].trimmed()));
        l.kind = *kind;
        l.cycle = *cycle;
        l.recipient = *recipient;
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

std::optional<FundLine> findFundLine(const QString &code)
{
    return FundCatalog::builtIn().find(code);
}

QList<FundLine> allFundLines()
{
    return FundCatalog::builtIn().lines();
}

} // namespace sunshine::funds
