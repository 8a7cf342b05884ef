#include "app/funds/ComparisonListView.h"

#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/funds/ComparisonList.h"

#include <QComboBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

// County and city reviewers import the lists (Art. 26).
bool importsLists(const ClientSession &session)
{
    const std::optional<OrgUnit> own = session.orgUnit(session.user().orgUnitId);
    return session.user().roles.contains(Role::Reviewer) && own &&
           (own->level == OrgLevel::City || own->level == OrgLevel::County);
}

} // namespace

ComparisonImportDialog::ComparisonImportDialog(ClientSession &session, QWidget *parent)
    : TableImportDialog(
          session,
          {tr("Import comparison list"),
           tr("Choose the list, then a file (.xlsx or CSV, one row per person) with a header row naming the "
              "columns %1; optional: %2. The date is the day of death, or the day the person was put on the "
              "payroll or registered. Queries of these data are lawful, logged and confidential (Art. 26).")
               .arg(funds::comparisonHeaders(true).join(u"、"_s),
                    funds::comparisonHeaders(false).join(u"、"_s)),
           tr("Choose a comparison list"), tr("Lists (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
           [](int n) { return tr("Saving %n list entries…", nullptr, n); },
           [](int n) {
               return tr("%n list entries imported; they are sent when the program is online.", nullptr, n);
           }},
          parent)
{
    m_list = new QComboBox(this);
    m_list->setObjectName(u"listCombo"_s);
    for (funds::ComparisonList l : funds::allComparisonLists())
        m_list->addItem(funds::comparisonListChinese(l), funds::comparisonListName(l));
    addOption(tr("&List:"), m_list);
}

void ComparisonImportDialog::setList(const QString &listName)
{
    m_list->setCurrentIndex(qMax(0, m_list->findData(listName)));
}

bool ComparisonImportDialog::acceptSheet(const io::TableData &table) const
{
    return funds::hasComparisonHeader(table);
}

std::optional<TableImportDialog::Check> ComparisonImportDialog::checkFunction(QString *error)
{
    const UserInfo &user = session().user();
    const std::optional<OrgUnit> own = session().orgUnit(user.orgUnitId);
    if (!importsLists(session()) || !own) {
        *error = tr("Comparison lists are imported by reviewers of a county or the city.");
        return std::nullopt;
    }
    funds::ComparisonImportOptions options;
    options.list = *funds::comparisonListFromName(m_list->currentData().toString());
    options.orgUnitId = own->id;
    options.placement.orgUnitId = own->id;
    options.placement.orgPath = own->path;
    options.placement.orgLevel = own->level;
    options.placement.departmentId = user.departmentId;
    options.today = chinaDateOf(session().clock().nowMs());
    const QString type = QString::fromUtf16(funds::ComparisonEntryType::kName);
    return [options, type](const io::TableData &table, const io::ProgressCallback &progress) mutable {
        options.progress = progress;
        const funds::ComparisonImportResult r = funds::checkComparisonList(table, options);
        TableImportCheck check;
        check.problems = r.problems;
        check.rowsRead = r.rowsRead;
        check.badRows = r.badRows;
        check.error = r.error;
        check.cancelled = r.cancelled;
        for (const funds::ComparisonImportRow &row : r.rows) {
            LocalCache::Change c;
            c.type = type;
            c.recordId = row.recordId;
            c.orgUnitId = options.placement.orgUnitId;
            c.departmentId = options.placement.departmentId;
            c.changedFields = row.fields;
            check.changes.append(std::move(c));
        }
        return check;
    };
}

ComparisonListView::ComparisonListView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options o;
    o.columns = {{u"list"_s, {}},  {u"name"_s, {}},   {u"idNumber"_s, {}}, {u"since"_s, {}},
                 {u"until"_s, {}}, {u"source"_s, {}}, {u"@orgUnit"_s, {}}, {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"name"_s, u"idNumber"_s, u"source"_s};
    o.placeLevel = OrgLevel::County;
    o.canAdd = false; // entries come from the lists the bodies that keep them provide
    o.canEdit = importsLists(session);
    o.exportName = tr("Comparison lists");
    m_list = new RecordListView(session, sync::RecordTypes::get<funds::ComparisonEntryType>(), o, this);
    m_list->setObjectName(u"comparisonEntries"_s);
    if (importsLists(session)) {
        QPushButton *import = m_list->addAction(tr("Import list…"));
        connect(import, &QPushButton::clicked, this, [this] {
            ComparisonImportDialog dialog(m_session, this);
            dialog.exec();
            if (dialog.importedCount() > 0)
                m_list->reload();
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

} // namespace sunshine::app
