#include "app/relief/CasesView.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/relief/ComparisonDialog.h"
#include "app/relief/DisclosureDialog.h"
#include "app/relief/ReliefQueries.h"
#include "app/relief/StepDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/ViewLog.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/CaseTypes.h"

#include <QCoreApplication>
#include <QIdentityProxyModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

// The "steps" column shows where the case stands; the "hits" column (identification) how many comparison hits
// it has and how many are still open: what every reader receives of them (need-to-know, Art. 26).
class CaseStateProxy : public QIdentityProxyModel
{
public:
    CaseStateProxy(relief::CaseKind kind, int stepsColumn, int hitsColumn, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_kind(kind)
        , m_column(stepsColumn)
        , m_hitsColumn(hitsColumn)
    {}
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == m_hitsColumn && m_hitsColumn >= 0 &&
            (role == Qt::DisplayRole || role == Qt::ForegroundRole)) {
            const QList<relief::ComparisonHit> hits = relief::hitsFromJson(
                QIdentityProxyModel::data(index, RecordTableModel::RawValueRole).toJsonArray());
            const int unresolved = relief::unresolvedHits(hits);
            if (role == Qt::ForegroundRole)
                return unresolved > 0 ? QVariant(QColor(0xb3, 0x26, 0x1e)) : QVariant();
            if (hits.isEmpty())
                return QString();
            return unresolved > 0 ? QCoreApplication::translate("CasesView", "%1, %2 unresolved")
                                        .arg(hits.size())
                                        .arg(unresolved)
                                  : QString::number(hits.size());
        }
        if (index.column() != m_column ||
            (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole))
            return QIdentityProxyModel::data(index, role);
        const QList<relief::StepEntry> steps = relief::stepsFromJson(
            QIdentityProxyModel::data(index, RecordTableModel::RawValueRole).toJsonArray());
        const relief::CaseState state = relief::caseState(m_kind, steps);
        const QList<relief::WorkflowStep> all = relief::workflowSteps(m_kind);
        if (role == Qt::ForegroundRole)
            return state.refused    ? QColor(0xb3, 0x26, 0x1e)
                   : state.finished ? QColor(0x1b, 0x5e, 0x20)
                                    : QVariant();
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const relief::StepEntry &e : steps)
                lines.append(u"%1 %2 %3 %4"_s.arg(e.date.toString(Qt::ISODate), e.step,
                                                  e.passed ? u"✓"_s : u"✗"_s, e.opinion));
            return lines.join(u'\n');
        }
        if (state.refused)
            return QCoreApplication::translate("CasesView", "Closed (not admitted)");
        if (state.finished)
            return m_kind == relief::CaseKind::Exit
                       ? QCoreApplication::translate("CasesView", "Exit confirmed")
                       : QCoreApplication::translate("CasesView", "Approved");
        const bool returned = !steps.isEmpty() && !steps.last().passed;
        return QCoreApplication::translate("CasesView", "%1 of %2: %3%4")
            .arg(state.nextStep + 1)
            .arg(all.size())
            .arg(all.at(state.nextStep).chineseName,
                 returned ? QCoreApplication::translate("CasesView", " (returned)") : QString());
    }

private:
    relief::CaseKind m_kind;
    int m_column;
    int m_hitsColumn;
};

