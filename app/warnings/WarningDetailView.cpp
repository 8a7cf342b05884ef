#include "app/warnings/WarningDetailView.h"

#include "app/shell/DialogHook.h"
#include "app/sync/ClientSession.h"
#include "app/warnings/WarningStepDialog.h"
#include "common/core/ChinaTime.h"
#include "common/core/Money.h"
#include "common/rules/Rules.h"
#include "common/warnings/WarningType.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using warnings::Action;

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setWordWrap(true);
    return t;
}

void addRow(QTableWidget *t, const QStringList &cells)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

// The evidence's figures under the names clerks use; amounts in yuan.
QString labelOf(const QString &key)
{
    static const QHash<QString, QString> labels{{u"fundName"_s, u"资金项目"_s},
                                                {u"fundCode"_s, u"资金项目代码"_s},
                                                {u"period"_s, u"所属期"_s},
                                                {u"count"_s, u"笔数"_s},
                                                {u"totalFen"_s, u"合计金额（元）"_s},
                                                {u"amountFen"_s, u"金额（元）"_s},
                                                {u"entryDueOn"_s, u"录入期限"_s},
                                                {u"enteredOn"_s, u"录入日期"_s},
                                                {u"documentNo"_s, u"文号"_s},
                                                {u"receivedOn"_s, u"到账日期"_s},
                                                {u"reportDueOn"_s, u"报市期限"_s},
                                                {u"reportedOn"_s, u"报市日期"_s},
                                                {u"deadline"_s, u"超期环节"_s},
                                                {u"due"_s, u"期限"_s},
                                                {u"raisedOn"_s, u"提出日期"_s},
                                                {u"assignedOn"_s, u"交办日期"_s},
                                                {u"assignedTo"_s, u"交办单位"_s},
                                                {u"category"_s, u"类别"_s},
                                                {u"lookupCode"_s, u"查询码"_s},
                                                {u"quarter"_s, u"季度"_s},
                                                {u"windowOpens"_s, u"走访期开始"_s},
                                                {u"windowCloses"_s, u"走访期结束"_s},
                                                {u"startDate"_s, u"结对日期"_s},
                                                {u"helperId"_s, u"帮扶责任人记录"_s},
                                                {u"householdId"_s, u"帮扶对象记录"_s},
                                                {u"householdNo"_s, u"户编号"_s},
                                                {u"headName"_s, u"户主"_s},
                                                {u"upTo"_s, u"截至季度"_s},
                                                {u"annualFen"_s, u"四季度收入合计（元）"_s},
                                                {u"perCapitaFen"_s, u"人均收入（元）"_s},
                                                {u"quartersRecorded"_s, u"已登记季度数"_s},
                                                {u"lineFen"_s, u"收入线（元/人·年）"_s},
                                                {u"exitConfirmedOn"_s, u"确认退出日期"_s},
                                                {u"paidOn"_s, u"发放日期"_s},
                                                {u"asset"_s, u"收益项目"_s},
                                                {u"incomeFen"_s, u"收益金额（元）"_s},
                                                {u"distributedFen"_s, u"已分配（元）"_s}};
    return labels.value(key, key);
}

QString valueText(const QString &key, const QJsonValue &v)
{
    if (key.endsWith(u"Fen"_s))
        return money::formatYuan(v.toInteger());
    if (key == u"deadline"_s)
        return v.toString() == u"answer"_s ? u"答复"_s : u"办结"_s;
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

} // namespace

void WarningDetailView::setNextStepEntry(std::function<void(WarningStepDialog &)> fill)
{
    DialogHook<WarningStepDialog>::setNext(std::move(fill));
}

WarningDetailView::WarningDetailView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(u"font-weight: bold; font-size: 11pt;"_s);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    layout->addWidget(m_facts);
    layout->addWidget(new QLabel(tr("Evidence (as found when the warning was raised):"), this));
    m_evidence = makeTable({tr("Item"), tr("Value")}, this);
    m_evidence->setObjectName(u"warningEvidence"_s);
    layout->addWidget(m_evidence, 3);
    layout->addWidget(new QLabel(tr("Handling:"), this));
    m_history = makeTable({tr("Step"), tr("Date"), tr("By"), tr("Note")}, this);
    m_history->setObjectName(u"warningHistory"_s);
    layout->addWidget(m_history, 2);
    auto *buttons = new QHBoxLayout;
    for (const Action a : {Action::Assign, Action::Reply, Action::Decide, Action::Close, Action::Return}) {
        auto *b = new QPushButton(warnings::actionChinese(a), this);
        b->setObjectName(u"warningStep-"_s + warnings::actionName(a));
        connect(b, &QPushButton::clicked, this, [this, a] { takeStep(a); });
        buttons->addWidget(b);
        m_buttons.insert(int(a), b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    showWarning({});
}

void WarningDetailView::fillEvidence(const QJsonObject &evidence)
{
    m_evidence->setRowCount(0);
    // Who and what first, then the figures and dates, then the records behind it.
    static const QStringList first{u"headName"_s, u"householdNo"_s, u"fundName"_s, u"documentNo"_s,
                                   u"category"_s, u"period"_s,      u"quarter"_s,  u"upTo"_s};
    QStringList keys;
    for (const QString &k : first) {
        if (evidence.contains(k))
            keys.append(k);
    }
    const QStringList all = evidence.keys();
    for (const QString &k : all) {
        if (!keys.contains(k) && k != u"records"_s && k != u"payments"_s && k != u"fundCode"_s)
            keys.append(k);
    }
    keys << u"payments"_s << u"records"_s;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue value = evidence.value(key);
        if (value.isUndefined())
            continue;
        if (key == u"payments"_s) {
            const QJsonArray payments = value.toArray();
            for (const QJsonValue &p : payments) {
                const QJsonObject o = p.toObject();
                addRow(m_evidence,
                       {tr("Payment"), tr("%1 · %2 · %3 yuan · %4")
                                           .arg(o.value(u"paidOn"_s).toString(),
                                                m_session.orgUnitName(o.value(u"orgUnitId"_s).toString()),
                                                money::formatYuan(o.value(u"amountFen"_s).toInteger()),
                                                o.value(u"recipientName"_s).toString())});
            }
        } else if (key == u"records"_s) {
            addRow(m_evidence, {tr("Records behind it"), QString::number(value.toArray().size())});
        } else {
            addRow(m_evidence, {labelOf(key), valueText(key, value)});
        }
    }
    m_evidence->resizeRowsToContents();
}

