#include "app/funds/FundStandardsView.h"

#include "app/funds/FundRecordViews.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/funds/FundTypes.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

RecordListView *makeStandardsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"fundCode"_s, {}},
                 {u"@orgUnit"_s, FundRecordsView::tr("Place")},
                 {u"amountFen"_s, {}},
                 {u"effectiveFrom"_s, {}},
                 {u"documentNo"_s, {}},
                 {u"note"_s, {}},
                 {u"@state"_s, FundRecordsView::tr("Sync")}};
    o.searchFields = {u"fundCode"_s, u"documentNo"_s, u"note"_s};
    o.placeLevel = OrgLevel::County;
    o.exportName = FundRecordsView::tr("Fund standards");
    auto *view = new RecordListView(session, sync::RecordTypes::get<funds::StandardType>(), o, parent);
    view->setObjectName(u"fundStandards"_s);
    view->model().setValueLabels(u"fundCode"_s, fundLineLabels());
    // Set where the department sits, for the lines it leads.
    view->setDefaultPlace(session.user().orgUnitId);
    view->setDefaultDepartment(session.user().departmentId);
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &) {
        const QString code = userDepartmentCode(session);
        dialog.form()->setTextChoices(u"fundCode"_s,
                                      code.isEmpty() ? RecordForm::Choices() : fundLineLabels(code));
    });
    return view;
}

} // namespace sunshine::app
