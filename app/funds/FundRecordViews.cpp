#include "app/funds/FundRecordViews.h"

#include "app/funds/DisbursementImportDialog.h"

#include "common/core/Money.h"
#include "common/funds/FundFlowTypes.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordTableModel.h"
#include "app/sync/ClientSession.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

// --- the deadline column ---

DeadlineColumnProxy::DeadlineColumnProxy(ClientSession &session, DeadlineFunction state, QObject *parent)
    : ComputedColumnProxy(
          tr("Deadline"), [this](const QString &id, int, int role) { return show(id, role); }, parent)
    , m_session(session)
    , m_state(std::move(state))
{
    setOnReset([this] { m_known.clear(); });
}

std::optional<funds::DeadlineState> DeadlineColumnProxy::stateOf(const QString &recordId) const
{
    if (const auto it = m_known.constFind(recordId); it != m_known.constEnd())
        return *it;
    std::optional<funds::DeadlineState> state;
    if (const std::optional<CachedRecord> rec = m_session.cache().record(recordId)) {
        const QDate today = chinaDateOf(m_session.clock().nowMs());
        state = m_state(rec->record.fields, today, WorkingCalendar::current());
    }
    m_known.insert(recordId, state);
    return state;
}

QColor DeadlineColumnProxy::background(funds::EntryStatus status)
{
    switch (status) {
    case funds::EntryStatus::Overdue:
        return QColor(0xf9, 0xde, 0xdc);
    case funds::EntryStatus::DueSoon:
        return QColor(0xff, 0xf0, 0xc2);
    case funds::EntryStatus::EnteredLate:
        return QColor(0xec, 0xdf, 0xf5);
    case funds::EntryStatus::OnTime:
        break;
    }
    return {};
}

QColor DeadlineColumnProxy::foreground(funds::EntryStatus status)
{
    switch (status) {
    case funds::EntryStatus::Overdue:
        return QColor(0xb3, 0x26, 0x1e);
    case funds::EntryStatus::DueSoon:
        return QColor(0x8a, 0x55, 0x00);
    case funds::EntryStatus::EnteredLate:
        return QColor(0x6a, 0x1b, 0x9a);
    case funds::EntryStatus::OnTime:
        break;
    }
    return {};
}

QVariant DeadlineColumnProxy::show(const QString &recordId, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::BackgroundRole && role != Qt::ForegroundRole &&
        role != Qt::ToolTipRole)
        return {};
    const std::optional<funds::DeadlineState> state = stateOf(recordId);
    if (!state)
        return {};
    const QString status = funds::entryStatusChinese(state->status);
    switch (role) {
    case Qt::BackgroundRole: {
        const QColor c = background(state->status);
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
    }
    case Qt::ForegroundRole: {
        const QColor c = foreground(state->status);
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
    }
    case Qt::ToolTipRole:
        return state->due.isValid() ? tr("%1: %2 due %3 (working days counted by the regulation)")
                                          .arg(status, state->what, iso(state->due))
                                    : tr("%1: no deadline applies").arg(status);
    default: {
        const QString note = WorkingCalendar::current().uncoveredNote(state->due);
        QString text =
            state->due.isValid() ? tr("%1 · %2 by %3").arg(status, state->what, iso(state->due)) : status;
        if (!note.isEmpty())
            text += u" · "_s + note;
        return text;
    }
    }
}

// --- the table ---