// Deadline columns: an open answer or result shows its due date and state, coloured.
class DeadlineProxy : public QIdentityProxyModel
{
public:
    DeadlineProxy(const ClientSession &session, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_session(session)
    {}
    QVariant data(const QModelIndex &index, int role) const override
    {
        auto *model = static_cast<RecordTableModel *>(sourceModel());
        const int answered = model->columnOf(u"answeredOn"_s), result = model->columnOf(u"resultOn"_s);
        if ((index.column() != answered && index.column() != result) ||
            (role != Qt::DisplayRole && role != Qt::BackgroundRole && role != Qt::ToolTipRole))
            return QIdentityProxyModel::data(index, role);
        const auto raw = [&](const QString &key) {
            return QDate::fromString(index.sibling(index.row(), model->columnOf(key))
                                         .data(RecordTableModel::RawValueRole)
                                         .toString(),
                                     Qt::ISODate);
        };
        const WorkingCalendar &calendar = WorkingCalendar::current();
        QDate due;
        QDate done;
        if (index.column() == answered) {
            due = relief::helpAnswerDue(raw(u"raisedOn"_s), calendar);
            done = raw(u"answeredOn"_s);
        } else {
            const QDate assigned = raw(u"assignedOn"_s);
            if (!assigned.isValid())
                return QIdentityProxyModel::data(index, role);
            due = relief::helpResultDue(assigned, calendar);
            done = raw(u"resultOn"_s);
        }
        if (!due.isValid())
            return QIdentityProxyModel::data(index, role);
        const QDate today = chinaDateOf(m_session.clock().nowMs());
        const relief::DeadlineState state = relief::deadlineState(
            due, done.isValid() ? std::optional<QDate>(done) : std::nullopt, today, calendar);
        if (role == Qt::BackgroundRole) {
            switch (state) {
            case relief::DeadlineState::Overdue:
            case relief::DeadlineState::DoneLate:
                return QColor(0xf9, 0xde, 0xdc);
            case relief::DeadlineState::DueSoon:
                return QColor(0xff, 0xf0, 0xc2);
            default:
                return QVariant();
            }
        }
        const QString text =
            done.isValid()
                ? done.toString(Qt::ISODate)
                : QCoreApplication::translate("CasesView", "due %1").arg(due.toString(Qt::ISODate));
        if (role == Qt::ToolTipRole)
            return QCoreApplication::translate("CasesView", "Due %1 (working days)")
                .arg(due.toString(Qt::ISODate));
        const QString note = calendar.uncoveredNote(due);
        return QString(u"%1 · %2"_s.arg(text, relief::deadlineStateChinese(state)) +
                       (note.isEmpty() ? QString() : QString(u" · "_s + note)));
    }

private:
    const ClientSession &m_session;
};

const sync::RecordType &typeNamed(const char16_t *name)
{
    return *sync::RecordTypes::find(QString::fromUtf16(name));
}

} // namespace

