#include "app/relief/HouseholdsView.h"

#include "app/records/RecordListView.h"
#include "app/relief/IncomeProxy.h"
#include "app/relief/RosterImportDialog.h"
#include "app/sync/ClientSession.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefRules.h"

#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

HouseholdsView::HouseholdsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    const auto *household = sync::RecordTypes::find(QString::fromUtf16(relief::HouseholdType::kName));
    const auto *member = sync::RecordTypes::find(QString::fromUtf16(relief::MemberType::kName));
    const auto *income = sync::RecordTypes::find(QString::fromUtf16(relief::HouseholdIncomeType::kName));

    RecordListView::Options h;
    h.columns = {{u"householdNo"_s, {}},  {u"headName"_s, {}}, {u"@orgUnit"_s, tr("Village")},
                 {u"povertyCause"_s, {}}, {u"status"_s, {}},   {u"registeredYear"_s, {}},
                 {u"phone"_s, {}},        {u"housing"_s, {}},  {u"@state"_s, tr("Sync")}};
    h.searchFields = {u"headName"_s, u"householdNo"_s, u"address"_s, u"phone"_s};
    h.exportName = tr("Households");
    // Art. 9: households enter the registry through an approved identification case (the server registers
    // them); the roster of households registered before the system is imported by county reviewers only.
    const bool importsRoster =
        session.user().roles.contains(Role::Reviewer) && session.user().orgLevel == OrgLevel::County;
    h.canAdd = importsRoster;
    m_households = new RecordListView(session, *household, h, this);
    m_households->setObjectName(u"households"_s);
    m_households->setProxy(new IncomeProxy(session, this));
    if (importsRoster) {
        QPushButton *import = m_households->addAction(tr("Import roster…"));
        connect(import, &QPushButton::clicked, this, [this] {
            RosterImportDialog dialog(m_session, this);
            dialog.exec();
            if (dialog.importedHouseholds() > 0)
                m_households->reload();
        });
    }

    RecordListView::Options m;
    m.columns = {{u"name"_s, {}},   {u"idNumber"_s, {}},  {u"relation"_s, {}}, {u"health"_s, {}},
                 {u"labour"_s, {}}, {u"schooling"_s, {}}, {u"mobile"_s, {}},   {u"@state"_s, tr("Sync")}};
    m.searchFields = {u"name"_s, u"idNumber"_s};
    m.placeFilter = false;
    m.exportName = tr("Members");
    m.equals.insert(u"householdId"_s, u"-"_s); // none until a household is chosen (showHousehold)
    m_members = new RecordListView(session, *member, m, this);
    m_members->setProxy(new MemberAgeProxy(session, this));

    RecordListView::Options in;
    in.columns = {{u"quarter"_s, {}},       {u"wagesFen"_s, {}},    {u"businessFen"_s, {}},
                  {u"propertyFen"_s, {}},   {u"transferFen"_s, {}}, {u"members"_s, {}},
                  {u"@state"_s, tr("Sync")}};
    in.placeFilter = false;
    in.exportName = tr("Quarterly income");
    in.equals.insert(u"householdId"_s, u"-"_s);
    m_incomes = new RecordListView(session, *income, in, this);

    auto *detail = new QTabWidget(this);
    detail->addTab(m_members, tr("Members"));
    detail->addTab(m_incomes, tr("Quarterly income"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_households);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    // Members and incomes are entered for the chosen household, in its village.
    for (RecordListView *list : {m_members, m_incomes})
        list->setEnabled(false);
    connect(m_households, &RecordListView::currentRecordChanged, this, &HouseholdsView::showHousehold);
    showHousehold({});
}

void HouseholdsView::showHousehold(const QString &householdId)
{
    for (RecordListView *list : {m_members, m_incomes}) {
        list->model().setEquals(u"householdId"_s, householdId.isEmpty() ? u"-"_s : householdId);
        list->setFixedValue(u"householdId"_s, householdId);
        list->setEnabled(!householdId.isEmpty());
        if (const std::optional<CachedRecord> rec = m_session.cache().record(householdId))
            list->setDefaultPlace(rec->record.orgUnitId);
    }
}

} // namespace sunshine::app
