#include "app/portal/ComplaintsView.h"

#include "app/portal/ComplaintStatsModel.h"
#include "app/portal/ComplaintStepDialog.h"
#include "app/portal/PortalQueries.h"
#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/DialogHook.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/core/ChinaTime.h"
#include "common/io/XlsxWriter.h"
#include "common/portal/ComplaintType.h"

#include <QBrush>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace portal;

namespace {

QTableView *statsTable(ComplaintStatsModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

} // namespace

void ComplaintsView::setNextStepEntry(std::function<void(ComplaintStepDialog &)> fill)
{
    DialogHook<ComplaintStepDialog>::setNext(std::move(fill));
}

ComplaintsView::ComplaintsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    const UserInfo &user = session.user();
    RecordListView::Options o;
    o.columns = {{u"receivedOn"_s, {}}, {u"subject"_s, {}},       {u"category"_s, {}},
                 {u"channel"_s, {}},    {u"state"_s, {}},         {u"assignedDepartment"_s, {}},
                 {u"replyDueOn"_s, {}}, {u"resultDueOn"_s, {}},   {u"@orgUnit"_s, tr("Taken in by")},
                 {u"lookupCode"_s, {}}, {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"subject"_s, u"content"_s, u"place"_s, u"lookupCode"_s};
    o.placeFilter = false;
    o.exportName = tr("Complaints");
    o.canAdd = false;
    o.canEdit = false;
    m_list = new RecordListView(session, sync::RecordTypes::get<ComplaintType>(), o, this);
    m_list->setObjectName(u"complaints"_s);
    m_list->setDefaultPlace(user.orgUnitId);
    m_list->setDefaultDepartment(user.departmentId);
    // The office registers calls, letters and visits (the portal's come in by themselves) and re-sorts them;
    // departments are named on the slip. Both need the departments, which may arrive after the tab is built.
    const auto departmentsKnown = [this, &session] {
        const bool office = portalquery::inOffice(session);
        m_list->setCanAdd(office);
        m_list->setCanEdit(office);
        QList<QPair<QString, QString>> departments;
        for (const Department &d : session.departments())
            departments.append({d.id, d.name});
        m_list->model().setValueLabels(u"assignedDepartment"_s, departments);
    };
    departmentsKnown();
    connect(&session, &ClientSession::departmentsChanged, this, departmentsKnown);
    m_list->setDialogHook([](RecordDialog &dialog, const sync::Placement &) {
        // The code the complainant looks the result up with, registered with the complaint.
        const QString code = complaintLookupCode(dialog.recordId());
        if (dialog.isNewRecord())
            dialog.form()->setFixedValue(u"lookupCode"_s, code);
        dialog.setPlaceText(tr("Lookup code for the complainant: %1").arg(code));
    });

    // Late: a deadline of the current slip passed (complaintOverdue), in red.
    auto *late = new ComputedColumnProxy(
        tr("Deadline"),
        [&session](const QString &id, int, int role) -> QVariant {
            if (role != Qt::DisplayRole && role != Qt::ForegroundRole)
                return {};
            const std::optional<CachedRecord> rec = session.cache().record(id);
            if (!rec)
                return {};
            const ComplaintHandling h =
                replayComplaint(complaintStepsFromJson(rec->record.fields.value(u"steps"_s).toArray()));
            const QList<ComplaintOverdue> overdue =
                complaintOverdue(h, chinaDateOf(session.clock().nowMs()), WorkingCalendar::current());
            if (role == Qt::ForegroundRole)
                return overdue.isEmpty() ? QVariant() : QVariant(QBrush(Qt::red));
            if (overdue.isEmpty())
                return h.assignedOn.isValid() &&
                               (h.state == ComplaintState::Assigned || h.state == ComplaintState::Replied)
                           ? ComplaintsView::tr("in time")
                           : QString();
            return overdue.last().deadline == u"reply"_s ? ComplaintsView::tr("reply late")
                                                         : ComplaintsView::tr("result late");
        },
        this);
    m_list->setProxy(late);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(u"complaintFilter"_s);
    m_filter->addItem(tr("All"), QString());
    m_filter->addItem(tr("Late"), u"overdue"_s);
    const QStringList pairs = complaintStateChoicePairs();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        m_filter->addItem(pairs.at(i + 1), pairs.at(i));
    m_list->addFilterWidget(m_filter);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ComplaintsView::applyFilter);

