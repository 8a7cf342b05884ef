#include "app/supervision/RectificationsView.h"

#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/supervision/SupervisionQueries.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/supervision/RectificationTypes.h"
#include "common/supervision/SupervisionRules.h"

#include <QBrush>
#include <QComboBox>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace supervision;

RectificationsView::RectificationsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options o;
    o.columns = {{u"title"_s, {}},
                 {u"source"_s, {}},
                 {u"@orgUnit"_s, tr("Unit")},
                 {u"@department"_s, tr("Responsible department")},
                 {u"orderedOn"_s, {}},
                 {u"dueOn"_s, {}},
                 {u"state"_s, {}},
                 {u"amountFen"_s, {}},
                 {u"recoveredFen"_s, {}},
                 {u"closedOn"_s, {}},
                 {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"title"_s, u"requirement"_s, u"responsible"_s};
    o.exportName = tr("Rectifications");
    // New ones are ordered by supervisors (the others come from warnings and audit findings).
    o.canAdd = session.user().roles.contains(Role::Supervisor);
    m_rectifications = new RecordListView(session, sync::RecordTypes::get<RectificationType>(), o, this);
    m_rectifications->setObjectName(u"rectifications"_s);

    // Late: not struck off and past the deadline (rectificationOverdue), in red with the days late.
    auto *late = new ComputedColumnProxy(
        tr("Deadline"),
        [&session](const QString &id, int, int role) -> QVariant {
            if (role != Qt::DisplayRole && role != Qt::ForegroundRole)
                return {};
            const std::optional<CachedRecord> rec = session.cache().record(id);
            if (!rec)
                return {};
            const QJsonObject &f = rec->record.fields;
            const auto state = rectificationStateFromName(f.value(u"state"_s).toString());
            const QDate due = sync::RecordType::dateOf(f, u"dueOn"_s);
            const QDate today = chinaDateOf(session.clock().nowMs());
            const bool overdue = state && rectificationOverdue(*state, due, today);
            if (role == Qt::ForegroundRole)
                return overdue ? QVariant(QBrush(Qt::red)) : QVariant();
            if (state == RectificationState::Closed)
                return RectificationsView::tr("struck off");
            if (overdue)
                return RectificationsView::tr("%n day(s) late", nullptr, int(due.daysTo(today)));
            return RectificationsView::tr("%n day(s) left", nullptr, int(today.daysTo(due)));
        },
        this);
    m_rectifications->setProxy(late);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(u"rectificationFilter"_s);
    m_filter->addItem(tr("All"), QString());
    m_filter->addItem(tr("Not struck off"), u"open"_s);
    m_filter->addItem(tr("Late"), u"overdue"_s);
    const QStringList pairs = rectificationStateChoicePairs();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        m_filter->addItem(pairs.at(i + 1), pairs.at(i));
    m_rectifications->addFilterWidget(m_filter);
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { showOnly(m_filter->currentData().toString()); });

    RecordListView::Options r;
    r.columns = {
        {u"reportedOn"_s, {}}, {u"progress"_s, {}}, {u"recoveredFen"_s, {}}, {u"@state"_s, tr("Sync")}};
    r.placeFilter = false;
    r.exportName = tr("Rectification reports");
    r.equals.insert(u"rectificationId"_s, u"-"_s);
    m_reports = new RecordListView(session, sync::RecordTypes::get<RectificationReportType>(), r, this);
    m_reports->setObjectName(u"rectificationReports"_s);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_rectifications);
    split->addWidget(m_reports);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    connect(m_rectifications, &RecordListView::currentRecordChanged, this,
            &RectificationsView::showRectification);
    showRectification({});
}

void RectificationsView::showOnly(const QString &filter)
{
    const int i = m_filter->findData(filter);
    if (i >= 0 && i != m_filter->currentIndex()) {
        m_filter->setCurrentIndex(i); // comes back here through the signal
        return;
    }
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    CacheCondition c;
    if (filter == u"open"_s)
        c = supervisionquery::openRectifications();
    else if (filter == u"overdue"_s)
        c = supervisionquery::overdueRectifications(today);
    else if (!filter.isEmpty())
        c = cachequery::equals(cachequery::field(u"state"_s), filter);
    m_rectifications->model().setCondition(u"filter"_s, c);
}

void RectificationsView::showRectification(const QString &id)
{
    m_reports->model().setEquals(u"rectificationId"_s, id.isEmpty() ? u"-"_s : id);
    m_reports->setFixedValue(u"rectificationId"_s, id);
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    m_reports->setEnabled(rec.has_value());
    if (rec) {
        // Reports go where the rectification is, under its department.
        m_reports->setDefaultPlace(rec->record.orgUnitId);
        m_reports->setDefaultDepartment(rec->record.departmentId);
    }
}

RecordListView *makeReferralsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"subject"_s, {}},    {u"source"_s, {}},
                 {u"to"_s, {}},         {u"@orgUnit"_s, {}},
                 {u"letterNo"_s, {}},   {u"sentOn"_s, {}},
                 {u"receivedOn"_s, {}}, {u"state"_s, {}},
                 {u"outcome"_s, {}},    {u"@state"_s, RectificationsView::tr("Sync")}};
    o.searchFields = {u"subject"_s, u"letterNo"_s, u"outcome"_s};
    o.exportName = RectificationsView::tr("Referrals");
    // Sent by supervisors or a department's reviewer (Art. 27); received and concluded by supervisors.
    o.canAdd = o.canEdit =
        session.user().roles.contains(Role::Supervisor) || session.user().roles.contains(Role::Reviewer);
    auto *view = new RecordListView(session, sync::RecordTypes::get<ReferralType>(), o, parent);
    view->setObjectName(u"referrals"_s);
    view->setDefaultDepartment(session.user().departmentId);
    return view;
}

RecordListView *makeAccountabilityView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"person"_s, {}},     {u"post"_s, {}},
                 {u"unitName"_s, {}},   {u"grounds"_s, {}},
                 {u"form"_s, {}},       {u"decidedOn"_s, {}},
                 {u"decisionNo"_s, {}}, {u"leadersExamined"_s, {}},
                 {u"published"_s, {}},  {u"@state"_s, RectificationsView::tr("Sync")}};
    o.searchFields = {u"person"_s, u"unitName"_s, u"summary"_s};
    o.placeLevel = OrgLevel::Town;
    o.exportName = RectificationsView::tr("Accountability");
    o.canAdd = o.canEdit = session.user().roles.contains(Role::Supervisor);
    auto *view = new RecordListView(session, sync::RecordTypes::get<AccountabilityType>(), o, parent);
    view->setObjectName(u"accountability"_s);
    view->setDefaultDepartment(session.user().departmentId);
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &) {
        dialog.form()->setReferenceChoices(u"referralId"_s,
                                           choices(session.cache(), QString::fromUtf16(ReferralType::kName),
                                                   {}, {u"letterNo"_s, u"subject"_s}, u"sentOn"_s, 500));
    });
    return view;
}

} // namespace sunshine::app