CasesView::CasesView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options i;
    i.columns = {{u"year"_s, {}},
                 {u"applicantName"_s, {}},
                 {u"applicantIdNumber"_s, {}},
                 {u"@orgUnit"_s, tr("Village")},
                 {u"members"_s, {}},
                 {u"perCapitaIncomeFen"_s, {}},
                 {u"steps"_s, tr("Stage")},
                 {u"hits"_s, tr("Comparison hits")},
                 {u"@state"_s, tr("Sync")}};
    i.searchFields = {u"applicantName"_s, u"applicantIdNumber"_s};
    i.exportName = tr("Identification cases");
    m_identification = new RecordListView(session, typeNamed(relief::IdentificationCaseType::kName), i, this);
    m_identification->setProxy(new CaseStateProxy(relief::CaseKind::Identification,
                                                  m_identification->model().columnOf(u"steps"_s),
                                                  m_identification->model().columnOf(u"hits"_s), this));

    RecordListView::Options e;
    e.columns = {{u"year"_s, {}},
                 {u"householdId"_s, {}},
                 {u"@orgUnit"_s, tr("Village")},
                 {u"perCapitaIncomeFen"_s, {}},
                 {u"steps"_s, tr("Stage")},
                 {u"@state"_s, tr("Sync")}};
    e.exportName = tr("Exit cases");
    m_exits = new RecordListView(session, typeNamed(relief::ExitCaseType::kName), e, this);
    m_exits->setProxy(
        new CaseStateProxy(relief::CaseKind::Exit, m_exits->model().columnOf(u"steps"_s), -1, this));
    m_exits->model().setReferenceResolver(u"householdId"_s, [&session](const QString &id) {
        const std::optional<CachedRecord> r = session.cache().record(id);
        return r ? r->record.fields.value(u"headName"_s).toString() : id;
    });
    m_exits->setDialogHook([this](RecordDialog &dialog, const sync::Placement &place) {
        dialog.form()->setReferenceChoices(u"householdId"_s,
                                           reliefquery::householdChoices(m_session.cache(), place.orgUnitId));
        dialog.setRecordIdRule([](const QJsonObject &f) {
            return relief::ExitCaseType::recordIdFor(f.value(u"householdId"_s).toString(),
                                                     f.value(u"year"_s).toInt());
        });
    });

    if (session.user().roles.contains(Role::Reviewer)) {
        for (RecordListView *list : {m_identification, m_exits}) {
            QPushButton *step = list->addAction(tr("Next &step…"));
            connect(step, &QPushButton::clicked, this, [this, list] { takeStep(list); });
        }
        // The comparison (Art. 9) of the cases in view; the dialog itself admits county and city reviewers.
        QPushButton *comparison = m_identification->addAction(tr("Comparison…"));
        connect(comparison, &QPushButton::clicked, this, [this] {
            ComparisonDialog dialog(m_session, m_identification->chosenPlace(), this);
            dialog.exec();
            m_identification->reload();
        });
        // Views of comparison data logged offline (also in an earlier run) go out after the next sync.
        ViewLog::of(m_session);
    }
    if (session.user().roles.contains(Role::Supervisor)) {
        // Supervisors receive the count and state of the hits; the hits themselves with a reason (Art. 26).
        QPushButton *read = m_identification->addAction(tr("Comparison &data…"));
        connect(read, &QPushButton::clicked, this, [this] { readComparison(); });
    }
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_identification, tr("Identification (Art. 9)"));
    tabs->addTab(m_exits, tr("Exit (Art. 10)"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
}

void CasesView::readComparison()
{
    const QString id = m_identification->currentRecordId();
    if (id.isEmpty()) {
        MessageBox::information(this, tr("Comparison data"), tr("Choose a case first."));
        return;
    }
    const QString reason = DisclosureDialog::askReason(this);
    if (reason.isEmpty())
        return;
    DisclosureDialog dialog(m_session, id, this);
    dialog.load(reason);
    dialog.exec();
}

void CasesView::takeStep(RecordListView *list)
{
    const QString id = list->currentRecordId();
    if (id.isEmpty()) {
        MessageBox::information(this, tr("Next step"), tr("Choose a case first."));
        return;
    }
    StepDialog dialog(m_session, id, this);
    if (dialog.exec() == QDialog::Accepted)
        list->reload();
}

HelpRequestsView::HelpRequestsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options h;
    h.columns = {{u"raisedOn"_s, {}},
                 {u"householdId"_s, {}},
                 {u"@orgUnit"_s, tr("Village")},
                 {u"category"_s, {}},
                 {u"content"_s, {}},
                 {u"acceptedOn"_s, {}},
                 {u"answeredOn"_s, tr("Answer (5 working days)")},
                 {u"assignedOn"_s, {}},
                 {u"resultOn"_s, tr("Result (10 working days)")},
                 {u"@state"_s, tr("Sync")}};
    h.searchFields = {u"content"_s, u"requester"_s};
    h.exportName = tr("Help requests");
    m_list = new RecordListView(session, typeNamed(relief::HelpRequestType::kName), h, this);
    m_list->setProxy(new DeadlineProxy(session, this));
    m_list->model().setReferenceResolver(u"householdId"_s, [&session](const QString &id) {
        const std::optional<CachedRecord> r = session.cache().record(id);
        return r ? r->record.fields.value(u"headName"_s).toString() : id;
    });
    m_list->setDialogHook([this](RecordDialog &dialog, const sync::Placement &place) {
        dialog.form()->setReferenceChoices(u"householdId"_s,
                                           reliefquery::householdChoices(m_session.cache(), place.orgUnitId));
        // The code the requester's side looks the result up with, registered with the request.
        const QString code = relief::helpLookupCode(dialog.recordId());
        if (dialog.isNewRecord())
            dialog.form()->setFixedValue(u"lookupCode"_s, code);
        dialog.setPlaceText(tr("Lookup code for the requester: %1").arg(code));
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
}

} // namespace sunshine::app
