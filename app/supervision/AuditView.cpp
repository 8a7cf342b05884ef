#include "app/supervision/AuditView.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/supervision/AuditTypes.h"

#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace supervision;

AuditView::AuditView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options r;
    r.columns = {{u"reportNo"_s, {}}, {u"title"_s, {}},    {u"auditedUnit"_s, {}},   {u"issuedOn"_s, {}},
                 {u"auditor"_s, {}},  {u"@orgUnit"_s, {}}, {u"@state"_s, tr("Sync")}};
    r.searchFields = {u"reportNo"_s, u"title"_s, u"auditedUnit"_s};
    r.placeLevel = OrgLevel::County;
    r.exportName = tr("Audit reports");
    const bool supervisor = session.user().roles.contains(Role::Supervisor); // audit's own records
    r.canAdd = r.canEdit = supervisor;
    m_reports = new RecordListView(session, sync::RecordTypes::get<AuditReportType>(), r, this);
    m_reports->setObjectName(u"auditReports"_s);
    m_reports->setDefaultDepartment(session.user().departmentId);
    m_reports->setDefaultPlace(session.user().orgUnitId);

    RecordListView::Options f;
    f.columns = {{u"@orgUnit"_s, tr("Unit at fault")},
                 {u"category"_s, {}},
                 {u"description"_s, {}},
                 {u"amountFen"_s, {}},
                 {u"order"_s, {}},
                 {u"foundOn"_s, {}},
                 {u"rectifyDays"_s, {}},
                 {u"responsibleDepartmentId"_s, {}},
                 {u"referToDiscipline"_s, {}},
                 {u"@state"_s, tr("Sync")}};
    f.searchFields = {u"description"_s};
    f.placeLevel = OrgLevel::Town;
    f.exportName = tr("Audit findings");
    f.canAdd = f.canEdit = supervisor;
    f.equals.insert(u"reportId"_s, u"-"_s);
    m_findings = new RecordListView(session, sync::RecordTypes::get<AuditFindingType>(), f, this);
    m_findings->setObjectName(u"auditFindings"_s);
    m_findings->setDefaultDepartment(session.user().departmentId);
    m_findings->model().setReferenceResolver(
        u"responsibleDepartmentId"_s, [&session](const QString &id) { return session.departmentName(id); });
    m_findings->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &) {
        RecordForm::Choices departments;
        const QList<Department> all = session.departments();
        for (const Department &d : all)
            departments.append({d.id, session.orgUnitName(d.orgUnitId) + u" · "_s + d.name});
        dialog.form()->setReferenceChoices(u"responsibleDepartmentId"_s, departments);
    });

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_reports);
    split->addWidget(m_findings);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    connect(m_reports, &RecordListView::currentRecordChanged, this, &AuditView::showReport);
    showReport({});
}

void AuditView::showReport(const QString &reportId)
{
    m_findings->model().setEquals(u"reportId"_s, reportId.isEmpty() ? u"-"_s : reportId);
    m_findings->setFixedValue(u"reportId"_s, reportId);
    m_findings->setEnabled(!reportId.isEmpty());
}

} // namespace sunshine::app
