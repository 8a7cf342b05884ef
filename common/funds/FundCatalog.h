#pragma once

#include "funds/FundRules.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

// The fund catalog (资金项目): every fund line named in Art. 22 (一)-(二十一) of the regulation, each with
// its one lead department ("谁发放、谁录入、谁监管", Art. 6, 22, 27; DOMAIN.md rule 14), its kind (Art. 5),
// how it is paid and who receives it. The built-in catalog is shipped as resources/funds/fund-catalog.csv.
namespace sunshine::funds {

// Who receives the money of a fund line.
enum class Recipient
{
    Person,
    Household,
    Unit,
    Village,
    Project
};
QString recipientName(Recipient recipient); // "person", "household", "unit", "village", "project"
std::optional<Recipient> recipientFromName(const QString &name);
QString recipientChineseName(Recipient recipient); // "个人", "农户", "单位", "村", "项目"

struct FundLine
{
    QString code;           // stable ASCII id, e.g. "agri-central-production"
    QString article;        // the article item naming it, e.g. "二十二(十)"
    QString name;           // Chinese name as the regulation words it
    QString leadDepartment; // department code, e.g. "agriculture"
    FundKind kind = FundKind::Agricultural;
    PaymentCycle cycle = PaymentCycle::PerProject;
    Recipient recipient = Recipient::Project;
    QString note; // free text: the judgements behind kind, cycle and recipient
};

class FundCatalog
{
public:
    // The catalog shipped in the binary (resources/funds/fund-catalog.csv); one shared instance. A built-in
    // catalog that does not parse is a build defect: qFatal.
    static const FundCatalog &builtIn();

    // Reads UTF-8 CSV: lines of exactly 8 comma-separated fields (code, article, name, lead department,
    // kind, cycle, recipient, note); '#' comment lines, blank lines and the "code,..." header are skipped.
    // Strict: a wrong field count, an empty or non-ASCII code, an empty article, name or department, an
    // unknown kind, cycle or recipient, or a duplicate code is an error naming the line ("line N: ..."), and
    // the catalog is left unchanged. Replaces the lines on success.
    bool loadCsv(const QByteArray &csv, QString *error);

    QList<FundLine> lines() const { return m_lines; } // in file order
    std::optional<FundLine> find(const QString &code) const;
    QList<FundLine> ofDepartment(const QString &departmentCode) const;

private:
    QList<FundLine> m_lines;
};

// The fund line with this code in the catalog in force: the built-in lines and those admins added. Every rule
// looks lines up here, never in builtIn() directly.
std::optional<FundLine> findFundLine(const QString &code);
// Every line of the catalog in force, built-in lines first.
QList<FundLine> allFundLines();

} // namespace sunshine::funds
