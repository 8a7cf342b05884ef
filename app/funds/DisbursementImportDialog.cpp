#include "app/funds/DisbursementImportDialog.h"

#include "app/funds/FundQueries.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/funds/FundTypes.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

DisbursementImportDialog::DisbursementImportDialog(ClientSession &session, QWidget *parent)
    : TableImportDialog(
          session,
          {tr("Import disbursement list"),
           tr("Choose a disbursement list (.xlsx or CSV, one row per payment) with a header row naming the "
              "columns "
              "%1; optional: %2. The fund line may be named by its Chinese name or its code.")
               .arg(funds::disbursementHeaders(true).join(u"、"_s),
                    funds::disbursementHeaders(false).join(u"、"_s)),
           tr("Choose a disbursement list"),
           tr("Disbursement lists (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
           [](int n) { return tr("Saving %n disbursement(s)…", nullptr, n); },
           [](int n) {
               return tr("%n disbursement(s) imported; they are sent when the program is online.", nullptr,
                         n);
           }},
          parent)
    , m_result(std::make_shared<funds::DisbursementImportResult>())
{}

int DisbursementImportDialog::run(ClientSession &session, QWidget *parent)
{
    DisbursementImportDialog dialog(session, parent);
    dialog.exec();
    return dialog.importedCount();
}

bool DisbursementImportDialog::acceptSheet(const io::TableData &table) const
{
    return funds::hasDisbursementHeader(table); // past a 填表说明 sheet to the list itself
}

bool DisbursementImportDialog::prepare(funds::DisbursementImportOptions *o, QString *error) const
{
    const UserInfo &user = session().user();
    const qint64 now = session().clock().nowMs();
    o->today = chinaDateOf(now);
    o->nowMs = now;
    o->calendar = &WorkingCalendar::current();
    o->actor.userId = user.id;
    o->actor.orgUnitId = user.orgUnitId;
    o->actor.departmentId = user.departmentId;
    o->actor.roles = user.roles;
    const std::optional<OrgUnit> own = session().orgUnit(user.orgUnitId);
    if (!own) {
        *error = tr("The units of your area are not known yet. Connect once so the program can fetch them, "
                    "then import the list.");
        return false;
    }
    o->actor.orgPath = own->path;
    o->places = session().orgUnits();
    if (!user.departmentId.isEmpty()) {
        const QList<Department> departments = session().departments();
        const auto it = std::find_if(departments.begin(), departments.end(),
                                     [&](const Department &d) { return d.id == user.departmentId; });
        if (it == departments.end()) {
            *error =
                tr("The departments of your area are not known yet. Connect once so the program can fetch "
                   "them, then import the list.");
            return false;
        }
        o->departmentCode = it->code;
        o->departmentOrgUnitId = it->orgUnitId;
    }
    return true;
}

std::optional<TableImportDialog::Check> DisbursementImportDialog::checkFunction(QString *error)
{
    *m_result = {};
    funds::DisbursementImportOptions options;
    if (!prepare(&options, error))
        return std::nullopt;
    const QString cachePath = session().cache().path();
    const QString departmentId = session().user().departmentId;
    const QString type = QString::fromUtf16(funds::DisbursementType::kName);
    return [options, cachePath, departmentId, type,
            out = m_result](const io::TableData &table, const io::ProgressCallback &progress) mutable {
        options.progress = progress;
        options.enteredAlready = fundquery::disbursementKeys(cachePath, departmentId);
        *out = funds::checkDisbursements(table, options);
        TableImportCheck check;
        check.problems = out->problems;
        check.rowsRead = out->rowsRead;
        check.badRows = out->badRows;
        check.error = out->error;
        check.cancelled = out->cancelled;
        check.note = tr("Valid amount: %1 yuan.")
                         .arg(QLocale::system().toString(double(out->validAmountFen) / 100.0, 'f', 2));
        for (const funds::DisbursementRow &row : std::as_const(out->rows)) {
            LocalCache::Change c;
            c.type = type;
            c.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            c.orgUnitId = row.placement.orgUnitId;
            c.departmentId = row.placement.departmentId;
            c.changedFields = row.fields;
            check.changes.append(std::move(c));
        }
        return check;
    };
}

} // namespace sunshine::app