void WarningDetailView::showWarning(const QString &warningId)
{
    m_id = warningId;
    const std::optional<CachedRecord> rec =
        warningId.isEmpty() ? std::nullopt : m_session.cache().record(warningId);
    for (QPushButton *b : std::as_const(m_buttons))
        b->setEnabled(false);
    m_history->setRowCount(0);
    m_evidence->setRowCount(0);
    if (!rec) {
        m_summary->setText(tr("Choose a warning in the list."));
        m_facts->clear();
        return;
    }
    const QJsonObject f = rec->record.fields;
    const auto severity = rules::severityFromName(f.value(u"severity"_s).toString());
    m_summary->setText(u"【%1】%2"_s.arg(severity ? rules::severityChinese(*severity) : QString(),
                                         f.value(u"summary"_s).toString()));
    const QList<warnings::WarningStep> steps = warnings::stepsFromJson(f.value(u"steps"_s).toArray());
    const warnings::Handling h = warnings::replay(steps);
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    const warnings::Lateness late =
        warnings::lateness(h, QDate::fromString(f.value(u"replyDueOn"_s).toString(), Qt::ISODate),
                           QDate::fromString(f.value(u"resultDueOn"_s).toString(), Qt::ISODate), today);
    QStringList facts;
    facts << tr("Rule: %1 (%2)").arg(f.value(u"ruleName"_s).toString(), f.value(u"rule"_s).toString())
          << tr("Place: %1 · owner: %2")
                 .arg(m_session.orgUnitName(rec->record.orgUnitId),
                      rec->record.departmentId.isEmpty() ? f.value(u"ownerDepartment"_s).toString()
                                                         : m_session.departmentName(rec->record.departmentId))
          << tr("Raised %1 · reply by %2 · result by %3")
                 .arg(f.value(u"raisedOn"_s).toString(), f.value(u"replyDueOn"_s).toString(),
                      f.value(u"resultDueOn"_s).toString())
          << tr("State: %1%2%3")
                 .arg(warnings::stateChinese(h.state),
                      h.outcome ? u" · "_s + warnings::outcomeChinese(*h.outcome) : QString(),
                      h.assignee.isEmpty() ? QString() : tr(" · assigned to %1").arg(h.assignee));
    if (late != warnings::Lateness::None)
        facts << warnings::latenessChinese(late);
    if (f.contains(u"escalatedOn"_s))
        facts << tr("Escalated (督办) on %1 to %2")
                     .arg(f.value(u"escalatedOn"_s).toString(),
                          m_session.orgUnitName(f.value(u"escalatedTo"_s).toString()));
    if (f.value(u"disciplineCopy"_s).toBool())
        facts << tr("Copied to the discipline commission (纪委)");
    m_facts->setText(facts.join(u'\n'));
    fillEvidence(QJsonDocument::fromJson(f.value(u"evidence"_s).toString().toUtf8()).object());
    for (const warnings::WarningStep &s : steps) {
        QString note = s.note;
        if (s.action == Action::Assign)
            note = tr("to %1").arg(s.assignee) + (note.isEmpty() ? QString() : u" · "_s + note);
        if (s.outcome)
            note = warnings::outcomeChinese(*s.outcome) + u" · "_s + note;
        addRow(m_history, {warnings::actionChinese(s.action), s.on.toString(Qt::ISODate), s.person, note});
    }
    m_history->resizeRowsToContents();
    // The steps this user may take now, by the rule the server applies (the form asks for names and notes).
    for (auto it = m_buttons.constBegin(); it != m_buttons.constEnd(); ++it) {
        warnings::WarningStep probe;
        probe.action = Action(it.key());
        probe.person = probe.assignee = probe.note = u"-"_s;
        probe.outcome = warnings::Outcome::FalseAlarm;
        it.value()->setEnabled(
            !warnings::stepProblem(steps, probe, m_session.user().roles, m_session.user().id) &&
            (m_session.user().roles.contains(Role::Clerk) ||
             m_session.user().roles.contains(Role::Reviewer)));
    }
}

void WarningDetailView::takeStep(Action action)
{
    if (m_id.isEmpty())
        return;
    WarningStepDialog dialog(m_session, m_id, action, this);
    if (DialogHook<WarningStepDialog>::run(dialog) == QDialog::Accepted) {
        showWarning(m_id);
        Q_EMIT stepTaken();
    }
}

} // namespace sunshine::app
