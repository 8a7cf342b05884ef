#include "app/relief/ReliefTab.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/relief/AssistanceViews.h"
#include "app/relief/CasesView.h"
#include "app/relief/HouseholdsView.h"
#include "app/sync/ClientSession.h"
#include "common/relief/AssistanceTypes.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ReliefTab::ReliefTab(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_views(new QTabWidget(this))
{
    m_views->setDocumentMode(true);
    m_views->addTab(new HouseholdsView(session, m_views), tr("Households"));

    RecordListView::Options w;
    w.columns = {{u"@orgUnit"_s, tr("Village")}, {u"designation"_s, {}},        {u"year"_s, {}},
                 {u"collectiveIncomeFen"_s, {}}, {u"pairedDepartmentId"_s, {}}, {u"@state"_s, tr("Sync")}};
    w.exportName = tr("Weak villages");
    const auto *weak = sync::RecordTypes::find(QString::fromUtf16(relief::WeakVillageType::kName));
    auto *villages = new RecordListView(session, *weak, w, m_views);
    villages->model().setReferenceResolver(
        u"pairedDepartmentId"_s, [&session](const QString &id) { return session.departmentName(id); });
    villages->setDialogHook([](RecordDialog &dialog, const sync::Placement &place) {
        const QString id = relief::WeakVillageType::recordIdFor(place.orgUnitId);
        dialog.setRecordIdRule([id](const QJsonObject &) { return id; });
    });
    m_views->addTab(villages, tr("Weak villages"));
    m_views->addTab(new PairingsView(session, m_views), tr("Helpers and pairings"));
    m_views->addTab(new VisitsView(session, m_views), tr("Visits"));
    m_views->addTab(new VisitStatsView(session, m_views), tr("Visit statistics"));
    m_views->addTab(new CasesView(session, m_views), tr("Identification and exit"));
    m_views->addTab(new HelpRequestsView(session, m_views), tr("Help requests"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_views);
}

} // namespace sunshine::app
