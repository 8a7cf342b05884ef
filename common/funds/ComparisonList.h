#pragma once

#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"
#include "common/sync/RecordType.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

// Comparison lists (比对名单, MODULES.md §5): people who must not be paid relief, or not any more, as other
// bodies register them: the deceased (公安/民政), those on the public payroll (财政供养人员), owners of
// vehicles (车辆登记), buyers of commercial housing (商品房登记) and company owners (工商登记). County and
// city reviewers import them (Art. 26: queried lawfully, kept confidential); BENEFICIARY_ON_LIST compares
// every payment with them.
namespace sunshine::funds {

enum class ComparisonList
{
    Deceased,
    Payroll,
    Vehicle,
    Housing,
    Company
};
QString comparisonListName(ComparisonList list); // "deceased", "payroll", "vehicle", "housing", "company"
std::optional<ComparisonList> comparisonListFromName(const QString &name);
QString comparisonListChinese(
    ComparisonList list); // "死亡人员", "财政供养人员", "车辆登记", "商品房登记", "工商登记"
QList<ComparisonList> allComparisonLists();

// 比对名单条目: one person on one list, placed at the county or city that imported it; from `since` (the day
// of death, on the payroll, registered) to `until` (when the registration ended; none: still). Written by
// reviewers of the county or city. One entry per list, person and place (recordIdFor).
class ComparisonEntryType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"comparison-entry";
    ComparisonEntryType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("比对名单"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    static QString recordIdFor(const QString &list, const QString &idNumber, const QString &orgUnitId);
    // Whether a payment made on `paidOn` falls in the entry's time on the list.
    static bool covers(const QJsonObject &entry, QDate paidOn);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// Reading a list file (.xlsx or CSV): a header row naming 身份证号, 姓名 and the date (日期, 死亡日期,
// 起始日期, 登记日期 …); optional 截止日期 (注销日期 …), 来源 and 备注. Each row is checked with the entry
// type's own checks; a person twice in the file is reported on the second row. Empty and total rows are
// skipped.
struct ComparisonImportOptions
{
    ComparisonList list = ComparisonList::Deceased;
    QString orgUnitId; // where the entries go: the reviewer's county or the city
    sync::Placement placement;
    QDate today;
    io::ProgressCallback progress;
};

struct ComparisonImportRow
{
    QString recordId;
    QJsonObject fields;
    int line = 0;
};

struct ComparisonImportResult
{
    QList<ComparisonImportRow> rows; // the good rows
    QList<io::ImportProblem> problems;
    int rowsRead = 0;
    int badRows = 0;
    QString error; // why nothing could be checked (no header, a column missing), Chinese
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

ComparisonImportResult checkComparisonList(const io::TableData &table,
                                           const ComparisonImportOptions &options);
bool hasComparisonHeader(const io::TableData &table);
// The canonical headers of the required or of the optional columns, in template order.
QStringList comparisonHeaders(bool required);

} // namespace sunshine::funds
