#pragma once

#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"
#include "common/org/OrgUnit.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Reading a household roster (花名册) as villages keep it in Excel: one row per person, the household's own
// columns repeated on its rows (or filled on one of them only, as merged cells give them).
//
// The header row is the first of the table's first 20 rows that names at least three known columns; rows
// above it (a title) are ignored, as are columns nobody knows (序号, 备注 ...). Headers are compared without
// spaces, asterisks and anything in parentheses, so 村（社区）, 村(居), *身份证号 and 身份证号（18位） all
// match. The columns and the names accepted for them:
//
//   村（社区）    村, 社区, 村名, 村名称, 所在村, 行政村, 村代码 — the village's name or its 12-digit code
//   户编号       户号, 户编码
//   户主姓名      户主 — optional; otherwise the name on the row whose 与户主关系 is 户主
//   姓名         成员姓名, 家庭成员姓名
//   身份证号      身份证号码, 身份证, 公民身份号码, 证件号码
//   与户主关系
//   致贫原因      主要致贫原因
//   建档年份      建档年度, 识别年度, 识别年份
//   联系电话      电话, 联系方式 — optional
//   健康状况      — optional
//   劳动能力      劳动技能 — optional
//   家庭住址      住址, 地址 — optional
//   一折通开户行   开户行, 开户银行 — optional
//   一折通账号     一折通账户, 银行账号 — optional
//
// A file without one of the required columns (all but the optional ones) imports nothing and says which
// columns are missing. Choice columns take the Chinese labels of the record types' own choices (因病, 配偶,
// 长期慢性病 ...); 建档年份 may read 2016, 2016年 or 2016.0.
//
// Every row is checked with the household and member record types' own checks (checkField, checkRecord with
// the caller's date) plus the roster's rules: a known village, a person only once in the file and not
// registered already, the household's columns agreeing across its rows, one 户主 per household. Rows are
// grouped by (village, 户编号). Empty rows are skipped.
//
// No half households: a household is imported only when every one of its rows is good. Each bad row is
// reported with its reasons (one entry per problem), and the good rows of a household with a bad row are
// reported as "同户有错误行，整户未导入".
namespace sunshine::relief {

// line, column header, reason; heldBack: the row itself is good, its household has a bad row.
using RosterProblem = io::ImportProblem;

struct RosterHousehold
{
    QString villageId;
    QJsonObject fields;         // household fields in wire values; status "registered"
    QList<QJsonObject> members; // member fields in wire values, without householdId (set when saving)
    QList<int> lines;           // the members' lines in the file
};

struct RosterOptions
{
    QDate today; // for the checks of birth dates and years
    // The villages rows may name (by name or 12-digit code), e.g. those of the user's area.
    QList<OrgUnit> villages;
    // 身份证号 of people registered already (in the local cache).
    QSet<QString> registeredIdNumbers;
    // Rows checked so far out of all rows; returning false stops (the result is then cancelled).
    io::ProgressCallback progress;
};

struct RosterResult
{
    QList<RosterHousehold> households; // the households to create, all rows good, in file order
    QList<RosterProblem> problems;     // by line, then column order
    int headerLine = 0;                // the header row's line
    int rowsRead = 0;                  // non-empty rows below the header
    int badRows = 0;                   // rows with a problem of their own
    int heldBackRows = 0;              // good rows of households with a bad row
    int personCount = 0;               // persons in `households`
    QString error;                     // why nothing could be checked (no header, a column missing), Chinese
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Checks a roster read by io::readTable. Pure: the caller saves RosterResult::households.
RosterResult checkRoster(const io::TableData &table, const RosterOptions &options);
// Whether a table (one worksheet) has a roster's header: the sheet an import reads (io::ReadOptions::
// acceptSheet) when a workbook starts with an instructions sheet.
bool hasRosterHeader(const io::TableData &table);

// The header names accepted for a column (the first is the canonical one), by field key: "village",
// "householdNo", "headName", "name", "idNumber", "relation", "povertyCause", "registeredYear", "phone",
// "health", "labour", "address", "passbookBank", "passbookAccount".
QStringList rosterHeaderNames(const QString &key);
// The canonical headers of the required columns, or of the optional ones, in template order.
QStringList rosterHeaders(bool required);

} // namespace sunshine::relief