FundRecordsView::FundRecordsView(ClientSession &session, const sync::RecordType &type,
                                 RecordListView::Options options, DeadlineFunction state,
                                 DeadlineConditionFunction condition, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_condition(std::move(condition))
{
    m_list = new RecordListView(session, type, std::move(options), this);
    RecordTableModel &model = m_list->model();
    model.setValueLabels(u"fundCode"_s, fundLineLabels());
    model.setOrgUnitResolver([&session](const QString &id) { return placePathText(session, id); });
    m_proxy = new DeadlineColumnProxy(session, std::move(state), this);
    m_list->setProxy(m_proxy);

    m_status = new QComboBox;
    m_status->addItem(tr("All deadline states"));
    for (funds::EntryStatus s : {funds::EntryStatus::OnTime, funds::EntryStatus::DueSoon,
                                 funds::EntryStatus::Overdue, funds::EntryStatus::EnteredLate}) {
        m_status->addItem(funds::entryStatusChinese(s), int(s));
        const QColor c = DeadlineColumnProxy::background(s);
        if (c.isValid())
            m_status->setItemData(m_status->count() - 1, c, Qt::BackgroundRole);
    }
    m_status->setToolTip(tr("Show only the records in one deadline state"));
    m_list->addFilterWidget(m_status);
    connect(m_status, &QComboBox::currentIndexChanged, this, &FundRecordsView::applyStatus);

    // New records go under the clerk's department; the form offers the fund lines it leads, by name.
    m_list->setDefaultDepartment(session.user().departmentId);
    m_list->setDialogHook(
        [this](RecordDialog &dialog, const sync::Placement &place) { prepareDialog(dialog, place); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

void FundRecordsView::prepareDialog(RecordDialog &dialog, const sync::Placement &placement) const
{
    const QString code = userDepartmentCode(m_session);
    dialog.form()->setTextChoices(u"fundCode"_s,
                                  code.isEmpty() ? RecordForm::Choices() : fundLineLabels(code));
    if (m_formHook)
        m_formHook(dialog, placement);
}

void FundRecordsView::setStatusFilter(std::optional<funds::EntryStatus> status)
{
    const int index = status ? m_status->findData(int(*status)) : 0;
    if (index == m_status->currentIndex())
        applyStatus();
    else
        m_status->setCurrentIndex(qMax(0, index));
}

void FundRecordsView::applyStatus()
{
    const QVariant chosen = m_status->currentData();
    if (!chosen.isValid()) {
        m_list->model().setCondition(u"deadline"_s, {});
    } else {
        const QDate today = chinaDateOf(m_session.clock().nowMs());
        m_list->model().setCondition(u"deadline"_s, m_condition(funds::EntryStatus(chosen.toInt()), today,
                                                                WorkingCalendar::current()));
    }
    m_list->reload();
}

// --- helpers ---

QList<QPair<QString, QString>> fundLineLabels(const QString &departmentCode)
{
    QList<QPair<QString, QString>> out;
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &l : lines) {
        if (departmentCode.isEmpty() || l.leadDepartment == departmentCode)
            out.append({l.code, l.name});
    }
    return out;
}

QString userDepartmentCode(const ClientSession &session)
{
    const QString id = session.user().departmentId;
    if (id.isEmpty())
        return {};
    const QList<Department> departments = session.departments();
    for (const Department &d : departments) {
        if (d.id == id)
            return d.code;
    }
    return {};
}

QString placePathText(const ClientSession &session, const QString &orgUnitId)
{
    const std::optional<OrgUnit> unit = session.orgUnit(orgUnitId);
    if (!unit)
        return session.orgUnitName(orgUnitId);
    QStringList names;
    const QStringList ids = unit->path.split(u'/', Qt::SkipEmptyParts);
    for (const QString &id : ids) {
        const std::optional<OrgUnit> u = session.orgUnit(id);
        if (u && u->level != OrgLevel::City)
            names.append(u->name);
    }
    return names.isEmpty() ? unit->name : names.join(u" · "_s);
}

FundRecordsView *makeAllocationsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"fundCode"_s, {}},
                 {u"@orgUnit"_s, FundRecordsView::tr("Place")},
                 {u"sourceLevel"_s, {}},
                 {u"year"_s, {}},
                 {u"amountFen"_s, FundRecordsView::tr("Amount (yuan)")},
                 {u"documentNo"_s, {}},
                 {u"receivedOn"_s, {}},
                 {u"reportedOn"_s, {}},
                 {u"enteredOn"_s, {}},
                 {u"@state"_s, FundRecordsView::tr("Sync")}};
    o.searchFields = {u"fundCode"_s, u"documentNo"_s, u"sourceLevel"_s};
    o.placeLevel = OrgLevel::County;
    o.exportName = FundRecordsView::tr("Fund allocations");
    const auto *type = sync::RecordTypes::find(QString::fromUtf16(funds::AllocationType::kName));
    auto *view = new FundRecordsView(session, *type, o, &funds::AllocationType::deadlineState,
                                     &fundquery::allocationDeadline, parent);
    // Allocations are received where the department sits.
    view->list()->setDefaultPlace(session.user().orgUnitId);
    return view;
}

FundRecordsView *makeDisbursementsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"fundCode"_s, {}},
                 {u"@orgUnit"_s, FundRecordsView::tr("Place")},
                 {u"recipientName"_s, {}},
                 {u"recipientKind"_s, {}},
                 {u"amountFen"_s, FundRecordsView::tr("Amount (yuan)")},
                 {u"period"_s, {}},
                 {u"paidOn"_s, {}},
                 {u"payDueOn"_s, {}},
                 {u"enteredOn"_s, {}},
                 {u"entryDueOn"_s, {}},
                 {u"vouchers"_s, {}},
                 {u"@state"_s, FundRecordsView::tr("Sync")}};
    o.searchFields = {u"fundCode"_s, u"recipientName"_s, u"idNumber"_s, u"period"_s};
    o.exportName = FundRecordsView::tr("Disbursements");
    const auto *type = sync::RecordTypes::find(QString::fromUtf16(funds::DisbursementType::kName));
    auto *view = new FundRecordsView(session, *type, o, &funds::DisbursementType::deadlineState,
                                     &fundquery::disbursementDeadline, parent);
    // Clerks of a paying department bring in whole payment lists from Excel or WPS.
    if (entersData(session) && !session.user().departmentId.isEmpty()) {
        QPushButton *import = view->list()->addAction(FundRecordsView::tr("Import list…"));
        import->setObjectName(u"importDisbursements"_s);
        QObject::connect(import, &QPushButton::clicked, view, [view, &session] {
            if (DisbursementImportDialog::run(session, view) > 0)
                view->list()->reload();
        });
    }
    return view;
}