    QPushButton *handle = m_list->addAction(tr("&Handle…"));
    handle->setObjectName(u"handleComplaint"_s);
    connect(handle, &QPushButton::clicked, this, &ComplaintsView::handleCurrent);

    // Statistics per department on the slip and per category.
    const ComplaintType &type = sync::RecordTypes::get<ComplaintType>();
    m_byDepartment = new ComplaintStatsModel(
        session, u"assignedDepartment"_s,
        [&session](const QString &id) { return session.departmentName(id); }, this);
    const auto categorySpec = type.field(u"category"_s);
    m_byCategory = new ComplaintStatsModel(
        session, u"category"_s, [categorySpec](const QString &v) { return categorySpec->choiceLabel(v); },
        this);
    auto *stats = new QWidget(this);
    auto *statsLayout = new QVBoxLayout(stats);
    statsLayout->setContentsMargins(0, 0, 0, 0);
    auto *statsTitle =
        new QLabel(tr("<b>Statistics</b> (Art. 24): per department on the slip and per category"), stats);
    auto *exportStats = new QPushButton(tr("Export s&tatistics…"), stats);
    exportStats->setObjectName(u"exportComplaintStats"_s);
    connect(exportStats, &QPushButton::clicked, this, &ComplaintsView::exportStatistics);
    auto *statsHead = new QHBoxLayout;
    statsHead->addWidget(statsTitle, 1);
    statsHead->addWidget(exportStats);
    statsLayout->addLayout(statsHead);
    auto *tables = new QHBoxLayout;
    tables->addWidget(statsTable(m_byDepartment, u"complaintsByDepartment"_s, stats), 3);
    tables->addWidget(statsTable(m_byCategory, u"complaintsByCategory"_s, stats), 2);
    statsLayout->addLayout(tables);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(stats);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    connect(m_list, &RecordListView::saved, this, &ComplaintsView::reloadStats);
    connect(&session.engine(), &SyncEngine::cacheChanged, this, &ComplaintsView::reloadStats);
}

void ComplaintsView::applyFilter()
{
    const QString f = m_filter->currentData().toString();
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    m_list->model().setCondition(u"complaint"_s, f.isEmpty() ? CacheCondition()
                                                 : f == u"overdue"_s
                                                     ? portalquery::overdueComplaints(today)
                                                     : cachequery::equals(cachequery::field(u"state"_s), f));
}

void ComplaintsView::reloadStats()
{
    m_byDepartment->reload();
    m_byCategory->reload();
}

void ComplaintsView::handleCurrent()
{
    const QString id = m_list->currentRecordId();
    if (id.isEmpty()) {
        MessageBox::information(this, tr("Handle complaint"), tr("Choose a complaint in the list first."));
        return;
    }
    ComplaintStepDialog dialog(m_session, id, this);
    if (DialogHook<ComplaintStepDialog>::run(dialog) == QDialog::Accepted) {
        m_list->reload();
        reloadStats();
    }
}

void ComplaintsView::exportStatistics()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(this, tr("Export statistics"),
                                                     QDir(dir).filePath(tr("Complaint statistics.xlsx")),
                                                     tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QList<io::XlsxSheet> sheets;
    for (const auto &[model, name] :
         {std::pair{m_byDepartment, tr("By department")}, {m_byCategory, tr("By category")}}) {
        io::XlsxSheet sheet;
        sheet.name = name;
        for (int c = 0; c < model->columnCount(); ++c)
            sheet.header.append(model->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < model->rowCount(); ++r) {
            QStringList row;
            for (int c = 0; c < model->columnCount(); ++c)
                row.append(model->data(model->index(r, c)).toString());
            sheet.rows.append(row);
        }
        sheets.append(sheet);
    }
    QString error;
    if (!io::writeXlsx(path, sheets, &error))
        MessageBox::warning(this, tr("Export statistics"), error);
    else
        MessageBox::information(this, tr("Export statistics"),
                                tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
