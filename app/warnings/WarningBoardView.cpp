#include "app/warnings/WarningBoardView.h"

#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "app/warnings/WarningDetailView.h"
#include "app/warnings/WarningQueries.h"
#include "common/core/ChinaTime.h"
#include "common/rules/Rules.h"
#include "common/warnings/WarningType.h"

#include <QColor>
#include <QComboBox>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using warnings::WarningState;

WarningBoardView::WarningBoardView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options o;
    o.columns = {{u"severity"_s, {}},          {u"ruleName"_s, {}},      {u"summary"_s, {}},
                 {u"@orgUnit"_s, tr("Place")}, {u"state"_s, {}},         {u"assignee"_s, {}},
                 {u"raisedOn"_s, {}},          {u"replyDueOn"_s, {}},    {u"resultDueOn"_s, {}},
                 {u"escalatedOn"_s, {}},       {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"summary"_s, u"ruleName"_s, u"assignee"_s};
    o.canAdd = false; // raised by the server's rules only
    o.canEdit = true; // to attach evidence; the finding itself is read-only
    o.exportName = tr("Warnings");
    const auto *type = sync::RecordTypes::find(QString::fromUtf16(warnings::WarningType::kName));
    m_list = new RecordListView(session, *type, o, this);
    m_list->model().setOrgUnitResolver([&session](const QString &id) { return session.orgUnitName(id); });

    // How late the handling is, judged now by the rule the server escalates by.
    m_lateness = new ComputedColumnProxy(
        tr("Lateness"),
        [&session](const QString &id, int, int role) -> QVariant {
            if (role != Qt::DisplayRole && role != Qt::BackgroundRole)
                return {};
            const std::optional<CachedRecord> rec = session.cache().record(id);
            if (!rec)
                return {};
            const QJsonObject &f = rec->record.fields;
            const warnings::Lateness late = warnings::lateness(
                warnings::replay(warnings::stepsFromJson(f.value(u"steps"_s).toArray())),
                sync::RecordType::dateOf(f, u"replyDueOn"_s), sync::RecordType::dateOf(f, u"resultDueOn"_s),
                chinaDateOf(session.clock().nowMs()));
            if (role == Qt::BackgroundRole)
                return late == warnings::Lateness::None ? QVariant() : QVariant(QColor(0xf9, 0xde, 0xdc));
            return warnings::latenessChinese(late);
        },
        this);
    m_list->setProxy(m_lateness);
    // The newest first; the counts follow every reload (sync brings warnings in the background).
    m_list->view()->sortByColumn(m_list->model().columnOf(u"raisedOn"_s), Qt::DescendingOrder);
    connect(&m_list->model(), &QAbstractItemModel::modelReset, this, &WarningBoardView::updateCounts);

    m_state = new QComboBox;
    m_state->setObjectName(u"warningStateFilter"_s);
    m_state->addItem(tr("Open"), u"open"_s);
    m_state->addItem(tr("Escalated (督办)"), u"escalated"_s);
    for (const WarningState s : {WarningState::New, WarningState::Assigned, WarningState::Verifying,
                                 WarningState::Review, WarningState::Closed})
        m_state->addItem(warnings::stateChinese(s), warnings::stateName(s));
    m_state->addItem(tr("All states"), u"all"_s);
    m_severity = new QComboBox;
    m_severity->setObjectName(u"warningSeverityFilter"_s);
    m_severity->addItem(tr("All levels"));
    for (const rules::Severity s : {rules::Severity::Red, rules::Severity::Orange, rules::Severity::Yellow})
        m_severity->addItem(rules::severityChinese(s), rules::severityName(s));
    m_rule = new QComboBox;
    m_rule->setObjectName(u"warningRuleFilter"_s);
    m_rule->addItem(tr("All rules"));
    const QList<const rules::Rule *> all = rules::RuleRegistry::all();
    for (const rules::Rule *r : all)
        m_rule->addItem(r->chineseName(), r->code());
    for (QComboBox *c : {m_state, m_severity, m_rule}) {
        m_list->addFilterWidget(c);
        connect(c, &QComboBox::currentIndexChanged, this, &WarningBoardView::applyFilters);
    }

    m_detail = new WarningDetailView(session, this);
    connect(m_list, &RecordListView::currentRecordChanged, m_detail, &WarningDetailView::showWarning);
    connect(m_detail, &WarningDetailView::stepTaken, this, &WarningBoardView::reload);
    connect(m_list, &RecordListView::saved, this, &WarningBoardView::reload);

    m_counts = new QLabel(this);
    m_counts->setObjectName(u"warningCounts"_s);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_counts);
    layout->addWidget(splitter, 1);
    applyFilters();
}

void WarningBoardView::setStateFilter(const QString &key)
{
    const int i = m_state->findData(key);
    if (i >= 0)
        m_state->setCurrentIndex(i);
}

void WarningBoardView::applyFilters()
{
    RecordTableModel &model = m_list->model();
    const QString state = m_state->currentData().toString();
    if (state == u"open"_s)
        model.setCondition(u"state"_s, warningquery::open());
    else if (state == u"escalated"_s)
        model.setCondition(u"state"_s, warningquery::escalated());
    else
        model.setCondition(u"state"_s, {});
    const bool oneState = state != u"open"_s && state != u"escalated"_s && state != u"all"_s;
    model.setEquals(u"state"_s, oneState ? QVariant(state) : QVariant());
    model.setEquals(u"severity"_s, m_severity->currentData());
    model.setEquals(u"rule"_s, m_rule->currentData());
    updateCounts();
}

void WarningBoardView::reload()
{
    const QString current = m_detail->warningId();
    m_list->reload();
    m_detail->showWarning(current);
    updateCounts();
}

void WarningBoardView::updateCounts()
{
    const QMap<QString, qint64> counts = warningquery::countsByState(m_session.cache());
    QStringList parts;
    for (const WarningState s : {WarningState::New, WarningState::Assigned, WarningState::Verifying,
                                 WarningState::Review, WarningState::Closed})
        parts << u"%1 %2"_s.arg(warnings::stateChinese(s)).arg(counts.value(warnings::stateName(s)));
    m_counts->setText(tr("Warnings of your area: %1").arg(parts.join(u" · "_s)));
}

} // namespace sunshine::app