namespace {

CacheCondition documentsCondition(funds::EntryStatus s, QDate today, const WorkingCalendar &calendar)
{
    return fundquery::dueDone(u"documentsDueOn"_s, u"documentsOn"_s, s, today, calendar);
}

const sync::RecordType &typeNamed(const char16_t *name)
{
    return *sync::RecordTypes::find(QString::fromUtf16(name));
}

RecordListView::Options placedAtCounty(QList<RecordColumn> columns, QStringList search,
                                       const QString &exportName)
{
    RecordListView::Options o;
    o.columns = std::move(columns);
    o.searchFields = std::move(search);
    o.placeLevel = OrgLevel::County;
    o.exportName = exportName;
    return o;
}

} // namespace

FundRecordsView *makePlansView(ClientSession &session, QWidget *parent)
{
    const RecordListView::Options o = placedAtCounty({{u"fundCode"_s, {}},
                                                      {u"@orgUnit"_s, FundRecordsView::tr("Place")},
                                                      {u"year"_s, {}},
                                                      {u"allocationId"_s, {}},
                                                      {u"amountFen"_s, FundRecordsView::tr("Amount (yuan)")},
                                                      {u"meetingKind"_s, {}},
                                                      {u"approvedOn"_s, {}},
                                                      {u"approvalDocNo"_s, {}},
                                                      {u"enteredOn"_s, {}},
                                                      {u"documents"_s, {}},
                                                      {u"@state"_s, FundRecordsView::tr("Sync")}},
                                                     {u"fundCode"_s, u"content"_s, u"approvalDocNo"_s},
                                                     FundRecordsView::tr("Allocation plans"));
    auto *view = new FundRecordsView(session, typeNamed(funds::PlanType::kName), o,
                                     &funds::PlanType::deadlineState, &documentsCondition, parent);
    view->list()->setDefaultPlace(session.user().orgUnitId);
    view->list()->model().setReferenceResolver(u"allocationId"_s, [&session](const QString &id) {
        const std::optional<CachedRecord> r = session.cache().record(id);
        return r ? r->record.fields.value(u"documentNo"_s).toString() : id;
    });
    view->setFormHook([&session](RecordDialog &dialog, const sync::Placement &) {
        dialog.form()->setReferenceChoices(
            u"allocationId"_s, fundquery::allocationChoices(session.cache(), session.user().departmentId));
    });
    return view;
}

FundRecordsView *makeReturnsView(ClientSession &session, QWidget *parent)
{
    const RecordListView::Options o =
        placedAtCounty({{u"fundCode"_s, {}},
                        {u"@orgUnit"_s, FundRecordsView::tr("Place")},
                        {u"year"_s, {}},
                        {u"asset"_s, {}},
                        {u"incomeFen"_s, FundRecordsView::tr("Income (yuan)")},
                        {u"receivedOn"_s, {}},
                        {u"enteredOn"_s, {}},
                        {u"documents"_s, {}},
                        {u"@state"_s, FundRecordsView::tr("Sync")}},
                       {u"fundCode"_s, u"asset"_s}, FundRecordsView::tr("Fund returns"));
    auto *view = new FundRecordsView(session, typeNamed(funds::ReturnType::kName), o,
                                     &funds::ReturnType::deadlineState, &documentsCondition, parent);
    view->list()->setDefaultPlace(session.user().orgUnitId);
    return view;
}

FundRecordsView *makeEvaluationsView(ClientSession &session, QWidget *parent)
{
    const RecordListView::Options o = placedAtCounty({{u"fundCode"_s, {}},
                                                      {u"@orgUnit"_s, FundRecordsView::tr("Place")},
                                                      {u"year"_s, {}},
                                                      {u"score"_s, {}},
                                                      {u"grade"_s, {}},
                                                      {u"evaluator"_s, {}},
                                                      {u"evaluatedOn"_s, {}},
                                                      {u"report"_s, {}},
                                                      {u"enteredOn"_s, {}},
                                                      {u"@state"_s, FundRecordsView::tr("Sync")}},
                                                     {u"fundCode"_s, u"conclusion"_s, u"evaluator"_s},
                                                     FundRecordsView::tr("Performance evaluations"));
    auto *view = new FundRecordsView(session, typeNamed(funds::EvaluationType::kName), o,
                                     &funds::EvaluationType::deadlineState, &documentsCondition, parent);
    view->list()->setDefaultPlace(session.user().orgUnitId);
    view->setFormHook([](RecordDialog &dialog, const sync::Placement &place) {
        // One evaluation per fund line, year and place.
        const QString orgUnitId = place.orgUnitId;
        dialog.setRecordIdRule([orgUnitId](const QJsonObject &f) {
            return funds::EvaluationType::recordIdFor(f.value(u"fundCode"_s).toString(),
                                                      f.value(u"year"_s).toInt(), orgUnitId);
        });
    });
    return view;
}

} // namespace sunshine::app
