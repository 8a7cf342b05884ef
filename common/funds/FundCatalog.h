#pragma once

#include "common/auth/Role.h"
#include "common/funds/FundRules.h"
#include "common/org/OrgUnit.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
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

// Why one line cannot be in the catalog: the field at fault ("code", "article", "name", "leadDepartment",
// "kind", "cycle", "recipient", "note"), the reason in English (as the CSV reader words it) and in Chinese
// (as the server answers an administrator).
struct FundLineProblem
{
    QString field;
    QString message;
    QString chineseMessage;
};

// The raw text of one line, as read from the CSV or sent by an administrator (trimmed by the check).
struct FundLineText
{
    QString code;
    QString article;
    QString name;
    QString leadDepartment;
    QString kind;      // fundKindName()
    QString cycle;     // paymentCycleName()
    QString recipient; // recipientName()
    QString note;
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

    // The check loadCsv makes of each line (all but the duplicate code, which needs the other lines): a
    // code of lower-case ASCII letters, digits and '-' (at most kMaxCodeLength), an article, a name and a
    // department code, a known kind, cycle and recipient, and no field longer than its limit. Fills `line`
    // (when given) on success.
    static std::optional<FundLineProblem> validateLine(const FundLineText &text, FundLine *line);
    static constexpr int kMaxCodeLength = 64; // the fundCode field of the records
    static constexpr int kMaxArticleLength = 40;
    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxNoteLength = 500;

    // The lines administrators added (the server's fund_lines table; the app's copy of it), which
    // findFundLine() and allFundLines() see beside the built-in ones. Process-wide and thread-safe; a line
    // whose code is built in is ignored (built-in lines never change).
    static void setAddedLines(const QList<FundLine> &lines);
    static QList<FundLine> addedLines();
    static bool isBuiltIn(const QString &code);

    // Server only: asked for a code found neither built in nor among the added lines (another server process
    // on the same database may have added it since); a line it returns is remembered among the added lines.
    // Runs on the thread of the lookup, outside any lock. Returns a token for clearMissResolver(), which
    // clears the resolver only while it is still the one that token set.
    using MissResolver = std::function<std::optional<FundLine>(const QString &code)>;
    static quint64 setMissResolver(MissResolver resolver);
    static void clearMissResolver(quint64 token);

    QList<FundLine> lines() const { return m_lines; } // in file order
    std::optional<FundLine> find(const QString &code) const;
    QList<FundLine> ofDepartment(const QString &departmentCode) const;

private:
    QList<FundLine> m_lines;
};

// A line on the wire: {"code","article","name","leadDepartment","kind","cycle","recipient","note"} with the
// kind, cycle and recipient by their wire names. fundLineFromJson applies FundCatalog::validateLine and gives
// nothing for a line that does not pass it.
QJsonObject fundLineToJson(const FundLine &line);
std::optional<FundLine> fundLineFromJson(const QJsonObject &json);
// The lines of a JSON array (as GET /api/v1/fund-lines and the app's cache hold them); items that do not
// pass are left out.
QList<FundLine> fundLinesFromJson(const QJsonArray &items);

// Who may add fund lines to the catalog and remove unused added ones: administrators at city level. The
// catalog is city-wide (one lead department per line, Art. 22), so county and town administrators may not.
bool canManageFundLines(const RoleSet &roles, OrgLevel level);

// The fund line with this code in the catalog in force: the built-in lines and those admins added. Every rule
// looks lines up here, never in builtIn() directly.
std::optional<FundLine> findFundLine(const QString &code);
// Every line of the catalog in force, built-in lines first.
QList<FundLine> allFundLines();
// The name of the line in force with this code (the code itself for a line no longer in the catalog).
QString fundLineName(const QString &code);
// "Who pays supervises": the lead department of the line (finance for a line no longer in the catalog).
QString leadDepartmentOf(const QString &code);

} // namespace sunshine::funds
